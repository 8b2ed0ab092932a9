/**
 * @cchc/storage-postgres — the store on a PostgreSQL server, for agencies that outgrow one process:
 * a `pg` pool, the schema and semantics of `@cchc/storage-sql`, COPY through `pg-copy-streams`.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Accounts, Outbox, type OutboxService, Storage, StorageError, type StorageService } from "@cchc/core";
import {
  copyRecords,
  type MigrateResult,
  makeSqlAccounts,
  makeSqlOutbox,
  makeSqlStorage,
  messageOf,
  migrate,
  quoteIdent,
  type SqlDriver,
  type SqlStorageOptions,
  sqlState,
  storageError,
} from "@cchc/storage-sql";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import type * as Scope from "effect/Scope";
import pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";

export { copyRecords };

/** Options of the PostgreSQL store. */
export interface PostgresStorageOptions {
  /** `postgres://user@host:port/database` (a password in it is never shown in messages). */
  readonly connectionString: string;
  /** Pool size (default 10). */
  readonly max?: number;
  /**
   * Schema the tables live in (created if missing; default: the server's search_path, normally
   * `public`). A plain lower-case identifier: letters, digits and `_`. Lets several deployments (or
   * test runs) share one database.
   */
  readonly schema?: string;
  /** Apply pending migrations on start (default true). */
  readonly migrate?: boolean;
  /** Tuning of the SQL storage (chunk and page sizes). */
  readonly sql?: SqlStorageOptions;
}

/** "host:port" of a connection string, without user or password, for messages. */
export function serverAddress(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    const socketHost = url.searchParams.get("host");
    const host = url.hostname !== "" ? url.hostname : (socketHost ?? "localhost");
    const port = url.port !== "" ? url.port : (url.searchParams.get("port") ?? "5432");
    return `${host}:${port}`;
  } catch {
    return "(chuỗi kết nối không hợp lệ / invalid connection string)";
  }
}

/** Node's network error codes, in words. */
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: "máy chủ không nhận kết nối / connection refused",
  ENOTFOUND: "không tìm thấy máy chủ / host not found",
  ETIMEDOUT: "hết thời gian chờ / timed out",
  EHOSTUNREACH: "không tới được máy chủ / host unreachable",
  ECONNRESET: "kết nối bị ngắt / connection reset",
};

/** The connection failure as one clear bilingual message naming host:port (never the password). */
export function connectionFailure(connectionString: string, error: unknown): Error {
  const address = serverAddress(connectionString);
  const code = sqlState(error);
  const password = safePassword(connectionString);
  let why =
    code !== undefined && NETWORK_ERRORS[code] !== undefined ? NETWORK_ERRORS[code] : messageOf(error);
  if (password !== "") why = why.replaceAll(password, "***");
  return new Error(
    `không kết nối được PostgreSQL ở ${address} / cannot connect to PostgreSQL at ${address}: ${why}`,
  );
}

function safePassword(connectionString: string): string {
  try {
    return decodeURIComponent(new URL(connectionString).password);
  } catch {
    return "";
  }
}

function clientDriver(client: pg.PoolClient): SqlDriver {
  const self: SqlDriver = {
    query: async <R>(text: string, params: readonly unknown[] = []) => {
      const result = await client.query(text, [...params]);
      return { rows: result.rows as R[] };
    },
    exec: async (script) => {
      await client.query(script);
    },
    transaction: (fn) => fn(self),
    close: () => Promise.reject(new Error("close() inside a transaction")),
    copyFrom: (table, columns, data) => copyWith(client, table, columns, data),
  };
  return self;
}

async function copyWith(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  data: string,
): Promise<number> {
  const stream = client.query(
    copyFromStdin(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(", ")}) FROM STDIN`),
  );
  await pipeline(Readable.from([Buffer.from(data, "utf8")]), stream);
  return stream.rowCount ?? 0;
}

/**
 * An `SqlDriver` over a `pg` pool: statements on any pooled connection, transactions on one
 * checked-out connection (a connection whose ROLLBACK fails is discarded), COPY with
 * `pg-copy-streams`. `close` ends the pool.
 */
export function pgDriver(pool: pg.Pool): SqlDriver {
  return {
    query: async <R>(text: string, params: readonly unknown[] = []) => {
      const result = await pool.query(text, [...params]);
      return { rows: result.rows as R[] };
    },
    exec: async (script) => {
      await pool.query(script);
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn(clientDriver(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        try {
          await client.query("ROLLBACK");
        } catch (rollbackError) {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
    copyFrom: async (table, columns, data) => {
      const client = await pool.connect();
      try {
        return await copyWith(client, table, columns, data);
      } finally {
        client.release();
      }
    },
  };
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Opens a pool and checks one connection, so a wrong address fails here with a clear message.
 * With `schema`, every connection of the pool works in it (created here if missing). The caller
 * ends the pool (`driver.close()`).
 */
export async function openPostgres(
  options: Pick<PostgresStorageOptions, "connectionString" | "max" | "schema">,
): Promise<{ readonly pool: pg.Pool; readonly driver: SqlDriver }> {
  const schema = options.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema))
    throw new Error(
      `tên schema không hợp lệ (chỉ chữ thường, số, "_") / invalid schema name (lower-case letters, digits, "_" only): ${JSON.stringify(schema).slice(0, 80)}`,
    );
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // an idle connection dropped by the server must not crash the process: the next query reports it
  pool.on("error", () => undefined);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionFailure(options.connectionString, error);
  }
  try {
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (error) {
    client.release();
    await pool.end().catch(() => undefined);
    throw new Error(`không tạo được schema ${schema} / cannot create schema ${schema}: ${messageOf(error)}`);
  }
  client.release();
  return { pool, driver: pgDriver(pool) };
}

/** The store and the outbox of one database (one pool serves both). */
export interface Stores {
  readonly storage: StorageService;
  readonly outbox: OutboxService;
}

/**
 * The pool behind a `PostgresStorage.layer`, for the SQL an application runs itself (its own
 * reports, `copyRecords`, checks in tests). It is the layer's: do not end it.
 */
export class PostgresDatabase extends Context.Service<
  PostgresDatabase,
  { readonly pool: pg.Pool; readonly driver: SqlDriver }
>()("@cchc/storage-postgres/PostgresDatabase") {}

/** Connects, migrates (unless told not to) and builds storage and outbox; the pool ends with the scope. */
function open(
  options: PostgresStorageOptions,
): Effect.Effect<Stores & { pool: pg.Pool; driver: SqlDriver }, StorageError, Scope.Scope> {
  return Effect.gen(function* () {
    const { pool, driver } = yield* Effect.acquireRelease(
      Effect.tryPromise({
        try: () => openPostgres(options),
        catch: (cause) => new StorageError({ operation: "connect", cause }),
      }),
      ({ pool }) => Effect.promise(() => pool.end().catch(() => undefined)),
    );
    if (options.migrate !== false)
      yield* Effect.tryPromise({
        try: (): Promise<MigrateResult> => migrate(driver),
        catch: storageError("migrate"),
      });
    return { storage: makeSqlStorage(driver, options.sql), outbox: makeSqlOutbox(driver), pool, driver };
  });
}

/** The storage service on a PostgreSQL server, in a scope (the pool ends with it). */
const make = (options: PostgresStorageOptions): Effect.Effect<StorageService, StorageError, Scope.Scope> =>
  Effect.map(open(options), (o) => o.storage);

/** The storage and the outbox of the same database, in a scope. */
const makeStores = (options: PostgresStorageOptions): Effect.Effect<Stores, StorageError, Scope.Scope> =>
  Effect.map(open(options), ({ storage, outbox }) => ({ storage, outbox }));

/** The PostgreSQL storage layers. */
export const PostgresStorage = {
  /**
   * The `Storage`, `Outbox` and `Accounts` layer on a PostgreSQL server (one pool serves both):
   * `PostgresStorage.layer({ connectionString: "postgres://postgres@127.0.0.1:5432/cchc" })`.
   * It also provides `PostgresDatabase` (the pool, for your own SQL). Scoped: the pool is ended
   * when the layer is released. Fails with a `StorageError` naming host:port when the server
   * cannot be reached.
   */
  layer: (
    options: PostgresStorageOptions,
  ): Layer.Layer<Storage | Outbox | Accounts | PostgresDatabase, StorageError> =>
    Layer.effectContext(
      Effect.map(open(options), ({ storage, outbox, pool, driver }) =>
        Context.make(Storage, storage).pipe(
          Context.add(Outbox, outbox),
          Context.add(Accounts, makeSqlAccounts(driver)),
          Context.add(PostgresDatabase, { pool, driver }),
        ),
      ),
    ),
  /** The service itself, in a scope. */
  make,
  /** The storage and the outbox of the same database, in a scope. */
  makeStores,
};

/** Same as `PostgresStorage.layer`, for `createCchc({ storage: postgresStorage({ connectionString }) })`. */
export const postgresStorage = PostgresStorage.layer;
