/**
 * The `StorageService` of @cchc over any `SqlDriver`: the same semantics as core's in-memory
 * adapter (the reference), kept in the SQL schema of `migrations.ts`.
 *
 * - Every statement is parameterised and filtered by agency first; nothing crosses agencies.
 * - Optimistic concurrency: `UPDATE … WHERE version = $n RETURNING version`; no row back means the
 *   version was stale (or the thing is gone), and a re-read gives the version to report. Creates use
 *   `INSERT … ON CONFLICT DO NOTHING RETURNING`: no row back is a `VersionConflict` (expected null,
 *   actual from a re-read). A plan's update and its history row are one transaction.
 * - `insertRecords` is one transaction of chunked `INSERT … SELECT FROM json_to_recordset($n)`
 *   statements; a duplicate id rolls it all back and is reported as a `VersionConflict` for the first
 *   offending record, as the memory adapter reports it.
 * - `streamRecords` reads keyset pages in id order: memory stays flat whatever the table's size.
 * - Documents are JSON text and read back exactly as written; nothing is normalised on read.
 */
import {
  type Activity,
  type ActualRecord,
  NotFound,
  type Plan,
  type PlanSummary,
  planTreeEntries,
  type RecordFilter,
  type ScoreSheet,
  type StorageError,
  type StorageService,
  type StoredEntity,
  type Unit,
  type UnitReport,
  VersionConflict,
  type Versioned,
} from "@cchc/core";
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Option from "effect/Option";
import * as Stream from "effect/Stream";
import { makeSqlAppraisal } from "./appraisal.js";
import { type SqlDriver, sqlState, UNIQUE_VIOLATION } from "./driver.js";
import { storageError } from "./errors.js";
import { RECORD_SELECT, type RecordRow, recordFromRow, recordsJson } from "./records.js";

/** How `insertRecords` sends rows (all parameterised); "json" is the default and the fastest measured. */
export type InsertMode = "json" | "unnest" | "values";

/** Tuning of `makeSqlStorage`. */
export interface SqlStorageOptions {
  /** Records per INSERT statement inside the `insertRecords` transaction (default 5,000; "values": ≤ 7,000). */
  readonly recordChunkSize?: number;
  /** Records per keyset page of `streamRecords` (default 10,000). */
  readonly streamPageSize?: number;
  /** Statement shape of `insertRecords` (default "json"). */
  readonly insertMode?: InsertMode;
}

/** ISO instant, the way the in-memory adapter stamps `savedAt`. */
const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(Number(ms)).toISOString());

/** `saved_at` as the same ISO text `Date#toISOString` gives (UTC, milliseconds). */
const SAVED_AT = `to_char(saved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS saved_at`;

/** A version the database can compare (int4, ≥ 1); anything else can only be stale. */
const isVersion = (v: number | null): v is number =>
  v !== null && Number.isInteger(v) && v >= 1 && v <= 2147483647;

interface DocRow {
  readonly version: unknown;
  readonly saved_at: unknown;
  readonly doc: unknown;
}

interface VersionRow {
  readonly version: unknown;
}

const versioned = <T>(row: DocRow): Versioned<T> => ({
  value: JSON.parse(String(row.doc)) as T,
  version: Number(row.version),
  savedAt: String(row.saved_at),
});

/** The ids of `rootId` and its descendants among (plan, parent) links, each once; empty without the root. */
function treeIds(rootId: string, links: readonly (readonly [string, string | undefined])[]): string[] {
  if (!links.some(([id]) => id === rootId)) return [];
  const children = new Map<string, string[]>();
  for (const [id, parent] of links) {
    if (parent === undefined || id === rootId) continue;
    const list = children.get(parent);
    if (list) list.push(id);
    else children.set(parent, [id]);
  }
  const out = [rootId];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++)
    for (const c of children.get(out[i] as string) ?? [])
      if (!seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
  return out;
}

const versionOf = (rows: readonly VersionRow[]): number | null => {
  const first = rows[0];
  return first === undefined ? null : Number(first.version);
};

/** What a write found: done, or the version that made it stale. */
type WriteOutcome<T> =
  | { readonly ok: true; readonly value: Versioned<T> }
  | { readonly ok: false; readonly actual: number | null };

const outcome = <T>(
  entity: StoredEntity,
  id: string,
  expected: number | null,
  run: Effect.Effect<WriteOutcome<T>, StorageError>,
): Effect.Effect<Versioned<T>, VersionConflict | StorageError> =>
  Effect.flatMap(run, (o) =>
    o.ok
      ? Effect.succeed(o.value)
      : Effect.fail(new VersionConflict({ entity, id, expected, actual: o.actual })),
  );

type InsertOutcome =
  | { readonly kind: "inserted"; readonly count: number }
  | { readonly kind: "conflict"; readonly id: string; readonly actual: number };

/** WHERE fragments of a record filter; only placeholders are generated, values go in `params`. */
function recordWhere(agencyId: string, planId: string, filter: RecordFilter, params: unknown[]): string {
  params.push(agencyId, planId);
  const parts = ["agency_id = $1", "plan_id = $2"];
  const add = (column: string, op: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    parts.push(`${column} ${op} $${params.length}`);
  };
  add("unit_id", "=", filter.unitId);
  add("activity_id", "=", filter.activityId);
  add("date", ">=", filter.from);
  add("date", "<=", filter.to);
  return parts.join(" AND ");
}

const JSON_INSERT = `INSERT INTO cchc_records
  (agency_id, plan_id, record_id, activity_id, unit_id, date, output, participants, cost_vnd, evidence_url, note, version, saved_at)
SELECT $1, $2, r.id, r."activityId", r."unitId", r.date, r.output, r.participants, r."costVnd", r."evidenceUrl", r.note, 1, $3::timestamptz
  FROM json_to_recordset($4::text::json) AS r(id text, "activityId" text, "unitId" text, date text, output float8,
       participants bigint, "costVnd" bigint, "evidenceUrl" text, note text)`;

const UNNEST_INSERT = `INSERT INTO cchc_records
  (agency_id, plan_id, record_id, activity_id, unit_id, date, output, participants, cost_vnd, evidence_url, note, version, saved_at)
SELECT $1, $2, r.*, 1, $3::timestamptz
  FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::int8[], $10::int8[], $11::text[], $12::text[])
       AS r(record_id, activity_id, unit_id, date, output, participants, cost_vnd, evidence_url, note)`;

const VALUES_HEAD = `INSERT INTO cchc_records
  (agency_id, plan_id, record_id, activity_id, unit_id, date, output, participants, cost_vnd, evidence_url, note, version, saved_at)
VALUES `;

const valuesStatements = new Map<number, string>();
/** The multi-row VALUES statement for `n` rows (placeholders only; cached per size). */
function valuesInsert(n: number): string {
  let text = valuesStatements.get(n);
  if (text === undefined) {
    const rows: string[] = [];
    for (let i = 0; i < n; i++) {
      const b = 4 + i * 9;
      rows.push(
        `($1, $2, $${b}, $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::float8, $${b + 5}::int8, $${b + 6}::int8, $${b + 7}, $${b + 8}, 1, $3::timestamptz)`,
      );
    }
    text = VALUES_HEAD + rows.join(",\n");
    valuesStatements.set(n, text);
  }
  return text;
}

const ON_CONFLICT_SKIP = " ON CONFLICT (agency_id, plan_id, record_id) DO NOTHING RETURNING 1";

/** Counts the rows an `INSERT … ON CONFLICT DO NOTHING RETURNING 1` wrote. */
const countingInsert = (insert: string): string =>
  `WITH written AS (${insert}${ON_CONFLICT_SKIP}) SELECT count(*)::int AS n FROM written`;

/** Records of a chunk whose stored row (inserted earlier, or by this chunk) differs from them. */
const DIFFERING_RECORDS = `SELECT r.id FROM json_to_recordset($3::text::json) AS r(id text, "activityId" text, "unitId" text,
       date text, output float8, participants bigint, "costVnd" bigint, "evidenceUrl" text, note text)
  JOIN cchc_records c ON c.agency_id = $1 AND c.plan_id = $2 AND c.record_id = r.id
 WHERE (c.activity_id, c.unit_id, c.date, c.output, c.participants, c.cost_vnd, c.evidence_url, c.note)
       IS DISTINCT FROM (r."activityId", r."unitId", r.date, r.output, r.participants, r."costVnd", r."evidenceUrl", r.note)`;

/**
 * Inserts `records[from, to)`; returns how many rows were written. With `skip`, rows whose id is
 * stored are left alone (ON CONFLICT DO NOTHING), so the count can be lower.
 */
async function insertChunk(
  tx: SqlDriver,
  mode: InsertMode,
  skip: boolean,
  agencyId: string,
  planId: string,
  savedAt: string,
  records: readonly ActualRecord[],
  from: number,
  to: number,
): Promise<number> {
  const run = async (text: string, params: readonly unknown[]): Promise<number> => {
    if (!skip) {
      await tx.query(text, params);
      return to - from;
    }
    const rows = await tx.query<{ n: unknown }>(countingInsert(text), params);
    return Number(rows.rows[0]?.n ?? 0);
  };
  if (mode === "json") return run(JSON_INSERT, [agencyId, planId, savedAt, recordsJson(records, from, to)]);
  const slice = records.slice(from, to);
  if (mode === "unnest")
    return run(UNNEST_INSERT, [
      agencyId,
      planId,
      savedAt,
      slice.map((r) => r.id),
      slice.map((r) => r.activityId),
      slice.map((r) => r.unitId),
      slice.map((r) => r.date),
      slice.map((r) => r.output),
      slice.map((r) => r.participants ?? null),
      slice.map((r) => r.costVnd ?? null),
      slice.map((r) => r.evidenceUrl ?? null),
      slice.map((r) => r.note ?? null),
    ]);
  const params: unknown[] = [agencyId, planId, savedAt];
  for (const r of slice)
    params.push(
      r.id,
      r.activityId,
      r.unitId,
      r.date,
      r.output,
      r.participants ?? null,
      r.costVnd ?? null,
      r.evidenceUrl ?? null,
      r.note ?? null,
    );
  return run(valuesInsert(slice.length), params);
}

/** Thrown inside the transaction to roll a "skip" insert back when a stored record differs. */
class DifferingRecord extends Error {
  constructor(
    readonly id: string,
    readonly actual: number,
  ) {
    super(`record ${id} differs from the stored one`);
  }
}

/**
 * Builds the SQL `StorageService` over a driver whose database has the schema (`migrate` first).
 * The driver stays the caller's to close.
 */
export function makeSqlStorage(driver: SqlDriver, options: SqlStorageOptions = {}): StorageService {
  const mode = options.insertMode ?? "json";
  const chunkLimit = mode === "values" ? 7000 : 1_000_000;
  const chunkSize = Math.min(chunkLimit, Math.max(1, Math.floor(options.recordChunkSize ?? 5000)));
  const pageSize = Math.max(1, Math.floor(options.streamPageSize ?? 10_000));

  /** Runs driver work as an Effect; any rejection is a `StorageError` of `operation`. */
  const use = <A>(operation: string, run: (db: SqlDriver) => Promise<A>): Effect.Effect<A, StorageError> =>
    Effect.tryPromise({ try: () => run(driver), catch: storageError(operation) });
  const inTransaction = <A>(operation: string, run: (tx: SqlDriver) => Promise<A>) =>
    use(operation, (db) => db.transaction(run));

  const selectVersion = async (db: SqlDriver, text: string, params: readonly unknown[]) =>
    versionOf((await db.query<VersionRow>(text, params)).rows);

  /**
   * After a "skip" chunk wrote fewer rows than it had: every skipped record must be the stored one.
   * The first that differs (in input order) rolls the transaction back as a conflict.
   */
  const checkSkipped = async (
    tx: SqlDriver,
    agencyId: string,
    planId: string,
    records: readonly ActualRecord[],
    from: number,
    to: number,
  ): Promise<void> => {
    const rows = await tx.query<{ id: unknown }>(DIFFERING_RECORDS, [
      agencyId,
      planId,
      recordsJson(records, from, to),
    ]);
    if (rows.rows.length === 0) return;
    const differing = new Set(rows.rows.map((r) => String(r.id)));
    const first = records.slice(from, to).find((r) => differing.has(r.id));
    if (first === undefined) return;
    const actual = await selectVersion(
      tx,
      "SELECT version FROM cchc_records WHERE agency_id = $1 AND plan_id = $2 AND record_id = $3",
      [agencyId, planId, first.id],
    );
    throw new DifferingRecord(first.id, actual ?? 1);
  };

  /**
   * Create-or-update of a versioned document (units, activities): `insert` and `update` return the
   * new version row, `current` the stored version.
   */
  const saveDoc = <T>(
    operation: string,
    entity: StoredEntity,
    id: string,
    expected: number | null,
    value: T,
    statements: {
      readonly insert: string;
      readonly update: string;
      readonly current: string;
      /** Parameters after ($savedAt, $doc): the key, then any extra columns. */
      readonly key: readonly unknown[];
      readonly extra: readonly unknown[];
    },
  ) =>
    Effect.flatMap(now, (savedAt) =>
      outcome<T>(
        entity,
        id,
        expected,
        use(operation, async (db): Promise<WriteOutcome<T>> => {
          const doc = JSON.stringify(value);
          const written =
            expected === null
              ? await db.query<VersionRow>(statements.insert, [
                  ...statements.key,
                  ...statements.extra,
                  savedAt,
                  doc,
                ])
              : isVersion(expected)
                ? await db.query<VersionRow>(statements.update, [
                    ...statements.key,
                    ...statements.extra,
                    savedAt,
                    doc,
                    expected,
                  ])
                : { rows: [] };
          const version = versionOf(written.rows);
          if (version !== null) return { ok: true, value: { value: JSON.parse(doc) as T, version, savedAt } };
          return { ok: false, actual: await selectVersion(db, statements.current, statements.key) };
        }),
      ),
    );

  const service: StorageService = {
    ...makeSqlAppraisal(driver),
    savePlan: (agencyId, plan, expectedVersion) =>
      Effect.flatMap(now, (savedAt) =>
        outcome<Plan>(
          "plan",
          plan.id,
          expectedVersion,
          inTransaction("savePlan", async (tx): Promise<WriteOutcome<Plan>> => {
            const doc = JSON.stringify(plan);
            const key = [agencyId, plan.id];
            const written =
              expectedVersion === null
                ? await tx.query<VersionRow>(
                    `INSERT INTO cchc_plans (agency_id, plan_id, year, title, version, saved_at, doc)
                     VALUES ($1, $2, $3, $4, 1, $5, $6)
                     ON CONFLICT (agency_id, plan_id) DO NOTHING RETURNING version`,
                    [...key, plan.year, plan.title, savedAt, doc],
                  )
                : isVersion(expectedVersion)
                  ? await tx.query<VersionRow>(
                      `UPDATE cchc_plans SET version = version + 1, year = $3, title = $4, saved_at = $5, doc = $6
                        WHERE agency_id = $1 AND plan_id = $2 AND version = $7 RETURNING version`,
                      [...key, plan.year, plan.title, savedAt, doc, expectedVersion],
                    )
                  : { rows: [] };
            const version = versionOf(written.rows);
            if (version === null)
              return {
                ok: false,
                actual: await selectVersion(
                  tx,
                  "SELECT version FROM cchc_plans WHERE agency_id = $1 AND plan_id = $2",
                  key,
                ),
              };
            await tx.query(
              `INSERT INTO cchc_plan_versions (agency_id, plan_id, version, saved_at, doc) VALUES ($1, $2, $3, $4, $5)`,
              [...key, version, savedAt, doc],
            );
            return { ok: true, value: { value: JSON.parse(doc) as Plan, version, savedAt } };
          }),
        ),
      ),

    getPlan: (agencyId, planId, version) =>
      Effect.flatMap(
        use("getPlan", async (db) => {
          if (version === undefined)
            return (
              await db.query<DocRow>(
                `SELECT version, ${SAVED_AT}, doc FROM cchc_plans WHERE agency_id = $1 AND plan_id = $2`,
                [agencyId, planId],
              )
            ).rows[0];
          if (!isVersion(version)) return undefined;
          return (
            await db.query<DocRow>(
              `SELECT version, ${SAVED_AT}, doc FROM cchc_plan_versions
                WHERE agency_id = $1 AND plan_id = $2 AND version = $3`,
              [agencyId, planId, version],
            )
          ).rows[0];
        }),
        (row) =>
          row === undefined
            ? Effect.fail(new NotFound({ entity: "plan", id: planId }))
            : Effect.succeed(versioned<Plan>(row)),
      ),

    planTree: (agencyId, planId) =>
      Effect.flatMap(
        // one snapshot: the links of the root's year first (parsed by the server, no document sent),
        // then only the documents of the tree; a sub-plan of another year is not in the tree
        inTransaction("planTree", async (tx) => {
          const links = await tx.query<{ plan_id: unknown; parent_id: unknown }>(
            `SELECT plan_id, doc::json #>> '{parent,planId}' AS parent_id FROM cchc_plans
              WHERE agency_id = $1 AND year = (SELECT year FROM cchc_plans WHERE agency_id = $1 AND plan_id = $2)`,
            [agencyId, planId],
          );
          const ids = treeIds(
            planId,
            links.rows.map((r) => [String(r.plan_id), r.parent_id == null ? undefined : String(r.parent_id)]),
          );
          if (ids.length === 0) return undefined;
          return (
            await tx.query<DocRow & { plan_id: unknown }>(
              `SELECT plan_id, version, ${SAVED_AT}, doc FROM cchc_plans
                WHERE agency_id = $1 AND plan_id IN (SELECT json_array_elements_text($2::json))`,
              [agencyId, JSON.stringify(ids)],
            )
          ).rows;
        }),
        (rows) => {
          const entries =
            rows &&
            planTreeEntries(
              planId,
              rows.map((r) => versioned<Plan>(r)),
            );
          return entries
            ? Effect.succeed(entries)
            : Effect.fail(new NotFound({ entity: "plan", id: planId }));
        },
      ),

    listPlans: (agencyId) =>
      use("listPlans", async (db) => {
        const rows = await db.query<{ plan_id: unknown; year: unknown; title: unknown } & DocRow>(
          `SELECT plan_id, year, title, version, ${SAVED_AT} FROM cchc_plans WHERE agency_id = $1 ORDER BY plan_id`,
          [agencyId],
        );
        return rows.rows.map(
          (r): PlanSummary => ({
            planId: String(r.plan_id),
            year: Number(r.year),
            title: String(r.title),
            version: Number(r.version),
            savedAt: String(r.saved_at),
          }),
        );
      }),

    planHistory: (agencyId, planId) =>
      Effect.flatMap(
        use(
          "planHistory",
          async (db) =>
            (
              await db.query<DocRow>(
                `SELECT version, ${SAVED_AT}, doc FROM cchc_plan_versions
                  WHERE agency_id = $1 AND plan_id = $2 ORDER BY version`,
                [agencyId, planId],
              )
            ).rows,
        ),
        (rows) =>
          rows.length === 0
            ? Effect.fail(new NotFound({ entity: "plan", id: planId }))
            : Effect.succeed(rows.map((r) => versioned<Plan>(r))),
      ),

    saveUnit: (agencyId, unit, expectedVersion) =>
      saveDoc<Unit>("saveUnit", "unit", unit.id, expectedVersion, unit, {
        insert: `INSERT INTO cchc_units (agency_id, unit_id, version, saved_at, doc) VALUES ($1, $2, 1, $3, $4)
                 ON CONFLICT (agency_id, unit_id) DO NOTHING RETURNING version`,
        update: `UPDATE cchc_units SET version = version + 1, saved_at = $3, doc = $4
                  WHERE agency_id = $1 AND unit_id = $2 AND version = $5 RETURNING version`,
        current: "SELECT version FROM cchc_units WHERE agency_id = $1 AND unit_id = $2",
        key: [agencyId, unit.id],
        extra: [],
      }),

    listUnits: (agencyId) =>
      use("listUnits", async (db) =>
        (
          await db.query<DocRow>(
            `SELECT version, ${SAVED_AT}, doc FROM cchc_units WHERE agency_id = $1 ORDER BY unit_id`,
            [agencyId],
          )
        ).rows.map((r) => versioned<Unit>(r)),
      ),

    saveActivity: (agencyId, planId, activity, expectedVersion) =>
      saveDoc<Activity>("saveActivity", "activity", activity.id, expectedVersion, activity, {
        insert: `INSERT INTO cchc_activities (agency_id, plan_id, activity_id, unit_id, version, saved_at, doc)
                 VALUES ($1, $2, $3, $4, 1, $5, $6)
                 ON CONFLICT (agency_id, plan_id, activity_id) DO NOTHING RETURNING version`,
        update: `UPDATE cchc_activities SET version = version + 1, unit_id = $4, saved_at = $5, doc = $6
                  WHERE agency_id = $1 AND plan_id = $2 AND activity_id = $3 AND version = $7 RETURNING version`,
        current:
          "SELECT version FROM cchc_activities WHERE agency_id = $1 AND plan_id = $2 AND activity_id = $3",
        key: [agencyId, planId, activity.id],
        extra: [activity.unitId],
      }),

    listActivities: (agencyId, planId, filter) =>
      use("listActivities", async (db) => {
        const params: unknown[] = [agencyId, planId];
        let where = "agency_id = $1 AND plan_id = $2";
        if (filter?.unitId !== undefined) {
          params.push(filter.unitId);
          where += " AND unit_id = $3";
        }
        return (
          await db.query<DocRow>(
            `SELECT version, ${SAVED_AT}, doc FROM cchc_activities WHERE ${where} ORDER BY activity_id`,
            params,
          )
        ).rows.map((r) => versioned<Activity>(r));
      }),

    insertRecords: (agencyId, planId, records, options) =>
      records.length === 0
        ? Effect.succeed(0)
        : Effect.flatMap(now, (savedAt) =>
            Effect.flatMap(
              use("insertRecords", async (db): Promise<InsertOutcome> => {
                const skip = options?.existing === "skip";
                try {
                  const count = await db.transaction(async (tx) => {
                    let written = 0;
                    for (let from = 0; from < records.length; from += chunkSize) {
                      const to = Math.min(records.length, from + chunkSize);
                      const n = await insertChunk(
                        tx,
                        mode,
                        skip,
                        agencyId,
                        planId,
                        savedAt,
                        records,
                        from,
                        to,
                      );
                      written += n;
                      if (n < to - from) await checkSkipped(tx, agencyId, planId, records, from, to);
                    }
                    return written;
                  });
                  return { kind: "inserted", count };
                } catch (error) {
                  if (error instanceof DifferingRecord)
                    return { kind: "conflict", id: error.id, actual: error.actual };
                  if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
                  // rolled back: find the first record that was stored already or repeated, in order
                  const stored = await db.query<{ record_id: unknown; version: unknown }>(
                    `SELECT record_id, version FROM cchc_records
                      WHERE agency_id = $1 AND plan_id = $2
                        AND record_id IN (SELECT json_array_elements_text($3::text::json))`,
                    [agencyId, planId, JSON.stringify(records.map((r) => r.id))],
                  );
                  const versions = new Map(stored.rows.map((r) => [String(r.record_id), Number(r.version)]));
                  const seen = new Set<string>();
                  for (const r of records) {
                    if (versions.has(r.id) || seen.has(r.id))
                      return { kind: "conflict", id: r.id, actual: versions.get(r.id) ?? 1 };
                    seen.add(r.id);
                  }
                  // unreachable without deletes: a colliding row of a concurrent writer is visible once
                  // committed (and no collision happens if it rolls back)
                  throw error;
                }
              }),
              (result) =>
                result.kind === "inserted"
                  ? Effect.succeed(result.count)
                  : Effect.fail(
                      new VersionConflict({
                        entity: "record",
                        id: result.id,
                        expected: null,
                        actual: result.actual,
                      }),
                    ),
            ),
          ),

    updateRecord: (agencyId, planId, record, expectedVersion) =>
      Effect.flatMap(now, (savedAt) =>
        Effect.flatMap(
          use("updateRecord", async (db): Promise<WriteOutcome<ActualRecord>> => {
            const key = [agencyId, planId, record.id];
            if (isVersion(expectedVersion)) {
              const written = await db.query<VersionRow>(
                `UPDATE cchc_records
                    SET activity_id = $4, unit_id = $5, date = $6, output = $7, participants = $8, cost_vnd = $9,
                        evidence_url = $10, note = $11, version = version + 1, saved_at = $12
                  WHERE agency_id = $1 AND plan_id = $2 AND record_id = $3 AND version = $13
                  RETURNING version`,
                [
                  ...key,
                  record.activityId,
                  record.unitId,
                  record.date,
                  record.output,
                  record.participants ?? null,
                  record.costVnd ?? null,
                  record.evidenceUrl ?? null,
                  record.note ?? null,
                  savedAt,
                  expectedVersion,
                ],
              );
              const version = versionOf(written.rows);
              if (version !== null)
                return {
                  ok: true,
                  value: { value: JSON.parse(JSON.stringify(record)) as ActualRecord, version, savedAt },
                };
            }
            return {
              ok: false,
              actual: await selectVersion(
                db,
                "SELECT version FROM cchc_records WHERE agency_id = $1 AND plan_id = $2 AND record_id = $3",
                key,
              ),
            };
          }),
          (result): Effect.Effect<Versioned<ActualRecord>, VersionConflict | NotFound> => {
            if (result.ok) return Effect.succeed(result.value);
            return result.actual === null
              ? Effect.fail(new NotFound({ entity: "record", id: record.id }))
              : Effect.fail(
                  new VersionConflict({
                    entity: "record",
                    id: record.id,
                    expected: expectedVersion,
                    actual: result.actual,
                  }),
                );
          },
        ),
      ),

    getRecord: (agencyId, planId, recordId) =>
      Effect.flatMap(
        use(
          "getRecord",
          async (db) =>
            (
              await db.query<RecordRow & VersionRow & { saved_at: unknown }>(
                `SELECT ${RECORD_SELECT}, version, ${SAVED_AT} FROM cchc_records
                  WHERE agency_id = $1 AND plan_id = $2 AND record_id = $3`,
                [agencyId, planId, recordId],
              )
            ).rows[0],
        ),
        (row) =>
          row === undefined
            ? Effect.fail(new NotFound({ entity: "record", id: recordId }))
            : Effect.succeed({
                value: recordFromRow(row),
                version: Number(row.version),
                savedAt: String(row.saved_at),
              }),
      ),

    listRecords: (agencyId, planId, filter, page) =>
      use("listRecords", async (db) => {
        const limit = Number.isNaN(page.limit) ? 0 : Math.max(0, page.limit);
        if (limit === 0) return [];
        const params: unknown[] = [];
        let where = recordWhere(agencyId, planId, filter, params);
        if (page.after !== undefined) {
          params.push(page.after);
          where += ` AND record_id > $${params.length}`;
        }
        let tail = "";
        if (Number.isFinite(limit)) {
          params.push(Math.floor(limit));
          tail = ` LIMIT $${params.length}`;
        }
        const rows = await db.query<RecordRow & VersionRow & { saved_at: unknown }>(
          `SELECT ${RECORD_SELECT}, version, ${SAVED_AT} FROM cchc_records WHERE ${where} ORDER BY record_id${tail}`,
          params,
        );
        return rows.rows.map((r) => ({
          value: recordFromRow(r),
          version: Number(r.version),
          savedAt: String(r.saved_at),
        }));
      }),

    countRecords: (agencyId, planId, filter) =>
      use("countRecords", async (db) => {
        const params: unknown[] = [];
        const where = recordWhere(agencyId, planId, filter ?? {}, params);
        const rows = await db.query<{ n: unknown }>(
          `SELECT count(*) AS n FROM cchc_records WHERE ${where}`,
          params,
        );
        return Number(rows.rows[0]?.n ?? 0);
      }),

    streamRecords: (agencyId, planId, filter) => {
      const params: unknown[] = [];
      const where = recordWhere(agencyId, planId, filter ?? {}, params);
      params.push(pageSize);
      const limit = `$${params.length}`;
      const first = `SELECT ${RECORD_SELECT} FROM cchc_records WHERE ${where} ORDER BY record_id LIMIT ${limit}`;
      const next = `SELECT ${RECORD_SELECT} FROM cchc_records WHERE ${where} AND record_id > $${params.length + 1}
                     ORDER BY record_id LIMIT ${limit}`;
      return Stream.paginate(undefined as string | undefined, (after) =>
        use("streamRecords", async (db) => {
          const rows = (
            after === undefined
              ? await db.query<RecordRow>(first, params)
              : await db.query<RecordRow>(next, [...params, after])
          ).rows;
          const records = rows.map(recordFromRow);
          const last = records.at(-1);
          return [
            records,
            rows.length < pageSize || last === undefined ? Option.none<string>() : Option.some(last.id),
          ] as const;
        }),
      );
    },

    submitReport: (agencyId, planId, report) =>
      saveDoc<UnitReport>("submitReport", "report", report.id, null, report, {
        insert: `INSERT INTO cchc_reports (agency_id, plan_id, report_id, unit_id, period_id, version, saved_at, doc)
                 VALUES ($1, $2, $3, $4, $5, 1, $6, $7)
                 ON CONFLICT (agency_id, plan_id, report_id) DO NOTHING RETURNING version`,
        update: "SELECT NULL AS version WHERE false",
        current: "SELECT version FROM cchc_reports WHERE agency_id = $1 AND plan_id = $2 AND report_id = $3",
        key: [agencyId, planId, report.id],
        extra: [report.unitId, report.periodId],
      }),

    listReports: (agencyId, planId, filter) =>
      use("listReports", async (db) => {
        const params: unknown[] = [agencyId, planId];
        let where = "agency_id = $1 AND plan_id = $2";
        if (filter?.unitId !== undefined) {
          params.push(filter.unitId);
          where += ` AND unit_id = $${params.length}`;
        }
        if (filter?.periodId !== undefined) {
          params.push(filter.periodId);
          where += ` AND period_id = $${params.length}`;
        }
        return (
          await db.query<DocRow>(
            `SELECT version, ${SAVED_AT}, doc FROM cchc_reports WHERE ${where} ORDER BY report_id`,
            params,
          )
        ).rows.map((r) => versioned<UnitReport>(r));
      }),

    saveScoreSheet: (agencyId, planId, sheet) =>
      Effect.flatMap(now, (savedAt) =>
        use("saveScoreSheet", async (db) => {
          const rows = await db.query<{ id: unknown }>(
            `INSERT INTO cchc_score_sheets (agency_id, plan_id, saved_at, doc) VALUES ($1, $2, $3, $4) RETURNING id`,
            [agencyId, planId, savedAt, JSON.stringify(sheet)],
          );
          return { id: String(rows.rows[0]?.id), savedAt };
        }),
      ),

    latestScoreSheet: (agencyId, planId) =>
      Effect.flatMap(
        use(
          "latestScoreSheet",
          async (db) =>
            (
              await db.query<{ doc: unknown; saved_at: unknown }>(
                `SELECT doc, ${SAVED_AT} FROM cchc_score_sheets
                  WHERE agency_id = $1 AND plan_id = $2 ORDER BY id DESC LIMIT 1`,
                [agencyId, planId],
              )
            ).rows[0],
        ),
        (row) =>
          row === undefined
            ? Effect.fail(new NotFound({ entity: "score-sheet", id: planId }))
            : Effect.succeed({
                sheet: JSON.parse(String(row.doc)) as ScoreSheet,
                savedAt: String(row.saved_at),
              }),
      ),
  };
  return service;
}
