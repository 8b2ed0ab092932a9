/**
 * End to end: `cchc generate` then `cchc score` with the BUILT bin, exactly as a reviewer types
 * them: `generate --size small --seed 1 --out d && score d/plan.json --tracking d --json`.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(here, "../packages/cli/dist/main.js");

let dir: string;

function cchc(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Node {
  nodeId: string;
  explanation: { text: { vi: string; en: string } };
  children?: Node[];
}
const flat = (nodes: readonly Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
  dir = await mkdtemp(join(tmpdir(), "cchc-e2e-score-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the built cchc bin: generate, then score", () => {
  it("generate --size small --seed 1 --out d && score d/plan.json --tracking d --json", async () => {
    const g = cchc("generate", "--size", "small", "--seed", "1", "--out", "d");
    expect(g.code, g.stderr).toBe(0);
    expect(g.stderr).toBe("");
    expect(g.stdout).toContain("Đã tạo bộ dữ liệu small");
    const manifest = JSON.parse(await readFile(join(dir, "d", "manifest.json"), "utf8"));
    expect(manifest.counts.records).toBe(3000);

    const s = cchc("score", "d/plan.json", "--tracking", "d", "--json");
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toBe("");
    const sheet = JSON.parse(s.stdout);
    expect(sheet.skipped.count).toBe(0);
    expect(sheet.counts.records).toBe(3000);
    expect(sheet.agency.maxPoints).toBeGreaterThan(0);
    for (const n of flat(sheet.agency.nodes)) expect(n.explanation.text.vi).not.toBe("");
    expect(sheet.units.length).toBeGreaterThan(0);
    expect(sheet.units[0].rank).toBe(1);
    for (const u of sheet.units) {
      expect(flat(u.nodes).every((n) => n.explanation.text.vi !== "" && n.explanation.text.en !== "")).toBe(
        true,
      );
      expect(typeof u.forecast.percent).toBe("number");
    }
  });

  it("generate with a bad size is exit 2 with one line", () => {
    const r = cchc("generate", "--size", "tiny", "--seed", "1", "--out", "x");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(r.stderr).toMatch(/^cchc: /);
  });
});
