/**
 * PDF import throughput of `@cchc/import/pdf` (importPlanPdf: PDF.js text items → lines by position
 * → reflow → importer) in MB/s of PDF and pages/s, against the PDF library's bare text extraction of
 * the same files in the same run (unpdf's extractText: what any PDF importer must at least do); the
 * ratio is reported. The files are our own exports (@cchc/export-pdf) of the shipped samples
 * mic-2018, lao-cai-2026 and xa-bao-thang-2026. No target: the ratio tells what the line rebuilding
 * and the import cost on top of reading the PDF.
 */
import { samplePlan } from "@cchc/core";
import { exportPdf } from "@cchc/export-pdf";
import { importPlanPdf } from "@cchc/import/pdf";
import { extractText, getDocumentProxy } from "unpdf";
import type { Benchmark } from "./types.js";

const SAMPLES = ["mic-2018", "lao-cai-2026", "xa-bao-thang-2026"] as const;
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

async function timed(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export const pdfImportBenchmark: Benchmark = {
  name: "import-pdf",
  usesDataset: false,
  description:
    "importPlanPdf on our PDF exports of the samples vs unpdf's bare text extraction (MB/s, pages/s, ratio)",
  async run(ctx) {
    const files: Array<{ name: string; bytes: Uint8Array; pages: number }> = [];
    for (const name of SAMPLES) {
      const file = await exportPdf({ kind: "plan", plan: samplePlan(name) }, {});
      const pdf = await getDocumentProxy(new Uint8Array(file.bytes));
      files.push({ name, bytes: file.bytes, pages: pdf.numPages });
      await pdf.cleanup();
    }
    const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
    const totalPages = files.reduce((n, f) => n + f.pages, 0);
    ctx.log(`import-pdf: ${files.length} PDFs, ${round(totalBytes / 1024)} KB, ${totalPages} pages`);
    let imported = 0;
    const importMs = await timed(async () => {
      imported = 0;
      for (const f of files) if ((await importPlanPdf(f.bytes)).error === undefined) imported++;
    }, 3);
    const baselineMs = await timed(async () => {
      for (const f of files) {
        const pdf = await getDocumentProxy(new Uint8Array(f.bytes));
        await extractText(pdf, { mergePages: true });
        await pdf.cleanup();
      }
    }, 3);
    const mbs = (ms: number) => round(totalBytes / 1024 / 1024 / (ms / 1000));
    const pps = (ms: number) => round(totalPages / (ms / 1000), 1);
    return {
      pass: imported === files.length,
      files: files.map((f) => ({ name: f.name, bytes: f.bytes.length, pages: f.pages })),
      imported,
      importMs: round(importMs, 1),
      baselineMs: round(baselineMs, 1),
      importMBPerSecond: mbs(importMs),
      importPagesPerSecond: pps(importMs),
      baselineMBPerSecond: mbs(baselineMs),
      baselinePagesPerSecond: pps(baselineMs),
      ratio: round(importMs / baselineMs),
    };
  },
};
