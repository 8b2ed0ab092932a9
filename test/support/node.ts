/**
 * A Node script (the built bin, the demo, a fixture) run as a child process the way people and
 * cron jobs run it, its output collected as text, for the end-to-end tests that kill, time or
 * talk to it while it runs.
 */
import { type ChildProcess, spawn } from "node:child_process";

/** How a child process ended and everything it printed. */
export interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how to run the script; `timeoutMs` kills it with SIGKILL if it runs longer. */
export interface NodeRunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/** Starts `node script …args`; `done` settles once it has exited and its output is read. */
export function startNode(
  script: string,
  args: readonly string[] = [],
  options: NodeRunOptions = {},
): { child: ChildProcess; done: Promise<ChildResult> } {
  const child = spawn(process.execPath, [script, ...args], {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.env === undefined ? {} : { env: options.env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (t: string) => {
    stdout += t;
  });
  child.stderr?.setEncoding("utf8").on("data", (t: string) => {
    stderr += t;
  });
  const timer =
    options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
  const done = new Promise<ChildResult>((ok, fail) => {
    child.on("error", fail);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      ok({ code, signal, stdout, stderr });
    });
  });
  return { child, done };
}

/** Runs `node script …args` to the end. */
export function runNode(script: string, args: readonly string[] = [], options: NodeRunOptions = {}) {
  return startNode(script, args, options).done;
}
