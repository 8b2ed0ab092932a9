/**
 * The in-memory accounts store: the reference semantics of the accounts port, for tests and demos
 * (accounts are lost on exit: use PGlite or PostgreSQL otherwise). Values are copied in and out as
 * JSON, as a database would.
 */
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { type Account, Accounts, type AccountsService, type Session } from "./accounts.js";

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Tenant {
  readonly accounts: Map<string, Account>;
  readonly sessions: Map<string, Session>;
  readonly failures: Map<string, string[]>;
}

/** Builds an in-memory `AccountsService`; each call gives an empty, independent store. */
export function makeMemoryAccounts(): AccountsService {
  const tenants = new Map<string, Tenant>();
  const tenant = (agencyId: string): Tenant => {
    let t = tenants.get(agencyId);
    if (!t) {
      t = { accounts: new Map(), sessions: new Map(), failures: new Map() };
      tenants.set(agencyId, t);
    }
    return t;
  };
  const revokeAll = (t: Tenant, userName: string, at: string) => {
    let n = 0;
    for (const [digest, s] of t.sessions)
      if (s.userName === userName && s.revokedAt === undefined) {
        t.sessions.set(digest, { ...s, revokedAt: at });
        n++;
      }
    return n;
  };
  const since = (list: readonly string[], from: string) =>
    list.filter((at) => Date.parse(at) >= Date.parse(from));
  return {
    addAccount: (agencyId, account) =>
      Effect.sync(() => {
        const t = tenant(agencyId);
        if (t.accounts.has(account.userName)) return false;
        t.accounts.set(account.userName, copy({ ...account, disabled: false, updatedAt: account.createdAt }));
        return true;
      }),
    getAccount: (agencyId, userName) =>
      Effect.sync(() => {
        const a = tenant(agencyId).accounts.get(userName);
        return a === undefined ? undefined : copy(a);
      }),
    listAccounts: (agencyId) =>
      Effect.sync(() =>
        [...tenant(agencyId).accounts.values()].sort((a, b) => byCodePoint(a.userName, b.userName)).map(copy),
      ),
    updateAccount: (agencyId, userName, change) =>
      Effect.sync(() => {
        const t = tenant(agencyId);
        const a = t.accounts.get(userName);
        if (!a) return false;
        t.accounts.set(userName, {
          ...a,
          ...(change.passwordHash !== undefined ? { passwordHash: change.passwordHash } : {}),
          ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
          updatedAt: change.at,
        });
        if (change.passwordHash !== undefined || change.disabled !== undefined)
          revokeAll(t, userName, change.at);
        return true;
      }),
    createSession: (agencyId, session) =>
      Effect.sync(() => {
        const t = tenant(agencyId);
        if (!t.accounts.has(session.userName) || t.sessions.has(session.tokenDigest)) return false;
        t.sessions.set(session.tokenDigest, copy(session));
        return true;
      }),
    findSession: (agencyId, tokenDigest) =>
      Effect.sync(() => {
        const t = tenant(agencyId);
        const session = t.sessions.get(tokenDigest);
        const account = session && t.accounts.get(session.userName);
        return session && account ? { session: copy(session), account: copy(account) } : undefined;
      }),
    touchSession: (agencyId, tokenDigest, at) =>
      Effect.sync(() => {
        const t = tenant(agencyId);
        const s = t.sessions.get(tokenDigest);
        if (s && s.revokedAt === undefined && Date.parse(at) > Date.parse(s.lastSeenAt))
          t.sessions.set(tokenDigest, { ...s, lastSeenAt: at });
      }),
    revokeSession: (agencyId, tokenDigest, at) =>
      Effect.sync(() => {
        const t = tenant(agencyId);
        const s = t.sessions.get(tokenDigest);
        if (!s || s.revokedAt !== undefined) return false;
        t.sessions.set(tokenDigest, { ...s, revokedAt: at });
        return true;
      }),
    revokeSessions: (agencyId, userName, at) => Effect.sync(() => revokeAll(tenant(agencyId), userName, at)),
    recordLoginFailure: (agencyId, subject, at, from) =>
      Effect.sync(() => {
        const t = tenant(agencyId);
        const list = since(t.failures.get(subject) ?? [], from);
        list.push(at);
        t.failures.set(subject, list);
        return list.length;
      }),
    loginFailures: (agencyId, subject, from) =>
      Effect.sync(() => {
        const list = since(tenant(agencyId).failures.get(subject) ?? [], from);
        const latest = list.reduce<string | undefined>(
          (m, at) => (m === undefined || Date.parse(at) > Date.parse(m) ? at : m),
          undefined,
        );
        return latest === undefined ? { count: 0 } : { count: list.length, latest };
      }),
    clearLoginFailures: (agencyId, subject) =>
      Effect.sync(() => {
        tenant(agencyId).failures.delete(subject);
      }),
  };
}

/** The in-memory accounts layer: `MemoryAccounts.layer()` gives a fresh, empty store. */
export const MemoryAccounts = {
  /** A fresh, empty store as a layer, for tests and demos. */
  layer: (): Layer.Layer<Accounts> => Layer.sync(Accounts, makeMemoryAccounts),
  /** The same store as a plain service, for the Promise facade. */
  make: makeMemoryAccounts,
};
