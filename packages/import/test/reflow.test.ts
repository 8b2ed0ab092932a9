/**
 * The reflow stage on its own (wrapped lines, split header columns, table rules, page numbers,
 * running headers, web chrome), then through the importer: a web copy of a decision-wrapped plan
 * imports with its header right and every input line accounted for.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPlanText } from "../src/index.js";
import { reflowLines } from "../src/reflow.js";

const corpus = (name: string) => readFileSync(new URL(`./corpus/${name}`, import.meta.url), "utf8");

describe("reflowLines", () => {
  it("joins a date cut after the day, the motto over two lines, and a wrapped sentence", () => {
    const r = reflowLines([
      "BỘ NỘI VỤ",
      "CỘNG HÒA XÃ HỘI",
      "CHỦ NGHĨA VIỆT NAM",
      "Hà Nội, ngày 15",
      "tháng 02 năm 2023",
      "- Nâng cao nhận thức của cán bộ về cải cách",
      "hành chính.",
      "- Tạo đồng thuận.",
    ]);
    expect(r.lines).toEqual([
      "BỘ NỘI VỤ",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "",
      "Hà Nội, ngày 15 tháng 02 năm 2023",
      "",
      "- Nâng cao nhận thức của cán bộ về cải cách hành chính.",
      "",
      "- Tạo đồng thuận.",
    ]);
    expect([...r.headOf]).toEqual([0, 0, 2, 0, 4, 0, 6, 0]);
    expect(r.joined).toBe(3);
    expect(r.skipped).toEqual([]);
  });

  it("does not join after a sentence's end, a colon, or before a marker or a capital", () => {
    const input = [
      "1. Mục tiêu:",
      "nâng cao nhận thức",
      "Tuyên truyền rộng rãi.",
      "đến người dân",
      "a) các sở",
    ];
    const r = reflowLines(input);
    expect(r.lines).toEqual(input);
  });

  it("skips table rules, page numbers, running headers and web chrome, each with its reason", () => {
    const r = reflowLines([
      "Trang chủ",
      "Tin tức",
      "KẾ HOẠCH",
      "| |",
      "|----|----|",
      "Kế hoạch tuyên truyền CCHC 2026",
      "I. MỤC TIÊU",
      "Trang 1",
      "Kế hoạch tuyên truyền CCHC 2026",
      "- 2 -",
      "Kế hoạch tuyên truyền CCHC 2026",
      "| Sở Nội vụ | chủ trì |",
      "Lượt xem: 1.234",
      "Chia sẻ",
    ]);
    expect(r.skipped.map((s) => [s.line, s.code])).toEqual([
      [1, "web-chrome"],
      [2, "web-chrome"],
      [4, "table-residue"],
      [5, "table-residue"],
      [6, "running-header"],
      [8, "page-number"],
      [9, "running-header"],
      [10, "page-number"],
      [11, "running-header"],
      [13, "web-chrome"],
      [14, "web-chrome"],
    ]);
    for (const s of r.skipped) expect(s.reason.vi !== "" && s.reason.en !== "").toBe(true);
    expect(r.lines[11]).toBe("Sở Nội vụ\tchủ trì");
    expect(r.lines[2]).toBe("KẾ HOẠCH");
  });

  it("keeps a document that starts with its own text (no header): nothing taken for a menu", () => {
    const r = reflowLines(["Mục tiêu", "1. Nâng cao nhận thức."]);
    expect(r.skipped.length).toBe(0);
  });

  it("is linear: a 200,000-line wrapped paragraph in one pass", () => {
    const r = reflowLines(["a) Nâng cao nhận thức", ...Array.from({ length: 200_000 }, () => "của cán bộ")]);
    expect(r.joined).toBe(200_000);
    expect(r.lines[0]?.length).toBe("a) Nâng cao nhận thức".length + 200_000 * " của cán bộ".length);
  });
});

describe("reflow through the importer", () => {
  const text = corpus("decision-bnv-2023-web.txt");
  const r = importPlanText(text);

  it("reads the header of a web copy of a decision-wrapped plan", () => {
    expect(r.header.issuer).toBe("Bộ Nội vụ");
    expect(r.header.place).toBe("Hà Nội");
    expect(r.header.date).toBe("2023-02-15");
    expect(r.header.decision?.numberAsWritten).toBe("049/QĐ-BNV");
    expect(r.header.decision?.articles.length).toBe(3);
    expect(r.draft.objectives?.[0]?.text).toBe(
      "Nâng cao nhận thức của cán bộ, công chức, viên chức và người dân về mục tiêu, nội dung cải cách hành chính giai đoạn 2021 - 2030.",
    );
  });

  it("accounts for every line: placed + leftovers + skipped = lines", () => {
    expect(r.counts.lines).toBe(text.split("\n").length);
    expect(r.counts.placed + r.counts.leftovers + r.counts.skipped).toBe(r.counts.lines);
    expect(r.leftovers).toEqual([]);
    expect(r.skipped.map((s) => s.text)).toEqual([
      "Trang chủ",
      "Giới thiệu",
      "Tin tức - Sự kiện",
      "Văn bản chỉ đạo",
      "Liên hệ",
      "| |",
      "-------",
      "Trang 1",
      "Trang 2",
      "Lượt xem: 1.234",
      "Chia sẻ",
      "Bản quyền thuộc về Bộ Nội vụ",
    ]);
  });

  const PIECES = [
    "I. MỤC TIÊU",
    "1. Nâng cao nhận thức",
    "của cán bộ, công chức",
    "- Sở Nội vụ chủ trì",
    "Trang 3",
    "| |",
    "-----",
    "Lượt xem: 10",
    "Trang chủ",
    "CỘNG HÒA XÃ HỘI",
    "CHỦ NGHĨA VIỆT NAM",
    "Hà Nội, ngày 15",
    "tháng 02 năm 2023",
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch",
    "Nơi nhận:",
    "- Lưu: VT.",
    "",
    "   ",
    "\t",
  ];

  it("property: on random documents every input line is placed, left over or skipped, once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 20 })), { maxLength: 60 }),
        (parts) => {
          const doc = parts.join("\n");
          const res = importPlanText(doc);
          if (res.error !== undefined) return;
          expect(res.counts.lines).toBe(doc.split(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/).length);
          expect(res.counts.placed + res.counts.leftovers + res.counts.skipped).toBe(res.counts.lines);
          const leftover = new Set(res.leftovers.map((l) => l.line));
          for (const s of res.skipped) expect(leftover.has(s.line)).toBe(false);
          expect(leftover.size).toBe(res.leftovers.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
