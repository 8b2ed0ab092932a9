/**
 * How a command with subcommands and no shared options (`cchc accounts`, `cchc outbox`) picks the
 * one to run, so a missing or unknown subcommand is the same usage error (exit 2) in each.
 */
import { CliError, helpHint, quote } from "./errors.js";

/**
 * Runs the subcommand of `cchc <name>` from its table; a missing or unknown one is a usage error
 * naming the subcommands, in the order of `subcommands` (the help's).
 */
export function runSubcommand<S extends string, Io>(
  name: string,
  subcommands: readonly S[],
  table: Readonly<Record<S, (args: readonly string[], io: Io) => Promise<number>>>,
  args: readonly string[],
  io: Io,
): Promise<number> {
  const [sub, ...rest] = args;
  const list = subcommands.join(", ");
  if (sub === undefined || !(subcommands as readonly string[]).includes(sub))
    throw new CliError({
      vi:
        sub === undefined
          ? `lệnh ${name} cần một lệnh con: ${list}`
          : `lệnh ${name} không có lệnh con ${quote(sub)} (${list})`,
      en: `${sub === undefined ? `${name} needs a subcommand: ${list}` : `unknown ${name} subcommand ${quote(sub)} (${list})`} ${helpHint(name)}`,
    });
  return table[sub as S](rest, io);
}
