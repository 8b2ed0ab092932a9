/** Helpers shared by the generator tests. */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Dataset } from "../src/index.js";

/** SHA-256 of items as NDJSON (exactly the bytes `writeDataset` writes). */
export function ndjsonHash(items: Iterable<unknown>): { hash: string; count: number } {
  const h = createHash("sha256");
  let count = 0;
  for (const item of items) {
    h.update(`${JSON.stringify(item)}\n`);
    count++;
  }
  return { hash: h.digest("hex"), count };
}

/** Hashes of the three streams of a dataset. */
export function streamHashes(d: Dataset): Record<"activities" | "records" | "reports", string> {
  return {
    activities: ndjsonHash(d.activities()).hash,
    records: ndjsonHash(d.records()).hash,
    reports: ndjsonHash(d.reports()).hash,
  };
}

/** The first `n` items of an iterable, pulled one at a time. */
export function take<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const item of items) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `cchc-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
