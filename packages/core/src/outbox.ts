/**
 * The outbox port: notifications are written here, through the store, before any delivery is
 * tried, so a reminder is never lost when the mail server is down or the process dies. Every call
 * is scoped to an agency, as `Storage` is.
 *
 * - `enqueue` is idempotent by key: a key already in the outbox is left exactly as it is (that is
 *   what makes "computed twice, sent once" work).
 * - `claim` hands a batch of due entries to one dispatcher with a lease (worker id, expiry); while
 *   the lease runs no other dispatcher gets them (PostgreSQL: `FOR UPDATE SKIP LOCKED`), and once it
 *   expires an abandoned entry goes to whoever claims next. Each claim counts one attempt.
 * - `markDelivered` records the receipt; `markRetry` and `markDead` record a failure and only apply
 *   while the caller still holds the lease. Delivered and dead are final (`requeue` revives a dead one).
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
  /** The dispatcher holding the entry, while its lease runs (it may have expired: compare `expiresAt`). */
  readonly lease?: { readonly workerId: string; readonly expiresAt: string };
  readonly lastError?: OutboxFailure;
  readonly deliveredAt?: string;
  readonly receipt?: Receipt;
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
   * leased by anyone (or whose lease has expired), oldest due first; each one's `attempts` grows by 1.
   */
  readonly claim: (
    agencyId: string,
    request: ClaimRequest,
  ) => Effect.Effect<readonly OutboxEntry[], StorageError>;
  /**
   * Records a delivery (whoever holds the lease: the message did go out). False when the entry is
   * unknown or was already delivered.
   */
  readonly markDelivered: (
    agencyId: string,
    key: string,
    workerId: string,
    receipt: Receipt,
  ) => Effect.Effect<boolean, StorageError>;
  /** Schedules another attempt; false (nothing changed) unless `workerId` holds the entry and it is not final. */
  readonly markRetry: (
    agencyId: string,
    key: string,
    workerId: string,
    failure: OutboxFailure,
    nextAttemptAt: string,
  ) => Effect.Effect<boolean, StorageError>;
  /** Gives up on an entry (it will not be retried); same lease rule as `markRetry`. */
  readonly markDead: (
    agencyId: string,
    key: string,
    workerId: string,
    failure: OutboxFailure,
  ) => Effect.Effect<boolean, StorageError>;
  /** Puts a dead entry back in line (after the address was fixed): pending, attempts 0. False if it was not dead. */
  readonly requeue: (agencyId: string, key: string) => Effect.Effect<boolean, StorageError>;
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
