/**
 * `readLines`, the reader under `cchc score`, `ingest` and `remind`: lines come back whole and in
 * order whatever the chunk boundaries (it reads 32 KiB at a time), CRLF included, Vietnamese text
 * included, and lines far longer than a chunk; a line over the length limit comes back as a
 * `LongLine` with its number, and the lines after it are read as usual.
 */
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_MAX_LINE_BYTES,
  type LongLine,
  lineTooLongFinding,
  maxLineBytesFromEnv,
  type ReadLinesOptions,
  readLines,
} from "../src/ndjson.js";
import { type Workspace, workspace } from "./helpers.js";

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(() => ws.cleanup());

async function linesOf(
  name: string,
  text: string,
  options?: ReadLinesOptions,
): Promise<Array<string | LongLine>> {
  await ws.write(name, text);
  const out: Array<string | LongLine> = [];
  for await (const line of readLines(join(ws.dir, name), options)) out.push(line);
  return out;
}

/** Writes `parts`, each repeated `times`, without building the file in memory. */
async function writeLarge(name: string, parts: ReadonlyArray<readonly [string, number]>): Promise<string> {
  const path = join(ws.dir, name);
  const out = createWriteStream(path);
  for (const [text, times] of parts) {
    const block = Buffer.from(text.repeat(Math.max(1, Math.floor((1 << 20) / Math.max(1, text.length)))));
    let left = text.length * times;
    while (left > 0) {
      const n = Math.min(left, block.length - (block.length % text.length));
      if (!out.write(block.subarray(0, n))) await new Promise<void>((r) => out.once("drain", () => r()));
      left -= n;
    }
  }
  await new Promise<void>((done, fail) => out.end((err?: Error | null) => (err ? fail(err) : done())));
  return path;
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

  it("a 32 MB line is skipped up to its newline and reported with its number; the next lines read", async () => {
    const path = await writeLarge("huge.ndjson", [
      ['{"id":"a"}\n', 1],
      ["x", 32 * 1024 * 1024],
      ['\n{"id":"b"}\r\n{"id":"c"}', 1],
    ]);
    const out: Array<string | LongLine> = [];
    for await (const line of readLines(path)) out.push(line);
    expect(out).toEqual([
      '{"id":"a"}',
      { tooLong: true, line: 2, bytes: 32 * 1024 * 1024, limit: DEFAULT_MAX_LINE_BYTES },
      '{"id":"b"}',
      '{"id":"c"}',
    ]);
    const finding = lineTooLongFinding(out[1] as LongLine, "records");
    expect(finding).toMatchObject({
      code: "tracking.line-too-long",
      severity: "error",
      line: 2,
      source: "records",
    });
    expect(finding.message.vi).toContain("Dòng 2 dài 33,554,432 byte, vượt giới hạn 16 MB");
    expect(finding.message.en).toContain("Line 2 is 33,554,432 bytes long, over the 16 MB line limit");
  });

  it("the limit is exact, counts bytes (not characters), and applies to a last line without newline", async () => {
    const options = { maxLineBytes: 10 };
    expect(
      await linesOf("limit.ndjson", "0123456789\n01234567890\nĐĐĐĐĐ\nĐĐĐĐĐĐ\n0123456789x", options),
    ).toEqual([
      "0123456789",
      { tooLong: true, line: 2, bytes: 11, limit: 10 },
      "ĐĐĐĐĐ",
      { tooLong: true, line: 4, bytes: 12, limit: 10 },
      { tooLong: true, line: 5, bytes: 11, limit: 10 },
    ]);
    // a long line crossing many chunks, then a CRLF line: the counting restarts at each newline
    const long = "y".repeat(200_000);
    expect(await linesOf("chunks.ndjson", `${long}\r\nok\r\n`, { maxLineBytes: 100_000 })).toEqual([
      { tooLong: true, line: 1, bytes: 200_001, limit: 100_000 },
      "ok",
    ]);
  });

  it("CCHC_MAX_LINE_BYTES sets the limit; anything but a positive integer keeps 16 MiB", () => {
    expect(maxLineBytesFromEnv({ CCHC_MAX_LINE_BYTES: "1048576" })).toBe(1_048_576);
    for (const bad of ["", "0", "-5", "1.5", "lots"])
      expect(maxLineBytesFromEnv({ CCHC_MAX_LINE_BYTES: bad })).toBe(DEFAULT_MAX_LINE_BYTES);
    expect(maxLineBytesFromEnv({})).toBe(16 * 1024 * 1024);
  });

  it("an empty file has no lines; empty lines come back empty", async () => {
    expect(await linesOf("empty.ndjson", "")).toEqual([]);
    expect(await linesOf("blank.ndjson", "a\n\nb\n")).toEqual(["a", "", "b"]);
  });
});
