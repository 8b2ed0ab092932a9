/**
 * Timing a piece of work against its baseline in the same process: one warm-up each, then the runs
 * interleaved (baseline, measured, baseline, …) so drift of the machine hits both alike, a garbage
 * collection (and a pause for its helper threads to finish) before every run so one run's garbage
 * is not charged to the next, and the best run of each reported.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as (() => void) | undefined;

/** Runs a full garbage collection when the runtime allows it. */
export function gc(): void {
  collect?.();
}

const pause = new Int32Array(new SharedArrayBuffer(4));
/**
 * A full collection of a heap holding a million records leaves V8's helper threads sweeping for
 * tens of milliseconds; on two cores they compete with the run that follows. Waiting here lets
 * them finish, so that work is charged to neither side.
 */
function settle(ms = 250): void {
  Atomics.wait(pause, 0, 0, ms);
}

/** Milliseconds of one call of `fn`, and what it returned. */
export function time<T>(fn: () => T): { ms: number; value: T } {
  gc();
  settle();
  const start = process.hrtime.bigint();
  const value = fn();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, value };
}

/** The outcome of `compare`: best times, every run, and the ratio measured ÷ baseline. */
export interface Comparison<B, M> {
  readonly baselineMs: number;
  readonly ms: number;
  readonly ratio: number;
  readonly baselineRunsMs: readonly number[];
  readonly runsMs: readonly number[];
  readonly baselineValue: B;
  readonly value: M;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Warms each function up once, then times `runs` interleaved runs of each; best of each wins. */
export function compare<B, M>(
  baseline: () => B,
  measured: () => M,
  options: { runs?: number; log?: (message: string) => void } = {},
): Comparison<B, M> {
  const runs = options.runs ?? 3;
  const log = options.log ?? (() => {});
  let baselineValue = time(baseline).value;
  let value = time(measured).value;
  const baselineRunsMs: number[] = [];
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const b = time(baseline);
    const m = time(measured);
    baselineRunsMs.push(round(b.ms));
    runsMs.push(round(m.ms));
    baselineValue = b.value;
    value = m.value;
    log(`  run ${i + 1}/${runs}: baseline ${round(b.ms)} ms, measured ${round(m.ms)} ms`);
  }
  const baselineMs = Math.min(...baselineRunsMs);
  const ms = Math.min(...runsMs);
  return {
    baselineMs,
    ms,
    ratio: round(ms / baselineMs, 2),
    baselineRunsMs,
    runsMs,
    baselineValue,
    value,
  };
}
