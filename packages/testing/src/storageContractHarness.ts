/**
 * The runtime the storage contract suite runs its programs in: one `ManagedRuntime` over the layer
 * under test, rebuilt when a persistent store is reopened, plus helpers to expect typed failures
 * and to retry on version conflicts as a real caller does.
 */
import { type Plan, type PlanInput, Storage, type StorageService } from "@cchc/core";
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { CONTRACT_UNIT_IDS, contractActivity, contractPlan } from "./storageContractFixtures.js";

/** Counts of rows of one agency, as an inspector reads them from the database. */
export interface StorageContractRowCounts {
  readonly plans: number;
  readonly planVersions: number;
  readonly units: number;
  readonly activities: number;
  readonly records: number;
  readonly reports: number;
  readonly scoreSheets: number;
}

/** Either the value of an effect or its typed failure, to assert on. */
export type Outcome<A, E> =
  | { readonly ok: true; readonly value: A }
  | { readonly ok: false; readonly error: E };

/**
 * Runs the suite's programs against the store under test. `R` is what the layer provides besides
 * `Storage` (an adapter's database handle, for its inspector).
 */
export class ContractHarness<R = never> {
  private runtime: ManagedRuntime.ManagedRuntime<Storage | R, unknown> | undefined;
  private service: StorageService | undefined;

  /** Builds the layer (fails the suite's `beforeAll` with the layer's error if it cannot). */
  async start(layer: Layer.Layer<Storage | R, unknown>): Promise<void> {
    const runtime = ManagedRuntime.make(layer);
    this.runtime = runtime;
    this.service = await runtime.runPromise(Effect.service(Storage));
  }

  /** Releases the store (connections, files). Safe to call twice. */
  async stop(): Promise<void> {
    const runtime = this.runtime;
    this.runtime = undefined;
    this.service = undefined;
    if (runtime) await runtime.dispose();
  }

  /** Disposes the current store and opens another layer (the same data, for `reopen`). */
  async reopen(layer: Layer.Layer<Storage | R, unknown>): Promise<void> {
    await this.stop();
    await this.start(layer);
  }

  /** The storage service of the current runtime. */
  get store(): StorageService {
    if (!this.service) throw new Error("storage contract: the store is not open (did beforeAll fail?)");
    return this.service;
  }

  /** Saves `contractPlan(planId, extra)` (version 1) and the activity of each of its units. */
  setup(agencyId: string, planId = "ke-hoach-2018", extra: Partial<PlanInput> = {}): Promise<Plan> {
    const store = this.store;
    const plan = contractPlan(planId, extra);
    return this.run(
      Effect.gen(function* () {
        yield* store.savePlan(agencyId, plan, null);
        for (const unitId of CONTRACT_UNIT_IDS)
          yield* store.saveActivity(agencyId, planId, contractActivity(unitId), null);
        return plan;
      }),
    );
  }

  /** Runs a program that needs `Storage`; rejects with its typed failure. */
  run<A, E>(effect: Effect.Effect<A, E, Storage | R>): Promise<A> {
    if (!this.runtime) throw new Error("storage contract: the store is not open (did beforeAll fail?)");
    return this.runtime.runPromise(effect);
  }

  /** Runs a program and gives its value or typed failure, for tests that expect a failure. */
  outcome<A, E>(effect: Effect.Effect<A, E, Storage>): Promise<Outcome<A, E>> {
    return this.run(
      Effect.match(effect, {
        onFailure: (error): Outcome<A, E> => ({ ok: false, error }),
        onSuccess: (value): Outcome<A, E> => ({ ok: true, value }),
      }),
    );
  }

  /** Runs a program that must fail, and gives its typed failure (fails the test if it succeeded). */
  async failure<A, E>(effect: Effect.Effect<A, E, Storage>, what: string): Promise<E> {
    const result = await this.outcome(effect);
    if (result.ok)
      throw new Error(
        `storage contract: expected ${what} to fail, but it succeeded with ${preview(result.value)}`,
      );
    return result.error;
  }
}

/** A short JSON preview of a value for failure messages. */
export function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** What `untilNoConflict` saw: how many attempts lost the race. */
export interface ConflictStats {
  conflicts: number;
}

/**
 * Repeats a read-modify-write until it commits, as a caller of the port does: a `VersionConflict`
 * means someone saved in between, so it waits a little (random, growing) and tries again. Any
 * other failure stops it; so does a store that never lets the write through.
 */
export function untilNoConflict<A, E extends { readonly _tag: string }>(
  attempt: () => Effect.Effect<A, E, Storage>,
  stats: ConflictStats,
  maxAttempts = 2_000,
): Effect.Effect<A, E, Storage> {
  return Effect.gen(function* () {
    for (let n = 1; ; n++) {
      const result = yield* Effect.match(attempt(), {
        onFailure: (error): Outcome<A, E> => ({ ok: false, error }),
        onSuccess: (value): Outcome<A, E> => ({ ok: true, value }),
      });
      if (result.ok) return result.value;
      if (result.error._tag !== "VersionConflict") return yield* Effect.fail(result.error);
      stats.conflicts++;
      if (n >= maxAttempts)
        return yield* Effect.die(
          new Error(`storage contract: still conflicting after ${maxAttempts} attempts (livelock?)`),
        );
      yield* Effect.sleep(Math.random() * Math.min(8, 2 ** Math.min(n, 3)));
    }
  });
}

/** What every group of contract cases gets from `runStorageContract`. */
export interface ContractContext {
  /** The harness, seen through `Storage` only (the adapter's extra services stay its own). */
  readonly h: ContractHarness;
  /** A fresh agency id, so each test is isolated from the others (and from earlier runs). */
  readonly agency: () => string;
  /** Raw row counts from the database, when the adapter gave an inspector. */
  readonly rows: (agencyId: string) => Promise<StorageContractRowCounts | undefined>;
  /** Whether an inspector was given (to say so in test names). */
  readonly inspected: boolean;
  readonly writers: number;
  readonly bulk: number;
  /** Per-test timeout (ms). */
  readonly timeout: number;
  /** Disposes the store and opens the same data again (persistent stores only). */
  readonly reopen: (() => Promise<void>) | undefined;
}

/** Compares by `id` in code-unit order (JavaScript's default string order). */
export const byId = <T extends { readonly id: string }>(a: T, b: T): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Sorted copy by id. */
export const sortedById = <T extends { readonly id: string }>(items: Iterable<T>): T[] =>
  [...items].sort(byId);

/** Sorted copy of strings in code-unit order. */
export const sortedStrings = (items: Iterable<string>): string[] =>
  [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a string is an ISO instant (`savedAt`). */
export const isIsoInstant = (s: string): boolean => ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s));

/**
 * Where two strings first differ, as a short message (undefined when equal). Used for megabyte
 * strings, whose full diff would drown the report.
 */
export function stringDifference(actual: unknown, expected: string): string | undefined {
  if (actual === expected) return undefined;
  if (typeof actual !== "string")
    return `expected a string of ${expected.length} characters, got ${preview(actual)}`;
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const around = (s: string) => JSON.stringify(s.slice(Math.max(0, i - 10), i + 20));
  return `length ${actual.length} (expected ${expected.length}); first difference at index ${i}: got ${around(actual)}, expected ${around(expected)}`;
}
