/**
 * Starts the dashboard the way a user does (`src/main.ts` under Node with tsx), on a free port
 * (PORT=0) with PGlite in a fresh temporary folder, and reads its address from what it prints.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A running dashboard. */
export interface RunningServer {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

const PACKAGE_DIR = fileURLToPath(new URL("../..", import.meta.url));

/** Starts the server and resolves once it listens (rejects with its output if it exits first). */
export async function startServer(
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "cchc-dashboard-e2e-"));
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=@cchc/source", "--import", "tsx", "src/main.ts"],
    {
      cwd: PACKAGE_DIR,
      env: {
        ...process.env,
        PORT: "0",
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        SESSION_SECRET: "e2e-session-secret-0123456789abcdef0123456789",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (d: Buffer) => {
    output += d.toString("utf8");
  });
  child.stderr?.on("data", (d: Buffer) => {
    output += d.toString("utf8");
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the dashboard did not start in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const check = () => {
      const m = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the dashboard exited with code ${code}:\n${output}`));
    });
  });
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(forced);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo accounts' passwords as the dashboard printed them on its first start, by user name. */
export function demoPasswords(output: string): Map<string, string> {
  const out = new Map<string, string>();
  const block = output.split("demo accounts (passwords printed this once only):")[1] ?? "";
  for (const m of block.matchAll(/^ {2}(\S+) +(\S+) {2}\((lead|reporter|viewer)\b/gm))
    if (m[1] && m[2]) out.set(m[1], m[2]);
  return out;
}
