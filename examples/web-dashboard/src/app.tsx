/**
 * The web application: routes, the session, form posts and downloads. `createApp` takes its
 * dependencies (the dashboard over a store, the session secret, the format registry), so tests
 * call it with `app.request()` and `main.ts` serves it with @hono/node-server.
 */
import { readFileSync } from "node:fs";
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
import { actorOfChoice, currentUser, type SessionUser, signIn, signOut } from "./session.js";
import { ErrorPage } from "./views/error.js";
import { LoginPage } from "./views/login.js";
import { OverviewPage } from "./views/overview.js";
import { CalendarPage, PlanPage } from "./views/plan.js";
import { type FormState, UnitPage } from "./views/unit.js";

/** What the app is built from. */
export interface AppOptions {
  readonly dashboard: Dashboard;
  /** Signs the session cookie; at least 32 characters. */
  readonly sessionSecret: string;
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

type Env = { Variables: { user: SessionUser | undefined; plan: Plan } };

const KINDS: readonly ExportKind[] = ["plan", "period-report", "score-sheet", "calendar"];

const STYLE = readFileSync(new URL("../public/style.css", import.meta.url), "utf8");

const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/** Builds the Hono application. */
export function createApp(options: AppOptions): Hono<Env> {
  const { dashboard, sessionSecret } = options;
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
    c.set("user", await currentUser(c, sessionSecret, plan));
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

  app.get("/login", (c) => c.html(<LoginPage plan={c.get("plan")} />));
  app.post("/login", async (c) => {
    const body = await readForm(c);
    if (body instanceof Response) return body;
    const choice = typeof body.as === "string" ? body.as : "";
    const plan = c.get("plan");
    if (!actorOfChoice(plan, choice)) return c.html(<LoginPage plan={plan} error selected={choice} />, 422);
    await signIn(c, sessionSecret, choice, options.secureCookies ?? false);
    return c.redirect("/", 303);
  });
  app.post("/logout", (c) => {
    signOut(c);
    return c.redirect("/login", 303);
  });

  // Below: signed-in users only.
  app.use(async (c, next) => {
    if (c.get("user")) return next();
    if (c.req.method === "GET" || c.req.method === "HEAD") return c.redirect("/login", 303);
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

  app.get("/", (c) => {
    const actor = user(c).actor;
    return c.redirect(
      actor.role === "reporter" ? `/units/${encodeURIComponent(actor.unitId)}` : "/overview",
      303,
    );
  });

  app.get("/overview", async (c) =>
    c.html(<OverviewPage user={user(c)} data={await dashboard.overview()} formats={formats} />),
  );

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
        const { sheet } = await dashboard.scoreSheet();
        request = { kind, plan, sheet };
        break;
      }
      case "period-report": {
        const unit = c.req.query("unit");
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
