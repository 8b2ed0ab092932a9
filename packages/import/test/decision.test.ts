/**
 * Decision wrappers: a plan written inside "Điều 1. Ban hành Kế hoạch … với những nội dung sau:"
 * takes the decision's number, date, place and issuer; its body is read as the plan's; "Điều 2/3"
 * are the decision's articles, not leftovers.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/index.js";

const corpus = (name: string) => readFileSync(new URL(`./corpus/${name}`, import.meta.url), "utf8");

describe("a plan inside the decision's first article", () => {
  const text = corpus("decision-inline-xa-bao-thang-2026.txt");
  const r = importPlanText(text);
  it("reads the decision as the plan's issuing document", () => {
    expect(r.header.documentType).toBe("KH");
    expect(r.header.issuer).toBe("Ủy ban nhân dân xã Bảo Thắng");
    expect(r.header.place).toBe("Bảo Thắng");
    expect(r.header.date).toBe("2026-01-20");
    expect(r.header.year).toBe(2026);
    expect(r.header.decision?.number).toBe("15/QĐ-UBND");
    expect(r.header.decision?.articles.map((a) => a.slice(0, 7))).toEqual(["Điều 1.", "Điều 2.", "Điều 3."]);
    expect(r.header.decision?.articles[0]?.length).toBeLessThan(160);
  });
  it("reads the body between Điều 1 and Điều 2 as the plan's, nothing left over", () => {
    expect(r.counts.objectives).toBe(1);
    expect(r.counts.requirements).toBe(1);
    expect(r.counts.audiences).toBe(1);
    expect(r.counts.contentAreas).toBe(2);
    expect(r.counts.channels).toBe(1);
    expect(r.counts.fundingSources).toBe(1);
    expect(r.draft.units?.map((u) => u.name)).toEqual(["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"]);
    expect(r.leftovers).toEqual([]);
    expect(r.findings.map((f) => f.code)).not.toContain("import.plan-not-found");
    expect(r.counts.placed + r.counts.leftovers + r.counts.skipped).toBe(r.counts.lines);
  });
});
