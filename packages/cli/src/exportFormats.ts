/**
 * The one registry of `cchc export --format`: format name → exporter. Every name the command
 * accepts is listed; a format whose exporter package is not part of this build is listed without
 * an exporter and refused with a clear line. Adding one is one entry in `EXPORTERS`.
 */
import { type ExporterService, htmlExporter, markdownExporter } from "@cchc/core";
import { docxExporter } from "@cchc/export-docx";
import { pdfExporter } from "@cchc/export-pdf";

/** The formats of `cchc export`, in the order the help lists them (a public contract). */
export const EXPORT_FORMATS = ["docx", "pdf", "xlsx", "ics", "md", "html"] as const;
/** One format name of `cchc export`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The exporters in this build; xlsx (@cchc/export-xlsx) and ics (@cchc/export-ical) come on their own. */
export const EXPORTERS: Partial<Record<ExportFormat, ExporterService>> = {
  docx: docxExporter,
  pdf: pdfExporter,
  md: markdownExporter,
  html: htmlExporter,
};

/** The package that brings each format, for the "not available" message. */
export const FORMAT_PACKAGES: Record<ExportFormat, string> = {
  docx: "@cchc/export-docx",
  pdf: "@cchc/export-pdf",
  xlsx: "@cchc/export-xlsx",
  ics: "@cchc/export-ical",
  md: "@cchc/core",
  html: "@cchc/core",
};

/** True when `name` is one of the format names `cchc export` knows. */
export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
