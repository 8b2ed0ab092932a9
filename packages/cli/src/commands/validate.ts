/** `cchc validate <file> [--json]`: findings of a plan file; exit 1 when it has errors. */
import { validatePlan } from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { findingsJson, findingsText } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { loadPlanFile } from "../loadPlanFile.js";

/** Runs `cchc validate`; returns 0 without errors, 1 with errors. */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "validate",
    args,
    { json: { type: "boolean" } },
    { min: 1, max: 1, what: { vi: "tệp kế hoạch", en: "a plan file" } },
  );
  const file = await loadPlanFile(io, positionals[0] ?? "");
  const result = validatePlan(file.data);
  io.stdout(
    values.json ? findingsJson(result.errors, result.warnings) : findingsText(result.errors, result.warnings),
  );
  return result.errors.length > 0 ? EXIT.findings : EXIT.ok;
}
