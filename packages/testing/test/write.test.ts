import { createHash } from "node:crypto";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { checkRecord, createTrackingContext, Plan, parseNdjsonLine, renderPlanJson } from "@cchc/core";
import { afterAll, describe, expect, it } from "vitest";
import {
  type DatasetManifest,
  generateDataset,
  readNdjson,
  splitLines,
  writeDataset,
  writeNdjson,
} from "../src/index.js";
import { tempDir } from "./helpers.js";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});
async function dir(prefix: string): Promise<string> {
  const t = await tempDir(prefix);
  cleanups.push(t.cleanup);
  return t.dir;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}

const sha256 = (buf: Buffer) => createHash("sha256").update(buf).digest("hex");

describe("writeDataset", () => {
  it("writes the plan, three NDJSON files and a manifest whose counts match", async () => {
    const d = generateDataset({ size: "small", seed: 11 });
    const out = await dir("small");
    const written = await writeDataset(d, out);
    expect(written.dir).toBe(out);

    const planText = await readFile(join(out, "plan.json"), "utf8");
    expect(planText).toBe(renderPlanJson(d.plan));
    expect(Plan.parse(JSON.parse(planText))).toEqual(d.plan);

    const manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")) as DatasetManifest;
    expect(manifest).toEqual(written.manifest);
    expect(manifest.size).toBe("small");
    expect(manifest.seed).toBe(11);
    expect(manifest.counts).toEqual(d.manifest.counts);

    for (const f of manifest.files) {
      const buf = await readFile(join(out, f.name));
      expect(f.bytes).toBe(buf.length);
      expect(f.sha256).toBe(sha256(buf));
      if (f.kind === "plan") continue;
      const text = buf.toString("utf8");
      expect(text.endsWith("\n")).toBe(true);
      expect(text.includes("\r")).toBe(false);
      const lines = text.slice(0, -1).split("\n");
      expect(lines).toHaveLength(f.items);
      expect(lines).toHaveLength(manifest.counts[f.kind]);
      for (const line of lines) expect(typeof JSON.parse(line)).toBe("object");
    }
  });

  it("writes identical bytes for the same seed", async () => {
    const a = await writeDataset(generateDataset({ size: "small", seed: 3 }), await dir("a"));
    const b = await writeDataset(generateDataset({ size: "small", seed: 3 }), await dir("b"));
    const c = await writeDataset(generateDataset({ size: "small", seed: 4 }), await dir("c"));
    expect(b.manifest).toEqual(a.manifest);
    for (const name of [
      "plan.json",
      "activities.ndjson",
      "records.ndjson",
      "reports.ndjson",
      "manifest.json",
    ]) {
      const [x, y] = [await readFile(join(a.dir, name)), await readFile(join(b.dir, name))];
      expect(x.length).toBeGreaterThan(0);
      expect(y.equals(x)).toBe(true);
    }
    const recordsHash = (m: DatasetManifest) => m.files.find((f) => f.kind === "records")?.sha256;
    expect(recordsHash(c.manifest)).not.toBe(recordsHash(a.manifest));
  });

  it("streams a medium dataset back through readNdjson and core's checks", async () => {
    const d = generateDataset({ size: "medium", seed: 8, records: 20_000 });
    const out = await dir("medium");
    await writeDataset(d, out);
    const plan = Plan.parse(JSON.parse(await readFile(join(out, "plan.json"), "utf8")));
    const ctx = createTrackingContext(plan);
    for (const a of d.activities()) ctx.activities.set(a.id, a);
    let count = 0;
    for await (const { line, text } of readNdjson(join(out, "records.ndjson"))) {
      const parsed = parseNdjsonLine(text, line, "records");
      if (!parsed?.ok) throw new Error(`line ${line} did not parse`);
      expect(checkRecord(parsed.value, ctx, line).findings).toEqual([]);
      count++;
      expect(line).toBe(count);
    }
    expect(count).toBe(20_000);
  });
});

describe("readNdjson", () => {
  it("numbers lines from 1, keeps blank lines, handles CRLF, a BOM and no final newline", async () => {
    const out = await dir("lines");
    const file = join(out, "x.ndjson");
    await writeFile(file, '\uFEFF{"a":1}\r\n\r\n{"a":"Ủy ban"}\r\n{"a":3}');
    expect(await collect(readNdjson(file))).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: "" },
      { line: 3, text: '{"a":"Ủy ban"}' },
      { line: 4, text: '{"a":3}' },
    ]);
    await writeFile(file, "a\nb\n");
    expect(await collect(readNdjson(file))).toEqual([
      { line: 1, text: "a" },
      { line: 2, text: "b" },
    ]);
    await writeFile(file, "");
    expect(await collect(readNdjson(file))).toEqual([]);
    await writeFile(file, "\n");
    expect(await collect(readNdjson(file))).toEqual([{ line: 1, text: "" }]);
  });

  it("joins lines and characters split across chunks", async () => {
    const out = await dir("chunks");
    const file = join(out, "x.ndjson");
    const lines = ["Vụ Tổ chức cán bộ", "Sở Nội vụ tỉnh Lào Cai", "", "Ủy ban nhân dân thành phố Hà Nội"];
    await writeFile(file, `${lines.join("\r\n")}\r\n`);
    // 5-byte reads split the two- and three-byte UTF-8 sequences of the diacritics
    const got = await collect(readNdjson(file, { highWaterMark: 5 }));
    expect(got.map((l) => l.text)).toEqual(lines);
    expect(got.map((l) => l.line)).toEqual([1, 2, 3, 4]);
    // raw byte chunks too
    const bytes = Buffer.from("ạ\nb\r\nc", "utf8");
    const chunks = async function* () {
      for (const b of bytes) yield Uint8Array.of(b);
    };
    expect((await collect(splitLines(chunks()))).map((l) => l.text)).toEqual(["ạ", "b", "c"]);
  });

  it("reads a 1,000,000-line file with correct line numbers", async () => {
    const out = await dir("million");
    const file = join(out, "big.ndjson");
    const rows = function* () {
      for (let i = 1; i <= 1_000_000; i++) yield { i };
    };
    const written = await writeNdjson(file, rows());
    expect(written.lines).toBe(1_000_000);
    expect((await stat(file)).size).toBe(written.bytes);
    const started = performance.now();
    let count = 0;
    let sum = 0;
    for await (const { line, text } of readNdjson(file)) {
      count++;
      if (line !== count) throw new Error(`line ${line} at position ${count}`);
      sum += (JSON.parse(text) as { i: number }).i;
    }
    const ms = performance.now() - started;
    expect(count).toBe(1_000_000);
    expect(sum).toBe(500_000_500_000);
    expect(ms).toBeLessThan(20_000);
  });
});
