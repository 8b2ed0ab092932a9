/**
 * Parent links between plans: a sub-plan names the plan it implements (`plan.parent`). Before a
 * set of plans is stored, its links are checked against each other and against what is already
 * stored, so a cycle, a year that differs from the parent's, or a parent kept by another agency is
 * a finding and nothing is saved half-way.
 */
import type { Finding } from "../finding.js";
import type { Plan } from "../plan.js";

/** What a check needs to know of a plan: who keeps it, its year and the plan it names as parent. */
export interface PlanLink {
  /** The agency (tenant) whose store keeps the plan. */
  readonly agencyId: string;
  readonly planId: string;
  readonly year: number;
  readonly parentPlanId?: string;
  /** The parent's year as the plan states it (`parent.year`). */
  readonly parentYear?: number;
}

/** The link of a plan kept by `agencyId`. */
export function planLink(agencyId: string, plan: Plan): PlanLink {
  return {
    agencyId,
    planId: plan.id,
    year: plan.year,
    ...(plan.parent === undefined ? {} : { parentPlanId: plan.parent.planId, parentYear: plan.parent.year }),
  };
}

/** Codes of the findings on parent links (documented in docs/plan-tree.md). */
export const PLAN_LINK_CODES = {
  cycle: "plan-tree.cycle",
  yearMismatch: "plan-tree.year-mismatch",
  otherAgency: "plan-tree.parent-other-agency",
  parentMissing: "plan-tree.parent-missing",
  repeated: "plan-tree.repeated-plan",
} as const;

/**
 * Checks the links of `incoming` plans (about to be stored) against each other and against
 * `known` ones (already stored, any agency). An incoming plan replaces a known one of the same
 * agency and id. Errors: a cycle of parents (a plan its own ancestor), a year different from the
 * parent's, a parent kept by another agency, a plan id given twice; a warning: a parent found
 * nowhere (the tree can still be stored, rooted at the plan). Paths start at the incoming plan's
 * index: `[i, "parent", "planId"]`.
 */
export function checkPlanLinks(incoming: readonly PlanLink[], known: readonly PlanLink[] = []): Finding[] {
  const findings: Finding[] = [];
  const key = (agencyId: string, planId: string) => `${agencyId}\u0000${planId}`;
  const byKey = new Map<string, PlanLink>();
  const byPlanId = new Map<string, PlanLink[]>();
  const remember = (l: PlanLink) => {
    const list = byPlanId.get(l.planId) ?? [];
    byPlanId.set(
      l.planId,
      list.filter((o) => o.agencyId !== l.agencyId),
    );
    byPlanId.get(l.planId)?.push(l);
    byKey.set(key(l.agencyId, l.planId), l);
  };
  for (const l of known) remember(l);
  const seen = new Set<string>();
  incoming.forEach((l, i) => {
    const k = key(l.agencyId, l.planId);
    if (seen.has(k))
      findings.push({
        code: PLAN_LINK_CODES.repeated,
        severity: "error",
        path: [i, "id"],
        message: {
          vi: `Kế hoạch "${l.planId}" có hai lần trong dữ liệu nạp vào.`,
          en: `Plan "${l.planId}" is given twice.`,
        },
      });
    seen.add(k);
    remember(l);
  });

  incoming.forEach((l, i) => {
    if (l.parentPlanId === undefined) return;
    const path = [i, "parent", "planId"];
    const parent = byKey.get(key(l.agencyId, l.parentPlanId));
    if (!parent) {
      const elsewhere = (byPlanId.get(l.parentPlanId) ?? []).filter((o) => o.agencyId !== l.agencyId);
      const other = elsewhere[0];
      if (other)
        findings.push({
          code: PLAN_LINK_CODES.otherAgency,
          severity: "error",
          path,
          message: {
            vi: `Kế hoạch cấp trên "${l.parentPlanId}" của kế hoạch "${l.planId}" thuộc kho của cơ quan "${other.agencyId}", không phải "${l.agencyId}": kế hoạch con phải ở cùng kho với kế hoạch cấp trên.`,
            en: `Parent plan "${l.parentPlanId}" of plan "${l.planId}" is kept by agency "${other.agencyId}", not "${l.agencyId}": a sub-plan must be kept in its parent's store.`,
          },
        });
      else
        findings.push({
          code: PLAN_LINK_CODES.parentMissing,
          severity: "warning",
          path,
          message: {
            vi: `Không tìm thấy kế hoạch cấp trên "${l.parentPlanId}" của kế hoạch "${l.planId}"; kế hoạch này được coi là gốc của cây.`,
            en: `Parent plan "${l.parentPlanId}" of plan "${l.planId}" is not found; the plan is taken as the root of its tree.`,
          },
        });
      if (l.parentYear !== undefined && l.parentYear !== l.year) yearFinding(findings, l, l.parentYear, i);
      return;
    }
    if (parent.year !== l.year) yearFinding(findings, l, parent.year, i);
    // walk up from the parent: meeting the plan again is a cycle (bounded by the number of plans)
    const chain = [l.planId];
    let at: PlanLink | undefined = parent;
    for (let steps = 0; at && steps <= byKey.size; steps++) {
      if (at.planId === l.planId) {
        findings.push({
          code: PLAN_LINK_CODES.cycle,
          severity: "error",
          path,
          message: {
            vi: `Vòng lặp kế hoạch cấp trên: ${[...chain, l.planId].map((id) => `"${id}"`).join(" → ")}; một kế hoạch không thể là cấp trên của chính nó.`,
            en: `Cycle of parent plans: ${[...chain, l.planId].map((id) => `"${id}"`).join(" → ")}; a plan cannot be its own ancestor.`,
          },
        });
        break;
      }
      chain.push(at.planId);
      at = at.parentPlanId === undefined ? undefined : byKey.get(key(l.agencyId, at.parentPlanId));
    }
  });
  return findings;
}

function yearFinding(findings: Finding[], l: PlanLink, parentYear: number, i: number): void {
  findings.push({
    code: PLAN_LINK_CODES.yearMismatch,
    severity: "error",
    path: [i, "year"],
    message: {
      vi: `Kế hoạch "${l.planId}" là năm ${l.year} nhưng kế hoạch cấp trên "${l.parentPlanId}" là năm ${parentYear}.`,
      en: `Plan "${l.planId}" is for ${l.year} but its parent plan "${l.parentPlanId}" is for ${parentYear}.`,
    },
  });
}

/** A plan in a tree, with the plans that name it as parent. */
export interface PlanTreeNode {
  readonly plan: Plan;
  readonly depth: number;
  readonly children: readonly PlanTreeNode[];
}

/**
 * The tree under `rootPlanId` from a flat list of plans (a storage `planTree` answer, or plans
 * read from files): children in plan id order, each plan once, so a cycle cannot loop. Undefined
 * when the root is not in the list.
 */
export function buildPlanTree(rootPlanId: string, plans: readonly Plan[]): PlanTreeNode | undefined {
  const byParent = new Map<string, Plan[]>();
  let rootPlan: Plan | undefined;
  for (const p of plans) {
    if (p.id === rootPlanId) rootPlan ??= p;
    const parentId = p.parent?.planId;
    if (parentId === undefined || p.id === rootPlanId) continue;
    const list = byParent.get(parentId) ?? [];
    list.push(p);
    byParent.set(parentId, list);
  }
  if (!rootPlan) return undefined;
  const placed = new Set<string>([rootPlanId]);
  const build = (plan: Plan, depth: number): PlanTreeNode => {
    const kids = (byParent.get(plan.id) ?? []).filter((c) => !placed.has(c.id));
    for (const c of kids) placed.add(c.id);
    kids.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { plan, depth, children: kids.map((c) => build(c, depth + 1)) };
  };
  return build(rootPlan, 0);
}
