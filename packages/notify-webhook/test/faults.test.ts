/**
 * Faults against a real HTTP endpoint: it answers 500, then hangs past the client's timeout, then
 * recovers: every notification is processed exactly once (counted by key on the endpoint). A 400
 * is not retried: one request, the entry dead with the status.
 */
import {
  computeReminders,
  createDispatcher,
  MemoryOutbox,
  type Plan,
  retryPolicy,
  samplePlan,
} from "@cchc/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { WebhookNotifier } from "../src/index.js";
import { TestReceiver } from "./receiver.js";

const SECRET = "bi-mat-chung-cua-he-thong-van-ban";
const receiver = new TestReceiver(SECRET);
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

function planWithUnits(n: number): Plan {
  const plan = samplePlan("mic-2018");
  const members = Array.from({ length: n }, (_, i) => `co-quan-${i + 1}`);
  for (const id of members)
    plan.units.push({ id, name: `Cơ quan số ${id.slice(8)}`, kind: "administrative-agency" });
  const group = plan.units.find((u) => u.id === "cac-co-quan-hanh-chinh-thuoc-bo");
  if (group) group.memberIds = members;
  return plan;
}

it("500, then timeouts, then recovery: each notification processed exactly once; all signed", async () => {
  const { due } = computeReminders(planWithUnits(6), [], {
    now: "2018-03-18T08:00:00+07:00",
    agencyId: "bo-tttt",
  });
  expect(due).toHaveLength(6);
  // Requests 1–6 get 500, 7–12 hang (the client gives up after 300 ms), then everything is accepted.
  receiver.behaviour = (r, i) => (!r.verification.ok ? 401 : i < 6 ? 500 : i < 12 ? "hang" : 200);
  const d = await createDispatcher({
    outbox: MemoryOutbox.layer(),
    notifier: WebhookNotifier.layer({ url: receiver.url, secret: SECRET, timeoutMs: 300 }),
  });
  try {
    await d.enqueue("bo-tttt", due);
    const report = await d.drain({
      agencyId: "bo-tttt",
      retry: retryPolicy({ baseMs: 50, retries: 10, maxDelayMs: 200 }),
      waitMs: 30_000,
      pollMs: 50,
    });
    expect(report).toMatchObject({ delivered: 6, dead: 0, retrying: 0 });
    for (const r of due) expect(receiver.accepted(r.key)).toHaveLength(1);
    expect(receiver.accepted()).toHaveLength(6);
    expect(receiver.seen.filter((s) => s.answer === 500)).toHaveLength(6);
    expect(receiver.seen.filter((s) => s.answer === "hang")).toHaveLength(6);
    for (const s of receiver.seen) expect(s.verification.ok).toBe(true);
    const errors = (await d.list("bo-tttt", { limit: 10 })).map((e) => e.lastError?.code);
    expect(new Set(errors)).toEqual(new Set(["timeout"]));
    for (const e of await d.list("bo-tttt", { limit: 10 })) expect(e.attempts).toBe(3);
    const first = receiver.accepted()[0];
    expect(first?.payload).toMatchObject({
      type: "cchc.notification",
      data: { type: "cchc.reminder", kind: "before-1" },
    });
    expect(first?.headers["idempotency-key"]).toBe(encodeURIComponent(first?.payload?.key ?? ""));
  } finally {
    await d.close();
  }
});

it("a 400 is not retried: one request, and the entry is dead with the status", async () => {
  receiver.seen.length = 0;
  receiver.behaviour = () => 400;
  const d = await createDispatcher({
    outbox: MemoryOutbox.layer(),
    notifier: WebhookNotifier.layer({ url: receiver.url, secret: SECRET, timeoutMs: 1_000 }),
  });
  try {
    const { due } = computeReminders(samplePlan("mic-2018"), [], {
      now: "2018-03-08T08:00:00+07:00",
      agencyId: "a",
    });
    await d.enqueue("a", due);
    const report = await d.drain({
      agencyId: "a",
      retry: retryPolicy({ baseMs: 10 }),
      waitMs: 3_000,
      pollMs: 20,
    });
    expect(report).toMatchObject({ claimed: 1, dead: 1, delivered: 0 });
    expect(receiver.seen).toHaveLength(1);
    const entry = await d.get("a", due[0]?.key ?? "");
    expect(entry).toMatchObject({
      status: "dead",
      attempts: 1,
      lastError: { code: "rejected", retryable: false },
    });
    expect(entry?.lastError?.message).toContain("400");
  } finally {
    await d.close();
  }
});
