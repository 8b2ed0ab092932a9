/**
 * The outbox port: notifications are written here, through the store, before any delivery is
 * tried, so a reminder is never lost when the mail server is down or the process dies. Every call
 * is scoped to an agency, as `Storage` is.
 *
 * - `enqueue` is idempotent by key: a key already in the outbox is left exactly as it is (that is
 *   what makes "computed twice, sent once" work).
 * - `claim` hands a batch of due entries to one dispatcher with a lease (worker id, a token new at
 *   every claim, expiry); while the lease runs no other dispatcher gets them (PostgreSQL: `FOR
 *   UPDATE SKIP LOCKED`), and once it expires the entry goes to whoever claims next. Each claim
 *   counts one attempt.
 * - A lease is HELD from its claim until the entry is marked or another claim takes the entry over
 *   (possible only after expiry). `renew` extends a held lease (the dispatcher renews each entry
 *   right before sending it, so a slow batch never leaves an entry being sent unleased), and
 *   `markDelivered`, `markRetry` and `markDead` apply only while the caller's lease is held: a
 *   dispatcher that lost an entry to another can never record a second delivery nor overwrite
 *   the new holder's outcome. Delivered and dead are final (`requeue` revives a dead one).
 *
 * Instants are read from the Effect `Clock` (so `TestClock` drives them in tests); dispatchers on
 * several machines need clocks in sync to within a small part of the lease.
 */
import * as Context from "effect/Context";
import type * as Effect from "effect/Effect";
import type { Notification, Receipt } from "./notifier.js";
import type { StorageError } from "./storageErrors.js";

/** Where an entry stands. */
export type OutboxStatus = "pending" | "retrying" | "delivered" | "dead";

/** Every status, in the order lists and counts show them. */
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ["pending", "retrying", "delivered", "dead"];

/** The last failure of an entry. */
export interface OutboxFailure {
  /** The notifier's code ("connection", "timeout", "rejected", "address"…) or the dispatcher's ("retries-exhausted"). */
  readonly code: string;
  readonly message: string;
  readonly retryable: boolean;
  /** ISO instant of the failure. */
  readonly at: string;
}

/** One entry of the outbox. */
export interface OutboxEntry {
  readonly key: string;
  readonly status: OutboxStatus;
  readonly notification: Notification;
  /** Delivery attempts started (claims). */
  readonly attempts: number;
  readonly createdAt: string;
  /** The earliest instant the entry may be claimed (again). */
  readonly nextAttemptAt: string;
  /** The last claim of an entry that is not final: who holds it and until when (it may have expired: compare `expiresAt`). */
  readonly lease?: OutboxLeaseState;
  readonly lastError?: OutboxFailure;
  readonly deliveredAt?: string;
  readonly receipt?: Receipt;
  /** ISO instant of the last `requeue` of the entry (absent when it was never requeued). */
  readonly requeuedAt?: string;
  /** Who did the last `requeue`, as its caller named itself (an operator, a script). */
  readonly requeuedBy?: string;
}

/**
 * Which claim of an entry a dispatcher speaks for, when it renews or marks it: its worker id and
 * the token that claim returned. Pass the `lease` of the claimed entry.
 */
export interface OutboxLease {
  readonly workerId: string;
  /**
   * Opaque; different at every claim of the entry (a fencing token), so a second claim under the
   * same worker id (two processes configured alike, a restart) does not pass for the first.
   */
  readonly token: string;
}

/** A lease as an entry shows it: the claim and the instant it expires. */
export interface OutboxLeaseState extends OutboxLease {
  /** ISO instant after which another claim may take the entry over. */
  readonly expiresAt: string;
}

/** What `enqueue` did with each key. */
export interface EnqueueResult {
  /** Keys written now. */
  readonly added: readonly string[];
  /** Keys already in the outbox, left untouched. */
  readonly existing: readonly string[];
}

/** A dispatcher's request for work. */
export interface ClaimRequest {
  /** Who claims; recorded on the lease. */
  readonly workerId: string;
  /** Most entries to take (≥ 1). */
  readonly limit: number;
  /** How long the lease runs, in milliseconds; longer than one send can take. */
  readonly leaseMs: number;
}

/** Who puts a dead entry back in line, recorded on the entry. */
export interface RequeueOptions {
  /** An operator or a script's name (`cchc outbox requeue` records the OS user). */
  readonly by?: string;
}

/** Filters of `list`. */
export interface OutboxFilter {
  readonly status?: OutboxStatus;
  /** Keys after this one (keyset paging in key order). */
  readonly after?: string;
  /** Most entries (default 100). */
  readonly limit?: number;
}

/** The operations every outbox adapter provides. */
export interface OutboxService {
  /** Writes entries whose keys are new; keys present (in any status) are left as they are. */
  readonly enqueue: (
    agencyId: string,
    notifications: readonly Notification[],
  ) => Effect.Effect<EnqueueResult, StorageError>;
  /**
   * Leases up to `limit` entries that are pending or retrying, due (`nextAttemptAt` ≤ now) and not
   * leased by anyone (or whose lease has expired), oldest due first; each one's `attempts` grows by 1
   * and each gets a new lease token (an expired lease taken over this way is no longer held).
   */
  readonly claim: (
    agencyId: string,
    request: ClaimRequest,
  ) => Effect.Effect<readonly OutboxEntry[], StorageError>;
  /**
   * Extends a held lease to now + `leaseMs` (also after it expired, as long as no other claim took
   * the entry). The new expiry, or undefined when the lease is no longer held (taken over, entry
   * final or unknown): the caller must not send.
   */
  readonly renew: (
    agencyId: string,
    key: string,
    lease: OutboxLease,
    leaseMs: number,
  ) => Effect.Effect<string | undefined, StorageError>;
  /**
   * Records the delivery and its receipt while `lease` is held. False (nothing changed) when it is
   * not: another claim took the entry over, or it is final or unknown. So an entry is recorded
   * delivered once, by the dispatcher that held it.
   */
  readonly markDelivered: (
    agencyId: string,
    key: string,
    lease: OutboxLease,
    receipt: Receipt,
  ) => Effect.Effect<boolean, StorageError>;
  /** Schedules another attempt; same lease rule as `markDelivered`. */
  readonly markRetry: (
    agencyId: string,
    key: string,
    lease: OutboxLease,
    failure: OutboxFailure,
    nextAttemptAt: string,
  ) => Effect.Effect<boolean, StorageError>;
  /** Gives up on an entry (it will not be retried); same lease rule as `markDelivered`. */
  readonly markDead: (
    agencyId: string,
    key: string,
    lease: OutboxLease,
    failure: OutboxFailure,
  ) => Effect.Effect<boolean, StorageError>;
  /**
   * Puts a dead entry back in line (after the address was fixed): pending, attempts 0, due now,
   * `requeuedAt`/`requeuedBy` recorded, `lastError` kept as the reason it had died. False if it was
   * not dead. Its content stays as enqueued until `refresh` gives it the current one.
   */
  readonly requeue: (
    agencyId: string,
    key: string,
    options?: RequeueOptions,
  ) => Effect.Effect<boolean, StorageError>;
  /**
   * Replaces the content of entries no attempt has started on since they were (re)queued (pending,
   * attempts 0, no lease) with the notification of the same key, so a reminder computed again after
   * the contacts were fixed goes to the current addresses. Every other entry (claimed, retrying,
   * delivered, dead, unknown) is left as it is. The keys replaced.
   */
  readonly refresh: (
    agencyId: string,
    notifications: readonly Notification[],
  ) => Effect.Effect<readonly string[], StorageError>;
  /** One entry by its idempotency key (undefined when it was never enqueued). */
  readonly get: (agencyId: string, key: string) => Effect.Effect<OutboxEntry | undefined, StorageError>;
  /** Entries in key order. */
  readonly list: (
    agencyId: string,
    filter?: OutboxFilter,
  ) => Effect.Effect<readonly OutboxEntry[], StorageError>;
  /** How many entries are in each state, for monitoring. */
  readonly counts: (agencyId: string) => Effect.Effect<Readonly<Record<OutboxStatus, number>>, StorageError>;
  /**
   * The earliest instant an entry that is not final can be claimed (its next attempt, or the end
   * of its lease), or undefined when every entry is delivered or dead. Lets a dispatcher sleep.
   */
  readonly nextDue: (agencyId: string) => Effect.Effect<string | undefined, StorageError>;
}

/** The outbox service tag, provided by a storage adapter's layer alongside `Storage`. */
export class Outbox extends Context.Service<Outbox, OutboxService>()("@cchc/core/Outbox") {}
