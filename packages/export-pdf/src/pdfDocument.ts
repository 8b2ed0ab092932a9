/**
 * An official document laid out on PDF pages the way Decree 30/2020/NĐ-CP prescribes, with the
 * same measurements as the DOCX exporter (`DECREE30_LAYOUT` of the core): A4 portrait, a Times New
 * Roman-metric font (Tinos) embedded in four faces so every Vietnamese letter shows on any machine,
 * the two-column header with its rules, justified body with first-line indent, tables whose header
 * row repeats on each page, recipients left and signature right, page numbers centred at the top
 * from page 2.
 */
import {
  addresseeLines,
  type DocumentBlock,
  type Finding,
  formatCell,
  DECREE30_LAYOUT as L,
  NATIONAL_MOTTO,
  NATIONAL_TITLE,
  type OfficialDocument,
  recipientLines,
  SIGNER_PLACEHOLDER,
  type TableBlock,
  tableColumnWidths,
} from "@cchc/core";
import PDFDocument from "pdfkit";
import type { ParsedFonts } from "./fonts.js";
import { type Align, type Face, type SetLine, type Style, Typesetter } from "./typesetter.js";

const mm = (v: number) => (v * 72) / 25.4;
const upper = (s: string) => s.toLocaleUpperCase("vi");

const PAGE_W = mm(L.pageMm.width);
const PAGE_H = mm(L.pageMm.height);
const M = {
  top: mm(L.marginsMm.top),
  bottom: mm(L.marginsMm.bottom),
  left: mm(L.marginsMm.left),
  right: mm(L.marginsMm.right),
};
const TEXT_W = PAGE_W - M.left - M.right;
const BOTTOM = PAGE_H - M.bottom;
const GAP = L.paragraphSpacingPt;
const INDENT = mm(L.firstLineIndentMm);

/** What laying out a document produced besides the pages. */
export interface PdfLayoutResult {
  readonly bytes: Uint8Array;
  readonly pageCount: number;
  /** Things the layout had to change (a table cell taller than a page, shortened). */
  readonly warnings: readonly Finding[];
}

type Path = ReadonlyArray<string | number>;

class Pages {
  readonly pdf: PDFKit.PDFDocument;
  readonly ts: Typesetter;
  readonly warnings: Finding[] = [];

  constructor(pdf: PDFKit.PDFDocument, fonts: ParsedFonts) {
    this.pdf = pdf;
    this.ts = new Typesetter(pdf, fonts);
  }

  use(style: Style): this {
    this.ts.use(style);
    return this;
  }

  /** Extra leading for `DECREE30_LAYOUT.lineSpacing` lines, as Word's "multiple" line spacing. */
  lineGap(style: Style): number {
    return this.ts.lineHeight(style) * (L.lineSpacing - 1);
  }

  get y(): number {
    return this.pdf.y;
  }

  set y(v: number) {
    this.pdf.y = v;
  }

  /** Starts a new page when fewer than `height` points remain. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM && height <= BOTTOM - M.top) this.newPage();
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = M.top;
  }

  /**
   * Sets `text` in a box `width` wide from `x`, starting at the current y and going on to the
   * next page when a line does not fit, as a text flow does; counts what it could not draw.
   */
  flow(
    text: string,
    style: Style,
    box: { x: number; width: number; align: Align; indent?: number; lineGap?: number },
    path: Path,
  ): void {
    this.ts.account(path, text, style.face ?? "regular");
    const lh = this.ts.lineHeight(style);
    const gap = box.lineGap ?? 0;
    for (const line of this.ts.lines(text, style, box.width, box.indent ?? 0)) {
      if (this.y + lh > BOTTOM && this.y > M.top) this.newPage();
      this.ts.drawLine(line, style, box.x, this.y, box.align);
      this.y += lh + gap;
    }
  }

  /** A centred line (or lines) in a column, returning the y under it. */
  centred(text: string, style: Style, x: number, width: number, y: number, path: Path): number {
    this.y = y;
    this.flow(text, style, { x, width, align: "center" }, path);
    return this.y;
  }

  hrule(xCentre: number, length: number, y: number): void {
    this.pdf
      .save()
      .lineWidth(0.75)
      .moveTo(xCentre - length / 2, y)
      .lineTo(xCentre + length / 2, y)
      .stroke()
      .restore();
  }

  /** Width of a one-line text as it is drawn, fallback fonts included. */
  width(text: string, style: Style): number {
    return this.ts.width(text, style);
  }

  /** Lines of a text set `width` wide (the first indented by `indent`). */
  lines(text: string, style: Style, width: number, indent = 0): SetLine[] {
    return this.ts.lines(text, style, width, indent);
  }

  /** Height of a text set `width` wide, each line followed by `lineGap`. */
  height(text: string, style: Style, width: number, lineGap = 0, indent = 0): number {
    return this.lines(text, style, width, indent).length * (this.ts.lineHeight(style) + lineGap);
  }

  paragraphHeight(text: string, style: Style): number {
    return this.height(text, style, TEXT_W, this.lineGap(style), INDENT) + GAP;
  }

  paragraph(text: string, style: Style, path: Path, opts: { keepWith?: number } = {}): void {
    const lineGap = this.lineGap(style);
    // A heading stays with the next lines; the last paragraph stays with the signature.
    const first = (this.ts.lineHeight(style) + lineGap) * 2;
    this.ensure(
      Math.min(first + (opts.keepWith ?? 0), this.paragraphHeight(text, style) + (opts.keepWith ?? 0)),
    );
    this.flow(text, style, { x: M.left, width: TEXT_W, align: "justify", indent: INDENT, lineGap }, path);
    this.y += GAP;
  }

  /**
   * Sets a text in a fixed box (a table cell): at most the lines that fit in `height`, the last
   * one ending in "…" when the text is longer. Returns whether it was cut.
   */
  box(
    text: string,
    style: Style,
    box: { x: number; y: number; width: number; height: number; align: Align },
    path: Path,
  ): boolean {
    this.ts.account(path, text, style.face ?? "regular");
    const lh = this.ts.lineHeight(style);
    const lines = this.lines(text, style, box.width);
    const fit = Math.max(1, Math.floor((box.height + 1e-6) / lh));
    const cut = lines.length > fit;
    const shown = cut ? lines.slice(0, fit) : lines;
    if (cut) shown[fit - 1] = this.ts.ellipsize(shown[fit - 1] as SetLine, style);
    for (const [i, line] of shown.entries()) this.ts.drawLine(line, style, box.x, box.y + i * lh, box.align);
    return cut;
  }
}

function header(p: Pages, doc: OfficialDocument): void {
  const s = L.sizePt;
  // The columns and lines the document model fitted inside the margins (the same as in the DOCX).
  const h = doc.header;
  const leftX = mm(h.xMm);
  const leftW = mm(h.leftMm);
  const rightW = TEXT_W - leftW;
  const rightX = leftX + leftW;
  let ly = M.top;
  if (h.parentBodyLines.length > 0) {
    const parentStyle = { size: s.parentBody } as const;
    ly = p.centred(h.parentBodyLines.join("\n"), parentStyle, leftX, leftW, ly, ["parentBody"]);
  }
  const issuerStyle = { size: s.issuer, face: "bold" } as const;
  ly = p.centred(h.issuerLines.join("\n"), issuerStyle, leftX, leftW, ly, ["issuer"]);
  p.hrule(leftX + leftW / 2, h.issuerRulePt, ly + 1.5);
  let ry = p.centred(NATIONAL_TITLE, { size: s.nationalTitle, face: "bold" }, rightX, rightW, M.top, []);
  const mottoStyle = { size: s.motto, face: "bold" } as const;
  ry = p.centred(NATIONAL_MOTTO, mottoStyle, rightX, rightW, ry, []);
  p.hrule(rightX + rightW / 2, h.mottoRulePt, ry + 1.5);
  const row2 = Math.max(ly, ry) + 6 + 3;
  const ny = p.centred(doc.numberLine, { size: s.number }, leftX, leftW, row2, ["numberLine"]);
  const dy = p.centred(doc.placeDate, { size: s.placeDate, face: "italic" }, rightX, rightW, row2, [
    "placeDate",
  ]);
  let y = Math.max(ny, dy) + 18;
  y = p.centred(doc.documentTitle, { size: s.documentTitle, face: "bold" }, M.left, TEXT_W, y, [
    "documentTitle",
  ]);
  const summaryStyle = { size: s.summary, face: "bold" } as const;
  y = p.centred(doc.summary, summaryStyle, M.left, TEXT_W, y, ["summary"]);
  const summaryLine = Math.min(p.width(doc.summary, summaryStyle), TEXT_W);
  p.hrule(M.left + TEXT_W / 2, summaryLine * L.shortRuleRatio, y + 1.5);
  p.y = y + 1.5 + 18;
  addressees(p, doc);
}

/** "Kính gửi:" under the summary: one addressee centred, several as "- …;" lines (as in the DOCX). */
function addressees(p: Pages, doc: OfficialDocument): void {
  const lines = addresseeLines(doc.addressees);
  if (lines.length === 0) return;
  const style = { size: L.sizePt.body } as const;
  if (lines.length === 1) {
    p.y = p.centred(lines[0] ?? "", style, M.left, TEXT_W, p.y, ["addressees", 0]) + 12;
    return;
  }
  const gap = p.lineGap(style);
  for (const [i, line] of lines.entries()) {
    const x = M.left + mm(i === 0 ? 35 : 55);
    p.flow(line, style, { x, width: M.left + TEXT_W - x, align: "left", lineGap: gap }, ["addressees", i]);
  }
  p.y += 12;
}

const isNumeric = (format: string) => format !== "text" && format !== "date";

const TABLE_PAD = 3;

/** Column widths of a table across the text width (as `tableColumnWidths` shares them out). */
function tableWidths(p: Pages, block: TableBlock): number[] {
  const size = L.sizePt.table;
  const pad = TABLE_PAD;
  const cellsOf = (i: number) =>
    block.rows.map((r) => formatCell(r[i] ?? null, block.columns[i]?.format ?? "text"));
  // A column is never narrower than its longest header word, nor than a number or date in it.
  const minimum = block.columns.map((c, i) => {
    const words = c.header.split(/\s+/).map((w) => p.width(w, { size, face: "bold" }));
    const values =
      isNumeric(c.format) || c.format === "date" ? cellsOf(i).map((v) => p.width(v, { size })) : [];
    return [...words, ...values].reduce((a, b) => Math.max(a, b), 0) + 2 * pad + 1;
  });
  return tableColumnWidths(
    block.columns.map((c) => c.width),
    TEXT_W,
    minimum,
  );
}

/** Height of a table's header row and first row: what must stay with a heading above the table. */
function tableLeadHeight(p: Pages, block: TableBlock): number {
  const size = L.sizePt.table;
  const widths = tableWidths(p, block);
  const row = (cells: readonly string[], face: Face) =>
    Math.max(...cells.map((c, i) => p.height(c || " ", { size, face }, (widths[i] ?? 0) - 2 * TABLE_PAD))) +
    2 * TABLE_PAD;
  const first = block.rows[0];
  return (
    row(
      block.columns.map((c) => c.header),
      "bold",
    ) +
    (first
      ? row(
          block.columns.map((c, i) => formatCell(first[i] ?? null, c.format)),
          "regular",
        )
      : 20)
  );
}

/** `keepWith`: room the last rows keep below them for what follows (the closing block). */
function table(p: Pages, block: TableBlock, path: Path, keepWith = 0): void {
  const size = L.sizePt.table;
  const pad = TABLE_PAD;
  const pdf = p.pdf;
  const widths = tableWidths(p, block);
  const maxRow = BOTTOM - M.top - 40;
  const rowHeight = (cells: readonly string[], face: Face) =>
    Math.max(...cells.map((c, i) => p.height(c || " ", { size, face }, (widths[i] ?? 0) - 2 * pad))) +
    2 * pad;
  const draw = (
    cells: readonly string[],
    face: Face,
    aligns: ReadonlyArray<"left" | "right" | "center">,
    at: (i: number) => Path,
  ) => {
    let h = rowHeight(cells, face);
    if (h > maxRow) {
      h = maxRow;
      p.warnings.push({
        code: "export.table-cell-truncated",
        severity: "warning",
        path: [],
        message: {
          vi: "Một ô bảng dài hơn một trang giấy đã được rút gọn trong bản PDF.",
          en: "A table cell longer than a page was shortened in the PDF.",
        },
      });
    }
    const y = p.y;
    let x = M.left;
    p.use({ size, face });
    for (const [i, c] of cells.entries()) {
      const w = widths[i] ?? 0;
      pdf.rect(x, y, w, h).lineWidth(0.5).stroke();
      p.box(
        c,
        { size, face },
        { x: x + pad, y: y + pad, width: w - 2 * pad, height: h - 2 * pad, align: aligns[i] ?? "left" },
        at(i),
      );
      x += w;
    }
    p.y = y + h;
  };
  const head = block.columns.map((c) => c.header);
  const headAlign = block.columns.map(() => "center" as const);
  const headH = rowHeight(head, "bold");
  const aligns = block.columns.map((c) => (isNumeric(c.format) ? ("right" as const) : ("left" as const)));
  const rows = block.rows.map((row) => block.columns.map((c, i) => formatCell(row[i] ?? null, c.format)));
  p.ensure(headH + (rows[0] ? rowHeight(rows[0], "regular") : 20));
  draw(head, "bold", headAlign, (c) => [...path, "columns", c]);
  if (rows.length === 0) {
    const y = p.y;
    p.use({ size, face: "italic" });
    const none = { size, face: "italic" } as const;
    const h = p.height("Không có số liệu.", none, TEXT_W) + 2 * pad;
    pdf.rect(M.left, y, TEXT_W, h).lineWidth(0.5).stroke();
    p.box(
      "Không có số liệu.",
      none,
      { x: M.left, y: y + pad, width: TEXT_W, height: h, align: "center" },
      [],
    );
    p.y = y + h;
  }
  const tail = rows.slice(-2).reduce((sum, row) => sum + Math.min(rowHeight(row, "regular"), maxRow), 0);
  for (const [r, row] of rows.entries()) {
    const h = Math.min(rowHeight(row, "regular"), maxRow);
    // The last two rows go to the next page with the closing block when it would not fit after them.
    const keep =
      r === rows.length - 2 && keepWith > 0 && tail + keepWith < BOTTOM - M.top - headH
        ? tail + keepWith - h
        : 0;
    if (p.y + h + keep > BOTTOM) {
      // The table goes on on the next page under its header row again.
      p.newPage();
      draw(head, "bold", headAlign, (c) => [...path, "columns", c]);
    }
    draw(row, "regular", aligns, (c) => [...path, "rows", r, c]);
  }
  // As in Word, where an empty paragraph with the Decree's spacing follows every table.
  p.y += 2 * GAP;
}

function closingHeight(p: Pages, doc: OfficialDocument): number {
  return Math.max(recipientsBlock(p, doc, false), signatureBlock(p, doc, false));
}

const HALF = TEXT_W / 2;

function recipientsBlock(p: Pages, doc: OfficialDocument, draw: boolean): number {
  const lines = recipientLines(doc.recipients);
  if (lines.length === 0) return 0;
  const s = L.sizePt;
  const y0 = p.y;
  let h = 0;
  const label = { size: s.recipientsLabel, face: "boldItalic" } as const;
  const style = { size: s.recipients } as const;
  const set = (text: string, st: Style, width: number, path: Path) => {
    if (draw) {
      p.y = y0 + h;
      p.flow(text, st, { x: M.left, width, align: "left" }, path);
    }
    h += p.height(text, st, width);
  };
  set("Nơi nhận:", label, HALF, []);
  for (const [n, line] of lines.entries()) set(line, style, HALF - 6, ["recipients", n]);
  return h;
}

function signatureBlock(p: Pages, doc: OfficialDocument, draw: boolean): number {
  const s = L.sizePt;
  const x = M.left + HALF;
  const y0 = p.y;
  const signer = doc.signer;
  const bold = { size: s.signer, face: "bold" } as const;
  const lines: Array<{ text: string; style: Style }> =
    signer === undefined
      ? [
          { text: SIGNER_PLACEHOLDER.title, style: bold },
          { text: SIGNER_PLACEHOLDER.signature, style: { size: s.recipients, face: "italic" } },
          { text: "", style: bold },
          { text: "", style: bold },
          { text: "", style: bold },
          { text: SIGNER_PLACEHOLDER.name, style: bold },
        ]
      : [
          ...(signer.authority === undefined ? [] : [{ text: upper(signer.authority), style: bold }]),
          { text: upper(signer.title), style: bold },
          { text: "", style: bold },
          { text: "", style: bold },
          { text: "", style: bold },
          { text: "", style: bold },
          { text: signer.name, style: bold },
        ];
  let h = 0;
  for (const l of lines) {
    if (draw && l.text !== "") {
      p.y = y0 + h;
      p.flow(l.text, l.style, { x, width: HALF, align: "center" }, ["signer"]);
    }
    h += p.height(l.text || " ", l.style, HALF);
  }
  return h;
}

/** The text a block is set with, for blocks set as paragraphs. */
function blockText(b: DocumentBlock): string {
  switch (b.type) {
    case "section":
      return `${b.label} ${upper(b.text)}`;
    case "subsection":
    case "item":
      return `${b.label} ${b.text}`;
    case "dash":
      return `- ${b.text}`;
    case "paragraph":
      return b.text;
    case "table":
      return "";
  }
}

const isHeading = (b: DocumentBlock | undefined) => b?.type === "section" || b?.type === "subsection";

/**
 * Room a heading keeps below it on its page, as Word's "keep with next" with widow control: the
 * headings that follow it (each kept with its next in turn) and then the first two lines of the
 * paragraph, or the header and first row of the table, they stand over (and, over the last
 * paragraph, the recipients and signature it keeps with it). A heading therefore
 * never ends a page, whatever follows it ("II. NỘI DUNG…" then "1. Nội dung…" then "a) …").
 */
function keepAfterHeading(p: Pages, blocks: readonly DocumentBlock[], i: number, closing: number): number {
  const s = L.sizePt;
  let room = 0;
  for (let j = i + 1; j < blocks.length; j++) {
    const b = blocks[j] as DocumentBlock;
    if (b.type === "table") return room + tableLeadHeight(p, b);
    const style = { size: s.body, ...(isHeading(b) ? { face: "bold" as const } : {}) };
    const whole = p.paragraphHeight(blockText(b), style);
    if (isHeading(b)) {
      room += whole;
      continue;
    }
    const two = (p.ts.lineHeight(style) + p.lineGap(style)) * 2;
    // The last paragraph keeps the closing block with it, so the heading keeps both.
    const last = j === blocks.length - 1 ? closing : 0;
    return room + Math.min(two, whole) + last;
  }
  return room;
}

function body(p: Pages, doc: OfficialDocument): void {
  const s = L.sizePt;
  const closing = closingHeight(p, doc) + GAP;
  const blocks: readonly DocumentBlock[] = doc.body;
  for (const [i, b] of blocks.entries()) {
    const keepWith = i === blocks.length - 1 ? closing : 0;
    const regular = { size: s.body } as const;
    const bold = { size: s.body, face: "bold" } as const;
    switch (b.type) {
      case "section":
      case "subsection":
        p.paragraph(blockText(b), bold, ["body", i], {
          keepWith: keepWith + keepAfterHeading(p, blocks, i, closing),
        });
        break;
      case "item":
        p.paragraph(`${b.label} ${b.text}`, regular, ["body", i], { keepWith });
        break;
      case "dash":
        p.paragraph(`- ${b.text}`, regular, ["body", i], { keepWith });
        break;
      case "paragraph":
        p.paragraph(b.text, regular, ["body", i], { keepWith });
        break;
      case "table":
        table(p, b, ["body", i], keepWith);
        break;
    }
  }
  p.ensure(closing);
  p.y += GAP;
  const y = p.y;
  const h1 = recipientsBlock(p, doc, true);
  p.y = y;
  const h2 = signatureBlock(p, doc, true);
  p.y = y + Math.max(h1, h2);
}

function pageNumbers(p: Pages): number {
  const range = p.pdf.bufferedPageRange();
  // The first page carries no number; from page 2 the number sits centred at the top.
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    p.pdf.switchToPage(i);
    p.use({ size: L.sizePt.pageNumber });
    p.pdf.text(String(i - range.start + 1), M.left, mm(L.pageNumberFromTopMm), {
      width: TEXT_W,
      align: "center",
      lineBreak: false,
    });
  }
  return range.count;
}

/** Lays out `doc` on PDF pages with the given (parsed) fonts and returns the file's bytes. */
export function renderPdf(doc: OfficialDocument, fonts: ParsedFonts): Promise<PdfLayoutResult> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: [PAGE_W, PAGE_H],
      layout: "portrait",
      margins: M,
      bufferPages: true,
      autoFirstPage: true,
      lang: "vi-VN",
      displayTitle: true,
      info: {
        Title: `${doc.documentTitle} ${doc.summary}`.slice(0, 250),
        Author: doc.issuer,
        Subject: doc.numberLine,
        Creator: "@cchc/export-pdf",
      },
    });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("error", reject);
    try {
      const p = new Pages(pdf, fonts);
      p.use({ size: L.sizePt.body });
      header(p, doc);
      body(p, doc);
      const pageCount = pageNumbers(p);
      pdf.on("end", () => {
        const all = Buffer.concat(chunks);
        resolve({
          bytes: new Uint8Array(all.buffer, all.byteOffset, all.byteLength),
          pageCount,
          warnings: [...dedupe(p.warnings), ...p.ts.warnings()],
        });
      });
      pdf.end();
    } catch (err) {
      reject(err);
    }
  });
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    if (seen.has(f.code)) return false;
    seen.add(f.code);
    return true;
  });
}
