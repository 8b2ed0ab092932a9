import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@cchc/source"] },
  ssr: { resolve: { conditions: ["@cchc/source"] } },
  test: { name: "e2e", include: ["**/*.test.ts"], exclude: ["node_modules/**"], testTimeout: 60_000 },
});
