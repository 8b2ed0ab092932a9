/** The real `CliIo` of the `cchc` bin: process streams and node:fs. */
import { readFile, writeFile } from "node:fs/promises";
import type { CliIo } from "./io.js";

/** Process stdout/stderr, files through node:fs, paths relative to the process's cwd. */
export const nodeIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: (path) => readFile(path),
  writeFile: (path, text) => writeFile(path, text, "utf8"),
  get cwd() {
    return process.cwd();
  },
};
