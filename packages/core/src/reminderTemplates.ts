/**
 * Message templates of reminders: Vietnamese first, English alongside, one template per kind of
 * reminder, each overridable by the agency. A template is text with `{placeholder}`s; a
 * placeholder the library does not know is an error found before anything is sent, never a
 * message that reaches a unit with "{dedline}" in it.
 */
import type { Finding } from "./finding.js";
import type { LocalizedText } from "./text.js";

/** Subject and body of one kind of reminder, in both languages. */
export interface MessageTemplate {
  readonly subject: LocalizedText;
  readonly body: LocalizedText;
}

/**
 * An agency's overrides: by kind ("before" for every before-N stage, or "before-7" for one stage,
 * "due-today", "overdue"); any part left out keeps the default text.
 */
export type ReminderTemplates = {
  readonly [kind: string]:
    | {
        readonly subject?: Partial<LocalizedText>;
        readonly body?: Partial<LocalizedText>;
      }
    | undefined;
};

/**
 * Every placeholder a template may use. Values are in the template's language and read mid-sentence:
 * `{period}` is "quý I năm 2018" in Vietnamese and "Q1 2018" in English (`{periodTitle}` starts with a
 * capital, for the start of a line), `{days}` is "11 ngày" / "11 days". A reminder that names several
 * reports due on the same day (quý II and 6 tháng đầu năm) lists them all in `{period}` and `{report}`.
 */
export const TEMPLATE_PLACEHOLDERS = {
  unit: { vi: "tên đơn vị nhận thư", en: "name of the unit the message goes to" },
  period: {
    vi: "tên kỳ báo cáo giữa câu (quý I năm 2018; nhiều kỳ: quý II năm 2018 và 6 tháng đầu năm 2018)",
    en: "label of the reporting period(s) mid-sentence (Q1 2018; Q2 2018 and first half of 2018)",
  },
  periodTitle: {
    vi: "tên kỳ báo cáo viết hoa chữ đầu, cho đầu dòng (Quý I năm 2018)",
    en: "label of the period(s) with a capital first letter, for the start of a line",
  },
  periodId: { vi: "mã kỳ báo cáo (2018Q1; nhiều kỳ: 2018Q2, 2018S1)", en: "period id(s) (2018Q1)" },
  report: {
    vi: "tên đầy đủ của báo cáo: báo cáo kết quả thực hiện tuyên truyền cải cách hành chính quý I năm 2018, kèm “lồng ghép trong …” khi kế hoạch quy định (reporting.integratedWith)",
    en: "the report(s) in full, with “folded into …” when the plan says so (reporting.integratedWith)",
  },
  reportNoun: { vi: "“báo cáo”", en: "“report”, or “reports” when the message names several" },
  leadUnit: {
    vi: "đơn vị nhận báo cáo: reporting.recipientUnitId, nếu không có thì đơn vị chủ trì (vai trò lead)",
    en: "where reports go: reporting.recipientUnitId, else the plan's lead unit(s)",
  },
  deadline: { vi: "hạn nộp, dd/mm/yyyy", en: "deadline, dd/mm/yyyy" },
  days: { vi: "số ngày còn lại, có đơn vị (11 ngày)", en: "days left, with the word (11 days)" },
  daysLeft: { vi: "số ngày còn lại (số)", en: "days left (a number)" },
  daysOverdue: { vi: "số ngày đã quá hạn, có đơn vị", en: "days past the deadline, with the word" },
  missing: {
    vi: "những gì còn thiếu: báo cáo của đơn vị, hoặc danh sách đơn vị chưa nộp (thư quá hạn)",
    en: "what is missing: the unit's report, or the list of units that have not reported (overdue)",
  },
  missingCount: { vi: "số đơn vị chưa nộp (số)", en: "number of units missing (a number)" },
  missingUnits: { vi: "số đơn vị chưa nộp, có đơn vị", en: "units missing, with the word" },
  issuer: { vi: "cơ quan ban hành kế hoạch", en: "the agency that issued the plan" },
  plan: { vi: "trích yếu kế hoạch", en: "the plan's title" },
  year: { vi: "năm kế hoạch", en: "the plan's year" },
} as const satisfies Record<string, LocalizedText>;

/** A placeholder name. */
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

/** The values of every placeholder for one message, in one language. */
export type TemplateValues = Record<TemplatePlaceholder, string>;

const SIGNATURE_VI = "Thư được gửi tự động từ hệ thống theo dõi kế hoạch tuyên truyền CCHC.";
const SIGNATURE_EN = "This message was sent automatically by the PAR communication plan tracker.";

/**
 * The library's templates, used for any kind or part an agency does not override. "Chưa nhận được" /
 * "not yet received" appears only on and after the deadline: before it, a reminder is a reminder, not a
 * reproach.
 */
export const DEFAULT_TEMPLATES: {
  readonly before: MessageTemplate;
  readonly "due-today": MessageTemplate;
  readonly overdue: MessageTemplate;
} = {
  before: {
    subject: {
      vi: "Nhắc báo cáo {period}: hạn nộp {deadline} (còn {days})",
      en: "Reminder: {period} {reportNoun} due {deadline} ({days} left)",
    },
    body: {
      vi: `Kính gửi: {unit}

Theo Kế hoạch tuyên truyền cải cách hành chính năm {year} của {issuer}, hạn gửi {report} là ngày {deadline} (còn {days}).

Đề nghị đơn vị gửi báo cáo về {leadUnit} trước ngày {deadline}. Nếu đơn vị đã gửi, xin bỏ qua thư này.

${SIGNATURE_VI}`,
      en: `To: {unit}

Under the {year} administrative-reform communication plan of {issuer}, the deadline for {report} is {deadline} ({days} left).

Please send the {reportNoun} to {leadUnit} by {deadline}. If you have already sent the {reportNoun}, please disregard this message.

${SIGNATURE_EN}`,
    },
  },
  "due-today": {
    subject: {
      vi: "Nhắc báo cáo {period}: hôm nay ({deadline}) là hạn nộp",
      en: "Reminder: today ({deadline}) is the deadline for the {period} {reportNoun}",
    },
    body: {
      vi: `Kính gửi: {unit}

Hôm nay, ngày {deadline}, là hạn gửi {report} theo Kế hoạch tuyên truyền cải cách hành chính năm {year} của {issuer}.

Đến nay {leadUnit} chưa nhận được {missing}. Đề nghị đơn vị gửi báo cáo về {leadUnit} trong ngày hôm nay. Nếu đơn vị đã gửi, xin bỏ qua thư này.

${SIGNATURE_VI}`,
      en: `To: {unit}

Today, {deadline}, is the deadline for {report} under the {year} plan of {issuer}.

Not yet received by {leadUnit}: {missing}. Please send the {reportNoun} to {leadUnit} today. If you have already sent the {reportNoun}, please disregard this message.

${SIGNATURE_EN}`,
    },
  },
  overdue: {
    subject: {
      vi: "Báo cáo {period} quá hạn: {missingUnits} chưa nộp",
      en: "Overdue: {period} {reportNoun} still missing from {missingUnits}",
    },
    body: {
      vi: `Kính gửi: {unit}

Hạn gửi {report} là ngày {deadline} (đã quá {daysOverdue}). Đến nay chưa nhận được báo cáo của {missingUnits}:
{missing}

Đề nghị đơn vị chủ trì đôn đốc các đơn vị trên hoàn thành báo cáo.

${SIGNATURE_VI}`,
      en: `To: {unit}

The deadline for {report} was {deadline} ({daysOverdue} ago). Not yet received from {missingUnits}:
{missing}

As the lead unit, please follow up with them.

${SIGNATURE_EN}`,
    },
  },
};

type Part = "subject" | "body";
type Lang = "vi" | "en";

const PLACEHOLDER_NAMES = new Set(Object.keys(TEMPLATE_PLACEHOLDERS));

/** One piece of a parsed template: literal text or a placeholder. */
type Piece = { readonly text: string } | { readonly name: string };

/** Splits a template into text and `{name}` pieces; `{{` and `}}` stand for literal braces. */
function parse(template: string): { pieces: Piece[] } | { error: string } {
  const pieces: Piece[] = [];
  let text = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    const next = template[i + 1];
    if ((c === "{" && next === "{") || (c === "}" && next === "}")) {
      text += c;
      i++;
    } else if (c === "{") {
      const end = template.indexOf("}", i + 1);
      if (end === -1) return { error: `"{" at ${i} is never closed` };
      if (text !== "") pieces.push({ text });
      text = "";
      pieces.push({ name: template.slice(i + 1, end).trim() });
      i = end;
    } else if (c === "}") {
      return { error: `"}" at ${i} has no opening "{"` };
    } else text += c;
  }
  if (text !== "") pieces.push({ text });
  return { pieces };
}

/** Fills a template that `checkTemplates` accepted. */
export function fillTemplate(template: string, values: TemplateValues): string {
  const parsed = parse(template);
  if ("error" in parsed) throw new RangeError(`fillTemplate: ${parsed.error}`);
  return parsed.pieces
    .map((p) => ("text" in p ? p.text : (values[p.name as TemplatePlaceholder] ?? `{${p.name}}`)))
    .join("");
}

/**
 * Checks an agency's overrides: kinds must be "before", "before-N" for a configured N,
 * "due-today" or "overdue"; each part a string whose placeholders are all known. Returns findings
 * (errors) with the path of the faulty text, e.g. `["templates", "overdue", "body", "vi"]`.
 */
export function checkTemplates(
  templates: ReminderTemplates | undefined,
  kinds: readonly string[],
): Finding[] {
  const findings: Finding[] = [];
  if (templates === undefined) return findings;
  if (typeof templates !== "object" || templates === null || Array.isArray(templates))
    return [
      {
        code: "reminder.templates-invalid",
        severity: "error",
        path: ["templates"],
        message: {
          vi: "Mẫu thư phải là một đối tượng theo loại nhắc nhở.",
          en: "Templates must be an object keyed by reminder kind.",
        },
      },
    ];
  const allowed = new Set(["before", "due-today", "overdue", ...kinds]);
  for (const [kind, override] of Object.entries(templates)) {
    if (!allowed.has(kind)) {
      findings.push({
        code: "reminder.template-kind-unknown",
        severity: "error",
        path: ["templates", kind],
        message: {
          vi: `Không có loại nhắc nhở "${kind}"; dùng ${[...allowed].join(", ")}.`,
          en: `Unknown reminder kind "${kind}"; use ${[...allowed].join(", ")}.`,
        },
      });
      continue;
    }
    if (override === undefined) continue;
    for (const part of ["subject", "body"] as const) {
      const texts = (override as Record<string, unknown>)[part];
      if (texts === undefined) continue;
      for (const lang of ["vi", "en"] as const) {
        const text = (texts as Record<string, unknown>)?.[lang];
        if (text === undefined) continue;
        const path = ["templates", kind, part, lang];
        if (typeof text !== "string" || text.trim() === "") {
          findings.push({
            code: "reminder.template-invalid",
            severity: "error",
            path,
            message: {
              vi: "Mẫu thư phải là một chuỗi ký tự không rỗng.",
              en: "A template must be a non-empty string.",
            },
          });
          continue;
        }
        const parsed = parse(text);
        if ("error" in parsed) {
          findings.push({
            code: "reminder.template-syntax",
            severity: "error",
            path,
            message: {
              vi: `Mẫu thư sai cú pháp: ${parsed.error} (viết "{{" hoặc "}}" cho dấu ngoặc nhọn thường).`,
              en: `Template syntax error: ${parsed.error} (write "{{" or "}}" for a literal brace).`,
            },
          });
          continue;
        }
        for (const p of parsed.pieces)
          if ("name" in p && !PLACEHOLDER_NAMES.has(p.name))
            findings.push({
              code: "reminder.template-placeholder-unknown",
              severity: "error",
              path,
              message: {
                vi: `Mẫu thư dùng chỗ trống không có "{${p.name}}"; dùng: ${[...PLACEHOLDER_NAMES].map((n) => `{${n}}`).join(", ")}.`,
                en: `Unknown placeholder "{${p.name}}"; available: ${[...PLACEHOLDER_NAMES].map((n) => `{${n}}`).join(", ")}.`,
              },
            });
      }
    }
  }
  return findings;
}

/** The template of one part and language for a kind: the most specific override, else the default. */
export function templateText(
  templates: ReminderTemplates | undefined,
  kind: string,
  part: Part,
  lang: Lang,
): string {
  const family = kind.startsWith("before-") ? "before" : kind;
  const own = templates?.[kind]?.[part]?.[lang];
  if (own !== undefined) return own;
  const shared = family === kind ? undefined : templates?.[family]?.[part]?.[lang];
  if (shared !== undefined) return shared;
  const base = DEFAULT_TEMPLATES[family as keyof typeof DEFAULT_TEMPLATES] ?? DEFAULT_TEMPLATES.before;
  return base[part][lang];
}
