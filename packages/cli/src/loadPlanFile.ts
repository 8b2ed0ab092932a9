/**
 * Reads a plan file given on the command line into plain data, or fails with one clear line
 * (exit 2): a missing file, a directory, binary bytes, an empty file, a syntax error, or a top level
 * that is not an object. Whether the data is a valid plan is `validatePlan`'s job, not this one's.
 */
import { extname, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { type Bilingual, CliError, oneLine } from "./errors.js";
import type { CliIo } from "./io.js";

/** The syntaxes a plan file may be written in. */
export type PlanFileFormat = "json" | "yaml";

/** A plan file read and parsed: the data is an object, not yet validated. */
export interface LoadedPlanFile {
  /** Absolute path the file was read from (used e.g. to refuse `render --out` over the input). */
  readonly absolutePath: string;
  /** The syntax the file was parsed as. */
  readonly format: PlanFileFormat;
  /** The parsed top-level object. */
  readonly data: Record<string, unknown>;
}

const READ_ERRORS: Record<string, Bilingual> = {
  ENOENT: { vi: "không tìm thấy tệp", en: "file not found" },
  ENOTDIR: { vi: "không tìm thấy tệp", en: "file not found" },
  EISDIR: { vi: "đây là thư mục, không phải tệp", en: "it is a directory, not a file" },
  EACCES: { vi: "không có quyền đọc", en: "permission denied" },
  EPERM: { vi: "không có quyền đọc", en: "permission denied" },
  ELOOP: { vi: "liên kết tượng trưng lặp vòng", en: "symbolic link loop" },
  ENAMETOOLONG: { vi: "tên tệp quá dài", en: "file name too long" },
  ERR_FS_FILE_TOO_LARGE: { vi: "tệp quá lớn", en: "file too large" },
};

function cannotRead(shown: string, why: Bilingual): CliError {
  const name = oneLine(shown);
  return new CliError({
    vi: `không đọc được tệp ${name}: ${why.vi}`,
    en: `cannot read ${name}: ${why.en}`,
  });
}

function errorCode(err: unknown): string | undefined {
  if (typeof err === "object" && err !== null && "code" in err && typeof err.code === "string") {
    return err.code;
  }
  return undefined;
}

function errorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Parsers explain on several lines (a code frame follows); the first line says what is wrong.
  // The yaml package ends that line with ":" before its code frame.
  return oneLine(message.split(/\r?\n/, 1)[0] ?? message).replace(/:$/, "");
}

/** Decodes bytes as UTF-8 text; `undefined` when they are not text (invalid UTF-8 or NUL bytes). */
function decodeText(content: string | Buffer): string | undefined {
  let text: string;
  if (typeof content === "string") {
    text = content;
  } else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(content);
    } catch {
      return undefined;
    }
  }
  if (text.includes("\u0000")) return undefined;
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

function describeTopLevel(value: unknown): Bilingual {
  if (value === null) return { vi: "null", en: "null" };
  if (Array.isArray(value)) return { vi: "một danh sách", en: "an array" };
  switch (typeof value) {
    case "string":
      return { vi: "một chuỗi ký tự", en: "a string" };
    case "number":
    case "bigint":
      return { vi: "một số", en: "a number" };
    case "boolean":
      return { vi: "giá trị đúng/sai", en: "a boolean" };
    default:
      return { vi: typeof value, en: typeof value };
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; why: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, why: errorMessage(err) };
  }
}

function parseYamlText(text: string): { ok: true; value: unknown } | { ok: false; why: string } {
  try {
    // logLevel "error": the yaml package would otherwise print warnings to the console itself.
    return { ok: true, value: parseYaml(text, { logLevel: "error", prettyErrors: true }) };
  } catch (err) {
    return { ok: false, why: errorMessage(err) };
  }
}

/**
 * The largest plan or data file (JSON, YAML) the commands read: 32 MB. The national dataset's plan
 * of 3,400 units is about 3 MB; a file over the limit is refused before it is parsed.
 */
export const MAX_PLAN_FILE_BYTES = 32 * 1024 * 1024;

/** "10 MB" for 10 × 1024 × 1024 bytes. */
export function formatLimit(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  if (mb >= 1) return `${mb.toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
  return `${bytes.toLocaleString("en")} byte${bytes === 1 ? "" : "s"}`;
}

/** The one-line reason of a file over its limit: "tệp vượt giới hạn 10 MB / file exceeds the 10 MB limit". */
export function overLimit(maxBytes: number): Bilingual {
  const limit = formatLimit(maxBytes);
  return { vi: `tệp vượt giới hạn ${limit}`, en: `file exceeds the ${limit} limit` };
}

const byteLength = (content: string | Buffer) =>
  typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.length;

/**
 * Reads a file named on the command line (`shown` as typed, at `absolutePath`), at most `maxBytes`
 * of it, or fails with one bilingual "cannot read" line naming why (not found, a directory, no
 * permission, over the limit). The limit is enforced while reading: an endless input (`/dev/zero`,
 * a FIFO) is refused after `maxBytes + 1` bytes.
 */
export async function readInputFile(
  io: CliIo,
  shown: string,
  absolutePath: string,
  maxBytes: number = MAX_PLAN_FILE_BYTES,
): Promise<string | Buffer> {
  let content: string | Buffer;
  try {
    content = await io.readFile(absolutePath, { maxBytes });
  } catch (err) {
    const code = errorCode(err);
    throw cannotRead(shown, (code && READ_ERRORS[code]) || { vi: errorMessage(err), en: errorMessage(err) });
  }
  if (byteLength(content) > maxBytes) throw cannotRead(shown, overLimit(maxBytes));
  return content;
}

/** The syntax a file name announces: `.json` or `.yaml`/`.yml`; `undefined` for anything else. */
export function formatFromExtension(path: string): PlanFileFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === ".json") return "json";
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  return undefined;
}

/**
 * Reads and parses the plan file `path` (relative to `io.cwd`). The extension decides the syntax;
 * any other name is tried as JSON, then as YAML.
 *
 * @throws CliError (exit 2) with one bilingual line when the file cannot be used as a plan file.
 */
export async function loadPlanFile(io: CliIo, path: string): Promise<LoadedPlanFile> {
  const { absolutePath, format, value } = await loadDataFile(io, path);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const got = describeTopLevel(value);
    throw cannotRead(path, {
      vi: `nội dung phải là một đối tượng (kế hoạch), nhận được ${got.vi}`,
      en: `the top level must be an object (a plan), got ${got.en}`,
    });
  }
  return { absolutePath, format, data: value as Record<string, unknown> };
}

/**
 * Reads any JSON or YAML data file (a scoring scheme, a list of manual scores) with the same
 * one-line errors as a plan file; the caller checks the shape of the value.
 */
export async function loadDataFile(
  io: CliIo,
  path: string,
): Promise<{ absolutePath: string; format: PlanFileFormat; value: unknown }> {
  const absolutePath = resolve(io.cwd, path);
  const content = await readInputFile(io, path, absolutePath);
  const text = decodeText(content);
  if (text === undefined) {
    throw cannotRead(path, { vi: "không phải tệp văn bản UTF-8", en: "not a UTF-8 text file" });
  }
  if (text.trim() === "") {
    throw cannotRead(path, { vi: "tệp rỗng", en: "the file is empty" });
  }

  const announced = formatFromExtension(path);
  let format: PlanFileFormat;
  let value: unknown;
  if (announced === "json") {
    const r = parseJson(text);
    if (!r.ok) throw cannotRead(path, { vi: `JSON không hợp lệ: ${r.why}`, en: `invalid JSON: ${r.why}` });
    [format, value] = ["json", r.value];
  } else if (announced === "yaml") {
    const r = parseYamlText(text);
    if (!r.ok) throw cannotRead(path, { vi: `YAML không hợp lệ: ${r.why}`, en: `invalid YAML: ${r.why}` });
    [format, value] = ["yaml", r.value];
  } else {
    const json = parseJson(text);
    if (json.ok) {
      [format, value] = ["json", json.value];
    } else {
      const yaml = parseYamlText(text);
      if (!yaml.ok) {
        // Report the error of the syntax the text looks like.
        const looksJson = /^\s*[{[]/.test(text);
        const why = looksJson ? json.why : yaml.why;
        throw cannotRead(path, {
          vi: `không phải JSON hay YAML hợp lệ (${looksJson ? "JSON" : "YAML"}: ${why})`,
          en: `neither valid JSON nor YAML (${looksJson ? "JSON" : "YAML"}: ${why})`,
        });
      }
      [format, value] = ["yaml", yaml.value];
    }
  }

  return { absolutePath, format, value };
}
