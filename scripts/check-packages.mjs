#!/usr/bin/env node
/**
 * `pnpm check:packages` — is every publishable package (scripts/packages.mjs) fit to publish?
 * Builds nothing: run `pnpm build` first. Each package is packed with `pnpm pack` (the tarball
 * `changeset publish` would upload: `workspace:*` rewritten, `files` applied), then checked:
 *
 * - `publint --strict` on that tarball;
 * - `attw --profile esm-only` (@arethetypeswrong/cli) on that tarball — the same analysis as
 *   `attw --pack`, which packs with npm and would see the unrewritten workspace manifest;
 * - what neither tool covers: every file `exports` (any condition, the workspace's `@cchc/source`
 *   included) and `bin` name is in the tarball, a bin starts with a shebang, README.md and LICENSE
 *   ship, and no `workspace:` range is left in the packed manifest;
 * - a package whose built code imports `effect` takes it as a peer dependency in
 *   `EFFECT_PEER_RANGE` (never as a dependency: the application's one copy must be the one its
 *   layers and ours share), with the range's lower bound as its exact devDependency.
 *
 * Prints one line per package and exits 1 when any package has a problem (details follow its line).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { EFFECT_PEER_RANGE, publishablePackages, ROOT } from "./packages.mjs";

const require = createRequire(import.meta.url);
const attwDir = dirname(require.resolve("@arethetypeswrong/cli/package.json"));
const ATTW = join(attwDir, JSON.parse(readFileSync(join(attwDir, "package.json"), "utf8")).bin.attw);

/** Runs a command, never through a shell; returns its exit code and output. */
function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** The bins of a manifest as name → path (`"bin": "x.js"` takes the package's name). */
const bins = (manifest) =>
  typeof manifest.bin === "string" ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {});

/** Every file path a manifest field names: exports under any condition, and bins. */
function namedFiles(manifest) {
  const files = new Map(); // "./dist/index.js" → "exports[.][default]"
  const walk = (value, where) => {
    if (typeof value === "string") {
      if (!value.includes("*")) files.set(value, where);
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, `${where}[${k}]`);
    }
  };
  walk(manifest.exports, "exports");
  for (const [name, path] of Object.entries(bins(manifest))) files.set(path, `bin[${name}]`);
  return files;
}

const normalize = (path) => path.replace(/^\.\//, "");

/** True when a built file of the package imports `effect` or one of its subpaths. */
function importsEffect(pkg) {
  const dist = join(pkg.path, "dist");
  if (!existsSync(dist)) return false;
  return readdirSync(dist, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".js"))
    .some((f) =>
      /\bfrom\s*["']effect(\/[^"']*)?["']|\bimport\(\s*["']effect(\/[^"']*)?["']/.test(
        readFileSync(join(dist, f), "utf8"),
      ),
    );
}

/** The effect peer rules of one packed manifest (see the header). */
function effectProblems(pkg, manifest) {
  const problems = [];
  if (manifest.dependencies?.effect !== undefined)
    problems.push(
      `dependencies.effect is "${manifest.dependencies.effect}": make it peerDependencies.effect "${EFFECT_PEER_RANGE}" (an app on Effect would get two copies)`,
    );
  if (importsEffect(pkg)) {
    if (manifest.peerDependencies?.effect !== EFFECT_PEER_RANGE)
      problems.push(
        `imports effect but peerDependencies.effect is ${JSON.stringify(manifest.peerDependencies?.effect)}, not "${EFFECT_PEER_RANGE}"`,
      );
    const lower = EFFECT_PEER_RANGE.replace(/^\^/, "");
    if (pkg.manifest.devDependencies?.effect !== lower)
      problems.push(
        `devDependencies.effect should be "${lower}", the lower bound it is built and tested with`,
      );
  }
  return problems;
}

/** The checks of one package; returns the problems found (empty: fit to publish). */
async function checkPackage(pkg, scratch) {
  const problems = [];
  const packed = run("pnpm", ["pack", "--pack-destination", scratch, "--json"], pkg.path);
  if (packed.code !== 0) return { problems: [`pnpm pack failed:\n${packed.stderr || packed.stdout}`] };
  const info = JSON.parse(packed.stdout);
  const tarball = info.filename;
  const inTarball = new Set(info.files.map((f) => f.path));
  const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], scratch).stdout);

  // publint --strict: warnings count as errors; suggestions are reported too.
  const bytes = readFileSync(tarball);
  const lint = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
    strict: true,
    level: "suggestion",
  });
  for (const m of lint.messages)
    problems.push(`publint ${m.type} ${m.code}: ${formatMessage(m, lint.pkg, { color: false }) ?? ""}`);

  // attw --profile esm-only on the same tarball; the exit code applies the profile.
  const attw = run(
    process.execPath,
    [ATTW, tarball, "--profile", "esm-only", "--format", "ascii", "--no-color", "--no-emoji"],
    scratch,
  );
  if (attw.code !== 0) problems.push(`attw --profile esm-only:\n${attw.stdout}${attw.stderr}`.trimEnd());

  for (const [path, where] of namedFiles(manifest))
    if (!inTarball.has(normalize(path)))
      problems.push(`${where} names ${path}, which is not in the tarball (built? listed in "files"?)`);
  for (const [name, path] of Object.entries(bins(manifest))) {
    const head = run("tar", ["-xzOf", tarball, `package/${normalize(path)}`], scratch).stdout;
    if (!head.startsWith("#!/usr/bin/env node\n"))
      problems.push(`bin[${name}] ${path} does not start with #!/usr/bin/env node`);
  }
  for (const file of ["README.md", "LICENSE"])
    if (!inTarball.has(file)) problems.push(`${file} is not in the tarball`);
  problems.push(...effectProblems(pkg, manifest));
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"])
    for (const [dep, range] of Object.entries(manifest[field] ?? {}))
      if (String(range).startsWith("workspace:"))
        problems.push(`${field}.${dep} is still "${range}" once packed`);

  const kb = (bytes.byteLength / 1024).toFixed(1);
  return { problems, summary: `${info.files.length} files, ${kb} kB packed` };
}

async function main() {
  const packages = publishablePackages(ROOT);
  if (packages.length === 0) throw new Error("no publishable package under packages/");
  const scratch = mkdtempSync(join(tmpdir(), "cchc-check-packages-"));
  let failed = 0;
  try {
    for (const pkg of packages) {
      const { problems, summary } = await checkPackage(pkg, scratch);
      const label = `${pkg.name}@${pkg.manifest.version}`.padEnd(32);
      if (problems.length === 0) {
        console.log(`ok    ${label} publint --strict ✓  attw --profile esm-only ✓  files ✓  (${summary})`);
      } else {
        failed++;
        console.log(`FAIL  ${label} ${problems.length} problem(s)`);
        for (const p of problems) console.log(p.replace(/^/gm, "      "));
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failed > 0) {
    console.log(
      `\n${failed} of ${packages.length} package(s) not fit to publish (did you run \`pnpm build\`?)`,
    );
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(`check:packages: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
