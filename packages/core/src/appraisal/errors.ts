/**
 * The refusals of the appraisal cycle: a rule said no (round closed, points over the maximum,
 * evidence missing, a file of a type the agency does not allow…). Nothing was written. Each carries
 * a stable code and a Vietnamese and English message, so a portal shows the reason and a CLI maps
 * it to an exit code.
 */
import * as Data from "effect/Data";
import type { LocalizedText } from "../text.js";

/** The codes of `AppraisalRefused`. */
export type AppraisalRefusalCode =
  | "appraisal.round-exists"
  | "appraisal.round-not-found"
  | "appraisal.round-closed"
  | "appraisal.round-not-closed"
  | "appraisal.wrong-state"
  | "appraisal.deadline-passed"
  | "appraisal.deadline-invalid"
  | "appraisal.period-invalid"
  | "appraisal.reason-required"
  | "appraisal.criterion-unknown"
  | "appraisal.criterion-not-manual"
  | "appraisal.unit-unknown"
  | "appraisal.points-invalid"
  | "appraisal.points-over-max"
  | "appraisal.evidence-required"
  | "appraisal.not-self-assessed"
  | "appraisal.not-appraised"
  | "appraisal.answer-empty"
  | "appraisal.text-too-long"
  | "appraisal.link-invalid"
  | "evidence.too-large"
  | "evidence.type-not-allowed"
  | "evidence.empty"
  | "evidence.name-unsafe"
  | "evidence.too-many";

/**
 * Codes that mean the input itself is unusable (an unknown unit or criterion, a malformed date or
 * number) rather than refused by a rule; a CLI exits 2 on these and 1 on the others.
 */
export const INPUT_REFUSALS: ReadonlySet<AppraisalRefusalCode> = new Set<AppraisalRefusalCode>([
  "appraisal.deadline-invalid",
  "appraisal.period-invalid",
  "appraisal.criterion-unknown",
  "appraisal.unit-unknown",
  "appraisal.points-invalid",
  "appraisal.link-invalid",
]);

/** A step of the appraisal cycle was refused by a rule; nothing was written. */
export class AppraisalRefused extends Data.TaggedError("AppraisalRefused")<{
  readonly code: AppraisalRefusalCode;
  /** Where in the input (field names), for forms. */
  readonly path: readonly (string | number)[];
  readonly reason: LocalizedText;
}> {
  /** Vietnamese then English in one line, so a log or a plain `catch` shows something a person can act on. */
  override get message(): string {
    return `${this.reason.vi} / ${this.reason.en}`;
  }
}

/** Shorthand for a refusal. */
export const refuse = (
  code: AppraisalRefusalCode,
  vi: string,
  en: string,
  path: readonly (string | number)[] = [],
): AppraisalRefused => new AppraisalRefused({ code, path, reason: { vi, en } });
