/**
 * @cchc/notify-nats — the NATS JetStream notifier: each notification is published as JSON to a
 * subject captured by a stream, with the idempotency key as the JetStream message id
 * (`Nats-Msg-Id`), so the broker itself drops a second publish of the same key within the
 * stream's duplicate window. The publish succeeds only once the stream has acknowledged it.
 *
 * The connection is opened on the first send and reopened after a failure, so a broker that is
 * down at start-up is a retryable failure, not a crash. A subject no stream captures is a permanent
 * failure that says so (code "no-stream", with the command that creates the stream): the NATS
 * client reports it as "jetstream is not enabled", which is seldom the cause.
 */
import {
  headerSafeKey,
  type Notification,
  Notifier,
  NotifierError,
  type NotifierService,
  type Receipt,
} from "@cchc/core";
import { type JetStreamManager, jetstream, jetstreamManager } from "@nats-io/jetstream";
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

/** The stream `createNatsStream` (and `cchc remind --nats-create-stream`) makes when none is named. */
export const DEFAULT_STREAM = "CCHC_REMINDERS";

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

/** What `createNatsStream` found and did. */
export interface NatsStreamReport {
  /** The stream the subjects were added to (or created with them). */
  readonly stream: string;
  /** True when the stream did not exist and was created. */
  readonly created: boolean;
  /** Subjects added to that stream now. */
  readonly added: readonly string[];
  /** Subjects another stream (or this one) already captured, with the stream's name. */
  readonly covered: readonly { readonly subject: string; readonly stream: string }[];
}

const isNotFound = (error: unknown) =>
  error instanceof Error &&
  (error.name === "StreamNotFoundError" || /not found|no stream matches/i.test(error.message));

/**
 * Makes sure every subject is captured by a stream, so publishes to it are stored and
 * acknowledged: a subject some stream already captures is left alone; the others are added to
 * `stream` (default `CCHC_REMINDERS`), which is created (duplicate window 2 days) when missing.
 * Never removes a subject from a stream. Opens and closes its own connection.
 */
export async function createNatsStream(
  options: Pick<NatsNotifierOptions, "servers" | "timeoutMs" | "user" | "pass" | "token" | "name">,
  request: {
    readonly subjects: readonly string[];
    readonly stream?: string;
    readonly duplicateWindowMs?: number;
  },
): Promise<NatsStreamReport> {
  const timeout = options.timeoutMs ?? 5_000;
  const nc = await connect({
    servers: typeof options.servers === "string" ? options.servers.split(",") : [...options.servers],
    timeout,
    name: options.name ?? "cchc-notify-nats",
    ...(options.user === undefined ? {} : { user: options.user, pass: options.pass ?? "" }),
    ...(options.token === undefined ? {} : { token: options.token }),
  });
  try {
    const jsm = await jetstreamManager(nc, { timeout });
    const name = request.stream ?? DEFAULT_STREAM;
    const covered: { subject: string; stream: string }[] = [];
    const missing: string[] = [];
    for (const subject of [...new Set(request.subjects)]) {
      const owner = await jsm.streams.find(subject).catch((error: unknown) => {
        if (isNotFound(error)) return undefined;
        throw error;
      });
      if (owner === undefined) missing.push(subject);
      else covered.push({ subject, stream: owner });
    }
    const current = await jsm.streams.info(name).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (missing.length === 0) return { stream: name, created: false, added: [], covered };
    if (current === undefined) {
      await jsm.streams.add({
        name,
        subjects: missing,
        duplicate_window: (request.duplicateWindowMs ?? 2 * 86_400_000) * 1_000_000,
      });
      return { stream: name, created: true, added: missing, covered };
    }
    await jsm.streams.update(name, { subjects: [...(current.config.subjects ?? []), ...missing] });
    return { stream: name, created: false, added: missing, covered };
  } finally {
    await nc.close().catch(() => undefined);
  }
}

/** The one `nats` CLI command that creates a stream for `subject`, as messages suggest it. */
export function natsStreamCommand(subject: string, stream = DEFAULT_STREAM): string {
  return `nats stream add ${stream} --subjects '${subject}' --defaults --dupe-window 48h`;
}

/**
 * Why a publish had no JetStream responder (the client's "jetstream is not enabled"): no stream
 * captures the subject (permanent, code "no-stream"), JetStream really is off for the account
 * (permanent, "config"), or undetermined (the client's error, retryable).
 */
async function diagnoseNoResponders(
  jsm: () => Promise<JetStreamManager>,
  subject: string,
  stream: string | undefined,
  server: string,
  error: unknown,
): Promise<NotifierError> {
  let manager: JetStreamManager;
  try {
    manager = await jsm();
  } catch (cause) {
    if (cause instanceof Error && cause.name === "JetStreamNotEnabled")
      return new NotifierError({
        notifier: "nats",
        retryable: false,
        code: "config",
        reason: {
          vi: `máy chủ NATS ${server} chưa bật JetStream cho tài khoản này (chạy nats-server -js)`,
          en: `JetStream is not enabled on the NATS server ${server} for this account (run nats-server -js)`,
        },
        cause,
      });
    return classifyNatsError(error);
  }
  const owner = await manager.streams
    .find(subject)
    .catch((cause: unknown) => (isNotFound(cause) ? null : undefined));
  if (owner === null || (stream !== undefined && owner !== stream)) {
    const name = stream ?? DEFAULT_STREAM;
    const what =
      owner === null
        ? {
            vi: `không có stream JetStream nào nhận chủ đề "${subject}"`,
            en: `no JetStream stream captures the subject "${subject}"`,
          }
        : {
            vi: `chủ đề "${subject}" thuộc stream ${owner}, không phải ${stream}`,
            en: `the subject "${subject}" is captured by the stream ${owner}, not ${stream}`,
          };
    return new NotifierError({
      notifier: "nats",
      retryable: false,
      code: "no-stream",
      reason: {
        vi: `${what.vi} trên ${server}: tạo bằng \`${natsStreamCommand(subject, name)}\` hoặc cchc remind --nats-create-stream, rồi cchc outbox requeue`,
        en: `${what.en} on ${server}: create one with \`${natsStreamCommand(subject, name)}\` or cchc remind --nats-create-stream, then cchc outbox requeue`,
      },
      cause: error,
    });
  }
  return classifyNatsError(error);
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
  const server = typeof options.servers === "string" ? options.servers : options.servers.join(",");
  const publish = async (n: Notification, nowMs: number): Promise<Receipt> => {
    const nc = await open();
    const js = jetstream(nc);
    const subject = n.recipient.natsSubject ?? options.subject ?? DEFAULT_SUBJECT;
    try {
      const ack = await js.publish(subject, JSON.stringify(natsPayload(n, nowMs)), {
        msgID: headerSafeKey(n.key),
        timeout,
        ...(options.stream === undefined ? {} : { expect: { streamName: options.stream } }),
      });
      return { notifier: "nats", id: `${ack.stream}:${ack.seq}`, duplicate: ack.duplicate };
    } catch (error) {
      if (error instanceof Error && error.name === "JetStreamNotEnabled")
        throw await diagnoseNoResponders(
          () => jetstreamManager(nc, { timeout }),
          subject,
          options.stream,
          server,
          error,
        );
      throw error;
    }
  };
  return {
    name: "nats",
    send: (n) =>
      Effect.flatMap(Clock.currentTimeMillis, (ms) =>
        Effect.tryPromise({
          try: () => publish(n, Number(ms)),
          catch: (error) => (error instanceof NotifierError ? error : classifyNatsError(error)),
        }),
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
