/**
 * The dispatcher: claims due outbox entries, sends each through the `Notifier`, and records the
 * outcome right after each send, so a crash loses at most the one message in flight.
 *
 * The batch is claimed under one lease, but each entry's lease is renewed right before it is sent
 * (and the send is cut at 80 % of it), so an entry being sent is always leased: a slow batch can
 * outlive the batch lease, and then another dispatcher takes the entries not yet sent while this
 * one, finding them no longer held, skips them ("lost"). Marks apply only while the lease is held,
 * so an entry is recorded delivered once. A message the notifier accepted after its lease was lost
 * anyway (a send or a mark that outlived the lease) is reported (`lostAfterSend`), not recorded.
 *
 * - Delivered: marked at once with the receipt.
 * - Retryable failure (server down, timeout, 5xx): the retry policy, an Effect `Schedule` over the
 *   error (default exponential backoff with jitter, bounded), gives the delay before the next
 *   attempt; the entry waits in the outbox, so the retry survives a restart. When the schedule is
 *   done the entry is dead ("retries-exhausted").
 * - Permanent failure (4xx, invalid or missing address): dead at once, with the reason.
 *
 * Time and randomness come from Effect's `Clock` and `Random`: `TestClock` and `Random.withSeed`
 * make every delay reproducible in tests.
 */
import * as Cause from "effect/Cause";
import * as Clock from "effect/Clock";
import * as Duration from "effect/Duration";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import * as Pull from "effect/Pull";
import * as Random from "effect/Random";
import * as Schedule from "effect/Schedule";
import { Notifier, NotifierError, type Receipt } from "./notifier.js";
import {
  Outbox,
  type OutboxEntry,
  type OutboxFailure,
  type OutboxLease,
  type OutboxStatus,
} from "./outbox.js";
import type { StorageError } from "./storageErrors.js";

/** A retry policy: a `Schedule` fed with each retryable error; its delays space the attempts. */
export type RetryPolicy = Schedule.Schedule<unknown, NotifierError>;

/** Knobs of `retryPolicy`. */
export interface RetryPolicyOptions {
  /** Delay before the first retry, in ms (default 30,000). */
  readonly baseMs?: number;
  /** Growth of the delay at each retry (default 2). */
  readonly factor?: number;
  /** Retries after the first attempt (default 8: nine attempts over about four hours). */
  readonly retries?: number;
  /** Longest delay between two attempts, in ms (default 1 hour). */
  readonly maxDelayMs?: number;
}

/**
 * Exponential backoff with jitter (each delay × 0.8–1.2), capped, bounded in retries:
 * `Schedule.exponential(base, factor)` → `Schedule.jittered` → `Schedule.upTo({ times })`.
 */
export function retryPolicy(options: RetryPolicyOptions = {}): RetryPolicy {
  const maxDelayMs = options.maxDelayMs ?? 3_600_000;
  return Schedule.exponential(Duration.millis(options.baseMs ?? 30_000), options.factor ?? 2).pipe(
    Schedule.modifyDelay((m) => Effect.succeed(Duration.min(m.duration, Duration.millis(maxDelayMs)))),
    Schedule.jittered,
    Schedule.upTo({ times: options.retries ?? 8 }),
  );
}

/** Settings of a dispatcher. */
export interface DispatchOptions {
  readonly agencyId: string;
  /** Recorded on leases; default a random id per call of `makeWorkerId`. */
  readonly workerId?: string;
  /** Entries claimed per batch (default 20). */
  readonly batchSize?: number;
  /**
   * Lease length in ms (default 120,000): of the batch when claimed, then of each entry from the
   * moment it is sent; one send is cut off at 80 % of it.
   */
  readonly leaseMs?: number;
  /** Retry policy (default `retryPolicy()`). */
  readonly retry?: RetryPolicy;
}

/** The outcome of one entry in a dispatch. */
export type DispatchOutcome =
  | { readonly key: string; readonly status: "delivered"; readonly receipt: Receipt }
  | {
      readonly key: string;
      readonly status: "retrying";
      readonly nextAttemptAt: string;
      readonly error: OutboxFailure;
    }
  | { readonly key: string; readonly status: "dead"; readonly error: OutboxFailure }
  /**
   * The lease was lost (another dispatcher took the entry over after it expired): nothing recorded
   * by this dispatcher. `sent` tells whether the notifier had accepted the message all the same
   * (then `receipt` is its receipt): the new holder may send it again, with the same idempotency
   * key, so the receiver can drop the copy; the outbox still records one delivery.
   */
  | { readonly key: string; readonly status: "lost"; readonly sent: false }
  | { readonly key: string; readonly status: "lost"; readonly sent: true; readonly receipt: Receipt };

/** What a dispatch did. */
export interface DispatchReport {
  readonly workerId: string;
  readonly claimed: number;
  readonly delivered: number;
  readonly retrying: number;
  readonly dead: number;
  /** Entries another dispatcher took over before this one recorded them (skipped, or sent and not recorded). */
  readonly lost: number;
  /** Of `lost`, messages the notifier accepted before the lease was found lost: maybe sent twice. */
  readonly lostAfterSend: number;
  readonly outcomes: readonly DispatchOutcome[];
}

/** A random dispatcher id, e.g. "dispatcher-k3j9x2" (from Effect's `Random`, so seeds reproduce it). */
export const makeWorkerId: Effect.Effect<string> = Effect.map(
  Random.nextIntBetween(0, 2 ** 31 - 1),
  (n) => `dispatcher-${n.toString(36)}`,
);

const iso = (ms: number) => new Date(ms).toISOString();

function failureOf(error: NotifierError, at: number): OutboxFailure {
  return { code: error.code, message: error.message, retryable: error.retryable, at: iso(at) };
}

/**
 * The delay before attempt `attempts + 1` according to the policy, or undefined when the policy
 * is done. The schedule is stepped once per failed attempt so far, the last step with `error`;
 * earlier steps are timed at the entry's creation, so a `Schedule.during` limit counts from there.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempts: number,
  error: NotifierError,
  createdAtMs: number,
  nowMs: number,
): Effect.Effect<Duration.Duration | undefined> {
  return Effect.gen(function* () {
    const step = yield* Schedule.toStep(policy);
    let delay: Duration.Duration | undefined;
    for (let i = 1; i <= Math.max(1, attempts); i++) {
      const result = yield* step(i === attempts ? nowMs : createdAtMs, error).pipe(
        Effect.map(([, d]) => d as Duration.Duration | undefined),
        Pull.catchDone(() => Effect.succeed(undefined)),
      );
      if (result === undefined) return undefined;
      delay = result;
    }
    return delay;
  });
}

/** A notifier that died (a bug) or hung past the lease counts as a retryable failure, never a crash. */
function safeSend(entry: OutboxEntry, timeoutMs: number) {
  return Effect.gen(function* () {
    const notifier = yield* Notifier;
    return yield* notifier.send(entry.notification).pipe(
      Effect.catchDefect((defect) =>
        Effect.fail(
          new NotifierError({
            notifier: notifier.name,
            retryable: true,
            code: "defect",
            reason: {
              vi: `lỗi trong bộ gửi: ${defect instanceof Error ? defect.message : String(defect)}`,
              en: `notifier defect: ${defect instanceof Error ? defect.message : String(defect)}`,
            },
            cause: defect,
          }),
        ),
      ),
      Effect.timeoutOrElse({
        duration: Duration.millis(timeoutMs),
        orElse: () =>
          Effect.fail(
            new NotifierError({
              notifier: notifier.name,
              retryable: true,
              code: "timeout",
              reason: {
                vi: `quá ${timeoutMs} ms mà chưa gửi xong (giới hạn theo thời hạn giữ)`,
                en: `no answer within ${timeoutMs} ms (bounded by the lease)`,
              },
            }),
          ),
      }),
    );
  });
}

/** Marks are retried briefly: a lost mark would mean a second send after the lease expires. */
const markRetrySchedule = Schedule.exponential(Duration.millis(50)).pipe(Schedule.upTo({ times: 4 }));

/** The lease a claim returned with the entry; an adapter that returns none breaks the port (a defect). */
function leaseOf(entry: OutboxEntry, workerId: string): Effect.Effect<OutboxLease> {
  const lease = entry.lease;
  return lease !== undefined && lease.workerId === workerId
    ? Effect.succeed({ workerId: lease.workerId, token: lease.token })
    : Effect.die(
        new TypeError(
          `outbox: claim returned entry ${JSON.stringify(entry.key)} without a lease of ${workerId} / hàng đợi trả về mục không có hạn giữ của bộ gửi này`,
        ),
      );
}

function processEntry(
  agencyId: string,
  entry: OutboxEntry,
  options: Required<Pick<DispatchOptions, "leaseMs" | "retry" | "workerId">>,
): Effect.Effect<DispatchOutcome, StorageError, Outbox | Notifier> {
  return Effect.gen(function* () {
    const outbox = yield* Outbox;
    const lease = yield* leaseOf(entry, options.workerId);
    // The batch lease may have run out while earlier entries were sent: renew this one first, and
    // skip it when another dispatcher has taken it over.
    const renewed = yield* outbox
      .renew(agencyId, entry.key, lease, options.leaseMs)
      .pipe(Effect.retry(markRetrySchedule));
    if (renewed === undefined) return { key: entry.key, status: "lost", sent: false } as const;
    const exit = yield* Effect.exit(safeSend(entry, Math.floor(options.leaseMs * 0.8)));
    const now = Number(yield* Clock.currentTimeMillis);
    if (Exit.isSuccess(exit)) {
      const recorded = yield* outbox
        .markDelivered(agencyId, entry.key, lease, exit.value)
        .pipe(Effect.retry(markRetrySchedule));
      if (recorded) return { key: entry.key, status: "delivered", receipt: exit.value } as const;
      yield* Effect.logWarning(
        `đã gửi ${entry.key} nhưng bộ gửi khác đã nhận lại mục này (hết hạn giữ): có thể gửi hai lần, bên nhận bỏ bản trùng theo khóa / ` +
          `sent ${entry.key} after its lease was taken over: it may go out twice; the receiver drops the copy by its key`,
      );
      return { key: entry.key, status: "lost", sent: true, receipt: exit.value } as const;
    }
    const error = Cause.squash(exit.cause);
    if (!(error instanceof NotifierError)) return yield* Effect.die(error);
    const failure = failureOf(error, now);
    const delay = error.retryable
      ? yield* retryDelay(options.retry, entry.attempts, error, Date.parse(entry.createdAt), now)
      : undefined;
    if (delay === undefined) {
      const final: OutboxFailure = error.retryable
        ? {
            ...failure,
            code: "retries-exhausted",
            message: `đã thử ${entry.attempts} lần / gave up after ${entry.attempts} attempts: ${error.message}`,
          }
        : failure;
      const applied = yield* outbox
        .markDead(agencyId, entry.key, lease, final)
        .pipe(Effect.retry(markRetrySchedule));
      return applied
        ? ({ key: entry.key, status: "dead", error: final } as const)
        : ({ key: entry.key, status: "lost", sent: false } as const);
    }
    const nextAttemptAt = iso(now + Math.max(1, Math.round(Duration.toMillis(delay))));
    const applied = yield* outbox
      .markRetry(agencyId, entry.key, lease, failure, nextAttemptAt)
      .pipe(Effect.retry(markRetrySchedule));
    return applied
      ? ({ key: entry.key, status: "retrying", nextAttemptAt, error: failure } as const)
      : ({ key: entry.key, status: "lost", sent: false } as const);
  });
}

function report(workerId: string, claimed: number, outcomes: readonly DispatchOutcome[]): DispatchReport {
  const count = (s: DispatchOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  return {
    workerId,
    claimed,
    delivered: count("delivered"),
    retrying: count("retrying"),
    dead: count("dead"),
    lost: count("lost"),
    lostAfterSend: outcomes.filter((o) => o.status === "lost" && o.sent).length,
    outcomes,
  };
}

function resolved(options: DispatchOptions) {
  return Effect.gen(function* () {
    const batchSize = options.batchSize ?? 20;
    const leaseMs = options.leaseMs ?? 120_000;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      return yield* Effect.die(
        new RangeError(`dispatch: batchSize must be an integer ≥ 1 (got ${batchSize})`),
      );
    if (!Number.isInteger(leaseMs) || leaseMs < 10)
      return yield* Effect.die(new RangeError(`dispatch: leaseMs must be an integer ≥ 10 (got ${leaseMs})`));
    const workerId = options.workerId ?? (yield* makeWorkerId);
    return { batchSize, leaseMs, workerId, retry: options.retry ?? retryPolicy() };
  });
}

/** Claims one batch and processes it, one entry after another; returns what happened to each. */
export function dispatchOnce(
  options: DispatchOptions,
): Effect.Effect<DispatchReport, StorageError, Outbox | Notifier> {
  return Effect.gen(function* () {
    const o = yield* resolved(options);
    const outbox = yield* Outbox;
    const batch = yield* outbox.claim(options.agencyId, {
      workerId: o.workerId,
      limit: o.batchSize,
      leaseMs: o.leaseMs,
    });
    const outcomes: DispatchOutcome[] = [];
    for (const entry of batch) outcomes.push(yield* processEntry(options.agencyId, entry, o));
    return report(o.workerId, batch.length, outcomes);
  });
}

/** Settings of `drainOutbox`. */
export interface DrainOptions extends DispatchOptions {
  /**
   * How long to keep waiting for retries that are scheduled later, in ms (default 0: stop as soon
   * as nothing is due now). Entries due later stay in the outbox for the next run.
   */
  readonly waitMs?: number;
  /** Longest single sleep while waiting, in ms, so work freed by another dispatcher is seen (default 1,000). */
  readonly pollMs?: number;
}

/** What a drain did, and what the outbox holds at its end. */
export interface DrainReport extends DispatchReport {
  readonly batches: number;
  readonly remaining: Readonly<Record<OutboxStatus, number>>;
}

/**
 * Dispatches batch after batch until nothing is due, then, within `waitMs`, sleeps until the next
 * retry is due and goes on. A one-shot run (`cchc remind`) and a service loop both use it.
 */
export function drainOutbox(
  options: DrainOptions,
): Effect.Effect<DrainReport, StorageError, Outbox | Notifier> {
  return Effect.gen(function* () {
    const o = yield* resolved(options);
    const outbox = yield* Outbox;
    const start = Number(yield* Clock.currentTimeMillis);
    const deadline = start + Math.max(0, options.waitMs ?? 0);
    const pollMs = Math.max(1, options.pollMs ?? 1_000);
    const outcomes: DispatchOutcome[] = [];
    let claimed = 0;
    let batches = 0;
    for (;;) {
      const r = yield* dispatchOnce({
        ...options,
        workerId: o.workerId,
        batchSize: o.batchSize,
        leaseMs: o.leaseMs,
        retry: o.retry,
      });
      if (r.claimed > 0) {
        batches++;
        claimed += r.claimed;
        outcomes.push(...r.outcomes);
        continue;
      }
      const next = yield* outbox.nextDue(options.agencyId);
      const now = Number(yield* Clock.currentTimeMillis);
      if (next === undefined || Date.parse(next) > deadline || now >= deadline) break;
      yield* Effect.sleep(Duration.millis(Math.min(pollMs, Math.max(1, Date.parse(next) - now))));
    }
    // Keep only the last outcome per key: a retried entry ends delivered, retrying or dead. A
    // message sent after its lease was lost is counted even if this dispatcher got it back later.
    const last = new Map<string, DispatchOutcome>();
    for (const out of outcomes) last.set(out.key, out);
    const remaining = yield* outbox.counts(options.agencyId);
    const lostAfterSend = outcomes.filter((out) => out.status === "lost" && out.sent).length;
    return { ...report(o.workerId, claimed, [...last.values()]), lostAfterSend, batches, remaining };
  });
}
