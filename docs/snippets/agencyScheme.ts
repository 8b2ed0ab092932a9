/**
 * docs/scoring.md — an agency's own scoring scheme, written in TypeScript, checked with
 * `validateScheme`, and used to score tracking data with manual (self-assessed, appraised) points.
 * `scheme.json` beside this file is the same scheme as JSON, for `cchc score --scheme`.
 */
import {
  type Finding,
  type ManualScore,
  type ScoreInput,
  type ScoreSheet,
  type ScoringScheme,
  scorePlan,
  validateScheme,
} from "@cchc/core";

/** Thang điểm riêng của cơ quan / the agency's own scheme (7 points at each level). */
export const AGENCY_SCHEME: ScoringScheme = {
  id: "tuyen-truyen-rieng",
  version: "2018.1",
  title: { vi: "Thang điểm tuyên truyền CCHC của cơ quan", en: "The agency's PAR communication scheme" },
  source: {
    vi: "Ví dụ trong docs/scoring.md; không phải văn bản của Bộ Nội vụ.",
    en: "An example of docs/scoring.md; not a Ministry of Home Affairs document.",
  },
  nodes: [
    {
      id: "kh",
      title: { vi: "Thực hiện kế hoạch", en: "Carrying out the plan" },
      maxPoints: 4, // = 2 + 2, validateScheme checks it
      children: [
        {
          id: "kh.1",
          title: { vi: "Mức độ hoàn thành kế hoạch", en: "Plan completion" },
          maxPoints: 2,
          rule: {
            type: "metric",
            metric: "plan-completion",
            // mức cao nhất đạt được áp dụng / the highest threshold reached applies
            thresholds: [
              { atLeast: 1, points: 2 },
              { atLeast: 0.9, points: 1.5 },
              { atLeast: 0.8, points: 1 },
            ],
          },
        },
        {
          id: "kh.2",
          title: { vi: "Hoạt động đạt đủ chỉ tiêu", en: "Activities that reached their target" },
          maxPoints: 2,
          rule: {
            type: "metric",
            metric: "activities-done",
            thresholds: [
              { atLeast: 0.9, points: 2 },
              { atLeast: 0.7, points: 1 },
            ],
          },
        },
      ],
    },
    {
      id: "bc",
      title: { vi: "Báo cáo đúng hạn", en: "Reports on time" },
      maxPoints: 2,
      rule: {
        type: "metric",
        metric: "on-time-reporting-rate",
        thresholds: [
          { atLeast: 1, points: 2 },
          { atLeast: 0.8, points: 1 },
        ],
      },
    },
    {
      id: "tg",
      title: { vi: "Các đơn vị cùng tham gia", en: "Units taking part" },
      maxPoints: 1,
      scope: "agency", // chỉ chấm cho toàn cơ quan / scored for the agency only
      rule: {
        type: "metric",
        metric: "unit-participation",
        thresholds: [
          { atLeast: 1, points: 1 },
          { atLeast: 0.8, points: 0.5 },
        ],
      },
    },
    {
      id: "sk",
      title: { vi: "Sáng kiến trong tuyên truyền", en: "Initiatives in communication" },
      maxPoints: 1,
      scope: "unit", // mỗi đơn vị tự chấm, đơn vị chủ trì thẩm định / self-assessed, then appraised
      rule: { type: "manual" },
    },
  ],
};

/** Điểm chấm tay / points entered by hand: the appraised value wins over the self-assessment. */
export const MANUAL_SCORES: ManualScore[] = [
  {
    nodeId: "sk",
    unitId: "vu-phap-che",
    selfAssessed: 1,
    appraised: 0.5,
    note: "Chuyên mục hỏi đáp pháp luật trên Cổng / a legal Q&A column on the portal",
    evidenceUrl: "https://mic.gov.vn/cchc/sang-kien/vu-phap-che",
  },
  { nodeId: "sk", unitId: "trung-tam-thong-tin", selfAssessed: 0.75 },
];

/** Checks the scheme as data, then scores the tracking data with it. */
export function scoreWithAgencyScheme(input: ScoreInput): ScoreSheet {
  const { scheme, errors } = validateScheme(AGENCY_SCHEME);
  if (scheme === undefined) throw new Error(errors.map((e) => `${e.code}: ${e.message.en}`).join("\n"));
  return scorePlan(input, { scheme, manualScores: MANUAL_SCORES });
}

/** A scheme with two mistakes, to show what `validateScheme` reports. */
export function brokenSchemeFindings(): Finding[] {
  const broken = {
    ...AGENCY_SCHEME,
    nodes: [
      { ...AGENCY_SCHEME.nodes[0], maxPoints: 5 }, // con cộng lại 4 / its children add up to 4
      { id: "bc", title: { vi: "Báo cáo", en: "Reports" }, maxPoints: 2 }, // lá không có rule / a leaf without a rule
    ],
  };
  return validateScheme(broken).errors;
}
