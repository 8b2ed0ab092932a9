/**
 * docs/adapters.md — an exporter written outside the @cchc packages: every official document as
 * plain UTF-8 text, for e-office systems that take a text attachment. It renders the one layout
 * model every exporter renders (`officialDocument`), so the header, numbering and tables read as
 * in the DOCX, and it passes `runExporterContract` (see test/docs-snippets.test.ts).
 */
import {
  ExportError,
  type ExportedFile,
  Exporter,
  type ExporterService,
  formatCell,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  officialDocument,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";

/** The document as lines of text, in reading order. */
export function documentText(doc: OfficialDocument): string {
  const lines = [
    ...(doc.parentBody === undefined ? [] : [doc.parentBody.toLocaleUpperCase("vi")]),
    doc.issuer.toLocaleUpperCase("vi"),
    doc.numberLine,
    "",
    NATIONAL_TITLE,
    NATIONAL_MOTTO,
    doc.placeDate,
    "",
    doc.documentTitle,
    doc.summary,
    "",
  ];
  for (const b of doc.body) {
    if (b.type === "table") {
      lines.push(b.columns.map((c) => c.header).join("\t"));
      for (const row of b.rows)
        lines.push(b.columns.map((c, i) => formatCell(row[i] ?? null, c.format)).join("\t"));
    } else if (b.type === "dash") lines.push(`- ${b.text}`);
    else if (b.type === "paragraph") lines.push(b.text);
    else lines.push(`${b.label} ${b.text}`);
    lines.push("");
  }
  lines.push("Nơi nhận:", ...doc.recipients.map((r) => `- ${r}`), "");
  if (doc.signer) lines.push(doc.signer.authority ?? "", doc.signer.title, doc.signer.name);
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The exporter service: format, media type, extension, the kinds it exports, and `export`. */
export const plainTextExporter: ExporterService = {
  format: "txt",
  mediaType: "text/plain; charset=utf-8",
  extension: "txt",
  kinds: ["plan", "period-report", "score-sheet", "calendar"],
  export: (request, options) =>
    Effect.try({
      try: (): ExportedFile => {
        const doc = officialDocument(request, options);
        return {
          bytes: new TextEncoder().encode(documentText(doc)),
          mediaType: "text/plain; charset=utf-8",
          fileName: `${doc.fileBaseName}.txt`,
          warnings: doc.warnings, // thiếu số, ngày, người ký… / missing number, date, signer…
        };
      },
      // Không bao giờ ném / never throws: a failure is an ExportError with a bilingual reason
      catch: (cause) =>
        new ExportError({
          format: "txt",
          reason: { vi: "không kết xuất được văn bản thuần", en: "could not render the plain text" },
          cause,
        }),
    }),
};

/** The Layer, for Effect programs: `Effect.provide(PlainTextExporter.layer())`. */
export const PlainTextExporter = {
  layer: (): Layer.Layer<Exporter> => Layer.succeed(Exporter, plainTextExporter),
};
