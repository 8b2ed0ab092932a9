/**
 * Roll-up of a plan tree: each plan's own score (from its score sheet) and tracking counts are
 * aggregated to its parent by a rule that is data (mean, weighted by units, min, max), every
 * figure explained; sub-plans are ranked within the groups the agency defines (departments,
 * communes, wards), ties shared, in Vietnamese order; coverage says which expected sub-plans were
 * never issued and which were issued late.
 */
import * as z from "zod";
import type { Finding } from "../finding.js";
import { Id, type Plan } from "../plan.js";
import { fmt } from "../scoreTexts.js";
import type { ScoreSheet } from "../scoring.js";
import { parseUntrusted, type UntrustedParse } from "../shapeFindings.js";
import { foldForComparison, type LocalizedText, LocalizedTextSchema } from "../text.js";
import { vietnamDateOf } from "../vietnamTime.js";
import type { PlanTreeNode } from "./links.js";

/** How sub-plans' scores become their parent's. */
export const RollupRuleSchema = z.discriminatedUnion("type", [
  /** The plain mean of the members' scores. */
  z.strictObject({ type: z.literal("mean") }),
  /** The mean weighted by each member's number of units (a province's plan weighs more than a commune's). */
  z.strictObject({ type: z.literal("weighted"), by: z.literal("units") }),
  /** The lowest member score: a chain is as strong as its weakest link. */
  z.strictObject({ type: z.literal("min") }),
  /** The highest member score. */
  z.strictObject({ type: z.literal("max") }),
]);
/** A roll-up rule. */
export type RollupRule = z.infer<typeof RollupRuleSchema>;

/** A group sub-plans are ranked in: the parent's units of these kinds. */
export const RollupGroupSchema = z.strictObject({
  id: Id,
  label: LocalizedTextSchema,
  /** Unit kinds of the parent plan whose units are expected to issue a sub-plan in this group. */
  unitKinds: z.array(z.string()).min(1),
});
/** A ranking group. */
export type RollupGroup = z.infer<typeof RollupGroupSchema>;

/** The roll-up settings of an agency: data, kept with its other settings. */
export const RollupConfigSchema = z.strictObject({
  rule: RollupRuleSchema.default({ type: "mean" }),
  /** Whether a parent's own plan counts as one member beside its sub-plans (default true). */
  includeOwn: z.boolean().default(true),
  /** Scores are shown out of this (default 10: "8,5/10"). */
  scale: z.number().positive().max(1000).default(10),
  groups: z.array(RollupGroupSchema).default([]),
  /** Sub-plans are due this many calendar days after the parent's date of issue… */
  issueWithinDays: z.number().int().min(0).max(366).optional(),
  /** …or by this date (ISO), which wins when both are given. */
  issueBy: z.iso.date().optional(),
});
/** Roll-up settings as written (defaults not applied). */
export type RollupConfigInput = z.input<typeof RollupConfigSchema>;
/** Roll-up settings. */
export type RollupConfig = z.output<typeof RollupConfigSchema>;

/**
 * The groups of the PAR indexes over the unit kinds of the 2026 catalogue: a province ranks its
 * departments, its communes, and its wards and special zones apart; the Ministry of Home Affairs
 * ranks ministries and provinces apart. The default of `cchc rollup`.
 */
export const DEFAULT_ROLLUP_GROUPS: readonly RollupGroup[] = [
  {
    id: "departments",
    label: { vi: "Sở, ban, ngành", en: "Departments" },
    unitKinds: ["provincial-department", "office", "inspectorate", "board", "centre"],
  },
  { id: "communes", label: { vi: "Xã", en: "Communes" }, unitKinds: ["commune-committee"] },
  {
    id: "wards",
    label: { vi: "Phường, đặc khu", en: "Wards and special zones" },
    unitKinds: ["ward-committee", "special-zone-committee"],
  },
  { id: "ministries", label: { vi: "Bộ, cơ quan ngang bộ", en: "Ministries" }, unitKinds: ["ministry"] },
  {
    id: "provinces",
    label: { vi: "Tỉnh, thành phố", en: "Provinces and cities" },
    unitKinds: ["provincial-committee"],
  },
];

/** Tracking counts of one plan, or summed over a subtree. */
export interface TrackingTotals {
  readonly plans: number;
  readonly activities: number;
  readonly records: number;
  readonly reports: number;
}

/** What the roll-up keeps of a plan's score sheet (the sheet itself is dropped: a country has thousands). */
export interface PlanScoreSummary {
  readonly planId: string;
  readonly points: number;
  readonly maxPoints: number;
  readonly percent: number;
  readonly scheme: { readonly id: string; readonly version: string };
  readonly activities: number;
  readonly records: number;
  readonly reports: number;
}

/** The summary of a score sheet. */
export function summarizeSheet(sheet: ScoreSheet): PlanScoreSummary {
  return {
    planId: sheet.planId,
    points: sheet.agency.points,
    maxPoints: sheet.agency.maxPoints,
    percent: sheet.agency.percent,
    scheme: sheet.scheme,
    activities: sheet.counts.activities,
    records: sheet.counts.records,
    reports: sheet.counts.reports,
  };
}

/** When a sub-plan was due and when it was issued. */
export interface Lateness {
  /** ISO date the sub-plan was due, when the settings give one. */
  readonly dueDate?: string;
  readonly issuedOn?: string;
  readonly late: boolean;
  /** Calendar days after the due date (0 when on time). */
  readonly daysLate: number;
}

/** An expected sub-plan that was not issued (by the as-of date). */
export interface MissingSubPlan {
  readonly unitId: string;
  readonly name: string;
  readonly groupId: string;
  /** "missing": due and not issued; "pending": not issued and not yet due. */
  readonly status: "missing" | "pending";
  readonly dueDate?: string;
}

/** Which of the units expected to issue a sub-plan did. */
export interface Coverage {
  readonly expected: number;
  readonly issued: number;
  readonly late: number;
  readonly missing: readonly MissingSubPlan[];
  /** Issued sub-plans that did not name an expected unit of this plan. */
  readonly unexpected: number;
}

/** A plan of the tree with its scores, rank, coverage and lateness. */
export interface RollupNode {
  readonly planId: string;
  readonly number?: string;
  readonly issuer: string;
  readonly year: number;
  readonly date?: string;
  readonly depth: number;
  /** The unit of the parent plan that issued it, and the group it is ranked in. */
  readonly unitId?: string;
  readonly groupId?: string;
  /** The plan's own score from its own sheet; undefined when nothing applied (maximum 0). */
  readonly own?: {
    readonly points: number;
    readonly maxPoints: number;
    readonly percent: number;
    readonly score: number;
    readonly scheme: { readonly id: string; readonly version: string };
  };
  /** The rolled-up score, out of `scale`; undefined when nothing in the subtree was scored. */
  readonly score?: number;
  readonly percent?: number;
  /** Rank among its siblings of the same group (1 = best; equal scores share a rank). */
  readonly rank?: number;
  readonly groupSize?: number;
  readonly tracking: { readonly own: TrackingTotals; readonly total: TrackingTotals };
  readonly coverage: Coverage;
  readonly lateness: Lateness;
  readonly explanation: LocalizedText;
  readonly children: readonly RollupNode[];
}

/** The roll-up of a tree. */
export interface Rollup {
  readonly rootPlanId: string;
  readonly asOf: string;
  readonly rule: RollupRule;
  readonly scale: number;
  readonly groups: readonly RollupGroup[];
  readonly root: RollupNode;
  /** Missing and late sub-plans, plans that could not be scored, as findings for the parent. */
  readonly findings: readonly Finding[];
}

/** Codes of roll-up findings. */
export const ROLLUP_CODES = {
  missing: "plan-tree.sub-plan-missing",
  late: "plan-tree.sub-plan-late",
  unscored: "plan-tree.not-scored",
  undated: "plan-tree.sub-plan-undated",
} as const;

const EPS = 1e-9;
let collator: Intl.Collator | undefined;
/** One Vietnamese collator for every roll-up (building one costs about half a millisecond). */
const viCollator = (): Intl.Collator => {
  collator ??= new Intl.Collator("vi");
  return collator;
};

/** "8,5" — a Vietnamese decimal comma. */
const vi = (n: number) => fmt(n).replace(".", ",");

const addDays = (iso: string, days: number): string => {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const realUnits = (p: Plan) => p.units.filter((u) => !u.group).length;

/**
 * Roll-up settings from untrusted input (a settings file, a request): the settings, or findings
 * with code, path and a Vietnamese and English message (an unknown rule, a negative scale…).
 */
export function parseRollupConfig(input: unknown): UntrustedParse<RollupConfig> {
  return parseUntrusted(RollupConfigSchema, input);
}

/** The default settings: the mean, the parent's own plan included, out of 10, no groups. */
export const DEFAULT_ROLLUP_CONFIG: RollupConfig = RollupConfigSchema.parse({});

/**
 * Rolls a tree up from its plans' score summaries (`summaries.get(planId)`; a plan without one
 * counts as not scored). Pure: the caller scored each plan once (see `scoreStoredTree`). Settings
 * from outside go through `parseRollupConfig` first.
 */
export function rollUpTree(
  tree: PlanTreeNode,
  summaries: ReadonlyMap<string, PlanScoreSummary>,
  config: RollupConfig = DEFAULT_ROLLUP_CONFIG,
  asOf?: string,
): Rollup {
  const asOfInstant = asOf ?? `${tree.plan.year}-12-31T16:59:59.999Z`;
  const asOfDate = vietnamDateOf(asOfInstant);
  const findings: Finding[] = [];
  const kindGroup = new Map<string, string>();
  for (const g of config.groups) for (const k of g.unitKinds) if (!kindGroup.has(k)) kindGroup.set(k, g.id);

  const node = (t: PlanTreeNode, parent: Plan | undefined): RollupNode => {
    const plan = t.plan;
    const summary = summaries.get(plan.id);
    const own =
      summary && summary.maxPoints > 0
        ? {
            points: summary.points,
            maxPoints: summary.maxPoints,
            percent: summary.percent,
            score: round2((summary.percent / 100) * config.scale),
            scheme: summary.scheme,
          }
        : undefined;
    if (!own)
      findings.push({
        code: ROLLUP_CODES.unscored,
        severity: "warning",
        path: [plan.id],
        message: {
          vi: `Kế hoạch "${plan.id}" (${plan.issuer.name}) chưa chấm được điểm: không tiêu chí nào áp dụng.`,
          en: `Plan "${plan.id}" (${plan.issuer.name}) could not be scored: no criterion applies.`,
        },
      });
    const children = t.children.map((c) => node(c, plan));
    rankChildren(children as MutableNode[]);

    const ownTracking: TrackingTotals = {
      plans: 1,
      activities: summary?.activities ?? 0,
      records: summary?.records ?? 0,
      reports: summary?.reports ?? 0,
    };
    const total = children.reduce(
      (a, c) => ({
        plans: a.plans + c.tracking.total.plans,
        activities: a.activities + c.tracking.total.activities,
        records: a.records + c.tracking.total.records,
        reports: a.reports + c.tracking.total.reports,
      }),
      ownTracking,
    );

    // members of the aggregate: the plan itself (if asked) and each child's rolled-up score
    const members: { score: number; weight: number }[] = [];
    // a plan without sub-plans is its own score whatever `includeOwn` says
    if (own && (config.includeOwn || t.children.length === 0))
      members.push({ score: own.score, weight: realUnits(plan) });
    for (const c of children)
      if (c.score !== undefined) members.push({ score: c.score, weight: unitsOfSubtree(t, c.planId) });
    const score = aggregate(config.rule, members);

    const coverage = coverageOf(t, config, kindGroup, asOfDate, findings);
    const lateness = latenessOf(plan, parent, config);
    const unitId = parent ? unitOf(plan, parent) : undefined;
    const unit = unitId === undefined ? undefined : parent?.units.find((u) => u.id === unitId);
    const groupId = unit ? kindGroup.get(unit.kind) : undefined;
    return {
      planId: plan.id,
      ...(plan.number === undefined ? {} : { number: plan.number }),
      issuer: plan.issuer.name,
      year: plan.year,
      ...(plan.date === undefined ? {} : { date: plan.date }),
      depth: t.depth,
      ...(unitId === undefined ? {} : { unitId }),
      ...(groupId === undefined ? {} : { groupId }),
      ...(own ? { own } : {}),
      ...(score === undefined ? {} : { score, percent: round2((score / config.scale) * 100) }),
      tracking: { own: ownTracking, total },
      coverage,
      lateness,
      explanation: explain(plan, own, score, config, members.length, children.length),
      children,
    };
  };

  const unitsCache = new Map<string, number>();
  const unitsOfSubtree = (parent: PlanTreeNode, childId: string): number => {
    const c = parent.children.find((k) => k.plan.id === childId);
    if (!c) return 0;
    const cached = unitsCache.get(childId);
    if (cached !== undefined) return cached;
    const count = (n: PlanTreeNode): number =>
      realUnits(n.plan) + n.children.reduce((a, k) => a + count(k), 0);
    const v = count(c);
    unitsCache.set(childId, v);
    return v;
  };

  const root = node(tree, undefined);
  return {
    rootPlanId: tree.plan.id,
    asOf: asOfInstant,
    rule: config.rule,
    scale: config.scale,
    groups: config.groups,
    root,
    findings,
  };
}

type MutableNode = { -readonly [K in keyof RollupNode]: RollupNode[K] };

/** Ranks siblings within each group: best score first, ties share a rank, then Vietnamese name order. */
function rankChildren(children: MutableNode[]): void {
  const byGroup = new Map<string, MutableNode[]>();
  for (const c of children) {
    const g = c.groupId ?? "";
    const list = byGroup.get(g) ?? [];
    list.push(c);
    byGroup.set(g, list);
  }
  const coll = viCollator();
  for (const list of byGroup.values()) {
    list.sort(
      (a, b) =>
        (b.score ?? -1) - (a.score ?? -1) ||
        coll.compare(a.issuer, b.issuer) ||
        (a.planId < b.planId ? -1 : 1),
    );
    let prev: MutableNode | undefined;
    list.forEach((c, i) => {
      if (c.score === undefined) return;
      c.rank =
        prev?.score !== undefined && Math.abs(prev.score - c.score) < EPS ? (prev.rank as number) : i + 1;
      c.groupSize = list.length;
      prev = c;
    });
  }
  // siblings are listed by group (in the settings' order), then by rank
  const order = [...byGroup.keys()];
  children.sort((a, b) => {
    const ga = order.indexOf(a.groupId ?? "");
    const gb = order.indexOf(b.groupId ?? "");
    return (
      ga - gb ||
      (byGroup.get(a.groupId ?? "")?.indexOf(a) ?? 0) - (byGroup.get(b.groupId ?? "")?.indexOf(b) ?? 0)
    );
  });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function aggregate(
  rule: RollupRule,
  members: readonly { score: number; weight: number }[],
): number | undefined {
  if (members.length === 0) return undefined;
  switch (rule.type) {
    case "mean":
      return round2(members.reduce((a, m) => a + m.score, 0) / members.length);
    case "weighted": {
      const w = members.reduce((a, m) => a + m.weight, 0);
      if (w === 0) return round2(members.reduce((a, m) => a + m.score, 0) / members.length);
      return round2(members.reduce((a, m) => a + m.score * m.weight, 0) / w);
    }
    case "min":
      return Math.min(...members.map((m) => m.score));
    case "max":
      return Math.max(...members.map((m) => m.score));
  }
}

const RULE_WORDS: Record<RollupRule["type"], LocalizedText> = {
  mean: { vi: "trung bình", en: "mean" },
  weighted: { vi: "bình quân gia quyền theo số đơn vị", en: "mean weighted by units" },
  min: { vi: "thấp nhất", en: "lowest" },
  max: { vi: "cao nhất", en: "highest" },
};

function explain(
  plan: Plan,
  own: RollupNode["own"],
  score: number | undefined,
  config: RollupConfig,
  members: number,
  children: number,
): LocalizedText {
  const from = plan.number ?? plan.id;
  const scale = config.scale;
  const ownVi = own
    ? `${plan.issuer.name} ${vi(own.score)}/${vi(scale)}, từ kế hoạch ${from} (${vi(own.points)}/${vi(own.maxPoints)} điểm, theo ${own.scheme.id})`
    : `${plan.issuer.name} chưa có điểm, kế hoạch ${from}`;
  const ownEn = own
    ? `${plan.issuer.name} ${fmt(own.score)}/${fmt(scale)}, from plan ${from} (${fmt(own.points)}/${fmt(own.maxPoints)} points, by ${own.scheme.id})`
    : `${plan.issuer.name} not scored, plan ${from}`;
  if (children === 0 || score === undefined) return { vi: `${ownVi}.`, en: `${ownEn}.` };
  const word = RULE_WORDS[config.rule.type];
  const withOwn = own && config.includeOwn;
  return {
    vi: `${ownVi}; tổng hợp ${vi(score)}/${vi(scale)}: ${word.vi} của ${members} điểm (${withOwn ? "kế hoạch này và " : ""}${children} kế hoạch con).`,
    en: `${ownEn}; rolled up ${fmt(score)}/${fmt(scale)}: ${word.en} of ${members} scores (${withOwn ? "this plan and " : ""}${children} sub-plans).`,
  };
}

/** The unit of `parent` that issued `plan`: named by `parent.unitId`, else the unit of the same name. */
function unitOf(plan: Plan, parent: Plan): string | undefined {
  const named = plan.parent?.unitId;
  if (named !== undefined && parent.units.some((u) => u.id === named)) return named;
  const name = foldForComparison(plan.issuer.name);
  return parent.units.find((u) => foldForComparison(u.name) === name)?.id;
}

function dueDateOf(parent: Plan, config: RollupConfig): string | undefined {
  if (config.issueBy !== undefined) return config.issueBy;
  if (config.issueWithinDays !== undefined && parent.date !== undefined)
    return addDays(parent.date, config.issueWithinDays);
  return undefined;
}

function latenessOf(plan: Plan, parent: Plan | undefined, config: RollupConfig): Lateness {
  const due = parent ? dueDateOf(parent, config) : undefined;
  const issued = plan.date;
  const daysLate = due !== undefined && issued !== undefined ? Math.max(0, daysBetween(due, issued)) : 0;
  return {
    ...(due === undefined ? {} : { dueDate: due }),
    ...(issued === undefined ? {} : { issuedOn: issued }),
    late: daysLate > 0,
    daysLate,
  };
}

function coverageOf(
  t: PlanTreeNode,
  config: RollupConfig,
  kindGroup: ReadonlyMap<string, string>,
  asOfDate: string,
  findings: Finding[],
): Coverage {
  const plan = t.plan;
  // the issuer's own unit (UBND tỉnh in the province's plan) issues no sub-plan of its own plan
  const issuer = foldForComparison(plan.issuer.name);
  const expected = plan.units.filter(
    (u) => !u.group && kindGroup.has(u.kind) && foldForComparison(u.name) !== issuer,
  );
  if (expected.length === 0 && t.children.length === 0)
    return { expected: 0, issued: 0, late: 0, missing: [], unexpected: 0 };
  const due = dueDateOf(plan, config);
  const issuedBy = new Map<string, PlanTreeNode>();
  let unexpected = 0;
  for (const c of t.children) {
    const unitId = unitOf(c.plan, plan);
    const issuedYet = c.plan.date === undefined || c.plan.date <= asOfDate;
    if (
      unitId !== undefined &&
      kindGroup.has(plan.units.find((u) => u.id === unitId)?.kind ?? "") &&
      issuedYet
    )
      issuedBy.set(unitId, c);
    else if (issuedYet) unexpected++;
  }
  const missing: MissingSubPlan[] = [];
  let late = 0;
  for (const u of expected) {
    const groupId = kindGroup.get(u.kind) as string;
    const sub = issuedBy.get(u.id);
    if (!sub) {
      const status = due !== undefined && due >= asOfDate ? "pending" : "missing";
      missing.push({
        unitId: u.id,
        name: u.name,
        groupId,
        status,
        ...(due === undefined ? {} : { dueDate: due }),
      });
      if (status === "missing")
        findings.push({
          code: ROLLUP_CODES.missing,
          severity: "warning",
          path: [plan.id, "units", u.id],
          message: {
            vi: `${u.name} chưa ban hành kế hoạch thực hiện kế hoạch ${plan.number ?? plan.id}${due === undefined ? "" : ` (hạn ${formatViDate(due)})`}.`,
            en: `${u.name} has not issued its plan implementing plan ${plan.number ?? plan.id}${due === undefined ? "" : ` (due ${due})`}.`,
          },
        });
      continue;
    }
    if (sub.plan.date === undefined) {
      findings.push({
        code: ROLLUP_CODES.undated,
        severity: "warning",
        path: [sub.plan.id, "date"],
        message: {
          vi: `Kế hoạch "${sub.plan.id}" của ${u.name} không có ngày ban hành: không biết có đúng hạn không.`,
          en: `Plan "${sub.plan.id}" of ${u.name} has no date of issue: whether it was on time is unknown.`,
        },
      });
      continue;
    }
    if (due !== undefined && sub.plan.date > due) {
      late++;
      findings.push({
        code: ROLLUP_CODES.late,
        severity: "warning",
        path: [sub.plan.id, "date"],
        message: {
          vi: `${u.name} ban hành kế hoạch ${sub.plan.number ?? sub.plan.id} ngày ${formatViDate(sub.plan.date)}, chậm ${daysBetween(due, sub.plan.date)} ngày so với hạn ${formatViDate(due)}.`,
          en: `${u.name} issued plan ${sub.plan.number ?? sub.plan.id} on ${sub.plan.date}, ${daysBetween(due, sub.plan.date)} days after the due date ${due}.`,
        },
      });
    }
  }
  missing.sort((a, b) => viCollator().compare(a.name, b.name));
  return { expected: expected.length, issued: issuedBy.size, late, missing, unexpected };
}

/** "05/03/2026". */
const formatViDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
