/**
 * Errors the user can fix (bad arguments, unusable files) travel as `CliError` up to `run`, which
 * prints them as one line and exits 2; anything else is a bug and exits 70.
 */
import { EXIT } from "./io.js";

/** Vietnamese and English text of a message, Vietnamese first when printed. */
export interface Bilingual {
  readonly vi: string;
  readonly en: string;
}

/** A problem the user can fix; `run` prints `cchc: <vi> / <en>` on one line and returns `exitCode`. */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitCode: number;
  readonly text: Bilingual;

  constructor(text: Bilingual, exitCode: number = EXIT.usage) {
    super(`${text.vi} / ${text.en}`);
    this.text = text;
    this.exitCode = exitCode;
  }
}

/**
 * Makes text safe to print inside a one-line message: control characters and line breaks (from a
 * parser's message or an odd file name) become spaces, so an error is always exactly one line.
 */
export function oneLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return text.replace(/\s*[\u0000-\u001f\u007f\u2028\u2029]+\s*/g, " ").trim();
}

/** Quotes a value given on the command line for an error message, on one line. */
export function quote(value: string): string {
  return `"${oneLine(value)}"`;
}

/** The hint appended to usage errors, pointing at the right help page. */
export function helpHint(command?: string): string {
  const cmd = command === undefined ? "cchc --help" : `cchc ${command} --help`;
  return `(xem / see: ${cmd})`;
}
