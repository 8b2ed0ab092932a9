/**
 * Renderings of a plan that need no library: canonical JSON (stable for diffs and storage), plain
 * text that reads line for line like the issued document, and Markdown for portals and READMEs.
 */
import { formatPlaceAndDate } from "./documentDate.js";
import { addresseeLines, type PlanBlock, planDocument, recipientLines } from "./documentOutline.js";
import {
  type ColumnFormat,
  formatCell,
  type OfficialDocument,
  officialDocument,
} from "./officialDocument.js";
import { type Plan, PlanSchema } from "./plan.js";

/**
 * Canonical JSON of a parsed plan: keys in schema order, defaults filled in, two-space indent,
 * newline at the end, so the same plan always gives the same bytes.
 */
export function renderPlanJson(plan: Plan): string {
  // Re-parsing puts keys in schema order whatever order the object was built in.
  const parsed = PlanSchema.safeParse(plan);
  return `${JSON.stringify(parsed.success ? parsed.data : plan, null, 2)}\n`;
}

function blockText(b: PlanBlock): string {
  switch (b.type) {
    case "table":
      // One line a row, cells apart by " | ", the header first (the budget table under Kinh phí).
      return [
        b.columns.map((c) => c.header).join(" | "),
        ...b.rows.map((row) => b.columns.map((c, i) => formatCell(row[i] ?? null, c.format)).join(" | ")),
      ].join("\n");
    case "section":
    case "subsection":
    case "item":
      return `${b.label} ${b.text}`;
    case "dash":
      return `- ${b.text}`;
    case "paragraph":
      return b.text;
  }
}

/**
 * The plan as plain text in the official outline (I. / 1. / a) / -), one paragraph a line:
 * the form the seed document was published in, and the easiest to compare with it.
 */
export function renderPlanText(plan: Plan): string {
  const doc = planDocument(plan);
  const lines: string[] = [];
  if (doc.parentBody !== undefined) lines.push(doc.parentBody.toLocaleUpperCase("vi"));
  lines.push(doc.issuer.toLocaleUpperCase("vi"), doc.numberLine, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  lines.push("Độc lập - Tự do - Hạnh phúc", formatPlaceAndDate(plan.place, plan.date, plan.year), "");
  // The title as the data has it (the seed writes it in capitals), so the text compares with the
  // source line for line; the official renderings put it in lower case (`summaryLine`).
  lines.push(doc.documentTitle, plan.title);
  for (const b of doc.body) lines.push(blockText(b));
  lines.push("");
  if (doc.recipients.length > 0) lines.push("Nơi nhận:", ...recipientLines(doc.recipients));
  if (doc.signer) {
    lines.push("");
    if (doc.signer.authority !== undefined) lines.push(doc.signer.authority);
    lines.push(doc.signer.title, doc.signer.name);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Escapes text so a person's words never turn into Markdown markup: inline markers anywhere,
 * block markers ("1.", "-", "+", "=", ">") at the start, and line breaks, which would start a new
 * block.
 */
export function escapeMarkdown(text: string): string {
  return escapeMarkdownInline(text).replace(
    /^(\s*)([-+=]|\d+(?=[.)]))/,
    (_m, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
  );
}

/** Escapes inline markup and line breaks only: for table cells, where block markers mean nothing. */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** The plan as Markdown that reads like the issued plan, with the Decree 30 header as a table. */
export function renderPlanMarkdown(plan: Plan): string {
  return renderDocumentMarkdown(officialDocument({ kind: "plan", plan }));
}

function addresseeMarkdown(addressees: readonly string[]): string[] {
  const lines = addresseeLines(addressees);
  return lines.length === 0 ? [] : [lines.join("<br>"), ""];
}

/** Any official document (plan, report, score sheet, calendar) as Markdown. */
export function renderDocumentMarkdown(doc: OfficialDocument): string {
  const e = escapeMarkdown;
  const left = [
    ...(doc.parentBody === undefined ? [] : [e(doc.parentBody.toLocaleUpperCase("vi"))]),
    `**${e(doc.issuer.toLocaleUpperCase("vi"))}**`,
  ].join("<br>");
  const out: string[] = [
    `| ${left} | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |`,
    "|:---:|:---:|",
    `| ${e(doc.numberLine)} | **Độc lập - Tự do - Hạnh phúc** |`,
    `|  | *${e(doc.placeDate)}* |`,
    "",
    `# ${doc.documentTitle}`,
    "",
    `**${e(doc.summary)}**`,
    "",
    ...addresseeMarkdown(doc.addressees.map(e)),
  ];
  for (const b of doc.body) {
    switch (b.type) {
      case "section":
        out.push(`## ${b.label} ${e(b.text)}`, "");
        break;
      case "subsection":
        out.push(`### ${b.label} ${e(b.text)}`, "");
        break;
      case "item":
        out.push(`${b.label} ${e(b.text)}`, "");
        break;
      case "dash":
        out.push(`- ${e(b.text)}`, "");
        break;
      case "paragraph":
        out.push(e(b.text), "");
        break;
      case "table": {
        const align = (f: ColumnFormat) => (f === "text" || f === "date" ? ":---" : "---:");
        out.push(
          `| ${b.columns.map((c) => e(c.header)).join(" | ")} |`,
          `|${b.columns.map((c) => align(c.format)).join("|")}|`,
          ...b.rows.map(
            (row) =>
              `| ${b.columns.map((c, i) => escapeMarkdownInline(formatCell(row[i] ?? null, c.format))).join(" | ")} |`,
          ),
          "",
        );
        break;
      }
    }
  }
  if (doc.recipients.length > 0) {
    out.push("***Nơi nhận:***", "");
    for (const line of recipientLines(doc.recipients.map(e))) out.push(line);
    out.push("");
  }
  if (doc.signer) {
    const s = doc.signer;
    out.push(
      [
        ...(s.authority === undefined ? [] : [`**${e(s.authority)}**`]),
        `**${e(s.title)}**`,
        "",
        `**${e(s.name)}**`,
      ]
        .map((l) => (l === "" ? ">" : `> ${l}`))
        .join("\n"),
      "",
    );
  }
  return out.join("\n");
}
