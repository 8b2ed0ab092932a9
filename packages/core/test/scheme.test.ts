/**
 * Scoring schemes as data: the preset validates, broken schemes give the expected codes and paths,
 * and an agency's own scheme scores the sample year as computed by hand.
 */
import { describe, expect, it } from "vitest";
import {
  type ManualScore,
  METRICS,
  MetricSchema,
  PAR_COMMUNICATION_PRESET,
  type SchemeNode,
  type ScoringScheme,
  scorePlan,
  validateScheme,
} from "../src/index.js";
import { leafPoints, nodeScore, sampleYear, T, U, unitScore } from "./fixtures/sample-year.js";

/** A deep, mutable copy of the preset as plain JSON. */
type JsonNode = {
  id: string;
  maxPoints: number;
  rule?: { type: string; metric?: string; thresholds?: { atLeast: number; points: number }[] };
  children?: JsonNode[];
  [key: string]: unknown;
};
type JsonScheme = { nodes: JsonNode[]; [key: string]: unknown };

function presetJson(): JsonScheme {
  return JSON.parse(JSON.stringify(PAR_COMMUNICATION_PRESET)) as JsonScheme;
}

function child(node: JsonNode | undefined, index: number): JsonNode {
  const c = node?.children?.[index];
  if (c === undefined) throw new Error(`no child ${index}`);
  return c;
}

/** The preset's node at nodes[0].children[i].children[j]… */
function at(scheme: JsonScheme, ...indices: number[]): JsonNode {
  let node = scheme.nodes[0];
  if (node === undefined) throw new Error("no root");
  for (const i of indices) node = child(node, i);
  return node;
}

const codesAndPaths = (input: unknown) =>
  validateScheme(input).errors.map((e) => ({ code: e.code, path: e.path }));

describe("validateScheme", () => {
  it("accepts the PAR communication preset as it is", () => {
    const { scheme, errors } = validateScheme(PAR_COMMUNICATION_PRESET);
    expect(errors).toEqual([]);
    expect(scheme).toEqual(PAR_COMMUNICATION_PRESET);
  });

  it("the preset's structure: 6 points in four criteria; tt.4.1 agency-only; tt.4.2 manual", () => {
    const root = at(presetJson());
    expect(root.maxPoints).toBe(6);
    expect(root.children?.map((c) => [c.id, c.maxPoints])).toEqual([
      ["tt.1", 2],
      ["tt.2", 2],
      ["tt.3", 1],
      ["tt.4", 1],
    ]);
    expect(at(presetJson(), 3, 0).scope).toBe("agency");
    expect(at(presetJson(), 3, 1).rule).toEqual({ type: "manual" });
    expect(at(presetJson(), 0, 0).rule?.thresholds).toEqual([
      { atLeast: 1, points: 1 },
      { atLeast: 0.8, points: 0.5 },
    ]);
  });

  it("every metric has a bilingual label and formula", () => {
    for (const m of MetricSchema.options) {
      expect(METRICS[m].label.vi.length).toBeGreaterThan(0);
      expect(METRICS[m].label.en.length).toBeGreaterThan(0);
      expect(METRICS[m].formula.vi.length).toBeGreaterThan(0);
      expect(METRICS[m].formula.en.length).toBeGreaterThan(0);
    }
  });

  it("duplicate node ids", () => {
    const s = presetJson();
    at(s, 0, 1).id = "tt.1.1";
    expect(codesAndPaths(s)).toEqual([
      { code: "scheme.id-duplicate", path: ["nodes", 0, "children", 0, "children", 1, "id"] },
    ]);
    const across = presetJson();
    at(across, 3, 1).id = "tt.2";
    expect(codesAndPaths(across)).toEqual([
      { code: "scheme.id-duplicate", path: ["nodes", 0, "children", 3, "children", 1, "id"] },
    ]);
  });

  it("a leaf without a rule", () => {
    const s = presetJson();
    delete at(s, 3, 1).rule;
    expect(codesAndPaths(s)).toEqual([
      { code: "scheme.leaf-without-rule", path: ["nodes", 0, "children", 3, "children", 1] },
    ]);
  });

  it("a parent with a rule of its own", () => {
    const s = presetJson();
    at(s, 1).rule = { type: "manual" };
    expect(codesAndPaths(s)).toEqual([
      { code: "scheme.parent-with-rule", path: ["nodes", 0, "children", 1, "rule"] },
    ]);
  });

  it("a parent whose maximum differs from its children's sum (and so on up the tree)", () => {
    const s = presetJson();
    at(s, 1).maxPoints = 3; // children 1 + 1 = 2; root now 2 + 3 + 1 + 1 = 7 ≠ 6
    expect(codesAndPaths(s)).toEqual([
      { code: "scheme.max-mismatch", path: ["nodes", 0, "maxPoints"] },
      { code: "scheme.max-mismatch", path: ["nodes", 0, "children", 1, "maxPoints"] },
    ]);
    const leaf = presetJson();
    at(leaf, 2, 0).maxPoints = 0.75; // tt.3 = 0.75 + 0.5 ≠ 1
    expect(codesAndPaths(leaf)).toEqual([
      { code: "scheme.max-mismatch", path: ["nodes", 0, "children", 2, "maxPoints"] },
    ]);
    const msg = validateScheme(leaf).errors[0]?.message;
    expect(msg?.vi).toContain("1.25");
    expect(msg?.en).toContain('"tt.3"');
  });

  it("sums within floating-point error are accepted (0.1 + 0.2 = 0.3)", () => {
    const scheme: ScoringScheme = {
      id: "float",
      version: "1",
      title: { vi: "Thử", en: "Test" },
      nodes: [
        {
          id: "goc",
          title: { vi: "Gốc", en: "Root" },
          maxPoints: 0.3,
          children: [
            { id: "a", title: { vi: "A", en: "A" }, maxPoints: 0.1, rule: { type: "manual" } },
            { id: "b", title: { vi: "B", en: "B" }, maxPoints: 0.2, rule: { type: "manual" } },
          ],
        },
      ],
    };
    expect(validateScheme(scheme).errors).toEqual([]);
  });

  it("threshold points over the maximum", () => {
    const s = presetJson();
    const rule = at(s, 2, 0).rule;
    const t = rule?.thresholds?.[1];
    if (t === undefined) throw new Error("preset changed");
    t.points = 1; // max of tt.3.1 is 0.5
    expect(codesAndPaths(s)).toEqual([
      {
        code: "scheme.threshold-over-max",
        path: ["nodes", 0, "children", 2, "children", 0, "rule", "thresholds", 1, "points"],
      },
    ]);
  });

  it("an unknown metric is a shape error at the metric", () => {
    const s = presetJson();
    const rule = at(s, 0, 0).rule;
    if (rule === undefined) throw new Error("preset changed");
    rule.metric = "press-coverage";
    const { scheme, errors } = validateScheme(s);
    expect(scheme).toBeUndefined();
    expect(errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([
      { code: "shape.invalid_value", path: ["nodes", 0, "children", 0, "children", 0, "rule", "metric"] },
    ]);
    expect(errors[0]?.message.vi).toContain('"plan-completion"');
  });

  it("bad shapes", () => {
    expect(codesAndPaths({ ...presetJson(), nodes: [] })).toEqual([
      { code: "shape.too_small", path: ["nodes"] },
    ]);
    expect(codesAndPaths({ ...presetJson(), extra: true })).toEqual([
      { code: "shape.unrecognized_keys", path: [] },
    ]);
    const { version: _v, ...noVersion } = presetJson();
    expect(codesAndPaths(noVersion)).toEqual([{ code: "shape.required", path: ["version"] }]);
    const negative = presetJson();
    at(negative, 0, 0).maxPoints = -1;
    expect(codesAndPaths(negative)).toContainEqual({
      code: "shape.too_small",
      path: ["nodes", 0, "children", 0, "children", 0, "maxPoints"],
    });
    const ratio = presetJson();
    const t = at(ratio, 0, 0).rule?.thresholds?.[0];
    if (t === undefined) throw new Error("preset changed");
    t.atLeast = 11;
    expect(codesAndPaths(ratio)).toEqual([
      {
        code: "shape.too_big",
        path: ["nodes", 0, "children", 0, "children", 0, "rule", "thresholds", 0, "atLeast"],
      },
    ]);
    const noThresholds = presetJson();
    const rule = at(noThresholds, 0, 0).rule;
    if (rule === undefined) throw new Error("preset changed");
    rule.thresholds = [];
    expect(codesAndPaths(noThresholds)).toEqual([
      { code: "shape.too_small", path: ["nodes", 0, "children", 0, "children", 0, "rule", "thresholds"] },
    ]);
    const badType = presetJson();
    at(badType, 0, 0).rule = { type: "formula" };
    expect(validateScheme(badType).errors.map((e) => e.path)).toEqual([
      ["nodes", 0, "children", 0, "children", 0, "rule", "type"],
    ]);
    const badScope = presetJson();
    at(badScope, 0, 0).scope = "province";
    expect(codesAndPaths(badScope)).toEqual([
      { code: "shape.invalid_value", path: ["nodes", 0, "children", 0, "children", 0, "scope"] },
    ]);
  });

  it("a non-object is an invalid_type at the root, never an exception", () => {
    for (const input of [null, undefined, 42, "scheme", [], true]) {
      const { scheme, errors } = validateScheme(input);
      expect(scheme).toBeUndefined();
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.code.startsWith("shape.")).toBe(true);
        expect(e.message.vi.length).toBeGreaterThan(0);
      }
    }
    expect(codesAndPaths(null)).toEqual([{ code: "shape.invalid_type", path: [] }]);
    expect(codesAndPaths(undefined)).toEqual([{ code: "shape.required", path: [] }]);
  });

  it("collects every problem of a tree, and returns no scheme when there is one", () => {
    const s = presetJson();
    at(s, 0, 1).id = "tt.1.1";
    delete at(s, 3, 1).rule;
    const { scheme, errors } = validateScheme(s);
    expect(scheme).toBeUndefined();
    expect(errors.map((e) => e.code).sort()).toEqual(["scheme.id-duplicate", "scheme.leaf-without-rule"]);
    for (const e of errors) expect(e.severity).toBe("error");
  });
});

describe("an agency's own scheme", () => {
  const leaf = (node: SchemeNode): SchemeNode => node;
  /** A province's scheme: 5 points for its communication work, 1 agency-only point for participation. */
  const own: ScoringScheme = {
    id: "so-noi-vu-tuyen-truyen",
    version: "2018.1",
    title: { vi: "Tiêu chí tuyên truyền CCHC của tỉnh", en: "Province PAR communication criteria" },
    nodes: [
      {
        id: "tuyen-truyen",
        title: { vi: "Công tác tuyên truyền", en: "Communication" },
        maxPoints: 5,
        children: [
          leaf({
            id: "hoat-dong",
            title: { vi: "Hoạt động hoàn thành", en: "Activities done" },
            maxPoints: 2,
            rule: {
              type: "metric",
              metric: "activities-done",
              thresholds: [
                { atLeast: 0.5, points: 1 },
                { atLeast: 1, points: 2 },
              ],
            },
          }),
          leaf({
            id: "dung-han",
            title: { vi: "Báo cáo đúng hạn", en: "Reports on time" },
            maxPoints: 1,
            scope: "unit",
            rule: {
              type: "metric",
              metric: "on-time-reporting-rate",
              thresholds: [
                { atLeast: 1, points: 1 },
                { atLeast: 0.5, points: 0.5 },
              ],
            },
          }),
          leaf({
            id: "sang-kien",
            title: { vi: "Sáng kiến (tự chấm, thẩm định)", en: "Initiatives (self-assessed, appraised)" },
            maxPoints: 2,
            rule: { type: "manual" },
          }),
        ],
      },
      {
        id: "tham-gia",
        title: { vi: "Các đơn vị tham gia", en: "Units taking part" },
        maxPoints: 1,
        scope: "agency",
        rule: { type: "metric", metric: "unit-participation", thresholds: [{ atLeast: 0.8, points: 1 }] },
      },
    ],
  };
  const manualScores: ManualScore[] = [
    { nodeId: "sang-kien", unitId: U.bdtw, selfAssessed: 2, appraised: 1.5 },
    { nodeId: "sang-kien", unitId: U.vt, selfAssessed: 2.5 },
    { nodeId: "sang-kien", selfAssessed: 1 },
  ];
  const y = sampleYear();
  const sheet = scorePlan(y, { scheme: own, manualScores });

  it("validates", () => {
    expect(validateScheme(own).errors).toEqual([]);
    expect(sheet.scheme).toEqual({ id: "so-noi-vu-tuyen-truyen", version: "2018.1" });
  });

  it("Cục Bưu điện Trung ương: 2 + 1 + 1.5 = 4.5 of 5", () => {
    const u = unitScore(sheet, U.bdtw);
    // activities done 2/2 → highest threshold reached (listed second) → 2; on time 6/6 → 1; appraised 1.5
    expect(leafPoints(u.nodes)).toEqual({
      "hoat-dong": 2,
      "dung-han": 1,
      "sang-kien": 1.5,
      "tham-gia": "NA",
    });
    expect([u.points, u.maxPoints, u.percent]).toEqual([4.5, 5, 90]);
  });

  it("Cục Viễn thông: 1 + 0.5 + 2 (self-assessed 2.5 clamped) = 3.5 of 5", () => {
    const u = unitScore(sheet, U.vt);
    // done 1/2 = 50 % → 1; on time 4/6 = 66.7 % → 0.5
    expect(leafPoints(u.nodes)).toEqual({
      "hoat-dong": 1,
      "dung-han": 0.5,
      "sang-kien": 2,
      "tham-gia": "NA",
    });
    expect([u.points, u.maxPoints, u.percent]).toEqual([3.5, 5, 70]);
  });

  it("Trung tâm Thông tin does not report: 2 of 4", () => {
    const u = unitScore(sheet, U.tttt);
    expect(leafPoints(u.nodes)).toEqual({
      "hoat-dong": 2,
      "dung-han": "NA",
      "sang-kien": 0,
      "tham-gia": "NA",
    });
    expect([u.points, u.maxPoints, u.percent]).toEqual([2, 4, 50]);
  });

  it("a unit the plan tasks that planned nothing: only the manual criterion applies, 0 of 2", () => {
    const u = unitScore(sheet, T.phapChe);
    // activities done 0/0 and, not a reporter, on time 0/0 → not applicable; no manual entry → 0
    expect(leafPoints(u.nodes)).toEqual({
      "hoat-dong": "NA",
      "dung-han": "NA",
      "sang-kien": 0,
      "tham-gia": "NA",
    });
    expect([u.points, u.maxPoints, u.percent]).toEqual([0, 2, 0]);
  });

  it("the agency: unit-only criterion left out; 1 + 1 + 0 = 2 of 5", () => {
    const a = sheet.agency;
    // done 7/11 = 63.6 % → 1; "dung-han" unit-only → not applicable; agency self-assessed 1;
    // participation 6/11 = 54.5 % (11 units expected: 7 with activities + 4 tasked with nothing
    // planned; 6 with records or reports) < 80 % → 0; max 2 + 2 + 1 = 5; 2 / 5 = 40 %
    expect(leafPoints(a.nodes)).toEqual({ "hoat-dong": 1, "dung-han": "NA", "sang-kien": 1, "tham-gia": 0 });
    expect(a.metrics["unit-participation"]).toMatchObject({ numerator: 6, denominator: 11 });
    expect(nodeScore(a.nodes, "tuyen-truyen").maxPoints).toBe(4);
    expect([a.points, a.maxPoints, a.percent]).toEqual([2, 5, 40]);
    expect(nodeScore(a.nodes, "dung-han").explanation.text.en).toBe("Not scored at agency level.");
  });

  it("ranks with its own points", () => {
    // Văn phòng Bộ and Vụ Tổ chức cán bộ: done 2/2 and 1/1 → 2 of 4, like Trung tâm Thông tin;
    // Cục An toàn thông tin 0 of 5, Cục Tin học hóa 0 of 4, the four tasked units with nothing
    // planned 0 of 2. The 0 % tie in Vietnamese order: "Các…" < "Cục A…" < "Cục T…" < "Vụ Kế…"
    // < "Vụ Kh…" < "Vụ P…".
    expect(sheet.units.map((u) => [u.rank, u.unitId, u.percent])).toEqual([
      [1, U.bdtw, 90],
      [2, U.vt, 70],
      [3, U.tttt, 50],
      [3, U.vpb, 50],
      [3, U.tccb, 50],
      [6, T.baoChi, 0],
      [6, U.attt, 0],
      [6, U.thh, 0],
      [6, T.khtc, 0],
      [6, T.khcn, 0],
      [6, T.phapChe, 0],
    ]);
  });
});
