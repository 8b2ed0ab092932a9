/**
 * @cchc/export-xlsx — plans, period reports, score sheets and the reporting calendar as Excel
 * workbooks (.xlsx): Vietnamese headers, frozen and filtered header rows, VND, percent and date
 * formats, formula-looking text neutralised. Implements the core's `Exporter` port.
 */
import {
  ExportError,
  type ExportedFile,
  Exporter,
  type ExporterService,
  type ExportOptions,
  type ExportRequest,
  slugify,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { workbookSheets } from "./workbookSheets.js";
import { writeWorkbook } from "./writeWorkbook.js";

export { CELL_TEXT_LIMIT, FORMULA_TRIGGERS } from "./cellText.js";
export { NUMBER_FORMATS } from "./writeWorkbook.js";

/** The media type of an .xlsx workbook, as mail clients and browsers expect it. */
export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The XLSX exporter: every document kind, as a workbook that opens on the document itself and
 * then has one sheet per table (plan: units, content areas, channels, responsibilities, funding,
 * budget, calendar, activities when given; score sheet: ranking, criteria, each unit's points).
 */
export const xlsxExporter: ExporterService = {
  format: "xlsx",
  mediaType: XLSX_MEDIA_TYPE,
  extension: "xlsx",
  kinds: ["plan", "period-report", "score-sheet", "calendar"],
  export: (request: ExportRequest, options?: ExportOptions) =>
    Effect.tryPromise({
      try: async (): Promise<ExportedFile> => {
        const { doc, sheets } = workbookSheets(request, options);
        const written = await writeWorkbook(sheets, {
          title: `${doc.documentTitle} ${doc.summary}`,
          subject: doc.summary,
          company: doc.issuer,
        });
        return {
          bytes: written.bytes,
          mediaType: XLSX_MEDIA_TYPE,
          fileName: `${slugify(doc.fileBaseName) || "bang-tinh"}.xlsx`,
          warnings: [...doc.warnings, ...written.warnings],
        };
      },
      catch: (cause) =>
        new ExportError({
          format: "xlsx",
          reason: { vi: "không tạo được bảng tính Excel", en: "could not write the Excel workbook" },
          cause,
        }),
    }),
};

/** The `Exporter` layer of the XLSX exporter, for Effect programs. */
export const XlsxExporter = {
  layer: Layer.succeed(Exporter, xlsxExporter),
} as const;

/**
 * Exports to .xlsx and returns a promise, for code that does not use Effect; rejects with the
 * `ExportError` (`err._tag === "ExportError"`).
 */
export function exportXlsx(request: ExportRequest, options?: ExportOptions): Promise<ExportedFile> {
  return Effect.runPromise(xlsxExporter.export(request, options));
}
