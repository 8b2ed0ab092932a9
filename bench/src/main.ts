/**
 * `pnpm bench`: generates (or reuses) the national dataset, runs each benchmark against its
 * baseline in this same process, and prints ONE JSON document on stdout; progress goes to stderr.
 *
 *   node bench/dist/main.js [--only <name>,<name>…] [--size national] [--seed 1] [--year 2026]
 *
 * The default dataset is the 2026 country: 52 plans (the Ministry of Home Affairs', then the 17
 * ministries' and the 34 provinces'), 4,346 units, 1,000,000 records.
 *
 * A benchmark is a module exporting a `Benchmark`; add it to BENCHMARKS to have it run and merged.
 */
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  type ActualRecord,
  checkActivity,
  checkRecord,
  checkReport,
  createTrackingContext,
} from "@cchc/core";
import { DATASET_SIZES, type DatasetSize } from "@cchc/testing";
import { bundleSizeBenchmark } from "./bundleSize.js";
import { ensureDataset } from "./dataset.js";
import { docxBenchmark } from "./docxExport.js";
import { fuzzBenchmark } from "./fuzz.js";
import { holidaysBenchmark } from "./holidays.js";
import { icsBenchmark } from "./ics.js";
import { importBenchmark } from "./importThroughput.js";
import { linesBenchmark, readAllLines } from "./lines.js";
import { pdfImportBenchmark } from "./pdfImport.js";
import { planTreeBenchmark } from "./planTree.js";
import { scoreCommandBenchmark } from "./scoreCommand.js";
import { scoringBenchmark } from "./scoring.js";
import { storageBenchmark } from "./storage.js";
import type { BenchContext, BenchDataset, Benchmark, PlanTracking } from "./types.js";
import { validationBenchmark } from "./validation.js";
import { xlsxBenchmark } from "./xlsx.js";

const BENCHMARKS: readonly Benchmark[] = [
  validationBenchmark,
  scoringBenchmark,
  scoreCommandBenchmark,
  xlsxBenchmark,
  icsBenchmark,
  bundleSizeBenchmark,
  docxBenchmark,
  storageBenchmark,
  importBenchmark,
  pdfImportBenchmark,
  linesBenchmark,
  holidaysBenchmark,
  fuzzBenchmark,
  planTreeBenchmark,
];

const log = (message: string) => {
  process.stderr.write(`[bench] ${message}\n`);
};

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= load();
    return value;
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      size: { type: "string" },
      seed: { type: "string" },
      year: { type: "string" },
    },
  });
  const size = (values.size ?? "national") as DatasetSize;
  if (!Object.hasOwn(DATASET_SIZES, size))
    throw new Error(`--size must be one of ${Object.keys(DATASET_SIZES)}`);
  const seed = Number(values.seed ?? "1");
  const year = Number(values.year ?? "2026");
  const only = values.only?.split(",").map((s) => s.trim());
  const selected = only ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;
  if (only && selected.length !== only.length)
    throw new Error(`--only takes ${BENCHMARKS.map((b) => b.name).join(", ")}`);

  // bench/dist/main.js → the workspace root
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const needsDataset = selected.some((b) => b.usesDataset !== false);
  const loaded = needsDataset
    ? await ensureDataset(join(root, "node_modules", ".cache", "cchc-bench"), size, seed, year, log)
    : undefined;
  const dataset = new Proxy({} as BenchDataset, {
    get: (_, key) => {
      if (!loaded) throw new Error("a benchmark marked usesDataset: false read ctx.dataset");
      return loaded[key as keyof BenchDataset];
    },
  });

  const fileLines = (name: string) => Promise.all(dataset.plans.map((p) => readAllLines(join(p.dir, name))));
  const recordLines = once(async () => {
    log(`reading records.ndjson of ${dataset.plans.length} plan(s) into memory …`);
    return fileLines("records.ndjson");
  });
  const tracking = once(async (): Promise<readonly PlanTracking[]> => {
    log("parsing and checking the tracking data …");
    const activityLines = await fileLines("activities.ndjson");
    const reportLines = await fileLines("reports.ndjson");
    const recordsByPlan = await recordLines();
    return dataset.plans.map((p, k) => {
      const ctx = createTrackingContext(p.plan);
      const activities = (activityLines[k] ?? []).flatMap((t, i) => {
        const v = checkActivity(JSON.parse(t), ctx, i + 1).value;
        return v ? [v] : [];
      });
      const records: ActualRecord[] = [];
      for (const [i, t] of (recordsByPlan[k] ?? []).entries()) {
        const v = checkRecord(JSON.parse(t), ctx, i + 1).value;
        if (v) records.push(v);
      }
      const reports = (reportLines[k] ?? []).flatMap((t, i) => {
        const v = checkReport(JSON.parse(t), ctx, i + 1).value;
        return v ? [v] : [];
      });
      return { plan: p.plan, dir: p.dir, activities, records, reports };
    });
  });
  const ctx: BenchContext = { root, dataset, log, recordLines, fileLines, tracking };

  const results: Record<string, unknown> = {};
  for (const b of selected) {
    log(`${b.name}: ${b.description}`);
    const start = performance.now();
    results[b.name] = await b.run(ctx);
    log(`${b.name}: done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }

  const cpu = cpus();
  const doc = {
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? "unknown",
      memoryMb: Math.round(totalmem() / 1024 / 1024),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    dataset: loaded && {
      size: dataset.manifest.size,
      seed: dataset.manifest.seed,
      year: dataset.manifest.year,
      dir: dataset.dir,
      plans: dataset.plans.length,
      rootPlanId: dataset.manifest.rootPlanId,
      ...dataset.manifest.counts,
      communeLevelUnits: dataset.plans.reduce(
        (a, p) =>
          a +
          p.plan.units.filter((u) =>
            ["commune-committee", "ward-committee", "special-zone-committee"].includes(u.kind),
          ).length,
        0,
      ),
      bytes: dataset.manifest.plans.reduce((s, p) => s + p.files.reduce((t, f) => t + (f.bytes ?? 0), 0), 0),
      cached: dataset.generatedMs === null,
      generatedMs: dataset.generatedMs,
    },
    ...results,
    pass: Object.values(results).every((r) => (r as { pass: boolean }).pass),
  };
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

main().catch((err: unknown) => {
  log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
