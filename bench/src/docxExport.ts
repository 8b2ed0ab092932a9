/**
 * DOCX of the sample plan (mic-2018, header and signer filled in), warm: the whole export —
 * layout model, Word document, zip — after warm-up runs, median of the timed runs. Baseline, in
 * the same run and interleaved: the docx library packing a one-paragraph document, i.e. the fixed
 * cost of the library's XML skeleton and zip that any DOCX pays. Also timed and reported: the
 * PDF of the same plan (fonts embedded) against pdfkit writing one line with the same embedded
 * font, and the core's Markdown export. Target: DOCX under 150 ms. Needs no dataset, so
 * `--only docx` is quick.
 */
import { type ExportOptions, markdownExporter, samplePlan } from "@cchc/core";
import { exportDocx } from "@cchc/export-docx";
import { exportPdf, loadTinos } from "@cchc/export-pdf";
import { Document, Packer, Paragraph } from "docx";
import * as Effect from "effect/Effect";
import PDFDocument from "pdfkit";
import { gc } from "./timing.js";
import type { Benchmark } from "./types.js";

export const TARGET_MS = 150;
const WARMUP = 5;
const RUNS = 15;

const ISSUED: ExportOptions = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
};

const round = (n: number) => Math.round(n * 10) / 10;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function timed(fn: () => Promise<unknown>): Promise<number> {
  gc();
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Warm-up runs of each, then `RUNS` interleaved runs; medians and every run. */
async function compareAsync(baseline: () => Promise<unknown>, measured: () => Promise<unknown>) {
  for (let i = 0; i < WARMUP; i++) {
    await baseline();
    await measured();
  }
  const b: number[] = [];
  const m: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    b.push(round(await timed(baseline)));
    m.push(round(await timed(measured)));
  }
  const baselineMs = round(median(b));
  const ms = round(median(m));
  return { baselineMs, ms, ratio: Math.round((ms / baselineMs) * 100) / 100, baselineRunsMs: b, runsMs: m };
}

export const docxBenchmark: Benchmark = {
  name: "docx",
  description:
    "DOCX (and PDF) of the sample plan, warm, vs the docx library packing a one-paragraph document",
  usesDataset: false,
  async run(ctx) {
    const plan = samplePlan("mic-2018");
    const request = { kind: "plan", plan } as const;
    let docxBytes = 0;
    let pdfBytes = 0;
    const docx = await compareAsync(
      () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Kế hoạch")] }] })),
      async () => {
        docxBytes = (await exportDocx(request, ISSUED)).bytes.length;
      },
    );
    ctx.log(`docx: median ${docx.ms} ms (baseline ${docx.baselineMs} ms)`);
    const fonts = await loadTinos();
    const onePdfLine = () =>
      new Promise<void>((resolve, reject) => {
        const pdf = new PDFDocument({ size: "A4" });
        pdf.on("data", () => {});
        pdf.on("end", () => resolve());
        pdf.on("error", reject);
        pdf.registerFont("regular", fonts.regular as Uint8Array);
        pdf.font("regular").fontSize(14).text("Kế hoạch tuyên truyền cải cách hành chính");
        pdf.end();
      });
    const pdf = await compareAsync(onePdfLine, async () => {
      pdfBytes = (await exportPdf(request, ISSUED)).bytes.length;
    });
    ctx.log(`pdf: median ${pdf.ms} ms (baseline ${pdf.baselineMs} ms)`);
    const md = await compareAsync(
      async () => {},
      () => Effect.runPromise(markdownExporter.export(request, ISSUED)),
    );
    return {
      document: "plan mic-2018 (issued: number, date, place, signer)",
      baseline: "docx Packer.toBuffer of a one-paragraph Document",
      warmupRuns: WARMUP,
      runs: RUNS,
      statistic: "median",
      bytes: docxBytes,
      baselineMs: docx.baselineMs,
      ms: docx.ms,
      ratio: docx.ratio,
      targetMs: TARGET_MS,
      pass: docx.ms < TARGET_MS,
      baselineRunsMs: docx.baselineRunsMs,
      runsMs: docx.runsMs,
      pdf: {
        baseline: "pdfkit writing one line with the Tinos regular face embedded",
        bytes: pdfBytes,
        baselineMs: pdf.baselineMs,
        ms: pdf.ms,
        ratio: pdf.ratio,
        runsMs: pdf.runsMs,
      },
      markdownMs: md.ms,
    };
  },
};
