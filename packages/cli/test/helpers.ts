/** Shared test helpers: run `cchc` in-process against a temp directory and capture its output. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { type CliIo, run } from "../src/index.js";
import { readFileCapped } from "../src/nodeIo.js";

/** What one in-process run of `cchc` produced. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temp directory that tests write plan files into; `cleanup` removes it. */
export interface Workspace {
  dir: string;
  /** Writes a file (text or bytes) under the workspace and returns its name relative to it. */
  write(name: string, content: string | Uint8Array): Promise<string>;
  /** Runs `cchc` with the workspace as working directory. */
  cchc(...argv: string[]): Promise<RunResult>;
  cleanup(): Promise<void>;
}

/** Runs `cchc` in-process with a fake io whose files are the real ones under `cwd`. */
export async function runCchc(
  argv: readonly string[],
  cwd: string,
  overrides: Partial<CliIo> = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readFile: (p, o) => readFileCapped(p, o?.maxBytes),
    writeFile: (p, t) => writeFile(p, t, "utf8"),
    cwd,
    ...overrides,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** Creates a fresh temp directory in os.tmpdir(). */
export async function workspace(): Promise<Workspace> {
  const dir = await mkdtemp(join(tmpdir(), "cchc-cli-"));
  return {
    dir,
    async write(name, content) {
      await writeFile(join(dir, name), content);
      return name;
    },
    cchc: (...argv) => runCchc(argv, dir),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Checks the contract of every error the user can fix: the exit code (2 unless told), exactly one
 * line on stderr starting "cchc: ", nothing on stdout, no stack frame. Returns the line.
 */
export function expectOneLineError(
  r: Pick<RunResult, "stdout" | "stderr"> & { code: number | null },
  code = 2,
): string {
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n");
  expect(lines, r.stderr).toHaveLength(2);
  expect(lines[1]).toBe("");
  const line = lines[0] ?? "";
  expect(line).toMatch(/^cchc: \S/);
  expect(line).not.toMatch(/\bat .*:\d+:\d+/);
  expect(line).toContain(" / ");
  return line;
}
