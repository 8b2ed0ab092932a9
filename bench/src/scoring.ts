/**
 * Scoring all units for the year: the core's `Scorer` (every activity, every checked record, every
 * report, then `result()` with its explanations, ranking and forecast) versus a hand-written
 * scorer: one pass over the same parsed records, then per unit the eight metrics, the scheme's
 * points and the ranking, in plain loops and typed arrays, without explanations. Over every plan
 * of the dataset (the 2026 country: 52 plans, 1,000,000 records). Target: at most 1.5× that
 * baseline, and under 2 s for the whole country. The bare record loop (metric totals only, no points) is timed
 * too and reported beside it, as the floor.
 */
import {
  type Activity,
  type ActualRecord,
  createTrackingContext,
  expectedReporterIds,
  type Metric,
  MetricSchema,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  type SchemeNode,
  Scorer,
  type ScoreSheet,
  type ScoringScheme,
  taskedUnitIds,
  type UnitReport,
  vietnamDateOf,
} from "@cchc/core";
import { compare, time } from "./timing.js";
import { type Benchmark, type PlanTracking, total } from "./types.js";

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

/** What the hand-written scorer gives: per unit points, maximum, percent and rank. */
interface HandScores {
  readonly totals: Totals;
  readonly units: ReadonlyMap<string, { points: number; maxPoints: number; percent: number; rank: number }>;
  readonly agency: { points: number; maxPoints: number };
}

const EPS = 1e-9;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
const pct = (points: number, max: number) => (max === 0 ? 0 : Math.round((points / max) * 100 * 100) / 100);
/**
 * Metrics whose agency value is the sum of the units' numerators and denominators (completion,
 * done, reporting, on time, budget); channels, content and participation are counted apart.
 */
const SUMMED_METRICS = [0, 1, 5, 6, 7] as const;
/** Metric positions in the numerator and denominator arrays (the core's order). */
const METRIC_ORDER: readonly Metric[] = MetricSchema.options;

/**
 * The scheme's points from metric values (numerator, denominator pairs by `METRIC_ORDER`), the
 * way a hand-written scorer reads a configurable scheme: a metric with nothing planned leaves its
 * criterion out of the maximum, a parent caps its children's sum at their maximum.
 */
function schemePoints(
  nodes: readonly SchemeNode[],
  num: Float64Array,
  den: Float64Array,
  level: "unit" | "agency",
): { points: number; max: number; applicable: boolean } {
  let points = 0;
  let max = 0;
  let applicable = false;
  for (const n of nodes) {
    const scope = n.scope ?? "both";
    if (scope !== "both" && scope !== level) continue;
    if (n.children && n.children.length > 0) {
      const c = schemePoints(n.children, num, den, level);
      if (!c.applicable) continue;
      points += round4(Math.min(c.max, c.points));
      max += c.max;
      applicable = true;
    } else if (n.rule?.type === "manual") {
      max += n.maxPoints; // no manual entries in the national data: 0 points
      applicable = true;
    } else if (n.rule?.type === "metric") {
      const m = METRIC_ORDER.indexOf(n.rule.metric);
      const d = den[m] as number;
      if (d === 0) continue;
      const value = (num[m] as number) / d;
      let best = 0;
      let bestAt = -1;
      for (const t of n.rule.thresholds)
        if (value >= t.atLeast - EPS && t.atLeast > bestAt) {
          bestAt = t.atLeast;
          best = t.points;
        }
      points += round4(Math.min(n.maxPoints, best));
      max += n.maxPoints;
      applicable = true;
    }
  }
  return { points, max, applicable };
}

/**
 * The baseline: what a team would write by hand to score every unit. One pass over the records
 * into per-activity tallies, then per unit its metrics (completion, done, channels and content
 * areas used, participation, reports submitted and on time, budget), the scheme's points, and the
 * ranking (percent, then names with `Intl.Collator('vi')`).
 */
function handWrittenScores(
  plan: Plan,
  scheme: ScoringScheme,
  activities: readonly Activity[],
  records: readonly ActualRecord[],
  reports: readonly UnitReport[],
  asOf: string,
  collator: Intl.Collator,
): HandScores {
  const asOfDate = vietnamDateOf(asOf);
  const asOfMs = Date.parse(asOf);
  const units = plan.units;
  const unitIndex = new Map<string, number>();
  for (let u = 0; u < units.length; u++) unitIndex.set((units[u] as { id: string }).id, u);
  const U = units.length;
  // per activity tallies, again in typed arrays, and each unit's activities
  const actIndex = new Map<string, number>();
  const actUnit = new Int32Array(activities.length);
  const actTarget = new Float64Array(activities.length);
  const achieved = new Float64Array(activities.length);
  const actRecords = new Uint32Array(activities.length);
  const byUnit: number[][] = Array.from({ length: U }, () => []);
  const plannedCost = new Float64Array(U);
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i] as Activity;
    const u = unitIndex.get(a.unitId);
    if (u === undefined || actIndex.has(a.id)) continue;
    actIndex.set(a.id, i);
    actUnit[i] = u;
    actTarget[i] = a.target.value;
    (byUnit[u] as number[]).push(i);
    plannedCost[u] = (plannedCost[u] as number) + (a.plannedCostVnd ?? 0);
  }
  const unitRecords = new Uint32Array(U);
  const cost = new Float64Array(U);
  let recordsCounted = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as ActualRecord;
    const a = actIndex.get(r.activityId);
    if (a === undefined || r.date > asOfDate) continue;
    recordsCounted++;
    achieved[a] = (achieved[a] as number) + r.output;
    actRecords[a] = (actRecords[a] as number) + 1;
    const u = actUnit[a] as number;
    unitRecords[u] = (unitRecords[u] as number) + 1;
    if (r.costVnd !== undefined) cost[u] = (cost[u] as number) + r.costVnd;
  }
  // earliest report per unit and period
  const periods = [...createTrackingContext(plan).periods.values()]
    .map((p) => ({ id: p.id, dueMs: Date.parse(p.dueAt) }))
    .filter((p) => p.dueMs <= asOfMs);
  const periodIndex = new Map(periods.map((p, i) => [p.id, i] as const));
  const P = periods.length;
  const first = new Float64Array(U * P).fill(Number.POSITIVE_INFINITY);
  const unitReports = new Uint32Array(U);
  for (let i = 0; i < reports.length; i++) {
    const r = reports[i] as UnitReport;
    const u = unitIndex.get(r.unitId);
    const at = Date.parse(r.submittedAt);
    if (u === undefined || at > asOfMs) continue;
    unitReports[u] = (unitReports[u] as number) + 1;
    const p = periodIndex.get(r.periodId);
    if (p !== undefined && at < (first[u * P + p] as number)) first[u * P + p] = at;
  }
  const reporters = new Uint8Array(U);
  for (const id of expectedReporterIds(plan)) {
    const u = unitIndex.get(id);
    if (u !== undefined) reporters[u] = 1;
  }
  const tasked = new Set(taskedUnitIds(plan));
  // per unit metrics and points; the agency's sums alongside
  const num = new Float64Array(8);
  const den = new Float64Array(8);
  const agencyNum = new Float64Array(8);
  const agencyDen = new Float64Array(8);
  const agencyChannels = new Map<string, boolean>();
  const agencyContents = new Map<string, boolean>();
  const scored: { id: string; name: string; points: number; maxPoints: number; percent: number }[] = [];
  let totalCompletion = 0;
  let totalDone = 0;
  let totalChannels = 0;
  let totalContents = 0;
  let reportsCounted = 0;
  for (let u = 0; u < U; u++) {
    const unit = units[u] as { id: string; name: string };
    const acts = byUnit[u] as number[];
    let completion = 0;
    let done = 0;
    const channels = new Map<string, boolean>();
    const contents = new Map<string, boolean>();
    for (const i of acts) {
      const target = actTarget[i] as number;
      const recs = actRecords[i] as number;
      const r = target === 0 ? (recs > 0 ? 1 : 0) : Math.min(1, (achieved[i] as number) / target);
      completion += r;
      if (r >= 1 - EPS) done++;
      const a = activities[i] as Activity;
      const used = recs > 0;
      channels.set(a.channelId, (channels.get(a.channelId) ?? false) || used);
      agencyChannels.set(a.channelId, (agencyChannels.get(a.channelId) ?? false) || used);
      for (const c of a.contentAreaIds) {
        contents.set(c, (contents.get(c) ?? false) || used);
        agencyContents.set(c, (agencyContents.get(c) ?? false) || used);
      }
    }
    let submitted = 0;
    let onTime = 0;
    const due = reporters[u] === 1 ? P : 0;
    if (due > 0)
      for (let p = 0; p < P; p++) {
        const at = first[u * P + p] as number;
        if (at === Number.POSITIVE_INFINITY) continue;
        submitted++;
        if (at <= (periods[p] as { dueMs: number }).dueMs) onTime++;
      }
    let channelsUsed = 0;
    for (const v of channels.values()) if (v) channelsUsed++;
    let contentsUsed = 0;
    for (const v of contents.values()) if (v) contentsUsed++;
    totalCompletion += completion;
    totalDone += done;
    totalChannels += channelsUsed;
    totalContents += contentsUsed;
    reportsCounted += submitted;
    const isScored = acts.length > 0 || reporters[u] === 1 || tasked.has(unit.id);
    const participates = (unitRecords[u] as number) > 0 || (unitReports[u] as number) > 0 ? 1 : 0;
    // in METRIC_ORDER (the agreement check below fails loudly if the core ever reorders it)
    num.set([
      completion,
      done,
      channelsUsed,
      contentsUsed,
      participates,
      submitted,
      onTime,
      cost[u] as number,
    ]);
    den.set([acts.length, acts.length, channels.size, contents.size, 1, due, due, plannedCost[u] as number]);
    for (const m of SUMMED_METRICS) {
      agencyNum[m] = (agencyNum[m] as number) + (num[m] as number);
      agencyDen[m] = (agencyDen[m] as number) + (den[m] as number);
    }
    if (isScored) {
      agencyNum[4] = (agencyNum[4] as number) + participates;
      agencyDen[4] = (agencyDen[4] as number) + 1;
      const s = schemePoints(scheme.nodes, num, den, "unit");
      const points = round4(s.points);
      const maxPoints = round4(s.max);
      scored.push({ id: unit.id, name: unit.name, points, maxPoints, percent: pct(points, maxPoints) });
    }
  }
  let usedChannels = 0;
  for (const v of agencyChannels.values()) if (v) usedChannels++;
  let usedContents = 0;
  for (const v of agencyContents.values()) if (v) usedContents++;
  agencyNum[2] = usedChannels;
  agencyDen[2] = agencyChannels.size;
  agencyNum[3] = usedContents;
  agencyDen[3] = agencyContents.size;
  const a = schemePoints(scheme.nodes, agencyNum, agencyDen, "agency");
  scored.sort((x, y) => y.percent - x.percent || collator.compare(x.name, y.name));
  const ranked = new Map<string, { points: number; maxPoints: number; percent: number; rank: number }>();
  let rank = 0;
  for (let i = 0; i < scored.length; i++) {
    const s = scored[i] as (typeof scored)[number];
    const prev = scored[i - 1];
    if (!prev || Math.abs(prev.percent - s.percent) >= EPS) rank = i + 1;
    ranked.set(s.id, { points: s.points, maxPoints: s.maxPoints, percent: s.percent, rank });
  }
  const totals: Totals = {
    records: recordsCounted,
    cost: agencyNum[7] as number,
    completion: totalCompletion,
    activitiesDone: totalDone,
    channelsUsed: totalChannels,
    contentsUsed: totalContents,
    reportsCounted,
  };
  return { totals, units: ranked, agency: { points: round4(a.points), maxPoints: round4(a.max) } };
}

/** Whether the scorer's sheet gives every unit the hand-written points, maximum and rank. */
function scoresAgree(sheet: ScoreSheet, hand: HandScores): boolean {
  if (sheet.units.length !== hand.units.size) return false;
  for (const u of sheet.units) {
    const h = hand.units.get(u.unitId);
    if (!h || Math.abs(h.points - u.points) > 1e-6 || h.maxPoints !== u.maxPoints || h.rank !== u.rank)
      return false;
  }
  return (
    Math.abs(sheet.agency.points - hand.agency.points) <= 1e-6 &&
    sheet.agency.maxPoints === hand.agency.maxPoints
  );
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
  description:
    "Scorer (all activities, records, reports, then result()) of every plan vs a hand-written single pass per plan",
  async run(ctx) {
    const plans = await ctx.tracking();
    const options = { scheme: PAR_COMMUNICATION_PRESET };
    const root = plans[0];
    if (!root) throw new Error("scoring: the dataset has no plan");
    const asOf = new Scorer(root.plan, options).asOf;
    const asOfDate = vietnamDateOf(asOf);
    const asOfMs = Date.parse(asOf);
    const records = total(plans, (p) => p.records.length);
    ctx.log(
      `scoring: ${plans.length} plan(s), ${total(plans, (p) => p.plan.units.length)} units, ${total(plans, (p) => p.activities.length)} activities, ${records} records, ${total(plans, (p) => p.reports.length)} reports, as of ${asOf}`,
    );

    const scoreOne = (t: PlanTracking) => {
      const scorer = new Scorer(t.plan, options);
      for (const a of t.activities) scorer.addActivity(a);
      for (const r of t.records) scorer.addRecord(r);
      for (const r of t.reports) scorer.addReport(r);
      return scorer.result();
    };
    const score = () => plans.map(scoreOne);
    const collator = new Intl.Collator("vi");
    const c = compare(
      () =>
        plans.map((t) =>
          handWrittenScores(t.plan, options.scheme, t.activities, t.records, t.reports, asOf, collator),
        ),
      score,
      // five rounds: both sides vary run to run by up to 2× on this machine, best of five is stable
      { log: ctx.log, runs: 5 },
    );
    ctx.log("scoring: the bare record loop (metric totals only), for reference");
    const loop = compare(
      () => plans.map((t) => handWritten(t.plan, t.activities, t.records, t.reports, asOfDate, asOfMs)),
      score,
      { log: ctx.log },
    );

    // Where the scorer's time goes, phase by phase (one more run), each phase over every plan
    // (one timed call per phase: each timing collects the heap first, so not one per plan).
    const built = time(() => plans.map((t) => new Scorer(t.plan, options)));
    const scorers = built.value;
    const each = (fn: (s: Scorer, t: PlanTracking) => void) =>
      time(() => {
        for (const [k, t] of plans.entries()) {
          const s = scorers[k];
          if (s) fn(s, t);
        }
      }).ms;
    const phases = {
      construct: built.ms,
      addActivity: each((s, t) => {
        for (const a of t.activities) s.addActivity(a);
      }),
      addRecord: each((s, t) => {
        for (const r of t.records) s.addRecord(r);
      }),
      addReport: each((s, t) => {
        for (const r of t.reports) s.addReport(r);
      }),
      result: each((s) => {
        s.result();
      }),
    };

    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
    let agree = true;
    let pointsAgree = true;
    for (const [k, sheet] of c.value.entries()) {
      const hand = c.baselineValue[k];
      if (!hand) {
        agree = false;
        continue;
      }
      if (!scoresAgree(sheet, hand)) {
        pointsAgree = false;
        ctx.log(`scoring: MISMATCH of points, maxima or ranks in ${sheet.planId}`);
      }
      const expected = hand.totals;
      const got = totalsOf(sheet);
      const same =
        got.records === expected.records &&
        close(got.cost, expected.cost) &&
        close(got.completion, expected.completion) &&
        got.activitiesDone === expected.activitiesDone &&
        got.channelsUsed === expected.channelsUsed &&
        got.contentsUsed === expected.contentsUsed;
      if (!same) {
        agree = false;
        ctx.log(
          `scoring: MISMATCH in ${sheet.planId}: baseline ${JSON.stringify(expected)} vs scorer ${JSON.stringify(got)}`,
        );
      }
    }
    const underTwoSeconds = c.ms < TARGET_MS;
    return {
      plans: plans.length,
      units: total(c.value, (sheet) => sheet.units.length),
      records,
      baselineMs: c.baselineMs,
      ms: c.ms,
      ratio: c.ratio,
      targetRatio: TARGET_RATIO,
      targetMs: TARGET_MS,
      underTwoSeconds,
      pass: c.ratio <= TARGET_RATIO && underTwoSeconds && agree && pointsAgree,
      baseline:
        "hand-written scorer per plan: one pass over the records, then metrics, points and ranks per unit",
      baselineAgrees: agree,
      pointsAndRanksAgree: pointsAgree,
      recordLoop: {
        what: "the bare single pass per plan: metric totals only, no points, no ranking",
        ms: loop.baselineMs,
        scorerMs: loop.ms,
        ratio: loop.ratio,
        runsMs: loop.baselineRunsMs,
      },
      baselineRunsMs: c.baselineRunsMs,
      runsMs: c.runsMs,
      scorerPhasesMs: Object.fromEntries(
        Object.entries(phases).map(([k, v]) => [k, Math.round(v * 10) / 10]),
      ),
    };
  },
};
