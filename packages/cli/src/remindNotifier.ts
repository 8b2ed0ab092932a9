/**
 * The notifier `cchc remind --notify <url>` delivers through: `smtp://` or `smtps://` (mail),
 * `http(s)://` (signed webhook, needs a secret), `nats://` (JetStream).
 */
import type { Notifier } from "@cchc/core";
import { EmailNotifier, emailOptionsFromUrl } from "@cchc/notify-email";
import { NatsNotifier, type NatsNotifierOptions, natsOptionsFromUrl } from "@cchc/notify-nats";
import { WebhookNotifier } from "@cchc/notify-webhook";
import type * as Layer from "effect/Layer";
import { CliError, helpHint, quote } from "./errors.js";

/** A chosen notifier: its layer and a safe description (no password, no secret). */
export interface ChosenNotifier {
  readonly layer: Layer.Layer<Notifier, unknown>;
  readonly name: "email" | "webhook" | "nats";
  readonly description: string;
  /** For `nats://`: the options read from the URL (`--nats-create-stream` connects with them). */
  readonly nats?: NatsNotifierOptions;
}

/** Options that complete the notifier URL. */
export interface NotifierSettings {
  readonly webhookSecret?: string;
  /** Sender of mails when the smtp URL has no `?from=`. */
  readonly from?: string;
  /** Timeout of one send, ms. */
  readonly timeoutMs?: number;
}

function safeUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === "/" ? "" : url.pathname}`;
}

/** Reads `--notify`; bad URLs and a webhook without a secret are usage errors (exit 2). */
export function chooseNotifier(raw: string, settings: NotifierSettings): ChosenNotifier {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CliError({
      vi: `--notify cần một địa chỉ smtp://, https:// hoặc nats:// (nhận được ${quote(raw)})`,
      en: `--notify needs an smtp://, https:// or nats:// URL (got ${quote(raw)}) ${helpHint("remind")}`,
    });
  }
  const timeoutMs = settings.timeoutMs ?? 10_000;
  switch (url.protocol) {
    case "smtp:":
    case "smtps:": {
      const options = emailOptionsFromUrl(raw, settings.from === undefined ? {} : { from: settings.from });
      return {
        layer: EmailNotifier.layer({ ...options, timeoutMs }),
        name: "email",
        description: `SMTP ${url.host}`,
      };
    }
    case "http:":
    case "https:": {
      const secret = settings.webhookSecret;
      if (secret === undefined || secret.length < 16)
        throw new CliError({
          vi: "webhook cần --webhook-secret (hoặc biến CCHC_WEBHOOK_SECRET) dài ít nhất 16 ký tự",
          en: `a webhook needs --webhook-secret (or CCHC_WEBHOOK_SECRET) of at least 16 characters ${helpHint("remind")}`,
        });
      return {
        layer: WebhookNotifier.layer({ url: raw, secret, timeoutMs }),
        name: "webhook",
        description: `webhook ${safeUrl(url)}`,
      };
    }
    case "nats:": {
      const nats = { ...natsOptionsFromUrl(raw), timeoutMs };
      return { layer: NatsNotifier.layer(nats), name: "nats", description: `NATS ${url.host}`, nats };
    }
    default:
      throw new CliError({
        vi: `--notify không hỗ trợ ${quote(url.protocol)}; dùng smtp://, https:// hoặc nats://`,
        en: `--notify does not support ${quote(url.protocol)}; use smtp://, https:// or nats:// ${helpHint("remind")}`,
      });
  }
}
