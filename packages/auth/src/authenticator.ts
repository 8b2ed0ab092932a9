/**
 * Sign-in for an agency over the accounts port: passwords checked against argon2id hashes, sessions
 * with an absolute end and an idle timeout, lockout after repeated failures per account and per IP
 * address, revocation on sign-out, disable and password reset, and the hook through which the
 * agency's own sign-on (OIDC, SAML, LDAP…) opens the same kind of session. The decisions are
 * core's pure rules (`sessionState`, `lockedUntil`, `actorOfAccount`); this class adds the I/O.
 */
import {
  type Account,
  type AccountRole,
  type AccountsClient,
  type Actor,
  actorOfAccount,
  DEFAULT_LOCKOUT_POLICY,
  DEFAULT_SESSION_POLICY,
  type LocalizedText,
  type LockoutPolicy,
  lockedUntil,
  normalizeUserName,
  type Session,
  type SessionPolicy,
  sessionState,
  userNameProblem,
} from "@cchc/core";
import {
  DEFAULT_HASH_COST,
  type HashCost,
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyDecoy,
  verifyPassword,
} from "./password.js";
import { isSessionToken, newSessionToken, tokenDigest } from "./token.js";

/** What an `Authenticator` works with. */
export interface AuthenticatorOptions {
  readonly accounts: AccountsClient;
  readonly agencyId: string;
  readonly sessions?: SessionPolicy;
  readonly lockout?: LockoutPolicy;
  readonly hashCost?: HashCost;
  /** The clock (default: the real one); tests and demos pass a fixed or moving one. */
  readonly now?: () => Date;
}

/** A session just opened: the token goes into the cookie and nowhere else. */
export interface SignedIn {
  readonly kind: "signed-in";
  readonly token: string;
  readonly account: Account;
  readonly actor: Actor;
  readonly expiresAt: string;
}

/** The outcome of a password sign-in. Refused says nothing of why (unknown user, wrong password, disabled). */
export type SignInResult =
  | SignedIn
  | { readonly kind: "refused" }
  | { readonly kind: "locked"; readonly until: string };

/** Who a request's token stands for, or why it stands for no one. */
export type Authenticated =
  | { readonly kind: "active"; readonly account: Account; readonly actor: Actor; readonly session: Session }
  | { readonly kind: "unknown" | "expired" | "idle" | "revoked" | "disabled" };

/** Why an account operation was refused: a rule (exit 1 in the CLI). */
export interface AccountRefusal {
  readonly kind: "refused";
  readonly code: "user-name" | "password" | "exists" | "unit" | "not-found";
  readonly message: LocalizedText;
}

/** A new account as the lead (or `cchc accounts add`) asks for it. */
export interface AccountRequest {
  readonly userName: string;
  readonly planId: string;
  readonly role: AccountRole;
  readonly unitId?: string;
  /** Absent: an account that signs in through SSO only. */
  readonly password?: string;
  readonly createdBy?: string;
}

/**
 * What the agency's sign-on hands over once IT has verified the person (an OIDC ID token's claims,
 * a SAML assertion, an LDAP bind): the provider's name and the user name of an account the lead
 * created. The account's role and unit come from the accounts store, never from the provider.
 */
export interface SsoIdentity {
  readonly provider: string;
  readonly userName: string;
}

/** The claim of a verified OIDC ID token that names the account (default `preferred_username`, then `email`). */
export function oidcIdentity(
  provider: string,
  claims: Readonly<Record<string, unknown>>,
  claim = "preferred_username",
): SsoIdentity | undefined {
  const value = claims[claim] ?? claims.email;
  return typeof value === "string" && value !== ""
    ? { provider, userName: normalizeUserName(value) }
    : undefined;
}

const refusal = (code: AccountRefusal["code"], vi: string, en: string): AccountRefusal => ({
  kind: "refused",
  code,
  message: { vi, en },
});

/** Password sign-in, sessions, lockout and account management for one agency. */
export class Authenticator {
  readonly sessions: SessionPolicy;
  readonly lockout: LockoutPolicy;
  private readonly accounts: AccountsClient;
  private readonly agencyId: string;
  private readonly cost: HashCost;
  private readonly clock: () => Date;

  constructor(options: AuthenticatorOptions) {
    this.accounts = options.accounts;
    this.agencyId = options.agencyId;
    this.sessions = options.sessions ?? DEFAULT_SESSION_POLICY;
    this.lockout = options.lockout ?? DEFAULT_LOCKOUT_POLICY;
    this.cost = options.hashCost ?? DEFAULT_HASH_COST;
    this.clock = options.now ?? (() => new Date());
  }

  private now(): number {
    return this.clock().getTime();
  }

  /**
   * Checks a password. Locked subjects (the account, or the IP address `address`) are refused
   * before any hash is computed; an unknown or disabled account costs the same time as a wrong
   * password and counts as a failure too. A good password clears the account's failures and opens
   * a session; the reply `locked` also comes for the failure that reaches the limit.
   */
  async signIn(input: {
    readonly userName: string;
    readonly password: string;
    readonly address: string;
  }): Promise<SignInResult> {
    const now = this.now();
    const since = new Date(now - this.lockout.windowMs).toISOString();
    const userName = normalizeUserName(input.userName);
    const userKey = `user:${userName}`;
    const addressKey = `ip:${input.address}`;
    const locks = [
      lockedUntil(
        await this.accounts.loginFailures(this.agencyId, addressKey, since),
        this.lockout.perAddress,
        now,
        this.lockout,
      ),
      lockedUntil(
        await this.accounts.loginFailures(this.agencyId, userKey, since),
        this.lockout.perAccount,
        now,
        this.lockout,
      ),
    ].filter((x): x is number => x !== undefined);
    if (locks.length > 0) return { kind: "locked", until: new Date(Math.max(...locks)).toISOString() };

    const account = userNameProblem(userName)
      ? undefined
      : await this.accounts.getAccount(this.agencyId, userName);
    const usable = account && !account.disabled && account.passwordHash !== undefined ? account : undefined;
    let good = false;
    if (usable?.passwordHash !== undefined) good = await verifyPassword(usable.passwordHash, input.password);
    else await verifyDecoy(input.password);
    const actor = usable && actorOfAccount(usable);
    if (!good || !usable || !actor) {
      const at = new Date(now).toISOString();
      const byAddress = await this.accounts.recordLoginFailure(this.agencyId, addressKey, at, since);
      const byUser = await this.accounts.recordLoginFailure(this.agencyId, userKey, at, since);
      if (byUser >= this.lockout.perAccount || byAddress >= this.lockout.perAddress)
        return { kind: "locked", until: new Date(now + this.lockout.windowMs).toISOString() };
      return { kind: "refused" };
    }
    await this.accounts.clearLoginFailures(this.agencyId, userKey);
    if (usable.passwordHash !== undefined && needsRehash(usable.passwordHash, this.cost))
      await this.accounts.updateAccount(this.agencyId, usable.userName, {
        passwordHash: await hashPassword(input.password, this.cost),
        at: new Date(now).toISOString(),
      });
    return this.open(usable, actor, "password");
  }

  /**
   * The SSO hook: opens a session for the account an external sign-on vouched for. The identity
   * must have been verified by the caller (an OIDC client checks the ID token's signature, issuer,
   * audience and nonce); the account must exist and be enabled. Same sessions, same `Actor`.
   */
  async signInWithSso(identity: SsoIdentity): Promise<SignedIn | { readonly kind: "refused" }> {
    const account = await this.accounts.getAccount(this.agencyId, normalizeUserName(identity.userName));
    const actor = account && !account.disabled ? actorOfAccount(account) : undefined;
    if (!account || !actor) return { kind: "refused" };
    return this.open(account, actor, `sso:${identity.provider}`);
  }

  private async open(account: Account, actor: Actor, method: string): Promise<SignedIn> {
    const now = this.now();
    const token = newSessionToken();
    const expiresAt = new Date(now + this.sessions.maxAgeMs).toISOString();
    const at = new Date(now).toISOString();
    await this.accounts.createSession(this.agencyId, {
      tokenDigest: tokenDigest(token),
      userName: account.userName,
      method,
      createdAt: at,
      expiresAt,
      lastSeenAt: at,
    });
    return { kind: "signed-in", token, account, actor, expiresAt };
  }

  /** Who the token of a request stands for; an active session's idle clock restarts. */
  async authenticate(token: string | undefined): Promise<Authenticated> {
    if (token === undefined || !isSessionToken(token)) return { kind: "unknown" };
    const digest = tokenDigest(token);
    const found = await this.accounts.findSession(this.agencyId, digest);
    if (!found) return { kind: "unknown" };
    const now = this.now();
    const state = sessionState(found.session, found.account, now, this.sessions);
    const actor = actorOfAccount(found.account);
    if (state !== "active") return { kind: state };
    if (!actor) return { kind: "disabled" };
    await this.accounts.touchSession(this.agencyId, digest, new Date(now).toISOString());
    return { kind: "active", account: found.account, actor, session: found.session };
  }

  /** Ends the session of a token (sign-out). False when there was none to end. */
  async signOut(token: string | undefined): Promise<boolean> {
    if (token === undefined || !isSessionToken(token)) return false;
    return this.accounts.revokeSession(this.agencyId, tokenDigest(token), new Date(this.now()).toISOString());
  }

  /** Creates an account after the rules: a usable user name, a unit for a reporter only, a strong password, a free name. */
  async addAccount(
    request: AccountRequest,
  ): Promise<{ readonly kind: "added"; readonly account: Account } | AccountRefusal> {
    const userName = normalizeUserName(request.userName);
    const nameProblem = userNameProblem(userName);
    if (nameProblem) return { kind: "refused", code: "user-name", message: nameProblem };
    if (request.role === "reporter" && (request.unitId === undefined || request.unitId === ""))
      return refusal(
        "unit",
        "Tài khoản người báo cáo cần đơn vị (--unit).",
        "A reporter account needs a unit (--unit).",
      );
    if (request.role !== "reporter" && request.unitId !== undefined)
      return refusal(
        "unit",
        "Chỉ tài khoản người báo cáo mới gắn với đơn vị.",
        "Only a reporter account belongs to a unit.",
      );
    if (request.password !== undefined) {
      const problem = passwordProblem(request.password, userName);
      if (problem) return { kind: "refused", code: "password", message: problem };
    }
    const at = new Date(this.now()).toISOString();
    const account = {
      userName,
      planId: request.planId,
      role: request.role,
      ...(request.role === "reporter" && request.unitId !== undefined ? { unitId: request.unitId } : {}),
      ...(request.password !== undefined
        ? { passwordHash: await hashPassword(request.password, this.cost) }
        : {}),
      createdAt: at,
      ...(request.createdBy !== undefined ? { createdBy: request.createdBy } : {}),
    };
    if (!(await this.accounts.addAccount(this.agencyId, account)))
      return refusal("exists", `Tên đăng nhập "${userName}" đã có.`, `The user name "${userName}" is taken.`);
    const stored = await this.accounts.getAccount(this.agencyId, userName);
    return { kind: "added", account: stored ?? { ...account, disabled: false, updatedAt: at } };
  }

  /** Sets a new password (a lead's reset): every session of the account ends; its lockout is lifted. */
  async resetPassword(
    userName: string,
    password: string,
  ): Promise<{ readonly kind: "reset" } | AccountRefusal> {
    const name = normalizeUserName(userName);
    const problem = passwordProblem(password, name);
    if (problem) return { kind: "refused", code: "password", message: problem };
    const done = await this.accounts.updateAccount(this.agencyId, name, {
      passwordHash: await hashPassword(password, this.cost),
      at: new Date(this.now()).toISOString(),
    });
    if (!done) return refusal("not-found", `Không có tài khoản "${name}".`, `No account "${name}".`);
    await this.accounts.clearLoginFailures(this.agencyId, `user:${name}`);
    return { kind: "reset" };
  }

  /** Disables (every session ends) or enables an account. */
  async setDisabled(
    userName: string,
    disabled: boolean,
  ): Promise<{ readonly kind: "done" } | AccountRefusal> {
    const name = normalizeUserName(userName);
    const done = await this.accounts.updateAccount(this.agencyId, name, {
      disabled,
      at: new Date(this.now()).toISOString(),
    });
    return done
      ? { kind: "done" }
      : refusal("not-found", `Không có tài khoản "${name}".`, `No account "${name}".`);
  }

  /** Every account of the agency. */
  list(): Promise<readonly Account[]> {
    return this.accounts.listAccounts(this.agencyId);
  }
}
