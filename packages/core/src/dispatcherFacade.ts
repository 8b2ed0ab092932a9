/**
 * The Promise facade of the outbox and dispatcher, for teams that do not use Effect: enqueue
 * reminders, drain the outbox through a notifier, inspect what is pending or dead. Failures reject
 * with the same tagged errors as the Effect API (`StorageError`).
 */
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import {
  type DispatchOptions,
  type DispatchReport,
  type DrainOptions,
  type DrainReport,
  dispatchOnce,
  drainOutbox,
} from "./dispatcher.js";
import type { Notification, Notifier } from "./notifier.js";
import {
  type EnqueueResult,
  Outbox,
  type OutboxEntry,
  type OutboxFilter,
  type OutboxService,
  type OutboxStatus,
  type RequeueOptions,
} from "./outbox.js";
import { type Reminder, reminderNotification } from "./reminders.js";

/** Options of `createDispatcher`. */
export interface DispatcherOptions {
  /**
   * The outbox: `MemoryOutbox.layer()`, or a database store's layer (`PgliteStorage.layer(…)`,
   * `PostgresStorage.layer(…)` provide `Outbox` alongside `Storage`).
   */
  readonly outbox: Layer.Layer<Outbox, unknown>;
  /** The notifier: `EmailNotifier.layer(…)`, `WebhookNotifier.layer(…)`, `NatsNotifier.layer(…)`. */
  readonly notifier: Layer.Layer<Notifier, unknown>;
}

/** The outbox and its dispatcher behind promises. */
export interface Dispatcher {
  /** Writes due reminders (or any notifications) to the outbox; keys already there are left alone. */
  enqueue(agencyId: string, items: readonly (Reminder | Notification)[]): Promise<EnqueueResult>;
  /**
   * Claims one batch and delivers it, renewing each entry's lease before its send; entries another
   * dispatcher took over meanwhile are skipped and counted `lost` (see `DispatchReport`).
   */
  dispatch(options: DispatchOptions): Promise<DispatchReport>;
  /** Delivers until nothing is due (waiting up to `waitMs` for scheduled retries); several may run at once. */
  drain(options: DrainOptions): Promise<DrainReport>;
  /** The outbox entries, in key order, for a status page or an audit. */
  list(agencyId: string, filter?: OutboxFilter): Promise<readonly OutboxEntry[]>;
  /** One entry by its idempotency key: was this reminder sent, and when? */
  get(agencyId: string, key: string): Promise<OutboxEntry | undefined>;
  /** How many entries are in each state, for monitoring. */
  counts(agencyId: string): Promise<Readonly<Record<OutboxStatus, number>>>;
  /** Puts a dead entry back in line (recording who, when `by` is given); false if it was not dead. */
  requeue(agencyId: string, key: string, options?: RequeueOptions): Promise<boolean>;
  /**
   * Gives entries not yet tried since they were (re)queued the current content of the same reminder
   * (after the contact directory was fixed); the keys replaced.
   */
  refresh(agencyId: string, items: readonly (Reminder | Notification)[]): Promise<readonly string[]>;
  /** Releases the outbox and the notifier (connections, PGlite). */
  close(): Promise<void>;
}

const isReminder = (item: Reminder | Notification): item is Reminder => "recipients" in item;

/** Builds the Promise facade over an outbox layer and a notifier layer; call `close()` when done. */
export async function createDispatcher(options: DispatcherOptions): Promise<Dispatcher> {
  const runtime = ManagedRuntime.make(Layer.merge(options.outbox, options.notifier));
  const outbox: OutboxService = await runtime.runPromise(
    Effect.gen(function* () {
      return yield* Outbox;
    }),
  );
  const direct = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => runtime.runPromise(effect);
  return {
    enqueue: (agencyId, items) =>
      direct(
        outbox.enqueue(
          agencyId,
          items.map((i) => (isReminder(i) ? reminderNotification(i) : i)),
        ),
      ),
    dispatch: (o) => runtime.runPromise(dispatchOnce(o)),
    drain: (o) => runtime.runPromise(drainOutbox(o)),
    list: (a, filter) => direct(outbox.list(a, filter)),
    get: (a, key) => direct(outbox.get(a, key)),
    counts: (a) => direct(outbox.counts(a)),
    requeue: (a, key, o) => direct(outbox.requeue(a, key, o)),
    refresh: (a, items) =>
      direct(
        outbox.refresh(
          a,
          items.map((i) => (isReminder(i) ? reminderNotification(i) : i)),
        ),
      ),
    close: () => runtime.dispose(),
  };
}
