/**
 * @cchc/testing/contracts — the contract suites every adapter runs (they register vitest tests, so
 * they live apart from the dataset generator, which runs anywhere): exporters, storage, outboxes and notifiers, with the
 * fixtures the storage suite writes (hostile strings, 1 MB text, generated records) for adapter
 * authors' own tests.
 *
 * @module @cchc/testing/contracts
 */
export { type AccountsContractOptions, runAccountsContract } from "./accountsContract.js";
export { contractPdf, type EvidenceContractOptions, runEvidenceContract } from "./evidenceContract.js";
export {
  appraisedManualScore,
  appraisedScoreSheet,
  contractRequests,
  type ExporterContractOptions,
  hostileActivities,
  hostilePlan,
  runExporterContract,
} from "./exporterContract.js";
export {
  contractMessage,
  type NotifierContractOptions,
  type NotifierHarness,
  type ReceivedMessage,
  runNotifierContract,
} from "./notifierContract.js";
export { contractNotification, type OutboxContractOptions, runOutboxContract } from "./outboxContract.js";
export {
  runStorageContract,
  STORAGE_CONTRACT_DEFAULTS,
  type StorageContractInspector,
  type StorageContractOptions,
  type StorageContractRowCounts,
} from "./storageContract.js";
export {
  ASCII_NO_NUL,
  AWKWARD_NUMBERS,
  BINARY_LOOKING,
  bulkRecord,
  bulkRecords,
  byCodePoints,
  CONTRACT_UNIT_IDS,
  contractActivity,
  contractPlan,
  contractRecord,
  contractReport,
  contractUnit,
  HOSTILE_KEYS,
  HOSTILE_STRINGS,
  ONE_MB,
  ORDER_IDS,
} from "./storageContractFixtures.js";
