/**
 * The plan laid out as the issued document reads: header, title, numbered sections (I. / 1. /
 * a) / -), recipients and signature. Text, Markdown and the document exporters all render this one
 * outline, so the numbering rules live in one place.
 */
import { FUNDING_KINDS } from "./catalogues.js";
import type { Plan } from "./plan.js";
import { outlineLetter, romanNumeral } from "./text.js";

/** One block of the document body, in reading order. */
export type OutlineBlock =
  | { readonly type: "section"; readonly label: string; readonly text: string }
  | { readonly type: "subsection"; readonly label: string; readonly text: string }
  | { readonly type: "item"; readonly label: string; readonly text: string }
  | { readonly type: "dash"; readonly text: string }
  | { readonly type: "paragraph"; readonly text: string };

/** How a table column's values are written. */
export type ColumnFormat = "text" | "integer" | "number" | "vnd" | "percent" | "date";

/** A column of a table block. */
export interface TableColumn {
  readonly header: string;
  readonly format: ColumnFormat;
  /** Relative width (the renderer scales the columns to the text width). */
  readonly width: number;
}

/** A table in the body; cells hold raw values, formatted by the column's format. */
export interface TableBlock {
  readonly type: "table";
  readonly columns: readonly TableColumn[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

/** A block of the plan's body: outline text, or a table (the budget lines under Kinh phí). */
export type PlanBlock = OutlineBlock | TableBlock;

/** Everything an official rendering of the plan needs, already numbered. */
export interface PlanDocument {
  readonly parentBody: string | undefined;
  readonly issuer: string;
  /** "Số: 12/KH-BTTTT", or a blank to fill in ("Số: …/KH-BTTTT") for a draft. */
  readonly numberLine: string;
  readonly documentTitle: string;
  readonly summary: string;
  readonly body: readonly PlanBlock[];
  /** Recipient lines without the leading dash and trailing punctuation. */
  readonly recipients: readonly string[];
  readonly signer: Plan["signer"];
}

interface Sub {
  readonly heading: string;
  readonly blocks: readonly PlanBlock[];
}

/** Default headings of the outline, as the 2018 plan words them; a plan may word them its own way. */
export const DEFAULT_HEADINGS = {
  objectivesSection: "MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG TUYÊN TRUYỀN",
  objectives: "Mục tiêu",
  requirements: "Yêu cầu",
  audiences: "Đối tượng tuyên truyền",
  contentSection: "NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
  contentAreas: "Nội dung tuyên truyền",
  channels: "Hình thức tuyên truyền",
  implementationSection: "TỔ CHỨC THỰC HIỆN",
  responsibilities: "Trách nhiệm của các cơ quan, đơn vị",
  funding: "Kinh phí triển khai",
  reporting: "Chế độ báo cáo",
} as const;

const lettered = (texts: readonly string[]): OutlineBlock[] =>
  texts.map((text, i) => ({ type: "item", label: `${outlineLetter(i)})`, text }));

function section(label: string, text: string, subs: readonly Sub[]): PlanBlock[] {
  const present = subs.filter((s) => s.blocks.length > 0);
  if (present.length === 0) return [];
  return [
    { type: "section", label, text },
    ...present.flatMap((s, i): PlanBlock[] => [
      { type: "subsection", label: `${i + 1}.`, text: s.heading },
      ...s.blocks,
    ]),
  ];
}

/**
 * The plan's budget lines as a table (STT, nội dung, nguồn kinh phí, đơn vị thực hiện, kinh phí in
 * đồng) with the total in its last row; undefined when the plan has none. The amounts are whole
 * đồng, written with Vietnamese grouping by the column's `vnd` format.
 */
export function budgetTable(plan: Plan): TableBlock | undefined {
  if (plan.budgetLines.length === 0) return undefined;
  const source = (id: string) => {
    const i = plan.fundingSources.findIndex((f) => f.id === id);
    return i < 0 ? id : (FUNDING_KIND_LABELS[plan.fundingSources[i]?.kind ?? ""] ?? `Nguồn ${i + 1}`);
  };
  const unit = (id: string | undefined) =>
    id === undefined ? "" : (plan.units.find((u) => u.id === id)?.name ?? id);
  const total = plan.budgetLines.reduce((sum, b) => sum + b.amountVnd, 0);
  return {
    type: "table",
    columns: [
      { header: "STT", format: "integer", width: 4 },
      { header: "Nội dung", format: "text", width: 26 },
      { header: "Nguồn kinh phí", format: "text", width: 12 },
      { header: "Đơn vị thực hiện", format: "text", width: 14 },
      { header: "Kinh phí (đồng)", format: "vnd", width: 11 },
    ],
    rows: [
      ...plan.budgetLines.map((b, i) => [
        i + 1,
        b.description,
        source(b.fundingSourceId),
        unit(b.unitId),
        b.amountVnd,
      ]),
      [null, "Tổng cộng", null, null, Number.isSafeInteger(total) ? total : null],
    ],
  };
}

/** How a budget line's funding source is named in the table: the catalogue's name of its kind. */
const FUNDING_KIND_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  FUNDING_KINDS.map((k) => [k.code, k.label.vi]),
);

/** Abbreviations that stay in capitals when a title written in capitals is put in lower case. */
const KEPT_ABBREVIATIONS = ["CCHC", "TTHC", "PAR", "UBND", "HĐND", "MTTQ", "CNTT", "TTTT", "KH&CN", "ĐTTG"];

/**
 * The trích yếu (summary line under "KẾ HOẠCH") as Decree 30 writes it: bold, in lower case with a
 * capital first letter. A title stored in capitals, as the 2018 seed's is, is put in lower case
 * here while the data keeps its capitals; the names of the issuer, the parent body and the plan's
 * units (and their place names: "tỉnh Lào Cai", "xã Bảo Thắng"), abbreviations of the plan and
 * common ones (CCHC, UBND…) and Roman numerals after "quý", "giai đoạn"… get their capitals back. A title already written
 * in lower case is left as it is, its first letter raised.
 */
export function summaryLine(plan: Plan): string {
  const title = plan.title.trim();
  const upperFirst = (t: string) => (t === "" ? t : t.charAt(0).toLocaleUpperCase("vi") + t.slice(1));
  if (title !== title.toLocaleUpperCase("vi") || title === title.toLocaleLowerCase("vi"))
    return upperFirst(title);
  const names = [plan.issuer.name, plan.parentBody?.name, ...plan.units.map((u) => u.name)].filter(
    (n): n is string => n !== undefined && n.trim() !== "",
  );
  // Whole names first, then runs of two or more capitalised words inside them (place names).
  const phrases = new Set<string>(names);
  for (const n of names)
    for (const run of n.match(/\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*)+/gu) ?? []) phrases.add(run);
  let out = title.toLocaleLowerCase("vi");
  const restore = (phrase: string) => {
    const lower = phrase.toLocaleLowerCase("vi");
    let from = 0;
    for (;;) {
      const at = out.indexOf(lower, from);
      if (at < 0) return;
      const before = out[at - 1];
      const after = out[at + lower.length];
      const edge = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}]/u.test(c);
      if (edge(before) && edge(after)) out = out.slice(0, at) + phrase + out.slice(at + lower.length);
      from = at + lower.length;
    }
  };
  for (const p of [...phrases].sort((a, b) => b.length - a.length)) restore(p);
  const abbreviations = [
    ...KEPT_ABBREVIATIONS,
    ...[plan.issuer.abbreviation, ...plan.units.map((u) => u.abbreviation)].filter(
      (a): a is string => a !== undefined && a.length > 1,
    ),
  ];
  for (const a of abbreviations) restore(a);
  // Roman numerals after the words that take them ("quý II", "giai đoạn III"); "vi" alone is a word.
  out = out.replace(
    /(quý|giai đoạn|phần|khóa|đợt|chương) ([ivx]+)(?=$|[^\p{L}])/gu,
    (_m, word: string, numeral: string) => `${word} ${numeral.toUpperCase()}`,
  );
  return upperFirst(out);
}

/** Lays the plan out in the official outline. */
export function planDocument(plan: Plan): PlanDocument {
  const h = { ...DEFAULT_HEADINGS, ...plan.headings };
  const topAreas = plan.contentAreas.filter(
    (c) => c.parentId === undefined || !plan.contentAreas.some((p) => p.id === c.parentId),
  );
  const contentBlocks = topAreas.flatMap((area, i): OutlineBlock[] => [
    { type: "item", label: `${outlineLetter(i)})`, text: area.text },
    ...plan.contentAreas
      .filter((c) => c.parentId === area.id)
      .map((c): OutlineBlock => ({ type: "dash", text: c.text })),
  ]);
  const audienceBlocks: OutlineBlock[] =
    plan.audiences.length === 1
      ? [{ type: "paragraph", text: plan.audiences[0]?.text ?? "" }]
      : plan.audiences.map((a) => ({ type: "dash", text: a.text }));
  const responsibilityBlocks = plan.responsibilities.flatMap((r, i): OutlineBlock[] => [
    { type: "item", label: `${outlineLetter(i)})`, text: r.text },
    ...r.duties.map((d): OutlineBlock => ({ type: "dash", text: d })),
  ]);
  const allTexts = new Set(
    [...plan.responsibilities.flatMap((r) => [r.text, ...r.duties])].map((t) => t.trim()),
  );
  const budget = budgetTable(plan);
  const reportingText = plan.reporting?.text;
  const reportingBlocks: OutlineBlock[] =
    reportingText !== undefined && !allTexts.has(reportingText)
      ? [{ type: "paragraph", text: reportingText }]
      : [];
  const sections = [
    section("", h.objectivesSection, [
      { heading: h.objectives, blocks: lettered(plan.objectives.map((o) => o.text)) },
      { heading: h.requirements, blocks: lettered(plan.requirements.map((r) => r.text)) },
      { heading: h.audiences, blocks: audienceBlocks },
    ]),
    section("", h.contentSection, [
      { heading: h.contentAreas, blocks: contentBlocks },
      { heading: h.channels, blocks: lettered(plan.channels.map((c) => c.text)) },
    ]),
    section("", h.implementationSection, [
      { heading: h.responsibilities, blocks: responsibilityBlocks },
      {
        heading: h.funding,
        blocks: [
          ...plan.fundingSources.map((f): OutlineBlock => ({ type: "dash", text: f.text })),
          ...(budget === undefined ? [] : [budget]),
        ],
      },
      { heading: h.reporting, blocks: reportingBlocks },
    ]),
  ].filter((s) => s.length > 0);
  // Number the sections that are present: I., II., III.
  const body = sections.flatMap((blocks, i) =>
    blocks.map((b, j) => (j === 0 && b.type === "section" ? { ...b, label: `${romanNumeral(i + 1)}.` } : b)),
  );
  const abbreviation = plan.issuer.abbreviation;
  return {
    parentBody: plan.parentBody?.name,
    issuer: plan.issuer.name,
    numberLine:
      plan.number !== undefined
        ? `Số: ${plan.number}`
        : `Số: …/${plan.documentType}${abbreviation === undefined ? "" : `-${abbreviation}`}`,
    documentTitle: "KẾ HOẠCH",
    summary: summaryLine(plan),
    body,
    recipients: plan.recipients.map((r) => r.text.replace(/[;.]\s*$/u, "")),
    signer: plan.signer,
  };
}

/** The "- …;" lines of the recipients block, the last ending with a full stop. */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? "." : ";"}`);
}

/**
 * The "Kính gửi:" block of a report sent upward: one addressee on the line itself
 * ("Kính gửi: Bộ Nội vụ."), several as "- …;" lines under it.
 */
export function addresseeLines(addressees: readonly string[]): string[] {
  if (addressees.length === 0) return [];
  if (addressees.length === 1) return [`Kính gửi: ${addressees[0]}.`];
  return ["Kính gửi:", ...recipientLines(addressees)];
}
