/**
 * Command-line parsing shared by the commands: `node:util` parseArgs in strict mode, with its
 * English errors turned into the one bilingual line every usage error gets.
 */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { CliError, helpHint, oneLine, quote } from "./errors.js";

/** Options of one command, in parseArgs' format. */
export type OptionSpec = NonNullable<ParseArgsConfig["options"]>;

/** The parsed arguments of a command: option values by long name, then the positionals. */
export interface ParsedCommandArgs<O extends OptionSpec> {
  readonly values: { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };
  readonly positionals: string[];
}

/** True when `--help` or `-h` appears before any `--`: help wins over every other argument. */
export function wantsHelp(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === "--") return false;
    if (a === "--help" || a === "-h") return true;
  }
  return false;
}

function optionName(message: string): string {
  const m = /'(-{1,2}[^'\s<,]+)/.exec(message);
  return m?.[1] ?? "";
}

/**
 * Parses the arguments after the command name. Positionals must number between `min` and `max`.
 *
 * @throws CliError (exit 2) for an unknown option, a missing option value, or a wrong number of
 *   positionals, with a hint to the command's help.
 */
export function parseCommandArgs<O extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: O,
  positionals: { min: number; max: number; what: { vi: string; en: string } },
): ParsedCommandArgs<O> {
  let parsed: ParsedCommandArgs<O>;
  try {
    parsed = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    }) as ParsedCommandArgs<O>;
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const message = err instanceof Error ? err.message : String(err);
    const name = optionName(message);
    const hint = helpHint(command);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new CliError({
        vi: `lệnh ${command} không có tùy chọn ${quote(name)}`,
        en: `unknown option ${quote(name)} for ${command} ${hint}`,
      });
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && message.includes("ambiguous")) {
      throw new CliError({
        vi: `giá trị của tùy chọn ${quote(name)} bắt đầu bằng "-"; nếu đúng ý, viết ${name}=<giá trị>`,
        en: `the value of option ${quote(name)} starts with "-"; if intended, write ${name}=<value> ${hint}`,
      });
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const takesValue = Object.entries(options).some(
        ([long, spec]) => spec.type === "string" && (`--${long}` === name || `-${spec.short}` === name),
      );
      throw new CliError(
        takesValue
          ? {
              vi: `tùy chọn ${quote(name)} cần một giá trị`,
              en: `option ${quote(name)} needs a value ${hint}`,
            }
          : {
              vi: `tùy chọn ${quote(name)} không nhận giá trị`,
              en: `option ${quote(name)} takes no value ${hint}`,
            },
      );
    }
    throw new CliError({
      vi: `đối số không hợp lệ cho ${command}: ${oneLine(message)}`,
      en: `invalid arguments for ${command}: ${oneLine(message)} ${hint}`,
    });
  }
  const count = parsed.positionals.length;
  if (count < positionals.min) {
    throw new CliError({
      vi: `lệnh ${command} thiếu ${positionals.what.vi}`,
      en: `${command} needs ${positionals.what.en} ${helpHint(command)}`,
    });
  }
  if (count > positionals.max) {
    const extra = parsed.positionals[positionals.max] ?? "";
    throw new CliError({
      vi: `lệnh ${command} thừa đối số ${quote(extra)}`,
      en: `unexpected argument ${quote(extra)} for ${command} ${helpHint(command)}`,
    });
  }
  return parsed;
}
