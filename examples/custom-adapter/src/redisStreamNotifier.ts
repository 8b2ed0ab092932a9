/**
 * The notifier: each notification becomes one entry of a Redis stream, added by a Lua script that
 * first looks up the idempotency key, so a retried send (the dispatcher crashed after Redis took the
 * message but before the outbox recorded it) finds the key and adds nothing. The send succeeds only
 * once Redis has answered.
 *
 * The connection opens on the first send and is opened again after it drops, so a Redis server
 * that is down at start-up is a retryable failure, not a crash.
 */
import { createHash } from "node:crypto";
import {
  type Notification,
  type NotificationRecipient,
  Notifier,
  type NotifierError,
  type NotifierService,
  type Receipt,
} from "@cchc/core";
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { createClient, ErrorReply } from "redis";
import { badInput, classifyRedisError, NOTIFIER_NAME } from "./redisErrors.js";
import { SEND_SCRIPT } from "./sendScript.js";
import { streamEntryFields } from "./streamEntry.js";

/** The stream notifiers write to when given none. */
export const DEFAULT_STREAM = "cchc:notifications";
/** How long a sent key is remembered: reminders are computed daily, so two days. */
export const DEFAULT_DEDUPE_SECONDS = 2 * 86_400;

/** Settings of the Redis Streams notifier. */
export interface RedisStreamNotifierOptions {
  /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS. */
  readonly url: string;
  /**
   * The stream (default `cchc:notifications`), or a function of the recipient for one stream per
   * unit (`(r) => \`cchc:unit:${r.unitId}\``).
   */
  readonly stream?: string | ((recipient: NotificationRecipient) => string);
  /** Seconds a sent key is remembered and a second send of it dropped (default two days). */
  readonly dedupeSeconds?: number;
  /** Keeps the stream to about this many entries (`XADD MAXLEN ~`); default: no cap. */
  readonly maxLen?: number;
  /** Timeout of the connection and of each command, in ms (default 5,000). */
  readonly timeoutMs?: number;
  /** The client name Redis shows in `CLIENT LIST` (default "cchc-redis-notifier"). */
  readonly clientName?: string;
}

/** The dedupe key of a notification key in a stream: next to the stream, so both share a slot. */
export function dedupeKey(stream: string, key: string): string {
  return `${stream}:sent:${key}`;
}

/** A Redis Streams notifier and the means to close its connection. */
export interface RedisStreamNotifier extends NotifierService {
  close(): Promise<void>;
}

/** Checks the settings: a URL Redis can use, positive numbers. */
export function checkOptions(options: RedisStreamNotifierOptions): NotifierError | undefined {
  const config = (vi: string, en: string) => badInput({ vi, en }, "config");
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return config(`URL Redis không hợp lệ: ${options.url}`, `invalid Redis URL: ${options.url}`);
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:")
    return config(
      `URL Redis phải bắt đầu bằng redis:// hoặc rediss:// (đang là ${url.protocol})`,
      `a Redis URL starts with redis:// or rediss:// (got ${url.protocol})`,
    );
  for (const [name, value] of [
    ["dedupeSeconds", options.dedupeSeconds],
    ["maxLen", options.maxLen],
    ["timeoutMs", options.timeoutMs],
  ] as const)
    if (value !== undefined && (!Number.isInteger(value) || value <= 0))
      return config(
        `${name} phải là số nguyên dương (${value})`,
        `${name} must be a positive integer (${value})`,
      );
  return undefined;
}

const SCRIPT_SHA = createHash("sha1").update(SEND_SCRIPT).digest("hex");

/** Builds the notifier; nothing connects until the first send. Throws on invalid settings. */
export function makeRedisStreamNotifier(options: RedisStreamNotifierOptions): RedisStreamNotifier {
  const invalid = checkOptions(options);
  if (invalid) throw invalid;
  const timeout = options.timeoutMs ?? 5_000;
  const dedupeSeconds = options.dedupeSeconds ?? DEFAULT_DEDUPE_SECONDS;
  const streamFor = (r: NotificationRecipient): string =>
    typeof options.stream === "function" ? options.stream(r) : (options.stream ?? DEFAULT_STREAM);

  const newClient = () =>
    createClient({
      url: options.url,
      name: options.clientName ?? "cchc-redis-notifier",
      // No silent reconnect loop and no offline queue: a send while Redis is away fails at once as
      // retryable, and the outbox schedules the retry (it survives a restart; a queue in memory does not).
      socket: { connectTimeout: timeout, reconnectStrategy: false },
      disableOfflineQueue: true,
      commandOptions: { timeout },
    });
  type Client = ReturnType<typeof newClient>;
  let client: Client | undefined;
  let pending: Promise<Client> | undefined;
  const open = async (): Promise<Client> => {
    if (client?.isReady) return client;
    if (client !== undefined) {
      // The connection dropped: forget this client and open a new one.
      const dropped = client;
      client = undefined;
      if (dropped.isOpen) dropped.destroy();
    }
    if (pending === undefined) {
      const c = newClient();
      // Errors surface through the command that failed; the event only needs a listener.
      c.on("error", () => undefined);
      pending = c
        .connect()
        .then(() => {
          client = c;
          return c;
        })
        .finally(() => {
          pending = undefined;
        });
    }
    return pending;
  };

  const runScript = async (c: Client, keys: string[], args: string[]): Promise<unknown> => {
    try {
      return await c.evalSha(SCRIPT_SHA, { keys, arguments: args });
    } catch (error) {
      // First send since Redis started (or SCRIPT FLUSH): load the script by sending it whole.
      if (error instanceof ErrorReply && error.message.startsWith("NOSCRIPT"))
        return await c.eval(SEND_SCRIPT, { keys, arguments: args });
      throw error;
    }
  };

  const deliver = async (n: Notification, stream: string, nowMs: number): Promise<Receipt> => {
    const connected = await open();
    const fields = Object.entries(streamEntryFields(n, nowMs)).flat();
    const reply = await runScript(
      connected,
      [dedupeKey(stream, n.key), stream],
      [String(dedupeSeconds), String(options.maxLen ?? 0), ...fields],
    );
    if (!Array.isArray(reply) || reply.length !== 2)
      throw new ErrorReply(`ERR unexpected script reply ${JSON.stringify(reply)}`);
    const duplicate = Number(reply[0]) === 1;
    const id = String(reply[1]);
    return {
      notifier: NOTIFIER_NAME,
      id,
      duplicate,
      response: duplicate ? `already in ${stream} as ${id}` : `XADD ${stream} ${id}`,
    };
  };

  return {
    name: NOTIFIER_NAME,
    send: (n) =>
      Effect.gen(function* () {
        if (typeof n.key !== "string" || n.key.trim() === "")
          return yield* badInput({
            vi: "thông báo không có khóa chống trùng",
            en: "the notification has no idempotency key",
          });
        if (n.recipient.unitId.trim() === "")
          return yield* badInput(
            { vi: "người nhận không có mã đơn vị", en: "the recipient has no unit id" },
            "address",
          );
        const stream = streamFor(n.recipient);
        if (typeof stream !== "string" || stream === "")
          return yield* badInput(
            {
              vi: `không có luồng Redis cho đơn vị ${n.recipient.unitId}`,
              en: `no Redis stream for unit ${n.recipient.unitId}`,
            },
            "address",
          );
        const now = yield* Clock.currentTimeMillis;
        return yield* Effect.tryPromise({
          try: () => deliver(n, stream, Number(now)),
          catch: classifyRedisError,
        });
      }),
    close: async () => {
      await pending?.catch(() => undefined);
      const c = client;
      client = undefined;
      if (c?.isOpen) await c.close().catch(() => undefined);
    },
  };
}

/** Layers of the Redis Streams notifier. */
export const RedisStreamNotifier = {
  /**
   * The `Notifier` layer writing to a Redis stream; fails with a `NotifierError` (code "config")
   * on invalid settings, and closes the connection when the layer is released.
   */
  layer: (options: RedisStreamNotifierOptions): Layer.Layer<Notifier, NotifierError> =>
    Layer.effect(
      Notifier,
      Effect.acquireRelease(
        Effect.suspend(() => {
          const invalid = checkOptions(options);
          return invalid ? Effect.fail(invalid) : Effect.sync(() => makeRedisStreamNotifier(options));
        }),
        (n) => Effect.promise(() => n.close()),
      ),
    ),
};
