/**
 * The periodic report of results (Báo cáo kết quả tuyên truyền CCHC) of a unit, or of the whole
 * agency, for one reporting period: what was planned, what was done in the period's data window
 * and since the start of the year, and at what cost. Exporters lay it out; this computes it.
 */
import type { ReportingPeriod } from "./calendar.js";
import type { Plan } from "./plan.js";
import { planCalendar } from "./planCalendar.js";
import type { Activity, ActualRecord, Quantity } from "./tracking.js";

/** One activity's line in the report. */
export interface PeriodReportRow {
  readonly activityId: string;
  readonly title: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly channel: string;
  readonly target: Quantity;
  /** Output recorded inside the period's data cut-off window. */
  readonly achievedInPeriod: number;
  /** Output recorded from the start of the year's data window to the period's cut-off end. */
  readonly achievedToDate: number;
  readonly participants: number;
  readonly costVnd: number;
  readonly plannedCostVnd: number;
  /** Evidence links of the period's records (the first few). */
  readonly evidence: readonly string[];
}

/** A report for one period, ready to lay out. */
export interface PeriodReport {
  readonly plan: Plan;
  readonly period: ReportingPeriod;
  /** The unit reporting; null for the whole agency. */
  readonly unitId: string | null;
  readonly unitName: string;
  readonly rows: readonly PeriodReportRow[];
  readonly totals: {
    readonly activities: number;
    readonly activitiesDone: number;
    readonly records: number;
    readonly participants: number;
    readonly costVnd: number;
    readonly plannedCostVnd: number;
  };
}

/** Input of `buildPeriodReport`. */
export interface PeriodReportInput {
  readonly plan: Plan;
  readonly activities: readonly Activity[];
  readonly records: Iterable<ActualRecord>;
  readonly periodId: string;
  /** Report for one unit; omitted for the whole agency. */
  readonly unitId?: string;
}

type MutableRow = { -readonly [K in keyof PeriodReportRow]: PeriodReportRow[K] } & { evidence: string[] };

/**
 * Builds a period report one item at a time, so tracking data can be streamed from a file (the
 * national dataset holds a million records) instead of held in memory. Add every activity before
 * the records that belong to it; records of other units, unknown activities or dates outside the
 * year's window up to the period's cut-off are ignored.
 */
export class PeriodReportBuilder {
  readonly plan: Plan;
  readonly period: ReportingPeriod;
  readonly unitId: string | undefined;
  private readonly yearStart: string;
  private readonly rows = new Map<string, MutableRow>();
  private records = 0;

  private constructor(plan: Plan, period: ReportingPeriod, yearStart: string, unitId: string | undefined) {
    this.plan = plan;
    this.period = period;
    this.yearStart = yearStart;
    this.unitId = unitId;
  }

  /** A builder for one period of the plan's calendar; undefined when the plan has no such period. */
  static forPeriod(plan: Plan, periodId: string, unitId?: string): PeriodReportBuilder | undefined {
    const periods = planCalendar(plan);
    const period = periods.find((p) => p.id === periodId);
    if (!period) return undefined;
    const yearStart = periods.find((p) => p.type === "year")?.cutoffStart ?? `${plan.year - 1}-12-15`;
    return new PeriodReportBuilder(plan, period, yearStart, unitId);
  }

  /** Adds a planned activity (ignored when it belongs to another unit than the report's). */
  addActivity(a: Activity): void {
    if (this.unitId !== undefined && a.unitId !== this.unitId) return;
    const plan = this.plan;
    const channel = plan.channels.find((c) => c.id === a.channelId);
    this.rows.set(a.id, {
      activityId: a.id,
      title: a.title,
      unitId: a.unitId,
      unitName: plan.units.find((u) => u.id === a.unitId)?.name ?? a.unitId,
      channel: channel?.text ?? a.channelId,
      target: a.target,
      achievedInPeriod: 0,
      achievedToDate: 0,
      participants: 0,
      costVnd: 0,
      plannedCostVnd: a.plannedCostVnd ?? 0,
      evidence: [],
    });
  }

  /** Adds an actual record; counted when its activity was added and its date falls in the window. */
  addRecord(r: ActualRecord): void {
    const row = this.rows.get(r.activityId);
    if (!row || r.date < this.yearStart || r.date > this.period.cutoffEnd) return;
    row.achievedToDate += r.output;
    if (r.date < this.period.cutoffStart) return;
    this.records++;
    row.achievedInPeriod += r.output;
    row.participants += r.participants ?? 0;
    row.costVnd += r.costVnd ?? 0;
    if (r.evidenceUrl !== undefined && row.evidence.length < 5) row.evidence.push(r.evidenceUrl);
  }

  /** The report so far: rows sorted by unit name (Vietnamese order), then activity id. */
  result(): PeriodReport {
    const { plan, period } = this;
    const collator = new Intl.Collator("vi");
    const list = [...this.rows.values()]
      .map((r) => ({ ...r, evidence: [...r.evidence] }))
      .sort((a, b) => collator.compare(a.unitName, b.unitName) || (a.activityId < b.activityId ? -1 : 1));
    const unitName =
      this.unitId === undefined
        ? plan.issuer.name
        : (plan.units.find((u) => u.id === this.unitId)?.name ?? this.unitId);
    return {
      plan,
      period,
      unitId: this.unitId ?? null,
      unitName,
      rows: list,
      totals: {
        activities: list.length,
        activitiesDone: list.filter((r) => r.achievedToDate >= r.target.value).length,
        records: this.records,
        participants: list.reduce((s, r) => s + r.participants, 0),
        costVnd: list.reduce((s, r) => s + r.costVnd, 0),
        plannedCostVnd: list.reduce((s, r) => s + r.plannedCostVnd, 0),
      },
    };
  }
}

/** Computes a period report; undefined when the period is not in the plan's calendar. */
export function buildPeriodReport(input: PeriodReportInput): PeriodReport | undefined {
  const builder = PeriodReportBuilder.forPeriod(input.plan, input.periodId, input.unitId);
  if (!builder) return undefined;
  for (const a of input.activities) builder.addActivity(a);
  for (const r of input.records) builder.addRecord(r);
  return builder.result();
}
