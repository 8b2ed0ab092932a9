/**
 * What the contract cannot see: the dedupe happens on the Redis side (a retried or concurrent send
 * adds no second entry, and a failed send leaves no dedupe key behind), a consumer group reads the
 * entries back, and the connection survives the server going away and coming back.
 */
import {
  computeReminders,
  createDispatcher,
  MemoryOutbox,
  type Notification,
  NotifierError,
  reminderNotification,
  samplePlan,
} from "@cchc/core";
import { contractMessage } from "@cchc/testing/contracts";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_DEDUPE_SECONDS,
  dedupeKey,
  makeRedisStreamNotifier,
  RedisStreamNotifier,
  readStreamEntry,
  StreamEntryError,
  streamEntryFields,
} from "../src/index.js";
import { REDIS_URL, TestRedis } from "./redis.js";
import { RedisProcess } from "./redisProcess.js";

const redis = new TestRedis();
beforeAll(() => redis.start());
afterAll(() => redis.stop());

const recipient = { unitId: "vu-phap-che", name: "Vụ Pháp chế", email: ["phapche@mic.gov.vn"] };
const failure = async (effect: Effect.Effect<unknown, NotifierError>): Promise<NotifierError> => {
  const r = await Effect.runPromise(Effect.result(effect));
  if (r._tag === "Success") throw new Error(`expected a failure, got ${JSON.stringify(r.success)}`);
  return r.failure;
};

describe("dedupe on the Redis side", () => {
  it("a retry after a crash (a new notifier, the same key) adds no second entry", async () => {
    const stream = redis.stream("retry");
    const n = contractMessage("bo-tttt:vu-phap-che:2018Q1:before-14", recipient);
    const first = makeRedisStreamNotifier({ url: REDIS_URL, stream });
    const afterRestart = makeRedisStreamNotifier({ url: REDIS_URL, stream });
    try {
      const a = await Effect.runPromise(first.send(n));
      const b = await Effect.runPromise(afterRestart.send(n));
      expect(a).toMatchObject({ notifier: "redis", duplicate: false });
      expect(b).toMatchObject({ notifier: "redis", duplicate: true, id: a.id });
      expect(await redis.redis.xLen(stream)).toBe(1);
      const [entry] = await redis.entries(stream);
      expect(entry?.id).toBe(a.id);
      // The dedupe key holds the entry id and expires after the window.
      const key = dedupeKey(stream, n.key);
      expect(await redis.redis.get(key)).toBe(a.id);
      const ttl = await redis.redis.ttl(key);
      expect(ttl).toBeGreaterThan(DEFAULT_DEDUPE_SECONDS - 60);
      expect(ttl).toBeLessThanOrEqual(DEFAULT_DEDUPE_SECONDS);
    } finally {
      await first.close();
      await afterRestart.close();
    }
  });

  it("eight concurrent sends of one key from four notifiers add exactly one entry", async () => {
    const stream = redis.stream("race");
    const n = contractMessage("race:1", recipient);
    const notifiers = [1, 2, 3, 4].map(() => makeRedisStreamNotifier({ url: REDIS_URL, stream }));
    try {
      const receipts = await Promise.all(
        [...notifiers, ...notifiers].map((x) => Effect.runPromise(x.send(n))),
      );
      expect(receipts.filter((r) => r.duplicate === false)).toHaveLength(1);
      expect(new Set(receipts.map((r) => r.id)).size).toBe(1);
      expect(await redis.redis.xLen(stream)).toBe(1);
    } finally {
      await Promise.all(notifiers.map((x) => x.close()));
    }
  });

  it("a send Redis refused leaves no dedupe key: once the stream is fixed, the retry is delivered", async () => {
    const stream = redis.stream("broken");
    await redis.redis.set(stream, "not a stream");
    const notifier = makeRedisStreamNotifier({ url: REDIS_URL, stream });
    const n = contractMessage("broken:1", recipient);
    try {
      const e = await failure(notifier.send(n));
      expect(e).toBeInstanceOf(NotifierError);
      expect(e).toMatchObject({ notifier: "redis", retryable: false, code: "rejected" });
      expect(e.message).toMatch(/^redis: Redis từ chối \(WRONGTYPE .*\) \/ Redis refused \(WRONGTYPE/);
      expect(await redis.redis.exists(dedupeKey(stream, n.key))).toBe(0);
      await redis.redis.del(stream);
      const r = await Effect.runPromise(notifier.send(n));
      expect(r.duplicate).toBe(false);
      expect(await redis.redis.xLen(stream)).toBe(1);
    } finally {
      await notifier.close();
    }
  });

  it("maxLen keeps the stream to about that many entries", async () => {
    const stream = redis.stream("capped");
    const notifier = makeRedisStreamNotifier({ url: REDIS_URL, stream, maxLen: 10 });
    try {
      for (let i = 0; i < 300; i++)
        await Effect.runPromise(notifier.send(contractMessage(`cap:${i}`, recipient)));
      const len = await redis.redis.xLen(stream);
      expect(len).toBeGreaterThanOrEqual(10);
      expect(len).toBeLessThan(300);
    } finally {
      await notifier.close();
    }
  });
});

describe("a consumer reads the entries", () => {
  it("the dispatcher delivers the 2018 reminders; a consumer group reads them with XREADGROUP and acks", async () => {
    const stream = redis.stream("e-office");
    await redis.redis.xGroupCreate(stream, "e-office", "$", { MKSTREAM: true });
    const d = await createDispatcher({
      outbox: MemoryOutbox.layer(),
      notifier: RedisStreamNotifier.layer({ url: REDIS_URL, stream }),
    });
    const due = computeReminders(samplePlan("mic-2018"), [], {
      now: "2018-03-08T09:00:00+07:00",
      agencyId: "bo-tttt",
    }).due;
    expect(due.length).toBeGreaterThan(0);
    try {
      await d.enqueue("bo-tttt", due);
      expect(await d.drain({ agencyId: "bo-tttt" })).toMatchObject({ delivered: due.length, dead: 0 });
      // Enqueued again (tomorrow's run computes the same keys): nothing new reaches Redis.
      await d.enqueue("bo-tttt", due);
      await d.drain({ agencyId: "bo-tttt" });
    } finally {
      await d.close();
    }
    const messages = await redis.readGroup(stream, "e-office", "worker-1");
    expect(messages).toHaveLength(due.length);
    const first = due[0];
    if (!first) throw new Error("no reminder");
    const got = messages.map((m) => readStreamEntry(m.message));
    const expected = reminderNotification(first);
    expect(got[0]).toEqual({
      key: "bo-tttt:cac-co-quan-hanh-chinh-thuoc-bo:2018Q1:before-14",
      sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      recipient: expected.recipient,
      title:
        "Nhắc báo cáo quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày) / Reminder: Q1 2018 report due 19/03/2018 (11 days left)",
      subject: expected.subject,
      body: expected.body,
      data: expect.objectContaining({ type: "cchc.reminder", kind: "before-14", periodId: "2018Q1" }),
    });
    // The raw fields are plain strings a consumer in any language reads without us.
    expect(messages[0]?.message).toMatchObject({ type: "cchc.notification", unitId: first.unitId });
    const acked = await redis.redis.xAck(
      stream,
      "e-office",
      messages.map((m) => m.id),
    );
    expect(acked).toBe(due.length);
    const pending = await redis.redis.xPending(stream, "e-office");
    expect(pending.pending).toBe(0);
  });

  it("streamEntryFields and readStreamEntry are inverse; another producer's entry is refused clearly", () => {
    const n: Notification = contractMessage("k:1", recipient);
    const back = readStreamEntry(streamEntryFields(n, Date.UTC(2018, 2, 8, 2)));
    expect(back).toMatchObject({ key: "k:1", recipient, subject: n.subject, body: n.body, data: n.data });
    expect(back.sentAt).toBe("2018-03-08T02:00:00.000Z");
    expect(() => readStreamEntry({ type: "other" })).toThrow(StreamEntryError);
    expect(() => readStreamEntry({ ...streamEntryFields(n, 0), data: "{" })).toThrow(/"data" is not JSON/);
  });

  it("one stream per unit when `stream` is a function of the recipient", async () => {
    const notifier = makeRedisStreamNotifier({
      url: REDIS_URL,
      stream: (r) => redis.stream(`unit:${r.unitId}`),
    });
    try {
      await Effect.runPromise(notifier.send(contractMessage("per-unit:1", recipient)));
      expect(await redis.redis.xLen(redis.stream("unit:vu-phap-che"))).toBe(1);
    } finally {
      await notifier.close();
    }
  });
});

describe("errors in the port's terms", () => {
  it("bad input is a permanent failure, checked before anything is written", async () => {
    const stream = redis.stream("bad-input");
    const notifier = makeRedisStreamNotifier({ url: REDIS_URL, stream });
    try {
      const noKey = await failure(notifier.send(contractMessage("  ", recipient)));
      expect(noKey).toMatchObject({ retryable: false, code: "rejected" });
      expect(noKey.message).toBe(
        "redis: thông báo không có khóa chống trùng / the notification has no idempotency key",
      );
      const noUnit = await failure(notifier.send(contractMessage("x:1", { ...recipient, unitId: "" })));
      expect(noUnit).toMatchObject({ retryable: false, code: "address" });
      expect(await redis.redis.exists(stream)).toBe(0);
    } finally {
      await notifier.close();
    }
  });

  it("invalid settings fail the layer with a config error, and makeRedisStreamNotifier throws it", async () => {
    const built = await Effect.runPromise(
      Effect.result(
        Layer.build(RedisStreamNotifier.layer({ url: "http://127.0.0.1:6379" })).pipe(Effect.scoped),
      ),
    );
    expect(built._tag).toBe("Failure");
    if (built._tag === "Failure")
      expect(built.failure).toMatchObject({ _tag: "NotifierError", code: "config", retryable: false });
    expect(() => makeRedisStreamNotifier({ url: REDIS_URL, dedupeSeconds: 0 })).toThrow(
      /dedupeSeconds phải là số nguyên dương \(0\) \/ dedupeSeconds must be a positive integer/,
    );
  });

  it("nothing listening is retryable (connection); the same notifier delivers once the server is back", async () => {
    const server = await RedisProcess.start();
    const stream = "cchc:restart";
    const notifier = makeRedisStreamNotifier({ url: server.url, stream, timeoutMs: 1_000 });
    try {
      expect(await Effect.runPromise(notifier.send(contractMessage("up:1", recipient)))).toMatchObject({
        duplicate: false,
      });
      await server.stop();
      const down = await failure(notifier.send(contractMessage("down:1", recipient)));
      expect(down).toMatchObject({ notifier: "redis", retryable: true, code: "connection" });
      expect(down.message).toMatch(/không kết nối được Redis .* \/ cannot reach Redis/);
      await server.restart();
      // A new server has an empty script cache: the notifier loads its script again (NOSCRIPT).
      expect(await Effect.runPromise(notifier.send(contractMessage("down:1", recipient)))).toMatchObject({
        duplicate: false,
      });
    } finally {
      await notifier.close();
      await server.stop();
    }
  });
});
