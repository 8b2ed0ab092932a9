/**
 * The exporter port: an official document (with its export options) in, bytes with a media type
 * and a file name out. DOCX, PDF, XLSX and iCalendar exporters live in their own packages; the
 * core ships Markdown and HTML, which need no library. Every exporter runs the contract suite of
 * `@cchc/testing`.
 */
import * as Context from "effect/Context";
import * as Data from "effect/Data";
import * as Effect from "effect/Effect";
import type { Finding } from "./finding.js";
import { renderDocumentHtml } from "./html.js";
import {
  type ExportKind,
  type ExportOptions,
  type ExportRequest,
  officialDocument,
} from "./officialDocument.js";
import { renderDocumentMarkdown } from "./render.js";
import type { LocalizedText } from "./text.js";

/** The file an exporter produced. */
export interface ExportedFile {
  readonly bytes: Uint8Array;
  readonly mediaType: string;
  /** File name with extension, safe on every file system (ASCII, no separators). */
  readonly fileName: string;
  /** What the document lacked (placeholders shown) or what was changed to keep the file safe. */
  readonly warnings: readonly Finding[];
}

/** An export that could not be produced (a document kind the format does not support, a library failure). */
export class ExportError extends Data.TaggedError("ExportError")<{
  readonly format: string;
  readonly reason: LocalizedText;
  readonly cause?: unknown;
}> {
  /** Vietnamese then English in one line, so a log or a plain `catch` shows something a person can act on. */
  override get message(): string {
    return `${this.reason.vi} / ${this.reason.en}`;
  }
}

/** What every exporter provides. */
export interface ExporterService {
  /** Short format name used on the command line: "docx", "pdf", "xlsx", "ics", "md", "html". */
  readonly format: string;
  readonly mediaType: string;
  readonly extension: string;
  /** The document kinds this format can export. */
  readonly kinds: readonly ExportKind[];
  /** Renders one document to bytes; fails with `ExportError` (never throws) on a kind it cannot do. */
  readonly export: (
    request: ExportRequest,
    options?: ExportOptions,
  ) => Effect.Effect<ExportedFile, ExportError>;
}

/** The exporter service tag, provided by an exporter's layer. */
export class Exporter extends Context.Service<Exporter, ExporterService>()("@cchc/core/Exporter") {}

declare const TextEncoder: { new (): { encode(input: string): Uint8Array } };

/** Fails with a clear error when the format does not handle this kind of document. */
export function unsupportedKind(format: string, kind: ExportKind): ExportError {
  return new ExportError({
    format,
    reason: {
      vi: `định dạng ${format} không xuất được loại văn bản "${kind}"`,
      en: `the ${format} format cannot export a "${kind}" document`,
    },
  });
}

const textExporter = (
  format: string,
  mediaType: string,
  extension: string,
  render: (doc: ReturnType<typeof officialDocument>) => string,
): ExporterService => ({
  format,
  mediaType,
  extension,
  kinds: ["plan", "period-report", "score-sheet", "calendar"],
  export: (request, options) =>
    Effect.try({
      try: () => {
        const doc = officialDocument(request, options);
        return {
          bytes: new TextEncoder().encode(render(doc)),
          mediaType,
          fileName: `${doc.fileBaseName}.${extension}`,
          warnings: doc.warnings,
        };
      },
      catch: (cause) =>
        new ExportError({
          format,
          reason: { vi: "không kết xuất được văn bản", en: "could not render the document" },
          cause,
        }),
    }),
});

/** Markdown of any official document. */
export const markdownExporter: ExporterService = textExporter(
  "md",
  "text/markdown; charset=utf-8",
  "md",
  renderDocumentMarkdown,
);

/** A standalone HTML page of any official document, all user text escaped. */
export const htmlExporter: ExporterService = textExporter(
  "html",
  "text/html; charset=utf-8",
  "html",
  renderDocumentHtml,
);
