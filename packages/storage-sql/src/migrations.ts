/**
 * The one SQL schema of @cchc, as forward-only, versioned migrations shared by PGlite and the
 * PostgreSQL server. A migration is never edited once released: a change is a new, higher version.
 *
 * Every table is keyed by agency (tenant) first, so each query of one agency reads one contiguous
 * range of every index and a national deployment can partition by agency. Identifiers use the "C"
 * collation: ids sort by code point, as the in-memory adapter sorts them, and the same on every
 * server whatever its locale. Documents (plans, units, activities, reports, score sheets) are kept as
 * JSON *text*: they read back exactly as written (key order, numbers, any Unicode). Records, the one
 * big table, have a column per field so scoring and paging can use indexes.
 */
import { ACCOUNTS_MIGRATION } from "./accounts.js";
import { APPRAISAL_MIGRATION } from "./appraisal.js";
import type { SqlDriver } from "./driver.js";
import { OUTBOX_LEASE_TOKEN_MIGRATION, OUTBOX_MIGRATION, OUTBOX_REQUEUE_MIGRATION } from "./outbox.js";

/** One migration: applied once, in version order, inside the migration transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration of the schema, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "initial",
    sql: `
CREATE TABLE cchc_plans (
  agency_id  text COLLATE "C" NOT NULL,
  plan_id    text COLLATE "C" NOT NULL,
  year       integer NOT NULL,
  title      text NOT NULL,
  version    integer NOT NULL CHECK (version > 0),
  saved_at   timestamptz NOT NULL,
  doc        text NOT NULL,
  PRIMARY KEY (agency_id, plan_id)
);

CREATE TABLE cchc_plan_versions (
  agency_id  text COLLATE "C" NOT NULL,
  plan_id    text COLLATE "C" NOT NULL,
  version    integer NOT NULL CHECK (version > 0),
  saved_at   timestamptz NOT NULL,
  doc        text NOT NULL,
  PRIMARY KEY (agency_id, plan_id, version)
);

CREATE TABLE cchc_units (
  agency_id  text COLLATE "C" NOT NULL,
  unit_id    text COLLATE "C" NOT NULL,
  version    integer NOT NULL CHECK (version > 0),
  saved_at   timestamptz NOT NULL,
  doc        text NOT NULL,
  PRIMARY KEY (agency_id, unit_id)
);

CREATE TABLE cchc_activities (
  agency_id    text COLLATE "C" NOT NULL,
  plan_id      text COLLATE "C" NOT NULL,
  activity_id  text COLLATE "C" NOT NULL,
  unit_id      text COLLATE "C" NOT NULL,
  version      integer NOT NULL CHECK (version > 0),
  saved_at     timestamptz NOT NULL,
  doc          text NOT NULL,
  PRIMARY KEY (agency_id, plan_id, activity_id)
);
CREATE INDEX cchc_activities_by_unit ON cchc_activities (agency_id, plan_id, unit_id);

CREATE TABLE cchc_records (
  agency_id     text COLLATE "C" NOT NULL,
  plan_id       text COLLATE "C" NOT NULL,
  record_id     text COLLATE "C" NOT NULL,
  activity_id   text COLLATE "C" NOT NULL,
  unit_id       text COLLATE "C" NOT NULL,
  date          text COLLATE "C" NOT NULL,
  output        double precision NOT NULL,
  participants  bigint,
  cost_vnd      bigint,
  evidence_url  text,
  note          text,
  version       integer NOT NULL DEFAULT 1 CHECK (version > 0),
  saved_at      timestamptz NOT NULL,
  PRIMARY KEY (agency_id, plan_id, record_id)
);
CREATE INDEX cchc_records_by_unit_date ON cchc_records (agency_id, plan_id, unit_id, date);

CREATE TABLE cchc_reports (
  agency_id  text COLLATE "C" NOT NULL,
  plan_id    text COLLATE "C" NOT NULL,
  report_id  text COLLATE "C" NOT NULL,
  unit_id    text COLLATE "C" NOT NULL,
  period_id  text COLLATE "C" NOT NULL,
  version    integer NOT NULL CHECK (version > 0),
  saved_at   timestamptz NOT NULL,
  doc        text NOT NULL,
  PRIMARY KEY (agency_id, plan_id, report_id)
);
CREATE INDEX cchc_reports_by_unit_period ON cchc_reports (agency_id, plan_id, unit_id, period_id);

CREATE TABLE cchc_score_sheets (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  agency_id  text COLLATE "C" NOT NULL,
  plan_id    text COLLATE "C" NOT NULL,
  saved_at   timestamptz NOT NULL,
  doc        text NOT NULL
);
CREATE INDEX cchc_score_sheets_latest ON cchc_score_sheets (agency_id, plan_id, id);
`,
  },
  OUTBOX_MIGRATION,
  OUTBOX_LEASE_TOKEN_MIGRATION,
  OUTBOX_REQUEUE_MIGRATION,
  ACCOUNTS_MIGRATION,
  APPRAISAL_MIGRATION,
];

/** The table that records applied migrations. */
export const MIGRATIONS_TABLE = "cchc_migrations";

/**
 * Key of the transaction-level advisory lock that serialises migrations (several processes
 * starting at once): the first applies, the others wait and then find nothing to do.
 */
export const MIGRATION_LOCK_KEY = 4_181_620_190_601;

/** A migration recorded in `cchc_migrations`. */
export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
  readonly appliedAt: string;
}

/** What `migrate` did. */
export interface MigrateResult {
  /** Versions applied by this call (empty when the schema was current). */
  readonly applied: readonly number[];
  /** The schema version after the call. */
  readonly version: number;
}

/** The database has a migration this library does not know, or knows under another name. */
export class MigrationMismatch extends Error {
  override readonly name = "MigrationMismatch";
}

function checkList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (!Number.isSafeInteger(m.version) || m.version !== i + 1)
      throw new MigrationMismatch(
        `migration ${m.name}: các phiên bản phải là 1, 2, 3… liên tiếp / versions must be 1, 2, 3… in order`,
      );
  });
}

async function ensureTable(tx: SqlDriver): Promise<void> {
  await tx.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
)`);
}

/** Migrations already applied to the database (an empty list for a fresh database). */
export async function appliedMigrations(driver: SqlDriver): Promise<readonly AppliedMigration[]> {
  const exists = await driver.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [
    MIGRATIONS_TABLE,
  ]);
  if (exists.rows[0]?.present !== true) return [];
  const rows = await driver.query<{ version: unknown; name: unknown; applied_at: unknown }>(
    `SELECT version, name, to_char(applied_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS applied_at
       FROM ${MIGRATIONS_TABLE} ORDER BY version`,
  );
  return rows.rows.map((r) => ({
    version: Number(r.version),
    name: String(r.name),
    appliedAt: String(r.applied_at),
  }));
}

/** Migrations of `migrations` not yet applied to the database. */
export async function pendingMigrations(
  driver: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<readonly Migration[]> {
  const done = new Set((await appliedMigrations(driver)).map((m) => m.version));
  return migrations.filter((m) => !done.has(m.version));
}

/**
 * Applies pending migrations in one transaction, under `pg_advisory_xact_lock`, recording each in
 * `cchc_migrations`. Running it again is a no-op. Fails (and changes nothing) when the database
 * records a migration under another name than this library's.
 */
export async function migrate(
  driver: SqlDriver,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  checkList(migrations);
  return driver.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
    await ensureTable(tx);
    const rows = await tx.query<{ version: unknown; name: unknown }>(
      `SELECT version, name FROM ${MIGRATIONS_TABLE} ORDER BY version`,
    );
    const done = new Map(rows.rows.map((r) => [Number(r.version), String(r.name)] as const));
    for (const [version, name] of done) {
      const known = migrations.find((m) => m.version === version);
      if (known !== undefined && known.name !== name)
        throw new MigrationMismatch(
          `migration ${version} trong cơ sở dữ liệu là "${name}", thư viện gọi là "${known.name}" / migration ${version} is "${name}" in the database but "${known.name}" in this library`,
        );
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(`INSERT INTO ${MIGRATIONS_TABLE} (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      applied.push(m.version);
    }
    const version = Math.max(0, ...done.keys(), ...applied);
    return { applied, version };
  });
}
