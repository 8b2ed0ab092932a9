import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { conditions: ["@cchc/source"] },
  ssr: { resolve: { conditions: ["@cchc/source"] } },
  test: { name: "storage-sql", include: ["test/**/*.test.ts"] },
});
