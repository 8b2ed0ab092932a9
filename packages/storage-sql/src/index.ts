/**
 * @cchc/storage-sql — the SQL storage of @cchc, shared by the PGlite and PostgreSQL adapters: one
 * schema, one list of forward-only migrations, one implementation of the storage port over a tiny
 * driver contract. Adapter packages provide the driver and the layer.
 */
export { ACCOUNTS_MIGRATION, makeSqlAccounts } from "./accounts.js";
export {
  APPRAISAL_MIGRATION,
  type AppraisalMethods,
  fromHex,
  makeSqlAppraisal,
  makeSqlEvidenceStore,
  toHex,
} from "./appraisal.js";
export { type CopyRecordsOptions, copyRecords } from "./copy.js";
export { quoteIdent, type SqlDriver, type SqlResult, sqlState, UNIQUE_VIOLATION } from "./driver.js";
export { messageOf, SqlFailure, storageError, toSqlFailure } from "./errors.js";
export {
  type AppliedMigration,
  appliedMigrations,
  MIGRATION_LOCK_KEY,
  MIGRATIONS,
  MIGRATIONS_TABLE,
  type MigrateResult,
  type Migration,
  MigrationMismatch,
  migrate,
  pendingMigrations,
} from "./migrations.js";
export {
  makeSqlOutbox,
  OUTBOX_LEASE_TOKEN_MIGRATION,
  OUTBOX_MIGRATION,
  OUTBOX_REQUEUE_MIGRATION,
} from "./outbox.js";
export {
  copyValue,
  RECORD_COLUMNS,
  type RecordRow,
  recordFromRow,
  recordsCopyText,
  recordsJson,
} from "./records.js";
export { type AgencyRowCounts, agencyRowCounts } from "./rowCounts.js";
export { type InsertMode, makeSqlStorage, type SqlStorageOptions } from "./sqlStorage.js";
