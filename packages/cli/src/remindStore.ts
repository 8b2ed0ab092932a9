/**
 * Where `cchc remind` keeps its outbox (and reads submitted reports from): the store `--db` names,
 * resolved as every store command resolves it (`resolveDb` of ./store.ts: a PGlite folder, default
 * `$CCHC_DB` or ./.cchc-data, or `postgres://…`), opened with the outbox alongside the storage.
 */
import type { Outbox, Storage } from "@cchc/core";
import { PgliteStorage } from "@cchc/storage-pglite";
import { PostgresStorage } from "@cchc/storage-postgres";
import type * as Layer from "effect/Layer";
import type { CliIo } from "./io.js";
import { resolveDb } from "./store.js";

/** An opened store description: its layer and how to name it to people. */
export interface ReminderStore {
  readonly layer: Layer.Layer<Storage | Outbox, unknown>;
  /** "PGlite /abs/folder" or "PostgreSQL postgres://user:***@host:port/db" (never a password). */
  readonly description: string;
}

/** The store `--db` names (or the default folder). */
export function reminderStore(io: CliIo, db: string | undefined): ReminderStore {
  const target = resolveDb(io, db);
  return target.kind === "postgres"
    ? {
        layer: PostgresStorage.layer({ connectionString: target.connectionString }),
        description: `PostgreSQL ${target.shown}`,
      }
    : { layer: PgliteStorage.layer({ dataDir: target.dataDir }), description: `PGlite ${target.shown}` };
}
