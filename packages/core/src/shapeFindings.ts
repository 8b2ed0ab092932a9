/**
 * Turns zod's issues into findings, so that a malformed plan gets the same structured, bilingual
 * report as a plan that breaks a domain rule.
 */
import type * as z from "zod";
import type { Finding } from "./finding.js";
import { formatPath } from "./finding.js";

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
