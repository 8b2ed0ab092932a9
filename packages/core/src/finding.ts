/**
 * What validation reports: structured enough for a program (code, path), readable by a person in
 * Vietnamese with English alongside.
 */
import type { LocalizedText } from "./text.js";

/** Errors make a plan unusable for tracking or issuing; warnings are worth fixing but do not block. */
export type Severity = "error" | "warning";

/** A location inside the input, as zod reports it: keys and array indices from the root. */
export type FindingPath = ReadonlyArray<string | number>;

/** One problem found in the input. */
export interface Finding {
  /** Stable, documented code (see the rules reference), e.g. "lead-unit-missing" or "shape.invalid_type". */
  readonly code: string;
  readonly severity: Severity;
  readonly path: FindingPath;
  readonly message: LocalizedText;
}

/** Renders a path the way people write it: `responsibilities[0].unitIds[1]`; the root is "(gốc)". */
export function formatPath(path: FindingPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === "" ? "$" : out;
}
