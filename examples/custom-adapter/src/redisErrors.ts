/**
 * What went wrong, in the terms of the notifier port: can trying again help? Redis answers a
 * refused command with an error reply whose first word is a code (WRONGTYPE, NOAUTH, LOADING…);
 * everything else the client throws is the network (refused, reset, timed out).
 */
import { NotifierError } from "@cchc/core";
import { ErrorReply } from "redis";

/** The notifier's name, in receipts, errors and the outbox. */
export const NOTIFIER_NAME = "redis";

/** Reply codes that pass on their own: the server is starting, busy, failing over or full. */
const TRANSIENT_REPLIES = new Set([
  "LOADING",
  "BUSY",
  "TRYAGAIN",
  "READONLY",
  "MASTERDOWN",
  "CLUSTERDOWN",
  "MOVED",
  "ASK",
  "OOM",
]);
/** Reply codes an operator must fix (credentials, ACL): retrying the same message never helps. */
const CONFIG_REPLIES = new Set(["NOAUTH", "WRONGPASS", "NOPERM"]);

/** A permanent failure for a notification the adapter will not send (checked before any I/O). */
export function badInput(reason: { vi: string; en: string }, code = "rejected"): NotifierError {
  return new NotifierError({ notifier: NOTIFIER_NAME, retryable: false, code, reason });
}

/** Maps what the Redis client threw to a `NotifierError`. */
export function classifyRedisError(error: unknown): NotifierError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ErrorReply) {
    const reply = message.split(/\s/, 1)[0] ?? "";
    if (TRANSIENT_REPLIES.has(reply))
      return new NotifierError({
        notifier: NOTIFIER_NAME,
        retryable: true,
        code: "server",
        reason: { vi: `Redis tạm thời chưa nhận (${message})`, en: `Redis cannot take it now (${message})` },
        cause: error,
      });
    return new NotifierError({
      notifier: NOTIFIER_NAME,
      retryable: false,
      code: CONFIG_REPLIES.has(reply) ? "config" : "rejected",
      reason: { vi: `Redis từ chối (${message})`, en: `Redis refused (${message})` },
      cause: error,
    });
  }
  const name = error instanceof Error ? error.constructor.name : "";
  const timeout = /Timeout/.test(name) || (error as { code?: unknown }).code === "ETIMEDOUT";
  return new NotifierError({
    notifier: NOTIFIER_NAME,
    retryable: true,
    code: timeout ? "timeout" : "connection",
    reason: {
      vi: `không kết nối được Redis (${message})`,
      en: `cannot reach Redis (${message})`,
    },
    cause: error,
  });
}
