/**
 * Plan rules for the working-day settings of a reporting schedule: both deadline kinds for one
 * period type, and holiday entries that repeat a date or cannot touch the plan's due dates. Kept
 * here, beside the holidays they check, and appended to `PLAN_RULES`.
 */
import { PERIOD_TYPES, type PeriodType } from "../calendar.js";
import type { PlanRule, RuleHit } from "../rules.js";
import { formatVietnameseDate } from "./workingCalendar.js";

type Deadline = number | Partial<Record<PeriodType, number>> | undefined;

function typesOf(deadline: Deadline): Set<PeriodType> {
  if (deadline === undefined) return new Set();
  if (typeof deadline === "number") return new Set(PERIOD_TYPES);
  return new Set(PERIOD_TYPES.filter((t) => deadline[t] !== undefined));
}

const hit = (path: RuleHit["path"], vi: string, en: string): RuleHit => ({ path, message: { vi, en } });

/** The rules of the working-day settings, in the order they are reported. */
export const CALENDAR_RULES: readonly PlanRule[] = [
  {
    code: "reporting-deadline-kinds-conflict",
    severity: "error",
    title: {
      vi: "Hạn báo cáo vừa theo ngày vừa theo ngày làm việc",
      en: "Deadline both in days and in working days",
    },
    description: {
      vi: "Mỗi loại kỳ báo cáo chỉ có một loại hạn: `deadlineDaysAfterCutoff` (ngày) hoặc `deadlineWorkingDaysAfterCutoff` (ngày làm việc).",
      en: "Each period type has one kind of deadline: `deadlineDaysAfterCutoff` (days) or `deadlineWorkingDaysAfterCutoff` (working days).",
    },
    *check({ plan }) {
      const r = plan.reporting;
      if (r === undefined || r.deadlineWorkingDaysAfterCutoff === undefined) return;
      const calendar = typesOf(r.deadlineDaysAfterCutoff);
      const both = [...typesOf(r.deadlineWorkingDaysAfterCutoff)].filter(
        (t) => calendar.has(t) && r.periodTypes.includes(t),
      );
      if (both.length > 0)
        yield hit(
          ["reporting", "deadlineWorkingDaysAfterCutoff"],
          `Kỳ ${both.join(", ")} có cả hạn theo ngày lẫn hạn theo ngày làm việc; chỉ giữ một (lịch đang dùng ngày làm việc).`,
          `Period type(s) ${both.join(", ")} have a deadline in days and one in working days; keep one (the calendar uses the working days).`,
        );
    },
  },
  {
    code: "reporting-holiday-duplicate",
    severity: "error",
    title: { vi: "Ngày nghỉ khai báo trùng", en: "Holiday entry repeated" },
    description: {
      vi: "Mỗi ngày chỉ có một dòng trong lịch nghỉ của cơ quan (`reporting.holidays`).",
      en: "Each date has one entry in the agency's schedule (`reporting.holidays`).",
    },
    *check({ plan }) {
      const seen = new Map<string, number>();
      for (const [j, e] of (plan.reporting?.holidays ?? []).entries()) {
        const first = seen.get(e.date);
        if (first === undefined) {
          seen.set(e.date, j);
          continue;
        }
        yield hit(
          ["reporting", "holidays", j, "date"],
          `Ngày ${formatVietnameseDate(e.date)} đã khai báo ở dòng ${first + 1}; dòng sau được dùng.`,
          `${formatVietnameseDate(e.date)} is already listed at entry ${first + 1}; the later entry is used.`,
        );
      }
    },
  },
  {
    code: "reporting-holiday-outside-year",
    severity: "warning",
    title: { vi: "Ngày nghỉ ngoài năm kế hoạch", en: "Holiday entry outside the plan year" },
    description: {
      vi: "Ngày trong lịch nghỉ nằm trong khoảng các kỳ báo cáo của năm kế hoạch có thể đến hạn (từ 15/12 năm trước đến hết năm sau).",
      en: "Schedule dates fall where the plan year's reports can be due (15 December of the previous year to the end of the next year).",
    },
    *check({ plan }) {
      const from = `${plan.year - 1}-12-15`;
      const to = `${plan.year + 1}-12-31`;
      for (const [j, e] of (plan.reporting?.holidays ?? []).entries()) {
        if (e.date < from || e.date > to)
          yield hit(
            ["reporting", "holidays", j, "date"],
            `Ngày ${formatVietnameseDate(e.date)} không ảnh hưởng đến hạn báo cáo nào của năm ${plan.year}; kiểm tra lại năm.`,
            `${formatVietnameseDate(e.date)} cannot affect any ${plan.year} due date; check the year.`,
          );
      }
    },
  },
];
