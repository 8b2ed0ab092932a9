import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CalendarError,
  type CalendarOptions,
  coversWholeYear,
  DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF,
  DEFAULT_PERIOD_TYPES,
  formatPeriodId,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  PERIOD_TYPES,
  type PeriodType,
  PeriodTypeSchema,
  parsePeriodId,
  periodsContaining,
  type ReportingPeriod,
  reportingCalendar,
  reportingPeriod,
  safeReportingCalendar,
} from "../src/calendar.js";
import {
  addDays,
  compareIsoDates,
  endOfVietnamDay,
  isIsoDate,
  startOfVietnamDay,
  VIETNAM_TIME_ZONE,
  vietnamDateOf,
} from "../src/vietnamTime.js";

const yearArb = fc.integer({ min: MIN_CALENDAR_YEAR, max: MAX_CALENDAR_YEAR });
const daysArb = fc.integer({ min: 0, max: 365 });
/** Any real date from 1999-12-01 to 2101-01-31 (around the calendar's range). */
const dateArb = fc
  .integer({ min: 0, max: 37_000 })
  .map((n) => addDays("1999-12-01", n))
  .filter((d) => d <= "2101-01-31");

function windows(periods: ReportingPeriod[]): string[][] {
  return periods.map((p) => [p.id, p.cutoffStart, p.cutoffEnd, p.dueDate]);
}

function periodFor(year: number, id: string, options?: CalendarOptions): ReportingPeriod {
  const p = reportingCalendar(year, options).find((x) => x.id === id);
  if (!p) throw new Error(`no period ${id}`);
  return p;
}

function expectCalendarError(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CalendarError);
  expect(caught).toBeInstanceOf(Error);
  const err = caught as CalendarError;
  expect(err.code).toBe(code);
  expect(err.name).toBe("CalendarError");
  expect(err.message.length).toBeGreaterThan(0);
  expect(err.messageVi.length).toBeGreaterThan(0);
}

describe("vietnamTime", () => {
  it("exposes the IANA zone name", () => {
    expect(VIETNAM_TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2018-03-19")).toBe(true);
    expect(isIsoDate("2020-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2018-02-29")).toBe(false);
    expect(isIsoDate("2100-02-29")).toBe(false);
    expect(isIsoDate("2018-04-31")).toBe(false);
    expect(isIsoDate("2018-13-01")).toBe(false);
    expect(isIsoDate("2018-00-10")).toBe(false);
    expect(isIsoDate("2018-01-00")).toBe(false);
    expect(isIsoDate("2018-1-05")).toBe(false);
    expect(isIsoDate(" 2018-01-05")).toBe(false);
    expect(isIsoDate("2018-01-05T00:00:00Z")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });

  it("adds days across month ends, leap days and years", () => {
    expect(addDays("2018-03-14", 5)).toBe("2018-03-19");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2018-12-31", 1)).toBe("2019-01-01");
    expect(addDays("2019-01-01", -1)).toBe("2018-12-31");
    expect(addDays("2018-03-14", 0)).toBe("2018-03-14");
    expect(addDays("2018-12-14", 365)).toBe("2019-12-14");
    expect(() => addDays("2018-02-29", 1)).toThrow(RangeError);
    expect(() => addDays("2018-02-01", 1.5)).toThrow(RangeError);
  });

  it("compares dates", () => {
    expect(compareIsoDates("2018-03-14", "2018-03-15")).toBeLessThan(0);
    expect(compareIsoDates("2018-03-15", "2018-03-14")).toBeGreaterThan(0);
    expect(compareIsoDates("2018-03-14", "2018-03-14")).toBe(0);
    expect(() => compareIsoDates("2018-3-14", "2018-03-14")).toThrow(RangeError);
  });

  it("gives the Vietnamese date of an instant", () => {
    expect(vietnamDateOf("2018-03-19T17:30:00Z")).toBe("2018-03-20");
    expect(vietnamDateOf("2018-03-19T16:59:59.999Z")).toBe("2018-03-19");
    expect(vietnamDateOf("2018-03-19T17:00:00.000Z")).toBe("2018-03-20");
    expect(vietnamDateOf("2018-03-20T00:30:00+07:00")).toBe("2018-03-20");
    expect(vietnamDateOf(new Date(Date.UTC(2018, 11, 31, 18)))).toBe("2019-01-01");
    expect(() => vietnamDateOf("2018-03-19T10:00:00")).toThrow(RangeError);
    expect(() => vietnamDateOf("not a date")).toThrow(RangeError);
    expect(() => vietnamDateOf(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("gives the first and last instants of a Vietnamese day", () => {
    expect(startOfVietnamDay("2018-03-19")).toBe("2018-03-18T17:00:00.000Z");
    expect(endOfVietnamDay("2018-03-19")).toBe("2018-03-19T16:59:59.999Z");
    expect(startOfVietnamDay("2000-01-01")).toBe("1999-12-31T17:00:00.000Z");
    expect(endOfVietnamDay("2100-12-31")).toBe("2100-12-31T16:59:59.999Z");
    expect(() => endOfVietnamDay("2018-02-30")).toThrow(RangeError);
  });

  it("agrees with Intl (Asia/Ho_Chi_Minh) on +07:00 across 2000–2100", () => {
    const fmt = new Intl.DateTimeFormat("en-GB", {
      timeZone: VIETNAM_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      fractionalSecondDigits: 3,
      hourCycle: "h23",
    });
    const wall = (instant: string) => {
      const parts = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
      return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}.${parts.fractionalSecond}`;
    };
    const samples: string[] = [];
    for (let year = 2000; year <= 2100; year += 3) {
      for (const md of ["01-01", "02-28", "03-31", "06-15", "10-27", "12-31"]) samples.push(`${year}-${md}`);
    }
    samples.push("2024-02-29", "2100-12-31");
    for (const d of samples) {
      expect(wall(startOfVietnamDay(d))).toBe(`${d} 00:00:00.000`);
      expect(wall(endOfVietnamDay(d))).toBe(`${d} 23:59:59.999`);
      expect(vietnamDateOf(startOfVietnamDay(d))).toBe(d);
      expect(vietnamDateOf(endOfVietnamDay(d))).toBe(d);
    }
  });

  it("property: vietnamDateOf agrees with Intl for arbitrary instants", () => {
    const fmt = new Intl.DateTimeFormat("en-CA", {
      timeZone: VIETNAM_TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    const from = Date.UTC(2000, 0, 1);
    const to = Date.UTC(2101, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const instant = new Date(ms);
        expect(vietnamDateOf(instant)).toBe(fmt.format(instant));
      }),
    );
  });
});

describe("period types and ids", () => {
  it("lists the types in order and validates them", () => {
    expect(PERIOD_TYPES).toEqual(["month", "quarter", "half-year", "nine-month", "second-half", "year"]);
    expect(DEFAULT_PERIOD_TYPES).toEqual(["month", "quarter", "half-year", "nine-month", "year"]);
    expect(PeriodTypeSchema.options).toEqual([...PERIOD_TYPES]);
    expect(PeriodTypeSchema.safeParse("quarter").success).toBe(true);
    expect(PeriodTypeSchema.safeParse("quarterly").success).toBe(false);
  });

  it("parses every id form", () => {
    expect(parsePeriodId("2018M01")).toEqual({ year: 2018, type: "month", index: 1 });
    expect(parsePeriodId("2018M12")).toEqual({ year: 2018, type: "month", index: 12 });
    expect(parsePeriodId("2018Q1")).toEqual({ year: 2018, type: "quarter", index: 1 });
    expect(parsePeriodId("2018Q4")).toEqual({ year: 2018, type: "quarter", index: 4 });
    expect(parsePeriodId("2018S1")).toEqual({ year: 2018, type: "half-year", index: 1 });
    expect(parsePeriodId("2018N9")).toEqual({ year: 2018, type: "nine-month", index: 1 });
    expect(parsePeriodId("2018")).toEqual({ year: 2018, type: "year", index: 1 });
    expect(parsePeriodId("2000Q1")).toEqual({ year: 2000, type: "quarter", index: 1 });
    expect(parsePeriodId("2100M12")).toEqual({ year: 2100, type: "month", index: 12 });
  });

  it("rejects malformed ids", () => {
    for (const bad of [
      "2018Q5",
      "2018Q0",
      "2018M1",
      "2018M13",
      "2018M00",
      "2018m01",
      "2018q1",
      "2018s1",
      "2018S3",
      "2018N6",
      " 2018Q1",
      "2018Q1 ",
      "2018 Q1",
      "1999",
      "1999Q4",
      "2101",
      "2101M01",
      "18Q1",
      "02018",
      "",
      "Q1",
      "2018-Q1",
    ]) {
      expect(parsePeriodId(bad), bad).toBeUndefined();
    }
  });

  it("formats ids", () => {
    expect(formatPeriodId(2018, "month", 3)).toBe("2018M03");
    expect(formatPeriodId(2018, "quarter", 2)).toBe("2018Q2");
    expect(formatPeriodId(2018, "half-year", 1)).toBe("2018S1");
    expect(formatPeriodId(2018, "nine-month", 1)).toBe("2018N9");
    expect(formatPeriodId(2018, "year", 1)).toBe("2018");
    expect(() => formatPeriodId(2018, "quarter", 5)).toThrow(RangeError);
    expect(() => formatPeriodId(2018, "half-year", 2)).toThrow(RangeError);
    expectCalendarError(() => formatPeriodId(1999, "year", 1), "calendar.year-out-of-range");
    expectCalendarError(
      () => formatPeriodId(2018, "weekly" as PeriodType, 1),
      "calendar.period-type-unknown",
    );
  });

  it("property: formatPeriodId and parsePeriodId round-trip", () => {
    const periodArb = fc.tuple(yearArb, fc.constantFrom(...PERIOD_TYPES), fc.nat()).map(([year, type, n]) => {
      const count = { month: 12, quarter: 4, "half-year": 1, "nine-month": 1, "second-half": 1, year: 1 }[
        type
      ];
      return { year, type, index: (n % count) + 1 };
    });
    fc.assert(
      fc.property(periodArb, (p) => {
        const id = formatPeriodId(p.year, p.type, p.index);
        expect(parsePeriodId(id)).toEqual(p);
        expect(formatPeriodId(p.year, p.type, p.index)).toBe(id);
      }),
    );
  });

  it("property: parsePeriodId never throws and only accepts what it can format back", () => {
    const idLike = fc.stringMatching(/^\d{4}([MQSN]\d{1,2})?$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), idLike), (s) => {
        const parsed = parsePeriodId(s);
        if (parsed) expect(formatPeriodId(parsed.year, parsed.type, parsed.index)).toBe(s);
      }),
    );
    expect(parsePeriodId(undefined as unknown as string)).toBeUndefined();
    expect(parsePeriodId(2018 as unknown as string)).toBeUndefined();
  });
});

describe("reportingCalendar — 2018", () => {
  const cal = reportingCalendar(2018);

  it("lists all 19 periods in cut-off order, then type order", () => {
    expect(cal.map((p) => p.id)).toEqual([
      "2018M01",
      "2018M02",
      "2018M03",
      "2018Q1",
      "2018M04",
      "2018M05",
      "2018M06",
      "2018Q2",
      "2018S1",
      "2018M07",
      "2018M08",
      "2018M09",
      "2018Q3",
      "2018N9",
      "2018M10",
      "2018M11",
      "2018M12",
      "2018Q4",
      "2018",
    ]);
  });

  it("computes the Decree 09/2019 cut-off windows and default deadlines", () => {
    const byId = Object.fromEntries(windows(cal).map(([id, ...rest]) => [id, rest]));
    expect(byId["2018M01"]).toEqual(["2017-12-15", "2018-01-14", "2018-01-19"]);
    expect(byId["2018M02"]).toEqual(["2018-01-15", "2018-02-14", "2018-02-19"]);
    expect(byId["2018M03"]).toEqual(["2018-02-15", "2018-03-14", "2018-03-19"]);
    expect(byId["2018M12"]).toEqual(["2018-11-15", "2018-12-14", "2018-12-19"]);
    expect(byId["2018Q1"]).toEqual(["2017-12-15", "2018-03-14", "2018-03-19"]);
    expect(byId["2018Q2"]).toEqual(["2018-03-15", "2018-06-14", "2018-06-19"]);
    expect(byId["2018Q3"]).toEqual(["2018-06-15", "2018-09-14", "2018-09-19"]);
    expect(byId["2018Q4"]).toEqual(["2018-09-15", "2018-12-14", "2018-12-19"]);
    expect(byId["2018S1"]).toEqual(["2017-12-15", "2018-06-14", "2018-06-19"]);
    expect(byId["2018N9"]).toEqual(["2017-12-15", "2018-09-14", "2018-09-19"]);
    expect(byId["2018"]).toEqual(["2017-12-15", "2018-12-14", "2018-12-19"]);
  });

  it("fills in the whole period record", () => {
    expect(periodFor(2018, "2018Q1")).toEqual({
      id: "2018Q1",
      type: "quarter",
      year: 2018,
      index: 1,
      label: { vi: "Quý I năm 2018", en: "Q1 2018" },
      cutoffStart: "2017-12-15",
      cutoffEnd: "2018-03-14",
      dueDate: "2018-03-19",
      dueAt: "2018-03-19T16:59:59.999Z",
    });
  });

  it("labels periods in Vietnamese and English", () => {
    const labels = Object.fromEntries(cal.map((p) => [p.id, p.label]));
    expect(labels["2018M01"]).toEqual({ vi: "Tháng 1 năm 2018", en: "January 2018" });
    expect(labels["2018M12"]).toEqual({ vi: "Tháng 12 năm 2018", en: "December 2018" });
    expect(labels["2018Q2"]).toEqual({ vi: "Quý II năm 2018", en: "Q2 2018" });
    expect(labels["2018Q3"]).toEqual({ vi: "Quý III năm 2018", en: "Q3 2018" });
    expect(labels["2018Q4"]).toEqual({ vi: "Quý IV năm 2018", en: "Q4 2018" });
    expect(labels["2018S1"]).toEqual({ vi: "6 tháng đầu năm 2018", en: "First half of 2018" });
    expect(labels["2018N9"]).toEqual({ vi: "9 tháng năm 2018", en: "Nine months of 2018" });
    expect(labels["2018"]).toEqual({ vi: "Năm 2018", en: "Year 2018" });
  });

  it("sets dueAt to the end of the due date in Vietnam", () => {
    for (const p of cal) expect(p.dueAt).toBe(endOfVietnamDay(p.dueDate));
    expect(periodFor(2018, "2018").dueAt).toBe("2018-12-19T16:59:59.999Z");
  });

  it("is deterministic and returns fresh arrays", () => {
    const again = reportingCalendar(2018);
    expect(again).toEqual(cal);
    expect(again).not.toBe(cal);
  });
});

describe("reportingCalendar — other years and options", () => {
  it("handles a leap year (2024)", () => {
    expect(windows([periodFor(2024, "2024M03")])).toEqual([
      ["2024M03", "2024-02-15", "2024-03-14", "2024-03-19"],
    ]);
    expect(windows([periodFor(2024, "2024M02")])).toEqual([
      ["2024M02", "2024-01-15", "2024-02-14", "2024-02-19"],
    ]);
    // 14 Feb + 20 days crosses 29 Feb 2024: 15 Feb..29 Feb is 15 days, then 5 more into March.
    expect(periodFor(2024, "2024M02", { deadlineDaysAfterCutoff: 20 }).dueDate).toBe("2024-03-05");
    expect(periodFor(2023, "2023M02", { deadlineDaysAfterCutoff: 20 }).dueDate).toBe("2023-03-06");
  });

  it("crosses the December boundary", () => {
    expect(periodFor(2019, "2019M01").cutoffStart).toBe("2018-12-15");
    expect(periodFor(2019, "2019").cutoffStart).toBe("2018-12-15");
    expect(periodsContaining("2018-12-15").map((p) => p.id)).toEqual([
      "2019M01",
      "2019Q1",
      "2019S1",
      "2019N9",
      "2019",
    ]);
    expect(periodsContaining("2018-12-20").every((p) => p.year === 2019)).toBe(true);
    expect(periodsContaining("2018-12-14").map((p) => p.id)).toEqual(["2018M12", "2018Q4", "2018"]);
  });

  it("finds the periods of a mid-year date", () => {
    expect(periodsContaining("2018-03-14").map((p) => p.id)).toEqual([
      "2018M03",
      "2018Q1",
      "2018S1",
      "2018N9",
      "2018",
    ]);
    expect(periodsContaining("2018-03-15").map((p) => p.id)).toEqual([
      "2018M04",
      "2018Q2",
      "2018S1",
      "2018N9",
      "2018",
    ]);
    expect(periodsContaining("2018-07-01", { periodTypes: ["quarter", "year"] }).map((p) => p.id)).toEqual([
      "2018Q3",
      "2018",
    ]);
    expect(() => periodsContaining("2018-02-30")).toThrow(RangeError);
  });

  it("covers the edges of the supported range (2000 and 2100)", () => {
    const y2000 = reportingCalendar(2000);
    expect(y2000).toHaveLength(19);
    expect(windows([periodFor(2000, "2000M01"), periodFor(2000, "2000")])).toEqual([
      ["2000M01", "1999-12-15", "2000-01-14", "2000-01-19"],
      ["2000", "1999-12-15", "2000-12-14", "2000-12-19"],
    ]);
    // 2100 is not a leap year.
    expect(windows([periodFor(2100, "2100M03"), periodFor(2100, "2100")])).toEqual([
      ["2100M03", "2100-02-15", "2100-03-14", "2100-03-19"],
      ["2100", "2099-12-15", "2100-12-14", "2100-12-19"],
    ]);
    expect(periodFor(2100, "2100M02", { deadlineDaysAfterCutoff: 15 }).dueDate).toBe("2100-03-01");
    expect(periodFor(2100, "2100").dueAt).toBe("2100-12-19T16:59:59.999Z");
    // Periods of 1999 and 2101 are outside the calendar.
    expect(periodsContaining("1999-12-14")).toEqual([]);
    expect(periodsContaining("1999-12-15").map((p) => p.year)).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(periodsContaining("2100-12-15")).toEqual([]);
    expect(periodsContaining("2100-12-14").map((p) => p.id)).toEqual(["2100M12", "2100Q4", "2100"]);
  });

  it("rejects years outside 2000–2100 and non-integers", () => {
    for (const year of [1999, 2101, 2018.5, Number.NaN, Number.POSITIVE_INFINITY, -2018]) {
      expectCalendarError(() => reportingCalendar(year), "calendar.year-out-of-range");
      const result = safeReportingCalendar(year);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("calendar.year-out-of-range");
        expect(result.error.message.vi).toContain("Năm báo cáo");
        expect(result.error.message.en).toContain("2000");
      }
    }
    expect(() => reportingCalendar(2101)).toThrow(/2000 to 2100/);
    expect(reportingPeriod("2101Q1")).toBeUndefined();
    expectCalendarError(() => coversWholeYear(1999, ["year"]), "calendar.year-out-of-range");
  });

  it("returns the same periods from safeReportingCalendar", () => {
    expect(safeReportingCalendar(2018)).toEqual({ ok: true, periods: reportingCalendar(2018) });
  });

  it("applies one deadline for every type, including 0", () => {
    const zero = reportingCalendar(2018, { deadlineDaysAfterCutoff: 0 });
    for (const p of zero) {
      expect(p.dueDate).toBe(p.cutoffEnd);
      expect(p.dueAt).toBe(endOfVietnamDay(p.cutoffEnd));
    }
    expect(periodFor(2018, "2018Q1", { deadlineDaysAfterCutoff: 0 }).dueAt).toBe("2018-03-14T16:59:59.999Z");
    expect(periodFor(2018, "2018Q4", { deadlineDaysAfterCutoff: 30 }).dueDate).toBe("2019-01-13");
    expect(periodFor(2018, "2018", { deadlineDaysAfterCutoff: 365 }).dueDate).toBe("2019-12-14");
    expect(DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF).toBe(5);
  });

  it("applies per-type deadlines, defaulting the others to 5", () => {
    const options: CalendarOptions = { deadlineDaysAfterCutoff: { year: 20, quarter: 10 } };
    expect(periodFor(2018, "2018", options).dueDate).toBe("2019-01-03");
    expect(periodFor(2018, "2018Q1", options).dueDate).toBe("2018-03-24");
    expect(periodFor(2018, "2018M03", options).dueDate).toBe("2018-03-19");
    expect(periodFor(2018, "2018S1", options).dueDate).toBe("2018-06-19");
    expect(reportingPeriod("2018Q2", options)?.dueDate).toBe("2018-06-24");
    // Order follows cut-off end, not due date.
    expect(
      reportingCalendar(2018, options)
        .slice(0, 4)
        .map((p) => p.id),
    ).toEqual(["2018M01", "2018M02", "2018M03", "2018Q1"]);
  });

  it("rejects invalid deadline settings", () => {
    const bad: unknown[] = [
      -1,
      366,
      2.5,
      Number.NaN,
      "5",
      null,
      [5],
      { quarter: -3 },
      { year: 1.5 },
      { month: "10" },
    ];
    for (const deadlineDaysAfterCutoff of bad) {
      const options = { deadlineDaysAfterCutoff } as unknown as CalendarOptions;
      const result = safeReportingCalendar(2018, options);
      // null means "not set", like undefined
      if (deadlineDaysAfterCutoff === null) {
        expect(result.ok).toBe(true);
        continue;
      }
      expect(result.ok, JSON.stringify(deadlineDaysAfterCutoff)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("calendar.deadline-days-invalid");
      expectCalendarError(() => reportingCalendar(2018, options), "calendar.deadline-days-invalid");
      expectCalendarError(() => reportingPeriod("2018Q1", options), "calendar.deadline-days-invalid");
      expectCalendarError(() => periodsContaining("2018-01-01", options), "calendar.deadline-days-invalid");
    }
  });

  it("rejects unknown period types in options", () => {
    const cases: unknown[] = [
      { periodTypes: ["quarter", "weekly"] },
      { periodTypes: "quarter" },
      { deadlineDaysAfterCutoff: { quarterly: 10 } },
    ];
    for (const raw of cases) {
      const options = raw as CalendarOptions;
      const result = safeReportingCalendar(2018, options);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("calendar.period-type-unknown");
        expect(result.error.message.vi.length).toBeGreaterThan(0);
      }
      expectCalendarError(() => reportingCalendar(2018, options), "calendar.period-type-unknown");
    }
  });

  it("limits the calendar to the requested types, in canonical order", () => {
    const cal = reportingCalendar(2018, { periodTypes: ["year", "half-year", "quarter", "quarter"] });
    expect(cal.map((p) => p.id)).toEqual(["2018Q1", "2018Q2", "2018S1", "2018Q3", "2018Q4", "2018"]);
    expect(reportingCalendar(2018, { periodTypes: [] })).toEqual([]);
    expect(reportingCalendar(2018, { periodTypes: ["month"] })).toHaveLength(12);
  });

  it("finds a single period by id", () => {
    expect(reportingPeriod("2018Q1")).toEqual(periodFor(2018, "2018Q1"));
    expect(reportingPeriod("2018N9")?.label.vi).toBe("9 tháng năm 2018");
    expect(reportingPeriod("2018Q5")).toBeUndefined();
    expect(reportingPeriod("2018M01", { periodTypes: ["quarter"] })).toBeUndefined();
    expect(reportingPeriod("2018Q1", { periodTypes: ["quarter"] })?.id).toBe("2018Q1");
  });
});

describe("coversWholeYear", () => {
  it("knows which schedules cover the year", () => {
    expect(coversWholeYear(2018, ["month"])).toBe(true);
    expect(coversWholeYear(2018, ["quarter"])).toBe(true);
    expect(coversWholeYear(2018, ["year"])).toBe(true);
    expect(coversWholeYear(2018, ["half-year", "quarter"])).toBe(true);
    expect(coversWholeYear(2018, ["half-year"])).toBe(false);
    expect(coversWholeYear(2018, ["nine-month"])).toBe(false);
    expect(coversWholeYear(2018, ["half-year", "nine-month"])).toBe(false);
    expect(coversWholeYear(2018, [])).toBe(false);
    expect(coversWholeYear(2024, PERIOD_TYPES)).toBe(true);
    expectCalendarError(
      () => coversWholeYear(2018, ["weekly" as PeriodType]),
      "calendar.period-type-unknown",
    );
  });

  it("property: a set of types covers the year exactly when it includes month, quarter or year", () => {
    fc.assert(
      fc.property(yearArb, fc.subarray([...PERIOD_TYPES]), (year, types) => {
        const expected =
          types.some((t) => t === "month" || t === "quarter" || t === "year") ||
          (types.includes("second-half") && (types.includes("half-year") || types.includes("nine-month")));
        expect(coversWholeYear(year, types)).toBe(expected);
      }),
    );
  });
});

describe("calendar properties (2000–2100)", () => {
  it("quarterly windows are contiguous and their union is the annual window", () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        const quarters = reportingCalendar(year, { periodTypes: ["quarter"] });
        const [annual] = reportingCalendar(year, { periodTypes: ["year"] });
        expect(quarters.map((q) => q.index)).toEqual([1, 2, 3, 4]);
        expect(quarters[0]?.cutoffStart).toBe(annual?.cutoffStart);
        expect(quarters[3]?.cutoffEnd).toBe(annual?.cutoffEnd);
        expect(annual?.cutoffStart).toBe(`${year - 1}-12-15`);
        expect(annual?.cutoffEnd).toBe(`${year}-12-14`);
        for (let i = 1; i < quarters.length; i++) {
          const prev = quarters[i - 1] as ReportingPeriod;
          const cur = quarters[i] as ReportingPeriod;
          expect(cur.cutoffStart).toBe(addDays(prev.cutoffEnd, 1));
        }
      }),
    );
  });

  it("monthly windows tile the annual window too", () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        const months = reportingCalendar(year, { periodTypes: ["month"] });
        expect(months[0]?.cutoffStart).toBe(`${year - 1}-12-15`);
        expect(months[11]?.cutoffEnd).toBe(`${year}-12-14`);
        for (let i = 1; i < months.length; i++) {
          expect(months[i]?.cutoffStart).toBe(addDays((months[i - 1] as ReportingPeriod).cutoffEnd, 1));
        }
      }),
    );
  });

  it("every dueDate is cutoffEnd plus the deadline days", () => {
    fc.assert(
      fc.property(
        yearArb,
        fc.oneof(
          daysArb,
          fc.record(
            {
              month: daysArb,
              quarter: daysArb,
              "half-year": daysArb,
              "nine-month": daysArb,
              year: daysArb,
            },
            { requiredKeys: [] },
          ),
        ),
        (year, deadline) => {
          for (const p of reportingCalendar(year, { deadlineDaysAfterCutoff: deadline })) {
            const days =
              typeof deadline === "number"
                ? deadline
                : ((deadline as Partial<Record<PeriodType, number>>)[p.type] ??
                  DEFAULT_DEADLINE_DAYS_AFTER_CUTOFF);
            expect(p.dueDate).toBe(addDays(p.cutoffEnd, days));
            expect(p.dueAt).toBe(endOfVietnamDay(p.dueDate));
            expect(compareIsoDates(p.cutoffStart, p.cutoffEnd)).toBeLessThan(0);
            expect(isIsoDate(p.dueDate)).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the calendar is sorted by cut-off end, then type", () => {
    fc.assert(
      fc.property(yearArb, (year) => {
        const cal = reportingCalendar(year);
        expect(cal).toHaveLength(19);
        for (let i = 1; i < cal.length; i++) {
          const a = cal[i - 1] as ReportingPeriod;
          const b = cal[i] as ReportingPeriod;
          const order = compareIsoDates(a.cutoffEnd, b.cutoffEnd);
          expect(
            order < 0 || (order === 0 && PERIOD_TYPES.indexOf(a.type) < PERIOD_TYPES.indexOf(b.type)),
          ).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("every in-range date is in exactly one month, one quarter and one year", () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const found = periodsContaining(date);
        for (const p of found) expect(p.cutoffStart <= date && date <= p.cutoffEnd).toBe(true);
        if (date >= "1999-12-15" && date <= "2100-12-14") {
          const count = (type: PeriodType) => found.filter((p) => p.type === type).length;
          expect(count("month")).toBe(1);
          expect(count("quarter")).toBe(1);
          expect(count("year")).toBe(1);
          const year = found.find((p) => p.type === "year")?.year;
          expect(year).toBe(
            date.slice(5) >= "12-15" ? Number(date.slice(0, 4)) + 1 : Number(date.slice(0, 4)),
          );
        } else {
          expect(found).toEqual([]);
        }
      }),
    );
  });
});
