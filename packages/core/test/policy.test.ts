/**
 * Who may do what: the lead may do everything, a viewer only reads, a unit's reporter acts for its
 * own unit only and never edits the plan or appraises. Denials are typed failures with a reason in
 * Vietnamese and English.
 */
import { Result } from "effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Action, type Actor, authorize, PermissionDenied } from "../src/index.js";

const ACTIONS: readonly Action[] = [
  "view",
  "edit-plan",
  "plan-activity",
  "record-activity",
  "submit-report",
  "self-assess",
  "appraise",
];
const UNIT_ACTIONS: readonly Action[] = ["plan-activity", "record-activity", "submit-report", "self-assess"];

const A = "cuc-vien-thong";
const B = "cuc-an-toan-thong-tin";

const lead: Actor = { role: "lead", userId: "tccb-01" };
const viewer: Actor = { role: "viewer" };
const reporterA: Actor = { role: "reporter", unitId: A, userId: "vt-01" };

/** The denial of a result, failing the test when the action was allowed. */
function denial(result: Result.Result<void, PermissionDenied>): PermissionDenied {
  expect(Result.isFailure(result)).toBe(true);
  if (!Result.isFailure(result)) throw new Error("expected a denial");
  return result.failure;
}

function expectAllowed(result: Result.Result<void, PermissionDenied>) {
  expect(Result.isSuccess(result)).toBe(true);
  expect(Result.isFailure(result)).toBe(false);
}

function expectDenial(
  result: Result.Result<void, PermissionDenied>,
  actor: Actor,
  action: Action,
  unitId: string | undefined,
): PermissionDenied {
  const d = denial(result);
  expect(d).toBeInstanceOf(PermissionDenied);
  expect(d._tag).toBe("PermissionDenied");
  expect(d.action).toBe(action);
  expect(d.actor).toEqual(actor);
  expect(d.unitId).toBe(unitId);
  expect(d.reason.vi.trim().length).toBeGreaterThan(0);
  expect(d.reason.en.trim().length).toBeGreaterThan(0);
  expect(d.message).toBe(`${d.reason.vi} / ${d.reason.en}`);
  return d;
}

describe("authorize", () => {
  it("the lead may do everything, for any unit or none", () => {
    for (const action of ACTIONS) {
      expectAllowed(authorize(lead, action));
      expectAllowed(authorize(lead, action, A));
      expectAllowed(authorize(lead, action, B));
    }
  });

  it("a viewer may only view", () => {
    expectAllowed(authorize(viewer, "view"));
    expectAllowed(authorize(viewer, "view", A));
    for (const action of ACTIONS.filter((a) => a !== "view")) {
      expectDenial(authorize(viewer, action, A), viewer, action, A);
      const d = expectDenial(authorize(viewer, action), viewer, action, undefined);
      expect(d.reason.vi).toContain("Người xem");
    }
  });

  it("a reporter of unit A may plan, record, submit and self-assess for A", () => {
    for (const action of UNIT_ACTIONS) expectAllowed(authorize(reporterA, action, A));
    expectAllowed(authorize(reporterA, "view"));
    expectAllowed(authorize(reporterA, "view", B));
  });

  it("…but not for unit B, naming both units", () => {
    for (const action of UNIT_ACTIONS) {
      const d = expectDenial(authorize(reporterA, action, B), reporterA, action, B);
      expect(d.reason.vi).toContain(`"${A}"`);
      expect(d.reason.vi).toContain(`"${B}"`);
      expect(d.reason.en).toContain(`not "${B}"`);
    }
  });

  it("…nor without a unit", () => {
    for (const action of UNIT_ACTIONS) {
      const d = expectDenial(authorize(reporterA, action), reporterA, action, undefined);
      expect(d.reason.en).toContain(`"${A}"`);
    }
  });

  it("…and never edits the plan or appraises, even for A", () => {
    for (const action of ["edit-plan", "appraise"] as const) {
      for (const unitId of [A, B, undefined]) {
        const d = expectDenial(authorize(reporterA, action, unitId), reporterA, action, unitId);
        expect(d.reason.vi).toContain("chủ trì");
      }
    }
  });

  it("a denial is a typed error a program can catch by tag", () => {
    const d = denial(authorize(viewer, "appraise", A));
    expect(d).toBeInstanceOf(Error);
    expect(d.message.length).toBeGreaterThan(0);
  });

  it("property: exactly the rules above, for every actor, action and unit", () => {
    const unitArb = fc.option(fc.constantFrom(A, B, "so-noi-vu"), { nil: undefined });
    const actorArb: fc.Arbitrary<Actor> = fc.oneof(
      fc.constant<Actor>(lead),
      fc.constant<Actor>(viewer),
      fc.constantFrom(A, B).map((unitId): Actor => ({ role: "reporter", unitId })),
    );
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...ACTIONS), unitArb, (actor, action, unitId) => {
        const allowed =
          action === "view" ||
          actor.role === "lead" ||
          (actor.role === "reporter" && UNIT_ACTIONS.includes(action) && unitId === actor.unitId);
        const result = authorize(actor, action, unitId);
        expect(Result.isSuccess(result)).toBe(allowed);
        if (!allowed) expectDenial(result, actor, action, unitId);
      }),
      { numRuns: 200 },
    );
  });
});
