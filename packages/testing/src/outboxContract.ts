/**
 * The outbox contract suite: what every outbox adapter (memory, PGlite, PostgreSQL, a third
 * party's) must do, through the port only. Idempotent enqueue, exact round trips, leases that
 * never hand one entry to two claimers (checked with many concurrent claimers), lease expiry that
 * hands an abandoned entry to another worker, final states that stay final, tenant isolation.
 *
 * ```ts
 * import { runOutboxContract } from "@cchc/testing/contracts";
 * runOutboxContract("my outbox", { layer: () => MyOutbox.layer({ url }) });
 * ```
 *
 * Time is driven by `TestClock` inside each case (the port reads Effect's `Clock`), so lease and
 * retry instants are exact and the suite never sleeps.
 */
import { type Notification, Outbox, type OutboxFailure, type OutboxService } from "@cchc/core";
import * as Duration from "effect/Duration";
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import * as TestClock from "effect/testing/TestClock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** How to run the outbox contract against one adapter. */
export interface OutboxContractOptions {
  /** Builds the outbox under test (once per suite; cases isolate themselves by agency id). */
  readonly layer: () => Layer.Layer<Outbox, unknown>;
  /** Optional: a layer that opens the SAME data again after the first was disposed (persistent stores). */
  readonly reopen?: () => Layer.Layer<Outbox, unknown>;
  /** Concurrent claimers of the race case (default 8). */
  readonly claimers?: number;
  /** Entries of the race case (default 300). */
  readonly entries?: number;
  /** Timeout of each case and of opening the store, in ms (default 60,000). */
  readonly testTimeout?: number;
}

/** Fixed start of every case's clock: 2018-03-08 08:00 in Hà Nội. */
const T0 = Date.parse("2018-03-08T01:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();

let seq = 0;
const freshAgency = () =>
  `o${Math.random().toString(36).slice(2, 9)}${Date.now().toString(36)}${(seq++).toString(36)}`;

/** A notification with text that stresses a store: Vietnamese, emoji, quotes, HTML, NUL-free control chars. */
export function contractNotification(key: string, extra: Partial<Notification> = {}): Notification {
  return {
    key,
    recipient: {
      unitId: "cac-co-quan-hanh-chinh-thuoc-bo",
      name: "Các cơ quan hành chính thuộc Bộ",
      email: ["vanthu@example.gov.vn", "cchc+nhac@example.gov.vn"],
      webhook: "https://eoffice.example.gov.vn/hook?x=1&y=2",
    },
    subject: {
      vi: "Nhắc báo cáo Quý I năm 2018: hạn nộp 19/03/2018",
      en: "Reminder: Q1 2018 report due 19/03/2018",
    },
    body: {
      vi: `Kính gửi: Vụ Tổ chức cán bộ\n\nĐã quá hạn — "trích dẫn" <b>HTML</b> & 'nháy' \\ \t tab 🇻🇳 ưởng Ủy ban`,
      en: "To: the lead unit\n\nOverdue — <script>alert(1)</script>",
    },
    data: { type: "cchc.reminder", kind: "overdue", missing: [{ unitId: "a", name: "Đắk Lắk" }], n: 1.5 },
    ...extra,
  };
}

const failure = (at: number, code = "connection", retryable = true): OutboxFailure => ({
  code,
  message: `lỗi thử nghiệm / test failure ${code}`,
  retryable,
  at: iso(at),
});

/** Registers the outbox contract for one adapter under `describe("outbox contract: <name>")`. */
export function runOutboxContract(name: string, options: OutboxContractOptions): void {
  const timeout = options.testTimeout ?? 60_000;
  const claimers = options.claimers ?? 8;
  const entries = options.entries ?? 300;
  let runtime: ManagedRuntime.ManagedRuntime<Outbox, unknown> | undefined;
  let service: OutboxService | undefined;

  const open = async (layer: Layer.Layer<Outbox, unknown>) => {
    runtime = ManagedRuntime.make(layer);
    service = await runtime.runPromise(
      Effect.gen(function* () {
        return yield* Outbox;
      }),
    );
  };
  const close = async () => {
    const r = runtime;
    runtime = undefined;
    service = undefined;
    if (r) await r.dispose();
  };
  /** Runs a case's program with a TestClock set to T0. */
  const run = <A, E>(body: (o: OutboxService) => Effect.Effect<A, E>): Promise<A> => {
    const r = runtime;
    const o = service;
    if (!r || !o) throw new Error("outbox contract: the outbox is not open (did beforeAll fail?)");
    return r.runPromise(
      Effect.gen(function* () {
        yield* TestClock.setTime(T0);
        return yield* body(o);
      }).pipe(Effect.provide(TestClock.layer())),
    );
  };
  const claim = (o: OutboxService, agency: string, workerId: string, limit = 10, leaseMs = 60_000) =>
    o.claim(agency, { workerId, limit, leaseMs });

  describe(`outbox contract: ${name}`, () => {
    beforeAll(() => open(options.layer()), timeout);
    afterAll(() => close(), timeout);

    it(
      "enqueue is idempotent by key: an existing key is left exactly as it is, whatever its status",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            const first = yield* o.enqueue(a, [contractNotification("k1"), contractNotification("k2")]);
            yield* claim(o, a, "w");
            yield* o.markDelivered(a, "k1", "w", { notifier: "test", id: "1" });
            yield* TestClock.adjust(Duration.seconds(5));
            const changed = contractNotification("k1", { subject: { vi: "khác", en: "other" } });
            const again = yield* o.enqueue(a, [
              changed,
              contractNotification("k3"),
              contractNotification("k3"),
            ]);
            return {
              first,
              again,
              k1: yield* o.get(a, "k1"),
              k3: yield* o.get(a, "k3"),
              counts: yield* o.counts(a),
            };
          }),
        );
        expect(r.first).toEqual({ added: ["k1", "k2"], existing: [] });
        expect(r.again).toEqual({ added: ["k3"], existing: ["k1", "k3"] });
        expect(r.k1).toMatchObject({ status: "delivered", attempts: 1, createdAt: iso(T0) });
        expect(r.k1?.notification.subject.vi).toBe("Nhắc báo cáo Quý I năm 2018: hạn nộp 19/03/2018");
        expect(r.k3).toMatchObject({
          status: "pending",
          attempts: 0,
          createdAt: iso(T0 + 5_000),
          nextAttemptAt: iso(T0 + 5_000),
        });
        expect(r.counts).toEqual({ pending: 2, retrying: 0, delivered: 1, dead: 0 });
      },
      timeout,
    );

    it(
      "a notification reads back exactly as written (Vietnamese, emoji, HTML, quotes, nested data)",
      async () => {
        const a = freshAgency();
        const n = contractNotification("Đắk-Lắk:2018Q1:before-7 ✓");
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [n]);
            return { got: yield* o.get(a, n.key), missing: yield* o.get(a, "nope") };
          }),
        );
        expect(r.got?.notification).toEqual(n);
        expect(r.got?.key).toBe(n.key);
        expect(r.got?.lease).toBeUndefined();
        expect(r.got?.lastError).toBeUndefined();
        expect(r.missing).toBeUndefined();
      },
      timeout,
    );

    it(
      "claim leases due entries oldest first up to the limit, counts an attempt, and hides them from others",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [contractNotification("b"), contractNotification("a")]);
            yield* TestClock.adjust(Duration.seconds(1));
            yield* o.enqueue(a, [contractNotification("0-later")]);
            const first = yield* claim(o, a, "w1", 2, 30_000);
            const second = yield* claim(o, a, "w2", 10, 30_000);
            const third = yield* claim(o, a, "w3", 10, 30_000);
            return { first, second, third, next: yield* o.nextDue(a) };
          }),
        );
        expect(r.first.map((e) => e.key).sort()).toEqual(["a", "b"]);
        for (const e of r.first) {
          expect(e.attempts).toBe(1);
          expect(e.lease).toEqual({ workerId: "w1", expiresAt: iso(T0 + 1_000 + 30_000) });
          expect(e.notification.recipient.name).toBe("Các cơ quan hành chính thuộc Bộ");
        }
        expect(r.second.map((e) => e.key)).toEqual(["0-later"]);
        expect(r.third).toEqual([]);
        expect(r.next).toBe(iso(T0 + 1_000 + 30_000));
      },
      timeout,
    );

    it(
      `${claimers} concurrent claimers never get the same entry, and together get every entry`,
      async () => {
        const a = freshAgency();
        const keys = Array.from({ length: entries }, (_, i) => `race-${String(i).padStart(4, "0")}`);
        const got = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(
              a,
              keys.map((k) => contractNotification(k)),
            );
            const worker = (w: number) =>
              Effect.gen(function* () {
                const mine: string[] = [];
                for (;;) {
                  const batch = yield* claim(o, a, `w${w}`, 7, 60_000);
                  if (batch.length === 0) return mine;
                  for (const e of batch) {
                    expect(e.lease?.workerId).toBe(`w${w}`);
                    mine.push(e.key);
                    yield* o.markDelivered(a, e.key, `w${w}`, { notifier: "test", id: `w${w}` });
                  }
                }
              });
            return yield* Effect.all(
              Array.from({ length: claimers }, (_, w) => worker(w)),
              { concurrency: "unbounded" },
            );
          }),
        );
        const all = got.flat();
        expect(all.length).toBe(keys.length);
        expect(new Set(all).size).toBe(keys.length);
        expect([...all].sort()).toEqual(keys);
        const counts = await run((o) => o.counts(a));
        expect(counts).toEqual({ pending: 0, retrying: 0, delivered: entries, dead: 0 });
        const delivered = await run((o) => o.list(a, { status: "delivered", limit: entries }));
        const byWorker = new Map(got.flatMap((keysOf, w) => keysOf.map((k) => [k, `w${w}`] as const)));
        for (const e of delivered) expect(e.receipt?.id).toBe(byWorker.get(e.key));
      },
      timeout,
    );

    it(
      "an abandoned lease expires and the entry goes to another worker; the first worker can no longer record a failure",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [contractNotification("k")]);
            const crashed = yield* claim(o, a, "crashed", 10, 10_000);
            yield* TestClock.adjust(Duration.millis(9_999));
            const tooEarly = yield* claim(o, a, "w2", 10, 10_000);
            yield* TestClock.adjust(Duration.millis(1));
            const taken = yield* claim(o, a, "w2", 10, 10_000);
            const staleRetry = yield* o.markRetry(a, "k", "crashed", failure(T0), iso(T0));
            const staleDead = yield* o.markDead(a, "k", "crashed", failure(T0, "address", false));
            const entry = yield* o.get(a, "k");
            return { crashed, tooEarly, taken, staleRetry, staleDead, entry };
          }),
        );
        expect(r.crashed.map((e) => e.key)).toEqual(["k"]);
        expect(r.tooEarly).toEqual([]);
        expect(r.taken.map((e) => [e.key, e.attempts, e.lease?.workerId])).toEqual([["k", 2, "w2"]]);
        expect(r.staleRetry).toBe(false);
        expect(r.staleDead).toBe(false);
        expect(r.entry).toMatchObject({ status: "pending", attempts: 2, lease: { workerId: "w2" } });
      },
      timeout,
    );

    it(
      "markRetry schedules the next attempt and records the failure; the entry is claimable again only then",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [contractNotification("k")]);
            yield* claim(o, a, "w");
            const applied = yield* o.markRetry(a, "k", "w", failure(T0), iso(T0 + 4_000));
            const after = yield* o.get(a, "k");
            const early = yield* claim(o, a, "w");
            const next = yield* o.nextDue(a);
            yield* TestClock.adjust(Duration.millis(4_000));
            const due = yield* claim(o, a, "w");
            return { applied, after, early, next, due };
          }),
        );
        expect(r.applied).toBe(true);
        expect(r.after).toMatchObject({
          status: "retrying",
          attempts: 1,
          nextAttemptAt: iso(T0 + 4_000),
          lastError: failure(T0),
        });
        expect(r.after?.lease).toBeUndefined();
        expect(r.early).toEqual([]);
        expect(r.next).toBe(iso(T0 + 4_000));
        expect(r.due.map((e) => [e.key, e.attempts, e.status])).toEqual([["k", 2, "retrying"]]);
      },
      timeout,
    );

    it(
      "delivered and dead are final: never claimed again, not overwritten; markDelivered records a late delivery",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [
              contractNotification("ok"),
              contractNotification("bad"),
              contractNotification("late"),
            ]);
            yield* claim(o, a, "w");
            yield* TestClock.adjust(Duration.seconds(2));
            const delivered = yield* o.markDelivered(a, "ok", "w", {
              notifier: "test",
              id: "250 OK",
              response: "queued",
            });
            const twice = yield* o.markDelivered(a, "ok", "w", { notifier: "test", id: "again" });
            const dead = yield* o.markDead(a, "bad", "w", failure(T0, "address", false));
            const retryDelivered = yield* o.markRetry(a, "ok", "w", failure(T0), iso(T0));
            const retryDead = yield* o.markRetry(a, "bad", "w", failure(T0), iso(T0));
            // "late" is delivered by a worker whose lease was taken over: the message did go out.
            yield* TestClock.adjust(Duration.minutes(5));
            yield* claim(o, a, "other");
            const lateMark = yield* o.markDelivered(a, "late", "w", { notifier: "test" });
            yield* TestClock.adjust(Duration.days(30));
            const claimed = yield* claim(o, a, "w");
            return {
              delivered,
              twice,
              dead,
              retryDelivered,
              retryDead,
              lateMark,
              claimed,
              ok: yield* o.get(a, "ok"),
              bad: yield* o.get(a, "bad"),
              late: yield* o.get(a, "late"),
              next: yield* o.nextDue(a),
            };
          }),
        );
        expect([r.delivered, r.twice, r.dead, r.retryDelivered, r.retryDead, r.lateMark]).toEqual([
          true,
          false,
          true,
          false,
          false,
          true,
        ]);
        expect(r.claimed).toEqual([]);
        expect(r.ok).toMatchObject({
          status: "delivered",
          deliveredAt: iso(T0 + 2_000),
          receipt: { notifier: "test", id: "250 OK", response: "queued" },
        });
        expect(r.ok?.lease).toBeUndefined();
        expect(r.bad).toMatchObject({ status: "dead", lastError: failure(T0, "address", false) });
        expect(r.late).toMatchObject({ status: "delivered", attempts: 2 });
        expect(r.next).toBeUndefined();
      },
      timeout,
    );

    it(
      "requeue puts a dead entry back in line with its attempts reset; nothing else is requeued",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [contractNotification("dead"), contractNotification("pending")]);
            yield* claim(o, a, "w", 1);
            yield* o.markDead(a, "dead", "w", failure(T0, "address", false));
            yield* TestClock.adjust(Duration.hours(1));
            return {
              revived: yield* o.requeue(a, "dead"),
              pending: yield* o.requeue(a, "pending"),
              unknown: yield* o.requeue(a, "unknown"),
              entry: yield* o.get(a, "dead"),
            };
          }),
        );
        expect([r.revived, r.pending, r.unknown]).toEqual([true, false, false]);
        expect(r.entry).toMatchObject({ status: "pending", attempts: 0, nextAttemptAt: iso(T0 + 3_600_000) });
      },
      timeout,
    );

    it(
      "list filters by status and pages in key order; counts and nextDue summarise",
      async () => {
        const a = freshAgency();
        const keys = ["c", "a", "e", "b", "d"];
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(
              a,
              keys.map((k) => contractNotification(k)),
            );
            yield* claim(o, a, "w", 2);
            yield* o.markDelivered(a, "a", "w", { notifier: "test" });
            yield* o.markRetry(a, "b", "w", failure(T0), iso(T0 + 60_000));
            return {
              page1: yield* o.list(a, { limit: 2 }),
              page2: yield* o.list(a, { limit: 2, after: "b" }),
              pending: yield* o.list(a, { status: "pending" }),
              retrying: yield* o.list(a, { status: "retrying" }),
              counts: yield* o.counts(a),
              next: yield* o.nextDue(a),
            };
          }),
        );
        expect(r.page1.map((e) => e.key)).toEqual(["a", "b"]);
        expect(r.page2.map((e) => e.key)).toEqual(["c", "d"]);
        expect(r.pending.map((e) => e.key)).toEqual(["c", "d", "e"]);
        expect(r.retrying.map((e) => e.key)).toEqual(["b"]);
        expect(r.counts).toEqual({ pending: 3, retrying: 1, delivered: 1, dead: 0 });
        expect(r.next).toBe(iso(T0));
      },
      timeout,
    );

    it(
      "agencies never see each other's entries, even under the same key",
      async () => {
        const a = freshAgency();
        const b = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [contractNotification("same")]);
            const inB = yield* o.enqueue(b, [contractNotification("same", { body: { vi: "B", en: "B" } })]);
            const claimedA = yield* claim(o, a, "w");
            return {
              inB,
              claimedA,
              b: yield* o.get(b, "same"),
              listB: yield* o.list(b),
              countsB: yield* o.counts(b),
              claimEmpty: yield* claim(o, freshAgency(), "w"),
            };
          }),
        );
        expect(r.inB.added).toEqual(["same"]);
        expect(r.claimedA.map((e) => e.notification.body.vi)).toEqual([contractNotification("same").body.vi]);
        expect(r.b).toMatchObject({ status: "pending", attempts: 0, notification: { body: { vi: "B" } } });
        expect(r.listB).toHaveLength(1);
        expect(r.countsB).toEqual({ pending: 1, retrying: 0, delivered: 0, dead: 0 });
        expect(r.claimEmpty).toEqual([]);
      },
      timeout,
    );

    if (options.reopen) {
      const reopen = options.reopen;
      it(
        "entries, attempts and leases survive closing and reopening the store",
        async () => {
          const a = freshAgency();
          await run((o) =>
            Effect.gen(function* () {
              yield* o.enqueue(a, [contractNotification("x"), contractNotification("y")]);
              yield* claim(o, a, "before-restart", 1, 10_000);
            }),
          );
          await close();
          await open(reopen());
          const r = await run((o) =>
            Effect.gen(function* () {
              const early = yield* claim(o, a, "after-restart");
              yield* TestClock.adjust(Duration.seconds(10));
              const late = yield* claim(o, a, "after-restart");
              return { early, late };
            }),
          );
          expect(r.early.map((e) => e.key)).toEqual(["y"]);
          expect(r.late.map((e) => [e.key, e.attempts])).toEqual([["x", 2]]);
        },
        timeout,
      );
    }
  });
}
