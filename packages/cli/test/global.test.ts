import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { CLI_VERSION, COMMAND_NAMES, EXIT, run } from "../src/index.js";
import { expectOneLineError, runCchc } from "./helpers.js";

const cwd = tmpdir();

describe("cchc global flags", () => {
  it("--help prints the overview, Vietnamese first, and exits 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const r = await runCchc([flag], cwd);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      expect(r.stdout.indexOf("Cách dùng")).toBeGreaterThanOrEqual(0);
      expect(r.stdout.indexOf("Cách dùng")).toBeLessThan(r.stdout.indexOf("Usage"));
      for (const name of COMMAND_NAMES) expect(r.stdout).toContain(`${name} `);
      expect(r.stdout).toContain("Mã thoát / Exit codes");
    }
  });

  it("<command> --help prints that command's page, even among other arguments", async () => {
    for (const name of COMMAND_NAMES) {
      const r = await runCchc([name, "--help"], cwd);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`cchc ${name}`);
      expect(r.stdout.indexOf("Cách dùng")).toBeLessThan(r.stdout.indexOf("Usage"));
    }
    const r = await runCchc(["validate", "--nonsense", "-h"], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("cchc validate");
  });

  it("help <command> is the same as <command> --help", async () => {
    const a = await runCchc(["help", "calendar"], cwd);
    const b = await runCchc(["calendar", "--help"], cwd);
    expect(a).toEqual(b);
    expect((await runCchc(["help"], cwd)).stdout).toBe((await runCchc(["--help"], cwd)).stdout);
    expectOneLineError(await runCchc(["help", "nope"], cwd));
  });

  it("--version prints the package.json version", async () => {
    const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(CLI_VERSION).toBe(pkg.version);
    for (const flag of ["--version", "-V"]) {
      const r = await runCchc([flag], cwd);
      expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
    }
  });

  it("an unknown command, an unknown flag or no command at all is exit 2 with one line and a hint", async () => {
    for (const argv of [["frobnicate"], ["--frobnicate"], ["-x"], [], ["Validate"]]) {
      const line = expectOneLineError(await runCchc(argv, cwd));
      expect(line).toContain("cchc --help");
    }
    expect(expectOneLineError(await runCchc(["frobnicate"], cwd))).toContain('"frobnicate"');
  });

  it("an unknown flag of a command names it and points at the command's help", async () => {
    const line = expectOneLineError(await runCchc(["schema", "--pretty"], cwd));
    expect(line).toContain('"--pretty"');
    expect(line).toContain("cchc schema --help");
  });

  it("a bug inside a command is exit 70 with one line, not a crash", async () => {
    const r = await runCchc(["schema"], cwd, {
      stdout: () => {
        throw new TypeError("boom\n    at somewhere (file.js:1:1)");
      },
    });
    expect(r.code).toBe(EXIT.internal);
    expect(r.code).toBe(70);
    expect(r.stderr).toBe("cchc: lỗi không mong đợi / unexpected error: boom\n");
  });

  it("run never throws, even when stderr itself fails", async () => {
    const code = await run(["schema"], {
      stdout: () => {
        throw new Error("stdout gone");
      },
      stderr: () => {
        throw new Error("stderr gone");
      },
      readFile: async () => "",
      cwd,
    });
    expect(code).toBe(70);
  });

  it("exit codes are the documented ones", () => {
    expect(EXIT).toEqual({ ok: 0, findings: 1, usage: 2, internal: 70 });
  });
});
