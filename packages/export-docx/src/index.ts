/**
 * `@cchc/export-docx` — official documents of `@cchc` (the plan, periodic reports, score sheets, the
 * reporting calendar) as Word files laid out as Decree 30/2020/NĐ-CP prescribes.
 */

export { docxDocument, renderDocx } from "./docxDocument.js";
export { DocxExporter, docxExporter, exportDocx } from "./docxExporter.js";
