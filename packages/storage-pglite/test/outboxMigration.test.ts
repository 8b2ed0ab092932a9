/**
 * Migration 3 (the outbox's lease token) on an outbox written under migration 2: applied in place,
 * forward only. Entries, attempts and a running lease read back; the dispatcher holding that lease
 * (token "0") can still record its delivery once; the next claim gets a new token.
 */
import { MIGRATIONS, makeSqlOutbox, migrate } from "@cchc/storage-sql";
import { contractNotification } from "@cchc/testing/contracts";
import type { PGlite } from "@electric-sql/pglite";
import * as Effect from "effect/Effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openPglite, pgliteDriver } from "../src/index.js";

let pg: PGlite;
beforeAll(async () => {
  pg = await openPglite();
});
afterAll(() => pg.close());

it("an outbox from before migration 3 keeps its entries and its running lease, now with token 0", async () => {
  const driver = pgliteDriver(pg);
  expect(MIGRATIONS.map((m) => [m.version, m.name]).slice(1, 4)).toEqual([
    [2, "outbox"],
    [3, "outbox-lease-token"],
    [4, "outbox-requeued"],
  ]);
  expect(await migrate(driver, MIGRATIONS.slice(0, 2))).toEqual({ applied: [1, 2], version: 2 });
  // Two entries as the migration-2 outbox left them: one leased by a running dispatcher, one waiting.
  const doc = (key: string) => JSON.stringify(contractNotification(key));
  const far = new Date(Date.now() + 3_600_000).toISOString();
  await driver.query(
    `INSERT INTO cchc_outbox (agency_id, key, status, attempts, created_at, next_attempt_at, lease_owner, lease_expires_at, doc)
     VALUES ('a', 'leased', 'pending', 1, now(), now(), 'old-dispatcher', $1::timestamptz, $2),
            ('a', 'waiting', 'retrying', 2, now(), now(), NULL, NULL, $3)`,
    [far, doc("leased"), doc("waiting")],
  );
  // Migration 3 and every later one (4: who requeued, then the schema's others), in order.
  expect(await migrate(driver)).toEqual({
    applied: MIGRATIONS.slice(2).map((m) => m.version),
    version: MIGRATIONS.length,
  });

  const outbox = makeSqlOutbox(driver);
  const r = await Effect.runPromise(
    Effect.gen(function* () {
      const leased = yield* outbox.get("a", "leased");
      const wrongToken = yield* outbox.markDelivered(
        "a",
        "leased",
        { workerId: "old-dispatcher", token: "1" },
        { notifier: "test", id: "wrong" },
      );
      const held = yield* outbox.markDelivered(
        "a",
        "leased",
        { workerId: "old-dispatcher", token: "0" },
        { notifier: "test", id: "held" },
      );
      const claimed = yield* outbox.claim("a", { workerId: "new-dispatcher", limit: 10, leaseMs: 60_000 });
      return { leased, wrongToken, held, claimed, after: yield* outbox.get("a", "leased") };
    }),
  );
  expect(r.leased).toMatchObject({
    status: "pending",
    attempts: 1,
    lease: { workerId: "old-dispatcher", token: "0", expiresAt: far },
  });
  expect(r.leased?.notification).toEqual(contractNotification("leased"));
  expect([r.wrongToken, r.held]).toEqual([false, true]);
  expect(r.after).toMatchObject({ status: "delivered", receipt: { id: "held" } });
  expect(r.claimed.map((e) => [e.key, e.attempts, e.lease?.workerId, e.lease?.token])).toEqual([
    ["waiting", 3, "new-dispatcher", "1"],
  ]);
});
