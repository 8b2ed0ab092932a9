/**
 * The DOCX read back with independent tools (fflate + fast-xml-parser) and compared point by point
 * with Decree 30/2020/NĐ-CP, Appendix I: page, margins, font, the header table and its rules,
 * number, place and date, title, body paragraphs, headings, tables, recipients, signature, page
 * numbers.
 */
import {
  buildPeriodReport,
  type ExportedFile,
  Exporter,
  type ExportOptions,
  type ExportRequest,
  officialDocument,
  PAR_COMMUNICATION_PRESET,
  planCalendar,
  samplePlan,
  scorePlan,
} from "@cchc/core";
import { generateDataset } from "@cchc/testing";
import { contractRequests, hostilePlan, runExporterContract } from "@cchc/testing/contracts";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { DocxExporter, docxExporter, exportDocx } from "../src/index.js";
import {
  all,
  blocks,
  child,
  type DocxPackage,
  paragraphLook,
  plainText,
  readDocx,
  runDefaults,
  tableCells,
  textOf,
  type XNode,
} from "./docxReader.js";

const ISSUED: ExportOptions = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
};

const MM = 1440 / 25.4;
/** Widths measured from the Tinos faces (Times New Roman metrics) with fontkit, in points. */
const MOTTO_13PT_BOLD = 159.14;
/** "VÀ TRUYỀN THÔNG", the wider of the ministry's two header lines, at 12 pt bold. */
const MIC_12PT_BOLD = 118.67;

async function exported(request: ExportRequest, options: ExportOptions = ISSUED): Promise<ExportedFile> {
  return exportDocx(request, options);
}

async function planPackage(
  options: ExportOptions = ISSUED,
): Promise<{ file: ExportedFile; pkg: DocxPackage }> {
  const file = await exported({ kind: "plan", plan: samplePlan("mic-2018") }, options);
  return { file, pkg: readDocx(file.bytes) };
}

const sectPr = (pkg: DocxPackage) => {
  const s = child(pkg.body, "w:sectPr");
  if (!s) throw new Error("no section properties");
  return s;
};

const cellWidth = (tc: XNode) => Number(child(child(tc, "w:tcPr"), "w:tcW")?.attrs["w:w"]);

runExporterContract("docx", docxExporter, { extractText: (f) => plainText(readDocx(f.bytes)) });

describe("DOCX: page and font (Decree 30, Appendix I §I)", () => {
  it("is A4 portrait with margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm", async () => {
    const { pkg } = await planPackage();
    const s = sectPr(pkg);
    const size = child(s, "w:pgSz")?.attrs ?? {};
    expect(Number(size["w:w"])).toBe(11906);
    expect(Number(size["w:h"])).toBe(16838);
    expect(size["w:orient"] ?? "portrait").toBe("portrait");
    const m = child(s, "w:pgMar")?.attrs ?? {};
    const inMm = (k: string) => Number(m[k]) / MM;
    for (const k of ["w:top", "w:bottom"]) {
      expect(inMm(k)).toBeGreaterThanOrEqual(19.99);
      expect(inMm(k)).toBeLessThanOrEqual(25.01);
    }
    expect(inMm("w:left")).toBeGreaterThanOrEqual(29.99);
    expect(inMm("w:left")).toBeLessThanOrEqual(35.01);
    expect(inMm("w:right")).toBeGreaterThanOrEqual(14.99);
    expect(inMm("w:right")).toBeLessThanOrEqual(20.01);
  });

  it("sets Times New Roman for every run, body at 13–14 pt, Vietnamese as the language", async () => {
    const { pkg } = await planPackage();
    const d = runDefaults(pkg);
    expect(d.font).toBe("Times New Roman");
    expect(d.sizePt).toBeGreaterThanOrEqual(13);
    expect(d.sizePt).toBeLessThanOrEqual(14);
    const rPr = child(child(child(pkg.styles, "w:docDefaults"), "w:rPrDefault"), "w:rPr");
    const fonts = child(rPr, "w:rFonts")?.attrs ?? {};
    expect([fonts["w:hAnsi"], fonts["w:cs"]]).toEqual(["Times New Roman", "Times New Roman"]);
    expect(child(rPr, "w:lang")?.attrs["w:val"]).toBe("vi-VN");
    // No run anywhere (body or headers) switches to another font.
    const parts = [pkg.document, ...Object.values(pkg.headers)];
    for (const part of parts)
      for (const f of all(part, "w:rFonts"))
        expect(f.attrs["w:ascii"] ?? "Times New Roman").toBe("Times New Roman");
  });
});

describe("DOCX: the header (ô 1–4)", () => {
  it("is a borderless two-column table: issuing body left, national title and motto right", async () => {
    const { pkg } = await planPackage();
    const first = blocks(pkg)[0];
    expect(first?.name).toBe("w:tbl");
    const tbl = first as XNode;
    expect(all(child(tbl, "w:tblGrid") as XNode, "w:gridCol")).toHaveLength(2);
    const borders = child(child(tbl, "w:tblPr"), "w:tblBorders");
    for (const b of borders?.children ?? []) expect(["none", "nil"]).toContain(b.attrs["w:val"]);
    const [row1, row2] = tableCells(tbl);
    const [left, right] = row1 ?? [];
    const l = (left ?? []).map((p) => paragraphLook(pkg, p));
    const r = (right ?? []).map((p) => paragraphLook(pkg, p));
    // Issuing body: upper case, bold, 12–13 pt, centred, with a short rule under it.
    // Fitted inside the margins with the national title on one line, the ministry's name takes
    // two balanced lines (a line break inside one paragraph).
    expect(l[0]?.text).toBe("BỘ THÔNG TINVÀ TRUYỀN THÔNG");
    expect(JSON.stringify(left?.[0])).toContain('"w:br"');
    expect(l[0]?.align).toBe("center");
    for (const run of l[0]?.runs ?? []) {
      expect(run.bold).toBe(true);
      expect(run.sizePt).toBeGreaterThanOrEqual(12);
      expect(run.sizePt).toBeLessThanOrEqual(13);
    }
    // National title upper case bold 12–13; motto bold 13–14.
    expect(r[0]?.text).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(r[0]?.runs.every((x) => x.bold && x.sizePt >= 12 && x.sizePt <= 13)).toBe(true);
    expect(r[1]?.text).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(r[1]?.runs.every((x) => x.bold && x.sizePt >= 13 && x.sizePt <= 14)).toBe(true);
    // Row 2: the number under the issuing body, place and date (italic) under the motto, one line.
    const [numberCell, dateCell] = row2 ?? [];
    const number = paragraphLook(pkg, numberCell?.[0] as XNode);
    const date = paragraphLook(pkg, dateCell?.[0] as XNode);
    expect(number.text).toBe("Số: 12/KH-BTTTT");
    expect(number.align).toBe("center");
    expect(date.text).toBe("Hà Nội, ngày 05 tháng 3 năm 2018");
    expect(date.align).toBe("center");
    expect(date.runs.every((x) => x.italic && !x.bold && x.sizePt >= 13 && x.sizePt <= 14)).toBe(true);
  });

  it("draws a rule of 1/3–1/2 of the line under the issuing body and a full-length rule under the motto", async () => {
    const { pkg } = await planPackage();
    const tbl = blocks(pkg)[0] as XNode;
    const [left, right] = tableCells(tbl)[0] ?? [];
    const trs = tbl.children.filter((c) => c.name === "w:tr");
    const tcs = (trs[0]?.children ?? []).filter((c) => c.name === "w:tc");
    const ruleLength = (cellParagraphs: XNode[] | undefined, tc: XNode | undefined) => {
      const rule = (cellParagraphs ?? []).map((p) => paragraphLook(pkg, p)).find((p) => p.bottomBorder);
      if (!rule || !tc) throw new Error("no rule");
      expect(rule.text).toBe("");
      expect(rule.left).toBe(rule.right); // centred under the text
      return (cellWidth(tc) - rule.left - rule.right) / 20; // points
    };
    const issuerRule = ruleLength(left, tcs[0]);
    expect(issuerRule).toBeGreaterThanOrEqual(MIC_12PT_BOLD / 3);
    expect(issuerRule).toBeLessThanOrEqual(MIC_12PT_BOLD / 2);
    const mottoRule = ruleLength(right, tcs[1]);
    expect(Math.abs(mottoRule - MOTTO_13PT_BOLD)).toBeLessThan(3);
  });

  it("shows the parent body above the issuing body in upper case, not bold", async () => {
    const plan = { ...samplePlan("mic-2018"), parentBody: { name: "Ủy ban nhân dân tỉnh Hà Giang" } };
    const pkg = readDocx((await exported({ kind: "plan", plan })).bytes);
    const left = tableCells(blocks(pkg)[0] as XNode)[0]?.[0] ?? [];
    const [parent, issuer] = left.map((p) => paragraphLook(pkg, p));
    // Beside the national title on its line, the parent body takes two lines inside the margins.
    expect(parent?.text).toBe("ỦY BAN NHÂN DÂNTỈNH HÀ GIANG");
    expect(parent?.runs.every((r) => !r.bold && r.sizePt >= 12 && r.sizePt <= 13)).toBe(true);
    expect(issuer?.runs.every((r) => r.bold)).toBe(true);
  });
});

describe("DOCX: title and body (ô 5, 6)", () => {
  it("centres the document type and the summary in bold, with a short rule under the summary", async () => {
    const { pkg } = await planPackage();
    const paragraphs = blocks(pkg)
      .filter((b) => b.name === "w:p")
      .map((p) => paragraphLook(pkg, p));
    const title = paragraphs.find((p) => p.text === "KẾ HOẠCH");
    expect(title?.align).toBe("center");
    expect(title?.runs.every((r) => r.bold && r.sizePt >= 13 && r.sizePt <= 14)).toBe(true);
    const i = paragraphs.indexOf(title as (typeof paragraphs)[number]);
    const summary = paragraphs[i + 1];
    // Decree 30: the trích yếu in lower case (the data keeps the seed's capitals).
    expect(summary?.text).toBe("Tuyên truyền cải cách hành chính năm 2018 của Bộ Thông tin và Truyền thông");
    expect(summary?.align).toBe("center");
    expect(summary?.runs.every((r) => r.bold && r.sizePt >= 13 && r.sizePt <= 14)).toBe(true);
    expect(paragraphs[i + 2]?.bottomBorder).toBe(true);
  });

  it("justifies the body at 13–14 pt with a 1–1.27 cm first-line indent, ≥ 6 pt between paragraphs, single to 1.5 lines", async () => {
    const { pkg } = await planPackage();
    const list = blocks(pkg);
    const start = list.findIndex((b) => b.name === "w:p" && textOf(b).startsWith("I. "));
    const end = list.length - 1; // the closing table
    const body = list.slice(start, end).filter((b) => b.name === "w:p" && textOf(b) !== "");
    expect(body.length).toBeGreaterThan(40);
    for (const p of body.map((b) => paragraphLook(pkg, b))) {
      expect(p.align, p.text).toBe("both");
      expect(p.firstLine / MM).toBeGreaterThanOrEqual(10 - 0.01);
      expect(p.firstLine / MM).toBeLessThanOrEqual(12.7 + 0.01);
      expect(p.after).toBeGreaterThanOrEqual(120);
      expect(p.lineRule).toBe("auto");
      expect(p.line).toBeGreaterThanOrEqual(240);
      expect(p.line).toBeLessThanOrEqual(360);
      for (const r of p.runs) {
        expect(r.sizePt).toBeGreaterThanOrEqual(13);
        expect(r.sizePt).toBeLessThanOrEqual(14);
      }
    }
  });

  it("writes the headings I., II., III. in upper case bold and 1., 2. in bold", async () => {
    const { pkg } = await planPackage();
    const paragraphs = blocks(pkg)
      .filter((b) => b.name === "w:p")
      .map((p) => paragraphLook(pkg, p));
    const sections = paragraphs.filter((p) => /^[IVX]+\. /.test(p.text));
    expect(sections.map((s) => s.text.split(" ")[0])).toEqual(["I.", "II.", "III."]);
    for (const s of sections) {
      expect(s.text).toBe(s.text.toLocaleUpperCase("vi"));
      expect(s.runs.every((r) => r.bold)).toBe(true);
    }
    const subs = paragraphs.filter((p) => /^\d+\. /.test(p.text));
    expect(subs.length).toBeGreaterThanOrEqual(6);
    for (const s of subs) expect(s.runs.every((r) => r.bold)).toBe(true);
    const items = paragraphs.filter((p) => /^[a-zđ]\) /.test(p.text));
    for (const s of items) expect(s.runs.every((r) => !r.bold)).toBe(true);
  });
});

describe("DOCX: recipients and signature (ô 7, 9)", () => {
  it("ends with recipients on the left (label 12 bold italic, lines 11) and the signature on the right", async () => {
    const { pkg } = await planPackage();
    const last = blocks(pkg).at(-1) as XNode;
    expect(last.name).toBe("w:tbl");
    const [[left, right] = []] = tableCells(last);
    const l = (left ?? []).map((p) => paragraphLook(pkg, p));
    expect(l[0]?.text).toBe("Nơi nhận:");
    expect(l[0]?.runs.every((r) => r.bold && r.italic && r.sizePt === 12)).toBe(true);
    const lines = l.slice(1);
    expect(lines.map((x) => x.text)).toEqual([
      "- Bộ Nội vụ;",
      "- Bộ trưởng và các Thứ trưởng;",
      "- Các cơ quan, đơn vị thuộc Bộ;",
      "- Lưu: VT, TCCB (50b).",
    ]);
    for (const x of lines) expect(x.runs.every((r) => r.sizePt === 11 && !r.bold)).toBe(true);
    const r = (right ?? []).map((p) => paragraphLook(pkg, p)).filter((p) => p.text !== "");
    expect(r.map((x) => x.text)).toEqual(["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn A"]);
    for (const x of r) {
      expect(x.align).toBe("center");
      expect(x.runs.every((run) => run.bold && run.sizePt >= 13 && run.sizePt <= 14)).toBe(true);
    }
    // Blank lines between the title and the name leave room to sign and stamp.
    const all = (right ?? []).map((p) => paragraphLook(pkg, p).text);
    expect(all.indexOf("Nguyễn Văn A") - all.indexOf("THỨ TRƯỞNG")).toBeGreaterThanOrEqual(4);
    // The closing block is kept on one page.
    expect(
      child(
        child(
          last.children.find((c) => c.name === "w:tr"),
          "w:trPr",
        ),
        "w:cantSplit",
      ),
    ).toBeDefined();
  });
});

describe("DOCX: page numbers (ô 11)", () => {
  it("numbers pages centred at the top from page 2; the first page has its own empty header", async () => {
    const { pkg } = await planPackage();
    const s = sectPr(pkg);
    expect(child(s, "w:titlePg")).toBeDefined();
    const refs = all(s, "w:headerReference");
    const byType = Object.fromEntries(
      refs.map((r) => [r.attrs["w:type"], pkg.headers[r.attrs["r:id"] ?? ""]]),
    );
    const hasPageField = (h: XNode | undefined) =>
      h !== undefined &&
      (all(h, "w:instrText").some((t) => /\bPAGE\b/.test(t.text)) ||
        all(h, "w:fldSimple").some((f) => /\bPAGE\b/.test(f.attrs["w:instr"] ?? "")));
    expect(hasPageField(byType.default)).toBe(true);
    expect(hasPageField(byType.first)).toBe(false);
    const p = all(byType.default as XNode, "w:p")[0] as XNode;
    expect(child(child(p, "w:pPr"), "w:jc")?.attrs["w:val"]).toBe("center");
    const sz = Number(all(p, "w:sz")[0]?.attrs["w:val"]) / 2;
    expect(sz).toBeGreaterThanOrEqual(13);
    expect(sz).toBeLessThanOrEqual(14);
  });
});

describe("DOCX: the periodic report (BÁO CÁO, numbering BC) and other documents", () => {
  const requests = contractRequests();

  it("lays out a unit's period report with its own number symbol and a table of activities and results", async () => {
    const data = generateDataset({ size: "small", seed: 3 });
    const activities = [...data.activities()];
    const unitId = activities[0]?.unitId as string;
    const report = buildPeriodReport({
      plan: data.plan,
      activities,
      records: data.records(),
      periodId: "2018Q1",
      unitId,
    });
    if (!report) throw new Error("no report");
    const file = await exportDocx({ kind: "period-report", report }, {});
    const pkg = readDocx(file.bytes);
    const text = plainText(pkg);
    expect(text).toContain("BÁO CÁO");
    expect(text).toMatch(/Số: …\/BC-/);
    // A unit's report: the unit issues it under the agency as parent body.
    const left = tableCells(blocks(pkg)[0] as XNode)[0]?.[0] ?? [];
    const header = officialDocument({ kind: "period-report", report }).header;
    expect(textOf(left[0] as XNode)).toBe(header.parentBodyLines.join(""));
    expect(header.parentBodyLines.join(" ")).toBe(data.plan.issuer.name.toLocaleUpperCase("vi"));
    expect(textOf(left[1] as XNode)).toBe(header.issuerLines.join(""));
    expect(header.issuerLines.join(" ")).toBe(report.unitName.toLocaleUpperCase("vi"));
    const tables = blocks(pkg).filter((b) => b.name === "w:tbl");
    const results = tables[1] as XNode;
    const rows = results.children.filter((c) => c.name === "w:tr");
    expect(rows.length).toBe(report.rows.length + 1);
    expect(child(child(rows[0], "w:trPr"), "w:tblHeader")).toBeDefined();
    expect(tableCells(results)[0]?.map((c) => textOf(c[0] as XNode))).toEqual([
      "STT",
      "Đơn vị",
      "Hoạt động",
      "Đơn vị tính",
      "Chỉ tiêu",
      "Kết quả trong kỳ",
      "Lũy kế",
      "Người tham dự",
      "Kinh phí (đồng)",
    ]);
    const grid = all(child(results, "w:tblGrid") as XNode, "w:gridCol").map((g) => Number(g.attrs["w:w"]));
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(11906 - 1701 - 850);
    expect(file.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["export.number-missing", "export.date-missing", "export.signer-missing"]),
    );
  });

  it("repeats the table header on each page of a table that spans pages", async () => {
    const data = generateDataset({ size: "medium", seed: 5 });
    const report = buildPeriodReport({
      plan: data.plan,
      activities: [...data.activities()],
      records: data.records(),
      periodId: "2018S1",
    });
    if (!report) throw new Error("no report");
    expect(report.rows.length).toBeGreaterThan(200);
    const pkg = readDocx((await exportDocx({ kind: "period-report", report }, {})).bytes);
    const table = blocks(pkg).filter((b) => b.name === "w:tbl")[1] as XNode;
    const rows = table.children.filter((c) => c.name === "w:tr");
    expect(rows).toHaveLength(report.rows.length + 1);
    expect(child(child(rows[0], "w:trPr"), "w:tblHeader")).toBeDefined();
    for (const r of rows.slice(1)) expect(child(child(r, "w:trPr"), "w:cantSplit")).toBeDefined();
    expect(plainText(pkg)).toContain(report.rows.at(-1)?.title ?? "?");
  });

  it("exports the score sheet and the reporting calendar with their tables", async () => {
    const sheet = readDocx((await exportDocx(requests["score-sheet"], ISSUED)).bytes);
    expect(plainText(sheet)).toContain("XẾP HẠNG CÁC ĐƠN VỊ");
    expect(blocks(sheet).filter((b) => b.name === "w:tbl")).toHaveLength(4);
    const cal = readDocx((await exportDocx(requests.calendar, ISSUED)).bytes);
    const text = plainText(cal);
    expect(text).toContain("THÔNG BÁO");
    expect(text).toContain("Quý I năm 2018");
    expect(text).toContain("14/03/2018");
  });

  it("provides the Exporter service through its layer", async () => {
    const program = Effect.gen(function* () {
      const exporter = yield* Exporter;
      return yield* exporter.export({ kind: "plan", plan: samplePlan("mic-2018") });
    });
    const file = await Effect.runPromise(program.pipe(Effect.provide(DocxExporter.layer())));
    expect(file.mediaType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });
});

describe("DOCX: bad input", () => {
  it("shows missing header fields as visible placeholders and reports each", async () => {
    const { file, pkg } = await planPackage({});
    const row2 = tableCells(blocks(pkg)[0] as XNode)[1] ?? [];
    expect(textOf(row2[0]?.[0] as XNode)).toBe("Số: …/KH-BTTTT");
    expect(textOf(row2[1]?.[0] as XNode)).toBe("…, ngày … tháng … năm 2018");
    const closing = tableCells(blocks(pkg).at(-1) as XNode)[0]?.[1] ?? [];
    const sign = closing.map(textOf).filter((t) => t !== "");
    expect(sign).toEqual([
      "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ",
      "(Chữ ký của người có thẩm quyền, dấu/chữ ký số của cơ quan, tổ chức)",
      "Họ và tên",
    ]);
    expect(file.warnings.map((w) => w.code).sort()).toEqual([
      "export.date-missing",
      "export.number-missing",
      "export.place-missing",
      "export.signer-missing",
    ]);
    const noAbbreviation = samplePlan("mic-2018");
    noAbbreviation.issuer = { name: noAbbreviation.issuer.name };
    const bare = readDocx((await exported({ kind: "plan", plan: noAbbreviation }, {})).bytes);
    expect(textOf(tableCells(blocks(bare)[0] as XNode)[1]?.[0]?.[0] as XNode)).toBe("Số: …/KH-…");
  });

  it("keeps <, &, quotes as text, strips control characters (reported), and carries 500 units", async () => {
    const file = await exported({ kind: "plan", plan: hostilePlan() });
    const pkg = readDocx(file.bytes); // every part re-parsed as XML
    const text = plainText(pkg);
    expect(text).toContain("<b>&amp;</b> \"trích dẫn\" 'nháy'");
    expect(text).toContain("Bộ Nội vụ <script>alert(1)</script>;");
    expect(text).toContain('Đơn vị số 499 <499> & "499": tổ chức tuyên truyền tại đơn vị mình.');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
    expect(pkg.parts["word/document.xml"]).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(file.warnings.map((w) => w.code)).toContain("export.control-characters-removed");
    const raw = pkg.parts["word/document.xml"] ?? "";
    expect(raw).toContain("&lt;script&gt;");
    expect(all(pkg.body, "w:p").length).toBeGreaterThan(500);
  });

  it("exports a score sheet and a calendar of a plan with 500 units", async () => {
    const plan = hostilePlan();
    const data = generateDataset({ size: "small", seed: 2 });
    const sheet = scorePlan(
      { plan: data.plan, activities: [...data.activities()], records: [...data.records()], reports: [] },
      { scheme: PAR_COMMUNICATION_PRESET },
    );
    const sheetFile = await exportDocx({ kind: "score-sheet", plan, sheet }, ISSUED);
    expect(plainText(readDocx(sheetFile.bytes))).toContain(sheet.units.at(-1)?.name ?? "?");
    const cal = await exportDocx({ kind: "calendar", plan, periods: planCalendar(plan) }, ISSUED);
    expect(readDocx(cal.bytes).body.children.length).toBeGreaterThan(3);
  });
});
