/**
 * `readLines`, the reader under `cchc score`, `ingest` and `remind`: lines come back whole and in
 * order whatever the chunk boundaries (it reads 32 KiB at a time), CRLF included, Vietnamese text
 * included, and lines far longer than a chunk.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLines } from "../src/ndjson.js";
import { type Workspace, workspace } from "./helpers.js";

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(() => ws.cleanup());

async function linesOf(name: string, text: string): Promise<string[]> {
  await ws.write(name, text);
  const out: string[] = [];
  for await (const line of readLines(join(ws.dir, name))) out.push(line);
  return out;
}

describe("readLines", () => {
  it("gives back every line of a file many chunks long, in order, with LF or CRLF", async () => {
    // 20,000 lines of about 60 bytes: some 37 chunks, so lines cross chunk boundaries everywhere
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `{"id":"rec-${i}","note":"Tuyên truyền CCHC số ${i}"}`,
    );
    expect(await linesOf("lf.ndjson", `${lines.join("\n")}\n`)).toEqual(lines);
    expect(await linesOf("crlf.ndjson", `${lines.join("\r\n")}\r\n`)).toEqual(lines);
    // no final newline
    expect(await linesOf("last.ndjson", lines.join("\n"))).toEqual(lines);
  });

  it("keeps a CRLF split across two chunks, and a line longer than many chunks, whole", async () => {
    const before = "a".repeat(32 * 1024 - 1); // its "\r" is the chunk's last byte, "\n" the next's first
    const long = `{"note":"${"Đ".repeat(300_000)}"}`; // 600 KB of UTF-8
    expect(await linesOf("split.ndjson", `${before}\r\nnext\r\n${long}\nend`)).toEqual([
      before,
      "next",
      long,
      "end",
    ]);
  });

  it("an empty file has no lines; empty lines come back empty", async () => {
    expect(await linesOf("empty.ndjson", "")).toEqual([]);
    expect(await linesOf("blank.ndjson", "a\n\nb\n")).toEqual(["a", "", "b"]);
  });
});
