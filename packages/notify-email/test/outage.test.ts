/**
 * Fault: the SMTP server is down for a while, then comes back. Reminders computed from the sample
 * plan are written to the outbox first, the dispatcher retries with backoff while the server
 * refuses connections, and once it is back every reminder arrives exactly once (counted by key on
 * the real server).
 */
import {
  computeReminders,
  createDispatcher,
  MemoryOutbox,
  type Plan,
  retryPolicy,
  samplePlan,
} from "@cchc/core";
import { afterAll, expect, it } from "vitest";
import { EmailNotifier } from "../src/index.js";
import { TestSmtpServer } from "./smtpServer.js";

const smtp = new TestSmtpServer();
afterAll(() => smtp.stop());

/** The sample with the administrative agencies listed: ten units must report. */
function planWithTenUnits(): Plan {
  const plan = samplePlan("mic-2018");
  const members = Array.from({ length: 10 }, (_, i) => `co-quan-${i + 1}`);
  for (const id of members)
    plan.units.push({ id, name: `Cơ quan hành chính số ${id.slice(8)}`, kind: "administrative-agency" });
  const group = plan.units.find((u) => u.id === "cac-co-quan-hanh-chinh-thuoc-bo");
  if (group) group.memberIds = members;
  return plan;
}

it("SMTP down, then back: every reminder arrives exactly once", async () => {
  // Find a free port, then take the server down: nothing listens there while the dispatcher starts.
  const port = await smtp.start(0);
  await smtp.stop();

  const plan = planWithTenUnits();
  const contacts = Object.fromEntries(plan.units.map((u) => [u.id, { email: [`${u.id}@mic.example.vn`] }]));
  const { due } = computeReminders(plan, [], {
    now: "2018-03-12T08:00:00+07:00",
    agencyId: "bo-tttt",
    contacts,
  });
  expect(due).toHaveLength(10);

  const d = await createDispatcher({
    outbox: MemoryOutbox.layer(),
    notifier: EmailNotifier.layer({
      host: "127.0.0.1",
      port,
      from: "cchc@mic.example.vn",
      ignoreTLS: true,
      timeoutMs: 2_000,
    }),
  });
  try {
    expect((await d.enqueue("bo-tttt", due)).added).toHaveLength(10);
    // Computed again the next run: nothing new.
    expect((await d.enqueue("bo-tttt", due)).added).toHaveLength(0);

    const drained = d.drain({
      agencyId: "bo-tttt",
      retry: retryPolicy({ baseMs: 100, factor: 1.5, retries: 20, maxDelayMs: 400 }),
      waitMs: 30_000,
      pollMs: 100,
      batchSize: 4,
    });
    // The outage lasts until at least two attempts of every entry have failed (none is leased: a
    // claimed entry already counts the attempt it is still making).
    const outageEnded = (async () => {
      for (;;) {
        const retrying = await d.list("bo-tttt", { status: "retrying", limit: 100 });
        if (retrying.length === 10 && retrying.every((e) => e.attempts >= 2 && e.lease === undefined)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await smtp.start(port);
    })();
    const [report] = await Promise.all([drained, outageEnded]);

    expect(report).toMatchObject({
      delivered: 10,
      dead: 0,
      retrying: 0,
      remaining: { delivered: 10, pending: 0, retrying: 0, dead: 0 },
    });
    for (const r of due) expect(smtp.byKey(r.key)).toHaveLength(1);
    expect(smtp.arrived).toHaveLength(10);
    const entries = await d.list("bo-tttt", { limit: 100 });
    for (const e of entries) {
      expect(e.status).toBe("delivered");
      expect(e.attempts).toBeGreaterThanOrEqual(3);
      expect(e.lastError).toMatchObject({ code: "connection", retryable: true });
    }
    // A later run computes the same reminders again: they are not sent twice.
    await d.enqueue("bo-tttt", due);
    expect((await d.drain({ agencyId: "bo-tttt" })).claimed).toBe(0);
    expect(smtp.arrived).toHaveLength(10);
  } finally {
    await d.close();
  }
});

it("a refused mailbox is recorded dead after one attempt and never retried", async () => {
  if (smtp.port === 0) await smtp.start(0);
  smtp.refuse.add("gone@mic.example.vn");
  const d = await createDispatcher({
    outbox: MemoryOutbox.layer(),
    notifier: EmailNotifier.layer({
      host: "127.0.0.1",
      port: smtp.port,
      from: "cchc@mic.example.vn",
      ignoreTLS: true,
    }),
  });
  try {
    await d.enqueue("a", [
      {
        key: "a:gone:2018Q1:before-7",
        recipient: { unitId: "gone", name: "Đơn vị cũ", email: ["gone@mic.example.vn"] },
        subject: { vi: "Nhắc", en: "Reminder" },
        body: { vi: "x", en: "x" },
      },
    ]);
    const r = await d.drain({ agencyId: "a", retry: retryPolicy({ baseMs: 10 }), waitMs: 2_000 });
    expect(r).toMatchObject({ dead: 1, delivered: 0 });
    expect(await d.get("a", "a:gone:2018Q1:before-7")).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: { retryable: false },
    });
  } finally {
    await d.close();
  }
});
