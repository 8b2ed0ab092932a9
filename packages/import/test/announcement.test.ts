/** A portal's news item that announces a plan: a draft with the header fields it states, the rest left over, an error finding. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/index.js";

const text = readFileSync(new URL("./corpus/news-xa-tan-lap-2025.txt", import.meta.url), "utf8");

describe("prose that announces a plan", () => {
  const r = importPlanText(text);
  it("is not refused: the header fields the sentence states, and nothing else", () => {
    expect(r.error).toBeUndefined();
    expect(r.header.issuer).toBe("UBND xã Tân Lập");
    expect(r.header.numberAsWritten).toBe("132-KH/UBND");
    expect(r.header.date).toBe("2025-02-17");
    expect(r.header.year).toBe(2025);
    expect(r.header.title).toBe("Tuyên truyền cải cách hành chính năm 2025");
    expect(r.draft.objectives).toEqual([]);
    expect(r.draft.units).toEqual([]);
  });
  it("leaves the other sentences over, with their lines, and says it with an error (exit 1)", () => {
    expect(r.ok).toBe(false);
    expect(r.findings.find((f) => f.code === "import.plan-announced")?.line).toBe(5);
    expect(r.leftovers.map((l) => l.line)).toEqual([4, 6, 7]);
    expect(r.counts.placed + r.counts.leftovers + r.counts.skipped).toBe(r.counts.lines);
  });
});
