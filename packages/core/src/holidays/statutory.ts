/**
 * The public holidays Vietnamese law gives every year (ngày nghỉ lễ, tết), before the government's
 * yearly schedule moves any of them. Which law applies is decided by the date of each holiday:
 *
 * - Bộ luật Lao động 1994, art. 73 (in force 1/1/1995; amended by Law 35/2002/QH10 and Law
 *   84/2007/QH11): 1/1; Tết Âm lịch 4 days (Decree 195/CP of 31/12/1994: the last day of the
 *   lunar year and the first three days of the new one); 30/4; 1/5; 2/9. Law 84/2007/QH11 added
 *   Giỗ Tổ Hùng Vương (10/3 lunar), first given in 2007.
 * - Bộ luật Lao động 2012, art. 115 (in force 1/5/2013): Tết 5 days; the others as before, 2/9 one day.
 * - Bộ luật Lao động 2019, art. 112 (in force 1/1/2021): National Day 2 days, 2/9 and one day
 *   adjacent to it, before or after.
 * - Each code: a holiday that falls on the weekly rest day is given back on the next working day
 *   (1994 art. 73; 2012 art. 115(3); 2019 art. 111(3)). State agencies rest on Saturday and Sunday
 *   (Decision 188/1999/QĐ-TTg, the 40-hour week, from 1999).
 *
 * The law lets the Prime Minister pick the exact Tết days and the day adjacent to 2/9, and the
 * Ministry of Home Affairs (before 2025, of Labour) publishes each year's schedule with swapped
 * working Saturdays. That schedule is agency data (`HolidayEntry`); this module gives the statutory
 * default: Tết is the last day of the lunar year plus the first days of the new one, and the day
 * adjacent to 2/9 is the one that joins it to a weekend (Monday for a Tuesday, Friday for a Thursday;
 * the day after otherwise, the day before for a Friday or Saturday).
 */
import type { LocalizedText } from "../text.js";
import { lunarNewYear, lunarToIsoDate } from "./lunar.js";

/** The statutory holidays by what they commemorate; `compensatory` is a day given back (nghỉ bù). */
export type HolidayCode =
  | "new-year"
  | "tet"
  | "hung-kings"
  | "reunification"
  | "labour-day"
  | "national-day"
  | "compensatory";

/** The labour code a holiday follows: the one in force on its date. */
export type LabourCode = "1994" | "2012" | "2019";

/** One statutory day off of one year. */
export interface StatutoryHoliday {
  /** ISO date (Vietnam). */
  readonly date: string;
  readonly code: HolidayCode;
  /** "Tết Nguyên đán (mùng 1)" / "Lunar New Year (day 1)". */
  readonly name: LocalizedText;
  /** The article of law that gives the day. */
  readonly basis: LocalizedText;
  /** For a compensatory day: the holiday that fell on a weekend and the date it fell on. */
  readonly compensates?: { readonly date: string; readonly name: LocalizedText };
}

/** Which labour code governs a holiday on `isoDate`. */
export function labourCodeOn(isoDate: string): LabourCode {
  if (isoDate >= "2021-01-01") return "2019";
  if (isoDate >= "2013-05-01") return "2012";
  return "1994";
}

const BASIS: Record<LabourCode, LocalizedText> = {
  "1994": { vi: "Bộ luật Lao động 1994, Điều 73", en: "Labour Code 1994, art. 73" },
  "2012": { vi: "Bộ luật Lao động 2012, Điều 115", en: "Labour Code 2012, art. 115" },
  "2019": { vi: "Bộ luật Lao động 2019, Điều 112", en: "Labour Code 2019, art. 112" },
};

const COMPENSATION_BASIS: Record<LabourCode, LocalizedText> = {
  "1994": { vi: "Bộ luật Lao động 1994, Điều 73", en: "Labour Code 1994, art. 73" },
  "2012": { vi: "Bộ luật Lao động 2012, khoản 3 Điều 115", en: "Labour Code 2012, art. 115(3)" },
  "2019": { vi: "Bộ luật Lao động 2019, khoản 3 Điều 111", en: "Labour Code 2019, art. 111(3)" },
};

const MONTH_OFFSET = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;

/** Day of the week of an ISO date, 0 = Sunday … 6 = Saturday (Sakamoto's method: no Date object). */
export function weekdayOf(isoDate: string): number {
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const y = Number(isoDate.slice(0, 4)) - (m < 3 ? 1 : 0);
  return (
    (y +
      Math.floor(y / 4) -
      Math.floor(y / 100) +
      Math.floor(y / 400) +
      (MONTH_OFFSET[m - 1] as number) +
      d) %
    7
  );
}

/** The ISO date after `isoDate`, by string arithmetic (working-day counts step through many days). */
export function nextIsoDate(isoDate: string): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const last = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (d < last) return `${isoDate.slice(0, 8)}${String(d + 1).padStart(2, "0")}`;
  if (m < 12) return `${isoDate.slice(0, 5)}${String(m + 1).padStart(2, "0")}-01`;
  return `${String(y + 1).padStart(4, "0")}-01-01`;
}

function shift(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const TET_DAY_VI = ["mùng 1", "mùng 2", "mùng 3", "mùng 4"] as const;

/** The Tết days (lunar new year `year`): the last day of the old year, then the first ones of the new. */
function tetDays(year: number): StatutoryHoliday[] {
  const first = lunarNewYear(year);
  const code = labourCodeOn(first);
  const daysOfNewYear = code === "1994" ? 3 : 4;
  const basis =
    code === "1994"
      ? {
          vi: "Bộ luật Lao động 1994, Điều 73; Nghị định 195/CP",
          en: "Labour Code 1994, art. 73; Decree 195/CP",
        }
      : BASIS[code];
  const days: StatutoryHoliday[] = [
    {
      date: shift(first, -1),
      code: "tet",
      name: {
        vi: "Tết Nguyên đán (ngày cuối năm Âm lịch)",
        en: "Lunar New Year (last day of the lunar year)",
      },
      basis,
    },
  ];
  for (let i = 0; i < daysOfNewYear; i++) {
    days.push({
      date: shift(first, i),
      code: "tet",
      name: { vi: `Tết Nguyên đán (${TET_DAY_VI[i]} Tết)`, en: `Lunar New Year (day ${i + 1})` },
      basis,
    });
  }
  return days;
}

/** The day joined to 2/9 under the 2019 code, by the weekday of 2/9 (see the module comment). */
function nationalDayAdjacent(year: number): string {
  const day = iso(year, 9, 2);
  const weekday = weekdayOf(day);
  // Tuesday → Monday 1/9; Friday → Thursday 1/9; Saturday → Friday 1/9; otherwise the day after.
  return weekday === 2 || weekday === 5 || weekday === 6 ? shift(day, -1) : shift(day, 1);
}

function fixed(
  year: number,
  month: number,
  day: number,
  code: HolidayCode,
  name: LocalizedText,
): StatutoryHoliday {
  const date = iso(year, month, day);
  return { date, code, name, basis: BASIS[labourCodeOn(date)] };
}

/**
 * The statutory holidays whose dates fall in solar year `year`, without weekends' compensatory
 * days, sorted by date. Tết of the lunar year starting in `year` is included, and so is the last
 * day of the previous lunar year when it falls in January of `year` (never, in practice: Tết falls
 * between 21 January and 20 February).
 */
function holidaysOfYear(year: number): StatutoryHoliday[] {
  const out: StatutoryHoliday[] = [
    fixed(year, 1, 1, "new-year", { vi: "Tết Dương lịch", en: "New Year's Day" }),
    ...tetDays(year),
  ];
  if (year >= 2007) {
    const hung = lunarToIsoDate({ day: 10, month: 3, year, leap: false }) as string;
    out.push({
      date: hung,
      code: "hung-kings",
      name: {
        vi: "Giỗ Tổ Hùng Vương (10/3 Âm lịch)",
        en: "Hùng Kings' Commemoration (10th day of the 3rd lunar month)",
      },
      basis:
        labourCodeOn(hung) === "1994"
          ? {
              vi: "Bộ luật Lao động 1994, Điều 73 (Luật 84/2007/QH11)",
              en: "Labour Code 1994, art. 73 (Law 84/2007/QH11)",
            }
          : BASIS[labourCodeOn(hung)],
    });
  }
  out.push(
    fixed(year, 4, 30, "reunification", {
      vi: "Ngày Chiến thắng (30/4)",
      en: "Reunification Day (30 April)",
    }),
    fixed(year, 5, 1, "labour-day", {
      vi: "Ngày Quốc tế lao động (1/5)",
      en: "International Labour Day (1 May)",
    }),
    fixed(year, 9, 2, "national-day", { vi: "Quốc khánh (2/9)", en: "National Day (2 September)" }),
  );
  if (labourCodeOn(iso(year, 9, 2)) === "2019") {
    const adjacent = nationalDayAdjacent(year);
    out.push({
      date: adjacent,
      code: "national-day",
      name: { vi: "Quốc khánh (ngày liền kề 2/9)", en: "National Day (day adjacent to 2 September)" },
      basis: BASIS["2019"],
    });
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const isWeekend = (isoDate: string) => {
  const w = weekdayOf(isoDate);
  return w === 0 || w === 6;
};

/**
 * Every statutory day off of solar year `year`: the holidays of the labour code in force on each
 * date, and a compensatory day (nghỉ bù) on the next working day for each holiday that falls on a
 * Saturday or Sunday. Sorted by date. Pure; any year from 1995 (the 1994 code's first year) on.
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  // Tết of the next lunar year may take its compensation into this year's last days only in theory;
  // a weekend holiday at the end of December (none exists) would give back a day in January.
  const holidays = holidaysOfYear(year);
  const taken = new Set(holidays.map((h) => h.date));
  const result = [...holidays];
  for (const h of holidays) {
    if (!isWeekend(h.date)) continue;
    let d = shift(h.date, 1);
    while (isWeekend(d) || taken.has(d)) d = shift(d, 1);
    taken.add(d);
    result.push({
      date: d,
      code: "compensatory",
      name: { vi: `Nghỉ bù ${h.name.vi}`, en: `Day in lieu of ${h.name.en}` },
      basis: COMPENSATION_BASIS[labourCodeOn(h.date)],
      compensates: { date: h.date, name: h.name },
    });
  }
  return result
    .filter((h) => h.date.startsWith(`${String(year).padStart(4, "0")}-`))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
