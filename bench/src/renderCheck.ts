/**
 * `pnpm render:check`: the documents a person should look at, rendered to PNG the way they will
 * see them. Exports the sample plan (issued, and as a draft with placeholders), a period report,
 * a unit's report, the score sheet and a hostile plan (markup, control characters, 500 units) as
 * DOCX and PDF; converts each DOCX to PDF with LibreOffice (so Writer must open it) and every PDF to
 * PNG pages with pdftoppm; prints where the pages are, and for every PDF (pdfkit's and
 * LibreOffice's) the pages and the leftmost and rightmost word poppler measures (`pdftotext -bbox`),
 * flagged when outside the 30–195 mm margins. Needs `libreoffice`, `pdftoppm` and `pdftotext` on
 * PATH, so it stays out of `pnpm test`.
 *
 *   node bench/dist/renderCheck.js [--out <folder>] [--dpi 60]
 */
import { spawnSync } from "node:child_process";
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  buildPeriodReport,
  DECREE30_LAYOUT,
  type ExportOptions,
  type ExportRequest,
  PAR_COMMUNICATION_PRESET,
  samplePlan,
  sampleTracking,
  scorePlan,
} from "@cchc/core";
import { exportDocx } from "@cchc/export-docx";
import { exportPdf } from "@cchc/export-pdf";
import { generateDataset } from "@cchc/testing";
import { hostilePlan } from "@cchc/testing/contracts";
import { requireTool } from "@cchc/testing/tools";

const ISSUED: ExportOptions = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
};

interface Case {
  readonly name: string;
  readonly request: ExportRequest;
  readonly options: ExportOptions;
}

function cases(): Case[] {
  const data = generateDataset({ size: "small", seed: 1 });
  const activities = [...data.activities()];
  const records = [...data.records()];
  const report = buildPeriodReport({ plan: data.plan, activities, records, periodId: "2018Q1" });
  const unitId = activities[0]?.unitId;
  const unitReport = buildPeriodReport({ plan: data.plan, activities, records, periodId: "2018S1", unitId });
  if (!report || !unitReport) throw new Error("the generated plan has no 2018Q1/2018S1 period");
  const sheet = scorePlan(
    { plan: data.plan, activities, records, reports: [...data.reports()] },
    { scheme: PAR_COMMUNICATION_PRESET },
  );
  const reportOptions: ExportOptions = {
    number: "15/BC-BTTTT",
    place: "Hà Nội",
    date: "2018-03-20",
    signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
  };
  return [
    { name: "plan", request: { kind: "plan", plan: samplePlan("mic-2018") }, options: ISSUED },
    { name: "plan-draft", request: { kind: "plan", plan: samplePlan("mic-2018") }, options: {} },
    { name: "report-2018Q1", request: { kind: "period-report", report }, options: reportOptions },
    {
      name: "report-unit-2018S1",
      request: { kind: "period-report", report: unitReport },
      options: { place: "Hà Nội", date: "2018-06-20", signer: { title: "VỤ TRƯỞNG", name: "Trần Thị B" } },
    },
    { name: "score-sheet", request: { kind: "score-sheet", plan: data.plan, sheet }, options: reportOptions },
    { name: "hostile", request: { kind: "plan", plan: hostilePlan() }, options: ISSUED },
    ...(["lao-cai-2026", "xa-bao-thang-2026"] as const).flatMap((name): Case[] => {
      const plan = samplePlan(name);
      const t = sampleTracking(name);
      const r = buildPeriodReport({
        plan,
        activities: t?.activities ?? [],
        records: t?.records ?? [],
        periodId: `${plan.year}Q2`,
      });
      return [
        { name: `plan-${name}`, request: { kind: "plan", plan }, options: {} },
        ...(r
          ? [{ name: `report-${name}`, request: { kind: "period-report" as const, report: r }, options: {} }]
          : []),
      ];
    }),
  ];
}

/** Pages, leftmost and rightmost word in mm of a PDF, as poppler measures them. */
function measure(path: string): { pages: number; leftMm: number; rightMm: number } {
  const html = run("pdftotext", ["-bbox", path, "-"]);
  const mm = (pt: string | undefined) => (Number(pt) * 25.4) / 72;
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)];
  return {
    pages: html.split("<page ").length - 1,
    leftMm: Math.min(...words.map((w) => mm(w[1]))),
    rightMm: Math.max(...words.map((w) => mm(w[2]))),
  };
}

function run(command: string, args: readonly string[]): string {
  const r = spawnSync(command, args, { encoding: "utf8", timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    const missing = (r.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? `${command} không có trên máy / is not installed (Debian: libreoffice-writer-nogui, poppler-utils, fonts-liberation2)`
        : `${command}: ${r.error.message}`,
    );
  }
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}: ${r.stderr.trim()}`);
  return r.stdout;
}

async function main(): Promise<void> {
  // Writer converts the DOCX (`soffice` alone may be Calc's), poppler rasterises: name the packages now.
  requireTool("libreoffice-writer", "poppler");
  const { values } = parseArgs({ options: { out: { type: "string" }, dpi: { type: "string" } } });
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const out = resolve(process.env.INIT_CWD ?? root, values.out ?? join(root, "out", "render-check"));
  const dpi = values.dpi ?? "60";
  await rm(out, { recursive: true, force: true });
  const dirs = { files: join(out, "files"), converted: join(out, "libreoffice"), png: join(out, "png") };
  for (const d of Object.values(dirs)) await mkdir(d, { recursive: true });

  const log = (m: string) => process.stderr.write(`[render-check] ${m}\n`);
  const docx: string[] = [];
  const pdfs: Array<{ name: string; path: string }> = [];
  for (const c of cases()) {
    const d = await exportDocx(c.request, c.options);
    const p = await exportPdf(c.request, c.options);
    const docxPath = join(dirs.files, `${c.name}.docx`);
    const pdfPath = join(dirs.files, `${c.name}.pdf`);
    await writeFile(docxPath, d.bytes);
    await writeFile(pdfPath, p.bytes);
    docx.push(docxPath);
    pdfs.push({ name: `${c.name}-pdfkit`, path: pdfPath });
    const codes = [...new Set([...d.warnings, ...p.warnings].map((w) => w.code))];
    log(
      `${c.name}: docx ${d.bytes.length} B, pdf ${p.bytes.length} B${codes.length ? `; warnings: ${codes.join(", ")}` : ""}`,
    );
  }

  // A profile of its own, so a LibreOffice already running elsewhere on the machine does not
  // swallow the conversion.
  log("LibreOffice: DOCX → PDF …");
  run("libreoffice", [
    `-env:UserInstallation=file://${join(out, "lo-profile")}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    dirs.converted,
    ...docx,
  ]);
  const converted = (await readdir(dirs.converted)).filter((f) => f.endsWith(".pdf"));
  for (const f of docx) {
    const base = f.slice(f.lastIndexOf("/") + 1).replace(/\.docx$/, "");
    if (!converted.includes(`${base}.pdf`)) throw new Error(`LibreOffice did not convert ${f}`);
    pdfs.push({ name: `${base}-docx`, path: join(dirs.converted, `${base}.pdf`) });
  }

  const { marginsMm, pageMm } = DECREE30_LAYOUT;
  const limit = pageMm.width - marginsMm.right;
  const measured = pdfs.map((p) => {
    const m = measure(p.path);
    const inside = m.leftMm >= marginsMm.left - 0.01 && m.rightMm <= limit + 0.01;
    return `  ${p.name}: ${m.pages} trang / pages, chữ từ / words from ${m.leftMm.toFixed(2)} đến / to ${m.rightMm.toFixed(2)} mm${inside ? "" : ` — NGOÀI LỀ / OUTSIDE ${marginsMm.left}–${limit} mm`}`;
  });

  log(`pdftoppm -png -r ${dpi} …`);
  for (const p of pdfs) run("pdftoppm", ["-png", "-r", dpi, p.path, join(dirs.png, p.name)]);
  const pngs = (await readdir(dirs.png)).filter((f) => f.endsWith(".png")).sort();
  await rm(join(out, "lo-profile"), { recursive: true, force: true });
  process.stdout.write(
    `${[
      `Tệp xuất / exported files: ${dirs.files}`,
      `Bản LibreOffice chuyển từ DOCX / LibreOffice conversions: ${dirs.converted}`,
      "Vị trí đo bằng poppler / positions measured by poppler:",
      ...measured,
      `Trang PNG / PNG pages (${pngs.length}): ${dirs.png}`,
      ...pngs.map((f) => `  ${join(dirs.png, f)}`),
    ].join("\n")}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`[render-check] failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
