/**
 * @cchc/auth — real accounts for the dashboard and the CLI: argon2id password hashes
 * (`@node-rs/argon2`), random session tokens stored as SHA-256, sessions with an absolute end and
 * an idle timeout, lockout after repeated failures per account and per IP address, and the hook
 * through which the agency's own sign-on (OIDC/SSO) opens the same sessions for the same `Actor`.
 * Storage is core's `Accounts` port (memory, PGlite, PostgreSQL).
 */
export {
  type AccountRefusal,
  type AccountRequest,
  type Authenticated,
  Authenticator,
  type AuthenticatorOptions,
  oidcIdentity,
  type SignedIn,
  type SignInResult,
  type SsoIdentity,
} from "./authenticator.js";
export {
  DEFAULT_HASH_COST,
  type HashCost,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  needsRehash,
  passwordProblem,
  verifyPassword,
} from "./password.js";
export { isSessionToken, newSessionToken, tokenDigest } from "./token.js";
