/**
 * `cchc calendar <year>`: the reporting periods of a year (Decree 09/2019) with data cut-off and
 * due dates, as a table for people or JSON for programs. Deadlines count calendar days
 * (`--deadline-days`) or working days (`--working-days`); `--next-working-day` moves a due date off
 * a day off; every moved date says why ("19/12/2026 là thứ Bảy → 21/12/2026").
 */
import {
  type CalendarOptions,
  type CalendarRegime,
  CUTOFF_REGIMES,
  type CutoffRegime,
  calendarRegime,
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
import { loadHolidayFile } from "../holidayFile.js";
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

function parseDays(flag: string, raw: string): number {
  if (!/^\d{1,6}$/.test(raw)) {
    throw new CliError({
      vi: `${flag} phải là số nguyên từ 0 đến 365 (nhận được ${quote(raw)})`,
      en: `${flag} must be an integer from 0 to 365 (got ${quote(raw)}) ${helpHint("calendar")}`,
    });
  }
  return Number(raw);
}

function parseRegime(raw: string | undefined): CutoffRegime | undefined {
  if (raw === undefined) return undefined;
  if (!(CUTOFF_REGIMES as readonly string[]).includes(raw)) {
    throw new CliError({
      vi: `--regime chỉ nhận ${CUTOFF_REGIMES.join(", ")} (nhận được ${quote(raw)})`,
      en: `--regime must be one of ${CUTOFF_REGIMES.join(", ")} (got ${quote(raw)}) ${helpHint("calendar")}`,
    });
  }
  return raw as CutoffRegime;
}

/** The JSON contract of one period: exactly these keys, and `dueDateMove` only when the date moved. */
function periodJson(p: ReportingPeriod) {
  return {
    id: p.id,
    type: p.type,
    label: { vi: p.label.vi, en: p.label.en },
    cutoffStart: p.cutoffStart,
    cutoffEnd: p.cutoffEnd,
    dueDate: p.dueDate,
    dueAt: p.dueAt,
    ...(p.dueDateMove === undefined
      ? {}
      : { dueDateMove: { from: p.dueDateMove.from, to: p.dueDateMove.to, reason: p.dueDateMove.reason } }),
  };
}

/** How the deadline is counted, for the header line. */
interface DeadlineSetting {
  days: number;
  working: boolean;
  move: boolean;
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

function calendarText(
  year: number,
  setting: DeadlineSetting,
  regime: CalendarRegime,
  periods: readonly ReportingPeriod[],
): string {
  const { days, working, move } = setting;
  const kindVi = working ? "ngày làm việc" : "ngày";
  const kindEn = working ? "working day" : "day";
  const moveVi = move ? "; rơi vào ngày nghỉ thì dời sang ngày làm việc kế tiếp" : "";
  const moveEn = move ? "; a day off moves to the next working day" : "";
  const header = [
    `Lịch báo cáo năm ${year} (${VIETNAM_TIME_ZONE}; hạn nộp ${days} ${kindVi} sau ngày chốt số liệu${moveVi})`,
    `Reporting calendar ${year} (${VIETNAM_TIME_ZONE}; due ${days} ${kindEn}${days === 1 ? "" : "s"} after the data cut-off${moveEn})`,
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
  const footer: string[] = [];
  const moved = periods.filter((p) => p.dueDateMove !== undefined);
  if (moved.length > 0) {
    footer.push("", "Hạn nộp được dời / Due dates moved:");
    const idWidth = Math.max(...moved.map((p) => p.id.length));
    for (const p of moved) {
      footer.push(`  ${p.id.padEnd(idWidth)}  ${p.dueDateMove?.reason.vi}`);
      footer.push(`  ${" ".repeat(idWidth)}  ${p.dueDateMove?.reason.en}`);
    }
  }
  if (regime.decree09InForce !== "yes" || regime.regime !== "decree-09-2019") {
    footer.push("", `Chế độ: ${regime.note.vi}`, `Regime: ${regime.note.en}`);
  }
  return `${[...header, ...body, ...footer].join("\n")}\n`;
}

/** Runs `cchc calendar`; returns the exit code. */
export async function calendarCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "calendar",
    args,
    {
      json: { type: "boolean" },
      types: { type: "string" },
      "deadline-days": { type: "string" },
      "working-days": { type: "string" },
      "next-working-day": { type: "boolean" },
      holidays: { type: "string" },
      regime: { type: "string" },
    },
    { min: 1, max: 1, what: { vi: "năm báo cáo", en: "a reporting year" } },
  );
  const year = parseYear(positionals[0] ?? "");
  const periodTypes = parseTypes(values.types);
  if (values["deadline-days"] !== undefined && values["working-days"] !== undefined) {
    throw new CliError({
      vi: "chỉ dùng một trong --deadline-days (ngày) và --working-days (ngày làm việc)",
      en: `use only one of --deadline-days (days) and --working-days (working days) ${helpHint("calendar")}`,
    });
  }
  const working = values["working-days"] !== undefined;
  const days = working
    ? parseDays("--working-days", values["working-days"] as string)
    : values["deadline-days"] === undefined
      ? DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF
      : parseDays("--deadline-days", values["deadline-days"]);
  const move = values["next-working-day"] === true;
  const cutoffRegime = parseRegime(values.regime);
  const holidays = await loadHolidayFile(io, values.holidays, "calendar");
  const options: CalendarOptions = working
    ? { deadlineWorkingDaysAfterCutoff: days }
    : { deadlineDaysAfterCutoff: days };
  if (periodTypes !== undefined) options.periodTypes = periodTypes;
  if (move) options.dueOnDayOff = "next-working-day";
  if (holidays !== undefined) options.holidays = holidays;
  if (cutoffRegime !== undefined) options.cutoffRegime = cutoffRegime;
  const result = safeReportingCalendar(year, options);
  if (!result.ok) {
    const { vi, en } = result.error.message;
    throw new CliError({ vi: vi.replace(/\.$/, ""), en: `${en.replace(/\.$/, "")} ${helpHint("calendar")}` });
  }
  const regime = calendarRegime(year, cutoffRegime);
  if (values.json) {
    const doc = {
      year,
      timeZone: VIETNAM_TIME_ZONE,
      deadlineDaysAfterCutoff: working ? null : days,
      ...(working ? { deadlineWorkingDaysAfterCutoff: days } : {}),
      dueOnDayOff: move ? "next-working-day" : "keep",
      regime: { code: regime.regime, decree09InForce: regime.decree09InForce, note: regime.note },
      periods: result.periods.map(periodJson),
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(calendarText(year, { days, working, move }, regime, result.periods));
  }
  return EXIT.ok;
}
