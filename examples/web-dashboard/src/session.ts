/**
 * The session cookie and who it stands for. Sign-in is real: a password checked against the
 * account's argon2id hash (or the agency's SSO through `Authenticator.signInWithSso`), and the
 * cookie carries only the session's random token (HTTP-only, SameSite=Lax, signed with the
 * session secret as well); the store keeps the token's SHA-256, so a session ends when the store
 * says so (expired, idle, signed out, account disabled or password reset), not when a cookie does.
 */
import type { Authenticator } from "@cchc/auth";
import type { Account, Actor, Plan } from "@cchc/core";
import { leadUnitIds } from "@cchc/core";
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";

/** The cookie's name. */
export const SESSION_COOKIE = "cchc_session";

/** Who is signed in, as the policy of the core sees it, with a name to show. */
export interface SessionUser {
  readonly actor: Actor;
  readonly name: string;
  /** The account's user name (shown beside the name). */
  readonly userName: string;
  /** False for a reporter kept to their own unit's pages (the agency's `ReporterScope`). */
  readonly seesAllUnits: boolean;
}

/** Whether a reporter may read other units' pages: an agency setting (default: own unit only). */
export type ReporterScope = "own-unit" | "all-units";

/** Units that report (and so can have a reporter account): every unit except the lead and groups with members. */
export function reporterUnits(plan: Plan): Plan["units"] {
  const leads = new Set(leadUnitIds(plan));
  const collator = new Intl.Collator("vi");
  return plan.units
    .filter((u) => !leads.has(u.id) && !(u.group && (u.memberIds?.length ?? 0) > 0))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The name shown for an actor: the lead unit's name, the reporter's unit, or "Người xem". */
export function nameOf(plan: Plan, actor: Actor): string {
  const unitName = (id: string | undefined) => plan.units.find((u) => u.id === id)?.name;
  switch (actor.role) {
    case "lead":
      return unitName(leadUnitIds(plan)[0]) ?? "Đơn vị chủ trì";
    case "reporter":
      return `Người báo cáo — ${unitName(actor.unitId) ?? actor.unitId}`;
    case "viewer":
      return "Người xem";
    case "council":
      return "Hội đồng thẩm định";
  }
}

/** Puts a new session's token into the cookie, for as long as the session can last. */
export async function setSessionCookie(
  c: Context,
  secret: string,
  token: string,
  maxAgeMs: number,
  secure: boolean,
): Promise<void> {
  await setSignedCookie(c, SESSION_COOKIE, token, secret, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

/** Removes the cookie (the session itself is revoked in the store by `Authenticator.signOut`). */
export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/** The token in a request's cookie, when its signature holds. */
export async function sessionToken(c: Context, secret: string): Promise<string | undefined> {
  const token = await getSignedCookie(c, secret, SESSION_COOKIE);
  return typeof token === "string" ? token : undefined;
}

/**
 * Who the request's session stands for, or why no one: `ended` for a session the store knows but
 * no longer accepts (expired, idle, signed out, disabled), so the login page can say so; a
 * reporter's unit that left the plan ends the session too.
 */
export async function currentUser(
  c: Context,
  secret: string,
  plan: Plan,
  auth: Authenticator,
  scope: ReporterScope,
): Promise<{ readonly user?: SessionUser; readonly ended: boolean }> {
  const token = await sessionToken(c, secret);
  if (token === undefined) return { ended: false };
  const found = await auth.authenticate(token);
  if (found.kind !== "active") return { ended: found.kind !== "unknown" };
  const { actor, account } = found;
  if (actor.role === "reporter" && !plan.units.some((u) => u.id === actor.unitId)) return { ended: true };
  return { user: userOf(plan, account, actor, scope), ended: false };
}

/** The user to show for an account acting as `actor`. */
export function userOf(
  plan: Plan,
  account: Pick<Account, "userName">,
  actor: Actor,
  scope: ReporterScope,
): SessionUser {
  return {
    actor,
    name: nameOf(plan, actor),
    userName: account.userName,
    seesAllUnits: actor.role !== "reporter" || scope === "all-units",
  };
}

/** Whether the user may read a unit's pages and documents (`undefined`: the whole agency's). */
export function mayRead(user: SessionUser, unitId: string | undefined): boolean {
  if (user.seesAllUnits) return true;
  return user.actor.role === "reporter" && unitId === user.actor.unitId;
}
