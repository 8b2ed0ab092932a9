/**
 * What every benchmark gets and gives: a shared context (the dataset, lazily loaded inputs, a
 * progress logger) and a JSON-ready result that `main` merges under the benchmark's name.
 */
import type { Activity, ActualRecord, Plan, UnitReport } from "@cchc/core";
import type { DatasetCounts, DatasetManifest } from "@cchc/testing";

/** One plan of the dataset: its folder (plan.json and its NDJSON files) and the plan in memory. */
export interface BenchPlan {
  readonly id: string;
  readonly dir: string;
  readonly plan: Plan;
  readonly counts: DatasetCounts;
}

/**
 * The dataset a run measures on, generated once and cached on disk. The 2026 national dataset is
 * the country as a tree of 52 plans (the Ministry of Home Affairs', then every ministry's and
 * province's); a 2018 one is a single plan. Benchmarks measure over every plan.
 */
export interface BenchDataset {
  readonly dir: string;
  readonly manifest: DatasetManifest;
  /** The root plan. */
  readonly plan: Plan;
  /** Every plan, root first (one for a one-plan dataset). */
  readonly plans: readonly BenchPlan[];
  /** Time to generate and write it in this run, or null when the cached copy was reused. */
  readonly generatedMs: number | null;
}

/** Tracking data checked by the core and held in memory, for benchmarks that time pure work. */
export interface ParsedTracking {
  readonly activities: readonly Activity[];
  readonly records: readonly ActualRecord[];
  readonly reports: readonly UnitReport[];
}

/** One plan's tracking data, parsed and checked, and its records.ndjson lines. */
export interface PlanTracking extends ParsedTracking {
  readonly plan: Plan;
  readonly dir: string;
}

/** Shared by all benchmarks of a run; loaders are memoized so a file is read once per run. */
export interface BenchContext {
  readonly root: string;
  readonly dataset: BenchDataset;
  /** Progress for people, on stderr (stdout carries only the JSON document). */
  log(message: string): void;
  /** Each plan's records.ndjson as an array of lines (no line ends), read into memory; plan order. */
  recordLines(): Promise<readonly (readonly string[])[]>;
  /** The lines of a small NDJSON file (activities, reports) of each plan, in plan order. */
  fileLines(name: string): Promise<readonly (readonly string[])[]>;
  /** Each plan's tracking data parsed and checked (records from `recordLines`), in plan order. */
  tracking(): Promise<readonly PlanTracking[]>;
}

/** The plan of a dataset with the most units (what a one-plan benchmark such as an export measures). */
export function largestPlan<T extends { readonly plan: Plan }>(plans: readonly T[]): T {
  let best = plans[0];
  for (const p of plans) if (best === undefined || p.plan.units.length > best.plan.units.length) best = p;
  if (best === undefined) throw new Error("the dataset has no plan");
  return best;
}

/** Sums a count over items. */
export const total = <T>(items: readonly T[], of: (item: T) => number): number =>
  items.reduce((a, x) => a + of(x), 0);

/** One benchmark: a name (its key in the output) and what it measures. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** False for benchmarks that never touch `ctx.dataset` (then `--only` them skips generating it). */
  readonly usesDataset?: boolean;
  run(ctx: BenchContext): Promise<Record<string, unknown> & { readonly pass: boolean }>;
}
