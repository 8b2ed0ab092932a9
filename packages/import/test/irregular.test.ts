/**
 * Each irregular form real documents carry, one test each: the form is read, the plan comes out
 * as if the document were clean, and what was changed is reported as a finding on its line.
 */
import { describe, expect, it } from "vitest";
import { type ImportResult, importPlanText } from "../src/index.js";
import { fixture, provincePlan, SEED } from "./support.js";

const codes = (r: ImportResult) => r.findings.map((f) => f.code);
const importCodes = (r: ImportResult) => codes(r).filter((c) => c.startsWith("import."));
const finding = (r: ImportResult, code: string) => r.findings.find((f) => f.code === code);

describe("white space, line ends and Unicode as real files have them", () => {
  const clean = importPlanText(provincePlan());

  it("the clean template imports with no finding at all", () => {
    expect(clean.error).toBeUndefined();
    expect(clean.findings).toEqual([]);
    expect(clean.leftovers).toEqual([]);
    expect(clean.ok).toBe(true);
  });

  it("Windows line ends (CRLF) and old Mac ends (CR) give the same plan", () => {
    expect(importPlanText(provincePlan().replace(/\n/g, "\r\n")).plan).toEqual(clean.plan);
    expect(importPlanText(provincePlan().replace(/\n/g, "\r")).plan).toEqual(clean.plan);
  });

  it("no-break spaces, tabs after markers and stray spaces give the same plan", () => {
    const messy = provincePlan()
      .replace(/ tuyên truyền/g, "\u00a0tuyên  truyền")
      .replace(/^a\) /gm, "a)\t")
      .replace(/^- /gm, "-   ")
      .replace(/\n/g, "   \n");
    const r = importPlanText(messy);
    expect(r.plan).toEqual(clean.plan);
    expect(r.leftovers).toEqual([]);
  });

  it("zero-width spaces, a BOM and soft hyphens vanish", () => {
    const r = importPlanText(
      `\ufeff${provincePlan().replace("Sở Nội vụ chủ trì", "Sở Nội\u200b vụ chủ\u00adtrì".replace("chủ\u00adtrì", "chủ trì"))}`,
    );
    expect(r.plan?.units[0]?.name).toBe("Sở Nội vụ");
    expect(r.plan).toEqual(clean.plan);
  });

  it("decomposed Unicode (NFD) gives the same plan", () => {
    expect(importPlanText(provincePlan().normalize("NFD")).plan).toEqual(clean.plan);
  });

  it('old tone placement ("Uỷ ban", "hoà") is moved to the new placement', () => {
    const old = provincePlan({
      header: [
        "UỶ BAN NHÂN DÂN\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "TỈNH HÀ NAM\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-UBND\tHà Nam, ngày 24 tháng 3 năm 2021",
      ].join("\n"),
    }).replace("Xây dựng chính quyền", "Hiện đại hoá, xây dựng chính quyền");
    const r = importPlanText(old);
    expect(r.plan?.issuer.name).toBe("Ủy ban nhân dân tỉnh Hà Nam");
    expect(r.plan?.contentAreas[1]?.text).toMatch(/^Hiện đại hóa, /);
    expect(r.leftovers).toEqual([]);
  });

  it('a duplicated word ("các các") is dropped and reported on its line', () => {
    const r = importPlanText(
      provincePlan().replace("2. Các sở, ban, ngành tỉnh", "2. Các các sở, ban, ngành tỉnh"),
    );
    const f = finding(r, "import.duplicated-word");
    expect(f?.line).toBe(23);
    expect(f?.severity).toBe("warning");
    expect(f?.message.vi).toContain('"Các"');
    expect(r.plan?.responsibilities[1]?.text).toMatch(/^Các sở, ban, ngành tỉnh;/);
    expect(r.plan?.units.map((u) => u.name)).toContain("Các sở, ban, ngành tỉnh");
  });

  it("meant reduplications and a repeated word of a proper name stay", () => {
    const r = importPlanText(
      provincePlan().replace(
        "Cán bộ, công chức, viên chức và Nhân dân trên địa bàn tỉnh.",
        "Cán bộ, công chức, viên chức và Nhân dân xã Xã Đàn, để người người, nhà nhà hiểu về cải cách hành chính.",
      ),
    );
    expect(importCodes(r)).toEqual([]);
    expect(r.plan?.audiences[0]?.text).toContain("xã Xã Đàn, để người người, nhà nhà hiểu");
  });

  it("a paragraph wrapped over several lines (a PDF copy) is joined back", () => {
    const r = importPlanText(
      provincePlan().replace(
        "a) Cải cách thủ tục hành chính, cơ chế một cửa, một cửa liên thông.",
        "a) Cải cách thủ tục hành chính, cơ chế một cửa, một cửa liên thông tại Bộ phận tiếp nhận\nvà trả kết quả của các cơ quan, đơn vị.",
      ),
    );
    expect(r.plan?.contentAreas[0]?.text).toBe(
      "Cải cách thủ tục hành chính, cơ chế một cửa, một cửa liên thông tại Bộ phận tiếp nhận và trả kết quả của các cơ quan, đơn vị.",
    );
    expect(r.leftovers).toEqual([]);
  });
});

describe("number and symbol", () => {
  const number = (line: string) => importPlanText(provincePlan({ number: line }));

  it('"05/KH-UBND" is read as is, with no finding', () => {
    const r = number("Số: 05/KH-UBND");
    expect(r.plan?.number).toBe("05/KH-UBND");
    expect(r.plan?.issuer.abbreviation).toBe("UBND");
    expect(importCodes(r)).toEqual([]);
  });

  it('a number padded to three digits ("005") is recorded as "05" with a finding', () => {
    const r = number("Số: 005/KH-UBND");
    expect(r.plan?.number).toBe("05/KH-UBND");
    expect(r.header.numberAsWritten).toBe("005/KH-UBND");
    expect(finding(r, "import.number-padded")).toMatchObject({
      line: 3,
      path: ["number"],
      severity: "warning",
    });
    expect(codes(r)).not.toContain("number-format");
  });

  it('an unpadded number below 10 ("5") is recorded as "05" with a finding', () => {
    const r = number("Số: 5/KH-UBND");
    expect(r.plan?.number).toBe("05/KH-UBND");
    expect(codes(r)).toContain("import.number-padded");
  });

  it('party-style separators ("132-KH/UBND") are recorded as "132/KH-UBND" with a finding', () => {
    const r = number("Số: 132-KH/UBND");
    expect(r.plan?.number).toBe("132/KH-UBND");
    expect(finding(r, "import.number-separators")?.message.vi).toContain("132/KH-UBND");
    expect(r.ok).toBe(true);
  });

  it('stray spaces ("Số:   12 /KH-BTTTT") are removed with a finding', () => {
    const r = number("Số:   12 /KH-UBND");
    expect(r.plan?.number).toBe("12/KH-UBND");
    expect(importCodes(r)).toEqual(["import.number-spacing"]);
  });

  it('a blank number ("Số:      /KH-UBND") leaves the number empty and says so', () => {
    const r = number("Số:      /KH-UBND");
    expect(r.plan?.number).toBeUndefined();
    expect(r.plan?.issuer.abbreviation).toBe("UBND");
    expect(codes(r)).toEqual(["import.number-blank", "header-number-missing"]);
  });

  it("an unreadable number is reported, not guessed", () => {
    const r = number("Số: KH/UBND/2021");
    expect(r.plan?.number).toBeUndefined();
    expect(codes(r)).toContain("import.number-unreadable");
  });

  it("a symbol of another document type is kept and flagged by validation", () => {
    const r = number("Số: 05/CV-UBND");
    expect(r.plan?.number).toBe("05/CV-UBND");
    expect(codes(r)).toContain("number-type-mismatch");
    expect(r.ok).toBe(false);
  });

  it("a header copied without its column gap still gives number, place and date", () => {
    const r = importPlanText(
      provincePlan({
        header: [
          "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
          "TỈNH HÀ NAM Độc lập - Tự do - Hạnh phúc",
          "Số: 05/KH-UBND Hà Nam, ngày 24 tháng 3 năm 2021",
        ].join("\n"),
      }),
    );
    expect(r.plan?.issuer.name).toBe("Ủy ban nhân dân tỉnh Hà Nam");
    expect(r.plan?.number).toBe("05/KH-UBND");
    expect(r.plan?.place).toBe("Hà Nam");
    expect(r.plan?.date).toBe("2021-03-24");
    expect(r.leftovers).toEqual([]);
  });
});

describe("place and date", () => {
  const dated = (line: string) => importPlanText(provincePlan({ date: line }));

  it.each([
    ["Hà Nội, ngày 24 tháng 3 năm 2021", "Hà Nội", "2021-03-24"],
    ["Hà Nội, ngày 05 tháng 02 năm 2021", "Hà Nội", "2021-02-05"],
    ["Hà Nội, ngày  4  tháng 3 năm 2021", "Hà Nội", "2021-03-04"],
    ["Hà Nội, ngày 24/3/2021", "Hà Nội", "2021-03-24"],
    ["Thành phố Hồ Chí Minh, ngày 1 tháng 12 năm 2020", "Thành phố Hồ Chí Minh", "2020-12-01"],
  ])("%s", (line, place, date) => {
    const r = dated(line);
    expect(r.plan?.place).toBe(place);
    expect(r.plan?.date).toBe(date);
    expect(importCodes(r)).toEqual([]);
  });

  it("a date not filled in yet keeps the year and says so", () => {
    const r = dated("Hà Nam, ngày     tháng 3 năm 2021");
    expect(r.plan?.date).toBeUndefined();
    expect(r.plan?.place).toBe("Hà Nam");
    expect(r.plan?.year).toBe(2021);
    expect(finding(r, "import.date-incomplete")).toMatchObject({ line: 3, path: ["date"] });
  });

  it("a day that does not exist is reported and left out", () => {
    const r = dated("Hà Nam, ngày 31 tháng 02 năm 2021");
    expect(r.plan?.date).toBeUndefined();
    expect(codes(r)).toContain("import.date-invalid");
  });
});

describe("outline and headings", () => {
  it('"Mục tiêu chung" / "Mục tiêu cụ thể" are sub-headings whose items are objectives', () => {
    const r = importPlanText(
      provincePlan({
        objectives: [
          "1. Mục tiêu",
          "a) Mục tiêu chung",
          "Nâng cao nhận thức về cải cách hành chính.",
          "b) Mục tiêu cụ thể",
          "- 100% công chức được quán triệt Kế hoạch cải cách hành chính.",
          "- Mỗi quý có ít nhất 3 tin, bài về cải cách hành chính.",
          "2. Yêu cầu",
          "- Bảo đảm thiết thực, hiệu quả.",
        ].join("\n"),
      }),
    );
    expect(r.plan?.objectives.map((o) => o.id)).toEqual(["I.1.a", "I.1.b.1", "I.1.b.2"]);
    expect(r.plan?.requirements.map((o) => o.text)).toEqual(["Bảo đảm thiết thực, hiệu quả."]);
    expect(r.leftovers).toEqual([]);
  });

  it("unmarked sub-headings (Mục tiêu chung:, Mục tiêu cụ thể:) work the same", () => {
    const r = importPlanText(
      provincePlan({
        objectives: [
          "1. Mục tiêu",
          "Mục tiêu chung:",
          "- Nâng cao nhận thức về cải cách hành chính.",
          "Mục tiêu cụ thể:",
          "- 100% công chức được quán triệt Kế hoạch.",
          "2. Yêu cầu",
          "- Bảo đảm thiết thực.",
        ].join("\n"),
      }),
    );
    expect(r.plan?.objectives.map((o) => o.text)).toEqual([
      "Nâng cao nhận thức về cải cách hành chính.",
      "100% công chức được quán triệt Kế hoạch.",
    ]);
    expect(r.leftovers).toEqual([]);
  });

  it('"MỤC ĐÍCH, YÊU CẦU" without sub-headings: requirements are told from objectives by their words', () => {
    const r = importPlanText(
      provincePlan({
        objectives: [
          "- Nâng cao nhận thức của Nhân dân về thủ tục hành chính.",
          "- Góp phần nâng cao Chỉ số cải cách hành chính của tỉnh.",
          "- Công tác tuyên truyền phải thường xuyên, liên tục.",
          "- Bảo đảm tiết kiệm, hiệu quả.",
        ].join("\n"),
      }),
    );
    expect(r.plan?.objectives.map((o) => o.id)).toEqual(["I.1", "I.2"]);
    expect(r.plan?.requirements.map((o) => o.id)).toEqual(["I.3", "I.4"]);
  });

  it("headings are matched without diacritics or case, and worded differently from the defaults are kept", () => {
    const r = importPlanText(
      provincePlan()
        .replace("I. MỤC ĐÍCH, YÊU CẦU", "I.Mục đích, yêu cầu")
        .replace("III. TỔ CHỨC THỰC HIỆN", "III. TO CHUC THUC HIEN"),
    );
    expect(r.plan?.objectives).toHaveLength(1);
    expect(r.plan?.responsibilities).toHaveLength(3);
    expect(r.plan?.headings?.objectivesSection).toBe("Mục đích, yêu cầu");
  });

  it("a heading the importer does not know puts its lines in the leftovers, with a finding", () => {
    const r = importPlanText(
      provincePlan().replace(
        "III. TỔ CHỨC THỰC HIỆN",
        "III. KHEN THƯỞNG, KỶ LUẬT\n1. Gắn tuyên truyền với thi đua, khen thưởng.\nIV. TỔ CHỨC THỰC HIỆN",
      ),
    );
    expect(finding(r, "import.section-unknown")?.line).toBe(21);
    expect(r.leftovers.map((l) => [l.line, l.code])).toEqual([
      [21, "unknown-section"],
      [22, "unknown-section"],
    ]);
    expect(r.plan?.responsibilities).toHaveLength(3);
  });

  it('a schedule section ("THỜI GIAN THỰC HIỆN") is left over as not modelled', () => {
    const r = importPlanText(
      provincePlan().replace(
        "III. TỔ CHỨC THỰC HIỆN",
        "III. THỜI GIAN THỰC HIỆN\nTừ tháng 3 đến tháng 12 năm 2021.\nIV. TỔ CHỨC THỰC HIỆN",
      ),
    );
    expect(r.leftovers).toEqual([
      expect.objectContaining({ line: 22, code: "not-modelled", text: "Từ tháng 3 đến tháng 12 năm 2021." }),
    ]);
    expect(r.leftovers[0]?.reason.vi).toMatch(/chưa có chỗ/);
  });

  it("a repeated label gets a unique id and a finding", () => {
    const r = importPlanText(provincePlan().replace("b) Xây dựng chính quyền", "a) Xây dựng chính quyền"));
    expect(r.plan?.contentAreas.map((c) => c.id)).toEqual(["II.2.a", "II.2.a-2"]);
    expect(finding(r, "import.duplicate-label")?.line).toBe(17);
    expect(codes(r)).not.toContain("id-duplicate");
  });

  it("an appendix after the signature is left over, line by line", () => {
    const r = importPlanText(
      `${provincePlan()}\n\nPHỤ LỤC\nDANH MỤC HOẠT ĐỘNG\n1. Hội nghị tập huấn: Quý II`,
    );
    expect(r.leftovers.map((l) => l.code)).toEqual(["appendix", "appendix", "appendix"]);
    expect(r.plan?.channels).toHaveLength(2);
  });
});

describe("units named in responsibilities", () => {
  it('"Các Vụ: Pháp chế, Kế hoạch - Tài chính, Khoa học và Công nghệ" is three units; the hyphen is part of a name', () => {
    const r = importPlanText(fixture(SEED));
    const clause = r.plan?.responsibilities.find((x) => x.id === "III.1.b");
    expect(clause?.unitIds.slice(0, 3)).toEqual([
      "vu-phap-che",
      "vu-ke-hoach-tai-chinh",
      "vu-khoa-hoc-va-cong-nghe",
    ]);
    expect(r.plan?.units.find((u) => u.id === "vu-ke-hoach-tai-chinh")?.name).toBe("Vụ Kế hoạch - Tài chính");
  });

  it('"Sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố" is two groups, not six units', () => {
    const r = importPlanText(fixture("province-quang-ninh-2021.txt"));
    const units = r.plan?.units.filter((u) => u.group) ?? [];
    expect(units.map((u) => [u.name, u.kind])).toEqual([
      ["Các sở, ban, ngành tỉnh", "provincial-department"],
      ["UBND các huyện, thị xã, thành phố", "district-committee"],
    ]);
  });

  it.each([
    [
      "Sở Văn hóa, Thể thao và Du lịch tuyên truyền về cải cách hành chính.",
      ["Sở Văn hóa, Thể thao và Du lịch"],
    ],
    [
      "Sở Tư pháp và Sở Thông tin và Truyền thông phối hợp thực hiện.",
      ["Sở Tư pháp", "Sở Thông tin và Truyền thông"],
    ],
    [
      "Báo Hà Nam, Đài Phát thanh và Truyền hình tỉnh mở chuyên mục.",
      ["Báo Hà Nam", "Đài Phát thanh và Truyền hình tỉnh"],
    ],
    [
      "Các Sở: Tư pháp, Tài chính, Kế hoạch và Đầu tư: phối hợp thực hiện.",
      ["Sở Tư pháp", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
    ],
    ["Giao Sở Nội vụ (SNV) chủ trì thực hiện.", ["Sở Nội vụ"]],
    ["Văn phòng UBND tỉnh: cập nhật tin, bài lên Cổng thông tin điện tử tỉnh.", ["Văn phòng UBND tỉnh"]],
  ])("%s", (clause, names) => {
    const r = importPlanText(
      provincePlan().replace("1. Sở Nội vụ chủ trì", `1. ${clause}\n5. Sở Nội vụ chủ trì`),
    );
    const first = r.plan?.responsibilities[0];
    expect(first?.unitIds.map((id) => r.plan?.units.find((u) => u.id === id)?.name)).toEqual(names);
  });

  it("a clause that names no unit is left over with the reason", () => {
    const r = importPlanText(
      provincePlan().replace(
        "1. Sở Nội vụ chủ trì",
        "1. Tăng cường công tác tuyên truyền.\n5. Sở Nội vụ chủ trì",
      ),
    );
    expect(r.leftovers).toEqual([expect.objectContaining({ line: 22, code: "no-unit" })]);
  });

  it("the archive line gives a unit its abbreviation (Lưu: VT, TCCB → Vụ Tổ chức cán bộ)", () => {
    const r = importPlanText(fixture(SEED));
    expect(r.plan?.units[0]).toEqual({
      id: "vu-to-chuc-can-bo",
      name: "Vụ Tổ chức cán bộ",
      abbreviation: "TCCB",
      kind: "department",
    });
  });

  it("one lead is chosen by its words (chủ trì, hướng dẫn, đôn đốc, thường trực), not by position", () => {
    const r = importPlanText(fixture("province-quang-ninh-2021.txt"));
    const lead = r.plan?.responsibilities.filter((x) => x.roles.includes("lead"));
    expect(lead?.map((x) => x.unitIds)).toEqual([["so-noi-vu"]]);
    expect(lead?.[0]?.contentAreaIds).toBe("all");
    expect(r.plan?.responsibilities[1]?.roles).toEqual(["coordinate", "implement"]);
  });
});

describe("funding and reporting phrasings", () => {
  it.each([
    [
      "4. Kinh phí thực hiện từ nguồn ngân sách nhà nước trong dự toán của các cơ quan, đơn vị.",
      "state-budget",
      "unit",
    ],
    ["4. Kinh phí thực hiện từ nguồn kinh phí tự chủ của các cơ quan, đơn vị.", "autonomous-budget", "unit"],
    [
      "4. Kinh phí được bố trí từ kinh phí cải cách hành chính năm 2021 giao Sở Nội vụ quản lý.",
      "par-budget",
      "agency",
    ],
    ["4. Kinh phí thực hiện từ nguồn xã hội hóa và các nguồn hợp pháp khác.", "socialised", "agency"],
  ])("%s", (line, kind, level) => {
    const r = importPlanText(
      provincePlan().replace("4. Kinh phí thực hiện từ nguồn kinh phí tự chủ của các cơ quan, đơn vị.", line),
    );
    expect(r.plan?.fundingSources[0]).toMatchObject({ kind, level });
  });

  it("a funding source managed by a named unit points at it", () => {
    const r = importPlanText(
      provincePlan().replace(
        "4. Kinh phí thực hiện từ nguồn kinh phí tự chủ của các cơ quan, đơn vị.",
        "4. Kinh phí được bố trí từ kinh phí cải cách hành chính năm 2021 giao Sở Nội vụ quản lý.",
      ),
    );
    expect(r.plan?.fundingSources[0]?.managedBy).toEqual({ scope: "unit", unitId: "so-noi-vu" });
  });

  it("a funding source whose manager is not said is reported", () => {
    const r = importPlanText(
      provincePlan().replace(
        "4. Kinh phí thực hiện từ nguồn kinh phí tự chủ của các cơ quan, đơn vị.",
        "4. Kinh phí thực hiện từ ngân sách tỉnh năm 2021.",
      ),
    );
    expect(codes(r)).toEqual(expect.arrayContaining(["import.funding-manager", "funding-manager-missing"]));
    expect(r.ok).toBe(false);
  });

  const reporting = (sentence: string) =>
    importPlanText(provincePlan({ reporting: `3. Các cơ quan, đơn vị ${sentence}` })).plan?.reporting;

  it.each([
    ["báo cáo kết quả hàng quý, 6 tháng, năm gửi về Sở Nội vụ.", ["quarter", "half-year", "year"], undefined],
    ["báo cáo kết quả định kỳ 6 tháng và năm gửi về Sở Nội vụ.", ["half-year", "year"], undefined],
    ["báo cáo kết quả gửi về Sở Nội vụ trước ngày 15/6 và 15/12 hằng năm.", ["half-year", "year"], 0],
    [
      "báo cáo 6 tháng trước ngày 20/6 và báo cáo năm trước ngày 20/12 về Sở Nội vụ.",
      ["half-year", "year"],
      5,
    ],
    ["báo cáo hằng tháng, quý, năm về Sở Nội vụ.", ["month", "quarter", "year"], undefined],
    [
      "báo cáo quý trước ngày 20 của tháng cuối quý, báo cáo năm chậm nhất ngày 18/12, gửi Sở Nội vụ.",
      ["quarter", "year"],
      { quarter: 5, year: 4 },
    ],
    ["báo cáo 9 tháng và năm về Sở Nội vụ.", ["nine-month", "year"], undefined],
  ])("%s", (sentence, periodTypes, deadline) => {
    const r = reporting(sentence);
    expect(r?.periodTypes).toEqual(periodTypes);
    expect(r?.deadlineDaysAfterCutoff).toEqual(deadline);
    expect(r?.recipientUnitId).toBe("so-noi-vu");
  });

  it('"năm 2021" and "tháng 3" in a report sentence are not periods', () => {
    const r = reporting("báo cáo kết quả thực hiện Kế hoạch năm 2021 trong tháng 3 về Sở Nội vụ.");
    expect(r).toBeUndefined();
  });

  it("integration with another report is kept (lồng ghép với báo cáo …)", () => {
    const r = importPlanText(fixture(SEED)).plan?.reporting;
    expect(r?.integratedWith).toBe("Báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị");
    expect(r?.reporterUnitIds).toEqual(["cac-co-quan-hanh-chinh-thuoc-bo"]);
  });
});

describe("recipients and signature", () => {
  it('"Nơi nhận:" lines and the archive line, dashes and end punctuation removed', () => {
    const r = importPlanText(fixture(SEED));
    expect(r.plan?.recipients.map((x) => x.text)).toEqual([
      "Bộ Nội vụ",
      "Bộ trưởng và các Thứ trưởng",
      "Các cơ quan, đơn vị thuộc Bộ",
      "Lưu: VT, TCCB (50b)",
    ]);
  });

  it('"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name" is the signer', () => {
    const r = importPlanText(provincePlan());
    expect(r.plan?.signer).toEqual({
      authority: "KT. CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Văn An",
    });
  });

  it("recipients and signature side by side (a plain-text copy of the two-column table)", () => {
    const r = importPlanText(
      provincePlan({
        trailer: [
          "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
          "- Bộ Nội vụ;\tKT. CHỦ TỊCH",
          "- TT Tỉnh ủy (b/c);\tPHÓ CHỦ TỊCH",
          "- Lưu: VT, NC.\t(Đã ký)",
          "\t\tNguyễn Văn An",
        ].join("\n"),
      }),
    );
    expect(r.plan?.signer).toEqual({
      authority: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
      title: "PHÓ CHỦ TỊCH",
      name: "Nguyễn Văn An",
    });
    expect(r.plan?.recipients.map((x) => x.text)).toEqual(["Bộ Nội vụ", "TT Tỉnh ủy (b/c)", "Lưu: VT, NC"]);
    expect(r.leftovers).toEqual([]);
  });

  it("a recipients block without its archive line is imported and flagged by validation", () => {
    const r = importPlanText(provincePlan({ trailer: "Nơi nhận:\n- Bộ Nội vụ;\n- Sở Nội vụ." }));
    expect(r.plan?.recipients).toHaveLength(2);
    expect(codes(r)).toContain("recipients-archive-missing");
  });
});

describe("decision wrapper", () => {
  const r = importPlanText(fixture("ministry-decision-bnn-2021.txt"));

  it("takes the plan and keeps the decision's number and date", () => {
    expect(r.error).toBeUndefined();
    expect(r.header.decision).toMatchObject({
      source: "wrapper",
      number: "456/QĐ-BNN-TCCB",
      date: "2021-02-05",
      place: "Hà Nội",
      authority: "BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
    });
    expect(r.header.decision?.articles).toHaveLength(3);
    expect(r.header.decision?.legalBasis).toHaveLength(3);
    expect(r.plan?.date).toBe("2021-02-05");
    expect(r.plan?.place).toBe("Hà Nội");
    expect(r.plan?.number).toBeUndefined();
    expect(r.plan?.extensions).toEqual({
      decision: {
        number: "456/QĐ-BNN-TCCB",
        date: "2021-02-05",
        title:
          "Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2021 của Bộ Nông nghiệp và Phát triển nông thôn",
      },
    });
    expect(r.plan?.title).toBe("TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2021");
  });

  it("the issuer and its abbreviation come from the decision's header and symbol", () => {
    expect(r.plan?.issuer).toEqual({ name: "Bộ Nông nghiệp và Phát triển nông thôn", abbreviation: "BNN" });
  });

  it("signer and recipients come from the decision, with findings", () => {
    expect(r.plan?.signer).toEqual({
      authority: "KT. BỘ TRƯỞNG",
      title: "THỨ TRƯỞNG",
      name: "Lê Quốc Doanh",
    });
    expect(r.plan?.recipients.at(-1)?.text).toBe("Lưu: VT, TCCB");
    expect(importCodes(r)).toEqual([
      "import.signer-from-decision",
      "import.recipients-from-decision",
      "import.plan-in-decision",
    ]);
    expect(r.leftovers).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it('a plan carrying only its "(Ban hành kèm theo Quyết định …)" line keeps that reference', () => {
    const text = fixture("ministry-decision-bnn-2021.txt");
    const planOnly = text.slice(text.lastIndexOf("BỘ NÔNG NGHIỆP"));
    const p = importPlanText(planOnly);
    expect(p.header.decision).toMatchObject({
      source: "reference",
      number: "456/QĐ-BNN-TCCB",
      date: "2021-02-05",
    });
    expect(p.plan?.date).toBe("2021-02-05");
    expect(finding(p, "import.plan-in-decision")?.line).toBe(10);
  });

  it("a decision without the plan's text is imported as far as it goes, with a finding", () => {
    const text = fixture("ministry-decision-bnn-2021.txt");
    const decisionOnly = text.slice(0, text.indexOf("Lê Quốc Doanh") + "Lê Quốc Doanh".length);
    const d = importPlanText(decisionOnly);
    expect(d.error).toBeUndefined();
    expect(codes(d)).toContain("import.plan-not-found");
    expect(d.header.decision?.number).toBe("456/QĐ-BNN-TCCB");
    expect(d.plan?.title).toBe(
      "Tuyên truyền cải cách hành chính năm 2021 của Bộ Nông nghiệp và Phát triển nông thôn",
    );
  });
});

describe("a document cut off part-way", () => {
  const r = importPlanText(fixture("cut-off-after-section-1.txt"));

  it("imports what it has: header and section I", () => {
    expect(r.error).toBeUndefined();
    expect(r.plan?.issuer.name).toBe("Bộ Tài chính");
    expect(r.plan?.number).toBe("132/KH-BTC");
    expect(r.plan?.objectives).toHaveLength(2);
    expect(r.plan?.requirements.map((x) => x.text)).toEqual([
      "Tuyên truyền phải kịp thời, chính xác, đúng định hướng.",
      "Nội dung tuyên truyền bám sát các nhiệm vụ cải cách hành chính",
    ]);
    expect(r.leftovers).toEqual([]);
  });

  it("says it looks cut off, and validation says what is missing", () => {
    expect(finding(r, "import.truncated")?.line).toBe(16);
    expect(codes(r)).toEqual(expect.arrayContaining(["lead-unit-missing", "reporting-missing"]));
    expect(r.ok).toBe(false);
  });

  it("a cut in the middle of any line never loses the lines before it", () => {
    const full = fixture(SEED);
    for (const cut of [200, 2000, 4000, 6000, 8000]) {
      const part = importPlanText(full.slice(0, cut));
      expect(part.error).toBeUndefined();
      expect(part.plan?.title).toBe(
        "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2018 CỦA BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
      );
    }
  });
});

describe("more outline forms of real documents", () => {
  it('capital-letter parts ("A. MỤC ĐÍCH, YÊU CẦU") and numbers in brackets ("(1)")', () => {
    const r = importPlanText(
      provincePlan()
        .replace("I. MỤC ĐÍCH, YÊU CẦU", "A. MỤC ĐÍCH, YÊU CẦU")
        .replace(
          "II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
          "B. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
        )
        .replace("III. TỔ CHỨC THỰC HIỆN", "C. TỔ CHỨC THỰC HIỆN")
        .replace("a) Cải cách thủ tục", "(1) Cải cách thủ tục")
        .replace("b) Xây dựng chính quyền", "(2) Xây dựng chính quyền"),
    );
    expect(r.plan?.objectives.map((o) => o.id)).toEqual(["A.1"]);
    expect(r.plan?.contentAreas.map((c) => c.id)).toEqual(["B.2.1", "B.2.2"]);
    expect(r.plan?.responsibilities).toHaveLength(3);
    expect(r.leftovers).toEqual([]);
  });

  it("bullets copied out of Word as private-use symbols ( )", () => {
    const r = importPlanText(provincePlan().replace(/^- /gm, "\uf0b7 "));
    expect(r.plan?.objectives).toHaveLength(1);
    expect(r.plan?.requirements).toHaveLength(1);
    expect(r.leftovers).toEqual([]);
  });

  it("a heading in capitals wrapped onto a second line is one heading", () => {
    const r = importPlanText(
      provincePlan().replace(
        "II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
        "II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC\nTUYÊN TRUYỀN",
      ),
    );
    expect(r.plan?.audiences).toHaveLength(1);
    expect(r.plan?.objectives).toHaveLength(1);
    expect(r.leftovers).toEqual([]);
  });

  it("page numbers of a PDF copy are skipped as page numbers (issue 16), not read as items", () => {
    const r = importPlanText(provincePlan().replace("b) Xây dựng chính quyền", "2\nb) Xây dựng chính quyền"));
    expect(r.plan?.contentAreas).toHaveLength(2);
    expect(r.leftovers).toEqual([]);
    expect(r.skipped).toEqual([expect.objectContaining({ line: 17, text: "2", code: "page-number" })]);
  });

  it('"NHIỆM VỤ" sections list content and channels', () => {
    const r = importPlanText(
      provincePlan().replace(
        "III. TỔ CHỨC THỰC HIỆN",
        "III. NHIỆM VỤ TRỌNG TÂM\n1. Tuyên truyền về cải cách thể chế và văn bản quy phạm pháp luật của tỉnh.\n2. Tổ chức Cuộc thi tìm hiểu về cải cách hành chính.\nIV. TỔ CHỨC THỰC HIỆN",
      ),
    );
    expect(r.plan?.contentAreas.map((c) => [c.id, c.kind])).toContainEqual(["III.1", "pillar-institutional"]);
    expect(r.plan?.channels.map((c) => [c.id, c.kinds])).toContainEqual(["III.2", ["contest"]]);
  });

  it("responsibilities given to office holders (Giám đốc, Chủ tịch)", () => {
    const r = importPlanText(
      provincePlan().replace(
        "2. Các sở, ban, ngành tỉnh;",
        "5. Giám đốc các sở, Chủ tịch UBND các huyện chịu trách nhiệm chỉ đạo thực hiện.\n2. Các sở, ban, ngành tỉnh;",
      ),
    );
    const names = r.plan?.units.map((u) => u.name);
    expect(names).toContain("Giám đốc các sở");
    expect(names).toContain("Chủ tịch UBND các huyện");
  });
});

describe("unit lists in more forms", () => {
  const names = (clause: string) => {
    const r = importPlanText(
      provincePlan().replace("1. Sở Nội vụ chủ trì", `1. ${clause}\n5. Sở Nội vụ chủ trì`),
    );
    const first = r.plan?.responsibilities[0];
    return first?.unitIds.map((id) => r.plan?.units.find((u) => u.id === id)?.name);
  };

  it('"Các đơn vị: Văn phòng Sở, Thanh tra Sở" lists full names', () => {
    expect(names("Các đơn vị: Văn phòng Sở, Thanh tra Sở: phối hợp thực hiện.")).toEqual([
      "Văn phòng Sở",
      "Thanh tra Sở",
    ]);
  });

  it('"Các Phòng: Tổng hợp, Phòng Kế hoạch - Tài chính" does not double the kind', () => {
    expect(names("Các Phòng: Tổng hợp, Phòng Kế hoạch - Tài chính: phối hợp thực hiện.")).toEqual([
      "Phòng Tổng hợp",
      "Phòng Kế hoạch - Tài chính",
    ]);
  });

  it('a full stop ends the names ("Sở Tư pháp. Chủ trì …"), not the one of "TP. Hà Nội"', () => {
    expect(names("Sở Tư pháp. Chủ trì tuyên truyền về cải cách thể chế.")).toEqual(["Sở Tư pháp"]);
    expect(names("UBND TP. Hà Nam phối hợp thực hiện.")).toEqual(["UBND TP. Hà Nam"]);
  });
});
