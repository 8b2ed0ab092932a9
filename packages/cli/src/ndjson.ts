/**
 * Reads NDJSON files line by line with constant memory, so `cchc score` can stream the national
 * dataset (a million records) instead of loading it.
 *
 * Each byte is looked at once: newlines are found in the raw bytes of each chunk, and a line that
 * spans chunks is kept as a list of pieces, joined once when its newline comes (rejoining and
 * rescanning the unfinished line on every chunk made one 32 MB line cost 19 s). A line longer than
 * the limit (16 MiB by default, `CCHC_MAX_LINE_BYTES` to change it) is not kept: its pieces are
 * dropped, the rest of it is skipped up to the next newline, and it comes out as a `LongLine` with
 * its number, which the commands report as a `tracking.line-too-long` finding.
 */
import { createReadStream } from "node:fs";
import type { TrackingFinding } from "@cchc/core";
import { formatLimit } from "./loadPlanFile.js";

/** The longest NDJSON line read by default: 16 MiB (a record is a few hundred bytes). */
export const DEFAULT_MAX_LINE_BYTES = 16 * 1024 * 1024;

/** A line longer than the limit, skipped: its number and how long it was. */
export interface LongLine {
  readonly tooLong: true;
  /** 1-based line number. */
  readonly line: number;
  /** Its length in bytes, line end excluded. */
  readonly bytes: number;
  /** The limit it went over. */
  readonly limit: number;
}

/** Options of `readLines`. */
export interface ReadLinesOptions {
  /** Longest line kept, in bytes (default: `CCHC_MAX_LINE_BYTES`, else `DEFAULT_MAX_LINE_BYTES`). */
  readonly maxLineBytes?: number;
}

/** The line limit in force: `CCHC_MAX_LINE_BYTES` when it is a positive integer, else 16 MiB. */
export function maxLineBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CCHC_MAX_LINE_BYTES;
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_LINE_BYTES;
}

/**
 * The lines of a UTF-8 text file, without their line ends (LF or CRLF); a final newline is
 * optional. A line over the limit comes out as a `LongLine` instead of its text.
 */
export async function* readLines(
  path: string,
  options: ReadLinesOptions = {},
): AsyncGenerator<string | LongLine> {
  const limit = options.maxLineBytes ?? maxLineBytesFromEnv();
  // 32 KiB chunks: a chunk, and the line strings decoded from it, stay ordinary young objects that
  // die in the next scavenge. Chunks of 1 MiB went to the large-object space, which only a full
  // collection frees: 200 MB of records piled up as garbage before one came, and `cchc score` on
  // the national data peaked at 470-494 MB instead of about 380 MB.
  const stream = createReadStream(path, { highWaterMark: 1 << 15 });
  /** Pieces of the unfinished line (empty while skipping one that is too long). */
  let pieces: Buffer[] = [];
  let pending = 0;
  let skipping = false;
  let line = 0;
  const finish = (last: Buffer, from: number, to: number): string | LongLine => {
    line++;
    const bytes = pending + (to - from);
    if (skipping || bytes > limit) {
      pieces = [];
      pending = 0;
      skipping = false;
      return { tooLong: true, line, bytes, limit };
    }
    let buf: Buffer;
    let start = from;
    let end = to;
    if (pieces.length === 0) buf = last;
    else {
      pieces.push(last.subarray(from, to));
      buf = Buffer.concat(pieces, bytes);
      [start, end] = [0, bytes];
      pieces = [];
      pending = 0;
    }
    if (end > start && buf[end - 1] === 13) end--;
    return buf.toString("utf8", start, end);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      yield finish(chunk, start, nl);
      start = nl + 1;
    }
    if (start < chunk.length) {
      const rest = chunk.length - start;
      if (!skipping && pending + rest > limit) {
        skipping = true;
        pieces = [];
      }
      if (!skipping) pieces.push(chunk.subarray(start));
      pending += rest;
    }
  }
  if (pending > 0 || skipping) yield finish(Buffer.alloc(0), 0, 0);
}

/** The finding for a line over the limit, as the tracking checks would report it. */
export function lineTooLongFinding(long: LongLine, source?: TrackingFinding["source"]): TrackingFinding {
  const limit = formatLimit(long.limit);
  const bytes = long.bytes.toLocaleString("en");
  return {
    code: "tracking.line-too-long",
    severity: "error",
    path: [],
    message: {
      vi: `Dòng ${long.line} dài ${bytes} byte, vượt giới hạn ${limit} một dòng (CCHC_MAX_LINE_BYTES); bỏ qua dòng này`,
      en: `Line ${long.line} is ${bytes} bytes long, over the ${limit} line limit (CCHC_MAX_LINE_BYTES); skipped`,
    },
    ...(source === undefined ? {} : { source }),
    line: long.line,
  };
}

/** Thrown by `textLines` at a line over the limit; carries its finding. */
export class LineTooLongError extends Error {
  constructor(readonly finding: TrackingFinding) {
    super(finding.message.en);
  }
}

/**
 * The lines as plain strings, for a consumer that stops at the first bad line (`ingestRecords`):
 * a line over the limit throws `LineTooLongError` there.
 */
export async function* textLines(
  lines: AsyncIterable<string | LongLine>,
  source?: TrackingFinding["source"],
): AsyncGenerator<string> {
  for await (const l of lines) {
    if (typeof l !== "string") throw new LineTooLongError(lineTooLongFinding(l, source));
    yield l;
  }
}
