/**
 * Reporting frequencies and deadlines as plans word them: "hàng quý, 6 tháng, năm", "định kỳ 6
 * tháng và năm", "báo cáo năm trước ngày 15/12", "trước ngày 15/6 và 15/12". Only sentences about
 * reports are read, so "năm 2021" or "tháng 3" elsewhere never count.
 */
import type { PeriodType } from "@cchc/core";
import { fold } from "./fold.js";
import { isoDate } from "./header.js";

/** What one sentence says about periodic reports. */
export interface ReportingReading {
  readonly periodTypes: PeriodType[];
  /** Deadlines read from dates, as days after the Decree 09 cut-off (the 14th of the last month). */
  readonly deadlines: Partial<Record<PeriodType, number>>;
  /** Dates that fit no period, or fall before the cut-off. */
  readonly oddDates: string[];
}

const ORDER: readonly PeriodType[] = ["month", "quarter", "half-year", "nine-month", "year"];

// Period words, longest first; "năm" and "tháng" only when no number follows ("năm 2021", "tháng 3").
const PERIOD_WORD =
  /\b(hang thang|moi thang|hang quy|moi quy|hang nam|6 thang dau nam|6 thang cuoi nam|06 thang|6 thang|sau thang|9 thang|09 thang|chin thang|ca nam|cuoi nam|quy(?! ?[ivx\d]\b)|thang(?! ?\d)|nam(?! ?\d))\b/g;

function typeOfWord(w: string): PeriodType | undefined {
  if (/thang$/.test(w) && /(6|06|sau)/.test(w)) return "half-year";
  if (/(9|09|chin) thang/.test(w)) return "nine-month";
  if (w === "6 thang cuoi nam") return "year";
  if (/quy/.test(w)) return "quarter";
  if (/thang/.test(w)) return "month";
  if (/nam/.test(w)) return "year";
  return undefined;
}

const DATE_PHRASE =
  /\b(truoc|cham nhat|truoc hoac trong|trong|vao|den)?\s*(la\s*)?(ngay\s*)?(\d{1,2})\s*(?:\/|-|thang\s*)(\d{1,2})\b(?!\s*\/\s*\d{4})/g;

/** The Decree 09 period whose cut-off falls in a month ("6" → half-year…), for deadlines by date. */
function typeOfMonth(month: number, quarterly: boolean): PeriodType | undefined {
  if (quarterly && [3, 4, 6, 7, 9, 10, 12, 1].includes(month)) return "quarter";
  if (month === 6 || month === 7) return "half-year";
  if (month === 9 || month === 10) return "nine-month";
  if (month === 12 || month === 1) return "year";
  if (month === 3 || month === 4) return "quarter";
  return undefined;
}

const CUTOFF_MONTH: Record<PeriodType, number> = {
  month: 0,
  quarter: 0,
  "half-year": 6,
  "nine-month": 9,
  "second-half": 12,
  year: 12,
};

/** Whether a sentence is about periodic reports at all. */
export function mentionsReports(text: string): boolean {
  return /\bbao cao\b/.test(fold(text));
}

/** Reads the period types and deadlines of a sentence about reports; empty when it names none. */
export function readReporting(text: string): ReportingReading {
  const f = fold(text);
  const types = new Set<PeriodType>();
  if (!/\bbao cao\b/.test(f)) return { periodTypes: [], deadlines: {}, oddDates: [] };
  // Only the sentence parts that are about reports: from "báo cáo"/"định kỳ" on, clause by clause.
  for (const clause of f.split(/[.;]/)) {
    if (!/\b(bao cao|dinh ky)\b/.test(clause)) continue;
    for (const m of clause.matchAll(PERIOD_WORD)) {
      const t = typeOfWord(m[1] as string);
      // Bare "tháng" or "năm" count only next to a report word or in a list of periods.
      if ((m[1] === "thang" || m[1] === "nam") && !nearReportList(clause, m.index ?? 0)) continue;
      if (t) types.add(t);
    }
  }
  const deadlines: Partial<Record<PeriodType, number>> = {};
  const oddDates: string[] = [];
  // Dates of a list inherit the first one's word: "trước ngày 15/6 và 15/12".
  const dates: Array<{ day: number; month: number; before: boolean }> = [];
  let previousEnd = -1;
  let previousBefore = false;
  for (const m of f.matchAll(DATE_PHRASE)) {
    const day = Number(m[4]);
    const month = Number(m[5]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const listed =
      previousEnd >= 0 &&
      /^\s*(\([^)]*\)\s*)?(,|va|hoac|\/)\s*$/.test(
        f.slice(previousEnd, m.index + (m[0].length - m[0].trimStart().length)),
      );
    if (m[1] === undefined && m[3] === undefined && !listed) continue;
    const before: boolean = m[1] === undefined ? listed && previousBefore : m[1] === "truoc";
    dates.push({ day, month, before });
    previousEnd = (m.index ?? 0) + m[0].length;
    previousBefore = before;
  }
  const quarterEnds = [3, 6, 9, 12].filter((mo) => dates.some((d) => d.month === mo)).length;
  for (const d of dates) {
    const type = typeOfMonth(d.month, quarterEnds >= 3);
    if (type === undefined) {
      oddDates.push(`${d.day}/${d.month}`);
      continue;
    }
    types.add(type);
    const cutoffMonth = CUTOFF_MONTH[type] || nearestQuarterEnd(d.month);
    // "trước ngày 15/6": due the day before; "chậm nhất ngày 15/6": due that day.
    const days = daysAfterCutoff(cutoffMonth, d.month, d.day - (d.before ? 1 : 0));
    if (days === undefined || days < 0 || days > 365) oddDates.push(`${d.day}/${d.month}`);
    else if (deadlines[type] === undefined) deadlines[type] = days;
  }
  // "trước ngày 20 của tháng cuối quý": a quarterly deadline.
  const endOfQuarter =
    /\b(truoc|cham nhat)?\s*(?:vao\s*)?ngay (\d{1,2}) (?:cua )?thang cuoi (?:moi |cua )?quy\b/.exec(f);
  if (endOfQuarter) {
    types.add("quarter");
    const days = Number(endOfQuarter[2]) - 14 - (endOfQuarter[1] === "truoc" ? 1 : 0);
    if (days >= 0 && deadlines.quarter === undefined) deadlines.quarter = days;
  }
  return { periodTypes: ORDER.filter((t) => types.has(t)), deadlines, oddDates };
}

function nearReportList(clause: string, index: number): boolean {
  const before = clause.slice(Math.max(0, index - 24), index);
  return /(bao cao|dinh ky|hang|quy|thang|,|va|hoac|\/)\s*$/.test(before);
}

function nearestQuarterEnd(month: number): number {
  return month <= 3 ? 3 : month <= 6 ? 6 : month <= 9 ? 9 : 12;
}

/** Days from the cut-off (the 14th of `cutoffMonth`) to day `day` of `month` (next year if earlier). */
function daysAfterCutoff(cutoffMonth: number, month: number, day: number): number | undefined {
  const year = 2021; // any non-leap reference year: only the distance matters
  const cutoff = Date.UTC(year, cutoffMonth - 1, 14);
  const targetYear = month < cutoffMonth ? year + 1 : year;
  const iso = isoDate(targetYear, month, Math.max(day, 1));
  if (iso === undefined) return undefined;
  const due = Date.UTC(targetYear, month - 1, day);
  return Math.round((due - cutoff) / 86_400_000);
}
