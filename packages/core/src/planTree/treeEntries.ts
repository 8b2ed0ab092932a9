/**
 * The answer of the storage port's `planTree` computed from plans in memory, for adapters that
 * keep plans as values (the memory adapter) and to check a database's answer against.
 */
import type { Plan } from "../plan.js";
import { compareIds, type PlanTreeEntry, type Versioned } from "../storage.js";

/**
 * The root and its descendants of the root's year among `latest` (each plan's latest version): root
 * first, then level by level in id order, each plan once (a loop of parent links through the root
 * stops there).
 * Undefined when the root is not among them.
 */
export function planTreeEntries(
  rootPlanId: string,
  latest: Iterable<Versioned<Plan>>,
): PlanTreeEntry[] | undefined {
  const all = [...latest];
  const root = all.find((v) => v.value.id === rootPlanId);
  if (!root) return undefined;
  const byParent = new Map<string, Versioned<Plan>[]>();
  for (const v of all) {
    const parentId = v.value.parent?.planId;
    // a tree is one year's: a sub-plan of another year is not in it
    if (parentId === undefined || v.value.year !== root.value.year) continue;
    const list = byParent.get(parentId) ?? [];
    list.push(v);
    byParent.set(parentId, list);
  }
  const entry = (plan: Versioned<Plan>, depth: number): PlanTreeEntry => ({
    plan,
    ...(plan.value.parent === undefined ? {} : { parentPlanId: plan.value.parent.planId }),
    depth,
  });
  const out: PlanTreeEntry[] = [entry(root, 0)];
  const seen = new Set<string>([rootPlanId]);
  let level: Versioned<Plan>[] = [root];
  for (let depth = 1; level.length > 0; depth++) {
    const next: Versioned<Plan>[] = [];
    for (const p of level)
      for (const c of byParent.get(p.value.id) ?? [])
        if (!seen.has(c.value.id)) {
          seen.add(c.value.id);
          next.push(c);
        }
    next.sort((a, b) => compareIds(a.value.id, b.value.id));
    for (const c of next) out.push(entry(c, depth));
    level = next;
  }
  return out;
}
