/**
 * Who reported what, and when: for every unit the plan expects a report from and every period of
 * the plan's calendar, whether the report came in on time, late, is missing, or is not due yet.
 * The rules are the scorer's (earliest submission counts, on time up to 23:59:59 of the due date
 * in Vietnam, a report submitted after "now" is not known yet), so the table and the score agree.
 */
import {
  expectedReporterIds,
  type Plan,
  planCalendar,
  type ReportingPeriod,
  type UnitReport,
} from "@cchc/core";

/** The state of one unit's report for one period. */
export type ReportState = "on-time" | "late" | "missing" | "not-due";

/** One cell of the status table. */
export interface PeriodStatus {
  readonly period: ReportingPeriod;
  readonly state: ReportState;
  /** The earliest submission, when there is one. */
  readonly submittedAt?: string;
  readonly reportId?: string;
  /** Whole days after the deadline (rounded up), for a late report. */
  readonly daysLate?: number;
}

/** One unit's row. */
export interface UnitReportingStatus {
  readonly unitId: string;
  readonly unitName: string;
  readonly cells: readonly PeriodStatus[];
  readonly counts: Readonly<Record<ReportState, number>>;
}

/** The whole table. */
export interface ReportingStatusTable {
  readonly periods: readonly ReportingPeriod[];
  readonly units: readonly UnitReportingStatus[];
  readonly counts: Readonly<Record<ReportState, number>>;
}

const DAY_MS = 86_400_000;
const collator = new Intl.Collator("vi");

const zero = (): Record<ReportState, number> => ({ "on-time": 0, late: 0, missing: 0, "not-due": 0 });

/** Status of one unit for every period, from that unit's reports. */
export function unitReportingStatus(
  periods: readonly ReportingPeriod[],
  reports: readonly UnitReport[],
  now: Date,
): PeriodStatus[] {
  const nowMs = now.getTime();
  const earliest = new Map<string, { at: number; report: UnitReport }>();
  for (const r of reports) {
    const at = Date.parse(r.submittedAt);
    if (Number.isNaN(at) || at > nowMs) continue;
    const prev = earliest.get(r.periodId);
    if (!prev || at < prev.at) earliest.set(r.periodId, { at, report: r });
  }
  return periods.map((period): PeriodStatus => {
    const due = Date.parse(period.dueAt);
    const found = earliest.get(period.id);
    if (!found) return { period, state: due <= nowMs ? "missing" : "not-due" };
    const base = { period, submittedAt: found.report.submittedAt, reportId: found.report.id };
    if (found.at <= due) return { ...base, state: "on-time" };
    return { ...base, state: "late", daysLate: Math.ceil((found.at - due) / DAY_MS) };
  });
}

/** The status table of every expected reporter, names in Vietnamese order. */
export function reportingStatus(plan: Plan, reports: readonly UnitReport[], now: Date): ReportingStatusTable {
  const periods = planCalendar(plan);
  const byUnit = new Map<string, UnitReport[]>();
  for (const r of reports) {
    const list = byUnit.get(r.unitId);
    if (list) list.push(r);
    else byUnit.set(r.unitId, [r]);
  }
  const names = new Map(plan.units.map((u) => [u.id, u.name]));
  const total = zero();
  const units = expectedReporterIds(plan)
    .map((unitId): UnitReportingStatus => {
      const cells = unitReportingStatus(periods, byUnit.get(unitId) ?? [], now);
      const counts = zero();
      for (const c of cells) {
        counts[c.state]++;
        total[c.state]++;
      }
      return { unitId, unitName: names.get(unitId) ?? unitId, cells, counts };
    })
    .sort((a, b) => collator.compare(a.unitName, b.unitName));
  return { periods, units, counts: total };
}
