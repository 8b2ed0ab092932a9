/**
 * The adapter is written as a third party writes one: every import is a package's public entry
 * point (no relative path out of this folder, no `@cchc/core/src/…`), and every package it imports
 * is one it declares.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";

const root = resolve(import.meta.dirname, "..");
const files = ["src", "test"].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f)),
);
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const importsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), "utf8").matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].map(
    (m) => m[1] ?? "",
  );

it("imports only public entry points: @cchc/core, @cchc/testing/contracts, effect, redis, node:", () => {
  const seen = new Set<string>();
  for (const file of files)
    for (const spec of importsOf(file)) {
      seen.add(spec);
      if (spec.startsWith(".")) {
        // Relative imports stay inside this package.
        expect(resolve(root, file, "..", spec).startsWith(`${root}/`), `${file}: ${spec}`).toBe(true);
      } else
        expect(spec, `${file}: ${spec}`).toMatch(
          /^(@cchc\/core|@cchc\/testing\/contracts|effect\/\w+|redis|vitest|node:\w+)$/,
        );
    }
  expect(seen).toContain("@cchc/core");
  expect(seen).toContain("@cchc/testing/contracts");
});

it("declares every package it imports, with an exact version for the ones from the registry", () => {
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };
  const used = new Set(
    files
      .flatMap(importsOf)
      .filter((s) => !s.startsWith(".") && !s.startsWith("node:"))
      .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : (s.split("/")[0] ?? s))),
  );
  for (const name of used) expect(declared, name).toHaveProperty(name);
  for (const [name, version] of Object.entries(declared))
    expect(version, name).toMatch(name.startsWith("@cchc/") ? /^workspace:\*$/ : /^\d+\.\d+\.\d+$/);
});
