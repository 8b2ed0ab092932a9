/**
 * docs/calendar.md — working days: the holidays of a year, a deadline in working days, a due date
 * moved off a day off, and an agency's schedule (a make-up Saturday) read from a file.
 */
import { readFileSync } from "node:fs";
import {
  HolidayFileSchema,
  type Plan,
  planCalendar,
  reportingCalendar,
  reportingPeriod,
  statutoryHolidays,
  workingCalendar,
} from "@cchc/core";

/** Ngày nghỉ lễ, tết của năm 2026 / the public holidays of 2026, one line each. */
export const holidays2026 = () => statutoryHolidays(2026).map((h) => `${h.date} ${h.name.vi}`);
// 2026-01-01 Tết Dương lịch, 2026-02-16 Tết Nguyên đán (ngày cuối năm Âm lịch), … 2026-02-17 (mùng 1 Tết)

/** Báo cáo tháng 2/2018: hạn rơi vào mùng 4 Tết / the February 2018 report falls due on Tết's 4th day. */
export function february2018() {
  const plain = reportingPeriod("2018M02"); // hạn / due 2018-02-19 (mùng 4 Tết)
  const moved = reportingPeriod("2018M02", { dueOnDayOff: "next-working-day" }); // 2018-02-22
  const working = reportingPeriod("2018M02", { deadlineWorkingDaysAfterCutoff: 5 }); // 2018-02-28
  return { plain, moved, working };
}

/** 19/12/2026 là thứ Bảy → 21/12/2026: why the annual report of 2026 moved. */
export const year2026Moved = () =>
  reportingCalendar(2026, { periodTypes: ["year"], dueOnDayOff: "next-working-day" })[0]?.dueDateMove?.reason;

/** The agency's schedule from a file: its make-up Saturday counts as a working day. */
export function agencySchedule(path: string) {
  const { holidays } = HolidayFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  const calendar = workingCalendar(holidays);
  return { holidays, saturdayWorked: calendar.isWorkingDay("2026-02-28") };
}

/** A plan that counts working days: every consumer (reminders, scoring, ICS, dashboard) follows. */
export function workingDayPlan(plan: Plan): Plan {
  if (plan.reporting === undefined) return plan;
  const { deadlineDaysAfterCutoff: _days, ...reporting } = plan.reporting;
  return {
    ...plan,
    reporting: { ...reporting, deadlineWorkingDaysAfterCutoff: 5, dueOnDayOff: "next-working-day" },
  };
}
export const dueDates = (plan: Plan) => planCalendar(workingDayPlan(plan)).map((p) => `${p.id} ${p.dueDate}`);
