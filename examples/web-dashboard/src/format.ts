/**
 * How the dashboard writes dates, instants, numbers and money: Vietnamese conventions, Vietnam
 * time (Asia/Ho_Chi_Minh, UTC+07:00 without daylight saving), whatever the server's time zone.
 * Everything is written by the core's one formatting module (`vietnameseFormat`), so the pages say
 * "77,78%" and "1.500.000 đ" exactly as the exported documents, the CLI and the explanations do.
 */
import {
  formatDateTimeShort,
  formatDateVi,
  formatNumberVi,
  formatPercentVi,
  formatVndAmount,
  VIETNAM_UTC_OFFSET_MINUTES,
  vietnamDateOf,
} from "@cchc/core";

export { formatDateTimeEn, formatDateTimeVi } from "@cchc/core";

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant written in Vietnam time with its offset, e.g. "2018-03-19T09:30:00+07:00". */
export function vietnamInstant(at: Date): string {
  const d = new Date(at.getTime() + OFFSET_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`;
}

/** The calendar date in Vietnam of an instant, as ISO "YYYY-MM-DD". */
export const vietnamToday = (at: Date): string => vietnamDateOf(at);

/** "2018-03-19" → "19/03/2018". */
export const formatDate = (isoDate: string): string => formatDateVi(isoDate);

/** An ISO instant → "19/03/2018 09:30" in Vietnam time. */
export const formatDateTime = (instant: string): string => formatDateTimeShort(instant);

/** 1500000 → "1.500.000"; 12.5 → "12,5". */
export const formatNumber = (n: number): string => formatNumberVi(n);

/** Whole đồng with the unit: 1500000 → "1.500.000 đ". */
export const formatVnd = (n: number): string => `${formatVndAmount(n)} đ`;

/** A percentage already in 0–100: 87.5 → "87,5%". */
export const formatPercent = (n: number): string => formatPercentVi(n);

/** A ratio in 0–1 as a percentage, or a dash when it does not apply. */
export const formatRatio = (r: number | undefined): string =>
  r === undefined ? "—" : formatPercent(Math.round(r * 10_000) / 100);

/** The first letter in lower case, the rest untouched ("Quý I năm 2018" → "quý I năm 2018"). */
export const lowerFirst = (s: string): string =>
  s === "" ? s : s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
