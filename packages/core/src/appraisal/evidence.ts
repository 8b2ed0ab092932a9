/**
 * Checks of an uploaded evidence file before anything is stored: its size against the agency's
 * limit, its type read from the bytes (magic numbers; a DOCX or XLSX is a ZIP whose
 * `[Content_Types].xml` declares the document part), never from the name, and a name that cannot
 * escape anything. Pure functions: the same checks run in a browser, a server and the CLI.
 */
import * as Result from "effect/Result";
import { type AppraisalRefused, refuse } from "./errors.js";
import { EVIDENCE_TYPES, type EvidenceType } from "./model.js";

// The web platform's streams, Blob and TextDecoder (Node ≥ 18 and every browser have them); core
// compiles against ES2022 alone, so only the parts used here are declared.
interface ByteReader {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: Uint8Array }>;
  cancel(): Promise<void>;
}
interface ByteStream {
  pipeThrough(transform: unknown): ByteStream;
  getReader(): ByteReader;
}
declare const Blob: { new (parts: readonly Uint8Array[]): { stream(): ByteStream } };
declare const DecompressionStream: { new (format: "deflate-raw"): unknown };
declare const TextDecoder: {
  new (): { decode(input: Uint8Array, options?: { stream?: boolean }): string };
};

/** What an agency allows as evidence. */
export interface EvidenceLimits {
  /** Bytes per file (default 20 MB). */
  readonly maxBytes: number;
  /** Types allowed (default: PDF, DOCX, XLSX, JPEG, PNG). */
  readonly allowedTypes: readonly EvidenceType[];
  /** Files per step (default 20). */
  readonly maxFiles: number;
}

/** The defaults: 20 MB per file, the five usual types, 20 files per step. */
export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxBytes: 20 * 1024 * 1024,
  allowedTypes: EVIDENCE_TYPES,
  maxFiles: 20,
};

/** Longest file name kept, in UTF-16 code units (file systems allow 255 bytes; Vietnamese needs ~2 per letter). */
export const MAX_FILE_NAME = 120;

const TYPE_LABEL: Record<EvidenceType, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
};

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean => {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
};

const latin1 = (bytes: Uint8Array, from: number, to: number): string => {
  let s = "";
  for (let i = from; i < to && i < bytes.length; i++) s += String.fromCharCode(bytes[i] as number);
  return s;
};

/**
 * The type of a file read from its bytes, or undefined when it is none of the known ones. A ZIP is
 * a DOCX when its `[Content_Types].xml` declares a `wordprocessingml.document.main` part, an XLSX
 * when it declares `spreadsheetml.sheet.main`; the part is found by walking the ZIP's local
 * headers (stored or deflated parts are read only when stored; a deflated one is inflated with
 * `DecompressionStream` by `sniffEvidenceTypeAsync`).
 */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | "zip" | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  return undefined;
}

/** A ZIP entry's local header: name, method and where its data is. */
interface ZipPart {
  readonly name: string;
  readonly method: number;
  readonly data: Uint8Array;
}

const u16 = (b: Uint8Array, i: number) => (b[i] as number) | ((b[i + 1] as number) << 8);
const u32 = (b: Uint8Array, i: number) => (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;

/** The `[Content_Types].xml` part of a ZIP, found through the central directory (bounded work). */
function contentTypesPart(bytes: Uint8Array): ZipPart | undefined {
  // end of central directory: within the last 65,557 bytes
  const min = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--)
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    if (u32(bytes, p) !== 0x02014b50) return undefined;
    const method = u16(bytes, p + 10);
    const compressed = u32(bytes, p + 20);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const local = u32(bytes, p + 42);
    const name = latin1(bytes, p + 46, p + 46 + nameLength);
    if (name === "[Content_Types].xml") {
      if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return undefined;
      const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      if (compressed > 1_000_000 || start + compressed > bytes.length) return undefined;
      return { name, method, data: bytes.subarray(start, start + compressed) };
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

const typeOfContentTypes = (xml: string): EvidenceType | undefined =>
  xml.includes("wordprocessingml.document.main")
    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    : xml.includes("spreadsheetml.sheet.main")
      ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      : undefined;

/**
 * `sniffEvidenceType`, with ZIPs opened: DOCX and XLSX are told apart by their content types part
 * (inflated with the platform's `DecompressionStream("deflate-raw")`, at most 1 MB of it).
 */
export async function sniffEvidenceTypeAsync(bytes: Uint8Array): Promise<EvidenceType | undefined> {
  const first = sniffEvidenceType(bytes);
  if (first !== "zip") return first;
  const part = contentTypesPart(bytes);
  if (part === undefined) return undefined;
  if (part.method === 0) return typeOfContentTypes(latin1(part.data, 0, part.data.length));
  if (part.method !== 8) return undefined;
  try {
    const stream = new Blob([part.data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    const reader = stream.getReader();
    let text = "";
    let total = 0;
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > 1_000_000) {
        await reader.cancel();
        return undefined;
      }
      text += decoder.decode(value, { stream: true });
    }
    return typeOfContentTypes(text);
  } catch {
    return undefined;
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/**
 * Why a file name is unsafe to keep as it is (undefined when it is safe): a path (`/` or `\`),
 * `..`, a control or bidi character, a leading dot, empty, or longer than `MAX_FILE_NAME`.
 */
export function unsafeFileName(name: string): string | undefined {
  if (typeof name !== "string" || name.trim() === "") return "empty";
  if (/[/\\]/.test(name)) return "path";
  if (name.includes("..")) return "dot-dot";
  if (CONTROL.test(name)) return "control";
  if (name.startsWith(".")) return "hidden";
  if (name.length > MAX_FILE_NAME) return "too-long";
  return undefined;
}

/**
 * A safe name for an upload whose name came from elsewhere (a browser, a local path): the last
 * path segment, control and bidi characters removed, `..` collapsed, leading dots dropped, cut to
 * `MAX_FILE_NAME` keeping the extension; "tep-dinh-kem" when nothing is left.
 */
export function sanitizeFileName(name: string): string {
  const last = String(name).split(/[/\\]/).pop() ?? "";
  let s = last
    .normalize("NFC")
    .replace(new RegExp(CONTROL.source, "gu"), "")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.\s]+/, "")
    .trim();
  if (s.length > MAX_FILE_NAME) {
    const dot = s.lastIndexOf(".");
    const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : "";
    s = s.slice(0, MAX_FILE_NAME - ext.length) + ext;
  }
  return s === "" ? "tep-dinh-kem" : s;
}

/** A file checked and ready to store. */
export interface CheckedEvidence {
  readonly name: string;
  readonly mediaType: EvidenceType;
  readonly bytes: Uint8Array;
}

/**
 * Checks one upload against the limits: a safe name, not empty, not over the size, a type read
 * from the bytes that the agency allows. `index` says which file in a form (for the error's path).
 */
export async function checkEvidence(
  file: { readonly name: string; readonly bytes: Uint8Array },
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
  index = 0,
): Promise<Result.Result<CheckedEvidence, AppraisalRefused>> {
  const path = ["evidence", index];
  const why = unsafeFileName(file.name);
  if (why !== undefined)
    return Result.fail(
      refuse(
        "evidence.name-unsafe",
        `Tên tệp "${sanitizeFileName(file.name)}" không an toàn (${why}): không được chứa đường dẫn, "..", ký tự điều khiển, hay dài quá ${MAX_FILE_NAME} ký tự.`,
        `The file name "${sanitizeFileName(file.name)}" is unsafe (${why}): no paths, "..", control characters, or more than ${MAX_FILE_NAME} characters.`,
        path,
      ),
    );
  const size = file.bytes.length;
  if (size === 0)
    return Result.fail(
      refuse("evidence.empty", `Tệp "${file.name}" rỗng.`, `The file "${file.name}" is empty.`, path),
    );
  if (size > limits.maxBytes)
    return Result.fail(
      refuse(
        "evidence.too-large",
        `Tệp "${file.name}" có ${megabytes(size)} MB, vượt giới hạn ${megabytes(limits.maxBytes)} MB mỗi tệp.`,
        `The file "${file.name}" is ${megabytes(size)} MB, over the limit of ${megabytes(limits.maxBytes)} MB per file.`,
        path,
      ),
    );
  const type = await sniffEvidenceTypeAsync(file.bytes);
  const allowed = limits.allowedTypes.map((t) => TYPE_LABEL[t]).join(", ");
  if (type === undefined || !limits.allowedTypes.includes(type))
    return Result.fail(
      refuse(
        "evidence.type-not-allowed",
        `Tệp "${file.name}" ${type === undefined ? "không thuộc loại nào được nhận" : `là ${TYPE_LABEL[type]}, loại không được phép`} (xét theo nội dung, không theo tên); chỉ nhận: ${allowed}.`,
        `The file "${file.name}" ${type === undefined ? "is of no accepted type" : `is ${TYPE_LABEL[type]}, which is not allowed`} (judged by its content, not its name); accepted: ${allowed}.`,
        path,
      ),
    );
  return Result.succeed({ name: file.name, mediaType: type, bytes: file.bytes });
}

const megabytes = (bytes: number) => String(Math.round((bytes / (1024 * 1024)) * 100) / 100);
