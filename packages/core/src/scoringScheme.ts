/**
 * A scoring scheme is data, not code: a tree of areas → criteria → sub-criteria with maximum
 * points, each leaf computed from a metric with thresholds or entered by hand (self-assessed,
 * then appraised), the way the PAR Index is scored. An agency edits it every year.
 */
import * as z from "zod";
import type { Finding } from "./finding.js";
import { Id } from "./plan.js";
import { parseUntrusted } from "./shapeFindings.js";
import { type LocalizedText, LocalizedTextSchema, OptionalText } from "./text.js";

/** The metrics the core computes from tracking data. */
export const MetricSchema = z.enum([
  "plan-completion",
  "activities-done",
  "channel-diversity",
  "content-coverage",
  "unit-participation",
  "reporting-rate",
  "on-time-reporting-rate",
  "budget-execution",
]);
/** A metric code. */
export type Metric = z.infer<typeof MetricSchema>;

/** Labels and the formula of each metric, for explanations and docs. */
export const METRICS: Readonly<Record<Metric, { label: LocalizedText; formula: LocalizedText }>> = {
  "plan-completion": {
    label: { vi: "Mức độ hoàn thành kế hoạch", en: "Plan completion" },
    formula: {
      vi: "trung bình của min(1, kết quả đạt / chỉ tiêu) trên các hoạt động kế hoạch",
      en: "mean over planned activities of min(1, output achieved / target)",
    },
  },
  "activities-done": {
    label: { vi: "Tỷ lệ hoạt động hoàn thành", en: "Activities done" },
    formula: {
      vi: "số hoạt động đạt đủ chỉ tiêu / số hoạt động kế hoạch",
      en: "activities that reached their target / activities planned",
    },
  },
  "channel-diversity": {
    label: { vi: "Mức độ đa dạng hình thức tuyên truyền", en: "Channel diversity" },
    formula: {
      vi: "số hình thức đã sử dụng / số hình thức kế hoạch",
      en: "channels used / channels planned",
    },
  },
  "content-coverage": {
    label: { vi: "Mức độ bao quát nội dung", en: "Content coverage" },
    formula: {
      vi: "số nội dung đã tuyên truyền / số nội dung kế hoạch",
      en: "content areas addressed / content areas planned",
    },
  },
  "unit-participation": {
    label: { vi: "Mức độ tham gia của các đơn vị", en: "Unit participation" },
    formula: {
      vi: "số đơn vị có hoạt động hoặc báo cáo / số đơn vị phải thực hiện",
      en: "units with records or reports / units expected to take part",
    },
  },
  "reporting-rate": {
    label: { vi: "Tỷ lệ báo cáo", en: "Reporting rate" },
    formula: { vi: "số báo cáo đã gửi / số báo cáo đến hạn", en: "reports submitted / reports due" },
  },
  "on-time-reporting-rate": {
    label: { vi: "Tỷ lệ báo cáo đúng hạn", en: "On-time reporting rate" },
    formula: {
      vi: "số báo cáo gửi trong hạn (theo giờ Việt Nam) / số báo cáo đến hạn",
      en: "reports submitted by the deadline (Vietnam time) / reports due",
    },
  },
  "budget-execution": {
    label: { vi: "Mức độ thực hiện kinh phí", en: "Budget execution" },
    formula: { vi: "kinh phí đã chi / kinh phí kế hoạch (VND)", en: "cost spent / cost planned (VND)" },
  },
};

/** "At least this ratio (0–1) earns these points"; the highest threshold reached applies. */
export const ThresholdSchema = z.strictObject({
  atLeast: z.number().min(0).max(10),
  points: z.number().min(0),
});

/** A leaf rule: computed from a metric, or entered by hand. */
export const NodeRuleSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("metric"),
    metric: MetricSchema,
    thresholds: z.array(ThresholdSchema).min(1),
  }),
  z.strictObject({ type: z.literal("manual") }),
]);

/** One node of the scheme tree (area, criterion or sub-criterion). */
export interface SchemeNode {
  readonly id: string;
  readonly title: LocalizedText;
  readonly maxPoints: number;
  /** Where the node is scored: for each unit, for the agency as a whole, or both (default). */
  readonly scope?: "unit" | "agency" | "both" | undefined;
  readonly rule?: z.infer<typeof NodeRuleSchema> | undefined;
  readonly children?: readonly SchemeNode[] | undefined;
  readonly note?: string | undefined;
  /**
   * A manual leaf whose self-assessment needs evidence (a file or a link) or a written
   * explanation (the note); the appraisal cycle refuses one without. Default false.
   */
  readonly evidenceRequired?: boolean | undefined;
}

/** Schema of a scheme node (recursive). */
export const SchemeNodeSchema: z.ZodType<SchemeNode> = z.lazy(() =>
  z.strictObject({
    id: Id,
    title: LocalizedTextSchema,
    maxPoints: z.number().min(0),
    scope: z.enum(["unit", "agency", "both"]).optional(),
    rule: NodeRuleSchema.optional(),
    children: z.array(SchemeNodeSchema).optional(),
    note: OptionalText.optional(),
    evidenceRequired: z.boolean().optional(),
  }),
);

/** A whole scheme, versioned so a score sheet says which scheme produced it. */
export const ScoringSchemeSchema = z.strictObject({
  id: Id,
  version: z.string().min(1),
  title: LocalizedTextSchema,
  /** Where the values come from and what to check them against. */
  source: LocalizedTextSchema.optional(),
  nodes: z.array(SchemeNodeSchema).min(1),
});
/** A scoring scheme. */
export type ScoringScheme = z.infer<typeof ScoringSchemeSchema>;

/** Points entered by hand for a manual leaf: self-assessed by the unit, then appraised by the lead. */
export const ManualScoreSchema = z.strictObject({
  nodeId: Id,
  /** The unit scored; absent for the agency as a whole. */
  unitId: Id.optional(),
  selfAssessed: z.number().min(0).optional(),
  appraised: z.number().min(0).optional(),
  note: OptionalText.optional(),
  evidenceUrl: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Where the points came from when they come from a stored appraisal round: the period, the step
   * that decided them and who took it (the explanation says so).
   */
  source: z
    .strictObject({
      periodId: Id,
      roundState: z.enum(["open", "appraisal", "answering", "round-2", "closed"]),
      step: z.enum(["self", "appraisal", "decision"]),
      role: z.enum(["lead", "council", "reporter", "viewer"]),
      userId: z.string().max(200),
      at: z.string().max(40),
    })
    .optional(),
});
/** A manual score entry. */
export type ManualScore = z.infer<typeof ManualScoreSchema>;

/**
 * Checks a scheme as data: shape, unique node ids, leaves with a rule, parents whose maximum equals
 * the sum of their children's, thresholds whose points stay within the maximum.
 */
export function validateScheme(input: unknown): { scheme: ScoringScheme | undefined; errors: Finding[] } {
  const parsed = parseUntrusted(ScoringSchemeSchema, input);
  if (!parsed.success) return { scheme: undefined, errors: parsed.findings };
  const errors: Finding[] = [];
  const seen = new Set<string>();
  const err = (code: string, path: (string | number)[], vi: string, en: string) =>
    errors.push({ code, severity: "error", path, message: { vi, en } });
  const walk = (nodes: readonly SchemeNode[], path: (string | number)[]) => {
    for (const [i, n] of nodes.entries()) {
      const p = [...path, i];
      if (seen.has(n.id))
        err(
          "scheme.id-duplicate",
          [...p, "id"],
          `Mã tiêu chí "${n.id}" bị trùng.`,
          `Duplicate node id "${n.id}".`,
        );
      seen.add(n.id);
      const kids = n.children ?? [];
      if (kids.length === 0 && n.rule === undefined)
        err(
          "scheme.leaf-without-rule",
          p,
          `Tiêu chí "${n.id}" chưa có cách chấm.`,
          `Leaf "${n.id}" has no rule.`,
        );
      if (kids.length > 0) {
        if (n.rule !== undefined)
          err(
            "scheme.parent-with-rule",
            [...p, "rule"],
            `Tiêu chí "${n.id}" có tiêu chí con nên không có cách chấm riêng.`,
            `Node "${n.id}" has children, so no rule of its own.`,
          );
        const sum = kids.reduce((s, k) => s + k.maxPoints, 0);
        if (Math.abs(sum - n.maxPoints) > 1e-9)
          err(
            "scheme.max-mismatch",
            [...p, "maxPoints"],
            `Điểm tối đa của "${n.id}" (${n.maxPoints}) khác tổng tiêu chí con (${sum}).`,
            `Maximum of "${n.id}" (${n.maxPoints}) differs from its children's sum (${sum}).`,
          );
        walk(kids, [...p, "children"]);
      }
      if (n.rule?.type === "metric")
        for (const [j, t] of n.rule.thresholds.entries())
          if (t.points > n.maxPoints)
            err(
              "scheme.threshold-over-max",
              [...p, "rule", "thresholds", j, "points"],
              `Mức điểm ${t.points} vượt điểm tối đa ${n.maxPoints} của "${n.id}".`,
              `Threshold points ${t.points} exceed the maximum ${n.maxPoints} of "${n.id}".`,
            );
    }
  };
  walk(parsed.data.nodes, ["nodes"]);
  return { scheme: errors.length === 0 ? parsed.data : undefined, errors };
}

const metricLeaf = (
  id: string,
  vi: string,
  en: string,
  metric: z.infer<typeof MetricSchema>,
  maxPoints: number,
  thresholds: Array<[number, number]>,
  scope?: SchemeNode["scope"],
): SchemeNode => ({
  id,
  title: { vi, en },
  maxPoints,
  ...(scope === undefined ? {} : { scope }),
  rule: { type: "metric", metric, thresholds: thresholds.map(([atLeast, points]) => ({ atLeast, points })) },
});

/**
 * A preset modelled on the PAR Index criteria for communication of administrative reform
 * ("Công tác tuyên truyền CCHC": 100 % of the plan done → full points, 80 % to under 100 % → half,
 * under 80 % → none; periodic reports complete and on time). The structure and values are an
 * EXAMPLE to check against the agency's current decision of the Ministry of Home Affairs on the
 * PAR Index, not law: copy it, edit it, version it.
 */
export const PAR_COMMUNICATION_PRESET: ScoringScheme = {
  id: "par-communication",
  version: "2018-example",
  title: { vi: "Công tác tuyên truyền cải cách hành chính", en: "Communication of administrative reform" },
  source: {
    vi: "Mô phỏng nhóm tiêu chí tuyên truyền CCHC của Chỉ số CCHC; giá trị là ví dụ, cần đối chiếu Quyết định phê duyệt Chỉ số CCHC hiện hành của Bộ Nội vụ.",
    en: "Modelled on the PAR Index criteria for PAR communication; values are examples to check against the Ministry of Home Affairs' current PAR Index decision.",
  },
  nodes: [
    {
      id: "tt",
      title: {
        vi: "Công tác tuyên truyền cải cách hành chính",
        en: "Communication of administrative reform",
      },
      maxPoints: 6,
      children: [
        {
          id: "tt.1",
          title: { vi: "Thực hiện kế hoạch tuyên truyền CCHC", en: "Carrying out the communication plan" },
          maxPoints: 2,
          children: [
            metricLeaf(
              "tt.1.1",
              "Mức độ hoàn thành kế hoạch tuyên truyền",
              "Plan completion",
              "plan-completion",
              1,
              [
                [1, 1],
                [0.8, 0.5],
              ],
            ),
            metricLeaf(
              "tt.1.2",
              "Thực hiện kinh phí tuyên truyền",
              "Budget execution",
              "budget-execution",
              1,
              [
                [0.9, 1],
                [0.7, 0.5],
              ],
            ),
          ],
        },
        {
          id: "tt.2",
          title: { vi: "Hình thức và nội dung tuyên truyền", en: "Channels and content" },
          maxPoints: 2,
          children: [
            metricLeaf(
              "tt.2.1",
              "Đa dạng hình thức tuyên truyền",
              "Channel diversity",
              "channel-diversity",
              1,
              [
                [1, 1],
                [0.5, 0.5],
              ],
            ),
            metricLeaf(
              "tt.2.2",
              "Bao quát nội dung tuyên truyền",
              "Content coverage",
              "content-coverage",
              1,
              [
                [1, 1],
                [0.8, 0.5],
              ],
            ),
          ],
        },
        {
          id: "tt.3",
          title: { vi: "Báo cáo định kỳ kết quả tuyên truyền", en: "Periodic reporting" },
          maxPoints: 1,
          children: [
            metricLeaf("tt.3.1", "Báo cáo đầy đủ", "Reports complete", "reporting-rate", 0.5, [
              [1, 0.5],
              [0.8, 0.25],
            ]),
            metricLeaf("tt.3.2", "Báo cáo đúng hạn", "Reports on time", "on-time-reporting-rate", 0.5, [
              [1, 0.5],
              [0.8, 0.25],
            ]),
          ],
        },
        {
          id: "tt.4",
          title: { vi: "Sự tham gia và sáng kiến", en: "Participation and initiative" },
          maxPoints: 1,
          children: [
            metricLeaf(
              "tt.4.1",
              "Các đơn vị tham gia tuyên truyền",
              "Units taking part",
              "unit-participation",
              0.5,
              [
                [1, 0.5],
                [0.8, 0.25],
              ],
              "agency",
            ),
            {
              id: "tt.4.2",
              title: {
                vi: "Sáng kiến, cách làm hay trong tuyên truyền (tự chấm, thẩm định)",
                en: "Initiatives and good practice (self-assessed, appraised)",
              },
              maxPoints: 0.5,
              rule: { type: "manual" },
              evidenceRequired: true,
            },
          ],
        },
      ],
    },
  ],
};
