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
  // Run through a package script (`pnpm cchc …`), the process starts in the workspace root;
  // INIT_CWD is where the person typed the command, which is where their relative paths point.
  get cwd() {
    return process.env.INIT_CWD ?? process.cwd();
  },
};
