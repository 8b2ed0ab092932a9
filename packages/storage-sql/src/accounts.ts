/**
 * The `AccountsService` of @cchc over any `SqlDriver`, with the semantics of core's in-memory
 * accounts store (the reference), in the tables of migration 5. Only a password's PHC hash and a
 * session token's SHA-256 are ever stored. Changing a password or disabling an account revokes the
 * account's sessions in the same transaction. A failed sign-in is recorded and counted in one
 * transaction; failures older than the window asked for are deleted on the way.
 */
import type { Account, AccountsService, Session, StorageError } from "@cchc/core";
import * as Effect from "effect/Effect";
import type { SqlDriver } from "./driver.js";
import { sqlState, UNIQUE_VIOLATION } from "./driver.js";
import { storageError } from "./errors.js";
import type { Migration } from "./migrations.js";

/** Migration 5: accounts, sessions (by token digest) and failed sign-ins, keyed by agency first. */
export const ACCOUNTS_MIGRATION: Migration = {
  version: 5,
  name: "accounts",
  sql: `
CREATE TABLE cchc_accounts (
  agency_id      text COLLATE "C" NOT NULL,
  user_name      text COLLATE "C" NOT NULL,
  plan_id        text COLLATE "C" NOT NULL,
  role           text NOT NULL CHECK (role IN ('lead', 'reporter', 'viewer')),
  unit_id        text COLLATE "C",
  password_hash  text,
  disabled       boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  created_by     text,
  PRIMARY KEY (agency_id, user_name),
  CHECK ((role = 'reporter') = (unit_id IS NOT NULL))
);

CREATE TABLE cchc_sessions (
  agency_id     text COLLATE "C" NOT NULL,
  token_digest  text COLLATE "C" NOT NULL,
  user_name     text COLLATE "C" NOT NULL,
  method        text NOT NULL,
  created_at    timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL,
  revoked_at    timestamptz,
  PRIMARY KEY (agency_id, token_digest),
  FOREIGN KEY (agency_id, user_name) REFERENCES cchc_accounts (agency_id, user_name)
);
CREATE INDEX cchc_sessions_by_user ON cchc_sessions (agency_id, user_name) WHERE revoked_at IS NULL;

CREATE TABLE cchc_login_failures (
  agency_id  text COLLATE "C" NOT NULL,
  subject    text COLLATE "C" NOT NULL,
  at         timestamptz NOT NULL
);
CREATE INDEX cchc_login_failures_by_subject ON cchc_login_failures (agency_id, subject, at);
`,
};

const ts = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const ACCOUNT_COLUMNS = `user_name, plan_id, role, unit_id, password_hash, disabled,
  ${ts("created_at")} AS created_at, ${ts("updated_at")} AS updated_at, created_by`;

interface AccountRow {
  user_name: string;
  plan_id: string;
  role: Account["role"];
  unit_id: string | null;
  password_hash: string | null;
  disabled: boolean;
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

const accountOf = (r: AccountRow): Account => ({
  userName: r.user_name,
  planId: r.plan_id,
  role: r.role,
  ...(r.unit_id !== null ? { unitId: r.unit_id } : {}),
  ...(r.password_hash !== null ? { passwordHash: r.password_hash } : {}),
  disabled: r.disabled,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ...(r.created_by !== null ? { createdBy: r.created_by } : {}),
});

interface SessionRow {
  token_digest: string;
  user_name: string;
  method: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  revoked_at: string | null;
}

const sessionOf = (r: SessionRow): Session => ({
  tokenDigest: r.token_digest,
  userName: r.user_name,
  method: r.method,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastSeenAt: r.last_seen_at,
  ...(r.revoked_at !== null ? { revokedAt: r.revoked_at } : {}),
});

/** Builds the accounts service over a driver (the caller has migrated it). */
export function makeSqlAccounts(driver: SqlDriver): AccountsService {
  const run = <A>(operation: string, fn: () => Promise<A>): Effect.Effect<A, StorageError> =>
    Effect.tryPromise({ try: fn, catch: storageError(`accounts.${operation}`) });
  const revokeAll = async (db: SqlDriver, agencyId: string, userName: string, at: string) => {
    const r = await db.query<{ n: number }>(
      `WITH r AS (UPDATE cchc_sessions SET revoked_at = $3
         WHERE agency_id = $1 AND user_name = $2 AND revoked_at IS NULL RETURNING 1)
       SELECT count(*)::int AS n FROM r`,
      [agencyId, userName, at],
    );
    return r.rows[0]?.n ?? 0;
  };
  return {
    addAccount: (agencyId, a) =>
      run("addAccount", async () => {
        try {
          const r = await driver.query(
            `INSERT INTO cchc_accounts (agency_id, user_name, plan_id, role, unit_id, password_hash, disabled, created_at, updated_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, false, $7, $7, $8)
             ON CONFLICT (agency_id, user_name) DO NOTHING RETURNING 1`,
            [
              agencyId,
              a.userName,
              a.planId,
              a.role,
              a.unitId ?? null,
              a.passwordHash ?? null,
              a.createdAt,
              a.createdBy ?? null,
            ],
          );
          return r.rows.length === 1;
        } catch (error) {
          if (sqlState(error) === UNIQUE_VIOLATION) return false;
          throw error;
        }
      }),
    getAccount: (agencyId, userName) =>
      run("getAccount", async () => {
        const r = await driver.query<AccountRow>(
          `SELECT ${ACCOUNT_COLUMNS} FROM cchc_accounts WHERE agency_id = $1 AND user_name = $2`,
          [agencyId, userName],
        );
        const row = r.rows[0];
        return row === undefined ? undefined : accountOf(row);
      }),
    listAccounts: (agencyId) =>
      run("listAccounts", async () => {
        const r = await driver.query<AccountRow>(
          `SELECT ${ACCOUNT_COLUMNS} FROM cchc_accounts WHERE agency_id = $1 ORDER BY user_name`,
          [agencyId],
        );
        return r.rows.map(accountOf);
      }),
    updateAccount: (agencyId, userName, change) =>
      run("updateAccount", () =>
        driver.transaction(async (tx) => {
          const r = await tx.query(
            `UPDATE cchc_accounts SET
               password_hash = COALESCE($3, password_hash),
               disabled = COALESCE($4, disabled),
               updated_at = $5
             WHERE agency_id = $1 AND user_name = $2 RETURNING 1`,
            [agencyId, userName, change.passwordHash ?? null, change.disabled ?? null, change.at],
          );
          if (r.rows.length === 0) return false;
          if (change.passwordHash !== undefined || change.disabled !== undefined)
            await revokeAll(tx, agencyId, userName, change.at);
          return true;
        }),
      ),
    createSession: (agencyId, s) =>
      run("createSession", async () => {
        const r = await driver.query(
          `INSERT INTO cchc_sessions (agency_id, token_digest, user_name, method, created_at, expires_at, last_seen_at, revoked_at)
           SELECT $1, $2, $3, $4, $5, $6, $7, $8
           WHERE EXISTS (SELECT 1 FROM cchc_accounts WHERE agency_id = $1 AND user_name = $3)
           ON CONFLICT (agency_id, token_digest) DO NOTHING RETURNING 1`,
          [
            agencyId,
            s.tokenDigest,
            s.userName,
            s.method,
            s.createdAt,
            s.expiresAt,
            s.lastSeenAt,
            s.revokedAt ?? null,
          ],
        );
        return r.rows.length === 1;
      }),
    findSession: (agencyId, tokenDigest) =>
      run("findSession", async () => {
        const r = await driver.query<SessionRow & { a_user_name: string }>(
          `SELECT s.token_digest, s.user_name, s.method, ${ts("s.created_at")} AS created_at,
             ${ts("s.expires_at")} AS expires_at, ${ts("s.last_seen_at")} AS last_seen_at,
             ${ts("s.revoked_at")} AS revoked_at
           FROM cchc_sessions s WHERE s.agency_id = $1 AND s.token_digest = $2`,
          [agencyId, tokenDigest],
        );
        const row = r.rows[0];
        if (row === undefined) return undefined;
        const a = await driver.query<AccountRow>(
          `SELECT ${ACCOUNT_COLUMNS} FROM cchc_accounts WHERE agency_id = $1 AND user_name = $2`,
          [agencyId, row.user_name],
        );
        const account = a.rows[0];
        return account === undefined ? undefined : { session: sessionOf(row), account: accountOf(account) };
      }),
    touchSession: (agencyId, tokenDigest, at) =>
      run("touchSession", async () => {
        await driver.query(
          `UPDATE cchc_sessions SET last_seen_at = $3
           WHERE agency_id = $1 AND token_digest = $2 AND revoked_at IS NULL AND last_seen_at < $3`,
          [agencyId, tokenDigest, at],
        );
      }),
    revokeSession: (agencyId, tokenDigest, at) =>
      run("revokeSession", async () => {
        const r = await driver.query(
          `UPDATE cchc_sessions SET revoked_at = $3
           WHERE agency_id = $1 AND token_digest = $2 AND revoked_at IS NULL RETURNING 1`,
          [agencyId, tokenDigest, at],
        );
        return r.rows.length === 1;
      }),
    revokeSessions: (agencyId, userName, at) =>
      run("revokeSessions", () => revokeAll(driver, agencyId, userName, at)),
    recordLoginFailure: (agencyId, subject, at, since) =>
      run("recordLoginFailure", () =>
        driver.transaction(async (tx) => {
          await tx.query(
            `DELETE FROM cchc_login_failures WHERE agency_id = $1 AND subject = $2 AND at < $3`,
            [agencyId, subject, since],
          );
          await tx.query(`INSERT INTO cchc_login_failures (agency_id, subject, at) VALUES ($1, $2, $3)`, [
            agencyId,
            subject,
            at,
          ]);
          const r = await tx.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM cchc_login_failures WHERE agency_id = $1 AND subject = $2 AND at >= $3`,
            [agencyId, subject, since],
          );
          return r.rows[0]?.n ?? 0;
        }),
      ),
    loginFailures: (agencyId, subject, since) =>
      run("loginFailures", async () => {
        const r = await driver.query<{ n: number; latest: string | null }>(
          `SELECT count(*)::int AS n, ${ts("max(at)")} AS latest FROM cchc_login_failures
           WHERE agency_id = $1 AND subject = $2 AND at >= $3`,
          [agencyId, subject, since],
        );
        const row = r.rows[0];
        return row === undefined || row.n === 0 || row.latest === null
          ? { count: 0 }
          : { count: row.n, latest: row.latest };
      }),
    clearLoginFailures: (agencyId, subject) =>
      run("clearLoginFailures", async () => {
        await driver.query(`DELETE FROM cchc_login_failures WHERE agency_id = $1 AND subject = $2`, [
          agencyId,
          subject,
        ]);
      }),
  };
}
