/// <reference types="node" />
/**
 * The text importer runs in browsers: no module reachable from `src/index.ts` imports a Node
 * built-in or mammoth; mammoth is loaded by `src/docx.ts` only, the `@cchc/import/docx` entry.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url);

function importsOf(file: string): string[] {
  const text = readFileSync(new URL(file, SRC), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1] as string);
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file))
      if (spec.startsWith("./")) visit(spec.slice(2).replace(/\.js$/, ".ts"));
  };
  visit(entry);
  return seen;
}

describe("browser safety of the text importer", () => {
  it("every module reachable from index.ts imports only relative modules and @cchc/core", () => {
    const files = reachable("index.ts");
    expect(files.has("importPlan.ts")).toBe(true);
    expect(files.has("docx.ts")).toBe(false);
    for (const file of files) {
      for (const spec of importsOf(file)) {
        expect(spec.startsWith("./") || spec === "@cchc/core", `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it("mammoth is imported by docx.ts and by no other module", () => {
    const importers = readdirSync(SRC)
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => importsOf(f).includes("mammoth"));
    expect(importers).toEqual(["docx.ts"]);
  });

  it("the package exports the text importer and the .docx importer as separate entries", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.exports["."]["@cchc/source"]).toBe("./src/index.ts");
    expect(pkg.exports["./docx"]["@cchc/source"]).toBe("./src/docx.ts");
    expect(pkg.sideEffects).toBe(false);
  });
});
