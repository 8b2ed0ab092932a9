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

/** Computes a period report; undefined when the period is not in the plan's calendar. */
export function buildPeriodReport(input: PeriodReportInput): PeriodReport | undefined {
  const { plan } = input;
  const periods = planCalendar(plan);
  const period = periods.find((p) => p.id === input.periodId);
  if (!period) return undefined;
  const yearStart = periods.find((p) => p.type === "year")?.cutoffStart ?? `${plan.year - 1}-12-15`;
  const unitName = (id: string) => plan.units.find((u) => u.id === id)?.name ?? id;
  const channelText = (id: string) => {
    const i = plan.channels.findIndex((c) => c.id === id);
    return i === -1 ? id : (plan.channels[i]?.text ?? id);
  };
  const activities = input.activities.filter((a) => input.unitId === undefined || a.unitId === input.unitId);
  const rows = new Map<
    string,
    { -readonly [K in keyof PeriodReportRow]: PeriodReportRow[K] } & { evidence: string[] }
  >();
  for (const a of activities)
    rows.set(a.id, {
      activityId: a.id,
      title: a.title,
      unitId: a.unitId,
      unitName: unitName(a.unitId),
      channel: channelText(a.channelId),
      target: a.target,
      achievedInPeriod: 0,
      achievedToDate: 0,
      participants: 0,
      costVnd: 0,
      plannedCostVnd: a.plannedCostVnd ?? 0,
      evidence: [],
    });
  let records = 0;
  for (const r of input.records) {
    const row = rows.get(r.activityId);
    if (!row || r.date < yearStart || r.date > period.cutoffEnd) continue;
    row.achievedToDate += r.output;
    if (r.date < period.cutoffStart) continue;
    records++;
    row.achievedInPeriod += r.output;
    row.participants += r.participants ?? 0;
    row.costVnd += r.costVnd ?? 0;
    if (r.evidenceUrl !== undefined && row.evidence.length < 5) row.evidence.push(r.evidenceUrl);
  }
  const list = [...rows.values()].sort(
    (a, b) => a.unitName.localeCompare(b.unitName, "vi") || (a.activityId < b.activityId ? -1 : 1),
  );
  return {
    plan,
    period,
    unitId: input.unitId ?? null,
    unitName: input.unitId === undefined ? plan.issuer.name : unitName(input.unitId),
    rows: list,
    totals: {
      activities: list.length,
      activitiesDone: list.filter((r) => r.achievedToDate >= r.target.value).length,
      records,
      participants: list.reduce((s, r) => s + r.participants, 0),
      costVnd: list.reduce((s, r) => s + r.costVnd, 0),
      plannedCostVnd: list.reduce((s, r) => s + r.plannedCostVnd, 0),
    },
  };
}
