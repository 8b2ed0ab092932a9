/**
 * Reads a whole NDJSON file into an array of lines, one independent string per line (decoded from
 * the bytes between two newlines), so that timing the work on the lines measures neither I/O nor
 * the cost of slicing one huge string.
 */
import { readFile } from "node:fs/promises";

/** The non-empty lines of a UTF-8 file, without their line ends. */
export async function readAllLines(path: string): Promise<string[]> {
  const buf = await readFile(path);
  const lines: string[] = [];
  let start = 0;
  while (start < buf.length) {
    let end = buf.indexOf(10, start);
    if (end === -1) end = buf.length;
    const stop = end > start && buf[end - 1] === 13 ? end - 1 : end;
    if (stop > start) lines.push(buf.toString("utf8", start, stop));
    start = end + 1;
  }
  return lines;
}
