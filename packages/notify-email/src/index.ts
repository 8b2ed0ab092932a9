/**
 * @cchc/notify-email — the email notifier: SMTP through nodemailer, Vietnamese and English in one
 * UTF-8 message with a text part and an HTML part (user text escaped). The idempotency key gives a
 * stable `Message-ID` (the same key always gives the same id, so a mail system or a person can see
 * a duplicate) and travels in the `X-CCHC-Idempotency-Key` header.
 *
 * Failures are classified for the dispatcher: connection refused, timeouts and SMTP 4xx replies
 * are retryable; SMTP 5xx replies (unknown mailbox, policy rejection), a malformed or missing
 * address, and bad configuration are permanent.
 */
import { createHash } from "node:crypto";
import {
  headerSafeKey,
  type Notification,
  Notifier,
  NotifierError,
  type NotifierService,
  notificationHtml,
  notificationSubject,
  notificationText,
  type Receipt,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import nodemailer from "nodemailer";

/** Settings of the email notifier. */
export interface EmailNotifierOptions {
  /** SMTP server host (e.g. "127.0.0.1", "smtp.agency.gov.vn"). */
  readonly host: string;
  /** SMTP port (25, 587 with STARTTLS, 465 with `secure`). */
  readonly port: number;
  /** TLS from the first byte (port 465). Default false: plain, upgraded by STARTTLS when offered. */
  readonly secure?: boolean;
  /** Refuse to send unless STARTTLS succeeds. */
  readonly requireTLS?: boolean;
  /** Never try STARTTLS (a loopback test server). */
  readonly ignoreTLS?: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** The sender, e.g. `"Vụ Tổ chức cán bộ" <tccb@mic.gov.vn>`. */
  readonly from: string;
  /** Right-hand side of Message-IDs (default: the domain of `from`). */
  readonly messageIdDomain?: string;
  /** Connection, greeting and socket timeout in ms (default 30,000). */
  readonly timeoutMs?: number;
  /** Keep SMTP connections open between messages (default true). */
  readonly pool?: boolean;
}

/** Name of the header that carries the (percent-encoded) idempotency key. */
export const KEY_HEADER = "X-CCHC-Idempotency-Key";

/**
 * The Message-ID of a key: `<cchc.` + the first 40 hex digits of SHA-256(key) + `@domain>`.
 * Stable across processes and restarts, ASCII whatever the key holds.
 */
export function messageIdFor(key: string, domain: string): string {
  return `<cchc.${createHash("sha256").update(key, "utf8").digest("hex").slice(0, 40)}@${domain}>`;
}

/** The domain of an address such as `"Name" <user@domain>` or `user@domain`, or "localhost". */
function domainOf(address: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address);
  return m?.[1] ?? "localhost";
}

const PLAUSIBLE_ADDRESS = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$|^[^\s@<>",;]+@localhost$/;

const RETRYABLE_CODES = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "EAI_AGAIN",
]);

interface SmtpErrorLike {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly response?: unknown;
  readonly message?: unknown;
}

/** Classifies what nodemailer threw: SMTP 4xx and network trouble retry, SMTP 5xx and the rest do not. */
export function classifySmtpError(error: unknown): NotifierError {
  const e = (typeof error === "object" && error !== null ? error : {}) as SmtpErrorLike;
  const status = typeof e.responseCode === "number" ? e.responseCode : undefined;
  const code = typeof e.code === "string" ? e.code : undefined;
  const said =
    typeof e.response === "string" ? e.response : typeof e.message === "string" ? e.message : String(error);
  const base = { notifier: "email", cause: error, ...(status === undefined ? {} : { status }) };
  if (status !== undefined && status >= 400 && status < 500)
    return new NotifierError({
      ...base,
      retryable: true,
      code: "server",
      reason: {
        vi: `máy chủ thư tạm từ chối (${status}): ${said}`,
        en: `the mail server deferred (${status}): ${said}`,
      },
    });
  if (status !== undefined && status >= 500)
    return new NotifierError({
      ...base,
      retryable: false,
      code: code === "EENVELOPE" ? "address" : "rejected",
      reason: {
        vi: `máy chủ thư từ chối hẳn (${status}): ${said}`,
        en: `the mail server refused (${status}): ${said}`,
      },
    });
  if (code !== undefined && RETRYABLE_CODES.has(code))
    return new NotifierError({
      ...base,
      retryable: true,
      code: code === "ETIMEDOUT" ? "timeout" : "connection",
      reason: {
        vi: `không kết nối được máy chủ thư (${code}): ${said}`,
        en: `cannot reach the mail server (${code}): ${said}`,
      },
    });
  if (code === "EAUTH")
    return new NotifierError({
      ...base,
      retryable: false,
      code: "config",
      reason: { vi: `đăng nhập máy chủ thư thất bại: ${said}`, en: `SMTP authentication failed: ${said}` },
    });
  return new NotifierError({
    ...base,
    retryable: false,
    code: code === "EENVELOPE" ? "address" : "rejected",
    reason: {
      vi: `không gửi được thư (${code ?? "?"}): ${said}`,
      en: `the message could not be sent (${code ?? "?"}): ${said}`,
    },
  });
}

function addressProblem(n: Notification): NotifierError | undefined {
  const to = n.recipient.email;
  if (to.length === 0)
    return new NotifierError({
      notifier: "email",
      retryable: false,
      code: "address",
      reason: {
        vi: `đơn vị "${n.recipient.name}" (${n.recipient.unitId}) không có địa chỉ thư trong danh bạ`,
        en: `unit "${n.recipient.name}" (${n.recipient.unitId}) has no mail address in the contact directory`,
      },
    });
  const bad = to.find((a) => !PLAUSIBLE_ADDRESS.test(a));
  if (bad !== undefined)
    return new NotifierError({
      notifier: "email",
      retryable: false,
      code: "address",
      reason: {
        vi: `địa chỉ thư không hợp lệ: ${JSON.stringify(bad)}`,
        en: `invalid mail address: ${JSON.stringify(bad)}`,
      },
    });
  return undefined;
}

/** The message nodemailer sends for a notification (exposed so receivers and tests can predict it). */
export function mailFor(n: Notification, options: Pick<EmailNotifierOptions, "from" | "messageIdDomain">) {
  return {
    from: options.from,
    to: [...n.recipient.email],
    subject: notificationSubject(n),
    text: notificationText(n),
    html: notificationHtml(n),
    messageId: messageIdFor(n.key, options.messageIdDomain ?? domainOf(options.from)),
    headers: { [KEY_HEADER]: headerSafeKey(n.key), "X-CCHC-Unit": headerSafeKey(n.recipient.unitId) },
  };
}

/** An email notifier and the means to close its connections. */
export interface EmailNotifier extends NotifierService {
  /** Closes pooled SMTP connections. */
  close(): void;
}

/** Builds the email notifier (connections open lazily, on the first send). */
export function makeEmailNotifier(options: EmailNotifierOptions): EmailNotifier {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    requireTLS: options.requireTLS ?? false,
    ignoreTLS: options.ignoreTLS ?? false,
    ...(options.auth === undefined ? {} : { auth: { user: options.auth.user, pass: options.auth.pass } }),
    pool: options.pool ?? true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    name: "email",
    send: (n) =>
      Effect.suspend(() => {
        const problem = addressProblem(n);
        if (problem !== undefined) return Effect.fail(problem);
        return Effect.tryPromise({
          try: () => transport.sendMail(mailFor(n, options)),
          catch: classifySmtpError,
        }).pipe(
          Effect.map(
            (info): Receipt => ({
              notifier: "email",
              id: String(info.messageId),
              response: String(info.response ?? ""),
            }),
          ),
        );
      }),
    close: () => transport.close(),
  };
}

/**
 * Reads `smtp://[user:pass@]host:port[?from=…&secure=true&ignoreTLS=true]` (`smtps://` for TLS on
 * connect), the form the CLI takes in `--notify`.
 */
export function emailOptionsFromUrl(
  url: string,
  defaults: { readonly from?: string } = {},
): EmailNotifierOptions {
  const u = new URL(url);
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:")
    throw new RangeError(`emailOptionsFromUrl: expected smtp:// or smtps:// (got ${u.protocol})`);
  const secure = u.protocol === "smtps:" || u.searchParams.get("secure") === "true";
  const port = u.port === "" ? (secure ? 465 : 25) : Number(u.port);
  const from = u.searchParams.get("from") ?? defaults.from ?? `cchc@${u.hostname || "localhost"}`;
  return {
    host: u.hostname,
    port,
    secure,
    from,
    ...(u.searchParams.get("ignoreTLS") === "true" ? { ignoreTLS: true } : {}),
    ...(u.searchParams.get("requireTLS") === "true" ? { requireTLS: true } : {}),
    ...(u.username === ""
      ? {}
      : { auth: { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } }),
  };
}

/** Layers of the email notifier. */
export const EmailNotifier = {
  /** The `Notifier` layer over SMTP; connections are closed when the layer is released. */
  layer: (options: EmailNotifierOptions): Layer.Layer<Notifier> =>
    Layer.effect(
      Notifier,
      Effect.acquireRelease(
        Effect.sync(() => makeEmailNotifier(options)),
        (n) => Effect.sync(() => n.close()),
      ),
    ),
};
