/// <reference types="node" />
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rulesReferenceMarkdown } from "../src/index.js";

const RULES_DOC = fileURLToPath(new URL("../../../docs/rules.md", import.meta.url));

describe("docs/rules.md", () => {
  it("exists (generate it with `pnpm docs:rules`)", () => {
    expect(existsSync(RULES_DOC), `${RULES_DOC} is missing; run pnpm docs:rules`).toBe(true);
  });

  it("equals rulesReferenceMarkdown() exactly (regenerate it with `pnpm docs:rules`)", () => {
    if (!existsSync(RULES_DOC)) expect.fail(`${RULES_DOC} is missing; run pnpm docs:rules`);
    expect(readFileSync(RULES_DOC, "utf8")).toBe(rulesReferenceMarkdown());
  });
});
