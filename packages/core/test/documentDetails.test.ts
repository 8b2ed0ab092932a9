/**
 * Issue 18, "Documents": what a clerk (văn thư) checks in an issued document. The trích yếu in
 * lower case, "Kính gửi:" and the archive line of a period report, the budget lines under Kinh
 * phí, the unit of measure in report tables, the header inside the margins, Vietnamese numbers
 * and Vietnam time in every text a person reads, and the number/symbol finding at export time.
 */
import { describe, expect, it } from "vitest";
import {
  buildPeriodReport,
  DECREE30_LAYOUT,
  formatDateTimeEn,
  formatDateTimeVi,
  formatNumberEn,
  formatNumberVi,
  formatPercentVi,
  NATIONAL_TITLE,
  officialDocument,
  PAR_COMMUNICATION_PRESET,
  type PeriodReport,
  renderDocumentHtml,
  renderDocumentMarkdown,
  renderPlanMarkdown,
  samplePlan,
  sampleTracking,
  scorePlan,
  timesWidthPt,
  validatePlan,
} from "../src/index.js";

const report = (name: "mic-2018" | "lao-cai-2026" | "xa-bao-thang-2026", unitId?: string): PeriodReport => {
  const plan = samplePlan(name);
  const t = sampleTracking(name);
  const r = buildPeriodReport({
    plan,
    activities: t?.activities ?? [],
    records: t?.records ?? [],
    periodId: `${plan.year}Q1`,
    ...(unitId === undefined ? {} : { unitId }),
  });
  if (!r) throw new Error("no Q1 period");
  return r;
};

describe("trích yếu (summary line) in lower case", () => {
  it("puts the seed's capitals in lower case, names of bodies and places kept, the data untouched", () => {
    const plan = samplePlan("mic-2018");
    expect(officialDocument({ kind: "plan", plan }).summary).toBe(
      "Tuyên truyền cải cách hành chính năm 2018 của Bộ Thông tin và Truyền thông",
    );
    expect(plan.title).toBe("TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2018 CỦA BỘ THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(officialDocument({ kind: "plan", plan: samplePlan("lao-cai-2026") }).summary).toBe(
      "Tuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh Lào Cai",
    );
    expect(officialDocument({ kind: "plan", plan: samplePlan("xa-bao-thang-2026") }).summary).toBe(
      "Tuyên truyền cải cách hành chính năm 2026 trên địa bàn xã Bảo Thắng",
    );
  });

  it("keeps abbreviations and the numerals of a quarter; leaves a title in lower case as written", () => {
    const plan = samplePlan("mic-2018");
    plan.title = "TUYÊN TRUYỀN CCHC QUÝ II NĂM 2018 VỀ PHẠM VI CỦA VỤ TỔ CHỨC CÁN BỘ";
    expect(officialDocument({ kind: "plan", plan }).summary).toBe(
      "Tuyên truyền CCHC quý II năm 2018 về phạm vi của Vụ Tổ chức cán bộ",
    );
    plan.title = "tuyên truyền cải cách hành chính năm 2018 của Bộ TT&TT";
    expect(officialDocument({ kind: "plan", plan }).summary).toBe(
      "Tuyên truyền cải cách hành chính năm 2018 của Bộ TT&TT",
    );
  });
});

describe("period report sent upward", () => {
  it("the ministry's report is addressed to Bộ Nội vụ, the plan's first recipient, archived by TCCB", () => {
    const doc = officialDocument({ kind: "period-report", report: report("mic-2018") });
    expect(doc.addressees).toEqual(["Bộ Nội vụ"]);
    expect(doc.recipients).toEqual(["Như trên", "Lưu: VT, TCCB"]);
    const md = renderDocumentMarkdown(doc);
    expect(md).toContain("Kính gửi: Bộ Nội vụ.");
    expect(md.indexOf("Kính gửi")).toBeLessThan(md.indexOf("## I."));
    expect(md).toContain("- Như trên;\n- Lưu: VT, TCCB.");
    expect(renderDocumentHtml(doc)).toContain("Kính gửi: Bộ Nội vụ.");
  });

  it("a unit's report goes to the lead unit; a commune's to the body marked (để báo cáo)", () => {
    const unit = report("mic-2018", "cuc-tin-hoc-hoa");
    const doc = officialDocument({ kind: "period-report", report: unit });
    expect(doc.addressees).toEqual(["Vụ Tổ chức cán bộ"]);
    // The unit's own drafting section is unknown: a blank to fill in, and a warning saying so.
    expect(doc.recipients).toEqual(["Như trên", "Lưu: VT, …"]);
    expect(doc.warnings.map((w) => w.code)).toContain("export.drafting-unit-missing");
    const commune = officialDocument({ kind: "period-report", report: report("xa-bao-thang-2026") });
    expect(commune.addressees).toEqual(["Sở Nội vụ tỉnh Lào Cai"]);
    const province = officialDocument({ kind: "period-report", report: report("lao-cai-2026") });
    expect(province.addressees).toEqual(["Bộ Nội vụ"]);
    expect(province.recipients.at(-1)).toBe("Lưu: VT, NC");
  });

  it("the addressees and the drafting unit can be given", () => {
    const doc = officialDocument(
      { kind: "period-report", report: report("mic-2018") },
      { addressees: ["Bộ Nội vụ", "Văn phòng Chính phủ"], draftingUnit: "VP" },
    );
    expect(doc.addressees).toEqual(["Bộ Nội vụ", "Văn phòng Chính phủ"]);
    expect(doc.recipients).toEqual(["Như trên", "Lưu: VT, VP"]);
    expect(renderDocumentMarkdown(doc)).toContain("Kính gửi:<br>- Bộ Nội vụ;<br>- Văn phòng Chính phủ.");
    expect(officialDocument({ kind: "plan", plan: samplePlan("mic-2018") }).addressees).toEqual([]);
  });

  it("the results table states the unit of measure of each activity", () => {
    const doc = officialDocument({ kind: "period-report", report: report("lao-cai-2026") });
    const table = doc.body.find((b) => b.type === "table");
    if (table?.type !== "table") throw new Error("no table");
    const at = table.columns.findIndex((c) => c.header === "Đơn vị tính");
    expect(at).toBeGreaterThan(0);
    expect(table.columns[at + 1]?.header).toBe("Chỉ tiêu");
    expect(table.rows.length).toBeGreaterThan(0);
    for (const row of table.rows) expect(String(row[at])).toMatch(/\p{L}/u);
    expect(table.rows.map((r) => r[at])).toContain("tin, bài");
  });
});

describe("budget lines under Kinh phí", () => {
  it("the plan's budget lines are a table in đồng with Vietnamese grouping and their total", () => {
    const plan = samplePlan("lao-cai-2026");
    expect(plan.budgetLines.length).toBeGreaterThan(0);
    const md = renderPlanMarkdown(plan);
    const funding = md.indexOf("Kinh phí triển khai");
    const table = md.indexOf("| STT | Nội dung | Nguồn kinh phí | Đơn vị thực hiện | Kinh phí (đồng) |");
    expect(funding).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(funding);
    expect(md).toContain("| 1 | Tập huấn công chức cấp xã về cải cách hành chính |");
    expect(md).toContain("120.000.000 |");
    const total = plan.budgetLines.reduce((s, b) => s + b.amountVnd, 0);
    expect(md).toContain(`| Tổng cộng |  |  | ${formatNumberVi(total, 0)} |`);
    // A plan without budget lines has no such table.
    expect(renderPlanMarkdown(samplePlan("mic-2018"))).not.toContain("Kinh phí (đồng)");
  });
});

describe("the header fits inside the margins", () => {
  it("both columns together are the text width; the national title keeps to one line", () => {
    const L = DECREE30_LAYOUT;
    const h = officialDocument({ kind: "plan", plan: samplePlan("mic-2018") }).header;
    const text = L.pageMm.width - L.marginsMm.left - L.marginsMm.right;
    expect(h.xMm).toBe(L.marginsMm.left);
    expect(h.leftMm + h.rightMm).toBeCloseTo(text, 6);
    const mm = (pt: number) => (pt * 25.4) / 72;
    expect(mm(timesWidthPt(NATIONAL_TITLE, L.sizePt.nationalTitle, true))).toBeLessThan(h.rightMm);
    // 74 mm of name beside an 88 mm national title leave less than 3.5 mm between them: two lines.
    expect(h.issuerLines).toEqual(["BỘ THÔNG TIN", "VÀ TRUYỀN THÔNG"]);
    expect(
      officialDocument({ kind: "plan", plan: samplePlan("xa-bao-thang-2026") }).header.issuerLines,
    ).toEqual(["ỦY BAN NHÂN DÂN", "XÃ BẢO THẮNG"]);
    expect(L.sizePt.nationalTitle).toBeGreaterThanOrEqual(12);
  });
});

describe("Vietnamese formats", () => {
  it("instants in Vietnam time, numbers and percentages with Vietnamese separators", () => {
    expect(formatDateTimeVi("2018-12-31T16:59:59.999Z")).toBe("23 giờ 59, ngày 31/12/2018");
    expect(formatDateTimeVi("2018-03-19T17:30:00Z")).toBe("00 giờ 30, ngày 20/03/2018");
    expect(formatDateTimeEn("2018-12-31T16:59:59.999Z")).toBe("23:59 on 31/12/2018 (Vietnam time)");
    expect(formatDateTimeVi("2018-12-31T16:59")).toBe("2018-12-31T16:59");
    expect(formatNumberVi(1_500_000)).toBe("1.500.000");
    expect(formatNumberVi(5300)).toBe("5.300");
    expect(formatNumberVi(82.3649)).toBe("82,36");
    expect(formatNumberVi(-0.001)).toBe("0");
    expect(formatNumberVi(0.07)).toBe("0,07");
    expect(formatNumberEn(1234.5)).toBe("1,234.5");
    expect(formatPercentVi(77.7777)).toBe("77,78%");
    expect(formatNumberVi(Number.NaN)).toBe("—");
    // The short ways (whole numbers below 1000, two decimals) agree with the general one.
    expect(formatNumberVi(999.999)).toBe("1.000");
    expect(formatNumberVi(-1234.567)).toBe("-1.234,57");
    expect(formatNumberVi(1_234_567.891)).toBe("1.234.567,89");
    expect(formatNumberVi(12.5, 0)).toBe("13");
    expect(formatNumberVi(0.123456, 4)).toBe("0,1235");
    expect(formatNumberVi(-0)).toBe("0");
    for (let i = -20_000; i <= 20_000; i += 7) {
      const n = i / 13;
      expect(formatNumberVi(n)).toBe(formatNumberEn(n).replace(/[.,]/g, (c) => (c === "." ? "," : ".")));
      expect(formatNumberEn(n)).toBe(
        String(Math.round(n * 100) / 100).replace(
          /^(-?)(\d+)/,
          (_m, sign: string, d: string) => sign + d.replace(/\B(?=(\d{3})+$)/g, ","),
        ),
      );
    }
  });

  it("the score sheet says when its figures stop in Vietnam time, and its explanations in Vietnamese numbers", () => {
    const plan = samplePlan("lao-cai-2026");
    const t = sampleTracking("lao-cai-2026");
    const sheet = scorePlan(
      { plan, activities: t?.activities ?? [], records: t?.records ?? [], reports: t?.reports ?? [] },
      { scheme: PAR_COMMUNICATION_PRESET, asOf: "2026-12-31T16:59:59.999Z" },
    );
    const doc = officialDocument({ kind: "score-sheet", plan, sheet });
    const text = JSON.stringify(doc.body);
    expect(text).toContain("số liệu tính đến 23 giờ 59, ngày 31/12/2026");
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    type Node = (typeof sheet.agency.nodes)[number];
    const all = (nodes: readonly Node[]): Node[] => nodes.flatMap((n) => [n, ...all(n.children ?? [])]);
    const explanations = [sheet.agency, ...sheet.units]
      .flatMap((u) => all(u.nodes))
      .map((n) => n.explanation.text);
    expect(explanations.some((e) => /\d,\d+%/.test(e.vi))).toBe(true);
    for (const e of explanations) {
      expect(e.vi).not.toMatch(/\d\.\d+%/);
      expect(e.en).not.toMatch(/\d,\d+%/);
    }
  });
});

describe("number/symbol given at export time", () => {
  it("an unpadded number gets the finding cchc validate gives, in the same words", () => {
    const plan = samplePlan("mic-2018");
    const doc = officialDocument({ kind: "plan", plan }, { number: "5/KH-BTTTT" });
    const finding = doc.warnings.find((w) => w.code === "number-format");
    const validated = validatePlan({ ...plan, number: "5/KH-BTTTT" }).errors.find(
      (e) => e.code === "number-format",
    );
    expect(finding?.message).toEqual(validated?.message);
    expect(finding?.message.vi).toContain('phải ghi là "05"');
    expect(doc.numberLine).toBe("Số: 5/KH-BTTTT");
    const ok = officialDocument({ kind: "plan", plan }, { number: "05/KH-BTTTT" });
    expect(ok.warnings.map((w) => w.code)).not.toContain("number-format");
  });
});
