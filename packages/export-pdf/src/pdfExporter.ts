/**
 * The PDF adapter of the exporter port: every official document (plan, period report, score
 * sheet, reporting calendar) as a PDF in the Decree 30 layout, its font embedded.
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
import { loadTinos, type ParsedFonts, type PdfFonts, parseFonts } from "./fonts.js";
import { renderPdf } from "./pdfDocument.js";

const MEDIA_TYPE = "application/pdf";

/** Options of `makePdfExporter`. */
export interface PdfExporterOptions {
  /**
   * The four faces to embed, for a house font or a bundled app where the Tinos files of the npm
   * package are not on disk. They must cover Vietnamese; default: Tinos.
   */
  readonly fonts?: PdfFonts;
}

const fail = (vi: string, en: string) => (cause: unknown) =>
  new ExportError({ format: "pdf", reason: { vi, en }, cause });

/** A PDF exporter with the given fonts. */
export function makePdfExporter(options: PdfExporterOptions = {}): ExporterService {
  let parsed: Promise<ParsedFonts> | undefined;
  const fontsOnce = () => {
    const given = options.fonts;
    parsed ??= (given === undefined ? loadTinos() : Promise.resolve(given))
      .then(parseFonts)
      .catch((err: unknown) => {
        parsed = undefined;
        throw err;
      });
    return parsed;
  };
  return {
    format: "pdf",
    mediaType: MEDIA_TYPE,
    extension: "pdf",
    kinds: ["plan", "period-report", "score-sheet", "calendar"],
    export: (request, exportOptions) =>
      Effect.gen(function* () {
        const doc = yield* Effect.try({
          try: () => officialDocument(request, exportOptions),
          catch: fail("không lập được văn bản", "could not lay out the document"),
        });
        const fonts = yield* Effect.tryPromise({
          try: fontsOnce,
          catch: fail("không đọc được phông chữ để nhúng", "could not read the font to embed"),
        });
        const laid = yield* Effect.tryPromise({
          try: () => renderPdf(doc, fonts),
          catch: fail("không tạo được tệp PDF", "could not write the PDF file"),
        });
        return {
          bytes: laid.bytes,
          mediaType: MEDIA_TYPE,
          fileName: `${doc.fileBaseName}.pdf`,
          warnings: [...doc.warnings, ...laid.warnings],
        };
      }),
  };
}

/** PDF exporter with the Tinos font (Times New Roman metrics, full Vietnamese) embedded. */
export const pdfExporter: ExporterService = makePdfExporter();

/** Provides the `Exporter` service with a PDF exporter, for Effect programs. */
export const PdfExporter = {
  /** The `Exporter` service as PDF (fonts parsed once for the layer's lifetime). */
  layer: (options: PdfExporterOptions = {}): Layer.Layer<Exporter> =>
    Layer.succeed(Exporter, options.fonts === undefined ? pdfExporter : makePdfExporter(options)),
} as const;

/** Exports a document as PDF, for code that does not use Effect; rejects with `ExportError`. */
export function exportPdf(request: ExportRequest, options?: ExportOptions): Promise<ExportedFile> {
  return Effect.runPromise(pdfExporter.export(request, options));
}
