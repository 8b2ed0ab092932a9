/**
 * Bytes of a text document to a string: UTF-8 (with or without BOM) and the UTF-16 that Notepad
 * writes as "Unicode". Other files get a clear answer instead of mojibake: a .docx or zip, an old
 * Word .doc, a PDF, a legacy Vietnamese encoding. Uses only `TextDecoder`, so it runs in browsers.
 */
import { importPlanText } from "./importPlan.js";
import { failedImport, type ImportOptions, type ImportResult, MAX_INPUT_BYTES } from "./result.js";

/** A decoded document, or the import result that explains why it cannot be read. */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: "utf-8" | "utf-16le" | "utf-16be" }
  | { readonly ok: false; readonly result: ImportResult };

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((v, i) => b[i] === v);

/** Decodes the bytes of a plain-text document, refusing what is not one. */
export function decodeDocumentBytes(bytes: Uint8Array, maxBytes: number = MAX_INPUT_BYTES): DecodedText {
  const fail = (result: ImportResult): DecodedText => ({ ok: false, result });
  if (!(bytes instanceof Uint8Array)) {
    return fail(
      failedImport("import.input-binary", {
        vi: "Đầu vào không phải dãy byte.",
        en: "The input is not bytes.",
      }),
    );
  }
  if (bytes.length > maxBytes) {
    const mb = (maxBytes / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 });
    return fail(
      failedImport("import.input-too-large", {
        vi: `Tệp quá lớn (${bytes.length.toLocaleString("en")} byte, giới hạn ${mb} MB).`,
        en: `The file is too large (${bytes.length.toLocaleString("en")} bytes, limit ${mb} MB).`,
      }),
    );
  }
  if (bytes.length === 0)
    return fail(failedImport("import.input-empty", { vi: "Tệp rỗng.", en: "The file is empty." }));
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return fail(
      failedImport("import.input-binary", {
        vi: "Đây là tệp nén (.docx/.zip), không phải văn bản thuần; tệp .docx đọc bằng importPlanDocx.",
        en: "This is a zip archive (.docx/.zip), not plain text; read .docx files with importPlanDocx.",
      }),
    );
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return fail(
      failedImport("import.input-binary", {
        vi: "Đây là tệp Word 97-2003 (.doc); hãy lưu lại thành .docx hoặc .txt (UTF-8).",
        en: "This is a Word 97-2003 file (.doc); save it as .docx or as UTF-8 .txt.",
      }),
    );
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    return fail(
      failedImport("import.input-binary", {
        vi: "Đây là tệp PDF; hãy dùng bản .docx hoặc chép văn bản ra tệp .txt (UTF-8).",
        en: "This is a PDF; use the .docx, or copy the text into a UTF-8 .txt file.",
      }),
    );
  }
  let encoding: "utf-8" | "utf-16le" | "utf-16be" = "utf-8";
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) body = bytes.subarray(3);
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, body] = ["utf-16le", bytes.subarray(2)];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, body] = ["utf-16be", bytes.subarray(2)];
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    return fail(
      failedImport("import.input-encoding", {
        vi: "Tệp không phải văn bản UTF-8 (có thể là bảng mã cũ TCVN3/VNI hoặc Windows-1258, hoặc tệp nhị phân); hãy lưu lại dạng UTF-8.",
        en: "The file is not UTF-8 text (perhaps a legacy TCVN3/VNI or Windows-1258 encoding, or a binary file); save it as UTF-8.",
      }),
    );
  }
  return { ok: true, text, encoding };
}

/**
 * Imports a plan from the bytes of a plain-text document (UTF-8 or UTF-16 with BOM). For a .docx use
 * `importPlanDocx` from `@cchc/import/docx`. Never throws.
 */
export function importPlanBytes(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  const decoded = decodeDocumentBytes(bytes, options.maxBytes ?? MAX_INPUT_BYTES);
  if (!decoded.ok) return decoded.result;
  // The size was checked on the bytes; the text of UTF-16 input may count more bytes as UTF-8.
  return importPlanText(decoded.text, { ...options, maxBytes: Number.POSITIVE_INFINITY });
}
