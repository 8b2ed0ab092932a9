/// <reference types="node" />
/** docs/import.md lists every import finding code and every leftover code, so it cannot drift. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IMPORT_FINDING_CODES, LEFTOVER_REASONS } from "../src/index.js";

const DOC = readFileSync(new URL("../../../docs/import.md", import.meta.url), "utf8");

describe("docs/import.md", () => {
  it("documents every import finding code with its severity", () => {
    for (const c of IMPORT_FINDING_CODES) expect(DOC, c.code).toContain(`| \`${c.code}\` | ${c.severity} |`);
  });

  it("documents every leftover code", () => {
    for (const code of Object.keys(LEFTOVER_REASONS)) expect(DOC, code).toContain(`| \`${code}\` |`);
  });

  it("is listed in docs/README.md", () => {
    const index = readFileSync(new URL("../../../docs/README.md", import.meta.url), "utf8");
    expect(index).toContain("(import.md)");
  });
});
