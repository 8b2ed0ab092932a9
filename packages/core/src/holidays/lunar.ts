/**
 * The Vietnamese lunar calendar (âm lịch), computed for Vietnam's time zone (UTC+7) with Hồ Ngọc
 * Đức's algorithm ("Thuật toán tính âm lịch", 2004, after Jean Meeus, *Astronomical Algorithms*):
 * a lunar month starts on the local day of the new moon, month 11 is the one holding the winter
 * solstice, and in a 13-month year the leap month is the first one without a major solar term.
 *
 * Why our own module and not a package: the npm packages that implement the Vietnamese calendar
 * (`@dqcai/vn-lunar`, `vietnamese-lunar-calendar`, `amlich`) each have a single release and no
 * maintenance history (the first ships obfuscated code); the well-kept lunar packages
 * (`lunar-javascript`, `tyme4ts`, `date-holidays`) compute the Chinese calendar for UTC+8, whose
 * months start one day later when the new moon falls between 16:00 and 17:00 UTC (Tết 2007: 17/02 in
 * Vietnam, 18/02 in China). The algorithm is short and pure; the tests check it against the
 * published dates and against `lunar-javascript` year by year, explaining every difference.
 */

/** Vietnam's offset from UTC in hours, the meridian lunar months are counted on. */
const TIME_ZONE_HOURS = 7;

/** A date of the lunar calendar: day 1–30 of month 1–12 of a lunar year; `leap` for the leap month. */
export interface LunarDate {
  readonly day: number;
  readonly month: number;
  /** The lunar year, named after the solar year it mostly overlaps (Tết 2026 starts lunar year 2026). */
  readonly year: number;
  readonly leap: boolean;
}

const floor = Math.floor;

/** Julian day number of a Gregorian date (the algorithm's day count). */
export function julianDay(year: number, month: number, day: number): number {
  const a = floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + floor((153 * m + 2) / 5) + 365 * y + floor(y / 4) - floor(y / 100) + floor(y / 400) - 32045;
}

/** The Gregorian date of a Julian day number, as [year, month, day]. */
export function fromJulianDay(jd: number): [year: number, month: number, day: number] {
  const a = jd + 32044;
  const b = floor((4 * a + 3) / 146097);
  const c = a - floor((b * 146097) / 4);
  const d = floor((4 * c + 3) / 1461);
  const e = c - floor((1461 * d) / 4);
  const m = floor((5 * e + 2) / 153);
  return [b * 100 + d - 4800 + floor(m / 10), m + 3 - 12 * floor(m / 10), e - floor((153 * m + 2) / 5) + 1];
}

/** Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus, chapter 49, shortened). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude at a Julian date, in radians 0..2π (Meeus, chapter 25, low accuracy). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL = DL + (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  const L = (L0 + DL) * dr;
  return L - Math.PI * 2 * floor(L / (Math.PI * 2));
}

/** Which of the 12 major solar terms (0–11, 30° each) the sun is in at local midnight starting `dayNumber`. */
function solarTermAt(dayNumber: number): number {
  return floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE_HOURS / 24) / Math.PI) * 6);
}

/** Julian day number of the local (UTC+7) day of the k-th new moon. */
function newMoonDay(k: number): number {
  return floor(newMoon(k) + 0.5 + TIME_ZONE_HOURS / 24);
}

/** Julian day number on which lunar month 11 (the month of the winter solstice) of solar year `year` starts. */
function lunarMonth11(year: number): number {
  const off = julianDay(year, 12, 31) - 2415021;
  const k = floor(off / 29.530588853);
  const nm = newMoonDay(k);
  return solarTermAt(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 on day `a11`, the offset of the leap month from month 11. */
function leapMonthOffset(a11: number): number {
  const k = floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = solarTermAt(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTermAt(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a Gregorian date in Vietnam. */
export function solarToLunar(year: number, month: number, day: number): LunarDate {
  const dayNumber = julianDay(year, month, day);
  let k = floor((dayNumber - 2415021.076998695) / 29.530588853) + 1;
  let monthStart = newMoonDay(k);
  // The mean lunation only estimates k: step back until the month starts on or before the day (the
  // published algorithm steps back once, which leaves day 0 on a few dates such as 2054-05-07).
  while (monthStart > dayNumber) monthStart = newMoonDay(--k);
  let a11 = lunarMonth11(year);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1);
  }
  const lunarDay = dayNumber - monthStart + 1;
  const diff = floor((monthStart - a11) / 29);
  let leap = false;
  let lunarMonth = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      lunarMonth = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (lunarMonth > 12) lunarMonth -= 12;
  if (lunarMonth >= 11 && diff < 4) lunarYear -= 1;
  return { day: lunarDay, month: lunarMonth, year: lunarYear, leap };
}

/**
 * The Julian day number of a lunar date in Vietnam, or `undefined` when it does not exist (a leap
 * month the year does not have).
 */
export function lunarToJulianDay(lunar: LunarDate): number | undefined {
  const { day, month, year, leap } = lunar;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = lunarMonth11(year - 1);
    b11 = lunarMonth11(year);
  } else {
    a11 = lunarMonth11(year);
    b11 = lunarMonth11(year + 1);
  }
  const k = floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  return newMoonDay(k + off) + day - 1;
}

function isoOfJulianDay(jd: number): string {
  const [y, m, d] = fromJulianDay(jd);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The ISO date of a lunar date in Vietnam, or `undefined` when that lunar date does not exist. */
export function lunarToIsoDate(lunar: LunarDate): string | undefined {
  const jd = lunarToJulianDay(lunar);
  return jd === undefined ? undefined : isoOfJulianDay(jd);
}

/** The lunar date of an ISO date (YYYY-MM-DD, read as a day in Vietnam). */
export function lunarDateOf(isoDate: string): LunarDate {
  return solarToLunar(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}

/** Mùng 1 Tết: the first day of the lunar year that starts in solar year `year` (ISO date). */
export function lunarNewYear(year: number): string {
  // Month 1 of a lunar year is never a leap month, so the date always exists.
  return isoOfJulianDay(lunarToJulianDay({ day: 1, month: 1, year, leap: false }) as number);
}
