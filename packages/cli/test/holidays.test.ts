import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expectOneLineError, runCchc } from "./helpers.js";

const cwd = tmpdir();

interface HolidaysJson {
  year: number;
  timeZone: string;
  lunarNewYear: string;
  workingDayCount: number;
  days: Array<{
    date: string;
    weekday: { vi: string; en: string };
    kind: string;
    working: boolean;
    code?: string;
    name: { vi: string; en: string };
    basis?: { vi: string; en: string };
    source?: string;
    moved?: { from: string; to: string; reason: { vi: string; en: string } };
  }>;
}

async function holidaysJson(dir: string, ...args: string[]): Promise<HolidaysJson> {
  const r = await runCchc(["holidays", ...args, "--json"], dir);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as HolidaysJson;
}

describe("cchc holidays", () => {
  it("2026 --json: Tết 17/02, Hùng Kings 26/04 with Monday in lieu, 2/9 and its adjacent day", async () => {
    const out = await holidaysJson(cwd, "2026");
    expect(Object.keys(out)).toEqual(["year", "timeZone", "lunarNewYear", "workingDayCount", "days"]);
    expect(out).toMatchObject({ year: 2026, timeZone: "Asia/Ho_Chi_Minh", lunarNewYear: "2026-02-17" });
    const byDate = new Map(out.days.map((d) => [d.date, d]));
    expect(byDate.get("2026-02-17")).toMatchObject({ kind: "holiday", code: "tet", working: false });
    expect(byDate.get("2026-04-26")).toMatchObject({ code: "hung-kings", weekday: { vi: "Chủ nhật" } });
    expect(byDate.get("2026-04-27")).toMatchObject({
      kind: "compensatory",
      basis: { vi: "Bộ luật Lao động 2019, khoản 3 Điều 111" },
      moved: { from: "2026-04-26", to: "2026-04-27", reason: { vi: "26/04/2026 là Chủ nhật → 27/04/2026" } },
    });
    expect(out.days.filter((d) => d.code === "national-day").map((d) => d.date)).toEqual([
      "2026-09-02",
      "2026-09-03",
    ]);
    // 261 weekdays in 2026, 11 of them holidays or days in lieu.
    expect(out.workingDayCount).toBe(250);
  });

  it("prints a table, Vietnamese first, with the moved date under the day in lieu", async () => {
    const r = await runCchc(["holidays", "2018"], cwd);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Ngày nghỉ lễ, tết năm 2018 (Asia/Ho_Chi_Minh; Bộ luật Lao động 2012)");
    expect(lines[1]).toBe("Public holidays 2018 (Asia/Ho_Chi_Minh; Labour Code 2012)");
    expect(lines[3]).toMatch(/^Ngày +Thứ +Loại +Tên +Căn cứ$/);
    expect(
      lines.some((l) => /^16\/02\/2018 +thứ Sáu +nghỉ lễ, tết +Tết Nguyên đán \(mùng 1 Tết\)/.test(l)),
    ).toBe(true);
    const inLieu = lines.findIndex((l) => l.startsWith("20/02/2018"));
    expect(lines[inLieu]).toContain("nghỉ bù");
    expect(lines[inLieu + 1]?.trim()).toBe("17/02/2018 là thứ Bảy → 20/02/2018");
    expect(lines[inLieu + 2]?.trim()).toBe("17/02/2018 is a Saturday → 20/02/2018");
    expect(r.stdout).toContain("Tết Nguyên đán (mùng 1): 16/02/2018");
    expect(r.stdout).toContain("--holidays <tệp>");
  });

  it("--holidays adds the agency's schedule: a day off, a make-up Saturday with its notice", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cchc-holidays-"));
    try {
      await writeFile(
        join(dir, "2026.json"),
        JSON.stringify([
          { date: "2026-02-13", kind: "off", name: "Nghỉ Tết (hoán đổi)" },
          {
            date: "2026-02-28",
            kind: "working",
            name: "Làm bù cho ngày 13/02/2026",
            source: "Thông báo (ví dụ)",
          },
        ]),
      );
      const out = await holidaysJson(dir, "2026", "--holidays", "2026.json");
      const byDate = new Map(out.days.map((d) => [d.date, d]));
      expect(byDate.get("2026-02-13")).toMatchObject({ kind: "agency-off", working: false });
      expect(byDate.get("2026-02-28")).toMatchObject({
        kind: "agency-working",
        working: true,
        source: "Thông báo (ví dụ)",
      });
      // One weekday off, one Saturday worked: the count is unchanged.
      expect(out.workingDayCount).toBe(250);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  for (const args of [
    ["1999"],
    ["2101"],
    ["x"],
    [],
    ["2026", "2027"],
    ["2026", "--holidays"],
    ["2026", "--weekly"],
  ]) {
    it(`bad input ${JSON.stringify(args)}: exit 2, one line`, async () => {
      const line = expectOneLineError(await runCchc(["holidays", ...args], cwd));
      expect(line).toContain("cchc holidays --help");
    });
  }

  it("--help documents the JSON shape", async () => {
    const r = await runCchc(["holidays", "--help"], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"workingDayCount"');
    expect(r.stdout).toContain("Điều 112");
  });
});
