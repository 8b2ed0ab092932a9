/**
 * Real sign-in end to end in headless Chromium (Debian's /usr/bin/chromium through playwright-core),
 * against the dashboard started as `pnpm dashboard` starts it (PGlite in a temporary folder, demo
 * accounts seeded and their passwords printed): a reporter signs in with a password and cannot open
 * another unit's pages; a wrong password is refused; repeated failures lock the account; sign-out
 * revokes the session (its cookie, replayed, opens nothing); a session the lead revokes by disabling
 * the account is refused at the next click; an expired session is sent to the login page, which
 * says so (a second server whose sessions expire after 3 idle seconds; the 8-hour absolute end is
 * the same rule, tested in @cchc/auth with a clock). Without Chromium this fails at once naming the package: it never skips.
 */
import { requireTool } from "@cchc/testing/tools";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPasswords, type RunningServer, startServer } from "./support/server.js";

const UNIT = "cuc-bao-chi";
const OTHER = "cuc-vien-thong";

let server: RunningServer;
let shortSessions: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const executablePath = requireTool("chromium");
  [server, shortSessions] = await Promise.all([startServer(), startServer({ SESSION_IDLE_SECONDS: "3" })]);
  browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
    ],
  });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await Promise.all([server?.stop(), shortSessions?.stop()]);
});

/** A fresh browser profile (its own cookies). */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  contexts.push(context);
  return context.newPage();
}

const passwordOf = (on: RunningServer, user: string): string => {
  const password = demoPasswords(on.output()).get(user);
  if (password === undefined) throw new Error(`no password printed for ${user}:\n${on.output()}`);
  return password;
};

async function signIn(page: Page, user: string, password: string, on = server): Promise<void> {
  await page.goto(`${on.url}/login`);
  await page.fill("#user", user);
  await page.fill("#password", password);
  await page.click("form[action='/login'] button[type=submit]");
  await page.waitForLoadState("domcontentloaded");
}

describe("real sign-in in Chromium", () => {
  it("prints a password for every demo account on the first start", () => {
    const printed = demoPasswords(server.output());
    expect(printed.get("lead")).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(printed.get("viewer")).toBeDefined();
    expect(printed.get(UNIT)).toBeDefined();
    expect(printed.size).toBe(15);
  });

  it("a reporter signs in with the password and cannot open another unit's pages", async () => {
    const page = await newPage();
    await signIn(page, UNIT, passwordOf(server, UNIT));
    await expect.poll(() => page.url()).toMatch(new RegExp(`/units/${UNIT}$`));
    await expect
      .poll(() => page.locator("[data-testid=current-user]").textContent())
      .toContain("Cục Báo chí");
    const other = await page.goto(`${server.url}/units/${OTHER}`);
    expect(other?.status()).toBe(403);
    expect(await page.locator("main").textContent()).toContain(
      "Người báo cáo chỉ được xem trang của đơn vị mình",
    );
    expect((await page.goto(`${server.url}/overview`))?.status()).toBe(403);
    // The navigation offers no page the reporter may not open.
    await page.goto(`${server.url}/units/${UNIT}`);
    expect(await page.locator("header nav a[href='/overview']").count()).toBe(0);
  });

  it("refuses a wrong password and keeps the user on the login page", async () => {
    const page = await newPage();
    await signIn(page, UNIT, "sai-mật-khẩu-rồi-nhé");
    expect(page.url()).toMatch(/\/login$/);
    expect(await page.locator("#password-error").textContent()).toContain(
      "Tên đăng nhập hoặc mật khẩu không đúng.",
    );
    expect(await page.context().cookies()).toHaveLength(0);
  });

  it("locks the account after 5 wrong passwords, even against the right one", async () => {
    const page = await newPage();
    for (let i = 0; i < 5; i++) await signIn(page, OTHER, `sai-mật-khẩu-${i}-rồi-nhé`);
    expect(await page.locator("[data-testid=login-locked]").textContent()).toContain("Đăng nhập tạm khóa");
    await signIn(page, OTHER, passwordOf(server, OTHER));
    expect(page.url()).toMatch(/\/login$/);
    expect(await page.locator("[data-testid=login-locked]").count()).toBe(1);
    expect(await page.context().cookies()).toHaveLength(0);
  });

  it("sign-out revokes the session: its cookie, replayed in another browser, is refused", async () => {
    const page = await newPage();
    await signIn(page, "viewer", passwordOf(server, "viewer"));
    await expect.poll(() => page.url()).toMatch(/\/overview$/);
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).toEqual(["cchc_session"]);
    expect(cookies[0]?.httpOnly).toBe(true);
    await page.click("form[action='/logout'] button");
    await page.waitForURL(/\/login\?out$/);
    const replay = await newPage();
    await replay.context().addCookies(cookies);
    await replay.goto(`${server.url}/overview`);
    expect(replay.url()).toMatch(/\/login\?ended$/);
    expect(await replay.locator("[data-testid=session-ended]").count()).toBe(1);
  });

  it("a session the lead revokes (by disabling the account) is refused at the next click", async () => {
    const reporter = await newPage();
    const user = "cuc-an-toan-thong-tin";
    await signIn(reporter, user, passwordOf(server, user));
    await expect.poll(() => reporter.url()).toMatch(new RegExp(`/units/${user}$`));
    const lead = await newPage();
    await signIn(lead, "lead", passwordOf(server, "lead"));
    await lead.goto(`${server.url}/accounts`);
    await lead.click(`tr[data-user="${user}"] form[action$="/disable"] button`);
    await lead.waitForLoadState("domcontentloaded");
    expect(await lead.locator("[data-testid=accounts-notice]").textContent()).toContain(`Đã khóa ${user}`);
    await reporter.reload();
    expect(reporter.url()).toMatch(/\/login\?ended$/);
    await signIn(reporter, user, passwordOf(server, user));
    expect(reporter.url()).toMatch(/\/login$/);
  });

  it("an expired session is sent to the login page, which says that the session ended", async () => {
    const page = await newPage();
    await signIn(page, UNIT, passwordOf(shortSessions, UNIT), shortSessions);
    await expect.poll(() => page.url()).toMatch(new RegExp(`/units/${UNIT}$`));
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    await page.goto(`${shortSessions.url}/units/${UNIT}`);
    expect(page.url()).toMatch(/\/login\?ended$/);
    expect(await page.locator("[data-testid=session-ended]").textContent()).toContain(
      "Phiên đăng nhập đã kết thúc",
    );
    expect(await page.locator("#password").count()).toBe(1);
  });
});
