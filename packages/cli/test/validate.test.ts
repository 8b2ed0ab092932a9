import { spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { renderPlanJson, samplePlan } from "@cchc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { BIN, requireBin } from "./bin.js";
import { expectOneLineError, runCchc, type Workspace, workspace } from "./helpers.js";

const SAMPLE_WARNINGS = [
  "header-number-missing",
  "header-date-missing",
  "header-place-missing",
  "header-signer-missing",
];

interface FindingJson {
  code: string;
  severity: string;
  path: Array<string | number>;
  message: { vi: string; en: string };
}
interface ValidateJson {
  errors: FindingJson[];
  warnings: FindingJson[];
}

/** The sample with the breakages the brief lists: no lead, an unknown unit, a bad number and date. */
function brokenSample(): Record<string, unknown> {
  const plan = JSON.parse(renderPlanJson(samplePlan("mic-2018")));
  plan.responsibilities[0].roles = ["monitor"];
  plan.responsibilities[1].unitIds.push("vu-khong-ton-tai");
  plan.number = "5/KH-BTTTT";
  plan.date = "2016-01-01";
  return plan;
}

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
  await ws.write("plan.json", renderPlanJson(samplePlan("mic-2018")));
  await ws.write("broken.json", JSON.stringify(brokenSample()));
});
afterAll(() => ws.cleanup());

describe("cchc validate (JSON contract)", () => {
  it("the sample has no errors and the four header warnings", async () => {
    const r = await ws.cchc("validate", "plan.json", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(Object.keys(out)).toEqual(["errors", "warnings"]);
    expect(out.errors).toEqual([]);
    expect(out.warnings.map((w) => w.code)).toEqual(SAMPLE_WARNINGS);
    for (const w of out.warnings) {
      expect(Object.keys(w)).toEqual(["code", "severity", "path", "message"]);
      expect(w.severity).toBe("warning");
      expect(Array.isArray(w.path)).toBe(true);
      expect(Object.keys(w.message)).toEqual(["vi", "en"]);
    }
    expect(out.warnings[0]?.path).toEqual(["number"]);
    expect(out.warnings[3]?.path).toEqual(["signer"]);
  });

  it("a broken plan is exit 1 with the expected codes and paths", async () => {
    const r = await ws.cchc("validate", "broken.json", "--json");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as ValidateJson;
    const errors = out.errors.map((e) => [e.code, e.path]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ["lead-unit-missing", ["responsibilities"]],
        ["unit-unknown", ["responsibilities", 1, "unitIds", 6]],
        ["number-format", ["number"]],
        ["date-year-mismatch", ["date"]],
      ]),
    );
    expect(errors).toHaveLength(4);
    for (const e of out.errors) expect(e.severity).toBe("error");
    // number and date are now present, so only two header warnings remain
    expect(out.warnings.map((w) => w.code)).toEqual(["header-place-missing", "header-signer-missing"]);
  });

  it("a shape error in an object is exit 1 with findings, not exit 2", async () => {
    await ws.write("empty-object.json", "{}");
    const r = await ws.cchc("validate", "empty-object.json", "--json");
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as ValidateJson;
    expect(out.errors.map((e) => e.code)).toEqual([
      "shape.required",
      "shape.required",
      "shape.required",
      "shape.required",
    ]);
    expect(out.errors.map((e) => e.path)).toEqual([["id"], ["issuer"], ["year"], ["title"]]);

    await ws.write(
      "typo.json",
      JSON.stringify({ ...JSON.parse(renderPlanJson(samplePlan("mic-2018"))), yaer: 2018 }),
    );
    const typo = JSON.parse((await ws.cchc("validate", "typo.json", "--json")).stdout) as ValidateJson;
    expect(typo.errors.map((e) => e.code)).toEqual(["shape.unrecognized_keys"]);
  });
});

describe("cchc validate (human output)", () => {
  it("prints one line per finding, Vietnamese then English, and a summary", async () => {
    const r = await ws.cchc("validate", "plan.json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      "Cảnh báo / Warning  header-number-missing  number  Kế hoạch chưa có số, ký hiệu. — The plan has no number/symbol.",
    );
    expect(lines[4]).toBe("0 lỗi, 4 cảnh báo / 0 errors, 4 warnings");
  });

  it("shows errors first with paths as people write them", async () => {
    const r = await ws.cchc("validate", "broken.json");
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^Lỗi \/ Error {2}unit-unknown {2}responsibilities\[1\]\.unitIds\[6\] {2}.* — No unit/,
    );
    expect(lines.at(-1)).toBe("4 lỗi, 2 cảnh báo / 4 errors, 2 warnings");
    expect(lines.filter((l) => l.startsWith("Lỗi / Error"))).toHaveLength(4);
  });

  it("says 1 error, not 1 errors", async () => {
    const plan = JSON.parse(renderPlanJson(samplePlan("mic-2018")));
    plan.date = "2016-01-01";
    await ws.write("one-error.json", JSON.stringify(plan));
    const r = await ws.cchc("validate", "one-error.json");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("1 lỗi, 3 cảnh báo / 1 error, 3 warnings");
  });
});

describe("cchc validate (YAML and file names)", () => {
  it("reads .yaml and .yml like the same plan in JSON", async () => {
    const plan = JSON.parse(renderPlanJson(samplePlan("mic-2018")));
    await ws.write("plan.yaml", toYaml(plan));
    await ws.write("plan.yml", toYaml(plan));
    const fromJson = await ws.cchc("validate", "plan.json", "--json");
    for (const name of ["plan.yaml", "plan.yml"]) {
      const r = await ws.cchc("validate", name, "--json");
      expect(r).toEqual(fromJson);
    }
    const broken = await ws.write("broken.yaml", toYaml(brokenSample()));
    const r = await ws.cchc("validate", broken, "--json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe((await ws.cchc("validate", "broken.json", "--json")).stdout);
  });

  it("keeps an unquoted YAML date a string (the core schema, not YAML 1.1 timestamps)", async () => {
    const yaml = `${toYaml(JSON.parse(renderPlanJson(samplePlan("mic-2018"))))}date: 2018-03-05\nnumber: 12/KH-BTTTT\n`;
    await ws.write("dated.yaml", yaml);
    const out = JSON.parse((await ws.cchc("validate", "dated.yaml", "--json")).stdout) as ValidateJson;
    expect(out.errors).toEqual([]);
    expect(out.warnings.map((w) => w.code)).toEqual(["header-place-missing", "header-signer-missing"]);
  });

  it("an unknown extension tries JSON, then YAML", async () => {
    await ws.write("plan.txt", renderPlanJson(samplePlan("mic-2018")));
    await ws.write("plan-yaml.txt", toYaml(JSON.parse(renderPlanJson(samplePlan("mic-2018")))));
    await ws.write("PLAN", renderPlanJson(samplePlan("mic-2018")));
    for (const name of ["plan.txt", "plan-yaml.txt", "PLAN"]) {
      const r = await ws.cchc("validate", name);
      expect(r.code, name).toBe(0);
    }
  });

  it("the extension decides: YAML in a .json file is a syntax error", async () => {
    await ws.write("yaml-in.json", "id: x\n");
    expect(expectOneLineError(await ws.cchc("validate", "yaml-in.json"))).toContain("JSON");
  });

  it("accepts a UTF-8 byte order mark and upper-case extensions", async () => {
    await ws.write("bom.JSON", `\uFEFF${renderPlanJson(samplePlan("mic-2018"))}`);
    expect((await ws.cchc("validate", "bom.JSON")).code).toBe(0);
  });

  it("resolves relative paths against the working directory and accepts absolute ones", async () => {
    const r = await ws.cchc("validate", `${ws.dir}/plan.json`);
    expect(r.code).toBe(0);
  });
});

describe("cchc validate (unusable input: exit 2, one line, nothing on stdout)", () => {
  const cases: Array<[string, string | Uint8Array, RegExp]> = [
    [
      "binary.json",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]),
      /UTF-8/,
    ],
    ["nul.json", "{\u0000}", /UTF-8/],
    ["open-brace.json", "{", /JSON/],
    ["empty.json", "", /rỗng.*empty/],
    ["blank.yaml", "  \n\t\n", /rỗng.*empty/],
    ["array.json", "[]", /danh sách.*an array/],
    ["number.json", "42", /một số.*a number/],
    ["string.json", '"x"', /chuỗi.*a string/],
    ["null.json", "null", /null/],
    ["true.yaml", "true\n", /boolean/],
    ["scalar.yaml", "just some words\n", /a string/],
    ["comment.yaml", "# only a comment\n", /null/],
    ["bad.yaml", "a: [\n", /YAML/],
    ["dup.yaml", "id: a\nid: b\n", /YAML/],
    ["multi.yaml", "id: a\n---\nid: b\n", /YAML/],
    ["list.yaml", "- a\n- b\n", /an array/],
    ["garbage.txt", "{ not: json: at all", /JSON/],
    ["garbage2", "key: [unclosed\n  - x: }", /YAML/],
  ];
  for (const [name, content, pattern] of cases) {
    it(`${name}`, async () => {
      await ws.write(name, content);
      for (const argv of [
        ["validate", name],
        ["validate", name, "--json"],
        ["render", name],
      ]) {
        const line = expectOneLineError(await ws.cchc(...argv));
        expect(line).toMatch(/^cchc: không đọc được tệp .+ \/ cannot read /);
        expect(line).toContain(name);
        expect(line).toMatch(pattern);
      }
    });
  }

  it("a missing file", async () => {
    const line = expectOneLineError(await ws.cchc("validate", "does-not-exist.json"));
    expect(line).toBe(
      "cchc: không đọc được tệp does-not-exist.json: không tìm thấy tệp / cannot read does-not-exist.json: file not found",
    );
  });

  it("a directory", async () => {
    await mkdir(`${ws.dir}/a-dir.json`);
    expect(expectOneLineError(await ws.cchc("validate", "a-dir.json"))).toContain("directory");
    expect(expectOneLineError(await ws.cchc("validate", "."))).toContain("directory");
  });

  it("a read error without a known code still gives one line", async () => {
    const r = await runCchc(["validate", "x.json"], ws.dir, {
      readFile: async () => {
        throw new Error("disk on fire\nsecond line");
      },
    });
    const line = expectOneLineError(r);
    expect(line).toBe("cchc: không đọc được tệp x.json: disk on fire / cannot read x.json: disk on fire");
  });

  it("a file over 32 MB is refused while it is read, even when its size says nothing", async () => {
    // in-process: an io that reads more than asked for still has the limit checked
    const r = await runCchc(["validate", "big.json"], ws.dir, {
      readFile: async () => Buffer.alloc(32 * 1024 * 1024 + 1, 0x20),
    });
    expect(expectOneLineError(r)).toBe(
      "cchc: không đọc được tệp big.json: tệp vượt giới hạn 32 MB / cannot read big.json: file exceeds the 32 MB limit",
    );
  });

  it("/dev/zero: exit 2 naming the limit, in bounded memory (the built bin, 256 MB of heap)", () => {
    requireBin();
    const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, "validate", "/dev/zero"], {
      cwd: ws.dir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    expect(expectOneLineError({ code: r.status, stdout: r.stdout, stderr: r.stderr })).toBe(
      "cchc: không đọc được tệp /dev/zero: tệp vượt giới hạn 32 MB / cannot read /dev/zero: file exceeds the 32 MB limit",
    );
  });

  it("a file name with a line break stays on one line", async () => {
    expectOneLineError(await ws.cchc("validate", "no\nsuch.json"));
  });

  it("missing or extra arguments and unknown flags", async () => {
    expect(expectOneLineError(await ws.cchc("validate"))).toContain("cchc validate --help");
    expectOneLineError(await ws.cchc("validate", "plan.json", "plan.json"));
    expect(expectOneLineError(await ws.cchc("validate", "plan.json", "--jsno"))).toContain('"--jsno"');
    expectOneLineError(await ws.cchc("validate", "plan.json", "--json=yes"));
  });
});
