/**
 * The `OutboxService` of @cchc over any `SqlDriver`, with the semantics of core's in-memory outbox
 * (the reference) in the table of migration 2, with the lease token of migration 3 and the requeue record of migration 4.
 *
 * - `enqueue`: one transaction of `INSERT … ON CONFLICT DO NOTHING RETURNING key`: a key already
 *   there is never touched.
 * - `claim`: ONE statement, `WITH due AS MATERIALIZED (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)
 *   UPDATE … FROM due`: concurrent claimers on other connections skip the rows being leased instead
 *   of waiting for them or taking them twice. The CTE is materialised so the locked selection is
 *   evaluated once (a subquery in `UPDATE … FROM` may be rescanned and exceed its LIMIT).
 * - The lease token is a per-entry claim counter (`lease_token`, bumped by every claim): a fencing
 *   token. `renew` and the marks are single `UPDATE`s guarded by `lease_owner = $worker AND
 *   lease_token = $token AND status IN (open)`, so a dispatcher whose lease was taken over (even by
 *   a claim under the same worker id) can neither record a second delivery nor overwrite the new
 *   holder's outcome. A mark racing a takeover waits for the claim's row lock, then re-reads the
 *   row (READ COMMITTED) and finds the new token: one of the two wins, never both.
 * - Instants come from Effect's `Clock` and are sent as parameters (`now()` is never used), so the
 *   SQL outbox and the memory one agree to the millisecond and `TestClock` drives both.
 */
import {
  type EnqueueResult,
  type Notification,
  OUTBOX_STATUSES,
  type OutboxEntry,
  type OutboxFailure,
  type OutboxService,
  type OutboxStatus,
  type Receipt,
  type StorageError,
} from "@cchc/core";
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import type { SqlDriver } from "./driver.js";
import { storageError } from "./errors.js";
import type { Migration } from "./migrations.js";

/** Migration 2: the outbox table and the partial index claims scan. */
export const OUTBOX_MIGRATION: Migration = {
  version: 2,
  name: "outbox",
  sql: `
CREATE TABLE cchc_outbox (
  agency_id         text COLLATE "C" NOT NULL,
  key               text COLLATE "C" NOT NULL,
  status            text NOT NULL CHECK (status IN ('pending', 'retrying', 'delivered', 'dead')),
  attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  created_at        timestamptz NOT NULL,
  next_attempt_at   timestamptz NOT NULL,
  lease_owner       text,
  lease_expires_at  timestamptz,
  last_error        text,
  delivered_at      timestamptz,
  receipt           text,
  doc               text NOT NULL,
  PRIMARY KEY (agency_id, key)
);
CREATE INDEX cchc_outbox_due ON cchc_outbox (agency_id, next_attempt_at, key)
  WHERE status IN ('pending', 'retrying');
CREATE INDEX cchc_outbox_by_status ON cchc_outbox (agency_id, status, key);
`,
};

/**
 * Migration 3: the lease token. A counter per entry that every claim bumps; an existing row starts
 * at 0 (its current lease, if any, is token "0"). Forward-only: adding a column with a constant
 * default rewrites nothing.
 */
export const OUTBOX_LEASE_TOKEN_MIGRATION: Migration = {
  version: 3,
  name: "outbox-lease-token",
  sql: `
ALTER TABLE cchc_outbox ADD COLUMN lease_token bigint NOT NULL DEFAULT 0;
`,
};

/**
 * Migration 4: who requeued a dead entry and when (`requeue` records them; NULL for entries never
 * requeued). Forward-only, nullable columns: nothing is rewritten.
 */
export const OUTBOX_REQUEUE_MIGRATION: Migration = {
  version: 4,
  name: "outbox-requeued",
  sql: `
ALTER TABLE cchc_outbox ADD COLUMN requeued_at timestamptz, ADD COLUMN requeued_by text;
`,
};

/** Entries per INSERT statement of `enqueue`. */
const ENQUEUE_CHUNK = 1_000;

const ts = (column: string, alias: string) =>
  `to_char(${alias}${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;

/** The columns of an entry, timestamps as ISO text; `alias` qualifies them ("o." in the claim). */
const columns = (alias = "") =>
  [
    `${alias}key`,
    `${alias}status`,
    `${alias}attempts`,
    ts("created_at", alias),
    ts("next_attempt_at", alias),
    `${alias}lease_owner`,
    `${alias}lease_token::text AS lease_token`,
    ts("lease_expires_at", alias),
    `${alias}last_error`,
    ts("delivered_at", alias),
    `${alias}receipt`,
    ts("requeued_at", alias),
    `${alias}requeued_by`,
    `${alias}doc`,
  ].join(", ");

const COLUMNS = columns();

const OPEN = "status IN ('pending', 'retrying')";

interface Row {
  readonly key: unknown;
  readonly status: unknown;
  readonly attempts: unknown;
  readonly created_at: unknown;
  readonly next_attempt_at: unknown;
  readonly lease_owner: unknown;
  readonly lease_token: unknown;
  readonly lease_expires_at: unknown;
  readonly last_error: unknown;
  readonly delivered_at: unknown;
  readonly receipt: unknown;
  readonly requeued_at: unknown;
  readonly requeued_by: unknown;
  readonly doc: unknown;
}

function entryFromRow(r: Row): OutboxEntry {
  return {
    key: String(r.key),
    status: String(r.status) as OutboxStatus,
    notification: JSON.parse(String(r.doc)) as Notification,
    attempts: Number(r.attempts),
    createdAt: String(r.created_at),
    nextAttemptAt: String(r.next_attempt_at),
    ...(r.lease_owner === null || r.lease_owner === undefined
      ? {}
      : {
          lease: {
            workerId: String(r.lease_owner),
            token: String(r.lease_token),
            expiresAt: String(r.lease_expires_at),
          },
        }),
    ...(r.last_error === null || r.last_error === undefined
      ? {}
      : { lastError: JSON.parse(String(r.last_error)) as OutboxFailure }),
    ...(r.delivered_at === null || r.delivered_at === undefined
      ? {}
      : { deliveredAt: String(r.delivered_at) }),
    ...(r.receipt === null || r.receipt === undefined
      ? {}
      : { receipt: JSON.parse(String(r.receipt)) as Receipt }),
    ...(r.requeued_at === null || r.requeued_at === undefined ? {} : { requeuedAt: String(r.requeued_at) }),
    ...(r.requeued_by === null || r.requeued_by === undefined ? {} : { requeuedBy: String(r.requeued_by) }),
  };
}

const byDueThenKey = (a: OutboxEntry, b: OutboxEntry) =>
  a.nextAttemptAt < b.nextAttemptAt
    ? -1
    : a.nextAttemptAt > b.nextAttemptAt
      ? 1
      : a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : 0;

const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(Number(ms)).toISOString());

/** The guard of `renew` and the marks: $3 = worker id, $4 = lease token, while the entry is open. */
const HELD = `lease_owner = $3 AND lease_token = $4::bigint AND ${OPEN}`;

/** A token this outbox could have issued (a bigint in decimal); anything else is never held. */
const tokenParam = (token: string) => (/^\d{1,18}$/.test(token) ? token : "-1");

/** Builds the SQL outbox over a driver whose database has migrations 2 to 4 applied. */
export function makeSqlOutbox(driver: SqlDriver): OutboxService {
  const io = <A>(operation: string, run: (now: string) => Promise<A>): Effect.Effect<A, StorageError> =>
    Effect.flatMap(nowIso, (now) =>
      Effect.tryPromise({ try: () => run(now), catch: storageError(operation) }),
    );
  const updated = (rows: readonly unknown[]) => rows.length > 0;

  return {
    enqueue: (agencyId, notifications) =>
      io("outbox.enqueue", (now) =>
        driver.transaction(async (tx): Promise<EnqueueResult> => {
          const inserted = new Set<string>();
          for (let i = 0; i < notifications.length; i += ENQUEUE_CHUNK) {
            const chunk = notifications
              .slice(i, i + ENQUEUE_CHUNK)
              .map((n) => ({ key: n.key, doc: JSON.stringify(n) }));
            const r = await tx.query<{ key: unknown }>(
              `INSERT INTO cchc_outbox (agency_id, key, status, attempts, created_at, next_attempt_at, doc)
               SELECT $1, r.key, 'pending', 0, $2::timestamptz, $2::timestamptz, r.doc
                 FROM json_to_recordset($3::text::json) AS r(key text, doc text)
               ON CONFLICT (agency_id, key) DO NOTHING
               RETURNING key`,
              [agencyId, now, JSON.stringify(chunk)],
            );
            for (const row of r.rows) inserted.add(String(row.key));
          }
          const added: string[] = [];
          const existing: string[] = [];
          for (const n of notifications) {
            if (inserted.delete(n.key)) added.push(n.key);
            else existing.push(n.key);
          }
          return { added, existing };
        }),
      ),
    claim: (agencyId, request) =>
      io("outbox.claim", async (now) => {
        const expires = new Date(Date.parse(now) + request.leaseMs).toISOString();
        const r = await driver.query<Row>(
          `WITH due AS MATERIALIZED (
             SELECT key FROM cchc_outbox
              WHERE agency_id = $1 AND ${OPEN} AND next_attempt_at <= $2::timestamptz
                AND (lease_expires_at IS NULL OR lease_expires_at <= $2::timestamptz)
              ORDER BY next_attempt_at, key
              LIMIT $5
              FOR UPDATE SKIP LOCKED)
           UPDATE cchc_outbox o
              SET lease_owner = $3, lease_expires_at = $4::timestamptz, attempts = o.attempts + 1,
                  lease_token = o.lease_token + 1
             FROM due
            WHERE o.agency_id = $1 AND o.key = due.key
        RETURNING ${columns("o.")}`,
          [agencyId, now, request.workerId, expires, Math.max(0, Math.floor(request.limit))],
        );
        return r.rows.map(entryFromRow).sort(byDueThenKey);
      }),
    renew: (agencyId, key, lease, leaseMs) =>
      io("outbox.renew", async (now) => {
        const expires = new Date(Date.parse(now) + leaseMs).toISOString();
        const r = await driver.query<{ lease_expires_at: unknown }>(
          `UPDATE cchc_outbox SET lease_expires_at = $5::timestamptz
            WHERE agency_id = $1 AND key = $2 AND ${HELD}
        RETURNING ${ts("lease_expires_at", "")}`,
          [agencyId, key, lease.workerId, tokenParam(lease.token), expires],
        );
        const at = r.rows[0]?.lease_expires_at;
        return at === null || at === undefined ? undefined : String(at);
      }),
    markDelivered: (agencyId, key, lease, receipt) =>
      io("outbox.markDelivered", async (now) => {
        const r = await driver.query(
          `UPDATE cchc_outbox SET status = 'delivered', delivered_at = $5::timestamptz, receipt = $6,
                  lease_owner = NULL, lease_expires_at = NULL
            WHERE agency_id = $1 AND key = $2 AND ${HELD}
        RETURNING key`,
          [agencyId, key, lease.workerId, tokenParam(lease.token), now, JSON.stringify(receipt)],
        );
        return updated(r.rows);
      }),
    markRetry: (agencyId, key, lease, failure, nextAttemptAt) =>
      io("outbox.markRetry", async () => {
        const r = await driver.query(
          `UPDATE cchc_outbox SET status = 'retrying', next_attempt_at = $5::timestamptz, last_error = $6,
                  lease_owner = NULL, lease_expires_at = NULL
            WHERE agency_id = $1 AND key = $2 AND ${HELD}
        RETURNING key`,
          [agencyId, key, lease.workerId, tokenParam(lease.token), nextAttemptAt, JSON.stringify(failure)],
        );
        return updated(r.rows);
      }),
    markDead: (agencyId, key, lease, failure) =>
      io("outbox.markDead", async () => {
        const r = await driver.query(
          `UPDATE cchc_outbox SET status = 'dead', last_error = $5, lease_owner = NULL, lease_expires_at = NULL
            WHERE agency_id = $1 AND key = $2 AND ${HELD}
        RETURNING key`,
          [agencyId, key, lease.workerId, tokenParam(lease.token), JSON.stringify(failure)],
        );
        return updated(r.rows);
      }),
    requeue: (agencyId, key, options = {}) =>
      io("outbox.requeue", async (now) => {
        const r = await driver.query(
          `UPDATE cchc_outbox SET status = 'pending', attempts = 0, next_attempt_at = $3::timestamptz,
                  lease_owner = NULL, lease_expires_at = NULL, requeued_at = $3::timestamptz, requeued_by = $4
            WHERE agency_id = $1 AND key = $2 AND status = 'dead'
        RETURNING key`,
          [agencyId, key, now, options.by ?? null],
        );
        return updated(r.rows);
      }),
    refresh: (agencyId, notifications) =>
      io("outbox.refresh", async () => {
        const replaced = new Set<string>();
        // A key given twice gets the last of its notifications (one row per key in each statement).
        const latest = [...new Map(notifications.map((n) => [n.key, JSON.stringify(n)])).entries()];
        for (let i = 0; i < latest.length; i += ENQUEUE_CHUNK) {
          const chunk = latest.slice(i, i + ENQUEUE_CHUNK).map(([key, doc]) => ({ key, doc }));
          // One statement per chunk; the guard is re-checked under the row lock a claim would take.
          const r = await driver.query<{ key: unknown }>(
            `UPDATE cchc_outbox o SET doc = r.doc
               FROM json_to_recordset($2::text::json) AS r(key text, doc text)
              WHERE o.agency_id = $1 AND o.key = r.key AND o.status = 'pending' AND o.attempts = 0
                AND o.lease_owner IS NULL
          RETURNING o.key`,
            [agencyId, JSON.stringify(chunk)],
          );
          for (const row of r.rows) replaced.add(String(row.key));
        }
        return latest.map(([key]) => key).filter((key) => replaced.has(key));
      }),
    get: (agencyId, key) =>
      io("outbox.get", async () => {
        const r = await driver.query<Row>(
          `SELECT ${COLUMNS} FROM cchc_outbox WHERE agency_id = $1 AND key = $2`,
          [agencyId, key],
        );
        const row = r.rows[0];
        return row === undefined ? undefined : entryFromRow(row);
      }),
    list: (agencyId, filter = {}) =>
      io("outbox.list", async () => {
        const params: unknown[] = [agencyId];
        const where = ["agency_id = $1"];
        if (filter.status !== undefined) {
          params.push(filter.status);
          where.push(`status = $${params.length}`);
        }
        if (filter.after !== undefined) {
          params.push(filter.after);
          where.push(`key > $${params.length}`);
        }
        params.push(Math.max(0, Math.floor(filter.limit ?? 100)));
        const r = await driver.query<Row>(
          `SELECT ${COLUMNS} FROM cchc_outbox WHERE ${where.join(" AND ")} ORDER BY key LIMIT $${params.length}`,
          params,
        );
        return r.rows.map(entryFromRow);
      }),
    counts: (agencyId) =>
      io("outbox.counts", async () => {
        const r = await driver.query<{ status: unknown; n: unknown }>(
          "SELECT status, count(*)::int AS n FROM cchc_outbox WHERE agency_id = $1 GROUP BY status",
          [agencyId],
        );
        const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
        for (const row of r.rows) counts[String(row.status) as OutboxStatus] = Number(row.n);
        return counts;
      }),
    nextDue: (agencyId) =>
      io("outbox.nextDue", async () => {
        const r = await driver.query<{ at: unknown }>(
          `SELECT to_char(min(GREATEST(next_attempt_at, COALESCE(lease_expires_at, next_attempt_at))) AT TIME ZONE 'UTC',
                          'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at
             FROM cchc_outbox WHERE agency_id = $1 AND ${OPEN}`,
          [agencyId],
        );
        const at = r.rows[0]?.at;
        return at === null || at === undefined ? undefined : String(at);
      }),
  };
}
