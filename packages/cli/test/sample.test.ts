import { tmpdir } from "node:os";
import { renderPlanJson, SAMPLE_PLAN_NAMES, samplePlan } from "@cchc/core";
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
});
