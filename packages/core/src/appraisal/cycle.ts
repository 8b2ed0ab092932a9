/**
 * The rules of the appraisal cycle as pure functions: each step takes the round, the entry as
 * stored (or nothing), who acts and when, and gives the new round or entry, or the reason it is
 * refused. Stores and services only persist what these decide, so a portal, the CLI and a test
 * apply exactly the same rules.
 */
import * as Result from "effect/Result";
import { parsePeriodId } from "../calendar.js";
import type { Plan } from "../plan.js";
import { type Actor, authorize, type PermissionDenied } from "../policy.js";
import type { SchemeNode, ScoringScheme } from "../scoringScheme.js";
import { vietnamDateOf } from "../vietnamTime.js";
import { type AppraisalRefused, refuse } from "./errors.js";
import {
  type ActorRef,
  type AppraisalAction,
  type AppraisalEntry,
  type AppraisalRound,
  type EvidenceRef,
  ROUND_STATES,
  type RoundState,
} from "./model.js";

/** Who acts, and the instant (ISO) they act at. */
export interface StepContext {
  readonly actor: Actor;
  readonly now: string;
}

/** A refusal of a step: a rule, or the policy. */
export type StepRefusal = AppraisalRefused | PermissionDenied;

/** A step's outcome: the new value and what the history calls the step. */
export interface Stepped<T> {
  readonly value: T;
  readonly action: AppraisalAction;
  readonly reason?: string;
}

/** Longest note, comment, answer or reason kept. */
export const MAX_TEXT = 10_000;

/** The actor as history records it (a missing user id is recorded as the role). */
export function actorRef(actor: Actor): ActorRef {
  const userId = actor.userId ?? actor.role;
  return actor.role === "reporter"
    ? { role: actor.role, userId, unitId: actor.unitId }
    : { role: actor.role, userId };
}

const allowed = (actor: Actor, action: Parameters<typeof authorize>[1], unitId?: string) =>
  authorize(actor, action, unitId);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: unknown): s is string =>
  typeof s === "string" &&
  ISO_DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const STATE_VI: Record<RoundState, string> = {
  open: "đang tự chấm",
  appraisal: "đang thẩm định",
  answering: "đang giải trình",
  "round-2": "thẩm định vòng 2",
  closed: "đã chốt",
};

/** A round state in Vietnamese and English, for messages and lists. */
export const roundStateText = (s: RoundState) => ({ vi: STATE_VI[s], en: s });

const closedRefusal = (round: AppraisalRound) =>
  refuse(
    "appraisal.round-closed",
    `Đợt tự chấm ${round.periodId} đã chốt; không ghi được gì. Chỉ đơn vị chủ trì mở lại được, kèm lý do.`,
    `The round ${round.periodId} is closed; nothing can be written. Only the lead can reopen it, with a reason.`,
  );

const wrongState = (round: AppraisalRound, vi: string, en: string) =>
  refuse(
    "appraisal.wrong-state",
    `${vi} (đợt ${round.periodId} ${STATE_VI[round.state]}).`,
    `${en} (round ${round.periodId} is ${round.state}).`,
  );

/** Opens a self-assessment round for a period of the plan, with its deadline: the lead only. */
export function openRound(
  plan: Plan,
  existing: AppraisalRound | undefined,
  input: { readonly periodId: string; readonly deadline: string },
  ctx: StepContext,
): Result.Result<Stepped<AppraisalRound>, StepRefusal> {
  const ok = allowed(ctx.actor, "manage-round");
  if (Result.isFailure(ok)) return Result.fail(ok.failure);
  const period = parsePeriodId(input.periodId);
  if (period === undefined || period.year !== plan.year)
    return Result.fail(
      refuse(
        "appraisal.period-invalid",
        `Kỳ "${input.periodId}" không phải một kỳ của năm ${plan.year} (ví dụ "${plan.year}", "${plan.year}Q4").`,
        `"${input.periodId}" is not a period of ${plan.year} (e.g. "${plan.year}", "${plan.year}Q4").`,
        ["periodId"],
      ),
    );
  if (!isDate(input.deadline))
    return Result.fail(
      refuse(
        "appraisal.deadline-invalid",
        `Hạn tự chấm "${input.deadline}" không phải ngày dạng YYYY-MM-DD.`,
        `The deadline "${input.deadline}" is not a YYYY-MM-DD date.`,
        ["deadline"],
      ),
    );
  if (existing !== undefined)
    return Result.fail(
      refuse(
        "appraisal.round-exists",
        `Đợt tự chấm ${input.periodId} của kế hoạch ${plan.id} đã có (${STATE_VI[existing.state]})${existing.state === "closed" ? "; để sửa, mở lại đợt kèm lý do" : ""}.`,
        `The round ${input.periodId} of plan ${plan.id} exists already (${existing.state})${existing.state === "closed" ? "; reopen it with a reason to change it" : ""}.`,
        ["periodId"],
      ),
    );
  return Result.succeed({
    action: "open",
    value: {
      planId: plan.id,
      periodId: input.periodId,
      state: "open",
      deadline: input.deadline,
      openedAt: ctx.now,
      openedBy: actorRef(ctx.actor),
    },
  });
}

/**
 * Moves a round to its next state (open → appraisal → answering → round-2 → closed). Answers
 * need their deadline when they open.
 */
export function advanceRound(
  round: AppraisalRound,
  input: { readonly answerDeadline?: string | undefined },
  ctx: StepContext,
): Result.Result<Stepped<AppraisalRound>, StepRefusal> {
  const ok = allowed(ctx.actor, "manage-round");
  if (Result.isFailure(ok)) return Result.fail(ok.failure);
  if (round.state === "closed") return Result.fail(closedRefusal(round));
  const next = ROUND_STATES[ROUND_STATES.indexOf(round.state) + 1] as RoundState;
  if (next === "closed") return closeRound(round, ctx);
  if (next === "answering") {
    if (!isDate(input.answerDeadline))
      return Result.fail(
        refuse(
          "appraisal.deadline-invalid",
          `Mở giải trình cần hạn giải trình dạng YYYY-MM-DD${input.answerDeadline === undefined ? "" : ` (nhận được "${input.answerDeadline}")`}.`,
          `Opening answers needs an answer deadline, YYYY-MM-DD${input.answerDeadline === undefined ? "" : ` (got "${input.answerDeadline}")`}.`,
          ["answerDeadline"],
        ),
      );
    return Result.succeed({
      action: "advance",
      value: { ...round, state: next, answerDeadline: input.answerDeadline },
    });
  }
  return Result.succeed({ action: "advance", value: { ...round, state: next } });
}

/** Closes a round: the scores are final. The lead only; a closed round refuses every write. */
export function closeRound(
  round: AppraisalRound,
  ctx: StepContext,
): Result.Result<Stepped<AppraisalRound>, StepRefusal> {
  const ok = allowed(ctx.actor, "manage-round");
  if (Result.isFailure(ok)) return Result.fail(ok.failure);
  if (round.state === "closed") return Result.fail(closedRefusal(round));
  return Result.succeed({
    action: "close",
    value: { ...round, state: "closed", closedFrom: round.state, closedAt: ctx.now },
  });
}

/** Reopens a closed round to the state it was closed from: the lead only, with a reason (kept in history). */
export function reopenRound(
  round: AppraisalRound,
  reason: string,
  ctx: StepContext,
): Result.Result<Stepped<AppraisalRound>, StepRefusal> {
  const ok = allowed(ctx.actor, "manage-round");
  if (Result.isFailure(ok)) return Result.fail(ok.failure);
  if (round.state !== "closed")
    return Result.fail(
      refuse(
        "appraisal.round-not-closed",
        `Đợt ${round.periodId} chưa chốt (${STATE_VI[round.state]}), không cần mở lại.`,
        `The round ${round.periodId} is not closed (${round.state}); there is nothing to reopen.`,
      ),
    );
  const why = typeof reason === "string" ? reason.trim() : "";
  if (why === "" || why.length > MAX_TEXT)
    return Result.fail(
      refuse(
        "appraisal.reason-required",
        `Mở lại đợt đã chốt cần lý do (1–${MAX_TEXT} ký tự).`,
        `Reopening a closed round needs a reason (1–${MAX_TEXT} characters).`,
        ["reason"],
      ),
    );
  const { closedAt: _at, closedFrom, ...rest } = round;
  return Result.succeed({
    action: "reopen",
    reason: why,
    value: { ...rest, state: closedFrom ?? "round-2" },
  });
}

/** The manual leaf `nodeId` of the scheme, or why it cannot be scored by hand at that level. */
export function manualLeaf(
  scheme: ScoringScheme,
  nodeId: string,
  unitId: string | null,
): Result.Result<SchemeNode, AppraisalRefused> {
  const find = (nodes: readonly SchemeNode[]): SchemeNode | undefined => {
    for (const n of nodes) {
      if (n.id === nodeId) return n;
      const c = n.children ? find(n.children) : undefined;
      if (c) return c;
    }
    return undefined;
  };
  const node = find(scheme.nodes);
  if (node === undefined)
    return Result.fail(
      refuse(
        "appraisal.criterion-unknown",
        `Bộ tiêu chí "${scheme.id}" không có tiêu chí "${nodeId}".`,
        `The scheme "${scheme.id}" has no criterion "${nodeId}".`,
        ["nodeId"],
      ),
    );
  if (node.rule?.type !== "manual" || (node.children?.length ?? 0) > 0)
    return Result.fail(
      refuse(
        "appraisal.criterion-not-manual",
        `Tiêu chí "${nodeId}" được tính từ dữ liệu, không tự chấm được.`,
        `The criterion "${nodeId}" is computed from data; it cannot be scored by hand.`,
        ["nodeId"],
      ),
    );
  const scope = node.scope ?? "both";
  if ((unitId === null && scope === "unit") || (unitId !== null && scope === "agency"))
    return Result.fail(
      refuse(
        "appraisal.criterion-unknown",
        `Tiêu chí "${nodeId}" không chấm ở cấp ${unitId === null ? "cơ quan" : "đơn vị"}.`,
        `The criterion "${nodeId}" is not scored at ${unitId === null ? "agency" : "unit"} level.`,
        ["nodeId"],
      ),
    );
  return Result.succeed(node);
}

/** Checks the unit is one of the plan's (null: the agency as a whole). */
export function checkUnit(plan: Plan, unitId: string | null): Result.Result<void, AppraisalRefused> {
  if (unitId === null || plan.units.some((u) => u.id === unitId)) return Result.void;
  return Result.fail(
    refuse(
      "appraisal.unit-unknown",
      `Kế hoạch ${plan.id} không có đơn vị "${unitId}".`,
      `The plan ${plan.id} has no unit "${unitId}".`,
      ["unitId"],
    ),
  );
}

/** Points within 0..maximum, at most 2 decimals; else why not. */
export function checkPoints(points: number, leaf: SchemeNode): Result.Result<number, AppraisalRefused> {
  if (
    typeof points !== "number" ||
    !Number.isFinite(points) ||
    points < 0 ||
    Math.round(points * 100) !== points * 100
  )
    return Result.fail(
      refuse(
        "appraisal.points-invalid",
        `Điểm "${String(points)}" không hợp lệ: cần số không âm, tối đa 2 chữ số thập phân.`,
        `Points "${String(points)}" are invalid: a non-negative number with at most 2 decimals.`,
        ["points"],
      ),
    );
  if (points > leaf.maxPoints)
    return Result.fail(
      refuse(
        "appraisal.points-over-max",
        `Điểm ${vn(points)} vượt điểm tối đa ${vn(leaf.maxPoints)} của tiêu chí "${leaf.id}".`,
        `Points ${points} exceed the maximum ${leaf.maxPoints} of criterion "${leaf.id}".`,
        ["points"],
      ),
    );
  return Result.succeed(points);
}

const vn = (n: number) => String(n).replace(".", ",");

const checkText = (
  text: string | undefined,
  field: string,
): Result.Result<string | undefined, AppraisalRefused> => {
  if (text === undefined) return Result.succeed(undefined);
  const t = String(text).trim();
  if (t.length > MAX_TEXT)
    return Result.fail(
      refuse(
        "appraisal.text-too-long",
        `Nội dung "${field}" dài ${t.length} ký tự, quá ${MAX_TEXT}.`,
        `The ${field} is ${t.length} characters, over ${MAX_TEXT}.`,
        [field],
      ),
    );
  return Result.succeed(t === "" ? undefined : t);
};

// The WHATWG URL parser (Node and every browser have it); core compiles against ES2022 alone.
declare const URL: { new (input: string): { readonly protocol: string } };

const checkLinks = (links: readonly string[]): Result.Result<string[], AppraisalRefused> => {
  for (const [i, l] of links.entries()) {
    let ok = false;
    try {
      const u = new URL(l);
      ok = (u.protocol === "http:" || u.protocol === "https:") && l.length <= 2000;
    } catch {
      ok = false;
    }
    if (!ok)
      return Result.fail(
        refuse(
          "appraisal.link-invalid",
          `Đường dẫn "${String(l).slice(0, 200)}" không phải địa chỉ http(s) hợp lệ.`,
          `The link "${String(l).slice(0, 200)}" is not a valid http(s) address.`,
          ["links", i],
        ),
      );
  }
  return Result.succeed([...links]);
};

const lateFor = (ctx: StepContext, deadline: string | undefined) =>
  ctx.actor.role === "reporter" && deadline !== undefined && vietnamDateOf(ctx.now) > deadline;

/** What a unit claims for a manual leaf. */
export interface SelfAssessment {
  readonly unitId: string | null;
  readonly nodeId: string;
  readonly points: number;
  readonly note?: string | undefined;
  readonly evidence?: readonly EvidenceRef[];
  readonly links?: readonly string[];
}

/**
 * A unit's self-assessment of a manual leaf (again while the round is open: the last counts).
 * A reporter scores only its own unit and only until the deadline (the lead may enter one late on
 * a unit's behalf; history says who). Refused over the maximum, and without evidence or a written
 * note when the leaf requires evidence.
 */
export function selfAssess(
  plan: Plan,
  scheme: ScoringScheme,
  round: AppraisalRound,
  _entry: AppraisalEntry | undefined,
  input: SelfAssessment,
  ctx: StepContext,
): Result.Result<Stepped<AppraisalEntry>, StepRefusal> {
  const ok = allowed(ctx.actor, "self-assess", input.unitId ?? undefined);
  if (Result.isFailure(ok)) return Result.fail(ok.failure);
  const checked = checkEntryInput(plan, scheme, input.unitId, input.nodeId);
  if (Result.isFailure(checked)) return Result.fail(checked.failure);
  const leaf = checked.success;
  if (round.state === "closed") return Result.fail(closedRefusal(round));
  if (round.state !== "open")
    return Result.fail(
      wrongState(round, "Chỉ tự chấm được khi đợt đang mở", "Self-assessment only while the round is open"),
    );
  if (lateFor(ctx, round.deadline))
    return Result.fail(
      refuse(
        "appraisal.deadline-passed",
        `Đã quá hạn tự chấm ${round.deadline}.`,
        `The self-assessment deadline ${round.deadline} has passed.`,
      ),
    );
  const points = checkPoints(input.points, leaf);
  if (Result.isFailure(points)) return Result.fail(points.failure);
  const note = checkText(input.note, "note");
  if (Result.isFailure(note)) return Result.fail(note.failure);
  const links = checkLinks(input.links ?? []);
  if (Result.isFailure(links)) return Result.fail(links.failure);
  const evidence = [...(input.evidence ?? [])];
  if (
    leaf.evidenceRequired === true &&
    evidence.length === 0 &&
    links.success.length === 0 &&
    note.success === undefined
  )
    return Result.fail(
      refuse(
        "appraisal.evidence-required",
        `Tiêu chí "${leaf.id}" cần tài liệu kiểm chứng (tệp hoặc đường dẫn) hoặc giải thích bằng văn bản (ghi chú).`,
        `The criterion "${leaf.id}" needs evidence (a file or a link) or a written explanation (a note).`,
        ["evidence"],
      ),
    );
  return Result.succeed({
    action: "self-assess",
    value: {
      planId: plan.id,
      periodId: round.periodId,
      unitId: input.unitId,
      nodeId: input.nodeId,
      stage: "self-assessed",
      self: {
        points: points.success,
        ...(note.success === undefined ? {} : { note: note.success }),
        evidence,
        links: links.success,
        by: actorRef(ctx.actor),
        at: ctx.now,
      },
    },
  });
}

function checkEntryInput(
  plan: Plan,
  scheme: ScoringScheme,
  unitId: string | null,
  nodeId: string,
): Result.Result<SchemeNode, AppraisalRefused> {
  const unit = checkUnit(plan, unitId);
  if (Result.isFailure(unit)) return Result.fail(unit.failure);
  return manualLeaf(scheme, nodeId, unitId);
}

/** An appraiser's points for an entry. */
export interface Appraisal {
  readonly unitId: string | null;
  readonly nodeId: string;
  readonly points: number;
  readonly comment?: string | undefined;
}

/**
 * An appraisal by the lead or a council member: in the `appraisal` state it is round 1 (an entry
 * nobody self-scored may be appraised too); in `round-2` it is the decision after the answers, on
 * an entry appraised in round 1.
 */
export function appraise(
  plan: Plan,
  scheme: ScoringScheme,
  round: AppraisalRound,
  entry: AppraisalEntry | undefined,
  input: Appraisal,
  ctx: StepContext,
): Result.Result<Stepped<AppraisalEntry>, StepRefusal> {
  const ok = allowed(ctx.actor, "appraise", input.unitId ?? undefined);
  if (Result.isFailure(ok)) return Result.fail(ok.failure);
  const checked = checkEntryInput(plan, scheme, input.unitId, input.nodeId);
  if (Result.isFailure(checked)) return Result.fail(checked.failure);
  if (round.state === "closed") return Result.fail(closedRefusal(round));
  if (round.state !== "appraisal" && round.state !== "round-2")
    return Result.fail(
      wrongState(
        round,
        "Chỉ thẩm định được ở bước thẩm định hoặc vòng 2",
        "Appraisal only in the appraisal or round-2 state",
      ),
    );
  const points = checkPoints(input.points, checked.success);
  if (Result.isFailure(points)) return Result.fail(points.failure);
  const comment = checkText(input.comment, "comment");
  if (Result.isFailure(comment)) return Result.fail(comment.failure);
  const step = {
    points: points.success,
    ...(comment.success === undefined ? {} : { comment: comment.success }),
    by: actorRef(ctx.actor),
    at: ctx.now,
  };
  const base: AppraisalEntry = entry ?? {
    planId: plan.id,
    periodId: round.periodId,
    unitId: input.unitId,
    nodeId: input.nodeId,
    stage: "appraised",
  };
  if (round.state === "appraisal")
    return Result.succeed({ action: "appraise", value: { ...base, stage: "appraised", appraisal: step } });
  if (base.appraisal === undefined)
    return Result.fail(
      refuse(
        "appraisal.not-appraised",
        `Mục "${input.nodeId}" của ${input.unitId ?? "cơ quan"} chưa được thẩm định vòng 1, nên chưa quyết định vòng 2 được.`,
        `The entry "${input.nodeId}" of ${input.unitId ?? "the agency"} has no round-1 appraisal, so no round-2 decision yet.`,
      ),
    );
  return Result.succeed({ action: "decide", value: { ...base, stage: "decided", decision: step } });
}

/** A unit's answer (giải trình) to its appraisal. */
export interface Answer {
  readonly unitId: string | null;
  readonly nodeId: string;
  readonly text: string;
  readonly evidence?: readonly EvidenceRef[];
  readonly links?: readonly string[];
}

/** A unit answers an appraisal while answers are open, by the answer deadline (reporters). */
export function answer(
  plan: Plan,
  scheme: ScoringScheme,
  round: AppraisalRound,
  entry: AppraisalEntry | undefined,
  input: Answer,
  ctx: StepContext,
): Result.Result<Stepped<AppraisalEntry>, StepRefusal> {
  const ok = allowed(ctx.actor, "answer", input.unitId ?? undefined);
  if (Result.isFailure(ok)) return Result.fail(ok.failure);
  const checked = checkEntryInput(plan, scheme, input.unitId, input.nodeId);
  if (Result.isFailure(checked)) return Result.fail(checked.failure);
  if (round.state === "closed") return Result.fail(closedRefusal(round));
  if (round.state !== "answering")
    return Result.fail(
      wrongState(
        round,
        "Chỉ giải trình được khi đợt đang mở giải trình",
        "Answers only while answers are open",
      ),
    );
  if (entry?.appraisal === undefined)
    return Result.fail(
      refuse(
        "appraisal.not-appraised",
        `Mục "${input.nodeId}" của ${input.unitId ?? "cơ quan"} chưa được thẩm định, chưa có gì để giải trình.`,
        `The entry "${input.nodeId}" of ${input.unitId ?? "the agency"} is not appraised; there is nothing to answer.`,
      ),
    );
  if (lateFor(ctx, round.answerDeadline))
    return Result.fail(
      refuse(
        "appraisal.deadline-passed",
        `Đã quá hạn giải trình ${round.answerDeadline}.`,
        `The answer deadline ${round.answerDeadline} has passed.`,
      ),
    );
  const text = checkText(input.text, "text");
  if (Result.isFailure(text)) return Result.fail(text.failure);
  if (text.success === undefined)
    return Result.fail(
      refuse("appraisal.answer-empty", "Nội dung giải trình trống.", "The answer is empty.", ["text"]),
    );
  const links = checkLinks(input.links ?? []);
  if (Result.isFailure(links)) return Result.fail(links.failure);
  return Result.succeed({
    action: "answer",
    value: {
      ...entry,
      stage: "answered",
      answer: {
        text: text.success,
        evidence: [...(input.evidence ?? [])],
        links: links.success,
        by: actorRef(ctx.actor),
        at: ctx.now,
      },
    },
  });
}
