/**
 * The page frame and the small pieces every page uses. Rendered on the server with hono/jsx,
 * which escapes every string it is given, so user text can never become markup.
 */
import type { ExportKind, LocalizedText } from "@cchc/core";
import { raw } from "hono/html";
import type { Child, FC, PropsWithChildren } from "hono/jsx";
import type { DownloadFormat } from "../exportFormats.js";
import { formatDateTime } from "../format.js";
import type { PeriodStatus } from "../reportingStatus.js";
import type { SessionUser } from "../session.js";

/** Vietnamese text with its English alongside, in a quieter style. */
export const T: FC<{ vi: string; en: string }> = ({ vi, en }) => (
  <>
    {vi} <span class="en">/ {en}</span>
  </>
);

/** A table's header row: one bilingual heading per column; `num` right-aligns a numeric column. */
export const TableHead: FC<{ columns: readonly { vi: string; en: string; num?: boolean }[] }> = ({
  columns,
}) => (
  <thead>
    <tr>
      {columns.map((c) => (
        <th class={c.num ? "num" : undefined}>
          <T vi={c.vi} en={c.en} />
        </th>
      ))}
    </tr>
  </thead>
);

/** A `LocalizedText` rendered as `T`. */
export const L: FC<{ text: LocalizedText }> = ({ text }) => <T vi={text.vi} en={text.en} />;

/** The application's name. */
export const APP_NAME: LocalizedText = {
  vi: "Theo dõi kế hoạch tuyên truyền CCHC",
  en: "PAR communication plan tracker",
};

/** Which navigation entry is current. */
export type NavKey = "overview" | "unit" | "plan" | "calendar" | "accounts" | "login" | "none";

interface LayoutProps {
  readonly title: string;
  readonly user?: SessionUser | undefined;
  readonly nav?: NavKey;
}

/** The HTML page: header with navigation and the signed-in user, then the content. */
export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ title, user, nav = "none", children }) => {
  const reporterUnit = user?.actor.role === "reporter" ? user.actor.unitId : undefined;
  const link = (key: NavKey, href: string, vi: string, en: string) => (
    <a
      href={href}
      class={nav === key ? "current" : undefined}
      aria-current={nav === key ? "page" : undefined}
    >
      <T vi={vi} en={en} />
    </a>
  );
  return (
    <>
      {raw("<!DOCTYPE html>")}
      <html lang="vi">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} — ${APP_NAME.vi}`}</title>
          <link rel="stylesheet" href="/static/style.css" />
        </head>
        <body>
          <header class="top">
            <div class="brand">
              <a href="/">{APP_NAME.vi}</a>
              <span class="en">{APP_NAME.en}</span>
            </div>
            {user && (
              <nav>
                {reporterUnit !== undefined &&
                  link("unit", `/units/${encodeURIComponent(reporterUnit)}`, "Đơn vị của tôi", "My unit")}
                {user.seesAllUnits && link("overview", "/overview", "Tổng quan", "Overview")}
                {link("plan", "/plan", "Kế hoạch", "Plan")}
                {link("calendar", "/calendar", "Lịch báo cáo", "Calendar")}
                {user.actor.role === "lead" && link("accounts", "/accounts", "Tài khoản", "Accounts")}
              </nav>
            )}
            {user && (
              <form method="post" action="/logout" class="who">
                <span data-testid="current-user">{user.name}</span> <span class="en">({user.userName})</span>
                <button type="submit" class="link">
                  <T vi="Đăng xuất" en="Sign out" />
                </button>
              </form>
            )}
          </header>
          <main>{children}</main>
          <footer>
            <T vi="Bản mẫu dựng trên thư viện @cchc." en="An example built on the @cchc library." />
          </footer>
        </body>
      </html>
    </>
  );
};

/** A section of a page with its heading. */
export const Section: FC<PropsWithChildren<{ id?: string; vi: string; en: string; aside?: Child }>> = ({
  id,
  vi,
  en,
  aside,
  children,
}) => (
  <section id={id} class="card">
    <div class="card-head">
      <h2>
        <T vi={vi} en={en} />
      </h2>
      {aside}
    </div>
    {children}
  </section>
);

/**
 * A progress bar for a ratio in 0–1 (undefined: nothing planned). The fill is an SVG rectangle
 * whose width is an attribute, not an inline style, so the strict Content-Security-Policy
 * (`style-src 'self'`) needs no exception.
 */
export const Bar: FC<{ ratio: number | undefined; label?: string }> = ({ ratio, label }) => {
  if (ratio === undefined) return <span class="muted">—</span>;
  const pct = Math.round(Math.min(1, Math.max(0, ratio)) * 1000) / 10;
  return (
    <span class="bar" title={label ?? `${pct}%`}>
      <svg class="bar-fill" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
        <rect class={`fill ${pct >= 100 ? "full" : pct >= 80 ? "good" : "low"}`} width={pct} height="1" />
      </svg>
      <span class="bar-text">{`${String(pct).replace(".", ",")}%`}</span>
    </span>
  );
};

const STATE_TEXT: Record<PeriodStatus["state"], LocalizedText> = {
  "on-time": { vi: "Đúng hạn", en: "On time" },
  late: { vi: "Muộn", en: "Late" },
  missing: { vi: "Chưa nộp", en: "Missing" },
  "not-due": { vi: "Chưa đến hạn", en: "Not due yet" },
};

/** The label of a report state. */
export const stateText = (state: PeriodStatus["state"]): LocalizedText => STATE_TEXT[state];

/** A report state as a coloured badge, with the submission time when there is one. */
export const StateBadge: FC<{ cell: PeriodStatus; detail?: boolean }> = ({ cell, detail = true }) => {
  const text = STATE_TEXT[cell.state];
  const late = cell.state === "late" && cell.daysLate !== undefined;
  return (
    <span class={`badge ${cell.state}`} data-state={cell.state}>
      {text.vi}
      {late && ` ${cell.daysLate} ngày`}
      <span class="en">
        {" "}
        / {text.en}
        {late && ` ${cell.daysLate} d`}
      </span>
      {detail && cell.submittedAt && <small>{formatDateTime(cell.submittedAt)}</small>}
    </span>
  );
};

/** Download links of one document in every registered format that exports its kind. */
export const Downloads: FC<{
  kind: ExportKind;
  formats: readonly DownloadFormat[];
  query?: Record<string, string>;
  vi?: string;
  en?: string;
}> = ({ kind, formats, query, vi, en }) => {
  const qs = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : "";
  return (
    <div class="downloads">
      {vi !== undefined && en !== undefined && (
        <span class="what">
          <T vi={vi} en={en} />
        </span>
      )}
      {formats.map((f) => (
        <a
          class="dl"
          href={`/download/${kind}/${f.exporter.format}${qs}`}
          data-format={f.exporter.format}
          title={`${f.label.vi} / ${f.label.en}`}
        >
          {f.exporter.extension.toUpperCase()}
        </a>
      ))}
    </div>
  );
};

/** The messages of one field, right under it; nothing when the field is fine. */
export const FieldError: FC<{ id: string; messages: readonly LocalizedText[] | undefined }> = ({
  id,
  messages,
}) =>
  messages && messages.length > 0 ? (
    <ul class="field-error" id={id} role="alert">
      {messages.map((m) => (
        <li>
          <L text={m} />
        </li>
      ))}
    </ul>
  ) : null;

/** A notice at the top of a page (saved, or what went wrong). */
export const Notice: FC<PropsWithChildren<{ kind: "ok" | "error" | "info" }>> = ({ kind, children }) => (
  <div class={`notice ${kind}`} role={kind === "error" ? "alert" : "status"}>
    {children}
  </div>
);
