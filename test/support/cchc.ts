/**
 * The BUILT `cchc` bin (packages/cli/dist/main.js) run as a child process, the way people and
 * scripts run it. The root `pnpm test` builds before vitest runs.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The built bin. */
export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../packages/cli/dist/main.js");

/** What one run of the bin produced. */
export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Fails clearly when the bin has not been built. */
export function requireBin(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
}

/** Runs `cchc …` in `cwd` and waits for it. */
export function runCchc(cwd: string, args: readonly string[], timeout = 60_000): BinResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
