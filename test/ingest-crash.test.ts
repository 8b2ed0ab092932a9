/**
 * Killing an ingest half way. The BUILT `cchc ingest` runs as a child process on a medium dataset
 * (50,000 records, batches of 2,000) and gets SIGKILL after a few committed batches — no chance to
 * clean up. Then the store is opened again and must be consistent: every committed batch whole and
 * in order, nothing of the batch that was being written, the activities (written before the records)
 * all there. A rerun without --resume stops at line 1 and says so; with --resume it completes, and
 * the store then holds exactly the dataset. Run for a PGlite data folder and the PostgreSQL server.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type ActualRecord, compareIds, Storage, type StorageService } from "@cchc/core";
import { PgliteStorage } from "@cchc/storage-pglite";
import { openPostgres, PostgresStorage } from "@cchc/storage-postgres";
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import * as Stream from "effect/Stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildResult, startNode } from "./support/node.js";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(here, "../packages/cli/dist/main.js");
const TEST_DATABASE_URL = process.env.CCHC_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const BATCH = 2_000;
/** Committed batches to wait for before the kill. */
const KILL_AFTER = 4;

let dir: string;
let manifest: { planId: string; counts: { activities: number; records: number; reports: number } };
let records: ActualRecord[];
let schema: string | undefined;

function start(args: readonly string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CCHC_")));
  return startNode(BIN, args, { cwd: dir, env });
}

const cchc = (...args: string[]) => start(args).done;

/** Runs `ingest --progress` and SIGKILLs it right after batch KILL_AFTER is reported committed. */
async function ingestAndKill(db: string): Promise<ChildResult & { seenBatches: number }> {
  const { child, done } = start([
    "ingest",
    "d",
    "--plan",
    manifest.planId,
    "--db",
    db,
    "--batch-size",
    String(BATCH),
    "--progress",
  ]);
  let seen = 0;
  child.stderr?.on("data", (t: string) => {
    seen += (t.match(/batch \d+ committed/g) ?? []).length;
    if (seen >= KILL_AFTER && child.exitCode === null) child.kill("SIGKILL");
  });
  const result = await done;
  return { ...result, seenBatches: seen };
}

/** Opens the store in this process, reads what the test checks, and closes it again. */
async function inspect(layer: Layer.Layer<Storage, unknown>, planId: string) {
  const runtime = ManagedRuntime.make(layer);
  try {
    return await runtime.runPromise(
      Effect.gen(function* () {
        const store: StorageService = yield* Storage;
        return {
          activities: (yield* store.listActivities("default", planId)).length,
          reports: (yield* store.listReports("default", planId)).length,
          records: yield* Stream.runCollect(store.streamRecords("default", planId)),
        };
      }),
    );
  } finally {
    await runtime.dispose();
  }
}

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
  dir = await mkdtemp(join(tmpdir(), "cchc-crash-"));
  const generated = await cchc("generate", "--size", "medium", "--seed", "9", "--out", "d");
  expect(generated.code, generated.stderr).toBe(0);
  manifest = JSON.parse(await readFile(join(dir, "d", "manifest.json"), "utf8"));
  records = (await readFile(join(dir, "d", "records.ndjson"), "utf8"))
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as ActualRecord);
  expect(records.length).toBe(manifest.counts.records);
}, 120_000);

afterAll(async () => {
  if (schema !== undefined) {
    const { driver } = await openPostgres({ connectionString: TEST_DATABASE_URL, max: 1 });
    await driver.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await driver.close();
  }
  await rm(dir, { recursive: true, force: true });
});

const stores = [
  {
    name: "a PGlite data folder",
    db: () => "kho-pglite",
    layer: () => PgliteStorage.layer({ dataDir: join(dir, "kho-pglite") }),
  },
  {
    name: "the PostgreSQL server",
    db: () => {
      const url = new URL(TEST_DATABASE_URL);
      url.searchParams.set("options", `-c search_path=${schema}`);
      return url.toString();
    },
    layer: () => PostgresStorage.layer({ connectionString: TEST_DATABASE_URL, schema, max: 2 }),
    prepare: async () => {
      schema = `cchc_crash_${process.pid}_${Date.now().toString(36)}`;
      const { driver } = await openPostgres({ connectionString: TEST_DATABASE_URL, schema, max: 1 });
      await driver.close();
    },
  },
];

describe.each(stores)("SIGKILL in the middle of `cchc ingest` into $name", (target) => {
  it("leaves every committed batch whole and nothing else; --resume then completes the ingest", async () => {
    await target.prepare?.();
    const db = target.db();
    const saved = await cchc("plans", "save", "d/plan.json", "--db", db);
    expect(saved.code, saved.stderr).toBe(0);

    const killed = await ingestAndKill(db);
    expect(killed.signal, `the ingest ended on its own: ${killed.stderr}`).toBe("SIGKILL");
    expect(killed.seenBatches).toBeGreaterThanOrEqual(KILL_AFTER);

    // consistent: whole batches of the input, in input order, nothing half-written
    const after = await inspect(target.layer(), manifest.planId);
    const n = after.records.length;
    expect(n % BATCH, `${n} records stored: not whole batches`).toBe(0);
    expect(n).toBeGreaterThanOrEqual(KILL_AFTER * BATCH);
    expect(n).toBeLessThan(records.length);
    const expected = records.slice(0, n).sort((a, b) => compareIds(a.id, b.id));
    expect(after.records).toStrictEqual(expected);
    expect(after.activities).toBe(manifest.counts.activities);
    expect(after.reports).toBe(0);

    // a plain rerun refuses to insert twice, and says what to do
    const rerun = await cchc("ingest", "d", "--plan", manifest.planId, "--db", db);
    expect(rerun.code, rerun.stderr).toBe(1);
    expect(rerun.stderr.split("\n")).toHaveLength(2);
    expect(rerun.stderr).toMatch(/^cchc: activities\.ndjson: .*--resume/);

    const resumed = await cchc("ingest", "d", "--plan", manifest.planId, "--db", db, "--resume", "--json");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({
      resume: true,
      activities: { saved: 0, skipped: manifest.counts.activities },
      records: { inserted: records.length - n, skipped: n },
      reports: { saved: manifest.counts.reports, skipped: 0 },
    });

    const complete = await inspect(target.layer(), manifest.planId);
    expect(complete.records).toStrictEqual([...records].sort((a, b) => compareIds(a.id, b.id)));
    expect(complete.activities).toBe(manifest.counts.activities);
    expect(complete.reports).toBe(manifest.counts.reports);
  }, 300_000);
});
