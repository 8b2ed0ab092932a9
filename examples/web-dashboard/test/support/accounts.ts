/**
 * The tests' store: the demo plan and data, and the demo accounts with one known password (the
 * real demo draws a random one per account and prints it), in one PGlite database (in memory by
 * default), as `main.ts` opens it.
 */
import { Authenticator, type AuthenticatorOptions } from "@cchc/auth";
import { type Accounts, accountsClient, makeMemoryAccounts, type Storage } from "@cchc/core";
import { PgliteStorage } from "@cchc/storage-pglite";
import type * as Layer from "effect/Layer";
import { seedDemoAccounts } from "../../src/demoAccounts.js";
import { DEMO_AGENCY_ID, DEMO_PLAN_ID, seedDemo } from "../../src/demoData.js";
import { openStores, type Stores } from "../../src/stores.js";

/** The password of every test account (it contains no user name, as the rules ask). */
export const TEST_PASSWORD = "mật-khẩu-thử-2026";

/** The stores with the demo seeded, and an authenticator over their accounts. */
export async function demoStores(
  options: { layer?: Layer.Layer<Storage | Accounts, unknown>; auth?: Partial<AuthenticatorOptions> } = {},
): Promise<{ stores: Stores; auth: Authenticator }> {
  const stores = await openStores(options.layer ?? PgliteStorage.layer());
  await seedDemo(stores.cchc, DEMO_AGENCY_ID);
  const auth = new Authenticator({ accounts: stores.accounts, agencyId: DEMO_AGENCY_ID, ...options.auth });
  const plan = (await stores.cchc.plans.get(DEMO_AGENCY_ID, DEMO_PLAN_ID)).value;
  await seedDemoAccounts(auth, plan, () => TEST_PASSWORD);
  return { stores, auth };
}

/** An authenticator over an empty in-memory accounts store. */
export const emptyAuth = (): Authenticator =>
  new Authenticator({ accounts: accountsClient(makeMemoryAccounts()), agencyId: DEMO_AGENCY_ID });

/** The login form of a demo account named as the old role picker named it ("lead", "reporter:<unit>"). */
export const loginForm = (choice: string, password = TEST_PASSWORD): URLSearchParams =>
  new URLSearchParams({ user: choice.replace(/^reporter:/, ""), password });
