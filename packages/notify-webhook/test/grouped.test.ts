/**
 * A reminder naming several reports due on the same day (quý IV and the year 2018) reaches a real
 * HTTP endpoint as one signed request whose JSON names both: in the texts and in `data.periods`.
 */
import { computeReminders, reminderNotification, samplePlan, type UnitReport } from "@cchc/core";
import * as Effect from "effect/Effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeWebhookNotifier } from "../src/index.js";
import { TestReceiver } from "./receiver.js";

const SECRET = "bi-mat-chung-cua-he-thong-van-ban";
const receiver = new TestReceiver(SECRET);
beforeAll(() => receiver.start());
afterAll(() => receiver.stop());

const REPORTER = "cac-co-quan-hanh-chinh-thuoc-bo";
const submitted = (periodId: string): UnitReport => ({
  id: periodId,
  unitId: REPORTER,
  periodId,
  submittedAt: "2018-10-01T09:00:00+07:00",
  activityIds: [],
});

it("quý IV and the year due on 19/12/2018: one request naming both", async () => {
  const { due } = computeReminders(
    samplePlan("mic-2018"),
    ["2018Q1", "2018Q2", "2018S1", "2018Q3"].map(submitted),
    { now: "2018-12-18T08:00:00+07:00", agencyId: "bo-tttt" },
  );
  expect(due).toHaveLength(1);
  const notifier = makeWebhookNotifier({ url: receiver.url, secret: SECRET, timeoutMs: 5_000 });
  for (const r of due) await Effect.runPromise(notifier.send(reminderNotification(r)));
  const key = `bo-tttt:${REPORTER}:2018-12-19:2018+2018Q4:before-1`;
  expect(receiver.accepted().map((r) => r.payload?.key)).toEqual([key]);
  const [request] = receiver.accepted(key);
  expect(request?.verification.ok).toBe(true);
  expect(request?.headers["idempotency-key"]).toBe(encodeURIComponent(key));
  expect(request?.payload).toMatchObject({
    type: "cchc.notification",
    key,
    title:
      "Nhắc báo cáo quý IV năm 2018 và năm 2018: hạn nộp 19/12/2018 (còn 1 ngày) / " +
      "Reminder: Q4 2018 and year 2018 reports due 19/12/2018 (1 day left)",
    data: {
      type: "cchc.reminder",
      kind: "before-1",
      periodId: "2018Q4",
      periodLabel: { vi: "Quý IV năm 2018 và năm 2018", en: "Q4 2018 and year 2018" },
      periods: [
        { periodId: "2018Q4", label: { vi: "Quý IV năm 2018", en: "Q4 2018" } },
        { periodId: "2018", label: { vi: "Năm 2018", en: "Year 2018" } },
      ],
      dueDate: "2018-12-19",
      missing: [{ unitId: REPORTER, periodIds: ["2018Q4", "2018"] }],
    },
  });
  expect(request?.payload?.body.vi).toContain(
    "báo cáo kết quả thực hiện tuyên truyền cải cách hành chính quý IV năm 2018 và năm 2018",
  );
  expect(request?.payload?.body.en).toContain("for Q4 2018 and year 2018");
});
