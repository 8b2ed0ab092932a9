/**
 * A plan that counts working days (or moves due dates off days off) changes every consumer at
 * once: the ICS export's deadlines, the reminders and on-time scoring all take the due date of
 * `planCalendar`. Here the ICS export is checked (the core tests check reminders and scoring, the
 * dashboard's tests its status table) on the 2018 sample with a 4-day deadline, whose Q1 report
 * then falls due on Sunday 18/03/2018.
 */
import { type Plan, planCalendar, samplePlan } from "@cchc/core";
import { exportIcs } from "@cchc/export-ical";
import { describe, expect, it } from "vitest";

function plan(dueOnDayOff: "keep" | "next-working-day"): Plan {
  const p = samplePlan("mic-2018");
  if (p.reporting === undefined) throw new Error("the sample has a reporting schedule");
  p.reporting = { ...p.reporting, deadlineDaysAfterCutoff: 4, dueOnDayOff };
  return p;
}

describe("consumers of the resulting due date", () => {
  it("the ICS export puts the Q1 deadline on Monday 19/03 when due dates move off days off", async () => {
    const text = async (p: Plan) =>
      new TextDecoder().decode((await exportIcs({ kind: "plan", plan: p })).bytes);
    const keep = await text(plan("keep"));
    const moved = await text(plan("next-working-day"));
    expect(keep).toContain("DTSTART;VALUE=DATE:20180318\r\n");
    expect(moved).not.toContain("DTSTART;VALUE=DATE:20180318\r\n");
    expect(moved).toContain("DTSTART;VALUE=DATE:20180319\r\n");
    expect(
      planCalendar(plan("next-working-day")).find((p) => p.id === "2018Q1")?.dueDateMove?.reason.vi,
    ).toBe("18/03/2018 là Chủ nhật → 19/03/2018");
  });
});
