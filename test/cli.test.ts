/**
 * End to end: the BUILT `cchc` bin (packages/cli/dist/main.js) run as a child process, the way
 * people and scripts run it. The root `pnpm test` builds before vitest runs.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BinResult, requireBin, runCchc } from "./support/cchc.js";

const here = dirname(fileURLToPath(import.meta.url));
const SEED = join(here, "fixtures/ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.txt");

let dir: string;

const cchc = (...args: string[]): BinResult => runCchc(dir, args, 30_000);

/** The error contract: exit 2, one line on stderr, nothing on stdout, no stack frame. */
function expectOneLineError(r: BinResult): string {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n");
  expect(lines, r.stderr).toHaveLength(2);
  expect(lines[1]).toBe("");
  expect(r.stderr).not.toMatch(/^\s*at /m);
  expect(r.stderr).not.toMatch(/\(?[\w/.-]+\.(?:js|ts):\d+:\d+\)?/);
  expect(r.stderr).toMatch(/^cchc: /);
  return lines[0] ?? "";
}

beforeAll(async () => {
  requireBin();
  dir = await mkdtemp(join(tmpdir(), "cchc-e2e-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the built cchc bin", () => {
  it("sample mic-2018 piped to a file validates with exit 0 and the four header warnings", async () => {
    const sample = cchc("sample", "mic-2018");
    expect(sample.code).toBe(0);
    expect(sample.stderr).toBe("");
    await writeFile(join(dir, "plan.json"), sample.stdout);

    const human = cchc("validate", "plan.json");
    expect(human.code).toBe(0);
    expect(human.stdout.trimEnd().split("\n").at(-1)).toBe("0 lỗi, 4 cảnh báo / 0 errors, 4 warnings");

    const json = cchc("validate", "plan.json", "--json");
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout) as { errors: unknown[]; warnings: Array<{ code: string }> };
    expect(out.errors).toEqual([]);
    expect(out.warnings.map((w) => w.code)).toEqual([
      "header-number-missing",
      "header-date-missing",
      "header-place-missing",
      "header-signer-missing",
    ]);
  });

  it("a broken plan exits 1", async () => {
    const plan = JSON.parse(cchc("sample", "mic-2018").stdout);
    plan.responsibilities[0].roles = ["monitor"];
    plan.responsibilities[1].unitIds.push("vu-khong-ton-tai");
    plan.number = "5/KH-BTTTT";
    plan.date = "2016-01-01";
    await writeFile(join(dir, "broken.yaml"), JSON.stringify(plan)); // JSON is YAML too
    const r = cchc("validate", "broken.yaml", "--json");
    expect(r.code).toBe(1);
    const codes = (JSON.parse(r.stdout) as { errors: Array<{ code: string }> }).errors.map((e) => e.code);
    expect(codes.sort()).toEqual([
      "date-year-mismatch",
      "lead-unit-missing",
      "number-format",
      "unit-unknown",
    ]);
  });

  it("garbage exits 2 with one stderr line and no stack frames", async () => {
    await writeFile(join(dir, "binary.json"), Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0xff, 0xfe]));
    await writeFile(join(dir, "brace.json"), "{");
    await writeFile(join(dir, "empty.yaml"), "");
    await writeFile(join(dir, "array.json"), "[]");
    await writeFile(join(dir, "hostname"), "my-host\n");
    for (const file of [
      "binary.json",
      "brace.json",
      "empty.yaml",
      "array.json",
      "hostname",
      "missing.json",
      ".",
    ]) {
      const line = expectOneLineError(cchc("validate", file));
      expect(line).toMatch(/^cchc: không đọc được tệp .* \/ cannot read /);
    }
    expectOneLineError(cchc("frobnicate"));
    expectOneLineError(cchc("calendar", "1999"));
    expectOneLineError(cchc("render", "plan.json", "--format", "pdf"));
    expectOneLineError(cchc("sample", "nope"));
  });

  it("calendar 2018 --json parses", () => {
    const r = cchc("calendar", "2018", "--json", "--types", "quarter,half-year,nine-month,year");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      periods: Array<{ id: string; cutoffStart: string; cutoffEnd: string }>;
    };
    expect(out.periods.map((p) => [p.id, p.cutoffStart, p.cutoffEnd])).toEqual([
      ["2018Q1", "2017-12-15", "2018-03-14"],
      ["2018Q2", "2018-03-15", "2018-06-14"],
      ["2018S1", "2017-12-15", "2018-06-14"],
      ["2018Q3", "2018-06-15", "2018-09-14"],
      ["2018N9", "2017-12-15", "2018-09-14"],
      ["2018Q4", "2018-09-15", "2018-12-14"],
      ["2018", "2017-12-15", "2018-12-14"],
    ]);
  });

  it("--help, --version and <command> --help work", async () => {
    const help = cchc("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Cách dùng / Usage");
    const pkg = JSON.parse(await readFile(resolve(here, "../packages/cli/package.json"), "utf8")) as {
      version: string;
    };
    expect(cchc("--version")).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    expect(cchc("calendar", "--help").stdout).toContain("--deadline-days");
  });

  it("render --out writes the file; schema and rules --markdown print", async () => {
    expect(cchc("render", "plan.json", "--format", "md", "--out", "plan.md")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(await readFile(join(dir, "plan.md"), "utf8")).toContain("# KẾ HOẠCH");
    expect(JSON.parse(cchc("schema").stdout)).toMatchObject({ $id: "urn:cchc:schema:plan" });
    expect(cchc("rules", "--markdown").stdout).toContain("lead-unit-missing");
  });

  it("the sample, rendered as text, contains every line of the seed plan from KẾ HOẠCH on", async () => {
    const r = cchc("render", "plan.json", "--format", "text");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const rendered = new Set(r.stdout.split("\n").map((l) => l.trim()));
    const seed = (await readFile(SEED, "utf8")).split(/\r?\n/).map((l) => l.trim());
    const start = seed.findIndex((l) => l.startsWith("KẾ HOẠCH"));
    expect(start).toBeGreaterThanOrEqual(0);
    const body = seed.slice(start).filter((l) => l !== "");
    expect(body.length).toBeGreaterThan(40);
    expect(body.filter((l) => !rendered.has(l))).toEqual([]);
  });
});
