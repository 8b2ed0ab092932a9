import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { renderPlanJson, renderPlanMarkdown, renderPlanText, samplePlan } from "@cchc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify as toYaml } from "yaml";
import { expectOneLineError, type Workspace, workspace } from "./helpers.js";

const sample = samplePlan("mic-2018");

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
  await ws.write("plan.json", renderPlanJson(sample));
  await ws.write("plan.yaml", toYaml(JSON.parse(renderPlanJson(sample))));
});
afterAll(() => ws.cleanup());

describe("cchc render", () => {
  it("renders Markdown by default, and md, json, text on request", async () => {
    const expected = {
      md: renderPlanMarkdown(sample),
      json: renderPlanJson(sample),
      text: renderPlanText(sample),
    };
    expect(await ws.cchc("render", "plan.json")).toEqual({ code: 0, stdout: expected.md, stderr: "" });
    for (const [format, text] of Object.entries(expected)) {
      expect(await ws.cchc("render", "plan.json", "--format", format)).toEqual({
        code: 0,
        stdout: text,
        stderr: "",
      });
      expect((await ws.cchc("render", "plan.json", `--format=${format}`)).stdout).toBe(text);
      expect((await ws.cchc("render", "-f", format, "plan.json")).stdout).toBe(text);
    }
  });

  it("renders a YAML plan exactly like the same plan in JSON", async () => {
    for (const format of ["md", "json", "text"]) {
      const a = await ws.cchc("render", "plan.yaml", "--format", format);
      const b = await ws.cchc("render", "plan.json", "--format", format);
      expect(a).toEqual(b);
    }
  });

  it("--out writes the file and prints nothing", async () => {
    const r = await ws.cchc("render", "plan.json", "--format", "text", "--out", "out/../ke-hoach.txt");
    expect(r).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await readFile(join(ws.dir, "ke-hoach.txt"), "utf8")).toBe(renderPlanText(sample));
    const short = await ws.cchc("render", "plan.json", "-o", "ke-hoach.md");
    expect(short.code).toBe(0);
    expect(await readFile(join(ws.dir, "ke-hoach.md"), "utf8")).toBe(renderPlanMarkdown(sample));
  });

  it("refuses to overwrite the input plan with --out", async () => {
    const before = await readFile(join(ws.dir, "plan.json"), "utf8");
    for (const out of ["plan.json", "./plan.json", join(ws.dir, "plan.json")]) {
      const line = expectOneLineError(await ws.cchc("render", "plan.json", "--out", out));
      expect(line).toContain("ghi đè");
    }
    expect(await readFile(join(ws.dir, "plan.json"), "utf8")).toBe(before);
  });

  it("cannot write --out: exit 2, one line", async () => {
    const line = expectOneLineError(await ws.cchc("render", "plan.json", "--out", "no/such/dir/x.md"));
    expect(line).toMatch(/^cchc: không ghi được tệp no\/such\/dir\/x\.md: .* \/ cannot write/);
    expectOneLineError(await ws.cchc("render", "plan.json", "--out", "."));
    expectOneLineError(await ws.cchc("render", "plan.json", "--out="));
  });

  it("a plan with errors still renders, with the error count on stderr", async () => {
    const plan = JSON.parse(renderPlanJson(sample));
    plan.responsibilities[0].roles = ["monitor"];
    plan.date = "2016-01-01";
    await ws.write("broken.json", JSON.stringify(plan));
    const r = await ws.cchc("render", "broken.json", "--format", "text");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("KẾ HOẠCH");
    expect(r.stdout).toContain("ngày 01 tháng 01 năm 2016");
    expect(r.stderr).toBe(
      "cchc: cảnh báo: kế hoạch có 2 lỗi, vẫn kết xuất (xem cchc validate) / warning: the plan has 2 errors, rendered anyway (see cchc validate)\n",
    );
  });

  it("a plan whose shape does not parse is exit 1 with the findings on stderr", async () => {
    await ws.write("shapeless.json", JSON.stringify({ id: "x", year: 2018, issuer: { name: "" } }));
    const r = await ws.cchc("render", "shapeless.json", "--out", "never.md");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("shape.required  title");
    expect(r.stderr).toContain("shape.too_small  issuer.name");
    expect(r.stderr.trimEnd().split("\n").at(-1)).toMatch(/^\d+ lỗi, 0 cảnh báo \/ \d+ errors, 0 warnings$/);
    await expect(stat(join(ws.dir, "never.md"))).rejects.toThrow();
  });

  it("a plan nested too deeply is refused by validation (exit 1), and render writes nothing", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    await ws.write(
      "deep.json",
      `${renderPlanJson(sample).trimEnd().slice(0, -1)}, "extensions": { "x": ${deep} } }`,
    );
    // validation refuses it (issue 13, item 7), so render never meets it
    const validated = await ws.cchc("validate", "deep.json");
    expect(validated.code).toBe(1);
    expect(validated.stdout + validated.stderr).toContain("shape.too-deep");
    expect(validated.stdout + validated.stderr).toContain(
      "extensions.x[0][0]…: dữ liệu lồng nhau quá 100 cấp",
    );
    const rendered = await ws.cchc("render", "deep.json", "--format", "json", "--out", "deep.out.json");
    expect(rendered.code).toBe(1);
    expect(rendered.stderr).toContain("shape.too-deep");
    await expect(stat(join(ws.dir, "deep.out.json"))).rejects.toThrow();
  });

  it("bad arguments: exit 2, one line", async () => {
    const line = expectOneLineError(await ws.cchc("render", "plan.json", "--format", "pdf"));
    expect(line).toContain('"pdf"');
    expect(line).toContain("md, json");
    expectOneLineError(await ws.cchc("render", "plan.json", "--format"));
    expectOneLineError(await ws.cchc("render"));
    expectOneLineError(await ws.cchc("render", "plan.json", "other.json"));
    expectOneLineError(await ws.cchc("render", "plan.json", "--pdf"));
    expectOneLineError(await ws.cchc("render", "missing.json"));
    expectOneLineError(await ws.cchc("render", "plan.json", "--format", "toString"));
  });
});

describe("cchc render short options", () => {
  it("-f without a value names the option", async () => {
    const w = await workspace();
    try {
      await w.write("plan.json", renderPlanJson(sample));
      const line = expectOneLineError(await w.cchc("render", "plan.json", "-f"));
      expect(line).toContain('"-f"');
      expect(line).toContain("cần một giá trị");
    } finally {
      await w.cleanup();
    }
  });
});
