/**
 * A reminder naming several reports due on the same day (quý II and 6 tháng đầu năm 2018) goes out
 * as one mail, read back from a real SMTP server on loopback: subject, text and HTML name both.
 */
import { computeReminders, reminderNotification, samplePlan, type UnitReport } from "@cchc/core";
import * as Effect from "effect/Effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeEmailNotifier } from "../src/index.js";
import { TestSmtpServer } from "./smtpServer.js";

const smtp = new TestSmtpServer();
beforeAll(() => smtp.start(0));
afterAll(() => smtp.stop());

const REPORTER = "cac-co-quan-hanh-chinh-thuoc-bo";
const q1: UnitReport = {
  id: "q1",
  unitId: REPORTER,
  periodId: "2018Q1",
  submittedAt: "2018-03-15T09:00:00+07:00",
  activityIds: [],
};

it("quý II and 6 tháng đầu năm due on 19/06/2018: one mail that names both, in text and HTML", async () => {
  const { due } = computeReminders(samplePlan("mic-2018"), [q1], {
    now: "2018-06-05T08:00:00+07:00",
    agencyId: "bo-tttt",
    contacts: { [REPORTER]: { email: ["vanthu@co-quan.example.vn"] } },
  });
  expect(due).toHaveLength(1);
  const notifier = makeEmailNotifier({
    host: "127.0.0.1",
    port: smtp.port,
    from: '"Vụ Tổ chức cán bộ" <tccb@mic.example.vn>',
    ignoreTLS: true,
    pool: false,
  });
  try {
    for (const r of due) await Effect.runPromise(notifier.send(reminderNotification(r)));
  } finally {
    notifier.close();
  }
  const key = `bo-tttt:${REPORTER}:2018-06-19:2018Q2+2018S1:before-14`;
  expect(smtp.arrived.map((m) => m.key)).toEqual([key]);
  const [m] = smtp.byKey(key);
  if (!m) throw new Error("nothing arrived");
  expect(m.to).toEqual(["vanthu@co-quan.example.vn"]);
  expect(m.subject).toBe(
    "Nhắc báo cáo quý II năm 2018 và 6 tháng đầu năm 2018: hạn nộp 19/06/2018 (còn 14 ngày) / " +
      "Reminder: Q2 2018 and first half of 2018 reports due 19/06/2018 (14 days left)",
  );
  for (const part of [m.text, m.html]) {
    expect(part).toContain(
      "báo cáo kết quả thực hiện tuyên truyền cải cách hành chính quý II năm 2018 và 6 tháng đầu năm 2018",
    );
    expect(part).toContain("Đề nghị đơn vị gửi báo cáo về Vụ Tổ chức cán bộ trước ngày 19/06/2018.");
    expect(part).toContain("for Q2 2018 and first half of 2018");
  }
  expect(m.html).toContain("lồng ghép trong báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị");
});
