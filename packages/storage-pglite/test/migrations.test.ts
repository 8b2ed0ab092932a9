/**
 * The shared migrations on PGlite: applied once and recorded, a no-op the second time, refused when
 * the database knows a migration under another name, and a folder that cannot hold a database fails
 * with one clear message; a folder is opened by one layer at a time (a dead holder's lock is taken
 * over). One PGlite instance for the migration cases (its start is the slow part).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { Storage } from "@cchc/core";
import {
  appliedMigrations,
  MIGRATIONS,
  MIGRATIONS_TABLE,
  MigrationMismatch,
  migrate,
  pendingMigrations,
} from "@cchc/storage-sql";
import type { PGlite } from "@electric-sql/pglite";
import * as Effect from "effect/Effect";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCK_FILE, openPglite, PgliteStorage, pgliteDriver } from "../src/index.js";

let pg: PGlite;
beforeAll(async () => {
  pg = await openPglite();
});
afterAll(() => pg.close());

describe("migrations on PGlite", () => {
  it("apply in order once, are recorded, and a second run is a no-op", async () => {
    const driver = pgliteDriver(pg);
    expect(await appliedMigrations(driver)).toEqual([]);
    expect((await pendingMigrations(driver)).map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const first = await migrate(driver);
    expect(first).toEqual({ applied: MIGRATIONS.map((m) => m.version), version: MIGRATIONS.length });
    const applied = await appliedMigrations(driver);
    expect(applied.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
    for (const m of applied) expect(Number.isNaN(Date.parse(m.appliedAt))).toBe(false);
    expect(await migrate(driver)).toEqual({ applied: [], version: MIGRATIONS.length });
    expect(await pendingMigrations(driver)).toEqual([]);
    const tables = await driver.query<{ n: unknown }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_name LIKE 'cchc\\_%'",
    );
    expect(Number(tables.rows[0]?.n)).toBeGreaterThanOrEqual(8);
  });

  it("refuse a database whose migration 1 has another name, changing nothing", async () => {
    const driver = pgliteDriver(pg);
    await driver.query(`UPDATE ${MIGRATIONS_TABLE} SET name = 'someone-else' WHERE version = 1`);
    try {
      await expect(migrate(driver)).rejects.toBeInstanceOf(MigrationMismatch);
      await expect(migrate(driver)).rejects.toThrow(/someone-else/);
    } finally {
      await driver.query(`UPDATE ${MIGRATIONS_TABLE} SET name = $1 WHERE version = 1`, [MIGRATIONS[0]?.name]);
    }
    expect((await migrate(driver)).applied).toEqual([]);
  });

  it("refuse a list of migrations with gaps", async () => {
    const driver = pgliteDriver(pg);
    await expect(migrate(driver, [{ version: 2, name: "x", sql: "SELECT 1" }])).rejects.toBeInstanceOf(
      MigrationMismatch,
    );
  });
});

describe("opening a data folder", () => {
  it("a path that is a file fails the layer with a StorageError naming the folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cchc-pglite-bad-"));
    const file = join(dir, "không-phải-thư-mục");
    writeFileSync(file, "x");
    try {
      const runtime = ManagedRuntime.make(PgliteStorage.layer({ dataDir: file }));
      const error = await runtime.runPromise(Effect.service(Storage)).then(
        () => undefined,
        (e: unknown) => e,
      );
      await runtime.dispose();
      expect(error).toMatchObject({ _tag: "StorageError", operation: "openPglite" });
      expect((error as Error).message).toContain("không-phải-thư-mục");
      expect((error as Error).message).toContain("cannot open PGlite");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the data folder lock", () => {
  const storeIn = (dataDir: string) => {
    const runtime = ManagedRuntime.make(PgliteStorage.layer({ dataDir }));
    const open = () => runtime.runPromise(Effect.service(Storage));
    return { runtime, open };
  };

  it("a second layer on an open folder fails naming the holder; after release, and over a dead holder's lock, it opens", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cchc-pglite-lock-"));
    const dataDir = join(dir, "kho");
    try {
      const first = storeIn(dataDir);
      await first.open();
      const holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), "utf8")) as { pid: number };
      expect(holder.pid).toBe(process.pid);
      const second = storeIn(dataDir);
      const error = await second.open().then(
        () => undefined,
        (e: unknown) => e,
      );
      await second.runtime.dispose();
      expect(error).toMatchObject({ _tag: "StorageError" });
      expect((error as Error).message).toContain(`in use by process ${process.pid}`);
      await first.runtime.dispose();
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);

      // a lock left by a process that died (kill -9) is taken over
      const dead = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
      writeFileSync(
        join(dataDir, LOCK_FILE),
        JSON.stringify({ pid: dead, hostname: hostname(), since: "x" }),
      );
      const third = storeIn(dataDir);
      await third.open();
      await third.runtime.dispose();
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
