/**
 * The benchmark dataset: generated with @cchc/testing into a cache folder under node_modules, and
 * reused by later runs while its manifest still matches what the generator would produce (same
 * generator version, size, seed, year, counts and files) and the files have the sizes it records.
 */
import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { type DatasetManifest, type DatasetSize, generateDataset, writeDataset } from "@cchc/testing";
import type { BenchDataset } from "./types.js";

/** The parts of a manifest that identify a dataset (byte sizes and hashes come with writing). */
function identity(m: DatasetManifest): string {
  return JSON.stringify({
    generator: m.generator,
    size: m.size,
    seed: m.seed,
    year: m.year,
    planId: m.planId,
    counts: m.counts,
    files: m.files.map((f) => ({ name: f.name, kind: f.kind, items: f.items })),
  });
}

async function cachedManifest(dir: string, expected: DatasetManifest): Promise<DatasetManifest | undefined> {
  let manifest: DatasetManifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as DatasetManifest;
  } catch {
    return undefined;
  }
  if (identity(manifest) !== identity(expected)) return undefined;
  for (const f of manifest.files) {
    const info = await stat(join(dir, f.name)).catch(() => undefined);
    if (!info?.isFile() || info.size !== f.bytes) return undefined;
  }
  return manifest;
}

/** The dataset of `size` and `seed` in `cacheRoot/<size>-<seed>/`, generated when missing or stale. */
export async function ensureDataset(
  cacheRoot: string,
  size: DatasetSize,
  seed: number,
  log: (message: string) => void,
): Promise<BenchDataset> {
  const dir = join(cacheRoot, `${size}-${seed}`);
  const dataset = generateDataset({ size, seed });
  const cached = await cachedManifest(dir, dataset.manifest);
  if (cached) {
    log(`dataset: reusing ${dir}`);
    // same generator, size, seed and year: the plan in memory is the one in plan.json
    return { dir, manifest: cached, plan: dataset.plan, generatedMs: null };
  }
  log(`dataset: generating ${size} (seed ${seed}) into ${dir} …`);
  await rm(dir, { recursive: true, force: true });
  const start = performance.now();
  const { manifest } = await writeDataset(dataset, dir);
  const generatedMs = Math.round(performance.now() - start);
  log(`dataset: generated in ${(generatedMs / 1000).toFixed(1)} s`);
  return { dir, manifest, plan: dataset.plan, generatedMs };
}
