/**
 * @cchc/notify-webhook — the webhook notifier: each notification is a JSON POST into the agency's
 * e-office system, signed with HMAC-SHA256 over timestamp and body (see `signature.ts` and
 * `verifyWebhookSignature` for the receiving side; the idempotency key is signed as the body's `key`
 * field), cut off after a timeout. 2xx is delivered;
 * 5xx, timeouts and network errors are retryable; any other status (4xx, a redirect) is permanent.
 */
import {
  headerSafeKey,
  type Notification,
  Notifier,
  NotifierError,
  type NotifierService,
  notificationSubject,
  type Receipt,
} from "@cchc/core";
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { checkWebhookSecret, IDEMPOTENCY_HEADER, signatureHeaders } from "./signature.js";

export {
  checkWebhookSecret,
  computeSignature,
  DEFAULT_TOLERANCE_SECONDS,
  type HeaderSource,
  IDEMPOTENCY_HEADER,
  MIN_SECRET_LENGTH,
  SIGNATURE_HEADER,
  signatureHeaders,
  TIMESTAMP_HEADER,
  type VerifyOptions,
  verifyWebhookSignature,
  type WebhookRejection,
  type WebhookSecretProblem,
  type WebhookVerification,
} from "./signature.js";

/** Settings of the webhook notifier. */
export interface WebhookNotifierOptions {
  /** The agency-wide endpoint; a recipient's own `webhook` address is used instead when it has one. */
  readonly url?: string;
  /** The shared secret the receiver verifies signatures with (at least `MIN_SECRET_LENGTH` characters). */
  readonly secret: string;
  /** Per-request timeout in ms (default 10,000). */
  readonly timeoutMs?: number;
  /** Extra headers (an API key of the e-office system, for instance). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch to use (default the global one of Node 20). */
  readonly fetch?: typeof fetch;
}

/** The JSON document POSTed for a notification (field names are part of the receiver's contract). */
export interface WebhookPayload {
  readonly type: "cchc.notification";
  /**
   * The idempotency key. Signed with the rest of the body, so it is the one a receiver dedupes on;
   * the `Idempotency-Key` header carries a percent-encoded copy.
   */
  readonly key: string;
  /** When this attempt was signed (ISO); differs between retries, the key does not. */
  readonly sentAt: string;
  readonly recipient: Notification["recipient"];
  /** "Nhắc báo cáo … / Reminder: …". */
  readonly title: string;
  readonly subject: Notification["subject"];
  readonly body: Notification["body"];
  readonly data: unknown;
}

/** The payload of a notification at an instant. */
export function webhookPayload(n: Notification, sentAtMs: number): WebhookPayload {
  return {
    type: "cchc.notification",
    key: n.key,
    sentAt: new Date(sentAtMs).toISOString(),
    recipient: n.recipient,
    title: notificationSubject(n),
    subject: n.subject,
    body: n.body,
    data: n.data ?? null,
  };
}

const err = (
  retryable: boolean,
  code: string,
  vi: string,
  en: string,
  extra: { status?: number; cause?: unknown } = {},
) => new NotifierError({ notifier: "webhook", retryable, code, reason: { vi, en }, ...extra });

function networkFailure(error: unknown, timeoutMs: number): NotifierError {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError")
    return err(
      true,
      "timeout",
      `máy nhận không trả lời trong ${timeoutMs} ms`,
      `no answer within ${timeoutMs} ms`,
      {
        cause: error,
      },
    );
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const why =
    typeof cause?.message === "string"
      ? cause.message
      : error instanceof Error
        ? error.message
        : String(error);
  return err(
    true,
    "connection",
    `không kết nối được máy nhận${code ? ` (${code})` : ""}: ${why}`,
    `cannot reach the receiver${code ? ` (${code})` : ""}: ${why}`,
    { cause: error },
  );
}

async function excerpt(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.replace(/\s+/g, " ").trim().slice(0, 200);
  } catch {
    return "";
  }
}

/**
 * The settings' problem, if any, as the notifier's error (code "config", not retryable): a secret
 * shorter than `MIN_SECRET_LENGTH` is refused before anything is signed with it.
 */
export function checkWebhookOptions(options: WebhookNotifierOptions): NotifierError | undefined {
  const weak = checkWebhookSecret(
    typeof options === "object" && options !== null ? options.secret : undefined,
  );
  return weak ? err(false, "config", weak.message.vi, weak.message.en) : undefined;
}

/** Builds the webhook notifier; throws the `NotifierError` of `checkWebhookOptions` on bad settings. */
export function makeWebhookNotifier(options: WebhookNotifierOptions): NotifierService {
  const invalid = checkWebhookOptions(options);
  if (invalid) throw invalid;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? fetch;
  return {
    name: "webhook",
    send: (n) =>
      Effect.gen(function* () {
        const url = n.recipient.webhook ?? options.url;
        if (url === undefined || !/^https?:\/\//i.test(url))
          return yield* Effect.fail(
            err(
              false,
              "address",
              `không có địa chỉ webhook cho đơn vị "${n.recipient.name}"`,
              `no webhook URL for unit "${n.recipient.name}"`,
            ),
          );
        const nowMs = Number(yield* Clock.currentTimeMillis);
        const body = JSON.stringify(webhookPayload(n, nowMs));
        const headers = {
          ...options.headers,
          "Content-Type": "application/json; charset=utf-8",
          "User-Agent": "cchc-notify-webhook/0.1",
          [IDEMPOTENCY_HEADER]: headerSafeKey(n.key),
          ...signatureHeaders(options.secret, Math.floor(nowMs / 1000), body),
        };
        const response = yield* Effect.tryPromise({
          try: (signal) =>
            doFetch(url, {
              method: "POST",
              headers,
              body,
              redirect: "manual",
              signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
            }),
          catch: (e) => networkFailure(e, timeoutMs),
        });
        const said = yield* Effect.promise(() => excerpt(response));
        const status = response.status;
        if (status >= 200 && status < 300)
          return { notifier: "webhook", id: String(status), response: said } satisfies Receipt;
        if (status >= 500)
          return yield* Effect.fail(
            err(
              true,
              "server",
              `máy nhận lỗi ${status}: ${said}`,
              `the receiver failed with ${status}: ${said}`,
              {
                status,
              },
            ),
          );
        return yield* Effect.fail(
          err(
            false,
            status >= 300 && status < 400 ? "redirect" : "rejected",
            `máy nhận từ chối (${status}), không thử lại: ${said}`,
            `the receiver refused (${status}); not retried: ${said}`,
            { status },
          ),
        );
      }),
  };
}

/** Layers of the webhook notifier. */
export const WebhookNotifier = {
  /** The `Notifier` layer posting signed JSON; fails with a `NotifierError` (code "config") on bad settings. */
  layer: (options: WebhookNotifierOptions): Layer.Layer<Notifier, NotifierError> =>
    Layer.effect(
      Notifier,
      Effect.suspend(() => {
        const invalid = checkWebhookOptions(options);
        return invalid ? Effect.fail(invalid) : Effect.sync(() => makeWebhookNotifier(options));
      }),
    ),
};
