/**
 * @cchc/testing — synthetic datasets for tests, benchmarks and demos (later also the contract
 * suites adapters run). `generateDataset` is pure and lazy; `writeDataset` and `readNdjson` use
 * node:fs.
 *
 * @module @cchc/testing
 */
export type { DatasetSize } from "./blueprint.js";
export { NATIONAL_UNIT_COUNT } from "./blueprint.js";
export {
  FUZZ_ENTRY_POINTS,
  type FuzzEntryPoint,
  type FuzzFailure,
  type FuzzOptions,
  type FuzzReport,
  fuzzEntryPoints,
} from "./fuzz.js";
export {
  DATASET_SIZES,
  type Dataset,
  type DatasetCounts,
  type DatasetFile,
  type DatasetManifest,
  type DatasetPlanEntry,
  type GenerateOptions,
  generateDataset,
} from "./generate.js";
export { type NdjsonLine, type ReadNdjsonOptions, readNdjson, splitLines } from "./ndjson.js";
export { deriveSeed, hashString, Random } from "./random.js";
export { GENERATOR_NAME, GENERATOR_VERSION } from "./version.js";
export {
  type WriteNdjsonOptions,
  type WrittenDataset,
  type WrittenFile,
  writeDataset,
  writeNdjson,
} from "./write.js";
