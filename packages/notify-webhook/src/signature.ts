/**
 * Webhook signatures: HMAC-SHA256 over `${timestamp}.${body}` with the shared secret, sent as
 * `X-CCHC-Signature: v1=<hex>` next to `X-CCHC-Timestamp: <unix seconds>`. Signing the timestamp
 * with the body lets a receiver reject a replayed request once it is older than its tolerance;
 * within the tolerance, the idempotency key tells it a request it has already processed. That key
 * is the body's `key` field, so it is signed; the `Idempotency-Key` header is an unsigned copy
 * (for proxies and logs), and a request whose header disagrees with the signed key is rejected.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { LocalizedText } from "@cchc/core";

/** Header with the signature(s): `v1=<hex>`, several separated by commas during a secret rotation. */
export const SIGNATURE_HEADER = "X-CCHC-Signature";
/** Header with the unix time (seconds) the request was signed at. */
export const TIMESTAMP_HEADER = "X-CCHC-Timestamp";
/** Header with the percent-encoded idempotency key (the same on every retry of one notification). */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** Default tolerance of `verifyWebhookSignature`: five minutes either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * The shortest shared secret the sender and `verifyWebhookSignature` accept, in characters: an
 * empty or short secret would let anyone who guesses it sign requests.
 */
export const MIN_SECRET_LENGTH = 16;

/** Why a secret cannot be used: a stable code and a bilingual message. */
export interface WebhookSecretProblem {
  readonly code: "weak-secret";
  readonly message: LocalizedText;
}

/**
 * Checks a secret (or every secret of a rotation) before use: each must be a string of at least
 * `MIN_SECRET_LENGTH` characters. Call it when a receiver starts, so a missing environment variable
 * stops it at once instead of failing every request.
 */
export function checkWebhookSecret(secret: unknown): WebhookSecretProblem | undefined {
  const secrets: readonly unknown[] = Array.isArray(secret) ? secret : [secret];
  const why = (vi: string, en: string): WebhookSecretProblem => ({
    code: "weak-secret",
    message: { vi, en },
  });
  if (secrets.length === 0) return why("chưa có khóa bí mật webhook nào", "no webhook secret was given");
  for (const [i, s] of secrets.entries()) {
    const which = secrets.length > 1 ? ` #${i + 1}` : "";
    if (s === undefined)
      return why(
        `chưa có khóa bí mật webhook${which} (biến môi trường chưa đặt?)`,
        `no webhook secret${which} was given (an unset environment variable?)`,
      );
    if (typeof s !== "string")
      return why(
        `khóa bí mật webhook${which} phải là một chuỗi`,
        `the webhook secret${which} must be a string`,
      );
    if (s.length < MIN_SECRET_LENGTH)
      return why(
        `khóa bí mật webhook${which} quá ngắn (${s.length} ký tự, cần ít nhất ${MIN_SECRET_LENGTH})`,
        `the webhook secret${which} is too short (${s.length} characters, at least ${MIN_SECRET_LENGTH} needed)`,
      );
  }
  return undefined;
}

/** The hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function computeSignature(secret: string, timestamp: number | string, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The two signing headers for a body, at unix time `timestamp` (seconds). */
export function signatureHeaders(secret: string, timestamp: number, body: string): Record<string, string> {
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: `v1=${computeSignature(secret, timestamp, body)}`,
  };
}

/** Why a request was rejected. */
export type WebhookRejection =
  | "weak-secret"
  | "missing-timestamp"
  | "missing-signature"
  | "bad-timestamp"
  | "stale-timestamp"
  | "signature-mismatch"
  | "key-mismatch";

const REJECTIONS: Readonly<Record<Exclude<WebhookRejection, "weak-secret">, LocalizedText>> = {
  "missing-timestamp": { vi: "thiếu tiêu đề X-CCHC-Timestamp", en: "the X-CCHC-Timestamp header is missing" },
  "missing-signature": { vi: "thiếu tiêu đề X-CCHC-Signature", en: "the X-CCHC-Signature header is missing" },
  "bad-timestamp": {
    vi: "X-CCHC-Timestamp không phải số giây Unix",
    en: "X-CCHC-Timestamp is not a number of unix seconds",
  },
  "stale-timestamp": {
    vi: "dấu thời gian lệch quá mức cho phép (yêu cầu cũ bị phát lại?)",
    en: "the timestamp is outside the tolerance (a replayed request?)",
  },
  "signature-mismatch": {
    vi: "chữ ký không khớp với nội dung và khóa bí mật",
    en: "the signature does not match the body and the secret",
  },
  "key-mismatch": {
    vi: "tiêu đề Idempotency-Key khác trường key đã ký trong nội dung",
    en: "the Idempotency-Key header differs from the signed key field of the body",
  },
};

const reject = (reason: Exclude<WebhookRejection, "weak-secret">): WebhookVerification => ({
  ok: false,
  reason,
  message: REJECTIONS[reason],
});

/** The outcome of `verifyWebhookSignature`. */
export type WebhookVerification =
  | {
      readonly ok: true;
      /** The signed time, unix seconds. */
      readonly timestamp: number;
      /**
       * The idempotency key: the signed body's `key` field (never the unsigned header), or
       * undefined when the body has none.
       */
      readonly key: string | undefined;
    }
  | {
      readonly ok: false;
      readonly reason: WebhookRejection;
      /** What went wrong, for the log: Vietnamese, English beside. */
      readonly message: LocalizedText;
    };

/** Headers as any server gives them: a `Headers` object (fetch, Hono…) or a record (node:http, Express). */
export type HeaderSource =
  | {
      /** A header's value, as `Headers` (fetch, Hono, undici) gives it. */
      get(name: string): string | null;
    }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") {
    const v = (headers as { get(name: string): string | null }).get(name);
    return v ?? undefined;
  }
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(record))
    if (k.toLowerCase() === lower) return Array.isArray(v) ? v.join(",") : (v as string | undefined);
  return undefined;
}

/** Options of `verifyWebhookSignature`. */
export interface VerifyOptions {
  /** Largest accepted difference between the signed time and now, in seconds (default 300). */
  readonly toleranceSeconds?: number;
  /** "Now" in ms (default `Date.now()`), for tests. */
  readonly nowMs?: number;
}

/** The `key` field of a JSON object body, when it is a string. */
function signedKey(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
    const key = Object.getOwnPropertyDescriptor(parsed, "key")?.value;
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}

function decodedHeader(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Checks a received request: the body must be the exact bytes received (as a UTF-8 string, before
 * any JSON parsing), one of the `v1=` signatures must match one of the secrets (pass several during
 * a rotation), and the timestamp must be within the tolerance, which rejects replays of old
 * requests. Constant-time comparison. The key it returns is the signed body's `key` field; a
 * request whose `Idempotency-Key` header says something else is rejected (`key-mismatch`), so a
 * replay with a fresh header cannot pass a receiver's dedupe. A secret shorter than
 * `MIN_SECRET_LENGTH` (an unset environment variable, say) rejects every request (`weak-secret`).
 */
export function verifyWebhookSignature(
  secret: string | readonly string[],
  headers: HeaderSource,
  body: string,
  options: VerifyOptions = {},
): WebhookVerification {
  const weak = checkWebhookSecret(secret);
  if (weak) return { ok: false, reason: weak.code, message: weak.message };
  const rawTimestamp = header(headers, TIMESTAMP_HEADER);
  if (rawTimestamp === undefined || rawTimestamp.trim() === "") return reject("missing-timestamp");
  const rawSignature = header(headers, SIGNATURE_HEADER);
  if (rawSignature === undefined || rawSignature.trim() === "") return reject("missing-signature");
  if (!/^\d{1,12}$/.test(rawTimestamp.trim())) return reject("bad-timestamp");
  const timestamp = Number(rawTimestamp.trim());
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = (options.nowMs ?? Date.now()) / 1000;
  if (Math.abs(now - timestamp) > tolerance) return reject("stale-timestamp");
  const given = rawSignature
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.startsWith("v1="))
    .map((s) => s.slice(3));
  const secrets: readonly string[] = typeof secret === "string" ? [secret] : secret;
  const matches = secrets.some((sec) => {
    const expected = Buffer.from(computeSignature(sec, timestamp, body), "hex");
    return given.some((g) => {
      if (!/^[0-9a-f]{64}$/i.test(g)) return false;
      const b = Buffer.from(g, "hex");
      return b.length === expected.length && timingSafeEqual(b, expected);
    });
  });
  if (!matches) return reject("signature-mismatch");
  const key = signedKey(body);
  const rawKey = header(headers, IDEMPOTENCY_HEADER);
  if (rawKey !== undefined && (key === undefined || decodedHeader(rawKey.trim()) !== key))
    return reject("key-mismatch");
  return { ok: true, timestamp, key };
}
