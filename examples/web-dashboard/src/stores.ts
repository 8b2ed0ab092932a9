/**
 * One storage layer, two faces: the `Cchc` facade over `Storage` and the accounts over `Accounts`,
 * from the same database (one PGlite folder, one PostgreSQL pool), so accounts live beside the plan.
 */
import {
  type Accounts,
  type AccountsClient,
  Accounts as AccountsTag,
  accountsClient,
  type Cchc,
  createCchc,
  type Storage,
} from "@cchc/core";
import * as Context from "effect/Context";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";

/** The opened store. `close` ends both faces and the database. */
export interface Stores {
  readonly cchc: Cchc;
  readonly accounts: AccountsClient;
  close(): Promise<void>;
}

/** Builds the layer once and hands its services to both faces. */
export async function openStores(layer: Layer.Layer<Storage | Accounts, unknown>): Promise<Stores> {
  const runtime = ManagedRuntime.make(layer);
  try {
    const context = await runtime.runPromise(Effect.context<Storage | Accounts>());
    const cchc = await createCchc({ storage: Layer.succeedContext(context) });
    return {
      cchc,
      accounts: accountsClient(Context.get(context, AccountsTag)),
      close: async () => {
        await cchc.close();
        await runtime.dispose();
      },
    };
  } catch (error) {
    await runtime.dispose().catch(() => undefined);
    throw error;
  }
}
