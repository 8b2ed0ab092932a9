import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@cchc/source"] },
  ssr: { resolve: { conditions: ["@cchc/source"] } },
  test: {
    name: "evidence-fs",
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
