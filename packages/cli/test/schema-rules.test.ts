import { tmpdir } from "node:os";
import { PLAN_RULES, planJsonSchema, rulesReferenceMarkdown } from "@cchc/core";
import { describe, expect, it } from "vitest";
import { expectOneLineError, runCchc } from "./helpers.js";

const cwd = tmpdir();

describe("cchc schema", () => {
  it("prints the plan's JSON Schema", async () => {
    const r = await runCchc(["schema"], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.endsWith("}\n")).toBe(true);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(schema).toEqual(JSON.parse(JSON.stringify(planJsonSchema())));
    expect(schema.$id).toBe("urn:cchc:schema:plan");
    expect(schema.type).toBe("object");
  });

  it("takes no arguments", async () => {
    expectOneLineError(await runCchc(["schema", "plan"], cwd));
    expectOneLineError(await runCchc(["schema", "--json"], cwd));
  });
});

describe("cchc rules", () => {
  it("lists every rule: code, severity, Vietnamese and English title", async () => {
    const r = await runCchc(["rules"], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(PLAN_RULES.length);
    PLAN_RULES.forEach((rule, i) => {
      const line = lines[i] ?? "";
      expect(line.startsWith(`${rule.code} `)).toBe(true);
      expect(line).toContain(rule.severity === "error" ? "lỗi/error" : "cảnh báo/warning");
      expect(line).toContain(`${rule.title.vi} / ${rule.title.en}`);
    });
  });

  it("--json gives { rules: [{ code, severity, title, description }] }", async () => {
    const r = await runCchc(["rules", "--json"], cwd);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { rules: Array<Record<string, unknown>> };
    expect(Object.keys(out)).toEqual(["rules"]);
    expect(out.rules.map((x) => x.code)).toEqual(PLAN_RULES.map((x) => x.code));
    for (const rule of out.rules)
      expect(Object.keys(rule)).toEqual(["code", "severity", "title", "description"]);
    expect(out.rules.find((x) => x.code === "lead-unit-missing")).toMatchObject({
      severity: "error",
      title: { vi: "Chưa có đơn vị chủ trì", en: "No lead unit" },
    });
  });

  it("--markdown prints the docs page", async () => {
    const r = await runCchc(["rules", "--markdown"], cwd);
    expect(r).toEqual({ code: 0, stdout: rulesReferenceMarkdown(), stderr: "" });
    expect(r.stdout).toMatch(/^# Quy tắc kiểm tra kế hoạch \/ Plan validation rules\n/);
  });

  it("--json and --markdown together, or an unknown flag, is exit 2", async () => {
    expectOneLineError(await runCchc(["rules", "--json", "--markdown"], cwd));
    expectOneLineError(await runCchc(["rules", "--md"], cwd));
    expectOneLineError(await runCchc(["rules", "extra"], cwd));
  });
});
