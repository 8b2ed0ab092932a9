import { describe, expect, it } from "vitest";
import {
  buildPlanTree,
  checkPlanLinks,
  DEFAULT_ROLLUP_GROUPS,
  type Plan,
  type PlanInput,
  PlanSchema,
  type PlanScoreSummary,
  parseRollupConfig,
  planLink,
  planTreeEntries,
  type RollupConfigInput,
  rollUpTree,
} from "../src/index.js";

const plan = (id: string, extra: Partial<PlanInput> = {}): Plan =>
  PlanSchema.parse({
    id,
    issuer: { name: `Cơ quan ${id}` },
    year: 2026,
    title: "Kế hoạch tuyên truyền CCHC",
    ...extra,
  });
const child = (id: string, parentId: string, extra: Partial<PlanInput> = {}): Plan =>
  plan(id, { parent: { planId: parentId, year: 2026 }, ...extra });

describe("checkPlanLinks", () => {
  it("accepts a province with its departments and communes", () => {
    const links = [plan("tinh"), child("so-tu-phap", "tinh"), child("xa-a", "tinh")].map((p) =>
      planLink("lao-cai", p),
    );
    expect(checkPlanLinks(links)).toEqual([]);
  });

  it("finds a cycle of parents, among the new plans or through a stored one", () => {
    const incoming = [child("a", "b"), child("b", "c")].map((p) => planLink("t", p));
    const known = [planLink("t", child("c", "a"))];
    const findings = checkPlanLinks(incoming, known);
    const cycles = findings.filter((f) => f.code === "plan-tree.cycle");
    expect(cycles).toHaveLength(2);
    expect(cycles[0]).toMatchObject({ severity: "error", path: [0, "parent", "planId"] });
    expect(cycles[0]?.message.vi).toContain('"a" → "b" → "c" → "a"');
    expect(cycles[0]?.message.en).toContain("own ancestor");
    // a plan that names itself
    expect(checkPlanLinks([planLink("t", child("a", "a"))]).map((f) => f.code)).toEqual(["plan-tree.cycle"]);
  });

  it("finds a year different from the parent's, stored or stated", () => {
    const stored = [planLink("t", plan("tinh", { year: 2025 }))];
    const f = checkPlanLinks([planLink("t", child("so", "tinh"))], stored);
    expect(f).toMatchObject([{ code: "plan-tree.year-mismatch", severity: "error", path: [0, "year"] }]);
    expect(f[0]?.message.vi).toBe('Kế hoạch "so" là năm 2026 nhưng kế hoạch cấp trên "tinh" là năm 2025.');
  });

  it("finds a parent kept by another agency, and warns about a parent found nowhere", () => {
    const known = [planLink("bo-noi-vu", plan("quoc-gia"))];
    const f = checkPlanLinks(
      [planLink("lao-cai", child("tinh", "quoc-gia")), planLink("lao-cai", child("x", "khong-co"))],
      known,
    );
    expect(f.map((x) => [x.code, x.severity])).toEqual([
      ["plan-tree.parent-other-agency", "error"],
      ["plan-tree.parent-missing", "warning"],
    ]);
    expect(f[0]?.message.vi).toContain('thuộc kho của cơ quan "bo-noi-vu"');
  });

  it("finds a plan given twice", () => {
    const f = checkPlanLinks([planLink("t", plan("a")), planLink("t", plan("a"))]);
    expect(f.map((x) => x.code)).toEqual(["plan-tree.repeated-plan"]);
  });
});

describe("buildPlanTree and planTreeEntries", () => {
  it("builds the tree under a root, children in id order, each plan once even when links loop", () => {
    const plans = [child("root", "c"), child("c", "root"), child("b", "root"), child("d", "c")];
    const tree = buildPlanTree("root", plans);
    const shape = (n: NonNullable<typeof tree>): unknown => [n.plan.id, n.children.map(shape)];
    expect(tree && shape(tree)).toEqual([
      "root",
      [
        ["b", []],
        ["c", [["d", []]]],
      ],
    ]);
    expect(buildPlanTree("none", plans)).toBeUndefined();
    const versioned = plans.map((value) => ({ value, version: 1, savedAt: "2026-01-01T00:00:00.000Z" }));
    expect(planTreeEntries("root", versioned)?.map((e) => [e.plan.value.id, e.depth])).toEqual([
      ["root", 0],
      ["b", 1],
      ["c", 1],
      ["d", 2],
    ]);
  });
});

const cfg = (input: RollupConfigInput) => {
  const parsed = parseRollupConfig(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.findings));
  return parsed.data;
};

describe("rollUpTree", () => {
  const unit = (id: string, name: string, kind: string) => ({ id, name, kind });
  const province = plan("lao-cai-2026", {
    issuer: { name: "Ủy ban nhân dân tỉnh Lào Cai" },
    number: "05/KH-UBND",
    date: "2026-01-05",
    units: [
      unit("ubnd", "Ủy ban nhân dân tỉnh Lào Cai", "provincial-committee"),
      unit("so-tu-phap", "Sở Tư pháp", "provincial-department"),
      unit("so-dien", "Sở Điện lực", "provincial-department"),
      unit("so-em", "Sở Em", "provincial-department"),
      unit("xa-a", "Ủy ban nhân dân xã A", "commune-committee"),
      unit("xa-b", "Ủy ban nhân dân xã B", "commune-committee"),
      unit("phuong-c", "Ủy ban nhân dân phường C", "ward-committee"),
    ],
  });
  const sub = (id: string, unitId: string, name: string, date: string, units = 1) =>
    plan(id, {
      parent: { planId: province.id, year: 2026, unitId },
      issuer: { name },
      number: `12/KH-${id.toUpperCase()}`,
      date,
      units: Array.from({ length: units }, (_, i) => unit(`u${i}`, `Phòng ${i}`, "department")),
    });
  const subs = [
    sub("stp", "so-tu-phap", "Sở Tư pháp", "2026-01-20", 3),
    sub("sem", "so-em", "Sở Em", "2026-01-25", 1),
    sub("sdl", "so-dien", "Sở Điện lực", "2026-02-20", 1),
    sub("xa", "xa-a", "Ủy ban nhân dân xã A", "2026-01-30", 1),
  ];
  const summary = (planId: string, percent: number): PlanScoreSummary => ({
    planId,
    points: percent / 2,
    maxPoints: 50,
    percent,
    scheme: { id: "par-communication", version: "1" },
    activities: 2,
    records: 10,
    reports: 1,
  });
  const summaries = new Map([
    ["lao-cai-2026", summary("lao-cai-2026", 70)],
    ["stp", summary("stp", 85)],
    ["sem", summary("sem", 60)],
    ["sdl", summary("sdl", 60)],
    ["xa", summary("xa", 40)],
  ]);
  const tree = buildPlanTree(province.id, [province, ...subs]);
  if (!tree) throw new Error("no tree");
  const config = cfg({ groups: [...DEFAULT_ROLLUP_GROUPS], issueWithinDays: 30 });

  it("explains each sub-plan's score in Vietnamese numbers, from its plan", () => {
    const r = rollUpTree(tree, summaries, config, "2026-12-31T16:59:59.999Z");
    const stp = r.root.children.find((c) => c.planId === "stp");
    expect(stp?.own?.score).toBe(8.5);
    expect(stp?.explanation.vi).toBe(
      "Sở Tư pháp 8,5/10, từ kế hoạch 12/KH-STP (42,5/50 điểm, theo par-communication).",
    );
    expect(stp?.explanation.en).toBe(
      "Sở Tư pháp 8.5/10, from plan 12/KH-STP (42.5/50 points, by par-communication).",
    );
    // mean of the province's own 7 and its four sub-plans' 8.5, 6, 6, 4
    expect(r.root.score).toBe(6.3);
    expect(r.root.explanation.vi).toContain(
      "tổng hợp 6,3/10: trung bình của 5 điểm (kế hoạch này và 4 kế hoạch con)",
    );
    expect(r.root.tracking.total).toEqual({ plans: 5, activities: 10, records: 50, reports: 5 });
    expect(r.root.tracking.own).toEqual({ plans: 1, activities: 2, records: 10, reports: 1 });
  });

  it("takes the rule as data: weighted by units, min, without the parent's own plan", () => {
    const weighted = rollUpTree(
      tree,
      summaries,
      cfg({ ...config, rule: { type: "weighted", by: "units" }, includeOwn: false }),
    );
    // units: stp 3, sem 1, sdl 1, xa 1 → (8.5×3 + 6 + 6 + 4) / 6
    expect(weighted.root.score).toBe(Math.round(((8.5 * 3 + 16) / 6) * 100) / 100);
    expect(weighted.root.explanation.vi).toContain(
      "bình quân gia quyền theo số đơn vị của 4 điểm (4 kế hoạch con)",
    );
    expect(rollUpTree(tree, summaries, cfg({ ...config, rule: { type: "min" } })).root.score).toBe(4);
  });

  it("ranks within groups, ties shared, in Vietnamese order", () => {
    const r = rollUpTree(tree, summaries, config);
    const ranks = r.root.children.map((c) => [c.issuer, c.groupId, c.rank, c.groupSize]);
    // Đ comes before E in Vietnamese (not in code point order)
    expect(ranks).toEqual([
      ["Sở Tư pháp", "departments", 1, 3],
      ["Sở Điện lực", "departments", 2, 3],
      ["Sở Em", "departments", 2, 3],
      ["Ủy ban nhân dân xã A", "communes", 1, 1],
    ]);
  });

  it("finds expected sub-plans never issued, and late ones; pending before the due date", () => {
    const r = rollUpTree(tree, summaries, config, "2026-12-31T16:59:59.999Z");
    expect(r.root.coverage).toMatchObject({ expected: 6, issued: 4, late: 1, unexpected: 0 });
    expect(r.root.coverage.missing.map((m) => [m.unitId, m.status, m.groupId])).toEqual([
      ["phuong-c", "missing", "wards"],
      ["xa-b", "missing", "communes"],
    ]);
    const codes = r.findings.map((f) => `${f.code} ${f.path.join("/")}`);
    // in the order of the parent's units
    expect(codes).toEqual([
      "plan-tree.sub-plan-late sdl/date",
      "plan-tree.sub-plan-missing lao-cai-2026/units/xa-b",
      "plan-tree.sub-plan-missing lao-cai-2026/units/phuong-c",
    ]);
    expect(r.findings[0]?.message.vi).toBe(
      "Sở Điện lực ban hành kế hoạch 12/KH-SDL ngày 20/02/2026, chậm 16 ngày so với hạn 04/02/2026.",
    );
    const sdl = r.root.children.find((c) => c.planId === "sdl");
    expect(sdl?.lateness).toEqual({
      dueDate: "2026-02-04",
      issuedOn: "2026-02-20",
      late: true,
      daysLate: 16,
    });
    // on 25 January nothing is overdue yet: the sub-plans dated later are not issued, and pending
    const early = rollUpTree(tree, summaries, config, "2026-01-25T10:00:00+07:00");
    expect(early.root.coverage.issued).toBe(2);
    expect(early.root.coverage.missing.every((m) => m.status === "pending")).toBe(true);
    expect(early.findings.filter((f) => f.code === "plan-tree.sub-plan-missing")).toEqual([]);
  });

  it("leaves a plan that could not be scored out of the aggregate, with a finding", () => {
    const partial = new Map(summaries);
    partial.set("xa", { ...summary("xa", 0), maxPoints: 0 });
    const r = rollUpTree(tree, partial, config);
    expect(r.root.children.find((c) => c.planId === "xa")?.score).toBeUndefined();
    expect(r.root.score).toBe(Math.round(((7 + 8.5 + 6 + 6) / 4) * 100) / 100);
    expect(r.findings.some((f) => f.code === "plan-tree.not-scored" && f.path[0] === "xa")).toBe(true);
  });

  it("gives findings, not an exception, for settings it cannot use", () => {
    const parsed = parseRollupConfig({ rule: { type: "median" }, scale: -1 });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(parsed.findings.map((f) => f.path.join("."))).toEqual(["rule.type", "scale"]);
    expect(parsed.findings.every((f) => f.message.vi.length > 0 && f.message.en.length > 0)).toBe(true);
  });
});
