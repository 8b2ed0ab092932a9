/**
 * An official document laid out on PDF pages the way Decree 30/2020/NĐ-CP prescribes, with the
 * same measurements as the DOCX exporter (`DECREE30_LAYOUT` of the core): A4 portrait, a Times New
 * Roman-metric font (Tinos) embedded in four faces so every Vietnamese letter shows on any machine,
 * the two-column header with its rules, justified body with first-line indent, tables whose header
 * row repeats on each page, recipients left and signature right, page numbers centred at the top
 * from page 2.
 */
import {
  balanceLines,
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
import type { PdfFonts } from "./fonts.js";

const mm = (v: number) => (v * 72) / 25.4;
const upper = (s: string) => s.toLocaleUpperCase("vi");

type Face = "regular" | "bold" | "italic" | "boldItalic";

interface Style {
  readonly size: number;
  readonly face?: Face;
}

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

class Pages {
  readonly pdf: PDFKit.PDFDocument;
  readonly warnings: Finding[] = [];

  constructor(pdf: PDFKit.PDFDocument) {
    this.pdf = pdf;
  }

  use(style: Style): this {
    this.pdf.font(style.face ?? "regular").fontSize(style.size);
    return this;
  }

  /** Extra leading for `DECREE30_LAYOUT.lineSpacing` lines, as Word's "multiple" line spacing. */
  lineGap(_size: number): number {
    return this.pdf.currentLineHeight(true) * (L.lineSpacing - 1);
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

  /** A centred line (or lines) in a column, returning the y under it. */
  centred(text: string, style: Style, x: number, width: number, y: number): number {
    this.use(style);
    this.pdf.text(text, x, y, { width, align: "center", lineGap: 0 });
    return this.pdf.y;
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

  width(text: string, style: Style): number {
    this.use(style);
    return this.pdf.widthOfString(text);
  }

  paragraphHeight(text: string, style: Style, opts: { indent?: number } = {}): number {
    this.use(style);
    return (
      this.pdf.heightOfString(text, {
        width: TEXT_W,
        align: "justify",
        indent: opts.indent ?? INDENT,
        lineGap: this.lineGap(style.size),
      }) + GAP
    );
  }

  paragraph(text: string, style: Style, opts: { keepWith?: number } = {}): void {
    this.use(style);
    const lineGap = this.lineGap(style.size);
    // A heading stays with the next lines; the last paragraph stays with the signature.
    const first = this.pdf.heightOfString("Ag", { width: TEXT_W, lineGap }) * 2;
    this.ensure(
      Math.min(first + (opts.keepWith ?? 0), this.paragraphHeight(text, style) + (opts.keepWith ?? 0)),
    );
    this.pdf.text(text, M.left, this.y, {
      width: TEXT_W,
      align: "justify",
      indent: INDENT,
      lineGap,
      paragraphGap: GAP,
    });
  }
}

function header(p: Pages, doc: OfficialDocument): void {
  const s = L.sizePt;
  const leftW = mm(L.headerColumnsMm.left);
  const rightW = mm(L.headerColumnsMm.right);
  const leftX = M.left - mm(L.headerColumnsMm.outsetMm);
  const rightX = leftX + leftW;
  let ly = M.top;
  const fit = (text: string, style: Style) => balanceLines(upper(text), (l) => p.width(l, style), leftW - 2);
  if (doc.parentBody !== undefined) {
    const parentStyle = { size: s.parentBody } as const;
    ly = p.centred(fit(doc.parentBody, parentStyle).join("\n"), parentStyle, leftX, leftW, ly);
  }
  const issuerStyle = { size: s.issuer, face: "bold" } as const;
  const issuerLines = fit(doc.issuer, issuerStyle);
  ly = p.centred(issuerLines.join("\n"), issuerStyle, leftX, leftW, ly);
  const issuerLine = Math.min(Math.max(...issuerLines.map((l) => p.width(l, issuerStyle))), leftW);
  p.hrule(leftX + leftW / 2, issuerLine * L.shortRuleRatio, ly + 1.5);
  let ry = p.centred(NATIONAL_TITLE, { size: s.nationalTitle, face: "bold" }, rightX, rightW, M.top);
  const mottoStyle = { size: s.motto, face: "bold" } as const;
  ry = p.centred(NATIONAL_MOTTO, mottoStyle, rightX, rightW, ry);
  p.hrule(rightX + rightW / 2, p.width(NATIONAL_MOTTO, mottoStyle), ry + 1.5);
  const row2 = Math.max(ly, ry) + 6 + 3;
  const ny = p.centred(doc.numberLine, { size: s.number }, leftX, leftW, row2);
  const dy = p.centred(doc.placeDate, { size: s.placeDate, face: "italic" }, rightX, rightW, row2);
  let y = Math.max(ny, dy) + 18;
  y = p.centred(doc.documentTitle, { size: s.documentTitle, face: "bold" }, M.left, TEXT_W, y);
  const summaryStyle = { size: s.summary, face: "bold" } as const;
  y = p.centred(doc.summary, summaryStyle, M.left, TEXT_W, y);
  const summaryLine = Math.min(p.width(doc.summary, summaryStyle), TEXT_W);
  p.hrule(M.left + TEXT_W / 2, summaryLine * L.shortRuleRatio, y + 1.5);
  p.y = y + 1.5 + 18;
}

const isNumeric = (format: string) => format !== "text" && format !== "date";

/** `keepWith`: room the last rows keep below them for what follows (the closing block). */
function table(p: Pages, block: TableBlock, keepWith = 0): void {
  const size = L.sizePt.table;
  const pad = 3;
  const pdf = p.pdf;
  const cellsOf = (i: number) =>
    block.rows.map((r) => formatCell(r[i] ?? null, block.columns[i]?.format ?? "text"));
  // A column is never narrower than its longest header word, nor than a number or date in it.
  const minimum = block.columns.map((c, i) => {
    const words = c.header.split(/\s+/).map((w) => p.width(w, { size, face: "bold" }));
    const values =
      isNumeric(c.format) || c.format === "date" ? cellsOf(i).map((v) => p.width(v, { size })) : [];
    return [...words, ...values].reduce((a, b) => Math.max(a, b), 0) + 2 * pad + 1;
  });
  const widths = tableColumnWidths(
    block.columns.map((c) => c.width),
    TEXT_W,
    minimum,
  );
  const maxRow = BOTTOM - M.top - 40;
  const rowHeight = (cells: readonly string[], face: Face) => {
    p.use({ size, face });
    return (
      Math.max(...cells.map((c, i) => pdf.heightOfString(c || " ", { width: (widths[i] ?? 0) - 2 * pad }))) +
      2 * pad
    );
  };
  const draw = (cells: readonly string[], face: Face, aligns: ReadonlyArray<"left" | "right" | "center">) => {
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
      pdf.text(c, x + pad, y + pad, {
        width: w - 2 * pad,
        height: h - 2 * pad,
        ellipsis: true,
        align: aligns[i] ?? "left",
        lineGap: 0,
      });
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
  draw(head, "bold", headAlign);
  if (rows.length === 0) {
    const y = p.y;
    p.use({ size, face: "italic" });
    const h = pdf.heightOfString("Không có số liệu.", { width: TEXT_W }) + 2 * pad;
    pdf.rect(M.left, y, TEXT_W, h).lineWidth(0.5).stroke();
    pdf.text("Không có số liệu.", M.left, y + pad, { width: TEXT_W, align: "center" });
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
      draw(head, "bold", headAlign);
    }
    draw(row, "regular", aligns);
  }
  p.y += GAP;
}

function closingHeight(p: Pages, doc: OfficialDocument): number {
  return Math.max(recipientsBlock(p, doc, false), signatureBlock(p, doc, false));
}

const HALF = TEXT_W / 2;

function recipientsBlock(p: Pages, doc: OfficialDocument, draw: boolean): number {
  const lines = recipientLines(doc.recipients);
  if (lines.length === 0) return 0;
  const s = L.sizePt;
  const pdf = p.pdf;
  const y0 = p.y;
  let h = 0;
  p.use({ size: s.recipientsLabel, face: "boldItalic" });
  h += pdf.heightOfString("Nơi nhận:", { width: HALF });
  if (draw) pdf.text("Nơi nhận:", M.left, y0, { width: HALF, lineGap: 0 });
  p.use({ size: s.recipients });
  for (const line of lines) {
    if (draw) pdf.text(line, M.left, y0 + h, { width: HALF - 6, lineGap: 0 });
    h += pdf.heightOfString(line, { width: HALF - 6 });
  }
  return h;
}

function signatureBlock(p: Pages, doc: OfficialDocument, draw: boolean): number {
  const s = L.sizePt;
  const pdf = p.pdf;
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
    p.use(l.style);
    if (draw && l.text !== "") pdf.text(l.text, x, y0 + h, { width: HALF, align: "center", lineGap: 0 });
    h += pdf.heightOfString(l.text || " ", { width: HALF });
  }
  return h;
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
        p.paragraph(`${b.label} ${upper(b.text)}`, bold, { keepWith: keepWith + 40 });
        break;
      case "subsection":
        p.paragraph(`${b.label} ${b.text}`, bold, { keepWith: keepWith + 40 });
        break;
      case "item":
        p.paragraph(`${b.label} ${b.text}`, regular, { keepWith });
        break;
      case "dash":
        p.paragraph(`- ${b.text}`, regular, { keepWith });
        break;
      case "paragraph":
        p.paragraph(b.text, regular, { keepWith });
        break;
      case "table":
        table(p, b, keepWith);
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

/** Lays out `doc` on PDF pages with the given fonts and returns the file's bytes. */
export function renderPdf(doc: OfficialDocument, fonts: PdfFonts): Promise<PdfLayoutResult> {
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
      pdf.registerFont("regular", fonts.regular);
      pdf.registerFont("bold", fonts.bold);
      pdf.registerFont("italic", fonts.italic);
      pdf.registerFont("boldItalic", fonts.boldItalic);
      const p = new Pages(pdf);
      p.use({ size: L.sizePt.body });
      header(p, doc);
      body(p, doc);
      const pageCount = pageNumbers(p);
      pdf.on("end", () => {
        const all = Buffer.concat(chunks);
        resolve({
          bytes: new Uint8Array(all.buffer, all.byteOffset, all.byteLength),
          pageCount,
          warnings: dedupe(p.warnings),
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
