import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workingCalendar } from "@cchc/core";
import { describe, expect, it } from "vitest";
import { expectOneLineError, runCchc } from "./helpers.js";

const cwd = tmpdir();

interface CalendarJson {
  year: number;
  timeZone: string;
  deadlineDaysAfterCutoff: number | null;
  deadlineWorkingDaysAfterCutoff?: number;
  dueOnDayOff: string;
  regime: { code: string; decree09InForce: string; note: { vi: string; en: string } };
  periods: Array<{
    id: string;
    type: string;
    label: { vi: string; en: string };
    cutoffStart: string;
    cutoffEnd: string;
    dueDate: string;
    dueAt: string;
    dueDateMove?: { from: string; to: string; reason: { vi: string; en: string } };
  }>;
}

async function calendarJson(...args: string[]): Promise<CalendarJson> {
  const r = await runCchc(["calendar", ...args, "--json"], cwd);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as CalendarJson;
}

describe("cchc calendar --json", () => {
  it("2018: the Decree 09/2019 cut-off windows and the default 5-day deadline", async () => {
    const out = await calendarJson("2018");
    expect(Object.keys(out)).toEqual([
      "year",
      "timeZone",
      "deadlineDaysAfterCutoff",
      "dueOnDayOff",
      "regime",
      "periods",
    ]);
    // 2018 predates Decree 09/2019 (in force 12/03/2019): the calendar says it still applies it.
    expect(out.regime).toMatchObject({ code: "decree-09-2019", decree09InForce: "no" });
    expect(out.regime.note.vi).toContain("12/03/2019");
    expect(out.dueOnDayOff).toBe("keep");
    expect(out).toMatchObject({ year: 2018, timeZone: "Asia/Ho_Chi_Minh", deadlineDaysAfterCutoff: 5 });
    const byId = new Map(out.periods.map((p) => [p.id, p]));
    expect(byId.get("2018Q1")).toEqual({
      id: "2018Q1",
      type: "quarter",
      label: { vi: "Quý I năm 2018", en: "Q1 2018" },
      cutoffStart: "2017-12-15",
      cutoffEnd: "2018-03-14",
      dueDate: "2018-03-19",
      dueAt: "2018-03-19T16:59:59.999Z",
    });
    expect(byId.get("2018S1")).toMatchObject({ cutoffStart: "2017-12-15", cutoffEnd: "2018-06-14" });
    expect(byId.get("2018N9")).toMatchObject({ cutoffStart: "2017-12-15", cutoffEnd: "2018-09-14" });
    expect(byId.get("2018")).toMatchObject({
      type: "year",
      cutoffStart: "2017-12-15",
      cutoffEnd: "2018-12-14",
      dueDate: "2018-12-19",
    });
    // every type by default: 12 months, 4 quarters, 6-month, 9-month, year
    expect(out.periods).toHaveLength(19);
    for (const p of out.periods) {
      expect(Object.keys(p)).toEqual(["id", "type", "label", "cutoffStart", "cutoffEnd", "dueDate", "dueAt"]);
    }
  });

  it("--types keeps only those period types, sorted by cut-off end", async () => {
    const out = await calendarJson("2018", "--types", "quarter,half-year,year");
    expect(out.periods.map((p) => p.id)).toEqual(["2018Q1", "2018Q2", "2018S1", "2018Q3", "2018Q4", "2018"]);
    const spaced = await calendarJson("2018", "--types= year , nine-month,");
    expect(spaced.periods.map((p) => p.id)).toEqual(["2018N9", "2018"]);
  });

  it("--deadline-days moves the due date and is echoed", async () => {
    const out = await calendarJson("2018", "--deadline-days", "10", "--types", "year");
    expect(out.deadlineDaysAfterCutoff).toBe(10);
    expect(out.periods).toEqual([expect.objectContaining({ id: "2018", dueDate: "2018-12-24" })]);
    const zero = await calendarJson("2018", "--deadline-days=0", "--types", "quarter");
    expect(zero.periods[0]?.dueDate).toBe("2018-03-14");
  });

  it("accepts the range ends 2000 and 2100", async () => {
    expect((await calendarJson("2000", "--types", "year")).periods[0]?.cutoffStart).toBe("1999-12-15");
    expect((await calendarJson("2100", "--types", "year")).periods[0]?.cutoffEnd).toBe("2100-12-14");
  });
});

describe("cchc calendar (table)", () => {
  it("prints a table with Vietnamese headers, English below", async () => {
    const r = await runCchc(["calendar", "2018", "--types", "quarter,year"], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toContain("Lịch báo cáo năm 2018");
    expect(lines[1]).toContain("Reporting calendar 2018");
    expect(lines[3]).toMatch(/^Mã +Kỳ báo cáo +Chốt số liệu từ +Chốt số liệu đến +Hạn nộp/);
    expect(lines[4]).toMatch(/^ID +Period +Cut-off start +Cut-off end +Due date/);
    expect(lines[5]).toMatch(/^-+$/);
    expect(lines[6]).toMatch(/^2018Q1 +Quý I năm 2018 +2017-12-15 +2018-03-14 +2018-03-19 +Q1 2018$/);
    expect(lines[10]).toMatch(/^2018 +Năm 2018 +2017-12-15 +2018-12-14 +2018-12-19 +Year 2018$/);
    // 2018 predates Decree 09/2019: the regime applied is said below the table.
    expect(lines.slice(11)).toEqual([
      "",
      expect.stringMatching(
        /^Chế độ: Năm 2018 trước khi Nghị định 09\/2019\/NĐ-CP có hiệu lực \(12\/03\/2019\)/,
      ),
      expect.stringMatching(/^Regime: 2018 is before Decree 09\/2019\/NĐ-CP took effect/),
    ]);
    // columns line up: every date column starts at the same offset
    const at = lines[6]?.indexOf("2017-12-15");
    expect(lines[10]?.indexOf("2017-12-15")).toBe(at);
    // From 2020 on, Decree 09 is in force and nothing is added.
    const later = await runCchc(["calendar", "2026", "--types", "year"], cwd);
    expect(later.stdout.trimEnd().split("\n")).toHaveLength(7);
  });
});

describe("cchc calendar (bad input: exit 2, one line)", () => {
  const bad: string[][] = [
    ["1999"],
    ["2101"],
    ["20018"],
    ["abc"],
    ["2018.5"],
    ["2e3"],
    [""],
    [],
    ["2018", "2019"],
    ["2018", "--types", "quarterly"],
    ["2018", "--types", ","],
    ["2018", "--types"],
    ["2018", "--deadline-days", "366"],
    ["2018", "--deadline-days", "x"],
    ["2018", "--deadline-days", "1.5"],
    ["2018", "--deadline-days", "-1"],
    ["2018", "--deadline-days=-1"],
    ["2018", "--deadline"],
    ["2018", "--json=1"],
    ["2018", "--working-days", "366"],
    ["2018", "--working-days", "five"],
    ["2018", "--working-days", "5", "--deadline-days", "5"],
    ["2018", "--next-working-day=yes"],
    ["2018", "--regime", "decree-2018"],
  ];
  for (const args of bad) {
    it(JSON.stringify(args), async () => {
      const line = expectOneLineError(await runCchc(["calendar", ...args], cwd));
      expect(line).toContain("cchc calendar --help");
    });
  }

  it("says what is wrong with the year, in both languages", async () => {
    const line = expectOneLineError(await runCchc(["calendar", "1999"], cwd));
    expect(line).toContain("2000");
    expect(line).toContain("2100");
    expect(line).toMatch(/Năm báo cáo.*\/ The reporting year/);
  });

  it("names the unknown period type and the known ones", async () => {
    const line = expectOneLineError(await runCchc(["calendar", "2018", "--types", "quarter,weekly"], cwd));
    expect(line).toContain('"weekly"');
    expect(line).toContain("half-year");
  });
});

describe("cchc calendar: working days and days off", () => {
  it("--next-working-day moves 19/12/2026 (a Saturday) and says why, in the table and in JSON", async () => {
    const r = await runCchc(["calendar", "2026", "--types", "year", "--next-working-day"], cwd);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toContain("rơi vào ngày nghỉ thì dời sang ngày làm việc kế tiếp");
    expect(lines[6]).toMatch(/^2026 +Năm 2026 +2025-12-15 +2026-12-14 +2026-12-21 +Year 2026$/);
    expect(lines.slice(7)).toEqual([
      "",
      "Hạn nộp được dời / Due dates moved:",
      "  2026  19/12/2026 là thứ Bảy → 21/12/2026",
      "        19/12/2026 is a Saturday → 21/12/2026",
    ]);
    const out = await calendarJson("2026", "--types", "year", "--next-working-day");
    expect(out.dueOnDayOff).toBe("next-working-day");
    expect(out.periods[0]).toMatchObject({
      dueDate: "2026-12-21",
      dueAt: "2026-12-21T16:59:59.999Z",
      dueDateMove: {
        from: "2026-12-19",
        to: "2026-12-21",
        reason: { vi: "19/12/2026 là thứ Bảy → 21/12/2026" },
      },
    });
  });

  it("--working-days: every due date of every year 2000–2100 is a working day", async () => {
    const calendar = workingCalendar();
    for (let year = 2000; year <= 2100; year++) {
      const out = await calendarJson(
        String(year),
        "--working-days",
        "5",
        "--types",
        "month,quarter,half-year,nine-month,second-half,year",
      );
      expect(out.periods).toHaveLength(20);
      for (const p of out.periods)
        expect(calendar.isWorkingDay(p.dueDate), `${p.id} ${p.dueDate}`).toBe(true);
    }
  });

  it("--working-days counts working days: the February 2018 report is due after Tết", async () => {
    const out = await calendarJson("2018", "--types", "month", "--working-days", "5");
    expect(out.deadlineDaysAfterCutoff).toBeNull();
    expect(out.deadlineWorkingDaysAfterCutoff).toBe(5);
    const feb = out.periods.find((p) => p.id === "2018M02");
    expect(feb?.dueDate).toBe("2018-02-28");
    expect(feb?.dueDateMove?.reason.vi).toContain("nghỉ lễ, tết, nghỉ bù: 15/02, 16/02");
    // January: 14/01/2018 is a Sunday; 15–19 are Monday–Friday: nothing skipped, nothing moved.
    const jan = out.periods.find((p) => p.id === "2018M01");
    expect(jan?.dueDate).toBe("2018-01-19");
    expect(jan).not.toHaveProperty("dueDateMove");
  });

  it("--holidays: a make-up Saturday from the agency's file counts as a working day", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cchc-holidays-"));
    try {
      await writeFile(
        join(dir, "lich-nghi.json"),
        JSON.stringify({ holidays: [{ date: "2026-12-19", kind: "working", name: "Làm bù" }] }),
      );
      const out = await calendarJsonIn(
        dir,
        "2026",
        "--types",
        "year",
        "--next-working-day",
        "--holidays",
        "lich-nghi.json",
      );
      expect(out.periods[0]?.dueDate).toBe("2026-12-19");
      expect(out.periods[0]).not.toHaveProperty("dueDateMove");
      // The same file as YAML, with a bad entry: one line naming it.
      await writeFile(join(dir, "bad.yaml"), "holidays:\n  - date: 2026-02-30\n    kind: off\n");
      const line = expectOneLineError(await runCchc(["calendar", "2026", "--holidays", "bad.yaml"], dir));
      expect(line).toContain("bad.yaml");
      expect(line).toContain("holidays[0].date");
      const missing = expectOneLineError(await runCchc(["calendar", "2026", "--holidays", "nope.json"], dir));
      expect(missing).toContain("nope.json");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("--regime calendar-month cuts whole months, and second-half is a type", async () => {
    const out = await calendarJson("2018", "--types", "quarter,second-half", "--regime", "calendar-month");
    expect(out.regime.code).toBe("calendar-month");
    expect(out.periods.find((p) => p.id === "2018Q1")).toMatchObject({
      cutoffStart: "2018-01-01",
      cutoffEnd: "2018-03-31",
    });
    expect(out.periods.find((p) => p.id === "2018S2")).toMatchObject({
      label: { vi: "6 tháng cuối năm 2018", en: "Second half of 2018" },
      cutoffStart: "2018-07-01",
      cutoffEnd: "2018-12-31",
    });
    const decree = await calendarJson("2026", "--types", "second-half");
    expect(decree.periods[0]).toMatchObject({
      id: "2026S2",
      cutoffStart: "2026-06-15",
      cutoffEnd: "2026-12-14",
    });
  });
});

async function calendarJsonIn(dir: string, ...args: string[]): Promise<CalendarJson> {
  const r = await runCchc(["calendar", ...args, "--json"], dir);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CalendarJson;
}
