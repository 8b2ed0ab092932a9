/**
 * Scoring all units for the year: the core's `Scorer` (every activity, every checked record, every
 * report, then `result()` with its explanations, ranking and forecast) versus a hand-written
 * single pass over the same parsed records that computes the same per-unit quantities. Target: at
 * most 1.5× the baseline, and under 2 s.
 */
import {
  type Activity,
  type ActualRecord,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  Scorer,
  type ScoreSheet,
  type UnitReport,
  vietnamDateOf,
} from "@cchc/core";
import { compare, time } from "./timing.js";
import type { Benchmark } from "./types.js";

export const TARGET_RATIO = 1.5;
export const TARGET_MS = 2000;

interface ActivityTally {
  readonly unit: number;
  readonly target: number;
  readonly channelId: string;
  readonly contentAreaIds: readonly string[];
  achieved: number;
  records: number;
}

/** Per-unit quantities, summed over units, so the two sides can be compared. */
interface Totals {
  readonly records: number;
  readonly cost: number;
  readonly completion: number;
  readonly activitiesDone: number;
  readonly channelsUsed: number;
  readonly contentsUsed: number;
  readonly reportsCounted: number;
}

/**
 * The baseline: plain loops and typed arrays. Per activity: achieved output and record count; per
 * unit: cost, records, completion, activities done, channels and content areas used, earliest
 * report per period.
 */
function handWritten(
  plan: Plan,
  activities: readonly Activity[],
  records: readonly ActualRecord[],
  reports: readonly UnitReport[],
  asOfDate: string,
  asOfMs: number,
): Totals {
  const unitCount = plan.units.length;
  const unitIndex = new Map<string, number>();
  for (let u = 0; u < unitCount; u++) unitIndex.set((plan.units[u] as { id: string }).id, u);
  const tallies = new Map<string, ActivityTally>();
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i] as Activity;
    const unit = unitIndex.get(a.unitId);
    if (unit === undefined) continue;
    tallies.set(a.id, {
      unit,
      target: a.target.value,
      channelId: a.channelId,
      contentAreaIds: a.contentAreaIds,
      achieved: 0,
      records: 0,
    });
  }
  const cost = new Float64Array(unitCount);
  const recordCount = new Uint32Array(unitCount);
  // the single pass over the records
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as ActualRecord;
    const t = tallies.get(r.activityId);
    if (t === undefined || r.date > asOfDate) continue;
    t.achieved += r.output;
    t.records++;
    recordCount[t.unit] = (recordCount[t.unit] ?? 0) + 1;
    if (r.costVnd !== undefined) cost[t.unit] = (cost[t.unit] ?? 0) + r.costVnd;
  }
  // earliest submission per unit and period
  const firstReport = new Map<string, number>();
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i] as UnitReport;
    const at = Date.parse(r.submittedAt);
    if (at > asOfMs) continue;
    const key = `${r.unitId}\u0000${r.periodId}`;
    const prev = firstReport.get(key);
    if (prev === undefined || at < prev) firstReport.set(key, at);
  }
  // per unit: completion, done, channels and content areas used
  const completion = new Float64Array(unitCount);
  const done = new Uint32Array(unitCount);
  const channels: Set<string>[] = [];
  const contents: Set<string>[] = [];
  for (let u = 0; u < unitCount; u++) {
    channels.push(new Set());
    contents.push(new Set());
  }
  for (const t of tallies.values()) {
    const r = t.target === 0 ? (t.records > 0 ? 1 : 0) : t.achieved >= t.target ? 1 : t.achieved / t.target;
    completion[t.unit] = (completion[t.unit] ?? 0) + r;
    if (r >= 1 - 1e-9) done[t.unit] = (done[t.unit] ?? 0) + 1;
    if (t.records > 0) {
      (channels[t.unit] as Set<string>).add(t.channelId);
      for (const c of t.contentAreaIds) (contents[t.unit] as Set<string>).add(c);
    }
  }
  let totalRecords = 0;
  let totalCost = 0;
  let totalCompletion = 0;
  let totalDone = 0;
  let channelsUsed = 0;
  let contentsUsed = 0;
  for (let u = 0; u < unitCount; u++) {
    totalRecords += recordCount[u] as number;
    totalCost += cost[u] as number;
    totalCompletion += completion[u] as number;
    totalDone += done[u] as number;
    channelsUsed += (channels[u] as Set<string>).size;
    contentsUsed += (contents[u] as Set<string>).size;
  }
  return {
    records: totalRecords,
    cost: totalCost,
    completion: totalCompletion,
    activitiesDone: totalDone,
    channelsUsed,
    contentsUsed,
    reportsCounted: firstReport.size,
  };
}

/** The same totals read back from a score sheet (units summed), to check both sides agree. */
function totalsOf(sheet: ScoreSheet): Omit<Totals, "reportsCounted"> {
  let channelsUsed = 0;
  let contentsUsed = 0;
  let completion = 0;
  let activitiesDone = 0;
  for (const u of sheet.units) {
    channelsUsed += u.metrics["channel-diversity"].numerator;
    contentsUsed += u.metrics["content-coverage"].numerator;
    completion += u.metrics["plan-completion"].numerator;
    activitiesDone += u.metrics["activities-done"].numerator;
  }
  return {
    records: sheet.counts.records,
    cost: sheet.agency.metrics["budget-execution"].numerator,
    completion,
    activitiesDone,
    channelsUsed,
    contentsUsed,
  };
}

export const scoringBenchmark: Benchmark = {
  name: "scoring",
  description: "Scorer (all activities, records, reports, then result()) vs a hand-written single pass",
  async run(ctx) {
    const { activities, records, reports } = await ctx.tracking();
    const plan = ctx.dataset.plan;
    const options = { scheme: PAR_COMMUNICATION_PRESET };
    const asOf = new Scorer(plan, options).asOf;
    const asOfDate = vietnamDateOf(asOf);
    const asOfMs = Date.parse(asOf);
    ctx.log(
      `scoring: ${activities.length} activities, ${records.length} records, ${reports.length} reports, as of ${asOf}`,
    );

    const score = () => {
      const scorer = new Scorer(plan, options);
      for (const a of activities) scorer.addActivity(a);
      for (const r of records) scorer.addRecord(r);
      for (const r of reports) scorer.addReport(r);
      return scorer.result();
    };
    const c = compare(() => handWritten(plan, activities, records, reports, asOfDate, asOfMs), score, {
      log: ctx.log,
    });

    // Where the scorer's time goes, phase by phase (one more run).
    const scorer = time(() => new Scorer(plan, options));
    const s = scorer.value;
    const phases = {
      construct: scorer.ms,
      addActivity: time(() => {
        for (const a of activities) s.addActivity(a);
      }).ms,
      addRecord: time(() => {
        for (const r of records) s.addRecord(r);
      }).ms,
      addReport: time(() => {
        for (const r of reports) s.addReport(r);
      }).ms,
      result: time(() => s.result()).ms,
    };

    const expected = c.baselineValue;
    const got = totalsOf(c.value);
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
    const agree =
      got.records === expected.records &&
      close(got.cost, expected.cost) &&
      close(got.completion, expected.completion) &&
      got.activitiesDone === expected.activitiesDone &&
      got.channelsUsed === expected.channelsUsed &&
      got.contentsUsed === expected.contentsUsed;
    if (!agree)
      ctx.log(`scoring: MISMATCH baseline ${JSON.stringify(expected)} vs scorer ${JSON.stringify(got)}`);
    const underTwoSeconds = c.ms < TARGET_MS;
    return {
      units: c.value.units.length,
      records: records.length,
      baselineMs: c.baselineMs,
      ms: c.ms,
      ratio: c.ratio,
      targetRatio: TARGET_RATIO,
      targetMs: TARGET_MS,
      underTwoSeconds,
      pass: c.ratio <= TARGET_RATIO && underTwoSeconds && agree,
      baselineAgrees: agree,
      baselineRunsMs: c.baselineRunsMs,
      runsMs: c.runsMs,
      scorerPhasesMs: Object.fromEntries(
        Object.entries(phases).map(([k, v]) => [k, Math.round(v * 10) / 10]),
      ),
    };
  },
};
