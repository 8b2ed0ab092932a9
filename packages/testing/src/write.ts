/**
 * Writes a dataset to a directory: plan.json (core's canonical JSON), one NDJSON file per stream
 * (one JSON object per line, "\n" line ends) and manifest.json with counts, byte sizes and
 * SHA-256 hashes. Items are streamed through node:fs with backpressure, in batches, so memory
 * stays flat whatever the dataset's size. Node only (the generator itself is browser-safe).
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { renderPlanJson } from "@cchc/core";
import type { Dataset, DatasetFile, DatasetManifest } from "./generate.js";

/** What `writeDataset` wrote: the directory, and the manifest as written to manifest.json. */
export interface WrittenDataset {
  readonly dir: string;
  readonly manifest: DatasetManifest;
}

/** Options of `writeNdjson`. */
export interface WriteNdjsonOptions {
  /** Characters gathered before a write (default 256 KiB). */
  readonly batchChars?: number;
}

/** Byte count, line count and SHA-256 of a written file. */
export interface WrittenFile {
  readonly lines: number;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * Streams items to an NDJSON file, one `JSON.stringify` line each, honouring the file stream's
 * backpressure. Resolves once the file is complete and closed.
 */
export async function writeNdjson(
  path: string,
  items: Iterable<unknown> | AsyncIterable<unknown>,
  options: WriteNdjsonOptions = {},
): Promise<WrittenFile> {
  const batchChars = options.batchChars ?? 256 * 1024;
  const hash = createHash("sha256");
  let lines = 0;
  let bytes = 0;
  const chunk = (text: string): Buffer => {
    const buf = Buffer.from(text, "utf8");
    hash.update(buf);
    bytes += buf.length;
    return buf;
  };
  async function* batches(): AsyncGenerator<Buffer> {
    let batch = "";
    for await (const item of items) {
      batch += `${JSON.stringify(item)}\n`;
      lines++;
      if (batch.length >= batchChars) {
        yield chunk(batch);
        batch = "";
      }
    }
    if (batch.length > 0) yield chunk(batch);
  }
  await pipeline(Readable.from(batches(), { objectMode: false }), createWriteStream(path));
  return { lines, bytes, sha256: hash.digest("hex") };
}

async function writeText(path: string, text: string): Promise<WrittenFile> {
  const buf = Buffer.from(text, "utf8");
  await writeFile(path, buf);
  return { lines: 1, bytes: buf.length, sha256: createHash("sha256").update(buf).digest("hex") };
}

/** Writes one plan's files into `dir` and returns them with byte sizes and hashes. */
async function writePlanFiles(dataset: Dataset, dir: string): Promise<DatasetFile[]> {
  await mkdir(dir, { recursive: true });
  const files: DatasetFile[] = [];
  const own = dataset.manifest.plans[0]?.files ?? dataset.manifest.files;
  for (const f of own) {
    const path = join(dir, f.name);
    const written =
      f.kind === "plan"
        ? await writeText(path, renderPlanJson(dataset.plan))
        : await writeNdjson(
            path,
            f.kind === "activities"
              ? dataset.activities()
              : f.kind === "records"
                ? dataset.records()
                : dataset.reports(),
          );
    if (written.lines !== f.items)
      throw new Error(`writeDataset: ${f.name} has ${written.lines} items, the manifest says ${f.items}`);
    files.push({ ...f, bytes: written.bytes, sha256: written.sha256 });
  }
  return files;
}

/**
 * Writes `dataset` into `dir` (created if missing; files of the same names are replaced) and
 * returns the manifest it wrote. A one-plan dataset puts its files in `dir`; a tree (the 2026
 * country) puts each plan's in `dir/plans/<planId>/`, and manifest.json lists them under `plans`
 * with `rootPlanId`. The files' line counts are checked against the manifest counts.
 */
export async function writeDataset(dataset: Dataset, dir: string): Promise<WrittenDataset> {
  await mkdir(dir, { recursive: true });
  let manifest: DatasetManifest;
  if (dataset.subPlans.length === 0) {
    const files = await writePlanFiles(dataset, dir);
    manifest = {
      ...dataset.manifest,
      files,
      plans: dataset.manifest.plans.map((p) => ({ ...p, files })),
    };
  } else {
    const all = [dataset, ...dataset.subPlans];
    const plans = [];
    for (const [i, d] of all.entries()) {
      const entry = dataset.manifest.plans[i];
      if (entry?.planId !== d.plan.id)
        throw new Error(`writeDataset: plan ${d.plan.id} is not in the manifest`);
      plans.push({ ...entry, files: await writePlanFiles(d, join(dir, entry.dir)) });
    }
    manifest = { ...dataset.manifest, plans };
  }
  await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}
