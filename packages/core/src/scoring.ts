/**
 * Scoring from tracking data: metrics accumulated record by record (so a million records stream
 * through in one pass), then a scheme evaluated per unit and for the agency, every point with its
 * reason, units ranked, and a year-end forecast at the current pace.
 */
import type { ReportingPeriod } from "./calendar.js";
import type { Plan, Unit } from "./plan.js";
import { leadUnitIds } from "./rules.js";
import {
  type ManualScore,
  METRICS,
  type Metric,
  type SchemeNode,
  type ScoringScheme,
} from "./scoringScheme.js";
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

interface ActivityState {
  readonly activity: Activity;
  readonly unit: UnitState;
  /** Index of its channel and content areas in the scorer's id tables (counted without hashing). */
  readonly channel: number;
  readonly contents: readonly number[];
  /** The target quantity, copied so scoring never reaches back into the activity object. */
  readonly target: number;
  achieved: number;
  records: number;
}

interface UnitState {
  readonly unit: Unit;
  readonly activities: ActivityState[];
  recordCount: number;
  readonly sampleRecordIds: string[];
  cost: number;
  plannedCost: number;
  /** period id → earliest submission instant (ms). */
  readonly reports: Map<string, { at: number; id: string }>;
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
  private readonly activities = new Map<string, ActivityState>();
  private readonly limit: number;
  private readonly asOfMs: number;
  private readonly asOfDate: string;
  readonly asOf: string;
  private readonly periods: readonly ReportingPeriod[];
  private records = 0;
  private reports = 0;
  private recordsAfterAsOf = 0;
  private reportsAfterAsOf = 0;
  private manualIndex: Map<string, Map<string | null, ManualScore>> | undefined;
  private prepared: readonly PreparedNode[] | undefined;
  private elapsedShare: number | undefined;
  /** Explanation texts of this run, shared between the units that get the same one. */
  private readonly texts = new TextCache();
  /** Channel and content area ids seen, indexed so units' sets are counted in a scratch array. */
  private readonly channelIds = new IdTable();
  private readonly contentIds = new IdTable();
  /** The lookups tracking checks use; exposed so a caller checks and scores with one context. */
  readonly context: TrackingContext;

  constructor(
    readonly plan: Plan,
    readonly options: ScoreOptions,
  ) {
    this.context = createTrackingContext(plan);
    this.periods = [...this.context.periods.values()];
    // By default, score the whole year: up to the last deadline, or the year's last day.
    const ends = [`${plan.year}-12-31T16:59:59.999Z`, ...this.periods.map((p) => p.dueAt)].sort();
    const lastDue = ends[ends.length - 1] as string;
    this.asOf = options.asOf ?? lastDue;
    this.asOfMs = Date.parse(this.asOf);
    this.asOfDate = vietnamDateOf(this.asOf);
    this.limit = options.explainLimit ?? 20;
    for (const unit of plan.units)
      this.units.set(unit.id, {
        unit,
        activities: [],
        recordCount: 0,
        sampleRecordIds: [],
        cost: 0,
        plannedCost: 0,
        reports: new Map(),
      });
  }

  /** Adds a checked activity (see `checkActivity`). */
  addActivity(activity: Activity): void {
    const unit = this.units.get(activity.unitId);
    if (!unit || this.activities.has(activity.id)) return;
    const state: ActivityState = {
      activity,
      unit,
      channel: this.channelIds.indexOf(activity.channelId),
      contents: activity.contentAreaIds.map((id) => this.contentIds.indexOf(id)),
      target: activity.target.value,
      achieved: 0,
      records: 0,
    };
    this.activities.set(activity.id, state);
    unit.activities.push(state);
    unit.plannedCost += activity.plannedCostVnd ?? 0;
    if (!this.context.activities.has(activity.id)) this.context.activities.set(activity.id, activity);
  }

  /**
   * Adds a checked record (see `checkRecord`): it counts for its activity's unit. Records dated
   * after the as-of date are counted apart and ignored.
   */
  addRecord(record: ActualRecord): void {
    const state = this.activities.get(record.activityId);
    // A checked record belongs to its activity's unit (`checkRecord` rejects any other), so the
    // unit is taken from the activity: the hot loop never reads the record's own unit id.
    if (!state) return;
    if (record.date > this.asOfDate) {
      this.recordsAfterAsOf++;
      return;
    }
    this.records++;
    state.achieved += record.output;
    state.records++;
    const unit = state.unit;
    unit.recordCount++;
    unit.cost += record.costVnd ?? 0;
    if (unit.sampleRecordIds.length < this.limit) unit.sampleRecordIds.push(record.id);
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
    const prev = unit.reports.get(report.periodId);
    if (!prev || at < prev.at) unit.reports.set(report.periodId, { at, id: report.id });
  }

  /** Periods whose deadline has passed at the as-of instant, with the deadline parsed once. */
  private duePeriods(): DuePeriod[] {
    const due: DuePeriod[] = [];
    for (const p of this.periods) {
      const dueMs = Date.parse(p.dueAt);
      if (dueMs <= this.asOfMs) due.push({ id: p.id, dueMs });
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
    reporters: ReadonlySet<string>,
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
    const channels = this.channelIds.marks();
    const contents = this.contentIds.marks();
    const activitiesDone: string[] = [];
    const activitiesBehind: string[] = [];
    const sample: string[] = [];
    for (const u of units) {
      recordCount += u.recordCount;
      cost += u.cost;
      plannedCost += u.plannedCost;
      if (sample.length < this.limit)
        for (const id of u.sampleRecordIds) {
          if (sample.length >= this.limit) break;
          sample.push(id);
        }
      for (const s of u.activities) {
        planned++;
        const target = s.target;
        const r = completionOf(target, s.achieved, s.records);
        const pr = pace === 1 ? r : completionOf(target, s.achieved * pace, s.records);
        completion += r;
        projectedCompletion += pr;
        if (pr >= 1 - EPS) projectedDone++;
        if (r >= 1 - EPS) {
          done++;
          if (activitiesDone.length < this.limit) activitiesDone.push(s.activity.id);
        } else if (activitiesBehind.length < this.limit) activitiesBehind.push(s.activity.id);
        const used = s.records > 0;
        channels.mark(s.channel, used);
        for (const c of s.contents) contents.mark(c, used);
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
    for (const u of units) {
      if (!reporters.has(u.unit.id)) continue;
      for (const p of due) {
        reportsDue++;
        const r = u.reports.get(p.id);
        if (!r) {
          if (reportsMissing.length < this.limit) reportsMissing.push(`${u.unit.id}/${p.id}`);
          continue;
        }
        submitted++;
        if (r.at <= p.dueMs) {
          onTime++;
          if (reportsOnTime.length < this.limit) reportsOnTime.push(`${u.unit.id}/${p.id}`);
        } else if (reportsLate.length < this.limit) reportsLate.push(`${u.unit.id}/${p.id}`);
      }
    }
    let participating = 0;
    for (const u of participantsExpected) if (u.recordCount > 0 || u.reports.size > 0) participating++;
    const metrics: Record<Metric, MetricValue> = {
      "plan-completion": ratio("plan-completion", completion, planned),
      "activities-done": ratio("activities-done", done, planned),
      "channel-diversity": ratio("channel-diversity", channelCounts.used, channelCounts.planned),
      "content-coverage": ratio("content-coverage", contentCounts.used, contentCounts.planned),
      "unit-participation": ratio("unit-participation", participating, participantsExpected.length),
      "reporting-rate": ratio("reporting-rate", submitted, reportsDue),
      "on-time-reporting-rate": ratio("on-time-reporting-rate", onTime, reportsDue),
      "budget-execution": ratio("budget-execution", cost, plannedCost),
    };
    const projected: Record<Metric, MetricValue> =
      pace === 1
        ? metrics
        : {
            ...metrics,
            "plan-completion": ratio("plan-completion", projectedCompletion, planned),
            "activities-done": ratio("activities-done", projectedDone, planned),
            "budget-execution": ratio("budget-execution", cost * pace, plannedCost),
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

  private evaluateNode(
    p: PreparedNode,
    metrics: Record<Metric, MetricValue>,
    level: "unit" | "agency",
    unitId: string | null,
  ): NodeScore {
    const node = p.node;
    if (!(level === "unit" ? p.atUnit : p.atAgency)) return notApplicable(node, NOT_AT_LEVEL[level]);
    if (p.children !== undefined) {
      const children = this.evaluate(p.children, metrics, level, unitId);
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
    if (p.rule === "manual") {
      const entry = this.manualEntry(node.id, unitId);
      const points = manualPoints(node, entry);
      const how =
        entry?.appraised !== undefined
          ? { vi: `điểm thẩm định ${fmt(entry.appraised)}`, en: `appraised ${fmt(entry.appraised)}` }
          : entry?.selfAssessed !== undefined
            ? {
                vi: `điểm tự chấm ${fmt(entry.selfAssessed)} (chưa thẩm định)`,
                en: `self-assessed ${fmt(entry.selfAssessed)} (not yet appraised)`,
              }
            : { vi: "chưa có điểm tự chấm", en: "no self-assessment entered" };
      return leafScore(node, points, {
        rule: "manual",
        ...(entry ? { manual: entry } : {}),
        text: {
          vi: `Chấm tay: ${how.vi} → ${fmt(points)} điểm.`,
          en: `Entered by hand: ${how.en} → ${fmt(points)} ${pointWord(fmt(points))}.`,
        },
      });
    }
    if (p.metric === undefined) return notApplicable(node, NO_RULE);
    const m = metrics[p.metric];
    if (m.value === undefined) return notApplicable(node, noDataText(p.metric));
    const threshold = thresholdFor(p, m.value);
    const points = Math.min(node.maxPoints, threshold?.points ?? 0);
    return leafScore(node, points, {
      rule: "metric",
      metric: m,
      threshold,
      text: this.metricText(node, METRICS[p.metric].label, m, threshold, p.lowest),
    });
  }

  /**
   * Why a metric leaf got its points. Thousands of units share the same fractions, so each text is
   * built once per score run and shared: a national sheet holds far fewer distinct strings.
   */
  private metricText(
    node: SchemeNode,
    label: LocalizedText,
    m: MetricValue,
    threshold: Threshold | null,
    lowest: number,
  ): LocalizedText {
    const make = () => {
      const ratioText = `${fmt(m.numerator)}/${fmt(m.denominator)} = ${fmt((m.value ?? 0) * 100)}%`;
      if (threshold) {
        const at = fmt(threshold.atLeast * 100);
        const pts = fmt(threshold.points);
        return {
          vi: `${label.vi} = ${ratioText} ≥ ${at}% → ${pts} điểm.`,
          en: `${label.en} = ${ratioText} ≥ ${at}% → ${pts} ${pointWord(pts)}.`,
        };
      }
      const low = fmt(lowest * 100);
      return {
        vi: `${label.vi} = ${ratioText}, dưới mức thấp nhất ${low}% → 0 điểm.`,
        en: `${label.en} = ${ratioText}, below the lowest threshold ${low}% → 0 points.`,
      };
    };
    // Counts repeat across units and are worth sharing; amounts of money and fractional completion
    // are nearly always unique, so caching them would only add a map per unit.
    return isSmallCount(m.numerator) && isSmallCount(m.denominator)
      ? this.texts.get(node, threshold, m.numerator, m.denominator, make)
      : make();
  }

  /** "Sum of sub-criteria": the whole explanation is shared, like `metricText`'s texts. */
  private sumExplanation(points: number, max: number): Explanation {
    return this.texts.get(SUM, null, points, max, (): Explanation => {
      const p = fmt(points);
      const x = fmt(max);
      return {
        rule: "sum",
        text: { vi: `Tổng điểm các tiêu chí con: ${p}/${x}.`, en: `Sum of sub-criteria: ${p}/${x}.` },
      };
    });
  }

  private entity(
    units: readonly UnitState[],
    reporters: ReadonlySet<string>,
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
    const reporters = new Set(expectedReporterIds(this.plan));
    const tasked = new Set(taskedUnitIds(this.plan));
    const due = this.duePeriods();
    const scored = [...this.units.values()].filter(
      (u) => u.activities.length > 0 || reporters.has(u.unit.id) || tasked.has(u.unit.id),
    );
    const unitScores = scored.map((u) =>
      this.entity([u], reporters, [u], due, "unit", u.unit.id, u.unit.name),
    );
    const collator = new Intl.Collator("vi");
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
        activities: this.activities.size,
        records: this.records,
        reports: this.reports,
        recordsAfterAsOf: this.recordsAfterAsOf,
        reportsAfterAsOf: this.reportsAfterAsOf,
      },
    };
  }
}

const NOT_AT_LEVEL: Record<"unit" | "agency", LocalizedText> = {
  unit: { vi: "Không áp dụng ở cấp đơn vị.", en: "Not scored at unit level." },
  agency: { vi: "Không áp dụng ở cấp cơ quan.", en: "Not scored at agency level." },
};
const NO_APPLICABLE_CHILD: LocalizedText = {
  vi: "Không có tiêu chí con áp dụng.",
  en: "No applicable sub-criterion.",
};
const NO_RULE: LocalizedText = { vi: "Tiêu chí chưa có cách chấm.", en: "Criterion has no rule." };
const NO_DATA = new Map<Metric, LocalizedText>();
/** "Nothing planned to measure" for a metric (one shared text per metric). */
function noDataText(metric: Metric): LocalizedText {
  let text = NO_DATA.get(metric);
  if (text === undefined) {
    const label = METRICS[metric].label;
    text = {
      vi: `${label.vi}: không có dữ liệu kế hoạch để tính (mẫu số 0), không tính vào điểm tối đa.`,
      en: `${label.en}: nothing planned to measure (denominator 0); left out of the maximum.`,
    };
    NO_DATA.set(metric, text);
  }
  return text;
}

/** The cache key of sum explanations (stands where a metric leaf's node stands). */
const SUM = {};

/**
 * Texts (and whole explanations) keyed by what determines them (a node, its threshold, numerator
 * and denominator), in nested maps so numbers are looked up as numbers, never joined into string
 * keys.
 */
class TextCache {
  private readonly root = new Map<unknown, Map<unknown, Map<number, Map<number, unknown>>>>();

  get<T>(a: unknown, b: unknown, x: number, y: number, make: () => T): T {
    const byY = child(child(child(this.root, a), b), x);
    let value = byY.get(y) as T | undefined;
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

/**
 * Ids (of channels, content areas) numbered in the order first seen, with one reusable scratch
 * array to count how many distinct ones a set of activities plans and uses.
 */
class IdTable {
  private readonly index = new Map<string, number>();
  private scratch = new Uint8Array(16);
  private readonly touched: number[] = [];
  private planned = 0;
  private used = 0;

  indexOf(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(id, i);
      if (i >= this.scratch.length) {
        const grown = new Uint8Array(this.scratch.length * 2);
        grown.set(this.scratch);
        this.scratch = grown;
      }
    }
    return i;
  }

  /** Starts a count (the previous one must be `done`). */
  marks(): this {
    this.planned = 0;
    this.used = 0;
    return this;
  }

  /** An id planned by an activity, and used when the activity has records. */
  mark(i: number, used: boolean): void {
    const seen = this.scratch[i] ?? 0;
    if (seen === 0) {
      this.touched.push(i);
      this.planned++;
    }
    if (used && (seen & 2) === 0) {
      this.used++;
      this.scratch[i] = 3;
    } else if (seen === 0) this.scratch[i] = 1;
  }

  /** The distinct ids planned and used since `marks()`, and the scratch array cleared. */
  done(): { planned: number; used: number } {
    for (const i of this.touched) this.scratch[i] = 0;
    this.touched.length = 0;
    return { planned: this.planned, used: this.used };
  }
}

/** A reporting period due at the as-of instant. */
interface DuePeriod {
  readonly id: string;
  readonly dueMs: number;
}

type Threshold = { readonly atLeast: number; readonly points: number };

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
  /** The lowest threshold (0 when there is none), for "below the lowest threshold". */
  readonly lowest: number;
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
      lowest: thresholds.at(-1)?.atLeast ?? 0,
    };
  });
}

/** A manual leaf's points: appraised, else self-assessed, else 0, kept within 0..maximum. */
function manualPoints(node: SchemeNode, entry: ManualScore | undefined): number {
  const raw = entry?.appraised ?? entry?.selfAssessed ?? 0;
  return Math.min(node.maxPoints, Math.max(0, raw));
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

const round = (n: number, digits = 4) => {
  const scale = digits === 4 ? 10_000 : 10 ** digits;
  return Math.round(n * scale) / scale;
};
const percent = (points: number, max: number) =>
  max === 0 ? 0 : Math.round((points / max) * 100 * 100) / 100;
/** A count small and whole enough for its explanation text to be shared between units. */
const isSmallCount = (n: number) => Number.isInteger(n) && n >= 0 && n <= 100_000;
/** "1 point", "0.5 points", "2 points" in English explanations. */
const pointWord = (formatted: string) => (formatted === "1" ? "point" : "points");
/**
 * A number rounded to 2 decimals as text ("12.5", "0.07", "-3"), the same as `String(round(n, 2))`
 * but written from integers: explanations write hundreds of thousands of numbers per national run.
 */
function fmt(n: number): string {
  const hundredths = Math.round(n * 100);
  // Beyond 10^10 the division by 100 can print differently: leave those (and NaN) to String.
  if (!(Math.abs(hundredths) < 1e12)) return String(round(n, 2));
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const sign = hundredths < 0 ? "-" : "";
  if (frac === 0) return `${sign}${whole}`;
  return frac % 10 === 0 ? `${sign}${whole}.${frac / 10}` : `${sign}${whole}.${frac < 10 ? "0" : ""}${frac}`;
}

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
