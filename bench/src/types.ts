/**
 * What every benchmark gets and gives: a shared context (the dataset, lazily loaded inputs, a
 * progress logger) and a JSON-ready result that `main` merges under the benchmark's name.
 */
import type { Activity, ActualRecord, Plan, UnitReport } from "@cchc/core";
import type { DatasetManifest } from "@cchc/testing";

/** The dataset a run measures on, generated once and cached on disk. */
export interface BenchDataset {
  readonly dir: string;
  readonly manifest: DatasetManifest;
  readonly plan: Plan;
  /** Time to generate and write it in this run, or null when the cached copy was reused. */
  readonly generatedMs: number | null;
}

/** Tracking data checked by the core and held in memory, for benchmarks that time pure work. */
export interface ParsedTracking {
  readonly activities: readonly Activity[];
  readonly records: readonly ActualRecord[];
  readonly reports: readonly UnitReport[];
}

/** Shared by all benchmarks of a run; loaders are memoized so a file is read once per run. */
export interface BenchContext {
  readonly root: string;
  readonly dataset: BenchDataset;
  /** Progress for people, on stderr (stdout carries only the JSON document). */
  log(message: string): void;
  /** records.ndjson as an array of lines (one string each, no line ends), read into memory. */
  recordLines(): Promise<readonly string[]>;
  /** The lines of a small NDJSON file of the dataset (activities, reports). */
  fileLines(name: string): Promise<readonly string[]>;
  /** All tracking data parsed and checked (records from `recordLines`). */
  tracking(): Promise<ParsedTracking>;
}

/** One benchmark: a name (its key in the output) and what it measures. */
export interface Benchmark {
  readonly name: string;
  readonly description: string;
  /** False for benchmarks that do not use the dataset: `--only` them and none is generated. */
  readonly needsDataset?: boolean;
  run(ctx: BenchContext): Promise<Record<string, unknown> & { readonly pass: boolean }>;
}
