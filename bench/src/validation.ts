/**
 * Validation of actual records: every line of records.ndjson through the core's `parseNdjsonLine`
 * and `checkRecord` (against the plan with its activities loaded), versus `JSON.parse` of the same
 * lines. Target: at most 3× the baseline.
 */
import { checkActivity, checkRecord, createTrackingContext, parseNdjsonLine } from "@cchc/core";
import { compare } from "./timing.js";
import type { Benchmark } from "./types.js";

export const TARGET_RATIO = 3;

export const validationBenchmark: Benchmark = {
  name: "validation",
  description: "parseNdjsonLine + checkRecord vs JSON.parse over every line of records.ndjson",
  async run(ctx) {
    const lines = await ctx.recordLines();
    const tracking = createTrackingContext(ctx.dataset.plan);
    for (const [i, text] of (await ctx.fileLines("activities.ndjson")).entries())
      checkActivity(JSON.parse(text), tracking, i + 1);
    ctx.log(`validation: ${lines.length} records, ${tracking.activities.size} activities loaded`);

    const baseline = () => {
      let objects = 0;
      for (let i = 0; i < lines.length; i++) {
        const value: unknown = JSON.parse(lines[i] as string);
        if (typeof value === "object" && value !== null) objects++;
      }
      return { valid: objects, invalid: lines.length - objects };
    };
    const measured = () => {
      let valid = 0;
      let invalid = 0;
      for (let i = 0; i < lines.length; i++) {
        const parsed = parseNdjsonLine(lines[i] as string, i + 1, "records");
        if (parsed === undefined) continue;
        if (!parsed.ok) {
          invalid++;
          continue;
        }
        if (checkRecord(parsed.value, tracking, i + 1).value === undefined) invalid++;
        else valid++;
      }
      return { valid, invalid };
    };
    const c = compare(baseline, measured, { log: ctx.log });
    return {
      records: lines.length,
      valid: c.value.valid,
      invalid: c.value.invalid,
      baselineMs: c.baselineMs,
      ms: c.ms,
      ratio: c.ratio,
      targetRatio: TARGET_RATIO,
      pass: c.ratio <= TARGET_RATIO,
      baselineRunsMs: c.baselineRunsMs,
      runsMs: c.runsMs,
    };
  },
};
