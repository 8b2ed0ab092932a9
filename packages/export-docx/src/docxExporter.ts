/**
 * The DOCX adapter of the exporter port: every official document (plan, period report, score
 * sheet, reporting calendar) as a Word file in the Decree 30 layout.
 */
import {
  ExportError,
  type ExportedFile,
  Exporter,
  type ExporterService,
  type ExportOptions,
  type ExportRequest,
  officialDocument,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { renderDocx } from "./docxDocument.js";

const MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Word (.docx) exporter: all four document kinds, Decree 30 layout. */
export const docxExporter: ExporterService = {
  format: "docx",
  mediaType: MEDIA_TYPE,
  extension: "docx",
  kinds: ["plan", "period-report", "score-sheet", "calendar"],
  export: (request, options) =>
    Effect.gen(function* () {
      const doc = yield* Effect.try({
        try: () => officialDocument(request, options),
        catch: (cause) =>
          new ExportError({
            format: "docx",
            reason: { vi: "không lập được văn bản", en: "could not lay out the document" },
            cause,
          }),
      });
      const bytes = yield* Effect.tryPromise({
        try: () => renderDocx(doc),
        catch: (cause) =>
          new ExportError({
            format: "docx",
            reason: { vi: "không tạo được tệp Word", en: "could not write the Word file" },
            cause,
          }),
      });
      return { bytes, mediaType: MEDIA_TYPE, fileName: `${doc.fileBaseName}.docx`, warnings: doc.warnings };
    }),
};

/** Provides the `Exporter` service with the DOCX exporter, for Effect programs. */
export const DocxExporter = {
  /** The `Exporter` service as DOCX, for Effect programs that ask for `yield* Exporter`. */
  layer: (): Layer.Layer<Exporter> => Layer.succeed(Exporter, docxExporter),
} as const;

/** Exports a document as DOCX, for code that does not use Effect; rejects with `ExportError`. */
export function exportDocx(request: ExportRequest, options?: ExportOptions): Promise<ExportedFile> {
  return Effect.runPromise(docxExporter.export(request, options));
}
