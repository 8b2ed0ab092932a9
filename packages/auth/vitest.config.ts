import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@cchc/source"] },
  ssr: { resolve: { conditions: ["@cchc/source"] } },
  test: { name: "auth", include: ["test/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
