/**
 * The long fuzz run: a hundred thousand hostile inputs (seeded) through every public entry point of
 * the core that takes untrusted input (`fuzzEntryPoints` of @cchc/testing; the test suite runs two
 * thousand of them). Not a speed target: it reports how many inputs it tried, how many threw and
 * how many were answered with a malformed finding, and passes when both are zero.
 */
import { FUZZ_ENTRY_POINTS, fuzzEntryPoints } from "@cchc/testing";
import type { Benchmark } from "./types.js";

/** Inputs of the long run. */
export const FUZZ_INPUTS = 100_000;

export const fuzzBenchmark: Benchmark = {
  name: "fuzz",
  description: `${FUZZ_INPUTS} seeded hostile inputs through ${FUZZ_ENTRY_POINTS.length} entry points: none may throw`,
  usesDataset: false,
  async run(ctx) {
    const seed = 20_261_208;
    const started = performance.now();
    const report = await fuzzEntryPoints({
      seed,
      inputs: FUZZ_INPUTS,
      onProgress: (tried) => ctx.log(`fuzz: ${tried} inputs tried`),
    });
    const ms = Math.round(performance.now() - started);
    ctx.log(
      `fuzz: ${report.tried} inputs tried, ${report.threw} threw, ${report.malformed} malformed (${ms} ms)`,
    );
    return {
      seed: report.seed,
      tried: report.tried,
      threw: report.threw,
      malformed: report.malformed,
      byEntryPoint: report.byEntryPoint,
      failures: report.failures,
      ms,
      inputsPerSecond: Math.round(report.tried / (ms / 1000)),
      pass: report.threw === 0 && report.malformed === 0,
    };
  },
};
