/**
 * How findings are printed: one line each for people, and the `{ errors, warnings }` object of the
 * `validate --json` contract for programs.
 */
import { type Finding, formatPath } from "@cchc/core";

/** A finding in the JSON contract: exactly these keys, path as an array. */
export interface FindingJson {
  code: string;
  severity: "error" | "warning";
  path: Array<string | number>;
  message: { vi: string; en: string };
}

/** Copies a finding into the JSON contract's shape (and key order), dropping anything else. */
export function findingToJson(f: Finding): FindingJson {
  return {
    code: f.code,
    severity: f.severity,
    path: [...f.path],
    message: { vi: f.message.vi, en: f.message.en },
  };
}

/** The `validate --json` document, newline at the end. */
export function findingsJson(errors: readonly Finding[], warnings: readonly Finding[]): string {
  return `${JSON.stringify({ errors: errors.map(findingToJson), warnings: warnings.map(findingToJson) }, null, 2)}\n`;
}

const SEVERITY_LABEL = { error: "Lỗi / Error", warning: "Cảnh báo / Warning" } as const;

/** One finding on one line: severity, code, path, Vietnamese message, then English. */
export function findingLine(f: Finding): string {
  return `${SEVERITY_LABEL[f.severity]}  ${f.code}  ${formatPath(f.path)}  ${f.message.vi} — ${f.message.en}`;
}

/** "2 lỗi, 4 cảnh báo / 2 errors, 4 warnings". */
export function summaryLine(errors: number, warnings: number): string {
  const en = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${errors} lỗi, ${warnings} cảnh báo / ${en(errors, "error")}, ${en(warnings, "warning")}`;
}

/** Every finding, errors first, then the summary line; newline at the end. */
export function findingsText(errors: readonly Finding[], warnings: readonly Finding[]): string {
  const lines = [...errors, ...warnings].map(findingLine);
  lines.push(summaryLine(errors.length, warnings.length));
  return `${lines.join("\n")}\n`;
}
