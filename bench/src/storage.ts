/**
 * Storage at national scale (the 2026 country: 52 plans, 1,000,000 records; every plan saved in one
 * agency's store, each plan's records ingested under it). For PGlite (a fresh data folder) and the
 * PostgreSQL server (a fresh schema), in this same run: the national records ingested through the port (`ingestRecords`
 * from the NDJSON lines, with its defaults: parse, check, one transaction per batch of 5,000)
 * against `COPY` of the same rows, each into an emptied table, in the order COPY, ingest, ingest,
 * COPY (the best of each counts, so drift of a shared machine hits both alike). Target: the port's
 * ingest reaches at least 50 % of COPY's rows per second. `insertRecords` of the parsed records
 * (the storage path without parsing) is measured once, for diagnosis. Then the national data is
 * scored with `scoreStoredPlan` from PostgreSQL and from the in-memory store, and both sheets compared.
 *
 * The PostgreSQL server is `CCHC_BENCH_DATABASE_URL` (default postgres://postgres@127.0.0.1:5432/test);
 * the schema and the PGlite folder are removed afterwards.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type Activity,
  type ActualRecord,
  ingestRecords,
  MemoryStorage,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  type ScoreSheet,
  Storage,
  type StorageService,
  scoreStoredPlan,
  type UnitReport,
} from "@cchc/core";
import { openPglite, pgliteDriver } from "@cchc/storage-pglite";
import { openPostgres, serverAddress } from "@cchc/storage-postgres";
import { copyRecords, makeSqlStorage, migrate, type SqlDriver } from "@cchc/storage-sql";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { gc } from "./timing.js";
import { type BenchContext, type Benchmark, total } from "./types.js";

/** The port's ingest must reach this share of COPY's throughput. */
export const TARGET_COPY_SHARE = 0.5;
/** Records per transaction: `ingestRecords`' default (and so `cchc ingest`'s). */
export const INGEST_BATCH = 5_000;

const DATABASE_URL = process.env.CCHC_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

interface Target {
  readonly name: "pglite" | "postgres";
  readonly where: string;
  readonly driver: SqlDriver;
  cleanup(): Promise<void>;
}

const runId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function pgliteTarget(): Promise<Target> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-bench-pglite-"));
  const pg = await openPglite({ dataDir: dir });
  return {
    name: "pglite",
    where: `PGlite data folder ${dir}`,
    driver: pgliteDriver(pg),
    cleanup: async () => {
      await pg.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresTarget(): Promise<Target> {
  const schema = `cchc_bench_${runId()}`;
  const { driver } = await openPostgres({ connectionString: DATABASE_URL, schema, max: 4 });
  return {
    name: "postgres",
    where: `PostgreSQL ${serverAddress(DATABASE_URL)}, schema ${schema}`,
    driver,
    cleanup: async () => {
      await driver.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await driver.close();
    },
  };
}

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

const provide = (store: StorageService) => Layer.succeed(Storage, store);

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  gc();
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function countRows(driver: SqlDriver, agencyId: string): Promise<number> {
  const rows = await driver.query<{ n: unknown }>(
    "SELECT count(*) AS n FROM cchc_records WHERE agency_id = $1",
    [agencyId],
  );
  return Number(rows.rows[0]?.n ?? 0);
}

interface Tracking {
  readonly plan: Plan;
  readonly activities: readonly Activity[];
  readonly records: readonly ActualRecord[];
  readonly reports: readonly UnitReport[];
  readonly lines: readonly string[];
}

/** Saves every plan and its activities (not timed). */
async function seed(store: StorageService, agencyId: string, plans: readonly Tracking[]): Promise<void> {
  for (const t of plans)
    await Effect.runPromise(
      Effect.gen(function* () {
        yield* store.savePlan(agencyId, t.plan, null);
        yield* Effect.forEach(t.activities, (a) => store.saveActivity(agencyId, t.plan.id, a, null), {
          concurrency: 4,
          discard: true,
        });
      }),
    );
}

/** COPY, then the port's ingest, then insertRecords, each into an emptied records table. */
async function measureIngest(ctx: BenchContext, target: Target, plans: readonly Tracking[]) {
  const { driver } = target;
  await migrate(driver);
  const store = makeSqlStorage(driver);
  const agencyId = `bench-${runId()}`;
  await seed(store, agencyId, plans);
  const rows = total(plans, (t) => t.records.length);
  const lines = total(plans, (t) => t.lines.length);
  const empty = () => driver.exec("TRUNCATE cchc_records");

  const runCopy = async (run: number) => {
    await empty();
    ctx.log(`storage: ${target.name}: COPY of ${rows} rows (run ${run}) …`);
    const r = await timed(async () => {
      for (const t of plans) await copyRecords(driver, agencyId, t.plan.id, t.records);
    });
    const stored = await countRows(driver, agencyId);
    ctx.log(`storage: ${target.name}: COPY ${round(r.ms)} ms (${rate(rows, r.ms)} rows/s)`);
    return { ms: r.ms, stored };
  };
  const runIngest = async (run: number) => {
    await empty();
    ctx.log(
      `storage: ${target.name}: ingestRecords of ${lines} NDJSON lines of ${plans.length} plan(s) (run ${run}) …`,
    );
    const r = await timed(async () => {
      let batches = 0;
      for (const t of plans)
        batches += (
          await Effect.runPromise(Effect.provide(ingestRecords(agencyId, t.plan.id, t.lines), provide(store)))
        ).batches;
      return { batches };
    });
    const stored = await countRows(driver, agencyId);
    ctx.log(`storage: ${target.name}: ingestRecords ${round(r.ms)} ms (${rate(rows, r.ms)} rows/s)`);
    return { ms: r.ms, stored, batches: r.value.batches };
  };
  const copies = [await runCopy(1)];
  const ingests = [await runIngest(1), await runIngest(2)];
  copies.push(await runCopy(2));
  const copy = { ms: Math.min(...copies.map((c) => c.ms)) };
  const ingest = { ms: Math.min(...ingests.map((c) => c.ms)), value: { batches: ingests[0]?.batches ?? 0 } };
  const copied = Math.min(...copies.map((c) => c.stored));
  const ingested = Math.min(...ingests.map((c) => c.stored));
  await empty();

  ctx.log(`storage: ${target.name}: insertRecords of parsed records (batches of ${INGEST_BATCH}) …`);
  const insert = await timed(async () => {
    for (const t of plans)
      for (let from = 0; from < t.records.length; from += INGEST_BATCH)
        await Effect.runPromise(
          store.insertRecords(agencyId, t.plan.id, t.records.slice(from, from + INGEST_BATCH)),
        );
  });
  const inserted = await countRows(driver, agencyId);
  ctx.log(`storage: ${target.name}: insertRecords ${round(insert.ms)} ms (${rate(rows, insert.ms)} rows/s)`);
  // the records stay for scoring

  const copyRate = rate(rows, copy.ms);
  const ingestRate = rate(rows, ingest.ms);
  const insertRate = rate(rows, insert.ms);
  const complete = copied === rows && ingested === rows && inserted === rows;
  return {
    store,
    agencyId,
    result: {
      where: target.where,
      plans: plans.length,
      rows,
      copy: { ms: round(copy.ms), rowsPerSecond: copyRate, runsMs: copies.map((c) => round(c.ms)) },
      ingestRecords: {
        ms: round(ingest.ms),
        rowsPerSecond: ingestRate,
        batches: ingest.value.batches,
        shareOfCopy: round(ingestRate / copyRate, 2),
        runsMs: ingests.map((c) => round(c.ms)),
      },
      insertRecords: {
        ms: round(insert.ms),
        rowsPerSecond: insertRate,
        shareOfCopy: round(insertRate / copyRate, 2),
      },
      rowsStored: { copy: copied, ingestRecords: ingested, insertRecords: inserted },
      targetShareOfCopy: TARGET_COPY_SHARE,
      pass: complete && ingestRate / copyRate >= TARGET_COPY_SHARE,
    },
  };
}

export const storageBenchmark: Benchmark = {
  name: "storage",
  description:
    "national records: ingestRecords and insertRecords vs COPY into PGlite and PostgreSQL; scoring from PostgreSQL vs memory",
  async run(ctx) {
    const parsed = await ctx.tracking();
    const lines = await ctx.recordLines();
    const plans: Tracking[] = parsed.map((t, k) => ({
      plan: t.plan,
      activities: t.activities,
      records: t.records,
      reports: t.reports,
      lines: lines[k] ?? [],
    }));
    const records = total(plans, (t) => t.records.length);

    const results: Record<string, Awaited<ReturnType<typeof measureIngest>>["result"]> = {};
    let scoring: Record<string, unknown> | undefined;
    for (const open of [pgliteTarget, postgresTarget]) {
      const target = await open();
      try {
        const measured = await measureIngest(ctx, target, plans);
        results[target.name] = measured.result;
        if (target.name === "postgres") {
          ctx.log(`storage: scoring ${plans.length} plan(s) from PostgreSQL vs from memory …`);
          for (const t of plans)
            await Effect.runPromise(
              Effect.forEach(t.reports, (r) => measured.store.submitReport(measured.agencyId, t.plan.id, r), {
                concurrency: 4,
                discard: true,
              }),
            );
          const memory = await Effect.runPromise(
            Effect.gen(function* () {
              const store = yield* Storage;
              for (const t of plans) {
                yield* store.savePlan(measured.agencyId, t.plan, null);
                for (const a of t.activities)
                  yield* store.saveActivity(measured.agencyId, t.plan.id, a, null);
                for (let from = 0; from < t.records.length; from += 100_000)
                  yield* store.insertRecords(
                    measured.agencyId,
                    t.plan.id,
                    t.records.slice(from, from + 100_000),
                  );
                for (const r of t.reports) yield* store.submitReport(measured.agencyId, t.plan.id, r);
              }
              return store;
            }).pipe(Effect.provide(MemoryStorage.layer())),
          );
          // every plan scored, one after the other: one warm-up each side, then the better of two runs
          // one timing (and one heap collection before it) around the whole country, not one per plan
          const scoreAll = async (store: StorageService) => {
            const { ms, value: sheets } = await timed(async () => {
              const out: ScoreSheet[] = [];
              for (const t of plans)
                out.push(
                  await Effect.runPromise(
                    Effect.provide(
                      scoreStoredPlan(measured.agencyId, t.plan.id, { scheme: PAR_COMMUNICATION_PRESET }),
                      provide(store),
                    ),
                  ),
                );
              return out;
            });
            return { ms, sheets };
          };
          await scoreAll(memory);
          const memoryRuns = [await scoreAll(memory), await scoreAll(memory)];
          await scoreAll(measured.store);
          const pgRuns = [await scoreAll(measured.store), await scoreAll(measured.store)];
          const memoryMs = Math.min(...memoryRuns.map((r) => r.ms));
          const pgMs = Math.min(...pgRuns.map((r) => r.ms));
          const agree = JSON.stringify(memoryRuns[0]?.sheets) === JSON.stringify(pgRuns[0]?.sheets);
          if (!agree) ctx.log("storage: MISMATCH between the sheets scored from PostgreSQL and from memory");
          scoring = {
            plans: plans.length,
            records: total(pgRuns[0]?.sheets ?? [], (sheet) => sheet.counts.records),
            units: total(pgRuns[0]?.sheets ?? [], (sheet) => sheet.units.length),
            memoryMs: round(memoryMs),
            postgresMs: round(pgMs),
            ratio: round(pgMs / memoryMs, 2),
            postgresRecordsPerSecond: rate(records, pgMs),
            sheetsAgree: agree,
            pass: agree,
          };
          ctx.log(`storage: scoring memory ${round(memoryMs)} ms, PostgreSQL ${round(pgMs)} ms`);
        }
      } finally {
        await target.cleanup();
      }
    }
    const all = [...Object.values(results), ...(scoring ? [scoring] : [])];
    return {
      batchSize: INGEST_BATCH,
      ingest: results,
      scoring,
      pass: all.every((r) => (r as { pass: boolean }).pass),
    };
  },
};
