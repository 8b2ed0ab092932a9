/**
 * `COPY` of records, the yardstick of ingest benchmarks: the same rows `insertRecords` writes, sent
 * in PostgreSQL's text format through the driver's `copyFrom`. A tool for benchmarks and bulk
 * loads by operators: it does no conflict mapping (a duplicate id fails the COPY with the server's
 * error) and each chunk is its own statement.
 */
import type { ActualRecord } from "@cchc/core";
import type { SqlDriver } from "./driver.js";
import { RECORD_COLUMNS, recordsCopyText } from "./records.js";

/** Options of `copyRecords`. */
export interface CopyRecordsOptions {
  /** Rows per COPY statement (default 100,000). */
  readonly chunkSize?: number;
  /** ISO instant stored as `saved_at` (default: now). */
  readonly savedAt?: string;
}

/**
 * Copies records into `cchc_records` with `COPY … FROM STDIN` (PGlite: `FROM '/dev/blob'`), as
 * version 1. Returns the number of rows copied. Fails if the driver has no `copyFrom`.
 */
export async function copyRecords(
  driver: SqlDriver,
  agencyId: string,
  planId: string,
  records: Iterable<ActualRecord>,
  options: CopyRecordsOptions = {},
): Promise<number> {
  const copyFrom = driver.copyFrom?.bind(driver);
  if (copyFrom === undefined)
    throw new Error("trình điều khiển này không hỗ trợ COPY / this driver does not support COPY");
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? 100_000));
  const savedAt = options.savedAt ?? new Date().toISOString();
  let copied = 0;
  let chunk: ActualRecord[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const text = recordsCopyText(agencyId, planId, chunk, savedAt);
    chunk = [];
    copied += await copyFrom("cchc_records", RECORD_COLUMNS, text);
  };
  for (const r of records) {
    chunk.push(r);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return copied;
}
