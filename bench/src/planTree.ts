/**
 * The country as a tree of plans in PostgreSQL: the national plan, every ministry's and
 * province's, and each province's departments' and communes' plans (`generateDataset` national
 * 2026 with `subPlans`, ≥ 3,000 plans, 2,000,000 records; `CCHC_BENCH_TREE_RECORDS` to change).
 * Measured in one run, on a fresh schema:
 * 1. ingest: the port's `insertRecords` (batches of 5,000, one transaction each) against COPY of
 *    the same rows into another agency, plan by plan, interleaved; ratio reported.
 * 2. roll-up: `scoreStoredTree` of the whole country from PostgreSQL (target < 5 s, and within
 *    1.5 × a hand-written SQL aggregation of the same tracking figures: records, activities and
 *    reports per plan, checked to agree plan by plan).
 * 3. peak RSS of the process over the run, and of the roll-up alone (target < 512 MB).
 */
import {
  DEFAULT_ROLLUP_CONFIG,
  DEFAULT_ROLLUP_GROUPS,
  PAR_COMMUNICATION_PRESET,
  type Rollup,
  type RollupNode,
  Storage,
  type StorageService,
  scoreStoredTree,
} from "@cchc/core";
import { openPostgres, serverAddress } from "@cchc/storage-postgres";
import { copyRecords, makeSqlStorage, migrate } from "@cchc/storage-sql";
import { generateDataset } from "@cchc/testing";
import * as Effect from "effect/Effect";
import { gc } from "./timing.js";
import type { Benchmark } from "./types.js";

const DATABASE_URL = process.env.CCHC_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const RECORDS = Number(process.env.CCHC_BENCH_TREE_RECORDS ?? 2_000_000);
const BATCH = 5_000;
export const TARGET_ROLLUP_MS = 5_000;
export const TARGET_SQL_RATIO = 1.5;
export const TARGET_PEAK_MB = 512;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export const planTreeBenchmark: Benchmark = {
  name: "planTree",
  usesDataset: false,
  description:
    "the country as a tree of plans (≥ 3,000 plans, 2 M records) in PostgreSQL: insertRecords vs COPY, the whole-country roll-up vs hand-written SQL, peak memory",
  async run(ctx) {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const schema = `cchc_tree_${Date.now().toString(36)}`;
    const { driver } = await openPostgres({ connectionString: DATABASE_URL, schema, max: 4 });
    try {
      await migrate(driver);
      const store: StorageService = makeSqlStorage(driver);
      const run = <A, E>(e: Effect.Effect<A, E, Storage>) =>
        Effect.runPromise(Effect.provideService(e, Storage, store));
      ctx.log(`planTree: generating the country with sub-plans, ${RECORDS} records …`);
      const t0 = performance.now();
      const data = generateDataset({
        size: "national",
        seed: 1,
        year: 2026,
        subPlans: true,
        records: RECORDS,
      });
      const all = [data, ...data.subPlans];
      ctx.log(
        `planTree: ${all.length} plans in ${Math.round(performance.now() - t0)} ms; saving plans, activities, reports …`,
      );
      const agency = "bo-noi-vu";
      const copyAgency = "bo-noi-vu-copy";
      let copyMs = 0;
      let insertMs = 0;
      let rows = 0;
      for (const [i, d] of all.entries()) {
        const planId = d.plan.id;
        await run(
          Effect.gen(function* () {
            yield* store.savePlan(agency, d.plan, null);
            yield* Effect.forEach([...d.activities()], (a) => store.saveActivity(agency, planId, a, null), {
              concurrency: 4,
              discard: true,
            });
            yield* Effect.forEach([...d.reports()], (r) => store.submitReport(agency, planId, r), {
              concurrency: 4,
              discard: true,
            });
          }),
        );
        const records = [...d.records()];
        rows += records.length;
        // interleaved: COPY first on even plans, the port first on odd ones
        const copy = async () => {
          const s = performance.now();
          if (records.length > 0) await copyRecords(driver, copyAgency, planId, records);
          copyMs += performance.now() - s;
        };
        const insert = async () => {
          const s = performance.now();
          for (let k = 0; k < records.length; k += BATCH)
            await run(store.insertRecords(agency, planId, records.slice(k, k + BATCH)));
          insertMs += performance.now() - s;
        };
        if (i % 2 === 0) {
          await copy();
          await insert();
        } else {
          await insert();
          await copy();
        }
        if (i % 500 === 0) ctx.log(`planTree: ${i + 1}/${all.length} plans stored, ${rows} records`);
      }
      await driver.query("ANALYZE");

      ctx.log("planTree: rolling the country up from PostgreSQL …");
      // the roll-up's own peak, apart from generating and loading (which hold a plan's records at once)
      const loadPeak = peak;
      gc();
      peak = process.memoryUsage().rss;
      const rollupStart = performance.now();
      const rollup: Rollup = await run(
        scoreStoredTree(agency, data.plan.id, {
          scheme: PAR_COMMUNICATION_PRESET,
          rollup: { ...DEFAULT_ROLLUP_CONFIG, groups: [...DEFAULT_ROLLUP_GROUPS], issueWithinDays: 30 },
        }),
      );
      const rollupMs = performance.now() - rollupStart;
      const rollupPeak = Math.max(peak, process.memoryUsage().rss);

      ctx.log("planTree: the same tracking figures in hand-written SQL …");
      const asOfDate = rollup.asOf.slice(0, 10);
      const sqlStart = performance.now();
      const sql = await driver.query<{
        plan_id: unknown;
        records: unknown;
        activities: unknown;
        reports: unknown;
      }>(
        `SELECT p.plan_id,
                (SELECT count(*) FROM cchc_records r WHERE r.agency_id = p.agency_id AND r.plan_id = p.plan_id AND r.date <= $2) AS records,
                (SELECT count(*) FROM cchc_activities a WHERE a.agency_id = p.agency_id AND a.plan_id = p.plan_id) AS activities,
                (SELECT count(*) FROM cchc_reports x WHERE x.agency_id = p.agency_id AND x.plan_id = p.plan_id) AS reports
           FROM cchc_plans p WHERE p.agency_id = $1`,
        [agency, asOfDate],
      );
      const sqlMs = performance.now() - sqlStart;

      // agreement, plan by plan
      const bySql = new Map(
        sql.rows.map(
          (r) => [String(r.plan_id), [Number(r.records), Number(r.activities), Number(r.reports)]] as const,
        ),
      );
      let nodes = 0;
      let disagree = 0;
      const walk = (n: RollupNode) => {
        nodes++;
        const s = bySql.get(n.planId);
        const o = n.tracking.own;
        if (!s || s[0] !== o.records || s[1] !== o.activities) disagree++;
        for (const c of n.children) walk(c);
      };
      walk(rollup.root);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const copyRate = Math.round(rows / (copyMs / 1000));
      const insertRate = Math.round(rows / (insertMs / 1000));
      const ratio = Math.round((rollupMs / sqlMs) * 100) / 100;
      const agree = disagree === 0 && nodes === all.length && rollup.root.tracking.total.records === rows;
      return {
        where: `PostgreSQL ${serverAddress(DATABASE_URL)}, schema ${schema}`,
        plans: all.length,
        records: rows,
        ingest: {
          copyRowsPerSecond: copyRate,
          insertRecordsRowsPerSecond: insertRate,
          shareOfCopy: Math.round((insertRate / copyRate) * 100) / 100,
          batch: BATCH,
        },
        rollup: {
          ms: Math.round(rollupMs),
          targetMs: TARGET_ROLLUP_MS,
          handWrittenSqlMs: Math.round(sqlMs),
          ratioToSql: ratio,
          targetRatio: TARGET_SQL_RATIO,
          agree,
          disagreeingPlans: disagree,
          rootScore: rollup.root.score ?? null,
          missingSubPlans: rollup.findings.filter((f) => f.code === "plan-tree.sub-plan-missing").length,
          lateSubPlans: rollup.findings.filter((f) => f.code === "plan-tree.sub-plan-late").length,
        },
        peakRssMb: mb(Math.max(peak, loadPeak)),
        rollupPeakRssMb: mb(rollupPeak),
        targetPeakMb: TARGET_PEAK_MB,
        pass: agree && rollupMs < TARGET_ROLLUP_MS && ratio <= TARGET_SQL_RATIO && mb(peak) < TARGET_PEAK_MB,
      };
    } finally {
      clearInterval(sampler);
      await driver.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await driver.close();
    }
  },
};
