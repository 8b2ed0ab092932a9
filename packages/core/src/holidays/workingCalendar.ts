/**
 * Working days of Vietnamese state agencies: Monday to Friday, except the statutory holidays and
 * their compensatory days, then the agency's schedule on top (days off it adds, make-up Saturdays it
 * works). Deadlines counted in working days and due dates moved off a day off are computed here.
 */
import type { LocalizedText } from "../text.js";
import type { HolidayEntry } from "./schedule.js";
import { nextIsoDate, type StatutoryHoliday, statutoryHolidays, weekdayOf } from "./statutory.js";

/** Why a day is or is not worked. */
export type DayKind =
  /** An ordinary Monday–Friday. */
  | "working"
  /** Saturday or Sunday. */
  | "weekend"
  /** A statutory holiday (Tết, 30/4…). */
  | "holiday"
  /** A day given back for a holiday that fell on a weekend (nghỉ bù). */
  | "compensatory"
  /** A day off from the agency's schedule. */
  | "agency-off"
  /** A working day from the agency's schedule (a make-up Saturday, làm bù). */
  | "agency-working";

/** One day, worked or not, and why. */
export interface DayInfo {
  readonly date: string;
  readonly kind: DayKind;
  readonly working: boolean;
  /** "thứ Bảy" / "Saturday". */
  readonly weekday: LocalizedText;
  /** The holiday or schedule entry, for every kind but `working` and `weekend`. */
  readonly name?: LocalizedText;
  /** The statutory holiday behind a `holiday` or `compensatory` day. */
  readonly holiday?: StatutoryHoliday;
  /** The agency entry behind an `agency-off` or `agency-working` day. */
  readonly entry?: HolidayEntry;
}

const WEEKDAY_VI = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"] as const;
const WEEKDAY_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The day of the week in words, Vietnamese first: "thứ Bảy" / "Saturday". */
export function weekdayName(isoDate: string): LocalizedText {
  const w = weekdayOf(isoDate);
  return { vi: WEEKDAY_VI[w] as string, en: WEEKDAY_EN[w] as string };
}

/** A date as Vietnamese documents write it: "2026-12-19" → "19/12/2026". */
export function formatVietnameseDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

const nextDay = nextIsoDate;

// Statutory holidays never change for a year: computed once per year for the whole process.
const statutoryCache = new Map<number, ReadonlyMap<string, StatutoryHoliday>>();

function statutoryByDate(year: number): ReadonlyMap<string, StatutoryHoliday> {
  let byDate = statutoryCache.get(year);
  if (byDate === undefined) {
    byDate = new Map(statutoryHolidays(year).map((h) => [h.date, h] as const));
    statutoryCache.set(year, byDate);
  }
  return byDate;
}

/**
 * Longest run of days off the search for a working day crosses. A schedule that leaves no working
 * day for longer (a typo such as a whole year marked "off") does not hang or crash a deadline: the
 * date is kept as it is.
 */
const MAX_DAYS_OFF_IN_A_ROW = 400;

/** Working days of one agency: statutory days off with its own schedule on top. */
export interface WorkingCalendar {
  /** The day with its kind and the name of the holiday or entry. */
  day(isoDate: string): DayInfo;
  /** True on a day the agency works. */
  isWorkingDay(isoDate: string): boolean;
  /**
   * `isoDate` itself when it is a working day, otherwise the first working day after it (or
   * `isoDate` again when none comes within 400 days: a schedule typo never hangs a deadline).
   */
  nextWorkingDay(isoDate: string): string;
  /** The `n`-th working day after `isoDate`; for 0, `nextWorkingDay(isoDate)`. */
  addWorkingDays(isoDate: string, n: number): string;
  /** The days of `year` that differ from an ordinary week: holidays, days in lieu, agency entries. */
  specialDays(year: number): DayInfo[];
}

/**
 * The working calendar for an agency's schedule entries (none: the statutory default). When two
 * entries name the same date, the last one counts (plan validation reports the duplicate).
 */
export function workingCalendar(entries: readonly HolidayEntry[] = []): WorkingCalendar {
  const byDate = new Map<string, HolidayEntry>();
  for (const e of entries) byDate.set(e.date, e);

  const day = (isoDate: string): DayInfo => {
    const weekday = weekdayName(isoDate);
    const entry = byDate.get(isoDate);
    const holiday = statutoryByDate(Number(isoDate.slice(0, 4))).get(isoDate);
    if (entry !== undefined) {
      const working = entry.kind === "working";
      const fallback: LocalizedText = working
        ? { vi: "Ngày làm việc theo lịch của cơ quan", en: "Working day on the agency's schedule" }
        : (holiday?.name ?? {
            vi: "Ngày nghỉ theo lịch của cơ quan",
            en: "Day off on the agency's schedule",
          });
      const name = entry.name === undefined ? fallback : { vi: entry.name, en: fallback.en };
      return {
        date: isoDate,
        kind: working ? "agency-working" : "agency-off",
        working,
        weekday,
        name,
        entry,
        ...(holiday === undefined ? {} : { holiday }),
      };
    }
    if (holiday !== undefined) {
      return {
        date: isoDate,
        kind: holiday.code === "compensatory" ? "compensatory" : "holiday",
        working: false,
        weekday,
        name: holiday.name,
        holiday,
      };
    }
    const w = weekdayOf(isoDate);
    const weekend = w === 0 || w === 6;
    return { date: isoDate, kind: weekend ? "weekend" : "working", working: !weekend, weekday };
  };

  const isWorkingDay = (isoDate: string): boolean => {
    if (byDate.size > 0) {
      const entry = byDate.get(isoDate);
      if (entry !== undefined) return entry.kind === "working";
    }
    if (statutoryByDate(Number(isoDate.slice(0, 4))).has(isoDate)) return false;
    const w = weekdayOf(isoDate);
    return w !== 0 && w !== 6;
  };

  const nextWorkingDay = (isoDate: string): string => {
    let d = isoDate;
    for (let i = 0; !isWorkingDay(d); i++) {
      if (i >= MAX_DAYS_OFF_IN_A_ROW) return isoDate;
      d = nextDay(d);
    }
    return d;
  };

  const addWorkingDays = (isoDate: string, n: number): string => {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`addWorkingDays: n must be a non-negative integer (got ${String(n)})`);
    }
    if (n === 0) return nextWorkingDay(isoDate);
    let d = isoDate;
    for (let left = n; left > 0; left--) d = nextWorkingDay(nextDay(d));
    return d;
  };

  const specialDays = (year: number): DayInfo[] => {
    const prefix = `${String(year).padStart(4, "0")}-`;
    const dates = new Set<string>(statutoryByDate(year).keys());
    for (const d of byDate.keys()) if (d.startsWith(prefix)) dates.add(d);
    return [...dates].sort().map(day);
  };

  return { day, isWorkingDay, nextWorkingDay, addWorkingDays, specialDays };
}

/**
 * Why a date is not worked, in words: "thứ Bảy" / "a Saturday", "ngày nghỉ Tết Nguyên đán (mùng 4
 * Tết)" / "a day off: Lunar New Year (day 4)". For a working day, its weekday.
 */
export function dayOffReason(info: DayInfo): LocalizedText {
  if (info.kind === "weekend" || info.kind === "working") {
    return { vi: info.weekday.vi, en: `a ${info.weekday.en}` };
  }
  const name = info.name ?? { vi: "ngày nghỉ", en: "day off" };
  const compensates = info.kind === "compensatory" ? info.holiday?.compensates : undefined;
  if (compensates !== undefined) {
    const on = formatVietnameseDate(compensates.date);
    return {
      vi: `${info.weekday.vi}, ngày nghỉ bù ${compensates.name.vi} (${on})`,
      en: `a ${info.weekday.en}, day in lieu of ${compensates.name.en} (${on})`,
    };
  }
  if (info.kind === "agency-working") {
    return { vi: `ngày làm việc (${name.vi})`, en: `a working day (${name.en})` };
  }
  return {
    vi: `${info.weekday.vi}, ngày nghỉ ${name.vi}`,
    en: `a ${info.weekday.en}, day off: ${name.en}`,
  };
}

/**
 * The sentence saying why a due date moved, as the CLI and documents print it:
 * "19/12/2026 là thứ Bảy → 21/12/2026" / "19/12/2026 is a Saturday → 21/12/2026".
 */
export function describeMove(from: DayInfo, to: string): LocalizedText {
  const reason = dayOffReason(from);
  const a = formatVietnameseDate(from.date);
  const b = formatVietnameseDate(to);
  return { vi: `${a} là ${reason.vi} → ${b}`, en: `${a} is ${reason.en} → ${b}` };
}
