/**
 * The Promise facade of the accounts port, for code that does not use Effect (the dashboard, the
 * CLI): the same operations, returning promises; failures reject with the same `StorageError`.
 */
import * as Effect from "effect/Effect";
import type { AccountsService } from "./accounts.js";

/** A service whose Effect methods return Promises instead: what teams without Effect call. */
export type Promised<S> = {
  readonly [K in keyof S]: S[K] extends (...args: infer A) => Effect.Effect<infer R, infer _E>
    ? (...args: A) => Promise<R>
    : never;
};

/** The accounts operations behind promises. */
export type AccountsClient = Promised<AccountsService>;

/** Wraps an `AccountsService` (from a layer, or `makeMemoryAccounts()`) as promises. */
export function accountsClient(service: AccountsService): AccountsClient {
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(service))
    out[name] = (...args: unknown[]) =>
      Effect.runPromise((fn as (...a: unknown[]) => Effect.Effect<unknown, unknown>)(...args));
  return out as unknown as AccountsClient;
}
