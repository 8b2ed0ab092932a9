/** `cchc sample <name>`: a shipped sample plan as canonical JSON, to start a plan from. */
import { isSamplePlanName, renderPlanJson, SAMPLE_PLAN_NAMES, samplePlan } from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";

/** Runs `cchc sample`; returns the exit code. */
export async function sampleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const known = SAMPLE_PLAN_NAMES.join(", ");
  const { positionals } = parseCommandArgs(
    "sample",
    args,
    {},
    { min: 1, max: 1, what: { vi: `tên mẫu (có: ${known})`, en: `a sample name (one of: ${known})` } },
  );
  const name = positionals[0] ?? "";
  if (!isSamplePlanName(name)) {
    throw new CliError({
      vi: `không có mẫu ${quote(name)}; các mẫu có sẵn: ${known}`,
      en: `unknown sample ${quote(name)}; known samples: ${known}`,
    });
  }
  io.stdout(renderPlanJson(samplePlan(name)));
  return EXIT.ok;
}
