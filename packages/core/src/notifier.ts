/**
 * The notifier port: one message out through a channel the agency already has (mail, a webhook
 * into its e-office system, a message broker). Adapters live in their own packages
 * (`@cchc/notify-email`, `@cchc/notify-webhook`, `@cchc/notify-nats`) and run the contract suite of
 * `@cchc/testing`. A failure says whether trying again can help, so the dispatcher retries a
 * server that is down and stops at once on an address that does not exist.
 */
import * as Context from "effect/Context";
import * as Data from "effect/Data";
import type * as Effect from "effect/Effect";
import { escapeHtml } from "./html.js";
import type { LocalizedText } from "./text.js";

/** Where a notification goes: the unit, and its addresses on each channel (from the contact directory). */
export interface NotificationRecipient {
  readonly unitId: string;
  readonly name: string;
  /** Mail addresses (the email notifier needs at least one). */
  readonly email: readonly string[];
  /** The unit's own webhook URL, when it is not the agency-wide one the webhook notifier is given. */
  readonly webhook?: string;
  /** The unit's own NATS subject, when it is not the notifier's default subject. */
  readonly natsSubject?: string;
}

/**
 * One message to deliver. `key` is the idempotency key: stable for the same reminder however many
 * times it is computed, carried to the receiver (mail `Message-ID`, `Idempotency-Key` header,
 * `Nats-Msg-Id`) so that a receiver can drop the one duplicate a crash can cause.
 */
export interface Notification {
  readonly key: string;
  readonly recipient: NotificationRecipient;
  readonly subject: LocalizedText;
  readonly body: LocalizedText;
  /** Structured content for machine receivers (the reminder as JSON); sent as is by webhook and NATS. */
  readonly data?: unknown;
}

/** What a notifier got back from the server when it accepted a message. */
export interface Receipt {
  /** The notifier's name ("email", "webhook", "nats", "memory"). */
  readonly notifier: string;
  /** The server's id of the message (SMTP queue id, HTTP status, JetStream sequence). */
  readonly id?: string;
  /** True when the server said it had already accepted this key (JetStream dedupe, HTTP 409). */
  readonly duplicate?: boolean;
  /** One line the server answered, for the record. */
  readonly response?: string;
}

/**
 * A notifier could not deliver. `retryable` is the contract the dispatcher relies on: true for
 * failures that can pass (connection refused, timeout, HTTP 5xx, SMTP 4xx), false for those that
 * cannot (HTTP 4xx, invalid or missing address, SMTP 5xx): those are recorded and never retried.
 */
export class NotifierError extends Data.TaggedError("NotifierError")<{
  readonly notifier: string;
  readonly retryable: boolean;
  /** Stable, documented code: "connection", "timeout", "server", "rejected", "address", "config"… */
  readonly code: string;
  readonly reason: LocalizedText;
  /** The HTTP status or SMTP reply code, when the server gave one. */
  readonly status?: number;
  readonly cause?: unknown;
}> {
  /** One bilingual line naming the notifier, for logs and the outbox's last error. */
  override get message(): string {
    return `${this.notifier}: ${this.reason.vi} / ${this.reason.en}`;
  }
}

/** What every notifier provides. */
export interface NotifierService {
  /** Short name used in receipts and on the command line: "email", "webhook", "nats". */
  readonly name: string;
  /** Delivers one notification; succeeds only once the server has accepted it. */
  readonly send: (notification: Notification) => Effect.Effect<Receipt, NotifierError>;
}

/** The notifier service tag, provided by an adapter's layer. */
export class Notifier extends Context.Service<Notifier, NotifierService>()("@cchc/core/Notifier") {}

/** "Nhắc báo cáo … / Reminder: …": the one subject line a person sees, Vietnamese first. */
export function notificationSubject(n: Pick<Notification, "subject">): string {
  return `${n.subject.vi} / ${n.subject.en}`;
}

const SEPARATOR = "—".repeat(24);

/** The plain-text body of a notification: the Vietnamese text, a rule, then the English text. */
export function notificationText(n: Pick<Notification, "body">): string {
  return `${n.body.vi.trimEnd()}\n\n${SEPARATOR}\n\n${n.body.en.trimEnd()}\n`;
}

function paragraphs(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

/** The HTML body of a notification: both languages, every piece of text escaped. */
export function notificationHtml(n: Pick<Notification, "subject" | "body">): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(notificationSubject(n))}</title></head>`,
    "<body style=\"font-family:'Times New Roman',Tinos,serif;font-size:14pt;line-height:1.4\">",
    `<div lang="vi">${paragraphs(n.body.vi)}</div>`,
    "<hr>",
    `<div lang="en">${paragraphs(n.body.en)}</div>`,
    "</body></html>",
    "",
  ].join("\n");
}

/**
 * The key in a form every header accepts (ASCII, no spaces): percent-encoded UTF-8, so ids with
 * Vietnamese letters stay distinct and the original key can be decoded with `decodeURIComponent`.
 */
export function headerSafeKey(key: string): string {
  return encodeURIComponent(key);
}
