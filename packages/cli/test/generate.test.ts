import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DATASET_SIZES } from "@cchc/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectOneLineError, type Workspace, workspace } from "./helpers.js";

interface ManifestJson {
  generator: { name: string; version: string };
  size: string;
  seed: number;
  year: number;
  planId: string;
  counts: { units: number; activities: number; records: number; reports: number };
  files: { name: string; kind: string; items: number; bytes: number; sha256: string }[];
}

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(() => ws.cleanup());

const lineCount = async (path: string) => (await readFile(path, "utf8")).split("\n").filter(Boolean).length;

describe("cchc generate", () => {
  it("writes the small dataset and prints a bilingual summary", async () => {
    const r = await ws.cchc("generate", "--size", "small", "--seed", "1", "--out", "d");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const [vi, en] = r.stdout.split("\n");
    expect(vi).toMatch(/^Đã tạo bộ dữ liệu small \(hạt giống 1, năm 2018\)/);
    expect(en).toMatch(/^Generated the small dataset \(seed 1, year 2018\)/);
    expect(r.stdout.indexOf("Đã tạo")).toBeLessThan(r.stdout.indexOf("Generated"));
    for (const name of ["plan.json", "activities.ndjson", "records.ndjson", "reports.ndjson"])
      expect(r.stdout).toContain(name);
    expect(r.stdout).toContain("3.000 bản ghi / records");
    expect(r.stdout).toMatch(/thời gian \/ time \d+\.\d s/);
    expect(r.stdout).toMatch(/tổng \/ total [\d.]+ (KB|MB)/);

    const files = (await readdir(join(ws.dir, "d"))).sort();
    expect(files).toEqual([
      "activities.ndjson",
      "manifest.json",
      "plan.json",
      "records.ndjson",
      "reports.ndjson",
    ]);
    const manifest = JSON.parse(await readFile(join(ws.dir, "d", "manifest.json"), "utf8")) as ManifestJson;
    expect(manifest.size).toBe("small");
    expect(manifest.seed).toBe(1);
    expect(manifest.year).toBe(2018);
    expect(manifest.counts.records).toBe(DATASET_SIZES.small.records);
    expect(manifest.counts.units).toBeGreaterThan(0);
    expect(await lineCount(join(ws.dir, "d", "records.ndjson"))).toBe(manifest.counts.records);
    expect(await lineCount(join(ws.dir, "d", "activities.ndjson"))).toBe(manifest.counts.activities);
    expect(await lineCount(join(ws.dir, "d", "reports.ndjson"))).toBe(manifest.counts.reports);
  });

  it("--json prints the manifest exactly as manifest.json holds it; same seed, same bytes", async () => {
    const r = await ws.cchc("generate", "--size", "small", "--seed", "1", "--out", "again", "--json");
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout) as ManifestJson;
    const written = JSON.parse(
      await readFile(join(ws.dir, "again", "manifest.json"), "utf8"),
    ) as ManifestJson;
    expect(printed).toEqual(written);
    // the fields of before, in their order, then the plan tree's (rootPlanId, plans)
    expect(Object.keys(printed)).toEqual([
      "generator",
      "size",
      "seed",
      "year",
      "planId",
      "rootPlanId",
      "counts",
      "files",
      "plans",
    ]);
    expect(printed.files.map((f) => [f.name, f.kind])).toEqual([
      ["plan.json", "plan"],
      ["activities.ndjson", "activities"],
      ["records.ndjson", "records"],
      ["reports.ndjson", "reports"],
    ]);
    for (const f of printed.files) {
      expect(f.bytes).toBeGreaterThan(0);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const first = JSON.parse(await readFile(join(ws.dir, "d", "manifest.json"), "utf8")) as ManifestJson;
    expect(printed.files).toEqual(first.files);
  });

  it("--year and a negative seed (--seed=-7) change the data", async () => {
    const r = await ws.cchc(
      "generate",
      "--size",
      "small",
      "--seed=-7",
      "--year",
      "2024",
      "-o",
      "y",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const m = JSON.parse(r.stdout) as ManifestJson;
    expect(m.year).toBe(2024);
    expect(m.seed).toBe(-7);
    const plan = JSON.parse(await readFile(join(ws.dir, "y", "plan.json"), "utf8")) as { year: number };
    expect(plan.year).toBe(2024);
  });

  it("bad size, seed or year, missing options or extra arguments: exit 2, one line", async () => {
    const cases: [string[], string][] = [
      [["--size", "huge", "--seed", "1", "--out", "x"], '"huge"'],
      [["--seed", "1", "--out", "x"], "--size"],
      [["--size", "small", "--out", "x"], "--seed"],
      [["--size", "small", "--seed", "1.5", "--out", "x"], '"1.5"'],
      [["--size", "small", "--seed", "abc", "--out", "x"], '"abc"'],
      [["--size", "small", "--seed", "99999999999999999", "--out", "x"], "--seed"],
      [["--size", "small", "--seed", "1", "--year", "1999", "--out", "x"], '"1999"'],
      [["--size", "small", "--seed", "1", "--year", "2101", "--out", "x"], '"2101"'],
      [["--size", "small", "--seed", "1", "--year", "20x8", "--out", "x"], '"20x8"'],
      [["--size", "small", "--seed", "1"], "--out"],
      [["--size", "small", "--seed", "1", "--out", "x", "extra"], '"extra"'],
      [["--size", "small", "--seed", "1", "--out", "x", "--frob"], '"--frob"'],
    ];
    for (const [argv, mention] of cases) {
      const line = expectOneLineError(await ws.cchc("generate", ...argv));
      expect(line).toContain(mention);
      expect(line).toContain("cchc generate --help");
    }
  });

  it("an --out that is a file is exit 2 with one line", async () => {
    await writeFile(join(ws.dir, "a-file"), "x");
    const line = expectOneLineError(
      await ws.cchc("generate", "--size", "small", "--seed", "1", "--out", "a-file"),
    );
    expect(line).toContain('"a-file"');
  });

  it("writes the 2026 country as a tree of plans: manifest.json names rootPlanId", async () => {
    const r = await ws.cchc(
      "generate",
      "--size",
      "national",
      "--seed",
      "3",
      "--year",
      "2026",
      "--out",
      "country",
      "--json",
    );
    expect(r.code).toBe(0);
    const manifest = JSON.parse(r.stdout) as ManifestJson & {
      rootPlanId: string;
      plans: { planId: string; parentPlanId?: string; dir: string; counts: { records: number } }[];
    };
    expect(JSON.parse(await readFile(join(ws.dir, "country", "manifest.json"), "utf8"))).toEqual(manifest);
    expect(manifest.rootPlanId).toBe("bnv-2026");
    expect(manifest.plans).toHaveLength(52);
    expect(manifest.plans.slice(1).every((p) => p.parentPlanId === "bnv-2026")).toBe(true);
    expect(manifest.counts.records).toBe(1_000_000);
    const province = manifest.plans.find((p) => p.planId === "tp-da-nang-2026");
    expect(province?.dir).toBe("plans/tp-da-nang-2026");
    expect(await lineCount(join(ws.dir, "country", "plans", "tp-da-nang-2026", "records.ndjson"))).toBe(
      province?.counts.records,
    );
  }, 120_000);

  it("has its own help page, Vietnamese first, and is listed in the overview", async () => {
    const page = await ws.cchc("generate", "--help");
    expect(page.code).toBe(0);
    expect(page.stdout).toContain("cchc generate --size <small|medium|national>");
    // the counts of each size, for 2026 and 2018
    for (const figure of [
      "3.321",
      "2.636 xã, 672 phường, 13 đặc khu",
      "3,321",
      "52 plans",
      "no districts",
      "3,400 units",
    ])
      expect(page.stdout).toContain(figure);
    expect(page.stdout.indexOf("Cách dùng")).toBeLessThan(page.stdout.indexOf("Usage"));
    const overview = await ws.cchc("--help");
    expect(overview.stdout).toContain("generate --size");
  });
});

describe("cchc generate wraps the generator's RangeError", () => {
  it("a RangeError from generateDataset becomes exit 2 with one line", async () => {
    vi.resetModules();
    vi.doMock("@cchc/testing", async (importOriginal) => ({
      ...(await importOriginal<typeof import("@cchc/testing")>()),
      generateDataset: () => {
        throw new RangeError("generateDataset: records must be a whole number ≥ 0 (got -1)");
      },
    }));
    try {
      const { runCchc } = await import("./helpers.js");
      const r = await runCchc(["generate", "--size", "small", "--seed", "1", "--out", "z"], ws.dir);
      const line = expectOneLineError(r);
      expect(line).toContain("records must be a whole number");
      expect(line).not.toContain("generateDataset:");
    } finally {
      vi.doUnmock("@cchc/testing");
      vi.resetModules();
    }
  });
});
