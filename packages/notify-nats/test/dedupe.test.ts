/**
 * JetStream drops duplicates by key: the same reminder published twice (two dispatchers, or a
 * retry after a crash) is stored once; the second acknowledgement says `duplicate`. Proved by the
 * stream's own message count.
 */
import { computeReminders, createDispatcher, MemoryOutbox, samplePlan } from "@cchc/core";
import * as Effect from "effect/Effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeNatsNotifier, NatsNotifier, natsOptionsFromUrl } from "../src/index.js";
import { NATS_SERVER, TestStream } from "./jetstream.js";

const stream = new TestStream();
beforeAll(() => stream.start());
afterAll(() => stream.stop());

it("a key published twice is stored once, and the second ack is marked duplicate", async () => {
  const [r] = computeReminders(samplePlan("mic-2018"), [], {
    now: "2018-03-08T09:00:00+07:00",
    agencyId: "bo-tttt",
  }).due;
  if (!r) throw new Error("no reminder");
  const { reminderNotification } = await import("@cchc/core");
  const n = reminderNotification(r);
  const a = makeNatsNotifier({ servers: NATS_SERVER, subject: `${stream.prefix}.a`, stream: stream.name });
  const b = makeNatsNotifier({ servers: NATS_SERVER, subject: `${stream.prefix}.b`, stream: stream.name });
  try {
    const before = await stream.count();
    const first = await Effect.runPromise(a.send(n));
    const second = await Effect.runPromise(b.send(n));
    expect(first).toMatchObject({ notifier: "nats", duplicate: false });
    expect(second).toMatchObject({ notifier: "nats", duplicate: true, id: first.id });
    expect(await stream.count()).toBe(before + 1);
    const stored = (await stream.messages()).filter((m) => decodeURIComponent(m.msgId) === n.key);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.msgId).toBe("bo-tttt%3Acac-co-quan-hanh-chinh-thuoc-bo%3A2018Q1%3Abefore-14");
    expect(stored[0]?.payload).toMatchObject({
      type: "cchc.notification",
      key: n.key,
      title:
        "Nhắc báo cáo quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày) / Reminder: Q1 2018 report due 19/03/2018 (11 days left)",
      data: { kind: "before-14", periodId: "2018Q1" },
    });
  } finally {
    await a.close();
    await b.close();
  }
});

it("through the outbox: delivered once, and a recomputed reminder is not published again", async () => {
  const d = await createDispatcher({
    outbox: MemoryOutbox.layer(),
    notifier: NatsNotifier.layer({
      servers: NATS_SERVER,
      subject: `${stream.prefix}.outbox`,
      stream: stream.name,
    }),
  });
  try {
    const due = computeReminders(samplePlan("mic-2018"), [], {
      now: "2018-03-20T09:00:00+07:00",
      agencyId: "x",
    }).due;
    const before = await stream.count();
    await d.enqueue("x", due);
    await d.enqueue("x", due);
    const report = await d.drain({ agencyId: "x" });
    expect(report).toMatchObject({ delivered: 1, dead: 0 });
    const entry = await d.get("x", due[0]?.key ?? "");
    expect(entry?.receipt).toMatchObject({ notifier: "nats", duplicate: false });
    expect(await stream.count()).toBe(before + 1);
  } finally {
    await d.close();
  }
});

it("reads nats:// URLs", () => {
  expect(natsOptionsFromUrl("nats://127.0.0.1:4222?subject=cchc.reminders&stream=CCHC")).toEqual({
    servers: "127.0.0.1:4222",
    subject: "cchc.reminders",
    stream: "CCHC",
  });
  expect(natsOptionsFromUrl("nats://u:p@broker")).toEqual({ servers: "broker:4222", user: "u", pass: "p" });
});
