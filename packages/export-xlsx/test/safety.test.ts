import type { ExportedFile, Plan } from "@cchc/core";
import { samplePlan } from "@cchc/core";
import { describe, expect, it } from "vitest";
import { cellText } from "../src/cellText.js";
import { CELL_TEXT_LIMIT, exportXlsx, FORMULA_TRIGGERS } from "../src/index.js";
import { sheetNamer } from "../src/sheet.js";
import { cellFormats, rawCell, readWorkbook, sheetRows, sheetXml, zipEntries } from "./readBack.js";

/** A plan whose objectives hold the given texts, in order, after the sample's own. */
function planWith(texts: readonly string[]): Plan {
  const base = samplePlan("mic-2018");
  return { ...base, objectives: [...base.objectives, ...texts.map((text, i) => ({ id: `t${i}`, text }))] };
}

/** Where each text landed in the document sheet ("Kế hoạch", column B). */
function addressOf(file: ExportedFile, text: string): string {
  const rows = sheetRows(readWorkbook(file.bytes), "Kế hoạch");
  const r = rows.findIndex((row) => row[1] === text);
  if (r < 0) throw new Error(`text not found: ${JSON.stringify(text)}`);
  return `B${r + 1}`;
}

const FORMULAS = [
  "=SUM(A1:A9)",
  "+1+2",
  "-2+3",
  "@SUM(1)",
  "\t=1+1",
  "\r=1+1",
  '=HYPERLINK("http://x.invalid";"bấm")',
];

describe("formula neutralisation", () => {
  it("stores text that starts like a formula as a string with the quote prefix, never as a formula", async () => {
    const file = await exportXlsx({ kind: "plan", plan: planWith([...FORMULAS, "a = b", "x+1"]) });
    const wb = readWorkbook(file.bytes);
    const xml = sheetXml(file.bytes, "Kế hoạch");
    const formats = cellFormats(file.bytes);
    // No sheet of the workbook contains a formula.
    for (const [path, content] of zipEntries(file.bytes))
      if (path.startsWith("xl/worksheets/")) expect(content, path).not.toMatch(/<f[\s>]/);
    for (const text of FORMULAS) {
      const address = addressOf(file, text);
      const raw = rawCell(xml, address);
      expect(raw, text).toMatch(/ t="s"/);
      // SheetJS shows the text as typed, with no formula and no added apostrophe.
      const c = wb.Sheets["Kế hoạch"]?.[address] as { t: string; v: unknown; f?: string };
      expect(c.t).toBe("s");
      expect(c.v).toBe(text);
      expect(c.f).toBeUndefined();
      const style = Number(/ s="(\d+)"/.exec(raw)?.[1]);
      expect(formats[style], text).toMatch(/quotePrefix="1"/);
    }
    // Text with an "=" further in is ordinary text.
    const plain = rawCell(xml, addressOf(file, "a = b"));
    expect(formats[Number(/ s="(\d+)"/.exec(plain)?.[1])]).not.toMatch(/quotePrefix/);
    const warnings = file.warnings.filter((w) => w.code === "xlsx.formula-neutralised");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.path).toEqual(["Kế hoạch", addressOf(file, FORMULAS[0] as string)]);
    expect(warnings[0]?.message.vi).toContain(`${FORMULAS.length} ô`);
    expect(warnings[0]?.message.en).toContain("quote-prefix");
  });

  it("keeps numbers as numbers, negative ones included, and quotes the same digits typed as text", async () => {
    const base = samplePlan("mic-2018");
    const plan: Plan = {
      ...base,
      budgetLines: [
        {
          id: "b1",
          fundingSourceId: base.fundingSources[0]?.id ?? "f",
          description: "-5 triệu",
          amountVnd: 5_000_000,
          contentAreaIds: [],
        },
      ],
    };
    const file = await exportXlsx({ kind: "plan", plan });
    const xml = sheetXml(file.bytes, "Dự toán kinh phí");
    expect(rawCell(xml, "G2")).toMatch(/<v>5000000<\/v>/);
    expect(rawCell(xml, "G2")).not.toMatch(/ t="/);
    expect(rawCell(xml, "C2")).toMatch(/ t="s"/);
    expect(cellFormats(file.bytes)[Number(/ s="(\d+)"/.exec(rawCell(xml, "C2"))?.[1])]).toMatch(
      /quotePrefix="1"/,
    );
    const wb = readWorkbook(file.bytes);
    expect(wb.Sheets["Dự toán kinh phí"]?.C2?.v).toBe("-5 triệu");
    expect(wb.Sheets["Dự toán kinh phí"]?.G2).toMatchObject({ t: "n", v: 5_000_000 });
  });

  it("covers the OWASP list and nothing else", () => {
    expect([...FORMULA_TRIGGERS]).toEqual(["=", "+", "-", "@", "\t", "\r"]);
    for (const t of FORMULA_TRIGGERS) expect(cellText(`${t}x`).formulaLike).toBe(true);
    for (const t of ["x=1", " =1", "1-2", "–2", "'=1", ""]) expect(cellText(t).formulaLike).toBe(false);
  });
});

describe("text that would break or change the file", () => {
  it("markup characters, quotes, emoji and Excel's own _xHHHH_ syntax read back exactly as typed", async () => {
    const texts = [
      `<b>Đậm</b> & "trích dẫn" 'nháy' </sheetData> ]]> &amp; &#x41;`,
      `Cờ 🇻🇳, mặt cười 😀, chữ Hán 漢字, dạng tổ hợp: ${"Tiếng Việt".normalize("NFD")}`,
      "_x0041_ và _x005F_ giữ nguyên",
    ];
    const file = await exportXlsx({ kind: "plan", plan: planWith(texts) });
    const rows = sheetRows(readWorkbook(file.bytes), "Kế hoạch").map((r) => r[1]);
    for (const t of texts) expect(rows).toContain(t);
    expect(file.warnings.filter((w) => w.code.startsWith("xlsx."))).toEqual([]);
  });

  it("removes control characters a workbook cannot hold and reports them", async () => {
    const file = await exportXlsx({
      kind: "plan",
      plan: planWith(["Chuông\u0007 và\u0000 tab\tgiữ\u001f lại\u000b \uD800 hết"]),
    });
    const rows = sheetRows(readWorkbook(file.bytes), "Kế hoạch").map((r) => r[1]);
    expect(rows).toContain("Chuông và tab\tgiữ lại  hết");
    const w = file.warnings.find((x) => x.code === "xlsx.control-characters-removed");
    expect(w?.path[0]).toBe("Kế hoạch");
    expect(w?.message.vi).toContain("ký tự điều khiển");
  });

  it("cuts text longer than Excel's 32,767 characters with an ellipsis and a warning, never splitting an emoji", async () => {
    const long = `${"Rất dài ".repeat(4095)}😀😀😀${"x".repeat(10_000)}`; // the cut falls inside the emoji run
    const file = await exportXlsx({ kind: "plan", plan: planWith([long]) });
    const wb = readWorkbook(file.bytes);
    const rows = sheetRows(wb, "Kế hoạch").map((r) => r[1] ?? "");
    const stored = rows.find((t) => t.startsWith("Rất dài Rất dài"));
    expect(stored?.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
    expect(stored?.endsWith("…")).toBe(true);
    expect(stored).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    const w = file.warnings.find((x) => x.code === "xlsx.text-truncated");
    expect(w?.message.vi).toContain("32.767");
    expect(w?.message.en).toContain(long.length.toLocaleString("en"));
    for (const n of [CELL_TEXT_LIMIT - 2, CELL_TEXT_LIMIT - 1, CELL_TEXT_LIMIT, CELL_TEXT_LIMIT + 1]) {
      const t = cellText(`${"a".repeat(n - 2)}😀😀`);
      expect(t.stored.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
      expect(t.truncatedFrom === undefined).toBe(n + 2 <= CELL_TEXT_LIMIT);
      expect(t.stored).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });

  it("leaves a cell blank and says so when a number is not finite", async () => {
    const base = samplePlan("mic-2018");
    const plan: Plan = {
      ...base,
      budgetLines: [
        {
          id: "b1",
          fundingSourceId: base.fundingSources[0]?.id ?? "f",
          description: "lỗi",
          amountVnd: Number.NaN,
          contentAreaIds: [],
        },
      ],
    };
    const file = await exportXlsx({ kind: "plan", plan });
    expect(rawCell(sheetXml(file.bytes, "Dự toán kinh phí"), "C2")).toMatch(/ t="s"/);
    expect(() => rawCell(sheetXml(file.bytes, "Dự toán kinh phí"), "G2")).toThrow();
    expect(file.warnings.map((w) => w.code)).toContain("xlsx.number-invalid");
  });
});

describe("sheet names", () => {
  it("are valid in Excel: no []:*?/\\, at most 31 characters, unique regardless of case", () => {
    const name = sheetNamer();
    expect(name("Kết quả: quý I/2018 [tạm]*?")).toBe("Kết quả quý I 2018 tạm");
    expect(name("kết quả quý i 2018 tạm")).toBe("kết quả quý i 2018 tạm (2)");
    const long = name("Chi tiết kết quả theo từng hoạt động của các đơn vị");
    expect([...long].length).toBeLessThanOrEqual(31);
    expect(name("'''")).toBe("Trang tính");
  });
});
