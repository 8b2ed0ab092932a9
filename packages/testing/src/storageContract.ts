/**
 * The storage contract suite: the tests every storage adapter runs — ours (memory, PGlite,
 * PostgreSQL) and third parties' — through the public port only (`Storage`, `ingestRecords`,
 * `scoreStoredPlan`), optionally checking what was written by reading the database directly.
 *
 * ```ts
 * // my-adapter.test.ts
 * import { runStorageContract } from "@cchc/testing/contracts";
 * runStorageContract("my adapter", { layer: () => MyStorage.layer({ url }) });
 * ```
 *
 * It registers vitest `describe`/`it` blocks: call it at the top level of a test file. One store is
 * built per suite; every test works in its own fresh agency, so the store need not be empty.
 */
import type { Storage } from "@cchc/core";
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import { afterAll, beforeAll, describe } from "vitest";
import { registerAppraisalCases } from "./storageContractAppraisal.js";
import {
  type ContractContext,
  ContractHarness,
  type StorageContractRowCounts,
} from "./storageContractHarness.js";
import { registerIngestCases } from "./storageContractIngest.js";
import { registerIsolationCases } from "./storageContractIsolation.js";
import { registerPlanCases } from "./storageContractPlans.js";
import { registerReportCases } from "./storageContractReports.js";
import { registerTreeCases } from "./storageContractTree.js";

export type { StorageContractRowCounts } from "./storageContractHarness.js";

/** Direct reads of the database behind an adapter, to check what was really written. */
export interface StorageContractInspector {
  /** Rows in the underlying tables for one agency, read directly from the database (not through the port). */
  countRows(agencyId: string): Promise<StorageContractRowCounts>;
}

/**
 * How to run the contract against one adapter. `R` is whatever else the layer provides besides
 * `Storage` (a database handle, say), which an `inspect` effect can use.
 */
export interface StorageContractOptions<R = never> {
  /** Builds the layer under test. Called once per suite; tests isolate themselves with unique agency ids. */
  readonly layer: () => Layer.Layer<Storage | R, unknown>;
  /**
   * Optional direct reads of the database, to check what was written (SQL adapters provide it):
   * a function, or an effect run against the current layer (so it can reach the layer's own
   * database handle, also after `reopen`). Asked again before every check.
   */
  readonly inspect?:
    | (() => Promise<StorageContractInspector> | StorageContractInspector)
    | Effect.Effect<StorageContractInspector, unknown, Storage | R>;
  /** Optional: for persistent stores, a layer that opens the SAME data again (after the first was disposed). */
  readonly reopen?: () => Layer.Layer<Storage | R, unknown>;
  /** Concurrent writers of the concurrency cases (default 20). */
  readonly concurrentWriters?: number;
  /** Records of the bulk-ingest cases (default 2,000; at least 16). */
  readonly bulkRecords?: number;
  /** Timeout of each test and of building/disposing the store, in ms (default 60,000). */
  readonly testTimeout?: number;
}

/** Defaults of the scale knobs. */
export const STORAGE_CONTRACT_DEFAULTS = {
  concurrentWriters: 20,
  bulkRecords: 2_000,
  testTimeout: 60_000,
} as const;

const positiveInteger = (name: string, value: number, min: number): number => {
  if (!Number.isInteger(value) || value < min)
    throw new Error(`runStorageContract: ${name} must be an integer ≥ ${min} (got ${value})`);
  return value;
};

let agencySeq = 0;
/** A fresh agency id: random, so reruns against a persistent database never collide. */
const freshAgencyId = (): string =>
  `t${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}${(agencySeq++).toString(36)}`;

/**
 * Registers the storage contract suite for one adapter under `describe("storage contract: <name>")`.
 * Cases: plans (round-trip, history, summaries), version conflicts and NotFound, concurrent writers,
 * bulk ingest and record queries, failing and resumed ingests, tenant isolation, hostile strings
 * and 1 MB fields, reports and score sheets, id order, scoring from the store, and reopening the
 * store.
 */
export function runStorageContract<R = never>(name: string, options: StorageContractOptions<R>): void {
  const writers = positiveInteger(
    "concurrentWriters",
    options.concurrentWriters ?? STORAGE_CONTRACT_DEFAULTS.concurrentWriters,
    1,
  );
  const bulk = positiveInteger(
    "bulkRecords",
    options.bulkRecords ?? STORAGE_CONTRACT_DEFAULTS.bulkRecords,
    16,
  );
  const timeout = positiveInteger(
    "testTimeout",
    options.testTimeout ?? STORAGE_CONTRACT_DEFAULTS.testTimeout,
    1,
  );
  const h = new ContractHarness<R>();
  const inspect = options.inspect;
  const inspector = async (): Promise<StorageContractInspector | undefined> => {
    if (inspect === undefined) return undefined;
    if (Effect.isEffect(inspect)) return h.run(inspect);
    return inspect();
  };
  const reopen = options.reopen;
  const ctx: ContractContext = {
    h,
    agency: freshAgencyId,
    rows: async (agencyId: string): Promise<StorageContractRowCounts | undefined> =>
      (await inspector())?.countRows(agencyId),
    inspected: inspect !== undefined,
    writers,
    bulk,
    timeout,
    reopen: reopen === undefined ? undefined : () => h.reopen(reopen()),
  };

  describe(`storage contract: ${name}`, () => {
    beforeAll(() => h.start(options.layer()), timeout);
    afterAll(() => h.stop(), timeout);
    registerPlanCases(ctx);
    registerIngestCases(ctx);
    registerIsolationCases(ctx);
    registerReportCases(ctx);
    registerTreeCases(ctx);
    registerAppraisalCases(ctx);
  });
}
