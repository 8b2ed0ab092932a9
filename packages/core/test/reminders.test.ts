import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import {
  computeReminders,
  DEFAULT_TEMPLATES,
  MemoryOutbox,
  Outbox,
  type Plan,
  periodLabelInSentence,
  planCalendar,
  ReminderError,
  reminderGroupKey,
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
      periods: [{ periodId: "2018Q1", label: { vi: "Quý I năm 2018", en: "Q1 2018" } }],
      missing: [{ unitId: REPORTER, name: "Các cơ quan hành chính thuộc Bộ", periodIds: ["2018Q1"] }],
    });
    expect(d?.subject).toEqual({
      vi: "Nhắc báo cáo quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày)",
      en: "Reminder: Q1 2018 report due 19/03/2018 (11 days left)",
    });
    expect(d?.body.vi).toContain("Kính gửi: Các cơ quan hành chính thuộc Bộ");
    expect(d?.body.vi).toContain("là ngày 19/03/2018 (còn 11 ngày)");
    expect(d?.body.vi).toContain("Đề nghị đơn vị gửi báo cáo về Vụ Tổ chức cán bộ trước ngày 19/03/2018.");
    expect(d?.body.en).toContain("is 19/03/2018 (11 days left)");
    // The next stages are listed ahead: 7 and 1 day before, the day itself, then the escalation.
    const q1 = r.upcoming.filter((u) => u.periodId === "2018Q1");
    expect(q1.map((u) => [u.kind, u.unitId, u.sendOn])).toEqual([
      ["before-7", REPORTER, "2018-03-12"],
      ["before-1", REPORTER, "2018-03-18"],
      ["due-today", REPORTER, "2018-03-19"],
      ["overdue", LEAD, "2018-03-20"],
    ]);
    // Later periods of the plan are there too, in time order; reports due the same day share stages.
    expect(new Set(r.upcoming.map((u) => u.periodIds.join("+")))).toEqual(
      new Set(["2018Q1", "2018Q2+2018S1", "2018Q3", "2018Q4+2018"]),
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
    expect(onTheDay.due[0]?.subject.vi).toBe("Nhắc báo cáo quý I năm 2018: hôm nay (19/03/2018) là hạn nộp");
  });

  it("the day after the deadline the lead unit (III.1.a) is told who is missing; the unit gets nothing more", () => {
    const r = computeReminders(plan(), [], { now: at("2018-03-20") });
    expect(r.due).toHaveLength(1);
    const e = r.due[0];
    expect(e).toMatchObject({ kind: "overdue", unitId: LEAD, unitName: "Vụ Tổ chức cán bộ", daysLeft: -1 });
    expect(e?.key).toBe(`${LEAD}:2018Q1:overdue`);
    expect(e?.subject.vi).toBe("Báo cáo quý I năm 2018 quá hạn: 1 đơn vị chưa nộp");
    expect(e?.subject.en).toBe("Overdue: Q1 2018 report still missing from 1 unit");
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
    expect(r.due[0]?.missing).toEqual([
      { unitId: "cuc-tin-hoc-hoa", name: "Cục Tin học hóa", periodIds: ["2018Q1"] },
    ]);
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
      vi: "[CCHC] Các cơ quan hành chính thuộc Bộ: quý I năm 2018 — hạn 19/03/2018, còn 11 ngày",
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

/** The sample's units reported every period except those listed: so only the group under test is missing. */
const allBut = (...periodIds: string[]): UnitReport[] =>
  ["2018Q1", "2018Q2", "2018S1", "2018Q3", "2018Q4", "2018"]
    .filter((id) => !periodIds.includes(id))
    .map((id) => report(REPORTER, id, at("2018-01-02")));
const everyText = (d: { subject: { vi: string; en: string }; body: { vi: string; en: string } }) =>
  `${d.subject.vi}\n${d.body.vi}\n${d.subject.en}\n${d.body.en}`;

describe("reports due on the same day travel together", () => {
  it("quý II and 6 tháng đầu năm, both due 19/06/2018: one reminder naming both, not two", () => {
    const r = computeReminders(plan(), [], { now: at("2018-06-05"), agencyId: "bo-tttt" });
    const toUnit = r.due.filter((d) => d.unitId === REPORTER);
    expect(toUnit).toHaveLength(1);
    const d = toUnit[0];
    expect(d).toMatchObject({
      key: `bo-tttt:${REPORTER}:2018-06-19:2018Q2+2018S1:before-14`,
      kind: "before-14",
      periodId: "2018Q2",
      periodLabel: { vi: "Quý II năm 2018 và 6 tháng đầu năm 2018", en: "Q2 2018 and first half of 2018" },
      periods: [
        { periodId: "2018Q2", label: { vi: "Quý II năm 2018", en: "Q2 2018" } },
        { periodId: "2018S1", label: { vi: "6 tháng đầu năm 2018", en: "First half of 2018" } },
      ],
      dueDate: "2018-06-19",
      daysLeft: 14,
      missing: [{ unitId: REPORTER, periodIds: ["2018Q2", "2018S1"] }],
    });
    expect(d?.subject).toEqual({
      vi: "Nhắc báo cáo quý II năm 2018 và 6 tháng đầu năm 2018: hạn nộp 19/06/2018 (còn 14 ngày)",
      en: "Reminder: Q2 2018 and first half of 2018 reports due 19/06/2018 (14 days left)",
    });
    expect(d?.body.vi).toContain(
      "hạn gửi báo cáo kết quả thực hiện tuyên truyền cải cách hành chính quý II năm 2018 và 6 tháng đầu năm 2018",
    );
    expect(d?.body.en).toContain(
      "the reports on administrative-reform communication for Q2 2018 and first half of 2018",
    );
    // The later stages are one each as well.
    const ahead = r.upcoming.filter((u) => u.dueDate === "2018-06-19");
    expect(ahead.map((u) => [u.kind, u.periodIds])).toEqual([
      ["before-7", ["2018Q2", "2018S1"]],
      ["before-1", ["2018Q2", "2018S1"]],
      ["due-today", ["2018Q2", "2018S1"]],
      ["overdue", ["2018Q2", "2018S1"]],
    ]);
  });

  it("quý IV and the year, both due 19/12/2018: one reminder, and one escalation to the lead", () => {
    const seven = computeReminders(plan(), allBut("2018Q4", "2018"), { now: at("2018-12-12") });
    expect(seven.due.map((d) => [d.key, d.periodLabel.vi])).toEqual([
      [`${REPORTER}:2018-12-19:2018+2018Q4:before-7`, "Quý IV năm 2018 và năm 2018"],
    ]);
    expect(seven.due[0]?.subject.vi).toBe(
      "Nhắc báo cáo quý IV năm 2018 và năm 2018: hạn nộp 19/12/2018 (còn 7 ngày)",
    );
    const late = computeReminders(plan(), allBut("2018Q4", "2018"), { now: at("2018-12-20") });
    expect(late.due).toHaveLength(1);
    expect(late.due[0]).toMatchObject({
      key: `${LEAD}:2018-12-19:2018+2018Q4:overdue`,
      kind: "overdue",
      unitId: LEAD,
      periods: [{ periodId: "2018Q4" }, { periodId: "2018" }],
    });
    expect(late.due[0]?.subject.vi).toBe("Báo cáo quý IV năm 2018 và năm 2018 quá hạn: 1 đơn vị chưa nộp");
    expect(late.due[0]?.body.vi).toContain("- Các cơ quan hành chính thuộc Bộ: quý IV năm 2018, năm 2018");
  });

  it("the due date is the calendar's: quý IV, 6 tháng cuối năm and the year moved off Saturday 19/12/2026 go together", () => {
    const p = plan();
    p.year = 2026;
    if (p.reporting) {
      p.reporting.periodTypes = ["quarter", "second-half", "year"];
      p.reporting.dueOnDayOff = "next-working-day";
    }
    const r = computeReminders(p, [], { now: at("2026-12-14") });
    const toUnit = r.due.filter((d) => d.unitId === REPORTER);
    expect(toUnit.map((d) => [d.kind, d.dueDate, d.key])).toEqual([
      ["before-7", "2026-12-21", `${REPORTER}:2026-12-21:2026+2026Q4+2026S2:before-7`],
    ]);
    expect(toUnit[0]?.subject.vi).toBe(
      "Nhắc báo cáo quý IV năm 2026, 6 tháng cuối năm 2026 và năm 2026: hạn nộp 21/12/2026 (còn 7 ngày)",
    );
    expect(toUnit[0]?.subject.en).toBe(
      "Reminder: Q4 2026, second half of 2026 and year 2026 reports due 21/12/2026 (7 days left)",
    );
  });

  it("the escalation says which unit still owes which report of the day", () => {
    const p = plan();
    const group = p.units.find((u) => u.id === REPORTER);
    if (group) group.memberIds = ["cuc-tin-hoc-hoa", "trung-tam-thong-tin"];
    const r = computeReminders(
      p,
      [
        ...["2018Q1", "2018Q2"].map((id) => report("cuc-tin-hoc-hoa", id, at("2018-06-01"))),
        report("trung-tam-thong-tin", "2018Q1", at("2018-03-01")),
      ],
      { now: at("2018-06-20") },
    );
    expect(r.due).toHaveLength(1);
    expect(r.due[0]?.missing).toEqual([
      { unitId: "cuc-tin-hoc-hoa", name: "Cục Tin học hóa", periodIds: ["2018S1"] },
      { unitId: "trung-tam-thong-tin", name: "Trung tâm Thông tin", periodIds: ["2018Q2", "2018S1"] },
    ]);
    expect(r.due[0]?.body.vi).toContain(
      "Đến nay chưa nhận được báo cáo của 2 đơn vị:\n- Cục Tin học hóa: 6 tháng đầu năm 2018\n- Trung tâm Thông tin: quý II năm 2018, 6 tháng đầu năm 2018",
    );
    expect(r.due[0]?.body.en).toContain("- Cục Tin học hóa: first half of 2018");
  });

  it("a report of the group submitted between two runs: the reminder shrinks, its key does not", async () => {
    const first = computeReminders(plan(), allBut("2018Q2", "2018S1"), { now: at("2018-06-06") });
    const q2In = [...allBut("2018Q2", "2018S1"), report(REPORTER, "2018Q2", at("2018-06-07", "10:00:00"))];
    const second = computeReminders(plan(), q2In, { now: at("2018-06-08") });
    expect(first.due.map((d) => d.periods.map((p) => p.periodId))).toEqual([["2018Q2", "2018S1"]]);
    expect(second.due.map((d) => d.periods.map((p) => p.periodId))).toEqual([["2018S1"]]);
    expect(second.due[0]?.key).toBe(first.due[0]?.key);
    expect(second.due[0]?.subject.vi).toBe(
      "Nhắc báo cáo 6 tháng đầu năm 2018: hạn nộp 19/06/2018 (còn 11 ngày)",
    );
    // Through an outbox: the second run adds nothing, so the unit gets one mail for this stage.
    const queued = await Effect.runPromise(
      Effect.gen(function* () {
        const outbox = yield* Outbox;
        const a = yield* outbox.enqueue("bo-tttt", first.due.map(reminderNotification));
        const b = yield* outbox.enqueue("bo-tttt", second.due.map(reminderNotification));
        return { a, b };
      }).pipe(Effect.provide(MemoryOutbox.layer())),
    );
    expect(queued.a.added).toHaveLength(1);
    expect(queued.b).toMatchObject({ added: [], existing: [first.due[0]?.key] });
    // The next stage is a new mail, naming only what is still owed.
    const week = computeReminders(plan(), q2In, { now: at("2018-06-12") });
    expect(week.due.map((d) => [d.kind, d.periodId, d.key])).toEqual([
      ["before-7", "2018S1", `${REPORTER}:2018-06-19:2018Q2+2018S1:before-7`],
    ]);
  });

  it("a period listed twice in options.periods is named once", () => {
    const periods = planCalendar(plan());
    const twice = [...periods, ...periods.filter((p) => p.id === "2018Q2")];
    const [d] = computeReminders(plan(), allBut("2018Q2", "2018S1"), {
      now: at("2018-06-12"),
      periods: twice,
    }).due;
    expect(d?.key).toBe(`${REPORTER}:2018-06-19:2018Q2+2018S1:before-7`);
    expect(d?.periods.map((p) => p.periodId)).toEqual(["2018Q2", "2018S1"]);
  });

  it("the key: one period keeps the key it always had; several are sorted, with the due date", () => {
    expect(reminderGroupKey("a", "u", "2018-03-19", ["2018Q1"], "before-7")).toBe("a:u:2018Q1:before-7");
    expect(reminderGroupKey(undefined, "u", "2018-12-19", ["2018Q4", "2018"], "overdue")).toBe(
      "u:2018-12-19:2018+2018Q4:overdue",
    );
    expect(reminderGroupKey(undefined, "u", "2018-12-19", ["2018", "2018Q4"], "overdue")).toBe(
      reminderGroupKey(undefined, "u", "2018-12-19", ["2018Q4", "2018"], "overdue"),
    );
  });

  it("a grouped reminder becomes one notification whose data lists every report", () => {
    const [d] = computeReminders(plan(), allBut("2018Q2", "2018S1"), { now: at("2018-06-18") }).due;
    if (!d) throw new Error("no reminder");
    expect(reminderNotification(d).data).toMatchObject({
      type: "cchc.reminder",
      kind: "before-1",
      periodId: "2018Q2",
      periods: [{ periodId: "2018Q2" }, { periodId: "2018S1" }],
      dueDate: "2018-06-19",
    });
  });
});

describe("reminder texts", () => {
  it("period names are lower case mid-sentence: quý I, not Quý I", () => {
    for (const now of ["2018-03-08", "2018-03-19", "2018-03-20"]) {
      const [d] = computeReminders(plan(), [], { now: at(now) }).due;
      if (!d) throw new Error(`nothing due on ${now}`);
      expect(`${d.subject.vi}\n${d.body.vi}`).not.toContain("Quý I");
      expect(d.subject.vi).toMatch(/^(Nhắc báo cáo|Báo cáo) quý I năm 2018/);
      // The heading fields keep the calendar's capital.
      expect(d.periodLabel.vi).toBe("Quý I năm 2018");
    }
    expect(periodLabelInSentence({ vi: "Năm 2018", en: "Year 2018" })).toEqual({
      vi: "năm 2018",
      en: "year 2018",
    });
    expect(periodLabelInSentence({ vi: "Tháng 3 năm 2018", en: "March 2018" })).toEqual({
      vi: "tháng 3 năm 2018",
      en: "March 2018",
    });
    const titled = computeReminders(plan(), [], {
      now: at("2018-03-08"),
      templates: { before: { subject: { vi: "{periodTitle}: hạn {deadline}" } } },
    });
    expect(titled.due[0]?.subject.vi).toBe("Quý I năm 2018: hạn 19/03/2018");
  });

  it("the unit is asked to send its report to the lead unit (or the schedule's recipient) by the deadline", () => {
    const [d] = computeReminders(plan(), [], { now: at("2018-03-12") }).due;
    expect(d?.body.vi).toContain("Đề nghị đơn vị gửi báo cáo về Vụ Tổ chức cán bộ trước ngày 19/03/2018.");
    expect(d?.body.en).toContain("Please send the report to Vụ Tổ chức cán bộ by 19/03/2018.");
    const p = plan();
    if (p.reporting) p.reporting.recipientUnitId = "van-phong-bo";
    expect(computeReminders(p, [], { now: at("2018-03-12") }).due[0]?.body.vi).toContain(
      "gửi báo cáo về Văn phòng Bộ trước ngày 19/03/2018.",
    );
    const noLead = plan();
    noLead.responsibilities = noLead.responsibilities.filter((r) => !r.roles.includes("lead"));
    expect(computeReminders(noLead, [], { now: at("2018-03-12") }).due[0]?.body.vi).toContain(
      "gửi báo cáo về đơn vị chủ trì trước ngày 19/03/2018.",
    );
  });

  it("“chưa nhận được” only on or after the deadline", () => {
    for (const now of ["2018-03-05", "2018-03-12", "2018-03-18"]) {
      const [d] = computeReminders(plan(), [], { now: at(now) }).due;
      if (!d) throw new Error(`nothing due on ${now}`);
      expect(d.kind).toMatch(/^before-/);
      expect(everyText(d).toLocaleLowerCase("vi")).not.toContain("chưa nhận được");
      expect(everyText(d).toLowerCase()).not.toContain("not yet received");
    }
    const [today] = computeReminders(plan(), [], { now: at("2018-03-19") }).due;
    expect(today?.kind).toBe("due-today");
    expect(today?.body.vi).toContain(
      "Đến nay Vụ Tổ chức cán bộ chưa nhận được báo cáo quý I năm 2018 của Các cơ quan hành chính thuộc Bộ.",
    );
    expect(today?.body.en).toContain("Not yet received by Vụ Tổ chức cán bộ");
    const [late] = computeReminders(plan(), [], { now: at("2018-03-20") }).due;
    expect(late?.kind).toBe("overdue");
    expect(late?.body.vi).toContain("Đến nay chưa nhận được báo cáo của 1 đơn vị:");
    expect(late?.body.en).toContain("Not yet received from 1 unit:");
  });

  it("a report folded into the unit's CCHC report (reporting.integratedWith, the 2018 plan's III.1.d) says so", () => {
    const folded = computeReminders(plan(), [], { now: at("2018-03-08") }).due[0];
    expect(plan().reporting?.integratedWith).toBe("Báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị");
    expect(folded?.body.vi).toContain(
      "hạn gửi báo cáo kết quả thực hiện tuyên truyền cải cách hành chính quý I năm 2018 (lồng ghép trong báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị) là ngày 19/03/2018",
    );
    expect(folded?.body.en).toContain(
      "(folded into the unit's own administrative-reform report: “Báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị”)",
    );
    const p = plan();
    if (p.reporting) delete p.reporting.integratedWith;
    const own = computeReminders(p, [], { now: at("2018-03-08") }).due[0];
    expect(own?.body.vi).toContain(
      "hạn gửi báo cáo kết quả thực hiện tuyên truyền cải cách hành chính quý I năm 2018 là ngày 19/03/2018",
    );
    if (!own) throw new Error("no reminder");
    expect(everyText(own)).not.toMatch(/lồng ghép|folded/);
  });
});
