import * as Duration from "effect/Duration";
import * as Effect from "effect/Effect";
import * as Fiber from "effect/Fiber";
import * as Layer from "effect/Layer";
import * as Random from "effect/Random";
import * as TestClock from "effect/testing/TestClock";
import { describe, expect, it } from "vitest";
import {
  createDispatcher,
  dispatchOnce,
  drainOutbox,
  makeMemoryNotifier,
  makeMemoryOutbox,
  type Notification,
  Notifier,
  NotifierError,
  Outbox,
  type OutboxService,
  retryPolicy,
} from "../src/index.js";
import { MemoryNotifierLayer } from "../src/memoryNotifier.js";

const START = Date.parse("2018-03-08T01:00:00Z");
const A = "agency-a";

const note = (key: string): Notification => ({
  key,
  recipient: { unitId: "u", name: "Đơn vị", email: ["u@example.vn"] },
  subject: { vi: "Nhắc báo cáo", en: "Reminder" },
  body: { vi: "Nội dung", en: "Body" },
});

const down = (code = "connection") =>
  new NotifierError({
    notifier: "memory",
    retryable: true,
    code,
    reason: { vi: "máy chủ tắt", en: "server down" },
  });
const refused = () =>
  new NotifierError({
    notifier: "memory",
    retryable: false,
    code: "address",
    status: 550,
    reason: { vi: "sai địa chỉ", en: "no such mailbox" },
  });

function setup(outcome?: Parameters<typeof makeMemoryNotifier>[0]) {
  const outbox = makeMemoryOutbox();
  const notifier = makeMemoryNotifier(outcome);
  const layer = Layer.mergeAll(
    Layer.succeed(Outbox, outbox),
    MemoryNotifierLayer.layer(notifier),
    TestClock.layer(),
  );
  const run = <A, E>(effect: Effect.Effect<A, E, Outbox | Notifier>) =>
    Effect.runPromise(
      Effect.gen(function* () {
        yield* TestClock.setTime(START);
        return yield* effect;
      }).pipe(Random.withSeed(7), Effect.provide(layer)),
    );
  return { outbox, notifier, run };
}

const policy = retryPolicy({ baseMs: 1_000, retries: 3 });

describe("dispatcher over the memory outbox", () => {
  it("a key enqueued twice is delivered once and marked delivered with its receipt", async () => {
    const { outbox, notifier, run } = setup();
    const r = await run(
      Effect.gen(function* () {
        const first = yield* outbox.enqueue(A, [note("k1"), note("k2")]);
        const again = yield* outbox.enqueue(A, [
          note("k1"),
          { ...note("k2"), subject: { vi: "khác", en: "other" } },
        ]);
        const d = yield* dispatchOnce({ agencyId: A, workerId: "w1", retry: policy });
        const d2 = yield* dispatchOnce({ agencyId: A, workerId: "w1", retry: policy });
        return { first, again, d, d2, entry: yield* outbox.get(A, "k2"), counts: yield* outbox.counts(A) };
      }),
    );
    expect(r.first).toEqual({ added: ["k1", "k2"], existing: [] });
    expect(r.again).toEqual({ added: [], existing: ["k1", "k2"] });
    expect(r.d).toMatchObject({ workerId: "w1", claimed: 2, delivered: 2, retrying: 0, dead: 0 });
    expect(r.d2.claimed).toBe(0);
    expect(notifier.sent.map((n) => n.key)).toEqual(["k1", "k2"]);
    expect(notifier.sent[1]?.subject.vi).toBe("Nhắc báo cáo");
    expect(r.entry).toMatchObject({
      status: "delivered",
      attempts: 1,
      receipt: { notifier: "memory", id: "2" },
    });
    expect(r.entry?.lease).toBeUndefined();
    expect(r.counts).toEqual({ pending: 0, retrying: 0, delivered: 2, dead: 0 });
  });

  it("retryable failures wait in the outbox with exponential, jittered delays, then deliver", async () => {
    const { outbox, notifier, run } = setup({
      outcome: (_n, attempt) => (attempt <= 3 ? down() : undefined),
    });
    const delays = await run(
      Effect.gen(function* () {
        yield* outbox.enqueue(A, [note("k")]);
        const out: number[] = [];
        for (let i = 0; i < 3; i++) {
          const before = Date.parse((yield* outbox.get(A, "k"))?.nextAttemptAt ?? "");
          const r = yield* dispatchOnce({ agencyId: A, workerId: "w", retry: policy });
          expect(r.retrying).toBe(1);
          // not due again until the delay has passed
          expect((yield* dispatchOnce({ agencyId: A, workerId: "w", retry: policy })).claimed).toBe(0);
          const e = yield* outbox.get(A, "k");
          expect(e).toMatchObject({
            status: "retrying",
            attempts: i + 1,
            lastError: { code: "connection", retryable: true },
          });
          const next = Date.parse(e?.nextAttemptAt ?? "");
          out.push(next - Math.max(before, START + out.reduce((a, b) => a + b, 0)));
          yield* TestClock.adjust(
            Duration.millis(next - START - out.slice(0, -1).reduce((a, b) => a + b, 0)),
          );
        }
        const last = yield* dispatchOnce({ agencyId: A, workerId: "w", retry: policy });
        expect(last.delivered).toBe(1);
        return out;
      }),
    );
    expect(notifier.sent).toHaveLength(1);
    // base 1 s, factor 2, each × 0.8–1.2
    const [d1, d2, d3] = delays;
    expect(d1).toBeGreaterThanOrEqual(800);
    expect(d1).toBeLessThanOrEqual(1200);
    expect(d2).toBeGreaterThanOrEqual(1600);
    expect(d2).toBeLessThanOrEqual(2400);
    expect(d3).toBeGreaterThanOrEqual(3200);
    expect(d3).toBeLessThanOrEqual(4800);
    // the same seed gives the same delays
    const again = setup({ outcome: (_n, attempt) => (attempt <= 1 ? down() : undefined) });
    const first = await again.run(
      Effect.gen(function* () {
        yield* again.outbox.enqueue(A, [note("k")]);
        yield* dispatchOnce({ agencyId: A, workerId: "w", retry: policy });
        return (yield* again.outbox.get(A, "k"))?.nextAttemptAt;
      }),
    );
    expect(Date.parse(first ?? "") - START).toBe(d1);
  });

  it("a permanent failure is recorded dead at once and never retried", async () => {
    const { outbox, notifier, run } = setup({ outcome: () => refused() });
    const r = await run(
      Effect.gen(function* () {
        yield* outbox.enqueue(A, [note("k")]);
        const d = yield* dispatchOnce({ agencyId: A, workerId: "w", retry: policy });
        yield* TestClock.adjust(Duration.hours(48));
        const later = yield* dispatchOnce({ agencyId: A, workerId: "w", retry: policy });
        return { d, later, entry: yield* outbox.get(A, "k"), next: yield* outbox.nextDue(A) };
      }),
    );
    expect(r.d).toMatchObject({ claimed: 1, dead: 1 });
    expect(r.later.claimed).toBe(0);
    expect(r.entry).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: { code: "address", retryable: false },
    });
    expect(r.next).toBeUndefined();
    expect(notifier.sent).toEqual([]);
  });

  it("when the retry policy is done the entry is dead as retries-exhausted", async () => {
    const { outbox, run } = setup({ outcome: () => down("timeout") });
    const entry = await run(
      Effect.gen(function* () {
        yield* outbox.enqueue(A, [note("k")]);
        yield* drainOutbox({ agencyId: A, workerId: "w", retry: retryPolicy({ baseMs: 10, retries: 2 }) });
        for (let i = 0; i < 5; i++) {
          yield* TestClock.adjust(Duration.seconds(1));
          yield* dispatchOnce({ agencyId: A, workerId: "w", retry: retryPolicy({ baseMs: 10, retries: 2 }) });
        }
        return yield* outbox.get(A, "k");
      }),
    );
    expect(entry).toMatchObject({
      status: "dead",
      attempts: 3,
      lastError: { code: "retries-exhausted", retryable: true },
    });
    expect(entry?.lastError?.message).toContain("gave up after 3 attempts");
  });

  it("drainOutbox sleeps until scheduled retries are due, within waitMs", async () => {
    const { outbox, notifier, run } = setup({
      outcome: (_n, attempt) => (attempt <= 2 ? down() : undefined),
    });
    const report = await run(
      Effect.gen(function* () {
        yield* outbox.enqueue(A, [note("a"), note("b")]);
        const fiber = yield* Effect.forkChild(
          drainOutbox({ agencyId: A, workerId: "w", retry: policy, waitMs: 60_000, pollMs: 500 }),
        );
        for (let i = 0; i < 40; i++) yield* TestClock.adjust(Duration.millis(500));
        return yield* Fiber.join(fiber);
      }),
    );
    expect(report).toMatchObject({
      delivered: 2,
      retrying: 0,
      dead: 0,
      remaining: { delivered: 2, pending: 0, retrying: 0 },
    });
    expect(notifier.sent.map((n) => n.key).sort()).toEqual(["a", "b"]);
  });

  it("a leased entry is invisible to others until the lease expires; the late holder cannot overwrite", async () => {
    const { outbox, notifier, run } = setup();
    const r = await run(
      Effect.gen(function* () {
        yield* outbox.enqueue(A, [note("k")]);
        const taken = yield* outbox.claim(A, { workerId: "crashed", limit: 10, leaseMs: 5_000 });
        const blocked = yield* dispatchOnce({ agencyId: A, workerId: "w2", retry: policy });
        const next = yield* outbox.nextDue(A);
        yield* TestClock.adjust(Duration.millis(5_000));
        const d = yield* dispatchOnce({ agencyId: A, workerId: "w2", retry: policy });
        const lease = taken[0]?.lease ?? { workerId: "crashed", token: "?" };
        const late = yield* outbox.markRetry(
          A,
          "k",
          lease,
          { code: "x", message: "x", retryable: true, at: new Date(START).toISOString() },
          new Date(START).toISOString(),
        );
        const lateDelivered = yield* outbox.markDelivered(A, "k", lease, { notifier: "memory" });
        return { taken, blocked, next, d, late, lateDelivered, entry: yield* outbox.get(A, "k") };
      }),
    );
    expect(r.taken).toHaveLength(1);
    expect(r.taken[0]?.lease?.workerId).toBe("crashed");
    expect(r.blocked.claimed).toBe(0);
    expect(r.next).toBe(new Date(START + 5_000).toISOString());
    expect(r.d.delivered).toBe(1);
    expect(r.late).toBe(false);
    expect(r.lateDelivered).toBe(false);
    expect(r.entry).toMatchObject({ status: "delivered", attempts: 2, receipt: { id: "1" } });
    expect(notifier.sent).toHaveLength(1);
  });

  it("two dispatchers, 300 ms a send, a 2 s lease, 20 entries: the slow batch is taken over, each entry sent once", async () => {
    const outbox = makeMemoryOutbox();
    const sent: string[] = [];
    const slow = Layer.succeed(Notifier, {
      name: "slow",
      send: (n: Notification) =>
        Effect.sleep(Duration.millis(300)).pipe(
          Effect.map(() => {
            sent.push(n.key);
            return { notifier: "slow", id: String(sent.length) };
          }),
        ),
    });
    const keys = Array.from({ length: 20 }, (_, i) => `k${String(i).padStart(2, "0")}`);
    const reports = await Effect.runPromise(
      Effect.gen(function* () {
        yield* TestClock.setTime(START);
        yield* outbox.enqueue(
          A,
          keys.map((k) => note(k)),
        );
        const options = {
          agencyId: A,
          batchSize: 20,
          leaseMs: 2_000,
          waitMs: 30_000,
          pollMs: 100,
          retry: policy,
        };
        const a = yield* Effect.forkChild(drainOutbox({ ...options, workerId: "a" }));
        const b = yield* Effect.forkChild(drainOutbox({ ...options, workerId: "b" }));
        for (let i = 0; i < 400; i++) yield* TestClock.adjust(Duration.millis(50));
        return [yield* Fiber.join(a), yield* Fiber.join(b)] as const;
      }).pipe(Effect.provide(Layer.mergeAll(Layer.succeed(Outbox, outbox), slow, TestClock.layer()))),
    );
    const [ra, rb] = reports;
    expect([...sent].sort()).toEqual(keys);
    expect(ra.delivered + rb.delivered).toBe(20);
    expect(ra.delivered).toBeGreaterThan(0);
    expect(rb.delivered).toBeGreaterThan(0);
    // The first batch outlived its lease: the other dispatcher took the entries not yet sent.
    expect(ra.lost + rb.lost).toBeGreaterThan(0);
    expect(ra.lostAfterSend + rb.lostAfterSend).toBe(0);
    expect(rb.remaining).toEqual({ pending: 0, retrying: 0, delivered: 20, dead: 0 });
    const entries = await Effect.runPromise(outbox.list(A, { limit: 100 }));
    const byWorker = new Map(
      [...ra.outcomes, ...rb.outcomes]
        .filter((o) => o.status === "delivered")
        .map((o) => [o.key, o.receipt.id]),
    );
    for (const e of entries) expect(e.receipt?.id, e.key).toBe(byWorker.get(e.key));
  });

  it("a send that outlives its lease is reported lostAfterSend and not recorded; the new holder's delivery is the one recorded", async () => {
    const outbox = makeMemoryOutbox();
    const notifier = makeMemoryNotifier();
    const taken: string[] = [];
    // The mark is slow (a stalled database, a paused process): meanwhile the lease runs out and
    // another dispatcher claims the entry.
    const stalled: OutboxService = {
      ...outbox,
      markDelivered: (agencyId, key, lease, receipt) =>
        Effect.gen(function* () {
          yield* TestClock.adjust(Duration.seconds(10));
          for (const e of yield* outbox.claim(agencyId, { workerId: "other", limit: 10, leaseMs: 5_000 }))
            taken.push(e.key);
          return yield* outbox.markDelivered(agencyId, key, lease, receipt);
        }),
    };
    const r = await Effect.runPromise(
      Effect.gen(function* () {
        yield* TestClock.setTime(START);
        yield* outbox.enqueue(A, [note("k")]);
        const first = yield* dispatchOnce({ agencyId: A, workerId: "w", leaseMs: 5_000, retry: policy }).pipe(
          Effect.provideService(Outbox, stalled),
        );
        const between = yield* outbox.get(A, "k");
        yield* TestClock.adjust(Duration.seconds(5));
        const second = yield* dispatchOnce({ agencyId: A, workerId: "other", leaseMs: 5_000, retry: policy });
        return { first, between, second, entry: yield* outbox.get(A, "k") };
      }).pipe(
        Effect.provide(
          Layer.mergeAll(
            Layer.succeed(Outbox, outbox),
            MemoryNotifierLayer.layer(notifier),
            TestClock.layer(),
          ),
        ),
      ),
    );
    expect(taken).toEqual(["k"]);
    expect(r.first).toMatchObject({ delivered: 0, lost: 1, lostAfterSend: 1 });
    expect(r.first.outcomes).toEqual([
      { key: "k", status: "lost", sent: true, receipt: { notifier: "memory", id: "1" } },
    ]);
    expect(r.between).toMatchObject({ status: "pending", lease: { workerId: "other" } });
    expect(r.second).toMatchObject({ delivered: 1, lost: 0, lostAfterSend: 0 });
    // Sent twice (reported), recorded once: the receipt of the send that held the lease.
    expect(notifier.sent.map((n) => n.key)).toEqual(["k", "k"]);
    expect(r.entry).toMatchObject({ status: "delivered", attempts: 3, receipt: { id: "2" } });
  });

  it("a notifier that throws is a retryable failure, not a crash of the dispatcher", async () => {
    const outbox: OutboxService = makeMemoryOutbox();
    const layer = Layer.mergeAll(
      Layer.succeed(Outbox, outbox),
      Layer.succeed(Notifier, { name: "broken", send: () => Effect.die(new Error("boom")) }),
    );
    const r = await Effect.runPromise(
      Effect.gen(function* () {
        yield* outbox.enqueue(A, [note("k")]);
        return yield* dispatchOnce({ agencyId: A, retry: policy });
      }).pipe(Effect.provide(layer)),
    );
    expect(r.outcomes[0]).toMatchObject({ status: "retrying", error: { code: "defect", retryable: true } });
    expect(r.workerId).toMatch(/^dispatcher-/);
  });

  it("requeue revives a dead entry", async () => {
    let fail = true;
    const { outbox, notifier, run } = setup({ outcome: () => (fail ? refused() : undefined) });
    const r = await run(
      Effect.gen(function* () {
        yield* outbox.enqueue(A, [note("k")]);
        yield* dispatchOnce({ agencyId: A, workerId: "w", retry: policy });
        fail = false;
        const revived = yield* outbox.requeue(A, "k");
        const notDead = yield* outbox.requeue(A, "k");
        yield* dispatchOnce({ agencyId: A, workerId: "w", retry: policy });
        return { revived, notDead, entry: yield* outbox.get(A, "k") };
      }),
    );
    expect(r).toMatchObject({ revived: true, notDead: false, entry: { status: "delivered", attempts: 1 } });
    expect(notifier.sent).toHaveLength(1);
  });
});

describe("createDispatcher (Promise facade)", () => {
  it("enqueues reminders, drains and lists", async () => {
    const notifier = makeMemoryNotifier();
    const { MemoryOutbox, computeReminders, samplePlan } = await import("../src/index.js");
    const d = await createDispatcher({
      outbox: MemoryOutbox.layer(),
      notifier: MemoryNotifierLayer.layer(notifier),
    });
    const due = computeReminders(samplePlan("mic-2018"), [], {
      now: "2018-03-08T09:00:00+07:00",
      agencyId: A,
    }).due;
    expect(await d.enqueue(A, due)).toEqual({ added: [due[0]?.key], existing: [] });
    expect(await d.enqueue(A, due)).toEqual({ added: [], existing: [due[0]?.key] });
    const report = await d.drain({ agencyId: A });
    expect(report).toMatchObject({ claimed: 1, delivered: 1, remaining: { delivered: 1 } });
    expect((await d.list(A, { status: "delivered" })).map((e) => e.key)).toEqual([due[0]?.key]);
    expect(notifier.sent[0]?.subject.vi).toContain("Nhắc báo cáo quý I năm 2018");
    await d.close();
  });

  it("a reminder dead for want of a contact: contacts fixed, requeued by name, refreshed, delivered to the new address", async () => {
    const notifier = makeMemoryNotifier({
      outcome: (n) => (n.recipient.email.length === 0 ? refused() : undefined),
    });
    const { MemoryOutbox, computeReminders, samplePlan } = await import("../src/index.js");
    const d = await createDispatcher({
      outbox: MemoryOutbox.layer(),
      notifier: MemoryNotifierLayer.layer(notifier),
    });
    const options = { now: "2018-03-08T09:00:00+07:00", agencyId: A };
    const before = computeReminders(samplePlan("mic-2018"), [], options).due;
    await d.enqueue(A, before);
    expect(await d.drain({ agencyId: A })).toMatchObject({ delivered: 0, dead: 1 });
    const key = before[0]?.key ?? "";
    const fixed = computeReminders(samplePlan("mic-2018"), [], {
      ...options,
      contacts: { "cac-co-quan-hanh-chinh-thuoc-bo": { email: ["vanthu@co-quan.example.vn"] } },
    }).due;
    expect(await d.refresh(A, fixed)).toEqual([]); // dead: left as it is until requeued
    expect(await d.requeue(A, key, { by: "quản trị" })).toBe(true);
    expect(await d.refresh(A, fixed)).toEqual([key]);
    expect(await d.drain({ agencyId: A })).toMatchObject({ delivered: 1, dead: 0 });
    expect(notifier.sent.map((n) => n.recipient.email)).toEqual([["vanthu@co-quan.example.vn"]]);
    expect(await d.get(A, key)).toMatchObject({ status: "delivered", requeuedBy: "quản trị" });
    await d.close();
  });
});
