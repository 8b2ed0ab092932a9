/**
 * The reporting calendar a plan sets for itself: its period types and deadline over its year.
 */
import { type ReportingPeriod, reportingCalendar } from "./calendar.js";
import type { Plan } from "./plan.js";

/** The periods a plan's units report on, with cut-off windows and due dates; empty without a schedule. */
export function planCalendar(plan: Plan): ReportingPeriod[] {
  if (plan.reporting === undefined) return [];
  return reportingCalendar(plan.year, {
    periodTypes: plan.reporting.periodTypes,
    ...(plan.reporting.deadlineDaysAfterCutoff === undefined
      ? {}
      : { deadlineDaysAfterCutoff: plan.reporting.deadlineDaysAfterCutoff }),
  });
}
