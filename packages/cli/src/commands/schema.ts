/** `cchc schema`: the plan's JSON Schema, for editors and teams working in other languages. */
import { planJsonSchema } from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { type CliIo, EXIT } from "../io.js";

/** Runs `cchc schema`; returns the exit code. */
export async function schemaCommand(args: readonly string[], io: CliIo): Promise<number> {
  parseCommandArgs("schema", args, {}, { min: 0, max: 0, what: { vi: "", en: "" } });
  io.stdout(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
