/**
 * Turns zod's issues into findings, so that a malformed plan gets the same structured, bilingual
 * report as a plan that breaks a domain rule.
 */
import type * as z from "zod";
import type { Finding } from "./finding.js";
import { formatPath } from "./finding.js";
import { toPlainData } from "./plainData.js";

const TYPE_VI: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  int: "số nguyên",
  boolean: "giá trị đúng/sai",
  object: "đối tượng",
  array: "danh sách",
  null: "null",
  undefined: "không có giá trị",
};

const typeVi = (t: unknown) => TYPE_VI[String(t)] ?? String(t);

function received(input: unknown): string {
  if (input === undefined) return "undefined";
  if (input === null) return "null";
  if (Array.isArray(input)) return "array";
  return typeof input;
}

/**
 * Parse options that make zod keep the offending input on each issue, so a finding can say what
 * was received ("expected number, received string") instead of calling a wrong type "missing".
 */
export const REPORT_INPUT = { reportInput: true } as const;

/** The outcome of `parseUntrusted`: the schema's output, or findings (never an exception). */
export type UntrustedParse<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly findings: Finding[] };

/**
 * A length check (`.min`, `.max`) also runs on a wrong-typed value that has a `length` property,
 * and then says "too big"/"too small" of something that is not a string or an array; the
 * invalid_type issue at the same path already says what is wrong.
 */
const isLengthOfWrongType = (issue: z.core.$ZodIssue) =>
  (issue.code === "too_big" || issue.code === "too_small") && issue.origin === "unknown";

/**
 * Where untrusted input meets a schema: the input is first copied to plain data by `toPlainData`
 * (which answers Proxies, getters, cycles, non-data values and deep nesting with findings), then
 * parsed; zod's issues become findings through `toFinding`. Total: no input makes it throw.
 */
export function parseUntrusted<T>(
  schema: z.ZodType<T>,
  input: unknown,
  toFinding: (issue: z.core.$ZodIssue) => Finding = findingFromZodIssue,
): UntrustedParse<T> {
  const plain = toPlainData(input);
  if (plain.findings.length > 0) return { success: false, findings: [...plain.findings] };
  let parsed: z.ZodSafeParseResult<T>;
  try {
    parsed = schema.safeParse(plain.value, REPORT_INPUT);
  } catch {
    // plain data should never make a schema throw; if it does, it is still a finding
    return { success: false, findings: [UNCHECKABLE] };
  }
  if (parsed.success) return { success: true, data: parsed.data };
  const issues = parsed.error.issues.filter((i) => !isLengthOfWrongType(i));
  return { success: false, findings: (issues.length > 0 ? issues : parsed.error.issues).map(toFinding) };
}

const UNCHECKABLE: Finding = {
  code: "shape.unreadable",
  severity: "error",
  path: [],
  message: {
    vi: "$: không kiểm tra được dữ liệu này (lỗi khi kiểm tra).",
    en: "$: this data could not be checked (the check raised an error).",
  },
};

/** Converts one zod issue into a finding with a Vietnamese and English message. */
export function findingFromZodIssue(issue: z.core.$ZodIssue): Finding {
  const path = issue.path.map((k) => (typeof k === "symbol" ? String(k) : k));
  const where = formatPath(path);
  const base = { code: `shape.${issue.code}`, severity: "error" as const, path };
  switch (issue.code) {
    case "invalid_type": {
      const got = received(issue.input);
      if (got === "undefined") {
        return {
          ...base,
          code: "shape.required",
          message: {
            vi: `Thiếu trường bắt buộc ${where} (cần ${typeVi(issue.expected)}).`,
            en: `Missing required field ${where} (expected ${issue.expected}).`,
          },
        };
      }
      return {
        ...base,
        message: {
          vi: `${where}: cần ${typeVi(issue.expected)}, nhận được ${typeVi(got)}.`,
          en: `${where}: expected ${issue.expected}, received ${got}.`,
        },
      };
    }
    case "unrecognized_keys":
      return {
        ...base,
        message: {
          vi: `${where}: trường không được hỗ trợ: ${issue.keys.join(", ")} (kiểm tra chính tả; dữ liệu riêng đặt trong "extensions").`,
          en: `${where}: unsupported field(s): ${issue.keys.join(", ")} (check the spelling; put your own data under "extensions").`,
        },
      };
    case "too_small":
      return {
        ...base,
        message:
          issue.origin === "array"
            ? {
                vi: `${where}: cần ít nhất ${issue.minimum} phần tử.`,
                en: `${where}: needs at least ${issue.minimum} item(s).`,
              }
            : issue.origin === "string"
              ? { vi: `${where}: không được để trống.`, en: `${where}: must not be empty.` }
              : {
                  vi: `${where}: phải ${issue.inclusive ? "≥" : ">"} ${issue.minimum}.`,
                  en: `${where}: must be ${issue.inclusive ? "≥" : ">"} ${issue.minimum}.`,
                },
      };
    case "too_big":
      return {
        ...base,
        message: {
          vi: `${where}: vượt quá giới hạn ${issue.maximum}.`,
          en: `${where}: exceeds the maximum of ${issue.maximum}.`,
        },
      };
    case "invalid_format":
      return {
        ...base,
        message:
          issue.format === "date"
            ? {
                vi: `${where}: ngày không hợp lệ, cần dạng YYYY-MM-DD và là ngày có thật.`,
                en: `${where}: invalid date; expected a real date as YYYY-MM-DD.`,
              }
            : {
                vi: `${where}: sai định dạng (${issue.message}).`,
                en: `${where}: invalid format (${issue.message}).`,
              },
      };
    case "invalid_value":
      return {
        ...base,
        message: {
          vi: `${where}: giá trị không hợp lệ; chỉ nhận: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`,
          en: `${where}: invalid value; expected one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`,
        },
      };
    case "invalid_union":
      return {
        ...base,
        message: {
          vi: `${where}: giá trị không khớp với dạng nào được chấp nhận.`,
          en: `${where}: value matches none of the accepted forms.`,
        },
      };
    default:
      return {
        ...base,
        message: {
          vi: `${where}: giá trị không hợp lệ (${issue.message}).`,
          en: `${where}: ${issue.message}.`,
        },
      };
  }
}
