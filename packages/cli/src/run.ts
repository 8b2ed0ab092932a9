/**
 * Dispatch of `cchc <command>`: global flags, the command table, and the one place where errors
 * become exit codes (2 and one line for the user's mistakes, 70 for bugs), never a stack trace.
 */
import { wantsHelp } from "./args.js";
import { accountsCommand } from "./commands/accounts.js";
import { appraisalCommand } from "./commands/appraisal.js";
import { calendarCommand } from "./commands/calendar.js";
import { exportCommand } from "./commands/export.js";
import { generateCommand } from "./commands/generate.js";
import { holidaysCommand } from "./commands/holidays.js";
import { importCommand } from "./commands/import.js";
import { ingestCommand } from "./commands/ingest.js";
import { migrateCommand } from "./commands/migrate.js";
import { outboxCommand } from "./commands/outbox.js";
import { plansCommand } from "./commands/plans.js";
import { remindCommand } from "./commands/remind.js";
import { renderCommand } from "./commands/render.js";
import { rollupCommand } from "./commands/rollup.js";
import { roundCommand } from "./commands/round.js";
import { rulesCommand } from "./commands/rules.js";
import { sampleCommand } from "./commands/sample.js";
import { schemaCommand } from "./commands/schema.js";
import { scoreCommand } from "./commands/score.js";
import { validateCommand } from "./commands/validate.js";
import { CliError, helpHint, oneLine, quote } from "./errors.js";
import { type CliIo, EXIT } from "./io.js";
import { hoistStoreOptions } from "./store.js";
import { COMMAND_NAMES, type CommandName, commandUsage, globalUsage } from "./usage.js";
import { CLI_VERSION } from "./version.js";

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<CommandName, Command> = {
  sample: sampleCommand,
  validate: validateCommand,
  calendar: calendarCommand,
  holidays: holidaysCommand,
  render: renderCommand,
  schema: schemaCommand,
  rules: rulesCommand,
  score: scoreCommand,
  generate: generateCommand,
  export: exportCommand,
  remind: remindCommand,
  outbox: outboxCommand,
  migrate: migrateCommand,
  plans: plansCommand,
  round: roundCommand,
  appraisal: appraisalCommand,
  ingest: ingestCommand,
  rollup: rollupCommand,
  import: importCommand,
  accounts: accountsCommand,
};

function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = hoistStoreOptions(argv);
  if (first === undefined) {
    throw new CliError({ vi: "thiếu lệnh", en: `missing command ${helpHint()}` });
  }
  if (first === "--help" || first === "-h") {
    io.stdout(globalUsage(CLI_VERSION));
    return EXIT.ok;
  }
  if (first === "--version" || first === "-V") {
    io.stdout(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  if (first === "help") {
    const topic = rest[0];
    if (topic === undefined) io.stdout(globalUsage(CLI_VERSION));
    else if (isCommandName(topic)) io.stdout(commandUsage(topic));
    else
      throw new CliError({
        vi: `không có lệnh ${quote(topic)}`,
        en: `unknown command ${quote(topic)} ${helpHint()}`,
      });
    return EXIT.ok;
  }
  if (first.startsWith("-")) {
    throw new CliError({
      vi: `không có tùy chọn ${quote(first)}`,
      en: `unknown option ${quote(first)} ${helpHint()}`,
    });
  }
  if (!isCommandName(first)) {
    throw new CliError({
      vi: `không có lệnh ${quote(first)}`,
      en: `unknown command ${quote(first)} ${helpHint()}`,
    });
  }
  if (wantsHelp(rest)) {
    io.stdout(commandUsage(first));
    return EXIT.ok;
  }
  return COMMANDS[first](rest, io);
}

/**
 * Runs `cchc` with the arguments after the program name and returns the exit code: 0 success,
 * 1 findings (the plan has errors), 2 bad arguments or unusable input (one line on stderr),
 * 70 a bug (one line on stderr). Never throws and never prints a stack trace.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`cchc: ${oneLine(err.text.vi)} / ${oneLine(err.text.en)}\n`);
      return err.exitCode;
    }
    // The first line says what broke; a multi-line message would read like a stack trace.
    const raw = err instanceof Error ? err.message : String(err);
    const message = oneLine(raw.split(/\r?\n/, 1)[0] ?? raw);
    try {
      io.stderr(`cchc: lỗi không mong đợi / unexpected error: ${message}\n`);
    } catch {
      // Nowhere left to report; the exit code still says it.
    }
    return EXIT.internal;
  }
}
