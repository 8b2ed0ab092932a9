/**
 * Issue 18: one shape error (a negative `amountVnd`) used to hide every domain finding of the rest
 * of the plan. Now the domain rules run, in the same call, on every part whose shape is valid; a
 * rule that reads a broken part is not reported, and a warning names it.
 */
import { type PlanRule, renderPlanJson, samplePlan, validatePlan } from "@cchc/core";
import { describe, expect, it } from "vitest";

// biome-ignore lint/suspicious/noExplicitAny: the tests break raw plan JSON at any depth
const sample = () => JSON.parse(renderPlanJson(samplePlan("mic-2018"))) as Record<string, any>;

/** The sample with a domain error in responsibilities (two leads), a bad number and one broken budget line. */
function broken(budgetLine: Record<string, unknown>) {
  const plan = sample();
  plan.responsibilities[1].roles = ["lead"];
  plan.number = "5/KH-BTTTT";
  plan.budgetLines = [budgetLine];
  return plan;
}

const codes = (fs: readonly { code: string; path: readonly (string | number)[] }[]) =>
  fs.map((f) => `${f.code}@${f.path.join(".")}`);

describe("validatePlan on a plan whose shape is partly wrong", () => {
  const fundingSourceId = sample().fundingSources[0].id as string;
  const line = {
    id: "kp-1",
    fundingSourceId,
    description: "In tờ rơi",
    amountVnd: -5,
  };

  it("a negative amountVnd: the shape error and the domain findings of the other parts, in one run", () => {
    const r = validatePlan(broken(line));
    expect(r.ok).toBe(false);
    expect(r.plan).toBeUndefined();
    expect(codes(r.errors)).toEqual(
      expect.arrayContaining([
        "shape.too_small@budgetLines.0.amountVnd",
        "lead-unit-multiple@responsibilities.1.roles",
        "number-format@number",
      ]),
    );
    expect(codes(r.warnings)).toEqual(
      expect.arrayContaining(["header-date-missing@date", "validation.rules-skipped@budgetLines"]),
    );
    // The same domain findings as the plan with that budget line fixed, but for the rules that read budget lines.
    const fixed = validatePlan(broken({ ...line, amountVnd: 5 }));
    const skipped = r.warnings.find((f) => f.code === "validation.rules-skipped");
    const skippedRules = /\(([^)]*)\)/.exec(skipped?.message.en ?? "")?.[1]?.split(", ") ?? [];
    expect(skippedRules).toContain("funding-source-unknown");
    expect(skippedRules).not.toContain("lead-unit-multiple");
    const expected = [...fixed.errors, ...fixed.warnings].filter((f) => !skippedRules.includes(f.code));
    expect(
      codes(
        [...r.errors, ...r.warnings].filter(
          (f) => !f.code.startsWith("shape.") && f.code !== "validation.rules-skipped",
        ),
      ),
    ).toEqual(codes(expected));
    expect(skipped?.message.vi).toContain(
      "budgetLines: sai cấu trúc, nên chưa kiểm tra các quy tắc cần phần này",
    );
  });

  it("rules that read a broken part are not guessed: an unknown funding source in the broken line is not reported", () => {
    const r = validatePlan(broken({ ...line, fundingSourceId: "khong-co" }));
    expect(codes(r.errors)).not.toContain("funding-source-unknown@budgetLines.0.fundingSourceId");
    expect(
      codes(validatePlan(broken({ ...line, fundingSourceId: "khong-co", amountVnd: 5 })).errors),
    ).toContain("funding-source-unknown@budgetLines.0.fundingSourceId");
  });

  it("an agency's own rules: one reading only valid parts runs; one reading the broken part, or every key, is skipped", () => {
    const rule = (code: string, check: PlanRule["check"]): PlanRule => ({
      code,
      severity: "error",
      title: { vi: code, en: code },
      description: { vi: code, en: code },
      check,
    });
    const rules = [
      rule("title-only", function* ({ plan }) {
        if (plan.title.length > 0) yield { path: ["title"], message: { vi: "t", en: "t" } };
      }),
      rule("budget-sum", function* ({ plan }) {
        if (plan.budgetLines.length >= 0) yield { path: ["budgetLines"], message: { vi: "b", en: "b" } };
      }),
      rule("every-key", function* ({ plan }) {
        if (Object.keys(plan).length > 0) yield { path: [], message: { vi: "k", en: "k" } };
      }),
    ];
    const r = validatePlan(broken(line), { rules });
    expect(codes(r.errors)).toEqual(["shape.too_small@budgetLines.0.amountVnd", "title-only@title"]);
    expect(r.warnings.map((f) => f.message.en)).toEqual([
      "budgetLines: its shape is invalid, so the rules that need it were not checked (budget-sum, every-key); fix the shape errors and validate again.",
    ]);
  });

  it("a valid plan is unchanged, and input that is not an object has only its shape finding", () => {
    const ok = validatePlan(sample());
    expect(ok.plan).toBeDefined();
    expect(ok.warnings.some((f) => f.code === "validation.rules-skipped")).toBe(false);
    for (const input of [null, 42, "plan", [sample()]]) {
      const r = validatePlan(input);
      expect(r.warnings).toEqual([]);
      expect(r.errors.every((f) => f.code.startsWith("shape."))).toBe(true);
    }
  });

  it("input whose identity (id, issuer, year, title) does not parse gets its shape findings only", () => {
    const plan = sample();
    plan.year = "2018";
    plan.responsibilities[1].roles = ["lead"];
    const r = validatePlan(plan);
    expect(codes(r.errors)).toEqual(["shape.invalid_type@year"]);
    expect(r.warnings).toEqual([]);
    expect(codes(validatePlan({}).errors).every((c) => c.startsWith("shape.required@"))).toBe(true);
    expect(validatePlan({}).warnings).toEqual([]);
  });
});
