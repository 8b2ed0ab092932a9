/**
 * A portal's news item that announces a plan ("Ngày 17/02/2025, UBND xã Tân Lập ban hành Kế hoạch
 * số 132-KH/UBND về tuyên truyền cải cách hành chính năm 2025…"): not the plan's text, but it
 * states the plan's issuer, number, date and title. The importer takes those, and only those, from
 * the sentence that says them; everything else stays a leftover.
 */
import type { FindingSink } from "./findingCap.js";
import { type DateReading, type NumberReading, readNumber, readPlaceDate } from "./header.js";
import type { SourceLine } from "./lines.js";

/** What an announcing sentence states about the plan. */
export interface Announcement {
  /** 1-based line of the sentence. */
  readonly line: number;
  readonly issuer: string | undefined;
  readonly number: NumberReading | undefined;
  readonly date: DateReading | undefined;
  readonly title: string | undefined;
}

const ANNOUNCES =
  /(?:^|[,;.]\s*)(?:(ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\s*,?\s*)?([^,;.]*?)\s*(?:đã\s+)?ban hành\s+Kế hoạch(?:\s+số\s+([0-9A-Za-zĐđ./-]+))?(?:\s+ngày\s+[\d/.-]+)?\s*(?:(?:về(?:\s+việc)?|v\/v)\s+)?([^.;]*)/iu;

/** Reads the first sentence that announces a plan, if any. */
export function readAnnouncement(
  lines: readonly SourceLine[],
  findings: FindingSink,
): Announcement | undefined {
  for (const l of lines) {
    if (l.text.length < 20 || !/ban hành\s+kế hoạch/iu.test(l.text)) continue;
    const m = ANNOUNCES.exec(l.text);
    if (!m) continue;
    const [, dateText, who, numberText, rest] = m;
    const number = numberText === undefined ? undefined : readNumber(`Số: ${numberText}`, l.no);
    if (number) findings.push(...number.findings);
    const date = dateText === undefined ? undefined : readPlaceDate(dateText, l.no);
    if (date) findings.push(...date.findings);
    const issuer = who?.trim() === "" ? undefined : who?.trim();
    const t = rest?.trim() ?? "";
    const title = t === "" ? undefined : `${t[0]?.toLocaleUpperCase("vi")}${t.slice(1)}`;
    return { line: l.no, issuer, number, date, title };
  }
  return undefined;
}
