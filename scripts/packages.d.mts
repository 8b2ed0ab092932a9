/** Types of scripts/packages.mjs, for the TypeScript tests and benchmarks that import it. */

/** The workspace root. */
export declare const ROOT: string;
/** The versions of Effect @cchc supports, as every package's `peerDependencies.effect`. */
export declare const EFFECT_PEER_RANGE: "^4.1.0";
/** The export condition that points the workspace at a package's TypeScript sources. */
export declare const SOURCE_CONDITION: "@cchc/source";

/** One package of the workspace: its folder under packages/, absolute path, name and manifest. */
export interface WorkspacePackage {
  readonly dir: string;
  readonly path: string;
  readonly name: string;
  // biome-ignore lint/suspicious/noExplicitAny: a package.json is any JSON
  readonly manifest: Record<string, any>;
}

/** Publishable packages (`packages/*` not `"private": true`), sorted by folder name. */
export declare function publishablePackages(root?: string): WorkspacePackage[];

/** The TypeScript entry of each public subpath, from the source condition of `exports`. */
// biome-ignore lint/suspicious/noExplicitAny: a package.json is any JSON
export declare function sourceEntries(manifest: Record<string, any>): Map<string, string>;
