/**
 * The appraisal cycle as Effect programs over the storage port (and the evidence port for files):
 * each reads the plan, the round and the entry, lets the pure rules of `cycle.ts` decide, then
 * saves with the version it read (or the one the caller sends), so two appraisers saving the same
 * entry at once never overwrite each other: one wins, the other gets `VersionConflict`.
 */
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Result from "effect/Result";
import type { Plan } from "../plan.js";
import type { Actor } from "../policy.js";
import type { ManualScore, ScoringScheme } from "../scoringScheme.js";
import { Storage, type Versioned } from "../storage.js";
import type { NotFound, StorageError, VersionConflict } from "../storageErrors.js";
import {
  actorRef,
  advanceRound,
  answer,
  appraise,
  closeRound,
  openRound,
  reopenRound,
  type StepContext,
  type Stepped,
  type StepRefusal,
  selfAssess,
} from "./cycle.js";
import { type AppraisalRefused, refuse } from "./errors.js";
import { checkEvidence, DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from "./evidence.js";
import { EvidenceStore, sha256Hex } from "./evidenceStore.js";
import {
  type AppraisalEntry,
  type AppraisalEvent,
  type AppraisalRound,
  changesBetween,
  type EvidenceRef,
  entryId,
  roundId,
} from "./model.js";
import { manualScoresFromEntries } from "./scoring.js";

/** What every write of the cycle may fail with. */
export type AppraisalWriteError = StepRefusal | VersionConflict | NotFound | StorageError;

const instant = Effect.map(Clock.currentTimeMillis, (ms) => new Date(Number(ms)).toISOString());

const fromResult = <A>(r: Result.Result<A, StepRefusal>): Effect.Effect<A, StepRefusal> =>
  Result.isSuccess(r) ? Effect.succeed(r.success) : Effect.fail(r.failure);

const event = <T extends object>(
  subject: "round" | "entry",
  subjectId: string,
  before: T | undefined,
  step: Stepped<T>,
  ctx: StepContext,
): Omit<AppraisalEvent, "version"> => ({
  subject,
  subjectId,
  action: step.action,
  by: actorRef(ctx.actor),
  at: ctx.now,
  changes: changesBetween(before, step.value),
  ...(step.reason === undefined ? {} : { reason: step.reason }),
});

/** The round of a period, or the plan's current one: the last opened that is not closed, else the last opened. */
export function findRound(
  agencyId: string,
  planId: string,
  periodId?: string,
): Effect.Effect<Versioned<AppraisalRound>, AppraisalRefused | StorageError, Storage> {
  return Effect.gen(function* () {
    const store = yield* Storage;
    const rounds = yield* store.listRounds(agencyId, planId);
    const pick =
      periodId !== undefined
        ? rounds.find((r) => r.value.periodId === periodId)
        : (() => {
            const byOpened = [...rounds].sort((a, b) => (a.value.openedAt < b.value.openedAt ? -1 : 1));
            return byOpened.filter((r) => r.value.state !== "closed").at(-1) ?? byOpened.at(-1);
          })();
    if (pick === undefined)
      return yield* Effect.fail(
        refuse(
          "appraisal.round-not-found",
          `Kế hoạch ${planId} chưa có đợt tự chấm${periodId === undefined ? "" : ` kỳ ${periodId}`} (cchc round open).`,
          `The plan ${planId} has no appraisal round${periodId === undefined ? "" : ` for ${periodId}`} (cchc round open).`,
        ),
      );
    return pick;
  });
}

const saveRoundStep = (
  agencyId: string,
  planId: string,
  before: Versioned<AppraisalRound> | undefined,
  step: Stepped<AppraisalRound>,
  ctx: StepContext,
  expectedVersion: number | null | undefined,
) =>
  Effect.flatMap(Effect.service(Storage), (store) =>
    store.saveRound(
      agencyId,
      planId,
      step.value,
      expectedVersion === undefined ? (before?.version ?? null) : expectedVersion,
      event("round", roundId(step.value.periodId), before?.value, step, ctx),
    ),
  );

/** Opens a round for a period with its self-assessment deadline (the lead only). */
export function openAppraisalRound(
  agencyId: string,
  plan: Plan,
  input: { readonly periodId: string; readonly deadline: string },
  actor: Actor,
): Effect.Effect<Versioned<AppraisalRound>, AppraisalWriteError, Storage> {
  return Effect.gen(function* () {
    const store = yield* Storage;
    const ctx: StepContext = { actor, now: yield* instant };
    const rounds = yield* store.listRounds(agencyId, plan.id);
    const existing = rounds.find((r) => r.value.periodId === input.periodId);
    const step = yield* fromResult(openRound(plan, existing?.value, input, ctx));
    return yield* saveRoundStep(agencyId, plan.id, undefined, step, ctx, null);
  });
}

/** How a round changes: advance to the next state, close, or reopen (with a reason). */
export type RoundChange =
  | { readonly kind: "advance"; readonly answerDeadline?: string | undefined }
  | { readonly kind: "close" }
  | { readonly kind: "reopen"; readonly reason: string };

/** Advances, closes or reopens a round (the lead only); `expectedVersion` defaults to the one read. */
export function changeAppraisalRound(
  agencyId: string,
  planId: string,
  periodId: string | undefined,
  change: RoundChange,
  actor: Actor,
  expectedVersion?: number,
): Effect.Effect<Versioned<AppraisalRound>, AppraisalWriteError, Storage> {
  return Effect.gen(function* () {
    const ctx: StepContext = { actor, now: yield* instant };
    const round = yield* findRound(agencyId, planId, periodId);
    const step = yield* fromResult(
      change.kind === "advance"
        ? advanceRound(round.value, { answerDeadline: change.answerDeadline }, ctx)
        : change.kind === "close"
          ? closeRound(round.value, ctx)
          : reopenRound(round.value, change.reason, ctx),
    );
    return yield* saveRoundStep(agencyId, planId, round, step, ctx, expectedVersion);
  });
}

/** A file to attach: its name and bytes, checked against the limits before anything is stored. */
export interface EvidenceUpload {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where an entry step happens and how it is guarded. */
export interface EntryTarget {
  readonly agencyId: string;
  readonly plan: Plan;
  readonly scheme: ScoringScheme;
  /** The round's period; default the plan's current round. */
  readonly periodId?: string | undefined;
  readonly unitId: string | null;
  readonly nodeId: string;
  /**
   * The entry version the change is based on (null: the entry must not exist yet). Default: the
   * version read just before, which still refuses a save that raced with another.
   */
  readonly expectedVersion?: number | null | undefined;
}

/**
 * Checks every upload, then stores the files (content-addressed, so a refused step leaves at most
 * files nobody cites, never a changed entry). Checks all before storing any.
 */
export function storeEvidence(
  agencyId: string,
  files: readonly EvidenceUpload[],
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Effect.Effect<EvidenceRef[], AppraisalRefused | StorageError, EvidenceStore> {
  return Effect.gen(function* () {
    if (files.length > limits.maxFiles)
      return yield* Effect.fail(
        refuse(
          "evidence.too-many",
          `Gửi ${files.length} tệp, quá giới hạn ${limits.maxFiles} tệp mỗi lần.`,
          `${files.length} files sent, over the limit of ${limits.maxFiles} per step.`,
          ["evidence"],
        ),
      );
    const checked = [];
    for (const [i, f] of files.entries()) {
      const r = yield* Effect.promise(() => checkEvidence(f, limits, i));
      if (Result.isFailure(r)) return yield* Effect.fail(r.failure);
      checked.push(r.success);
    }
    const evidence = yield* EvidenceStore;
    const refs: EvidenceRef[] = [];
    for (const c of checked) {
      const fileId = yield* sha256Hex(c.bytes);
      yield* evidence.put(agencyId, { fileId, name: c.name, mediaType: c.mediaType, bytes: c.bytes });
      refs.push({ fileId, name: c.name, mediaType: c.mediaType, size: c.bytes.length });
    }
    return refs;
  });
}

const entryStep = (
  target: EntryTarget,
  actor: Actor,
  decide: (
    round: AppraisalRound,
    entry: AppraisalEntry | undefined,
    ctx: StepContext,
  ) => Result.Result<Stepped<AppraisalEntry>, StepRefusal>,
): Effect.Effect<Versioned<AppraisalEntry>, AppraisalWriteError, Storage> =>
  Effect.gen(function* () {
    const store = yield* Storage;
    const ctx: StepContext = { actor, now: yield* instant };
    const round = yield* findRound(target.agencyId, target.plan.id, target.periodId);
    const id = entryId(round.value.periodId, target.unitId, target.nodeId);
    const current = (yield* store.listEntries(target.agencyId, target.plan.id, {
      periodId: round.value.periodId,
      unitId: target.unitId,
      nodeId: target.nodeId,
    }))[0];
    const step = yield* fromResult(decide(round.value, current?.value, ctx));
    return yield* store.saveEntry(
      target.agencyId,
      target.plan.id,
      step.value,
      target.expectedVersion === undefined ? (current?.version ?? null) : target.expectedVersion,
      event("entry", id, current?.value, step, ctx),
    );
  });

/**
 * A unit's self-assessment with its evidence files and links. Files are checked (size, type from
 * the bytes, name) before the entry is touched; a refused step changes no entry.
 */
export function selfAssessEntry(
  target: EntryTarget,
  input: {
    readonly points: number;
    readonly note?: string | undefined;
    readonly files?: readonly EvidenceUpload[];
    readonly links?: readonly string[];
  },
  actor: Actor,
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Effect.Effect<Versioned<AppraisalEntry>, AppraisalWriteError, Storage | EvidenceStore> {
  return Effect.gen(function* () {
    // the rules first (without the files), so a refused step stores no file either
    yield* entryStep(target, actor, (round, entry, ctx) =>
      selfAssess(
        target.plan,
        target.scheme,
        round,
        entry,
        {
          unitId: target.unitId,
          nodeId: target.nodeId,
          points: input.points,
          note: input.note,
          evidence: (input.files ?? []).map(() => PLACEHOLDER),
          links: input.links ?? [],
        },
        ctx,
      ),
    ).pipe(dryRun);
    const evidence = yield* storeEvidence(target.agencyId, input.files ?? [], limits);
    return yield* entryStep(target, actor, (round, entry, ctx) =>
      selfAssess(
        target.plan,
        target.scheme,
        round,
        entry,
        {
          unitId: target.unitId,
          nodeId: target.nodeId,
          points: input.points,
          note: input.note,
          evidence,
          links: input.links ?? [],
        },
        ctx,
      ),
    );
  });
}

/** An appraisal (round 1) or round-2 decision by the lead or a council member. */
export function appraiseEntry(
  target: EntryTarget,
  input: { readonly points: number; readonly comment?: string | undefined },
  actor: Actor,
): Effect.Effect<Versioned<AppraisalEntry>, AppraisalWriteError, Storage> {
  return entryStep(target, actor, (round, entry, ctx) =>
    appraise(
      target.plan,
      target.scheme,
      round,
      entry,
      { unitId: target.unitId, nodeId: target.nodeId, ...input },
      ctx,
    ),
  );
}

/** A unit's answer (giải trình), with optional evidence files and links. */
export function answerEntry(
  target: EntryTarget,
  input: {
    readonly text: string;
    readonly files?: readonly EvidenceUpload[];
    readonly links?: readonly string[];
  },
  actor: Actor,
  limits: EvidenceLimits = DEFAULT_EVIDENCE_LIMITS,
): Effect.Effect<Versioned<AppraisalEntry>, AppraisalWriteError, Storage | EvidenceStore> {
  return Effect.gen(function* () {
    const decide =
      (evidence: EvidenceRef[]) =>
      (round: AppraisalRound, entry: AppraisalEntry | undefined, ctx: StepContext) =>
        answer(
          target.plan,
          target.scheme,
          round,
          entry,
          {
            unitId: target.unitId,
            nodeId: target.nodeId,
            text: input.text,
            evidence,
            links: input.links ?? [],
          },
          ctx,
        );
    yield* entryStep(target, actor, decide((input.files ?? []).map(() => PLACEHOLDER))).pipe(dryRun);
    const evidence = yield* storeEvidence(target.agencyId, input.files ?? [], limits);
    return yield* entryStep(target, actor, decide(evidence));
  });
}

const PLACEHOLDER: EvidenceRef = { fileId: "0".repeat(64), name: "x", mediaType: "application/pdf", size: 1 };

/**
 * Runs a step's checks without saving: the storage is swapped for one whose `saveEntry` succeeds
 * without writing, so the rules (and the version) are checked before any file is stored.
 */
const dryRun = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<void, E, R | Storage> =>
  Effect.flatMap(Effect.service(Storage), (store) =>
    Effect.asVoid(
      Effect.provideService(self, Storage, {
        ...store,
        saveEntry: (_a, _p, entry, expected) =>
          Effect.succeed({ value: entry, version: (expected ?? 0) + 1, savedAt: new Date(0).toISOString() }),
      }),
    ),
  );

/** The manual scores of the plan's stored rounds (the latest round per unit and leaf, or one period's). */
export function storedManualScores(
  agencyId: string,
  planId: string,
  periodId?: string,
): Effect.Effect<ManualScore[], StorageError, Storage> {
  return Effect.gen(function* () {
    const store = yield* Storage;
    const rounds = (yield* store.listRounds(agencyId, planId)).map((r) => r.value);
    if (rounds.length === 0) return [];
    const entries = (yield* store.listEntries(
      agencyId,
      planId,
      periodId === undefined ? {} : { periodId },
    )).map((e) => e.value);
    return manualScoresFromEntries(rounds, entries, periodId);
  });
}
