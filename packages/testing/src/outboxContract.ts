/**
 * The outbox contract suite: what every outbox adapter (memory, PGlite, PostgreSQL, a third
 * party's) must do, through the port only. Idempotent enqueue, exact round trips, leases that
 * never hand one entry to two claimers (checked with many concurrent claimers), lease expiry that
 * hands an abandoned entry to another worker, renewal of the entry being sent while the rest of a
 * batch expires, marks refused to a worker whose lease was taken over (even under the same worker
 * id), two dispatchers with a slow notifier delivering each entry exactly once, final states that
 * stay final, requeue (who and when recorded) and refresh of entries not yet tried, tenant isolation.
 *
 * ```ts
 * import { runOutboxContract } from "@cchc/testing/contracts";
 * runOutboxContract("my outbox", { layer: () => MyOutbox.layer({ url }) });
 * ```
 *
 * Time is driven by `TestClock` inside each case (the port reads Effect's `Clock`), so lease and
 * retry instants are exact and the suite never sleeps, except in the two-dispatcher case, which
 * runs the real dispatcher on the real clock (about two seconds) so that real I/O interleaves.
 */
import {
  type DrainReport,
  drainOutbox,
  type Notification,
  Notifier,
  Outbox,
  type OutboxEntry,
  type OutboxFailure,
  type OutboxLease,
  type OutboxService,
} from "@cchc/core";
import * as Duration from "effect/Duration";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
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
  /**
   * The two-dispatcher case: entries (default 20), the slow notifier's time per message and the
   * lease, in ms (defaults 100 and 1,000: one dispatcher alone would need twice its lease).
   */
  readonly slowDispatch?: { readonly entries?: number; readonly sendMs?: number; readonly leaseMs?: number };
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

/** The claim a case speaks for: the worker id and token of the entry's lease, nothing else. */
function leaseOf(entries: readonly OutboxEntry[], key: string): OutboxLease {
  const lease = entries.find((e) => e.key === key)?.lease;
  if (lease === undefined) throw new Error(`outbox contract: the claim returned no lease for ${key}`);
  return { workerId: lease.workerId, token: lease.token };
}

/** Registers the outbox contract for one adapter under `describe("outbox contract: <name>")`. */
export function runOutboxContract(name: string, options: OutboxContractOptions): void {
  const timeout = options.testTimeout ?? 60_000;
  const claimers = options.claimers ?? 8;
  const entries = options.entries ?? 300;
  const slowEntries = options.slowDispatch?.entries ?? 20;
  const slowSendMs = options.slowDispatch?.sendMs ?? 100;
  const slowLeaseMs = options.slowDispatch?.leaseMs ?? 1_000;
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
  /** Runs a program on the real clock, with the outbox and `layer` (the two-dispatcher case). */
  const runLive = <A, E>(effect: Effect.Effect<A, E, Outbox | Notifier>, layer: Layer.Layer<Notifier>) => {
    const r = runtime;
    if (!r) throw new Error("outbox contract: the outbox is not open (did beforeAll fail?)");
    return r.runPromise(effect.pipe(Effect.provide(layer)));
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
            const taken = yield* claim(o, a, "w");
            yield* o.markDelivered(a, "k1", leaseOf(taken, "k1"), { notifier: "test", id: "1" });
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
          expect(e.lease).toEqual({
            workerId: "w1",
            token: expect.any(String),
            expiresAt: iso(T0 + 1_000 + 30_000),
          });
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
                    const recorded = yield* o.markDelivered(a, e.key, leaseOf(batch, e.key), {
                      notifier: "test",
                      id: `w${w}`,
                    });
                    expect(recorded).toBe(true);
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
      "an abandoned lease expires and the entry goes to another worker; the first worker can no longer renew or record anything",
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
            const stale = leaseOf(crashed, "k");
            const staleRenew = yield* o.renew(a, "k", stale, 10_000);
            const staleRetry = yield* o.markRetry(a, "k", stale, failure(T0), iso(T0));
            const staleDead = yield* o.markDead(a, "k", stale, failure(T0, "address", false));
            const staleDelivered = yield* o.markDelivered(a, "k", stale, { notifier: "test", id: "stale" });
            const entry = yield* o.get(a, "k");
            return { crashed, tooEarly, taken, staleRenew, staleRetry, staleDead, staleDelivered, entry };
          }),
        );
        expect(r.crashed.map((e) => e.key)).toEqual(["k"]);
        expect(r.tooEarly).toEqual([]);
        expect(r.taken.map((e) => [e.key, e.attempts, e.lease?.workerId])).toEqual([["k", 2, "w2"]]);
        expect(r.taken[0]?.lease?.token).not.toBe(r.crashed[0]?.lease?.token);
        expect(r.staleRenew).toBeUndefined();
        expect(r.staleRetry).toBe(false);
        expect(r.staleDead).toBe(false);
        expect(r.staleDelivered).toBe(false);
        expect(r.entry).toMatchObject({
          status: "pending",
          attempts: 2,
          lease: { workerId: "w2", token: r.taken[0]?.lease?.token, expiresAt: iso(T0 + 20_000) },
        });
        expect(r.entry?.receipt).toBeUndefined();
      },
      timeout,
    );

    it(
      "lease expiry mid-batch: the entry being sent is renewed and kept, the rest of the batch goes to the next claimer, and the first worker can no longer renew or mark those",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [
              contractNotification("b1"),
              contractNotification("b2"),
              contractNotification("b3"),
            ]);
            const batch = yield* claim(o, a, "slow", 10, 10_000);
            // b1 is renewed and sent (6 s), then b2 is renewed; the batch lease runs out at 10 s.
            const renew1 = yield* o.renew(a, "b1", leaseOf(batch, "b1"), 10_000);
            yield* TestClock.adjust(Duration.seconds(6));
            const mark1 = yield* o.markDelivered(a, "b1", leaseOf(batch, "b1"), {
              notifier: "test",
              id: "slow",
            });
            const renew2 = yield* o.renew(a, "b2", leaseOf(batch, "b2"), 10_000);
            yield* TestClock.adjust(Duration.seconds(4));
            const other = yield* claim(o, a, "other", 10, 10_000);
            yield* TestClock.adjust(Duration.seconds(2));
            const mark2 = yield* o.markDelivered(a, "b2", leaseOf(batch, "b2"), {
              notifier: "test",
              id: "slow",
            });
            const renew3 = yield* o.renew(a, "b3", leaseOf(batch, "b3"), 10_000);
            const mark3 = yield* o.markDelivered(a, "b3", leaseOf(batch, "b3"), {
              notifier: "test",
              id: "slow",
            });
            const retry3 = yield* o.markRetry(a, "b3", leaseOf(batch, "b3"), failure(T0), iso(T0));
            const dead3 = yield* o.markDead(a, "b3", leaseOf(batch, "b3"), failure(T0, "address", false));
            const before = yield* o.get(a, "b3");
            const renewOther = yield* o.renew(a, "b3", leaseOf(other, "b3"), 10_000);
            const markOther = yield* o.markDelivered(a, "b3", leaseOf(other, "b3"), {
              notifier: "test",
              id: "other",
            });
            return {
              renew1,
              mark1,
              renew2,
              other,
              mark2,
              renew3,
              mark3,
              retry3,
              dead3,
              before,
              renewOther,
              markOther,
              entries: yield* o.list(a),
            };
          }),
        );
        expect(r.renew1).toBe(iso(T0 + 10_000));
        expect(r.mark1).toBe(true);
        expect(r.renew2).toBe(iso(T0 + 16_000));
        expect(r.other.map((e) => [e.key, e.attempts, e.lease?.workerId])).toEqual([["b3", 2, "other"]]);
        expect(r.mark2).toBe(true);
        expect(r.renew3).toBeUndefined();
        expect([r.mark3, r.retry3, r.dead3]).toEqual([false, false, false]);
        expect(r.before).toMatchObject({ status: "pending", lease: { workerId: "other" } });
        expect(r.before?.lastError).toBeUndefined();
        expect(r.renewOther).toBe(iso(T0 + 22_000));
        expect(r.markOther).toBe(true);
        expect(r.entries.map((e) => [e.key, e.status, e.attempts, e.receipt?.id])).toEqual([
          ["b1", "delivered", 1, "slow"],
          ["b2", "delivered", 1, "slow"],
          ["b3", "delivered", 2, "other"],
        ]);
      },
      timeout,
    );

    it(
      "a later claim under the same worker id gets a new token: the stale token (or one never issued) renews and marks nothing; an expired lease nobody took over is still held",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [contractNotification("k")]);
            const first = yield* claim(o, a, "cron", 10, 5_000);
            yield* TestClock.adjust(Duration.seconds(5));
            const second = yield* claim(o, a, "cron", 10, 5_000);
            const stale = leaseOf(first, "k");
            const fresh = leaseOf(second, "k");
            const staleRenew = yield* o.renew(a, "k", stale, 5_000);
            const staleMark = yield* o.markDelivered(a, "k", stale, { notifier: "test", id: "stale" });
            const staleRetry = yield* o.markRetry(a, "k", stale, failure(T0), iso(T0));
            const forged = yield* o.markDelivered(
              a,
              "k",
              { workerId: "cron", token: "not-a-token" },
              { notifier: "test", id: "forged" },
            );
            const otherWorker = yield* o.markDelivered(
              a,
              "k",
              { workerId: "someone-else", token: fresh.token },
              { notifier: "test", id: "other" },
            );
            // The second lease runs out (at 10 s) and nobody claims the entry: still held.
            yield* TestClock.adjust(Duration.seconds(7));
            const lateRenew = yield* o.renew(a, "k", fresh, 5_000);
            const mark = yield* o.markDelivered(a, "k", fresh, { notifier: "test", id: "fresh" });
            const renewFinal = yield* o.renew(a, "k", fresh, 5_000);
            return {
              first,
              second,
              staleRenew,
              staleMark,
              staleRetry,
              forged,
              otherWorker,
              lateRenew,
              mark,
              renewFinal,
              entry: yield* o.get(a, "k"),
            };
          }),
        );
        expect(r.second[0]?.lease?.workerId).toBe("cron");
        expect(r.second[0]?.lease?.token).not.toBe(r.first[0]?.lease?.token);
        expect(r.staleRenew).toBeUndefined();
        expect([r.staleMark, r.staleRetry, r.forged, r.otherWorker]).toEqual([false, false, false, false]);
        expect(r.lateRenew).toBe(iso(T0 + 17_000));
        expect(r.mark).toBe(true);
        expect(r.renewFinal).toBeUndefined();
        expect(r.entry).toMatchObject({
          status: "delivered",
          attempts: 2,
          deliveredAt: iso(T0 + 12_000),
          receipt: { notifier: "test", id: "fresh" },
        });
        expect(r.entry?.lease).toBeUndefined();
      },
      timeout,
    );

    it(
      `two dispatchers with a slow notifier (${slowSendMs} ms a message, a ${slowLeaseMs} ms lease, ${slowEntries} entries in one batch) send and record each entry exactly once`,
      async () => {
        const a = freshAgency();
        const keys = Array.from({ length: slowEntries }, (_, i) => `slow-${String(i).padStart(3, "0")}`);
        const sends = new Map<string, number>();
        const slow = Layer.succeed(Notifier, {
          name: "slow-contract",
          send: (n: Notification) =>
            Effect.sleep(Duration.millis(slowSendMs)).pipe(
              Effect.map(() => {
                const count = (sends.get(n.key) ?? 0) + 1;
                sends.set(n.key, count);
                return { notifier: "slow-contract", id: `${n.key}#${count}` };
              }),
            ),
        });
        const reports = await runLive(
          Effect.gen(function* () {
            const o = yield* Outbox;
            yield* o.enqueue(
              a,
              keys.map((k) => contractNotification(k)),
            );
            const dispatch = (workerId: string) =>
              drainOutbox({
                agencyId: a,
                workerId,
                batchSize: slowEntries,
                leaseMs: slowLeaseMs,
                waitMs: 30 * slowLeaseMs,
                pollMs: Math.max(10, Math.floor(slowLeaseMs / 10)),
              });
            return yield* Effect.all([dispatch("dispatcher-1"), dispatch("dispatcher-2")], {
              concurrency: "unbounded",
            });
          }),
          slow,
        );
        const [r1, r2] = reports as readonly [DrainReport, DrainReport];
        const twice = [...sends].filter(([, n]) => n > 1).map(([k]) => k);
        expect(twice, `sent more than once: ${twice.join(", ")}`).toEqual([]);
        expect([...sends.keys()].sort()).toEqual(keys);
        expect(r1.delivered + r2.delivered).toBe(slowEntries);
        expect(r1.delivered).toBeGreaterThan(0);
        expect(r2.delivered).toBeGreaterThan(0);
        // One batch needed longer than its lease: the other dispatcher took over the entries not
        // yet sent, and the first found them lost (skipped, not sent).
        expect(r1.lost + r2.lost).toBeGreaterThan(0);
        expect(r1.lostAfterSend + r2.lostAfterSend).toBe(0);
        const final = await run((o) => Effect.all([o.counts(a), o.list(a, { limit: slowEntries })]));
        expect(final[0]).toEqual({ pending: 0, retrying: 0, delivered: slowEntries, dead: 0 });
        for (const e of final[1]) expect(e.receipt?.id, e.key).toBe(`${e.key}#1`);
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
            const taken = yield* claim(o, a, "w");
            const applied = yield* o.markRetry(a, "k", leaseOf(taken, "k"), failure(T0), iso(T0 + 4_000));
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
      "delivered and dead are final: never claimed again, not overwritten; a late mark counts only while nobody took the entry over",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [
              contractNotification("ok"),
              contractNotification("bad"),
              contractNotification("late"),
              contractNotification("gone"),
            ]);
            const mine = yield* claim(o, a, "w", 10, 60_000);
            yield* TestClock.adjust(Duration.seconds(2));
            const delivered = yield* o.markDelivered(a, "ok", leaseOf(mine, "ok"), {
              notifier: "test",
              id: "250 OK",
              response: "queued",
            });
            const twice = yield* o.markDelivered(a, "ok", leaseOf(mine, "ok"), {
              notifier: "test",
              id: "again",
            });
            const dead = yield* o.markDead(a, "bad", leaseOf(mine, "bad"), failure(T0, "address", false));
            const retryDelivered = yield* o.markRetry(a, "ok", leaseOf(mine, "ok"), failure(T0), iso(T0));
            const retryDead = yield* o.markRetry(a, "bad", leaseOf(mine, "bad"), failure(T0), iso(T0));
            const renewDelivered = yield* o.renew(a, "ok", leaseOf(mine, "ok"), 60_000);
            // Both leases run out. "gone" is claimed by another worker: the first worker's
            // delivery of it is refused (the outbox records one delivery, the holder's). Nobody
            // took "late": its expired lease is still held, and the message did go out.
            yield* TestClock.adjust(Duration.minutes(5));
            const other = yield* claim(o, a, "other", 1, 60_000);
            const goneMark = yield* o.markDelivered(a, "gone", leaseOf(mine, "gone"), { notifier: "test" });
            const lateMark = yield* o.markDelivered(a, "late", leaseOf(mine, "late"), { notifier: "test" });
            const holderMark = yield* o.markDelivered(a, "gone", leaseOf(other, "gone"), {
              notifier: "test",
              id: "holder",
            });
            yield* TestClock.adjust(Duration.days(30));
            const claimed = yield* claim(o, a, "w");
            return {
              delivered,
              twice,
              dead,
              retryDelivered,
              retryDead,
              renewDelivered,
              other,
              goneMark,
              lateMark,
              holderMark,
              claimed,
              ok: yield* o.get(a, "ok"),
              bad: yield* o.get(a, "bad"),
              late: yield* o.get(a, "late"),
              gone: yield* o.get(a, "gone"),
              next: yield* o.nextDue(a),
            };
          }),
        );
        expect([r.delivered, r.twice, r.dead, r.retryDelivered, r.retryDead]).toEqual([
          true,
          false,
          true,
          false,
          false,
        ]);
        expect(r.renewDelivered).toBeUndefined();
        // Claims go oldest due first, then by key: "gone" < "late"; "other" asked for one.
        expect(r.other.map((e) => e.key)).toEqual(["gone"]);
        expect([r.goneMark, r.lateMark, r.holderMark]).toEqual([false, true, true]);
        expect(r.claimed).toEqual([]);
        expect(r.ok).toMatchObject({
          status: "delivered",
          deliveredAt: iso(T0 + 2_000),
          receipt: { notifier: "test", id: "250 OK", response: "queued" },
        });
        expect(r.ok?.lease).toBeUndefined();
        expect(r.bad).toMatchObject({ status: "dead", lastError: failure(T0, "address", false) });
        expect(r.late).toMatchObject({ status: "delivered", attempts: 1, deliveredAt: iso(T0 + 302_000) });
        expect(r.gone).toMatchObject({
          status: "delivered",
          attempts: 2,
          receipt: { notifier: "test", id: "holder" },
        });
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
            const taken = yield* claim(o, a, "w", 1);
            yield* o.markDead(a, "dead", leaseOf(taken, "dead"), failure(T0, "address", false));
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
      "requeue records who and when, keeps the reason it died, and the entry is claimed and delivered again",
      async () => {
        const a = freshAgency();
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(a, [contractNotification("k")]);
            for (let i = 0; i < 3; i++) {
              const taken = yield* claim(o, a, "w", 1);
              yield* o.markRetry(a, "k", leaseOf(taken, "k"), failure(T0), iso(T0));
            }
            const last = yield* claim(o, a, "w", 1);
            yield* o.markDead(a, "k", leaseOf(last, "k"), failure(T0, "address", false));
            const dead = yield* o.get(a, "k");
            yield* TestClock.adjust(Duration.minutes(5));
            const revived = yield* o.requeue(a, "k", { by: "nguyễn.văn.a" });
            const requeued = yield* o.get(a, "k");
            const again = yield* claim(o, a, "w2", 10);
            const marked = yield* o.markDelivered(a, "k", leaseOf(again, "k"), { notifier: "test", id: "2" });
            yield* TestClock.adjust(Duration.minutes(5));
            const twice = yield* o.requeue(a, "k");
            const anonymous = yield* o.enqueue(a, [contractNotification("m")]).pipe(
              Effect.andThen(claim(o, a, "w", 1)),
              Effect.flatMap((t) => o.markDead(a, "m", leaseOf(t, "m"), failure(T0, "address", false))),
              Effect.andThen(o.requeue(a, "m")),
              Effect.andThen(o.get(a, "m")),
            );
            return {
              dead,
              revived,
              requeued,
              again,
              marked,
              twice,
              final: yield* o.get(a, "k"),
              anonymous,
              counts: yield* o.counts(a),
            };
          }),
        );
        expect(r.dead).toMatchObject({ status: "dead", attempts: 4 });
        expect(r.dead?.requeuedAt).toBeUndefined();
        expect(r.revived).toBe(true);
        expect(r.requeued).toMatchObject({
          status: "pending",
          attempts: 0,
          nextAttemptAt: iso(T0 + 300_000),
          requeuedAt: iso(T0 + 300_000),
          requeuedBy: "nguyễn.văn.a",
          lastError: failure(T0, "address", false),
        });
        expect(r.requeued?.lease).toBeUndefined();
        expect(r.again.map((e) => [e.key, e.attempts])).toEqual([["k", 1]]);
        expect([r.marked, r.twice]).toEqual([true, false]);
        expect(r.final).toMatchObject({
          status: "delivered",
          requeuedAt: iso(T0 + 300_000),
          receipt: { id: "2" },
        });
        expect(r.anonymous).toMatchObject({ status: "pending", attempts: 0, requeuedAt: iso(T0 + 600_000) });
        expect(r.anonymous?.requeuedBy).toBeUndefined();
        expect(r.counts).toEqual({ pending: 1, retrying: 0, delivered: 1, dead: 0 });
      },
      timeout,
    );

    it(
      "refresh gives the current content only to entries not tried since they were (re)queued",
      async () => {
        const a = freshAgency();
        const fresh = (key: string) =>
          contractNotification(key, {
            recipient: { unitId: "u", name: "Văn phòng", email: ["sua@example.gov.vn"] },
          });
        const r = await run((o) =>
          Effect.gen(function* () {
            yield* o.enqueue(
              a,
              ["waiting", "claimed", "retrying", "delivered", "dead", "requeued"].map((k) =>
                contractNotification(k),
              ),
            );
            // Claims oldest-due first in key order: claimed, dead, delivered, requeued, retrying.
            const taken = yield* o.claim(a, { workerId: "w", limit: 5, leaseMs: 60_000 });
            yield* o.markRetry(a, "retrying", leaseOf(taken, "retrying"), failure(T0), iso(T0 + 60_000));
            yield* o.markDelivered(a, "delivered", leaseOf(taken, "delivered"), { notifier: "test" });
            yield* o.markDead(a, "dead", leaseOf(taken, "dead"), failure(T0, "address", false));
            yield* o.markDead(a, "requeued", leaseOf(taken, "requeued"), failure(T0, "address", false));
            yield* o.requeue(a, "requeued");
            const replaced = yield* o.refresh(
              a,
              ["waiting", "claimed", "retrying", "delivered", "dead", "requeued", "unknown", "waiting"].map(
                fresh,
              ),
            );
            const entries = yield* o.list(a);
            const next = yield* claim(o, a, "w2", 10);
            return { taken, replaced, entries, next, unknown: yield* o.get(a, "unknown") };
          }),
        );
        expect(r.taken.map((e) => e.key)).toEqual(["claimed", "dead", "delivered", "requeued", "retrying"]);
        expect(r.replaced).toEqual(["waiting", "requeued"]);
        const email = Object.fromEntries(r.entries.map((e) => [e.key, e.notification.recipient.email]));
        expect(email).toEqual({
          waiting: ["sua@example.gov.vn"],
          requeued: ["sua@example.gov.vn"],
          claimed: contractNotification("x").recipient.email,
          retrying: contractNotification("x").recipient.email,
          delivered: contractNotification("x").recipient.email,
          dead: contractNotification("x").recipient.email,
        });
        expect(r.next.map((e) => [e.key, e.notification.recipient.email])).toEqual([
          ["requeued", ["sua@example.gov.vn"]],
          ["waiting", ["sua@example.gov.vn"]],
        ]);
        expect(r.unknown).toBeUndefined();
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
            const taken = yield* claim(o, a, "w", 2);
            yield* o.markDelivered(a, "a", leaseOf(taken, "a"), { notifier: "test" });
            yield* o.markRetry(a, "b", leaseOf(taken, "b"), failure(T0), iso(T0 + 60_000));
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
