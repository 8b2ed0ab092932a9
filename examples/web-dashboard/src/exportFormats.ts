/**
 * The one registry of download formats. Every download goes through the core's exporter port
 * (`ExporterService`), so adding a format is one line here: the pages list, for each kind of
 * document, the formats whose exporter accepts that kind, in this order. Word and PDF follow the
 * Decree 30/2020 layout; the Excel workbook holds the tables; iCalendar puts the deadlines into a
 * calendar application.
 */
import {
  type ExportError,
  type ExportedFile,
  type ExporterService,
  type ExportKind,
  type ExportOptions,
  type ExportRequest,
  htmlExporter,
  type LocalizedText,
  markdownExporter,
} from "@cchc/core";
import { docxExporter } from "@cchc/export-docx";
import { icalExporter } from "@cchc/export-ical";
import { pdfExporter } from "@cchc/export-pdf";
import { xlsxExporter } from "@cchc/export-xlsx";
import * as Effect from "effect/Effect";
import type * as Result from "effect/Result";

/** A format offered for download, with the label people see. */
export interface DownloadFormat {
  readonly exporter: ExporterService;
  readonly label: LocalizedText;
}

/** The formats of this dashboard, in the order they are offered. */
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = [
  { exporter: docxExporter, label: { vi: "Word (Nghị định 30)", en: "Word (Decree 30 layout)" } },
  { exporter: pdfExporter, label: { vi: "PDF (Nghị định 30)", en: "PDF (Decree 30 layout)" } },
  { exporter: xlsxExporter, label: { vi: "Bảng tính Excel", en: "Excel workbook" } },
  { exporter: icalExporter, label: { vi: "Lịch (iCalendar)", en: "Calendar (iCalendar)" } },
  { exporter: markdownExporter, label: { vi: "Markdown", en: "Markdown" } },
  { exporter: htmlExporter, label: { vi: "HTML (in từ trình duyệt)", en: "HTML (print from the browser)" } },
];

/** The registry the app uses: a list of formats, looked up by name or by document kind. */
export class FormatRegistry {
  constructor(readonly formats: readonly DownloadFormat[] = DOWNLOAD_FORMATS) {}

  /** Formats that can export this kind of document. */
  forKind(kind: ExportKind): readonly DownloadFormat[] {
    return this.formats.filter((f) => f.exporter.kinds.includes(kind));
  }

  /** The format with this short name ("docx", "md"…), if it exports this kind. */
  find(format: string, kind: ExportKind): DownloadFormat | undefined {
    return this.forKind(kind).find((f) => f.exporter.format === format);
  }

  /** Runs the exporter; a failure comes back as the exporter's `ExportError`, not as a rejection. */
  export(
    format: DownloadFormat,
    request: ExportRequest,
    options?: ExportOptions,
  ): Promise<Result.Result<ExportedFile, ExportError>> {
    return Effect.runPromise(Effect.result(format.exporter.export(request, options)));
  }
}
