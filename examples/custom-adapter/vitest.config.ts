import { defineProject } from "vitest/config";

export default defineProject({
  // Inside this repository @cchc packages resolve to their sources; an adapter in its own repository
  // drops these two lines and uses the published builds.
  resolve: { conditions: ["@cchc/source"] },
  ssr: { resolve: { conditions: ["@cchc/source"] } },
  test: {
    name: "custom-adapter",
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
