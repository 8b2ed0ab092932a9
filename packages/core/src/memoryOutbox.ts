/**
 * The in-memory outbox: the reference semantics of the outbox port, for tests, demos and a single
 * process that can afford to lose its queue on exit (use a database outbox otherwise). Values are
 * copied in and out as JSON, as a database would. Lease tokens count claims, one counter per outbox.
 */
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import type { Notification } from "./notifier.js";
import {
  type EnqueueResult,
  OUTBOX_STATUSES,
  Outbox,
  type OutboxEntry,
  type OutboxLease,
  type OutboxService,
  type OutboxStatus,
} from "./outbox.js";

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const nowMs = Effect.map(Clock.currentTimeMillis, Number);
const iso = (ms: number) => new Date(ms).toISOString();

const isOpen = (e: OutboxEntry) => e.status === "pending" || e.status === "retrying";

/** Builds an in-memory `OutboxService`; each call gives an empty, independent outbox. */
export function makeMemoryOutbox(): OutboxService {
  const tenants = new Map<string, Map<string, Mutable<OutboxEntry>>>();
  const tenant = (agencyId: string) => {
    let t = tenants.get(agencyId);
    if (!t) {
      t = new Map();
      tenants.set(agencyId, t);
    }
    return t;
  };
  const sorted = (agencyId: string) =>
    [...tenant(agencyId).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let claims = 0;
  /** The entry, when `lease` is its current lease and it is not final. */
  const held = (agencyId: string, key: string, lease: OutboxLease) => {
    const e = tenant(agencyId).get(key);
    return e !== undefined &&
      isOpen(e) &&
      e.lease !== undefined &&
      e.lease.workerId === lease.workerId &&
      e.lease.token === lease.token
      ? e
      : undefined;
  };

  return {
    enqueue: (agencyId, notifications: readonly Notification[]) =>
      Effect.map(nowMs, (ms): EnqueueResult => {
        const t = tenant(agencyId);
        const added: string[] = [];
        const existing: string[] = [];
        for (const n of notifications) {
          if (t.has(n.key)) {
            existing.push(n.key);
            continue;
          }
          t.set(n.key, {
            key: n.key,
            status: "pending",
            notification: copy(n),
            attempts: 0,
            createdAt: iso(ms),
            nextAttemptAt: iso(ms),
          });
          added.push(n.key);
        }
        return { added, existing };
      }),
    claim: (agencyId, request) =>
      Effect.map(nowMs, (ms) => {
        const due = [...tenant(agencyId).values()]
          .filter(
            (e) =>
              isOpen(e) &&
              Date.parse(e.nextAttemptAt) <= ms &&
              (e.lease === undefined || Date.parse(e.lease.expiresAt) <= ms),
          )
          .sort(
            (a, b) =>
              Date.parse(a.nextAttemptAt) - Date.parse(b.nextAttemptAt) ||
              (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
          )
          .slice(0, Math.max(0, request.limit));
        for (const e of due) {
          claims += 1;
          e.lease = {
            workerId: request.workerId,
            token: String(claims),
            expiresAt: iso(ms + request.leaseMs),
          };
          e.attempts += 1;
        }
        return copy(due);
      }),
    renew: (agencyId, key, lease, leaseMs) =>
      Effect.map(nowMs, (ms) => {
        const e = held(agencyId, key, lease);
        if (e?.lease === undefined) return undefined;
        e.lease = { ...e.lease, expiresAt: iso(ms + leaseMs) };
        return e.lease.expiresAt;
      }),
    markDelivered: (agencyId, key, lease, receipt) =>
      Effect.map(nowMs, (ms) => {
        const e = held(agencyId, key, lease);
        if (e === undefined) return false;
        e.status = "delivered";
        e.deliveredAt = iso(ms);
        e.receipt = copy(receipt);
        delete e.lease;
        return true;
      }),
    markRetry: (agencyId, key, lease, failure, nextAttemptAt) =>
      Effect.sync(() => {
        const e = held(agencyId, key, lease);
        if (e === undefined) return false;
        e.status = "retrying";
        e.lastError = copy(failure);
        e.nextAttemptAt = new Date(Date.parse(nextAttemptAt)).toISOString();
        delete e.lease;
        return true;
      }),
    markDead: (agencyId, key, lease, failure) =>
      Effect.sync(() => {
        const e = held(agencyId, key, lease);
        if (e === undefined) return false;
        e.status = "dead";
        e.lastError = copy(failure);
        delete e.lease;
        return true;
      }),
    requeue: (agencyId, key, options = {}) =>
      Effect.map(nowMs, (ms) => {
        const e = tenant(agencyId).get(key);
        if (e === undefined || e.status !== "dead") return false;
        e.status = "pending";
        e.attempts = 0;
        e.nextAttemptAt = iso(ms);
        e.requeuedAt = iso(ms);
        if (options.by === undefined) delete e.requeuedBy;
        else e.requeuedBy = options.by;
        delete e.lease;
        return true;
      }),
    refresh: (agencyId, notifications) =>
      Effect.sync(() => {
        const t = tenant(agencyId);
        const replaced = new Set<string>();
        // A key given twice gets the last of its notifications, as a database update would.
        for (const n of notifications) {
          const e = t.get(n.key);
          if (e === undefined || e.status !== "pending" || e.attempts !== 0 || e.lease !== undefined)
            continue;
          e.notification = copy(n);
          replaced.add(n.key);
        }
        return [...replaced];
      }),
    get: (agencyId, key) =>
      Effect.sync(() => {
        const e = tenant(agencyId).get(key);
        return e === undefined ? undefined : copy(e);
      }),
    list: (agencyId, filter = {}) =>
      Effect.sync(() =>
        copy(
          sorted(agencyId)
            .filter(
              (e) =>
                (filter.status === undefined || e.status === filter.status) &&
                (filter.after === undefined || e.key > filter.after),
            )
            .slice(0, Math.max(0, filter.limit ?? 100)),
        ),
      ),
    counts: (agencyId) =>
      Effect.sync(() => {
        const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
        for (const e of tenant(agencyId).values()) counts[e.status]++;
        return counts;
      }),
    nextDue: (agencyId) =>
      Effect.sync(() => {
        let best: number | undefined;
        for (const e of tenant(agencyId).values()) {
          if (!isOpen(e)) continue;
          const at = Math.max(
            Date.parse(e.nextAttemptAt),
            e.lease === undefined ? 0 : Date.parse(e.lease.expiresAt),
          );
          if (best === undefined || at < best) best = at;
        }
        return best === undefined ? undefined : iso(best);
      }),
  };
}

/** Layers of the in-memory outbox. */
export const MemoryOutbox = {
  /** A fresh, empty outbox each time the layer is built. */
  layer: (): Layer.Layer<Outbox> => Layer.sync(Outbox, makeMemoryOutbox),
};
