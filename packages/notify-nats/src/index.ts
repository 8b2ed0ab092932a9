/**
 * @cchc/notify-nats — the NATS JetStream notifier: each notification is published as JSON to a
 * subject captured by a stream, with the idempotency key as the JetStream message id
 * (`Nats-Msg-Id`), so the broker itself drops a second publish of the same key within the
 * stream's duplicate window. The publish succeeds only once the stream has acknowledged it.
 *
 * The connection is opened on the first send and reopened after a failure, so a broker that is
 * down at start-up is a retryable failure, not a crash.
 */
import {
  headerSafeKey,
  type Notification,
  Notifier,
  NotifierError,
  type NotifierService,
  type Receipt,
} from "@cchc/core";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";

/** The default subject, for notifiers given none: `cchc.reminders`. */
export const DEFAULT_SUBJECT = "cchc.reminders";

/** Settings of the NATS notifier. */
export interface NatsNotifierOptions {
  /** Server(s), e.g. "127.0.0.1:4222" or "nats://a:4222,nats://b:4222". */
  readonly servers: string | readonly string[];
  /**
   * The subject to publish to (default `cchc.reminders`); a recipient's own `natsSubject` is used
   * instead when it has one.
   */
  readonly subject?: string;
  /** When set, the publish fails unless this stream captures it (JetStream `expect.streamName`). */
  readonly stream?: string;
  /** Timeout of the connection and of each publish acknowledgement in ms (default 5,000). */
  readonly timeoutMs?: number;
  /** Credentials, when the server requires them. */
  readonly user?: string;
  readonly pass?: string;
  readonly token?: string;
  /** Client name shown by the server (default "cchc-notify-nats"). */
  readonly name?: string;
}

/** Settings of `ensureStream`. */
export interface EnsureStreamOptions {
  readonly name: string;
  readonly subjects: readonly string[];
  /** How long the stream remembers message ids to drop duplicates, in ms (default 2 days). */
  readonly duplicateWindowMs?: number;
}

/**
 * Creates the stream if it does not exist, or updates its subjects and duplicate window: run it
 * once at deployment (or in tests). The duplicate window is the span in which JetStream drops a
 * second publish of the same key; reminders are computed daily, so the default is two days.
 */
export async function ensureStream(nc: NatsConnection, options: EnsureStreamOptions): Promise<void> {
  const jsm = await jetstreamManager(nc);
  const config = {
    name: options.name,
    subjects: [...options.subjects],
    duplicate_window: (options.duplicateWindowMs ?? 2 * 86_400_000) * 1_000_000,
  };
  try {
    await jsm.streams.info(options.name);
    await jsm.streams.update(options.name, {
      subjects: config.subjects,
      duplicate_window: config.duplicate_window,
    });
  } catch (error) {
    if (!(error instanceof Error) || !/not found/i.test(error.message)) throw error;
    await jsm.streams.add(config);
  }
}

/** The JSON published for a notification. */
export function natsPayload(n: Notification, sentAtMs: number) {
  return {
    type: "cchc.notification" as const,
    key: n.key,
    sentAt: new Date(sentAtMs).toISOString(),
    recipient: n.recipient,
    title: `${n.subject.vi} / ${n.subject.en}`,
    subject: n.subject,
    body: n.body,
    data: n.data ?? null,
  };
}

const RETRYABLE = new Set([
  "ConnectionError",
  "TimeoutError",
  "ClosedConnectionError",
  "DrainingConnectionError",
  "NoRespondersError",
  "JetStreamNotEnabled",
  "RequestError",
]);

/** Classifies what the NATS client threw: network trouble and a missing JetStream responder retry. */
export function classifyNatsError(error: unknown): NotifierError {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  const apiCode = (error as { code?: unknown }).code;
  if (RETRYABLE.has(name) || /timeout|connection|disconnect|503/i.test(message))
    return new NotifierError({
      notifier: "nats",
      retryable: true,
      code: name === "TimeoutError" ? "timeout" : name === "JetStreamNotEnabled" ? "server" : "connection",
      reason: {
        vi: `không gửi được lên NATS (${name}): ${message}`,
        en: `cannot publish to NATS (${name}): ${message}`,
      },
      cause: error,
    });
  return new NotifierError({
    notifier: "nats",
    retryable: false,
    code: name === "InvalidSubjectError" ? "address" : "rejected",
    reason: {
      vi: `NATS từ chối (${name}${typeof apiCode === "number" ? ` ${apiCode}` : ""}): ${message}`,
      en: `NATS refused (${name}${typeof apiCode === "number" ? ` ${apiCode}` : ""}): ${message}`,
    },
    cause: error,
  });
}

/** A NATS notifier and the means to close its connection. */
export interface NatsNotifier extends NotifierService {
  /** Drains and closes the NATS connection (call it when the process stops). */
  close(): Promise<void>;
}

/** Builds the NATS notifier; the connection opens on the first send. */
export function makeNatsNotifier(options: NatsNotifierOptions): NatsNotifier {
  const timeout = options.timeoutMs ?? 5_000;
  let connection: Promise<NatsConnection> | undefined;
  const open = (): Promise<NatsConnection> => {
    if (connection === undefined) {
      const attempt = connect({
        servers: typeof options.servers === "string" ? options.servers.split(",") : [...options.servers],
        timeout,
        name: options.name ?? "cchc-notify-nats",
        ...(options.user === undefined ? {} : { user: options.user, pass: options.pass ?? "" }),
        ...(options.token === undefined ? {} : { token: options.token }),
      });
      connection = attempt;
      attempt.then(
        (nc) => {
          nc.closed().then(() => {
            if (connection === attempt) connection = undefined;
          });
        },
        () => {
          if (connection === attempt) connection = undefined;
        },
      );
    }
    return connection;
  };
  const publish = async (n: Notification, nowMs: number): Promise<Receipt> => {
    const nc = await open();
    const js = jetstream(nc);
    const subject = n.recipient.natsSubject ?? options.subject ?? DEFAULT_SUBJECT;
    const ack = await js.publish(subject, JSON.stringify(natsPayload(n, nowMs)), {
      msgID: headerSafeKey(n.key),
      timeout,
      ...(options.stream === undefined ? {} : { expect: { streamName: options.stream } }),
    });
    return { notifier: "nats", id: `${ack.stream}:${ack.seq}`, duplicate: ack.duplicate };
  };
  return {
    name: "nats",
    send: (n) =>
      Effect.flatMap(Clock.currentTimeMillis, (ms) =>
        Effect.tryPromise({ try: () => publish(n, Number(ms)), catch: classifyNatsError }),
      ),
    close: async () => {
      const c = connection;
      connection = undefined;
      if (c) await c.then((nc) => nc.close()).catch(() => undefined);
    },
  };
}

/** Reads `nats://host:port[,host:port][?subject=…&stream=…]`, the form the CLI takes in `--notify`. */
export function natsOptionsFromUrl(url: string): NatsNotifierOptions {
  const u = new URL(url);
  if (u.protocol !== "nats:")
    throw new RangeError(`natsOptionsFromUrl: expected nats:// (got ${u.protocol})`);
  const subject = u.searchParams.get("subject");
  const stream = u.searchParams.get("stream");
  return {
    servers: `${u.hostname}:${u.port === "" ? "4222" : u.port}`,
    ...(subject === null ? {} : { subject }),
    ...(stream === null ? {} : { stream }),
    ...(u.username === ""
      ? {}
      : { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }),
  };
}

/** Layers of the NATS notifier. */
export const NatsNotifier = {
  /** The `Notifier` layer publishing to JetStream; the connection is closed when the layer is released. */
  layer: (options: NatsNotifierOptions): Layer.Layer<Notifier> =>
    Layer.effect(
      Notifier,
      Effect.acquireRelease(
        Effect.sync(() => makeNatsNotifier(options)),
        (n) => Effect.promise(() => n.close()),
      ),
    ),
};
