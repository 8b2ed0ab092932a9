/**
 * How every text a person reads writes dates, times, numbers, money and percentages: the one place
 * for it, so a score sheet, a report table, an explanation, the CLI and the dashboard all say
 * "77,78%", "1.500.000" and "23 giờ 59, ngày 31/12/2018" alike. Vietnamese form (dot groups
 * thousands, comma before decimals; instants in Vietnam time, Asia/Ho_Chi_Minh, UTC+07:00 without
 * daylight saving) with an English form beside it for English text. Written from integers, without
 * `Intl`, so it runs the same in Node and every browser, and fast enough for the explanations of a
 * national run.
 */
import { VIETNAM_UTC_OFFSET_MINUTES } from "./vietnamTime.js";

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function grouped(whole: number, separator: string): string {
  const s = String(whole);
  if (s.length <= 3) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += separator;
    out += s[i];
  }
  return out;
}

const SCALES = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

function writeNumber(n: number, digits: number, group: string, decimal: string): string {
  // Explanations write hundreds of thousands of small numbers per national run: the common cases
  // (a whole number below 1000, two decimals) take the short way, from integers.
  if (Number.isInteger(n) && n < 1000 && n > -1000) return n === 0 ? "0" : String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "—" : n > 0 ? "∞" : "-∞";
  if (digits === 2) {
    const hundredths = Math.round(n * 100);
    const abs = hundredths < 0 ? -hundredths : hundredths;
    if (abs < 100_000) {
      const whole = Math.floor(abs / 100);
      const frac = abs % 100;
      const sign = hundredths < 0 ? "-" : "";
      const w = whole < 1000 ? String(whole) : grouped(whole, group);
      if (frac === 0) return sign + w;
      return frac % 10 === 0
        ? `${sign}${w}${decimal}${frac / 10}`
        : `${sign}${w}${decimal}${frac < 10 ? "0" : ""}${frac}`;
    }
  }
  const scale = SCALES[Math.max(0, Math.min(6, Math.floor(digits)))] ?? 1;
  const scaled = Math.round(Math.abs(n) * scale);
  // Past 2^53 integers lose their last digits: write the rounded whole number only.
  if (!Number.isSafeInteger(scaled)) {
    const whole = Math.round(Math.abs(n));
    const text = Number.isSafeInteger(whole) ? grouped(whole, group) : String(whole);
    return `${n < 0 ? "-" : ""}${text}`;
  }
  const whole = Math.floor(scaled / scale);
  let frac = scaled % scale;
  const sign = n < 0 && scaled !== 0 ? "-" : "";
  if (frac === 0) return `${sign}${grouped(whole, group)}`;
  let width = String(scale).length - 1;
  while (frac % 10 === 0) {
    frac /= 10;
    width--;
  }
  return `${sign}${grouped(whole, group)}${decimal}${String(frac).padStart(width, "0")}`;
}

/**
 * A number as written in Vietnamese: "1.500.000", "82,36", "-3", at most `maxFractionDigits`
 * decimals (2 by default), no trailing zeros.
 */
export function formatNumberVi(n: number, maxFractionDigits = 2): string {
  return writeNumber(n, maxFractionDigits, ".", ",");
}

/** The same number in English form, for English text: "1,500,000", "82.36". */
export function formatNumberEn(n: number, maxFractionDigits = 2): string {
  return writeNumber(n, maxFractionDigits, ",", ".");
}

/** A percentage already in 0–100, Vietnamese form: 77.7777 → "77,78%". */
export function formatPercentVi(percent: number, maxFractionDigits = 2): string {
  return `${formatNumberVi(percent, maxFractionDigits)}%`;
}

/** A percentage already in 0–100, English form: 77.7777 → "77.78%". */
export function formatPercentEn(percent: number, maxFractionDigits = 2): string {
  return `${formatNumberEn(percent, maxFractionDigits)}%`;
}

/** Whole đồng with Vietnamese grouping, without the unit: 1500000 → "1.500.000". */
export function formatVndAmount(amount: number): string {
  return formatNumberVi(amount, 0);
}

/** A calendar date "2018-12-31" as Vietnamese write it, "31/12/2018"; anything else comes back as given. */
export function formatDateVi(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** The wall-clock parts of an instant in Vietnam, or undefined when it is not a valid instant. */
function vietnamParts(instant: Date | string) {
  const ms =
    instant instanceof Date
      ? instant.getTime()
      : typeof instant === "string" && /(Z|[+-]\d{2}:?\d{2})$/i.test(instant)
        ? Date.parse(instant)
        : Number.NaN;
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/**
 * An instant in Vietnam time, in the Vietnamese form of an official text:
 * "2018-12-31T16:59:59.999Z" → "23 giờ 59, ngày 31/12/2018". A string without an offset (a
 * local time that would depend on the host) or not an instant comes back as given.
 */
export function formatDateTimeVi(instant: Date | string): string {
  const p = vietnamParts(instant);
  if (!p) return String(instant);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)}, ngày ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** The same instant for English text: "23:59 on 31/12/2018 (Vietnam time)". */
export function formatDateTimeEn(instant: Date | string): string {
  const p = vietnamParts(instant);
  if (!p) return String(instant);
  return `${pad2(p.hour)}:${pad2(p.minute)} on ${pad2(p.day)}/${pad2(p.month)}/${p.year} (Vietnam time)`;
}

/** A short Vietnam-time stamp for tables and lists: "31/12/2018 23:59". */
export function formatDateTimeShort(instant: Date | string): string {
  const p = vietnamParts(instant);
  if (!p) return String(instant);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}
