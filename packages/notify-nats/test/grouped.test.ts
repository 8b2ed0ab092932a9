/**
 * A reminder naming several reports due on the same day reaches JetStream (127.0.0.1:4222) as one
 * message whose JSON names both, with the grouped key as its Nats-Msg-Id; the escalation to the
 * lead is one message too.
 */
import { computeReminders, reminderNotification, samplePlan, type UnitReport } from "@cchc/core";
import * as Effect from "effect/Effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeNatsNotifier } from "../src/index.js";
import { NATS_SERVER, TestStream } from "./jetstream.js";

const stream = new TestStream();
beforeAll(() => stream.start());
afterAll(() => stream.stop());

const REPORTER = "cac-co-quan-hanh-chinh-thuoc-bo";
const q1: UnitReport = {
  id: "q1",
  unitId: REPORTER,
  periodId: "2018Q1",
  submittedAt: "2018-03-15T09:00:00+07:00",
  activityIds: [],
};

it("quý II and 6 tháng đầu năm: one message to the unit and one escalation, each naming both", async () => {
  const plan = samplePlan("mic-2018");
  const onTheDay = computeReminders(plan, [q1], {
    now: "2018-06-19T08:00:00+07:00",
    agencyId: "bo-tttt",
  }).due;
  const dayAfter = computeReminders(plan, [q1], {
    now: "2018-06-20T08:00:00+07:00",
    agencyId: "bo-tttt",
  }).due;
  expect(onTheDay.map((r) => r.kind)).toEqual(["due-today"]);
  expect(dayAfter.map((r) => r.kind)).toEqual(["overdue"]);
  const notifier = makeNatsNotifier({
    servers: NATS_SERVER,
    subject: `${stream.prefix}.grouped`,
    stream: stream.name,
  });
  try {
    const before = await stream.count();
    for (const r of [...onTheDay, ...dayAfter])
      await Effect.runPromise(notifier.send(reminderNotification(r)));
    expect(await stream.count()).toBe(before + 2);
  } finally {
    await notifier.close();
  }
  const stored = await stream.messages();
  const unit = stored.find(
    (m) => decodeURIComponent(m.msgId) === `bo-tttt:${REPORTER}:2018-06-19:2018Q2+2018S1:due-today`,
  );
  const lead = stored.find(
    (m) => decodeURIComponent(m.msgId) === "bo-tttt:vu-to-chuc-can-bo:2018-06-19:2018Q2+2018S1:overdue",
  );
  if (!unit || !lead) throw new Error("a message is missing from the stream");
  expect(unit.payload).toMatchObject({
    type: "cchc.notification",
    title:
      "Nhắc báo cáo quý II năm 2018 và 6 tháng đầu năm 2018: hôm nay (19/06/2018) là hạn nộp / " +
      "Reminder: today (19/06/2018) is the deadline for the Q2 2018 and first half of 2018 reports",
    data: { kind: "due-today", periods: [{ periodId: "2018Q2" }, { periodId: "2018S1" }] },
  });
  expect((unit.payload.body as { vi: string }).vi).toContain(
    "Đến nay Vụ Tổ chức cán bộ chưa nhận được báo cáo quý II năm 2018 và 6 tháng đầu năm 2018 của Các cơ quan hành chính thuộc Bộ.",
  );
  expect(lead.payload).toMatchObject({
    title:
      "Báo cáo quý II năm 2018 và 6 tháng đầu năm 2018 quá hạn: 1 đơn vị chưa nộp / " +
      "Overdue: Q2 2018 and first half of 2018 reports still missing from 1 unit",
    recipient: { unitId: "vu-to-chuc-can-bo" },
    data: { kind: "overdue", missing: [{ unitId: REPORTER, periodIds: ["2018Q2", "2018S1"] }] },
  });
  expect((lead.payload.body as { vi: string }).vi).toContain(
    "- Các cơ quan hành chính thuộc Bộ: quý II năm 2018, 6 tháng đầu năm 2018",
  );
});
