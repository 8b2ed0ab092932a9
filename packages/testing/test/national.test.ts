import {
  checkActivity,
  checkRecord,
  checkReport,
  createTrackingContext,
  foldForComparison,
  PAR_COMMUNICATION_PRESET,
  Scorer,
  validatePlan,
} from "@cchc/core";
import { describe, expect, it } from "vitest";
import { generateDataset, NATIONAL_UNIT_COUNT } from "../src/index.js";
import { take } from "./helpers.js";

describe("national: 85 agencies, 3,400 units, 1,000,000 records", () => {
  const d = generateDataset({ size: "national", seed: 2018 });
  const plan = d.plan;
  const byId = new Map(plan.units.map((u) => [u.id, u] as const));
  const agencies = plan.units.filter((u) => u.kind === "ministry" || u.kind === "provincial-committee");

  it("has one valid national plan issued by Bộ Nội vụ", () => {
    const v = validatePlan(plan);
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
    expect(plan.issuer).toEqual({ name: "Bộ Nội vụ", abbreviation: "BNV" });
    const lead = plan.responsibilities.find((r) => r.roles.includes("lead"));
    expect(lead?.unitIds).toEqual(["bo-noi-vu.vu-cai-cach-hanh-chinh"]);
    expect(byId.get("bo-noi-vu.vu-cai-cach-hanh-chinh")?.name).toBe("Vụ Cải cách hành chính, Bộ Nội vụ");
  });

  it("has 22 ministries and 63 provinces, 3,400 distinct units under them", () => {
    expect(plan.units).toHaveLength(NATIONAL_UNIT_COUNT);
    expect(NATIONAL_UNIT_COUNT).toBe(3_400);
    expect(agencies).toHaveLength(85);
    expect(agencies.filter((u) => u.kind === "ministry")).toHaveLength(22);
    expect(agencies.filter((u) => u.kind === "provincial-committee")).toHaveLength(63);
    expect(byId.get("tp-ha-noi")?.name).toBe("Ủy ban nhân dân thành phố Hà Nội");
    expect(byId.get("tinh-thua-thien-hue")?.name).toBe("Ủy ban nhân dân tỉnh Thừa Thiên Huế");
    expect(new Set(plan.units.map((u) => u.id)).size).toBe(3_400);
    expect(new Set(plan.units.map((u) => foldForComparison(u.name))).size).toBe(3_400);
    for (const a of agencies) expect(a.parentUnitId).toBeUndefined();
    // every other unit belongs, directly or through its Sở or district, to an agency unit
    for (const u of plan.units) {
      if (u.kind === "ministry" || u.kind === "provincial-committee") continue;
      let top = u;
      for (let depth = 0; top.parentUnitId !== undefined && depth < 5; depth++) {
        const parent = byId.get(top.parentUnitId);
        if (!parent) throw new Error(`${top.id}: unknown parent ${top.parentUnitId}`);
        top = parent;
      }
      expect(["ministry", "provincial-committee"]).toContain(top.kind);
      expect(u.id.startsWith(`${top.id}.`)).toBe(true);
    }
    // Vietnamese names, NFC
    const json = JSON.stringify(plan);
    expect(json).toBe(json.normalize("NFC"));
    expect(plan.units.some((u) => u.name === "Sở Nội vụ tỉnh Lào Cai")).toBe(true);
  });

  it("lists the reporting units: every unit but the lead and the communes", () => {
    const reporters = plan.reporting?.reporterUnitIds;
    if (!Array.isArray(reporters)) throw new Error("reporterUnitIds should be a list");
    const communes = plan.units.filter((u) => u.kind === "commune-committee").length;
    expect(communes).toBeGreaterThan(0);
    expect(reporters).toHaveLength(3_400 - 1 - communes);
    expect(d.manifest.counts.units).toBe(3_400);
    expect(d.manifest.counts.records).toBe(1_000_000);
  });

  it("yields records lazily: the first 10,000 arrive at once and pass the checks", () => {
    const ctx = createTrackingContext(plan);
    let activities = 0;
    for (const a of d.activities()) {
      const r = checkActivity(a, ctx);
      expect(r.findings).toEqual([]);
      activities++;
    }
    expect(activities).toBe(d.manifest.counts.activities);
    const started = performance.now();
    const stream = d.records();
    expect(Object.prototype.toString.call(stream)).toBe("[object Generator]");
    const first = take(stream, 10_000);
    const elapsed = performance.now() - started;
    stream.return(undefined);
    expect(first).toHaveLength(10_000);
    // a few units' worth of records, not the whole country
    expect(new Set(first.map((r) => r.unitId)).size).toBeLessThan(100);
    expect(elapsed).toBeLessThan(5_000);
    for (const [i, r] of first.entries()) {
      const checked = checkRecord(r, ctx, i + 1);
      expect(checked.findings).toEqual([]);
    }
    expect(first[0]?.id).toBe("rec-0000001");
    expect(first[9_999]?.id).toBe("rec-0010000");
  });

  it("is scored by one Scorer for all 3,400 units", () => {
    const scorer = new Scorer(plan, { scheme: PAR_COMMUNICATION_PRESET, explainLimit: 3 });
    const ctx = scorer.context;
    for (const a of d.activities()) {
      const r = checkActivity(a, ctx);
      if (r.value) scorer.addActivity(r.value);
    }
    for (const r of take(d.records(), 10_000)) scorer.addRecord(r);
    let reports = 0;
    for (const r of d.reports()) {
      const c = checkReport(r, ctx);
      expect(c.findings).toEqual([]);
      if (c.value) scorer.addReport(c.value);
      reports++;
    }
    expect(reports).toBe(d.manifest.counts.reports);
    const sheet = scorer.result();
    expect(sheet.units).toHaveLength(3_400);
    expect(sheet.counts.records).toBe(10_000);
    expect(sheet.agency.name).toBe("Bộ Nội vụ");
  });
});
