import { Lunar, Solar } from "lunar-javascript";
import { describe, expect, it } from "vitest";
import {
  calendarRegime,
  computeReminders,
  HolidayFileSchema,
  lunarDateOf,
  lunarNewYear,
  lunarToIsoDate,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  nextIsoDate,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  planCalendar,
  reportingCalendar,
  reportingPeriod,
  safeReportingCalendar,
  scorePlan,
  statutoryHolidays,
  validatePlan,
  weekdayOf,
  workingCalendar,
} from "../src/index.js";
import { addDays } from "../src/vietnamTime.js";
import { sampleYear, U, YEAR_END } from "./fixtures/sample-year.js";
import { allFindings, issuedSample, sample } from "./support.js";

const YEARS = Array.from(
  { length: MAX_CALENDAR_YEAR - MIN_CALENDAR_YEAR + 1 },
  (_, i) => MIN_CALENDAR_YEAR + i,
);

function datesOf(year: number, code?: string): string[] {
  return statutoryHolidays(year)
    .filter((h) => code === undefined || h.code === code)
    .map((h) => h.date);
}

describe("lunar calendar (UTC+7)", () => {
  it("gives the published dates of Tết and of the Hùng Kings' day", () => {
    expect(lunarNewYear(2018)).toBe("2018-02-16");
    expect(lunarNewYear(2026)).toBe("2026-02-17");
    expect(lunarNewYear(2027)).toBe("2027-02-06");
    const hung = (year: number) => lunarToIsoDate({ day: 10, month: 3, year, leap: false });
    expect(hung(2018)).toBe("2018-04-25");
    expect(hung(2026)).toBe("2026-04-26");
    expect(hung(2027)).toBe("2027-04-16");
  });

  it("agrees with the Chinese calendar (lunar-javascript, UTC+8) on Tết 2000–2100, except where the new moon falls between 16:00 and 17:00 UTC", () => {
    const differing: string[] = [];
    for (const year of YEARS) {
      const ours = lunarNewYear(year);
      const solar = Lunar.fromYmd(year, 1, 1).getSolar();
      const chinese = solar.toYmd();
      if (ours === chinese) continue;
      differing.push(`${year}: ${ours} / ${chinese}`);
      // UTC+7 is one hour behind UTC+8: a new moon in that hour starts the month one day earlier in
      // Vietnam, never later, never a month apart.
      expect(addDays(ours, 1), `${year}`).toBe(chinese);
      // And in China that day is the last day of the old lunar year, as it is in Vietnam's eyes a new one.
      const inChina = Solar.fromYmd(
        Number(ours.slice(0, 4)),
        Number(ours.slice(5, 7)),
        Number(ours.slice(8, 10)),
      ).getLunar();
      expect(inChina.getDay()).toBeGreaterThanOrEqual(29);
    }
    // The well-known cases: Tết 2007 (17/02 in Vietnam, 18/02 in China) and 2030 (02/02 / 03/02).
    expect(differing).toContain("2007: 2007-02-17 / 2007-02-18");
    expect(differing).toContain("2030: 2030-02-02 / 2030-02-03");
    expect(differing.length).toBeLessThan(10);
  });

  it("counts every day of 2000–2100: lunar days run 1, 2, … and restart at 1 after day 29 or 30", () => {
    let previous = lunarDateOf("1999-12-31");
    for (let d = "2000-01-01"; d <= "2100-12-31"; d = addDays(d, 1)) {
      const l = lunarDateOf(d);
      if (l.day === 1) {
        expect(previous.day, d).toBeGreaterThanOrEqual(29);
      } else {
        expect(l.day, d).toBe(previous.day + 1);
        expect(l.month).toBe(previous.month);
      }
      if (l.day === 1 && l.month === 1 && !l.leap) expect(d).toBe(lunarNewYear(Number(d.slice(0, 4))));
      previous = l;
    }
  });

  it("round-trips lunar dates and knows which leap months exist", () => {
    for (const year of [2001, 2004, 2017, 2020, 2023, 2025, 2028]) {
      for (const month of [1, 3, 6, 9, 12]) {
        const iso = lunarToIsoDate({ day: 15, month, year, leap: false }) as string;
        expect(lunarDateOf(iso)).toEqual({ day: 15, month, year, leap: false });
      }
    }
    // 2023 had a leap 2nd month (nhuận tháng 2); 2025 a leap 6th month.
    expect(lunarToIsoDate({ day: 1, month: 2, year: 2023, leap: true })).toBe("2023-03-22");
    expect(lunarToIsoDate({ day: 1, month: 6, year: 2025, leap: true })).toBe("2025-07-25");
    expect(lunarToIsoDate({ day: 1, month: 3, year: 2023, leap: true })).toBeUndefined();
    expect(lunarToIsoDate({ day: 1, month: 3, year: 2026, leap: true })).toBeUndefined();
  });
});

describe("date arithmetic of the working calendar", () => {
  it("nextIsoDate and weekdayOf agree with Date on every day of 1999–2101", () => {
    for (let ms = Date.UTC(1999, 0, 1); ms < Date.UTC(2102, 0, 1); ms += 86_400_000) {
      const d = new Date(ms);
      const iso = d.toISOString().slice(0, 10);
      expect(weekdayOf(iso)).toBe(d.getUTCDay());
      expect(nextIsoDate(iso)).toBe(new Date(ms + 86_400_000).toISOString().slice(0, 10));
    }
  });
});

describe("statutory holidays", () => {
  it("2026 under the Labour Code 2019: 1/1, Tết 5 days, Hùng Kings, 30/4, 1/5, 2/9 with its adjacent day, and days in lieu", () => {
    const days = statutoryHolidays(2026);
    expect(datesOf(2026, "new-year")).toEqual(["2026-01-01"]);
    // 29 Tết (the last day of the lunar year) and mùng 1–4.
    expect(datesOf(2026, "tet")).toEqual([
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
    ]);
    expect(datesOf(2026, "hung-kings")).toEqual(["2026-04-26"]);
    expect(datesOf(2026, "national-day")).toEqual(["2026-09-02", "2026-09-03"]);
    // Hùng Kings' day 2026 is a Sunday: Monday 27/4 in lieu (art. 111(3)).
    const inLieu = days.filter((h) => h.code === "compensatory");
    expect(inLieu.map((h) => [h.date, h.compensates?.date])).toEqual([["2026-04-27", "2026-04-26"]]);
    expect(inLieu[0]?.basis.vi).toBe("Bộ luật Lao động 2019, khoản 3 Điều 111");
    expect(days.every((h) => h.name.vi !== "" && h.name.en !== "" && h.basis.vi.startsWith("Bộ luật"))).toBe(
      true,
    );
  });

  it("follows the code in force: no Hùng Kings before 2007, Tết 4 days before May 2013, one day for 2/9 before 2021", () => {
    expect(datesOf(2006, "hung-kings")).toEqual([]);
    expect(datesOf(2007, "hung-kings")).toEqual(["2007-04-26"]);
    expect(datesOf(2012, "tet")).toHaveLength(4);
    expect(datesOf(2013, "tet")).toHaveLength(4); // Tết 2013 (10/02) came before the 2012 code (1/5/2013)
    expect(datesOf(2014, "tet")).toHaveLength(5);
    expect(datesOf(2020, "national-day")).toEqual(["2020-09-02"]);
    expect(datesOf(2021, "national-day")).toEqual(["2021-09-02", "2021-09-03"]);
    expect(statutoryHolidays(2012).find((h) => h.code === "tet")?.basis.vi).toContain("1994");
    expect(statutoryHolidays(2014).find((h) => h.code === "tet")?.basis.vi).toBe(
      "Bộ luật Lao động 2012, Điều 115",
    );
  });

  it("joins 2/9 to the weekend as the published schedules of 2021–2025 did, and gives weekend holidays back", () => {
    // Published: 2021 2–3/9; 2022 1–2/9; 2023 1–2/9 and Monday 4/9 in lieu; 2024 2–3/9; 2025 1–2/9.
    expect(datesOf(2021, "national-day")).toEqual(["2021-09-02", "2021-09-03"]);
    expect(datesOf(2022, "national-day")).toEqual(["2022-09-01", "2022-09-02"]);
    expect(datesOf(2023, "national-day")).toEqual(["2023-09-01", "2023-09-02"]);
    expect(datesOf(2023, "compensatory")).toContain("2023-09-04");
    expect(datesOf(2024, "national-day")).toEqual(["2024-09-02", "2024-09-03"]);
    expect(datesOf(2025, "national-day")).toEqual(["2025-09-01", "2025-09-02"]);
    // 2022: 30/4 Saturday, 1/5 Sunday → Monday 2/5 and Tuesday 3/5 (as published).
    expect(datesOf(2022, "compensatory")).toEqual(expect.arrayContaining(["2022-05-02", "2022-05-03"]));
  });

  it("never puts two holidays on one date and never lets a day in lieu fall on a weekend or a holiday, 2000–2100", () => {
    for (const year of YEARS) {
      const days = statutoryHolidays(year);
      const dates = days.map((h) => h.date);
      expect(new Set(dates).size, `${year}`).toBe(dates.length);
      expect(dates.every((d) => d.startsWith(`${year}-`))).toBe(true);
      for (const h of days.filter((d) => d.code === "compensatory")) {
        const w = new Date(`${h.date}T00:00:00Z`).getUTCDay();
        expect(w === 0 || w === 6, h.date).toBe(false);
      }
    }
  });
});

describe("working days and an agency's schedule", () => {
  // As an agency writes the 2026 schedule into a file: Tết from 14/02 to 22/02, with Saturday 28/02
  // worked in exchange for Monday 23/02... (an example, not the published one).
  const file = HolidayFileSchema.parse({
    holidays: [
      { date: "2026-02-23", kind: "off", name: "Nghỉ hoán đổi Tết" },
      {
        date: "2026-02-28",
        kind: "working",
        name: "Làm bù cho ngày 23/02/2026",
        source: "Thông báo (ví dụ)",
      },
    ],
  });

  it("counts a make-up Saturday from the agency's file as a working day", () => {
    const plain = workingCalendar();
    const agency = workingCalendar(file.holidays);
    expect(plain.isWorkingDay("2026-02-28")).toBe(false);
    expect(agency.isWorkingDay("2026-02-28")).toBe(true);
    expect(agency.day("2026-02-28")).toMatchObject({ kind: "agency-working", working: true });
    expect(agency.isWorkingDay("2026-02-23")).toBe(false);
    // From Friday 20/02 (Tết): the 1st working day is 24/02 for the agency (23/02 off), then Wed 25 …
    expect(plain.addWorkingDays("2026-02-20", 1)).toBe("2026-02-23");
    expect(agency.addWorkingDays("2026-02-20", 1)).toBe("2026-02-24");
    // … and Saturday 28/02 is the 5th (24, 25, 26, 27, 28).
    expect(agency.addWorkingDays("2026-02-20", 5)).toBe("2026-02-28");
    expect(plain.addWorkingDays("2026-02-20", 5)).toBe("2026-02-27");
  });

  it("never hangs or throws on a schedule without working days: the date is kept", () => {
    const everyDayOff = Array.from({ length: 500 }, (_, i) => ({
      date: addDays("2026-01-01", i),
      kind: "off" as const,
    }));
    const cal = workingCalendar(everyDayOff);
    expect(cal.nextWorkingDay("2026-03-02")).toBe("2026-03-02");
    const periods = reportingCalendar(2026, { deadlineWorkingDaysAfterCutoff: 5, holidays: everyDayOff });
    expect(periods).toHaveLength(19);
    expect(reportingCalendar(2026, { dueOnDayOff: "next-working-day", holidays: everyDayOff })).toHaveLength(
      19,
    );
    expect(HolidayFileSchema.safeParse(Array.from({ length: 3661 }, () => everyDayOff[0])).success).toBe(
      false,
    );
  });

  it("accepts a bare array as a file, and lists the special days of a year", () => {
    expect(HolidayFileSchema.parse([{ date: "2026-01-02", kind: "off" }])).toEqual({
      holidays: [{ date: "2026-01-02", kind: "off" }],
    });
    const special = workingCalendar(file.holidays).specialDays(2026);
    expect(special.map((d) => d.date)).toContain("2026-02-28");
    expect(special.map((d) => d.date)).toContain("2026-02-17");
    expect(special.every((d) => d.kind !== "working" && d.kind !== "weekend")).toBe(true);
  });
});

describe("the reporting calendar with working days", () => {
  it("moves the February 2018 report (due on mùng 4 Tết) past Tết", () => {
    const plain = reportingPeriod("2018M02");
    expect(plain?.dueDate).toBe("2018-02-19"); // mùng 4 Tết: the complaint
    const moved = reportingPeriod("2018M02", { dueOnDayOff: "next-working-day" });
    expect(moved?.dueDate).toBe("2018-02-22");
    expect(moved?.dueDateMove?.from).toBe("2018-02-19");
    expect(moved?.dueDateMove?.reason.vi).toBe(
      "19/02/2018 là thứ Hai, ngày nghỉ Tết Nguyên đán (mùng 4 Tết) → 22/02/2018",
    );
    const working = reportingPeriod("2018M02", { deadlineWorkingDaysAfterCutoff: 5 });
    // 15/02–21/02 off (Tết and its days in lieu): 22, 23, 26, 27, 28.
    expect(working?.dueDate).toBe("2018-02-28");
    expect(working?.dueAt).toBe("2018-02-28T16:59:59.999Z");
    expect(working?.dueDateMove?.reason.vi).toBe(
      "5 ngày làm việc sau 14/02/2018, không tính 9 ngày nghỉ (thứ Bảy, Chủ nhật: 2; nghỉ lễ, tết, nghỉ bù: 15/02, 16/02, 17/02, 18/02, 19/02, 20/02, 21/02) → 28/02/2018",
    );
    expect(reportingPeriod("2018M03", { deadlineWorkingDaysAfterCutoff: 5 })?.dueDateMove?.reason).toEqual({
      vi: "5 ngày làm việc sau 14/03/2018, không tính 2 ngày thứ Bảy, Chủ nhật → 21/03/2018",
      en: "5 working days after 14/03/2018, not counting 2 Saturdays and Sundays → 21/03/2018",
    });
  });

  it("says why 19/12/2026 moved, in the issue's words", () => {
    const [year] = reportingCalendar(2026, { periodTypes: ["year"], dueOnDayOff: "next-working-day" });
    expect(year?.dueDate).toBe("2026-12-21");
    expect(year?.dueDateMove).toEqual({
      from: "2026-12-19",
      to: "2026-12-21",
      reason: { vi: "19/12/2026 là thứ Bảy → 21/12/2026", en: "19/12/2026 is a Saturday → 21/12/2026" },
    });
    // Without the setting, the same period is what it always was: no new key.
    const [keep] = reportingCalendar(2026, { periodTypes: ["year"] });
    expect(keep).not.toHaveProperty("dueDateMove");
    expect(keep?.dueDate).toBe("2026-12-19");
  });

  it("puts every due date of 2000–2100 on a working day, with working days or with the move setting", () => {
    const cal = workingCalendar();
    for (const year of YEARS) {
      for (const n of [0, 1, 5, 10]) {
        for (const p of reportingCalendar(year, { deadlineWorkingDaysAfterCutoff: n })) {
          expect(cal.isWorkingDay(p.dueDate), `${p.id} +${n}`).toBe(true);
          expect(p.dueDate >= p.cutoffEnd).toBe(true);
        }
      }
      for (const p of reportingCalendar(year, { dueOnDayOff: "next-working-day" })) {
        expect(cal.isWorkingDay(p.dueDate), p.id).toBe(true);
      }
    }
  });

  it("reports both deadline kinds for one type, and bad settings, as data", () => {
    const both = safeReportingCalendar(2026, {
      deadlineDaysAfterCutoff: 5,
      deadlineWorkingDaysAfterCutoff: { year: 10 },
    });
    expect(both).toMatchObject({ ok: false, error: { code: "calendar.deadline-kinds-conflict" } });
    // Different types may use different kinds.
    const mixed = safeReportingCalendar(2026, {
      periodTypes: ["quarter", "year"],
      deadlineDaysAfterCutoff: { quarter: 5 },
      deadlineWorkingDaysAfterCutoff: { year: 10 },
    });
    expect(mixed.ok).toBe(true);
    for (const [option, value] of [
      ["dueOnDayOff", "monday"],
      ["cutoffRegime", "decree-2018"],
      ["holidays", [{ date: "2026-02-30", kind: "off" }]],
      ["holidays", "2026-02-17"],
    ] as const) {
      const r = safeReportingCalendar(2026, { [option]: value } as never);
      expect(r, option).toMatchObject({ ok: false, error: { code: "calendar.option-invalid" } });
      if (!r.ok) expect(r.error.message.vi).toContain(option);
    }
    expect(safeReportingCalendar(2026, { deadlineWorkingDaysAfterCutoff: -1 })).toMatchObject({
      ok: false,
      error: { code: "calendar.deadline-days-invalid" },
    });
  });
});

describe("Decree 09 periods and regimes", () => {
  it("has the second half of the year, 15/6 → 14/12, outside the default schedule", () => {
    expect(reportingPeriod("2026S2", { periodTypes: ["second-half"] })).toMatchObject({
      id: "2026S2",
      type: "second-half",
      label: { vi: "6 tháng cuối năm 2026", en: "Second half of 2026" },
      cutoffStart: "2026-06-15",
      cutoffEnd: "2026-12-14",
      dueDate: "2026-12-19",
    });
    expect(reportingCalendar(2026).some((p) => p.type === "second-half")).toBe(false);
    expect(
      reportingCalendar(2026, { periodTypes: ["half-year", "second-half", "year"] }).map((p) => p.id),
    ).toEqual(["2026S1", "2026S2", "2026"]);
  });

  it("says which regime cuts the windows before Decree 09 took effect, and cuts calendar months on request", () => {
    expect(calendarRegime(2018)).toMatchObject({ regime: "decree-09-2019", decree09InForce: "no" });
    expect(calendarRegime(2018).note.vi).toContain("12/03/2019");
    expect(calendarRegime(2019).decree09InForce).toBe("partly");
    expect(calendarRegime(2026).decree09InForce).toBe("yes");
    expect(calendarRegime(2018, "calendar-month").note.vi).toContain("tháng dương lịch");
    const q1 = reportingPeriod("2018Q1", { cutoffRegime: "calendar-month" });
    expect(q1).toMatchObject({ cutoffStart: "2018-01-01", cutoffEnd: "2018-03-31", dueDate: "2018-04-05" });
    expect(reportingPeriod("2020M02", { cutoffRegime: "calendar-month" })?.cutoffEnd).toBe("2020-02-29");
  });
});

describe("plans: settings, rules, and every consumer on the resulting date", () => {
  const withReporting = (change: (r: NonNullable<Plan["reporting"]>) => void): Plan => {
    const p = issuedSample();
    if (p.reporting === undefined) throw new Error("the sample has a reporting schedule");
    change(p.reporting);
    return p;
  };

  it("leaves the 2018 sample's calendar and findings as they were", () => {
    const plan = sample();
    expect(planCalendar(plan)).toEqual(
      reportingCalendar(2018, { periodTypes: ["quarter", "half-year", "year"] }),
    );
    expect(planCalendar(plan).some((p) => "dueDateMove" in p)).toBe(false);
    const codes = allFindings(plan).map((f) => f.code);
    expect(
      codes.filter((c) => c.startsWith("reporting-deadline") || c.startsWith("reporting-holiday")),
    ).toEqual([]);
    expect(validatePlan(issuedSample()).errors).toEqual([]);
  });

  it("validates the settings: working days, move, regime and a schedule", () => {
    const plan = withReporting((r) => {
      r.deadlineWorkingDaysAfterCutoff = 5;
      r.dueOnDayOff = "next-working-day";
      r.cutoffRegime = "calendar-month";
      r.holidays = [{ date: "2018-02-14", kind: "off", name: "Nghỉ Tết" }];
    });
    const result = validatePlan(JSON.parse(JSON.stringify(plan)));
    expect(result.errors).toEqual([]);
    expect(result.plan?.reporting?.deadlineWorkingDaysAfterCutoff).toBe(5);
  });

  it("reports both deadline kinds, a repeated date, a date far from the plan year and bad entries", () => {
    const plan = withReporting((r) => {
      r.deadlineDaysAfterCutoff = 5;
      r.deadlineWorkingDaysAfterCutoff = { year: 10 };
      r.holidays = [
        { date: "2018-02-14", kind: "off" },
        { date: "2018-02-14", kind: "working" },
        { date: "2025-01-02", kind: "off" },
      ];
    });
    const findings = allFindings(plan);
    expect(findings.find((f) => f.code === "reporting-deadline-kinds-conflict")).toMatchObject({
      severity: "error",
      path: ["reporting", "deadlineWorkingDaysAfterCutoff"],
    });
    expect(findings.find((f) => f.code === "reporting-holiday-duplicate")).toMatchObject({
      severity: "error",
      path: ["reporting", "holidays", 1, "date"],
      message: { vi: expect.stringContaining("14/02/2018") },
    });
    expect(findings.find((f) => f.code === "reporting-holiday-outside-year")).toMatchObject({
      severity: "warning",
      path: ["reporting", "holidays", 2, "date"],
    });
    // The calendar still computes (the working days win), so nothing downstream crashes.
    expect(planCalendar(plan).find((p) => p.id === "2018")?.dueDate).toBe("2018-12-28");

    const bad = JSON.parse(JSON.stringify(issuedSample()));
    bad.reporting.holidays = [
      { date: "2018-02-30", kind: "off" },
      { date: "2018-03-03", kind: "make-up" },
    ];
    bad.reporting.dueOnDayOff = "monday";
    const shape = validatePlan(bad).errors.map((f) => [f.code, f.path.join(".")]);
    expect(shape).toEqual(
      expect.arrayContaining([
        ["shape.invalid_format", "reporting.holidays.0.date"],
        ["shape.invalid_value", "reporting.holidays.1.kind"],
        ["shape.invalid_value", "reporting.dueOnDayOff"],
      ]),
    );
  });

  it("scores on-time reports against the moved due date", () => {
    // With 4 days, Q1 2018 is due on Sunday 18/03; Cục Bưu điện Trung ương sent it on Monday 19/03.
    const onTime = (dueOnDayOff: "keep" | "next-working-day") => {
      const y = sampleYear();
      y.plan.reporting = {
        ...(y.plan.reporting as NonNullable<Plan["reporting"]>),
        deadlineDaysAfterCutoff: 4,
        dueOnDayOff,
      };
      const sheet = scorePlan(y, {
        scheme: PAR_COMMUNICATION_PRESET,
        manualScores: y.manualScores,
        asOf: YEAR_END,
      });
      return sheet.units.find((u) => u.unitId === U.bdtw)?.metrics["on-time-reporting-rate"];
    };
    expect(onTime("keep")).toMatchObject({ numerator: 3, denominator: 6 });
    expect(onTime("next-working-day")).toMatchObject({ numerator: 4, denominator: 6 });
  });

  it("reminds about the moved due date", () => {
    const plan = withReporting((r) => {
      r.deadlineDaysAfterCutoff = 4;
      r.dueOnDayOff = "next-working-day";
    });
    const result = computeReminders(plan, [], { now: "2018-03-19T08:00:00+07:00" });
    const all = [...result.due, ...result.upcoming];
    expect(result.due.filter((r) => r.dueDate === "2018-03-19").length).toBeGreaterThan(0);
    expect(all.some((r) => r.dueDate === "2018-03-18")).toBe(false);
  });
});
