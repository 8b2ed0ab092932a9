/**
 * Reads a whole NDJSON file into an array of lines, one independent string per line (decoded from
 * the bytes between two newlines), so that timing the work on the lines measures neither I/O nor
 * the cost of slicing one huge string. Also the `lines` benchmark: the CLI's streaming reader on
 * its worst shapes.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type ChildRun, runMeasuredScript } from "./childProcess.js";
import type { Benchmark } from "./types.js";

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

/**
 * `readLines` of the CLI (what `cchc score`, `ingest` and `remind` read NDJSON with) on its worst
 * shapes, each at two sizes (4×) in its own child process (its peak RSS its own), against reading
 * the whole file and cutting it at its newlines in the same child:
 * - `oneHugeLine`: one line of 8 MB and of 32 MB, with the limit raised so it is kept (it was
 *   rejoined and rescanned on every 32 KiB chunk: 2.5 s and 19 s, a 7.6× time ratio for 4× the size);
 * - `oneHugeLineSkipped`: the same 32 MB line and one of 128 MB under the default 16 MiB limit, skipped
 *   to the next newline without being held (RSS stays flat);
 * - `manyShortLines`: 8 MB and 32 MB of 12-byte records.
 * Linear when the time ratio stays near the size ratio.
 */
export const linesBenchmark: Benchmark = {
  name: "lines",
  description:
    "readLines (cchc's NDJSON reader) on one huge line and on many short lines, at two sizes, vs readFile + indexOf",
  usesDataset: false,
  async run(ctx) {
    const dir = await mkdtemp(join(tmpdir(), "cchc-bench-lines-"));
    const MB = 1024 * 1024;
    const cases = [
      { name: "oneHugeLine", unit: "x", sizes: [8 * MB, 32 * MB], newlineEvery: 0, maxLineBytes: 256 * MB },
      {
        name: "oneHugeLineSkipped",
        unit: "x",
        sizes: [32 * MB, 128 * MB],
        newlineEvery: 0,
        maxLineBytes: undefined,
      },
      {
        name: "manyShortLines",
        unit: '{"id":"r1"}\n',
        sizes: [8 * MB, 32 * MB],
        newlineEvery: 1,
        maxLineBytes: undefined,
      },
    ] as const;
    const out: Record<string, unknown> = {};
    let pass = true;
    try {
      for (const c of cases) {
        const runs: Array<ChildRun<LinesRun> & { bytes: number }> = [];
        for (const bytes of c.sizes) {
          const path = join(dir, `${c.name}-${bytes}.ndjson`);
          await writeRepeated(path, c.unit, bytes, c.newlineEvery === 0 ? '{"id":"after"}\n' : "");
          const run = await runMeasuredScript<LinesRun>(linesScript(path, c.maxLineBytes), ctx.root);
          ctx.log(
            `lines ${c.name}: ${bytes / MB} MB, ${Math.round(run.result.ms)} ms (baseline ${Math.round(run.result.baselineMs)} ms), reader peak ${Math.round(run.result.readerMaxRssKb / 1024)} MB RSS`,
          );
          runs.push({ ...run, bytes });
          await rm(path, { force: true });
        }
        const [small, large] = runs as [(typeof runs)[number], (typeof runs)[number]];
        const sizeRatio = large.bytes / small.bytes;
        const timeRatio = Math.round((large.result.cpuMs / Math.max(small.result.cpuMs, 0.1)) * 100) / 100;
        const wallTimeRatio = Math.round((large.result.ms / Math.max(small.result.ms, 0.1)) * 100) / 100;
        const summary = (r: typeof small) => ({
          bytes: r.bytes,
          lines: r.result.lines,
          longLines: r.result.longLines,
          ms: Math.round(r.result.ms),
          cpuMs: Math.round(r.result.cpuMs),
          baselineMs: Math.round(r.result.baselineMs),
          ratio: Math.round((r.result.ms / Math.max(r.result.baselineMs, 0.1)) * 100) / 100,
          readerMaxRssMb: Math.round(r.result.readerMaxRssKb / 102.4) / 10,
          withBaselineMaxRssMb: r.maxRssMb,
        });
        out[c.name] = {
          small: summary(small),
          large: summary(large),
          sizeRatio,
          timeRatio,
          timeRatioMeasuredOn: "cpuMs",
          wallTimeRatio,
          rssRatio: Math.round((large.result.readerMaxRssKb / small.result.readerMaxRssKb) * 100) / 100,
          linear: timeRatio <= sizeRatio * 1.75,
        };
        pass &&= timeRatio <= sizeRatio * 1.75;
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return { ...out, pass };
  },
};

interface LinesRun {
  readonly ms: number;
  /** CPU time of the reader (all threads): what the ratios use on a shared machine. */
  readonly cpuMs: number;
  readonly baselineMs: number;
  readonly lines: number;
  readonly longLines: number;
  readonly readerMaxRssKb: number;
}

function cliDistUrl(): string {
  const json = createRequire(import.meta.url).resolve("@cchc/cli/package.json");
  return pathToFileURL(join(dirname(json), "dist", "index.js")).href;
}

/**
 * The child: `readLines` over the file first, with the process's peak RSS taken right after it (so
 * it is the reader's own), then the baseline (readFile + indexOf) over the same file.
 */
function linesScript(path: string, maxLineBytes: number | undefined): string {
  return `
import { readFile } from "node:fs/promises";
const { readLines } = await import(${JSON.stringify(cliDistUrl())});
let t = performance.now();
const cpu0 = process.cpuUsage();
let lines = 0, longLines = 0;
for await (const l of readLines(${JSON.stringify(path)}${maxLineBytes === undefined ? "" : `, { maxLineBytes: ${maxLineBytes} }`})) { lines++; if (typeof l !== "string") longLines++; }
const ms = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const readerMaxRssKb = process.resourceUsage().maxRSS;
t = performance.now();
const buf = await readFile(${JSON.stringify(path)});
let count = 0;
for (let at = 0; at < buf.length; ) { let nl = buf.indexOf(10, at); if (nl === -1) nl = buf.length; count += buf.toString("utf8", at, nl).length > 0 ? 1 : 0; at = nl + 1; }
const baselineMs = performance.now() - t;
process.stdout.write(JSON.stringify({ ms, cpuMs, baselineMs, lines, longLines, count, readerMaxRssKb }));
`;
}

/** Writes `unit` repeated to `bytes`, then `tail`, without holding the file in memory. */
async function writeRepeated(path: string, unit: string, bytes: number, tail: string): Promise<void> {
  const block = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)));
  const stream = createWriteStream(path);
  let left = bytes - (bytes % unit.length);
  while (left > 0) {
    const n = Math.min(left, block.length - (block.length % unit.length));
    if (!stream.write(block.subarray(0, n))) await new Promise<void>((r) => stream.once("drain", () => r()));
    left -= n;
  }
  stream.write(`\n${tail}`);
  await new Promise<void>((done, fail) => stream.end((err?: Error | null) => (err ? fail(err) : done())));
}
