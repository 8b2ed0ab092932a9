import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@cchc/source"] },
  ssr: { resolve: { conditions: ["@cchc/source"] } },
  // Property tests run thousands of cases: on a loaded 2-core machine 5 s is not enough.
  test: { name: "core", include: ["test/**/*.test.ts"], testTimeout: 30_000 },
});
