/**
 * Reads NDJSON files line by line with constant memory, so `cchc score` can stream the national
 * dataset (a million records) instead of loading it.
 */
import { createReadStream } from "node:fs";

/** The lines of a UTF-8 text file, without their line ends (LF or CRLF); a final newline is optional. */
export async function* readLines(path: string): AsyncGenerator<string> {
  // 32 KiB chunks: a chunk, and the joined text the lines are cut from, stays an ordinary young
  // object (under V8's 128 KiB limit even as two-byte text) that dies in the next scavenge. Chunks
  // of 1 MiB went to the large-object space, which only a full collection frees: 200 MB of records
  // piled up as garbage before one came, and `cchc score` on the national data peaked at 470-494 MB
  // instead of about 380 MB.
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 15 });
  let rest = "";
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield text.slice(start, end);
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== "") yield rest.endsWith("\r") ? rest.slice(0, -1) : rest;
}
