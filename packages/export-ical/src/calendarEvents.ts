/**
 * What goes into the calendar, before any iCalendar syntax: one event per reporting deadline and
 * one per activity window, with a UID derived only from ids (agency, plan, period or activity), so
 * exporting again — after the plan or an activity changed — updates the events people already
 * imported instead of adding copies. Pure: the same request gives the same events.
 */
import {
  type Activity,
  addDays,
  expectedReporterIds,
  type Finding,
  formatCell,
  isIsoDate,
  labelOf,
  leadUnitIds,
  OUTPUT_UNITS,
  type Plan,
  type ReportingPeriod,
  reportingPeriod,
  slugify,
  stripIllegalCharacters,
} from "@cchc/core";

/** How a reporting deadline appears in the calendar. */
export type DeadlineStyle = "all-day" | "instant";

/** Settings of the calendar's content. */
export interface EventSettings {
  readonly deadlines: DeadlineStyle;
  readonly remindDaysBefore: readonly number[];
  readonly agencyId: string | undefined;
}

/** One event, in plain values. */
export interface CalendarEvent {
  readonly uid: string;
  readonly kind: "deadline" | "activity";
  readonly summary: string;
  readonly description: string;
  readonly categories: readonly string[];
  /** All-day: first date and the day after the last (exclusive, as iCalendar wants). */
  readonly allDay?: { readonly start: string; readonly end: string };
  /** Timed: the instant (ISO, UTC), shown in Asia/Ho_Chi_Minh. */
  readonly at?: string;
  /** Reminders, in seconds before the event's start. */
  readonly alarmsBefore: readonly number[];
}

/** The calendar's name and events, and what had to be left out or changed. */
export interface CalendarContent {
  readonly name: string;
  readonly description: string;
  readonly events: readonly CalendarEvent[];
  readonly warnings: readonly Finding[];
}

const HOUR = 3600;
const DAY = 24 * HOUR;
/** Reminders ring at 08:00 Vietnam time, the start of the working day. */
const REMINDER_HOUR = 8;

const vnDate = (iso: string) => formatCell(iso, "date");
const amount = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const amountEn = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** Part of a UID: ids may hold letters of any script, '.', '_', ':' and '-'; '/' and '@' never survive encoding. */
const uidPart = (s: string) => encodeURIComponent(s);

/** A stable UID: the same agency, plan and period (or activity) always give the same one. */
export function eventUid(
  agencyId: string,
  planId: string,
  kind: "deadline" | "activity",
  id: string,
): string {
  return `${uidPart(agencyId)}/${uidPart(planId)}/${kind}/${uidPart(id)}@cchc`;
}

/** The agency part of UIDs: the setting, else the issuer's abbreviation or name as a slug. */
export function agencyIdOf(plan: Plan, configured: string | undefined): string {
  return configured ?? (slugify(plan.issuer.abbreviation ?? plan.issuer.name) || "agency");
}

function names(plan: Plan, ids: readonly string[], max: number): string {
  const byId = new Map(plan.units.map((u) => [u.id, u.name] as const));
  const shown = ids.slice(0, max).map((id) => byId.get(id) ?? id);
  return ids.length > max ? `${shown.join("; ")} và ${ids.length - max} đơn vị khác` : shown.join("; ");
}

/** Builds the events of a plan's reporting periods and, when given, its activities. */
export function calendarEvents(
  plan: Plan,
  periods: readonly ReportingPeriod[],
  activities: readonly Activity[] | undefined,
  settings: EventSettings,
): CalendarContent {
  const agency = agencyIdOf(plan, settings.agencyId);
  const removed = { texts: 0, first: "" };
  const clean = (text: string, uid: string) => {
    // The core's one cleaning path (C0 but tab and line breaks, DEL, C1, noncharacters, lone
    // surrogates, bidi overrides); the iCalendar escaping of what is left is writeCalendar's.
    const out = stripIllegalCharacters(text);
    if (out.removed > 0 && removed.texts++ === 0) removed.first = uid;
    return out.text;
  };
  const warnings: Finding[] = [];
  const events: CalendarEvent[] = [];

  const reporters = names(plan, expectedReporterIds(plan), 5);
  const recipientId = plan.reporting?.recipientUnitId ?? leadUnitIds(plan)[0];
  const recipient = recipientId === undefined ? undefined : names(plan, [recipientId], 1);
  const alarmsBefore = settings.remindDaysBefore.map(
    (d) =>
      settings.deadlines === "all-day"
        ? d * DAY - REMINDER_HOUR * HOUR // from 00:00 of the due date
        : d * DAY + (24 - REMINDER_HOUR) * HOUR - 1, // from 23:59:59 of the due date
  );

  for (const p of periods) {
    const uid = eventUid(agency, plan.id, "deadline", p.id);
    const lines = [
      `Kế hoạch: ${plan.title}`,
      `Cơ quan: ${plan.issuer.name}`,
      ...(reporters === "" ? [] : [`Đơn vị báo cáo: ${reporters}`]),
      ...(recipient === undefined ? [] : [`Gửi báo cáo về: ${recipient}`]),
      `Số liệu tính từ ngày ${vnDate(p.cutoffStart)} đến ngày ${vnDate(p.cutoffEnd)}.`,
      `Hạn cuối: 23 giờ 59 ngày ${vnDate(p.dueDate)} (giờ Việt Nam, UTC+07:00).`,
      "",
      `${p.label.en} report of plan ${plan.id}: data from ${p.cutoffStart} to ${p.cutoffEnd}; due by ${p.dueDate} 23:59 Vietnam time (UTC+07:00).`,
    ];
    events.push({
      uid,
      kind: "deadline",
      summary: clean(`Hạn gửi báo cáo ${p.label.vi} / Report due: ${p.label.en}`, uid),
      description: clean(lines.join("\n"), uid),
      categories: ["Hạn báo cáo CCHC"],
      ...(settings.deadlines === "all-day"
        ? { allDay: { start: p.dueDate, end: addDays(p.dueDate, 1) } }
        : { at: p.dueAt }),
      alarmsBefore,
    });
  }

  if (activities !== undefined) {
    const byPeriod = new Map(periods.map((p) => [p.id, p] as const));
    const unitName = new Map(plan.units.map((u) => [u.id, u.name] as const));
    const channelText = new Map(plan.channels.map((c) => [c.id, c.text] as const));
    const areaText = new Map(plan.contentAreas.map((c) => [c.id, c.text] as const));
    const skipped: string[] = [];
    const reversed: string[] = [];
    for (const a of activities) {
      const period =
        a.periodId === undefined ? undefined : (byPeriod.get(a.periodId) ?? reportingPeriod(a.periodId));
      let from = a.from ?? a.to ?? period?.cutoffStart;
      let to = a.to ?? a.from ?? period?.cutoffEnd;
      if (from === undefined || to === undefined || !isIsoDate(from) || !isIsoDate(to)) {
        skipped.push(a.id);
        continue;
      }
      if (to < from) {
        reversed.push(a.id);
        [from, to] = [to, from];
      }
      const uid = eventUid(agency, plan.id, "activity", a.id);
      const unit = unitName.get(a.unitId) ?? a.unitId;
      const output = labelOf(OUTPUT_UNITS, a.target.unit);
      const lines = [
        `Đơn vị thực hiện: ${unit}`,
        `Hình thức: ${channelText.get(a.channelId) ?? a.channelId}`,
        "Nội dung:",
        ...a.contentAreaIds.map((id) => `- ${areaText.get(id) ?? id}`),
        `Chỉ tiêu: ${amount.format(a.target.value)} ${output.vi}`,
        ...(a.plannedCostVnd === undefined
          ? []
          : [`Kinh phí dự kiến: ${formatCell(a.plannedCostVnd, "vnd")} đồng`]),
        `Thời gian: từ ngày ${vnDate(from)} đến ngày ${vnDate(to)}${period ? ` (${period.label.vi})` : ""}.`,
        "",
        `Activity ${a.id} of plan ${plan.id}: target ${amountEn.format(a.target.value)} ${output.en}` +
          `${a.plannedCostVnd === undefined ? "" : `, planned cost ${amountEn.format(a.plannedCostVnd)} VND`}; ${from} to ${to}.`,
      ];
      events.push({
        uid,
        kind: "activity",
        summary: clean(`${a.title} — ${unit}`, uid),
        description: clean(lines.join("\n"), uid),
        categories: ["Hoạt động tuyên truyền CCHC"],
        allDay: { start: from, end: addDays(to, 1) },
        alarmsBefore: [],
      });
    }
    if (skipped.length > 0)
      warnings.push({
        code: "ics.activity-without-window",
        severity: "warning",
        path: ["activities", skipped[0] as string],
        message: {
          vi: `${skipped.length} hoạt động không có thời gian thực hiện (ngày bắt đầu, kết thúc hoặc kỳ báo cáo hợp lệ) nên không đưa vào lịch (đầu tiên: ${skipped[0]}).`,
          en: `${skipped.length} activit${skipped.length === 1 ? "y has" : "ies have"} no valid window (dates or reporting period) and were left out of the calendar (first: ${skipped[0]}).`,
        },
      });
    if (reversed.length > 0)
      warnings.push({
        code: "ics.activity-window-reversed",
        severity: "warning",
        path: ["activities", reversed[0] as string],
        message: {
          vi: `${reversed.length} hoạt động có ngày kết thúc trước ngày bắt đầu; lịch dùng khoảng thời gian đã đảo lại (đầu tiên: ${reversed[0]}).`,
          en: `${reversed.length} activit${reversed.length === 1 ? "y ends" : "ies end"} before starting; the calendar uses the swapped window (first: ${reversed[0]}).`,
        },
      });
  }

  const name = clean(`Lịch báo cáo CCHC năm ${plan.year} — ${plan.issuer.name}`, "calendar");
  const description = clean(plan.title, "calendar");
  if (removed.texts > 0)
    warnings.push({
      code: "ics.control-characters-removed",
      severity: "warning",
      path: ["events", removed.first],
      message: {
        vi: `Đã bỏ các ký tự điều khiển mà tệp lịch không chứa được khỏi ${removed.texts} nội dung (đầu tiên: ${removed.first}).`,
        en: `Removed control characters an iCalendar file cannot hold from ${removed.texts} text(s) (first: ${removed.first}).`,
      },
    });
  return { name, description, events, warnings };
}
