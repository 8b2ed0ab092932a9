/**
 * @cchc/testing/contracts — the contract suites every adapter runs (they register vitest tests, so
 * they live apart from the dataset generator, which runs anywhere).
 *
 * @module @cchc/testing/contracts
 */
export {
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
