import { defineConfig } from "tsup";

// The production build: `pnpm --filter "@cchc/example-web-dashboard..." build`, then `pnpm serve`.
// The @cchc packages stay external and are loaded from their own dist/ folders.
export default defineConfig({
  tsconfig: "tsconfig.build.json",
  entry: ["src/main.ts"],
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "node20",
  platform: "node",
});
