/**
 * The accounts port: who may sign in to the dashboard of an agency, their sessions and their
 * failed sign-ins, stored in the same database as the plan (memory, PGlite, PostgreSQL). The port
 * stores and returns; it never hashes nor decides. Password hashes (argon2id) and session tokens
 * are made by an adapter (`@cchc/auth`); the port only ever sees a hash and a token's SHA-256.
 * Every call is scoped to an agency, as `Storage` is. Instants are ISO strings passed by the caller,
 * so the memory and SQL stores agree exactly and tests drive time without a clock.
 */
import * as Context from "effect/Context";
import type * as Effect from "effect/Effect";
import type { StorageError } from "../storageErrors.js";

/** The roles an account can have (the roles of `Actor` a person signs in as). */
export type AccountRole = "lead" | "reporter" | "viewer";

/** Every account role, in the order lists show them. */
export const ACCOUNT_ROLES: readonly AccountRole[] = ["lead", "reporter", "viewer"];

/** One account of an agency. */
export interface Account {
  /** The sign-in name, unique in the agency (lower case: `normalizeUserName`). */
  readonly userName: string;
  /** The plan the account signs in to. */
  readonly planId: string;
  readonly role: AccountRole;
  /** The reporter's unit (only for `reporter`). */
  readonly unitId?: string;
  /** The password's PHC string (`$argon2id$…`); absent for an account that signs in through SSO only. */
  readonly passwordHash?: string;
  /** A disabled account cannot sign in; its sessions were revoked when it was disabled. */
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Who created it (an account's user name, or the OS user of `cchc accounts add`). */
  readonly createdBy?: string;
}

/** A new account, as `addAccount` takes it. */
export type NewAccount = Omit<Account, "disabled" | "updatedAt">;

/** One session: only the SHA-256 of its token is stored, never the token. */
export interface Session {
  /** Hex SHA-256 of the session token (the token itself lives only in the browser's cookie). */
  readonly tokenDigest: string;
  readonly userName: string;
  readonly createdAt: string;
  /** The absolute end of the session, whatever the activity. */
  readonly expiresAt: string;
  /** The last request seen (the idle timeout counts from here). */
  readonly lastSeenAt: string;
  /** Set by logout, disable or password reset; a revoked session is refused. */
  readonly revokedAt?: string;
  /** Where the session came from: "password" or "sso:<provider>". */
  readonly method: string;
}

/** A session with its account, as a request needs them. */
export interface SessionWithAccount {
  readonly session: Session;
  readonly account: Account;
}

/** What changes on an account (each absent field is left as it is). */
export interface AccountChange {
  readonly passwordHash?: string;
  readonly disabled?: boolean;
  readonly at: string;
}

/** The operations every accounts store provides. */
export interface AccountsService {
  /** Creates the account; false (nothing written) when the user name is taken in the agency. */
  readonly addAccount: (agencyId: string, account: NewAccount) => Effect.Effect<boolean, StorageError>;
  /** One account, or undefined. */
  readonly getAccount: (
    agencyId: string,
    userName: string,
  ) => Effect.Effect<Account | undefined, StorageError>;
  /** Every account of the agency, by user name (code points). */
  readonly listAccounts: (agencyId: string) => Effect.Effect<readonly Account[], StorageError>;
  /**
   * Changes the password hash and/or the disabled flag. Either change revokes every open session
   * of the account in the same transaction (a reset password or a disabled account keeps no
   * session). False when there is no such account.
   */
  readonly updateAccount: (
    agencyId: string,
    userName: string,
    change: AccountChange,
  ) => Effect.Effect<boolean, StorageError>;
  /** Stores a new session; false when the account does not exist. */
  readonly createSession: (agencyId: string, session: Session) => Effect.Effect<boolean, StorageError>;
  /** The session and its account by the token's digest (revoked or expired too: the caller decides). */
  readonly findSession: (
    agencyId: string,
    tokenDigest: string,
  ) => Effect.Effect<SessionWithAccount | undefined, StorageError>;
  /** Moves `lastSeenAt` forward (never back) of a session that is not revoked. */
  readonly touchSession: (
    agencyId: string,
    tokenDigest: string,
    at: string,
  ) => Effect.Effect<void, StorageError>;
  /** Revokes one session; false when unknown or already revoked. */
  readonly revokeSession: (
    agencyId: string,
    tokenDigest: string,
    at: string,
  ) => Effect.Effect<boolean, StorageError>;
  /** Revokes every open session of an account; how many. */
  readonly revokeSessions: (
    agencyId: string,
    userName: string,
    at: string,
  ) => Effect.Effect<number, StorageError>;
  /**
   * Records a failed sign-in against a subject ("user:<name>" or "ip:<address>") and returns how
   * many failures the subject has at or after `since` (this one included), in one step.
   */
  readonly recordLoginFailure: (
    agencyId: string,
    subject: string,
    at: string,
    since: string,
  ) => Effect.Effect<number, StorageError>;
  /** How many failures a subject has at or after `since`, and the latest one. */
  readonly loginFailures: (
    agencyId: string,
    subject: string,
    since: string,
  ) => Effect.Effect<{ readonly count: number; readonly latest?: string }, StorageError>;
  /** Forgets a subject's failures (after a good sign-in, or a lead's unlock). */
  readonly clearLoginFailures: (agencyId: string, subject: string) => Effect.Effect<void, StorageError>;
}

/** The accounts service tag, provided by a storage adapter's layer alongside `Storage`. */
export class Accounts extends Context.Service<Accounts, AccountsService>()("@cchc/core/Accounts") {}
