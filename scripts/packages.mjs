/**
 * The publishable packages of the workspace: every `packages/<dir>/package.json` that is not
 * `"private": true`. Scripts discover them here instead of listing today's names, so a package
 * added tomorrow is checked, documented and packed without touching any script.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The workspace root (this file lives in `<root>/scripts/`). */
export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

/**
 * The versions of Effect @cchc supports: every package that imports `effect` takes it as a peer
 * dependency in this range (one copy, the application's, so its layers and ours meet), and keeps
 * the lower bound as an exact devDependency to build and test with. `test/pack.test.ts` installs
 * the lower bound into a scratch app; `scripts/check-packages.mjs` checks every manifest.
 */
export const EFFECT_PEER_RANGE = "^4.1.0";

/** The export condition that points the workspace at a package's TypeScript sources. */
export const SOURCE_CONDITION = "@cchc/source";

/**
 * @typedef {{ dir: string, path: string, name: string, manifest: Record<string, any> }} WorkspacePackage
 */

/**
 * Publishable packages, sorted by folder name.
 * @param {string} [root]
 * @returns {WorkspacePackage[]}
 */
export function publishablePackages(root = ROOT) {
  const base = join(root, "packages");
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(base, d.name, "package.json")))
    .map((d) => {
      const path = join(base, d.name);
      const manifest = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
      return { dir: d.name, path, name: manifest.name, manifest };
    })
    .filter((p) => p.manifest.private !== true)
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/**
 * The TypeScript entry of each public subpath (`"."`, `"./contracts"` …), read from the source
 * condition of `exports`; `./package.json` and other plain-file exports have none.
 * @param {Record<string, any>} manifest
 * @returns {Map<string, string>} subpath → `./src/….ts`
 */
export function sourceEntries(manifest) {
  const entries = new Map();
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (target && typeof target === "object" && typeof target[SOURCE_CONDITION] === "string")
      entries.set(subpath, target[SOURCE_CONDITION]);
  }
  return entries;
}
