/**
 * @cchc/example-custom-adapter — a notifier written the way a third party writes one: outside the
 * @cchc packages, on their public API only (`@cchc/core` for the port, `@cchc/testing/contracts` for
 * the suite). It delivers reminders to a Redis stream, the queue many agencies' e-office and
 * one-stop-shop systems already run, where their own consumer group reads them.
 */

export { badInput, classifyRedisError, NOTIFIER_NAME } from "./redisErrors.js";
export {
  checkOptions,
  DEFAULT_DEDUPE_SECONDS,
  DEFAULT_STREAM,
  dedupeKey,
  makeRedisStreamNotifier,
  RedisStreamNotifier,
  type RedisStreamNotifierOptions,
} from "./redisStreamNotifier.js";
export { SEND_SCRIPT } from "./sendScript.js";
export {
  ENTRY_TYPE,
  readStreamEntry,
  StreamEntryError,
  type StreamEntryFields,
  type StreamNotification,
  streamEntryFields,
} from "./streamEntry.js";
