/**
 * The benchmark dataset: generated with @cchc/testing into a cache folder under node_modules, and
 * reused by later runs while its manifest still matches what the generator would produce (same
 * generator version, size, seed, year, plans, counts and files) and the files have the sizes it
 * records. The 2026 national dataset is a tree: one folder per plan under plans/.
 */
import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  type Dataset,
  type DatasetManifest,
  type DatasetSize,
  generateDataset,
  writeDataset,
} from "@cchc/testing";
import type { BenchDataset, BenchPlan } from "./types.js";

/** The parts of a manifest that identify a dataset (byte sizes and hashes come with writing). */
function identity(m: DatasetManifest): string {
  const files = (fs: DatasetManifest["files"]) =>
    fs.map((f) => ({ name: f.name, kind: f.kind, items: f.items }));
  return JSON.stringify({
    generator: m.generator,
    size: m.size,
    seed: m.seed,
    year: m.year,
    planId: m.planId,
    rootPlanId: m.rootPlanId,
    counts: m.counts,
    files: files(m.files ?? []),
    plans: (m.plans ?? []).map((p) => ({
      planId: p.planId,
      dir: p.dir,
      counts: p.counts,
      files: files(p.files),
    })),
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
  for (const p of manifest.plans)
    for (const f of p.files) {
      const info = await stat(join(dir, p.dir, f.name)).catch(() => undefined);
      if (!info?.isFile() || info.size !== f.bytes) return undefined;
    }
  return manifest;
}

function plansOf(dir: string, dataset: Dataset, manifest: DatasetManifest): BenchPlan[] {
  const all = [dataset, ...dataset.subPlans];
  return manifest.plans.map((entry, i) => {
    const d = all[i];
    if (d?.plan.id !== entry.planId)
      throw new Error(`dataset: plan ${entry.planId} is not where the manifest says`);
    return { id: entry.planId, dir: join(dir, entry.dir), plan: d.plan, counts: entry.counts };
  });
}

/** The dataset of `size`, `seed` and `year` in `cacheRoot/<size>-<year>-<seed>/`, generated when missing or stale. */
export async function ensureDataset(
  cacheRoot: string,
  size: DatasetSize,
  seed: number,
  year: number,
  log: (message: string) => void,
): Promise<BenchDataset> {
  const dir = join(cacheRoot, `${size}-${year}-${seed}`);
  const dataset = generateDataset({ size, seed, year });
  const cached = await cachedManifest(dir, dataset.manifest);
  if (cached) {
    log(`dataset: reusing ${dir}`);
    // same generator, size, seed and year: the plans in memory are the ones in plan.json
    return {
      dir,
      manifest: cached,
      plan: dataset.plan,
      plans: plansOf(dir, dataset, cached),
      generatedMs: null,
    };
  }
  log(`dataset: generating ${size} ${year} (seed ${seed}) into ${dir} …`);
  await rm(dir, { recursive: true, force: true });
  const start = performance.now();
  const { manifest } = await writeDataset(dataset, dir);
  const generatedMs = Math.round(performance.now() - start);
  log(`dataset: generated in ${(generatedMs / 1000).toFixed(1)} s`);
  return { dir, manifest, plan: dataset.plan, plans: plansOf(dir, dataset, manifest), generatedMs };
}
