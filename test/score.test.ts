/**
 * End to end: `cchc generate` then `cchc score` with the BUILT bin, exactly as a reviewer types
 * them: `generate --size small --seed 1 --out d && score d/plan.json --tracking d --json`.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BinResult, requireBin, runCchc } from "./support/cchc.js";

let dir: string;

const cchc = (...args: string[]): BinResult => runCchc(dir, args);

interface Node {
  nodeId: string;
  explanation: { text: { vi: string; en: string } };
  children?: Node[];
}
const flat = (nodes: readonly Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);

beforeAll(async () => {
  requireBin();
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
