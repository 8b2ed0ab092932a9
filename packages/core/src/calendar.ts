/**
 * Reporting calendar of the national reporting regime (Decree 09/2019/NĐ-CP).
 *
 * Every periodic report has a data cut-off window that ends on the 14th and starts on the 15th of
 * the month before its first month, so the annual window of 2018 runs 2017-12-15..2018-12-14 and a
 * date such as 2018-12-20 already belongs to 2019's reports. The submission deadline is an agency
 * setting: a number of calendar days or of working days after the cut-off end, and optionally a due
 * date that falls on a day off moves to the next working day (public holidays from `./holidays`).
 * Decree 09 took effect on 12/3/2019: for earlier years the agency may choose the calendar-month
 * windows most regimes used before it (`cutoffRegime`), and `calendarRegime` says which applies.
 * These periods drive reminders and timeliness scoring, so the module is pure: dates in, dates
 * out, never the clock.
 */
import * as z from "zod";
import {
  describeMove,
  type HolidayEntry,
  nextIsoDate,
  type WorkingCalendar,
  workingCalendar,
} from "./holidays/index.js";
import type { LocalizedText } from "./text.js";
import { addDays, compareIsoDates, endOfVietnamDay, isIsoDate } from "./vietnamTime.js";

/**
 * The period types, in display and sort order: Decree 09's five, and the second half of the year
 * ("6 tháng cuối năm", 15/6 → 14/12) that some agencies report on.
 */
export const PERIOD_TYPES = ["month", "quarter", "half-year", "nine-month", "second-half", "year"] as const;

/** The schedule when an agency names none: Decree 09's monthly, quarterly, 6-month, 9-month and annual reports. */
export const DEFAULT_PERIOD_TYPES = ["month", "quarter", "half-year", "nine-month", "year"] as const;

/** Validates a period type read from a plan file or a form (same values as `PERIOD_TYPES`). */
export const PeriodTypeSchema = z.enum(PERIOD_TYPES);

/** Kind of periodic report: monthly, quarterly, 6-month, 9-month or annual. */
export type PeriodType = z.infer<typeof PeriodTypeSchema>;

/** First year the calendar computes; earlier years predate any plan this library handles. */
export const MIN_CALENDAR_YEAR = 2000;

/** Last year the calendar computes; keeps ids at four digits and catches typos such as 20018. */
export const MAX_CALENDAR_YEAR = 2100;

/** Days between cut-off end and due date when the agency has not set its own (2018Q1 → due 2018-03-19). */
export const DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF = 5;

/** Largest deadline setting accepted, in days: more than a year after cut-off is certainly a typo. */
const MAX_DEADLINE_DAYS = 365;

/** What to do with a due date that falls on a day off: keep it, or move it to the next working day. */
export const DUE_ON_DAY_OFF = ["keep", "next-working-day"] as const;

/** See `DUE_ON_DAY_OFF`. */
export type DueOnDayOff = (typeof DUE_ON_DAY_OFF)[number];

/**
 * How cut-off windows are cut: Decree 09/2019 (15th to 14th, the default for every year), or whole
 * calendar months (1st to the month's last day), which many regimes used before Decree 09 took effect.
 */
export const CUTOFF_REGIMES = ["decree-09-2019", "calendar-month"] as const;

/** See `CUTOFF_REGIMES`. */
export type CutoffRegime = (typeof CUTOFF_REGIMES)[number];

/** The day Decree 09/2019/NĐ-CP took effect. */
export const DECREE_09_EFFECTIVE_DATE = "2019-03-12";

/** Agency settings for the calendar; everything optional so the national defaults apply out of the box. */
export interface CalendarOptions {
  /** Which kinds of report the agency produces (default: `DEFAULT_PERIOD_TYPES`). */
  periodTypes?: readonly PeriodType[];
  /**
   * Days from cut-off end to submission deadline, integer 0..365: one number for every type, or per
   * type (types left out use `DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF`, unless they have working days).
   */
  deadlineDaysAfterCutoff?: number | Partial<Record<PeriodType, number>>;
  /**
   * Working days from cut-off end to submission deadline, integer 0..365 (0: the cut-off day, or the
   * next working day): one number for every type, or per type. A type may not have both kinds.
   */
  deadlineWorkingDaysAfterCutoff?: number | Partial<Record<PeriodType, number>>;
  /** A calendar-day due date on a day off: keep it (default) or move it to the next working day. */
  dueOnDayOff?: DueOnDayOff;
  /** The agency's schedule of days off and make-up working days, over the statutory holidays. */
  holidays?: readonly HolidayEntry[];
  /** How cut-off windows are cut (default `decree-09-2019`). */
  cutoffRegime?: CutoffRegime;
}

/** Why a period's due date is not `cutoffEnd` plus the deadline in calendar days. */
export interface DueDateMove {
  /** The date the deadline in calendar days gives (for working days: the same count in calendar days). */
  from: string;
  /** The due date (same as the period's `dueDate`). */
  to: string;
  /** "19/12/2026 là thứ Bảy → 21/12/2026" / "19/12/2026 is a Saturday → 21/12/2026". */
  reason: LocalizedText;
}

/** A period id split into its parts, e.g. "2018Q1" → { year: 2018, type: "quarter", index: 1 }. */
export interface ParsedPeriodId {
  year: number;
  type: PeriodType;
  /** Position within the year: month 1–12, quarter 1–4, and 1 for the other types. */
  index: number;
}

/** One periodic report of one year: what it covers, when data are cut off and when it is due. */
export interface ReportingPeriod {
  /** Stable id used in plans and URLs: "2018M01", "2018Q1", "2018S1", "2018N9", "2018S2", "2018". */
  id: string;
  type: PeriodType;
  year: number;
  /** See `ParsedPeriodId.index`. */
  index: number;
  /** Name shown to people, Vietnamese first: "Quý I năm 2018" / "Q1 2018". */
  label: { vi: string; en: string };
  /** First day of the data window (ISO date, Vietnam). */
  cutoffStart: string;
  /** Last day of the data window (ISO date, Vietnam): the 14th, or the month's end under `calendar-month`. */
  cutoffEnd: string;
  /**
   * Submission deadline (ISO date, Vietnam): `cutoffEnd` plus the agency's deadline days, counted in
   * calendar days or working days, moved off a day off when the agency says so.
   */
  dueDate: string;
  /** Last instant the report is on time: 23:59:59.999 of `dueDate` in Vietnam, as a UTC ISO string. */
  dueAt: string;
  /** Present only when the due date is not the calendar-day count: where it would have been, and why not. */
  dueDateMove?: DueDateMove;
}

/** Machine-readable reasons a calendar cannot be computed; stable so callers and tests can branch on them. */
export type CalendarErrorCode =
  | "calendar.year-out-of-range"
  | "calendar.deadline-days-invalid"
  | "calendar.deadline-kinds-conflict"
  | "calendar.option-invalid"
  | "calendar.period-type-unknown";

/**
 * Thrown by `reportingCalendar` (and friends) for invalid input, with a stable `code` and the message
 * in both languages so a UI can show `messageVi` directly. Use `safeReportingCalendar` to get the
 * same information as a value instead.
 */
export class CalendarError extends Error {
  override readonly name = "CalendarError";
  readonly code: CalendarErrorCode;
  readonly messageVi: string;

  constructor(code: CalendarErrorCode, message: { vi: string; en: string }) {
    super(message.en);
    this.code = code;
    this.messageVi = message.vi;
  }
}

/** Outcome of `safeReportingCalendar`: the periods, or the error as data (for forms and validators). */
export type CalendarResult =
  | { ok: true; periods: ReportingPeriod[] }
  | { ok: false; error: { code: CalendarErrorCode; message: { vi: string; en: string } } };

// ---------------------------------------------------------------------------------------------------
// Period ids

const PERIOD_ID = /^(\d{4})(?:M(0[1-9]|1[0-2])|Q([1-4])|S([12])|N(9))?$/;

/** How many periods of each type a year has. */
const PERIODS_PER_YEAR: Record<PeriodType, number> = {
  month: 12,
  quarter: 4,
  "half-year": 1,
  "nine-month": 1,
  "second-half": 1,
  year: 1,
};

const TYPE_ORDER: Record<PeriodType, number> = {
  month: 0,
  quarter: 1,
  "half-year": 2,
  "nine-month": 3,
  "second-half": 4,
  year: 5,
};

function isPeriodType(value: unknown): value is PeriodType {
  return typeof value === "string" && Object.hasOwn(TYPE_ORDER, value);
}

function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
}

/**
 * Reads a period id ("2018M01", "2018Q1", "2018S1", "2018N9", "2018S2", "2018"). Strict, because ids are keys in
 * plans: "2018Q5", "2018M1", "2018m01", " 2018Q1" and years outside 2000–2100 give `undefined`.
 * Never throws, whatever it is given.
 */
export function parsePeriodId(id: string): ParsedPeriodId | undefined {
  if (typeof id !== "string") return undefined;
  const m = PERIOD_ID.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (!isCalendarYear(year)) return undefined;
  if (m[2] !== undefined) return { year, type: "month", index: Number(m[2]) };
  if (m[3] !== undefined) return { year, type: "quarter", index: Number(m[3]) };
  if (m[4] !== undefined) return { year, type: m[4] === "1" ? "half-year" : "second-half", index: 1 };
  if (m[5] !== undefined) return { year, type: "nine-month", index: 1 };
  return { year, type: "year", index: 1 };
}

/**
 * Writes the id of a period, the inverse of `parsePeriodId`. Throws `CalendarError` for a year outside
 * 2000–2100 or an unknown type, and `RangeError` for an index the type does not have.
 */
export function formatPeriodId(year: number, type: PeriodType, index: number): string {
  if (!isCalendarYear(year)) throw calendarError(yearOutOfRange(year));
  if (!isPeriodType(type)) throw calendarError(periodTypeUnknown(type));
  if (!Number.isInteger(index) || index < 1 || index > PERIODS_PER_YEAR[type]) {
    throw new RangeError(`formatPeriodId: ${type} has no index ${String(index)}`);
  }
  switch (type) {
    case "month":
      return `${year}M${String(index).padStart(2, "0")}`;
    case "quarter":
      return `${year}Q${index}`;
    case "half-year":
      return `${year}S1`;
    case "second-half":
      return `${year}S2`;
    case "nine-month":
      return `${year}N9`;
    case "year":
      return `${year}`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Errors

type CalendarFailure = Extract<CalendarResult, { ok: false }>["error"];

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a value of type ${typeof value}`;
}

function yearOutOfRange(year: unknown): CalendarFailure {
  const got = describe(year);
  return {
    code: "calendar.year-out-of-range",
    message: {
      vi: `Năm báo cáo phải là số nguyên từ ${MIN_CALENDAR_YEAR} đến ${MAX_CALENDAR_YEAR} (nhận được ${got}).`,
      en: `The reporting year must be an integer from ${MIN_CALENDAR_YEAR} to ${MAX_CALENDAR_YEAR} (got ${got}).`,
    },
  };
}

function periodTypeUnknown(type: unknown): CalendarFailure {
  const got = describe(type);
  const expected = PERIOD_TYPES.join(", ");
  return {
    code: "calendar.period-type-unknown",
    message: {
      vi: `Loại kỳ báo cáo không hợp lệ: ${got}; chỉ dùng ${expected}.`,
      en: `Unknown reporting period type ${got}; expected one of ${expected}.`,
    },
  };
}

function deadlineDaysInvalid(days: unknown, type?: PeriodType): CalendarFailure {
  const got = describe(days);
  return {
    code: "calendar.deadline-days-invalid",
    message: {
      vi:
        `Số ngày hạn nộp báo cáo sau ngày chốt số liệu${type ? ` (kỳ ${type})` : ""} phải là số nguyên ` +
        `từ 0 đến ${MAX_DEADLINE_DAYS} (nhận được ${got}).`,
      en:
        `Deadline days after the data cut-off${type ? ` for ${type}` : ""} must be an integer ` +
        `from 0 to ${MAX_DEADLINE_DAYS} (got ${got}).`,
    },
  };
}

function deadlineKindsConflict(type: PeriodType): CalendarFailure {
  return {
    code: "calendar.deadline-kinds-conflict",
    message: {
      vi:
        `Kỳ ${type} có cả hạn theo ngày (deadlineDaysAfterCutoff) lẫn hạn theo ngày làm việc ` +
        "(deadlineWorkingDaysAfterCutoff); chỉ đặt một loại.",
      en:
        `Period type ${type} has both a deadline in days (deadlineDaysAfterCutoff) and one in working ` +
        "days (deadlineWorkingDaysAfterCutoff); set only one.",
    },
  };
}

function optionInvalid(name: string, value: unknown, expected: readonly string[]): CalendarFailure {
  const got = describe(value);
  return {
    code: "calendar.option-invalid",
    message: {
      vi: `Thiết lập ${name} không hợp lệ (nhận được ${got}); chỉ dùng ${expected.join(", ")}.`,
      en: `Invalid ${name} setting (got ${got}); expected one of ${expected.join(", ")}.`,
    },
  };
}

function calendarError(failure: CalendarFailure): CalendarError {
  return new CalendarError(failure.code, failure.message);
}

// ---------------------------------------------------------------------------------------------------
// Options

interface ResolvedOptions {
  types: PeriodType[];
  /** Per type: the deadline count and whether it counts working days. */
  days: Record<PeriodType, number>;
  working: Record<PeriodType, boolean>;
  moveOffDayOff: boolean;
  regime: CutoffRegime;
  /** Only built when a setting needs working days, so plain calendars cost nothing more. */
  calendar: WorkingCalendar | undefined;
}

function isDeadlineDays(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_DEADLINE_DAYS;
}

type PerType =
  | { ok: true; value: Partial<Record<PeriodType, number>> }
  | { ok: false; error: CalendarFailure };

/** Reads a deadline setting (one number or per type) into per-type counts; absent types stay absent. */
function readDeadline(raw: unknown): PerType {
  const value: Partial<Record<PeriodType, number>> = {};
  // null means "not set", as with `??`.
  if (raw === undefined || raw === null) return { ok: true, value };
  if (typeof raw === "number") {
    if (!isDeadlineDays(raw)) return { ok: false, error: deadlineDaysInvalid(raw) };
    for (const t of PERIOD_TYPES) value[t] = raw;
    return { ok: true, value };
  }
  if (typeof raw === "object" && raw !== null && !Array.isArray(raw)) {
    const perType = raw as Record<string, unknown>;
    for (const key of Object.keys(perType)) {
      if (!isPeriodType(key)) return { ok: false, error: periodTypeUnknown(key) };
    }
    for (const t of PERIOD_TYPES) {
      const days = perType[t];
      if (days === undefined) continue;
      if (!isDeadlineDays(days)) return { ok: false, error: deadlineDaysInvalid(days, t) };
      value[t] = days;
    }
    return { ok: true, value };
  }
  return { ok: false, error: deadlineDaysInvalid(raw) };
}

function resolveOptions(
  options: CalendarOptions | undefined,
): { ok: true; value: ResolvedOptions } | { ok: false; error: CalendarFailure } {
  const rawTypes: unknown = options?.periodTypes ?? DEFAULT_PERIOD_TYPES;
  if (!Array.isArray(rawTypes)) return { ok: false, error: periodTypeUnknown(rawTypes) };
  for (const t of rawTypes) {
    if (!isPeriodType(t)) return { ok: false, error: periodTypeUnknown(t) };
  }
  const types = PERIOD_TYPES.filter((t) => rawTypes.includes(t));

  const calendarDays = readDeadline(options?.deadlineDaysAfterCutoff);
  if (!calendarDays.ok) return calendarDays;
  const workingDays = readDeadline(options?.deadlineWorkingDaysAfterCutoff);
  if (!workingDays.ok) return workingDays;
  const days = {} as Record<PeriodType, number>;
  const working = {} as Record<PeriodType, boolean>;
  for (const t of PERIOD_TYPES) {
    const c = calendarDays.value[t];
    const w = workingDays.value[t];
    if (c !== undefined && w !== undefined) return { ok: false, error: deadlineKindsConflict(t) };
    working[t] = w !== undefined;
    days[t] = w ?? c ?? DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF;
  }

  const dueOnDayOff: unknown = options?.dueOnDayOff ?? "keep";
  if (!(DUE_ON_DAY_OFF as readonly unknown[]).includes(dueOnDayOff)) {
    return { ok: false, error: optionInvalid("dueOnDayOff", dueOnDayOff, DUE_ON_DAY_OFF) };
  }
  const regime: unknown = options?.cutoffRegime ?? "decree-09-2019";
  if (!(CUTOFF_REGIMES as readonly unknown[]).includes(regime)) {
    return { ok: false, error: optionInvalid("cutoffRegime", regime, CUTOFF_REGIMES) };
  }
  const holidays: unknown = options?.holidays ?? [];
  if (!Array.isArray(holidays) || !holidays.every(isHolidayEntry)) {
    return {
      ok: false,
      error: optionInvalid("holidays", holidays, ["[{ date: YYYY-MM-DD, kind: off | working }]"]),
    };
  }
  const moveOffDayOff = dueOnDayOff === "next-working-day";
  const needsCalendar = moveOffDayOff || types.some((t) => working[t]);
  return {
    ok: true,
    value: {
      types,
      days,
      working,
      moveOffDayOff,
      regime: regime as CutoffRegime,
      calendar: needsCalendar ? workingCalendar(holidays) : undefined,
    },
  };
}

function isHolidayEntry(value: unknown): value is HolidayEntry {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.date === "string" && isIsoDate(e.date) && (e.kind === "off" || e.kind === "working");
}

// ---------------------------------------------------------------------------------------------------
// Periods

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
const ROMAN = ["I", "II", "III", "IV"] as const;

/** First and last calendar month (1–12) a period reports on. */
function monthSpan(type: PeriodType, index: number): [first: number, last: number] {
  switch (type) {
    case "month":
      return [index, index];
    case "quarter":
      return [3 * index - 2, 3 * index];
    case "half-year":
      return [1, 6];
    case "nine-month":
      return [1, 9];
    case "second-half":
      return [7, 12];
    case "year":
      return [1, 12];
  }
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function periodLabel(year: number, type: PeriodType, index: number): { vi: string; en: string } {
  switch (type) {
    case "month":
      return { vi: `Tháng ${index} năm ${year}`, en: `${MONTHS_EN[index - 1]} ${year}` };
    case "quarter":
      return { vi: `Quý ${ROMAN[index - 1]} năm ${year}`, en: `Q${index} ${year}` };
    case "half-year":
      return { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` };
    case "nine-month":
      return { vi: `9 tháng năm ${year}`, en: `Nine months of ${year}` };
    case "second-half":
      return { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` };
    case "year":
      return { vi: `Năm ${year}`, en: `Year ${year}` };
  }
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The data window of a period under a regime; inputs are already validated. */
function cutoffWindow(year: number, type: PeriodType, index: number, regime: CutoffRegime): [string, string] {
  const [first, last] = monthSpan(type, index);
  if (regime === "calendar-month") {
    return [isoDate(year, first, 1), isoDate(year, last, lastDayOfMonth(year, last))];
  }
  // The window opens on the 15th of the month before the first month (December of the previous year
  // for January) and closes on the 14th of the last month.
  const cutoffStart = first === 1 ? isoDate(year - 1, 12, 15) : isoDate(year, first - 1, 15);
  return [cutoffStart, isoDate(year, last, 14)];
}

/** Most holidays a "why it moved" sentence lists before it says "…". */
const MAX_LISTED_DAYS_OFF = 8;

/** The due date of a period, and why it is not the calendar-day count when it is not. */
function dueDateOf(
  cutoffEnd: string,
  type: PeriodType,
  resolved: ResolvedOptions,
): { dueDate: string; move?: DueDateMove } {
  const days = resolved.days[type];
  const plain = addDays(cutoffEnd, days);
  const cal = resolved.calendar;
  if (cal === undefined) return { dueDate: plain };
  if (!resolved.working[type]) {
    if (!resolved.moveOffDayOff || cal.isWorkingDay(plain)) return { dueDate: plain };
    const to = cal.nextWorkingDay(plain);
    return { dueDate: to, move: { from: plain, to, reason: describeMove(cal.day(plain), to) } };
  }
  const to = cal.addWorkingDays(cutoffEnd, days);
  if (to === plain) return { dueDate: to };
  let weekends = 0;
  const daysOff: string[] = [];
  for (let d = nextIsoDate(cutoffEnd); d < to; d = nextIsoDate(d)) {
    const info = cal.day(d);
    if (info.working) continue;
    if (info.kind === "weekend") weekends++;
    else daysOff.push(d);
  }
  const cut = formatDayMonthYear(cutoffEnd);
  const due = formatDayMonthYear(to);
  const listed =
    daysOff
      .slice(0, MAX_LISTED_DAYS_OFF)
      .map((d) => `${d.slice(8, 10)}/${d.slice(5, 7)}`)
      .join(", ") + (daysOff.length > MAX_LISTED_DAYS_OFF ? ", …" : "");
  const s = (n: number) => (n === 1 ? "" : "s");
  let reason: LocalizedText;
  if (days === 0) {
    reason = describeMove(cal.day(cutoffEnd), to);
  } else if (daysOff.length === 0) {
    reason = {
      vi: `${days} ngày làm việc sau ${cut}, không tính ${weekends} ngày thứ Bảy, Chủ nhật → ${due}`,
      en: `${days} working day${s(days)} after ${cut}, not counting ${weekends} Saturday${s(weekends)} and Sunday${s(weekends)} → ${due}`,
    };
  } else {
    const total = weekends + daysOff.length;
    reason = {
      vi: `${days} ngày làm việc sau ${cut}, không tính ${total} ngày nghỉ (thứ Bảy, Chủ nhật: ${weekends}; nghỉ lễ, tết, nghỉ bù: ${listed}) → ${due}`,
      en: `${days} working day${s(days)} after ${cut}, not counting ${total} day${s(total)} off (Saturdays and Sundays: ${weekends}; holidays and days in lieu: ${listed}) → ${due}`,
    };
  }
  return { dueDate: to, move: { from: plain, to, reason } };
}

function formatDayMonthYear(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Builds one period; inputs are already validated. */
function buildPeriod(
  year: number,
  type: PeriodType,
  index: number,
  resolved: ResolvedOptions,
): ReportingPeriod {
  const [cutoffStart, cutoffEnd] = cutoffWindow(year, type, index, resolved.regime);
  const { dueDate, move } = dueDateOf(cutoffEnd, type, resolved);
  return {
    id: formatPeriodId(year, type, index),
    type,
    year,
    index,
    label: periodLabel(year, type, index),
    cutoffStart,
    cutoffEnd,
    dueDate,
    dueAt: endOfVietnamDay(dueDate),
    ...(move === undefined ? {} : { dueDateMove: move }),
  };
}

function byCutoffEndThenType(a: ReportingPeriod, b: ReportingPeriod): number {
  return compareIsoDates(a.cutoffEnd, b.cutoffEnd) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
}

function buildCalendar(year: number, resolved: ResolvedOptions): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  for (const type of resolved.types) {
    for (let index = 1; index <= PERIODS_PER_YEAR[type]; index++) {
      periods.push(buildPeriod(year, type, index, resolved));
    }
  }
  return periods.sort(byCutoffEndThenType);
}

/**
 * Every report of `year` for the agency's period types, sorted by cut-off end, then month, quarter,
 * half-year, nine-month, year (so 2018M03 comes just before 2018Q1, which closes the same day).
 * The same inputs always give the same list. To get invalid input as a value, use `safeReportingCalendar`.
 *
 * @throws CalendarError for a year outside 2000–2100 (or not an integer), an unknown period type or
 *   an invalid deadline setting.
 */
export function reportingCalendar(year: number, options?: CalendarOptions): ReportingPeriod[] {
  const result = safeReportingCalendar(year, options);
  if (!result.ok) throw calendarError(result.error);
  return result.periods;
}

/**
 * Same as `reportingCalendar` but returns invalid input as a value with a bilingual message, for
 * forms and plan validation that collect problems instead of stopping at the first.
 */
export function safeReportingCalendar(year: number, options?: CalendarOptions): CalendarResult {
  if (!isCalendarYear(year)) return { ok: false, error: yearOutOfRange(year) };
  const resolved = resolveOptions(options);
  if (!resolved.ok) return resolved;
  return { ok: true, periods: buildCalendar(year, resolved.value) };
}

function resolvedOrThrow(options: CalendarOptions | undefined): ResolvedOptions {
  const resolved = resolveOptions(options);
  if (!resolved.ok) throw calendarError(resolved.error);
  return resolved.value;
}

/**
 * The period with this id ("2018Q1"), with the agency's deadline applied. `undefined` when the id is
 * not valid or its type is not among `options.periodTypes` (the agency does not produce that report).
 *
 * @throws CalendarError for invalid options.
 */
export function reportingPeriod(id: string, options?: CalendarOptions): ReportingPeriod | undefined {
  const resolved = resolvedOrThrow(options);
  const parsed = parsePeriodId(id);
  if (!parsed || !resolved.types.includes(parsed.type)) return undefined;
  return buildPeriod(parsed.year, parsed.type, parsed.index, resolved);
}

/**
 * The periods whose data cut-off window contains `isoDate`: which reports an activity on that day
 * must be counted in. From the 15th of December on, a date belongs to the next year's reports
 * (2018-12-20 → 2019M01, 2019Q1, 2019S1, 2019N9, 2019). Sorted like `reportingCalendar`; periods of
 * years outside 2000–2100 are left out.
 *
 * @throws RangeError if `isoDate` is not a calendar date; CalendarError for invalid options.
 */
export function periodsContaining(isoDate: string, options?: CalendarOptions): ReportingPeriod[] {
  if (!isIsoDate(isoDate)) {
    throw new RangeError(`periodsContaining: expected a date YYYY-MM-DD (got ${JSON.stringify(isoDate)})`);
  }
  const resolved = resolvedOrThrow(options);
  const year = Number(isoDate.slice(0, 4));
  const result: ReportingPeriod[] = [];
  for (const y of [year, year + 1]) {
    if (!isCalendarYear(y)) continue;
    for (const p of buildCalendar(y, resolved)) {
      if (p.cutoffStart <= isoDate && isoDate <= p.cutoffEnd) result.push(p);
    }
  }
  return result;
}

/**
 * True when the cut-off windows of `periodTypes` together cover the whole annual window of `year`
 * (15 Dec of the previous year to 14 Dec) with no day left out. Monthly, quarterly or annual reports
 * each do; 6-month and 9-month reports alone leave the end of the year unreported. Plan validation
 * uses it to check that the reporting schedule covers the plan year.
 *
 * @throws CalendarError for a year outside 2000–2100 or an unknown period type.
 */
export function coversWholeYear(
  year: number,
  periodTypes: readonly PeriodType[],
  cutoffRegime: CutoffRegime = "decree-09-2019",
): boolean {
  const periods = reportingCalendar(year, { periodTypes, cutoffRegime });
  const [annualStart, annualEnd] = cutoffWindow(year, "year", 1, cutoffRegime);
  const windows = [...periods].sort((a, b) => compareIsoDates(a.cutoffStart, b.cutoffStart));
  // First day not yet known to be covered.
  let next = annualStart;
  for (const w of windows) {
    if (w.cutoffStart > next) return false;
    if (w.cutoffEnd >= next) next = addDays(w.cutoffEnd, 1);
  }
  return next > annualEnd;
}

/** Which cut-off regime a year's calendar follows, and whether Decree 09/2019 was in force for it. */
export interface CalendarRegime {
  regime: CutoffRegime;
  /** "yes" from 2020; "partly" in 2019 (in force from 12/3/2019); "no" before. */
  decree09InForce: "yes" | "partly" | "no";
  /** What a person should know, Vietnamese first: printed by `cchc calendar`, shown beside calendars. */
  note: LocalizedText;
}

/**
 * Says which regime cuts the windows of `year`: a calendar for 2018 under Decree 09 is an
 * anachronism the agency may want (comparable periods) or not (`cutoffRegime: "calendar-month"`),
 * so it is stated instead of applied silently.
 */
export function calendarRegime(year: number, cutoffRegime: CutoffRegime = "decree-09-2019"): CalendarRegime {
  const inForce = year >= 2020 ? "yes" : year === 2019 ? "partly" : "no";
  const effective = "12/03/2019";
  if (cutoffRegime === "calendar-month") {
    return {
      regime: cutoffRegime,
      decree09InForce: inForce,
      note: {
        vi: "Kỳ báo cáo theo tháng dương lịch (từ ngày 01 đến ngày cuối tháng), không theo Nghị định 09/2019/NĐ-CP.",
        en: "Reporting periods by calendar month (1st to the month's last day), not Decree 09/2019/NĐ-CP.",
      },
    };
  }
  const note: LocalizedText =
    inForce === "yes"
      ? {
          vi: "Kỳ báo cáo theo Nghị định 09/2019/NĐ-CP (chốt số liệu từ ngày 15 đến ngày 14).",
          en: "Reporting periods of Decree 09/2019/NĐ-CP (data cut-off from the 15th to the 14th).",
        }
      : inForce === "partly"
        ? {
            vi: `Kỳ báo cáo theo Nghị định 09/2019/NĐ-CP, có hiệu lực từ ${effective}: các kỳ đến trước ngày đó áp dụng theo Nghị định (thiết lập cutoffRegime để chọn chế độ khác).`,
            en: `Reporting periods of Decree 09/2019/NĐ-CP, in force from ${effective}: it is applied to the periods before that too (set cutoffRegime to choose another regime).`,
          }
        : {
            vi: `Năm ${year} trước khi Nghị định 09/2019/NĐ-CP có hiệu lực (${effective}); lịch vẫn áp dụng kỳ của Nghị định này (thiết lập cutoffRegime: "calendar-month" để chốt theo tháng dương lịch).`,
            en: `${year} is before Decree 09/2019/NĐ-CP took effect (${effective}); the calendar still applies its periods (set cutoffRegime: "calendar-month" for calendar-month windows).`,
          };
  return { regime: cutoffRegime, decree09InForce: inForce, note };
}
