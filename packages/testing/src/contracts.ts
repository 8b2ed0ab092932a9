/**
 * @cchc/testing/contracts — the contract suites every adapter runs (they register vitest tests, so
 * they live apart from the dataset generator, which runs anywhere).
 */
export {
  contractRequests,
  type ExporterContractOptions,
  hostileActivities,
  hostilePlan,
  runExporterContract,
} from "./exporterContract.js";
