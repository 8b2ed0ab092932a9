/** Signing and verifying, as a receiver does it. */
import { describe, expect, it } from "vitest";
import { computeSignature, signatureHeaders, verifyWebhookSignature } from "../src/index.js";

const SECRET = "bi-mat-chung-cua-he-thong-van-ban";
const NOW = Date.parse("2018-03-08T01:00:00Z");
const body = JSON.stringify({
  key: "bo-tttt:vu-phap-che:2018Q1:before-7",
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
    expect(v(signed, `${body} `)).toEqual({ ok: false, reason: "signature-mismatch" });
    expect(verifyWebhookSignature("another-secret-of-16+", signed, body, { nowMs: NOW })).toEqual({
      ok: false,
      reason: "signature-mismatch",
    });
    // A replay ten minutes later is refused; so is a clock far ahead.
    expect(v(signed, body, { nowMs: NOW + 600_000 })).toEqual({ ok: false, reason: "stale-timestamp" });
    expect(v(signed, body, { nowMs: NOW - 600_000 })).toEqual({ ok: false, reason: "stale-timestamp" });
    expect(v(signed, body, { nowMs: NOW + 600_000, toleranceSeconds: 900 }).ok).toBe(true);
    // The timestamp is signed: moving it forward breaks the signature.
    expect(v({ ...signed, "X-CCHC-Timestamp": String(ts + 100) }, body, { nowMs: NOW + 100_000 })).toEqual({
      ok: false,
      reason: "signature-mismatch",
    });
    expect(v({ "X-CCHC-Signature": signed["X-CCHC-Signature"] ?? "" })).toEqual({
      ok: false,
      reason: "missing-timestamp",
    });
    expect(v({ "X-CCHC-Timestamp": String(ts) })).toEqual({ ok: false, reason: "missing-signature" });
    expect(v({ ...signed, "X-CCHC-Timestamp": "1e9" })).toEqual({ ok: false, reason: "bad-timestamp" });
    expect(v({ ...signed, "X-CCHC-Signature": "v1=zz" })).toEqual({
      ok: false,
      reason: "signature-mismatch",
    });
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
