import { accountsClient, makeMemoryAccounts } from "@cchc/core";
import { describe, expect, it } from "vitest";
import {
  Authenticator,
  hashPassword,
  needsRehash,
  oidcIdentity,
  tokenDigest,
  verifyPassword,
} from "../src/index.js";

const PASSWORD = "mật-khẩu-đủ-dài-2026";

async function setup() {
  let now = Date.parse("2026-03-09T01:00:00.000Z");
  const store = accountsClient(makeMemoryAccounts());
  const auth = new Authenticator({ accounts: store, agencyId: "bo-tttt", now: () => new Date(now) });
  const added = await auth.addAccount({
    userName: "Vu-Phap-Che",
    planId: "mic-2018",
    role: "reporter",
    unitId: "vu-phap-che",
    password: PASSWORD,
  });
  if (added.kind !== "added") throw new Error("setup");
  return { auth, store, advance: (ms: number) => (now += ms) };
}

describe("Authenticator", () => {
  it("stores an argon2id hash, never the password; verifies it; a tampered hash never matches", async () => {
    const { store } = await setup();
    const account = await store.getAccount("bo-tttt", "vu-phap-che");
    expect(account?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(account)).not.toContain(PASSWORD);
    expect(await verifyPassword(account?.passwordHash ?? "", PASSWORD)).toBe(true);
    expect(await verifyPassword("not a hash", PASSWORD)).toBe(false);
    expect(needsRehash(await hashPassword("x", { memoryCost: 8192, timeCost: 1, parallelism: 1 }))).toBe(
      true,
    );
  });

  it("signs a reporter in with the password (any case of the user name) and gives the unit's Actor", async () => {
    const { auth, store } = await setup();
    const r = await auth.signIn({ userName: " VU-PHAP-CHE ", password: PASSWORD, address: "10.0.0.1" });
    expect(r.kind).toBe("signed-in");
    if (r.kind !== "signed-in") return;
    expect(r.actor).toEqual({ role: "reporter", unitId: "vu-phap-che", userId: "vu-phap-che" });
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const found = await store.findSession("bo-tttt", tokenDigest(r.token));
    expect(found?.session.method).toBe("password");
    expect(await store.findSession("bo-tttt", r.token)).toBeUndefined();
    expect((await auth.authenticate(r.token)).kind).toBe("active");
  });

  it("refuses a wrong password and an unknown user alike, and locks after 5 failures for 15 minutes", async () => {
    const { auth, advance } = await setup();
    expect(await auth.signIn({ userName: "không-có", password: PASSWORD, address: "10.0.0.9" })).toEqual({
      kind: "refused",
    });
    const replies: string[] = [];
    for (let i = 0; i < 5; i++)
      replies.push(
        (await auth.signIn({ userName: "vu-phap-che", password: "sai-mật-khẩu-rồi", address: `10.0.1.${i}` }))
          .kind,
      );
    expect(replies).toEqual(["refused", "refused", "refused", "refused", "locked"]);
    // The right password is refused too while locked, from any address.
    const locked = await auth.signIn({ userName: "vu-phap-che", password: PASSWORD, address: "10.0.2.1" });
    expect(locked.kind).toBe("locked");
    advance(15 * 60_000 + 1);
    expect(
      (await auth.signIn({ userName: "vu-phap-che", password: PASSWORD, address: "10.0.2.1" })).kind,
    ).toBe("signed-in");
  });

  it("locks an IP address after 20 failures, whatever the user names tried", async () => {
    const { auth } = await setup();
    for (let i = 0; i < 19; i++)
      expect(
        (await auth.signIn({ userName: `u${i}x`, password: "sai-mật-khẩu-rồi", address: "10.9.9.9" })).kind,
      ).toBe("refused");
    expect(
      (await auth.signIn({ userName: "u20x", password: "sai-mật-khẩu-rồi", address: "10.9.9.9" })).kind,
    ).toBe("locked");
    expect(
      (await auth.signIn({ userName: "vu-phap-che", password: PASSWORD, address: "10.9.9.9" })).kind,
    ).toBe("locked");
    expect(
      (await auth.signIn({ userName: "vu-phap-che", password: PASSWORD, address: "10.9.9.8" })).kind,
    ).toBe("signed-in");
  });

  it("ends sessions: idle 30 minutes, 8 hours at most, sign-out, password reset, disable", async () => {
    const { auth, advance } = await setup();
    const open = async () => {
      const r = await auth.signIn({ userName: "vu-phap-che", password: PASSWORD, address: "10.0.0.1" });
      if (r.kind !== "signed-in") throw new Error(r.kind);
      return r.token;
    };
    const idle = await open();
    advance(30 * 60_000);
    expect((await auth.authenticate(idle)).kind).toBe("idle");

    const busy = await open();
    for (let i = 0; i < 16; i++) {
      advance(29 * 60_000);
      expect((await auth.authenticate(busy)).kind).toBe("active");
    }
    advance(29 * 60_000);
    expect((await auth.authenticate(busy)).kind).toBe("expired");

    const out = await open();
    expect(await auth.signOut(out)).toBe(true);
    expect((await auth.authenticate(out)).kind).toBe("revoked");

    const beforeReset = await open();
    expect(await auth.resetPassword("vu-phap-che", "mật-khẩu-mới-hơn-2026")).toEqual({ kind: "reset" });
    expect((await auth.authenticate(beforeReset)).kind).toBe("revoked");
    expect(
      (await auth.signIn({ userName: "vu-phap-che", password: PASSWORD, address: "10.0.0.1" })).kind,
    ).toBe("refused");

    const r = await auth.signIn({
      userName: "vu-phap-che",
      password: "mật-khẩu-mới-hơn-2026",
      address: "10.0.0.1",
    });
    expect(r.kind).toBe("signed-in");
    expect(await auth.setDisabled("vu-phap-che", true)).toEqual({ kind: "done" });
    if (r.kind === "signed-in") expect((await auth.authenticate(r.token)).kind).toBe("revoked");
    expect(
      (await auth.signIn({ userName: "vu-phap-che", password: "mật-khẩu-mới-hơn-2026", address: "10.0.0.1" }))
        .kind,
    ).toBe("refused");
    expect((await auth.authenticate("garbage")).kind).toBe("unknown");
  });

  it("refuses weak passwords, bad user names, a taken name and a reporter without a unit, with bilingual reasons", async () => {
    const { auth } = await setup();
    const base = { planId: "mic-2018", role: "viewer" as const };
    expect(await auth.addAccount({ ...base, userName: "xem", password: "ngắn" })).toMatchObject({
      code: "password",
    });
    expect(await auth.addAccount({ ...base, userName: "xem", password: "aaaaaaaaaaaaaaaa" })).toMatchObject({
      code: "password",
    });
    expect(await auth.addAccount({ ...base, userName: "xem", password: "xem-đủ-dài-rồi-nhé" })).toMatchObject(
      { code: "password" },
    );
    expect(await auth.addAccount({ ...base, userName: "a b", password: PASSWORD })).toMatchObject({
      code: "user-name",
    });
    expect(await auth.addAccount({ ...base, userName: "VU-PHAP-CHE", password: PASSWORD })).toMatchObject({
      code: "exists",
    });
    const r = await auth.addAccount({ ...base, role: "reporter", userName: "bc", password: PASSWORD });
    expect(r).toMatchObject({
      code: "unit",
      message: { vi: expect.stringContaining("đơn vị"), en: expect.stringContaining("unit") },
    });
  });

  it("the SSO hook opens the same session and Actor for an account the lead created, and no other", async () => {
    const { auth, store } = await setup();
    const identity = oidcIdentity("vneid", { sub: "123", preferred_username: "Vu-Phap-Che" });
    expect(identity).toEqual({ provider: "vneid", userName: "vu-phap-che" });
    const r = await auth.signInWithSso(identity ?? { provider: "x", userName: "" });
    expect(r.kind).toBe("signed-in");
    if (r.kind === "signed-in") {
      expect(r.actor).toEqual({ role: "reporter", unitId: "vu-phap-che", userId: "vu-phap-che" });
      expect((await store.findSession("bo-tttt", tokenDigest(r.token)))?.session.method).toBe("sso:vneid");
    }
    expect(await auth.signInWithSso({ provider: "vneid", userName: "người-lạ" })).toEqual({
      kind: "refused",
    });
    expect(oidcIdentity("vneid", { sub: "123" })).toBeUndefined();
  });
});
