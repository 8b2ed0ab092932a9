/**
 * Reporting calendar of the national reporting regime (Decree 09/2019/NĐ-CP).
 *
 * Every periodic report has a data cut-off window that ends on the 14th and starts on the 15th of
 * the month before its first month, so the annual window of 2018 runs 2017-12-15..2018-12-14 and a
 * date such as 2018-12-20 already belongs to 2019's reports. The submission deadline is an agency
 * setting: a number of days after the cut-off end. These periods drive reminders and timeliness
 * scoring, so the module is pure: dates in, dates out, never the clock.
 */
import * as z from "zod";
import { addDays, compareIsoDates, endOfVietnamDay, isIsoDate } from "./vietnamTime.js";

/** The period types, in display and sort order; also the default schedule of a plan. */
export const PERIOD_TYPES = ["month", "quarter", "half-year", "nine-month", "year"] as const;

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

/** Agency settings for the calendar; everything optional so the national defaults apply out of the box. */
export interface CalendarOptions {
  /** Which kinds of report the agency produces (default: all five). */
  periodTypes?: readonly PeriodType[];
  /**
   * Days from cut-off end to submission deadline, integer 0..365: one number for every type, or per
   * type (types left out use `DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF`).
   */
  deadlineDaysAfterCutoff?: number | Partial<Record<PeriodType, number>>;
}

/** A period id split into its parts, e.g. "2018Q1" → { year: 2018, type: "quarter", index: 1 }. */
export interface ParsedPeriodId {
  year: number;
  type: PeriodType;
  /** Position within the year: month 1–12, quarter 1–4, and 1 for half-year, nine-month and year. */
  index: number;
}

/** One periodic report of one year: what it covers, when data are cut off and when it is due. */
export interface ReportingPeriod {
  /** Stable id used in plans and URLs: "2018M01", "2018Q1", "2018S1", "2018N9", "2018". */
  id: string;
  type: PeriodType;
  year: number;
  /** See `ParsedPeriodId.index`. */
  index: number;
  /** Name shown to people, Vietnamese first: "Quý I năm 2018" / "Q1 2018". */
  label: { vi: string; en: string };
  /** First day of the data window (ISO date, Vietnam). */
  cutoffStart: string;
  /** Last day of the data window (ISO date, Vietnam), always the 14th. */
  cutoffEnd: string;
  /** Submission deadline: `cutoffEnd` plus the agency's deadline days (ISO date, Vietnam). */
  dueDate: string;
  /** Last instant the report is on time: 23:59:59.999 of `dueDate` in Vietnam, as a UTC ISO string. */
  dueAt: string;
}

/** Machine-readable reasons a calendar cannot be computed; stable so callers and tests can branch on them. */
export type CalendarErrorCode =
  | "calendar.year-out-of-range"
  | "calendar.deadline-days-invalid"
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

const PERIOD_ID = /^(\d{4})(?:M(0[1-9]|1[0-2])|Q([1-4])|S(1)|N(9))?$/;

/** How many periods of each type a year has. */
const PERIODS_PER_YEAR: Record<PeriodType, number> = {
  month: 12,
  quarter: 4,
  "half-year": 1,
  "nine-month": 1,
  year: 1,
};

const TYPE_ORDER: Record<PeriodType, number> = {
  month: 0,
  quarter: 1,
  "half-year": 2,
  "nine-month": 3,
  year: 4,
};

function isPeriodType(value: unknown): value is PeriodType {
  return typeof value === "string" && Object.hasOwn(TYPE_ORDER, value);
}

function isCalendarYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
}

/**
 * Reads a period id ("2018M01", "2018Q1", "2018S1", "2018N9", "2018"). Strict, because ids are keys in
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
  if (m[4] !== undefined) return { year, type: "half-year", index: 1 };
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

function calendarError(failure: CalendarFailure): CalendarError {
  return new CalendarError(failure.code, failure.message);
}

// ---------------------------------------------------------------------------------------------------
// Options

interface ResolvedOptions {
  types: PeriodType[];
  days: Record<PeriodType, number>;
}

function isDeadlineDays(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_DEADLINE_DAYS;
}

function resolveOptions(
  options: CalendarOptions | undefined,
): { ok: true; value: ResolvedOptions } | { ok: false; error: CalendarFailure } {
  const rawTypes: unknown = options?.periodTypes ?? PERIOD_TYPES;
  if (!Array.isArray(rawTypes)) return { ok: false, error: periodTypeUnknown(rawTypes) };
  for (const t of rawTypes) {
    if (!isPeriodType(t)) return { ok: false, error: periodTypeUnknown(t) };
  }
  const types = PERIOD_TYPES.filter((t) => rawTypes.includes(t));

  const rawDays: unknown = options?.deadlineDaysAfterCutoff ?? DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF;
  const days = {} as Record<PeriodType, number>;
  if (typeof rawDays === "number") {
    if (!isDeadlineDays(rawDays)) return { ok: false, error: deadlineDaysInvalid(rawDays) };
    for (const t of PERIOD_TYPES) days[t] = rawDays;
  } else if (typeof rawDays === "object" && rawDays !== null && !Array.isArray(rawDays)) {
    const perType = rawDays as Record<string, unknown>;
    for (const key of Object.keys(perType)) {
      if (!isPeriodType(key)) return { ok: false, error: periodTypeUnknown(key) };
    }
    for (const t of PERIOD_TYPES) {
      const value = perType[t] ?? DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF;
      if (!isDeadlineDays(value)) return { ok: false, error: deadlineDaysInvalid(value, t) };
      days[t] = value;
    }
  } else {
    return { ok: false, error: deadlineDaysInvalid(rawDays) };
  }
  return { ok: true, value: { types, days } };
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
    case "year":
      return { vi: `Năm ${year}`, en: `Year ${year}` };
  }
}

/** Builds one period; inputs are already validated. */
function buildPeriod(year: number, type: PeriodType, index: number, days: number): ReportingPeriod {
  const [first, last] = monthSpan(type, index);
  // The window opens on the 15th of the month before the first month (December of the previous year
  // for January) and closes on the 14th of the last month.
  const cutoffStart = first === 1 ? isoDate(year - 1, 12, 15) : isoDate(year, first - 1, 15);
  const cutoffEnd = isoDate(year, last, 14);
  const dueDate = addDays(cutoffEnd, days);
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
  };
}

function byCutoffEndThenType(a: ReportingPeriod, b: ReportingPeriod): number {
  return compareIsoDates(a.cutoffEnd, b.cutoffEnd) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type];
}

function buildCalendar(year: number, resolved: ResolvedOptions): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  for (const type of resolved.types) {
    for (let index = 1; index <= PERIODS_PER_YEAR[type]; index++) {
      periods.push(buildPeriod(year, type, index, resolved.days[type]));
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
  return buildPeriod(parsed.year, parsed.type, parsed.index, resolved.days[parsed.type]);
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
export function coversWholeYear(year: number, periodTypes: readonly PeriodType[]): boolean {
  const periods = reportingCalendar(year, { periodTypes });
  const annual = buildPeriod(year, "year", 1, DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF);
  const windows = [...periods].sort((a, b) => compareIsoDates(a.cutoffStart, b.cutoffStart));
  // First day not yet known to be covered.
  let next = annual.cutoffStart;
  for (const w of windows) {
    if (w.cutoffStart > next) return false;
    if (w.cutoffEnd >= next) next = addDays(w.cutoffEnd, 1);
  }
  return next > annual.cutoffEnd;
}
