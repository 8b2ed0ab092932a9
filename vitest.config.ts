import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["packages/*", "examples/web-dashboard", "examples/custom-adapter", "test"],
    // Most test files wait on something else (PGlite, PostgreSQL, NATS, SMTP, child processes,
    // Chromium), so more files than cores run at once: on 2 cores this cuts the run by about a third.
    maxWorkers: 4,
  },
});
