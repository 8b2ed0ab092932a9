/**
 * Bulk ingest of actual records from NDJSON lines into any storage adapter: each line is parsed
 * and checked against the stored plan and activities, and each batch is written in one
 * transaction. The first line that cannot be stored stops the ingest: its batch is not written,
 * earlier batches stay, and the error says which line it was.
 */
import * as Effect from "effect/Effect";
import * as Stream from "effect/Stream";
import { type ExistingRecords, Storage } from "./storage.js";
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
  /**
   * Records whose id is already stored: "fail" (default) stops the ingest at that line; "skip"
   * skips it when it is the same record and still stops when it differs. Re-running an interrupted
   * ingest with "skip" completes it: the batches committed before the interruption are skipped.
   */
  readonly existing?: ExistingRecords;
  /** Called after each committed batch (progress bars, logs). */
  readonly onBatch?: (progress: IngestProgress) => void;
}

/** Where an ingest stands after a committed batch. */
export interface IngestProgress {
  /** 1-based number of the batch just committed. */
  readonly batch: number;
  /** Lines read so far (the last one belongs to this batch). */
  readonly lines: number;
  /** Records inserted so far. */
  readonly inserted: number;
  /** Records skipped so far (already stored, `existing: "skip"`). */
  readonly skipped: number;
}

/** What an ingest wrote. */
export interface IngestResult {
  readonly lines: number;
  readonly inserted: number;
  /** Records already stored and left as they were (`existing: "skip"`); 0 otherwise. */
  readonly skipped: number;
  readonly batches: number;
}

const DUPLICATE_TEXT = {
  differs: (id: string, line: number) => ({
    vi: `Mã kết quả "${id}" đã có trong kho với nội dung khác (dòng ${line})`,
    en: `Record id "${id}" is already stored with different content (line ${line})`,
  }),
  stored: (id: string, line: number) => ({
    vi: `Mã kết quả "${id}" đã có trong kho (dòng ${line}); nếu đang nạp lại sau khi bị gián đoạn, dùng chế độ bỏ qua bản ghi đã có`,
    en: `Record id "${id}" is already stored (line ${line}); to resume an interrupted ingest, skip existing records`,
  }),
  repeated: (id: string, line: number) => ({
    vi: `Mã kết quả "${id}" bị lặp trong cùng một lô (dòng ${line})`,
    en: `Record id "${id}" is repeated within one batch (line ${line})`,
  }),
};

const duplicateFinding = (id: string, line: number, why: keyof typeof DUPLICATE_TEXT): TrackingFinding => ({
  code: "tracking.duplicate-id",
  severity: "error",
  path: ["id"],
  message: DUPLICATE_TEXT[why](id, line),
  source: "records",
  line,
});

/**
 * Ingests NDJSON lines (strings, or any async/sync iterable of them) as actual records of a stored
 * plan. Blank lines are skipped. Fails with `IngestFailed` at the first bad line, at an id repeated
 * within a batch, or at an id already stored (unless `existing: "skip"` and it is the same record).
 */
export function ingestRecords(
  agencyId: string,
  planId: string,
  lines: Iterable<string> | AsyncIterable<string>,
  options: IngestOptions = {},
): Effect.Effect<IngestResult, IngestFailed | NotFound | StorageError, Storage> {
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 5000));
  const existing = options.existing ?? "fail";
  return Effect.gen(function* () {
    const store = yield* Storage;
    const stored = yield* store.getPlan(agencyId, planId);
    const context = createTrackingContext(stored.value);
    for (const a of yield* store.listActivities(agencyId, planId))
      context.activities.set(a.value.id, a.value);

    let lineNo = 0;
    let inserted = 0;
    let skipped = 0;
    let batches = 0;
    let batch: ActualRecord[] = [];
    /** Line of each id of the batch (ids are unique within a batch). */
    let lineOf = new Map<string, number>();
    const flush = Effect.suspend(() => {
      if (batch.length === 0) return Effect.void;
      const records = batch;
      const lines = lineOf;
      batch = [];
      lineOf = new Map();
      batches++;
      return store.insertRecords(agencyId, planId, records, { existing }).pipe(
        Effect.tap((n) =>
          Effect.sync(() => {
            inserted += n;
            skipped += records.length - n;
            options.onBatch?.({ batch: batches, lines: lineNo, inserted, skipped });
          }),
        ),
        Effect.catchTag("VersionConflict", (conflict) => {
          const line = lines.get(conflict.id) ?? lineNo;
          return Effect.fail(
            new IngestFailed({
              line,
              batch: batches,
              committed: inserted,
              findings: [duplicateFinding(conflict.id, line, existing === "skip" ? "differs" : "stored")],
            }),
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
          const id = findings.value.id;
          if (lineOf.has(id))
            return Effect.fail(
              new IngestFailed({
                line: lineNo,
                batch: batches + 1,
                committed: inserted,
                findings: [duplicateFinding(id, lineNo, "repeated")],
              }),
            );
          batch.push(findings.value);
          lineOf.set(id, lineNo);
          return batch.length >= batchSize ? flush : Effect.void;
        }),
      ),
    );
    yield* flush;
    return { lines: lineNo, inserted, skipped, batches };
  });
}
