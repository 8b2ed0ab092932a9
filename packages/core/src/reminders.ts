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
}

/** A reminder that is due now, with its message rendered. */
export interface Reminder {
  /** Idempotency key: `[agencyId:]unitId:periodId:kind`. */
  readonly key: string;
  readonly kind: ReminderKind;
  /** The unit the reminder goes to (the lead unit for `overdue`). */
  readonly unitId: string;
  readonly unitName: string;
  readonly periodId: string;
  readonly periodLabel: LocalizedText;
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
  readonly periodId: string;
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

/** The idempotency key of a reminder: `[agencyId:]unitId:periodId:kind`. */
export function reminderKey(
  agencyId: string | undefined,
  unitId: string,
  periodId: string,
  kind: string,
): string {
  return `${agencyId === undefined ? "" : `${agencyId}:`}${unitId}:${periodId}:${kind}`;
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

interface MessageContext {
  readonly plan: Plan;
  readonly period: ReportingPeriod;
  readonly kind: ReminderKind;
  readonly to: ReminderUnit;
  readonly missing: readonly ReminderUnit[];
  readonly daysLeft: number;
  readonly templates: ReminderTemplates | undefined;
}

function values(ctx: MessageContext, lang: "vi" | "en"): TemplateValues {
  const label = ctx.period.label[lang];
  const missing =
    ctx.kind === "overdue"
      ? ctx.missing.map((u) => `- ${u.name}`).join("\n")
      : lang === "vi"
        ? `báo cáo ${label} của ${ctx.to.name}`
        : `the ${label} report of ${ctx.to.name}`;
  return {
    unit: ctx.to.name,
    period: label,
    periodId: ctx.period.id,
    deadline: formatDeadline(ctx.period.dueDate),
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

  const due: Reminder[] = [];
  const upcoming: UpcomingReminder[] = [];
  let escalationWithoutLead = false;
  for (const period of periods) {
    const stages = stagesOf(period, kinds, escalate);
    const unitStages = stages.filter((s) => s.kind !== "overdue");
    const overdue = stages.find((s) => s.kind === "overdue") as Stage;
    const missing = reporters.filter((u) => !submitted.has(`${u.unitId}\u0000${period.id}`));
    const daysLeft = daysBetween(today, period.dueDate);
    const make = (to: ReminderUnit, stage: Stage, listed: readonly ReminderUnit[]): Reminder => ({
      key: reminderKey(options.agencyId, to.unitId, period.id, stage.kind),
      kind: stage.kind,
      unitId: to.unitId,
      unitName: to.name,
      periodId: period.id,
      periodLabel: period.label,
      dueDate: period.dueDate,
      dueAt: period.dueAt,
      sendOn: stage.sendOn,
      daysLeft,
      recipients: [recipient(to)],
      missing: listed,
      ...render({
        plan,
        period,
        kind: stage.kind,
        to,
        missing: listed,
        daysLeft,
        templates: options.templates,
      }),
    });
    const ahead = (to: ReminderUnit, stage: Stage): UpcomingReminder => ({
      key: reminderKey(options.agencyId, to.unitId, period.id, stage.kind),
      kind: stage.kind,
      unitId: to.unitId,
      unitName: to.name,
      periodId: period.id,
      dueDate: period.dueDate,
      sendOn: stage.sendOn,
    });

    for (const u of missing) {
      if (today > period.dueDate) continue;
      let latest: Stage | undefined;
      for (const s of unitStages) {
        if (s.sendOn <= today) latest = s;
        else upcoming.push(ahead(u, s));
      }
      if (latest !== undefined) due.push(make(u, latest, [u]));
    }
    if (missing.length > 0) {
      if (leads.length === 0) escalationWithoutLead ||= today >= overdue.sendOn;
      for (const lead of leads) {
        if (today >= overdue.sendOn) due.push(make(lead, overdue, missing));
        else upcoming.push(ahead(lead, overdue));
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
