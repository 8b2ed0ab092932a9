/**
 * The API reference (`pnpm docs:api` → docs/api). Every publishable package is found, not listed
 * (scripts/packages.mjs), and converted from its sources with its `tsconfig.build.json` (src only:
 * tests stay out, which halves the time); other @cchc packages resolve to their sources through the
 * `@cchc/source` condition (`customConditions`). Type errors are `tsc -b`'s job — `docs:api` runs it
 * first — so TypeDoc skips its own check (the build config's rootDir would flag those sources).
 * A package whose public subpaths are more than `src/index.ts` lists them in its own `typedoc.json`;
 * the check below fails the build when a public subpath would go undocumented. */
import { existsSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";
import { publishablePackages, sourceEntries } from "./scripts/packages.mjs";

const DEFAULT_ENTRY_POINTS = ["src/index.ts"];

const packages = publishablePackages();
for (const pkg of packages) {
  const own = join(pkg.path, "typedoc.json");
  const entryPoints = existsSync(own)
    ? (JSON.parse(readFileSync(own, "utf8")).entryPoints ?? DEFAULT_ENTRY_POINTS)
    : DEFAULT_ENTRY_POINTS;
  const documented = new Set(entryPoints.map((p) => normalize(p)));
  for (const [subpath, source] of sourceEntries(pkg.manifest)) {
    if (!documented.has(normalize(source)))
      throw new Error(
        `${pkg.name}: export "${subpath}" (${source}) is not an entry point of the API reference; ` +
          `list it in packages/${pkg.dir}/typedoc.json "entryPoints"`,
      );
  }
}

const validation = { notExported: true, invalidLink: true, invalidPath: true, notDocumented: true };
/**
 * What must carry a doc comment: every exported declaration (the "undocumented exports").
 * Members of zod-inferred object types are left out: TypeDoc expands `z.infer` inline wherever a type
 * is used, which would demand the same comment hundreds of times; the schemas document their fields.
 */
const requiredToBeDocumented = [
  "Module",
  "Namespace",
  "Enum",
  "Variable",
  "Function",
  "Class",
  "Interface",
  "TypeAlias",
  "Method",
  "Accessor",
];

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "@cchc",
  entryPointStrategy: "packages",
  entryPoints: packages.map((p) => `packages/${p.dir}`),
  packageOptions: {
    entryPoints: DEFAULT_ENTRY_POINTS,
    tsconfig: "tsconfig.build.json",
    skipErrorChecking: true, // after tsc -b, see above
    excludePrivate: true,
    excludeInternal: true,
    disableSources: true, // no public repository to link to yet
    validation,
    requiredToBeDocumented,
  },
  out: "docs/api",
  readme: "docs/api-readme.md",
  validation,
  requiredToBeDocumented,
  treatWarningsAsErrors: true,
  disableGit: true,
  disableSources: true,
};
