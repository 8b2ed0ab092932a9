/**
 * @cchc/storage-pglite — the embedded default store: PostgreSQL in WASM (PGlite), in a data folder
 * or in memory, no server. The schema, migrations and storage semantics are `@cchc/storage-sql`'s;
 * this package opens PGlite, wraps it as an `SqlDriver` and provides the `Storage` layer.
 */
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { Outbox, type OutboxService, Storage, type StorageError, type StorageService } from "@cchc/core";
import {
  copyRecords,
  type MigrateResult,
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

/** Opens PGlite on a data folder (created if missing) or in memory; the caller closes it. */
export async function openPglite(options: { readonly dataDir?: string } = {}): Promise<PGlite> {
  if (options.dataDir === undefined) return PGlite.create();
  const dataDir = resolve(options.dataDir);
  try {
    await mkdir(dataDir, { recursive: true });
    return await PGlite.create({ dataDir });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(
      `không mở được PGlite ở thư mục ${dataDir} / cannot open PGlite in folder ${dataDir}: ${why}`,
    );
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

/** The store and the outbox of one database (one PGlite instance or pool serves both). */
export interface Stores {
  readonly storage: StorageService;
  readonly outbox: OutboxService;
}

/** Opens the database, migrates (unless told not to) and builds storage and outbox; closed with the scope. */
function makeStores(options: PgliteStorageOptions): Effect.Effect<Stores, StorageError, Scope.Scope> {
  return Effect.gen(function* () {
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
    return { storage: makeSqlStorage(driver, options.sql), outbox: makeSqlOutbox(driver) };
  });
}

/** The storage service alone, in a scope (as before the outbox existed). */
function make(options: PgliteStorageOptions): Effect.Effect<StorageService, StorageError, Scope.Scope> {
  return Effect.map(makeStores(options), (s) => s.storage);
}

/** `Storage` and `Outbox` over the same database. */
function layerOf(options: PgliteStorageOptions): Layer.Layer<Storage | Outbox, StorageError> {
  return Layer.effectContext(
    Effect.map(makeStores(options), (s) =>
      Context.make(Storage, s.storage).pipe(Context.add(Outbox, s.outbox)),
    ),
  );
}

/** The PGlite storage layers. */
export const PgliteStorage = {
  /**
   * The `Storage` and `Outbox` layer on PGlite (one instance serves both):
   * `PgliteStorage.layer({ dataDir: "./data" })`, or in memory with no `dataDir`. Scoped: PGlite is closed (and its folder flushed) when the layer is released.
   */
  layer: (options: PgliteStorageOptions = {}): Layer.Layer<Storage | Outbox, StorageError> =>
    layerOf(options),
  /** The service itself, in a scope (for programs that build their own layers). */
  make,
  /** The storage and the outbox of the same database, in a scope. */
  makeStores,
};

/** Same as `PgliteStorage.layer`, for `createCchc({ storage: pgliteStorage({ dataDir }) })`. */
export const pgliteStorage = PgliteStorage.layer;
