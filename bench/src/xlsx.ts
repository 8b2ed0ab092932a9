/**
 * The widest score sheet of the dataset as XLSX (the plan with the most units: in the 2026 country a
 * province with its departments and communes, about 190 units; the 2018 national plan had 3,400):
 * `exportXlsx` of @cchc/export-xlsx (built dist)
 * in a child process, timed inside the child around the export alone and measured for peak RSS,
 * against a baseline child that loads the same inputs and writes the same rows (ranking, each
 * unit's points per criterion, the agency's criteria) as CSV text. Targets: export under 5 s and
 * child peak memory under 512 MB; the ratio to the CSV baseline is reported.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { PAR_COMMUNICATION_PRESET, scorePlan } from "@cchc/core";
import { type ChildRun, runMeasuredScript } from "./childProcess.js";
import { type Benchmark, largestPlan } from "./types.js";

export const TARGET_MS = 5000;
export const TARGET_MB = 512;
const RUNS = 2;

function distUrl(pkg: string): string {
  const json = createRequire(import.meta.url).resolve(`${pkg}/package.json`);
  return pathToFileURL(join(dirname(json), "dist", "index.js")).href;
}

interface ChildResult {
  readonly ms: number;
  readonly bytes: number;
  readonly rows: number;
  readonly warnings?: number;
}

/** The child's script: load plan and sheet, then time the export (xlsx) or the CSV baseline. */
function script(mode: "xlsx" | "csv", planPath: string, sheetPath: string, outPath: string): string {
  return `
import { readFile, writeFile } from "node:fs/promises";
const core = await import(${JSON.stringify(distUrl("@cchc/core"))});
const { exportXlsx } = await import(${JSON.stringify(distUrl("@cchc/export-xlsx"))});
const plan = core.Plan.parse(JSON.parse(await readFile(${JSON.stringify(planPath)}, "utf8")));
const sheet = JSON.parse(await readFile(${JSON.stringify(sheetPath)}, "utf8"));
const leaves = (nodes) => nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
const start = performance.now();
let bytes;
let rows = 0;
let warnings;
if (${JSON.stringify(mode)} === "xlsx") {
  const file = await exportXlsx({ kind: "score-sheet", plan, sheet });
  bytes = file.bytes;
  warnings = file.warnings.length;
  rows = sheet.units.length * 2 + leaves(sheet.agency.nodes).length;
} else {
  const q = (v) => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : '"' + String(v).replace(/"/g, '""') + '"');
  const lines = ["Hạng,Đơn vị,Điểm,Tối đa,Tỷ lệ,Dự báo cuối năm"];
  for (const u of sheet.units) lines.push([u.rank, u.name, u.points, u.maxPoints, u.percent / 100, u.forecast.percent / 100].map(q).join(","));
  const criteria = leaves(sheet.agency.nodes);
  for (const n of criteria) lines.push([n.nodeId, n.title.vi, n.points, n.maxPoints, n.explanation.text.vi].map(q).join(","));
  for (const u of sheet.units) {
    const byId = new Map(leaves(u.nodes).map((n) => [n.nodeId, n]));
    lines.push([u.rank, u.unitId, u.name, ...criteria.map((c) => byId.get(c.nodeId)?.points), u.points, u.maxPoints, u.percent / 100].map(q).join(","));
  }
  rows = lines.length - 1;
  bytes = new TextEncoder().encode(lines.join("\\n"));
}
const ms = performance.now() - start;
await writeFile(${JSON.stringify(outPath)}, bytes);
process.stdout.write(JSON.stringify({ ms, bytes: bytes.length, rows, warnings }));
`;
}

export const xlsxBenchmark: Benchmark = {
  name: "xlsx",
  description:
    "the widest plan's score sheet as XLSX (@cchc/export-xlsx, child process: export time and peak RSS) vs the same rows as CSV text",
  async run(ctx) {
    // the widest score sheet of the dataset: its plan with the most units (2026: a province)
    const { plan, activities, records, reports, dir: planDir } = largestPlan(await ctx.tracking());
    ctx.log(
      `xlsx: scoring ${plan.id} (${plan.units.length} units, ${records.length} records) for the sheet …`,
    );
    const sheet = scorePlan({ plan, activities, records, reports }, { scheme: PAR_COMMUNICATION_PRESET });
    const dir = await mkdtemp(join(tmpdir(), "cchc-bench-xlsx-"));
    try {
      const sheetPath = join(dir, "sheet.json");
      await writeFile(sheetPath, JSON.stringify(sheet));
      const planPath = join(planDir, "plan.json");
      const xlsxPath = join(dir, "bang-diem.xlsx");
      const csvPath = join(dir, "bang-diem.csv");
      const xlsxRuns: ChildRun<ChildResult>[] = [];
      const csvRuns: ChildRun<ChildResult>[] = [];
      for (let i = 0; i < RUNS; i++) {
        csvRuns.push(
          await runMeasuredScript<ChildResult>(script("csv", planPath, sheetPath, csvPath), ctx.root),
        );
        xlsxRuns.push(
          await runMeasuredScript<ChildResult>(script("xlsx", planPath, sheetPath, xlsxPath), ctx.root),
        );
        ctx.log(
          `  run ${i + 1}/${RUNS}: csv ${Math.round(csvRuns[i]?.result.ms ?? 0)} ms, xlsx ${Math.round(xlsxRuns[i]?.result.ms ?? 0)} ms (${xlsxRuns[i]?.maxRssMb} MB)`,
        );
      }
      const zip = await readFile(xlsxPath);
      if (zip.length === 0 || zip[0] !== 0x50 || zip[1] !== 0x4b)
        throw new Error("xlsx: the export is not a zip file");
      const best = (runs: readonly ChildRun<ChildResult>[]) => Math.min(...runs.map((r) => r.result.ms));
      const ms = Math.round(best(xlsxRuns));
      const baselineMs = Math.round(best(csvRuns) * 10) / 10;
      const maxRssMb = Math.max(...xlsxRuns.map((r) => r.maxRssMb));
      const baselineMaxRssMb = Math.max(...csvRuns.map((r) => r.maxRssMb));
      return {
        planId: plan.id,
        units: sheet.units.length,
        records: records.length,
        rows: xlsxRuns[0]?.result.rows,
        bytes: xlsxRuns[0]?.result.bytes,
        baselineBytes: csvRuns[0]?.result.bytes,
        method: xlsxRuns[0]?.method,
        baselineMs,
        ms,
        ratio: Math.round((ms / Math.max(baselineMs, 0.1)) * 100) / 100,
        maxRssMb,
        baselineMaxRssMb,
        rssRatio: Math.round((maxRssMb / baselineMaxRssMb) * 100) / 100,
        childWallMs: Math.min(...xlsxRuns.map((r) => r.wallMs)),
        runsMs: xlsxRuns.map((r) => Math.round(r.result.ms)),
        baselineRunsMs: csvRuns.map((r) => Math.round(r.result.ms * 10) / 10),
        targetMs: TARGET_MS,
        targetMb: TARGET_MB,
        pass: ms < TARGET_MS && maxRssMb < TARGET_MB,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
