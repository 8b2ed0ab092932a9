/**
 * Reads NDJSON line by line without holding the file: chunks from a stream are split on "\n",
 * a trailing "\r" is dropped (CRLF files), a UTF-8 byte order mark at the start is skipped, and a
 * last line without a newline is still returned. Line numbers are 1-based and count blank lines,
 * so a finding can point at the line a person sees in an editor. Node only.
 */
import { createReadStream } from "node:fs";

/** One line of a file: its 1-based number and its text without the line end. */
export interface NdjsonLine {
  readonly line: number;
  readonly text: string;
}

/** Options of `readNdjson`. */
export interface ReadNdjsonOptions {
  /** Bytes read at a time (default 1 MiB). */
  readonly highWaterMark?: number;
}

/**
 * Splits a stream of text (or UTF-8 bytes) into lines. Blank lines are returned too (with their
 * numbers); callers such as `parseNdjsonLine` skip them.
 */
export async function* splitLines(chunks: AsyncIterable<string | Uint8Array>): AsyncGenerator<NdjsonLine> {
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  let line = 0;
  let first = true;
  const strip = (s: string) => (s.endsWith("\r") ? s.slice(0, -1) : s);
  for await (const chunk of chunks) {
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text.length === 0) continue;
    if (first) {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let nl = text.indexOf("\n");
    if (nl === -1) {
      carry += text;
      continue;
    }
    yield { line: ++line, text: strip(carry + text.slice(0, nl)) };
    carry = "";
    let start = nl + 1;
    nl = text.indexOf("\n", start);
    while (nl !== -1) {
      yield { line: ++line, text: strip(text.slice(start, nl)) };
      start = nl + 1;
      nl = text.indexOf("\n", start);
    }
    carry = text.slice(start);
  }
  carry += decoder.decode();
  if (carry.length > 0) yield { line: ++line, text: strip(carry) };
}

/**
 * The lines of an NDJSON file, read as a stream: `{ line, text }` with 1-based line numbers.
 * Handles CRLF line ends, a byte order mark and a missing final newline.
 */
export async function* readNdjson(path: string, options: ReadNdjsonOptions = {}): AsyncGenerator<NdjsonLine> {
  const stream = createReadStream(path, {
    encoding: "utf8",
    highWaterMark: options.highWaterMark ?? 1024 * 1024,
  });
  try {
    yield* splitLines(stream);
  } finally {
    stream.destroy();
  }
}
