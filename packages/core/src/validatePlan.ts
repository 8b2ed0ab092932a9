/**
 * One entry point that takes anything (parsed JSON, YAML, a form's state) and answers with a typed
 * plan and findings, never an exception: shape problems come from zod, domain problems from the
 * rules, both as findings. A plan whose shape is partly wrong still gets the domain findings of
 * its valid parts in the same run (see partialPlan.ts).
 */
import { type Catalogues, DEFAULT_CATALOGUES, extendCatalogues } from "./catalogues.js";
import type { Finding } from "./finding.js";
import { partialRuleFindings } from "./partialPlan.js";
import { toPlainData } from "./plainData.js";
import { type Plan, PlanSchema } from "./plan.js";
import { PLAN_RULES, type PlanRule } from "./rules.js";
import { parseUntrusted } from "./shapeFindings.js";

/** Options of `validatePlan`. */
export interface ValidateOptions {
  /** Catalogues to check kinds against (defaults to the presets); a plan's `customKinds` are added. */
  readonly catalogues?: Catalogues;
  /** Rules to apply instead of `PLAN_RULES`, e.g. to add an agency's own. */
  readonly rules?: readonly PlanRule[];
}

/** The outcome of validation: the plan when its shape is usable, and every finding. */
export interface ValidationResult {
  /** True when there is no error (warnings allowed). */
  readonly ok: boolean;
  /** The parsed, normalised plan; absent when the input does not have the shape of a plan. */
  readonly plan: Plan | undefined;
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
}

/** Validates anything as a plan. Never throws, whatever the input. */
export function validatePlan(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const parsed = parseUntrusted(PlanSchema, input);
  if (!parsed.success) {
    // The parts whose shape is valid still get the domain rules that need only them (partialPlan.ts).
    const plain = toPlainData(input);
    const partial =
      plain.findings.length > 0
        ? undefined
        : partialRuleFindings(
            plain.value,
            options.rules ?? PLAN_RULES,
            options.catalogues ?? DEFAULT_CATALOGUES,
          );
    return {
      ok: false,
      plan: undefined,
      errors: [...parsed.findings, ...(partial?.errors ?? [])],
      warnings: partial?.warnings ?? [],
    };
  }
  const plan = parsed.data;
  const catalogues = extendCatalogues(options.catalogues ?? DEFAULT_CATALOGUES, plan.customKinds);
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  for (const rule of options.rules ?? PLAN_RULES) {
    for (const h of rule.check({ plan, catalogues })) {
      const finding: Finding = { code: rule.code, severity: rule.severity, path: h.path, message: h.message };
      (rule.severity === "error" ? errors : warnings).push(finding);
    }
  }
  return { ok: errors.length === 0, plan, errors, warnings };
}
