/**
 * Bulk ingest of actual records from NDJSON lines into any storage adapter: each line is parsed
 * and checked against the stored plan and activities, and each batch is written in one
 * transaction. The first line that cannot be stored stops the ingest: its batch is not written,
 * earlier batches stay, and the error says which line it was.
 */
import * as Effect from "effect/Effect";
import * as Stream from "effect/Stream";
import { Storage } from "./storage.js";
import { IngestFailed, type NotFound, StorageError } from "./storageErrors.js";
import type { ActualRecord } from "./tracking.js";
import {
  checkRecord,
  createTrackingContext,
  parseNdjsonLine,
  type TrackingFinding,
} from "./trackingChecks.js";

/** Options of `ingestRecords`. */
export interface IngestOptions {
  /** Records per transaction (default 5,000). */
  readonly batchSize?: number;
}

/** What an ingest wrote. */
export interface IngestResult {
  readonly lines: number;
  readonly inserted: number;
  readonly batches: number;
}

/**
 * Ingests NDJSON lines (strings, or any async/sync iterable of them) as actual records of a stored
 * plan. Blank lines are skipped. Fails with `IngestFailed` at the first bad line or duplicate id.
 */
export function ingestRecords(
  agencyId: string,
  planId: string,
  lines: Iterable<string> | AsyncIterable<string>,
  options: IngestOptions = {},
): Effect.Effect<IngestResult, IngestFailed | NotFound | StorageError, Storage> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 5000));
  return Effect.gen(function* () {
    const store = yield* Storage;
    const stored = yield* store.getPlan(agencyId, planId);
    const context = createTrackingContext(stored.value);
    for (const a of yield* store.listActivities(agencyId, planId))
      context.activities.set(a.value.id, a.value);

    let lineNo = 0;
    let inserted = 0;
    let batches = 0;
    let batch: ActualRecord[] = [];
    let lineOf = new Map<string, number>();
    const flush = Effect.suspend(() => {
      if (batch.length === 0) return Effect.void;
      const records = batch;
      const lines = lineOf;
      batch = [];
      lineOf = new Map();
      batches++;
      return store.insertRecords(agencyId, planId, records).pipe(
        Effect.tap((n) =>
          Effect.sync(() => {
            inserted += n;
          }),
        ),
        Effect.catchTag("VersionConflict", (conflict) => {
          const line = lines.get(conflict.id) ?? lineNo;
          const finding: TrackingFinding = {
            code: "tracking.duplicate-id",
            severity: "error",
            path: ["id"],
            message: {
              vi: `Mã kết quả "${conflict.id}" đã có trong kho hoặc bị lặp (dòng ${line})`,
              en: `Record id "${conflict.id}" is already stored or repeated (line ${line})`,
            },
            source: "records",
            line,
          };
          return Effect.fail(
            new IngestFailed({ line, batch: batches, committed: inserted, findings: [finding] }),
          );
        }),
      );
    });
    const source: AsyncIterable<string> =
      Symbol.asyncIterator in lines
        ? lines
        : (async function* () {
            yield* lines as Iterable<string>;
          })();
    yield* Stream.fromAsyncIterable(
      source,
      (cause) => new StorageError({ operation: "ingest: reading input", cause }),
    ).pipe(
      Stream.runForEach((text) =>
        Effect.suspend(() => {
          lineNo++;
          const parsed = parseNdjsonLine(text, lineNo, "records");
          if (parsed === undefined) return Effect.void;
          const findings = parsed.ok
            ? checkRecord(parsed.value, context, lineNo)
            : { value: undefined, findings: [parsed.finding] };
          if (findings.value === undefined)
            return Effect.fail(
              new IngestFailed({
                line: lineNo,
                batch: batches + 1,
                committed: inserted,
                findings: findings.findings,
              }),
            );
          batch.push(findings.value);
          lineOf.set(findings.value.id, lineNo);
          return batch.length >= batchSize ? flush : Effect.void;
        }),
      ),
    );
    yield* flush;
    return { lines: lineNo, inserted, batches };
  });
}
