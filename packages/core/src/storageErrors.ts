/**
 * Typed failures of the storage port. Callers branch on `_tag`; every error carries a Vietnamese
 * and English message for people.
 */
import * as Data from "effect/Data";
import type { TrackingFinding } from "./trackingChecks.js";

/** The kinds of stored things, for error messages and conflicts. */
export type StoredEntity =
  | "plan"
  | "unit"
  | "activity"
  | "record"
  | "report"
  | "score-sheet"
  | "appraisal-round"
  | "appraisal-entry"
  | "evidence";

const ENTITY_VI: Record<StoredEntity, string> = {
  plan: "kế hoạch",
  unit: "đơn vị",
  activity: "hoạt động",
  record: "kết quả thực hiện",
  report: "báo cáo",
  "score-sheet": "bảng điểm",
  "appraisal-round": "đợt tự chấm",
  "appraisal-entry": "mục tự chấm",
  evidence: "tài liệu kiểm chứng",
};

/**
 * An update was based on a version that is no longer current (someone saved in between), or a
 * create found the id taken. Nothing was written: reload, reapply, save again.
 */
export class VersionConflict extends Data.TaggedError("VersionConflict")<{
  readonly entity: StoredEntity;
  readonly id: string;
  /** The version the caller based its change on; null for a create. */
  readonly expected: number | null;
  /** The version in the store; null when the thing does not exist. */
  readonly actual: number | null;
}> {
  /** Vietnamese then English in one line, so a log or a plain `catch` shows something a person can act on. */
  override get message(): string {
    return `${ENTITY_VI[this.entity]} "${this.id}": phiên bản ${this.expected ?? "mới"} đã cũ (hiện là ${this.actual ?? "không có"}) / ${this.entity} "${this.id}": version ${this.expected ?? "new"} is stale (current: ${this.actual ?? "none"})`;
  }
}

/** The thing asked for does not exist in this agency. */
export class NotFound extends Data.TaggedError("NotFound")<{
  readonly entity: StoredEntity;
  readonly id: string;
}> {
  /** Vietnamese then English in one line, so a log or a plain `catch` shows something a person can act on. */
  override get message(): string {
    return `không tìm thấy ${ENTITY_VI[this.entity]} "${this.id}" / ${this.entity} "${this.id}" not found`;
  }
}

/** An ingest stopped at a line that could not be stored; earlier batches are committed, this one is not. */
export class IngestFailed extends Data.TaggedError("IngestFailed")<{
  /** 1-based line number of the first line that failed. */
  readonly line: number;
  /** 1-based number of the batch that was rolled back. */
  readonly batch: number;
  /** Records committed by the batches before it. */
  readonly committed: number;
  /**
   * Why: "invalid" (the line does not parse or check), "repeated" (its id is repeated within the
   * batch), "stored" (its id is already stored: rerun with `existing: "skip"` to resume), "differs"
   * (with "skip": the stored record with its id is not the same record).
   */
  readonly reason: "invalid" | "repeated" | "stored" | "differs";
  readonly findings: readonly TrackingFinding[];
}> {
  /** Vietnamese then English in one line, so a log or a plain `catch` shows something a person can act on. */
  override get message(): string {
    const first = this.findings[0]?.message;
    return `nạp dữ liệu dừng ở dòng ${this.line} (lô ${this.batch} không được ghi, ${this.committed} bản ghi đã ghi trước đó)${first ? `: ${first.vi}` : ""} / ingest stopped at line ${this.line} (batch ${this.batch} rolled back, ${this.committed} records committed before it)${first ? `: ${first.en}` : ""}`;
  }
}

/** The store itself failed (connection lost, disk full, a bug in an adapter). */
export class StorageError extends Data.TaggedError("StorageError")<{
  readonly operation: string;
  readonly cause: unknown;
}> {
  /** Vietnamese then English in one line, so a log or a plain `catch` shows something a person can act on. */
  override get message(): string {
    const why = describeCause(this.cause);
    return `lỗi kho dữ liệu khi ${this.operation} / storage failed during ${this.operation}: ${why}`;
  }
}

/** The message of a cause, whatever it is (an Error, a copy of one made by a serialiser, anything). */
function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === "object" && cause !== null) {
    const message = (cause as { message?: unknown }).message;
    if (typeof message === "string") return message;
    try {
      return JSON.stringify(cause) ?? "?";
    } catch {
      return Object.prototype.toString.call(cause);
    }
  }
  return String(cause);
}
