/**
 * PDF in: lines rebuilt from the positions of text items; a file that is not a PDF, or a broken
 * one, refused with a bilingual message. (Round trips of our own exports: test/import-pdf.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { importPlanPdf, linesFromItems } from "../src/pdf.js";

describe("linesFromItems", () => {
  it("rebuilds the two header columns on one baseline, left then right, split by a tab", () => {
    const lines = linesFromItems([
      { str: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", x: 250, y: 800, width: 250, size: 12 },
      { str: "BỘ NỘI VỤ", x: 60, y: 800.5, width: 70, size: 12 },
      { str: "Số: 05/KH-BNV", x: 60, y: 770, width: 90, size: 13 },
      { str: "Hà Nội, ngày 15 tháng 02 năm 2023", x: 260, y: 770, width: 220, size: 13 },
    ]);
    expect(lines).toEqual([
      "BỘ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Số: 05/KH-BNV\tHà Nội, ngày 15 tháng 02 năm 2023",
    ]);
  });
});

describe("importPlanPdf refuses what it cannot read", () => {
  it("not a PDF, a broken PDF: import.pdf-invalid, in Vietnamese and English", async () => {
    const notPdf = await importPlanPdf(new TextEncoder().encode("hello"));
    expect(notPdf.error?.code).toBe("import.pdf-invalid");
    const broken = await importPlanPdf(new TextEncoder().encode("%PDF-1.7\n1 0 obj << /Type /Catalog"));
    expect(broken.error?.code).toBe("import.pdf-invalid");
    expect(broken.error?.message.vi).toContain("PDF");
    expect(broken.error?.message.en).toContain("PDF");
  }, 60_000);
});
