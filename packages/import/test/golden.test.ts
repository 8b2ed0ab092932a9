import { renderPlanJson, samplePlan, validatePlan } from "@cchc/core";
import { describe, expect, it } from "vitest";
import { importPlanDocx } from "../src/docx.js";
import { importPlanText } from "../src/index.js";
import { fixture, fixtureBytes, SEED, SEED_DOCX } from "./support.js";

const HEADER_WARNINGS = [
  "header-number-missing",
  "header-date-missing",
  "header-place-missing",
  "header-signer-missing",
];

describe("golden: the 2018 seed imports to the mic-2018 sample", () => {
  const sample = samplePlan("mic-2018");
  const result = importPlanText(fixture(SEED), { id: "mic-2018" });

  it("imports without error, leftovers or import findings", () => {
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.leftovers).toEqual([]);
    expect(result.findings.map((f) => f.code)).toEqual(HEADER_WARNINGS);
  });

  it("equals the sample as a whole plan (every field, not only the listed parts)", () => {
    expect(result.plan).toEqual(sample);
    expect(result.plan && renderPlanJson(result.plan)).toBe(renderPlanJson(sample));
  });

  it("equals the sample part by part, for readable failures", () => {
    const plan = result.plan;
    if (!plan) throw new Error("no plan");
    for (const key of [
      "objectives",
      "requirements",
      "audiences",
      "contentAreas",
      "channels",
      "units",
      "responsibilities",
      "fundingSources",
      "reporting",
      "recipients",
      "issuer",
      "title",
      "year",
      "headings",
    ] as const) {
      expect(plan[key], key).toEqual(sample[key]);
    }
    expect(plan.reporting?.periodTypes).toEqual(["quarter", "half-year", "year"]);
    expect(plan.units.map((u) => u.id)).toContain("vu-khoa-hoc-va-cong-nghe");
    expect(plan.contentAreas.map((c) => c.id)).toContain("II.1.đ");
  });

  it("counts what it found", () => {
    expect(result.counts).toEqual({
      lines: 54,
      placed: 50,
      skipped: 4,
      objectives: 3,
      requirements: 3,
      audiences: 1,
      contentAreas: 12,
      channels: 4,
      units: 9,
      responsibilities: 4,
      fundingSources: 2,
      reportingPeriods: 3,
      recipients: 4,
      leftovers: 0,
      findings: 4,
      errors: 0,
      warnings: 4,
    });
  });

  it("derives an id from the issuer and year when none is given", () => {
    const r = importPlanText(fixture(SEED));
    expect(r.plan?.id).toBe("btttt-2018");
    expect({ ...r.plan, id: "mic-2018" }).toEqual(sample);
  });

  it("imports the same plan from the seed as a .docx", async () => {
    const r = await importPlanDocx(fixtureBytes(SEED_DOCX), { id: "mic-2018" });
    expect(r.error).toBeUndefined();
    expect(r.leftovers).toEqual([]);
    expect(r.plan).toEqual(sample);
    expect(r.findings.map((f) => f.code)).toEqual(HEADER_WARNINGS);
  });

  it("the imported plan validates on its own", () => {
    const v = validatePlan(JSON.parse(renderPlanJson(result.plan ?? sample)));
    expect(v.errors).toEqual([]);
  });
});
