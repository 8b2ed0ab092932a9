/**
 * @cchc/storage-pglite — the embedded default store: PostgreSQL in WASM (PGlite), in a data folder
 * or in memory, no server. The schema, migrations and storage semantics are `@cchc/storage-sql`'s;
 * this package opens PGlite, wraps it as an `SqlDriver` and provides the `Storage` layer.
 */
import { mkdir, open as openFile, readFile, rm } from "node:fs/promises";
import { hostname } from "node:os";
import { join, resolve } from "node:path";
import {
  Accounts,
  Outbox,
  type OutboxService,
  Storage,
  type StorageError,
  type StorageService,
} from "@cchc/core";
import {
  copyRecords,
  type MigrateResult,
  makeSqlAccounts,
  makeSqlOutbox,
  makeSqlStorage,
  migrate,
  quoteIdent,
  type SqlDriver,
  type SqlStorageOptions,
  storageError,
} from "@cchc/storage-sql";
import { PGlite, type PGliteInterface, type Transaction } from "@electric-sql/pglite";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import type * as Scope from "effect/Scope";

export { copyRecords };

/** Options of the PGlite store. */
export interface PgliteStorageOptions {
  /** Data folder (created if missing); omitted: an in-memory database that ends with the layer. */
  readonly dataDir?: string;
  /** Apply pending migrations on start (default true). */
  readonly migrate?: boolean;
  /** Tuning of the SQL storage (chunk and page sizes). */
  readonly sql?: SqlStorageOptions;
}

/**
 * Opens PGlite on a data folder (created if missing) or in memory; the caller closes it. Unlike the
 * layer it takes no lock: the caller makes sure no other process has the folder (`lockDataDir`).
 */
export async function openPglite(options: { readonly dataDir?: string } = {}): Promise<PGlite> {
  if (options.dataDir === undefined) return PGlite.create();
  const dataDir = resolve(options.dataDir);
  try {
    await mkdir(dataDir, { recursive: true });
    return await PGlite.create({ dataDir });
  } catch (error) {
    throw cannotOpen(dataDir, error);
  }
}

function cannotOpen(dataDir: string, error: unknown): Error {
  const why = error instanceof Error ? error.message : String(error);
  return new Error(
    `không mở được PGlite ở thư mục ${dataDir} / cannot open PGlite in folder ${dataDir}: ${why}`,
  );
}

/** The lock file a layer keeps in its data folder while it has the folder open. */
export const LOCK_FILE = ".cchc-lock";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
};

/**
 * Takes the data folder for this process: PGlite has no lock of its own, and two processes (or two
 * layers) writing one folder would corrupt it. The lock is a file in the folder naming the process;
 * one left by a process that died (a crash, `kill -9`) on this machine is taken over. Returns the
 * release. Fails, naming the holder, while another live process has the folder.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const dir = resolve(dataDir);
  const path = join(dir, LOCK_FILE);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw cannotOpen(dir, error);
  }
  const me = { pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const file = await openFile(path, "wx");
      try {
        await file.writeFile(JSON.stringify(me));
      } finally {
        await file.close();
      }
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST") throw cannotOpen(dir, error);
      let holder: { pid?: unknown; hostname?: unknown } = {};
      try {
        holder = JSON.parse(await readFile(path, "utf8")) as typeof holder;
      } catch {
        holder = {};
      }
      const pid = typeof holder.pid === "number" ? holder.pid : undefined;
      const stale =
        holder.hostname === me.hostname && pid !== undefined && pid !== process.pid && !alive(pid);
      if (stale && attempt === 0) {
        await rm(path, { force: true });
        continue;
      }
      throw new Error(
        `thư mục ${dir} đang được tiến trình ${pid ?? "?"} trên ${String(holder.hostname ?? "?")} mở (xóa ${path} nếu chắc chắn không còn tiến trình nào dùng) / folder ${dir} is in use by process ${pid ?? "?"} on ${String(holder.hostname ?? "?")} (delete ${path} if you are sure no process uses it)`,
      );
    }
  }
}

type Queryable = Pick<PGliteInterface, "query" | "exec"> | Transaction;

function driverOn(
  db: Queryable,
  transaction: SqlDriver["transaction"],
  close: () => Promise<void>,
): SqlDriver {
  const self: SqlDriver = {
    query: async <R>(text: string, params: readonly unknown[] = []) => {
      const result = await db.query<R>(text, [...params]);
      return { rows: result.rows };
    },
    exec: async (script) => {
      await db.exec(script);
    },
    transaction,
    close,
    copyFrom: async (table, columns, data) => {
      const result = await db.query(
        `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) FROM '/dev/blob'`,
        [],
        { blob: new Blob([data]) },
      );
      return result.affectedRows ?? 0;
    },
  };
  return self;
}

/**
 * An `SqlDriver` over a PGlite instance: transactions through `pg.transaction` (PGlite runs one at a
 * time; other calls wait), COPY through `FROM '/dev/blob'`. `close` closes the instance.
 */
export function pgliteDriver(pg: PGliteInterface): SqlDriver {
  const transaction = <T>(fn: (tx: SqlDriver) => Promise<T>): Promise<T> =>
    pg.transaction((tx) => {
      const inner: SqlDriver = driverOn(
        tx,
        (nested) => nested(inner),
        () => Promise.reject(new Error("close() inside a transaction")),
      );
      return fn(inner);
    });
  return driverOn(pg, transaction, () => pg.close());
}

/** The store and the outbox of one database (one PGlite instance serves both). */
export interface Stores {
  readonly storage: StorageService;
  readonly outbox: OutboxService;
}

/**
 * The PGlite instance behind a `PgliteStorage.layer`, for the SQL an application runs itself (its
 * own reports, `copyRecords`, checks in tests). It is the layer's: do not close it.
 */
export class PgliteDatabase extends Context.Service<
  PgliteDatabase,
  { readonly pglite: PGliteInterface; readonly driver: SqlDriver }
>()("@cchc/storage-pglite/PgliteDatabase") {}

/** Opens PGlite, migrates (unless told not to) and builds storage and outbox; PGlite closes with the scope. */
function open(
  options: PgliteStorageOptions,
): Effect.Effect<Stores & { pglite: PGlite; driver: SqlDriver }, StorageError, Scope.Scope> {
  return Effect.gen(function* () {
    const dataDir = options.dataDir;
    if (dataDir !== undefined)
      yield* Effect.acquireRelease(
        Effect.tryPromise({ try: () => lockDataDir(dataDir), catch: storageError("openPglite") }),
        (release) => Effect.promise(() => release().catch(() => undefined)),
      );
    const pg = yield* Effect.acquireRelease(
      Effect.tryPromise({ try: () => openPglite(options), catch: storageError("openPglite") }),
      (pg) => Effect.promise(() => pg.close().catch(() => undefined)),
    );
    const driver = pgliteDriver(pg);
    if (options.migrate !== false)
      yield* Effect.tryPromise({
        try: (): Promise<MigrateResult> => migrate(driver),
        catch: storageError("migrate"),
      });
    return {
      storage: makeSqlStorage(driver, options.sql),
      outbox: makeSqlOutbox(driver),
      pglite: pg,
      driver,
    };
  });
}

/** The storage service on PGlite, in a scope (PGlite closes with it). */
const make = (options: PgliteStorageOptions): Effect.Effect<StorageService, StorageError, Scope.Scope> =>
  Effect.map(open(options), (o) => o.storage);

/** The storage and the outbox of the same database, in a scope. */
const makeStores = (options: PgliteStorageOptions): Effect.Effect<Stores, StorageError, Scope.Scope> =>
  Effect.map(open(options), ({ storage, outbox }) => ({ storage, outbox }));

/** The PGlite storage layers. */
export const PgliteStorage = {
  /**
   * The `Storage`, `Outbox` and `Accounts` layer on PGlite (one instance serves both):
   * `PgliteStorage.layer({ dataDir: "./data" })`, or in memory with no `dataDir`. It also provides
   * `PgliteDatabase` (the instance, for your own SQL). Scoped: PGlite is closed (and its folder
   * flushed) when the layer is released.
   */
  layer: (
    options: PgliteStorageOptions = {},
  ): Layer.Layer<Storage | Outbox | Accounts | PgliteDatabase, StorageError> =>
    Layer.effectContext(
      Effect.map(open(options), ({ storage, outbox, pglite, driver }) =>
        Context.make(Storage, storage).pipe(
          Context.add(Outbox, outbox),
          Context.add(Accounts, makeSqlAccounts(driver)),
          Context.add(PgliteDatabase, { pglite, driver }),
        ),
      ),
    ),
  /** The service itself, in a scope (for programs that build their own layers). */
  make,
  /** The storage and the outbox of the same database, in a scope. */
  makeStores,
};

/** Same as `PgliteStorage.layer`, for `createCchc({ storage: pgliteStorage({ dataDir }) })`. */
export const pgliteStorage = PgliteStorage.layer;
