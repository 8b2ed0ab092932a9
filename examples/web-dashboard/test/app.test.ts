/**
 * The routes through Hono's `app.request()`, over an in-memory PGlite seeded with the demo data,
 * as of 10 January 2019 (every 2018 deadline has passed): sign-in, the pages, form posts with their
 * field messages, the core's permission rules (403 with the bilingual reason), downloads, and
 * failures that show a page without a stack trace.
 */
import type { Authenticator } from "@cchc/auth";
import { type Cchc, createCchc, MemoryStorage, PAR_COMMUNICATION_PRESET, type UnitReport } from "@cchc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { Dashboard } from "../src/dashboard.js";
import { DEMO_AGENCY_ID, DEMO_PLAN_ID, seedDemo } from "../src/demoData.js";
import type { Stores } from "../src/stores.js";
import { demoStores, emptyAuth, loginForm } from "./support/accounts.js";
import { readZipEntry, zipEntries } from "./support/zip.js";

const ORIGIN = "http://localhost";
const SECRET = "test-secret-0123456789abcdef0123456789abcdef";
const NOW = new Date("2019-01-10T09:00:00+07:00");

let cchc: Cchc;
let stores: Stores;
let auth: Authenticator;
let dashboard: Dashboard;
let app: ReturnType<typeof createApp>;
let ids = 0;
const logged: string[] = [];

beforeAll(async () => {
  ({ stores, auth } = await demoStores());
  cchc = stores.cchc;
  dashboard = new Dashboard({
    cchc,
    agencyId: DEMO_AGENCY_ID,
    planId: DEMO_PLAN_ID,
    scheme: PAR_COMMUNICATION_PRESET,
    now: () => NOW,
    newId: (kind) => `${kind}-test-${++ids}`,
  });
  app = createApp({ dashboard, auth, sessionSecret: SECRET, logError: (ref) => logged.push(ref) });
});

afterAll(async () => {
  await stores?.close();
});

/** Signs in through the login form and returns the session cookie. */
async function signIn(choice: string): Promise<string> {
  const res = await app.request("/login", {
    method: "POST",
    headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
    body: loginForm(choice),
  });
  expect(res.status).toBe(303);
  const cookie = res.headers.get("set-cookie") ?? "";
  expect(cookie).toMatch(/^cchc_session=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  return cookie.split(";")[0] as string;
}

const get = (path: string, cookie?: string) =>
  app.request(path, { headers: cookie === undefined ? {} : { Cookie: cookie } });

const post = (path: string, cookie: string, form: Record<string, string>) =>
  app.request(path, {
    method: "POST",
    headers: { Origin: ORIGIN, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });

const recordCount = (unitId: string) => cchc.records.count(DEMO_AGENCY_ID, DEMO_PLAN_ID, { unitId });
const reportsOf = async (unitId: string): Promise<UnitReport[]> =>
  (await cchc.reports.list(DEMO_AGENCY_ID, DEMO_PLAN_ID, { unitId })).map((r) => r.value);

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
};
/** HTML text as a reader sees it: entities decoded. */
const decode = (html: string) => html.replace(/&(quot|#39|lt|gt|amp);/g, (e) => ENTITIES[e] ?? e);

/** The text of the field message list under the input `name`, tags removed. */
function fieldError(html: string, name: string): string {
  const m = new RegExp(`<ul class="field-error" id="f-${name}-error"[^>]*>(.*?)</ul>`, "s").exec(html);
  return m ? decode((m[1] ?? "").replace(/<[^>]+>/g, "")) : "";
}

describe("sign-in", () => {
  it("sends an anonymous visitor to the login page, which asks for a user name and a password", async () => {
    const home = await get("/");
    expect(home.status).toBe(303);
    expect(home.headers.get("location")).toBe("/login");
    const res = await get("/login");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('name="user"');
    expect(html).toMatch(/name="password" type="password" autocomplete="current-password"/);
    // No list of roles anyone could pick any more.
    expect(html).not.toContain('value="reporter:');
    expect(html).not.toContain("Đăng nhập thử nghiệm");
  });

  it("refuses a wrong password or an unknown user alike (401), next to the field, and keeps the user out", async () => {
    for (const form of [loginForm("reporter:cuc-bao-chi", "sai-mật-khẩu-rồi"), loginForm("khong-co")]) {
      const res = await app.request("/login", {
        method: "POST",
        headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      });
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.text()).toContain("Tên đăng nhập hoặc mật khẩu không đúng.");
    }
  });

  it("locks sign-in after 5 failures of an account (429), even with the right password, and says until when", async () => {
    const attempt = (password?: string) =>
      app.request("/login", {
        method: "POST",
        headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: loginForm("reporter:cuc-vien-thong", password),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt("sai-mật-khẩu-rồi")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await attempt();
    expect(locked.status).toBe(429);
    expect(locked.headers.get("set-cookie")).toBeNull();
    expect(await locked.text()).toContain("Đăng nhập tạm khóa do nhập sai nhiều lần");
    // A lead's password reset lifts it.
    expect(await auth.resetPassword("cuc-vien-thong", "mật-khẩu-thử-2026")).toEqual({ kind: "reset" });
    expect((await attempt()).status).toBe(303);
  });

  it("ignores a forged session cookie", async () => {
    const res = await get("/overview", "cchc_session=lead.Zm9yZ2Vk");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login");
  });

  it("sends the lead to the overview and a reporter to the unit's page; signing out ends the session", async () => {
    const lead = await signIn("lead");
    expect((await get("/", lead)).headers.get("location")).toBe("/overview");
    const reporter = await signIn("reporter:cuc-bao-chi");
    expect((await get("/", reporter)).headers.get("location")).toBe("/units/cuc-bao-chi");
    const out = await post("/logout", reporter, {});
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/cchc_session=;/);
    // The session is revoked in the store: the old cookie, sent again, opens nothing.
    const again = await get("/units/cuc-bao-chi", reporter);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe("/login?ended");
    expect(await (await get("/login?ended")).text()).toContain("Phiên đăng nhập đã kết thúc");
  });

  it("keeps a reporter to their own unit by default; the agency setting all-units opens the others read-only", async () => {
    const reporter = await signIn("reporter:cuc-bao-chi");
    for (const path of [
      "/units/cuc-vien-thong",
      "/overview",
      "/download/score-sheet/html",
      "/download/period-report/html?period=2018Q1&unit=cuc-vien-thong",
      "/download/period-report/html?period=2018Q1",
    ]) {
      const res = await get(path, reporter);
      expect(res.status, path).toBe(403);
      expect(await res.text(), path).toContain("Người báo cáo chỉ được xem trang của đơn vị mình");
    }
    expect((await get("/units/cuc-bao-chi", reporter)).status).toBe(200);
    expect((await get("/plan", reporter)).status).toBe(200);
    const open = createApp({ dashboard, auth, sessionSecret: SECRET, reporterScope: "all-units" });
    const other = await open.request("/units/cuc-vien-thong", { headers: { Cookie: reporter } });
    expect(other.status).toBe(200);
    expect(await other.text()).not.toContain('data-testid="record-form"');
  });

  it("lets the lead create a unit's reporter, reset its password and disable it; others may not", async () => {
    const lead = await signIn("lead");
    const page = await get("/accounts", lead);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-user="cuc-bao-chi"');
    const weak = await post("/accounts", lead, {
      user: "bc-moi",
      role: "reporter",
      unit: "cuc-bao-chi",
      password: "ngắn",
    });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain("Mật khẩu cần ít nhất 12 ký tự.");
    const created = await post("/accounts", lead, {
      user: "Bao-Chi-2",
      role: "reporter",
      unit: "cuc-bao-chi",
      password: "mật-khẩu-mới-2026-x",
    });
    expect(created.status).toBe(200);
    expect(await created.text()).toContain("Đã tạo tài khoản bao-chi-2.");
    const login = (password: string) =>
      app.request("/login", {
        method: "POST",
        headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ user: "bao-chi-2", password }),
      });
    const first = await login("mật-khẩu-mới-2026-x");
    expect(first.status).toBe(303);
    const session = (first.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect((await get("/", session)).headers.get("location")).toBe("/units/cuc-bao-chi");
    expect(
      (await post("/accounts/bao-chi-2/password", lead, { password: "mật-khẩu-khác-2026-y" })).status,
    ).toBe(200);
    expect((await get("/units/cuc-bao-chi", session)).headers.get("location")).toBe("/login?ended");
    expect((await login("mật-khẩu-mới-2026-x")).status).toBe(401);
    const second = await login("mật-khẩu-khác-2026-y");
    expect(second.status).toBe(303);
    const secondSession = (second.headers.get("set-cookie") ?? "").split(";")[0] as string;
    expect((await post("/accounts/bao-chi-2/disable", lead, {})).status).toBe(200);
    expect((await get("/units/cuc-bao-chi", secondSession)).headers.get("location")).toBe("/login?ended");
    expect((await login("mật-khẩu-khác-2026-y")).status).toBe(401);
    // A reporter or a viewer cannot manage accounts; the lead cannot lock themself out.
    const reporter = await signIn("reporter:cuc-bao-chi");
    expect((await get("/accounts", reporter)).status).toBe(403);
    expect((await post("/accounts/cuc-bao-chi/disable", await signIn("viewer"), {})).status).toBe(403);
    expect((await post("/accounts/lead/disable", lead, {})).status).toBe(422);
  });

  it("refuses a form posted from another site (CSRF) with a bilingual page", async () => {
    const cookie = await signIn("reporter:cuc-bao-chi");
    const res = await app.request("/units/cuc-bao-chi/records", {
      method: "POST",
      headers: {
        Origin: "https://evil.example",
        Cookie: cookie,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ activityId: "cuc-bao-chi.1", date: "2018-05-01", output: "1" }),
    });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Yêu cầu bị từ chối");
    expect(html).toContain("cross-site request forgery");
  });

  it("asks a POST without a session to sign in again (401)", async () => {
    const res = await app.request("/units/cuc-bao-chi/records", {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ activityId: "cuc-bao-chi.1" }),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("Chưa đăng nhập");
  });
});

describe("the lead's pages", () => {
  it("shows the agency score with its explanations, the ranking with ties, and the reporting status per period", async () => {
    const html = await (await get("/overview", await signIn("lead"))).text();
    expect(html).toMatch(/data-testid="agency-points" data-points="3.5"/);
    // Explanations of the criteria, Vietnamese first with English alongside.
    // Vietnamese text in Vietnamese numbers, as the tables beside it (issue 18); English in English.
    expect(html).toContain("Tỷ lệ báo cáo = 19/24 = 79,17%, dưới mức thấp nhất 80% → 0 điểm.");
    expect(html).toContain("Số liệu tính đến 09 giờ 00, ngày 10/01/2019 (giờ Việt Nam)");
    expect(html).toContain("Figures as of 09:00 on 10/01/2019 (Vietnam time)");
    expect(html).toContain("Reporting rate = 19/24 = 79.17%, below the lowest threshold 80% → 0 points.");
    // Ranking: Văn phòng Bộ and Vụ Kế hoạch - Tài chính tie at rank 2, in Vietnamese name order.
    const rows = [...html.matchAll(/<tr data-unit="([^"]+)"><td class="num">(\d+)<\/td>/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(rows.slice(0, 5)).toEqual([
      ["cuc-bao-chi", "1"],
      ["van-phong-bo", "2"],
      ["vu-ke-hoach-tai-chinh", "2"],
      ["bao-buu-dien-viet-nam", "4"],
      ["bao-vietnamnet", "4"],
    ]);
    // Status table: 4 reporters × 6 periods: 15 on time, 4 late, 5 missing.
    const table = html.slice(html.indexOf('data-testid="reporting-status"'));
    const states = [...table.matchAll(/data-state="([a-z-]+)"/g)].map((m) => m[1]);
    expect(states).toHaveLength(24);
    expect(states.filter((s) => s === "on-time")).toHaveLength(15);
    expect(states.filter((s) => s === "late")).toHaveLength(4);
    expect(states.filter((s) => s === "missing")).toHaveLength(5);
    expect(table).toContain("hạn 19/03/2018");
  });

  it("shows the plan as issued and the reporting calendar with its deadlines", async () => {
    const lead = await signIn("lead");
    const plan = await (await get("/plan", lead)).text();
    // Decree 30: the trích yếu in lower case (the seed writes it in capitals).
    expect(plan).toContain("Tuyên truyền cải cách hành chính năm 2018 của Bộ Thông tin và Truyền thông");
    expect(plan).toContain("Lưu: VT, TCCB (50b)");
    expect(plan).toContain('href="/download/plan/md"');
    const calendar = await (await get("/calendar", lead)).text();
    for (const due of ["19/03/2018", "19/06/2018", "19/09/2018", "19/12/2018"])
      expect(calendar).toContain(due);
    expect(calendar).toContain("Nghị định số 09/2019/NĐ-CP");
  });

  it("answers an unknown unit or page with a bilingual 404", async () => {
    const lead = await signIn("lead");
    const unit = await get("/units/khong-co", lead);
    expect(unit.status).toBe(404);
    expect(decode(await unit.text())).toContain('Không có đơn vị "khong-co" trong kế hoạch.');
    expect((await get("/khong-co-trang-nay", lead)).status).toBe(404);
    const post404 = await post("/units/khong-co/records", lead, { activityId: "x" });
    expect(post404.status).toBe(404);
  });
});

describe("permissions (the core's policy)", () => {
  it("refuses a reporter of unit A posting a result for unit B with a 403 and the reason in both languages", async () => {
    const cookie = await signIn("reporter:cuc-bao-chi");
    const before = await recordCount("cuc-vien-thong");
    const res = await post("/units/cuc-vien-thong/records", cookie, {
      activityId: "cuc-vien-thong.1",
      date: "2018-05-02",
      output: "1",
    });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toContain("Không được phép");
    expect(html).toContain(
      "Người báo cáo của đơn vị &quot;cuc-bao-chi&quot; chỉ được thao tác cho đơn vị mình, không phải &quot;cuc-vien-thong&quot;.",
    );
    expect(html).toContain(
      "A reporter of &quot;cuc-bao-chi&quot; acts only for that unit, not &quot;cuc-vien-thong&quot;.",
    );
    expect(await recordCount("cuc-vien-thong")).toBe(before);
  });

  it("refuses a reporter submitting another unit's report", async () => {
    const cookie = await signIn("reporter:cuc-bao-chi");
    const res = await post("/units/cuc-thong-tin-co-so/reports", cookie, { periodId: "2018Q4" });
    expect(res.status).toBe(403);
    expect(await reportsOf("cuc-thong-tin-co-so")).toHaveLength(4);
  });

  it("refuses a viewer any change, and shows no forms to a viewer or to another unit's reporter", async () => {
    const viewer = await signIn("viewer");
    const res = await post("/units/cuc-bao-chi/records", viewer, { activityId: "cuc-bao-chi.1" });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Người xem chỉ được xem, không được thay đổi dữ liệu.");
    const page = await (await get("/units/cuc-bao-chi", viewer)).text();
    expect(page).not.toContain('data-testid="record-form"');
    const own = await (await get("/units/cuc-bao-chi", await signIn("reporter:cuc-bao-chi"))).text();
    expect(own).toContain('data-testid="record-form"');
    expect(own).toContain('data-testid="report-form"');
  });
});

describe("recording a result", () => {
  it("puts every message next to its field, keeps what was typed, and stores nothing", async () => {
    const cookie = await signIn("reporter:cuc-an-toan-thong-tin");
    const before = await recordCount("cuc-an-toan-thong-tin");
    const res = await post("/units/cuc-an-toan-thong-tin/records", cookie, {
      activityId: "cuc-an-toan-thong-tin.2",
      date: "2017-11-30",
      output: "-2",
      participants: "nhiều",
      costVnd: "1.500.000,5",
      evidenceUrl: "ftp://example.org/x",
      note: "Ghi chú <b>đậm</b>",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(fieldError(html, "date")).toContain("Ngày 2017-11-30 nằm ngoài năm kế hoạch 2018.");
    expect(fieldError(html, "output")).toContain("phải ≥ 0");
    expect(fieldError(html, "participants")).toContain("Cần nhập một số");
    expect(fieldError(html, "costVnd")).toContain("cần số nguyên");
    expect(fieldError(html, "evidenceUrl")).toContain("http:// hoặc https://");
    expect(fieldError(html, "evidenceUrl")).toContain("full web address");
    expect(fieldError(html, "note")).toBe("");
    expect(html).toContain('value="1.500.000,5"');
    expect(html).toContain('value="ftp://example.org/x"');
    expect(html).toContain("Ghi chú &lt;b&gt;đậm&lt;/b&gt;");
    expect(html).toContain('<option value="cuc-an-toan-thong-tin.2" selected="">');
    expect(html).toContain("Chưa lưu: có 5 lỗi");
    expect(await recordCount("cuc-an-toan-thong-tin")).toBe(before);
  });

  it("says which field is missing", async () => {
    const cookie = await signIn("reporter:cuc-an-toan-thong-tin");
    const html = await (await post("/units/cuc-an-toan-thong-tin/records", cookie, {})).text();
    for (const field of ["activityId", "date", "output"])
      expect(fieldError(html, field)).toContain("Bắt buộc nhập.");
  });

  it("refuses an activity of another unit", async () => {
    const cookie = await signIn("reporter:cuc-an-toan-thong-tin");
    const html = await (
      await post("/units/cuc-an-toan-thong-tin/records", cookie, {
        activityId: "cuc-bao-chi.1",
        date: "2018-05-02",
        output: "1",
      })
    ).text();
    expect(fieldError(html, "activityId")).toContain(
      'Hoạt động "cuc-bao-chi.1" thuộc đơn vị "cuc-bao-chi", không phải "cuc-an-toan-thong-tin".',
    );
  });

  it("stores a valid result (Vietnamese number formats accepted), escapes its text, and the progress moves", async () => {
    const cookie = await signIn("reporter:cuc-an-toan-thong-tin");
    const before = await recordCount("cuc-an-toan-thong-tin");
    const res = await post("/units/cuc-an-toan-thong-tin/records", cookie, {
      activityId: "cuc-an-toan-thong-tin.2",
      date: "2018-11-20",
      output: "1",
      participants: "150",
      costVnd: "2.500.000 đ",
      evidenceUrl: "https://example.org/hoi-nghi",
      note: "<script>alert('x')</script> Hội nghị",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/units/cuc-an-toan-thong-tin?saved=record#record");
    expect(await recordCount("cuc-an-toan-thong-tin")).toBe(before + 1);
    const stored = await cchc.records.get(DEMO_AGENCY_ID, DEMO_PLAN_ID, `record-test-${ids}`);
    expect(stored.value).toMatchObject({
      output: 1,
      participants: 150,
      costVnd: 2_500_000,
      unitId: "cuc-an-toan-thong-tin",
    });
    const page = await (await get("/units/cuc-an-toan-thong-tin?saved=record", cookie)).text();
    expect(page).toContain("Đã ghi kết quả thực hiện.");
    expect(page).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Hội nghị");
    expect(page).not.toContain("<script>alert");
    expect(page).toMatch(/data-testid="achieved-cuc-an-toan-thong-tin.2">3</);
  });

  it("shows the lead a 422, not a crash, for a body that is no form", async () => {
    const lead = await signIn("lead");
    const res = await app.request("/units/cuc-bao-chi/records", {
      method: "POST",
      headers: { Origin: ORIGIN, Cookie: lead, "Content-Type": "application/json" },
      body: JSON.stringify({ activityId: "cuc-bao-chi.1", date: "2018-01-05", output: 1 }),
    });
    expect(res.status).toBe(422);
    expect(fieldError(await res.text(), "date")).toContain("Bắt buộc nhập.");
  });

  it("answers a form body that cannot be read with a 400 page", async () => {
    const cookie = await signIn("reporter:cuc-bao-chi");
    const res = await app.request("/units/cuc-bao-chi/records", {
      method: "POST",
      headers: { Origin: ORIGIN, Cookie: cookie, "Content-Type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="note"\r\n\r\nunterminated',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Dữ liệu gửi lên không đọc được");
  });

  it("starts a fresh record form on today's date when today is inside the plan year", async () => {
    const in2018 = createApp({
      dashboard: new Dashboard({
        cchc,
        agencyId: DEMO_AGENCY_ID,
        planId: DEMO_PLAN_ID,
        scheme: PAR_COMMUNICATION_PRESET,
        now: () => new Date("2018-10-05T15:00:00Z"),
      }),
      auth,
      sessionSecret: SECRET,
    });
    const login = await in2018.request("/login", {
      method: "POST",
      headers: { Origin: ORIGIN, "Content-Type": "application/x-www-form-urlencoded" },
      body: loginForm("reporter:cuc-bao-chi"),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const html = await (await in2018.request("/units/cuc-bao-chi", { headers: { Cookie: cookie } })).text();
    expect(html).toMatch(/name="date" type="date" value="2018-10-05"/);
    const later = await (await get("/units/cuc-bao-chi", await signIn("reporter:cuc-bao-chi"))).text();
    expect(later).toMatch(/name="date" type="date" value=""/);
  });

  it("refuses a body over 64 KiB", async () => {
    const cookie = await signIn("reporter:cuc-bao-chi");
    const res = await post("/units/cuc-bao-chi/records", cookie, { note: "x".repeat(70_000) });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Dữ liệu quá lớn");
  });
});

describe("submitting a period report", () => {
  it("refuses an unknown period next to the field", async () => {
    const cookie = await signIn("reporter:cuc-thong-tin-co-so");
    const res = await post("/units/cuc-thong-tin-co-so/reports", cookie, { periodId: "2018Q9" });
    expect(res.status).toBe(422);
    expect(fieldError(await res.text(), "periodId")).toContain(
      'Kỳ báo cáo "2018Q9" không có trong lịch báo cáo năm 2018.',
    );
  });

  it("stores the report stamped in Vietnam time with the activities it covers; the status and score change", async () => {
    const lead = await signIn("lead");
    const before = await (await get("/overview", lead)).text();
    expect(before).toMatch(/data-testid="agency-points" data-points="3.5"/);
    const cookie = await signIn("reporter:cuc-thong-tin-co-so");
    const res = await post("/units/cuc-thong-tin-co-so/reports", cookie, {
      periodId: "2018Q4",
      summary: "Hoàn thành chỉ tiêu quý IV",
    });
    expect(res.status).toBe(303);
    const report = (await reportsOf("cuc-thong-tin-co-so")).find((r) => r.periodId === "2018Q4");
    expect(report?.submittedAt).toBe("2019-01-10T09:00:00+07:00");
    expect(report?.activityIds).toEqual(["cuc-thong-tin-co-so.2"]);
    const page = await (await get("/units/cuc-thong-tin-co-so", cookie)).text();
    expect(page).toMatch(/<tr data-period="2018Q4">.*?data-state="late"/s);
    expect(page).toContain("Muộn 22 ngày");
    // 20 of 24 reports now: the reporting rate reaches 80 % and earns 0.25 points.
    const after = await (await get("/overview", lead)).text();
    expect(after).toMatch(/data-testid="agency-points" data-points="3.75"/);
  });
});

describe("downloads through the format registry", () => {
  it("downloads the plan, a unit's period report, the score sheet and the calendar as Markdown and HTML", async () => {
    const lead = await signIn("lead");
    const plan = await get("/download/plan/md", lead);
    expect(plan.status).toBe(200);
    expect(plan.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(plan.headers.get("content-disposition")).toBe('attachment; filename="ke-hoach-mic-2018.md"');
    expect(await plan.text()).toContain(
      "Tuyên truyền cải cách hành chính năm 2018 của Bộ Thông tin và Truyền thông",
    );
    const report = await get("/download/period-report/html?period=2018Q1&unit=cuc-bao-chi", lead);
    expect(report.headers.get("content-disposition")).toBe(
      'inline; filename="bao-cao-2018q1-cuc-bao-chi.html"',
    );
    const reportHtml = await report.text();
    expect(reportHtml).toContain("Cục Báo chí");
    expect(reportHtml).toContain("quý I năm 2018");
    const sheet = await (await get("/download/score-sheet/md", lead)).text();
    expect(sheet).toContain("XẾP HẠNG CÁC ĐƠN VỊ");
    const calendar = await (await get("/download/calendar/md", lead)).text();
    expect(calendar).toContain("19/12/2018");
  });

  it("downloads Word, PDF, Excel and iCalendar files from the exporter packages", async () => {
    const lead = await signIn("lead");
    const docx = await get("/download/plan/docx", lead);
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(docx.headers.get("content-disposition")).toBe('attachment; filename="ke-hoach-mic-2018.docx"');
    const docxBytes = Buffer.from(await docx.arrayBuffer());
    const xml = readZipEntry(docxBytes, "word/document.xml")?.toString("utf8") ?? "";
    expect(xml.replace(/<[^>]+>/g, "")).toContain(
      "Tuyên truyền cải cách hành chính năm 2018 của Bộ Thông tin và Truyền thông",
    );
    const pdf = await get("/download/period-report/pdf?period=2018Q1&unit=cuc-bao-chi", lead);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    const xlsx = await get("/download/score-sheet/xlsx", lead);
    expect(xlsx.headers.get("content-disposition")).toBe('attachment; filename="bang-diem-mic-2018.xlsx"');
    const xlsxBytes = Buffer.from(await xlsx.arrayBuffer());
    expect(zipEntries(xlsxBytes)).toContain("xl/workbook.xml");
    const ics = await (await get("/download/calendar/ics", lead)).text();
    expect(ics.startsWith("BEGIN:VCALENDAR")).toBe(true);
    expect(ics).toContain("DTSTART;VALUE=DATE:20180319");
    // iCalendar has no score sheet: not offered, and refused if asked for.
    expect((await get("/download/score-sheet/ics", lead)).status).toBe(404);
    const overview = await (await get("/overview", lead)).text();
    const offered = [...overview.slice(overview.indexOf("Bảng điểm")).matchAll(/data-format="([a-z]+)"/g)]
      .slice(0, 5)
      .map((m) => m[1]);
    expect(offered).toEqual(["docx", "pdf", "xlsx", "md", "html"]);
  });

  it("answers an unknown kind, format, period or unit with 404", async () => {
    const lead = await signIn("lead");
    expect((await get("/download/plan/odt", lead)).status).toBe(404);
    expect((await get("/download/budget/md", lead)).status).toBe(404);
    expect((await get("/download/period-report/md?period=2018Q7", lead)).status).toBe(404);
    expect((await get("/download/period-report/md?period=2018Q1&unit=khong-co", lead)).status).toBe(404);
  });
});

describe("failures", () => {
  it("shows a 500 page with a reference and no stack trace when the store fails", async () => {
    const broken = await createCchc({ storage: MemoryStorage.layer() });
    await seedDemo(broken, DEMO_AGENCY_ID);
    const errors: string[] = [];
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
      logError: (ref) => errors.push(ref),
    });
    await broken.close();
    const res = await failing.request("/login");
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain("Có lỗi xảy ra");
    expect(html).toContain("Something went wrong");
    expect(html).not.toMatch(/\n\s+at /);
    expect(html).not.toContain(".ts:");
    expect(errors).toHaveLength(1);
    expect(html).toContain(`Mã tham chiếu: ${errors[0]}`);
  });

  it("refuses a session secret that is too short", () => {
    expect(() =>
      createApp({
        dashboard: new Dashboard({
          cchc,
          agencyId: DEMO_AGENCY_ID,
          planId: DEMO_PLAN_ID,
          scheme: PAR_COMMUNICATION_PRESET,
          now: () => NOW,
        }),
        auth,
        sessionSecret: "short",
      }),
    ).toThrow(/32/);
  });
});
