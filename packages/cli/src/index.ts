/**
 * @cchc/cli — the `cchc` command line as a library: `run(argv, io)` executes a command against any
 * `CliIo`, so apps can embed the commands and tests can run them in-process.
 */
export { type CliIo, EXIT } from "./io.js";
export { type LoadedPlanFile, loadPlanFile, type PlanFileFormat } from "./loadPlanFile.js";
export {
  DEFAULT_MAX_LINE_BYTES,
  type LongLine,
  lineTooLongFinding,
  type ReadLinesOptions,
  readLines,
} from "./ndjson.js";
export { nodeIo } from "./nodeIo.js";
export { run } from "./run.js";
export { COMMAND_NAMES, type CommandName } from "./usage.js";
export { CLI_VERSION } from "./version.js";
