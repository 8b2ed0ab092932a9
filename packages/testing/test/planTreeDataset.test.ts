import { checkPlanLinks, planLink, validatePlan } from "@cchc/core";
import { describe, expect, it } from "vitest";
import { generateDataset } from "../src/index.js";

describe("2026 datasets as plan trees", () => {
  it("medium: the province's plan, then one plan per department and commune naming it and its unit", () => {
    const d = generateDataset({ size: "medium", seed: 7, year: 2026, records: 5_000 });
    const root = d.plan;
    expect(root.parent).toBeUndefined();
    expect(d.manifest.rootPlanId).toBe(root.id);
    expect(d.manifest.plans.map((p) => p.planId)).toEqual([root.id, ...d.subPlans.map((s) => s.plan.id)]);
    const expected = root.units.filter((u) =>
      [
        "provincial-department",
        "office",
        "inspectorate",
        "board",
        "centre",
        "commune-committee",
        "ward-committee",
        "special-zone-committee",
      ].includes(u.kind),
    );
    // a few never issue theirs (3 %)
    expect(d.subPlans.length).toBeLessThan(expected.length);
    expect(d.subPlans.length).toBeGreaterThan(expected.length * 0.9);
    const kinds = new Set<string>();
    for (const s of d.subPlans) {
      expect(s.plan.parent?.planId).toBe(root.id);
      const unit = root.units.find((u) => u.id === s.plan.parent?.unitId);
      expect(unit?.name).toBe(s.plan.issuer.name);
      kinds.add(unit?.kind ?? "");
      expect(s.plan.year).toBe(2026);
      expect((s.plan.date ?? "") > (root.date ?? "")).toBe(true);
      const v = validatePlan(s.plan);
      expect(v.errors).toEqual([]);
    }
    expect(kinds).toContain("provincial-department");
    expect(kinds).toContain("commune-committee");
    expect(checkPlanLinks([d, ...d.subPlans].map((x) => planLink("tinh", x.plan)))).toEqual([]);
    // the records are shared over the tree
    const total = d.manifest.plans.reduce((a, p) => a + p.counts.records, 0);
    expect(total).toBe(5_000);
    expect(d.manifest.counts.records).toBe(5_000);
  });

  it("medium with subPlans false stays one plan; national stays 52 plans unless asked", () => {
    expect(
      generateDataset({ size: "medium", seed: 7, year: 2026, records: 0, subPlans: false }).subPlans,
    ).toEqual([]);
    expect(
      generateDataset({ size: "national", seed: 7, year: 2026, records: 0 }).manifest.plans,
    ).toHaveLength(52);
  });

  it("national with subPlans: the country, every province followed by its departments' and communes' plans", () => {
    const d = generateDataset({ size: "national", seed: 7, year: 2026, records: 0, subPlans: true });
    const plans = d.manifest.plans;
    expect(plans.length).toBeGreaterThan(3_000);
    const ids = new Set(plans.map((p) => p.planId));
    expect(ids.size).toBe(plans.length);
    // parents before children
    const seen = new Set<string>();
    for (const p of plans) {
      if (p.parentPlanId !== undefined) expect(seen.has(p.parentPlanId)).toBe(true);
      seen.add(p.planId);
    }
    const depth2 = plans.filter((p) => p.parentPlanId !== undefined && p.parentPlanId !== d.plan.id);
    expect(depth2.length).toBeGreaterThan(3_000);
  });
});
