/**
 * The plan laid out as the issued document reads: header, title, numbered sections (I. / 1. /
 * a) / -), recipients and signature. Text, Markdown and the document exporters all render this one
 * outline, so the numbering rules live in one place.
 */
import type { Plan } from "./plan.js";
import { outlineLetter, romanNumeral } from "./text.js";

/** One block of the document body, in reading order. */
export type OutlineBlock =
  | { readonly type: "section"; readonly label: string; readonly text: string }
  | { readonly type: "subsection"; readonly label: string; readonly text: string }
  | { readonly type: "item"; readonly label: string; readonly text: string }
  | { readonly type: "dash"; readonly text: string }
  | { readonly type: "paragraph"; readonly text: string };

/** Everything an official rendering of the plan needs, already numbered. */
export interface PlanDocument {
  readonly parentBody: string | undefined;
  readonly issuer: string;
  /** "Số: 12/KH-BTTTT", or a blank to fill in ("Số: …/KH-BTTTT") for a draft. */
  readonly numberLine: string;
  readonly documentTitle: string;
  readonly summary: string;
  readonly body: readonly OutlineBlock[];
  /** Recipient lines without the leading dash and trailing punctuation. */
  readonly recipients: readonly string[];
  readonly signer: Plan["signer"];
}

interface Sub {
  readonly heading: string;
  readonly blocks: readonly OutlineBlock[];
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

function section(label: string, text: string, subs: readonly Sub[]): OutlineBlock[] {
  const present = subs.filter((s) => s.blocks.length > 0);
  if (present.length === 0) return [];
  return [
    { type: "section", label, text },
    ...present.flatMap((s, i): OutlineBlock[] => [
      { type: "subsection", label: `${i + 1}.`, text: s.heading },
      ...s.blocks,
    ]),
  ];
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
        blocks: plan.fundingSources.map((f): OutlineBlock => ({ type: "dash", text: f.text })),
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
    summary: plan.title,
    body,
    recipients: plan.recipients.map((r) => r.text.replace(/[;.]\s*$/u, "")),
    signer: plan.signer,
  };
}

/** The "- …;" lines of the recipients block, the last ending with a full stop. */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((r, i) => `- ${r}${i === recipients.length - 1 ? "." : ";"}`);
}
