/**
 * The security headers of every response (pages, downloads, errors, 404), through Hono's
 * `secureHeaders` middleware: a strict Content-Security-Policy (only the app's own style sheet, no
 * script at all, no frames, forms only to the app), no MIME sniffing, no referrer, no framing,
 * no powerful browser features, isolated browsing context and resources. Strict-Transport-Security
 * only when the app is served over HTTPS: sent over plain HTTP it would be ignored at best, and
 * behind a proxy that adds TLS later it would pin browsers before the operator meant to.
 */
import { createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/** The pages' policy: the app's own files only; no script, plugin, frame or foreign form target. */
export const PAGE_POLICY: NonNullable<SecureHeadersOptions["contentSecurityPolicy"]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** No camera, microphone, location, payment, USB… for a page that needs none of them. */
const PERMISSIONS: SecureHeadersOptions["permissionsPolicy"] = {
  accelerometer: [],
  autoplay: [],
  camera: [],
  displayCapture: [],
  geolocation: [],
  gyroscope: [],
  magnetometer: [],
  microphone: [],
  midi: [],
  payment: [],
  publickeyCredentialsGet: [],
  screenWakeLock: [],
  serial: [],
  usb: [],
  xrSpatialTracking: [],
};

/** HSTS as sent over HTTPS: one year, subdomains included. */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The middleware. `https`: the app is served over HTTPS (directly or behind a TLS proxy), so
 * Strict-Transport-Security is sent; it is sent too for a request that itself arrived as https.
 * A handler that sets its own Content-Security-Policy (an HTML download) keeps it.
 */
export function securityHeaders(options: { readonly https: boolean }): MiddlewareHandler {
  const common = secureHeaders({
    contentSecurityPolicy: PAGE_POLICY,
    xFrameOptions: "DENY",
    referrerPolicy: "no-referrer",
    crossOriginOpenerPolicy: "same-origin",
    crossOriginResourcePolicy: "same-origin",
    strictTransportSecurity: false,
    permissionsPolicy: PERMISSIONS,
    overwrite: false,
  });
  return async (c, next) => {
    await common(c, next);
    if (options.https || new URL(c.req.url).protocol === "https:")
      c.res.headers.set("Strict-Transport-Security", HSTS);
  };
}

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The policy of an HTML document the app exports and shows inline (to print from the browser):
 * nothing may load or run; only the document's own `<style>` block and style attributes apply,
 * allowed by their hashes, so no other inline style can.
 */
export function exportedHtmlPolicy(html: string): string {
  const blocks = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1] ?? ""));
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => sha256(m[1] ?? ""));
  const styles = [...new Set([...blocks, ...attributes])];
  return [
    "default-src 'none'",
    `style-src ${[...(attributes.length > 0 ? ["'unsafe-hashes'"] : []), ...styles].join(" ") || "'none'"}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
