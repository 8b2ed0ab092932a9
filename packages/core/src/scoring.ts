/**
 * Scoring from tracking data: metrics accumulated record by record (so a million records stream
 * through in one pass), then a scheme evaluated per unit and for the agency, every point with its
 * reason, units ranked, and a year-end forecast at the current pace.
 */
import { ActivityTallies } from "./activityTallies.js";
import { appraisalManualText } from "./appraisal/scoring.js";
import type { ReportingPeriod } from "./calendar.js";
import { IdTable } from "./idTable.js";
import type { Plan, Unit } from "./plan.js";
import { leadUnitIds } from "./rules.js";
import {
  manualText,
  metricText,
  NO_APPLICABLE_CHILD,
  NO_RULE,
  NOT_AT_LEVEL,
  noDataText,
  round,
  sumText,
  type TextFrame,
  type Threshold,
  textFrames,
} from "./scoreTexts.js";
import type { ManualScore, Metric, SchemeNode, ScoringScheme } from "./scoringScheme.js";
import type { LocalizedText } from "./text.js";
import type { Activity, ActualRecord, UnitReport } from "./tracking.js";
import { createTrackingContext, type TrackingContext } from "./trackingChecks.js";
import { vietnamDateOf } from "./vietnamTime.js";

/** A metric's value with the counts behind it; `value` is undefined when nothing was planned. */
export interface MetricValue {
  readonly metric: Metric;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator in 0..1 (budget execution may exceed 1); undefined when not applicable. */
  readonly value: number | undefined;
}

/** Which records and reports a unit's metrics rest on. */
export interface Evidence {
  readonly recordCount: number;
  /** The first record ids counted (up to `explainLimit`), so a reader can check them. */
  readonly sampleRecordIds: readonly string[];
  readonly activitiesDone: readonly string[];
  readonly activitiesBehind: readonly string[];
  readonly reportsOnTime: readonly string[];
  readonly reportsLate: readonly string[];
  readonly reportsMissing: readonly string[];
}

/** Why a leaf got its points. */
export interface Explanation {
  readonly rule: "metric" | "manual" | "sum" | "not-applicable";
  readonly metric?: MetricValue;
  readonly threshold?: { readonly atLeast: number; readonly points: number } | null;
  readonly manual?: ManualScore;
  readonly text: LocalizedText;
}

/** A node's score: points out of the maximum, its explanation and its children's scores. */
export interface NodeScore {
  readonly nodeId: string;
  readonly title: LocalizedText;
  readonly maxPoints: number;
  readonly points: number;
  readonly applicable: boolean;
  readonly explanation: Explanation;
  readonly children?: readonly NodeScore[];
}

/** The score of one unit, or of the agency as a whole. */
export interface EntityScore {
  readonly unitId: string | null;
  readonly name: string;
  readonly points: number;
  /** The maximum over applicable criteria only. */
  readonly maxPoints: number;
  /** points / maxPoints × 100, rounded to 2 decimals. */
  readonly percent: number;
  readonly metrics: Readonly<Record<Metric, MetricValue>>;
  readonly nodes: readonly NodeScore[];
  readonly evidence: Evidence;
}

/** A unit's score with its rank (1 = best; equal percentages share a rank). */
export interface RankedUnitScore extends EntityScore {
  readonly unitId: string;
  readonly rank: number;
  readonly forecast: Forecast;
}

/** Where a unit lands at year end if it keeps its pace. */
export interface Forecast {
  /** Share of the plan year elapsed at the as-of date (0–1). */
  readonly elapsed: number;
  readonly points: number;
  readonly percent: number;
  readonly planCompletion: number | undefined;
}

/** Everything a score run produces. */
export interface ScoreSheet {
  readonly planId: string;
  readonly year: number;
  readonly asOf: string;
  readonly scheme: { readonly id: string; readonly version: string };
  readonly agency: EntityScore & { readonly forecast: Forecast; readonly unitAverage: number };
  readonly units: readonly RankedUnitScore[];
  readonly counts: {
    readonly activities: number;
    readonly records: number;
    readonly reports: number;
    readonly recordsAfterAsOf: number;
    readonly reportsAfterAsOf: number;
  };
}

/** Options of a score run. */
export interface ScoreOptions {
  readonly scheme: ScoringScheme;
  /**
   * The instant scores are computed at (ISO with offset). Records dated later, reports submitted
   * later, and reports whose deadline has not passed are left out. Defaults to the end of the plan
   * year in Vietnam, or to the last reporting deadline when that is later.
   */
  readonly asOf?: string;
  readonly manualScores?: readonly ManualScore[];
  /** How many record ids each explanation lists (default 20). */
  readonly explainLimit?: number;
}

interface UnitState {
  readonly unit: Unit;
  /** Its number: its row in the scorer's report table. */
  readonly index: number;
  /** Numbers of its activities (their slots in the scorer's tallies). */
  readonly activities: number[];
  /** Records and money of the unit's activities, summed from them when a result is built. */
  recordCount: number;
  readonly sampleRecordIds: string[];
  cost: number;
  plannedCost: number;
}

/**
 * A unit id with groups replaced by their members (recursively; bounded, so a cycle of groups
 * cannot loop).
 */
function expandGroups(plan: Plan): (id: string) => string[] {
  const byId = new Map(plan.units.map((u) => [u.id, u] as const));
  const expand = (id: string, depth: number): string[] => {
    const u = byId.get(id);
    if (u?.group && u.memberIds && u.memberIds.length > 0 && depth < 16)
      return u.memberIds.flatMap((m) => expand(m, depth + 1));
    return [id];
  };
  return (id) => expand(id, 0);
}

/** Units that must report: the schedule's list, groups expanded to their members when listed. */
export function expectedReporterIds(plan: Plan): string[] {
  const expand = expandGroups(plan);
  const reporters = plan.reporting?.reporterUnitIds ?? "all";
  if (reporters === "all") {
    const leads = new Set(leadUnitIds(plan));
    const members = new Set(plan.units.flatMap((u) => u.memberIds ?? []));
    return plan.units
      .filter(
        (u) =>
          !leads.has(u.id) &&
          !(u.group && (u.memberIds?.length ?? 0) > 0) &&
          (members.size === 0 || !u.group),
      )
      .map((u) => u.id);
  }
  return [...new Set(reporters.flatMap(expand))];
}

/**
 * Units the plan gives a task other than leading (implement, coordinate, report…), groups expanded
 * to their members: they are expected to take part even before they plan anything.
 */
export function taskedUnitIds(plan: Plan): string[] {
  const expand = expandGroups(plan);
  const leads = new Set(leadUnitIds(plan));
  const out = new Set<string>();
  for (const r of plan.responsibilities)
    if (!r.roles.includes("lead"))
      for (const id of r.unitIds.flatMap(expand)) if (!leads.has(id)) out.add(id);
  return [...out];
}

const EPS = 1e-9;

function ratio(metric: Metric, numerator: number, denominator: number): MetricValue {
  return { metric, numerator, denominator, value: denominator === 0 ? undefined : numerator / denominator };
}

/**
 * Accumulates tracking data for one plan in a single pass, then scores it. Feed it activities
 * first, then records and reports in any order; `result()` may be called more than once.
 */
export class Scorer {
  private readonly units = new Map<string, UnitState>();
  /** Activity id → its number: the index of its state and of its tallies. */
  private readonly activityIndex = new Map<string, number>();
  /** The activities added, by number. */
  private readonly activities: Activity[] = [];
  /** Unit states by number. */
  private readonly unitStates: UnitState[] = [];
  private readonly tallies = new ActivityTallies();
  private readonly limit: number;
  private readonly asOfMs: number;
  private readonly asOfDate: string;
  readonly asOf: string;
  private readonly periods: readonly ReportingPeriod[];
  private reports = 0;
  /** Period id → its column in `firstReportAt`. */
  private readonly periodIndex: ReadonlyMap<string, number>;
  /**
   * Earliest submission instant (ms) per unit and period, unit by unit (+∞: none): a flat table,
   * since units and periods are known when the scorer is made.
   */
  private readonly firstReportAt: Float64Array;
  /** 1 for a unit that submitted any report (it takes part). */
  private readonly reported: Uint8Array;
  /** 1 for the units that must report, and for those given a task; read from the plan once. */
  private reporterFlags: Uint8Array | undefined;
  private taskedFlags: Uint8Array | undefined;
  private recordsAfterAsOf = 0;
  private reportsAfterAsOf = 0;
  private manualIndex: Map<string, Map<string | null, ManualScore>> | undefined;
  private prepared: readonly PreparedNode[] | undefined;
  private elapsedShare: number | undefined;
  /** "Sum of sub-criteria" explanations by points and maximum, shared between units. */
  private readonly sums = new PairCache<Explanation>();
  /** Metric values of small counts, by metric, then numerator × limit + denominator. */
  private readonly metricValues = new Map<Metric, Map<number, MetricValue>>();
  /** Node scores made once and shared by every unit they fit (see `evaluateNode`). */
  private readonly sharedScores = new Set<NodeScore>();
  /** Channel and content area ids seen, indexed so units' sets are counted in a scratch array. */
  private readonly channelIds = new IdTable();
  private readonly contentIds = new IdTable();
  private readonly trackingContext: TrackingContext;
  /** Whether `context` was read: from then on, added activities are copied into it. */
  private contextShared = false;

  constructor(
    readonly plan: Plan,
    readonly options: ScoreOptions,
  ) {
    keepScorerShapes();
    this.trackingContext = createTrackingContext(plan);
    this.periods = [...this.trackingContext.periods.values()];
    // By default, score the whole year: up to the last deadline, or the year's last day.
    const ends = [`${plan.year}-12-31T16:59:59.999Z`, ...this.periods.map((p) => p.dueAt)].sort();
    const lastDue = ends[ends.length - 1] as string;
    this.asOf = options.asOf ?? lastDue;
    this.asOfMs = Date.parse(this.asOf);
    this.asOfDate = vietnamDateOf(this.asOf);
    this.limit = options.explainLimit ?? 20;
    for (const unit of plan.units) {
      const state: UnitState = {
        unit,
        // a repeated id (which validation rejects) replaces the first in place, as a map would
        index: this.units.get(unit.id)?.index ?? this.units.size,
        activities: [],
        recordCount: 0,
        sampleRecordIds: [],
        cost: 0,
        plannedCost: 0,
      };
      this.units.set(unit.id, state);
      this.unitStates[state.index] = state;
    }
    this.periodIndex = new Map(this.periods.map((p, i) => [p.id, i] as const));
    this.firstReportAt = new Float64Array(this.units.size * this.periods.length).fill(
      Number.POSITIVE_INFINITY,
    );
    this.reported = new Uint8Array(this.units.size);
  }

  /**
   * The lookups tracking checks use, exposed so a caller checks and scores with one context: it
   * knows every activity added here. A scorer nobody checks through never copies them.
   */
  get context(): TrackingContext {
    if (!this.contextShared) {
      this.contextShared = true;
      for (const a of this.activities) this.shareActivity(a.id, a);
    }
    return this.trackingContext;
  }

  private shareActivity(id: string, activity: Activity): void {
    const known = this.trackingContext.activities;
    if (!known.has(id)) known.set(id, activity);
  }

  /** Adds a checked activity (see `checkActivity`). */
  addActivity(activity: Activity): void {
    const unit = this.units.get(activity.unitId);
    if (!unit || this.activityIndex.has(activity.id)) return;
    const index = this.tallies.add(
      unit.index,
      activity.target.value,
      activity.plannedCostVnd ?? 0,
      this.channelIds.indexOf(activity.channelId),
      unit.sampleRecordIds.length < this.limit,
    );
    for (const id of activity.contentAreaIds) this.tallies.addContent(this.contentIds.indexOf(id));
    this.activityIndex.set(activity.id, index);
    this.activities.push(activity);
    unit.activities.push(index);
    if (this.contextShared) this.shareActivity(activity.id, activity);
  }

  /**
   * Adds a checked record (see `checkRecord`): it counts for its activity's unit. Records dated
   * after the as-of date are counted apart and ignored.
   */
  addRecord(record: ActualRecord): void {
    const i = this.activityIndex.get(record.activityId);
    // A checked record belongs to its activity's unit (`checkRecord` rejects any other), so the
    // unit is taken from the activity: the hot loop never reads the record's own unit id, and
    // touches only the activity's tallies (the unit's are summed from them in `result()`).
    if (i === undefined) return;
    if (record.date > this.asOfDate) {
      this.recordsAfterAsOf++;
      return;
    }
    if (this.tallies.count(i, record.output, record.costVnd ?? 0))
      this.sample(this.unitStates[this.tallies.unit[i] as number] as UnitState, record.id);
  }

  /** Keeps a record id as a sample of its unit; once the unit has enough, its activities stop. */
  private sample(unit: UnitState, id: string): void {
    unit.sampleRecordIds.push(id);
    if (unit.sampleRecordIds.length >= this.limit)
      for (const a of unit.activities) this.tallies.stopSampling(a);
  }

  /** The units' record counts, money spent and planned, summed from their activities; the records counted. */
  private tally(): number {
    const t = this.tallies;
    let records = 0;
    for (const u of this.units.values()) {
      let count = 0;
      let cost = 0;
      let planned = 0;
      for (const a of u.activities) {
        count += t.records[a] as number;
        cost += t.cost[a] as number;
        planned += t.plannedCost[a] as number;
      }
      u.recordCount = count;
      u.cost = cost;
      u.plannedCost = planned;
      records += count;
    }
    return records;
  }

  /**
   * Adds a checked report; the earliest submission per unit and period counts. A report submitted
   * after the as-of instant was not known then and is counted apart.
   */
  addReport(report: UnitReport): void {
    const unit = this.units.get(report.unitId);
    if (!unit) return;
    const at = Date.parse(report.submittedAt);
    if (at > this.asOfMs) {
      this.reportsAfterAsOf++;
      return;
    }
    this.reports++;
    this.reported[unit.index] = 1;
    const period = this.periodIndex.get(report.periodId);
    if (period === undefined) return;
    const slot = unit.index * this.periods.length + period;
    if (at < (this.firstReportAt[slot] as number)) this.firstReportAt[slot] = at;
  }

  /** 1 for each of these units, by unit number (ids not in the plan are left out). */
  private unitFlags(ids: readonly string[]): Uint8Array {
    const flags = new Uint8Array(this.units.size);
    for (const id of ids) {
      const u = this.units.get(id);
      if (u !== undefined) flags[u.index] = 1;
    }
    return flags;
  }

  /** Periods whose deadline has passed at the as-of instant, with the deadline parsed once. */
  private duePeriods(): DuePeriod[] {
    const due: DuePeriod[] = [];
    for (const [index, p] of this.periods.entries()) {
      const dueMs = Date.parse(p.dueAt);
      if (dueMs <= this.asOfMs) due.push({ id: p.id, index, dueMs });
    }
    return due;
  }

  /**
   * The metrics of a set of units, and the same metrics projected to year end at the current pace
   * (`pace` = 1 / elapsed share of the year): one pass serves both, since only the quantities that
   * grow with time (output achieved, money spent) change under projection.
   */
  private metricsFor(
    units: readonly UnitState[],
    reporters: Uint8Array,
    participantsExpected: readonly UnitState[],
    due: readonly DuePeriod[],
    pace: number,
  ): { metrics: Record<Metric, MetricValue>; projected: Record<Metric, MetricValue>; evidence: Evidence } {
    let completion = 0;
    let projectedCompletion = 0;
    let done = 0;
    let projectedDone = 0;
    let planned = 0;
    let cost = 0;
    let plannedCost = 0;
    let recordCount = 0;
    const tallies = this.tallies;
    const channels = this.channelIds.marks();
    const contents = this.contentIds.marks();
    const activitiesDone: string[] = [];
    const activitiesBehind: string[] = [];
    const sample: string[] = [];
    for (const u of units) {
      recordCount += u.recordCount;
      cost += u.cost;
      plannedCost += u.plannedCost;
      for (let i = 0; i < u.sampleRecordIds.length && sample.length < this.limit; i++)
        sample.push(u.sampleRecordIds[i] as string);
      for (const a of u.activities) {
        planned++;
        const target = tallies.target[a] as number;
        const achieved = tallies.achieved[a] as number;
        const records = tallies.records[a] as number;
        const r = completionOf(target, achieved, records);
        const pr = pace === 1 ? r : completionOf(target, achieved * pace, records);
        completion += r;
        projectedCompletion += pr;
        if (pr >= 1 - EPS) projectedDone++;
        if (r >= 1 - EPS) {
          done++;
          if (activitiesDone.length < this.limit) activitiesDone.push((this.activities[a] as Activity).id);
        } else if (activitiesBehind.length < this.limit)
          activitiesBehind.push((this.activities[a] as Activity).id);
        const used = records > 0;
        channels.mark(tallies.channel[a] as number, used);
        const end = tallies.contentStart[a + 1] as number;
        for (let c = tallies.contentStart[a] as number; c < end; c++)
          contents.mark(tallies.contents[c] as number, used);
      }
    }
    const channelCounts = channels.done();
    const contentCounts = contents.done();
    let reportsDue = 0;
    let submitted = 0;
    let onTime = 0;
    const reportsOnTime: string[] = [];
    const reportsLate: string[] = [];
    const reportsMissing: string[] = [];
    const periodCount = this.periods.length;
    for (const u of units) {
      if (reporters[u.index] !== 1) continue;
      const row = u.index * periodCount;
      for (const p of due) {
        reportsDue++;
        const at = this.firstReportAt[row + p.index] as number;
        if (at === Number.POSITIVE_INFINITY) {
          if (reportsMissing.length < this.limit) reportsMissing.push(`${u.unit.id}/${p.id}`);
          continue;
        }
        submitted++;
        if (at <= p.dueMs) {
          onTime++;
          if (reportsOnTime.length < this.limit) reportsOnTime.push(`${u.unit.id}/${p.id}`);
        } else if (reportsLate.length < this.limit) reportsLate.push(`${u.unit.id}/${p.id}`);
      }
    }
    let participating = 0;
    for (const u of participantsExpected)
      if (u.recordCount > 0 || this.reported[u.index] === 1) participating++;
    const metrics: Record<Metric, MetricValue> = {
      "plan-completion": this.metricValue("plan-completion", completion, planned),
      "activities-done": this.metricValue("activities-done", done, planned),
      "channel-diversity": this.metricValue("channel-diversity", channelCounts.used, channelCounts.planned),
      "content-coverage": this.metricValue("content-coverage", contentCounts.used, contentCounts.planned),
      "unit-participation": this.metricValue(
        "unit-participation",
        participating,
        participantsExpected.length,
      ),
      "reporting-rate": this.metricValue("reporting-rate", submitted, reportsDue),
      "on-time-reporting-rate": this.metricValue("on-time-reporting-rate", onTime, reportsDue),
      "budget-execution": this.metricValue("budget-execution", cost, plannedCost),
    };
    const projected: Record<Metric, MetricValue> =
      pace === 1
        ? metrics
        : {
            ...metrics,
            "plan-completion": this.metricValue("plan-completion", projectedCompletion, planned),
            "activities-done": this.metricValue("activities-done", projectedDone, planned),
            "budget-execution": this.metricValue("budget-execution", cost * pace, plannedCost),
          };
    return {
      metrics,
      projected,
      evidence: {
        recordCount,
        sampleRecordIds: sample,
        activitiesDone,
        activitiesBehind,
        reportsOnTime,
        reportsLate,
        reportsMissing,
      },
    };
  }

  /**
   * A metric's value. Most values of a national run are small counts (3 of 4 reports, 2 of 2
   * channels) that thousands of units share, so those are made once per scorer and shared, and
   * with them the leaf scores built on them (see `evaluateNode`).
   */
  private metricValue(metric: Metric, numerator: number, denominator: number): MetricValue {
    if (!(isSharedCount(numerator) && isSharedCount(denominator)))
      return ratio(metric, numerator, denominator);
    const byPair = child(this.metricValues, metric);
    const key = numerator * SHARED_COUNT_LIMIT + denominator;
    let value = byPair.get(key);
    if (value === undefined) {
      value = ratio(metric, numerator, denominator);
      byPair.set(key, value);
    }
    return value;
  }

  /** The last manual entry per node and unit (an appended correction replaces the earlier one). */
  private manualEntry(nodeId: string, unitId: string | null): ManualScore | undefined {
    if (this.manualIndex === undefined) {
      this.manualIndex = new Map();
      for (const m of this.options.manualScores ?? []) {
        let byUnit = this.manualIndex.get(m.nodeId);
        if (byUnit === undefined) {
          byUnit = new Map();
          this.manualIndex.set(m.nodeId, byUnit);
        }
        byUnit.set(m.unitId ?? null, m);
      }
    }
    return this.manualIndex.get(nodeId)?.get(unitId);
  }

  /** The scheme with each rule read once per scorer, so thousands of units reuse the work. */
  private preparedScheme(): readonly PreparedNode[] {
    this.prepared ??= prepare(this.options.scheme.nodes);
    return this.prepared;
  }

  /** Points and maximum of a scheme's nodes, without explanations (for the forecast). */
  private totalsOnly(
    nodes: readonly PreparedNode[],
    metrics: Record<Metric, MetricValue>,
    level: "unit" | "agency",
    unitId: string | null,
  ): { points: number; maxPoints: number; applicable: boolean } {
    let points = 0;
    let maxPoints = 0;
    let applicable = false;
    for (const p of nodes) {
      if (!(level === "unit" ? p.atUnit : p.atAgency)) continue;
      if (p.children !== undefined) {
        const c = this.totalsOnly(p.children, metrics, level, unitId);
        if (!c.applicable) continue;
        points += round(Math.min(c.maxPoints, c.points));
        maxPoints += c.maxPoints;
        applicable = true;
        continue;
      }
      if (p.rule === "manual") points += round(manualPoints(p.node, this.manualEntry(p.node.id, unitId)));
      else if (p.metric !== undefined) {
        const value = metrics[p.metric].value;
        if (value === undefined) continue;
        points += round(Math.min(p.node.maxPoints, thresholdFor(p, value)?.points ?? 0));
      } else continue;
      maxPoints += p.node.maxPoints;
      applicable = true;
    }
    return { points, maxPoints, applicable };
  }

  private evaluate(
    nodes: readonly PreparedNode[],
    metrics: Record<Metric, MetricValue>,
    level: "unit" | "agency",
    unitId: string | null,
  ): NodeScore[] {
    const out: NodeScore[] = [];
    for (const p of nodes) out.push(this.evaluateNode(p, metrics, level, unitId));
    return out;
  }

  /**
   * A node's score. Scores that depend only on shared inputs (a shared metric value, the same
   * manual entry, children that are all shared) are made once per node and shared between units:
   * a national run then builds new objects only for what is unique to a unit.
   */
  private evaluateNode(
    p: PreparedNode,
    metrics: Record<Metric, MetricValue>,
    level: "unit" | "agency",
    unitId: string | null,
  ): NodeScore {
    const node = p.node;
    if (!(level === "unit" ? p.atUnit : p.atAgency))
      return this.share(notApplicable(node, NOT_AT_LEVEL[level]));
    if (p.children !== undefined) {
      const children = p.scratch;
      let allShared = true;
      for (let i = 0; i < p.children.length; i++) {
        const c = this.evaluateNode(p.children[i] as PreparedNode, metrics, level, unitId);
        children[i] = c;
        if (!this.sharedScores.has(c)) allShared = false;
      }
      if (!allShared) return this.parentScore(node, children.slice());
      let byChild = p.shared;
      for (let i = 0; i < children.length - 1; i++)
        byChild = child(byChild as Map<unknown, Map<unknown, unknown>>, children[i]);
      const last = children[children.length - 1];
      let score = byChild.get(last) as NodeScore | undefined;
      if (score === undefined) {
        score = this.share(this.parentScore(node, children.slice()));
        byChild.set(last, score);
      }
      return score;
    }
    if (p.rule === "manual") {
      const entry = this.manualEntry(node.id, unitId);
      let score = p.shared.get(entry) as NodeScore | undefined;
      if (score === undefined) {
        score = this.share(manualScore(node, entry));
        p.shared.set(entry, score);
      }
      return score;
    }
    if (p.metric === undefined) return this.share(notApplicable(node, NO_RULE));
    const m = metrics[p.metric];
    if (m.value === undefined) return this.share(notApplicable(node, noDataText(p.metric)));
    const shared = isSharedCount(m.numerator) && isSharedCount(m.denominator);
    let score = shared ? (p.shared.get(m) as NodeScore | undefined) : undefined;
    if (score === undefined) {
      const threshold = thresholdFor(p, m.value);
      const points = Math.min(node.maxPoints, threshold?.points ?? 0);
      score = leafScore(node, points, {
        rule: "metric",
        metric: m,
        threshold,
        text: metricText(p.frames.get(threshold) as TextFrame, m),
      });
      if (shared) p.shared.set(m, this.share(score));
    }
    return score;
  }

  /** A parent's score: its children's points summed, capped at their maximum. */
  private parentScore(node: SchemeNode, children: readonly NodeScore[]): NodeScore {
    let max = 0;
    let sum = 0;
    let any = false;
    for (const c of children)
      if (c.applicable) {
        any = true;
        max += c.maxPoints;
        sum += c.points;
      }
    if (!any) return { ...notApplicable(node, NO_APPLICABLE_CHILD), children };
    const points = Math.min(max, sum);
    return {
      nodeId: node.id,
      title: node.title,
      maxPoints: max,
      points: round(points),
      applicable: true,
      explanation: this.sumExplanation(points, max),
      children,
    };
  }

  /** Marks a score as shared between units, so parents made only of shared scores are shared too. */
  private share(score: NodeScore): NodeScore {
    this.sharedScores.add(score);
    return score;
  }

  /** "Sum of sub-criteria": thousands of units share the same few sums, so each is made once. */
  private sumExplanation(points: number, max: number): Explanation {
    return this.sums.get(points, max, (): Explanation => ({ rule: "sum", text: sumText(points, max) }));
  }

  private entity(
    units: readonly UnitState[],
    reporters: Uint8Array,
    participants: readonly UnitState[],
    due: readonly DuePeriod[],
    level: "unit" | "agency",
    unitId: string | null,
    name: string,
  ): EntityScore & { forecast: Forecast } {
    const elapsed = this.elapsed();
    const pace = elapsed > 0 && elapsed < 1 ? 1 / elapsed : 1;
    const { metrics, projected, evidence } = this.metricsFor(units, reporters, participants, due, pace);
    const scheme = this.preparedScheme();
    const nodes = this.evaluate(scheme, metrics, level, unitId);
    const { points, maxPoints } = totals(nodes);
    const f =
      projected === metrics ? { points, maxPoints } : this.totalsOnly(scheme, projected, level, unitId);
    const fPoints = round(f.points);
    return {
      unitId,
      name,
      points,
      maxPoints,
      percent: percent(points, maxPoints),
      metrics,
      nodes,
      evidence,
      forecast: {
        elapsed: round(elapsed, 4),
        points: fPoints,
        percent: percent(fPoints, round(f.maxPoints)),
        planCompletion: projected["plan-completion"].value,
      },
    };
  }

  /** Share of the plan year (Vietnam time) elapsed at the as-of instant, 0..1. */
  private elapsed(): number {
    if (this.elapsedShare === undefined) {
      const start = Date.parse(`${this.plan.year}-01-01T00:00:00+07:00`);
      const end = Date.parse(`${this.plan.year}-12-31T23:59:59.999+07:00`);
      this.elapsedShare = Math.min(1, Math.max(0, (this.asOfMs - start) / (end - start)));
    }
    return this.elapsedShare;
  }

  /**
   * Scores every unit that has activities, must report, or is given a task in the plan, and the
   * agency; ranks the units.
   */
  result(): ScoreSheet {
    const records = this.tally();
    this.reporterFlags ??= this.unitFlags(expectedReporterIds(this.plan));
    this.taskedFlags ??= this.unitFlags(taskedUnitIds(this.plan));
    const reporters = this.reporterFlags;
    const tasked = this.taskedFlags;
    const due = this.duePeriods();
    const scored = [...this.units.values()].filter(
      (u) => u.activities.length > 0 || reporters[u.index] === 1 || tasked[u.index] === 1,
    );
    const unitScores = scored.map((u) =>
      this.entity([u], reporters, [u], due, "unit", u.unit.id, u.unit.name),
    );
    const collator = viCollator();
    unitScores.sort((a, b) => b.percent - a.percent || collator.compare(a.name, b.name));
    const ranked: RankedUnitScore[] = [];
    for (const [i, s] of unitScores.entries()) {
      const prev = ranked[i - 1];
      const rank = prev && Math.abs(prev.percent - s.percent) < EPS ? prev.rank : i + 1;
      ranked.push(Object.assign(s, { unitId: s.unitId as string, rank }));
    }
    const agency = this.entity(
      [...this.units.values()],
      reporters,
      scored,
      due,
      "agency",
      null,
      this.plan.issuer.name,
    );
    const unitAverage =
      ranked.length === 0 ? 0 : round(ranked.reduce((s, u) => s + u.percent, 0) / ranked.length);
    return {
      planId: this.plan.id,
      year: this.plan.year,
      asOf: this.asOf,
      scheme: { id: this.options.scheme.id, version: this.options.scheme.version },
      agency: { ...agency, unitAverage },
      units: ranked,
      counts: {
        activities: this.activities.length,
        records,
        reports: this.reports,
        recordsAfterAsOf: this.recordsAfterAsOf,
        reportsAfterAsOf: this.reportsAfterAsOf,
      },
    };
  }
}

/** A plan with nothing in it: the keeper's (see `keepScorerShapes`). */
const EMPTY_PLAN: Plan = {
  id: "cchc-scorer-keeper",
  documentType: "KH",
  issuer: { name: "-" },
  year: 2000,
  title: "-",
  objectives: [],
  requirements: [],
  audiences: [],
  contentAreas: [],
  channels: [],
  units: [],
  responsibilities: [],
  fundingSources: [],
  budgetLines: [],
  recipients: [],
};
let keeper: Scorer | "making" | undefined;
/**
 * Keeps one empty scorer alive for the life of the module, made on first use. V8 frees the hidden
 * classes of a class's instances once none is left, and throws away all optimised code built on
 * them. A service that scores, drops the scorer, and scores again after a full GC would otherwise
 * run the million-record loop unoptimised again each time: seen in the benchmark as a deopt of
 * `addRecord` and the metric code ("weak objects") on every run.
 */
function keepScorerShapes(): void {
  if (keeper !== undefined) return;
  keeper = "making";
  keeper = new Scorer(EMPTY_PLAN, {
    scheme: { id: "-", version: "-", title: { vi: "-", en: "-" }, nodes: [] },
  });
}

/** Values keyed by a pair of numbers, in nested maps so numbers are looked up as numbers. */
class PairCache<T> {
  private readonly root = new Map<number, Map<number, T>>();

  get(x: number, y: number, make: () => T): T {
    const byY = child(this.root, x);
    let value = byY.get(y);
    if (value === undefined) {
      value = make();
      byY.set(y, value);
    }
    return value;
  }
}

/** The map under `key`, created when missing. */
function child<K, V extends Map<unknown, unknown>>(map: Map<K, V>, key: K): V {
  let next = map.get(key);
  if (next === undefined) {
    next = new Map() as V;
    map.set(key, next);
  }
  return next;
}

/** A reporting period due at the as-of instant. */
interface DuePeriod {
  readonly id: string;
  /** Its column in the scorer's report table. */
  readonly index: number;
  readonly dueMs: number;
}

/** An activity's completion in 0..1; an activity with a zero target is done once anything is recorded. */
const completionOf = (target: number, achieved: number, records: number): number =>
  target === 0 ? (records > 0 ? 1 : 0) : Math.min(1, achieved / target);

const thresholdOrder = new WeakMap<readonly Threshold[], readonly Threshold[]>();
/** A rule's thresholds, highest first, sorted once per scheme. */
function sortedThresholds(thresholds: readonly Threshold[]): readonly Threshold[] {
  let sorted = thresholdOrder.get(thresholds);
  if (sorted === undefined) {
    sorted = [...thresholds].sort((a, b) => b.atLeast - a.atLeast);
    thresholdOrder.set(thresholds, sorted);
  }
  return sorted;
}

const notApplicableScores = new WeakMap<SchemeNode, Map<LocalizedText, NodeScore>>();
/**
 * A criterion that does not count, with why. It holds nothing of the unit, so one object per
 * node and reason serves every unit (the reasons are shared constants).
 */
function notApplicable(node: SchemeNode, text: LocalizedText): NodeScore {
  let byText = notApplicableScores.get(node);
  if (byText === undefined) {
    byText = new Map();
    notApplicableScores.set(node, byText);
  }
  let score = byText.get(text);
  if (score === undefined) {
    score = {
      nodeId: node.id,
      title: node.title,
      maxPoints: node.maxPoints,
      points: 0,
      applicable: false,
      explanation: { rule: "not-applicable", text },
    };
    byText.set(text, score);
  }
  return score;
}

function totals(nodes: readonly NodeScore[]): { points: number; maxPoints: number } {
  let points = 0;
  let maxPoints = 0;
  for (const n of nodes)
    if (n.applicable) {
      points += n.points;
      maxPoints += n.maxPoints;
    }
  return { points: round(points), maxPoints: round(maxPoints) };
}

/** A scheme node with its rule read: level scope, metric, thresholds highest first. */
interface PreparedNode {
  readonly node: SchemeNode;
  readonly atUnit: boolean;
  readonly atAgency: boolean;
  /** Present and non-empty for a parent node. */
  readonly children: readonly PreparedNode[] | undefined;
  readonly rule: "metric" | "manual" | "none";
  readonly metric: Metric | undefined;
  readonly thresholds: readonly Threshold[];
  /** A metric leaf's explanation around its fraction, by the threshold reached. */
  readonly frames: ReadonlyMap<Threshold | null, TextFrame>;
  /**
   * This node's scores shared between units: a leaf's by its metric value or manual entry, a
   * parent's by its children (nested maps, one level per child).
   */
  readonly shared: Map<unknown, unknown>;
  /** A parent's children's scores while it is being evaluated (nodes are never re-entered). */
  readonly scratch: NodeScore[];
}

function prepare(nodes: readonly SchemeNode[]): PreparedNode[] {
  return nodes.map((node): PreparedNode => {
    const scope = node.scope ?? "both";
    const rule = node.rule;
    const thresholds = rule?.type === "metric" ? sortedThresholds(rule.thresholds) : [];
    return {
      node,
      atUnit: scope === "both" || scope === "unit",
      atAgency: scope === "both" || scope === "agency",
      children: node.children && node.children.length > 0 ? prepare(node.children) : undefined,
      rule: rule?.type === "metric" ? "metric" : rule?.type === "manual" ? "manual" : "none",
      metric: rule?.type === "metric" ? rule.metric : undefined,
      thresholds,
      frames: rule?.type === "metric" ? textFrames(rule.metric, thresholds) : new Map(),
      shared: new Map(),
      scratch: [],
    };
  });
}

/** A manual leaf's points: appraised, else self-assessed, else 0, kept within 0..maximum. */
function manualPoints(node: SchemeNode, entry: ManualScore | undefined): number {
  const raw = entry?.appraised ?? entry?.selfAssessed ?? 0;
  return Math.min(node.maxPoints, Math.max(0, raw));
}

/** A manual leaf's score: appraised points, else self-assessed, with which of them counted. */
function manualScore(node: SchemeNode, entry: ManualScore | undefined): NodeScore {
  const points = manualPoints(node, entry);
  return leafScore(node, points, {
    rule: "manual",
    ...(entry ? { manual: entry } : {}),
    text: entry?.source ? appraisalManualText(entry, points) : manualText(entry, points),
  });
}

/** The score of a leaf that counts: its points (rounded) out of its maximum, and why. */
function leafScore(node: SchemeNode, points: number, explanation: Explanation): NodeScore {
  return {
    nodeId: node.id,
    title: node.title,
    maxPoints: node.maxPoints,
    points: round(points),
    applicable: true,
    explanation,
  };
}

/** The highest threshold a value reaches (within floating-point noise), or null. */
function thresholdFor(p: PreparedNode, value: number): Threshold | null {
  for (const t of p.thresholds) if (value >= t.atLeast - EPS) return t;
  return null;
}

let sharedCollator: Intl.Collator | undefined;
/**
 * One Vietnamese collator for every scorer: building one costs about half a millisecond, which a
 * country of 52 plans (or a dashboard scoring many sub-plans) would otherwise pay once per plan.
 */
const viCollator = (): Intl.Collator => {
  sharedCollator ??= new Intl.Collator("vi");
  return sharedCollator;
};

const percent = (points: number, max: number) =>
  max === 0 ? 0 : Math.round((points / max) * 100 * 100) / 100;
/** Counts below this are shared as metric values (see `Scorer.metricValue`). */
const SHARED_COUNT_LIMIT = 1024;
/** A count small and whole enough for its metric value (and the leaf on it) to be shared. */
const isSharedCount = (n: number) => Number.isInteger(n) && n >= 0 && n < SHARED_COUNT_LIMIT;
/** Input of `scorePlan`, for data already in memory. */
export interface ScoreInput {
  readonly plan: Plan;
  readonly activities: readonly Activity[];
  readonly records: readonly ActualRecord[];
  readonly reports: readonly UnitReport[];
}

/** Scores in-memory tracking data in one call (checked items only; see `checkRecord`). */
export function scorePlan(input: ScoreInput, options: ScoreOptions): ScoreSheet {
  const scorer = new Scorer(input.plan, options);
  for (const a of input.activities) scorer.addActivity(a);
  for (const r of input.records) scorer.addRecord(r);
  for (const r of input.reports) scorer.addReport(r);
  return scorer.result();
}
