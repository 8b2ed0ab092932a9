/**
 * The parts of the official document model that every exporter leans on: control characters
 * dropped and reported, the streaming period report equal to the one-shot one, balanced header
 * lines and table column widths.
 */
import { describe, expect, it } from "vitest";
import {
  type Activity,
  type ActualRecord,
  balanceLines,
  buildPeriodReport,
  officialDocument,
  PeriodReportBuilder,
  stripIllegalCharacters,
  tableColumnWidths,
} from "../src/index.js";
import { sample } from "./support.js";

describe("control characters in official documents", () => {
  it("strips what XML forbids, keeps tab, line feed, emoji and Vietnamese", () => {
    expect(stripIllegalCharacters("a\u0001b\u0007c\u001f\u007f\u0085d\t\n😀 Ủy ban\ud800\uffff")).toEqual({
      text: "abcd\t\n😀 Ủy ban",
      removed: 7,
    });
    expect(stripIllegalCharacters("Bộ Nội vụ")).toEqual({ text: "Bộ Nội vụ", removed: 0 });
  });

  it("drops them from every field of the document and reports how many went", () => {
    const plan = sample();
    plan.title = "Kế hoạch\u0001 năm 2018";
    plan.objectives[0] = { id: "I.1.a", text: "Mục tiêu\u0007\u0008" };
    const doc = officialDocument({ kind: "plan", plan }, { signer: { title: "BỘ\u001b TRƯỞNG", name: "A" } });
    expect(doc.summary).toBe("Kế hoạch năm 2018");
    expect(doc.signer?.title).toBe("BỘ TRƯỞNG");
    expect(JSON.stringify(doc.body)).toContain('"Mục tiêu"');
    const w = doc.warnings.find((f) => f.code === "export.control-characters-removed");
    expect(w?.message.en).toContain("4 control character");
    expect(officialDocument({ kind: "plan", plan: sample() }).warnings.map((f) => f.code)).not.toContain(
      "export.control-characters-removed",
    );
  });
});

describe("PeriodReportBuilder", () => {
  const plan = sample();
  const unit = plan.units[0]?.id ?? "";
  const other = plan.units[1]?.id ?? "";
  const activity = (id: string, unitId: string): Activity => ({
    id,
    unitId,
    channelId: plan.channels[0]?.id ?? "",
    contentAreaIds: [plan.contentAreas[0]?.id ?? ""],
    title: `Hoạt động ${id}`,
    target: { value: 2, unit: "article" },
    plannedCostVnd: 1_000_000,
  });
  const record = (id: string, activityId: string, date: string, output: number): ActualRecord => ({
    id,
    activityId,
    unitId: unit,
    date,
    output,
    participants: 10,
    costVnd: 500_000,
  });
  const activities = [activity("a1", unit), activity("a2", other)];
  const records = [
    record("r0", "a1", "2017-12-01", 5), // before the year's window: ignored
    record("r1", "a1", "2017-12-20", 1), // in Q1's window (15 Dec – 14 Mar)
    record("r2", "a1", "2018-03-14", 1),
    record("r3", "a1", "2018-03-15", 4), // after Q1's cut-off
    record("r4", "a2", "2018-01-10", 3),
  ];

  it("adds up what was done in the period and since the start of the year", () => {
    const b = PeriodReportBuilder.forPeriod(plan, "2018Q1");
    if (!b) throw new Error("no period");
    for (const a of activities) b.addActivity(a);
    for (const r of records) b.addRecord(r);
    const r = b.result();
    const a1 = r.rows.find((x) => x.activityId === "a1");
    expect(a1).toMatchObject({
      achievedInPeriod: 2,
      achievedToDate: 2,
      participants: 20,
      costVnd: 1_000_000,
    });
    expect(r.totals).toMatchObject({
      activities: 2,
      records: 3,
      activitiesDone: 2,
      plannedCostVnd: 2_000_000,
    });
    expect(buildPeriodReport({ plan, activities, records, periodId: "2018Q1" })).toEqual(r);
  });

  it("keeps to one unit's activities and knows the plan's periods only", () => {
    const r = buildPeriodReport({ plan, activities, records, periodId: "2018Q1", unitId: unit });
    expect(r?.rows.map((x) => x.activityId)).toEqual(["a1"]);
    expect(r?.unitName).toBe(plan.units[0]?.name);
    expect(PeriodReportBuilder.forPeriod(plan, "2019Q1")).toBeUndefined();
  });
});

describe("header lines and table columns", () => {
  const measure = (s: string) => s.length;

  it("splits a name that does not fit into two balanced lines", () => {
    expect(balanceLines("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", measure, 24)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "THÀNH PHỐ HÀ NỘI",
    ]);
    expect(balanceLines("BỘ NỘI VỤ", measure, 24)).toEqual(["BỘ NỘI VỤ"]);
    expect(balanceLines("MỘTTỪRẤTDÀIKHÔNGTÁCHĐƯỢCNỮA", measure, 10)).toEqual(["MỘTTỪRẤTDÀIKHÔNGTÁCHĐƯỢCNỮA"]);
  });

  it("widens narrow columns to their minimum and still fills the width", () => {
    const w = tableColumnWidths([4, 14, 20, 8], 460, [30, 20, 20, 60]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(460, 6);
    expect(w[0]).toBeGreaterThanOrEqual(30 - 1e-9);
    expect(w[3]).toBeGreaterThanOrEqual(60 - 1e-9);
    expect(w[2]).toBeGreaterThan(w[1] ?? 0);
    const tight = tableColumnWidths([1, 1], 100, [80, 80]);
    expect(tight).toEqual([50, 50]);
  });
});
