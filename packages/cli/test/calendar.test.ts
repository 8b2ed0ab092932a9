import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { expectOneLineError, runCchc } from "./helpers.js";

const cwd = tmpdir();

interface CalendarJson {
  year: number;
  timeZone: string;
  deadlineDaysAfterCutoff: number;
  periods: Array<{
    id: string;
    type: string;
    label: { vi: string; en: string };
    cutoffStart: string;
    cutoffEnd: string;
    dueDate: string;
    dueAt: string;
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
    expect(Object.keys(out)).toEqual(["year", "timeZone", "deadlineDaysAfterCutoff", "periods"]);
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
    expect(lines.at(-1)).toMatch(/^2018 +Năm 2018 +2017-12-15 +2018-12-14 +2018-12-19 +Year 2018$/);
    expect(lines).toHaveLength(11);
    // columns line up: every date column starts at the same offset
    const at = lines[6]?.indexOf("2017-12-15");
    expect(lines.at(-1)?.indexOf("2017-12-15")).toBe(at);
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
