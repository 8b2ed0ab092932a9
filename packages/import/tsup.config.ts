import { defineConfig } from "tsup";

export default defineConfig({
  tsconfig: "tsconfig.build.json",
  // Two entries: the text importer (browser-safe, no Node built-ins, no mammoth) and the .docx
  // importer, the only module that loads mammoth.
  // A third, `@cchc/import/pdf`, loads unpdf (PDF.js) only when a PDF is read.
  entry: ["src/index.ts", "src/docx.ts", "src/pdf.ts"],
  format: ["esm"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  external: ["mammoth", "unpdf", "@cchc/core"],
});
