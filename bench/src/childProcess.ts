/**
 * Runs an ES module script in a child Node process and measures it the way the score command is
 * measured: maximum resident set size from `/usr/bin/time -f %M` when present, otherwise from the
 * child's own `process.resourceUsage().maxRSS` at exit. The script's stdout is its JSON result.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

const GNU_TIME = "/usr/bin/time";
const MARK = "cchc-bench-max-rss-kb:";

/** What one measured child run gave. */
export interface ChildRun<T> {
  readonly result: T;
  readonly maxRssMb: number;
  readonly wallMs: number;
  readonly method: string;
}

/** Runs `script` (ES module source) with `node --input-type=module -e`, cwd `cwd`. */
export function runMeasuredScript<T>(script: string, cwd: string): Promise<ChildRun<T>> {
  const withExitRss = `process.on("exit", () => process.stderr.write("\\n${MARK}" + process.resourceUsage().maxRSS + "\\n"));\n${script}`;
  const gnu = existsSync(GNU_TIME);
  const [command, args, method] = gnu
    ? [
        GNU_TIME,
        ["-f", `${MARK}%M`, process.execPath, "--input-type=module", "-e", script],
        `${GNU_TIME} -f %M`,
      ]
    : [process.execPath, ["--input-type=module", "-e", withExitRss], "process.resourceUsage().maxRSS"];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (t: string) => {
      stdout += t;
    });
    child.stderr.on("data", (t: string) => {
      stderr += t;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - start;
      const kb = new RegExp(`${MARK}(\\d+)`).exec(stderr)?.[1];
      if (code !== 0 || kb === undefined) {
        reject(new Error(`child failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`));
        return;
      }
      try {
        resolve({
          result: JSON.parse(stdout) as T,
          maxRssMb: Math.round((Number(kb) / 1024) * 10) / 10,
          wallMs: Math.round(wallMs),
          method,
        });
      } catch (error) {
        reject(new Error(`child printed no JSON: ${stdout.slice(0, 200)} (${String(error)})`));
      }
    });
  });
}
