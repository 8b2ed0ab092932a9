/**
 * Validation of actual records: every line of every plan's records.ndjson (the 2026 country: 52
 * plans, 1,000,000 records) through the core's `parseNdjsonLine` and `checkRecord` (against its
 * own plan with its activities loaded), versus `JSON.parse` of the same lines. Target: at most 3×
 * the baseline.
 */
import { checkActivity, checkRecord, createTrackingContext, parseNdjsonLine } from "@cchc/core";
import { compare } from "./timing.js";
import { type Benchmark, total } from "./types.js";

export const TARGET_RATIO = 3;

export const validationBenchmark: Benchmark = {
  name: "validation",
  description: "parseNdjsonLine + checkRecord vs JSON.parse over every line of every plan's records.ndjson",
  async run(ctx) {
    const linesByPlan = await ctx.recordLines();
    const activityLines = await ctx.fileLines("activities.ndjson");
    const plans = ctx.dataset.plans.map((p, k) => {
      const tracking = createTrackingContext(p.plan);
      for (const [i, text] of (activityLines[k] ?? []).entries())
        checkActivity(JSON.parse(text), tracking, i + 1);
      return { tracking, lines: linesByPlan[k] ?? [] };
    });
    const records = total(plans, (p) => p.lines.length);
    ctx.log(
      `validation: ${records} records of ${plans.length} plan(s), ${total(plans, (p) => p.tracking.activities.size)} activities loaded`,
    );

    const baseline = () => {
      let objects = 0;
      for (const { lines } of plans)
        for (let i = 0; i < lines.length; i++) {
          const value: unknown = JSON.parse(lines[i] as string);
          if (typeof value === "object" && value !== null) objects++;
        }
      return { valid: objects, invalid: records - objects };
    };
    const measured = () => {
      let valid = 0;
      let invalid = 0;
      for (const { tracking, lines } of plans)
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
      plans: plans.length,
      records,
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
