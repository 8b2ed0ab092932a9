/**
 * The accounts contract suite: what every accounts store (memory, PGlite, PostgreSQL, a third
 * party's) must do, through the port only. Accounts are unique per agency and read back exactly
 * (Vietnamese user names included); a password change or a disable revokes every open session in
 * the same step; a revoked session stays revoked; `touchSession` only moves forward; failed
 * sign-ins are counted in their window per subject and forgotten on request; agencies never see
 * each other's accounts, sessions or failures; with `reopen`, everything survives a restart.
 *
 * ```ts
 * import { runAccountsContract } from "@cchc/testing/contracts";
 * runAccountsContract("my store", { layer: () => MyStore.layer({ url }) });
 * ```
 */
import { Accounts, type AccountsService, type NewAccount, type Session } from "@cchc/core";
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** How to run the accounts contract against one store. */
export interface AccountsContractOptions {
  /** Builds the store under test (once per suite; cases isolate themselves by agency id). */
  readonly layer: () => Layer.Layer<Accounts, unknown>;
  /** Optional: a layer that opens the SAME data again after the first was disposed (persistent stores). */
  readonly reopen?: () => Layer.Layer<Accounts, unknown>;
  /** Timeout of each case and of opening the store, in ms (default 60,000). */
  readonly testTimeout?: number;
}

const T0 = Date.parse("2026-03-09T01:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

let seq = 0;
const freshAgency = () =>
  `a${Math.random().toString(36).slice(2, 9)}${Date.now().toString(36)}${(seq++).toString(36)}`;

const HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA";

/** An account for the contract, with a Vietnamese user name. */
const account = (userName: string, extra: Partial<NewAccount> = {}): NewAccount => ({
  userName,
  planId: "mic-2018",
  role: "reporter",
  unitId: "vu-phap-che",
  passwordHash: HASH,
  createdAt: at(0),
  createdBy: "quản-trị",
  ...extra,
});

const session = (digest: string, userName: string, extra: Partial<Session> = {}): Session => ({
  tokenDigest: digest,
  userName,
  method: "password",
  createdAt: at(0),
  expiresAt: at(480),
  lastSeenAt: at(0),
  ...extra,
});

/** Registers the accounts contract cases for one store. */
export function runAccountsContract(name: string, options: AccountsContractOptions): void {
  const timeout = options.testTimeout ?? 60_000;
  let runtime: ManagedRuntime.ManagedRuntime<Accounts, unknown> | undefined;
  let service: AccountsService | undefined;
  const open = async (layer: Layer.Layer<Accounts, unknown>) => {
    runtime = ManagedRuntime.make(layer);
    service = await runtime.runPromise(Effect.service(Accounts));
  };
  const close = async () => {
    const r = runtime;
    runtime = undefined;
    service = undefined;
    if (r) await r.dispose();
  };
  const run = <A, E>(body: (s: AccountsService) => Effect.Effect<A, E>): Promise<A> => {
    const r = runtime;
    const s = service;
    if (!r || !s) throw new Error("accounts contract: the store is not open (did beforeAll fail?)");
    return r.runPromise(body(s));
  };

  describe(`accounts contract: ${name}`, () => {
    beforeAll(() => open(options.layer()), timeout);
    afterAll(() => close(), timeout);

    it(
      "an account reads back exactly; a second one of the same user name is refused and changes nothing",
      async () => {
        const a = freshAgency();
        const r = await run((s) =>
          Effect.gen(function* () {
            const added = yield* s.addAccount(a, account("nguyễn.văn-an@bộ"));
            const again = yield* s.addAccount(
              a,
              account("nguyễn.văn-an@bộ", { role: "lead", unitId: undefined }),
            );
            const lead = yield* s.addAccount(a, {
              userName: "chủ-trì",
              planId: "mic-2018",
              role: "lead",
              createdAt: at(1),
            });
            return {
              added,
              again,
              lead,
              got: yield* s.getAccount(a, "nguyễn.văn-an@bộ"),
              missing: yield* s.getAccount(a, "không-có"),
              list: (yield* s.listAccounts(a)).map((x) => x.userName),
              leadAccount: yield* s.getAccount(a, "chủ-trì"),
            };
          }),
        );
        expect(r.added).toBe(true);
        expect(r.again).toBe(false);
        expect(r.lead).toBe(true);
        expect(r.got).toEqual({
          ...account("nguyễn.văn-an@bộ"),
          disabled: false,
          updatedAt: at(0),
        });
        expect(r.missing).toBeUndefined();
        expect(r.list).toEqual(["chủ-trì", "nguyễn.văn-an@bộ"].sort((x, y) => (x < y ? -1 : 1)));
        expect(r.leadAccount).toEqual({
          userName: "chủ-trì",
          planId: "mic-2018",
          role: "lead",
          disabled: false,
          createdAt: at(1),
          updatedAt: at(1),
        });
      },
      timeout,
    );

    it(
      "a session is found with its account; touch moves forward only; revoke is once and stays",
      async () => {
        const a = freshAgency();
        const r = await run((s) =>
          Effect.gen(function* () {
            yield* s.addAccount(a, account("an"));
            const created = yield* s.createSession(a, session("d1", "an"));
            const orphan = yield* s.createSession(a, session("d2", "không-có"));
            const duplicate = yield* s.createSession(a, session("d1", "an", { method: "other" }));
            yield* s.touchSession(a, "d1", at(10));
            yield* s.touchSession(a, "d1", at(5));
            const touched = yield* s.findSession(a, "d1");
            const revoked = yield* s.revokeSession(a, "d1", at(11));
            const revokedAgain = yield* s.revokeSession(a, "d1", at(12));
            yield* s.touchSession(a, "d1", at(20));
            return {
              created,
              orphan,
              duplicate,
              touched,
              revoked,
              revokedAgain,
              after: yield* s.findSession(a, "d1"),
              unknown: yield* s.findSession(a, "d9"),
              unknownRevoke: yield* s.revokeSession(a, "d9", at(12)),
            };
          }),
        );
        expect(r.created).toBe(true);
        expect(r.orphan).toBe(false);
        expect(r.duplicate).toBe(false);
        expect(r.touched?.session).toEqual(session("d1", "an", { lastSeenAt: at(10) }));
        expect(r.touched?.account.userName).toBe("an");
        expect(r.revoked).toBe(true);
        expect(r.revokedAgain).toBe(false);
        expect(r.after?.session).toEqual(session("d1", "an", { lastSeenAt: at(10), revokedAt: at(11) }));
        expect(r.unknown).toBeUndefined();
        expect(r.unknownRevoke).toBe(false);
      },
      timeout,
    );

    it(
      "a new password or a disable revokes every open session of the account, and only of that account",
      async () => {
        const a = freshAgency();
        const r = await run((s) =>
          Effect.gen(function* () {
            yield* s.addAccount(a, account("an"));
            yield* s.addAccount(a, account("binh"));
            yield* s.createSession(a, session("an1", "an"));
            yield* s.createSession(a, session("an2", "an"));
            yield* s.createSession(a, session("binh1", "binh"));
            const reset = yield* s.updateAccount(a, "an", { passwordHash: "$argon2id$new", at: at(3) });
            const afterReset = yield* s.findSession(a, "an2");
            const binhOpen = yield* s.findSession(a, "binh1");
            yield* s.createSession(a, session("an3", "an", { createdAt: at(4), lastSeenAt: at(4) }));
            const disabled = yield* s.updateAccount(a, "an", { disabled: true, at: at(5) });
            const afterDisable = yield* s.findSession(a, "an3");
            const enabled = yield* s.updateAccount(a, "an", { disabled: false, at: at(6) });
            const missing = yield* s.updateAccount(a, "không-có", { disabled: true, at: at(6) });
            yield* s.createSession(a, session("binh2", "binh"));
            const revokedAll = yield* s.revokeSessions(a, "binh", at(7));
            return {
              reset,
              afterReset,
              binhOpen,
              disabled,
              afterDisable,
              enabled,
              missing,
              revokedAll,
              account: yield* s.getAccount(a, "an"),
            };
          }),
        );
        expect(r.reset).toBe(true);
        expect(r.afterReset?.session.revokedAt).toBe(at(3));
        expect(r.binhOpen?.session.revokedAt).toBeUndefined();
        expect(r.disabled).toBe(true);
        expect(r.afterDisable?.session.revokedAt).toBe(at(5));
        expect(r.afterDisable?.account.disabled).toBe(true);
        expect(r.enabled).toBe(true);
        expect(r.missing).toBe(false);
        expect(r.revokedAll).toBe(2);
        expect(r.account).toMatchObject({ passwordHash: "$argon2id$new", disabled: false, updatedAt: at(6) });
      },
      timeout,
    );

    it(
      "failed sign-ins are counted per subject in their window, with the latest, and cleared on request",
      async () => {
        const a = freshAgency();
        const r = await run((s) =>
          Effect.gen(function* () {
            const counts: number[] = [];
            for (const m of [0, 1, 2, 20])
              counts.push(yield* s.recordLoginFailure(a, "user:an", at(m), at(m - 15)));
            const other = yield* s.recordLoginFailure(a, "ip:127.0.0.1", at(20), at(5));
            const window = yield* s.loginFailures(a, "user:an", at(5));
            const wide = yield* s.loginFailures(a, "user:an", at(-100));
            yield* s.clearLoginFailures(a, "user:an");
            return {
              counts,
              other,
              window,
              wide,
              cleared: yield* s.loginFailures(a, "user:an", at(-100)),
              ip: yield* s.loginFailures(a, "ip:127.0.0.1", at(0)),
            };
          }),
        );
        expect(r.counts).toEqual([1, 2, 3, 1]);
        expect(r.other).toBe(1);
        expect(r.window).toEqual({ count: 1, latest: at(20) });
        // Failures older than a window already asked for may have been forgotten; those in it never are.
        expect(r.wide.latest).toBe(at(20));
        expect(r.wide.count).toBeGreaterThanOrEqual(1);
        expect(r.cleared).toEqual({ count: 0 });
        expect(r.ip).toEqual({ count: 1, latest: at(20) });
      },
      timeout,
    );

    it(
      "agencies are isolated: the same user name, session digest and subject in two agencies are two",
      async () => {
        const a = freshAgency();
        const b = freshAgency();
        const r = await run((s) =>
          Effect.gen(function* () {
            yield* s.addAccount(a, account("an"));
            const inB = yield* s.addAccount(b, account("an", { role: "viewer", unitId: undefined }));
            yield* s.createSession(a, session("d", "an"));
            const sessionInB = yield* s.findSession(b, "d");
            const revokeInB = yield* s.revokeSession(b, "d", at(1));
            yield* s.recordLoginFailure(a, "user:an", at(1), at(0));
            yield* s.updateAccount(b, "an", { disabled: true, at: at(2) });
            return {
              inB,
              sessionInB,
              revokeInB,
              failuresInB: yield* s.loginFailures(b, "user:an", at(0)),
              inA: yield* s.findSession(a, "d"),
              listB: (yield* s.listAccounts(b)).map((x) => [x.userName, x.role, x.disabled]),
            };
          }),
        );
        expect(r.inB).toBe(true);
        expect(r.sessionInB).toBeUndefined();
        expect(r.revokeInB).toBe(false);
        expect(r.failuresInB).toEqual({ count: 0 });
        expect(r.inA?.session.revokedAt).toBeUndefined();
        expect(r.inA?.account.disabled).toBe(false);
        expect(r.listB).toEqual([["an", "viewer", true]]);
      },
      timeout,
    );

    const reopen = options.reopen;
    if (reopen) {
      const agency = freshAgency();
      it(
        "accounts, sessions and failures survive closing and reopening the store",
        async () => {
          await run((s) =>
            Effect.gen(function* () {
              yield* s.addAccount(agency, account("an"));
              yield* s.createSession(agency, session("d", "an"));
              yield* s.revokeSession(agency, "d", at(2));
              yield* s.recordLoginFailure(agency, "user:an", at(3), at(0));
            }),
          );
          await close();
          await open(reopen());
          const r = await run((s) =>
            Effect.gen(function* () {
              return {
                account: yield* s.getAccount(agency, "an"),
                session: yield* s.findSession(agency, "d"),
                failures: yield* s.loginFailures(agency, "user:an", at(0)),
              };
            }),
          );
          expect(r.account).toEqual({ ...account("an"), disabled: false, updatedAt: at(0) });
          expect(r.session?.session).toEqual(session("d", "an", { revokedAt: at(2) }));
          expect(r.failures).toEqual({ count: 1, latest: at(3) });
        },
        timeout,
      );
    }
  });
}
