/**
 * `cchc migrate [--db …] [--json]`: applies the schema's pending migrations to the store and says
 * which; run again, it applies nothing. Other store commands apply pending migrations themselves,
 * so this is for deploy steps and for checking where a database stands.
 */
import {
  appliedMigrations,
  MIGRATIONS,
  type MigrateResult,
  MigrationMismatch,
  migrate,
} from "@cchc/storage-sql";
import { parseCommandArgs } from "../args.js";
import { CliError, oneLine } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";
import { type DbTarget, describeStore, resolveDb, STORE_OPTIONS, withStore } from "../store.js";

/** The store as the JSON outputs show it (no password). */
export function storeJson(target: DbTarget): { kind: DbTarget["kind"]; location: string } {
  return { kind: target.kind, location: target.shown };
}

/** Runs `cchc migrate`. */
export async function migrateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "migrate",
    args,
    { db: STORE_OPTIONS.db, json: { type: "boolean" } },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  const target = resolveDb(io, values.db);
  const { result, applied } = await withStore(
    target,
    async ({ driver }) => {
      let result: MigrateResult;
      try {
        result = await migrate(driver);
      } catch (error) {
        if (!(error instanceof MigrationMismatch)) throw error;
        const where = describeStore(target);
        throw new CliError({
          vi: `${where.vi} có lược đồ khác với thư viện này, không áp dụng gì`,
          en: `${where.en} has a schema this library does not know; nothing applied: ${oneLine(error.message)}`,
        });
      }
      return { result, applied: await appliedMigrations(driver) };
    },
    { migrate: false },
  );
  const name = (version: number) => MIGRATIONS.find((m) => m.version === version)?.name ?? "?";
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        {
          store: storeJson(target),
          applied: result.applied.map((version) => ({ version, name: name(version) })),
          version: result.version,
          migrations: applied,
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const where = describeStore(target);
  const lines = [`Kho dữ liệu / Store: ${where.vi} / ${where.en}`];
  if (result.applied.length === 0)
    lines.push(`Không có migration nào cần áp dụng / Nothing to apply (schema version ${result.version})`);
  else for (const version of result.applied) lines.push(`Đã áp dụng / Applied: ${version} ${name(version)}`);
  lines.push(`Phiên bản lược đồ / Schema version: ${result.version}`);
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
