/**
 * Where `cchc remind` keeps its outbox (and reads submitted reports from): `--db <folder>` is an
 * embedded PGlite store, `--db postgres://…` the PostgreSQL server. Kept apart so that the shared
 * store opening of the CLI (`--db` for every command) can replace it in one place.
 */
import { resolve } from "node:path";
import type { Outbox, Storage } from "@cchc/core";
import { PgliteStorage } from "@cchc/storage-pglite";
import { PostgresStorage } from "@cchc/storage-postgres";
import type * as Layer from "effect/Layer";
import type { CliIo } from "./io.js";

/** The embedded store used when `--db` is not given (relative to the working directory). */
export const DEFAULT_DB = ".cchc/db";

/** An opened store description: its layer and how to name it to people. */
export interface ReminderStore {
  readonly layer: Layer.Layer<Storage | Outbox, unknown>;
  /** "PGlite /abs/folder" or "PostgreSQL host:port/db" (never a password). */
  readonly description: string;
}

/** The store `--db` names (or the default folder). */
export function reminderStore(io: CliIo, db: string | undefined): ReminderStore {
  const raw = db ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    const url = new URL(raw);
    return {
      layer: PostgresStorage.layer({ connectionString: raw }),
      description: `PostgreSQL ${url.hostname}:${url.port || "5432"}${url.pathname}`,
    };
  }
  const dataDir = resolve(io.cwd, raw);
  return { layer: PgliteStorage.layer({ dataDir }), description: `PGlite ${dataDir}` };
}
