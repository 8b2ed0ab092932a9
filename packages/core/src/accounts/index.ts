/**
 * Accounts: the port (who may sign in, their sessions, their failed sign-ins), its in-memory
 * reference store, its Promise facade, and the pure rules (user names, the `Actor` of an account,
 * session expiry, lockout). Hashing and tokens are an adapter's (`@cchc/auth`), never core's.
 */
export {
  ACCOUNT_ROLES,
  type Account,
  type AccountChange,
  type AccountRole,
  Accounts,
  type AccountsService,
  type NewAccount,
  type Session,
  type SessionWithAccount,
} from "./accounts.js";
export { type AccountsClient, accountsClient, type Promised } from "./facade.js";
export { MemoryAccounts, makeMemoryAccounts } from "./memoryAccounts.js";
export {
  actorOfAccount,
  DEFAULT_LOCKOUT_POLICY,
  DEFAULT_SESSION_POLICY,
  type LockoutPolicy,
  lockedUntil,
  normalizeUserName,
  type SessionPolicy,
  type SessionState,
  sessionState,
  userNameProblem,
} from "./rules.js";
