/**
 * The appraisal cycle (tự chấm, thẩm định, giải trình, vòng 2, chốt): its data, its rules as pure
 * functions, the evidence checks and port, and the Effect programs that run it over the storage
 * port. See docs/appraisal.md.
 */
export {
  type Answer,
  type Appraisal,
  actorRef,
  advanceRound,
  answer,
  appraise,
  checkPoints,
  checkUnit,
  closeRound,
  MAX_TEXT,
  manualLeaf,
  openRound,
  reopenRound,
  roundStateText,
  type SelfAssessment,
  type StepContext,
  type Stepped,
  type StepRefusal,
  selfAssess,
} from "./cycle.js";
export { type AppraisalRefusalCode, AppraisalRefused, INPUT_REFUSALS, refuse } from "./errors.js";
export {
  type CheckedEvidence,
  checkEvidence,
  DEFAULT_EVIDENCE_LIMITS,
  type EvidenceLimits,
  MAX_FILE_NAME,
  sanitizeFileName,
  sniffEvidenceType,
  sniffEvidenceTypeAsync,
  unsafeFileName,
} from "./evidence.js";
export {
  type EvidenceFile,
  type EvidenceMeta,
  EvidenceStore,
  type EvidenceStoreService,
  isFileId,
  MemoryEvidenceStore,
  makeMemoryEvidenceStore,
  sha256Hex,
} from "./evidenceStore.js";
export {
  type ActorRef,
  ActorRefSchema,
  type AppraisalAction,
  type AppraisalEntry,
  AppraisalEntrySchema,
  type AppraisalEvent,
  type AppraisalRound,
  AppraisalRoundSchema,
  changesBetween,
  type EntryFilter,
  EVIDENCE_TYPES,
  type EvidenceRef,
  EvidenceRefSchema,
  type EvidenceType,
  entryId,
  entryMatches,
  type FieldChange,
  idOfEntry,
  ROUND_STATES,
  type RoundState,
  roundId,
} from "./model.js";
export { appraisalManualText, manualScoreOf, manualScoresFromEntries } from "./scoring.js";
export {
  type AppraisalWriteError,
  answerEntry,
  appraiseEntry,
  changeAppraisalRound,
  type EntryTarget,
  type EvidenceUpload,
  findRound,
  openAppraisalRound,
  type RoundChange,
  selfAssessEntry,
  storedManualScores,
  storeEvidence,
} from "./service.js";
