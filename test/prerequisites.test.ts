/**
 * `scripts/test-prerequisites.mjs`, the first step of `pnpm test`: with a tool missing and
 * installing not allowed, it stops at once with the one command to run, in Vietnamese and English;
 * with every file of the table present (under a scratch root), it passes silently. The README
 * shows the same command.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SCRIPT = join(ROOT, "scripts/test-prerequisites.mjs");
const table = JSON.parse(readFileSync(join(ROOT, "packages/testing/src/tools.json"), "utf8")) as Record<
  string,
  { files: string[]; suite: boolean }
>;
const scratch = mkdtempSync(join(tmpdir(), "cchc-tools-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (toolRoot: string) =>
  spawnSync(process.execPath, [SCRIPT], {
    env: { ...process.env, CCHC_TOOL_ROOT: toolRoot, CCHC_NO_INSTALL: "1" },
    encoding: "utf8",
    timeout: 30_000,
  });

it("stops at once, naming the packages to install, when the tools are missing", () => {
  const r = run(join(scratch, "empty"));
  expect(r.status).toBe(1);
  expect(r.stderr).toContain(
    `thiếu LibreOffice Calc, LibreOffice Writer, Chromium, poppler (pdftotext, pdftoppm) cho bộ kiểm thử — cài:`,
  );
  expect(r.stderr).toContain(
    "missing LibreOffice Calc, LibreOffice Writer, Chromium, poppler (pdftotext, pdftoppm) for the tests",
  );
  // `sudo ` in front when not run as root.
  expect(r.stderr).toMatch(
    /(sudo )?apt-get update && (sudo )?apt-get install -y --no-install-recommends libreoffice-calc-nogui fonts-liberation2 libreoffice-writer-nogui chromium poppler-utils\n/,
  );
});

it("is the command the README shows", () => {
  const printed = /install: (.*apt-get update && .*)\n/.exec(run(join(scratch, "empty")).stderr)?.[1];
  expect(printed).toBeDefined();
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  expect(readme).toContain(`\`${(printed ?? "").replace(/sudo /g, "")}\``);
});

it("asks for Calc when only Writer's files are there (soffice alone is not enough)", () => {
  const dir = join(scratch, "writer-only");
  for (const [id, tool] of Object.entries(table))
    if (id !== "libreoffice-calc")
      for (const f of tool.files) {
        mkdirSync(dirname(join(dir, f)), { recursive: true });
        writeFileSync(join(dir, f), "");
      }
  const r = run(dir);
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("thiếu LibreOffice Calc cho bộ kiểm thử");
  expect(r.stderr).toContain("libreoffice-calc-nogui fonts-liberation2");
  expect(r.stderr).not.toContain("chromium");
});

it("passes silently when every tool the suite needs is there", () => {
  const dir = join(scratch, "all");
  for (const tool of Object.values(table))
    for (const f of tool.files) {
      mkdirSync(dirname(join(dir, f)), { recursive: true });
      writeFileSync(join(dir, f), "");
    }
  const r = run(dir);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
});
