/**
 * The web application: routes, the session, form posts and downloads. `createApp` takes its
 * dependencies (the dashboard over a store, the session secret, the format registry), so tests
 * call it with `app.request()` and `main.ts` serves it with @hono/node-server.
 */
import { readFileSync } from "node:fs";
import type { Authenticator } from "@cchc/auth";
import {
  authorize,
  type ExportKind,
  type ExportRequest,
  type LocalizedText,
  officialDocument,
  type PermissionDenied,
  type Plan,
  planCalendar,
} from "@cchc/core";
import * as Result from "effect/Result";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import type { Dashboard } from "./dashboard.js";
import { FormatRegistry } from "./exportFormats.js";
import { exportedHtmlPolicy, securityHeaders } from "./securityHeaders.js";
import {
  clearSessionCookie,
  currentUser,
  mayRead,
  type ReporterScope,
  reporterUnits,
  type SessionUser,
  sessionToken,
  setSessionCookie,
} from "./session.js";
import { type AccountsNotice, AccountsPage } from "./views/accounts.js";
import { ErrorPage } from "./views/error.js";
import { LoginPage } from "./views/login.js";
import { OverviewPage } from "./views/overview.js";
import { CalendarPage, PlanPage } from "./views/plan.js";
import { type FormState, UnitPage } from "./views/unit.js";

/** What the app is built from. */
export interface AppOptions {
  readonly dashboard: Dashboard;
  /** Passwords, sessions, lockout and accounts (over the `Accounts` port of the plan's store). */
  readonly auth: Authenticator;
  /** Signs the session cookie (which carries only the session's random token); at least 32 characters. */
  readonly sessionSecret: string;
  /** Whether a reporter may read other units' pages (default "own-unit"). */
  readonly reporterScope?: ReporterScope;
  /**
   * The client's address, for the per-address lockout (default: the socket's remote address from
   * @hono/node-server; behind a proxy, pass one that reads the proxy's header).
   */
  readonly clientAddress?: (c: Context) => string;
  readonly formats?: FormatRegistry;
  /** Mark the cookie `Secure` (serve over HTTPS). */
  readonly secureCookies?: boolean;
  /**
   * Served over HTTPS (directly or behind a TLS proxy): send Strict-Transport-Security.
   * Default: `secureCookies`.
   */
  readonly https?: boolean;
  /** Where unexpected errors are logged (default: stderr). */
  readonly logError?: (reference: string, error: unknown) => void;
}

type Env = { Variables: { user: SessionUser | undefined; plan: Plan; sessionEnded: boolean } };

const KINDS: readonly ExportKind[] = ["plan", "period-report", "score-sheet", "calendar"];

const STYLE = readFileSync(new URL("../public/style.css", import.meta.url), "utf8");

const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/** Builds the Hono application. */
export function createApp(options: AppOptions): Hono<Env> {
  const { dashboard, sessionSecret, auth } = options;
  const scope = options.reporterScope ?? "own-unit";
  const clientAddress = options.clientAddress ?? socketAddress;
  if (sessionSecret.length < 32)
    throw new Error("khóa phiên cần ít nhất 32 ký tự / the session secret needs at least 32 characters");
  const formats = options.formats ?? new FormatRegistry();
  const logError =
    options.logError ??
    ((reference: string, error: unknown) =>
      console.error(`[${reference}]`, error instanceof Error ? error.stack : error));
  const app = new Hono<Env>();

  const page = (
    c: Context<Env>,
    status: number,
    title: LocalizedText,
    message: LocalizedText,
    reference?: string,
  ) =>
    c.html(
      <ErrorPage
        status={status}
        title={title}
        message={message}
        user={c.get("user")}
        reference={reference}
      />,
      status as 400,
    );
  const denied = (c: Context<Env>, error: PermissionDenied) =>
    page(c, 403, text("Không được phép", "Not allowed"), error.reason);
  const notFound = (c: Context<Env>, message: LocalizedText) =>
    page(c, 404, text("Không tìm thấy", "Not found"), message);

  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status === 403)
      return page(
        c,
        403,
        text("Yêu cầu bị từ chối", "Request refused"),
        text(
          "Biểu mẫu phải được gửi từ chính trang của ứng dụng (chống giả mạo yêu cầu, CSRF).",
          "Forms must be sent from the application's own pages (cross-site request forgery protection).",
        ),
      );
    if (err instanceof HTTPException && err.status === 413)
      return page(
        c,
        413,
        text("Dữ liệu quá lớn", "Too large"),
        text("Nội dung gửi lên quá lớn.", "The request body is too large."),
      );
    const reference = crypto.randomUUID().slice(0, 8);
    logError(reference, err);
    return page(
      c,
      500,
      text("Có lỗi xảy ra", "Something went wrong"),
      text(
        "Máy chủ gặp lỗi khi xử lý yêu cầu; dữ liệu đã nhập chưa được lưu. Hãy thử lại hoặc báo quản trị viên kèm mã tham chiếu.",
        "The server failed to handle the request; nothing was saved. Try again, or tell the administrator the reference.",
      ),
      reference,
    );
  });
  app.notFound((c) => notFound(c, text("Trang này không tồn tại.", "This page does not exist.")));

  // First, so that every response gets them, an error page too: a middleware further in sees the
  // response onError made for a failure below it.
  app.use(securityHeaders({ https: options.https ?? options.secureCookies ?? false }));
  // Hono hands only Error instances to onError; a failure thrown as anything else becomes one.
  app.use(async (_c, next) => {
    try {
      await next();
    } catch (error) {
      throw error instanceof Error ? error : new Error(String(error), { cause: error });
    }
  });
  app.use(csrf());
  app.use(
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw new HTTPException(413);
      },
    }),
  );

  app.get("/static/style.css", (c) => {
    c.header("Content-Type", "text/css; charset=utf-8");
    c.header("Cache-Control", "public, max-age=3600");
    return c.body(STYLE);
  });
  app.get("/healthz", (c) => c.json({ ok: true }));

  // Every other route knows the plan and who is signed in.
  app.use(async (c, next) => {
    const plan = await dashboard.plan();
    c.set("plan", plan);
    const { user, ended } = await currentUser(c, sessionSecret, plan, auth, scope);
    c.set("user", user);
    c.set("sessionEnded", ended);
    await next();
  });

  /** The posted form; a body that cannot be read at all (broken multipart) is a 400 page. */
  const readForm = async (c: Context<Env>): Promise<Record<string, unknown> | Response> => {
    try {
      return await c.req.parseBody();
    } catch {
      return page(
        c,
        400,
        text("Dữ liệu gửi lên không đọc được", "Unreadable request"),
        text(
          "Không đọc được nội dung biểu mẫu; hãy gửi lại từ trang của ứng dụng.",
          "The form could not be read; send it again from the application's page.",
        ),
      );
    }
  };

  app.get("/login", (c) => {
    const q = c.req.query();
    const notice =
      "ended" in q ? { kind: "ended" as const } : "out" in q ? { kind: "signed-out" as const } : undefined;
    return c.html(<LoginPage plan={c.get("plan")} notice={notice} />);
  });
  app.post("/login", async (c) => {
    const body = await readForm(c);
    if (body instanceof Response) return body;
    const userName = typeof body.user === "string" ? body.user.slice(0, 200) : "";
    const password = typeof body.password === "string" ? body.password.slice(0, 1024) : "";
    const plan = c.get("plan");
    const r = await auth.signIn({ userName, password, address: clientAddress(c) });
    if (r.kind === "locked")
      return c.html(
        <LoginPage plan={plan} notice={{ kind: "locked", until: r.until }} userName={userName} />,
        429,
      );
    if (r.kind === "refused")
      return c.html(<LoginPage plan={plan} notice={{ kind: "refused" }} userName={userName} />, 401);
    if (
      r.actor.role === "reporter" &&
      !plan.units.some((u) => u.id === (r.actor as { unitId: string }).unitId)
    ) {
      await auth.signOut(r.token);
      return c.html(<LoginPage plan={plan} notice={{ kind: "refused" }} userName={userName} />, 401);
    }
    await setSessionCookie(c, sessionSecret, r.token, auth.sessions.maxAgeMs, options.secureCookies ?? false);
    return c.redirect("/", 303);
  });
  app.post("/logout", async (c) => {
    await auth.signOut(await sessionToken(c, sessionSecret));
    clearSessionCookie(c);
    return c.redirect("/login?out", 303);
  });

  // Below: signed-in users only.
  app.use(async (c, next) => {
    if (c.get("user")) return next();
    if (c.req.method === "GET" || c.req.method === "HEAD")
      return c.redirect(c.get("sessionEnded") ? "/login?ended" : "/login", 303);
    return page(
      c,
      401,
      text("Chưa đăng nhập", "Not signed in"),
      text(
        "Phiên đăng nhập đã hết hoặc chưa đăng nhập; hãy đăng nhập lại.",
        "The session ended or never began; sign in again.",
      ),
    );
  });
  const user = (c: Context<Env>) => c.get("user") as SessionUser;
  /** The refusal of a page of another unit (or of the whole agency) to a reporter kept to their own. */
  const ownUnitOnly = (c: Context<Env>) =>
    page(
      c,
      403,
      text("Không được phép", "Not allowed"),
      text(
        "Người báo cáo chỉ được xem trang của đơn vị mình (cài đặt của cơ quan).",
        "A reporter may only read their own unit's pages (the agency's setting).",
      ),
    );

  app.get("/", (c) => {
    const actor = user(c).actor;
    return c.redirect(
      actor.role === "reporter" ? `/units/${encodeURIComponent(actor.unitId)}` : "/overview",
      303,
    );
  });

  app.get("/overview", async (c) => {
    if (!mayRead(user(c), undefined)) return ownUnitOnly(c);
    return c.html(<OverviewPage user={user(c)} data={await dashboard.overview()} formats={formats} />);
  });

  app.get("/plan", (c) => {
    const plan = c.get("plan");
    return c.html(
      <PlanPage
        user={user(c)}
        plan={plan}
        doc={officialDocument({ kind: "plan", plan })}
        formats={formats}
      />,
    );
  });

  app.get("/calendar", (c) => {
    const plan = c.get("plan");
    return c.html(
      <CalendarPage
        user={user(c)}
        plan={plan}
        periods={planCalendar(plan)}
        now={dashboard.options.now()}
        formats={formats}
      />,
    );
  });

  const renderUnit = async (
    c: Context<Env>,
    unitId: string,
    status: 200 | 422,
    forms: { record?: FormState; report?: FormState; saved?: "record" | "report" } = {},
  ) => {
    const data = await dashboard.unit(unitId);
    if (!data)
      return notFound(
        c,
        text(`Không có đơn vị "${unitId}" trong kế hoạch.`, `No unit "${unitId}" in the plan.`),
      );
    const actor = user(c).actor;
    return c.html(
      <UnitPage
        user={user(c)}
        data={data}
        formats={formats}
        canRecord={dashboard.allowed(actor, "record-activity", unitId)}
        canReport={dashboard.allowed(actor, "submit-report", unitId)}
        recordForm={forms.record}
        reportForm={forms.report}
        saved={forms.saved}
      />,
      status,
    );
  };

  app.get("/units/:unitId", (c) => {
    if (!mayRead(user(c), c.req.param("unitId"))) return ownUnitOnly(c);
    const saved = c.req.query("saved");
    return renderUnit(c, c.req.param("unitId"), 200, {
      ...(saved === "record" || saved === "report" ? { saved } : {}),
    });
  });

  /** A form post for a unit: the policy first, then the unit, then the form's checks. */
  const unitPost = (action: "record-activity" | "submit-report") => async (c: Context<Env>) => {
    const unitId = c.req.param("unitId") ?? "";
    const decision = authorize(user(c).actor, action, unitId);
    if (Result.isFailure(decision)) return denied(c, decision.failure);
    if (!c.get("plan").units.some((u) => u.id === unitId))
      return notFound(
        c,
        text(`Không có đơn vị "${unitId}" trong kế hoạch.`, `No unit "${unitId}" in the plan.`),
      );
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const outcome =
      action === "record-activity"
        ? await dashboard.recordResult(user(c).actor, unitId, form)
        : await dashboard.submitReport(user(c).actor, unitId, form);
    if (outcome.kind === "denied") return denied(c, outcome.error);
    const kind = action === "record-activity" ? "record" : "report";
    if (outcome.kind === "invalid") return renderUnit(c, unitId, 422, { [kind]: outcome.form });
    return c.redirect(`/units/${encodeURIComponent(unitId)}?saved=${kind}#${kind}`, 303);
  };
  app.post("/units/:unitId/records", unitPost("record-activity"));
  app.post("/units/:unitId/reports", unitPost("submit-report"));

  // The lead manages the accounts: creates a unit's reporter, resets a password, disables.
  const leadOnly = (c: Context<Env>) =>
    page(
      c,
      403,
      text("Không được phép", "Not allowed"),
      text("Chỉ đơn vị chủ trì quản lý tài khoản.", "Only the lead unit manages accounts."),
    );
  const accountsPage = async (
    c: Context<Env>,
    status: 200 | 422,
    notice?: AccountsNotice,
    form?: { userName?: string; role?: string; unitId?: string },
  ) =>
    c.html(
      <AccountsPage
        user={user(c)}
        plan={c.get("plan")}
        accounts={await auth.list()}
        notice={notice}
        form={form}
      />,
      status,
    );
  const field = (form: Record<string, unknown>, name: string) =>
    typeof form[name] === "string" ? (form[name] as string) : "";
  app.get("/accounts", (c) => (user(c).actor.role === "lead" ? accountsPage(c, 200) : leadOnly(c)));
  app.post("/accounts", async (c) => {
    if (user(c).actor.role !== "lead") return leadOnly(c);
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const userName = field(form, "user").slice(0, 200);
    const role = field(form, "role");
    const unitId = field(form, "unit");
    const kept = { userName, role, unitId };
    if (role !== "lead" && role !== "reporter" && role !== "viewer")
      return accountsPage(
        c,
        422,
        { kind: "error", message: text("Hãy chọn vai trò.", "Choose a role.") },
        kept,
      );
    if (role === "reporter" && !reporterUnits(c.get("plan")).some((u) => u.id === unitId))
      return accountsPage(
        c,
        422,
        { kind: "error", message: text("Hãy chọn đơn vị của người báo cáo.", "Choose the reporter's unit.") },
        kept,
      );
    const r = await auth.addAccount({
      userName,
      planId: c.get("plan").id,
      role,
      ...(role === "reporter" ? { unitId } : {}),
      password: field(form, "password").slice(0, 1024),
      createdBy: user(c).userName,
    });
    if (r.kind === "refused") return accountsPage(c, 422, { kind: "error", message: r.message }, kept);
    return accountsPage(c, 200, {
      kind: "ok",
      message: text(`Đã tạo tài khoản ${r.account.userName}.`, `Account ${r.account.userName} created.`),
    });
  });
  app.post("/accounts/:userName/:action", async (c) => {
    if (user(c).actor.role !== "lead") return leadOnly(c);
    const target = c.req.param("userName");
    const action = c.req.param("action");
    const form = await readForm(c);
    if (form instanceof Response) return form;
    if (action === "password") {
      const r = await auth.resetPassword(target, field(form, "password").slice(0, 1024));
      if (r.kind === "refused") return accountsPage(c, 422, { kind: "error", message: r.message });
      return accountsPage(c, 200, {
        kind: "ok",
        message: text(
          `Đã đặt lại mật khẩu của ${target}; mọi phiên của tài khoản đã kết thúc.`,
          `The password of ${target} was reset; every session of the account ended.`,
        ),
      });
    }
    if (action !== "disable" && action !== "enable")
      return notFound(c, text("Trang này không tồn tại.", "This page does not exist."));
    if (target === user(c).userName)
      return accountsPage(c, 422, {
        kind: "error",
        message: text("Không tự khóa tài khoản của mình.", "You cannot disable your own account."),
      });
    const r = await auth.setDisabled(target, action === "disable");
    if (r.kind === "refused") return accountsPage(c, 422, { kind: "error", message: r.message });
    return accountsPage(c, 200, {
      kind: "ok",
      message:
        action === "disable"
          ? text(
              `Đã khóa ${target}; mọi phiên của tài khoản đã kết thúc.`,
              `${target} disabled; every session ended.`,
            )
          : text(`Đã mở khóa ${target}.`, `${target} enabled.`),
    });
  });

  app.get("/download/:kind/:format", async (c) => {
    const kind = c.req.param("kind") as ExportKind;
    if (!KINDS.includes(kind))
      return notFound(c, text("Không có loại văn bản này.", "No such document kind."));
    const format = formats.find(c.req.param("format"), kind);
    if (!format)
      return notFound(
        c,
        text(
          "Định dạng này không xuất được loại văn bản đã chọn.",
          "This format cannot export the chosen document.",
        ),
      );
    const plan = c.get("plan");
    let request: ExportRequest;
    switch (kind) {
      case "plan":
        request = { kind, plan, activities: await dashboard.plannedActivities() };
        break;
      case "calendar":
        request = {
          kind,
          plan,
          periods: planCalendar(plan),
          activities: await dashboard.plannedActivities(),
        };
        break;
      case "score-sheet": {
        if (!mayRead(user(c), undefined)) return ownUnitOnly(c);
        const { sheet } = await dashboard.scoreSheet();
        request = { kind, plan, sheet };
        break;
      }
      case "period-report": {
        const unit = c.req.query("unit");
        if (!mayRead(user(c), unit === "" ? undefined : unit)) return ownUnitOnly(c);
        const report = await dashboard.periodReport(
          c.req.query("period") ?? "",
          unit === "" ? undefined : unit,
        );
        if (!report)
          return notFound(
            c,
            text(
              "Không có kỳ báo cáo hoặc đơn vị này trong kế hoạch.",
              "No such reporting period or unit in the plan.",
            ),
          );
        request = { kind, report };
        break;
      }
    }
    const exported = await formats.export(format, request);
    if (Result.isFailure(exported)) {
      const reference = crypto.randomUUID().slice(0, 8);
      logError(reference, exported.failure);
      return page(
        c,
        500,
        text("Không xuất được văn bản", "Export failed"),
        exported.failure.reason,
        reference,
      );
    }
    const file = exported.success;
    const inline = format.exporter.format === "html";
    return c.body(new Uint8Array(file.bytes), 200, {
      "Content-Type": file.mediaType,
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
      // The exported document shown in the browser carries its own style sheet, allowed by hash.
      ...(inline
        ? { "Content-Security-Policy": exportedHtmlPolicy(new TextDecoder().decode(file.bytes)) }
        : {}),
    });
  });

  return app;
}

/** The socket's remote address under @hono/node-server ("unknown" elsewhere, e.g. `app.request`). */
function socketAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "unknown";
}
