/**
 * `cchc holidays <year>`: the public holidays of a year (statutory days of the labour code in force,
 * days in lieu, and the agency's schedule from `--holidays <file>`), each with why it is a day off
 * and, for a day in lieu, which date moved ("26/04/2026 là Chủ nhật → 27/04/2026").
 */
import {
  type DayInfo,
  formatVietnameseDate,
  labourCodeOn,
  lunarNewYear,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  VIETNAM_TIME_ZONE,
  weekdayName,
  workingCalendar,
} from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, quote } from "../errors.js";
import { loadHolidayFile } from "../holidayFile.js";
import { type CliIo, EXIT } from "../io.js";

function parseYear(raw: string): number {
  const year = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR)) {
    throw new CliError({
      vi: `năm phải là số nguyên từ ${MIN_CALENDAR_YEAR} đến ${MAX_CALENDAR_YEAR} (nhận được ${quote(raw)})`,
      en: `the year must be an integer from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR} (got ${quote(raw)}) ${helpHint("holidays")}`,
    });
  }
  return year;
}

const KIND_LABEL: Record<DayInfo["kind"], { vi: string; en: string }> = {
  working: { vi: "làm việc", en: "working" },
  weekend: { vi: "nghỉ cuối tuần", en: "weekend" },
  holiday: { vi: "nghỉ lễ, tết", en: "holiday" },
  compensatory: { vi: "nghỉ bù", en: "day in lieu" },
  "agency-off": { vi: "nghỉ (lịch cơ quan)", en: "off (agency)" },
  "agency-working": { vi: "làm việc (lịch cơ quan)", en: "working (agency)" },
};

/** For a day in lieu: the holiday's date, its weekday, and this date. */
function moveOf(info: DayInfo): { from: string; to: string; reason: { vi: string; en: string } } | undefined {
  const from = info.holiday?.compensates?.date;
  if (info.kind !== "compensatory" || from === undefined) return undefined;
  const w = weekdayName(from);
  const a = formatVietnameseDate(from);
  const b = formatVietnameseDate(info.date);
  return { from, to: info.date, reason: { vi: `${a} là ${w.vi} → ${b}`, en: `${a} is a ${w.en} → ${b}` } };
}

/** The JSON contract of one day: exactly these keys, the optional ones only when they apply. */
function dayJson(info: DayInfo) {
  const move = moveOf(info);
  return {
    date: info.date,
    weekday: info.weekday,
    kind: info.kind,
    working: info.working,
    ...(info.holiday === undefined ? {} : { code: info.holiday.code }),
    name: info.name ?? info.weekday,
    ...(info.holiday === undefined ? {} : { basis: info.holiday.basis }),
    ...(info.entry?.source === undefined ? {} : { source: info.entry.source }),
    ...(move === undefined ? {} : { moved: move }),
  };
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

function holidaysText(
  year: number,
  days: readonly DayInfo[],
  workingDayCount: number,
  fromFile: boolean,
): string {
  const code = labourCodeOn(`${year}-12-31`);
  const lines = [
    `Ngày nghỉ lễ, tết năm ${year} (${VIETNAM_TIME_ZONE}; Bộ luật Lao động ${code}${fromFile ? "; cùng lịch của cơ quan" : ""})`,
    `Public holidays ${year} (${VIETNAM_TIME_ZONE}; Labour Code ${code}${fromFile ? "; with the agency's schedule" : ""})`,
    "",
  ];
  const rows: string[][] = [
    ["Ngày", "Thứ", "Loại", "Tên", "Căn cứ"],
    ["Date", "Weekday", "Kind", "Name", "Basis"],
  ];
  const notes = new Map<number, string[]>();
  for (const d of days) {
    const basis = d.entry?.source ?? d.holiday?.basis.vi ?? "";
    rows.push([
      formatVietnameseDate(d.date),
      d.weekday.vi,
      KIND_LABEL[d.kind].vi,
      (d.name ?? d.weekday).vi,
      basis,
    ]);
    const move = moveOf(d);
    if (move !== undefined) notes.set(rows.length - 1, [move.reason.vi, move.reason.en]);
  }
  const widths = [0, 0, 0, 0];
  for (const row of rows)
    for (let i = 0; i < 4; i++) widths[i] = Math.max(widths[i] ?? 0, [...(row[i] ?? "")].length);
  const indent = (widths[0] ?? 0) + (widths[1] ?? 0) + (widths[2] ?? 0) + 6;
  const body: string[] = [];
  for (const [r, row] of rows.entries()) {
    body.push(
      row
        .map((cell, i) => (i < 4 ? pad(cell, widths[i] ?? 0) : cell))
        .join("  ")
        .trimEnd(),
    );
    for (const note of notes.get(r) ?? []) body.push(`${" ".repeat(indent)}${note}`);
  }
  const width = Math.max(...body.map((l) => [...l].length));
  body.splice(2, 0, "-".repeat(width));
  const tet = formatVietnameseDate(lunarNewYear(year));
  lines.push(...body, "");
  lines.push(`Tết Nguyên đán (mùng 1): ${tet}. Số ngày làm việc trong năm: ${workingDayCount}.`);
  lines.push(`Lunar New Year (day 1): ${tet}. Working days in the year: ${workingDayCount}.`);
  if (!fromFile) {
    lines.push(
      "Lịch nghỉ cụ thể do Chính phủ công bố hằng năm (ngày nghỉ Tết, ngày làm bù): thêm bằng --holidays <tệp>.",
      "The government publishes each year's exact schedule (Tết days, make-up days): add it with --holidays <file>.",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Runs `cchc holidays`; returns the exit code. */
export async function holidaysCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "holidays",
    args,
    { json: { type: "boolean" }, holidays: { type: "string" } },
    { min: 1, max: 1, what: { vi: "năm", en: "a year" } },
  );
  const year = parseYear(positionals[0] ?? "");
  const entries = await loadHolidayFile(io, values.holidays, "holidays");
  const calendar = workingCalendar(entries);
  const days = calendar.specialDays(year);
  let workingDayCount = 0;
  for (
    let d = new Date(Date.UTC(year, 0, 1));
    d.getUTCFullYear() === year;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    if (calendar.isWorkingDay(d.toISOString().slice(0, 10))) workingDayCount++;
  }
  if (values.json) {
    const doc = {
      year,
      timeZone: VIETNAM_TIME_ZONE,
      lunarNewYear: lunarNewYear(year),
      workingDayCount,
      days: days.map(dayJson),
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(holidaysText(year, days, workingDayCount, entries !== undefined));
  }
  return EXIT.ok;
}
