/**
 * Scoring the hand-made 2018 year (fixtures/sample-year.ts) with the PAR communication preset.
 * Every expected figure below is written out by hand, with the arithmetic in a comment, from the
 * table at the top of the fixture; none is computed with the library's own helpers.
 *
 * Preset (max 6): tt.1.1 plan completion (max 1: ≥100 % → 1, ≥80 % → 0.5), tt.1.2 budget
 * execution (max 1: ≥90 % → 1, ≥70 % → 0.5), tt.2.1 channel diversity (max 1: ≥100 % → 1,
 * ≥50 % → 0.5), tt.2.2 content coverage (max 1: ≥100 % → 1, ≥80 % → 0.5), tt.3.1 reporting rate
 * and tt.3.2 on-time rate (max 0.5 each: ≥100 % → 0.5, ≥80 % → 0.25), tt.4.1 unit participation
 * (agency only, max 0.5: ≥100 % → 0.5, ≥80 % → 0.25), tt.4.2 manual (max 0.5).
 */
import { describe, expect, it } from "vitest";
import {
  type Activity,
  type ActualRecord,
  checkActivity,
  checkRecord,
  checkReport,
  createTrackingContext,
  type ManualScore,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  Scorer,
  type ScoreSheet,
  scorePlan,
  taskedUnitIds,
  type UnitReport,
} from "../src/index.js";
import {
  GROUP_ID,
  leafPoints,
  MID_YEAR,
  nodeScore,
  planWithMembers,
  sampleYear,
  T,
  U,
  unitScore,
  YEAR_END,
} from "./fixtures/sample-year.js";

const scheme = PAR_COMMUNICATION_PRESET;

function scoreYear(asOf?: string, manualScores?: readonly ManualScore[]): ScoreSheet {
  const y = sampleYear();
  return scorePlan(y, {
    scheme,
    manualScores: manualScores ?? y.manualScores,
    ...(asOf === undefined ? {} : { asOf }),
  });
}

describe("the fixture itself", () => {
  it("passes every tracking check, so the scores below rest on valid data", () => {
    const y = sampleYear();
    const ctx = createTrackingContext(y.plan);
    for (const a of y.activities) expect(checkActivity(a, ctx).findings).toEqual([]);
    for (const r of y.records) expect(checkRecord(r, ctx).findings).toEqual([]);
    for (const r of y.reports) expect(checkReport(r, ctx).findings).toEqual([]);
    expect(y.records).toHaveLength(22);
    expect(y.activities).toHaveLength(11);
  });
});

describe("scorePlan on the sample year, as of the end of 2018", () => {
  const sheet = scoreYear(YEAR_END);

  it("records what it scored", () => {
    expect(sheet.planId).toBe("mic-2018");
    expect(sheet.year).toBe(2018);
    expect(sheet.asOf).toBe(YEAR_END);
    expect(sheet.scheme).toEqual({ id: "par-communication", version: "2018-example" });
    // 11 activities, 22 records, 15 reports (6 + 6 incl. one resubmission + 3), none after as-of
    // (the last submission is 2018-12-19T23:59+07:00, before 2018-12-31T23:59:59.999+07:00).
    expect(sheet.counts).toEqual({
      activities: 11,
      records: 22,
      reports: 15,
      recordsAfterAsOf: 0,
      reportsAfterAsOf: 0,
    });
  });

  it("gives the same sheet with the default as-of (end of the plan year in Vietnam)", () => {
    const byDefault = scoreYear();
    // 2018-12-31T23:59:59.999+07:00 = 2018-12-31T16:59:59.999Z, later than the last deadline (12-19).
    expect(byDefault.asOf).toBe("2018-12-31T16:59:59.999Z");
    expect(byDefault.units).toEqual(sheet.units);
    expect(byDefault.agency).toEqual(sheet.agency);
    expect(byDefault.counts).toEqual(sheet.counts);
  });

  it("scores the units that have activities, must report or are tasked by the plan, and no one else", () => {
    // With activities: tccb, vpb, tttt, thh, bdtw, vt, attt (7).
    // Reporters: the administrative group expanded to bdtw, vt, attt (already counted).
    // Tasked (III.1.b implement/monitor): phap-che, khtc, khcn, vpb, tttt, thh → 3 new;
    // III.1.c implement: the press-agency group, which has no members, so the group itself → 1 new;
    // III.1.d implement/report: the administrative group → its members (already counted).
    // 7 + 3 + 1 = 11. The administrative group itself is not scored (its members are), and the lead
    // (tccb) is scored only because it has an activity.
    expect(sheet.units.map((u) => u.unitId).sort()).toEqual(
      [U.attt, U.bdtw, U.tccb, U.thh, U.tttt, U.vpb, U.vt, T.phapChe, T.khtc, T.khcn, T.baoChi].sort(),
    );
    expect(sheet.units.some((u) => u.unitId === GROUP_ID)).toBe(false);
  });

  describe("Cục Bưu điện Trung ương (all done, all on time)", () => {
    const u = unitScore(sheet, U.bdtw);
    it("metrics", () => {
      const m = u.metrics;
      // bdtu-bai-viet min(1, 10/10) = 1; bdtu-tap-huan min(1, 2/2) = 1 → (1 + 1) / 2 = 1
      expect(m["plan-completion"]).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
      expect(m["activities-done"]).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
      // channels {II.2.a, II.2.b} used / planned = 2/2
      expect(m["channel-diversity"]).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
      // content {II.1.a, II.1.c.2, II.1.c.6} = 3/3
      expect(m["content-coverage"]).toMatchObject({ numerator: 3, denominator: 3, value: 1 });
      // 6 periods due (Q1, Q2, S1, Q3, Q4, 2018), 6 submitted, 6 on time
      expect(m["reporting-rate"]).toMatchObject({ numerator: 6, denominator: 6, value: 1 });
      expect(m["on-time-reporting-rate"]).toMatchObject({ numerator: 6, denominator: 6, value: 1 });
      // cost 4 + 3 + 3 + 9 + 9 = 28 M / planned 10 + 20 = 30 M = 0.9333…
      expect(m["budget-execution"]).toMatchObject({ numerator: 28_000_000, denominator: 30_000_000 });
      expect(m["budget-execution"].value).toBeCloseTo(28 / 30, 12);
    });
    it("points per criterion, total and percent", () => {
      expect(leafPoints(u.nodes)).toEqual({
        "tt.1.1": 1, // 100 % ≥ 100 %
        "tt.1.2": 1, // 93.33 % ≥ 90 %
        "tt.2.1": 1,
        "tt.2.2": 1,
        "tt.3.1": 0.5,
        "tt.3.2": 0.5,
        "tt.4.1": "NA", // agency-only
        "tt.4.2": 0.25, // appraised 0.25 overrides self-assessed 0.5
      });
      // 1 + 1 + 1 + 1 + 0.5 + 0.5 + 0.25 = 5.25; max 6 − 0.5 (tt.4.1) = 5.5; 5.25 / 5.5 = 95.4545… %
      expect(u.points).toBe(5.25);
      expect(u.maxPoints).toBe(5.5);
      expect(u.percent).toBe(95.45);
      expect(nodeScore(u.nodes, "tt.4").maxPoints).toBe(0.5);
      expect(nodeScore(u.nodes, "tt").maxPoints).toBe(5.5);
    });
    it("explains itself", () => {
      const budget = nodeScore(u.nodes, "tt.1.2").explanation;
      expect(budget.rule).toBe("metric");
      expect(budget.threshold).toEqual({ atLeast: 0.9, points: 1 });
      expect(budget.text.vi).toContain("28.000.000/30.000.000");
      expect(budget.text.en).toContain("28000000/30000000");
      expect(budget.text.vi).toContain("≥ 90%");
      expect(u.evidence.recordCount).toBe(5);
      expect(u.evidence.sampleRecordIds).toEqual(["r01", "r02", "r03", "r04", "r05"]);
      expect(u.evidence.activitiesDone).toEqual(["bdtu-bai-viet", "bdtu-tap-huan"]);
      expect(u.evidence.activitiesBehind).toEqual([]);
      expect(u.evidence.reportsOnTime).toEqual([
        "cuc-buu-dien-trung-uong/2018Q1",
        "cuc-buu-dien-trung-uong/2018Q2",
        "cuc-buu-dien-trung-uong/2018S1",
        "cuc-buu-dien-trung-uong/2018Q3",
        "cuc-buu-dien-trung-uong/2018Q4",
        "cuc-buu-dien-trung-uong/2018",
      ]);
      expect(u.evidence.reportsLate).toEqual([]);
      expect(u.evidence.reportsMissing).toEqual([]);
      const agencyOnly = nodeScore(u.nodes, "tt.4.1");
      expect(agencyOnly.applicable).toBe(false);
      expect(agencyOnly.points).toBe(0);
      expect(agencyOnly.explanation.rule).toBe("not-applicable");
    });
  });

  describe("Cục Viễn thông (80 % of one target, one late and one missing report)", () => {
    const u = unitScore(sheet, U.vt);
    it("metrics", () => {
      const m = u.metrics;
      // vt-bai-viet 4/5 = 0.8; vt-toa-dam 1/1 = 1 → (0.8 + 1) / 2 = 0.9
      expect(m["plan-completion"].numerator).toBeCloseTo(1.8, 12);
      expect(m["plan-completion"].denominator).toBe(2);
      expect(m["plan-completion"].value).toBeCloseTo(0.9, 12);
      expect(m["activities-done"]).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
      expect(m["channel-diversity"]).toMatchObject({ numerator: 2, denominator: 2, value: 1 }); // II.2.a, II.2.c
      expect(m["content-coverage"]).toMatchObject({ numerator: 3, denominator: 3, value: 1 }); // II.1.b, d, e
      // due 6; submitted Q1, Q2, S1, Q4, 2018 = 5 (Q3 missing); on time 5 − Q2 = 4
      expect(m["reporting-rate"]).toMatchObject({ numerator: 5, denominator: 6 });
      expect(m["on-time-reporting-rate"]).toMatchObject({ numerator: 4, denominator: 6 });
      // cost 2 + 2 + 12 = 16 M / planned 5 + 15 = 20 M = 0.8
      expect(m["budget-execution"]).toMatchObject({
        numerator: 16_000_000,
        denominator: 20_000_000,
        value: 0.8,
      });
    });
    it("points per criterion, total and percent", () => {
      expect(leafPoints(u.nodes)).toEqual({
        "tt.1.1": 0.5, // 90 % ≥ 80 %
        "tt.1.2": 0.5, // 80 % ≥ 70 %
        "tt.2.1": 1,
        "tt.2.2": 1,
        "tt.3.1": 0.25, // 5/6 = 83.33 % ≥ 80 %
        "tt.3.2": 0, // 4/6 = 66.67 % < 80 %
        "tt.4.1": "NA",
        "tt.4.2": 0.4, // self-assessed only
      });
      // 0.5 + 0.5 + 1 + 1 + 0.25 + 0 + 0.4 = 3.65; 3.65 / 5.5 = 66.3636… %
      expect(u.points).toBe(3.65);
      expect(u.maxPoints).toBe(5.5);
      expect(u.percent).toBe(66.36);
    });
    it("explains which threshold applied, with numerator and denominator", () => {
      const completion = nodeScore(u.nodes, "tt.1.1").explanation;
      expect(completion.threshold).toEqual({ atLeast: 0.8, points: 0.5 });
      expect(completion.metric?.metric).toBe("plan-completion");
      // Vietnamese text writes Vietnamese numbers, as the tables beside it (issue 18).
      expect(completion.text.vi).toBe("Mức độ hoàn thành kế hoạch = 1,8/2 = 90% ≥ 80% → 0,5 điểm.");
      expect(completion.text.en).toBe("Plan completion = 1.8/2 = 90% ≥ 80% → 0.5 points.");
      const onTime = nodeScore(u.nodes, "tt.3.2").explanation;
      expect(onTime.threshold).toBeNull();
      expect(onTime.metric).toMatchObject({ numerator: 4, denominator: 6 });
      expect(onTime.text.vi).toContain("4/6");
      expect(onTime.text.vi).toContain("dưới mức thấp nhất 80%");
      expect(onTime.text.en).toContain("below the lowest threshold 80%");
      expect(u.evidence.activitiesDone).toEqual(["vt-toa-dam"]);
      expect(u.evidence.activitiesBehind).toEqual(["vt-bai-viet"]);
      expect(u.evidence.sampleRecordIds).toEqual(["r06", "r07", "r08"]);
      // The Q1 resubmission (03-22, late) does not replace the first, on-time report.
      expect(u.evidence.reportsOnTime).toEqual([
        "cuc-vien-thong/2018Q1",
        "cuc-vien-thong/2018S1",
        "cuc-vien-thong/2018Q4",
        "cuc-vien-thong/2018",
      ]);
      expect(u.evidence.reportsLate).toEqual(["cuc-vien-thong/2018Q2"]);
      expect(u.evidence.reportsMissing).toEqual(["cuc-vien-thong/2018Q3"]);
    });
  });

  describe("Cục An toàn thông tin (behind on everything)", () => {
    const u = unitScore(sheet, U.attt);
    it("metrics, points and evidence", () => {
      // attt-bai-viet 2/4 = 0.5; attt-phap-luat 0/1 = 0 → 0.5 / 2 = 0.25
      expect(u.metrics["plan-completion"]).toMatchObject({ numerator: 0.5, denominator: 2, value: 0.25 });
      expect(u.metrics["activities-done"]).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
      // II.2.a used, II.2.d not: 1/2; II.1.c.6 addressed, II.1.c.1 not: 1/2
      expect(u.metrics["channel-diversity"]).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
      expect(u.metrics["content-coverage"]).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
      // submitted Q1 (late), Q3 (late), 2018 (on time) = 3 of 6; on time 1 of 6
      expect(u.metrics["reporting-rate"]).toMatchObject({ numerator: 3, denominator: 6, value: 0.5 });
      expect(u.metrics["on-time-reporting-rate"]).toMatchObject({ numerator: 1, denominator: 6 });
      // 1 M / (8 + 2) M = 0.1
      expect(u.metrics["budget-execution"]).toMatchObject({ numerator: 1_000_000, denominator: 10_000_000 });
      expect(leafPoints(u.nodes)).toEqual({
        "tt.1.1": 0,
        "tt.1.2": 0,
        "tt.2.1": 0.5, // 50 % ≥ 50 %
        "tt.2.2": 0, // 50 % < 80 %
        "tt.3.1": 0,
        "tt.3.2": 0,
        "tt.4.1": "NA",
        "tt.4.2": 0, // no manual entry → 0
      });
      // 0.5 / 5.5 = 9.0909… %
      expect(u.points).toBe(0.5);
      expect(u.maxPoints).toBe(5.5);
      expect(u.percent).toBe(9.09);
      expect(u.evidence.reportsOnTime).toEqual(["cuc-an-toan-thong-tin/2018"]);
      // "2018-03-19T17:30:00Z" is 00:30 on 20 March in Hà Nội: late.
      expect(u.evidence.reportsLate).toEqual([
        "cuc-an-toan-thong-tin/2018Q1",
        "cuc-an-toan-thong-tin/2018Q3",
      ]);
      expect(u.evidence.reportsMissing).toEqual([
        "cuc-an-toan-thong-tin/2018Q2",
        "cuc-an-toan-thong-tin/2018S1",
        "cuc-an-toan-thong-tin/2018Q4",
      ]);
      expect(nodeScore(u.nodes, "tt.4.2").explanation.text.vi).toContain("chưa có điểm tự chấm");
    });
  });

  describe("units that do not report", () => {
    it("Văn phòng Bộ: reporting criteria and tt.4.1 left out of the maximum; budget may exceed 1", () => {
      const u = unitScore(sheet, U.vpb);
      // cost 15 × 4 + 50 = 110 M / planned 60 + 40 = 100 M = 1.1 (overspent, still ≥ 90 % → 1)
      expect(u.metrics["budget-execution"]).toMatchObject({
        numerator: 110_000_000,
        denominator: 100_000_000,
        value: 1.1,
      });
      expect(u.metrics["reporting-rate"]).toMatchObject({ numerator: 0, denominator: 0, value: undefined });
      expect(leafPoints(u.nodes)).toEqual({
        "tt.1.1": 1,
        "tt.1.2": 1,
        "tt.2.1": 1,
        "tt.2.2": 1, // II.1.a, b, c, đ: 4/4
        "tt.3.1": "NA",
        "tt.3.2": "NA",
        "tt.4.1": "NA",
        "tt.4.2": 0, // the agency's own manual entry is not this unit's
      });
      const reporting = nodeScore(u.nodes, "tt.3");
      expect(reporting.applicable).toBe(false);
      expect(reporting.explanation.rule).toBe("not-applicable");
      // 4 / (6 − 1 (tt.3) − 0.5 (tt.4.1)) = 4 / 4.5 = 88.888… %
      expect(u.points).toBe(4);
      expect(u.maxPoints).toBe(4.5);
      expect(u.percent).toBe(88.89);
    });

    it("Trung tâm Thông tin: no planned cost → budget not applicable; self-assessment clamped to 0.5", () => {
      const u = unitScore(sheet, U.tttt);
      expect(u.metrics["plan-completion"]).toMatchObject({ numerator: 1, denominator: 1, value: 1 }); // 12/12
      expect(u.metrics["budget-execution"].value).toBeUndefined();
      expect(leafPoints(u.nodes)).toEqual({
        "tt.1.1": 1,
        "tt.1.2": "NA",
        "tt.2.1": 1,
        "tt.2.2": 1,
        "tt.3.1": "NA",
        "tt.3.2": "NA",
        "tt.4.1": "NA",
        "tt.4.2": 0.5, // self-assessed 0.8 > max 0.5
      });
      expect(nodeScore(u.nodes, "tt.1").maxPoints).toBe(1);
      // (1) + (1 + 1) + (0.5) = 3.5 / (1 + 2 + 0.5) = 100 %
      expect(u.points).toBe(3.5);
      expect(u.maxPoints).toBe(3.5);
      expect(u.percent).toBe(100);
    });

    it("Cục Tin học hóa: planned, nothing done → 0 of 4.5", () => {
      const u = unitScore(sheet, U.thh);
      expect(u.metrics["plan-completion"]).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
      expect(u.metrics["budget-execution"]).toMatchObject({
        numerator: 0,
        denominator: 30_000_000,
        value: 0,
      });
      expect(u.points).toBe(0);
      expect(u.maxPoints).toBe(4.5);
      expect(u.percent).toBe(0);
      expect(u.evidence.activitiesBehind).toEqual(["thh-toa-dam"]);
    });
  });

  describe("units the plan tasks but that planned nothing", () => {
    it("Vụ Pháp chế: every metric criterion left out of the maximum; 0 of 0.5 for the manual one", () => {
      const u = unitScore(sheet, T.phapChe);
      expect(u.name).toBe("Vụ Pháp chế");
      // No activity: 0 planned, 0 channels, 0 content areas, 0 VND; not a reporter: 0 reports due.
      for (const metric of [
        "plan-completion",
        "activities-done",
        "channel-diversity",
        "content-coverage",
        "reporting-rate",
        "on-time-reporting-rate",
        "budget-execution",
      ] as const)
        expect(u.metrics[metric]).toMatchObject({ numerator: 0, denominator: 0, value: undefined });
      // Expected to take part (1), no record and no report (0): 0/1 = 0 (tt.4.1 is agency-only).
      expect(u.metrics["unit-participation"]).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
      expect(leafPoints(u.nodes)).toEqual({
        "tt.1.1": "NA",
        "tt.1.2": "NA",
        "tt.2.1": "NA",
        "tt.2.2": "NA",
        "tt.3.1": "NA",
        "tt.3.2": "NA",
        "tt.4.1": "NA",
        "tt.4.2": 0, // no manual entry
      });
      for (const id of ["tt.1", "tt.2", "tt.3"]) {
        const n = nodeScore(u.nodes, id);
        expect(n.applicable).toBe(false);
        expect(n.points).toBe(0);
        expect(n.explanation.text.en).toBe("No applicable sub-criterion.");
      }
      expect(nodeScore(u.nodes, "tt.1.1").explanation.text.en).toBe(
        "Plan completion: nothing planned to measure (denominator 0); left out of the maximum.",
      );
      // max 6 − 2 (tt.1) − 2 (tt.2) − 1 (tt.3) − 0.5 (tt.4.1) = 0.5; 0 / 0.5 = 0 %
      expect(nodeScore(u.nodes, "tt.4").maxPoints).toBe(0.5);
      expect(nodeScore(u.nodes, "tt").maxPoints).toBe(0.5);
      expect([u.points, u.maxPoints, u.percent]).toEqual([0, 0.5, 0]);
      expect(u.evidence).toEqual({
        recordCount: 0,
        sampleRecordIds: [],
        activitiesDone: [],
        activitiesBehind: [],
        reportsOnTime: [],
        reportsLate: [],
        reportsMissing: [],
      });
      expect(u.forecast).toEqual({ elapsed: 1, points: 0, percent: 0, planCompletion: undefined });
    });

    it("the other three alike, the press-agency group included (a group without members is a unit)", () => {
      for (const [id, name] of [
        [T.khtc, "Vụ Kế hoạch - Tài chính"],
        [T.khcn, "Vụ Khoa học và Công nghệ"],
        [T.baoChi, "Các cơ quan báo chí thuộc Bộ"],
      ] as const) {
        const u = unitScore(sheet, id);
        expect(u.name).toBe(name);
        expect([u.points, u.maxPoints, u.percent, u.rank]).toEqual([0, 0.5, 0, 7]);
        expect(u.metrics["unit-participation"]).toMatchObject({ numerator: 0, denominator: 1 });
        expect(nodeScore(u.nodes, "tt.4.2").applicable).toBe(true);
      }
    });

    it("a manual score lifts a tasked unit that planned nothing: 0.5 of 0.5 = 100 %, tied first", () => {
      const s = scoreYear(YEAR_END, [
        ...sampleYear().manualScores,
        { nodeId: "tt.4.2", unitId: T.phapChe, selfAssessed: 0.5, appraised: 0.5 },
      ]);
      const u = unitScore(s, T.phapChe);
      expect([u.points, u.maxPoints, u.percent, u.rank]).toEqual([0.5, 0.5, 100, 1]);
      // 100 % tie: "Trung tâm Thông tin" < "Vụ Pháp chế" (T < V)
      expect(s.units.slice(0, 3).map((x) => [x.rank, x.unitId, x.percent])).toEqual([
        [1, U.tttt, 100],
        [1, T.phapChe, 100],
        [3, U.bdtw, 95.45],
      ]);
      // (448.68 + 100) / 11 = 548.68 / 11 = 49.88
      expect(s.agency.unitAverage).toBeCloseTo(49.88, 4);
    });

    it("taskedUnitIds: non-lead roles, groups expanded to their members, the lead left out", () => {
      const plan = planWithMembers();
      // III.1.b (implement, monitor): six units; III.1.c (implement): the press group, no members;
      // III.1.d (implement, report): the administrative group → bdtw, vt, attt. III.1.a is the lead.
      const expected = [T.phapChe, T.khtc, T.khcn, U.vpb, U.tttt, U.thh, T.baoChi, U.bdtw, U.vt, U.attt];
      expect(taskedUnitIds(plan)).toEqual(expected);
      // Naming the lead in a non-lead responsibility too does not make it "tasked".
      const withLead = planWithMembers();
      withLead.responsibilities[1]?.unitIds.push(U.tccb);
      expect(taskedUnitIds(withLead)).toEqual(expected);
      // With nothing planned at all, exactly those 10 units are scored (the lead is not).
      const empty = scorePlan({ plan, activities: [], records: [], reports: [] }, { scheme, asOf: YEAR_END });
      expect(empty.units.map((u) => u.unitId).sort()).toEqual([...expected].sort());
      // Nobody took part: 0 of 10 → tt.4.1 0; the agency has only tt.3 (1) + tt.4 (1) applicable,
      // tt.3: 0 of 18 reports → 0; tt.4.2 no entry → 0: 0 of 2.
      expect(empty.agency.metrics["unit-participation"]).toMatchObject({ numerator: 0, denominator: 10 });
      expect([empty.agency.points, empty.agency.maxPoints, empty.agency.percent]).toEqual([0, 2, 0]);
    });

    it("reports from tasked units that need not report make them participate; their tt.3 stays out", () => {
      const y = sampleYear();
      for (const id of [T.phapChe, T.khtc, T.khcn])
        y.reports.push({
          id: `${id}-2018`,
          unitId: id,
          periodId: "2018",
          submittedAt: "2018-12-15T09:00:00+07:00",
          activityIds: [],
        });
      const s = scorePlan(y, { scheme, manualScores: y.manualScores, asOf: YEAR_END });
      const u = unitScore(s, T.phapChe);
      expect(u.metrics["unit-participation"]).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
      expect(u.metrics["reporting-rate"]).toMatchObject({ numerator: 0, denominator: 0, value: undefined });
      expect(nodeScore(u.nodes, "tt.3").applicable).toBe(false);
      expect([u.points, u.maxPoints]).toEqual([0, 0.5]);
      // Participating 6 + 3 = 9 of 11 = 81.82 % ≥ 80 % → tt.4.1 0.25; agency 1.95 + 0.25 = 2.2 of 6
      // = 36.666… %. Reporting at the agency still counts the 3 reporters only: 14/18.
      expect(s.agency.metrics["unit-participation"]).toMatchObject({ numerator: 9, denominator: 11 });
      expect(nodeScore(s.agency.nodes, "tt.4.1").points).toBe(0.25);
      expect(s.agency.metrics["reporting-rate"]).toMatchObject({ numerator: 14, denominator: 18 });
      expect([s.agency.points, s.agency.percent]).toEqual([2.2, 36.67]);
      expect(s.counts.reports).toBe(18);
    });
  });

  describe("the agency as a whole", () => {
    const a = sheet.agency;
    it("metrics", () => {
      const m = a.metrics;
      // min(1, output/target) over the 11 activities, in plan-unit order:
      // tccb 1 + vpb 1 + 1 + tttt 1 + thh 0 + bdtw 1 + 1 + vt 0.8 + 1 + attt 0.5 + 0 = 8.3; 8.3 / 11
      expect(m["plan-completion"].numerator).toBeCloseTo(8.3, 12);
      expect(m["plan-completion"].denominator).toBe(11);
      expect(m["plan-completion"].value).toBeCloseTo(0.754545, 6);
      // done: tccb, vpb ×2, tttt, bdtw ×2, vt-toa-dam = 7 of 11
      expect(m["activities-done"]).toMatchObject({ numerator: 7, denominator: 11 });
      // planned {a, b, c, d}; used {a, b, c} (II.2.d only in attt-phap-luat, no record) = 3/4
      expect(m["channel-diversity"]).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
      // all 12 content areas are planned; II.1.c.1 (attt-phap-luat only) is not addressed: 11/12
      expect(m["content-coverage"]).toMatchObject({ numerator: 11, denominator: 12 });
      // Expected participants = units with activities (tccb, vpb, tttt, thh, bdtw, vt, attt)
      // ∪ reporters (bdtw, vt, attt) ∪ tasked units (phap-che, khtc, khcn, vpb, tttt, thh, the
      // press-agency group, bdtw, vt, attt) = 7 + 4 = 11. With a record or a report: tccb, vpb,
      // tttt, bdtw, vt, attt = 6 (not thh, nor the four tasked units with nothing planned): 6/11
      expect(m["unit-participation"]).toMatchObject({ numerator: 6, denominator: 11 });
      expect(m["unit-participation"].value).toBeCloseTo(6 / 11, 12); // 0.5454…
      // 3 reporters × 6 periods = 18 due; submitted 6 + 5 + 3 = 14; on time 6 + 4 + 1 = 11
      expect(m["reporting-rate"]).toMatchObject({ numerator: 14, denominator: 18 });
      expect(m["on-time-reporting-rate"]).toMatchObject({ numerator: 11, denominator: 18 });
      // cost 25 + 110 + 0 + 0 + 28 + 16 + 1 = 180 M; planned 25 + 100 + 0 + 30 + 30 + 20 + 10 = 215 M
      expect(m["budget-execution"]).toMatchObject({ numerator: 180_000_000, denominator: 215_000_000 });
      expect(m["budget-execution"].value).toBeCloseTo(0.837209, 6);
    });
    it("points per criterion, total and percent", () => {
      expect(a.unitId).toBeNull();
      expect(a.name).toBe("Bộ Thông tin và Truyền thông");
      expect(leafPoints(a.nodes)).toEqual({
        "tt.1.1": 0, // 75.45 % < 80 %
        "tt.1.2": 0.5, // 83.72 % ≥ 70 %
        "tt.2.1": 0.5, // 75 % ≥ 50 %
        "tt.2.2": 0.5, // 91.67 % ≥ 80 %
        "tt.3.1": 0, // 77.78 % < 80 %
        "tt.3.2": 0, // 61.11 % < 80 %
        "tt.4.1": 0, // 6/11 = 54.55 % < 80 %
        "tt.4.2": 0.45, // agency entry: appraised 0.45 overrides self-assessed 0.5
      });
      // 0 + 0.5 + 0.5 + 0.5 + 0 + 0 + 0 + 0.45 = 1.95 of 6 (tt.4.1 applies here) = 32.5 %
      expect(a.points).toBe(1.95);
      expect(a.maxPoints).toBe(6);
      expect(a.percent).toBe(32.5);
      // tt.4: 0 + 0.45 = 0.45
      expect(nodeScore(a.nodes, "tt.4").points).toBe(0.45);
      expect(nodeScore(a.nodes, "tt.4").explanation.rule).toBe("sum");
      // (100 + 95.45 + 88.89 + 88.89 + 66.36 + 9.09 + 0 (thh) + 4 × 0 (tasked, nothing planned)) / 11
      // = 448.68 / 11 = 40.78909…
      expect(a.unitAverage).toBeCloseTo(40.7891, 4);
    });
    it("evidence lists the right records, activities and unitId/periodId keys", () => {
      expect(a.evidence.recordCount).toBe(22);
      // The first 20 record ids, unit by unit in plan order (tccb, vpb, tttt, bdtw, vt…).
      expect(a.evidence.sampleRecordIds).toEqual([
        "r22",
        "r11",
        "r12",
        "r13",
        "r14",
        "r15",
        "r16",
        "r17",
        "r18",
        "r19",
        "r20",
        "r21",
        "r01",
        "r02",
        "r03",
        "r04",
        "r05",
        "r06",
        "r07",
        "r08",
      ]);
      expect(a.evidence.activitiesBehind).toEqual([
        "thh-toa-dam",
        "vt-bai-viet",
        "attt-bai-viet",
        "attt-phap-luat",
      ]);
      expect(a.evidence.reportsLate).toEqual([
        "cuc-vien-thong/2018Q2",
        "cuc-an-toan-thong-tin/2018Q1",
        "cuc-an-toan-thong-tin/2018Q3",
      ]);
      expect(a.evidence.reportsMissing).toEqual([
        "cuc-vien-thong/2018Q3",
        "cuc-an-toan-thong-tin/2018Q2",
        "cuc-an-toan-thong-tin/2018S1",
        "cuc-an-toan-thong-tin/2018Q4",
      ]);
      expect(a.evidence.reportsOnTime).toHaveLength(11);
      const participation = nodeScore(a.nodes, "tt.4.1").explanation;
      expect(participation.threshold).toBeNull();
      expect(participation.text.vi).toContain("6/11");
      expect(participation.text.en).toContain("below the lowest threshold 80%");
    });
    it("honours explainLimit", () => {
      const y = sampleYear();
      const s = scorePlan(y, { scheme, manualScores: y.manualScores, explainLimit: 3 });
      expect(s.agency.evidence.sampleRecordIds).toEqual(["r22", "r11", "r12"]);
      expect(s.agency.evidence.reportsMissing).toHaveLength(3);
      expect(s.agency.evidence.recordCount).toBe(22);
    });
  });

  it("ranks units by percent; equal percents share a rank", () => {
    expect(sheet.units.map((u) => [u.rank, u.unitId, u.percent])).toEqual([
      [1, U.tttt, 100],
      [2, U.bdtw, 95.45],
      // 88.89 tie: "Văn phòng Bộ" sorts before "Vụ Tổ chức cán bộ"
      [3, U.vpb, 88.89],
      [3, U.tccb, 88.89],
      [5, U.vt, 66.36],
      [6, U.attt, 9.09],
      // 0 % tie, in Vietnamese order: "Các…" < "Cục…" (a < u); "Vụ Kế…" < "Vụ Kh…" (ê < h);
      // "Vụ Kh…" < "Vụ P…"
      [7, T.baoChi, 0],
      [7, U.thh, 0],
      [7, T.khtc, 0],
      [7, T.khcn, 0],
      [7, T.phapChe, 0],
    ]);
  });
});

describe("ranking ties are ordered by Vietnamese collation of the unit names", () => {
  const names = [
    "Học viện Công nghệ Bưu chính Viễn thông",
    "Đài Truyền hình Kỹ thuật số VTC",
    "Cục Thông tin cơ sở",
    "Cục Tần số vô tuyến điện",
  ];

  it("the names sort differently in Vietnamese than in code-point order", () => {
    // Code points: "Th" < "Tầ" (h < ầ) and "H" < "Đ" (U+0048 < U+0110); in Vietnamese â < h and Đ < H.
    expect([...names].sort()).toEqual([
      "Cục Thông tin cơ sở",
      "Cục Tần số vô tuyến điện",
      "Học viện Công nghệ Bưu chính Viễn thông",
      "Đài Truyền hình Kỹ thuật số VTC",
    ]);
  });

  it("units with identical data share rank 1 and are listed in Vietnamese order", () => {
    const plan = planWithMembers();
    const activities: Activity[] = [];
    const records: ActualRecord[] = [];
    for (const [i, name] of names.entries()) {
      const id = `don-vi-${i}`;
      plan.units.push({ id, name, kind: "agency" });
      activities.push({
        id: `hd-${i}`,
        unitId: id,
        channelId: "II.2.a",
        contentAreaIds: ["II.1.a"],
        title: "Tin bài CCHC",
        periodId: "2018",
        target: { value: 3, unit: "article" },
      });
      records.push({ id: `kq-${i}`, activityId: `hd-${i}`, unitId: id, date: "2018-05-05", output: 3 });
    }
    const sheet = scorePlan({ plan, activities, records, reports: [] }, { scheme });
    const tied = sheet.units.filter((u) => u.unitId.startsWith("don-vi-"));
    expect(tied.map((u) => u.name)).toEqual([
      "Cục Tần số vô tuyến điện",
      "Cục Thông tin cơ sở",
      "Đài Truyền hình Kỹ thuật số VTC",
      "Học viện Công nghệ Bưu chính Viễn thông",
    ]);
    // 1 + 1 + 1 of 1 + 2 + 0.5 (tt.4.2 manual, absent → 0) = 3 / 3.5 = 85.71 %
    for (const u of tied) {
      expect(u.rank).toBe(1);
      expect(u.points).toBe(3);
      expect(u.percent).toBe(85.71);
    }
    // The three reporters did nothing (0 of 1.5) and the seven other tasked units planned nothing
    // (0 of 0.5): 0 %, all ranked 5 (after the four tied at 1), in Vietnamese order. The lead (Vụ Tổ
    // chức cán bộ) planned nothing and is neither a reporter nor tasked: not scored.
    const idle = sheet.units.filter((u) => !u.unitId.startsWith("don-vi-"));
    expect(idle.map((u) => [u.rank, u.percent, u.name])).toEqual([
      [5, 0, "Các cơ quan báo chí thuộc Bộ"],
      [5, 0, "Cục An toàn thông tin"],
      [5, 0, "Cục Bưu điện Trung ương"],
      [5, 0, "Cục Tin học hóa"],
      [5, 0, "Cục Viễn thông"],
      [5, 0, "Trung tâm Thông tin"],
      [5, 0, "Văn phòng Bộ"],
      [5, 0, "Vụ Kế hoạch - Tài chính"],
      [5, 0, "Vụ Khoa học và Công nghệ"],
      [5, 0, "Vụ Pháp chế"],
    ]);
  });
});

describe("manual scores", () => {
  const tt42 = (sheet: ScoreSheet, unitId: string | null) =>
    nodeScore(unitId === null ? sheet.agency.nodes : unitScore(sheet, unitId).nodes, "tt.4.2");

  it("uses a self-assessment until it is appraised, clamps to the maximum, and gives 0 when absent", () => {
    const sheet = scoreYear(YEAR_END);
    const appraised = tt42(sheet, U.bdtw);
    expect(appraised.points).toBe(0.25);
    expect(appraised.explanation.rule).toBe("manual");
    expect(appraised.explanation.manual).toMatchObject({ selfAssessed: 0.5, appraised: 0.25 });
    expect(appraised.explanation.text.vi).toContain("điểm thẩm định 0,25");
    const selfOnly = tt42(sheet, U.vt);
    expect(selfOnly.points).toBe(0.4);
    expect(selfOnly.explanation.text.vi).toContain("điểm tự chấm 0,4 (chưa thẩm định)");
    expect(tt42(sheet, U.tttt).points).toBe(0.5); // 0.8 clamped
    const absent = tt42(sheet, U.thh);
    expect(absent.points).toBe(0);
    expect(absent.applicable).toBe(true);
    expect(absent.maxPoints).toBe(0.5);
    expect(absent.explanation.manual).toBeUndefined();
    expect(tt42(sheet, null).points).toBe(0.45);
  });

  it("clamps an appraisal over the maximum, and an appraisal of 0 overrides a self-assessment", () => {
    const sheet = scoreYear(YEAR_END, [
      { nodeId: "tt.4.2", unitId: U.vt, selfAssessed: 0.1, appraised: 3 },
      { nodeId: "tt.4.2", unitId: U.bdtw, selfAssessed: 0.5, appraised: 0 },
    ]);
    expect(tt42(sheet, U.vt).points).toBe(0.5);
    expect(tt42(sheet, U.bdtw).points).toBe(0);
    // Without the 0.25 the unit has 5 of 5.5: 90.91 %
    expect(unitScore(sheet, U.bdtw).points).toBe(5);
    expect(unitScore(sheet, U.bdtw).percent).toBe(90.91);
    // No entry without unitId: the agency's manual criterion gets 0; 1.95 − 0.45 = 1.5 of 6 = 25 %
    expect(tt42(sheet, null).points).toBe(0);
    expect(sheet.agency.points).toBe(1.5);
    expect(sheet.agency.percent).toBe(25);
  });
  it("when several entries share a node and unit, the last one wins, whole", () => {
    const sheet = scoreYear(YEAR_END, [
      { nodeId: "tt.4.2", unitId: U.bdtw, selfAssessed: 0.5, appraised: 0.25 },
      { nodeId: "tt.4.2", selfAssessed: 0.5, appraised: 0.45 },
      { nodeId: "tt.4.2", unitId: U.vt, selfAssessed: 0.4 },
      // Corrections appended later: they replace the earlier entries, appraisal included.
      { nodeId: "tt.4.2", unitId: U.bdtw, selfAssessed: 0.1, note: "Tự chấm lại" },
      { nodeId: "tt.4.2", appraised: 0.2 },
      // Entries for another unit or another node replace nothing.
      { nodeId: "tt.4.2", unitId: U.attt, selfAssessed: 0.3 },
      { nodeId: "tt.1.1", unitId: U.bdtw, appraised: 0 },
    ]);
    const bdtw = tt42(sheet, U.bdtw);
    expect(bdtw.points).toBe(0.1);
    expect(bdtw.explanation.manual).toEqual({
      nodeId: "tt.4.2",
      unitId: U.bdtw,
      selfAssessed: 0.1,
      note: "Tự chấm lại",
    });
    expect(bdtw.explanation.text.vi).toContain("điểm tự chấm 0,1 (chưa thẩm định)");
    // bdtw: 1 + 1 + 1 + 1 + 0.5 + 0.5 + 0.1 = 5.1 of 5.5 = 92.7272… %
    expect(unitScore(sheet, U.bdtw).points).toBe(5.1);
    expect(unitScore(sheet, U.bdtw).percent).toBe(92.73);
    // tt.1.1 is a metric leaf: a manual entry for it changes nothing (100 % → 1).
    expect(nodeScore(unitScore(sheet, U.bdtw).nodes, "tt.1.1").points).toBe(1);
    expect(tt42(sheet, U.vt).points).toBe(0.4);
    expect(tt42(sheet, U.attt).points).toBe(0.3);
    // Agency: the appended appraisal 0.2 replaces 0.45: 1.95 − 0.45 + 0.2 = 1.7 of 6 = 28.333… %
    expect(tt42(sheet, null).points).toBe(0.2);
    expect(tt42(sheet, null).explanation.text.vi).toContain("điểm thẩm định 0,2");
    expect(sheet.agency.points).toBe(1.7);
    expect(sheet.agency.percent).toBe(28.33);
  });

  it("order decides: the same two entries the other way round give the other value", () => {
    const first = { nodeId: "tt.4.2", unitId: U.bdtw, selfAssessed: 0.5, appraised: 0.25 };
    const second = { nodeId: "tt.4.2", unitId: U.bdtw, selfAssessed: 0.1 };
    expect(tt42(scoreYear(YEAR_END, [first, second]), U.bdtw).points).toBe(0.1);
    expect(tt42(scoreYear(YEAR_END, [second, first]), U.bdtw).points).toBe(0.25);
  });
});

describe("as-of date and forecast", () => {
  const mid = scoreYear(MID_YEAR);

  it("ignores records dated after the as-of date and counts them apart", () => {
    // ≤ 2018-07-02: r01 r02 r04 r05 r06 r11 r12 r16 r17 r18 r22 = 11; the other 11 are later.
    // Reports by 2018-07-02 12:00 (Hà Nội): bdtw Q1, Q2, S1 (3); vt Q1, its resubmission, Q2, S1
    // (4); attt Q1 (1) = 8. Later: bdtw Q3, Q4, 2018 (3); vt Q4, 2018 (2); attt Q3, 2018 (2) = 7.
    expect(mid.counts).toEqual({
      activities: 11,
      records: 11,
      reports: 8,
      recordsAfterAsOf: 11,
      reportsAfterAsOf: 7,
    });
    expect(unitScore(mid, U.bdtw).evidence.sampleRecordIds).toEqual(["r01", "r02", "r04", "r05"]);
  });

  it("ignores reports submitted after the as-of instant, counts them apart; they make no unit participate", () => {
    const s = scoreYear("2018-03-20T00:00:00+07:00");
    // Records dated ≤ 2018-03-20: r16 (01-31), r01 (02-10), r06 (03-01), r11 (03-10) = 4; 22 − 4 = 18.
    // Reports by 2018-03-19T17:00:00Z: bdtw Q1 (23:59 on the 19th), vt Q1 (14:00 on the 19th) = 2;
    // 15 − 2 = 13, among them attt Q1 (00:30 on the 20th) and vt's Q1 resubmission (the 22nd).
    expect(s.counts).toEqual({
      activities: 11,
      records: 4,
      reports: 2,
      recordsAfterAsOf: 18,
      reportsAfterAsOf: 13,
    });
    // Only 2018Q1 (due 03-19) is due. attt's report came later: missing, not late.
    const attt = unitScore(s, U.attt);
    expect(attt.metrics["reporting-rate"]).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(attt.metrics["on-time-reporting-rate"]).toMatchObject({ numerator: 0, denominator: 1 });
    expect(attt.evidence.reportsLate).toEqual([]);
    expect(attt.evidence.reportsMissing).toEqual(["cuc-an-toan-thong-tin/2018Q1"]);
    // Agency: 3 reporters × 1 period = 3 due; submitted and on time 2 (bdtw, vt).
    expect(s.agency.metrics["reporting-rate"]).toMatchObject({ numerator: 2, denominator: 3 });
    expect(s.agency.metrics["on-time-reporting-rate"]).toMatchObject({ numerator: 2, denominator: 3 });
    // Participating: vpb (r11), tttt (r16), bdtw (r01, Q1), vt (r06, Q1) = 4 of 11. Not attt (its
    // only evidence is the report after as-of; its records are dated July and August), nor tccb
    // (r22 is dated 03-28).
    expect(s.agency.metrics["unit-participation"]).toMatchObject({ numerator: 4, denominator: 11 });
  });

  it("a report submitted exactly at the as-of instant counts", () => {
    // attt's Q1 report is submitted at 2018-03-19T17:30:00Z = 00:30 on the 20th in Hà Nội.
    const s = scoreYear("2018-03-19T17:30:00Z");
    // Records: the as-of date in Hà Nội is still 2018-03-20 → the same 4. Reports: 2 + attt Q1 = 3;
    // 15 − 3 = 12 later.
    expect(s.counts).toEqual({
      activities: 11,
      records: 4,
      reports: 3,
      recordsAfterAsOf: 18,
      reportsAfterAsOf: 12,
    });
    const attt = unitScore(s, U.attt);
    expect(attt.metrics["reporting-rate"]).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(attt.metrics["on-time-reporting-rate"]).toMatchObject({ numerator: 0, denominator: 1 });
    expect(attt.evidence.reportsLate).toEqual(["cuc-an-toan-thong-tin/2018Q1"]);
    // Now attt participates: 4 + 1 = 5 of 11.
    expect(s.agency.metrics["unit-participation"]).toMatchObject({ numerator: 5, denominator: 11 });
  });

  it("counts a report after the default as-of apart too", () => {
    const y = sampleYear();
    // attt's missing Q4 report, sent in the new year (after 2018-12-31T16:59:59.999Z).
    y.reports.push({
      id: "attt-2018Q4-muon",
      unitId: U.attt,
      periodId: "2018Q4",
      submittedAt: "2019-01-02T09:00:00+07:00",
      activityIds: [],
    });
    const s = scorePlan(y, { scheme, manualScores: y.manualScores });
    expect(s.counts.reports).toBe(15);
    expect(s.counts.reportsAfterAsOf).toBe(1);
    const attt = unitScore(s, U.attt);
    // Still 3 of 6 submitted, Q4 still missing.
    expect(attt.metrics["reporting-rate"]).toMatchObject({ numerator: 3, denominator: 6 });
    expect(attt.evidence.reportsMissing).toContain("cuc-an-toan-thong-tin/2018Q4");
    expect(attt.evidence.reportsLate).not.toContain("cuc-an-toan-thong-tin/2018Q4");
  });

  it("counts a record after the default as-of apart too", () => {
    const y = sampleYear();
    y.records.push({ id: "r99", activityId: "vt-bai-viet", unitId: U.vt, date: "2019-01-05", output: 1 });
    const s = scorePlan(y, { scheme, manualScores: y.manualScores });
    expect(s.counts.recordsAfterAsOf).toBe(1);
    expect(s.counts.records).toBe(22);
    expect(unitScore(s, U.vt).metrics["plan-completion"].value).toBeCloseTo(0.9, 12);
  });

  it("only counts reports whose deadline has passed", () => {
    // Due by 2018-07-02: Q1 (03-19), Q2 and S1 (06-19).
    const bdtw = unitScore(mid, U.bdtw);
    expect(bdtw.metrics["reporting-rate"]).toMatchObject({ numerator: 3, denominator: 3 });
    const vt = unitScore(mid, U.vt);
    expect(vt.metrics["reporting-rate"]).toMatchObject({ numerator: 3, denominator: 3 });
    expect(vt.metrics["on-time-reporting-rate"]).toMatchObject({ numerator: 2, denominator: 3 });
    const attt = unitScore(mid, U.attt);
    expect(attt.metrics["reporting-rate"]).toMatchObject({ numerator: 1, denominator: 3 });
    expect(attt.evidence.reportsMissing).toEqual([
      "cuc-an-toan-thong-tin/2018Q2",
      "cuc-an-toan-thong-tin/2018S1",
    ]);
  });

  it("mid-year: elapsed ≈ 0.5 and projected completion ≈ 2 × current, capped at 1 per activity", () => {
    // 2018-01-01 00:00 → 2018-07-02 12:00 (Hà Nội) = 181 + 1.5 = 182.5 of 365 days
    expect(mid.agency.forecast.elapsed).toBe(0.5);
    const bdtw = unitScore(mid, U.bdtw);
    // bdtu-bai-viet 7/10 = 0.7, bdtu-tap-huan 2/2 = 1 → 0.85; projected min(1, 1.4) and 1 → 1
    expect(bdtw.metrics["plan-completion"].value).toBeCloseTo(0.85, 12);
    expect(bdtw.forecast.elapsed).toBe(0.5);
    expect(bdtw.forecast.planCompletion).toBeCloseTo(1, 6);
    // vt-bai-viet 2/5 = 0.4, vt-toa-dam 0 → 0.2; projected 0.8 and 0 → 0.4
    const vt = unitScore(mid, U.vt);
    expect(vt.metrics["plan-completion"].value).toBeCloseTo(0.2, 12);
    expect(vt.forecast.planCompletion).toBeCloseTo(0.4, 6);
    // vpb-chuyen-muc 12/24 = 0.5, vpb-hoi-nghi 0 → 0.25; projected 0.5
    const vpb = unitScore(mid, U.vpb);
    expect(vpb.metrics["plan-completion"].value).toBeCloseTo(0.25, 12);
    expect(vpb.forecast.planCompletion).toBeCloseTo(0.5, 6);
    // tttt 6/12 = 0.5 → projected 1
    expect(unitScore(mid, U.tttt).forecast.planCompletion).toBeCloseTo(1, 6);
    // Agency: (1 + 0.5 + 0 + 0.5 + 0 + 0.7 + 1 + 0.4 + 0 + 0 + 0) = 4.1 / 11; projected
    // (1 + 1 + 0 + 1 + 0 + 1 + 1 + 0.8 + 0 + 0 + 0) = 5.8 / 11
    expect(mid.agency.metrics["plan-completion"].value).toBeCloseTo(4.1 / 11, 9);
    expect(mid.agency.forecast.planCompletion).toBeCloseTo(5.8 / 11, 6);
  });

  it("mid-year forecast points: Cục Bưu điện Trung ương at its pace reaches its year-end points", () => {
    const bdtw = unitScore(mid, U.bdtw);
    // now: completion 85 % → 0.5; budget (4 + 3 + 9 + 9) = 25 M / 30 M = 83.3 % → 0.5; channels 1,
    // content 1; reports 3/3 on time → 0.5 + 0.5; manual 0.25 → 4.25 / 5.5 = 77.27 %
    expect(bdtw.points).toBe(4.25);
    expect(bdtw.percent).toBe(77.27);
    // projected: completion 1 → 1; budget ≈ 50 M / 30 M → 1 → 5.25 / 5.5 = 95.45 %
    expect(bdtw.forecast.points).toBe(5.25);
    expect(bdtw.forecast.percent).toBe(95.45);
  });

  it("at year end the forecast equals the score", () => {
    const end = scoreYear(YEAR_END);
    expect(end.agency.forecast.elapsed).toBe(1);
    for (const u of [...end.units, end.agency]) {
      expect(u.forecast.points).toBe(u.points);
      expect(u.forecast.percent).toBe(u.percent);
      expect(u.forecast.planCompletion).toBe(u.metrics["plan-completion"].value);
    }
  });
});

describe("threshold edges", () => {
  /** One activity of Cục Bưu điện Trung ương with the given target, output and money. */
  function single(target: number, output: number, plannedCostVnd?: number, costVnd?: number): ScoreSheet {
    const plan = planWithMembers();
    const activity: Activity = {
      id: "hd",
      unitId: U.bdtw,
      channelId: "II.2.a",
      contentAreaIds: ["II.1.a"],
      title: "Tin bài CCHC",
      periodId: "2018",
      target: { value: target, unit: "article" },
      ...(plannedCostVnd === undefined ? {} : { plannedCostVnd }),
    };
    const records: ActualRecord[] =
      output > 0 || costVnd !== undefined
        ? [
            {
              id: "kq",
              activityId: "hd",
              unitId: U.bdtw,
              date: "2018-06-01",
              output,
              ...(costVnd === undefined ? {} : { costVnd }),
            },
          ]
        : [];
    return scorePlan({ plan, activities: [activity], records, reports: [] }, { scheme, asOf: YEAR_END });
  }
  const leaf = (sheet: ScoreSheet, id: string) => nodeScore(unitScore(sheet, U.bdtw).nodes, id);

  it("plan completion exactly 100 % → 1 point", () => {
    const n = leaf(single(5, 5), "tt.1.1");
    expect(n.points).toBe(1);
    expect(n.explanation.threshold).toEqual({ atLeast: 1, points: 1 });
    expect(n.explanation.text.en).toBe("Plan completion = 1/1 = 100% ≥ 100% → 1 point.");
    expect(n.explanation.text.vi).toBe("Mức độ hoàn thành kế hoạch = 1/1 = 100% ≥ 100% → 1 điểm.");
  });

  it("plan completion exactly 80 % (4 of 5) → 0.5 point", () => {
    const n = leaf(single(5, 4), "tt.1.1");
    expect(n.explanation.metric?.value).toBe(0.8);
    expect(n.points).toBe(0.5);
    expect(n.explanation.threshold).toEqual({ atLeast: 0.8, points: 0.5 });
  });

  it("plan completion 79.99 % (7999 of 10000) → 0", () => {
    const n = leaf(single(10_000, 7_999), "tt.1.1");
    expect(n.explanation.metric?.value).toBe(0.7999);
    expect(n.points).toBe(0);
    expect(n.explanation.threshold).toBeNull();
    expect(n.explanation.text.vi).toContain("79,99%");
    expect(n.explanation.text.en).toContain("79.99%");
  });

  it("80 % reached by floating-point sums (8 records of 0.1 = 0.7999999999999999) still earns 0.5", () => {
    const plan = planWithMembers();
    const activity: Activity = {
      id: "hd",
      unitId: U.bdtw,
      channelId: "II.2.a",
      contentAreaIds: ["II.1.a"],
      title: "Tin bài CCHC",
      periodId: "2018",
      target: { value: 1, unit: "item" },
    };
    const records: ActualRecord[] = Array.from({ length: 8 }, (_, i) => ({
      id: `kq-${i}`,
      activityId: "hd",
      unitId: U.bdtw,
      date: "2018-06-01",
      output: 0.1,
    }));
    const sheet = scorePlan({ plan, activities: [activity], records, reports: [] }, { scheme });
    const n = leaf(sheet, "tt.1.1");
    expect(n.explanation.metric?.value).toBeCloseTo(0.8, 12);
    expect(n.points).toBe(0.5);
    // …and 10 × 0.1 = 0.9999999999999999 counts as done.
    const ten = [...records, ...records.slice(0, 2).map((r) => ({ ...r, id: `${r.id}-b` }))];
    const done = unitScore(
      scorePlan({ plan, activities: [activity], records: ten, reports: [] }, { scheme }),
      U.bdtw,
    );
    expect(done.metrics["activities-done"].value).toBe(1);
    expect(nodeScore(done.nodes, "tt.1.1").points).toBe(1);
  });

  it("output over the target counts as 100 %, not more", () => {
    const n = leaf(single(5, 7), "tt.1.1");
    expect(n.explanation.metric?.value).toBe(1);
    expect(n.points).toBe(1);
  });

  it("a target of 0 is done as soon as there is a record", () => {
    expect(leaf(single(0, 0, undefined, 0), "tt.1.1").explanation.metric?.value).toBe(1);
    expect(leaf(single(0, 0), "tt.1.1").explanation.metric?.value).toBe(0);
  });

  it("budget execution exactly 90 % → 1, exactly 70 % → 0.5, just under 70 % → 0", () => {
    expect(leaf(single(1, 1, 10_000_000, 9_000_000), "tt.1.2").points).toBe(1);
    expect(leaf(single(1, 1, 10_000_000, 7_000_000), "tt.1.2").points).toBe(0.5);
    expect(leaf(single(1, 1, 10_000_000, 6_999_999), "tt.1.2").points).toBe(0);
  });

  it("reporting rate exactly 80 % (4 of 5 due) → 0.25; all 5 → 0.5", () => {
    const plan: Plan = planWithMembers();
    if (plan.reporting === undefined) throw new Error("sample plan has a reporting schedule");
    plan.reporting.periodTypes = ["quarter", "year"];
    const onTime = (periodId: string, at: string): UnitReport => ({
      id: `bc-${periodId}`,
      unitId: U.bdtw,
      periodId,
      submittedAt: at,
      activityIds: [],
    });
    const four = [
      onTime("2018Q1", "2018-03-19T10:00:00+07:00"),
      onTime("2018Q2", "2018-06-19T10:00:00+07:00"),
      onTime("2018Q3", "2018-09-19T10:00:00+07:00"),
      onTime("2018Q4", "2018-12-19T10:00:00+07:00"),
    ];
    const s4 = scorePlan({ plan, activities: [], records: [], reports: four }, { scheme });
    const u4 = unitScore(s4, U.bdtw);
    expect(u4.metrics["reporting-rate"]).toMatchObject({ numerator: 4, denominator: 5, value: 0.8 });
    expect(nodeScore(u4.nodes, "tt.3.1").points).toBe(0.25);
    expect(nodeScore(u4.nodes, "tt.3.2").points).toBe(0.25);
    const five = [...four, onTime("2018", "2018-12-19T10:00:00+07:00")];
    const u5 = unitScore(scorePlan({ plan, activities: [], records: [], reports: five }, { scheme }), U.bdtw);
    expect(nodeScore(u5.nodes, "tt.3").points).toBe(1);
    // Nothing planned: only tt.3 and tt.4.2 apply → 1 of 1.5 = 66.67 %
    expect(u5.maxPoints).toBe(1.5);
    expect(u5.percent).toBe(66.67);
  });
});

describe("report timeliness is judged in Asia/Ho_Chi_Minh (2018Q1 due 2018-03-19)", () => {
  function q1(submittedAt: string) {
    const plan = planWithMembers();
    const report: UnitReport = {
      id: "bc",
      unitId: U.bdtw,
      periodId: "2018Q1",
      submittedAt,
      activityIds: [],
    };
    // As of 2018-03-31 only 2018Q1 is due.
    const sheet = scorePlan(
      { plan, activities: [], records: [], reports: [report] },
      { scheme, asOf: "2018-03-31T00:00:00+07:00" },
    );
    return unitScore(sheet, U.bdtw).evidence;
  }

  it.each([
    ["2018-03-19T23:59:00+07:00", "on time"], // 23:59 on the deadline day
    ["2018-03-19T16:59:59.999Z", "on time"], // the last millisecond of the 19th in Hà Nội
    ["2018-03-19T09:00:00-05:00", "on time"], // 21:00 on the 19th in Hà Nội
    ["2018-03-20T00:01:00+07:00", "late"], // one minute into the 20th
    ["2018-03-19T17:30:00Z", "late"], // 00:30 on the 20th in Hà Nội
    ["2018-03-19T17:00:00Z", "late"], // 00:00 on the 20th in Hà Nội
  ])("%s is %s", (submittedAt, verdict) => {
    const ev = q1(submittedAt);
    if (verdict === "on time") {
      expect(ev.reportsOnTime).toEqual(["cuc-buu-dien-trung-uong/2018Q1"]);
      expect(ev.reportsLate).toEqual([]);
    } else {
      expect(ev.reportsOnTime).toEqual([]);
      expect(ev.reportsLate).toEqual(["cuc-buu-dien-trung-uong/2018Q1"]);
    }
    expect(ev.reportsMissing).toEqual([]);
  });

  it("the earliest of several submissions counts, whatever the order they arrive in", () => {
    const plan = planWithMembers();
    const reports: UnitReport[] = [
      {
        id: "late",
        unitId: U.bdtw,
        periodId: "2018Q1",
        submittedAt: "2018-03-25T08:00:00+07:00",
        activityIds: [],
      },
      {
        id: "early",
        unitId: U.bdtw,
        periodId: "2018Q1",
        submittedAt: "2018-03-18T08:00:00+07:00",
        activityIds: [],
      },
    ];
    const sheet = scorePlan(
      { plan, activities: [], records: [], reports },
      { scheme, asOf: "2018-03-31T00:00:00+07:00" },
    );
    const u = unitScore(sheet, U.bdtw);
    expect(u.evidence.reportsOnTime).toEqual(["cuc-buu-dien-trung-uong/2018Q1"]);
    expect(u.metrics["reporting-rate"]).toMatchObject({ numerator: 1, denominator: 1 });
    expect(sheet.counts.reports).toBe(2);
  });
});

describe("one scorer over a stream: activities, records and reports in any number", () => {
  /** An activity of `unitId` with target 2 and 2,000 VND planned, on the plan's first content areas. */
  const activity = (
    id: string,
    unitId: string = U.bdtw,
    contentAreaIds = ["II.1.a", "II.1.b"],
  ): Activity => ({
    id,
    unitId,
    channelId: "II.2.a",
    contentAreaIds,
    title: `Hoạt động ${id}`,
    periodId: "2018",
    target: { value: 2, unit: "article" },
    plannedCostVnd: 2_000,
  });
  const record = (id: string, activityId: string, output = 1, unitId: string = U.bdtw): ActualRecord => ({
    id,
    activityId,
    unitId,
    date: "2018-06-01",
    output,
    costVnd: 1_000,
  });

  it("its context knows every activity added, before and after the context is first read", () => {
    const scorer = new Scorer(planWithMembers(), { scheme });
    scorer.addActivity(activity("a1"));
    expect(scorer.context.activities.has("a1")).toBe(true);
    scorer.addActivity(activity("a2"));
    expect(scorer.context.activities.has("a2")).toBe(true);
    // …so records are checked through it against the activities scored.
    expect(checkRecord(record("r1", "a2"), scorer.context).findings).toEqual([]);
    expect(checkRecord(record("r2", "a3"), scorer.context).findings.map((f) => f.code)).toContain(
      "tracking.activity-unknown",
    );
  });

  it("sample record ids: a unit's first ones in arrival order across its activities, up to explainLimit", () => {
    const scorer = new Scorer(planWithMembers(), { scheme, explainLimit: 3 });
    scorer.addActivity(activity("a1"));
    scorer.addActivity(activity("a2"));
    scorer.addActivity(activity("v1", U.vt));
    for (const [id, a] of [
      ["r1", "a1"],
      ["r2", "a2"],
      ["x1", "v1"],
      ["r3", "a1"],
      ["r4", "a2"],
    ] as const)
      scorer.addRecord(record(id, a, 1, a === "v1" ? U.vt : U.bdtw));
    // an activity added once the unit's sample is full, and a record of it
    scorer.addActivity(activity("a3"));
    scorer.addRecord(record("r5", "a3"));
    const sheet = scorer.result();
    expect(unitScore(sheet, U.bdtw).evidence.sampleRecordIds).toEqual(["r1", "r2", "r3"]);
    expect(unitScore(sheet, U.bdtw).evidence.recordCount).toBe(5);
    expect(unitScore(sheet, U.vt).evidence.sampleRecordIds).toEqual(["x1"]);
  });

  it("counts thousands of activities with their content areas, every one of them", () => {
    // 3,000 activities of target 2: every third gets 2 (done), the others 1 (half done).
    const scorer = new Scorer(planWithMembers(), { scheme, asOf: YEAR_END });
    for (let i = 0; i < 3_000; i++) scorer.addActivity(activity(`a${i}`));
    for (let i = 0; i < 3_000; i++) scorer.addRecord(record(`r${i}`, `a${i}`, i % 3 === 0 ? 2 : 1));
    const u = unitScore(scorer.result(), U.bdtw);
    // completion 1,000 × 1 + 2,000 × 0.5 = 2,000 of 3,000; done 1,000 of 3,000
    expect(u.metrics["plan-completion"]).toMatchObject({ numerator: 2_000, denominator: 3_000 });
    expect(u.metrics["activities-done"]).toMatchObject({ numerator: 1_000, denominator: 3_000 });
    // two distinct content areas planned and used, one channel
    expect(u.metrics["content-coverage"]).toMatchObject({ numerator: 2, denominator: 2 });
    expect(u.metrics["channel-diversity"]).toMatchObject({ numerator: 1, denominator: 1 });
    // 3,000 × 1,000 VND spent of 3,000 × 2,000 planned
    expect(u.metrics["budget-execution"]).toMatchObject({ numerator: 3_000_000, denominator: 6_000_000 });
    expect(u.evidence.recordCount).toBe(3_000);
  });

  it("a sheet already returned does not change when more records arrive; the next one has them", () => {
    const scorer = new Scorer(planWithMembers(), { scheme, asOf: YEAR_END });
    scorer.addActivity(activity("a1"));
    scorer.addActivity(activity("v1", U.vt));
    scorer.addRecord(record("r1", "a1"));
    scorer.addRecord(record("x1", "v1", 1, U.vt));
    const first = scorer.result();
    const frozen = JSON.parse(JSON.stringify(first)) as unknown;
    scorer.addRecord(record("r2", "a1"));
    const second = scorer.result();
    expect(first).toEqual(frozen);
    expect(unitScore(second, U.bdtw).metrics["plan-completion"]).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
    expect(unitScore(second, U.bdtw).evidence.sampleRecordIds).toEqual(["r1", "r2"]);
    // the unit that got nothing new scores as before (its rank aside: the other unit moved up)
    const { rank: _r1, ...before } = unitScore(first, U.vt);
    const { rank: _r2, ...after } = unitScore(second, U.vt);
    expect(after).toEqual(before);
  });

  it("units with the same counts get the same explanation; each keeps its own where they differ", () => {
    const scorer = new Scorer(planWithMembers(), { scheme, asOf: YEAR_END });
    scorer.addActivity(activity("a1"));
    scorer.addActivity(activity("v1", U.vt));
    scorer.addRecord(record("r1", "a1", 2));
    scorer.addRecord(record("x1", "v1", 1, U.vt));
    const sheet = scorer.result();
    const [b, v] = [unitScore(sheet, U.bdtw), unitScore(sheet, U.vt)];
    expect(nodeScore(b.nodes, "tt.2.2").explanation.text.en).toBe(
      "Content coverage = 2/2 = 100% ≥ 100% → 1 point.",
    );
    expect(nodeScore(v.nodes, "tt.2.2")).toEqual(nodeScore(b.nodes, "tt.2.2"));
    expect(nodeScore(b.nodes, "tt.1.1").explanation.text.en).toBe(
      "Plan completion = 1/1 = 100% ≥ 100% → 1 point.",
    );
    expect(nodeScore(v.nodes, "tt.1.1").explanation.text.en).toBe(
      "Plan completion = 0.5/1 = 50%, below the lowest threshold 80% → 0 points.",
    );
    // budget 1,000 of 2,000 VND = 50 % earns neither: tt.1 is 1 + 0 and 0 + 0
    expect(nodeScore(b.nodes, "tt.1").points).toBe(1);
    expect(nodeScore(v.nodes, "tt.1").points).toBe(0);
  });

  it("a report for a period outside the calendar makes its unit take part, and is due nowhere", () => {
    const scorer = new Scorer(planWithMembers(), { scheme, asOf: YEAR_END });
    scorer.addReport({
      id: "x",
      unitId: U.vt,
      periodId: "2018Q9",
      submittedAt: "2018-03-18T08:00:00+07:00",
      activityIds: [],
    });
    const sheet = scorer.result();
    const v = unitScore(sheet, U.vt);
    expect(v.metrics["unit-participation"]).toMatchObject({ numerator: 1, denominator: 1 });
    expect(v.metrics["reporting-rate"].numerator).toBe(0);
    expect(sheet.counts.reports).toBe(1);
  });
});
