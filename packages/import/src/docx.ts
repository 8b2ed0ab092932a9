/**
 * `@cchc/import/docx`: a .docx from the e-office system, read with mammoth, then imported like text.
 * This is the only module that loads mammoth, so the text importer stays light and browser-safe.
 * Paragraphs become lines in reading order (table cells one after the other, so the two-column
 * header and the recipients/signature table read as in the text form); line breaks inside a
 * paragraph become lines; Word's automatic numbering, which is not part of the text, is rebuilt as
 * outline markers ("1.", "a)", "-").
 *
 * @module @cchc/import/docx
 */
import mammoth from "mammoth";
import { type ImportFinding, importFinding } from "./importFindings.js";
import { importPlanText } from "./importPlan.js";
import { readMarker } from "./markers.js";
import { failedImport, type ImportOptions, type ImportResult, MAX_INPUT_BYTES } from "./result.js";
import { checkZipLimits, MAX_DOCX_UNCOMPRESSED_BYTES } from "./zipLimits.js";

/** A mammoth document element, as far as this module reads it. */
interface DocElement {
  readonly type: string;
  readonly children?: readonly DocElement[];
  readonly value?: string;
  readonly breakType?: string;
  readonly numbering?: { readonly isOrdered: boolean; readonly level: string | number } | null;
}

/** The text of a .docx, one paragraph (or line break) per line. */
export interface DocxText {
  readonly text: string;
  /** Paragraphs whose list marker came from Word's numbering and was rebuilt. */
  readonly rebuiltMarkers: number;
  /** Messages mammoth reported while reading. */
  readonly messages: readonly string[];
}

const ROMAN_HEADING = /^[IVX]+\s*[.)]/u;

function paragraphText(p: DocElement): string {
  let out = "";
  const visit = (e: DocElement) => {
    if (e.type === "text") out += e.value ?? "";
    else if (e.type === "tab") out += "\t";
    else if (e.type === "break") out += "\n";
    else if (e.type === "checkbox") out += "☐";
    for (const c of e.children ?? []) visit(c);
  };
  for (const c of p.children ?? []) visit(c);
  return out;
}

/** Walks a mammoth document into lines, rebuilding automatic list numbers. */
function documentLines(doc: DocElement): { lines: string[]; rebuilt: number } {
  const lines: string[] = [];
  const counters: number[] = [];
  let rebuilt = 0;
  const LETTERS = "abcdđeghiklmnopqrstuvxy";
  const visit = (e: DocElement) => {
    if (e.type === "paragraph") {
      const text = paragraphText(e);
      const n = e.numbering;
      const trimmed = text.trim();
      if (n && trimmed !== "" && readMarker(trimmed) === undefined) {
        const level = Number(n.level) || 0;
        counters.length = level + 1;
        counters[level] = (counters[level] ?? 0) + 1;
        const k = counters[level] as number;
        const marker = !n.isOrdered || level >= 2 ? "-" : level === 0 ? `${k}.` : `${LETTERS[k - 1] ?? k})`;
        lines.push(...`${marker} ${trimmed}`.split("\n"));
        rebuilt++;
        return;
      }
      if (ROMAN_HEADING.test(trimmed)) counters.length = 0;
      lines.push(...text.split("\n"));
      return;
    }
    for (const c of e.children ?? []) visit(c);
  };
  visit(doc);
  return { lines, rebuilt };
}

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);
const megabytes = (n: number) => (n / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 });

/** Why bytes cannot be a .docx, or undefined when they may be one. */
function notADocx(bytes: Uint8Array, maxBytes: number): ImportResult | undefined {
  if (bytes.length === 0)
    return failedImport("import.input-empty", { vi: "Tệp rỗng.", en: "The file is empty." });
  if (bytes.length > maxBytes) {
    const mb = megabytes(maxBytes);
    return failedImport("import.input-too-large", {
      vi: `Tệp quá lớn (${bytes.length.toLocaleString("en")} byte, giới hạn ${mb} MB).`,
      en: `The file is too large (${bytes.length.toLocaleString("en")} bytes, limit ${mb} MB).`,
    });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return failedImport("import.docx-invalid", {
      vi: "Đây là tệp Word 97-2003 (.doc), không phải .docx; hãy lưu lại thành .docx.",
      en: "This is a Word 97-2003 file (.doc), not a .docx; save it as .docx.",
    });
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return failedImport("import.docx-invalid", {
      vi: "Tệp không phải .docx (không phải tệp nén Office Open XML).",
      en: "The file is not a .docx (not an Office Open XML archive).",
    });
  }
  return undefined;
}

/**
 * Reads the text of a .docx in reading order. Never rejects: a file that is not a .docx comes back
 * as the `ImportResult` explaining why. A file over `maxBytes`, or whose parts inflate to more than
 * `maxUncompressedBytes` (declared or actual, checked before mammoth inflates anything), is refused.
 */
export async function docxText(
  bytes: Uint8Array,
  maxBytes: number = MAX_INPUT_BYTES,
  maxUncompressedBytes: number = MAX_DOCX_UNCOMPRESSED_BYTES,
): Promise<{ ok: true; value: DocxText } | { ok: false; result: ImportResult }> {
  if (!(bytes instanceof Uint8Array)) {
    return {
      ok: false,
      result: failedImport("import.docx-invalid", {
        vi: "Đầu vào không phải dãy byte.",
        en: "The input is not bytes.",
      }),
    };
  }
  const refused = notADocx(bytes, maxBytes);
  if (refused) return { ok: false, result: refused };
  const zip = checkZipLimits(bytes, maxUncompressedBytes);
  if (zip?.kind === "too-large") {
    const limit = megabytes(maxUncompressedBytes);
    const how = zip.declared
      ? { vi: "theo kích thước khai báo", en: "by the sizes it declares" }
      : { vi: "khi giải nén thật", en: "when actually inflated" };
    return {
      ok: false,
      result: failedImport("import.input-too-large", {
        vi: `Tệp .docx giải nén vượt giới hạn ${limit} MB (${how.vi}: hơn ${zip.bytes.toLocaleString("en")} byte); có thể là "bom nén" (zip bomb).`,
        en: `The .docx exceeds the ${limit} MB limit once decompressed (${how.en}: over ${zip.bytes.toLocaleString("en")} bytes); it may be a zip bomb.`,
      }),
    };
  }
  if (zip?.kind === "invalid") {
    return {
      ok: false,
      result: failedImport("import.docx-invalid", {
        vi: `Không đọc được tệp .docx (tệp nén hỏng): ${zip.why}`,
        en: `Cannot read the .docx (a damaged archive): ${zip.why}`,
      }),
    };
  }
  let captured: DocElement | undefined;
  try {
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`: give both.
    const input = { buffer: bytes, arrayBuffer } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(input, {
      transformDocument: (doc: DocElement) => {
        captured = doc;
        return doc;
      },
      ignoreEmptyParagraphs: false,
    });
    if (captured === undefined) throw new Error("no document body");
    const { lines, rebuilt } = documentLines(captured);
    const messages = result.messages
      .map((m) => m.message)
      .filter((m) => !/unrecognised (paragraph|run|table)? ?style/i.test(m));
    return { ok: true, value: { text: lines.join("\n"), rebuiltMarkers: rebuilt, messages } };
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
    return {
      ok: false,
      result: failedImport("import.docx-invalid", {
        vi: `Không đọc được tệp .docx (tệp nén hỏng hoặc không phải văn bản Word): ${why}`,
        en: `Cannot read the .docx (a damaged archive, or not a Word document): ${why}`,
      }),
    };
  }
}

/**
 * Imports a plan from a .docx file's bytes. Line numbers of findings and leftovers are paragraph
 * numbers in reading order. Never rejects.
 */
export async function importPlanDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const read = await docxText(
    bytes,
    options.maxBytes ?? MAX_INPUT_BYTES,
    options.maxUncompressedBytes ?? MAX_DOCX_UNCOMPRESSED_BYTES,
  );
  if (!read.ok) return read.result;
  const result = importPlanText(read.value.text, options);
  if (result.error !== undefined) return result;
  const extra: ImportFinding[] = [];
  if (read.value.rebuiltMarkers > 0) {
    extra.push(
      importFinding("import.docx-numbering", {
        vi: `${read.value.rebuiltMarkers} đoạn dùng đánh số tự động của Word; số thứ tự đã được dựng lại ("1.", "a)", "-"), cần kiểm tra mã mục.`,
        en: `${read.value.rebuiltMarkers} paragraph(s) use Word's automatic numbering; their markers were rebuilt ("1.", "a)", "-"), check the ids.`,
      }),
    );
  }
  for (const m of [...new Set(read.value.messages)].slice(0, 5)) {
    extra.push(
      importFinding("import.docx-message", {
        vi: `Khi đọc .docx: ${m}`,
        en: `While reading the .docx: ${m}`,
      }),
    );
  }
  if (extra.length === 0) return result;
  const counts = {
    ...result.counts,
    findings: result.counts.findings + extra.length,
    warnings: result.counts.warnings + extra.length,
  };
  return { ...result, findings: [...extra, ...result.findings], counts };
}

export type { ImportOptions, ImportResult } from "./result.js";
export { MAX_DOCX_UNCOMPRESSED_BYTES } from "./zipLimits.js";
