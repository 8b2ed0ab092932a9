/**
 * Domain rules on a plan whose shape is partly wrong. When the whole plan does not parse, each of
 * its parts (the top-level fields: `units`, `budgetLines`, `reporting`…) is parsed on its own, and
 * every rule runs on a plan made of the parts that parsed. A rule that reads a part that did not
 * parse (the plan handed to rules records what each one reads) is not reported, since its findings
 * would be guesses, and one `validation.rules-skipped` warning per broken part names the rules
 * that needed it. So one negative `amountVnd` costs the rules that read budget lines, not every
 * domain finding of the plan.
 *
 * The pass needs a recognisable plan: its identity (`id`, `issuer`, `year`, `title`, the fields
 * without a default) must parse. Input without it (`{}`, a report, a list) gets its shape findings
 * only, since rules about an empty plan would only be noise.
 */
import type { Catalogues } from "./catalogues.js";
import { extendCatalogues } from "./catalogues.js";
import type { Finding } from "./finding.js";
import { type Plan, PlanSchema } from "./plan.js";
import type { PlanRule } from "./rules.js";

/** The parts that make input recognisable as a plan, without which no rule runs. */
const IDENTITY = ["id", "issuer", "year", "title"] as const;

/** The code of the warning naming the rules a broken part kept from running. */
export const RULES_SKIPPED_CODE = "validation.rules-skipped";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The findings of `rules` on the parts of `plain` (already plain data) that parse, or undefined
 * when `plain` is not an object (nothing to split into parts).
 */
export function partialRuleFindings(
  plain: unknown,
  rules: readonly PlanRule[],
  baseCatalogues: Catalogues,
): { readonly errors: Finding[]; readonly warnings: Finding[] } | undefined {
  if (!isRecord(plain)) return undefined;
  const shape = PlanSchema.shape as Record<
    string,
    { safeParse(v: unknown): { success: boolean; data?: unknown } }
  >;
  const parts: Record<string, unknown> = {};
  const broken = new Set<string>();
  for (const [key, schema] of Object.entries(shape)) {
    let parsed: { success: boolean; data?: unknown };
    try {
      parsed = schema.safeParse(plain[key]);
    } catch {
      parsed = { success: false };
    }
    if (parsed.success) parts[key] = parsed.data;
    else broken.add(key);
  }
  if (broken.size === 0 || IDENTITY.some((k) => broken.has(k))) return undefined;

  let reads = new Set<string>();
  const markAll = () => {
    for (const k of broken) reads.add(k);
  };
  const plan = new Proxy(parts, {
    get(target, key, receiver) {
      if (typeof key === "string" && broken.has(key)) reads.add(key);
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string" && broken.has(key)) reads.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      markAll();
      return Reflect.ownKeys(target);
    },
  }) as unknown as Plan;
  // Catalogues come from the plan's customKinds: a broken customKinds breaks them too.
  const catalogues = broken.has("customKinds")
    ? undefined
    : extendCatalogues(baseCatalogues, parts.customKinds as Plan["customKinds"]);
  const ctx = {
    plan,
    get catalogues(): Catalogues {
      if (catalogues === undefined) {
        reads.add("customKinds");
        return baseCatalogues;
      }
      return catalogues;
    },
  };

  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const skipped = new Map<string, string[]>();
  for (const rule of rules) {
    reads = new Set();
    const found: Finding[] = [];
    let failed = false;
    try {
      for (const h of rule.check(ctx))
        found.push({ code: rule.code, severity: rule.severity, path: h.path, message: h.message });
    } catch {
      // A rule meeting the placeholder of a broken part may throw: it is skipped like the others.
      failed = true;
    }
    if (reads.size > 0) {
      for (const part of reads) skipped.set(part, [...(skipped.get(part) ?? []), rule.code]);
      continue;
    }
    if (failed) continue;
    for (const f of found) (f.severity === "error" ? errors : warnings).push(f);
  }
  for (const part of [...broken].sort()) {
    const codes = skipped.get(part);
    if (codes === undefined) continue;
    warnings.push({
      code: RULES_SKIPPED_CODE,
      severity: "warning",
      path: [part],
      message: {
        vi: `${part}: sai cấu trúc, nên chưa kiểm tra các quy tắc cần phần này (${codes.join(", ")}); sửa lỗi cấu trúc rồi kiểm tra lại.`,
        en: `${part}: its shape is invalid, so the rules that need it were not checked (${codes.join(", ")}); fix the shape errors and validate again.`,
      },
    });
  }
  return { errors, warnings };
}
