/// <reference types="node" />
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  isSamplePlanName,
  leadUnitIds,
  mic2018,
  PAR_PILLARS,
  type Plan,
  renderPlanText,
  SAMPLE_PLAN_NAMES,
  samplePlan,
  validatePlan,
} from "../src/index.js";
import { at, sample } from "./support.js";

const SEED_TEXT = readFileSync(
  new URL("./fixtures/ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.txt", import.meta.url),
  "utf8",
);

/** The seed's non-blank lines, trimmed (it has whitespace-only lines and a leading space on line 1). */
const SEED_LINES = SEED_TEXT.split(/\r?\n/)
  .map((l) => l.trim())
  .filter((l) => l !== "");

const HEADER_WARNINGS = [
  { code: "header-number-missing", path: ["number"] },
  { code: "header-date-missing", path: ["date"] },
  { code: "header-place-missing", path: ["place"] },
  { code: "header-signer-missing", path: ["signer"] },
];

function unitName(plan: Plan, id: string): string | undefined {
  return plan.units.find((u) => u.id === id)?.name;
}

function responsibility(plan: Plan, id: string) {
  const r = plan.responsibilities.find((x) => x.id === id);
  if (r === undefined) throw new Error(`no responsibility ${id}`);
  return r;
}

describe("mic-2018 sample: validation", () => {
  it("validates the written JSON with no errors and exactly the four header warnings", () => {
    const r = validatePlan(mic2018);
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => ({ code: w.code, path: w.path }))).toEqual(HEADER_WARNINGS);
    for (const w of r.warnings) expect(w.severity).toBe("warning");
  });

  it("validates the parsed copy the same way (parsing is idempotent)", () => {
    const r = validatePlan(sample());
    expect(r.ok).toBe(true);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(HEADER_WARNINGS.map((w) => w.code));
    expect(r.plan).toEqual(sample());
  });

  it("is listed among the shipped samples", () => {
    expect(SAMPLE_PLAN_NAMES).toContain("mic-2018");
    expect(isSamplePlanName("mic-2018")).toBe(true);
    expect(isSamplePlanName("mic-2019")).toBe(false);
    expect(isSamplePlanName("")).toBe(false);
  });
});

describe("mic-2018 sample: every item of the seed", () => {
  const plan = sample();

  it("has the header the seed states and leaves the missing ones empty", () => {
    expect(plan.id).toBe("mic-2018");
    expect(plan.documentType).toBe("KH");
    expect(plan.issuer).toEqual({ name: "Bộ Thông tin và Truyền thông", abbreviation: "BTTTT" });
    expect(plan.year).toBe(2018);
    expect(plan.title).toBe("TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2018 CỦA BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(plan.number).toBeUndefined();
    expect(plan.date).toBeUndefined();
    expect(plan.place).toBeUndefined();
    expect(plan.signer).toBeUndefined();
    expect(plan.parent).toBeUndefined();
  });

  it("has 3 objectives and 3 requirements", () => {
    expect(plan.objectives.map((o) => o.id)).toEqual(["I.1.a", "I.1.b", "I.1.c"]);
    expect(at(plan.objectives, 0).text.startsWith("Nhằm nâng cao nhận thức")).toBe(true);
    expect(at(plan.objectives, 1).text.startsWith("Nâng cao vai trò")).toBe(true);
    expect(at(plan.objectives, 2).text.startsWith("Phát huy vai trò")).toBe(true);
    expect(plan.requirements.map((o) => o.id)).toEqual(["I.2.a", "I.2.b", "I.2.c"]);
    expect(at(plan.requirements, 2).text.startsWith("Đa dạng hóa")).toBe(true);
  });

  it("has one audience: all staff of the ministry", () => {
    expect(plan.audiences).toHaveLength(1);
    const a = at(plan.audiences, 0);
    expect(a.kind).toBe("civil-servants");
    expect(a.text).toContain("cán bộ, công chức, viên chức thuộc Bộ Thông tin và Truyền thông");
  });

  it("has content areas a–e (with đ) and the six PAR pillars under c, as children with the pillar kinds", () => {
    const top = plan.contentAreas.filter((c) => c.parentId === undefined);
    expect(top.map((c) => c.id)).toEqual(["II.1.a", "II.1.b", "II.1.c", "II.1.d", "II.1.đ", "II.1.e"]);
    expect(top.map((c) => c.kind)).toEqual([
      "par-awareness",
      "party-state-policy",
      "par-programme",
      "par-index",
      "steering-activities",
      "good-practices",
    ]);
    const pillars = plan.contentAreas.filter((c) => c.parentId === "II.1.c");
    expect(pillars).toHaveLength(6);
    expect(pillars.map((c) => c.kind)).toEqual(PAR_PILLARS.map((p) => p.code));
    expect(pillars.map((c) => c.kind)).toEqual([
      "pillar-institutional",
      "pillar-procedures",
      "pillar-apparatus",
      "pillar-civil-service",
      "pillar-public-finance",
      "pillar-modernisation",
    ]);
    expect(at(pillars, 0).text.startsWith("Cải cách thể chế")).toBe(true);
    expect(at(pillars, 1).text.startsWith("Cải cách thủ tục hành chính (TTHC)")).toBe(true);
    // no deeper nesting and no other parent
    expect(plan.contentAreas.filter((c) => c.parentId !== undefined && c.parentId !== "II.1.c")).toEqual([]);
    expect(plan.contentAreas).toHaveLength(12);
  });

  it("has the four channels with their kinds", () => {
    expect(plan.channels.map((c) => c.id)).toEqual(["II.2.a", "II.2.b", "II.2.c", "II.2.d"]);
    expect(plan.channels.map((c) => c.kinds)).toEqual([
      ["press", "web-portal"],
      ["training"],
      ["meeting-seminar"],
      ["legal-education"],
    ]);
  });

  it("names every unit of III.1.a–d, the two groups included", () => {
    const names = plan.units.map((u) => u.name);
    for (const name of [
      "Vụ Tổ chức cán bộ",
      "Vụ Pháp chế",
      "Vụ Kế hoạch - Tài chính",
      "Vụ Khoa học và Công nghệ",
      "Văn phòng Bộ",
      "Trung tâm Thông tin",
      "Cục Tin học hóa",
      "Các cơ quan báo chí thuộc Bộ",
      "Các cơ quan hành chính thuộc Bộ",
    ])
      expect(names).toContain(name);
    expect(plan.units).toHaveLength(9);
    const groups = plan.units.filter((u) => u.group === true);
    expect(groups.map((g) => [g.name, g.kind])).toEqual([
      ["Các cơ quan báo chí thuộc Bộ", "press-agency"],
      ["Các cơ quan hành chính thuộc Bộ", "administrative-agency"],
    ]);
  });

  it("has exactly one lead: Vụ Tổ chức cán bộ, responsible for all content", () => {
    const leads = leadUnitIds(plan);
    expect(leads).toHaveLength(1);
    expect(unitName(plan, at(leads, 0))).toBe("Vụ Tổ chức cán bộ");
    const a = responsibility(plan, "III.1.a");
    expect(a.roles).toContain("lead");
    expect(a.contentAreaIds).toBe("all");
    expect(plan.responsibilities.filter((r) => r.roles.includes("lead"))).toHaveLength(1);
  });

  it("assigns III.1.b to the six named units, with a note instead of an invented mapping", () => {
    const b = responsibility(plan, "III.1.b");
    expect(b.unitIds.map((id) => unitName(plan, id))).toEqual([
      "Vụ Pháp chế",
      "Vụ Kế hoạch - Tài chính",
      "Vụ Khoa học và Công nghệ",
      "Văn phòng Bộ",
      "Trung tâm Thông tin",
      "Cục Tin học hóa",
    ]);
    expect(b.roles).not.toContain("lead");
    expect(b.note?.vi.length ?? 0).toBeGreaterThan(0);
    expect(b.note?.en.length ?? 0).toBeGreaterThan(0);
  });

  it("assigns III.1.c to the press agencies and III.1.d (four duties) to the administrative agencies", () => {
    const c = responsibility(plan, "III.1.c");
    expect(c.unitIds.map((id) => unitName(plan, id))).toEqual(["Các cơ quan báo chí thuộc Bộ"]);
    expect(c.channelIds).toEqual(["II.2.a"]);
    const d = responsibility(plan, "III.1.d");
    expect(d.unitIds.map((id) => unitName(plan, id))).toEqual(["Các cơ quan hành chính thuộc Bộ"]);
    expect(d.duties).toHaveLength(4);
    expect(d.roles).toContain("report");
    expect(plan.responsibilities.map((r) => r.id)).toEqual(["III.1.a", "III.1.b", "III.1.c", "III.1.d"]);
  });

  it("has two funding sources: Văn phòng Bộ manages the first, each unit the second", () => {
    expect(plan.fundingSources).toHaveLength(2);
    const [first, second] = plan.fundingSources;
    expect(first?.level).toBe("agency");
    expect(first?.kind).toBe("communication-budget");
    const manager = first?.managedBy;
    expect(manager?.scope).toBe("unit");
    if (manager?.scope === "unit") expect(unitName(plan, manager.unitId)).toBe("Văn phòng Bộ");
    expect(second?.level).toBe("unit");
    expect(second?.kind).toBe("autonomous-budget");
    expect(second?.managedBy).toEqual({ scope: "each-unit" });
  });

  it("reports quarterly, six-monthly and yearly, from the administrative agencies", () => {
    expect(plan.reporting?.periodTypes).toEqual(["quarter", "half-year", "year"]);
    expect(plan.reporting?.reporterUnitIds).toEqual(["cac-co-quan-hanh-chinh-thuoc-bo"]);
    expect(plan.reporting?.text).toBe(at(responsibility(plan, "III.1.d").duties, 3));
  });

  it("has the four recipients, ending with the archive line", () => {
    expect(plan.recipients.map((r) => r.text)).toEqual([
      "Bộ Nội vụ",
      "Bộ trưởng và các Thứ trưởng",
      "Các cơ quan, đơn vị thuộc Bộ",
      "Lưu: VT, TCCB (50b)",
    ]);
  });

  it("stores every text in NFC", () => {
    const json = JSON.stringify(plan);
    expect(json).toBe(json.normalize("NFC"));
  });
});

describe("mic-2018 sample: golden text", () => {
  it("the seed fixture is the one the sample encodes", () => {
    expect(SEED_LINES[0]).toBe("KẾ HOẠCH");
    expect(SEED_LINES.at(-1)).toBe("- Lưu: VT, TCCB (50b).");
    expect(SEED_LINES.length).toBeGreaterThan(40);
  });

  it("renderPlanText, from KẾ HOẠCH to the last recipient, equals the seed line for line", () => {
    const lines = renderPlanText(sample()).split("\n");
    const start = lines.indexOf("KẾ HOẠCH");
    const end = lines.lastIndexOf("- Lưu: VT, TCCB (50b).");
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const body = lines.slice(start, end + 1).filter((l) => l.trim() !== "");
    // the renderer writes no stray whitespace of its own
    for (const l of body) expect(l).toBe(l.trim());
    expect(body).toEqual(SEED_LINES);
  });
});

describe("samplePlan", () => {
  it("returns a fresh copy each call", () => {
    const a = samplePlan("mic-2018");
    const b = samplePlan("mic-2018");
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    expect(a.objectives).not.toBe(b.objectives);
    expect(a.units[0]).not.toBe(b.units[0]);
  });

  it("mutating one copy affects neither the next copy nor the shipped JSON", () => {
    const before = JSON.stringify(mic2018);
    const a = samplePlan("mic-2018");
    a.objectives.push({ id: "x", text: "x" });
    a.objectives[0] = { id: "changed", text: "changed" };
    at(a.units, 0).name = "Đã đổi";
    a.issuer.name = "Đã đổi";
    a.reporting?.periodTypes.push("month");
    at(a.responsibilities, 3).duties.pop();
    a.recipients.length = 0;
    const first = at(a.fundingSources, 0).managedBy;
    if (first?.scope === "unit") first.unitId = "changed";
    const b = samplePlan("mic-2018");
    expect(b.objectives).toHaveLength(3);
    expect(at(b.objectives, 0).id).toBe("I.1.a");
    expect(at(b.units, 0).name).toBe("Vụ Tổ chức cán bộ");
    expect(b.issuer.name).toBe("Bộ Thông tin và Truyền thông");
    expect(b.reporting?.periodTypes).toEqual(["quarter", "half-year", "year"]);
    expect(at(b.responsibilities, 3).duties).toHaveLength(4);
    expect(b.recipients).toHaveLength(4);
    expect(at(b.fundingSources, 0).managedBy).toEqual({ scope: "unit", unitId: "van-phong-bo" });
    expect(JSON.stringify(mic2018)).toBe(before);
    expect(validatePlan(b).ok).toBe(true);
  });
});
