/**
 * Checks tracking data against its plan, one item at a time, so a stream of a million records can
 * be checked without holding it: every problem becomes a finding with its line number, and the
 * caller decides to go on with the valid items.
 */
import type * as z from "zod";
import { type ReportingPeriod, reportingCalendar } from "./calendar.js";
import type { Finding } from "./finding.js";
import type { Plan } from "./plan.js";
import { planCalendar } from "./planCalendar.js";
import { fastActualRecord } from "./recordFastPath.js";
import { findingFromZodIssue, parseUntrusted } from "./shapeFindings.js";
import {
  type Activity,
  ActivitySchema,
  type ActualRecord,
  ActualRecordSchema,
  type UnitReport,
  UnitReportSchema,
} from "./tracking.js";

/** A finding about one item of tracking data: which stream and which line it came from. */
export interface TrackingFinding extends Finding {
  readonly source?: "activities" | "records" | "reports";
  /** 1-based line number in the NDJSON stream, when the item came from one. */
  readonly line?: number;
}

/** What the checks need to know about the plan, computed once. */
export interface TrackingContext {
  readonly plan: Plan;
  readonly unitIds: ReadonlySet<string>;
  readonly channelIds: ReadonlySet<string>;
  readonly contentAreaIds: ReadonlySet<string>;
  readonly fundingSourceIds: ReadonlySet<string>;
  /** Periods of the plan's reporting schedule (all period types when it has none). */
  readonly periods: ReadonlyMap<string, ReportingPeriod>;
  /** First and last day of the plan year (calendar year). */
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly activities: Map<string, Activity>;
}

/** Prepares the lookups the checks use; activities are added as they are accepted. */
export function createTrackingContext(plan: Plan): TrackingContext {
  // Without a schedule, every period type of the year is a valid target for an activity.
  const periods = plan.reporting ? planCalendar(plan) : reportingCalendar(plan.year);
  return {
    plan,
    unitIds: new Set(plan.units.map((u) => u.id)),
    channelIds: new Set(plan.channels.map((c) => c.id)),
    contentAreaIds: new Set(plan.contentAreas.map((c) => c.id)),
    fundingSourceIds: new Set(plan.fundingSources.map((f) => f.id)),
    periods: new Map(periods.map((p) => [p.id, p])),
    yearStart: `${plan.year}-01-01`,
    yearEnd: `${plan.year}-12-31`,
    activities: new Map(),
  };
}

/** The result of checking one item: the typed item when usable, and what was wrong. */
export interface Checked<T> {
  readonly value: T | undefined;
  readonly findings: readonly TrackingFinding[];
}

/** Which tracking file a line came from, so a finding can point people at the right file. */
export type TrackingSource = NonNullable<TrackingFinding["source"]>;

type Source = TrackingSource;

function finding(
  source: Source,
  line: number | undefined,
  code: string,
  path: (string | number)[],
  vi: string,
  en: string,
): TrackingFinding {
  const where = line === undefined ? "" : ` (dòng ${line})`;
  const whereEn = line === undefined ? "" : ` (line ${line})`;
  return {
    code,
    severity: "error",
    path,
    message: { vi: `${vi}${where}`, en: `${en}${whereEn}` },
    source,
    ...(line === undefined ? {} : { line }),
  };
}

/** A shape finding, with a negative quantity named as such. */
function trackingShapeFinding(issue: z.core.$ZodIssue): Finding {
  const f = findingFromZodIssue(issue);
  const negative = issue.code === "too_small" && issue.origin === "number" && Number(issue.minimum) === 0;
  return negative ? { ...f, code: "tracking.negative-quantity" } : f;
}

/** Parses untrusted tracking data (never throws); shape findings say which stream and line. */
function parseItem<T>(
  schema: z.ZodType<T>,
  input: unknown,
  source: Source,
  line: number | undefined,
): { value: T; findings?: undefined } | { value?: undefined; findings: TrackingFinding[] } {
  const parsed = parseUntrusted(schema, input, trackingShapeFinding);
  if (parsed.success) return { value: parsed.data };
  const suffix = line === undefined ? { vi: "", en: "" } : { vi: ` (dòng ${line})`, en: ` (line ${line})` };
  return {
    findings: parsed.findings.map((f) => ({
      ...f,
      message: { vi: `${f.message.vi}${suffix.vi}`, en: `${f.message.en}${suffix.en}` },
      source,
      ...(line === undefined ? {} : { line }),
    })),
  };
}

const outsideYear = (ctx: TrackingContext, date: string) => date < ctx.yearStart || date > ctx.yearEnd;

/** Checks a planned activity against the plan; accepted activities join the context. */
export function checkActivity(input: unknown, ctx: TrackingContext, line?: number): Checked<Activity> {
  const parsed = parseItem(ActivitySchema, input, "activities", line);
  if (parsed.findings) return { value: undefined, findings: parsed.findings };
  const a = parsed.value;
  const out: TrackingFinding[] = [];
  const f = (code: string, path: (string | number)[], vi: string, en: string) =>
    out.push(finding("activities", line, code, path, vi, en));
  if (ctx.activities.has(a.id))
    f("tracking.duplicate-id", ["id"], `Hoạt động "${a.id}" bị trùng.`, `Duplicate activity "${a.id}".`);
  if (!ctx.unitIds.has(a.unitId))
    f(
      "tracking.unit-unknown",
      ["unitId"],
      `Đơn vị "${a.unitId}" không có trong kế hoạch.`,
      `Unit "${a.unitId}" is not in the plan.`,
    );
  if (!ctx.channelIds.has(a.channelId))
    f(
      "tracking.channel-unknown",
      ["channelId"],
      `Hình thức "${a.channelId}" không có trong kế hoạch.`,
      `Channel "${a.channelId}" is not in the plan.`,
    );
  for (const [i, c] of a.contentAreaIds.entries())
    if (!ctx.contentAreaIds.has(c))
      f(
        "tracking.content-area-unknown",
        ["contentAreaIds", i],
        `Nội dung "${c}" không có trong kế hoạch.`,
        `Content area "${c}" is not in the plan.`,
      );
  if (a.fundingSourceId !== undefined && !ctx.fundingSourceIds.has(a.fundingSourceId))
    f(
      "tracking.funding-source-unknown",
      ["fundingSourceId"],
      `Nguồn kinh phí "${a.fundingSourceId}" không có trong kế hoạch.`,
      `Funding source "${a.fundingSourceId}" is not in the plan.`,
    );
  if (a.periodId !== undefined && !ctx.periods.has(a.periodId))
    f(
      "tracking.period-unknown",
      ["periodId"],
      `Kỳ "${a.periodId}" không có trong lịch báo cáo năm ${ctx.plan.year}.`,
      `Period "${a.periodId}" is not in the ${ctx.plan.year} reporting calendar.`,
    );
  if (a.periodId === undefined && (a.from === undefined || a.to === undefined))
    f(
      "tracking.window-missing",
      ["periodId"],
      "Hoạt động cần kỳ (periodId) hoặc khoảng ngày (from, to).",
      "An activity needs a period id or a date window (from, to).",
    );
  for (const key of ["from", "to"] as const) {
    const d = a[key];
    if (d !== undefined && outsideYear(ctx, d))
      f(
        "tracking.date-outside-year",
        [key],
        `Ngày ${d} nằm ngoài năm kế hoạch ${ctx.plan.year}.`,
        `Date ${d} is outside the plan year ${ctx.plan.year}.`,
      );
  }
  if (a.from !== undefined && a.to !== undefined && a.from > a.to)
    f(
      "tracking.window-invalid",
      ["to"],
      `Ngày kết thúc ${a.to} trước ngày bắt đầu ${a.from}.`,
      `End ${a.to} is before start ${a.from}.`,
    );
  if (out.length > 0) return { value: undefined, findings: out };
  ctx.activities.set(a.id, a);
  return { value: a, findings: out };
}

/** Checks an actual record against the plan and the accepted activities. */
export function checkRecord(input: unknown, ctx: TrackingContext, line?: number): Checked<ActualRecord> {
  let r = fastActualRecord(input);
  if (r === undefined) {
    const parsed = parseItem(ActualRecordSchema, input, "records", line);
    if (parsed.findings) return { value: undefined, findings: parsed.findings };
    r = parsed.value;
  }
  const out: TrackingFinding[] = [];
  const f = (code: string, path: (string | number)[], vi: string, en: string) =>
    out.push(finding("records", line, code, path, vi, en));
  const activity = ctx.activities.get(r.activityId);
  if (!ctx.unitIds.has(r.unitId))
    f(
      "tracking.unit-unknown",
      ["unitId"],
      `Đơn vị "${r.unitId}" không có trong kế hoạch.`,
      `Unit "${r.unitId}" is not in the plan.`,
    );
  if (activity === undefined)
    f(
      "tracking.activity-unknown",
      ["activityId"],
      `Hoạt động "${r.activityId}" không có (hoặc không hợp lệ).`,
      `Activity "${r.activityId}" does not exist (or was invalid).`,
    );
  else if (activity.unitId !== r.unitId)
    f(
      "tracking.unit-mismatch",
      ["unitId"],
      `Hoạt động "${r.activityId}" thuộc đơn vị "${activity.unitId}", không phải "${r.unitId}".`,
      `Activity "${r.activityId}" belongs to "${activity.unitId}", not "${r.unitId}".`,
    );
  if (outsideYear(ctx, r.date))
    f(
      "tracking.date-outside-year",
      ["date"],
      `Ngày ${r.date} nằm ngoài năm kế hoạch ${ctx.plan.year}.`,
      `Date ${r.date} is outside the plan year ${ctx.plan.year}.`,
    );
  return { value: out.length === 0 ? r : undefined, findings: out };
}

/** Checks a unit report: known unit, and a period that exists in the plan's calendar. */
export function checkReport(input: unknown, ctx: TrackingContext, line?: number): Checked<UnitReport> {
  const parsed = parseItem(UnitReportSchema, input, "reports", line);
  if (parsed.findings) return { value: undefined, findings: parsed.findings };
  const r = parsed.value;
  const out: TrackingFinding[] = [];
  if (!ctx.unitIds.has(r.unitId))
    out.push(
      finding(
        "reports",
        line,
        "tracking.unit-unknown",
        ["unitId"],
        `Đơn vị "${r.unitId}" không có trong kế hoạch.`,
        `Unit "${r.unitId}" is not in the plan.`,
      ),
    );
  if (!ctx.periods.has(r.periodId))
    out.push(
      finding(
        "reports",
        line,
        "tracking.period-unknown",
        ["periodId"],
        `Kỳ báo cáo "${r.periodId}" không có trong lịch báo cáo năm ${ctx.plan.year}.`,
        `Reporting period "${r.periodId}" does not exist in the ${ctx.plan.year} calendar.`,
      ),
    );
  return { value: out.length === 0 ? r : undefined, findings: out };
}

/**
 * Parses one NDJSON line. Blank lines are skipped (undefined); a malformed line becomes a
 * finding instead of an exception, so one bad line never stops a stream. A "line" that is not a
 * string at all (from a caller's own iterable) is a finding too.
 */
export function parseNdjsonLine(
  text: string,
  line: number,
  source: Source,
): { ok: true; value: unknown } | { ok: false; finding: TrackingFinding } | undefined {
  if (typeof text !== "string")
    return {
      ok: false,
      finding: finding(
        source,
        line,
        "tracking.ndjson-malformed",
        [],
        "Dòng không phải văn bản (chuỗi ký tự)",
        "Line is not text (a string)",
      ),
    };
  if (text.trim() === "") return undefined;
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      finding: finding(
        source,
        line,
        "tracking.ndjson-malformed",
        [],
        `Dòng không phải JSON hợp lệ: ${why}`,
        `Line is not valid JSON: ${why}`,
      ),
    };
  }
}
