/**
 * The demo's accounts, made on the first start with the demo plan: the lead (`lead`), a viewer
 * (`viewer`) and one reporter per reporting unit, named after the unit's id (`cuc-bao-chi`…). Each
 * gets a random password, printed once by `pnpm dashboard` (only the hash is stored); a later start
 * finds them and prints nothing (reset one with `cchc accounts reset-password`).
 */
import { randomBytes } from "node:crypto";
import type { Authenticator } from "@cchc/auth";
import type { AccountRole, Plan } from "@cchc/core";
import { reporterUnits } from "./session.js";

/** One demo account with its password in clear, for the console (never stored). */
export interface DemoAccount {
  readonly userName: string;
  readonly role: AccountRole;
  readonly unitId?: string;
  readonly password: string;
}

/** A random password of 16 characters (96 bits). */
export const randomPassword = (): string => randomBytes(12).toString("base64url");

/** Creates the demo accounts that do not exist yet; returns those created, with their passwords. */
export async function seedDemoAccounts(
  auth: Authenticator,
  plan: Plan,
  password: (userName: string) => string = randomPassword,
): Promise<DemoAccount[]> {
  const wanted: Omit<DemoAccount, "password">[] = [
    { userName: "lead", role: "lead" },
    { userName: "viewer", role: "viewer" },
    ...reporterUnits(plan).map((u) => ({ userName: u.id, role: "reporter" as const, unitId: u.id })),
  ];
  const created: DemoAccount[] = [];
  for (const w of wanted) {
    const secret = password(w.userName);
    const r = await auth.addAccount({ ...w, planId: plan.id, password: secret, createdBy: "demo" });
    if (r.kind === "added") created.push({ ...w, password: secret });
  }
  return created;
}
