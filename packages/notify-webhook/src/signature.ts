/**
 * Webhook signatures: HMAC-SHA256 over `${timestamp}.${body}` with the shared secret, sent as
 * `X-CCHC-Signature: v1=<hex>` next to `X-CCHC-Timestamp: <unix seconds>`. Signing the timestamp
 * with the body lets a receiver reject a replayed request once it is older than its tolerance;
 * within the tolerance, the `Idempotency-Key` header tells it a request it has already processed.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Header with the signature(s): `v1=<hex>`, several separated by commas during a secret rotation. */
export const SIGNATURE_HEADER = "X-CCHC-Signature";
/** Header with the unix time (seconds) the request was signed at. */
export const TIMESTAMP_HEADER = "X-CCHC-Timestamp";
/** Header with the percent-encoded idempotency key (the same on every retry of one notification). */
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** Default tolerance of `verifyWebhookSignature`: five minutes either way. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

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
  | "missing-timestamp"
  | "missing-signature"
  | "bad-timestamp"
  | "stale-timestamp"
  | "signature-mismatch";

/** The outcome of `verifyWebhookSignature`. */
export type WebhookVerification =
  | {
      readonly ok: true;
      /** The signed time, unix seconds. */
      readonly timestamp: number;
      /** The idempotency key (decoded), when the request carried one. */
      readonly key: string | undefined;
    }
  | { readonly ok: false; readonly reason: WebhookRejection };

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

/**
 * Checks a received request: the body must be the exact bytes received (as a UTF-8 string, before
 * any JSON parsing), one of the `v1=` signatures must match one of the secrets (pass several during
 * a rotation), and the timestamp must be within the tolerance, which rejects replays of old
 * requests. Constant-time comparison.
 */
export function verifyWebhookSignature(
  secret: string | readonly string[],
  headers: HeaderSource,
  body: string,
  options: VerifyOptions = {},
): WebhookVerification {
  const rawTimestamp = header(headers, TIMESTAMP_HEADER);
  if (rawTimestamp === undefined || rawTimestamp.trim() === "")
    return { ok: false, reason: "missing-timestamp" };
  const rawSignature = header(headers, SIGNATURE_HEADER);
  if (rawSignature === undefined || rawSignature.trim() === "")
    return { ok: false, reason: "missing-signature" };
  if (!/^\d{1,12}$/.test(rawTimestamp.trim())) return { ok: false, reason: "bad-timestamp" };
  const timestamp = Number(rawTimestamp.trim());
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = (options.nowMs ?? Date.now()) / 1000;
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: "stale-timestamp" };
  const given = rawSignature
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.startsWith("v1="))
    .map((s) => s.slice(3));
  const secrets = typeof secret === "string" ? [secret] : secret;
  const matches = secrets.some((sec) => {
    const expected = Buffer.from(computeSignature(sec, timestamp, body), "hex");
    return given.some((g) => {
      if (!/^[0-9a-f]{64}$/i.test(g)) return false;
      const b = Buffer.from(g, "hex");
      return b.length === expected.length && timingSafeEqual(b, expected);
    });
  });
  if (!matches) return { ok: false, reason: "signature-mismatch" };
  const rawKey = header(headers, IDEMPOTENCY_HEADER);
  let key: string | undefined;
  try {
    key = rawKey === undefined ? undefined : decodeURIComponent(rawKey);
  } catch {
    key = rawKey;
  }
  return { ok: true, timestamp, key };
}
