/**
 * Whole documents modelled on plans of a province (UBND tỉnh), a provincial department (Sở Nội vụ),
 * a commune (UBND xã) and a ministry (issued inside a QUYẾT ĐỊNH): what each one gives.
 */
import { describe, expect, it } from "vitest";
import { importPlanDocx } from "../src/docx.js";
import { importPlanText } from "../src/index.js";
import { fixture, fixtureBytes } from "./support.js";

describe("province plan (UBND tỉnh Quảng Ninh, CRLF, tabs, NBSP, old tones)", () => {
  const r = importPlanText(fixture("province-quang-ninh-2021.txt"));
  const plan = r.plan;

  it("reads the two-column header", () => {
    expect(plan?.issuer).toEqual({ name: "Ủy ban nhân dân tỉnh Quảng Ninh", abbreviation: "UBND" });
    expect(plan?.parentBody).toBeUndefined();
    expect([plan?.number, plan?.place, plan?.date, plan?.year]).toEqual([
      "05/KH-UBND",
      "Quảng Ninh",
      "2021-03-24",
      2021,
    ]);
    expect(plan?.title).toBe("Tuyên truyền cải cách hành chính tỉnh Quảng Ninh năm 2021");
    expect(plan?.id).toBe("ubnd-2021");
    expect(r.header.preamble[0]).toMatch(
      /^Thực hiện Quyết định số 3785\/QĐ-UBND .* Ủy ban nhân dân tỉnh ban hành/,
    );
    expect(r.header.closing[0]).toMatch(/^Trên đây là Kế hoạch/);
  });

  it("maps the eight content items to the programme, the six pillars and the PAR Index", () => {
    expect(plan?.contentAreas.map((c) => c.kind)).toEqual([
      "party-state-policy",
      "pillar-institutional",
      "pillar-procedures",
      "pillar-apparatus",
      "pillar-civil-service",
      "pillar-public-finance",
      "pillar-modernisation",
      "par-index",
    ]);
  });

  it("maps the channels to channel kinds", () => {
    expect(plan?.channels.map((c) => c.kinds)).toEqual([
      ["press", "radio-tv"],
      ["web-portal", "social-media", "messaging-app"],
      ["meeting-seminar", "training"],
      ["contest"],
      ["loudspeaker", "poster-banner", "leaflet"],
    ]);
  });

  it("reads audiences with their kinds", () => {
    expect(plan?.audiences.map((a) => [a.id, a.kind])).toEqual([
      ["I.3.1", "civil-servants"],
      ["I.3.2", "organisations"],
    ]);
  });

  it("reads responsibilities, units one by one, and one lead", () => {
    expect(plan?.units.map((u) => u.id)).toEqual([
      "so-noi-vu",
      "so-thong-tin-va-truyen-thong",
      "bao-quang-ninh",
      "dai-phat-thanh-va-truyen-hinh-tinh",
      "cac-so-ban-nganh-tinh",
      "ubnd-cac-huyen-thi-xa-thanh-pho",
    ]);
    expect(plan?.responsibilities.map((x) => [x.id, x.roles, x.duties.length])).toEqual([
      ["IV.1", ["lead", "monitor", "report"], 2],
      ["IV.2", ["coordinate", "implement"], 2],
      ["IV.3", ["implement"], 1],
      ["IV.4", ["implement", "report"], 3],
    ]);
    expect(plan?.responsibilities[1]?.channelIds).toEqual(["III.1", "III.4", "III.5"]);
  });

  it("reads funding and the reporting schedule with its deadlines", () => {
    expect(plan?.fundingSources).toEqual([
      expect.objectContaining({
        id: "IV.5",
        kind: "state-budget",
        level: "unit",
        managedBy: { scope: "each-unit" },
      }),
    ]);
    expect(plan?.reporting).toMatchObject({
      periodTypes: ["half-year", "year"],
      reporterUnitIds: ["cac-so-ban-nganh-tinh", "ubnd-cac-huyen-thi-xa-thanh-pho"],
      recipientUnitId: "so-noi-vu",
      deadlineDaysAfterCutoff: 0,
    });
  });

  it("reads recipients and the signature beside them", () => {
    expect(plan?.recipients.map((x) => x.text)).toEqual([
      "Bộ Nội vụ (b/c)",
      "TT Tỉnh ủy, TT HĐND tỉnh (b/c)",
      "CT, các PCT UBND tỉnh",
      "Các sở, ban, ngành tỉnh",
      "UBND các huyện, thị xã, thành phố",
      "Lưu: VT, NC",
    ]);
    expect(plan?.signer).toEqual({
      authority: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Văn Thắng",
    });
  });

  it("is a valid plan with no leftovers; the only finding is the duplicated word", () => {
    expect(r.ok).toBe(true);
    expect(r.leftovers).toEqual([]);
    expect(r.findings.map((f) => [f.code, f.line])).toEqual([["import.duplicated-word", 47]]);
  });

  it("the same plan as a .docx from an e-office system (tables, line breaks, Word numbering)", async () => {
    const d = await importPlanDocx(fixtureBytes("province-quang-ninh-2021.docx"));
    expect(d.plan).toEqual(plan);
    expect(d.leftovers).toEqual([]);
    expect(d.findings.map((f) => f.code)).toEqual(["import.docx-numbering", "import.duplicated-word"]);
  });
});

describe("department plan (Sở Nội vụ under UBND tỉnh, columns by spaces, Mục tiêu chung / cụ thể)", () => {
  const r = importPlanText(fixture("department-bac-ninh-noi-vu-2022.txt"));
  const plan = r.plan;

  it("reads parent body and issuer, the spaced number and the spaced date", () => {
    expect(plan?.parentBody).toEqual({ name: "UBND tỉnh Bắc Ninh" });
    expect(plan?.issuer).toEqual({ name: "Sở Nội vụ", abbreviation: "SNV" });
    expect([plan?.number, plan?.date, plan?.place]).toEqual(["12/KH-SNV", "2022-03-04", "Bắc Ninh"]);
    expect(plan?.title).toBe("Tuyên truyền cải cách hành chính năm 2022 của Sở Nội vụ tỉnh Bắc Ninh");
    expect(r.header.legalBasis).toEqual([
      "Căn cứ Kế hoạch số 45/KH-UBND ngày 20/01/2022 của UBND tỉnh về cải cách hành chính năm 2022;",
    ]);
  });

  it("reads general and specific objectives, and requirements as their own section", () => {
    expect(plan?.objectives.map((o) => o.id)).toEqual(["I.1", "I.2.a", "I.2.b"]);
    expect(plan?.requirements.map((o) => o.id)).toEqual(["II.1", "II.2"]);
  });

  it("reads a combined section of audiences, content and channels", () => {
    expect(plan?.audiences).toHaveLength(1);
    expect(plan?.contentAreas.map((c) => c.kind)).toEqual([
      "pillar-procedures",
      "pillar-civil-service",
      "pillar-modernisation",
      "good-practices",
    ]);
    expect(plan?.channels.map((c) => c.kinds[0])).toEqual(["web-portal", "training", "poster-banner"]);
  });

  it('reads "Các phòng: A, B - C, D" as three divisions plus the office', () => {
    expect(plan?.units.map((u) => [u.name, u.kind])).toEqual([
      ["Phòng Cải cách hành chính", "division"],
      ["Phòng Tổ chức - Biên chế", "division"],
      ["Phòng Xây dựng chính quyền và Công tác thanh niên", "division"],
      ["Phòng Thi đua - Khen thưởng", "division"],
      ["Văn phòng Sở", "office"],
    ]);
    expect(plan?.units[0]?.abbreviation).toBe("CCHC");
    expect(plan?.responsibilities[1]?.note?.en).toMatch(/does not say which unit leads/);
  });

  it("reads the funding inside the implementation section, and the lead's reporting duty", () => {
    expect(plan?.fundingSources[0]).toMatchObject({ id: "IV.4", kind: "autonomous-budget", level: "unit" });
    expect(plan?.reporting).toMatchObject({ periodTypes: ["half-year", "year"], reporterUnitIds: "all" });
    expect(plan?.signer).toEqual({ title: "GIÁM ĐỐC", name: "Trần Thị Minh Hoa" });
    expect(r.ok).toBe(true);
    expect(r.leftovers).toEqual([]);
  });
});

describe("commune plan (UBND xã, bare header lines, dashes everywhere, appendix)", () => {
  const r = importPlanText(fixture("commune-tan-lap-2021.txt"));
  const plan = r.plan;

  it("reads the header written line by line, the padded number and the old-tone motto", () => {
    expect(plan?.issuer).toEqual({ name: "Ủy ban nhân dân xã Tân Lập", abbreviation: "UBND" });
    expect(plan?.number).toBe("05/KH-UBND");
    expect(plan?.date).toBe("2021-02-05");
    expect(r.findings[0]?.code).toBe("import.number-padded");
  });

  it("tells objectives from requirements under one heading", () => {
    expect(plan?.objectives.map((o) => o.id)).toEqual(["I.1"]);
    expect(plan?.requirements.map((o) => o.id)).toEqual(["I.2"]);
  });

  it("reads commune channels: loudspeakers, Zalo, Facebook, posters, leaflets, meetings", () => {
    expect(plan?.channels.map((c) => c.kinds)).toEqual([
      ["loudspeaker"],
      ["messaging-app", "social-media"],
      ["poster-banner", "leaflet"],
      ["meeting-seminar"],
    ]);
    expect(plan?.contentAreas.map((c) => c.kind)).toEqual([
      "pillar-procedures",
      "online-public-services",
      "satisfaction-index",
    ]);
  });

  it("reads officers and village heads as units, the commune officer as lead", () => {
    expect(plan?.units.map((u) => [u.id, u.kind, u.group ?? false])).toEqual([
      ["cong-chuc-van-phong-thong-ke", "other", false],
      ["cong-chuc-van-hoa-xa-hoi", "other", false],
      ["dai-truyen-thanh-xa", "press-agency", false],
      ["truong-cac-thon", "other", true],
    ]);
    expect(plan?.responsibilities[0]?.roles).toEqual(["lead", "monitor"]);
  });

  it("reads the reporting section, recipient through (qua …)", () => {
    expect(plan?.reporting).toMatchObject({
      periodTypes: ["quarter", "half-year", "year"],
      reporterUnitIds: "all",
      recipientUnitId: "cong-chuc-van-phong-thong-ke",
    });
  });

  it("leaves over the schedule section and the appendix, and says the funding has no manager", () => {
    expect(r.leftovers.map((l) => [l.line, l.code])).toEqual([
      [37, "not-modelled"],
      [52, "appendix"],
      [53, "appendix"],
      [54, "appendix"],
      [55, "appendix"],
    ]);
    expect(r.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["import.funding-manager", "funding-manager-missing"]),
    );
    expect(r.ok).toBe(false);
    expect(plan).toBeDefined();
  });
});

describe("agency plan (Cục under a ministry, unmarked unit lines, inline headings)", () => {
  const r = importPlanText(fixture("agency-cuc-quan-ly-duoc-2022.txt"));
  const plan = r.plan;

  it('reads "KẾ HOẠCH TUYÊN TRUYỀN …" as type and title on one line, and the legal basis', () => {
    expect(plan?.title).toBe("TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2022");
    expect(plan?.parentBody).toEqual({ name: "Bộ Y tế" });
    expect(plan?.issuer.abbreviation).toBe("QLD");
    expect(r.header.legalBasis).toHaveLength(1);
  });

  it('"1. Mục đích: …" is a heading with its objective on the same line', () => {
    expect(plan?.objectives.map((o) => o.id)).toEqual(["I.1"]);
    expect(plan?.requirements.map((o) => o.id)).toEqual(["I.2"]);
  });

  it('unit lines without number ("Văn phòng Cục:") take the dashes below as duties', () => {
    expect(plan?.responsibilities.map((x) => [x.unitIds, x.roles, x.duties.length])).toEqual([
      [["van-phong-cuc"], ["lead", "report"], 2],
      [["cac-phong-thuoc-cuc"], ["coordinate", "implement", "report"], 1],
    ]);
    expect(plan?.reporting).toMatchObject({ periodTypes: ["quarter"], recipientUnitId: "bo-y-te" });
    expect(plan?.fundingSources[0]?.kind).toBe("state-budget");
    expect(plan?.signer).toEqual({ title: "CỤC TRƯỞNG", name: "Vũ Tuấn Cường" });
    expect(r.leftovers).toEqual([]);
  });
});

describe("department plan (Sở TTTT, Giao/Đề nghị clauses, reporting section with dates)", () => {
  const r = importPlanText(fixture("department-nghe-an-tttt-2023.txt"));
  const plan = r.plan;

  it("reads the six pillars listed under one content item", () => {
    expect(plan?.contentAreas.filter((c) => c.parentId === "II.1").map((c) => c.kind)).toEqual([
      "pillar-institutional",
      "pillar-procedures",
      "pillar-apparatus",
      "pillar-civil-service",
      "pillar-public-finance",
      "pillar-modernisation",
    ]);
  });

  it("reads Giao / Đề nghị clauses and a name with a lower-case part", () => {
    expect(plan?.units.map((u) => u.name)).toEqual([
      "Phòng Thông tin - Báo chí - Xuất bản",
      "Trung tâm Công nghệ thông tin và Truyền thông",
      "Báo Nghệ An",
      "Đài Phát thanh và Truyền hình tỉnh",
    ]);
    expect(plan?.units[0]?.abbreviation).toBe("TTBCXB");
    expect(plan?.responsibilities[0]?.roles[0]).toBe("lead");
    expect(plan?.responsibilities[2]?.roles).toEqual(["coordinate", "implement"]);
  });

  it("reads the reporting section, and reports a deadline before the cut-off", () => {
    expect(plan?.reporting).toMatchObject({
      periodTypes: ["half-year", "year"],
      reporterUnitIds: "all",
      recipientUnitId: "phong-thong-tin-bao-chi-xuat-ban",
      deadlineDaysAfterCutoff: { "half-year": 0 },
    });
    expect(r.findings.find((f) => f.code === "import.reporting-deadline")?.line).toBe(34);
    expect(r.ok).toBe(true);
    expect(r.leftovers).toEqual([]);
  });
});

describe("commune plan (UBND xã Yên Đĩnh: objectives only, content and channels in one section, funding as a last paragraph)", () => {
  const r = importPlanText(fixture("commune-yen-dinh-2022.txt"));
  const plan = r.plan;

  it("reads the district above the commune as the parent body", () => {
    expect(plan?.parentBody?.name).toBe("UBND huyện Chợ Mới");
    expect(plan?.issuer.name).toBe("Ủy ban nhân dân xã Yên Đĩnh");
    expect([plan?.number, plan?.date, plan?.year]).toEqual(["07/KH-UBND", "2022-02-15", 2022]);
  });

  it('"Kinh phí: …" after the last unit is the plan\'s funding, not a duty of "Các thôn"', () => {
    expect(plan?.fundingSources).toEqual([
      expect.objectContaining({ kind: "state-budget", text: "Kinh phí: từ nguồn ngân sách xã năm 2022." }),
    ]);
    const villages = plan?.responsibilities.find((x) => x.unitIds.includes("cac-thon"));
    expect(villages?.duties).toEqual([]);
    expect(r.findings.find((f) => f.code === "import.funding-manager")?.line).toBe(34);
  });

  it("places every line and says what the commune plan lacks", () => {
    expect(r.leftovers).toEqual([]);
    expect(plan?.channels.map((c) => c.kinds)).toEqual([
      ["loudspeaker"],
      ["poster-banner"],
      ["meeting-seminar"],
    ]);
    expect(plan?.reporting?.periodTypes).toEqual(["half-year", "year"]);
    expect(r.findings.filter((f) => f.code === "section-empty").map((f) => f.path.join("."))).toEqual([
      "requirements",
      "audiences",
    ]);
  });
});

describe("department plan (Sở Nội vụ Hà Tĩnh: channel items with who and when, money in a unit's clause)", () => {
  const r = importPlanText(fixture("department-ha-tinh-snv-2024.txt"));
  const plan = r.plan;

  it('"Cơ quan chủ trì / phối hợp: …" under a channel are responsibilities for that channel, not channels', () => {
    expect(plan?.channels.map((c) => [c.id, c.kinds])).toEqual([
      ["II.2.a", ["web-portal"]],
      ["II.2.b", ["training"]],
    ]);
    const forItems = plan?.responsibilities.filter((x) => x.channelIds.length > 0 && x.id.startsWith("II."));
    expect(forItems?.map((x) => [x.id, x.unitIds, x.roles, x.channelIds])).toEqual([
      ["II.2.a.1", ["van-phong-so"], ["implement"], ["II.2.a"]],
      ["II.2.b.1", ["phong-cai-cach-hanh-chinh"], ["implement"], ["II.2.b"]],
      ["II.2.b.2", ["van-phong-so"], ["coordinate"], ["II.2.b"]],
    ]);
    // the lead is still the one unit whose clause reads as the lead's
    expect(plan?.responsibilities.filter((x) => x.roles.includes("lead")).map((x) => x.unitIds)).toEqual([
      ["phong-cai-cach-hanh-chinh"],
    ]);
  });

  it('"Thời gian thực hiện: …" lines are left over as not modelled, with their line numbers', () => {
    expect(r.leftovers.map((l) => [l.line, l.code])).toEqual([
      [25, "not-modelled"],
      [29, "not-modelled"],
    ]);
  });

  it("the money sentence of the office's clause becomes the funding source it manages, with a warning", () => {
    expect(plan?.fundingSources).toEqual([
      {
        id: "III.2",
        kind: "autonomous-budget",
        text: "Văn phòng Sở bố trí kinh phí thực hiện Kế hoạch từ nguồn kinh phí tự chủ của Sở.",
        level: "agency",
        managedBy: { scope: "unit", unitId: "van-phong-so" },
      },
    ]);
    expect(r.findings.find((f) => f.code === "import.funding-from-clause")?.line).toBe(33);
    expect(r.ok).toBe(true);
  });
});

describe('district plan (UBND huyện Lục Nam: "1.1." numbering, "+" bullets, a results lead-in)', () => {
  const r = importPlanText(fixture("district-luc-nam-2023.txt"));
  const plan = r.plan;

  it('reads "1.1." items as objectives and requirements', () => {
    expect(plan?.objectives.map((o) => o.id)).toEqual(["I.1.1", "I.1.2"]);
    expect(plan?.requirements.map((o) => o.id)).toEqual(["I.2.1", "I.2.2"]);
  });

  it('"Kết quả thực hiện 6 nội dung cải cách hành chính:" is the results area above the six pillars', () => {
    expect(plan?.contentAreas.map((c) => [c.id, c.kind, c.parentId])).toEqual([
      ["II.1", "steering-activities", undefined],
      ["II.2", "good-practices", undefined],
      ["II.2.1", "pillar-institutional", "II.2"],
      ["II.2.2", "pillar-procedures", "II.2"],
      ["II.2.3", "pillar-apparatus", "II.2"],
      ["II.2.4", "pillar-civil-service", "II.2"],
      ["II.2.5", "pillar-public-finance", "II.2"],
      ["II.2.6", "pillar-modernisation", "II.2"],
    ]);
  });

  it("places every line; the lead is the standing office, reports go through it", () => {
    expect(r.leftovers).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual(["section-empty"]);
    const lead = plan?.responsibilities.find((x) => x.roles.includes("lead"));
    expect(lead?.unitIds).toEqual(["phong-noi-vu"]);
    expect(plan?.reporting?.periodTypes).toEqual(["quarter", "half-year", "year"]);
    expect(plan?.reporting?.recipientUnitId).toBe("phong-noi-vu");
  });
});
