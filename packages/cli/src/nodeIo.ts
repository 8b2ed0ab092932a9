/** The real `CliIo` of the `cchc` bin: process streams and node:fs. */
import { readFile, writeFile } from "node:fs/promises";
import type { CliIo } from "./io.js";

/** Process stdout/stderr, files through node:fs, paths relative to where the command was typed. */
export const nodeIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: (path) => readFile(path),
  writeFile: (path, text) => writeFile(path, text, "utf8"),
  // Run through the root package script (`pnpm cchc …`), the process starts in the workspace root;
  // INIT_CWD is where the person typed the command, which is where their relative paths point.
  // Only then: a `cchc` started by anything else (a test run under `pnpm test`, a user's script)
  // inherits INIT_CWD from its parent, and its paths are relative to its own working directory.
  get cwd() {
    const viaScript = process.env.npm_lifecycle_event === "cchc";
    return (viaScript ? process.env.INIT_CWD : undefined) ?? process.cwd();
  },
};
