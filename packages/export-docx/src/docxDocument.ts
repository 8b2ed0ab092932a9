/**
 * An official document laid out in Word the way Decree 30/2020/NĐ-CP prescribes: A4 portrait,
 * Times New Roman, the two-column header (issuing body and number on the left, national title,
 * motto, place and date on the right, with their rules), title and summary, justified body with
 * first-line indent, tables whose header row repeats on every page, recipients on the left and the
 * signature on the right, page numbers centred at the top from page 2.
 */
import {
  addresseeLines,
  type DocumentBlock,
  formatCell,
  DECREE30_LAYOUT as L,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  recipientLines,
  SIGNER_PLACEHOLDER,
  type TableBlock,
  tableColumnWidths,
  timesWidthPt,
} from "@cchc/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from "docx";

/** Twentieths of a point per millimetre. */
const twip = (mm: number) => Math.round((mm * 1440) / 25.4);
const halfPoints = (pt: number) => pt * 2;
const ptTwip = (pt: number) => pt * 20;
const upper = (s: string) => s.toLocaleUpperCase("vi");

const TEXT_WIDTH_MM = L.pageMm.width - L.marginsMm.left - L.marginsMm.right;
const TEXT_WIDTH = twip(TEXT_WIDTH_MM);
const LINE = Math.round(240 * L.lineSpacing);
const RULE = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } as const;
const NO_BORDERS = TableBorders.NONE;

interface RunStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italics?: boolean;
}

function run(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text,
    size: halfPoints(style.size),
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
  });
}

/** A centred line (or lines) of the header or the title block, without paragraph spacing. */
function centred(
  text: string | readonly string[],
  style: RunStyle,
  spacing: { before?: number; after?: number } = {},
): Paragraph {
  const lines = typeof text === "string" ? [text] : text;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: {
      before: spacing.before ?? 0,
      after: spacing.after ?? 0,
      line: 240,
      lineRule: LineRuleType.AUTO,
    },
    children: lines.map((l, i) =>
      i === 0
        ? run(l, style)
        : new TextRun({ text: l, break: 1, size: halfPoints(style.size), bold: style.bold }),
    ),
  });
}

/**
 * A horizontal rule of `lengthPt`, centred in a space `spaceTwip` wide: an empty paragraph three
 * points high with a bottom border between its indents (Word and LibreOffice both draw it so).
 */
function rule(lengthPt: number, spaceTwip: number): Paragraph {
  const side = Math.max(0, Math.round((spaceTwip - ptTwip(lengthPt)) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: RULE },
    children: [],
  });
}

function cell(children: Paragraph[], widthTwip: number): TableCell {
  return new TableCell({
    children,
    width: { size: widthTwip, type: WidthType.DXA },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    verticalAlign: VerticalAlignTable.TOP,
    borders: {
      top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
      bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
      left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
      right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
    },
  });
}

/** The two-column header: issuing body (and parent body) with number; national title, motto, place and date. */
function headerTable(doc: OfficialDocument): Table {
  // The columns and lines the document model fitted inside the margins (the same as in the PDF).
  const h = doc.header;
  const left = twip(h.leftMm);
  const right = TEXT_WIDTH - left;
  const s = L.sizePt;
  const leftTop = [
    ...(h.parentBodyLines.length === 0 ? [] : [centred(h.parentBodyLines, { size: s.parentBody })]),
    centred(h.issuerLines, { size: s.issuer, bold: true }),
    rule(h.issuerRulePt, left),
  ];
  const rightTop = [
    centred(NATIONAL_TITLE, { size: s.nationalTitle, bold: true }),
    centred(NATIONAL_MOTTO, { size: s.motto, bold: true }),
    rule(h.mottoRulePt, right),
  ];
  const second = { before: ptTwip(6) };
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({ cantSplit: true, children: [cell(leftTop, left), cell(rightTop, right)] }),
      new TableRow({
        cantSplit: true,
        children: [
          cell([centred(doc.numberLine, { size: s.number }, second)], left),
          cell([centred(doc.placeDate, { size: s.placeDate, italics: true }, second)], right),
        ],
      }),
    ],
  });
}

function bodyParagraph(
  text: string,
  opts: { bold?: boolean; keepNext?: boolean; outlineLevel?: number } = {},
) {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: twip(L.firstLineIndentMm) },
    spacing: { before: 0, after: ptTwip(L.paragraphSpacingPt), line: LINE, lineRule: LineRuleType.AUTO },
    ...(opts.keepNext ? { keepNext: true } : {}),
    ...(opts.outlineLevel === undefined ? {} : { outlineLevel: opts.outlineLevel }),
    children: [run(text, { size: L.sizePt.body, ...(opts.bold ? { bold: true } : {}) })],
  });
}

const isNumeric = (format: string) => format !== "text" && format !== "date";

/** `keepEnd`: the last rows stay on the page of what follows (the signature never stands alone). */
function dataTable(block: TableBlock, keepEnd = false): Table {
  const size = L.sizePt.table;
  const padTwip = 70;
  // A column is never narrower than its longest header word, nor than a number or date in it.
  const minimum = block.columns.map((c, i) => {
    const words = c.header.split(/\s+/).map((w) => timesWidthPt(w, size, true));
    const values =
      c.format === "text"
        ? []
        : block.rows.map((r) => timesWidthPt(formatCell(r[i] ?? null, c.format), size, false));
    return ptTwip([...words, ...values].reduce((a, b) => Math.max(a, b), 0)) + 2 * padTwip + 20;
  });
  const widths = tableColumnWidths(
    block.columns.map((c) => c.width),
    TEXT_WIDTH,
    minimum,
  ).map(Math.floor);
  const thin = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
  const margins = { top: 30, bottom: 30, left: padTwip, right: padTwip };
  const textCell = (text: string, width: number, align: "left" | "right" | "center", bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins,
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment:
            align === "right"
              ? AlignmentType.RIGHT
              : align === "center"
                ? AlignmentType.CENTER
                : AlignmentType.LEFT,
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          children: [run(text, { size, bold })],
        }),
      ],
    });
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => textCell(c.header, widths[i] ?? 0, "center", true)),
  });
  const rows =
    block.rows.length === 0
      ? [
          new TableRow({
            children: [
              new TableCell({
                columnSpan: block.columns.length,
                margins,
                children: [
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    children: [run("Không có số liệu.", { size, italics: true })],
                  }),
                ],
              }),
            ],
          }),
        ]
      : block.rows.map(
          (row, r) =>
            new TableRow({
              cantSplit: true,
              ...(keepEnd && r >= block.rows.length - 2 ? { keepNext: true } : {}),
              children: block.columns.map((c, i) =>
                textCell(
                  formatCell(row[i] ?? null, c.format),
                  widths[i] ?? 0,
                  isNumeric(c.format) ? "right" : "left",
                ),
              ),
            }),
        );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: thin,
      bottom: thin,
      left: thin,
      right: thin,
      insideHorizontal: thin,
      insideVertical: thin,
    },
    rows: [head, ...rows],
  });
}

function bodyBlocks(blocks: readonly DocumentBlock[]): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  for (const [i, b] of blocks.entries()) {
    // The last paragraph stays with the signature (Decree 30: the signature page carries text).
    const last = i === blocks.length - 1;
    switch (b.type) {
      case "section":
        out.push(
          bodyParagraph(`${b.label} ${upper(b.text)}`, { bold: true, keepNext: true, outlineLevel: 0 }),
        );
        break;
      case "subsection":
        out.push(bodyParagraph(`${b.label} ${b.text}`, { bold: true, keepNext: true, outlineLevel: 1 }));
        break;
      case "item":
        out.push(bodyParagraph(`${b.label} ${b.text}`, { keepNext: last }));
        break;
      case "dash":
        out.push(bodyParagraph(`- ${b.text}`, { keepNext: last }));
        break;
      case "paragraph":
        out.push(bodyParagraph(b.text, { keepNext: last }));
        break;
      case "table":
        out.push(dataTable(b, last));
        // A table is followed by a paragraph in Word; give it the Decree's spacing.
        out.push(
          new Paragraph({
            spacing: { before: 0, after: ptTwip(L.paragraphSpacingPt) },
            ...(last ? { keepNext: true } : {}),
            children: [],
          }),
        );
        break;
    }
  }
  return out;
}

/** "Nơi nhận:" and its lines on the left; authority, title, signature space and name on the right. */
function closingTable(doc: OfficialDocument): Table {
  const half = Math.floor(TEXT_WIDTH / 2);
  const s = L.sizePt;
  const line = (text: string, style: RunStyle) =>
    new Paragraph({
      alignment: AlignmentType.LEFT,
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      children: [run(text, style)],
    });
  const recipients = recipientLines(doc.recipients);
  const left =
    recipients.length === 0
      ? [new Paragraph({ children: [] })]
      : [
          line("Nơi nhận:", { size: s.recipientsLabel, bold: true, italics: true }),
          ...recipients.map((r) => line(r, { size: s.recipients })),
        ];
  const signer = doc.signer;
  const bold = { size: s.signer, bold: true };
  const right =
    signer === undefined
      ? [
          centred(SIGNER_PLACEHOLDER.title, bold),
          centred(SIGNER_PLACEHOLDER.signature, { size: s.recipients, italics: true }),
          ...Array.from({ length: 3 }, () => centred("", bold)),
          centred(SIGNER_PLACEHOLDER.name, bold),
        ]
      : [
          ...(signer.authority === undefined ? [] : [centred(upper(signer.authority), bold)]),
          centred(upper(signer.title), bold),
          ...Array.from({ length: 4 }, () => centred("", bold)),
          centred(signer.name, bold),
        ];
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, half), cell(right, half)] })],
  });
}

/**
 * "Kính gửi:" of a report sent upward (Decree 30, Appendix I): 14 pt under the summary, centred
 * when it names one addressee, the "- …;" lines under it otherwise.
 */
function addressees(doc: OfficialDocument): Paragraph[] {
  const lines = addresseeLines(doc.addressees);
  if (lines.length === 0) return [];
  const size = L.sizePt.body;
  if (lines.length === 1) return [centred(lines[0] ?? "", { size }, { after: ptTwip(12) })];
  return lines.map(
    (l, i) =>
      new Paragraph({
        indent: { left: i === 0 ? twip(35) : twip(55) },
        keepNext: true,
        spacing: {
          before: 0,
          after: i === lines.length - 1 ? ptTwip(12) : 0,
          line: LINE,
          lineRule: LineRuleType.AUTO,
        },
        children: [run(l, { size })],
      }),
  );
}

/** The Word document of an official document. */
export function docxDocument(doc: OfficialDocument): Document {
  const s = L.sizePt;
  const summaryLine = Math.min(timesWidthPt(doc.summary, s.summary, true), TEXT_WIDTH / 20);
  const body = bodyBlocks(doc.body);
  return new Document({
    title: `${doc.documentTitle} ${doc.summary}`.slice(0, 250),
    creator: doc.issuer,
    description: doc.numberLine,
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: L.font, hAnsi: L.font, cs: L.font, eastAsia: L.font },
            size: halfPoints(s.body),
            language: { value: "vi-VN" },
          },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: {
              width: twip(L.pageMm.width),
              height: twip(L.pageMm.height),
              orientation: PageOrientation.PORTRAIT,
            },
            margin: {
              top: twip(L.marginsMm.top),
              bottom: twip(L.marginsMm.bottom),
              left: twip(L.marginsMm.left),
              right: twip(L.marginsMm.right),
              header: twip(L.pageNumberFromTopMm),
              footer: twip(L.pageNumberFromTopMm),
            },
          },
        },
        headers: {
          // The first page has no number; from page 2 the number sits centred at the top.
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(s.pageNumber) })],
              }),
            ],
          }),
        },
        children: [
          headerTable(doc),
          centred(doc.documentTitle, { size: s.documentTitle, bold: true }, { before: ptTwip(18) }),
          centred(doc.summary, { size: s.summary, bold: true }),
          rule(summaryLine * L.shortRuleRatio, TEXT_WIDTH),
          new Paragraph({ spacing: { before: 0, after: ptTwip(12) }, children: [] }),
          ...addressees(doc),
          ...body,
          new Paragraph({ keepNext: true, spacing: { before: 0, after: ptTwip(6) }, children: [] }),
          closingTable(doc),
        ],
      },
    ],
  });
}

/** Packs the Word document of `doc` into the bytes of a .docx file. */
export async function renderDocx(doc: OfficialDocument): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(docxDocument(doc));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
