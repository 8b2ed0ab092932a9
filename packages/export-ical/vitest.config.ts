import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@cchc/source"] },
  ssr: { resolve: { conditions: ["@cchc/source"] } },
  test: {
    name: "export-ical",
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
  },
});
