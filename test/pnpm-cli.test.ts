/**
 * Issue 18: the README's way to run the CLI from the workspace, `pnpm --silent cchc …`, printed
 * "[ELIFECYCLE] Command failed with exit code N" after every CLI error (pnpm 12 prints it for a
 * failing package script even with --silent). With no root `cchc` script, pnpm runs the `cchc` bin
 * of the root's @cchc/cli directly (as `pnpm exec cchc`): stderr is exactly the CLI's own line,
 * the exit code is the CLI's, and relative paths are read from where the command was typed.
 * Runs the real pnpm (12.4.2, the workspace's packageManager) against the built bin.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "packages/cli/dist/main.js");
const PNPM_VERSION = (
  JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { packageManager: string }
).packageManager.replace(/^pnpm@/, "");

const run = (command: string, args: readonly string[], cwd = ROOT) => {
  const r = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    timeout: 60_000,
    // What a person's shell has: no variables of the pnpm running this test.
    env: Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(npm_|pnpm_|INIT_CWD$|VITEST|NODE_OPTIONS$)/i.test(k)),
    ),
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
  const v = run("pnpm", ["--version"]);
  if (v.code !== 0) throw new Error(`pnpm is needed on PATH: npm i -g pnpm@${PNPM_VERSION}`);
  expect(v.stdout.trim(), `install pnpm ${PNPM_VERSION}: npm i -g pnpm@${PNPM_VERSION}`).toBe(PNPM_VERSION);
});

describe("pnpm --silent cchc … (README) prints only the CLI's own output", () => {
  it("an error: stderr is exactly the CLI's line (no [ELIFECYCLE]), the exit code is the CLI's", () => {
    const direct = run(process.execPath, [BIN, "validate", "/khong-co/ke-hoach.json"]);
    expect(direct.code).toBe(2);
    expect(direct.stderr).toMatch(/^cchc: .+\n$/);
    for (const args of [["--silent", "cchc"], ["cchc"], ["exec", "cchc"]]) {
      const r = run("pnpm", [...args, "validate", "/khong-co/ke-hoach.json"]);
      expect({ args, code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({
        args,
        code: 2,
        stdout: "",
        stderr: direct.stderr,
      });
    }
  });

  it("findings keep exit 1 and the CLI's text; success is exit 0 with clean stdout", () => {
    const dir = mkdtempSync(join(tmpdir(), "cchc-pnpm-"));
    try {
      const file = join(dir, "ke-hoach.json");
      writeFileSync(file, "{}");
      const bad = run("pnpm", ["--silent", "cchc", "validate", file]);
      const direct = run(process.execPath, [BIN, "validate", file]);
      expect(direct.code).toBe(1);
      expect(bad).toEqual(direct);
      expect(bad.stderr).not.toContain("ELIFECYCLE");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const sample = run("pnpm", ["--silent", "cchc", "sample", "mic-2018"]);
    expect(sample.code, sample.stderr).toBe(0);
    expect(sample.stderr).toBe("");
    expect(JSON.parse(sample.stdout)).toMatchObject({ id: "mic-2018" });
  });

  it("from a folder of the workspace, relative paths are read from that folder", () => {
    const r = run(
      "pnpm",
      ["--silent", "cchc", "import", "fixtures/ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.txt", "--json"],
      join(ROOT, "test"),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toHaveProperty("plan");
  });
});
