/**
 * The only door between the CLI and the machine: every command reads and writes through a `CliIo`,
 * so tests run the real commands in-process and an embedding app can capture their output.
 */

/** What the commands need from the outside world; `nodeIo` is the real one. */
export interface CliIo {
  /** Receives normal output (the document, the findings, the JSON), newline included. */
  stdout(text: string): void;
  /** Receives diagnostics: one line per error, newline included. */
  stderr(text: string): void;
  /**
   * Reads a whole file by absolute path; rejects with the Node error (`code` ENOENT, EISDIR…). With
   * `maxBytes`, stops after `maxBytes + 1` bytes, so the caller can refuse a file over its limit
   * without holding more of it (a `/dev/zero`, a FIFO, a `/proc` file whose size says 0). An io
   * that ignores `maxBytes` still gets the limit checked on what it returns.
   */
  readFile(path: string, options?: { readonly maxBytes?: number }): Promise<string | Buffer>;
  /** Writes a whole file by absolute path (`render --out`, `export`); when absent, node:fs is used. */
  writeFile?(path: string, data: string | Uint8Array): Promise<void>;
  /** Directory relative paths on the command line are resolved against. */
  readonly cwd: string;
}

/** Exit codes of `cchc`: part of the public contract, scripts branch on them. */
export const EXIT = {
  /** Done; for `validate`, no errors (warnings allowed). */
  ok: 0,
  /** The plan has errors (`validate`), or its shape does not parse (`render`). */
  findings: 1,
  /** The command cannot run: bad arguments, or an input file that cannot be used. */
  usage: 2,
  /** A bug in cchc itself (EX_SOFTWARE of sysexits.h). */
  internal: 70,
} as const;
