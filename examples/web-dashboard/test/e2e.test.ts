/**
 * End to end in headless Chromium (Debian's /usr/bin/chromium through playwright-core): the
 * dashboard runs as `pnpm start` runs it, on a free port with PGlite in a temporary folder. A
 * unit's reporter records a result (after a bad input is refused next to its field) and submits
 * a report; the lead then sees the scores go up and downloads the plan as DOCX, opens the calendar,
 * a 404 page and the HTML export. Throughout, the browser records no Content-Security-Policy
 * violation (the policy does not break the app) and no page error. Screenshots go to
 * test-results/. Without Chromium (Debian's chromium, which `pnpm test` installs when it can) this
 * test fails at once naming the package to install: it never skips.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { summaryLine } from "@cchc/core";
import { requireTool } from "@cchc/testing/tools";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PLAN_ID, demoPlan } from "../src/demoData.js";
import { demoPasswords, type RunningServer, startServer } from "./support/server.js";
import { readZipEntry } from "./support/zip.js";

const SHOTS = fileURLToPath(new URL("../test-results/", import.meta.url));
const UNIT = "cuc-thong-tin-co-so";
const ACTIVITY = `${UNIT}.2`;

let server: RunningServer;
let context: BrowserContext;
let userDataDir: string;

beforeAll(async () => {
  const executablePath = requireTool("chromium");
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer();
  userDataDir = mkdtempSync(join(tmpdir(), "cchc-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    viewport: { width: 1366, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Signs in with a demo account's printed password ("lead", "viewer", "reporter:<unit>"). */
async function signInAs(page: Page, choice: string): Promise<void> {
  const user = choice.replace(/^reporter:/, "");
  const password = demoPasswords(server.output()).get(user);
  if (password === undefined)
    throw new Error(`the dashboard printed no password for ${user}:\n${server.output()}`);
  await page.goto(`${server.url}/login`);
  await page.fill("#user", user);
  await page.fill("#password", password);
  await page.click("form[action='/login'] button[type=submit]");
  await page.waitForLoadState("domcontentloaded");
}

async function signOut(page: Page): Promise<void> {
  await page.click("form[action='/logout'] button");
  await page.waitForURL(/\/login\?out$/);
}

/** A number as the page writes it ("4,25") read back. */
const pointsOf = async (page: Page, selector: string): Promise<number> => {
  const raw = await page.locator(selector).first().getAttribute("data-points");
  if (raw === null) throw new Error(`no data-points on ${selector}`);
  return Number(raw);
};

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** The one browser function the test calls in the page (the test's types have no DOM). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { textAlign: string };
}

/**
 * What the browser says against the pages' policies, on every document the page shows: the
 * console lines Chromium writes for each refused resource, the `securitypolicyviolation` events
 * (an init script, which the policy cannot block, logs them), uncaught page errors.
 */
async function watchViolations(page: Page): Promise<() => string[]> {
  await page.addInitScript({
    content: `document.addEventListener("securitypolicyviolation", (e) =>
      console.error("securitypolicyviolation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline")));`,
  });
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/content.security.policy|securitypolicyviolation|permissions.policy/i.test(m.text()))
      seen.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => seen.push(`${page.url()}: page error: ${e.message}`));
  return () => [...seen];
}

describe("dashboard in Chromium", () => {
  it("a reporter records a result and submits a report; the lead sees the scores change and downloads the plan", async () => {
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const policies: string[] = [];
    page.on("response", (r) => {
      if (r.request().resourceType() === "document")
        policies.push(r.headers()["content-security-policy"] ?? `none on ${r.url()}`);
    });

    // The lead's starting point.
    await signInAs(page, "lead");
    await expect.poll(() => page.url()).toMatch(/\/overview$/);
    await expect
      .poll(() => page.locator("[data-testid=current-user]").textContent())
      .toBe("Vụ Tổ chức cán bộ");
    const agencyBefore = await pointsOf(page, "[data-testid=agency-points]");
    const unitRow = page.locator(`[data-testid=ranking] tr[data-unit="${UNIT}"]`);
    const unitBefore = await unitRow.locator(`[data-testid="points-${UNIT}"]`).textContent();
    expect(await page.locator("[data-testid=reporting-status] .badge.missing").count()).toBeGreaterThan(0);
    await shot(page, "01-lead-overview-before");
    await signOut(page);

    // The reporter of Cục Thông tin cơ sở lands on the unit's page.
    await signInAs(page, `reporter:${UNIT}`);
    await expect.poll(() => page.url()).toMatch(new RegExp(`/units/${UNIT}$`));
    const scoreBefore = await pointsOf(page, "[data-testid=unit-score]");
    await expect.poll(() => page.locator(`[data-testid="achieved-${ACTIVITY}"]`).textContent()).toBe("6");

    // Bad input: a date outside the plan year, text for a number, a link that is no link.
    const form = page.locator("[data-testid=record-form]");
    await form.locator("#f-activityId").selectOption(ACTIVITY);
    await form.locator("#f-date").fill("2017-05-01");
    await form.locator("#f-output").fill("hai");
    await form.locator("#f-costVnd").fill("1.000.000");
    await form.locator("#f-evidenceUrl").fill("khong-phai-duong-dan");
    await form.locator("button[type=submit]").click();
    await page.waitForLoadState("domcontentloaded");
    const dateError = page.locator(".field:has(#f-date) #f-date-error");
    await expect.poll(() => dateError.textContent()).toContain("nằm ngoài năm kế hoạch 2018");
    await expect.poll(() => dateError.textContent()).toContain("outside the plan year 2018");
    await expect
      .poll(() => page.locator(".field:has(#f-output) #f-output-error").textContent())
      .toContain("Cần nhập một số");
    await expect
      .poll(() => page.locator(".field:has(#f-evidenceUrl) #f-evidenceUrl-error").textContent())
      .toContain("http://");
    expect(await page.locator("#f-evidenceUrl").inputValue()).toBe("khong-phai-duong-dan");
    expect(await page.locator("#f-costVnd").inputValue()).toBe("1.000.000");
    expect(await page.locator("#f-activityId").inputValue()).toBe(ACTIVITY);
    expect(await page.locator("#f-note-error").count()).toBe(0);
    await page.locator("#f-date").scrollIntoViewIfNeeded();
    await shot(page, "02-reporter-bad-input");

    // Corrected, the result is recorded.
    await page.locator("#f-date").fill("2018-12-12");
    await page.locator("#f-output").fill("2");
    await page.locator("#f-participants").fill("");
    await page.locator("#f-evidenceUrl").fill("https://example.org/cchc-2018/cuc-thong-tin-co-so/bai-moi");
    await page.locator("#f-note").fill("Hai bài về một cửa điện tử — ghi từ trình duyệt");
    await page.locator("[data-testid=record-form] button[type=submit]").click();
    await page.waitForURL(/saved=record/);
    await expect.poll(() => page.locator(`[data-testid="achieved-${ACTIVITY}"]`).textContent()).toBe("8");
    expect(await page.locator("[data-testid=records]").textContent()).toContain("Hai bài về một cửa điện tử");

    // The report for the fourth quarter, which was missing.
    const reportRow = page.locator('[data-testid=unit-reports] tr[data-period="2018Q4"]');
    expect(await reportRow.locator(".badge").getAttribute("data-state")).toBe("missing");
    await page.locator("#f-periodId").selectOption("2018Q4");
    await page.locator("#f-summary").fill("Đã hoàn thành chỉ tiêu tin, bài quý IV.");
    await page.locator("[data-testid=report-form] button[type=submit]").click();
    await page.waitForURL(/saved=report/);
    expect(await reportRow.locator(".badge").getAttribute("data-state")).toBe("late");
    const scoreAfter = await pointsOf(page, "[data-testid=unit-score]");
    expect(scoreAfter).toBeGreaterThan(scoreBefore);
    await shot(page, "03-reporter-after-submit");

    // Another unit's page shows no forms to this reporter.
    await page.goto(`${server.url}/units/cuc-bao-chi`);
    expect(await page.locator("[data-testid=record-form]").count()).toBe(0);
    await signOut(page);

    // The lead sees the change.
    await signInAs(page, "lead");
    await expect.poll(() => page.url()).toMatch(/\/overview$/);
    const agencyAfter = await pointsOf(page, "[data-testid=agency-points]");
    expect(agencyAfter).toBeGreaterThan(agencyBefore);
    const unitAfter = await unitRow.locator(`[data-testid="points-${UNIT}"]`).textContent();
    expect(unitAfter).not.toBe(unitBefore);
    expect(
      await page
        .locator(`[data-testid=reporting-status] tr[data-unit="${UNIT}"] td[data-period="2018Q4"] .badge`)
        .getAttribute("data-state"),
    ).toBe("late");
    await shot(page, "04-lead-overview-after");

    // The plan as a Word file (Decree 30 layout), from the plan page's download links.
    await page.goto(`${server.url}/plan`);
    await shot(page, "05-plan");
    const offered = await page
      .locator(".downloads a.dl")
      .evaluateAll((links) => links.map((a) => a.getAttribute("data-format") ?? ""));
    expect(offered).toEqual(["docx", "pdf", "xlsx", "ics", "md", "html"]);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('.downloads a.dl[data-format="docx"]'),
    ]);
    expect(download.suggestedFilename()).toBe(`ke-hoach-${DEMO_PLAN_ID}.docx`);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const xml = readZipEntry(bytes, "word/document.xml");
    expect(xml, "word/document.xml in the DOCX").toBeDefined();
    const text = (xml ?? Buffer.alloc(0)).toString("utf8").replace(/<[^>]+>/g, "");
    // the trích yếu as Decree 30 writes it (issue 18): lower case, though the data keeps its capitals
    expect(text).toContain(summaryLine(demoPlan()));
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");

    // The other pages, a 404, and the HTML export shown in the browser (its own policy).
    await page.goto(`${server.url}/calendar`);
    expect(violations()).toEqual([]);
    await page.goto(`${server.url}/units/${UNIT}`);
    expect(violations()).toEqual([]);
    const missing = await page.goto(`${server.url}/khong-co-trang-nay`);
    expect(missing?.status()).toBe(404);
    expect(violations()).toEqual([]);
    await page.goto(`${server.url}/download/plan/html`);
    await expect
      .poll(() => page.locator("body").textContent())
      .toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    // Its style sheet applied (allowed by hash): the title is centred.
    expect(
      await page
        .locator(".title")
        .first()
        .evaluate((e) => (globalThis as unknown as BrowserWindow).getComputedStyle(e).textAlign),
    ).toBe("center");
    await shot(page, "06-plan-html-export");

    expect(violations()).toEqual([]);
    expect(policies.length).toBeGreaterThan(10);
    for (const policy of policies) expect(policy).toMatch(/default-src '(self|none)'/);
    await page.close();
  });
});
