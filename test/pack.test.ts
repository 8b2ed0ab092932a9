/**
 * The packages as npm users get them: every publishable package (discovered: `packages/*` not
 * private) is packed with `pnpm pack`, the tarballs are installed with npm into ONE scratch app in
 * the OS temp folder (outside the workspace, so nothing can resolve to workspace sources or links),
 * and from there we run the quickstart example's built program, the `cchc` bin, every package's
 * entry point, and the README snippets marked to run (code fences opened with  ```js run ).
 *
 * Needs `pnpm build` first (the root `pnpm test` builds) and the npm registry for third-party
 * dependencies (effect, zod, pglite, pg …). One install serves every assertion (≈ 10–30 s here).
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { renderPlanJson, renderPlanMarkdown, samplePlan, validatePlan } from "@cchc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EFFECT_PEER_RANGE, publishablePackages, ROOT, type WorkspacePackage } from "../scripts/packages.mjs";

const QUICKSTART = join(ROOT, "examples", "quickstart");
/** The PostgreSQL server of this machine; README snippets get a fresh database on it. */
const PG_SERVER = "postgres://postgres@127.0.0.1:5432";
const SNIPPET_DB = `cchc_pack_${process.pid}_${Date.now()}`;
/**
 * The app installs Effect itself, and at another version than the one @cchc is built and tested
 * with (the range's lower bound, 4.1.0, which the workspace's tests run on): an application already
 * on a newer Effect of the range. With effect a pinned dependency of @cchc, npm gave @cchc its own
 * 4.1.0 beside the app's copy; as a peer there is one copy, the app's.
 */
const APP_EFFECT = "4.1.5";

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: none of the variables pnpm or vitest set for this run. */
const userEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^(npm_|pnpm_|INIT_CWD$|VITEST|NODE_OPTIONS$|NODE_PATH$|TEST$)/i.test(key),
  ),
);

function exec(command: string, args: readonly string[], cwd: string, timeout = 60_000): Result {
  const r = spawnSync(command, args, { cwd, env: userEnv, encoding: "utf8", timeout });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function ok(r: Result, what: string): Result {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}\n${r.stderr}\n${r.stdout}`);
  return r;
}

let scratch: string;
let databaseCreated = false;
let app: string;
let packages: WorkspacePackage[];
const timings: Record<string, number> = {};

/** Runs SQL on the server's maintenance database with the `pg` the scratch app installed. */
function adminSql(sql: string): void {
  const script = `import pg from "pg";
    const c = new pg.Client(${JSON.stringify(`${PG_SERVER}/postgres`)});
    await c.connect(); try { await c.query(${JSON.stringify(sql)}); } finally { await c.end(); }`;
  ok(exec(process.execPath, ["--input-type=module", "-e", script], app), sql);
}

/** Blocks fenced as ```js run in a README: snippets that must work as written. */
function runnableSnippets(readme: string): string[] {
  return [...readme.matchAll(/^```js run\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
}

beforeAll(async () => {
  packages = publishablePackages();
  expect(packages.length).toBeGreaterThan(0);
  for (const pkg of packages)
    if (!existsSync(join(pkg.path, "dist")))
      throw new Error(`${pkg.name} has no dist/: run \`pnpm build\` first`);
  if (!existsSync(join(QUICKSTART, "dist", "main.js")))
    throw new Error("examples/quickstart/dist/main.js is missing: run `pnpm build` first");

  scratch = mkdtempSync(join(tmpdir(), "cchc-pack-"));
  // Outside the workspace, and no node_modules above it that Node could fall back to.
  expect(relative(ROOT, scratch).startsWith("..")).toBe(true);
  for (let dir = dirname(scratch); ; dir = dirname(dir)) {
    expect(existsSync(join(dir, "node_modules")), `${dir}/node_modules would leak into the app`).toBe(false);
    if (dirname(dir) === dir) break;
  }

  let t = performance.now();
  const tarballs = join(scratch, "tarballs");
  mkdirSync(tarballs);
  const deps: Record<string, string> = {};
  for (const pkg of packages) {
    const packed = ok(
      exec("pnpm", ["pack", "--pack-destination", tarballs, "--json"], pkg.path),
      "pnpm pack",
    );
    const { filename } = JSON.parse(packed.stdout) as { filename: string };
    deps[pkg.name] = `file:${relative(join(scratch, "app"), filename).split(sep).join("/")}`;
  }
  timings.packMs = Math.round(performance.now() - t);

  // The scratch app: every tarball, plus the quickstart's own third-party dependencies (so the
  // example keeps running when it gains some), plus effect, which @cchc takes as a peer: the app
  // installs it, as `npm i @cchc/core effect`. Overrides pin every @cchc dependency of a tarball to
  // its sibling tarball: nothing named @cchc/* may come from the registry.
  const quickstartManifest = JSON.parse(readFileSync(join(QUICKSTART, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
  };
  const thirdParty = Object.fromEntries(
    Object.entries(quickstartManifest.dependencies ?? {}).filter(([name]) => !name.startsWith("@cchc/")),
  );
  app = join(scratch, "app");
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    `${JSON.stringify(
      {
        name: "cchc-scratch-app",
        private: true,
        type: "module",
        dependencies: { ...thirdParty, effect: APP_EFFECT, ...deps },
        overrides: Object.fromEntries(Object.keys(deps).map((name) => [name, `$${name}`])),
      },
      null,
      2,
    )}\n`,
  );
  t = performance.now();
  ok(
    exec("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], app, 240_000),
    "npm install",
  );
  timings.npmInstallMs = Math.round(performance.now() - t);
  cpSync(join(QUICKSTART, "dist"), join(app, "quickstart"), { recursive: true });
}, 300_000);

afterAll(() => {
  if (databaseCreated) adminSql(`DROP DATABASE IF EXISTS ${SNIPPET_DB} WITH (FORCE)`);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  console.info(`[pack] ${JSON.stringify(timings)}`);
}, 60_000);

describe("the packed packages, installed from their tarballs", () => {
  it("installs every @cchc package from its tarball, none from the workspace or the registry", () => {
    for (const pkg of packages) {
      const installed = join(app, "node_modules", ...pkg.name.split("/"));
      const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as {
        version: string;
        dependencies?: Record<string, string>;
      };
      expect(manifest.version, pkg.name).toBe(pkg.manifest.version);
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {}))
        expect(range, `${pkg.name} → ${dep}`).not.toMatch(/^workspace:/);
    }
    const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string }>;
    };
    for (const [path, entry] of Object.entries(lock.packages))
      if (/node_modules\/@cchc\//.test(path)) expect(entry.resolved ?? "", path).toMatch(/^file:/);
  });

  it("one copy of effect, the app's: every @cchc package peers it, none installs its own", () => {
    const copies: string[] = [];
    const walk = (dir: string) => {
      for (const name of existsSync(dir) ? readdirSync(dir) : []) {
        if (name === "effect" && existsSync(join(dir, name, "package.json")))
          copies.push(relative(app, join(dir, name)));
        const sub = name.startsWith("@") ? readdirSync(join(dir, name)).map((n) => join(name, n)) : [name];
        for (const s of sub) walk(join(dir, s, "node_modules"));
      }
    };
    walk(join(app, "node_modules"));
    expect(copies).toEqual([join("node_modules", "effect")]);
    const installed = JSON.parse(readFileSync(join(app, "node_modules", "effect", "package.json"), "utf8"));
    expect(installed.version).toBe(APP_EFFECT);
    for (const pkg of packages) {
      const manifest = JSON.parse(
        readFileSync(join(app, "node_modules", ...pkg.name.split("/"), "package.json"), "utf8"),
      ) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
      expect(manifest.dependencies?.effect, pkg.name).toBeUndefined();
      if (pkg.name !== "@cchc/import")
        expect(manifest.peerDependencies?.effect, pkg.name).toBe(EFFECT_PEER_RANGE);
    }
  });

  it("the app's own Effect and the @cchc layers meet: its layer feeds core's dispatcher, core's layers feed its program", () => {
    // The app's effect, not one reached through @cchc: if there were two copies, the app's Layer would
    // not satisfy core's Notifier tag, and core's Effect values would not run in the app's runtime.
    const script = `
      import * as Effect from "effect/Effect";
      import * as Layer from "effect/Layer";
      import { MemoryOutbox, Notifier, Outbox, drainOutbox } from "@cchc/core";
      import { PgliteStorage } from "@cchc/storage-pglite";
      const sent = [];
      const notifier = Layer.succeed(Notifier, {
        name: "app",
        send: (n) => Effect.sync(() => { sent.push(n.key); return { notifier: "app", id: n.key }; }),
      });
      const program = Effect.gen(function* () {
        const outbox = yield* Outbox;
        yield* outbox.enqueue("a", [{ key: "k", recipient: { unitId: "u", name: "Đơn vị", email: [] },
          subject: { vi: "Nhắc", en: "Reminder" }, body: { vi: "Nội dung", en: "Body" } }]);
        const report = yield* drainOutbox({ agencyId: "a", waitMs: 0 });
        return { delivered: report.delivered, counts: yield* outbox.counts("a") };
      });
      const memory = await Effect.runPromise(program.pipe(Effect.provide(Layer.merge(MemoryOutbox.layer(), notifier))));
      const pglite = await Effect.runPromise(program.pipe(Effect.provide(Layer.merge(PgliteStorage.layer({}), notifier))));
      console.log(JSON.stringify({ memory, pglite, sent }));`;
    const r = ok(exec(process.execPath, ["--input-type=module", "-e", script], app, 120_000), "layers");
    expect(JSON.parse(r.stdout)).toEqual({
      memory: { delivered: 1, counts: { pending: 0, retrying: 0, delivered: 1, dead: 0 } },
      pglite: { delivered: 1, counts: { pending: 0, retrying: 0, delivered: 1, dead: 0 } },
      sent: ["k", "k"],
    });
  });

  it("loads every package's entry point in plain Node, resolved inside the scratch app", () => {
    const names = packages.map((p) => p.name);
    const script = `
      const out = {};
      for (const name of ${JSON.stringify(names)}) {
        const url = import.meta.resolve(name);
        const mod = await import(name);
        out[name] = { url, exports: Object.keys(mod).length };
      }
      console.log(JSON.stringify(out));`;
    const r = ok(exec(process.execPath, ["--input-type=module", "-e", script], app), "import");
    const loaded = JSON.parse(r.stdout) as Record<string, { url: string; exports: number }>;
    for (const name of names) {
      const entry = loaded[name];
      expect(entry?.exports, name).toBeGreaterThan(0);
      expect(entry?.url.startsWith(pathToFileURL(join(app, "node_modules", name, "dist")).href), name).toBe(
        true,
      );
    }
  });

  it("runs the quickstart's built program against the installed @cchc/core", () => {
    const out = join(app, "out");
    const r = exec(process.execPath, [join(app, "quickstart", "main.js"), out], app);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^KẾ HOẠCH \/ PLAN: /m);
    expect(r.stdout).toContain("Kiểm tra / Validation: 0 lỗi / errors, 4 cảnh báo / warnings");
    expect(r.stdout).toContain("Lịch báo cáo năm 2018 / Reporting calendar 2018:");
    expect(r.stdout).toContain("Khai báo trong customKinds / declared in customKinds: hợp lệ / valid");
    expect(r.stdout).not.toMatch(/Lỗi \/ Error/);

    // What the tarball's core wrote is byte for byte what the workspace's core renders.
    const plan = validatePlan(samplePlan("mic-2018")).plan;
    if (!plan) throw new Error("the sample plan does not parse");
    expect(readFileSync(join(out, "plan.json"), "utf8")).toBe(renderPlanJson(plan));
    expect(readFileSync(join(out, "plan.md"), "utf8")).toBe(renderPlanMarkdown(plan));
  });

  it("runs the installed cchc bin: npx cchc sample, cchc validate, --version", () => {
    // npx as a user types it once; then the linked bin itself (its shebang and mode are the tarball's)
    const sample = exec("npx", ["--no", "--", "cchc", "sample", "mic-2018"], app);
    expect(sample.code, sample.stderr).toBe(0);
    expect(sample.stderr).toBe("");
    writeFileSync(join(app, "plan.json"), sample.stdout);

    const bin = join(app, "node_modules", ".bin", "cchc");
    const cchc = (...args: string[]) => exec(bin, args, app);
    const validate = cchc("validate", "plan.json");
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout.trimEnd().split("\n").at(-1)).toBe("0 lỗi, 4 cảnh báo / 0 errors, 4 warnings");

    const bad = cchc("validate", "missing.json");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^cchc: .*\n$/);

    const cli = packages.find((p) => p.manifest.bin?.cchc !== undefined);
    expect(cchc("--version").stdout.trim()).toBe(cli?.manifest.version);
  });

  it("runs every README snippet fenced as ```js run, as written", () => {
    // Snippets that need a PostgreSQL database read DATABASE_URL: a fresh one, dropped afterwards.
    adminSql(`CREATE DATABASE ${SNIPPET_DB}`);
    databaseCreated = true;
    let ran = 0;
    for (const pkg of packages) {
      const readme = readFileSync(join(pkg.path, "README.md"), "utf8");
      for (const [i, code] of runnableSnippets(readme).entries()) {
        const dir = mkdtempSync(join(app, `snippet-${pkg.dir}-`));
        const file = join(dir, `snippet-${i}.mjs`);
        writeFileSync(file, code);
        const t = performance.now();
        const r = spawnSync(process.execPath, [file], {
          cwd: dir,
          env: { ...userEnv, DATABASE_URL: `${PG_SERVER}/${SNIPPET_DB}` },
          encoding: "utf8",
          timeout: 120_000,
        });
        expect(r.status, `${pkg.name} README snippet ${i + 1}:\n${r.stderr}`).toBe(0);
        timings[`snippet ${pkg.dir} ${i + 1} ms`] = Math.round(performance.now() - t);
        ran++;
      }
    }
    expect(ran).toBeGreaterThan(0);
  }, 180_000);
});
