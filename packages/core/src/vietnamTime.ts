/**
 * Calendar dates and instants in Vietnam time.
 *
 * Reporting cut-offs and deadlines are legal dates in Vietnam, not in the server's or the browser's
 * time zone. Vietnam (Asia/Ho_Chi_Minh) has used UTC+07:00 without daylight saving time since 1975,
 * so every computation here is plain calendar arithmetic on ISO `YYYY-MM-DD` strings plus a fixed
 * +07:00 offset for instants. Nothing here reads the clock or needs `Intl` at runtime, so the module
 * runs unchanged in Node and in browsers.
 */

/** IANA name of Vietnam's time zone, for callers that format instants with `Intl` or a date library. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** Vietnam's fixed offset from UTC in minutes (+07:00, no DST since 1975); every instant here uses it. */
export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;

const MS_PER_DAY = 86_400_000;
const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant must carry its own offset: a bare "2018-03-19T10:00" would be read in the host's zone. */
const ISO_INSTANT_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseIsoDate(s: string): DateParts | undefined {
  if (typeof s !== "string") return undefined;
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function requireIsoDate(s: string, what: string): DateParts {
  const parts = parseIsoDate(s);
  if (!parts) throw new RangeError(`${what} must be a calendar date YYYY-MM-DD (got ${JSON.stringify(s)})`);
  return parts;
}

/** Milliseconds since the epoch of 00:00 UTC on that calendar date (years 0–99 are not shifted to 19xx). */
function utcMidnight({ year, month, day }: DateParts): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function formatUtcDate(ms: number): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError("date falls outside the years 0000–9999");
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/**
 * True when `s` is a real calendar date written `YYYY-MM-DD` (2018-02-29 is not, 2020-02-29 is).
 * Plans are typed by people and imported from spreadsheets, so dates are checked before any arithmetic.
 */
export function isIsoDate(s: string): boolean {
  return parseIsoDate(s) !== undefined;
}

/**
 * The calendar date `n` days after (or before, if negative) `isoDate`. Deadlines are "N days after
 * the cut-off", counted in calendar days across month ends and 29 February. Throws `RangeError` on a
 * malformed date or a non-integer `n` (programmer errors).
 */
export function addDays(isoDate: string, n: number): string {
  const parts = requireIsoDate(isoDate, "addDays: isoDate");
  if (!Number.isSafeInteger(n)) throw new RangeError(`addDays: n must be an integer (got ${String(n)})`);
  return formatUtcDate(utcMidnight(parts) + n * MS_PER_DAY);
}

/**
 * Orders two calendar dates: negative when `a` is earlier, 0 when equal, positive when later. Usable
 * directly as an `Array.prototype.sort` comparator. Throws `RangeError` on a malformed date.
 */
export function compareIsoDates(a: string, b: string): number {
  requireIsoDate(a, "compareIsoDates: a");
  requireIsoDate(b, "compareIsoDates: b");
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The calendar date in Vietnam of an instant ("2018-03-19T17:30:00Z" is already 20 March in Hà Nội).
 * Decides which day a submission timestamped by a server in UTC counts for. A string must be a full
 * ISO instant with `Z` or an explicit offset, because a bare local time would depend on the host.
 * Throws `RangeError` on an invalid instant.
 */
export function vietnamDateOf(instant: Date | string): string {
  let ms: number;
  if (instant instanceof Date) {
    ms = instant.getTime();
  } else {
    if (typeof instant !== "string" || !ISO_INSTANT_WITH_OFFSET.test(instant)) {
      throw new RangeError(
        `vietnamDateOf: expected an ISO instant with Z or an offset (got ${JSON.stringify(instant)})`,
      );
    }
    ms = new Date(instant).getTime();
  }
  if (Number.isNaN(ms)) throw new RangeError("vietnamDateOf: invalid instant");
  return formatUtcDate(ms + OFFSET_MS);
}

/**
 * The first instant (00:00:00.000 in Vietnam) of a calendar date, as a UTC ISO string with `Z`
 * (2018-03-19 → "2018-03-18T17:00:00.000Z"). Lets servers and browsers in any zone compare
 * timestamps against a Vietnamese date.
 */
export function startOfVietnamDay(isoDate: string): string {
  const parts = requireIsoDate(isoDate, "startOfVietnamDay: isoDate");
  return new Date(utcMidnight(parts) - OFFSET_MS).toISOString();
}

/**
 * The last instant (23:59:59.999 in Vietnam) of a calendar date, as a UTC ISO string with `Z`
 * (2018-03-19 → "2018-03-19T16:59:59.999Z"). A report due "on the 19th" is on time until then,
 * wherever the checking machine is.
 */
export function endOfVietnamDay(isoDate: string): string {
  const parts = requireIsoDate(isoDate, "endOfVietnamDay: isoDate");
  return new Date(utcMidnight(parts) + MS_PER_DAY - 1 - OFFSET_MS).toISOString();
}
