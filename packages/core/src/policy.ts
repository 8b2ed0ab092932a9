/**
 * Who may do what with tracking data. A unit's reporter records and reports only for its own
 * unit; the plan's lead (the appraiser) may do everything; a viewer only reads. Denials are typed
 * errors, so a portal can show the reason instead of failing.
 */
import * as Data from "effect/Data";
import * as Result from "effect/Result";
import type { LocalizedText } from "./text.js";

/** The person acting, by role. */
export type Actor =
  | { readonly role: "lead"; readonly userId?: string }
  /** A member of the appraisal council: appraises entries, changes nothing else. */
  | { readonly role: "council"; readonly userId?: string }
  | { readonly role: "reporter"; readonly unitId: string; readonly userId?: string }
  | { readonly role: "viewer"; readonly userId?: string };

/** What an actor may try to do. */
export type Action =
  | "view"
  | "edit-plan"
  | "plan-activity"
  | "record-activity"
  | "submit-report"
  | "self-assess"
  | "appraise"
  /** A unit's answer (giải trình) to an appraisal. */
  | "answer"
  /** Open, advance, close or reopen an appraisal round: the lead only. */
  | "manage-round";

/** The refusal of an action, with the reason in Vietnamese and English. */
export class PermissionDenied extends Data.TaggedError("PermissionDenied")<{
  readonly action: Action;
  readonly actor: Actor;
  readonly unitId: string | undefined;
  readonly reason: LocalizedText;
}> {
  /** Vietnamese then English in one line, so a log or a plain `catch` shows something a person can act on. */
  override get message(): string {
    return `${this.reason.vi} / ${this.reason.en}`;
  }
}

const UNIT_ACTIONS: ReadonlySet<Action> = new Set([
  "plan-activity",
  "record-activity",
  "submit-report",
  "self-assess",
  "answer",
]);

/** Decides whether `actor` may do `action` on behalf of `unitId` (when the action concerns a unit). */
export function authorize(
  actor: Actor,
  action: Action,
  unitId?: string,
): Result.Result<void, PermissionDenied> {
  const deny = (vi: string, en: string) =>
    Result.fail(new PermissionDenied({ action, actor, unitId, reason: { vi, en } }));
  if (action === "view") return Result.void;
  switch (actor.role) {
    case "lead":
      return Result.void;
    case "viewer":
      return deny("Người xem chỉ được xem, không được thay đổi dữ liệu.", "A viewer may only read.");
    case "council":
      if (action === "appraise") return Result.void;
      return deny(
        "Thành viên hội đồng thẩm định chỉ được thẩm định điểm.",
        "A member of the appraisal council may only appraise.",
      );
    case "reporter":
      if (!UNIT_ACTIONS.has(action))
        return deny(
          "Chỉ đơn vị chủ trì mới được sửa kế hoạch hoặc thẩm định điểm.",
          "Only the lead unit may edit the plan or appraise scores.",
        );
      if (unitId === undefined || unitId !== actor.unitId)
        return deny(
          `Người báo cáo của đơn vị "${actor.unitId}" chỉ được thao tác cho đơn vị mình${unitId === undefined ? "" : `, không phải "${unitId}"`}.`,
          `A reporter of "${actor.unitId}" acts only for that unit${unitId === undefined ? "" : `, not "${unitId}"`}.`,
        );
      return Result.void;
  }
}
