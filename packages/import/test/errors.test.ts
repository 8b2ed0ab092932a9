/** Inputs that are not a document: each gets a structured error result, never an exception. */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { docxText, importPlanDocx } from "../src/docx.js";
import {
  decodeDocumentBytes,
  IMPORT_FINDING_CODES,
  type ImportResult,
  importPlanBytes,
  importPlanText,
  MAX_INPUT_BYTES,
} from "../src/index.js";
import { fixture, fixtureBytes, SEED } from "./support.js";

/** The contract of an unusable input: error set, the same error as the one finding, nothing else. */
function expectError(r: ImportResult, code: string): void {
  expect(r.error?.code).toBe(code);
  expect(r.ok).toBe(false);
  expect(r.plan).toBeUndefined();
  expect(r.draft).toEqual({});
  expect(r.leftovers).toEqual([]);
  expect(r.findings).toEqual([{ code, severity: "error", path: [], message: r.error?.message }]);
  expect(r.error?.message.vi).not.toBe("");
  expect(r.error?.message.en).not.toBe("");
  expect(IMPORT_FINDING_CODES.map((c) => c.code)).toContain(code);
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("text input", () => {
  it("empty and blank text", () => {
    expectError(importPlanText(""), "import.input-empty");
    expectError(importPlanText(" \n\t\r\n\u00a0"), "import.input-empty");
  });

  it("over the 10 MB limit, counted in UTF-8 bytes", () => {
    expect(MAX_INPUT_BYTES).toBe(10 * 1024 * 1024);
    expectError(importPlanText("a".repeat(MAX_INPUT_BYTES + 1)), "import.input-too-large");
    // 4 million "ệ" are 12 MB of UTF-8 though only 4 million characters.
    expectError(importPlanText("ệ".repeat(4_000_000)), "import.input-too-large");
    expectError(importPlanText(fixture(SEED), { maxBytes: 1000 }), "import.input-too-large");
  });

  it("binary content: NUL bytes or many control characters", () => {
    expectError(importPlanText(`KẾ HOẠCH\u0000\u0000abc`), "import.input-binary");
    expectError(importPlanText("\u0001\u0002\u0003\u0004\u0005\u0006".repeat(10)), "import.input-binary");
    expectError(importPlanText(`PK\u0003\u0004${"x".repeat(20)}`), "import.input-binary");
  });

  it("a value that is not a string", () => {
    expectError(importPlanText(42 as unknown as string), "import.input-binary");
    expectError(importPlanText(undefined as unknown as string), "import.input-binary");
  });

  it("prose that is not a plan", () => {
    expectError(
      importPlanText("Hôm nay trời đẹp. Chúng tôi đi chơi công viên.\nNgày mai trời mưa."),
      "import.not-a-plan",
    );
    expectError(importPlanText('{"id": "mic-2018", "year": 2018}'), "import.not-a-plan");
  });
});

describe("bytes of a text file", () => {
  it("UTF-8 with and without BOM, and UTF-16 with BOM, decode to the same plan", () => {
    const text = fixture(SEED);
    const plain = importPlanBytes(utf8(text)).plan;
    expect(plain).toBeDefined();
    expect(importPlanBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])).plan).toEqual(plain);
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + i * 2] = text.charCodeAt(i) & 0xff;
      le[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const decoded = decodeDocumentBytes(le);
    expect(decoded.ok && decoded.encoding).toBe("utf-16le");
    expect(importPlanBytes(le).plan).toEqual(plain);
  });

  it("not UTF-8 (a legacy encoding) is an encoding error", () => {
    // "Kế hoạch" in Windows-1258-like single bytes: invalid as UTF-8.
    expectError(
      importPlanBytes(new Uint8Array([0x4b, 0xea, 0xd2, 0x20, 0x68, 0x6f, 0xb9, 0x63, 0x68])),
      "import.input-encoding",
    );
  });

  it("a .docx, an old .doc and a PDF given as text are refused with what they are", () => {
    const docx = importPlanBytes(fixtureBytes("ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.docx"));
    expectError(docx, "import.input-binary");
    expect(docx.error?.message.en).toMatch(/importPlanDocx/);
    const doc = importPlanBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(doc.error?.message.en).toMatch(/Word 97-2003/);
    const pdf = importPlanBytes(utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj"));
    expect(pdf.error?.message.en).toMatch(/PDF/);
  });

  it("empty and oversized byte arrays", () => {
    expectError(importPlanBytes(new Uint8Array()), "import.input-empty");
    expectError(importPlanBytes(new Uint8Array(2000), { maxBytes: 1000 }), "import.input-too-large");
    expectError(importPlanBytes("text" as unknown as Uint8Array), "import.input-binary");
  });
});

describe(".docx input", () => {
  it("a zip that is not a .docx", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "KẾ HOẠCH tuyên truyền");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    const r = await importPlanDocx(bytes);
    expectError(r, "import.docx-invalid");
  });

  it("a damaged .docx (truncated archive)", async () => {
    const bytes = fixtureBytes("ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.docx");
    expectError(await importPlanDocx(bytes.slice(0, 4000)), "import.docx-invalid");
  });

  it("plain text, an old .doc, empty bytes, something that is not bytes", async () => {
    expectError(await importPlanDocx(utf8(fixture(SEED))), "import.docx-invalid");
    const doc = await importPlanDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(doc.error?.message.en).toMatch(/\.doc\b/);
    expectError(await importPlanDocx(new Uint8Array()), "import.input-empty");
    expectError(await importPlanDocx("x" as unknown as Uint8Array), "import.docx-invalid");
  });

  it("over the size limit", async () => {
    expectError(
      await importPlanDocx(fixtureBytes("province-quang-ninh-2021.docx"), { maxBytes: 1024 }),
      "import.input-too-large",
    );
  });

  it("a .docx whose text is not a plan", async () => {
    const zipped = await JSZip.loadAsync(fixtureBytes("ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.docx"));
    const xml = await zipped.file("word/document.xml")?.async("string");
    const body = (xml ?? "").replace(
      /<w:body>.*<\/w:body>/s,
      "<w:body><w:p><w:r><w:t>Xin chào</w:t></w:r></w:p></w:body>",
    );
    zipped.file("word/document.xml", body);
    const r = await importPlanDocx(await zipped.generateAsync({ type: "uint8array" }));
    expectError(r, "import.not-a-plan");
  });

  it("reads table cells one after another and line breaks as lines", async () => {
    const t = await docxText(fixtureBytes("province-quang-ninh-2021.docx"));
    if (!t.ok) throw new Error("not read");
    expect(t.value.text.split("\n").slice(0, 4)).toEqual([
      "ỦY BAN NHÂN DÂN",
      "TỈNH QUẢNG NINH",
      "-------",
      "Số: 05/KH-UBND",
    ]);
    expect(t.value.rebuiltMarkers).toBe(8);
  });
});
