/**
 * The notifier contract suite: what every notifier adapter must do against its REAL server (an
 * SMTP server on loopback, an HTTP endpoint, a NATS JetStream), read back through a harness the
 * adapter's test provides. A notification arrives once per send with its Vietnamese text intact
 * and its idempotency key readable by the receiver; hostile text cannot inject headers; a server
 * that is down is a retryable failure and a refused recipient a permanent one.
 *
 * ```ts
 * import { runNotifierContract } from "@cchc/testing/contracts";
 * runNotifierContract("my notifier", {
 *   layer: () => MyNotifier.layer({ url }),
 *   harness: { start, stop, received, recipient, unreachable },
 * });
 * ```
 */
import {
  type Notification,
  type NotificationRecipient,
  Notifier,
  NotifierError,
  type NotifierService,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** One message as the real server received it, decoded the way a receiver would. */
export interface ReceivedMessage {
  /** The idempotency key, as the receiver reads it (Message-ID map, header, Nats-Msg-Id). */
  readonly key: string;
  /** The subject line as a person sees it (decoded). */
  readonly subject: string;
  /** The plain text a person reads (decoded). */
  readonly text: string;
  /** Headers or metadata names the server saw, lower-cased, to check nothing was injected. */
  readonly headerNames?: readonly string[];
}

/** What the adapter's test gives the suite to reach and read its real server. */
export interface NotifierHarness {
  /** Starts the real server (or connects to it); called before the suite. */
  start(): Promise<void>;
  /** Stops it; called after the suite. */
  stop(): Promise<void>;
  /** Everything the server has received so far, oldest first. */
  received(): Promise<readonly ReceivedMessage[]>;
  /** A recipient the server accepts. */
  recipient(): NotificationRecipient;
  /** Optional: a recipient the server or the adapter refuses for good (invalid mailbox, HTTP 4xx). */
  refusedRecipient?(): NotificationRecipient;
  /** A notifier layer pointed at an address where nothing listens (connection refused). */
  unreachable(): Layer.Layer<Notifier, unknown>;
  /** True when the channel itself drops a second message with the same key (JetStream dedupe). */
  readonly dedupesByKey?: boolean;
}

/** How to run the notifier contract against one adapter. */
export interface NotifierContractOptions {
  /** Builds the notifier under test, pointed at the real server the harness reads. */
  readonly layer: () => Layer.Layer<Notifier, unknown>;
  readonly harness: NotifierHarness;
  /** Per-case timeout in ms (default 30,000). */
  readonly testTimeout?: number;
}

let seq = 0;
const freshKey = (what: string) =>
  `contract:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}${(seq++).toString(36)}:${what}`;

/** The notification every case sends, with the given key and recipient. */
export function contractMessage(key: string, recipient: NotificationRecipient): Notification {
  return {
    key,
    recipient,
    subject: {
      vi: "Nhắc báo cáo Quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày)",
      en: "Reminder: Q1 2018 report due 19/03/2018 (11 days left)",
    },
    body: {
      vi: "Kính gửi: Các cơ quan hành chính thuộc Bộ\n\nĐề nghị đơn vị gửi báo cáo kết quả thực hiện tuyên truyền cải cách hành chính Quý I năm 2018 chậm nhất ngày 19/03/2018. Ủy ban, hòa, thủy, Đắk Lắk 🇻🇳.",
      en: "To: the administrative agencies of the Ministry\n\nPlease submit the Q1 2018 report by 19/03/2018.",
    },
    data: { type: "cchc.reminder", kind: "before-14", periodId: "2018Q1", dueDate: "2018-03-19" },
  };
}

const waitFor = async <T>(probe: () => Promise<T>, done: (v: T) => boolean, ms = 5_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Registers the notifier contract for one adapter under `describe("notifier contract: <name>")`. */
export function runNotifierContract(name: string, options: NotifierContractOptions): void {
  const { harness } = options;
  const timeout = options.testTimeout ?? 30_000;
  let runtime: ManagedRuntime.ManagedRuntime<Notifier, unknown> | undefined;
  let notifier: NotifierService | undefined;

  const send = (n: Notification, via?: ManagedRuntime.ManagedRuntime<Notifier, unknown>) => {
    const r = via ?? runtime;
    if (!r) throw new Error("notifier contract: not started (did beforeAll fail?)");
    return r.runPromise(
      Effect.gen(function* () {
        const s = yield* Notifier;
        return yield* Effect.result(s.send(n));
      }),
    );
  };
  const arrived = async (key: string, count = 1) =>
    (await waitFor(harness.received, (all) => all.filter((m) => m.key === key).length >= count)).filter(
      (m) => m.key === key,
    );

  describe(`notifier contract: ${name}`, () => {
    beforeAll(async () => {
      await harness.start();
      runtime = ManagedRuntime.make(options.layer());
      notifier = await runtime.runPromise(
        Effect.gen(function* () {
          return yield* Notifier;
        }),
      );
    }, timeout);
    afterAll(async () => {
      await runtime?.dispose();
      await harness.stop();
    }, timeout);

    it(
      "a notification arrives once, with the Vietnamese subject and both languages of the body intact",
      async () => {
        const key = freshKey("arrives");
        const result = await send(contractMessage(key, harness.recipient()));
        if (result._tag === "Failure") throw result.failure;
        expect(result.success.notifier).toBe(notifier?.name);
        const got = await arrived(key);
        expect(got).toHaveLength(1);
        const m = got[0];
        expect(m?.subject).toContain("Nhắc báo cáo Quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày)");
        expect(m?.subject).toContain("Reminder: Q1 2018 report due 19/03/2018");
        expect(m?.text).toContain("Ủy ban, hòa, thủy, Đắk Lắk 🇻🇳");
        expect(m?.text).toContain("Please submit the Q1 2018 report by 19/03/2018.");
      },
      timeout,
    );

    it(
      "every copy carries the same key, so a receiver can drop duplicates",
      async () => {
        const key = freshKey("twice");
        const n = contractMessage(key, harness.recipient());
        for (const _ of [1, 2]) {
          const r = await send(n);
          if (r._tag === "Failure") throw r.failure;
        }
        const other = freshKey("other");
        const r3 = await send(contractMessage(other, harness.recipient()));
        if (r3._tag === "Failure") throw r3.failure;
        await arrived(other);
        const got = await arrived(key, harness.dedupesByKey ? 1 : 2);
        expect(got.length).toBe(harness.dedupesByKey ? 1 : 2);
        for (const m of got) expect(m.key).toBe(key);
      },
      timeout,
    );

    it(
      "hostile text (line breaks, fake headers, HTML) stays text: no header is injected",
      async () => {
        const key = freshKey("hostile");
        const base = contractMessage(key, harness.recipient());
        const n: Notification = {
          ...base,
          subject: { vi: "Nhắc\r\nBcc: attacker@example.com\r\nX-Injected: 1", en: "<b>x</b>\nX-Evil: 2" },
          body: { vi: "<script>alert('x')</script>\r\n.\r\nX-Injected: 3", en: "ok & <b>bold</b>" },
        };
        const r = await send(n);
        if (r._tag === "Failure") throw r.failure;
        const [m] = await arrived(key);
        expect(m).toBeDefined();
        for (const h of m?.headerNames ?? []) expect(h).not.toMatch(/^(bcc|x-injected|x-evil)$/);
        expect(m?.text).toContain("<script>alert('x')</script>");
        expect(m?.text).toContain("ok & <b>bold</b>");
      },
      timeout,
    );

    it(
      "a server that cannot be reached is a retryable failure",
      async () => {
        const down = ManagedRuntime.make(harness.unreachable());
        try {
          const r = await send(contractMessage(freshKey("down"), harness.recipient()), down);
          expect(r._tag).toBe("Failure");
          if (r._tag === "Failure") {
            expect(r.failure).toBeInstanceOf(NotifierError);
            expect(r.failure.retryable).toBe(true);
            expect(r.failure.message).toMatch(/ \/ /);
          }
        } finally {
          await down.dispose();
        }
      },
      timeout,
    );

    const refused = harness.refusedRecipient?.bind(harness);
    if (refused)
      it(
        "a recipient that is refused for good is a permanent failure, and nothing arrives",
        async () => {
          const key = freshKey("refused");
          const r = await send(contractMessage(key, refused()));
          expect(r._tag).toBe("Failure");
          if (r._tag === "Failure") {
            expect(r.failure).toBeInstanceOf(NotifierError);
            expect(r.failure.retryable).toBe(false);
          }
          const all = await harness.received();
          expect(all.filter((m) => m.key === key)).toEqual([]);
        },
        timeout,
      );
  });
}
