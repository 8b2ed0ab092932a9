/**
 * One crafted NDJSON line or plan field must not abort a command with exit 70: the value
 * `{"length":{"toString":1}}` where an id belongs, and `extensions` nested 5,000 deep, are findings
 * like any other bad input. `score` and `export` skip the line with a finding, `ingest` stops at it
 * (exit 1, the line named), `plans save` and `validate` refuse the plan (exit 1) without blaming
 * the store.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MAX_INPUT_DEPTH } from "@cchc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOneLineError, type Workspace, workspace } from "./helpers.js";

const CRAFTED = { length: { toString: 1 } };

let ws: Workspace;

const read = (name: string) => readFile(join(ws.dir, name), "utf8");

/**
 * `d` with one more line in `file`: the first line again, its id replaced by the crafted value
 * (after the first `keep` lines only, when given). Returns the crafted line's number.
 */
async function withCraftedLine(folder: string, file: string, keep?: number): Promise<number> {
  await cp(join(ws.dir, "d"), join(ws.dir, folder), { recursive: true });
  const lines = (await read(join(folder, file)))
    .split("\n")
    .filter((l) => l !== "")
    .slice(0, keep);
  const first = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
  lines.push(JSON.stringify({ ...first, id: CRAFTED }));
  await writeFile(join(ws.dir, folder, file), `${lines.join("\n")}\n`);
  return lines.length;
}

/** JSON text of an object nested `depth` levels deep (written out, as no serialiser would). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}"leaf"${"}".repeat(depth)}`;

beforeAll(async () => {
  ws = await workspace();
  const g = await ws.cchc("generate", "--size", "small", "--seed", "13", "--out", "d");
  expect(g.code, g.stderr).toBe(0);
  await withCraftedLine("rec", "records.ndjson");
  await withCraftedLine("few", "records.ndjson", 20);
  await withCraftedLine("act", "activities.ndjson");
  await withCraftedLine("rep", "reports.ndjson");
  const plan = JSON.parse(await read("d/plan.json")) as Record<string, unknown>;
  await writeFile(join(ws.dir, "crafted-plan.json"), JSON.stringify({ ...plan, id: CRAFTED }));
  const planJson = JSON.stringify({ ...plan, extensions: { x: "DEEP" } });
  await writeFile(join(ws.dir, "deep-plan.json"), planJson.replace('"DEEP"', deepJson(5000)));
}, 120_000);
afterAll(() => ws.cleanup());

interface Skipped {
  count: number;
  byCode: Record<string, number>;
  findings: { source: string; line: number; code: string; path: (string | number)[] }[];
}

describe("a crafted id in a tracking line", () => {
  for (const [folder, source] of [
    ["rec", "records"],
    ["act", "activities"],
    ["rep", "reports"],
  ] as const) {
    it(`cchc score skips the ${source} line with a finding (exit 0, not 70)`, async () => {
      const lineNo = (await read(join(folder, `${source}.ndjson`))).trimEnd().split("\n").length;
      const r = await ws.cchc("score", "d/plan.json", "--tracking", folder, "--json");
      expect(r.code, r.stderr).toBe(0);
      const skipped = (JSON.parse(r.stdout) as { skipped: Skipped }).skipped;
      expect(skipped.findings).toContainEqual(
        expect.objectContaining({ source, line: lineNo, code: "shape.invalid_type", path: ["id"] }),
      );
      expect(skipped.byCode["shape.too_big"]).toBeUndefined();
    });
  }

  it("cchc export skips it with a warning and still exports (exit 0)", async () => {
    const r = await ws.cchc(
      "export",
      "d/plan.json",
      "--document",
      "score",
      "--tracking",
      "rec",
      "-o",
      "s.md",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain("shape.invalid_type");
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it("cchc ingest stops at it with exit 1 and names the line", async () => {
    const lineNo = (await read("few/records.ndjson")).trimEnd().split("\n").length;
    const save = await ws.cchc("plans", "save", "d/plan.json", "--db", "store");
    expect(save.code, save.stderr).toBe(0);
    const planId = String(JSON.parse(await read("d/plan.json")).id);
    const r = await ws.cchc("ingest", "few", "--plan", planId, "--db", "store");
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`${lineNo}`);
    expect(r.stderr).toContain("shape.invalid_type");
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  }, 120_000);
});

describe("a crafted plan", () => {
  it("cchc validate reports the crafted id as a finding (exit 1)", async () => {
    const r = await ws.cchc("validate", "crafted-plan.json", "--json");
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { errors: { code: string; path: (string | number)[] }[] };
    expect(out.errors).toEqual([expect.objectContaining({ code: "shape.invalid_type", path: ["id"] })]);
  });

  it("cchc validate refuses extensions 5,000 levels deep with shape.too-deep (exit 1)", async () => {
    const r = await ws.cchc("validate", "deep-plan.json", "--json");
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { errors: { code: string; path: (string | number)[] }[] };
    expect(out.errors.map((e) => e.code)).toEqual(["shape.too-deep"]);
    expect(out.errors[0]?.path).toHaveLength(MAX_INPUT_DEPTH);
  });

  for (const file of ["crafted-plan.json", "deep-plan.json"]) {
    it(`cchc plans save refuses ${file} with its findings (exit 1), blaming neither the store nor itself`, async () => {
      const r = await ws.cchc("plans", "save", file, "--db", "store");
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(file === "deep-plan.json" ? "shape.too-deep" : "shape.invalid_type");
      expect(r.stderr).not.toMatch(/PGlite|PostgreSQL|stack|\bat .*:\d+:\d+/);
    }, 120_000);
  }

  it("cchc score refuses a crafted plan file with its findings, not exit 70", async () => {
    const r = await ws.cchc("score", "crafted-plan.json", "--tracking", "d", "--json");
    expect([1, 2]).toContain(r.code);
    expect(r.stderr).toContain("shape.invalid_type");
  });
});

describe("a crafted value in the other input files", () => {
  it("cchc score --manual refuses it with one line naming the field (exit 2)", async () => {
    await writeFile(join(ws.dir, "manual.json"), JSON.stringify([{ nodeId: CRAFTED, appraised: 1 }]));
    const line = expectOneLineError(
      await ws.cchc("score", "d/plan.json", "--tracking", "d", "--manual", "manual.json"),
    );
    expect(line).toContain("nodeId");
  });

  it("cchc remind --reports skips the line with a finding (exit 0)", async () => {
    const report = {
      id: "r1",
      unitId: "vu-phap-che",
      periodId: "2018Q1",
      submittedAt: "2018-03-15T10:00:00+07:00",
    };
    await writeFile(
      join(ws.dir, "reports.ndjson"),
      `${JSON.stringify(report)}\n${JSON.stringify({ ...report, id: "r2", unitId: CRAFTED })}\n`,
    );
    const r = await ws.cchc(
      "remind",
      "--now",
      "2018-03-20",
      "--reports",
      "reports.ndjson",
      "--dry-run",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { findings: { code: string; path: (string | number)[] }[] };
    expect(doc.findings).toEqual([
      expect.objectContaining({ code: "reports.shape-invalid", path: [2, "unitId"] }),
    ]);
  });

  it("cchc holidays --holidays refuses it with one line (exit 2)", async () => {
    await writeFile(join(ws.dir, "holidays.json"), JSON.stringify({ holidays: CRAFTED }));
    const line = expectOneLineError(await ws.cchc("holidays", "2026", "--holidays", "holidays.json"));
    expect(line).toContain("holidays");
  });

  it("cchc remind --contacts refuses it with one line (exit 2)", async () => {
    await writeFile(join(ws.dir, "contacts.json"), JSON.stringify({ "vu-phap-che": { email: CRAFTED } }));
    expectOneLineError(
      await ws.cchc("remind", "--now", "2018-03-20", "--contacts", "contacts.json", "--dry-run"),
    );
  });
});
