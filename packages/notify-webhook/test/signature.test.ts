/** Signing and verifying, as a receiver does it. */
import { NotifierError } from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { describe, expect, it } from "vitest";
import {
  checkWebhookSecret,
  computeSignature,
  MIN_SECRET_LENGTH,
  makeWebhookNotifier,
  signatureHeaders,
  verifyWebhookSignature,
  WebhookNotifier,
} from "../src/index.js";

const SECRET = "bi-mat-chung-cua-he-thong-van-ban";
const NOW = Date.parse("2018-03-08T01:00:00Z");
const body = JSON.stringify({
  key: "a:Đắk Lắk:2018Q1:overdue",
  title: "Nhắc báo cáo Quý I năm 2018",
});
const ts = Math.floor(NOW / 1000);
const signed: Record<string, string> = {
  ...signatureHeaders(SECRET, ts, body),
  "Idempotency-Key": encodeURIComponent("a:Đắk Lắk:2018Q1:overdue"),
};

describe("verifyWebhookSignature", () => {
  it("accepts the exact body, signed within the tolerance, from a record or a Headers object", () => {
    expect(signed["X-CCHC-Signature"]).toBe(`v1=${computeSignature(SECRET, ts, body)}`);
    expect(computeSignature(SECRET, ts, body)).toMatch(/^[0-9a-f]{64}$/);
    const lower = Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v]));
    for (const headers of [signed, lower, new Headers(signed)])
      expect(verifyWebhookSignature(SECRET, headers, body, { nowMs: NOW + 60_000 })).toEqual({
        ok: true,
        timestamp: ts,
        key: "a:Đắk Lắk:2018Q1:overdue",
      });
  });

  it("rejects a changed body, another secret, a stale or future timestamp, and missing headers", () => {
    const v = (
      h: Record<string, string>,
      b = body,
      o: { nowMs?: number; toleranceSeconds?: number } = { nowMs: NOW },
    ) => verifyWebhookSignature(SECRET, h, b, o);
    expect(v(signed, `${body} `)).toMatchObject({ ok: false, reason: "signature-mismatch" });
    expect(verifyWebhookSignature("another-secret-of-16+", signed, body, { nowMs: NOW })).toMatchObject({
      ok: false,
      reason: "signature-mismatch",
    });
    // A replay ten minutes later is refused; so is a clock far ahead.
    expect(v(signed, body, { nowMs: NOW + 600_000 })).toMatchObject({ ok: false, reason: "stale-timestamp" });
    expect(v(signed, body, { nowMs: NOW - 600_000 })).toMatchObject({ ok: false, reason: "stale-timestamp" });
    expect(v(signed, body, { nowMs: NOW + 600_000, toleranceSeconds: 900 }).ok).toBe(true);
    // The timestamp is signed: moving it forward breaks the signature.
    expect(
      v({ ...signed, "X-CCHC-Timestamp": String(ts + 100) }, body, { nowMs: NOW + 100_000 }),
    ).toMatchObject({ ok: false, reason: "signature-mismatch" });
    expect(v({ "X-CCHC-Signature": signed["X-CCHC-Signature"] ?? "" })).toMatchObject({
      ok: false,
      reason: "missing-timestamp",
    });
    expect(v({ "X-CCHC-Timestamp": String(ts) })).toMatchObject({ ok: false, reason: "missing-signature" });
    expect(v({ ...signed, "X-CCHC-Timestamp": "1e9" })).toMatchObject({ ok: false, reason: "bad-timestamp" });
    expect(v({ ...signed, "X-CCHC-Signature": "v1=zz" })).toMatchObject({
      ok: false,
      reason: "signature-mismatch",
    });
  });

  it("returns the key from the signed body; a replay with a changed Idempotency-Key header fails", () => {
    const at = { nowMs: NOW + 30_000 };
    const { "Idempotency-Key": _, ...noHeader } = signed;
    expect(verifyWebhookSignature(SECRET, noHeader, body, at)).toEqual({
      ok: true,
      timestamp: ts,
      key: "a:Đắk Lắk:2018Q1:overdue",
    });
    // The attacker replays the captured request within the window with a fresh key in the header.
    for (const fresh of [
      "a:Đắk Lắk:2018Q1:overdue#2",
      "khac-han",
      encodeURIComponent("a:Đắk Lắk:2018Q1:overdue "),
    ]) {
      const replay = verifyWebhookSignature(SECRET, { ...signed, "Idempotency-Key": fresh }, body, at);
      expect(replay).toMatchObject({ ok: false, reason: "key-mismatch" });
      if (!replay.ok) expect(replay.message.en).toMatch(/Idempotency-Key/);
    }
    // A header next to a signed body without a key cannot be trusted either.
    const keyless = JSON.stringify({ title: "x" });
    const keylessHeaders = { ...signatureHeaders(SECRET, ts, keyless), "Idempotency-Key": "x" };
    expect(verifyWebhookSignature(SECRET, keylessHeaders, keyless, at)).toMatchObject({
      reason: "key-mismatch",
    });
    expect(verifyWebhookSignature(SECRET, signatureHeaders(SECRET, ts, keyless), keyless, at)).toEqual({
      ok: true,
      timestamp: ts,
      key: undefined,
    });
  });

  it(`refuses secrets under ${MIN_SECRET_LENGTH} characters on the receiving side`, () => {
    for (const weak of ["", "short", "x".repeat(MIN_SECRET_LENGTH - 1), [], [SECRET, ""]] as const) {
      const secrets = typeof weak === "string" ? [weak] : weak;
      // Even a request correctly signed with that weak secret is refused.
      const sig = secrets.map((s) => `v1=${computeSignature(s, ts, body)}`).join(",");
      const r = verifyWebhookSignature(weak, { ...signed, "X-CCHC-Signature": sig || "v1=00" }, body, {
        nowMs: NOW,
      });
      expect(r).toMatchObject({ ok: false, reason: "weak-secret" });
      if (!r.ok) expect(r.message.vi).toMatch(/khóa bí mật/);
      expect(checkWebhookSecret(weak)).toMatchObject({ code: "weak-secret" });
    }
    expect(checkWebhookSecret(undefined)?.message.en).toMatch(/no webhook secret/);
    expect(checkWebhookSecret(1234567890123456)?.message.en).toMatch(/must be a string/);
    expect(checkWebhookSecret("x".repeat(MIN_SECRET_LENGTH))).toBeUndefined();
  });

  it("supports rotating secrets on both sides", () => {
    const oldSig = computeSignature("the-old-secret-16ch", ts, body);
    const headers = { ...signed, "X-CCHC-Signature": `v1=${oldSig}, ${signed["X-CCHC-Signature"]}` };
    expect(verifyWebhookSignature(SECRET, headers, body, { nowMs: NOW }).ok).toBe(true);
    expect(
      verifyWebhookSignature(
        ["the-old-secret-16ch", "x-new-secret-16chars"],
        { ...signed, "X-CCHC-Signature": `v1=${oldSig}` },
        body,
        {
          nowMs: NOW,
        },
      ).ok,
    ).toBe(true);
  });
});

describe("the sender's secret", () => {
  it(`is refused under ${MIN_SECRET_LENGTH} characters with a NotifierError (code "config")`, async () => {
    for (const secret of ["", "x".repeat(MIN_SECRET_LENGTH - 1)]) {
      let thrown: unknown;
      try {
        makeWebhookNotifier({ url: "http://127.0.0.1:9/", secret });
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(NotifierError);
      expect(thrown).toMatchObject({ notifier: "webhook", code: "config", retryable: false });
      expect((thrown as NotifierError).reason.vi).toMatch(/quá ngắn/);
      const built = await Effect.runPromise(
        Effect.flip(
          Layer.build(WebhookNotifier.layer({ url: "http://127.0.0.1:9/", secret })).pipe(Effect.scoped),
        ),
      );
      expect(built).toBeInstanceOf(NotifierError);
      expect(built).toMatchObject({ code: "config" });
    }
    expect(makeWebhookNotifier({ url: "http://127.0.0.1:9/", secret: SECRET }).name).toBe("webhook");
  });
});
