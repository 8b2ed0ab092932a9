/**
 * `cchc export` end to end: the BUILT bin run as a child process, its files read back with
 * independent tools — the DOCX unzipped (fflate) and parsed (fast-xml-parser), the PDF's text
 * extracted with PDF.js (unpdf), the XLSX read with SheetJS, the ICS parsed with ical.js.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import ICAL from "ical.js";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { type BinResult, requireBin, runCchc } from "./support/cchc.js";

let dir: string;

const cchc = (...args: string[]): BinResult => runCchc(dir, args);

/** The texts of the w:t elements of a DOCX's main part, after checking every part is well-formed XML. */
function docxTexts(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  for (const [name, data] of Object.entries(files))
    if (name.endsWith(".xml")) expect(XMLValidator.validate(strFromU8(data)), name).toBe(true);
  const xml = strFromU8(files["word/document.xml"] ?? new Uint8Array());
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else if (node && typeof node === "object")
      for (const [k, v] of Object.entries(node)) {
        if (k === "w:t")
          texts.push(String(typeof v === "object" && v !== null && "#text" in v ? v["#text"] : v));
        else walk(v);
      }
  };
  walk(new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml));
  return texts;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

beforeAll(async () => {
  requireBin();
  dir = await mkdtemp(join(tmpdir(), "cchc-export-e2e-"));
  const s = cchc("sample", "mic-2018");
  expect(s.code).toBe(0);
  await writeFile(join(dir, "plan.json"), s.stdout);
  expect(cchc("generate", "--size", "small", "--seed", "9", "--out", "d").code).toBe(0);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the built cchc export", () => {
  it("writes a Decree 30 DOCX of the plan that an XML reader opens", async () => {
    const r = cchc(
      "export",
      "plan.json",
      "--format",
      "docx",
      "--out",
      "kh.docx",
      "--number",
      "12/KH-BTTTT",
      "--place",
      "Hà Nội",
      "--date",
      "2018-03-05",
      "--signer-authority",
      "KT. BỘ TRƯỞNG",
      "--signer-title",
      "THỨ TRƯỞNG",
      "--signer-name",
      "Nguyễn Văn A",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const texts = docxTexts(await readFile(join(dir, "kh.docx")));
    for (const t of [
      // Inside the margins the ministry's name takes two lines beside the national title.
      "BỘ THÔNG TIN",
      "VÀ TRUYỀN THÔNG",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 12/KH-BTTTT",
      "Hà Nội, ngày 05 tháng 3 năm 2018",
      "KẾ HOẠCH",
      "Tuyên truyền cải cách hành chính năm 2018 của Bộ Thông tin và Truyền thông",
      "Nơi nhận:",
      "- Lưu: VT, TCCB (50b).",
      "KT. BỘ TRƯỞNG",
      "Nguyễn Văn A",
    ])
      expect(texts).toContain(t);
  });

  it("writes a period report as PDF whose text a PDF reader extracts, with the warnings in --json", async () => {
    const r = cchc(
      "export",
      "d/plan.json",
      "--document",
      "report",
      "--period",
      "2018Q1",
      "--tracking",
      "d",
      "--format",
      "pdf",
      "--out",
      "bc.pdf",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      file: string;
      mediaType: string;
      bytes: number;
      warnings: Array<{ code: string }>;
    };
    expect(summary.file).toBe(join(dir, "bc.pdf"));
    expect(summary.mediaType).toBe("application/pdf");
    expect(summary.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["export.number-missing", "export.date-missing"]),
    );
    const bytes = await readFile(summary.file);
    expect(bytes.length).toBe(summary.bytes);
    const text = await pdfText(bytes);
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Kết quả thực hiện công tác tuyên truyền cải cách hành chính quý I năm 2018");
    expect(text).toMatch(/Số: …\/BC-/);
  });

  it("writes the score sheet as XLSX that a spreadsheet reader opens, with Vietnamese headers", () => {
    const r = cchc(
      "export",
      "d/plan.json",
      "--document",
      "score",
      "--tracking",
      "d",
      "--out",
      "diem.xlsx",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { file: string; mediaType: string };
    expect(summary.mediaType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = XLSX.read(readFileSync(summary.file), { type: "buffer" });
    expect(workbook.SheetNames).toContain("Điểm theo tiêu chí");
    const text = workbook.SheetNames.map((n) =>
      XLSX.utils.sheet_to_csv(workbook.Sheets[n] as XLSX.WorkSheet),
    ).join("\n");
    expect(text).toContain("Bộ Thông tin và Truyền thông");
    expect(text).toContain("Vụ Pháp chế");
  });

  it("writes the reporting calendar as iCalendar that a real parser reads in Asia/Ho_Chi_Minh, with stable UIDs", () => {
    const events = () => {
      const r = cchc("export", "plan.json", "--document", "calendar", "--format", "ics", "--out", "lich.ics");
      expect(r.code, r.stderr).toBe(0);
      const cal = new ICAL.Component(ICAL.parse(readFileSync(join(dir, "lich.ics"), "utf8")));
      expect(cal.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Asia/Ho_Chi_Minh");
      return cal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    };
    const first = events();
    const q1 = first.find((e) => e.summary.includes("Quý I năm 2018"));
    expect(q1?.startDate.toString()).toContain("2018-03-19");
    expect(events().map((e) => e.uid)).toEqual(first.map((e) => e.uid));
  });
});
