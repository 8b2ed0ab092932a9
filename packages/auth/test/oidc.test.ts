/**
 * The SSO hook against a real OpenID Connect provider: `oidc-provider` (the certified Node
 * implementation) on loopback, its development sign-in forms driven over HTTP like a browser
 * would (cookies kept), the authorization code flow with PKCE, the code exchanged at the token
 * endpoint, the ID token verified with `jose` against the provider's JWKS (signature, issuer,
 * audience, nonce). Only then do `oidcIdentity` and `signInWithSso` run: an account the lead made
 * gets the same kind of session and the same `Actor` as a password sign-in; a person the provider
 * vouches for but who has no account gets nothing.
 */
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { accountsClient, makeMemoryAccounts } from "@cchc/core";
import { createRemoteJWKSet, jwtVerify } from "jose";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Authenticator, oidcIdentity, tokenDigest } from "../src/index.js";

const CLIENT = { client_id: "cchc-dashboard", client_secret: "a-test-client-secret-0123456789abcdef" };
const CALLBACK = "http://127.0.0.1:1/callback";

let server: Server;
let issuer: string;

beforeAll(async () => {
  server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      { ...CLIENT, redirect_uris: [CALLBACK], grant_types: ["authorization_code"], response_types: ["code"] },
    ],
    claims: { openid: ["sub"], profile: ["preferred_username"] },
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, preferred_username: id }),
    }),
    features: { devInteractions: { enabled: true } },
  });
  server.on("request", provider.callback());
});
afterAll(() => new Promise<void>((done) => server?.close(() => done())));

/** A cookie jar for one "browser". */
function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}): Promise<Response> => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = (pair ?? "").indexOf("=");
      if (i > 0) jar.set((pair ?? "").slice(0, i), (pair ?? "").slice(i + 1));
    }
    return res;
  };
}

/** Signs in at the provider as `login` and returns the verified ID token's claims. */
async function signInAtProvider(login: string): Promise<Record<string, unknown>> {
  const go = browser();
  const verifier = randomBytes(32).toString("base64url");
  const nonce = randomBytes(16).toString("base64url");
  const auth = new URL(`${issuer}/auth`);
  auth.search = new URLSearchParams({
    client_id: CLIENT.client_id,
    response_type: "code",
    redirect_uri: CALLBACK,
    scope: "openid profile",
    state: "s1",
    nonce,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  let res = await go(auth.toString());
  const form = { "content-type": "application/x-www-form-urlencoded" };
  for (let step = 0; step < 10; step++) {
    const location = res.headers.get("location");
    if (location === null) throw new Error(`no redirect (${res.status}): ${await res.text()}`);
    const next = new URL(location, issuer);
    if (next.toString().startsWith(CALLBACK)) {
      expect(next.searchParams.get("state")).toBe("s1");
      const code = next.searchParams.get("code");
      if (code === null) throw new Error(`no code: ${next}`);
      const token = await fetch(`${issuer}/token`, {
        method: "POST",
        headers: {
          ...form,
          authorization: `Basic ${Buffer.from(`${CLIENT.client_id}:${CLIENT.client_secret}`).toString("base64")}`,
        },
        body: new URLSearchParams({
          grant_type: "authorization_code",
          code,
          redirect_uri: CALLBACK,
          code_verifier: verifier,
        }),
      });
      const body = (await token.json()) as { id_token?: string };
      if (!body.id_token) throw new Error(`no id_token: ${JSON.stringify(body)}`);
      const { payload } = await jwtVerify(body.id_token, createRemoteJWKSet(new URL(`${issuer}/jwks`)), {
        issuer,
        audience: CLIENT.client_id,
      });
      expect(payload.nonce).toBe(nonce);
      return payload;
    }
    if (/^\/interaction\/[^/]+$/.test(next.pathname)) {
      const page = await (await go(next.toString())).text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      res = await go(next.toString(), {
        method: "POST",
        headers: form,
        body: new URLSearchParams(
          prompt === "login" ? { prompt, login, password: "any" } : { prompt: prompt ?? "" },
        ),
      });
    } else res = await go(next.toString());
  }
  throw new Error("the provider's flow did not end at the callback");
}

describe("SSO hook with a real local OIDC provider (oidc-provider)", () => {
  it("a verified ID token of an account the lead made opens the same session and Actor; a stranger gets none", async () => {
    const store = accountsClient(makeMemoryAccounts());
    const auth = new Authenticator({ accounts: store, agencyId: "bo-tttt" });
    const added = await auth.addAccount({
      userName: "vu-phap-che",
      planId: "mic-2018",
      role: "reporter",
      unitId: "vu-phap-che",
    });
    expect(added.kind).toBe("added");

    const claims = await signInAtProvider("Vu-Phap-Che");
    expect(claims.iss).toBe(issuer);
    const identity = oidcIdentity("agency-oidc", claims);
    expect(identity).toEqual({ provider: "agency-oidc", userName: "vu-phap-che" });
    const r = await auth.signInWithSso(identity ?? { provider: "", userName: "" });
    expect(r.kind).toBe("signed-in");
    if (r.kind !== "signed-in") return;
    expect(r.actor).toEqual({ role: "reporter", unitId: "vu-phap-che", userId: "vu-phap-che" });
    expect((await store.findSession("bo-tttt", tokenDigest(r.token)))?.session.method).toBe(
      "sso:agency-oidc",
    );
    const active = await auth.authenticate(r.token);
    expect(active.kind).toBe("active");

    const stranger = oidcIdentity("agency-oidc", await signInAtProvider("nguoi-la"));
    expect(await auth.signInWithSso(stranger ?? { provider: "", userName: "" })).toEqual({ kind: "refused" });
  }, 60_000);
});
