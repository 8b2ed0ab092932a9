/**
 * The one registry of `cchc export --format`: format name → exporter. Every name the command
 * accepts is listed; a format whose exporter package is not part of this build is listed without
 * an exporter and refused with a clear line. Adding one is one entry in `EXPORTERS`.
 */
import { type ExporterService, htmlExporter, markdownExporter } from "@cchc/core";

/** The formats of `cchc export`, in the order the help lists them (a public contract). */
export const EXPORT_FORMATS = ["docx", "pdf", "xlsx", "ics", "md", "html"] as const;
/** One format name of `cchc export`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The exporters in this build, each loaded when first used so other commands do not pay for the
 * Word and PDF libraries. xlsx (@cchc/export-xlsx) and ics (@cchc/export-ical) join with one line
 * each, e.g. `xlsx: () => import("@cchc/export-xlsx").then((m) => m.xlsxExporter),`.
 */
export const EXPORTERS: Partial<Record<ExportFormat, () => Promise<ExporterService>>> = {
  docx: () => import("@cchc/export-docx").then((m) => m.docxExporter),
  pdf: () => import("@cchc/export-pdf").then((m) => m.pdfExporter),
  md: async () => markdownExporter,
  html: async () => htmlExporter,
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
