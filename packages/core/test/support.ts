/**
 * Helpers shared by the plan tests: fresh copies of the sample, an "issued" variant with the
 * Decree 30 header filled in, and small accessors that keep `noUncheckedIndexedAccess` happy.
 */
import { expect } from "vitest";
import {
  type Finding,
  type Plan,
  samplePlan,
  type ValidateOptions,
  type ValidationResult,
  validatePlan,
} from "../src/index.js";

/** A fresh, parsed copy of the mic-2018 sample (safe to mutate). */
export const sample = (): Plan => samplePlan("mic-2018");

/** The sample with number, date, place and signer: no errors, no warnings. */
export function issuedSample(): Plan {
  const p = sample();
  p.number = "12/KH-BTTTT";
  p.date = "2018-03-05";
  p.place = "Hà Nội";
  p.signer = { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" };
  return p;
}

/** Builds a plan from the sample with a mutation applied. */
export function mutated(change: (p: Plan) => void, base: () => Plan = sample): Plan {
  const p = base();
  change(p);
  return p;
}

/** Every finding of a validation, errors first. */
export function allFindings(input: unknown, options?: ValidateOptions): Finding[] {
  const r = validatePlan(input, options);
  return [...r.errors, ...r.warnings];
}

/** The element at an index, failing the test (instead of using `!`) when it is missing. */
export function at<T>(items: readonly T[] | undefined, index: number): T {
  const item = items?.[index];
  if (item === undefined) throw new Error(`no item at index ${index}`);
  return item;
}

/** Asserts the structural contract of a validation result: never a malformed finding. */
export function expectWellFormed(result: ValidationResult): void {
  expect(typeof result.ok).toBe("boolean");
  expect(Array.isArray(result.errors)).toBe(true);
  expect(Array.isArray(result.warnings)).toBe(true);
  expect(result.ok).toBe(result.errors.length === 0);
  for (const f of result.errors) expect(f.severity).toBe("error");
  for (const f of result.warnings) expect(f.severity).toBe("warning");
  for (const f of [...result.errors, ...result.warnings]) {
    expect(typeof f.code).toBe("string");
    expect(f.code.length).toBeGreaterThan(0);
    expect(Array.isArray(f.path)).toBe(true);
    for (const k of f.path) expect(["string", "number"]).toContain(typeof k);
    expect(typeof f.message.vi).toBe("string");
    expect(typeof f.message.en).toBe("string");
    expect(f.message.vi.trim().length).toBeGreaterThan(0);
    expect(f.message.en.trim().length).toBeGreaterThan(0);
  }
  if (result.plan === undefined) {
    // Shape errors first; domain findings of the parts that parse may follow (partialPlan.ts).
    expect(result.ok).toBe(false);
    expect(result.errors[0]?.code.startsWith("shape.")).toBe(true);
    for (const f of result.warnings) expect(f.code.startsWith("shape.")).toBe(false);
  } else {
    for (const f of [...result.errors, ...result.warnings]) expect(f.code.startsWith("shape.")).toBe(false);
  }
}
