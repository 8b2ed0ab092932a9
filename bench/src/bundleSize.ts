/**
 * What a browser app ships when it uses the core: esbuild bundles two tiny apps for the browser
 * (`platform: "browser"`, ESM, tree-shaken, minified) from the BUILT packages as npm users get them
 * (the workspace's `@cchc/source` condition is not used), and reports raw, minified and gzipped bytes:
 *
 * - `core`: `validatePlan` and `reportingCalendar` imported from `@cchc/core`, both used;
 * - `baseline`: the same app written with zod alone — a plan-like zod schema built from the same zod
 *   constructs the core's plan model uses, parsed with `safeParse`, its issues mapped to findings.
 *   No effect module: the metafile of the `core` app shows validation and the calendar pull in none
 *   (`core.packages.effect` is 0), so adding effect to the baseline would only hide the core's share.
 *
 * The core's own share is `core − baseline`; the ratio is `core ÷ baseline`. A third bundle imports
 * the whole core (`import * as core`) for the browser: it fails to build if any module of the core
 * imports a Node built-in, and reports what an app that uses everything pays.
 */
import { realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";
import type { Benchmark } from "./types.js";

/** The core's own share of the app, gzipped, must stay under this. */
export const TARGET_SHARE_GZIP_BYTES = 25 * 1024;

const CORE_APP = `
import { reportingCalendar, validatePlan } from "@cchc/core";
const result = validatePlan(globalThis.planInput);
const periods = reportingCalendar(result.plan?.year ?? 2018);
console.log(result.ok, result.errors.length, periods.map((p) => p.id + " " + p.dueDate).join(","));
`;

// Zod constructs the core's plan model uses: strictObject, array, string with trim/min/max/regex and
// overwrite, iso.date, number int/min/max, literal, enum, union, discriminatedUnion, record,
// partialRecord, boolean, unknown, optional, default; safeParse and its issues.
const BASELINE_APP = `
import * as z from "zod";
const Text = z.string().overwrite((s) => s.normalize("NFC").replace(/\\s+/gu, " ").trim()).min(1).max(20000);
const Id = z.string().regex(/^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*$/u).max(80);
const Localized = z.strictObject({ vi: Text, en: Text });
const Period = z.enum(["month", "quarter", "half-year", "nine-month", "year"]);
const Unit = z.strictObject({ id: Id, name: Text, level: z.enum(["central", "province", "district"]).optional() });
const Manager = z.discriminatedUnion("scope", [
  z.strictObject({ scope: z.literal("unit"), unitId: Id }),
  z.strictObject({ scope: z.literal("issuer") }),
]);
const Plan = z.strictObject({
  id: Id,
  documentType: z.literal("KH").default("KH"),
  date: z.iso.date().optional(),
  year: z.number().int().min(2000).max(2100),
  title: Text,
  label: Localized.optional(),
  units: z.array(Unit).default([]),
  channels: z.array(z.strictObject({ id: Id, kinds: z.array(z.string()).min(1), text: Text })).default([]),
  funding: z.array(z.strictObject({ id: Id, manager: Manager, amountVnd: z.number().int().nonnegative().optional() })).default([]),
  reporting: z.strictObject({
    types: z.array(Period).default(["quarter", "half-year", "year"]),
    deadlineDays: z.partialRecord(Period, z.number().int().min(0).max(365)).optional(),
    online: z.boolean().default(true),
  }).optional(),
  ref: z.union([Id, z.strictObject({ number: Text })]).optional(),
  extensions: z.record(z.string(), z.unknown()).optional(),
});
const parsed = Plan.safeParse(globalThis.planInput);
const findings = parsed.success ? [] : parsed.error.issues.map((i) => ({ code: i.code, path: i.path.map(String), message: i.message }));
console.log(parsed.success, findings.length);
`;

const WHOLE_CORE_APP = `
import * as core from "@cchc/core";
console.log(Object.keys(core).length, core);
`;

/** Bytes of one app: unminified (tree-shaken), minified, minified then gzipped / brotli. */
interface AppSize {
  readonly rawBytes: number;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  readonly brotliBytes: number;
  /** Minified bytes by npm package (and `@cchc/core` for the core's dist), from the metafile. */
  readonly packages: Record<string, number>;
}

/** The package a bundled file belongs to: `zod`, `effect`, `@cchc/core` … */
function packageOf(path: string): string {
  if (/(^|\/)packages\/core\/dist\//.test(path)) return "@cchc/core";
  const at = path.lastIndexOf("node_modules/");
  if (at < 0) return "(app)";
  const rest = path.slice(at + "node_modules/".length).split("/");
  return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? "(app)");
}

async function bundle(contents: string, resolveDir: string, minify: boolean) {
  const result = await build({
    stdin: { contents, resolveDir, sourcefile: "app.js", loader: "js" },
    bundle: true,
    minify,
    treeShaking: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { bytes: Buffer.from(text), metafile: result.metafile as Metafile };
}

/** Imports that were left out of the bundle (a browser cannot load `node:fs` and friends). */
function externalImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const input of Object.values(metafile.inputs))
    for (const imp of input.imports) if (imp.external) found.add(imp.path);
  return [...found].sort();
}

async function measure(contents: string, resolveDir: string): Promise<AppSize & { external: string[] }> {
  const raw = await bundle(contents, resolveDir, false);
  const min = await bundle(contents, resolveDir, true);
  const packages: Record<string, number> = {};
  for (const output of Object.values(min.metafile.outputs))
    for (const [path, input] of Object.entries(output.inputs)) {
      const name = packageOf(path);
      packages[name] = (packages[name] ?? 0) + input.bytesInOutput;
    }
  return {
    rawBytes: raw.bytes.byteLength,
    minifiedBytes: min.bytes.byteLength,
    gzipBytes: gzipSync(min.bytes, { level: 9 }).byteLength,
    brotliBytes: brotliCompressSync(min.bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).byteLength,
    packages,
    external: [...new Set([...externalImports(raw.metafile), ...externalImports(min.metafile)])],
  };
}

export const bundleSizeBenchmark: Benchmark = {
  name: "bundleSize",
  description:
    "browser bundle of validatePlan + reportingCalendar from @cchc/core vs the same app on zod alone",
  usesDataset: false,
  async run(ctx) {
    // Resolve as an npm user would: @cchc/core from the bench's dependencies (its dist), zod from
    // the core's own dependencies, so both apps bundle the very same copy of zod.
    const benchDir = join(ctx.root, "bench");
    const require = createRequire(join(benchDir, "package.json"));
    const coreDir = realpathSync(dirname(require.resolve("@cchc/core/package.json")));

    const core = await measure(CORE_APP, benchDir);
    const baseline = await measure(BASELINE_APP, coreDir);
    const whole = await measure(WHOLE_CORE_APP, benchDir);
    const nodeBuiltins = [...core.external, ...whole.external];
    const share = {
      rawBytes: core.rawBytes - baseline.rawBytes,
      minifiedBytes: core.minifiedBytes - baseline.minifiedBytes,
      gzipBytes: core.gzipBytes - baseline.gzipBytes,
      brotliBytes: core.brotliBytes - baseline.brotliBytes,
    };
    const ratio = Number((core.gzipBytes / baseline.gzipBytes).toFixed(2));
    ctx.log(
      `bundleSize: core app ${core.gzipBytes} B gzip, baseline ${baseline.gzipBytes} B, share ${share.gzipBytes} B`,
    );
    const { external: _c, ...coreApp } = core;
    const { external: _b, ...baselineApp } = baseline;
    const { external: _w, ...wholeApp } = whole;
    return {
      apps: {
        core: { imports: "validatePlan, reportingCalendar from @cchc/core", ...coreApp },
        baseline: {
          imports: "zod only",
          explanation:
            "the same app on zod alone: a plan-like schema built from the zod constructs the core's plan model uses, safeParse, issues mapped to findings; no effect module, because the core app's metafile shows validation and the calendar pull in none (apps.core.packages has no effect)",
          ...baselineApp,
        },
        wholeCore: { imports: "import * as core from @cchc/core (every export)", ...wholeApp },
      },
      coreShare: share,
      ratio,
      nodeBuiltins,
      notes:
        "kept small by: zod imported as a namespace in the core (`import * as z`, so zod's 40-odd locales tree-shake away) and the core built module by module with sideEffects false (so the storage and exporter ports, and every effect module, drop out of an app that does not use them); a Node built-in anywhere in the core makes the wholeCore bundle fail to build",
      bundler: "esbuild, platform browser, format esm, minified, tree-shaken, no @cchc/source condition",
      targetShareGzipBytes: TARGET_SHARE_GZIP_BYTES,
      pass: share.gzipBytes <= TARGET_SHARE_GZIP_BYTES && nodeBuiltins.length === 0,
    };
  },
};
