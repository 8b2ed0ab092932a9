/**
 * `--holidays <file>`: an agency's yearly schedule of days off and make-up working days, read as
 * JSON or YAML (`{ "holidays": [ { "date", "kind": "off" | "working", "name"?, "source"? } ] }` or a
 * bare array), with one bilingual line naming the first bad entry.
 */
import { type HolidayEntry, HolidayFileSchema, parseUntrusted } from "@cchc/core";
import { CliError, helpHint, quote } from "./errors.js";
import type { CliIo } from "./io.js";
import { loadDataFile } from "./loadPlanFile.js";

/** The entries of a holiday file; `undefined` when no file was named. */
export async function loadHolidayFile(
  io: CliIo,
  path: string | undefined,
  command: string,
): Promise<HolidayEntry[] | undefined> {
  if (path === undefined) return undefined;
  const { value } = await loadDataFile(io, path);
  // through parseUntrusted: a crafted value is this one-line error, never an exception (exit 70)
  const parsed = parseUntrusted(HolidayFileSchema, value);
  if (parsed.success) return parsed.data.holidays;
  const why = parsed.findings[0]?.message ?? { vi: "không đúng dạng", en: "not the expected shape" };
  throw new CliError({
    vi: `tệp ngày nghỉ ${quote(path)}: ${why.vi.replace(/\.$/, "")}`,
    en: `holiday file ${quote(path)}: ${why.en.replace(/\.$/, "")} (expected { "holidays": [ { "date": "YYYY-MM-DD", "kind": "off" | "working" } ] }) ${helpHint(command)}`,
  });
}
