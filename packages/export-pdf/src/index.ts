/**
 * `@cchc/export-pdf` — official documents of `@cchc` (the plan, periodic reports, score sheets, the
 * reporting calendar) as PDF in the Decree 30/2020/NĐ-CP layout, with a Vietnamese font embedded.
 */
export {
  loadTinos,
  notoFallbackFontPaths,
  type ParsedFont,
  type ParsedFonts,
  type PdfFallbackFont,
  type PdfFonts,
  tinosFontPaths,
} from "./fonts.js";
export { type PdfLayoutResult, renderPdf } from "./pdfDocument.js";
export {
  exportPdf,
  makePdfExporter,
  PdfExporter,
  type PdfExporterOptions,
  pdfExporter,
} from "./pdfExporter.js";
