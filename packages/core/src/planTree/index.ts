/**
 * Plans inside plans: a province's plan and the plans of its departments and communes (or the
 * country's and its ministries' and provinces'), checked, rolled up, ranked by group and covered.
 */
export {
  buildPlanTree,
  checkPlanLinks,
  PLAN_LINK_CODES,
  type PlanLink,
  type PlanTreeNode,
  planLink,
} from "./links.js";
export {
  type Coverage,
  DEFAULT_ROLLUP_CONFIG,
  DEFAULT_ROLLUP_GROUPS,
  type Lateness,
  type MissingSubPlan,
  type PlanScoreSummary,
  parseRollupConfig,
  ROLLUP_CODES,
  type Rollup,
  type RollupConfig,
  type RollupConfigInput,
  RollupConfigSchema,
  type RollupGroup,
  RollupGroupSchema,
  type RollupNode,
  type RollupRule,
  RollupRuleSchema,
  rollUpTree,
  summarizeSheet,
  type TrackingTotals,
} from "./rollup.js";
export { type ScoreTreeOptions, scoreStoredTree } from "./scoreTree.js";
export { planTreeEntries } from "./treeEntries.js";
