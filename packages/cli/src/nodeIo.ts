/** The real `CliIo` of the `cchc` bin: process streams and node:fs. */
import { open, writeFile } from "node:fs/promises";
import type { CliIo } from "./io.js";

const READ_CHUNK = 1 << 16;

/**
 * Reads a file, at most `maxBytes + 1` bytes of it: the size is never trusted (FIFOs, devices and
 * `/proc` files report 0 or nothing), bytes are counted as they arrive and reading stops one byte
 * past the limit, so an endless `/dev/zero` costs `maxBytes` of memory, not all of it.
 */
export async function readFileCapped(path: string, maxBytes = Number.POSITIVE_INFINITY): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const stop = Number.isFinite(maxBytes) ? Math.max(0, Math.floor(maxBytes)) + 1 : Number.POSITIVE_INFINITY;
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < stop) {
      const size = Math.min(READ_CHUNK * 16, stop - total);
      const chunk = Buffer.allocUnsafe(size);
      const { bytesRead } = await handle.read(chunk, 0, size, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === size ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Process stdout/stderr, files through node:fs, paths relative to where the command was typed. */
export const nodeIo: CliIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readFile: (path, options) => readFileCapped(path, options?.maxBytes),
  writeFile: (path, text) => writeFile(path, text, "utf8"),
  // Run through a package script named `cchc` (the workspace no longer has one: `pnpm cchc …` runs
  // the bin itself, in the caller's folder, so that pnpm prints no [ELIFECYCLE] line after an error),
  // the process starts in the package's root;
  // INIT_CWD is where the person typed the command, which is where their relative paths point.
  // Only then: a `cchc` started by anything else (a test run under `pnpm test`, a user's script)
  // inherits INIT_CWD from its parent, and its paths are relative to its own working directory.
  get cwd() {
    const viaScript = process.env.npm_lifecycle_event === "cchc";
    return (viaScript ? process.env.INIT_CWD : undefined) ?? process.cwd();
  },
};
