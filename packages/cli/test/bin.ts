/**
 * The BUILT `cchc` bin (dist/main.js) run as a child process, as people and scripts run it, for
 * the store commands; and the PostgreSQL server those tests use, one fresh schema per test file
 * (through the standard `options=-c search_path=…` of the connection URL).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openPostgres } from "@cchc/storage-postgres";
import { expect } from "vitest";
import { expectOneLineError } from "./helpers.js";

/** The built bin; the root `pnpm test` builds before vitest runs. */
export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../dist/main.js");

/** What one run of the bin produced. */
export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails clearly when the bin has not been built. */
export function requireBin(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm --filter @cchc/cli... build\` first`);
}

/** Runs `cchc …` in `cwd` with the environment given on top of a clean one (no CCHC_* leaking in). */
export function cchcBin(
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<BinResult> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("CCHC_")));
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...base, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (t: string) => {
      stdout += t;
    });
    child.stderr.setEncoding("utf8").on("data", (t: string) => {
      stderr += t;
    });
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

/** The error contract (see `expectOneLineError`), with the exit code the case expects. */
export function expectOneLine(r: BinResult, code: number): string {
  return expectOneLineError(r, code);
}

/** The JSON stdout of a successful run. */
export function jsonOf<T>(r: BinResult): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

/** The test server (`CCHC_TEST_DATABASE_URL`, default the local test database). */
export const TEST_DATABASE_URL =
  process.env.CCHC_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh schema on the test server and the `--db` URL that works in it; `drop` removes it. */
export async function serverSchema(prefix: string): Promise<{
  url: string;
  query: <R>(text: string, params?: readonly unknown[]) => Promise<R[]>;
  drop: () => Promise<void>;
}> {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const { driver } = await openPostgres({ connectionString: TEST_DATABASE_URL, schema, max: 2 });
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    // the pool works in the schema (openPostgres sets its search_path)
    query: async <R>(text: string, params: readonly unknown[] = []) =>
      (await driver.query<R>(text, params)).rows,
    drop: async () => {
      await driver.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await driver.close();
    },
  };
}
