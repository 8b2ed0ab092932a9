/**
 * Session tokens: 32 random bytes from the operating system's CSPRNG, sent to the browser in
 * base64url; only their SHA-256 is stored, so a copy of the database opens no session.
 */
import { createHash, randomBytes } from "node:crypto";

/** A new session token (43 characters of base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The hex SHA-256 of a token, as the accounts store keeps it. */
export function tokenDigest(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when a string can be a token made by `newSessionToken` (anything else is not looked up). */
export function isSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
