import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  checkActivity,
  checkRecord,
  checkReport,
  communeTotals,
  createTrackingContext,
  PROVINCE_REFERENCES,
  validatePlan,
} from "@cchc/core";
import { describe, expect, it } from "vitest";
import { type Dataset, type DatasetManifest, generateDataset, writeDataset } from "../src/index.js";
import { tempDir } from "./helpers.js";

const COMMUNE_KINDS = ["commune-committee", "ward-committee", "special-zone-committee"];
const DISTRICT_KINDS = ["district-committee", "district-division", "town-committee"];

/** Every item of a plan's streams through core's checks; returns the problems and the counts. */
function check(d: Dataset) {
  const ctx = createTrackingContext(d.plan);
  const problems: string[] = [];
  let activities = 0;
  let records = 0;
  let reports = 0;
  for (const a of d.activities()) {
    activities++;
    if (checkActivity(a, ctx).findings.length > 0) problems.push(`activity ${a.id}`);
  }
  for (const r of d.records()) {
    records++;
    if (checkRecord(r, ctx).findings.length > 0) problems.push(`record ${r.id}`);
  }
  for (const r of d.reports()) {
    reports++;
    if (checkReport(r, ctx).findings.length > 0) problems.push(`report ${r.id}`);
  }
  return { problems, activities, records, reports };
}

describe("medium, 2026: one province of two-tier government", () => {
  const d = generateDataset({ size: "medium", seed: 7, year: 2026, subPlans: false });
  const plan = d.plan;
  const province = PROVINCE_REFERENCES.find((p) => p.committee === plan.issuer.name);

  it("is one of the 34 with its real count of communes, wards and special zones, and no districts", () => {
    expect(province).toBeDefined();
    const kinds = plan.units.map((u) => u.kind);
    expect(kinds.filter((k) => DISTRICT_KINDS.includes(k))).toEqual([]);
    expect(kinds.filter((k) => k === "commune-committee")).toHaveLength(province?.communes?.xa ?? -1);
    expect(kinds.filter((k) => k === "ward-committee")).toHaveLength(province?.communes?.phuong ?? -1);
    expect(kinds.filter((k) => k === "special-zone-committee")).toHaveLength(
      province?.communes?.dacKhu ?? -1,
    );
    // departments of 2025: no Sở Thông tin và Truyền thông, a Sở Nông nghiệp và Môi trường
    const names = plan.units.map((u) => u.name);
    expect(names).toContain("Sở Nông nghiệp và Môi trường");
    expect(names).not.toContain("Sở Thông tin và Truyền thông");
    // communes belong to the province directly and report to Sở Nội vụ
    for (const u of plan.units.filter((x) => COMMUNE_KINDS.includes(x.kind)))
      expect(u.parentUnitId).toBe("ubnd");
    expect(plan.reporting?.recipientUnitId).toBe("so-noi-vu");
  });

  it("validates without a finding and its tracking data passes core's checks", () => {
    const v = validatePlan(plan);
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
    const c = check(d);
    expect(c.problems).toEqual([]);
    expect(c.records).toBe(50_000);
  });

  it("keeps the old structure for 2018: districts and communes under them", () => {
    const old = generateDataset({ size: "medium", seed: 7, year: 2018 }).plan;
    expect(old.units.some((u) => u.kind === "district-committee")).toBe(true);
    expect(old.units.map((u) => u.name)).toContain("Sở Thông tin và Truyền thông");
    expect(validatePlan(old).warnings).toEqual([]);
  });
});

describe("small, 2026: the province sample", () => {
  it("is the lao-cai-2026 sample with generated tracking data", () => {
    const d = generateDataset({ size: "small", seed: 1, year: 2026, records: 500 });
    expect(d.plan.id).toBe("lao-cai-2026");
    expect(validatePlan(d.plan).warnings).toEqual([]);
    expect(check(d).problems).toEqual([]);
  });
});

describe("national, 2026: the country as it is", () => {
  const d = generateDataset({ size: "national", seed: 1, year: 2026, records: 20_000 });
  const all = [d, ...d.subPlans];

  it("is the Ministry of Home Affairs' plan and one plan per ministry and per province under it", () => {
    expect(d.plan.issuer).toEqual({ name: "Bộ Nội vụ", abbreviation: "BNV" });
    expect(d.subPlans).toHaveLength(17 + 34);
    for (const s of d.subPlans) expect(s.plan.parent).toMatchObject({ planId: d.plan.id, year: 2026 });
    expect(d.plan.units.filter((u) => u.kind === "ministry")).toHaveLength(17);
    expect(d.plan.units.filter((u) => u.kind === "provincial-committee")).toHaveLength(34);
    expect(new Set(all.map((x) => x.plan.id)).size).toBe(52);
    const issuers = d.subPlans.map((s) => s.plan.issuer.name);
    expect(issuers).toContain("Bộ Khoa học và Công nghệ");
    expect(issuers).toContain("Ủy ban nhân dân thành phố Đà Nẵng");
    expect(issuers).not.toContain("Bộ Thông tin và Truyền thông");
  });

  it("has the real count of commune-level units: 3,321 (2,636 xã, 672 phường, 13 đặc khu)", () => {
    const units = all.flatMap((x) => x.plan.units);
    const count = (k: string) => units.filter((u) => u.kind === k).length;
    expect(count("commune-committee")).toBe(2_636);
    expect(count("ward-committee")).toBe(672);
    expect(count("special-zone-committee")).toBe(13);
    expect(communeTotals().total).toBe(3_321);
    expect(units.filter((u) => DISTRICT_KINDS.includes(u.kind))).toEqual([]);
  });

  it("has every plan valid without a finding, and its records shared out by the plans' work", () => {
    let records = 0;
    for (const x of all) {
      const v = validatePlan(x.plan);
      expect(v.errors, x.plan.id).toEqual([]);
      expect(v.warnings, x.plan.id).toEqual([]);
    }
    for (const p of d.manifest.plans) records += p.counts.records;
    expect(records).toBe(20_000);
    expect(d.manifest.counts.records).toBe(20_000);
    const hcm = d.subPlans.find((x) => x.plan.id === "tp-ho-chi-minh-2026");
    const laiChau = d.subPlans.find((x) => x.plan.id === "tinh-lai-chau-2026");
    expect(hcm?.manifest.counts.records ?? 0).toBeGreaterThan(laiChau?.manifest.counts.records ?? 0);
  });

  it("has tracking data that passes core's checks in each plan", () => {
    for (const i of [0, 1, 21, 51]) {
      const x = all[i];
      if (!x) continue;
      const c = check(x);
      expect(c.problems, x.plan.id).toEqual([]);
      // the root's own records; the manifest's counts of a root are the tree's totals
      expect(c.records).toBe(d.manifest.plans[i]?.counts.records);
      expect(c.records).toBeGreaterThan(0);
    }
  });

  it("is written as a tree: manifest.json names rootPlanId, each plan in plans/<id>/", async () => {
    const { dir, cleanup } = await tempDir("country");
    try {
      const small = generateDataset({ size: "national", seed: 2, year: 2026, records: 2_000 });
      const { manifest } = await writeDataset(small, dir);
      const read = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as DatasetManifest;
      expect(read).toEqual(manifest);
      expect(read.rootPlanId).toBe("bnv-2026");
      expect(read.plans).toHaveLength(52);
      expect(read.plans[0]).toMatchObject({ planId: "bnv-2026", dir: "plans/bnv-2026" });
      expect(read.plans[1]?.parentPlanId).toBe("bnv-2026");
      // each sub-plan names the unit of the national plan that issues it
      const rootUnits = new Set(small.plan.units.map((u) => u.id));
      for (const p of read.plans.slice(1)) expect(rootUnits.has(p.parentUnitId ?? ""), p.planId).toBe(true);
      expect(read.plans.find((p) => p.planId === "tinh-lao-cai-2026")?.parentUnitId).toBe("tinh-lao-cai");
      let records = 0;
      for (const p of read.plans) {
        const plan = JSON.parse(await readFile(join(dir, p.dir, "plan.json"), "utf8")) as { id: string };
        expect(plan.id).toBe(p.planId);
        const lines = (await readFile(join(dir, p.dir, "records.ndjson"), "utf8"))
          .split("\n")
          .filter(Boolean);
        expect(lines).toHaveLength(p.counts.records);
        expect(p.files.find((f) => f.name === "records.ndjson")?.sha256).toMatch(/^[0-9a-f]{64}$/);
        records += lines.length;
      }
      expect(records).toBe(2_000);
      expect(read.counts.records).toBe(2_000);
    } finally {
      await cleanup();
    }
  });
});

describe("2025: the old structure, as in force early in the year", () => {
  it("every medium province of 2025 is an issuer in force on the plan's date", () => {
    for (let seed = 0; seed < 120; seed++) {
      const plan = generateDataset({ size: "medium", seed, year: 2025, records: 0 }).plan;
      expect(validatePlan(plan).warnings, `${seed}: ${plan.issuer.name}`).toEqual([]);
    }
  });
});
