/**
 * The outbox's fault tests against real servers: a real SMTP server on 127.0.0.1 (in this process)
 * and a real PostgreSQL outbox (a fresh database on 127.0.0.1:5432).
 *
 * - A dispatcher PROCESS is SIGKILLed in the middle of a batch and restarted: nothing lost, nothing
 *   duplicated, counted by key on what the SMTP server accepted. The kill is deterministic: the
 *   server holds the 4th message, kills the sender, and only then answers (too late), so messages
 *   1–3 were accepted and marked delivered, and the 4th was never accepted.
 * - Two dispatchers on the same PostgreSQL outbox (separate connection pools): each entry is
 *   delivered exactly once, and both did part of the work.
 * - Two dispatcher PROCESSES, a server that takes 300 ms per message and a 2 s lease, so one batch
 *   outlives its lease and the other process takes over: 20 reminders, 20 mails, none twice.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { computeReminders, createDispatcher, type Reminder, retryPolicy } from "@cchc/core";
import { EmailNotifier } from "@cchc/notify-email";
import { PostgresStorage } from "@cchc/storage-postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChildResult, startNode } from "./support/node.js";
import { sampleWithAgencies } from "./support/plans.js";
import { freshDatabase } from "./support/postgres.js";
import { E2eSmtp } from "./support/smtp.js";

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, "fixtures/dispatch-child.mjs");
const BUILT = resolve(here, "../packages/notify-email/dist/index.js");

let db: { url: string; drop: () => Promise<void> } | undefined;
const smtp = new E2eSmtp();
beforeAll(async () => {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run \`pnpm build\` first`);
  db = await freshDatabase("cchc_faults");
  await smtp.start(0);
}, 60_000);
afterAll(async () => {
  await smtp.stop();
  await db?.drop();
});

function dueReminders(agencyId: string, units: number): Reminder[] {
  const { plan, contacts } = sampleWithAgencies(units);
  const { due } = computeReminders(plan, [], { now: "2018-03-12T08:00:00+07:00", agencyId, contacts });
  expect(due).toHaveLength(units);
  return [...due];
}

async function enqueue(agencyId: string, due: readonly Reminder[]): Promise<void> {
  const d = await createDispatcher({
    outbox: PostgresStorage.layer({ connectionString: db?.url ?? "" }),
    notifier: EmailNotifier.layer({
      host: "127.0.0.1",
      port: smtp.port,
      from: "x@localhost",
      ignoreTLS: true,
    }),
  });
  try {
    expect((await d.enqueue(agencyId, due)).added).toHaveLength(due.length);
  } finally {
    await d.close();
  }
}

interface ChildRun {
  readonly child: ChildProcess;
  readonly exited: Promise<ChildResult>;
}

function startChild(settings: Record<string, unknown>): ChildRun {
  const { child, done } = startNode(CHILD, [], {
    env: { ...process.env, CCHC_CHILD: JSON.stringify({ pgUrl: db?.url, smtpPort: smtp.port, ...settings }) },
  });
  return { child, exited: done };
}

describe("outbox faults against real servers", () => {
  it("a dispatcher process killed mid-batch and restarted: every reminder accepted exactly once", async () => {
    const agencyId = "bo-tttt-kill";
    const due = dueReminders(agencyId, 10);
    await enqueue(agencyId, due);
    // Entries enqueued together are claimed in key order.
    const keys = due.map((r) => r.key).sort();
    smtp.accepted.length = 0;
    smtp.received = 0;

    let first: ChildRun | undefined;
    let killedAt: string | undefined;
    smtp.gate = async (n, key) => {
      if (n !== 4 || !first) return "accept";
      // Hold the 4th message: kill the sender before it can hear a 250, then refuse (it is gone).
      killedAt = key;
      first.child.kill("SIGKILL");
      await first.exited;
      return "refuse";
    };
    first = startChild({ agencyId, workerId: "first", batchSize: 10, leaseMs: 1_500, waitMs: 0 });
    const killed = await first.exited;
    expect(killed.signal).toBe("SIGKILL");
    expect(smtp.accepted.map((a) => a.key)).toEqual(keys.slice(0, 3));
    expect(killedAt).toBe(keys[3]);

    smtp.gate = async () => "accept";
    const second = startChild({
      agencyId,
      workerId: "second",
      batchSize: 10,
      leaseMs: 1_500,
      waitMs: 15_000,
    });
    const done = await second.exited;
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({
      delivered: 7,
      remaining: { delivered: 10, pending: 0, retrying: 0, dead: 0 },
    });

    // Count what the server accepted, by key: each once, none lost.
    const counts = smtp.counts();
    expect(counts.size).toBe(10);
    for (const r of due) expect(counts.get(r.key), r.key).toBe(1);
    expect(smtp.accepted).toHaveLength(10);

    const d = await createDispatcher({
      outbox: PostgresStorage.layer({ connectionString: db?.url ?? "" }),
      notifier: EmailNotifier.layer({
        host: "127.0.0.1",
        port: smtp.port,
        from: "x@localhost",
        ignoreTLS: true,
      }),
    });
    try {
      const entries = await d.list(agencyId, { limit: 100 });
      expect(entries.map((e) => e.status)).toEqual(Array(10).fill("delivered"));
      const attempts = new Map(entries.map((e) => [e.key, e.attempts]));
      for (const k of keys.slice(0, 3)) expect(attempts.get(k)).toBe(1);
      // Claimed by the killed process, then again after its lease expired.
      for (const k of keys.slice(3)) expect(attempts.get(k)).toBe(2);
    } finally {
      await d.close();
    }
  }, 60_000);

  it("two dispatchers on the same PostgreSQL outbox deliver each entry once", async () => {
    const agencyId = "bo-tttt-two";
    const due = dueReminders(agencyId, 40);
    await enqueue(agencyId, due);
    smtp.accepted.length = 0;
    smtp.received = 0;
    smtp.gate = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return "accept";
    };
    const make = () =>
      createDispatcher({
        outbox: PostgresStorage.layer({ connectionString: db?.url ?? "", max: 3 }),
        notifier: EmailNotifier.layer({
          host: "127.0.0.1",
          port: smtp.port,
          from: "x@localhost",
          ignoreTLS: true,
        }),
      });
    const [a, b] = await Promise.all([make(), make()]);
    try {
      const options = { agencyId, batchSize: 3, leaseMs: 30_000, retry: retryPolicy({ baseMs: 50 }) };
      const [ra, rb] = await Promise.all([
        a.drain({ ...options, workerId: "dispatcher-a" }),
        b.drain({ ...options, workerId: "dispatcher-b" }),
      ]);
      expect(ra.delivered + rb.delivered).toBe(40);
      expect(ra.delivered).toBeGreaterThan(0);
      expect(rb.delivered).toBeGreaterThan(0);
      const keysA = new Set(ra.outcomes.map((o) => o.key));
      for (const o of rb.outcomes) expect(keysA.has(o.key)).toBe(false);
      const counts = smtp.counts();
      expect(counts.size).toBe(40);
      for (const r of due) expect(counts.get(r.key), r.key).toBe(1);
      expect(await a.counts(agencyId)).toEqual({ pending: 0, retrying: 0, delivered: 40, dead: 0 });
    } finally {
      smtp.gate = async () => "accept";
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it("two dispatcher PROCESSES, SMTP taking 300 ms a message, a 2 s lease, 20 reminders: 20 mails, none twice", async () => {
    // One batch (20 × 300 ms) outlives its lease: the other process takes over the entries not yet
    // sent. Each entry must still reach the server once and be recorded delivered once.
    const agencyId = "bo-tttt-slow";
    const due = dueReminders(agencyId, 20);
    await enqueue(agencyId, due);
    smtp.accepted.length = 0;
    smtp.received = 0;
    smtp.gate = async () => {
      await new Promise((r) => setTimeout(r, 300));
      return "accept";
    };
    try {
      const settings = { agencyId, batchSize: 20, leaseMs: 2_000, waitMs: 30_000 };
      const a = startChild({ ...settings, workerId: "dispatcher-a" });
      const b = startChild({ ...settings, workerId: "dispatcher-b" });
      const done = await Promise.all([a.exited, b.exited]);
      for (const d of done) expect(d.code, d.stderr).toBe(0);
      const [ra, rb] = done.map(
        (d) =>
          JSON.parse(d.stdout) as {
            delivered: number;
            lost: number;
            lostAfterSend: number;
            remaining: Record<string, number>;
          },
      );
      if (!ra || !rb) throw new Error("a dispatcher printed no report");

      const counts = smtp.counts();
      const twice = [...counts].filter(([, n]) => n > 1);
      expect(twice, `${twice.length} reminders arrived more than once`).toEqual([]);
      expect(smtp.accepted).toHaveLength(20);
      for (const r of due) expect(counts.get(r.key), r.key).toBe(1);

      // Recorded once each, by whichever process sent it; both worked, and the takeover happened
      // (entries of the slow batch were reported lost by the process that had claimed them first).
      expect(ra.delivered + rb.delivered).toBe(20);
      expect(ra.delivered).toBeGreaterThan(0);
      expect(rb.delivered).toBeGreaterThan(0);
      expect(ra.lost + rb.lost).toBeGreaterThan(0);
      expect(ra.lostAfterSend + rb.lostAfterSend).toBe(0);
      expect(rb.remaining).toEqual({ pending: 0, retrying: 0, delivered: 20, dead: 0 });
    } finally {
      smtp.gate = async () => "accept";
    }
  }, 90_000);
});
