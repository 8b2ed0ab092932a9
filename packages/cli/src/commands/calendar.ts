/**
 * `cchc calendar <year>`: the reporting periods of a year (Decree 09/2019) with data cut-off and
 * due dates, as a table for people or JSON for programs.
 */
import {
  DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  PERIOD_TYPES,
  type PeriodType,
  type ReportingPeriod,
  safeReportingCalendar,
  VIETNAM_TIME_ZONE,
} from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";

function parseYear(raw: string): number {
  // Digits only: "2018.5", "2e3", " 2018" and "0x7e2" are typos, not years.
  if (!/^\d{1,6}$/.test(raw)) {
    throw new CliError({
      vi: `năm báo cáo phải là số nguyên từ ${MIN_CALENDAR_YEAR} đến ${MAX_CALENDAR_YEAR} (nhận được ${quote(raw)})`,
      en: `the reporting year must be an integer from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR} (got ${quote(raw)}) ${helpHint("calendar")}`,
    });
  }
  return Number(raw);
}

function parseTypes(raw: string | undefined): PeriodType[] | undefined {
  if (raw === undefined) return undefined;
  const types = raw
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
  if (types.length === 0) {
    throw new CliError({
      vi: `--types cần ít nhất một loại kỳ: ${PERIOD_TYPES.join(", ")}`,
      en: `--types needs at least one period type: ${PERIOD_TYPES.join(", ")} ${helpHint("calendar")}`,
    });
  }
  // Unknown names are left to the core, which reports them with the list of known types.
  return types as PeriodType[];
}

function parseDeadlineDays(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF;
  if (!/^\d{1,6}$/.test(raw)) {
    throw new CliError({
      vi: `--deadline-days phải là số nguyên từ 0 đến 365 (nhận được ${quote(raw)})`,
      en: `--deadline-days must be an integer from 0 to 365 (got ${quote(raw)}) ${helpHint("calendar")}`,
    });
  }
  return Number(raw);
}

/** The JSON contract of one period: exactly these keys. */
function periodJson(p: ReportingPeriod) {
  return {
    id: p.id,
    type: p.type,
    label: { vi: p.label.vi, en: p.label.en },
    cutoffStart: p.cutoffStart,
    cutoffEnd: p.cutoffEnd,
    dueDate: p.dueDate,
    dueAt: p.dueAt,
  };
}

/** Pads to a width in characters (code points: Vietnamese letters are precomposed, one column each). */
function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => pad(cell, widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function calendarText(year: number, days: number, periods: readonly ReportingPeriod[]): string {
  const header = [
    `Lịch báo cáo năm ${year} (${VIETNAM_TIME_ZONE}; hạn nộp ${days} ngày sau ngày chốt số liệu)`,
    `Reporting calendar ${year} (${VIETNAM_TIME_ZONE}; due ${days} day${days === 1 ? "" : "s"} after the data cut-off)`,
    "",
  ];
  const rows: string[][] = [
    ["Mã", "Kỳ báo cáo", "Chốt số liệu từ", "Chốt số liệu đến", "Hạn nộp", "Tên tiếng Anh"],
    ["ID", "Period", "Cut-off start", "Cut-off end", "Due date", "English label"],
  ];
  for (const p of periods) rows.push([p.id, p.label.vi, p.cutoffStart, p.cutoffEnd, p.dueDate, p.label.en]);
  const body = table(rows).split("\n");
  const width = Math.max(...body.map((l) => [...l].length));
  body.splice(2, 0, "-".repeat(width));
  return `${[...header, ...body].join("\n")}\n`;
}

/** Runs `cchc calendar`; returns the exit code. */
export async function calendarCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "calendar",
    args,
    { json: { type: "boolean" }, types: { type: "string" }, "deadline-days": { type: "string" } },
    { min: 1, max: 1, what: { vi: "năm báo cáo", en: "a reporting year" } },
  );
  const year = parseYear(positionals[0] ?? "");
  const periodTypes = parseTypes(values.types);
  const days = parseDeadlineDays(values["deadline-days"]);
  const result = safeReportingCalendar(year, {
    deadlineDaysAfterCutoff: days,
    ...(periodTypes === undefined ? {} : { periodTypes }),
  });
  if (!result.ok) {
    const { vi, en } = result.error.message;
    throw new CliError({ vi: vi.replace(/\.$/, ""), en: `${en.replace(/\.$/, "")} ${helpHint("calendar")}` });
  }
  if (values.json) {
    const doc = {
      year,
      timeZone: VIETNAM_TIME_ZONE,
      deadlineDaysAfterCutoff: days,
      periods: result.periods.map(periodJson),
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(calendarText(year, days, result.periods));
  }
  return EXIT.ok;
}
