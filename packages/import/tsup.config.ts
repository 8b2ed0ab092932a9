import { defineConfig } from "tsup";

export default defineConfig({
  tsconfig: "tsconfig.build.json",
  // Two entries: the text importer (browser-safe, no Node built-ins, no mammoth) and the .docx
  // importer, the only module that loads mammoth.
  entry: ["src/index.ts", "src/docx.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  external: ["mammoth", "@cchc/core"],
});
