import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderPlanJson, SAMPLE_PLAN_NAMES, samplePlan, sampleTracking, validatePlan } from "@cchc/core";
import { describe, expect, it } from "vitest";
import { expectOneLineError, runCchc } from "./helpers.js";

const cwd = tmpdir();

describe("cchc sample", () => {
  it("prints the mic-2018 sample as canonical JSON", async () => {
    const r = await runCchc(["sample", "mic-2018"], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(renderPlanJson(samplePlan("mic-2018")));
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: "mic-2018",
      year: 2018,
      issuer: { abbreviation: "BTTTT" },
    });
  });

  it("an unknown sample name is exit 2 with one line listing the known names", async () => {
    const line = expectOneLineError(await runCchc(["sample", "mic-2019"], cwd));
    expect(line).toContain('"mic-2019"');
    for (const name of SAMPLE_PLAN_NAMES) expect(line).toContain(name);
  });

  it("no name or two names is exit 2", async () => {
    expect(expectOneLineError(await runCchc(["sample"], cwd))).toContain("mic-2018");
    expectOneLineError(await runCchc(["sample", "mic-2018", "extra"], cwd));
    expectOneLineError(await runCchc(["sample", "mic-2018", "--json"], cwd));
  });

  it.each(["lao-cai-2026", "xa-bao-thang-2026"])(
    "prints the 2026 sample %s, valid without a finding",
    async (name) => {
      const r = await runCchc(["sample", name], cwd);
      expect(r.code).toBe(0);
      const plan = JSON.parse(r.stdout) as { id: string; year: number };
      expect(plan).toMatchObject({ id: name, year: 2026 });
      const v = validatePlan(plan);
      expect([...v.errors, ...v.warnings]).toEqual([]);
    },
  );

  it("--tracking writes the plan and its tracking data as the folder cchc score reads", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cchc-sample-"));
    try {
      const r = await runCchc(["sample", "lao-cai-2026", "--tracking", "out"], dir);
      expect(r.code).toBe(0);
      expect(r.stdout.indexOf("Đã ghi")).toBeLessThan(r.stdout.indexOf("Wrote"));
      const out = join(dir, "out");
      expect(await readFile(join(out, "plan.json"), "utf8")).toBe(renderPlanJson(samplePlan("lao-cai-2026")));
      const lines = async (f: string) => (await readFile(join(out, f), "utf8")).split("\n").filter(Boolean);
      const t = sampleTracking("lao-cai-2026");
      expect((await lines("records.ndjson")).map((l) => JSON.parse(l))).toEqual(t?.records);
      expect(await lines("activities.ndjson")).toHaveLength(t?.activities.length ?? -1);
      expect(await lines("reports.ndjson")).toHaveLength(t?.reports.length ?? -1);
      const score = await runCchc(["score", join(out, "plan.json"), "--tracking", out, "--json"], dir);
      expect(score.code).toBe(0);
      const sheet = JSON.parse(score.stdout) as { counts: { records: number }; skipped: { count: number } };
      expect(sheet.counts.records).toBe(t?.records.length);
      expect(sheet.skipped.count).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("--tracking on mic-2018 (no shipped tracking data) or onto a file is exit 2 with one line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "cchc-sample-"));
    try {
      expect(expectOneLineError(await runCchc(["sample", "mic-2018", "--tracking", "out"], dir))).toContain(
        "cchc generate",
      );
      await writeFile(join(dir, "a-file"), "x");
      expect(
        expectOneLineError(await runCchc(["sample", "lao-cai-2026", "--tracking", "a-file"], dir)),
      ).toContain('"a-file"');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each(["lao-cai-2026", "xa-bao-thang-2026"])(
    "the 2026 sample %s exports in every format",
    async (name) => {
      const dir = await mkdtemp(join(tmpdir(), "cchc-sample-"));
      try {
        await writeFile(join(dir, "plan.json"), (await runCchc(["sample", name], dir)).stdout);
        for (const format of ["docx", "pdf", "xlsx", "ics", "md", "html"]) {
          const r = await runCchc(
            ["export", "plan.json", "--format", format, "--out", `plan.${format}`],
            dir,
          );
          expect(r.code, `${format}: ${r.stderr}`).toBe(0);
          expect((await readFile(join(dir, `plan.${format}`))).length, format).toBeGreaterThan(1000);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
