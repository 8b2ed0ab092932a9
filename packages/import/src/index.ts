/**
 * @cchc/import — reads an issued plan document (the text of a .txt, or a .docx through
 * `@cchc/import/docx`) and gives back a plan draft that validates where the document allows, the
 * findings, and every line it could not place. The text importer is pure and synchronous, with no
 * Node built-ins, so it runs in a browser as well as in Node.
 *
 * @module @cchc/import
 */
export { type DecodedText, decodeDocumentBytes, importPlanBytes } from "./decode.js";
export { MAX_LISTED_FINDINGS } from "./findingCap.js";
export {
  IMPORT_FINDING_CODES,
  type ImportFinding,
  type ImportFindingCode,
  type ImportFindingCodeName,
} from "./importFindings.js";
export { importPlanText } from "./importPlan.js";
export { LEFTOVER_REASONS, type Leftover, type LeftoverCode } from "./ledger.js";
export { type Reflowed, reflowLines, SKIP_REASONS, type SkipCode, type SkippedLine } from "./reflow.js";
export {
  type ImportCounts,
  type ImportError,
  type ImportedDecision,
  type ImportedHeader,
  type ImportOptions,
  type ImportResult,
  MAX_INPUT_BYTES,
  type PlanDraft,
} from "./result.js";
