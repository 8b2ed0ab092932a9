/**
 * Scoring a stored tree of plans: each plan scored from the store by `scoreStoredPlan` (the one
 * scorer: its records streamed through once), with its own scheme or the nearest ancestor's, then
 * only a summary kept, so a country of thousands of plans is scored in the memory of one plan.
 */
import * as Effect from "effect/Effect";
import { scoreStoredPlan } from "../scoreStored.js";
import type { ScoringScheme } from "../scoringScheme.js";
import { Storage } from "../storage.js";
import type { NotFound, StorageError } from "../storageErrors.js";
import { buildPlanTree, type PlanTreeNode } from "./links.js";
import {
  DEFAULT_ROLLUP_CONFIG,
  type PlanScoreSummary,
  type Rollup,
  type RollupConfig,
  rollUpTree,
  summarizeSheet,
} from "./rollup.js";

/** Options of `scoreStoredTree`. */
export interface ScoreTreeOptions {
  /** The root's scheme, and every sub-plan's that has none of its own in `schemes`. */
  readonly scheme: ScoringScheme;
  /** A plan's own scheme, by plan id: it applies to the plan and to the plans under it without one. */
  readonly schemes?: Readonly<Record<string, ScoringScheme>>;
  /** As in `ScoreOptions.asOf`; default: the end of the root's year (or its last deadline). */
  readonly asOf?: string;
  /** Parsed settings (see `parseRollupConfig`); default `DEFAULT_ROLLUP_CONFIG`. */
  readonly rollup?: RollupConfig;
  /** Called after each plan is scored (progress of a national run). */
  readonly onPlan?: (summary: PlanScoreSummary, done: number, total: number) => void;
}

/** Scores the stored tree under `rootPlanId` of one agency and rolls it up. */
export function scoreStoredTree(
  agencyId: string,
  rootPlanId: string,
  options: ScoreTreeOptions,
): Effect.Effect<Rollup, NotFound | StorageError, Storage> {
  return Effect.gen(function* () {
    const store = yield* Storage;
    const entries = yield* store.planTree(agencyId, rootPlanId);
    const tree = buildPlanTree(
      rootPlanId,
      entries.map((e) => e.plan.value),
    ) as PlanTreeNode; // planTree's answer starts with the root
    const schemeOf = new Map<string, ScoringScheme>();
    const assign = (n: PlanTreeNode, inherited: ScoringScheme) => {
      const own = options.schemes?.[n.plan.id] ?? inherited;
      schemeOf.set(n.plan.id, own);
      for (const c of n.children) assign(c, own);
    };
    assign(tree, options.scheme);
    const summaries = new Map<string, PlanScoreSummary>();
    let asOf = options.asOf;
    let done = 0;
    for (const e of entries) {
      const planId = e.plan.value.id;
      const scheme = schemeOf.get(planId) ?? options.scheme;
      const sheet = yield* scoreStoredPlan(agencyId, planId, {
        scheme,
        explainLimit: 0,
        ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      });
      if (planId === rootPlanId) asOf ??= sheet.asOf;
      const summary = summarizeSheet(sheet);
      summaries.set(planId, summary);
      options.onPlan?.(summary, ++done, entries.length);
    }
    return rollUpTree(tree, summaries, options.rollup ?? DEFAULT_ROLLUP_CONFIG, asOf);
  });
}
