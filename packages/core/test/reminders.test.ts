import { describe, expect, it } from "vitest";
import {
  computeReminders,
  DEFAULT_TEMPLATES,
  type Plan,
  ReminderError,
  reminderNotification,
  samplePlan,
  type UnitReport,
} from "../src/index.js";

const plan = (): Plan => samplePlan("mic-2018");
const REPORTER = "cac-co-quan-hanh-chinh-thuoc-bo";
const LEAD = "vu-to-chuc-can-bo";
const at = (date: string, time = "09:00:00") => `${date}T${time}+07:00`;
const report = (unitId: string, periodId: string, submittedAt: string): UnitReport => ({
  id: `${unitId}-${periodId}`,
  unitId,
  periodId,
  submittedAt,
  activityIds: [],
});

describe("computeReminders on the mic-2018 sample", () => {
  it("on 2018-03-08 the 2018Q1 report (due 2018-03-19, 11 days later) gets its 14-day reminder", () => {
    const r = computeReminders(plan(), [], { now: at("2018-03-08"), agencyId: "bo-tttt" });
    expect(r.today).toBe("2018-03-08");
    expect(r.due).toHaveLength(1);
    const d = r.due[0];
    expect(d).toMatchObject({
      key: `bo-tttt:${REPORTER}:2018Q1:before-14`,
      kind: "before-14",
      unitId: REPORTER,
      unitName: "Các cơ quan hành chính thuộc Bộ",
      periodId: "2018Q1",
      dueDate: "2018-03-19",
      sendOn: "2018-03-05",
      daysLeft: 11,
      missing: [{ unitId: REPORTER, name: "Các cơ quan hành chính thuộc Bộ" }],
    });
    expect(d?.subject).toEqual({
      vi: "Nhắc báo cáo Quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày)",
      en: "Reminder: Q1 2018 report due 19/03/2018 (11 days left)",
    });
    expect(d?.body.vi).toContain("Kính gửi: Các cơ quan hành chính thuộc Bộ");
    expect(d?.body.vi).toContain("chậm nhất ngày 19/03/2018 (còn 11 ngày)");
    expect(d?.body.vi).toContain(
      "Chưa nhận được: báo cáo Quý I năm 2018 của Các cơ quan hành chính thuộc Bộ.",
    );
    expect(d?.body.en).toContain("is due by 19/03/2018 (11 days left)");
    // The next stages are listed ahead: 7 and 1 day before, the day itself, then the escalation.
    const q1 = r.upcoming.filter((u) => u.periodId === "2018Q1");
    expect(q1.map((u) => [u.kind, u.unitId, u.sendOn])).toEqual([
      ["before-7", REPORTER, "2018-03-12"],
      ["before-1", REPORTER, "2018-03-18"],
      ["due-today", REPORTER, "2018-03-19"],
      ["overdue", LEAD, "2018-03-20"],
    ]);
    // Later periods of the plan are there too, in time order.
    expect(new Set(r.upcoming.map((u) => u.periodId))).toEqual(
      new Set(["2018Q1", "2018Q2", "2018S1", "2018Q3", "2018Q4", "2018"]),
    );
    const sendOns = r.upcoming.map((u) => u.sendOn);
    expect([...sendOns].sort()).toEqual(sendOns);
    expect(r.findings).toEqual([]);
  });

  it("keys are stable: the same reminder computed on another day of its stage has the same key", () => {
    const a = computeReminders(plan(), [], { now: at("2018-03-06") });
    const b = computeReminders(plan(), [], { now: at("2018-03-11", "23:59:59") });
    expect(a.due.map((d) => d.key)).toEqual([`${REPORTER}:2018Q1:before-14`]);
    expect(b.due.map((d) => d.key)).toEqual(a.due.map((d) => d.key));
    expect(b.due[0]?.daysLeft).toBe(8);
  });

  it("a late start sends only the latest stage that has arrived, not a burst", () => {
    const r = computeReminders(plan(), [], { now: at("2018-03-18") });
    expect(r.due.map((d) => d.kind)).toEqual(["before-1"]);
    const onTheDay = computeReminders(plan(), [], { now: at("2018-03-19", "23:00:00") });
    expect(onTheDay.due.map((d) => [d.kind, d.daysLeft])).toEqual([["due-today", 0]]);
    expect(onTheDay.due[0]?.subject.vi).toBe("Nhắc báo cáo Quý I năm 2018: hôm nay (19/03/2018) là hạn nộp");
  });

  it("the day after the deadline the lead unit (III.1.a) is told who is missing; the unit gets nothing more", () => {
    const r = computeReminders(plan(), [], { now: at("2018-03-20") });
    expect(r.due).toHaveLength(1);
    const e = r.due[0];
    expect(e).toMatchObject({ kind: "overdue", unitId: LEAD, unitName: "Vụ Tổ chức cán bộ", daysLeft: -1 });
    expect(e?.key).toBe(`${LEAD}:2018Q1:overdue`);
    expect(e?.subject.vi).toBe("Báo cáo Quý I năm 2018 quá hạn: 1 đơn vị chưa nộp");
    expect(e?.subject.en).toBe("Overdue: the Q1 2018 report is missing from 1 unit");
    expect(e?.body.vi).toContain("(đã quá 1 ngày)");
    expect(e?.body.vi).toContain("- Các cơ quan hành chính thuộc Bộ");
  });

  it("a submitted report stops the reminders and the escalation; one submitted later than now does not", () => {
    const on = report(REPORTER, "2018Q1", "2018-03-09T10:00:00+07:00");
    expect(computeReminders(plan(), [on], { now: at("2018-03-10") }).due).toEqual([]);
    expect(computeReminders(plan(), [on], { now: at("2018-03-25") }).due).toEqual([]);
    expect(computeReminders(plan(), [on], { now: at("2018-03-08") }).due).toHaveLength(1);
    const late = report(REPORTER, "2018Q1", "2018-03-21T10:00:00+07:00");
    expect(computeReminders(plan(), [late], { now: at("2018-03-20") }).due.map((d) => d.kind)).toEqual([
      "overdue",
    ]);
    expect(computeReminders(plan(), [late], { now: at("2018-03-22") }).due).toEqual([]);
  });

  it("the send day is the day in Vietnam, not on the server", () => {
    // 2018-03-11T17:30Z is already 00:30 on 12 March in Hà Nội: the 7-day stage.
    expect(computeReminders(plan(), [], { now: "2018-03-11T17:30:00Z" }).due.map((d) => d.kind)).toEqual([
      "before-7",
    ]);
    expect(computeReminders(plan(), [], { now: "2018-03-11T16:59:59Z" }).due.map((d) => d.kind)).toEqual([
      "before-14",
    ]);
  });

  it("every reporting unit and every lead are reminded, groups expanded to their members", () => {
    const p = plan();
    const group = p.units.find((u) => u.id === REPORTER);
    if (group) group.memberIds = ["cuc-tin-hoc-hoa", "trung-tam-thong-tin"];
    const r = computeReminders(p, [report("trung-tam-thong-tin", "2018Q1", at("2018-03-01"))], {
      now: at("2018-03-20"),
    });
    expect(r.due.map((d) => [d.kind, d.unitId])).toEqual([["overdue", LEAD]]);
    expect(r.due[0]?.missing).toEqual([{ unitId: "cuc-tin-hoc-hoa", name: "Cục Tin học hóa" }]);
    const before = computeReminders(p, [], { now: at("2018-03-12") });
    expect(before.due.map((d) => d.unitId)).toEqual(["cuc-tin-hoc-hoa", "trung-tam-thong-tin"]);
  });

  it("days before, the day itself and the escalation delay are configurable", () => {
    const r = computeReminders(plan(), [], {
      now: at("2018-03-08"),
      daysBefore: [7, 1],
      onTheDay: false,
      escalateAfterDays: 3,
    });
    expect(r.due).toEqual([]);
    expect(r.upcoming.filter((u) => u.periodId === "2018Q1").map((u) => [u.kind, u.sendOn])).toEqual([
      ["before-7", "2018-03-12"],
      ["before-1", "2018-03-18"],
      ["overdue", "2018-03-22"],
    ]);
  });

  it("contacts give recipients their addresses; a unit without contacts is a finding, not a crash", () => {
    const r = computeReminders(plan(), [], {
      now: at("2018-03-20"),
      contacts: { [LEAD]: { email: ["tccb@mic.gov.vn"] } },
    });
    expect(r.due[0]?.recipients).toEqual([
      { unitId: LEAD, name: "Vụ Tổ chức cán bộ", email: ["tccb@mic.gov.vn"] },
    ]);
    expect(r.findings).toEqual([]);
    const missing = computeReminders(plan(), [], { now: at("2018-03-08"), contacts: {} });
    expect(missing.due[0]?.recipients[0]?.email).toEqual([]);
    expect(missing.findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ["reminder.contact-missing", "warning", ["contacts", REPORTER]],
    ]);
  });

  it("the agency overrides a template per kind; the rest keeps the default text", () => {
    const r = computeReminders(plan(), [], {
      now: at("2018-03-08"),
      templates: {
        before: { subject: { vi: "[CCHC] {unit}: {period} — hạn {deadline}, còn {daysLeft} ngày" } },
      },
    });
    expect(r.due[0]?.subject).toEqual({
      vi: "[CCHC] Các cơ quan hành chính thuộc Bộ: Quý I năm 2018 — hạn 19/03/2018, còn 11 ngày",
      en: "Reminder: Q1 2018 report due 19/03/2018 (11 days left)",
    });
    const specific = computeReminders(plan(), [], {
      now: at("2018-03-08"),
      templates: {
        before: { body: { en: "shared" } },
        "before-14": { body: { en: "two weeks {{literal}}" } },
      },
    });
    expect(specific.due[0]?.body.en).toBe("two weeks {literal}");
    expect(specific.due[0]?.body.vi).toBe(
      computeReminders(plan(), [], { now: at("2018-03-08") }).due[0]?.body.vi,
    );
  });

  it("an unknown placeholder, a bad kind, bad days or a bad now are structured errors", () => {
    const fail = (o: Parameters<typeof computeReminders>[2]) => {
      try {
        computeReminders(plan(), [], o);
      } catch (e) {
        expect(e).toBeInstanceOf(ReminderError);
        return (e as ReminderError).findings.map((f) => [f.code, f.path]);
      }
      throw new Error("expected a ReminderError");
    };
    expect(
      fail({ now: at("2018-03-08"), templates: { overdue: { body: { vi: "Hạn {dedline}" } } } }),
    ).toEqual([["reminder.template-placeholder-unknown", ["templates", "overdue", "body", "vi"]]]);
    expect(fail({ now: at("2018-03-08"), templates: { "before-3": { subject: { en: "x" } } } })).toEqual([
      ["reminder.template-kind-unknown", ["templates", "before-3"]],
    ]);
    expect(fail({ now: at("2018-03-08"), templates: { overdue: { subject: { en: "{unit" } } } })).toEqual([
      ["reminder.template-syntax", ["templates", "overdue", "subject", "en"]],
    ]);
    expect(fail({ now: at("2018-03-08"), daysBefore: [7, 0, 7] })).toEqual([
      ["reminder.days-before-invalid", ["daysBefore", 1]],
      ["reminder.days-before-invalid", ["daysBefore", 2]],
    ]);
    expect(fail({ now: "2018-03-08T09:00", escalateAfterDays: 0 })).toEqual([
      ["reminder.now-invalid", ["now"]],
      ["reminder.escalate-after-invalid", ["escalateAfterDays"]],
    ]);
  });

  it("the default templates use only known placeholders and both languages", () => {
    for (const t of Object.values(DEFAULT_TEMPLATES))
      for (const part of [t.subject, t.body]) {
        expect(part.vi).not.toBe("");
        expect(part.en).not.toBe("");
      }
    const r = computeReminders(plan(), [], { now: at("2018-03-20") });
    for (const d of r.due)
      expect(`${d.subject.vi}${d.body.vi}${d.subject.en}${d.body.en}`).not.toMatch(/[{}]/);
  });

  it("a plan without a schedule has nothing to remind and says so", () => {
    const p = plan();
    delete p.reporting;
    const r = computeReminders(p, [], { now: at("2018-03-08") });
    expect(r.due).toEqual([]);
    expect(r.findings.map((f) => f.code)).toEqual(["reminder.no-schedule"]);
  });

  it("a reminder becomes a notification carrying its key, recipient and data", () => {
    const [d] = computeReminders(plan(), [], { now: at("2018-03-08"), agencyId: "a" }).due;
    if (!d) throw new Error("no reminder");
    const n = reminderNotification(d);
    expect(n.key).toBe(d.key);
    expect(n.recipient.unitId).toBe(REPORTER);
    expect(n.data).toMatchObject({
      type: "cchc.reminder",
      kind: "before-14",
      periodId: "2018Q1",
      dueDate: "2018-03-19",
    });
  });
});
