/**
 * `cchc rules [--json|--markdown]`: the validation rules, so people can look up a finding's code
 * and docs/rules.md can be generated from the same list the checks use.
 */
import { PLAN_RULES, rulesReferenceMarkdown } from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";

const SEVERITY = { error: "lỗi/error", warning: "cảnh báo/warning" } as const;

function rulesText(): string {
  const codeWidth = Math.max(...PLAN_RULES.map((r) => r.code.length));
  const sevWidth = Math.max(...Object.values(SEVERITY).map((s) => s.length));
  const lines = PLAN_RULES.map(
    (r) =>
      `${r.code.padEnd(codeWidth)}  ${SEVERITY[r.severity].padEnd(sevWidth)}  ${r.title.vi} / ${r.title.en}`,
  );
  return `${lines.join("\n")}\n`;
}

function rulesJson(): string {
  const rules = PLAN_RULES.map((r) => ({
    code: r.code,
    severity: r.severity,
    title: { vi: r.title.vi, en: r.title.en },
    description: { vi: r.description.vi, en: r.description.en },
  }));
  return `${JSON.stringify({ rules }, null, 2)}\n`;
}

/** Runs `cchc rules`; returns the exit code. */
export async function rulesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "rules",
    args,
    { json: { type: "boolean" }, markdown: { type: "boolean" } },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  if (values.json && values.markdown) {
    throw new CliError({
      vi: "chỉ chọn một trong --json và --markdown",
      en: `use either --json or --markdown, not both ${helpHint("rules")}`,
    });
  }
  io.stdout(values.json ? rulesJson() : values.markdown ? rulesReferenceMarkdown() : rulesText());
  return EXIT.ok;
}
