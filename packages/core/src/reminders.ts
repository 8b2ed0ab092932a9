/**
 * Reminder rules: from a plan, its reporting calendar, the reports already submitted and "now",
 * which reminders are due. Pure and synchronous (no clock, no I/O): the same inputs always give
 * the same reminders with the same keys, which is what lets the outbox send each one once however
 * often they are computed.
 *
 * Stages of one period, for every unit that must report and has not (as of `now`):
 * `before-N` on the N-th day before the deadline (default N = 14, 7, 1), `due-today` on the
 * deadline, and, the day after (`escalateAfterDays`), `overdue` to the lead unit(s) listing every
 * unit still missing. A stage is due once its send day (Asia/Ho_Chi_Minh) has arrived; when several
 * stages of a period have arrived (a late start), only the latest is due, never a burst. A unit's
 * stages end with its deadline; after it only the escalation remains.
 *
 * Reports due on the same day (quý II and 6 tháng đầu năm; quý IV and the year) travel together: one
 * reminder per unit and stage names every one of them the unit still owes, and one escalation per lead
 * lists every unit with what it still owes. See `reminderGroupKey` for why its key survives a report
 * of the group being submitted between two runs.
 */
import type { ReportingPeriod } from "./calendar.js";
import { type ContactDirectory, recipientFor } from "./contacts.js";
import type { Finding } from "./finding.js";
import type { Notification, NotificationRecipient } from "./notifier.js";
import type { Plan } from "./plan.js";
import { planCalendar } from "./planCalendar.js";
import {
  checkTemplates,
  fillTemplate,
  type ReminderTemplates,
  type TemplateValues,
  templateText,
} from "./reminderTemplates.js";
import { leadUnitIds } from "./rules.js";
import { expectedReporterIds } from "./scoring.js";
import type { LocalizedText } from "./text.js";
import type { UnitReport } from "./tracking.js";
import { addDays, vietnamDateOf } from "./vietnamTime.js";

/** Days before the deadline a reminder goes out when the agency sets nothing. */
export const DEFAULT_DAYS_BEFORE: readonly number[] = [14, 7, 1];

/** Days after the deadline the lead unit is told who is missing, by default. */
export const DEFAULT_ESCALATE_AFTER_DAYS = 1;

/** `before-N`, `due-today` or `overdue`. */
export type ReminderKind = `before-${number}` | "due-today" | "overdue";

/** Settings of the reminder rules. */
export interface ReminderOptions {
  /** The instant to compute at: a `Date`, or an ISO instant with `Z` or an offset. */
  readonly now: Date | string;
  /** Prefix of every key, so that agencies sharing a mail server or a broker never collide. */
  readonly agencyId?: string;
  /** Days before the deadline to remind (distinct integers 1–365; default 14, 7, 1). */
  readonly daysBefore?: readonly number[];
  /** Remind on the deadline itself (default true). */
  readonly onTheDay?: boolean;
  /** Days after the deadline the lead unit gets the list of missing units (1–365, default 1). */
  readonly escalateAfterDays?: number;
  /** The agency's message templates (see `DEFAULT_TEMPLATES`). */
  readonly templates?: ReminderTemplates;
  /** Where units are reached; without it recipients carry no addresses. */
  readonly contacts?: ContactDirectory;
  /** The periods to remind about (default: `planCalendar(plan)`). */
  readonly periods?: readonly ReportingPeriod[];
}

/** A unit named in a reminder. */
export interface ReminderUnit {
  readonly unitId: string;
  readonly name: string;
  /** For a unit whose report is missing: the periods (of the reminder's) it still owes. */
  readonly periodIds?: readonly string[];
}

/** One report a reminder names. */
export interface ReminderPeriod {
  readonly periodId: string;
  /** As the calendar labels it: "Quý II năm 2018" / "Q2 2018". */
  readonly label: LocalizedText;
}

/** A reminder that is due now, with its message rendered. */
export interface Reminder {
  /** Idempotency key (see `reminderGroupKey`): `[agencyId:]unitId:periodId:kind` for one report due that day. */
  readonly key: string;
  readonly kind: ReminderKind;
  /** The unit the reminder goes to (the lead unit for `overdue`). */
  readonly unitId: string;
  readonly unitName: string;
  /** The first of `periods` (the only one unless several reports fall due on the same day). */
  readonly periodId: string;
  /** Every report named, as one heading: "Quý II năm 2018 và 6 tháng đầu năm 2018". */
  readonly periodLabel: LocalizedText;
  /** Every report the reminder names (still missing, due on `dueDate`), in calendar order. */
  readonly periods: readonly ReminderPeriod[];
  /** The deadline (ISO date, Vietnam) and its last instant. */
  readonly dueDate: string;
  readonly dueAt: string;
  /** The day this stage became due (ISO date, Vietnam). */
  readonly sendOn: string;
  /** Days from today to the deadline; negative once it has passed. */
  readonly daysLeft: number;
  readonly recipients: readonly NotificationRecipient[];
  /** The units whose report is missing: the unit itself, or every missing unit for `overdue`. */
  readonly missing: readonly ReminderUnit[];
  readonly subject: LocalizedText;
  readonly body: LocalizedText;
}

/** A stage scheduled for later (not rendered): so a script sees the whole plan ahead. */
export interface UpcomingReminder {
  readonly key: string;
  readonly kind: ReminderKind;
  readonly unitId: string;
  readonly unitName: string;
  /** The first of `periodIds`. */
  readonly periodId: string;
  /** Every report the stage will name (as things stand now), in calendar order. */
  readonly periodIds: readonly string[];
  readonly dueDate: string;
  readonly sendOn: string;
}

/** What `computeReminders` found. */
export interface ReminderResult {
  /** The instant computed at (UTC ISO). */
  readonly now: string;
  /** Its date in Vietnam. */
  readonly today: string;
  readonly due: readonly Reminder[];
  readonly upcoming: readonly UpcomingReminder[];
  /** Warnings: no schedule, no lead unit, units without contacts. */
  readonly findings: readonly Finding[];
}

/** The options cannot be used (bad `now`, days, or templates); `findings` says each problem with its path. */
export class ReminderError extends Error {
  override readonly name = "ReminderError";
  readonly code: string;
  readonly messageVi: string;
  readonly findings: readonly Finding[];
  constructor(findings: readonly Finding[]) {
    const first = findings[0];
    super(first?.message.en ?? "invalid reminder options");
    this.code = first?.code ?? "reminder.options-invalid";
    this.messageVi = first?.message.vi ?? "tùy chọn nhắc nhở không hợp lệ";
    this.findings = findings;
  }
}

const MS_PER_DAY = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** "19/03/2018". */
export function formatDeadline(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

function error(code: string, path: (string | number)[], vi: string, en: string): Finding {
  return { code, severity: "error", path, message: { vi, en } };
}

function isDayCount(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 365;
}

function nowMs(now: unknown): number | undefined {
  if (now instanceof Date) return Number.isNaN(now.getTime()) ? undefined : now.getTime();
  if (typeof now !== "string") return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(now)) return undefined;
  const ms = Date.parse(now);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The stage kinds the options produce, latest last (as they fall in time). */
export function reminderKinds(options: Pick<ReminderOptions, "daysBefore" | "onTheDay">): ReminderKind[] {
  const days = [...new Set(options.daysBefore ?? DEFAULT_DAYS_BEFORE)].sort((a, b) => b - a);
  return [
    ...days.map((d) => `before-${d}` as ReminderKind),
    ...(options.onTheDay === false ? [] : ["due-today" as const]),
    "overdue",
  ];
}

/**
 * Checks reminder options without computing anything: `now`, `daysBefore`, `escalateAfterDays`
 * and the templates. Empty when they are usable.
 */
export function checkReminderOptions(options: ReminderOptions): Finding[] {
  const findings: Finding[] = [];
  if (nowMs(options.now) === undefined)
    findings.push(
      error(
        "reminder.now-invalid",
        ["now"],
        `"now" phải là một thời điểm ISO có múi giờ (nhận được ${JSON.stringify(String(options.now))}).`,
        `"now" must be an ISO instant with an offset (got ${JSON.stringify(String(options.now))}).`,
      ),
    );
  const days = options.daysBefore ?? DEFAULT_DAYS_BEFORE;
  if (!Array.isArray(days))
    findings.push(
      error(
        "reminder.days-before-invalid",
        ["daysBefore"],
        "daysBefore phải là danh sách số ngày.",
        "daysBefore must be a list of day counts.",
      ),
    );
  else
    days.forEach((d, i) => {
      if (!isDayCount(d) || days.indexOf(d) !== i)
        findings.push(
          error(
            "reminder.days-before-invalid",
            ["daysBefore", i],
            `Số ngày nhắc trước hạn phải là số nguyên 1–365, không trùng (nhận được ${JSON.stringify(d)}).`,
            `Days before the deadline must be distinct integers 1–365 (got ${JSON.stringify(d)}).`,
          ),
        );
    });
  const escalate = options.escalateAfterDays ?? DEFAULT_ESCALATE_AFTER_DAYS;
  if (!isDayCount(escalate))
    findings.push(
      error(
        "reminder.escalate-after-invalid",
        ["escalateAfterDays"],
        `Số ngày báo đơn vị chủ trì sau hạn phải là số nguyên 1–365 (nhận được ${JSON.stringify(escalate)}).`,
        `Days after the deadline before escalating must be an integer 1–365 (got ${JSON.stringify(escalate)}).`,
      ),
    );
  if (options.agencyId !== undefined && (typeof options.agencyId !== "string" || options.agencyId === ""))
    findings.push(
      error(
        "reminder.agency-invalid",
        ["agencyId"],
        "agencyId phải là chuỗi không rỗng.",
        "agencyId must be a non-empty string.",
      ),
    );
  if (findings.some((f) => f.path[0] === "daysBefore")) return findings;
  return [...findings, ...checkTemplates(options.templates, reminderKinds(options))];
}

/** The idempotency key of a reminder about one report: `[agencyId:]unitId:periodId:kind`. */
export function reminderKey(
  agencyId: string | undefined,
  unitId: string,
  periodId: string,
  kind: string,
): string {
  return `${agencyId === undefined ? "" : `${agencyId}:`}${unitId}:${periodId}:${kind}`;
}

/**
 * The idempotency key of the reminder of one unit, one stage and one due day. `periodIds` are the
 * periods of the calendar due that day (all of them, submitted or not), so the key is fixed by the
 * calendar alone: when the unit submits one report of the group between two runs of the same stage,
 * the reminder shrinks but keeps its key, and the outbox sends nothing twice for that unit, stage
 * and day (the mail already sent named both reports; the next stage names only the one still owed).
 * One period: `reminderKey`, the key such a reminder always had. Several:
 * `[agencyId:]unitId:dueDate:<ids sorted, joined by "+">:kind`, e.g.
 * `cac-co-quan:2018-06-19:2018Q2+2018S1:before-14`. A changed schedule (another due date, another
 * period type that day) gives a new key: the message is about a different deadline.
 */
export function reminderGroupKey(
  agencyId: string | undefined,
  unitId: string,
  dueDate: string,
  periodIds: readonly string[],
  kind: string,
): string {
  if (periodIds.length === 1) return reminderKey(agencyId, unitId, periodIds[0] as string, kind);
  const ids = [...periodIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join("+");
  return `${agencyId === undefined ? "" : `${agencyId}:`}${unitId}:${dueDate}:${ids}:${kind}`;
}

interface Stage {
  readonly kind: ReminderKind;
  readonly sendOn: string;
}

function stagesOf(period: ReportingPeriod, kinds: readonly ReminderKind[], escalate: number): Stage[] {
  return kinds.map((kind) => ({
    kind,
    sendOn:
      kind === "due-today"
        ? period.dueDate
        : kind === "overdue"
          ? addDays(period.dueDate, escalate)
          : addDays(period.dueDate, -Number(kind.slice("before-".length))),
  }));
}

const DAY_WORDS = {
  vi: (n: number) => `${n} ngày`,
  en: (n: number) => `${n} ${n === 1 ? "day" : "days"}`,
};
const UNIT_WORDS = {
  vi: (n: number) => `${n} đơn vị`,
  en: (n: number) => `${n} ${n === 1 ? "unit" : "units"}`,
};

/** "a", "a và b", "a, b và c" (English: "and"). */
function listWords(items: readonly string[], lang: "vi" | "en"): string {
  const and = lang === "vi" ? " và " : " and ";
  return items.length <= 1
    ? (items[0] ?? "")
    : `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`;
}

const lowerFirst = (s: string) => (s === "" ? s : `${s[0]?.toLocaleLowerCase("vi")}${s.slice(1)}`);
const upperFirst = (s: string) => (s === "" ? s : `${s[0]?.toLocaleUpperCase("vi")}${s.slice(1)}`);

/** English labels that keep their capital mid-sentence: "Q1 2018", "March 2018". */
const EN_PROPER =
  /^(Q\d|January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/**
 * A period label as it reads inside a sentence: "Quý I năm 2018" → "quý I năm 2018", "Năm 2018" →
 * "năm 2018"; English "First half of 2018" → "first half of 2018", "Q1 2018" stays. Calendar labels
 * are headings (capital first letter); a reminder says "Nhắc báo cáo quý I năm 2018".
 */
export function periodLabelInSentence(label: LocalizedText): LocalizedText {
  return { vi: lowerFirst(label.vi), en: EN_PROPER.test(label.en) ? label.en : lowerFirst(label.en) };
}

interface MessageContext {
  readonly plan: Plan;
  /** The reports the message names, in calendar order (one or more, all due the same day). */
  readonly periods: readonly ReportingPeriod[];
  readonly kind: ReminderKind;
  readonly to: ReminderUnit;
  readonly missing: readonly ReminderUnit[];
  /** Where reports go, by name (empty: the plan names no lead and no recipient). */
  readonly leadNames: readonly string[];
  readonly daysLeft: number;
  readonly templates: ReminderTemplates | undefined;
}

/** "Quý II năm 2018 và 6 tháng đầu năm 2018": the heading of several reports due the same day. */
function joinedLabel(periods: readonly { label: LocalizedText }[]): LocalizedText {
  const text = (lang: "vi" | "en") =>
    listWords(
      periods.map((p, i) => (i === 0 ? p.label[lang] : periodLabelInSentence(p.label)[lang])),
      lang,
    );
  return { vi: text("vi"), en: text("en") };
}

/** The report(s) in full, folded into the unit's own CCHC report when the plan says so. */
function reportPhrase(plan: Plan, period: string, several: boolean, lang: "vi" | "en"): string {
  const folded = plan.reporting?.integratedWith?.trim();
  if (lang === "vi")
    return `báo cáo kết quả thực hiện tuyên truyền cải cách hành chính ${period}${
      folded ? ` (lồng ghép trong ${lowerFirst(folded)})` : ""
    }`;
  return `the ${several ? "reports" : "report"} on administrative-reform communication for ${period}${
    folded ? ` (folded into the unit's own administrative-reform report: “${folded}”)` : ""
  }`;
}

function values(ctx: MessageContext, lang: "vi" | "en"): TemplateValues {
  const several = ctx.periods.length > 1;
  const period = listWords(
    ctx.periods.map((p) => periodLabelInSentence(p.label)[lang]),
    lang,
  );
  const labelOf = new Map(ctx.periods.map((p) => [p.id, periodLabelInSentence(p.label)[lang]] as const));
  const owes = (u: ReminderUnit) =>
    several && u.periodIds !== undefined
      ? `: ${u.periodIds.map((id) => labelOf.get(id) ?? id).join(", ")}`
      : "";
  const missing =
    ctx.kind === "overdue"
      ? ctx.missing.map((u) => `- ${u.name}${owes(u)}`).join("\n")
      : lang === "vi"
        ? `báo cáo ${period} của ${ctx.to.name}`
        : `the ${period} ${several ? "reports" : "report"} of ${ctx.to.name}`;
  const lead =
    ctx.leadNames.length > 0
      ? listWords(ctx.leadNames, lang)
      : lang === "vi"
        ? "đơn vị chủ trì"
        : "the lead unit";
  const first = ctx.periods[0] as ReportingPeriod;
  return {
    unit: ctx.to.name,
    period,
    periodTitle: upperFirst(joinedLabel(ctx.periods)[lang]),
    periodId: ctx.periods.map((p) => p.id).join(", "),
    report: reportPhrase(ctx.plan, period, several, lang),
    reportNoun: lang === "vi" ? "báo cáo" : several ? "reports" : "report",
    leadUnit: lead,
    deadline: formatDeadline(first.dueDate),
    days: DAY_WORDS[lang](Math.max(0, ctx.daysLeft)),
    daysLeft: String(ctx.daysLeft),
    daysOverdue: DAY_WORDS[lang](Math.max(0, -ctx.daysLeft)),
    missing,
    missingCount: String(ctx.missing.length),
    missingUnits: UNIT_WORDS[lang](ctx.missing.length),
    issuer: ctx.plan.issuer.name,
    plan: ctx.plan.title,
    year: String(ctx.plan.year),
  };
}

function render(ctx: MessageContext): { subject: LocalizedText; body: LocalizedText } {
  const vi = values(ctx, "vi");
  const en = values(ctx, "en");
  const text = (part: "subject" | "body", lang: "vi" | "en", v: TemplateValues) =>
    fillTemplate(templateText(ctx.templates, ctx.kind, part, lang), v);
  return {
    subject: { vi: text("subject", "vi", vi), en: text("subject", "en", en) },
    body: { vi: text("body", "vi", vi), en: text("body", "en", en) },
  };
}

/**
 * The calendar's periods grouped by due date, each group in calendar order, groups by first
 * appearance; a period listed twice (in `options.periods`) counts once.
 */
function byDueDate(periods: readonly ReportingPeriod[]): ReportingPeriod[][] {
  const groups = new Map<string, ReportingPeriod[]>();
  const seen = new Set<string>();
  for (const p of periods) {
    if (seen.has(p.id)) continue;
    seen.add(p.id);
    const group = groups.get(p.dueDate);
    if (group) group.push(p);
    else groups.set(p.dueDate, [p]);
  }
  return [...groups.values()];
}

const KIND_ORDER = (kinds: readonly ReminderKind[]) => (k: ReminderKind) => kinds.indexOf(k);

/**
 * The reminders due at `options.now`, and the stages still ahead.
 *
 * @throws ReminderError when the options cannot be used (see `checkReminderOptions`).
 */
export function computeReminders(
  plan: Plan,
  reports: Iterable<Pick<UnitReport, "unitId" | "periodId" | "submittedAt">>,
  options: ReminderOptions,
): ReminderResult {
  const problems = checkReminderOptions(options);
  if (problems.length > 0) throw new ReminderError(problems);
  const at = nowMs(options.now) as number;
  const today = vietnamDateOf(new Date(at));
  const kinds = reminderKinds(options);
  const order = KIND_ORDER(kinds);
  const escalate = options.escalateAfterDays ?? DEFAULT_ESCALATE_AFTER_DAYS;
  const periods = options.periods ?? planCalendar(plan);
  const findings: Finding[] = [];
  if (periods.length === 0)
    findings.push({
      code: "reminder.no-schedule",
      severity: "warning",
      path: ["reporting"],
      message: {
        vi: "Kế hoạch không có lịch báo cáo định kỳ: không có gì để nhắc.",
        en: "The plan has no reporting schedule: nothing to remind.",
      },
    });

  const names = new Map(plan.units.map((u) => [u.id, u.name] as const));
  const unit = (id: string): ReminderUnit => ({ unitId: id, name: names.get(id) ?? id });
  const collator = new Intl.Collator("vi");
  const reporters = expectedReporterIds(plan)
    .map(unit)
    .sort((a, b) => collator.compare(a.name, b.name));
  const leads = leadUnitIds(plan).map(unit);

  const submitted = new Set<string>();
  for (const r of reports) {
    const ms = Date.parse(r.submittedAt);
    if (!Number.isNaN(ms) && ms <= at) submitted.add(`${r.unitId}\u0000${r.periodId}`);
  }

  const withoutContacts = new Set<string>();
  const recipient = (u: ReminderUnit): NotificationRecipient => {
    if (options.contacts !== undefined && options.contacts[u.unitId] === undefined)
      withoutContacts.add(u.unitId);
    return recipientFor(u.unitId, u.name, options.contacts);
  };

  // Where reports go, for "gửi báo cáo về …": the schedule's recipient, else the lead unit(s).
  const recipientId = plan.reporting?.recipientUnitId;
  const leadNames = (recipientId === undefined ? leads : [unit(recipientId)]).map((u) => u.name);

  const due: Reminder[] = [];
  const upcoming: UpcomingReminder[] = [];
  let escalationWithoutLead = false;
  for (const group of byDueDate(periods)) {
    const head = group[0] as ReportingPeriod;
    const dueDate = head.dueDate;
    const groupIds = group.map((p) => p.id);
    const stages = stagesOf(head, kinds, escalate);
    const unitStages = stages.filter((s) => s.kind !== "overdue");
    const overdue = stages.find((s) => s.kind === "overdue") as Stage;
    const daysLeft = daysBetween(today, dueDate);
    // Each reporter with the reports of this day it still owes.
    const owing = reporters
      .map((u) => ({
        ...u,
        periodIds: groupIds.filter((id) => !submitted.has(`${u.unitId}\u0000${id}`)),
      }))
      .filter((u) => u.periodIds.length > 0);
    const make = (
      to: ReminderUnit,
      stage: Stage,
      named: readonly ReportingPeriod[],
      listed: readonly ReminderUnit[],
    ): Reminder => ({
      key: reminderGroupKey(options.agencyId, to.unitId, dueDate, groupIds, stage.kind),
      kind: stage.kind,
      unitId: to.unitId,
      unitName: to.name,
      periodId: (named[0] as ReportingPeriod).id,
      periodLabel: joinedLabel(named),
      periods: named.map((p) => ({ periodId: p.id, label: p.label })),
      dueDate,
      dueAt: head.dueAt,
      sendOn: stage.sendOn,
      daysLeft,
      recipients: [recipient(to)],
      missing: listed,
      ...render({
        plan,
        periods: named,
        kind: stage.kind,
        to,
        missing: listed,
        leadNames,
        daysLeft,
        templates: options.templates,
      }),
    });
    const ahead = (to: ReminderUnit, stage: Stage, named: readonly string[]): UpcomingReminder => ({
      key: reminderGroupKey(options.agencyId, to.unitId, dueDate, groupIds, stage.kind),
      kind: stage.kind,
      unitId: to.unitId,
      unitName: to.name,
      periodId: named[0] as string,
      periodIds: named,
      dueDate,
      sendOn: stage.sendOn,
    });
    const periodsOf = (ids: readonly string[]) => group.filter((p) => ids.includes(p.id));

    for (const u of owing) {
      if (today > dueDate) continue;
      const to: ReminderUnit = { unitId: u.unitId, name: u.name };
      let latest: Stage | undefined;
      for (const s of unitStages) {
        if (s.sendOn <= today) latest = s;
        else upcoming.push(ahead(to, s, u.periodIds));
      }
      if (latest !== undefined) due.push(make(to, latest, periodsOf(u.periodIds), [u]));
    }
    if (owing.length > 0) {
      if (leads.length === 0) escalationWithoutLead ||= today >= overdue.sendOn;
      const owed = new Set(owing.flatMap((u) => u.periodIds));
      const named = group.filter((p) => owed.has(p.id));
      for (const lead of leads) {
        if (today >= overdue.sendOn) due.push(make(lead, overdue, named, owing));
        else
          upcoming.push(
            ahead(
              lead,
              overdue,
              named.map((p) => p.id),
            ),
          );
      }
    }
  }

  if (escalationWithoutLead)
    findings.push({
      code: "reminder.no-lead",
      severity: "warning",
      path: ["responsibilities"],
      message: {
        vi: "Có báo cáo quá hạn nhưng kế hoạch không có đơn vị chủ trì (vai trò lead) để báo.",
        en: "Reports are overdue but the plan has no lead unit to escalate to.",
      },
    });
  for (const id of withoutContacts)
    findings.push({
      code: "reminder.contact-missing",
      severity: "warning",
      path: ["contacts", id],
      message: {
        vi: `Danh bạ không có địa chỉ của đơn vị "${names.get(id) ?? id}" (${id}): nhắc nhở không gửi được qua thư.`,
        en: `The contact directory has no address for unit "${names.get(id) ?? id}" (${id}): its reminders cannot be mailed.`,
      },
    });

  const byTime = <T extends { sendOn: string; periodId: string; kind: ReminderKind; unitName: string }>(
    a: T,
    b: T,
  ) =>
    (a.sendOn < b.sendOn ? -1 : a.sendOn > b.sendOn ? 1 : 0) ||
    (a.periodId < b.periodId ? -1 : a.periodId > b.periodId ? 1 : 0) ||
    order(a.kind) - order(b.kind) ||
    collator.compare(a.unitName, b.unitName);
  due.sort(byTime);
  upcoming.sort(byTime);
  return { now: new Date(at).toISOString(), today, due, upcoming, findings };
}

/** The notification of a due reminder, ready for the outbox (the reminder itself travels as `data`). */
export function reminderNotification(reminder: Reminder): Notification {
  const recipient = reminder.recipients[0] ?? { unitId: reminder.unitId, name: reminder.unitName, email: [] };
  const { subject, body, recipients: _recipients, ...data } = reminder;
  return { key: reminder.key, recipient, subject, body, data: { type: "cchc.reminder", ...data } };
}
