import { defineConfig } from "tsup";

export default defineConfig({
  tsconfig: "tsconfig.build.json",
  // One output module per source module (not one bundle): with `"sideEffects": false` an app's
  // bundler drops whole modules it does not use — the storage and exporter ports and their Effect
  // imports stay out of a browser app that only validates plans and computes the calendar.
  entry: ["src/**/*.ts"],
  bundle: false,
  format: ["esm"],
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
});
