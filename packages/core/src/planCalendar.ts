/**
 * The reporting calendar a plan sets for itself: its period types, deadline (calendar or working
 * days), day-off handling, holiday schedule and cut-off regime over its year. Reminders, scoring,
 * exports and the dashboard all take due dates from here, so a setting changes them all at once.
 */
import {
  type CalendarOptions,
  type PeriodType,
  type ReportingPeriod,
  reportingCalendar,
} from "./calendar.js";
import type { Plan, ReportingSchedule } from "./plan.js";

type Deadline = ReportingSchedule["deadlineDaysAfterCutoff"];

/** Per-type counts of a deadline setting; an empty object when none is set. */
function perType(deadline: Deadline, types: readonly PeriodType[]): Partial<Record<PeriodType, number>> {
  if (deadline === undefined) return {};
  if (typeof deadline === "number") return Object.fromEntries(types.map((t) => [t, deadline]));
  return deadline;
}

/**
 * The calendar options of a plan's reporting schedule. A type with both deadline kinds (an error of
 * rule `reporting-deadline-kinds-conflict`) uses its working days, so the calendar still computes.
 */
export function planCalendarOptions(reporting: ReportingSchedule): CalendarOptions {
  const options: CalendarOptions = { periodTypes: reporting.periodTypes };
  const working = reporting.deadlineWorkingDaysAfterCutoff;
  if (working === undefined) {
    if (reporting.deadlineDaysAfterCutoff !== undefined)
      options.deadlineDaysAfterCutoff = reporting.deadlineDaysAfterCutoff;
  } else {
    const w = perType(working, reporting.periodTypes);
    const c = perType(reporting.deadlineDaysAfterCutoff, reporting.periodTypes);
    options.deadlineWorkingDaysAfterCutoff = w;
    options.deadlineDaysAfterCutoff = Object.fromEntries(
      Object.entries(c).filter(([t]) => w[t as PeriodType] === undefined),
    ) as Partial<Record<PeriodType, number>>;
  }
  if (reporting.dueOnDayOff !== undefined) options.dueOnDayOff = reporting.dueOnDayOff;
  if (reporting.holidays !== undefined) options.holidays = reporting.holidays;
  if (reporting.cutoffRegime !== undefined) options.cutoffRegime = reporting.cutoffRegime;
  return options;
}

/** The periods a plan's units report on, with cut-off windows and due dates; empty without a schedule. */
export function planCalendar(plan: Plan): ReportingPeriod[] {
  if (plan.reporting === undefined) return [];
  return reportingCalendar(plan.year, planCalendarOptions(plan.reporting));
}
