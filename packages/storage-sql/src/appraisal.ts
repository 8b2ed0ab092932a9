/**
 * The appraisal part of the SQL storage (rounds, entries and their append-only history, migration
 * 6) and the evidence store kept in the same database (`cchc_evidence`, bytes as `bytea`). The
 * semantics are those of core's in-memory adapter; the history table refuses UPDATE and DELETE by
 * a trigger, so not even a careless operator's statement edits what happened.
 */
import {
  type AppraisalEntry,
  type AppraisalEvent,
  type AppraisalRound,
  type EvidenceMeta,
  type EvidenceStoreService,
  type EvidenceType,
  idOfEntry,
  isFileId,
  NotFound,
  StorageError,
  type StorageService,
  VersionConflict,
  type Versioned,
} from "@cchc/core";
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import type { SqlDriver } from "./driver.js";
import { storageError } from "./errors.js";
import type { Migration } from "./migrations.js";

/** Migration 6: appraisal rounds, entries, their history (append-only) and evidence files. */
export const APPRAISAL_MIGRATION: Migration = {
  version: 6,
  name: "appraisal",
  sql: `
CREATE TABLE cchc_appraisal_rounds (
  agency_id  text COLLATE "C" NOT NULL,
  plan_id    text COLLATE "C" NOT NULL,
  period_id  text COLLATE "C" NOT NULL,
  state      text NOT NULL,
  version    integer NOT NULL CHECK (version > 0),
  saved_at   timestamptz NOT NULL,
  doc        text NOT NULL,
  PRIMARY KEY (agency_id, plan_id, period_id)
);

CREATE TABLE cchc_appraisal_entries (
  agency_id  text COLLATE "C" NOT NULL,
  plan_id    text COLLATE "C" NOT NULL,
  entry_id   text COLLATE "C" NOT NULL,
  period_id  text COLLATE "C" NOT NULL,
  unit_id    text COLLATE "C",
  node_id    text COLLATE "C" NOT NULL,
  stage      text NOT NULL,
  version    integer NOT NULL CHECK (version > 0),
  saved_at   timestamptz NOT NULL,
  doc        text NOT NULL,
  PRIMARY KEY (agency_id, plan_id, entry_id)
);
CREATE INDEX cchc_appraisal_entries_by_unit ON cchc_appraisal_entries (agency_id, plan_id, unit_id, node_id);

CREATE TABLE cchc_appraisal_history (
  agency_id   text COLLATE "C" NOT NULL,
  plan_id     text COLLATE "C" NOT NULL,
  subject     text NOT NULL CHECK (subject IN ('round', 'entry')),
  subject_id  text COLLATE "C" NOT NULL,
  version     integer NOT NULL CHECK (version > 0),
  at          timestamptz NOT NULL,
  doc         text NOT NULL,
  PRIMARY KEY (agency_id, plan_id, subject, subject_id, version)
);

CREATE FUNCTION cchc_appraisal_history_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cchc_appraisal_history is append-only';
END;
$$;
CREATE TRIGGER cchc_appraisal_history_no_change BEFORE UPDATE OR DELETE ON cchc_appraisal_history
  FOR EACH ROW EXECUTE FUNCTION cchc_appraisal_history_immutable();

CREATE TABLE cchc_evidence (
  agency_id   text COLLATE "C" NOT NULL,
  file_id     text COLLATE "C" NOT NULL CHECK (file_id ~ '^[0-9a-f]{64}$'),
  name        text NOT NULL,
  media_type  text NOT NULL,
  size        bigint NOT NULL CHECK (size >= 0),
  saved_at    timestamptz NOT NULL,
  bytes       bytea NOT NULL,
  PRIMARY KEY (agency_id, file_id)
);
`,
};

const SAVED_AT = `to_char(saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS saved_at`;
const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(Number(ms)).toISOString());
const isVersion = (v: number | null): v is number =>
  v !== null && Number.isInteger(v) && v >= 1 && v <= 2147483647;

interface DocRow {
  readonly version: unknown;
  readonly saved_at: unknown;
  readonly doc: unknown;
}
const versioned = <T>(row: DocRow): Versioned<T> => ({
  value: JSON.parse(String(row.doc)) as T,
  version: Number(row.version),
  savedAt: String(row.saved_at),
});

/** The part of the storage service that the appraisal tables serve. */
export type AppraisalMethods = Pick<
  StorageService,
  "saveRound" | "listRounds" | "saveEntry" | "listEntries" | "appraisalHistory"
>;

/** The appraisal methods of the SQL `StorageService`. */
export function makeSqlAppraisal(driver: SqlDriver): AppraisalMethods {
  const inTransaction = <A>(operation: string, run: (tx: SqlDriver) => Promise<A>) =>
    Effect.tryPromise({ try: () => driver.transaction(run), catch: storageError(operation) });
  const use = <A>(operation: string, run: (db: SqlDriver) => Promise<A>) =>
    Effect.tryPromise({ try: () => run(driver), catch: storageError(operation) });

  /** Writes the document guarded by its version and the history row, in one transaction. */
  const saveWithHistory = <T>(
    operation: string,
    entity: "appraisal-round" | "appraisal-entry",
    id: string,
    expected: number | null,
    value: T,
    event: Omit<AppraisalEvent, "version">,
    sql: {
      readonly insert: string;
      readonly update: string;
      readonly current: string;
      /** Key parameters ($1…), then extra columns, before (saved_at, doc[, expected]). */
      readonly params: readonly unknown[];
      readonly keyCount: number;
    },
    agencyId: string,
    planId: string,
  ) =>
    Effect.flatMap(now, (savedAt) =>
      Effect.flatMap(
        inTransaction(operation, async (tx) => {
          const doc = JSON.stringify(value);
          const written =
            expected === null
              ? await tx.query<{ version: unknown }>(sql.insert, [...sql.params, savedAt, doc])
              : isVersion(expected)
                ? await tx.query<{ version: unknown }>(sql.update, [...sql.params, savedAt, doc, expected])
                : { rows: [] };
          const row = written.rows[0];
          if (row === undefined) {
            const current = await tx.query<{ version: unknown }>(
              sql.current,
              sql.params.slice(0, sql.keyCount),
            );
            const v = current.rows[0];
            return { ok: false as const, actual: v === undefined ? null : Number(v.version) };
          }
          const version = Number(row.version);
          const full: AppraisalEvent = { ...event, version };
          await tx.query(
            `INSERT INTO cchc_appraisal_history (agency_id, plan_id, subject, subject_id, version, at, doc)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [agencyId, planId, event.subject, id, version, event.at, JSON.stringify(full)],
          );
          return { ok: true as const, value: { value: JSON.parse(doc) as T, version, savedAt } };
        }),
        (o) =>
          o.ok
            ? Effect.succeed(o.value)
            : Effect.fail(new VersionConflict({ entity, id, expected, actual: o.actual })),
      ),
    );

  return {
    saveRound: (agencyId, planId, round, expected, event) =>
      saveWithHistory<AppraisalRound>(
        "saveRound",
        "appraisal-round",
        round.periodId,
        expected,
        round,
        { ...event, subject: "round", subjectId: round.periodId },
        {
          insert: `INSERT INTO cchc_appraisal_rounds (agency_id, plan_id, period_id, state, version, saved_at, doc)
                   VALUES ($1, $2, $3, $4, 1, $5, $6)
                   ON CONFLICT (agency_id, plan_id, period_id) DO NOTHING RETURNING version`,
          update: `UPDATE cchc_appraisal_rounds SET version = version + 1, state = $4, saved_at = $5, doc = $6
                    WHERE agency_id = $1 AND plan_id = $2 AND period_id = $3 AND version = $7 RETURNING version`,
          current: `SELECT version FROM cchc_appraisal_rounds WHERE agency_id = $1 AND plan_id = $2 AND period_id = $3`,
          params: [agencyId, planId, round.periodId, round.state],
          keyCount: 3,
        },
        agencyId,
        planId,
      ),

    listRounds: (agencyId, planId) =>
      use("listRounds", async (db) =>
        (
          await db.query<DocRow>(
            `SELECT version, ${SAVED_AT}, doc FROM cchc_appraisal_rounds
              WHERE agency_id = $1 AND plan_id = $2 ORDER BY period_id`,
            [agencyId, planId],
          )
        ).rows.map((r) => versioned<AppraisalRound>(r)),
      ),

    saveEntry: (agencyId, planId, entry, expected, event) => {
      const id = idOfEntry(entry);
      return saveWithHistory<AppraisalEntry>(
        "saveEntry",
        "appraisal-entry",
        id,
        expected,
        entry,
        { ...event, subject: "entry", subjectId: id },
        {
          insert: `INSERT INTO cchc_appraisal_entries
                     (agency_id, plan_id, entry_id, period_id, unit_id, node_id, stage, version, saved_at, doc)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9)
                   ON CONFLICT (agency_id, plan_id, entry_id) DO NOTHING RETURNING version`,
          update: `UPDATE cchc_appraisal_entries SET version = version + 1, stage = $7, saved_at = $8, doc = $9
                    WHERE agency_id = $1 AND plan_id = $2 AND entry_id = $3 AND version = $10
                      AND period_id = $4 AND unit_id IS NOT DISTINCT FROM $5 AND node_id = $6
                    RETURNING version`,
          current: `SELECT version FROM cchc_appraisal_entries WHERE agency_id = $1 AND plan_id = $2 AND entry_id = $3`,
          params: [agencyId, planId, id, entry.periodId, entry.unitId, entry.nodeId, entry.stage],
          keyCount: 3,
        },
        agencyId,
        planId,
      );
    },

    listEntries: (agencyId, planId, filter) =>
      use("listEntries", async (db) => {
        const params: unknown[] = [agencyId, planId];
        const where = ["agency_id = $1", "plan_id = $2"];
        if (filter?.periodId !== undefined) {
          params.push(filter.periodId);
          where.push(`period_id = $${params.length}`);
        }
        if (filter?.unitId === null) where.push("unit_id IS NULL");
        else if (filter?.unitId !== undefined) {
          params.push(filter.unitId);
          where.push(`unit_id = $${params.length}`);
        }
        if (filter?.nodeId !== undefined) {
          params.push(filter.nodeId);
          where.push(`node_id = $${params.length}`);
        }
        return (
          await db.query<DocRow>(
            `SELECT version, ${SAVED_AT}, doc FROM cchc_appraisal_entries WHERE ${where.join(" AND ")} ORDER BY entry_id`,
            params,
          )
        ).rows.map((r) => versioned<AppraisalEntry>(r));
      }),

    appraisalHistory: (agencyId, planId, subject, subjectId) =>
      use("appraisalHistory", async (db) =>
        (
          await db.query<{ doc: unknown }>(
            `SELECT doc FROM cchc_appraisal_history
              WHERE agency_id = $1 AND plan_id = $2 AND subject = $3 AND subject_id = $4 ORDER BY version`,
            [agencyId, planId, subject, subjectId],
          )
        ).rows.map((r) => JSON.parse(String(r.doc)) as AppraisalEvent),
      ),
  };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Bytes as hex text: sent as a text parameter and decoded by the server, so every driver sends bytea alike. */
export function toHex(bytes: Uint8Array): string {
  const parts: string[] = new Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = HEX[bytes[i] as number] as string;
  return parts.join("");
}

/** Hex text back to bytes. */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >>> 1);
  const nibble = (c: number) => (c <= 57 ? c - 48 : (c | 32) - 87);
  for (let i = 0; i < out.length; i++)
    out[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  return out;
}

interface MetaRow {
  readonly file_id: unknown;
  readonly name: unknown;
  readonly media_type: unknown;
  readonly size: unknown;
  readonly saved_at: unknown;
}
const metaOf = (r: MetaRow): EvidenceMeta => ({
  fileId: String(r.file_id),
  name: String(r.name),
  mediaType: String(r.media_type) as EvidenceType,
  size: Number(r.size),
  savedAt: String(r.saved_at),
});
const META = `file_id, name, media_type, size, ${SAVED_AT}`;

/**
 * The evidence store in the same database as the plan (the default): one `cchc_evidence` row per
 * agency and file, the bytes in a `bytea` column.
 */
export function makeSqlEvidenceStore(driver: SqlDriver): EvidenceStoreService {
  const use = <A>(operation: string, run: (db: SqlDriver) => Promise<A>) =>
    Effect.tryPromise({ try: () => run(driver), catch: storageError(operation) });
  const head = (agencyId: string, fileId: string) =>
    Effect.flatMap(
      use("evidence.head", async (db) =>
        isFileId(fileId)
          ? (
              await db.query<MetaRow>(
                `SELECT ${META} FROM cchc_evidence WHERE agency_id = $1 AND file_id = $2`,
                [agencyId, fileId],
              )
            ).rows[0]
          : undefined,
      ),
      (row) =>
        row === undefined
          ? Effect.fail(new NotFound({ entity: "evidence", id: fileId }))
          : Effect.succeed(metaOf(row)),
    );
  return {
    put: (agencyId, file) =>
      Effect.flatMap(now, (savedAt) => {
        if (!isFileId(file.fileId))
          return Effect.fail(
            new StorageError({ operation: "evidence.put", cause: new Error("invalid file id") }),
          );
        return use("evidence.put", async (db) => {
          await db.query(
            `INSERT INTO cchc_evidence (agency_id, file_id, name, media_type, size, saved_at, bytes)
             VALUES ($1, $2, $3, $4, $5, $6, decode($7, 'hex'))
             ON CONFLICT (agency_id, file_id) DO NOTHING`,
            [agencyId, file.fileId, file.name, file.mediaType, file.bytes.length, savedAt, toHex(file.bytes)],
          );
          const row = (
            await db.query<MetaRow>(
              `SELECT ${META} FROM cchc_evidence WHERE agency_id = $1 AND file_id = $2`,
              [agencyId, file.fileId],
            )
          ).rows[0];
          if (row === undefined) throw new Error("evidence row missing after insert");
          return metaOf(row);
        });
      }),
    head,
    get: (agencyId, fileId) =>
      Effect.flatMap(
        use("evidence.get", async (db) =>
          isFileId(fileId)
            ? (
                await db.query<MetaRow & { hex: unknown }>(
                  `SELECT ${META}, encode(bytes, 'hex') AS hex FROM cchc_evidence WHERE agency_id = $1 AND file_id = $2`,
                  [agencyId, fileId],
                )
              ).rows[0]
            : undefined,
        ),
        (row) =>
          row === undefined
            ? Effect.fail(new NotFound({ entity: "evidence", id: fileId }))
            : Effect.succeed({ meta: metaOf(row), bytes: fromHex(String(row.hex)) }),
      ),
  };
}
