/**
 * The dashboard's pure parts with hand-computed expectations: reading numbers as typed in
 * Vietnam, the form checks, the reporting status rules (the scorer's), progress, the settings,
 * and the demo data (a valid plan whose every item passes the core's checks).
 */
import {
  checkActivity,
  checkRecord,
  checkReport,
  createTrackingContext,
  PAR_COMMUNICATION_PRESET,
  planCalendar,
  scorePlan,
  type UnitReport,
  validatePlan,
} from "@cchc/core";
import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DATA_DIR, loadConfig } from "../src/config.js";
import { demoActivities, demoPlan, demoRecords, demoReports } from "../src/demoData.js";
import { formatDateTime, formatVnd, lowerFirst, vietnamInstant } from "../src/format.js";
import { checkRecordForm, checkReportForm, parseNumberInput } from "../src/forms.js";
import { ProgressTally } from "../src/progress.js";
import { reportingStatus, unitReportingStatus } from "../src/reportingStatus.js";

const plan = demoPlan();
const activities = demoActivities();

describe("parseNumberInput", () => {
  it.each([
    ["12", false, 12],
    ["2,5", false, 2.5],
    ["2.5", false, 2.5],
    ["1.500.000", true, 1_500_000],
    ["1 500 000 đ", true, 1_500_000],
    ["2.500.000 VND", true, 2_500_000],
    ["1.500.000,5", true, 1_500_000.5],
    ["-3", false, -3],
    ["", false, undefined],
    ["   ", true, undefined],
    ["hai", false, null],
    ["1,2,3", false, null],
    ["12abc", true, null],
  ] as const)("%j (money %s) → %s", (raw, money, expected) => {
    expect(parseNumberInput(raw, money)).toBe(expected);
  });
});

describe("checkRecordForm", () => {
  const base = { unitId: "cuc-bao-chi", plan, activities, today: "2018-06-01", id: "r-1" };

  it("gives a valid record typed values as numbers", () => {
    const r = checkRecordForm({
      ...base,
      form: {
        activityId: "cuc-bao-chi.2",
        date: "2018-05-20",
        output: " 1 ",
        participants: "120",
        costVnd: "3.000.000",
        evidenceUrl: "https://example.org/a",
        note: "  Hội nghị  ",
      },
    });
    expect(r.errors).toEqual({});
    expect(r.value).toEqual({
      id: "r-1",
      activityId: "cuc-bao-chi.2",
      unitId: "cuc-bao-chi",
      date: "2018-05-20",
      output: 1,
      participants: 120,
      costVnd: 3_000_000,
      evidenceUrl: "https://example.org/a",
      note: "Hội nghị",
    });
  });

  it("judges every field at once: plan checks still run when another field is malformed", () => {
    const r = checkRecordForm({
      ...base,
      form: {
        activityId: "cuc-vien-thong.1",
        date: "2019-03-01",
        output: "abc",
        evidenceUrl: "www.example.org",
      },
    });
    expect(r.value).toBeUndefined();
    expect(Object.keys(r.errors).sort()).toEqual(["activityId", "date", "evidenceUrl", "output"]);
    expect(r.errors.date?.[0]?.vi).toBe("Ngày 2019-03-01 nằm ngoài năm kế hoạch 2018.");
    expect(r.errors.activityId?.[0]?.en).toBe(
      'Activity "cuc-vien-thong.1" belongs to "cuc-vien-thong", not "cuc-bao-chi".',
    );
    expect(r.errors.output?.[0]?.vi).toBe("Cần nhập một số, ví dụ 12 hoặc 1.500.000.");
    expect(r.values.evidenceUrl).toBe("www.example.org");
  });

  it("refuses a date after today even inside the plan year", () => {
    const r = checkRecordForm({
      ...base,
      form: { activityId: "cuc-bao-chi.2", date: "2018-06-02", output: "1" },
    });
    expect(r.errors.date?.[0]?.vi).toBe("Ngày thực hiện không được sau hôm nay (2018-06-01).");
  });

  it("refuses an unknown activity and a calendar date that does not exist", () => {
    const r = checkRecordForm({ ...base, form: { activityId: "khong-co", date: "2018-02-30", output: "1" } });
    expect(r.errors.activityId?.[0]?.vi).toBe('Hoạt động "khong-co" không có (hoặc không hợp lệ).');
    expect(r.errors.date?.[0]?.vi).toBe("ngày không hợp lệ, cần dạng YYYY-MM-DD và là ngày có thật.");
  });
});

describe("checkReportForm", () => {
  const base = {
    unitId: "cuc-bao-chi",
    plan,
    activityIds: () => ["cuc-bao-chi.1"],
    submittedAt: "2018-03-18T10:00:00+07:00",
    today: "2018-03-18",
    id: "bc-1",
  };

  it("builds the report with the activities it covers", () => {
    const r = checkReportForm({ ...base, form: { periodId: "2018Q1", summary: " Đủ " } });
    expect(r.value).toEqual({
      id: "bc-1",
      unitId: "cuc-bao-chi",
      periodId: "2018Q1",
      submittedAt: "2018-03-18T10:00:00+07:00",
      activityIds: ["cuc-bao-chi.1"],
      summary: "Đủ",
    });
  });

  it("refuses a missing period and a period whose data window has not begun", () => {
    expect(checkReportForm({ ...base, form: {} }).errors.periodId?.[0]?.vi).toBe("Bắt buộc nhập.");
    const early = checkReportForm({ ...base, form: { periodId: "2018Q4" } });
    expect(early.errors.periodId?.[0]?.vi).toBe(
      'Kỳ "Quý IV năm 2018" chưa bắt đầu (số liệu tính từ 2018-09-15).',
    );
  });
});

describe("reporting status", () => {
  const periods = planCalendar(plan);
  const q1 = periods.find((p) => p.id === "2018Q1");
  const report = (id: string, periodId: string, submittedAt: string): UnitReport => ({
    id,
    unitId: "cuc-bao-chi",
    periodId,
    submittedAt,
    activityIds: [],
  });

  it("is on time until 23:59:59 of the due date in Vietnam, then late by whole days", () => {
    expect(q1?.dueDate).toBe("2018-03-19");
    const now = new Date("2018-04-30T00:00:00+07:00");
    const onTime = unitReportingStatus(periods, [report("a", "2018Q1", "2018-03-19T23:59:59+07:00")], now);
    expect(onTime[0]?.state).toBe("on-time");
    const late = unitReportingStatus(periods, [report("b", "2018Q1", "2018-03-20T00:00:00+07:00")], now);
    expect(late[0]).toMatchObject({ state: "late", daysLate: 1 });
    const later = unitReportingStatus(periods, [report("c", "2018Q1", "2018-03-23T08:00:00+07:00")], now);
    expect(later[0]).toMatchObject({ state: "late", daysLate: 4 });
  });

  it("counts the earliest submission, ignores one after now, and tells missing from not due", () => {
    const now = new Date("2018-05-01T00:00:00+07:00");
    const cells = unitReportingStatus(
      periods,
      [
        report("late", "2018Q1", "2018-03-25T08:00:00+07:00"),
        report("early", "2018Q1", "2018-03-18T08:00:00+07:00"),
        report("future", "2018Q2", "2018-06-10T08:00:00+07:00"),
      ],
      now,
    );
    expect(cells.map((c) => [c.period.id, c.state, c.reportId])).toEqual([
      ["2018Q1", "on-time", "early"],
      ["2018Q2", "not-due", undefined],
      ["2018S1", "not-due", undefined],
      ["2018Q3", "not-due", undefined],
      ["2018Q4", "not-due", undefined],
      ["2018", "not-due", undefined],
    ]);
    const afterQ2 = unitReportingStatus(periods, [], new Date("2018-06-20T00:00:00+07:00"));
    expect(afterQ2.filter((c) => c.state === "missing").map((c) => c.period.id)).toEqual([
      "2018Q1",
      "2018Q2",
      "2018S1",
    ]);
  });

  it("lists the plan's expected reporters in Vietnamese order and agrees with the scorer", () => {
    const now = new Date("2019-01-10T09:00:00+07:00");
    const reports = demoReports(plan);
    const table = reportingStatus(plan, reports, now);
    expect(table.units.map((u) => u.unitName)).toEqual([
      "Cục An toàn thông tin",
      "Cục Báo chí",
      "Cục Thông tin cơ sở",
      "Cục Viễn thông",
    ]);
    expect(table.counts).toEqual({ "on-time": 15, late: 4, missing: 5, "not-due": 0 });
    const sheet = scorePlan(
      { plan, activities, records: demoRecords(activities), reports },
      { scheme: PAR_COMMUNICATION_PRESET, asOf: vietnamInstant(now) },
    );
    const rate = sheet.agency.metrics["on-time-reporting-rate"];
    expect([rate.numerator, rate.denominator]).toEqual([15, 24]);
    expect(sheet.agency.metrics["reporting-rate"].numerator).toBe(19);
  });
});

describe("progress", () => {
  it("is min(1, achieved / target) per activity, the mean per unit, records after today left out", () => {
    const own = activities.filter((a) => a.unitId === "cuc-thong-tin-co-so");
    const tally = new ProgressTally(own, "2018-12-31");
    for (const r of demoRecords(activities)) tally.add(r);
    tally.add({
      id: "x",
      activityId: "cuc-thong-tin-co-so.2",
      unitId: "cuc-thong-tin-co-so",
      date: "2019-01-02",
      output: 5,
    });
    const p = tally.unit("cuc-thong-tin-co-so");
    expect(p.activities.map((a) => [a.activity.id, a.achieved, a.ratio, a.done])).toEqual([
      ["cuc-thong-tin-co-so.1", 2, 1, true],
      ["cuc-thong-tin-co-so.2", 6, 0.75, false],
    ]);
    expect(p.completion).toBe(0.875);
    expect([p.planned, p.done]).toEqual([2, 1]);
    expect(tally.unit("vu-to-chuc-can-bo").completion).toBeUndefined();
  });
});

describe("settings", () => {
  it("has working defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: DEFAULT_DATA_DIR,
      agencyId: "bo-tttt",
      planId: "mic-2018",
      seedDemo: true,
      fixedNow: undefined,
      sessionSecretGenerated: true,
      reporterScope: "own-unit",
      sessions: { maxAgeMs: 8 * 60 * 60_000, idleMs: 30 * 60_000 },
    });
    expect(DEFAULT_DATA_DIR).toMatch(/examples[/\\]web-dashboard[/\\]data$/);
    expect(c.sessionSecret).toHaveLength(64);
  });

  it("reads every variable", () => {
    const c = loadConfig({
      PORT: "8080",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test",
      SESSION_SECRET: "s".repeat(40),
      SEED_DEMO: "0",
      COOKIE_SECURE: "true",
      DASHBOARD_NOW: "2018-12-18",
      REPORTER_SCOPE: "all-units",
      SESSION_MAX_AGE_SECONDS: "3600",
      SESSION_IDLE_SECONDS: "600",
    });
    expect(c).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      seedDemo: false,
      secureCookies: true,
      sessionSecretGenerated: false,
      reporterScope: "all-units",
      sessions: { maxAgeMs: 3_600_000, idleMs: 600_000 },
    });
    expect(c.fixedNow?.toISOString()).toBe("2018-12-18T02:00:00.000Z");
  });

  it.each([
    ["PORT", "80a"],
    ["PORT", "70000"],
    ["DATABASE_URL", "mysql://x"],
    ["SESSION_SECRET", "short"],
    ["SEED_DEMO", "maybe"],
    ["DASHBOARD_NOW", "2018-12-18T10:00"],
    ["AGENCY_ID", "bộ tttt"],
    ["REPORTER_SCOPE", "everyone"],
    ["SESSION_MAX_AGE_SECONDS", "0"],
    ["SESSION_IDLE_SECONDS", "1h"],
  ])("refuses %s=%s with a bilingual message naming the variable", (name, value) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(name);
      expect((error as Error).message).toMatch(new RegExp(`^${name}: .+ / .+`));
    }
  });
});

describe("formatting", () => {
  it("writes Vietnam time, VND and lower-cases only the first letter", () => {
    expect(vietnamInstant(new Date("2018-03-19T17:30:00Z"))).toBe("2018-03-20T00:30:00+07:00");
    expect(formatDateTime("2018-03-19T17:30:00Z")).toBe("20/03/2018 00:30");
    expect(formatVnd(1_500_000)).toBe("1.500.000 đ");
    expect(lowerFirst("Quý IV năm 2018")).toBe("quý IV năm 2018");
  });
});

describe("demo data", () => {
  it("is a valid plan whose every activity, record and report passes the core's checks", () => {
    expect(validatePlan(plan).errors).toEqual([]);
    const ctx = createTrackingContext(plan);
    const findings = [
      ...activities.flatMap((a) => checkActivity(a, ctx).findings),
      ...demoRecords(activities).flatMap((r) => checkRecord(r, ctx).findings),
      ...demoReports(plan).flatMap((r) => checkReport(r, ctx).findings),
    ];
    expect(findings).toEqual([]);
    expect([activities.length, demoRecords(activities).length, demoReports(plan).length]).toEqual([
      23, 58, 19,
    ]);
  });

  it("lists the groups' members, so the four administrative agencies are the reporters", () => {
    const admin = plan.units.find((u) => u.id === "cac-co-quan-hanh-chinh-thuoc-bo");
    expect(admin?.memberIds).toEqual([
      "cuc-bao-chi",
      "cuc-vien-thong",
      "cuc-an-toan-thong-tin",
      "cuc-thong-tin-co-so",
    ]);
    expect(plan.units).toHaveLength(16);
  });
});
