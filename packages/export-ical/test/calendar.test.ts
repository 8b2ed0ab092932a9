import type { Activity, ExportedFile, ExportRequest, Plan } from "@cchc/core";
import { addDays, planCalendar, samplePlan } from "@cchc/core";
import { generateDataset } from "@cchc/testing";
import { contractRequests, hostileActivities, hostilePlan } from "@cchc/testing/contracts";
import * as Effect from "effect/Effect";
import * as TestClock from "effect/testing/TestClock";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  eventUid,
  exportIcs,
  ICS_MEDIA_TYPE,
  icalExporter,
  makeIcalExporter,
  sequenceAt,
} from "../src/index.js";
import { foldLines } from "../src/writeCalendar.js";
import { eventByUid, parseCalendar } from "./readBack.js";

const plan = samplePlan("mic-2018");
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters a calendar must not contain
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const periods = planCalendar(plan);
const ymd = (t: ICAL.Time) =>
  `${t.year}-${String(t.month).padStart(2, "0")}-${String(t.day).padStart(2, "0")}`;

/** Exports with the clock at `ms` (TestClock), as a calendar program would receive it on that day. */
function exportAt(ms: number, request: ExportRequest, exporter = icalExporter): Promise<ExportedFile> {
  return Effect.runPromise(
    Effect.gen(function* () {
      yield* TestClock.setTime(ms);
      return yield* exporter.export(request);
    }).pipe(Effect.provide(TestClock.layer())),
  );
}

const ACTIVITIES: Activity[] = [
  {
    id: "hd-1",
    unitId: "vu-phap-che",
    channelId: plan.channels[0]?.id ?? "",
    contentAreaIds: [plan.contentAreas[0]?.id ?? ""],
    title: "Hội nghị tập huấn; chuyên đề, CCHC \\ năm 2018",
    from: "2018-04-02",
    to: "2018-04-04",
    target: { value: 2, unit: "class" },
    plannedCostVnd: 45_000_000,
  },
  {
    id: "hd-2",
    unitId: "vu-phap-che",
    channelId: plan.channels[0]?.id ?? "",
    contentAreaIds: [plan.contentAreas[0]?.id ?? ""],
    title: "Đăng tin, bài quý II",
    periodId: "2018Q2",
    target: { value: 10, unit: "article" },
  },
];

describe("the calendar as an iCalendar parser reads it", () => {
  it("is a VCALENDAR with PRODID, METHOD:PUBLISH and the Asia/Ho_Chi_Minh VTIMEZONE at UTC+07:00", async () => {
    const file = await exportIcs({ kind: "calendar", plan, periods });
    expect(file.mediaType).toBe(ICS_MEDIA_TYPE);
    expect(file.fileName).toBe("lich-bao-cao-mic-2018.ics");
    const cal = parseCalendar(file);
    expect(cal.root.name).toBe("vcalendar");
    expect(cal.root.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.root.getFirstPropertyValue("prodid")).toBe("-//cchc//export-ical//VI");
    expect(cal.root.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(cal.root.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Ho_Chi_Minh");
    expect(cal.root.getFirstPropertyValue("x-wr-calname")).toBe(
      "Lịch báo cáo CCHC năm 2018 — Bộ Thông tin và Truyền thông",
    );
    expect(cal.timezone?.tzid).toBe("Asia/Ho_Chi_Minh");
    for (const date of ["2018-01-15T12:00:00", "2018-07-01T00:00:00", "2030-12-31T23:00:00"]) {
      const t = ICAL.Time.fromDateTimeString(date);
      expect(cal.timezone?.utcOffset(t)).toBe(7 * 3600);
    }
    // Calendar properties come before the components; every line ends with CRLF, the last one too.
    expect(cal.text.indexOf("X-WR-TIMEZONE")).toBeLessThan(cal.text.indexOf("BEGIN:VTIMEZONE"));
    expect(cal.text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(cal.text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has an all-day event on each due date, reminders at 08:00 Vietnam time 3 and 1 days before", async () => {
    const cal = parseCalendar(await exportIcs({ kind: "calendar", plan, periods }));
    expect(cal.events).toHaveLength(periods.length);
    for (const p of periods) {
      const e = eventByUid(cal, eventUid("btttt", plan.id, "deadline", p.id));
      expect(e.summary).toBe(`Hạn gửi báo cáo ${p.label.vi} / Report due: ${p.label.en}`);
      expect(e.startDate.isDate).toBe(true);
      expect(ymd(e.startDate)).toBe(p.dueDate);
      expect(ymd(e.endDate)).toBe(addDays(p.dueDate, 1));
      expect(e.description).toContain("Gửi báo cáo về: Vụ Tổ chức cán bộ");
      expect(e.description).toContain(`Hạn cuối: 23 giờ 59 ngày ${p.dueDate.split("-").reverse().join("/")}`);
      const triggers = e.component
        .getAllSubcomponents("valarm")
        .map((a) => (a.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds());
      expect(triggers).toEqual([-(3 * 86_400 - 8 * 3600), -(86_400 - 8 * 3600)]);
      expect(e.component.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
    }
    const q1 = eventByUid(cal, eventUid("btttt", plan.id, "deadline", "2018Q1"));
    expect(q1.component.getFirstPropertyValue("categories")).toBe("Hạn báo cáo CCHC");
  });

  it("instant deadlines: timed at 23:59:59 Asia/Ho_Chi_Minh, the period's dueAt, whatever the host's zone", async () => {
    const exporter = makeIcalExporter({ deadlines: "instant", remindDaysBefore: [2] });
    const saved = process.env.TZ;
    const texts: string[] = [];
    try {
      for (const tz of ["UTC", "America/New_York", "Asia/Ho_Chi_Minh", "Pacific/Kiritimati"]) {
        process.env.TZ = tz;
        const file = await exportAt(Date.UTC(2018, 0, 2), { kind: "calendar", plan, periods }, exporter);
        texts.push(new TextDecoder().decode(file.bytes));
        const cal = parseCalendar(file);
        for (const p of periods) {
          const e = eventByUid(cal, eventUid("btttt", plan.id, "deadline", p.id));
          expect(e.startDate.isDate).toBe(false);
          expect(e.startDate.zone?.tzid).toBe("Asia/Ho_Chi_Minh");
          expect(e.startDate.toUnixTime()).toBe(Math.floor(Date.parse(p.dueAt) / 1000));
          const trigger = e.component
            .getFirstSubcomponent("valarm")
            ?.getFirstPropertyValue("trigger") as ICAL.Duration;
          // 08:00 on the day two days before the due date, Vietnam time.
          expect(e.startDate.toUnixTime() + trigger.toSeconds()).toBe(
            Date.parse(`${addDays(p.dueDate, -2)}T08:00:00+07:00`) / 1000,
          );
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(texts[0]).toContain("DTSTART;TZID=Asia/Ho_Chi_Minh:20180319T235959\r\n");
    expect(new Set(texts).size).toBe(1);
  });

  it("DTSTAMP and LAST-MODIFIED are the export instant in UTC", async () => {
    const at = Date.UTC(2018, 2, 1, 1, 2, 3);
    const cal = parseCalendar(await exportAt(at, { kind: "calendar", plan, periods }));
    for (const e of cal.events) {
      const stamp = e.component.getFirstPropertyValue("dtstamp") as ICAL.Time;
      expect(stamp.zone?.tzid).toBe("UTC");
      expect(stamp.toUnixTime()).toBe(at / 1000);
      expect((e.component.getFirstPropertyValue("last-modified") as ICAL.Time).toUnixTime()).toBe(at / 1000);
    }
    expect(cal.text).toContain("DTSTAMP:20180301T010203Z");
  });
});

describe("UIDs and updates", () => {
  it("the same input gives the same UIDs; a later export after a change keeps them, with a higher SEQUENCE", async () => {
    const first = parseCalendar(
      await exportAt(Date.UTC(2018, 2, 1), { kind: "plan", plan, activities: ACTIVITIES }),
    );
    const changed = [
      { ...ACTIVITIES[0], title: "Hội nghị tập huấn (dời lịch)", to: "2018-04-06" } as Activity,
      ACTIVITIES[1] as Activity,
    ];
    const second = parseCalendar(
      await exportAt(Date.UTC(2018, 2, 1, 0, 5), { kind: "plan", plan, activities: changed }),
    );
    const uids = (c: ReturnType<typeof parseCalendar>) => c.events.map((e) => e.uid);
    expect(uids(second)).toEqual(uids(first));
    expect(new Set(uids(first)).size).toBe(first.events.length);
    expect(uids(first)).toContain("btttt/mic-2018/activity/hd-1@cchc");
    expect(uids(first)).toContain("btttt/mic-2018/deadline/2018Q1@cchc");
    for (const [a, b] of first.events.map((e, i) => [e, second.events[i] as ICAL.Event] as const)) {
      expect(b.sequence).toBeGreaterThan(a.sequence);
    }
    const moved = eventByUid(second, "btttt/mic-2018/activity/hd-1@cchc");
    expect(moved.summary).toBe("Hội nghị tập huấn (dời lịch) — Vụ Pháp chế");
    expect(ymd(moved.endDate)).toBe("2018-04-07");
    expect(sequenceAt(Date.UTC(2018, 2, 1, 0, 5)) - sequenceAt(Date.UTC(2018, 2, 1))).toBe(5);
  });

  it("UIDs come from ids only: the agency setting, the plan id and the period or activity id", () => {
    expect(eventUid("btttt", "mic-2018", "deadline", "2018Q1")).toBe("btttt/mic-2018/deadline/2018Q1@cchc");
    // Ids with letters of any script, '/'-free by construction, never collide across parts.
    expect(eventUid("sở-nội-vụ", "a.b", "activity", "x:1")).toBe(
      "s%E1%BB%9F-n%E1%BB%99i-v%E1%BB%A5/a.b/activity/x%3A1@cchc",
    );
    expect(eventUid("a", "b/c", "activity", "d")).not.toBe(eventUid("a/b", "c", "activity", "d"));
  });

  it("the agency part of UIDs can be set to the store's agency id", async () => {
    const cal = parseCalendar(
      await Effect.runPromise(
        makeIcalExporter({ agencyId: "bo-tttt" }).export({ kind: "calendar", plan, periods }),
      ),
    );
    expect(cal.events[0]?.uid).toBe("bo-tttt/mic-2018/deadline/2018Q1@cchc");
  });
});

describe("activity windows", () => {
  it("dated activities span their dates; period activities the period's data window", async () => {
    const file = await exportIcs({ kind: "calendar", plan, periods, activities: ACTIVITIES });
    const cal = parseCalendar(file);
    const dated = eventByUid(cal, "btttt/mic-2018/activity/hd-1@cchc");
    expect(dated.startDate.isDate).toBe(true);
    expect([ymd(dated.startDate), ymd(dated.endDate)]).toEqual(["2018-04-02", "2018-04-05"]);
    expect(dated.description).toContain("Kinh phí dự kiến: 45.000.000 đồng");
    expect(dated.description).toContain("Chỉ tiêu: 2 lớp tập huấn");
    const q2 = periods.find((p) => p.id === "2018Q2");
    const byPeriod = eventByUid(cal, "btttt/mic-2018/activity/hd-2@cchc");
    expect([ymd(byPeriod.startDate), ymd(byPeriod.endDate)]).toEqual([
      q2?.cutoffStart,
      addDays(q2?.cutoffEnd ?? "", 1),
    ]);
    expect(byPeriod.description).toContain("(Quý II năm 2018)");
    expect(byPeriod.component.getAllSubcomponents("valarm")).toHaveLength(0);
  });

  it("leaves out activities without a window, and swaps a reversed one, with warnings", async () => {
    const odd: Activity[] = [
      { ...(ACTIVITIES[1] as Activity), id: "no-window", periodId: undefined },
      { ...(ACTIVITIES[0] as Activity), id: "reversed", from: "2018-05-10", to: "2018-05-01" },
    ];
    const file = await exportIcs({ kind: "calendar", plan, periods, activities: odd });
    const cal = parseCalendar(file);
    expect(cal.events.map((e) => e.uid)).not.toContain("btttt/mic-2018/activity/no-window@cchc");
    const r = eventByUid(cal, "btttt/mic-2018/activity/reversed@cchc");
    expect([ymd(r.startDate), ymd(r.endDate)]).toEqual(["2018-05-01", "2018-05-11"]);
    expect(file.warnings.map((w) => w.code).sort()).toEqual([
      "ics.activity-window-reversed",
      "ics.activity-without-window",
    ]);
  });
});

describe("hostile text and long lines", () => {
  it("TEXT with , ; \\ and line breaks reads back exactly; control characters are removed and reported", async () => {
    const nasty = 'a,b;c\\d\ne\r\nf <b>&amp;</b> "q" \u0007\u0000g';
    // The issuer's name changes, its abbreviation (the UIDs' agency part) does not.
    const p: Plan = { ...plan, title: nasty, issuer: { ...plan.issuer, name: "Sở; Nội, vụ" } };
    const activities: Activity[] = [{ ...(ACTIVITIES[0] as Activity), title: nasty }];
    const file = await exportIcs({ kind: "calendar", plan: p, periods, activities });
    const cal = parseCalendar(file);
    const e = eventByUid(cal, "btttt/mic-2018/activity/hd-1@cchc");
    expect(e.summary).toBe('a,b;c\\d\ne\nf <b>&amp;</b> "q" g — Vụ Pháp chế');
    expect(cal.root.getFirstPropertyValue("x-wr-calname")).toBe("Lịch báo cáo CCHC năm 2018 — Sở; Nội, vụ");
    expect(cal.root.getFirstPropertyValue("name")).toBe("Lịch báo cáo CCHC năm 2018 — Sở; Nội, vụ");
    expect(cal.root.getFirstPropertyValue("x-wr-caldesc")).toBe('a,b;c\\d\ne\nf <b>&amp;</b> "q" g');
    expect(eventByUid(cal, "btttt/mic-2018/deadline/2018Q1@cchc").description).toContain(
      'Kế hoạch: a,b;c\\d\ne\nf <b>&amp;</b> "q" g',
    );
    expect(cal.text).toContain("a\\,b\\;c\\\\d\\ne\\nf");
    expect(cal.text).not.toMatch(CONTROL);
    expect(file.warnings.map((w) => w.code)).toEqual(["ics.control-characters-removed"]);
  });

  it("folds long Vietnamese lines at 75 octets without splitting a UTF-8 sequence, and unfolds to the original", async () => {
    const hostile = hostilePlan();
    const file = await exportIcs({ kind: "plan", plan: hostile, activities: hostileActivities(hostile) });
    const bytes = Buffer.from(file.bytes);
    const strict = new TextDecoder("utf-8", { fatal: true });
    let folded = 0;
    let start = 0;
    for (let i = 0; i <= bytes.length - 2; i++) {
      if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
      const line = bytes.subarray(start, i);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => strict.decode(line)).not.toThrow(); // each physical line is whole UTF-8
      if (line[0] === 0x20) folded++;
      start = i + 2;
    }
    expect(start).toBe(bytes.length);
    expect(folded).toBeGreaterThan(1000);
    const cal = parseCalendar(file);
    expect(eventByUid(cal, "btttt/mic-2018/deadline/2018Q1@cchc").description).toContain(
      hostile.title.replace(new RegExp(CONTROL, "g"), ""),
    );
    expect(cal.events.filter((e) => e.uid.includes("/activity/"))).toHaveLength(500);
    expect(eventByUid(cal, "btttt/mic-2018/activity/hd-499@cchc").summary).toBe(
      '=HYPERLINK("http://x.invalid";"bấm") <i>&amp;</i> "hoạt động 499" ; a,b\\c — Đơn vị số 499 <499> & "499"',
    );
  });

  it("the folder counts octets: 2-, 3- and 4-byte characters are never cut", () => {
    for (const ch of ["ệ", "ữ", "漢", "😀", "a"]) {
      const line = `DESCRIPTION:${ch.repeat(200)}`;
      const out = foldLines(line);
      for (const part of out.split("\r\n")) {
        expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
        expect(part).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
      }
      expect(out.replace(/\r\n /g, "")).toBe(line);
    }
  });
});

describe("kinds and settings", () => {
  it("fails the kinds without dates with ExportError, through the promise helper too", async () => {
    const requests = contractRequests();
    for (const kind of ["period-report", "score-sheet"] as const) {
      await expect(exportIcs(requests[kind])).rejects.toMatchObject({ _tag: "ExportError", format: "ics" });
    }
    expect(icalExporter.kinds).toEqual(["plan", "calendar"]);
  });

  it("rejects invalid settings with a bilingual RangeError", () => {
    expect(() => makeIcalExporter({ remindDaysBefore: [-1] })).toThrow(/mỗi giá trị.*each value/);
    expect(() => makeIcalExporter({ deadlines: "noon" as "instant" })).toThrow(RangeError);
    expect(() => makeIcalExporter({ agencyId: " " })).toThrow(/agencyId/);
  });

  it("a plan without a reporting schedule or activities is a valid, empty calendar", async () => {
    const { reporting: _none, ...rest } = plan;
    const cal = parseCalendar(await exportIcs({ kind: "plan", plan: rest as Plan }));
    expect(cal.events).toHaveLength(0);
    expect(cal.timezone?.tzid).toBe("Asia/Ho_Chi_Minh");
  });

  it("a province's calendar: every activity and deadline once", async () => {
    const data = generateDataset({ size: "medium", seed: 4 });
    const activities = [...data.activities()];
    const file = await exportIcs({ kind: "plan", plan: data.plan, activities });
    const cal = parseCalendar(file);
    expect(cal.events).toHaveLength(activities.length + planCalendar(data.plan).length);
    expect(new Set(cal.events.map((e) => e.uid)).size).toBe(cal.events.length);
  });
});
