/**
 * The pure rules of accounts: what a user name may be, which `Actor` an account acts as, whether a
 * session still holds, and when sign-in is locked after failures. Plain functions, no I/O: the
 * dashboard, the CLI and the SSO hook all decide the same way.
 */
import type { Actor } from "../policy.js";
import type { LocalizedText } from "../text.js";
import type { Account, Session } from "./accounts.js";

/** A user name: 2–64 characters, lower-case letters (any script), digits, `.`, `_`, `-`, `@`. */
const USER_NAME = /^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}._@-]{1,63}$/u;

/** The user name as stored and compared: NFC, trimmed, lower case (so "An" and "an" are one account). */
export function normalizeUserName(raw: string): string {
  return raw.normalize("NFC").trim().toLocaleLowerCase("vi");
}

/** Why a user name is refused, or undefined when it is usable (after `normalizeUserName`). */
export function userNameProblem(userName: string): LocalizedText | undefined {
  if (USER_NAME.test(userName)) return undefined;
  return {
    vi: "Tên đăng nhập gồm 2–64 ký tự: chữ thường, số, '.', '_', '-', '@', bắt đầu bằng chữ hoặc số.",
    en: "A user name has 2–64 characters: lower-case letters, digits, '.', '_', '-', '@', starting with a letter or digit.",
  };
}

/** The `Actor` an account acts as; its user name is the actor's `userId`. */
export function actorOfAccount(account: Pick<Account, "role" | "unitId" | "userName">): Actor | undefined {
  switch (account.role) {
    case "lead":
      return { role: "lead", userId: account.userName };
    case "viewer":
      return { role: "viewer", userId: account.userName };
    case "reporter":
      return account.unitId === undefined
        ? undefined
        : { role: "reporter", unitId: account.unitId, userId: account.userName };
  }
}

/** How long sessions last. */
export interface SessionPolicy {
  /** From sign-in to the absolute end, in ms (default 8 hours, a working day). */
  readonly maxAgeMs: number;
  /** Without a request for this long, in ms, the session ends (default 30 minutes). */
  readonly idleMs: number;
}

/** The defaults: 8 hours at most, 30 minutes idle. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { maxAgeMs: 8 * 60 * 60_000, idleMs: 30 * 60_000 };

/** Where a session stands at an instant. */
export type SessionState = "active" | "expired" | "idle" | "revoked" | "disabled";

/** Whether a session still holds at `now` (ms): revoked, disabled, past its end, or idle too long. */
export function sessionState(
  session: Session,
  account: Pick<Account, "disabled">,
  now: number,
  policy: SessionPolicy = DEFAULT_SESSION_POLICY,
): SessionState {
  if (session.revokedAt !== undefined) return "revoked";
  if (account.disabled) return "disabled";
  if (now >= Date.parse(session.expiresAt)) return "expired";
  if (now - Date.parse(session.lastSeenAt) >= policy.idleMs) return "idle";
  return "active";
}

/** When repeated failures lock sign-in. */
export interface LockoutPolicy {
  /** The window failures are counted in, in ms (default 15 minutes). */
  readonly windowMs: number;
  /** Failures of one account within the window that lock it (default 5). */
  readonly perAccount: number;
  /** Failures from one IP address within the window that lock it (default 20, for any account). */
  readonly perAddress: number;
}

/** The defaults: 5 failures per account or 20 per IP address in 15 minutes lock for the rest of the window. */
export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/**
 * Whether a subject with `count` failures in the window (the latest at `latest`) is locked at
 * `now`, and until when: locked from the `limit`-th failure until the window has passed since the
 * latest one (so trying on while locked keeps it locked).
 */
export function lockedUntil(
  failures: { readonly count: number; readonly latest?: string },
  limit: number,
  now: number,
  policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY,
): number | undefined {
  if (failures.count < limit || failures.latest === undefined) return undefined;
  const until = Date.parse(failures.latest) + policy.windowMs;
  return until > now ? until : undefined;
}
