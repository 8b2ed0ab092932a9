/**
 * Every response carries the headers a security scanner expects: pages, redirects, the style
 * sheet, downloads, every error page (400, 401, 403, 404, 413, 422, 500) and the 404 of an unknown
 * path. The pages' policy is strict (no inline script or style anywhere in the HTML), the HTML
 * export shown inline gets a policy that allows only its own styles by hash, and
 * Strict-Transport-Security is sent only when the app is served over HTTPS.
 */
import { createHash } from "node:crypto";
import type { Authenticator } from "@cchc/auth";
import { createCchc, MemoryStorage, PAR_COMMUNICATION_PRESET } from "@cchc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { Dashboard } from "../src/dashboard.js";
import { DEMO_AGENCY_ID, DEMO_PLAN_ID, seedDemo } from "../src/demoData.js";
import type { Stores } from "../src/stores.js";
import { demoStores, emptyAuth, loginForm } from "./support/accounts.js";

const ORIGIN = "http://localhost";
const SECRET = "test-secret-0123456789abcdef0123456789abcdef";
const NOW = new Date("2019-01-10T09:00:00+07:00");
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

let stores: Stores;
let auth: Authenticator;
let dashboard: Dashboard;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ stores, auth } = await demoStores());
  dashboard = new Dashboard({
    cchc: stores.cchc,
    agencyId: DEMO_AGENCY_ID,
    planId: DEMO_PLAN_ID,
    scheme: PAR_COMMUNICATION_PRESET,
    now: () => NOW,
  });
  app = createApp({ dashboard, auth, sessionSecret: SECRET, logError: () => undefined });
});
afterAll(() => stores?.close());

async function signIn(choice: string): Promise<string> {
  const res = await app.request("/login", {
    method: "POST",
    headers: { Origin: ORIGIN, ...FORM },
    body: loginForm(choice),
  });
  expect(res.status).toBe(303);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] as string;
}

/** The directives of a Content-Security-Policy header, by name. */
const directives = (csp: string | null): Map<string, string[]> =>
  new Map(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== "")
      .map(([name, ...values]) => [name ?? "", values]),
  );

/** The headers every response must carry (the CSP checked separately). */
function expectCommonHeaders(res: Response, what: string): void {
  const h = res.headers;
  expect(h.get("x-content-type-options"), what).toBe("nosniff");
  expect(h.get("x-frame-options"), what).toBe("DENY");
  expect(h.get("referrer-policy"), what).toBe("no-referrer");
  expect(h.get("cross-origin-opener-policy"), what).toBe("same-origin");
  expect(h.get("cross-origin-resource-policy"), what).toBe("same-origin");
  expect(h.get("permissions-policy"), what).toMatch(/(^|, )camera=\(\)/);
  expect(h.get("permissions-policy"), what).toMatch(/(^|, )geolocation=\(\)/);
  expect(h.get("permissions-policy"), what).toMatch(/(^|, )microphone=\(\)/);
  expect(h.get("strict-transport-security"), `${what}: no HSTS over plain HTTP`).toBeNull();
  expect(h.get("x-powered-by"), what).toBeNull();
}

/** The strict policy of the app's own pages. */
function expectPagePolicy(res: Response, what: string): void {
  const csp = directives(res.headers.get("content-security-policy"));
  expect(csp.get("default-src"), what).toEqual(["'self'"]);
  expect(csp.get("script-src"), what).toEqual(["'none'"]);
  expect(csp.get("style-src"), what).toEqual(["'self'"]);
  expect(csp.get("object-src"), what).toEqual(["'none'"]);
  expect(csp.get("base-uri"), what).toEqual(["'none'"]);
  expect(csp.get("form-action"), what).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  for (const values of csp.values()) {
    expect(values, what).not.toContain("'unsafe-inline'");
    expect(values, what).not.toContain("'unsafe-eval'");
    expect(values, what).not.toContain("*");
  }
}

describe("security headers", () => {
  it("are on every page, redirect, file, download and error, with the strict policy", async () => {
    const lead = await signIn("lead");
    const reporter = await signIn("reporter:cuc-bao-chi");
    const form = (cookie: string | undefined, body: Record<string, string>, origin = ORIGIN) => ({
      method: "POST",
      headers: { Origin: origin, ...FORM, ...(cookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(body),
    });
    const cases: [string, number, Response | Promise<Response>][] = [
      ["login page", 200, app.request("/login")],
      ["health check", 200, app.request("/healthz")],
      ["style sheet", 200, app.request("/static/style.css")],
      ["anonymous redirect", 303, app.request("/overview")],
      ["overview", 200, app.request("/overview", { headers: { Cookie: lead } })],
      ["plan", 200, app.request("/plan", { headers: { Cookie: lead } })],
      ["calendar", 200, app.request("/calendar", { headers: { Cookie: lead } })],
      ["unit page", 200, app.request("/units/cuc-bao-chi", { headers: { Cookie: reporter } })],
      ["DOCX download", 200, app.request("/download/plan/docx", { headers: { Cookie: lead } })],
      ["Markdown download", 200, app.request("/download/score-sheet/md", { headers: { Cookie: lead } })],
      ["login refused (401)", 401, app.request("/login", form(undefined, { user: "nobody", password: "x" }))],
      ["accounts page", 200, app.request("/accounts", { headers: { Cookie: lead } })],
      ["own unit only (403)", 403, app.request("/units/cuc-vien-thong", { headers: { Cookie: reporter } })],
      ["invalid form (422)", 422, app.request("/units/cuc-bao-chi/records", form(reporter, {}))],
      [
        "unreadable form (400)",
        400,
        app.request("/units/cuc-bao-chi/records", {
          method: "POST",
          headers: { Origin: ORIGIN, Cookie: reporter, "Content-Type": "multipart/form-data; boundary=x" },
          body: "--x\r\nbroken",
        }),
      ],
      ["not signed in (401)", 401, app.request("/units/cuc-bao-chi/records", form(undefined, {}))],
      ["CSRF (403)", 403, app.request("/logout", form(lead, {}, "https://evil.example"))],
      ["permission (403)", 403, app.request("/units/cuc-thong-tin-co-so/records", form(reporter, {}))],
      ["unknown unit (404)", 404, app.request("/units/khong-co", { headers: { Cookie: lead } })],
      ["unknown download (404)", 404, app.request("/download/nope/md", { headers: { Cookie: lead } })],
      ["unknown path (404)", 404, app.request("/khong-co-trang-nay", { headers: { Cookie: lead } })],
      [
        "too large (413)",
        413,
        app.request("/units/cuc-bao-chi/records", form(reporter, { note: "x".repeat(70_000) })),
      ],
    ];
    for (const [what, status, pending] of cases) {
      const res = await pending;
      expect(res.status, what).toBe(status);
      expectCommonHeaders(res, what);
      expectPagePolicy(res, what);
      if ((res.headers.get("content-type") ?? "").startsWith("text/html")) {
        // Nothing inline for the policy to block: no script, no style element or attribute.
        const html = await res.text();
        expect(html, what).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|javascript:/i);
      }
    }
  });

  it("are on the 500 page of a failing store", async () => {
    const broken = await createCchc({ storage: MemoryStorage.layer() });
    await seedDemo(broken, DEMO_AGENCY_ID);
    const failing = createApp({
      dashboard: new Dashboard({
        cchc: broken,
        agencyId: DEMO_AGENCY_ID,
        planId: DEMO_PLAN_ID,
        scheme: PAR_COMMUNICATION_PRESET,
        now: () => NOW,
      }),
      auth: emptyAuth(),
      sessionSecret: SECRET,
      logError: () => undefined,
    });
    await broken.close();
    const res = await failing.request("/login");
    expect(res.status).toBe(500);
    expectCommonHeaders(res, "500 page");
    expectPagePolicy(res, "500 page");
  });

  it("give the HTML export shown inline a policy that allows only its own styles, by hash", async () => {
    const lead = await signIn("lead");
    const res = await app.request("/download/plan/html", { headers: { Cookie: lead } });
    expect(res.status).toBe(200);
    expectCommonHeaders(res, "HTML export");
    const html = await res.text();
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'none'"]);
    expect(csp.has("script-src")).toBe(false); // default-src 'none': no script at all
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    if (style === undefined) throw new Error("the HTML export has no <style> block");
    const hash = `'sha256-${createHash("sha256").update(style).digest("base64")}'`;
    expect(csp.get("style-src")).toContain(hash);
    expect(csp.get("style-src")).not.toContain("'unsafe-inline'");
  });

  it("include Strict-Transport-Security only when served over HTTPS", async () => {
    const overHttps = createApp({ dashboard, auth, sessionSecret: SECRET, secureCookies: true });
    for (const path of ["/login", "/khong-co-trang-nay", "/static/style.css"]) {
      const res = await overHttps.request(path);
      expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
      expectPagePolicy(res, path);
    }
    // A request that itself arrived over https (a TLS-terminating server in front of Node).
    const direct = await app.request("https://cchc.example/login");
    expect(direct.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    const explicitNo = createApp({
      dashboard,
      auth,
      sessionSecret: SECRET,
      secureCookies: true,
      https: false,
    });
    expect((await explicitNo.request("/login")).headers.get("strict-transport-security")).toBeNull();
  });
});
