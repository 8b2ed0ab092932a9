/**
 * The store the CLI's commands work on, in one place so every command (ours and later ones) opens
 * it the same way:
 *
 * - `--db <postgres-url | folder>`: a `postgres://` or `postgresql://` URL is the PostgreSQL
 *   server; anything else is the folder of an embedded PGlite database (created if missing),
 *   relative to the working directory. Default: `$CCHC_DB`, else `./.cchc-data`.
 * - `--agency <id>`: the agency (tenant) every read and write is scoped to. Default:
 *   `$CCHC_AGENCY`, else `default`.
 * - Both may also come before the command (`cchc --db x plans list`): `hoistStoreOptions` moves
 *   them after it, so each command parses them with its own options.
 *
 * `withStore` opens the store (applying pending migrations unless told not to), runs the command's
 * work and always closes it. A store that cannot be opened is exit 2 with one line that names
 * the folder or host:port, never a password; a store failing mid-command is the same.
 */
import { resolve } from "node:path";
import { Storage, type StorageError, type StorageService } from "@cchc/core";
import type { SqlDriver } from "@cchc/storage-sql";
import * as Effect from "effect/Effect";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { CliError, helpHint, oneLine, quote } from "./errors.js";
import type { CliIo } from "./io.js";

/** The folder of the default embedded store, relative to the working directory. */
export const DEFAULT_DB_FOLDER = ".cchc-data";
/** The agency used when neither `--agency` nor `$CCHC_AGENCY` names one. */
export const DEFAULT_AGENCY = "default";

/** The `parseArgs` options every store command accepts. */
export const STORE_OPTIONS = {
  db: { type: "string" },
  agency: { type: "string" },
} as const;

/** Where the store is. `shown` is safe to print (no password). */
export type DbTarget =
  | { readonly kind: "pglite"; readonly dataDir: string; readonly shown: string }
  | { readonly kind: "postgres"; readonly connectionString: string; readonly shown: string };

const GLOBAL_FLAGS = ["--db", "--agency"] as const;

/**
 * Moves `--db` / `--agency` given before the command name to after it:
 * `["--db", "x", "plans", "list"]` → `["plans", "list", "--db", "x"]`. Other arguments are left
 * as they are, so an unknown leading option still reaches the usual error.
 */
export function hoistStoreOptions(argv: readonly string[]): readonly string[] {
  const moved: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const a = argv[i] ?? "";
    const flag = GLOBAL_FLAGS.find((f) => a === f || a.startsWith(`${f}=`));
    if (flag === undefined) break;
    if (a === flag) {
      const value = argv[i + 1];
      if (value === undefined)
        throw new CliError({
          vi: `tùy chọn ${quote(flag)} cần một giá trị`,
          en: `option ${quote(flag)} needs a value ${helpHint()}`,
        });
      moved.push(`${flag}=${value}`);
      i += 2;
    } else {
      moved.push(a);
      i += 1;
    }
  }
  if (moved.length === 0) return argv;
  // nothing after the options: no command (the usual "missing command" error)
  if (i >= argv.length) return [];
  return [...argv.slice(i), ...moved];
}

const isPostgresUrl = (raw: string) => /^postgres(ql)?:\/\//i.test(raw);

/** The URL with its password masked, for messages. */
export function maskPassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== "") u.password = "***";
    return u.toString();
  } catch {
    return "postgres://… (chuỗi kết nối không hợp lệ / invalid connection string)";
  }
}

/** Resolves `--db` (or `$CCHC_DB`, or the default folder) against the working directory. */
export function resolveDb(io: CliIo, raw: string | undefined, env = process.env): DbTarget {
  const value = raw ?? env.CCHC_DB ?? DEFAULT_DB_FOLDER;
  if (value.trim() === "")
    throw new CliError({
      vi: "--db cần một URL postgres:// hoặc một thư mục",
      en: `--db needs a postgres:// URL or a folder ${helpHint()}`,
    });
  if (isPostgresUrl(value)) {
    try {
      new URL(value);
    } catch {
      throw new CliError({
        vi: "--db: URL PostgreSQL không hợp lệ",
        en: `--db: invalid PostgreSQL URL ${helpHint()}`,
      });
    }
    return { kind: "postgres", connectionString: value, shown: maskPassword(value) };
  }
  const dataDir = resolve(io.cwd, value);
  return { kind: "pglite", dataDir, shown: dataDir };
}

const AGENCY_ID = /^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,199}$/u;

/** Resolves `--agency` (or `$CCHC_AGENCY`, or `default`); letters, digits, `.`, `_`, `:`, `-`. */
export function resolveAgency(raw: string | undefined, env = process.env): string {
  const value = raw ?? env.CCHC_AGENCY ?? DEFAULT_AGENCY;
  if (!AGENCY_ID.test(value))
    throw new CliError({
      vi: `mã cơ quan ${quote(value)} không hợp lệ (chữ, số, ".", "_", ":", "-"; tối đa 200 ký tự)`,
      en: `invalid agency id ${quote(value)} (letters, digits, ".", "_", ":", "-"; at most 200 characters) ${helpHint()}`,
    });
  return value;
}

/** An open store: the port, the SQL driver under it (for migrations), and how to run programs. */
export interface CliStore {
  readonly target: DbTarget;
  readonly store: StorageService;
  readonly driver: SqlDriver;
  /** Runs a program needing `Storage`; rejects with its typed failure. */
  run<A, E>(effect: Effect.Effect<A, E, Storage>): Promise<A>;
}

/** "the store X" for messages. */
export function describeStore(target: DbTarget): { vi: string; en: string } {
  return target.kind === "pglite"
    ? { vi: `kho PGlite ${quote(target.shown)}`, en: `the PGlite store ${quote(target.shown)}` }
    : { vi: `máy chủ PostgreSQL ${target.shown}`, en: `the PostgreSQL server ${target.shown}` };
}

const messageOf = (error: unknown): string =>
  error instanceof Error
    ? error.message
    : typeof error === "object" &&
        error !== null &&
        typeof (error as { message?: unknown }).message === "string"
      ? String((error as { message: string }).message)
      : String(error);

/** Removes any trace of the password of a connection string from a message. */
function scrub(target: DbTarget, text: string): string {
  if (target.kind !== "postgres") return text;
  let password = "";
  try {
    password = decodeURIComponent(new URL(target.connectionString).password);
  } catch {
    password = "";
  }
  let out = text.replaceAll(target.connectionString, target.shown);
  if (password !== "") out = out.replaceAll(password, "***");
  return out;
}

/** The one-line exit-2 error of a store that cannot be opened or failed mid-command. */
export function storeFailure(target: DbTarget, error: unknown, opening: boolean): CliError {
  const where = describeStore(target);
  const why = oneLine(scrub(target, messageOf(error)));
  return new CliError(
    opening
      ? { vi: `không mở được ${where.vi}`, en: `cannot open ${where.en}: ${why}` }
      : { vi: `lỗi ${where.vi}`, en: `${where.en} failed: ${why}` },
  );
}

const isStorageError = (e: unknown): e is StorageError =>
  typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === "StorageError";

interface Opened {
  readonly runtime: ManagedRuntime.ManagedRuntime<Storage, StorageError>;
  /** Builds the layer: the port and the SQL driver under it. */
  readonly open: () => Promise<{ store: StorageService; driver: SqlDriver }>;
}

/** The adapter's layer in a runtime; adapters are loaded only when a command needs a store. */
async function runtimeFor(target: DbTarget, migrate: boolean): Promise<Opened> {
  if (target.kind === "pglite") {
    const { PgliteDatabase, PgliteStorage } = await import("@cchc/storage-pglite");
    const runtime = ManagedRuntime.make(PgliteStorage.layer({ dataDir: target.dataDir, migrate }));
    return {
      runtime,
      open: () =>
        runtime.runPromise(
          Effect.all({ store: Storage.useSync((s) => s), driver: PgliteDatabase.useSync((d) => d.driver) }),
        ),
    };
  }
  const { PostgresDatabase, PostgresStorage } = await import("@cchc/storage-postgres");
  const runtime = ManagedRuntime.make(
    PostgresStorage.layer({ connectionString: target.connectionString, migrate, max: 4 }),
  );
  return {
    runtime,
    open: () =>
      runtime.runPromise(
        Effect.all({ store: Storage.useSync((s) => s), driver: PostgresDatabase.useSync((d) => d.driver) }),
      ),
  };
}

/**
 * Opens the store, runs `work` and closes the store, whatever happens. A failure to open, and a
 * `StorageError` escaping `work`, become the exit-2 one-line error; `CliError`s and other typed
 * failures pass through for the command to have mapped.
 */
export async function withStore<T>(
  target: DbTarget,
  work: (store: CliStore) => Promise<T>,
  options: { readonly migrate?: boolean } = {},
): Promise<T> {
  const { runtime, open } = await runtimeFor(target, options.migrate !== false);
  try {
    let opened: { store: StorageService; driver: SqlDriver };
    try {
      opened = await open();
    } catch (error) {
      throw storeFailure(target, error, true);
    }
    const cli: CliStore = {
      target,
      store: opened.store,
      driver: opened.driver,
      run: (effect) => runtime.runPromise(effect),
    };
    try {
      return await work(cli);
    } catch (error) {
      if (isStorageError(error)) throw storeFailure(target, error, false);
      throw error;
    }
  } finally {
    await runtime.dispose().catch(() => undefined);
  }
}
