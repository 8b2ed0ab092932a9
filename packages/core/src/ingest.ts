/**
 * Bulk ingest of actual records from NDJSON lines into any storage adapter: each line is parsed
 * and checked against the stored plan and activities, and each batch is written in one
 * transaction. The first line that cannot be stored stops the ingest: its batch is not written,
 * earlier batches stay, and the error says which line it was.
 */
import * as Effect from "effect/Effect";
import * as Fiber from "effect/Fiber";
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
    vi: `Mã kết quả "${id}" đã có trong kho (dòng ${line})`,
    en: `Record id "${id}" is already stored (line ${line})`,
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

const NOT_LINES: TrackingFinding = {
  code: "tracking.ndjson-malformed",
  severity: "error",
  path: [],
  message: {
    vi: "Dữ liệu nạp không phải một dãy dòng NDJSON (cần một iterable các chuỗi) (dòng 1)",
    en: "The input is not a sequence of NDJSON lines (an iterable of strings is needed) (line 1)",
  },
  source: "records",
  line: 1,
};

/** Lines read and checked per step; between steps the batch being written gets the event loop. */
const READ_CHUNK = 512;

/**
 * Pulls lines from a sync or async iterable, up to `max` at a time; an empty array at the end.
 * Undefined when `lines` is not iterable at all (a JavaScript caller can pass anything).
 */
function lineReader(
  lines: Iterable<string> | AsyncIterable<string>,
): ((max: number) => Promise<string[]>) | undefined {
  try {
    return iterableReader(lines);
  } catch {
    return undefined;
  }
}

function iterableReader(lines: Iterable<string> | AsyncIterable<string>): (max: number) => Promise<string[]> {
  if (typeof lines !== "object" || lines === null) throw new TypeError("not iterable");
  if (Symbol.asyncIterator in lines) {
    const it = lines[Symbol.asyncIterator]();
    return async (max) => {
      const out: string[] = [];
      while (out.length < max) {
        const next = await it.next();
        if (next.done) break;
        out.push(next.value);
      }
      return out;
    };
  }
  const it = (lines as Iterable<string>)[Symbol.iterator]();
  return async (max) => {
    const out: string[] = [];
    while (out.length < max) {
      const next = it.next();
      if (next.done) break;
      out.push(next.value);
    }
    return out;
  };
}

/**
 * Ingests NDJSON lines (strings, or any async/sync iterable of them) as actual records of a stored
 * plan. Blank lines are skipped. Fails with `IngestFailed` at the first bad line, at an id repeated
 * within a batch, or at an id already stored (unless `existing: "skip"` and it is the same record).
 *
 * Batches are committed in order, one transaction each; while one is being written the next is
 * read and checked, so parsing overlaps the database's work. When the ingest fails, the batch in
 * flight is waited for first, so `committed` is exact.
 */
export function ingestRecords(
  agencyId: string,
  planId: string,
  lines: Iterable<string> | AsyncIterable<string>,
  options: IngestOptions = {},
): Effect.Effect<IngestResult, IngestFailed | NotFound | StorageError, Storage> {
  const size = options.batchSize;
  const batchSize = typeof size === "number" && Number.isFinite(size) ? Math.max(1, Math.floor(size)) : 5000;
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
    /** The batch being written, if any. */
    let inFlight: Fiber.Fiber<void, IngestFailed | StorageError> | undefined;

    const commit = (records: ActualRecord[], lines: Map<string, number>, number: number, lastLine: number) =>
      store.insertRecords(agencyId, planId, records, { existing }).pipe(
        Effect.flatMap((n) =>
          Effect.sync(() => {
            inserted += n;
            skipped += records.length - n;
            options.onBatch?.({ batch: number, lines: lastLine, inserted, skipped });
          }),
        ),
        Effect.catchTag("VersionConflict", (conflict) => {
          const line = lines.get(conflict.id) ?? lastLine;
          const reason = existing === "skip" ? "differs" : "stored";
          return Effect.fail(
            new IngestFailed({
              line,
              batch: number,
              committed: inserted,
              reason,
              findings: [duplicateFinding(conflict.id, line, reason)],
            }),
          );
        }),
      );
    /** Waits for the batch in flight (its failure is the ingest's). */
    const settle = Effect.suspend(() => {
      const fiber = inFlight;
      inFlight = undefined;
      return fiber === undefined ? Effect.void : Fiber.join(fiber);
    });
    /** Sends the current batch once the previous one is committed. */
    const flush = Effect.gen(function* () {
      if (batch.length === 0) return;
      const job = commit(batch, lineOf, ++batches, lineNo);
      batch = [];
      lineOf = new Map();
      yield* settle;
      inFlight = yield* Effect.forkChild(job);
    });
    const failAt = (line: number, reason: "invalid" | "repeated", findings: readonly TrackingFinding[]) =>
      Effect.flatMap(settle, () =>
        Effect.fail(new IngestFailed({ line, batch: batches + 1, committed: inserted, reason, findings })),
      );

    const read = lineReader(lines);
    if (read === undefined) return yield* failAt(1, "invalid", [NOT_LINES]);
    for (;;) {
      const chunk = yield* Effect.tryPromise({
        try: () => read(READ_CHUNK),
        catch: (cause) => new StorageError({ operation: "ingest: reading input", cause }),
      }).pipe(Effect.tapError(() => Effect.ignore(settle)));
      if (chunk.length === 0) break;
      // while a batch is being written, give its I/O a turn of the event loop between chunks
      if (inFlight !== undefined) yield* Effect.yieldNow;
      for (const text of chunk) {
        lineNo++;
        const parsed = parseNdjsonLine(text, lineNo, "records");
        if (parsed === undefined) continue;
        const checked = parsed.ok
          ? checkRecord(parsed.value, context, lineNo)
          : { value: undefined, findings: [parsed.finding] };
        if (checked.value === undefined) return yield* failAt(lineNo, "invalid", checked.findings);
        const id = checked.value.id;
        if (lineOf.has(id))
          return yield* failAt(lineNo, "repeated", [duplicateFinding(id, lineNo, "repeated")]);
        batch.push(checked.value);
        lineOf.set(id, lineNo);
        if (batch.length >= batchSize) yield* flush;
      }
    }
    yield* flush;
    yield* settle;
    return { lines: lineNo, inserted, skipped, batches };
  });
}
