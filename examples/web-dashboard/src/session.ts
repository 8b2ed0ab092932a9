/**
 * The demo login: the person picks who they are (the lead unit, one unit's reporter, or a
 * viewer) and the choice is kept in a signed, HTTP-only cookie. There is no password: this stands
 * in for the agency's real sign-on (SSO, LDAP, VNeID…), which should produce the same `Actor`.
 */
import type { Actor, Plan } from "@cchc/core";
import { leadUnitIds } from "@cchc/core";
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";

/** The cookie's name. */
export const SESSION_COOKIE = "cchc_session";

/** How long a demo session lasts (8 hours, a working day). */
const MAX_AGE_SECONDS = 8 * 60 * 60;

/** Who is signed in, as the policy of the core sees it, with a name to show. */
export interface SessionUser {
  readonly actor: Actor;
  readonly name: string;
}

/** The choice on the login form: "lead", "viewer" or "reporter:<unitId>". */
export type LoginChoice = string;

/** The actor a login choice stands for, or undefined when the choice is not one the plan offers. */
export function actorOfChoice(plan: Plan, choice: LoginChoice): Actor | undefined {
  if (choice === "lead") return { role: "lead", userId: "lead" };
  if (choice === "viewer") return { role: "viewer", userId: "viewer" };
  if (choice.startsWith("reporter:")) {
    const unitId = choice.slice("reporter:".length);
    if (reporterUnits(plan).some((u) => u.id === unitId))
      return { role: "reporter", unitId, userId: `reporter:${unitId}` };
  }
  return undefined;
}

/** Units a reporter can sign in for: every unit of the plan except the lead and groups with members. */
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

/** Starts a session for the choice. */
export async function signIn(
  c: Context,
  secret: string,
  choice: LoginChoice,
  secure: boolean,
): Promise<void> {
  await setSignedCookie(c, SESSION_COOKIE, choice, secret, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: MAX_AGE_SECONDS,
  });
}

/** Ends the session. */
export function signOut(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

/** The signed-in user, or undefined (no cookie, a forged one, or a unit no longer in the plan). */
export async function currentUser(c: Context, secret: string, plan: Plan): Promise<SessionUser | undefined> {
  const choice = await getSignedCookie(c, secret, SESSION_COOKIE);
  if (typeof choice !== "string") return undefined;
  const actor = actorOfChoice(plan, choice);
  return actor ? { actor, name: nameOf(plan, actor) } : undefined;
}
