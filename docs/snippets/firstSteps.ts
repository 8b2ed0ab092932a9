/**
 * docs/getting-started.md — the first lines of code: validate a plan (the sample or your own JSON),
 * list its reporting calendar, render it.
 */
import { readFileSync } from "node:fs";
import {
  formatPath,
  type Plan,
  planCalendar,
  renderPlanMarkdown,
  reportingCalendar,
  samplePlan,
  validatePlan,
} from "@cchc/core";

/** Validates a plan file, or the 2018 sample when no path is given; prints every finding. */
export function checkPlan(path?: string): Plan | undefined {
  // Kế hoạch mẫu (đã phân tích) hoặc tệp của bạn / the sample (already parsed) or your file
  const input: unknown = path ? JSON.parse(readFileSync(path, "utf8")) : samplePlan("mic-2018");

  const { ok, plan, errors, warnings } = validatePlan(input); // không bao giờ ném lỗi / never throws
  for (const f of [...errors, ...warnings]) {
    console.log(`${f.severity} ${f.code} @ ${formatPath(f.path)}`);
    console.log(`  ${f.message.vi}`);
    console.log(`  ${f.message.en}`);
  }
  return ok ? plan : undefined;
}

/** The plan's own reporting periods, one line each. */
export function calendarLines(plan: Plan): string[] {
  // Các kỳ kế hoạch quy định (mẫu 2018: quý, 6 tháng, năm) / the plan's own periods
  return planCalendar(plan).map(
    (p) => `${p.id} ${p.label.vi} ${p.cutoffStart} → ${p.cutoffEnd} hạn / due ${p.dueDate}`,
  );
  // 2018Q1 Quý I năm 2018 2017-12-15 → 2018-03-14 hạn / due 2018-03-19 …
}

/** Any year, with the agency's own deadline (days after the data cut-off). */
export const calendar2025 = () =>
  reportingCalendar(2025, { periodTypes: ["quarter", "year"], deadlineDaysAfterCutoff: 7 });

/** The plan as Markdown that reads like the issued document. */
export const planMarkdown = (plan: Plan): string => renderPlanMarkdown(plan);
