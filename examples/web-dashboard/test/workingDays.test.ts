/**
 * The status table follows the plan's working-day settings: with a 4-day deadline the 2018 Q1
 * report falls due on Sunday 18/03/2018; moved to the next working day, a Monday report is on time.
 */
import { type Plan, samplePlan, type UnitReport } from "@cchc/core";
import { describe, expect, it } from "vitest";
import { reportingStatus } from "../src/reportingStatus.js";

function plan(dueOnDayOff: "keep" | "next-working-day"): Plan {
  const p = samplePlan("mic-2018");
  if (p.reporting === undefined) throw new Error("the sample has a reporting schedule");
  p.reporting = { ...p.reporting, deadlineDaysAfterCutoff: 4, dueOnDayOff };
  return p;
}

describe("reporting status with working-day settings", () => {
  it("the dashboard counts a Monday report on time when the Sunday deadline moved", () => {
    const p = plan("keep");
    const unitId = reportingStatus(p, [], new Date("2018-01-01T00:00:00Z")).units[0]?.unitId ?? "";
    expect(unitId).not.toBe("");
    const reports: UnitReport[] = [
      { id: "r1", unitId, periodId: "2018Q1", submittedAt: "2018-03-19T10:00:00+07:00", activityIds: [] },
    ];
    const now = new Date("2018-03-25T00:00:00+07:00");
    const cell = (q: Plan) =>
      reportingStatus(q, reports, now)
        .units.find((u) => u.unitId === unitId)
        ?.cells.find((c) => c.period.id === "2018Q1")?.state;
    expect(cell(plan("keep"))).toBe("late");
    expect(cell(plan("next-working-day"))).toBe("on-time");
  });
});
