/**
 * Peak memory and wall time of the real command, `cchc score <plan> --tracking <dir> --json`, on the
 * dataset's plan with the most records (the command scores one plan; in the 2026 country the
 * largest province, about 36,000 records; the 2018 national plan had 1,000,000): the built bin in a child process, stdout to /dev/null, its maximum resident set size
 * from `/usr/bin/time -f %M` when present, otherwise from the child's own
 * `process.resourceUsage().maxRSS` at exit. Target: under 512 MB.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Benchmark } from "./types.js";

export const TARGET_MB = 512;
const GNU_TIME = "/usr/bin/time";
const MARK = "cchc-bench-max-rss-kb:";

/** The built `cchc` bin and library entry of @cchc/cli. */
function cliPaths(): { bin: string; index: string } {
  const pkg = createRequire(import.meta.url).resolve("@cchc/cli/package.json");
  return { bin: join(dirname(pkg), "dist", "main.js"), index: join(dirname(pkg), "dist", "index.js") };
}

function runChild(command: string, args: readonly string[], cwd: string) {
  return new Promise<{ code: number | null; stderr: string; wallMs: number }>((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (t: string) => {
      stderr += t;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr, wallMs: performance.now() - start }));
  });
}

export const scoreCommandBenchmark: Benchmark = {
  name: "scoreCommand",
  description: "max RSS and wall time of `cchc score <plan> --tracking <dir> --json` (stdout to /dev/null)",
  async run(ctx) {
    const { bin, index } = cliPaths();
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
    // `cchc score` scores one plan: the dataset's with the most records (2026: the largest province)
    const target = ctx.dataset.plans.reduce((a, p) => (p.counts.records > a.counts.records ? p : a));
    const argv = ["score", join(target.dir, "plan.json"), "--tracking", target.dir, "--json"];
    let result: Awaited<ReturnType<typeof runChild>>;
    let method: string;
    if (existsSync(GNU_TIME)) {
      method = `${GNU_TIME} -f %M`;
      ctx.log(`scoreCommand: ${method} node ${bin} ${argv.join(" ")}`);
      result = await runChild(GNU_TIME, ["-f", `${MARK}%M`, process.execPath, bin, ...argv], ctx.root);
    } else {
      method = "process.resourceUsage().maxRSS";
      const script = [
        `import { run, nodeIo } from ${JSON.stringify(pathToFileURL(index).href)};`,
        `process.on("exit", () => process.stderr.write("\\n${MARK}" + process.resourceUsage().maxRSS + "\\n"));`,
        `process.exitCode = await run(${JSON.stringify(argv)}, nodeIo);`,
      ].join("\n");
      ctx.log(`scoreCommand: node --input-type=module -e <run(${argv.join(" ")})>`);
      result = await runChild(process.execPath, ["--input-type=module", "-e", script], ctx.root);
    }
    const match = new RegExp(`${MARK}(\\d+)`).exec(result.stderr);
    const kb = match ? Number(match[1]) : undefined;
    if (result.code !== 0 || kb === undefined)
      throw new Error(
        `cchc score failed (exit ${result.code}): ${result.stderr.trim().split("\n")[0] ?? ""}`,
      );
    const maxRssMb = Math.round((kb / 1024) * 10) / 10;
    return {
      command: `cchc ${argv.join(" ")}`,
      planId: target.id,
      units: target.counts.units,
      records: target.counts.records,
      method,
      maxRssMb,
      wallMs: Math.round(result.wallMs),
      targetMb: TARGET_MB,
      pass: maxRssMb < TARGET_MB,
    };
  },
};
