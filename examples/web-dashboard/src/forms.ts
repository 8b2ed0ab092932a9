/**
 * The two forms a unit's reporter fills in: an actual result against a planned activity, and the
 * period report. Text typed in a browser becomes a candidate record or report, which the core's
 * tracking checks judge; every finding lands on the field it is about, in Vietnamese with the
 * English alongside, and the typed values come back so nothing the user wrote is lost.
 */
import {
  type Activity,
  type ActualRecord,
  checkRecord,
  checkReport,
  createTrackingContext,
  type Finding,
  formatPath,
  type LocalizedText,
  type Plan,
  planCalendar,
  type TrackingContext,
  type UnitReport,
} from "@cchc/core";

/** Messages per field name ("" holds those that belong to no field). */
export type FieldErrors = Readonly<Record<string, readonly LocalizedText[]>>;

/** What a form check gives back: the value when it is usable, the errors, the values as typed. */
export interface FormResult<T> {
  readonly value: T | undefined;
  readonly errors: FieldErrors;
  readonly values: Readonly<Record<string, string>>;
}

/** The fields of the record form, in display order. */
export const RECORD_FIELDS = [
  "activityId",
  "date",
  "output",
  "participants",
  "costVnd",
  "evidenceUrl",
  "note",
] as const;

/** The fields of the report form. */
export const REPORT_FIELDS = ["periodId", "summary"] as const;

type Form = Readonly<Record<string, unknown>>;

/** The typed text of each field, trimmed; anything that is not a string (a file, a list) is dropped. */
function valuesOf(form: Form, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = form[f];
    out[f] = typeof v === "string" ? v.trim() : "";
  }
  return out;
}

const NUMBER_INVALID: LocalizedText = {
  vi: "Cần nhập một số, ví dụ 12 hoặc 1.500.000.",
  en: "Enter a number, e.g. 12 or 1,500,000.",
};

/**
 * Reads a number as people type it in Vietnam: "1.500.000" (dots group thousands), "2,5" (comma
 * for decimals), or plain "1500000" / "2.5". Money may end with "đ", "đồng" or "VND". Empty text is
 * `undefined`; text that is no number is `null`.
 */
export function parseNumberInput(raw: string, money = false): number | undefined | null {
  let s = raw.replace(/[\s\u00a0]+/g, "");
  if (money) s = s.replace(/(đồng|đ|vnđ|vnd)$/iu, "");
  if (s === "") return undefined;
  let normal: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replaceAll(".", "").replace(",", ".");
  else if (/^-?\d+(,\d+)?$/.test(s)) normal = s.replace(",", ".");
  else if (/^-?\d+(\.\d+)?$/.test(s)) normal = s;
  else return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** A finding's message without its leading "field: ", since it is shown next to that field. */
function fieldMessage(f: Finding): LocalizedText {
  if (f.code === "shape.required") return { vi: "Bắt buộc nhập.", en: "Required." };
  const prefix = `${formatPath(f.path)}: `;
  const strip = (s: string) => (s.startsWith(prefix) ? s.slice(prefix.length) : s);
  if (f.code === "shape.invalid_format" && f.path[0] === "evidenceUrl")
    return {
      vi: "Đường dẫn minh chứng phải là địa chỉ web đầy đủ, bắt đầu bằng http:// hoặc https://.",
      en: "The evidence link must be a full web address starting with http:// or https://.",
    };
  return { vi: strip(f.message.vi), en: strip(f.message.en) };
}

function addError(errors: Record<string, LocalizedText[]>, field: string, message: LocalizedText): void {
  const list = errors[field] ?? [];
  if (!list.some((m) => m.vi === message.vi)) list.push(message);
  errors[field] = list;
}

/** The tracking context of a plan with its planned activities, as the checks need it. */
export function contextWith(plan: Plan, activities: readonly Activity[]): TrackingContext {
  const ctx = createTrackingContext(plan);
  for (const a of activities) ctx.activities.set(a.id, a);
  return ctx;
}

/** Input of `checkRecordForm`. */
export interface RecordFormInput {
  readonly form: Form;
  readonly unitId: string;
  readonly plan: Plan;
  /** Every planned activity of the plan (so an activity of another unit is recognised as such). */
  readonly activities: readonly Activity[];
  /** Today in Vietnam (ISO date): a result cannot be dated later. */
  readonly today: string;
  /** The id the new record gets. */
  readonly id: string;
}

const RECORD_FIELD_OF_PATH: Readonly<Record<string, string>> = { unitId: "activityId", id: "" };

/**
 * Checks the record form. Every field is judged in one go: when some fields are malformed, the
 * plan checks (date inside the plan year, activity of this unit) still run on the others.
 */
export function checkRecordForm(input: RecordFormInput): FormResult<ActualRecord> {
  const values = valuesOf(input.form, RECORD_FIELDS);
  const errors: Record<string, LocalizedText[]> = {};
  const candidate: Record<string, unknown> = { id: input.id, unitId: input.unitId };
  if (values.activityId !== "") candidate.activityId = values.activityId;
  if (values.date !== "") candidate.date = values.date;
  const numbers: ReadonlyArray<readonly [string, boolean]> = [
    ["output", false],
    ["participants", false],
    ["costVnd", true],
  ];
  const unreadable = new Set<string>();
  for (const [field, money] of numbers) {
    const n = parseNumberInput(values[field] ?? "", money);
    if (n === null) {
      unreadable.add(field);
      addError(errors, field, NUMBER_INVALID);
    } else if (n !== undefined) candidate[field] = n;
  }
  if (values.evidenceUrl !== "") candidate.evidenceUrl = values.evidenceUrl;
  if (values.note !== "") candidate.note = values.note;

  const ctx = contextWith(input.plan, input.activities);
  const first = checkRecord(candidate, ctx);
  const fieldOf = (f: Finding) => {
    const key = String(f.path[0] ?? "");
    return RECORD_FIELD_OF_PATH[key] ?? key;
  };
  for (const f of first.findings)
    if (!unreadable.has(fieldOf(f))) addError(errors, fieldOf(f), fieldMessage(f));

  // A malformed field stops zod before the plan checks run; check again with neutral stand-ins for
  // every field that drew a message, and keep only what that says about the other fields.
  const broken = new Set([...first.findings.map(fieldOf), ...unreadable]);
  if (first.findings.some((f) => f.code.startsWith("shape.") || f.code === "tracking.negative-quantity")) {
    const stand = { ...candidate };
    const own = input.activities.find((a) => a.unitId === input.unitId);
    const neutral: Record<string, unknown> = {
      activityId: own?.id ?? "",
      date: `${input.plan.year}-01-01`,
      output: 0,
    };
    for (const field of broken) {
      if (field in neutral) stand[field] = neutral[field];
      else delete stand[field];
    }
    if (broken.has("activityId")) stand.unitId = input.unitId;
    for (const f of checkRecord(stand, ctx).findings)
      if (!broken.has(fieldOf(f))) addError(errors, fieldOf(f), fieldMessage(f));
  }

  if (!errors.date && typeof candidate.date === "string" && candidate.date > input.today)
    addError(errors, "date", {
      vi: `Ngày thực hiện không được sau hôm nay (${input.today}).`,
      en: `The date cannot be after today (${input.today}).`,
    });
  const ok = Object.keys(errors).length === 0;
  return { value: ok ? first.value : undefined, errors, values };
}

/** Input of `checkReportForm`. */
export interface ReportFormInput {
  readonly form: Form;
  readonly unitId: string;
  readonly plan: Plan;
  /** The unit's activities with records in the period (the report covers them). */
  readonly activityIds: (periodId: string) => readonly string[];
  /** The submission instant, with its offset. */
  readonly submittedAt: string;
  readonly today: string;
  readonly id: string;
}

/** Checks the period report form: a period of the plan's calendar whose data window has begun. */
export function checkReportForm(input: ReportFormInput): FormResult<UnitReport> {
  const values = valuesOf(input.form, REPORT_FIELDS);
  const errors: Record<string, LocalizedText[]> = {};
  const candidate: Record<string, unknown> = {
    id: input.id,
    unitId: input.unitId,
    submittedAt: input.submittedAt,
    activityIds: values.periodId === "" ? [] : [...input.activityIds(values.periodId ?? "")],
  };
  if (values.periodId !== "") candidate.periodId = values.periodId;
  if (values.summary !== "") candidate.summary = values.summary;
  const checked = checkReport(candidate, createTrackingContext(input.plan));
  for (const f of checked.findings) {
    const key = String(f.path[0] ?? "");
    addError(errors, key === "unitId" || key === "id" ? "" : key, fieldMessage(f));
  }
  const period = planCalendar(input.plan).find((p) => p.id === values.periodId);
  if (!errors.periodId && period && period.cutoffStart > input.today)
    addError(errors, "periodId", {
      vi: `Kỳ "${period.label.vi}" chưa bắt đầu (số liệu tính từ ${period.cutoffStart}).`,
      en: `The period "${period.label.en}" has not begun (its data window starts ${period.cutoffStart}).`,
    });
  const ok = Object.keys(errors).length === 0;
  return { value: ok ? checked.value : undefined, errors, values };
}
