/**
 * Writes sheets as an .xlsx with exceljs's streaming `WorkbookWriter`: each row goes to the zip as
 * it is produced, so a national sheet never sits in memory as a cell model. Every sheet has its
 * header row frozen and filtered, column widths, and the number formats of its columns (VND,
 * percent, real dates). Text is cleaned by `cellText`; a text that starts like a formula is stored
 * as a string with Excel's quote-prefix style (what typing a leading apostrophe does), so it shows
 * as typed and stays text even when a person edits the cell.
 */
import { Writable } from "node:stream";
import type { ColumnFormat, Finding } from "@cchc/core";
import ExcelJS from "exceljs";
import { CELL_TEXT_LIMIT, cellText } from "./cellText.js";
import type { CellValue, Sheet } from "./sheet.js";

/** Number formats per column format; the reader's locale picks the separators (1.500.000 ₫ in Vietnam). */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "@",
  integer: "#,##0",
  number: "#,##0.00",
  vnd: '#,##0 "₫"',
  percent: "0.00%",
  date: "dd/mm/yyyy",
};

type Style = Partial<ExcelJS.Style>;

/** The parts of exceljs's style registry used to add a quote-prefixed cell format. */
interface StyleRegistry {
  addStyleModel(model: Style, cellType?: number): number;
  readonly model: { readonly styles: string[] };
  readonly index: { readonly style: Record<string, number> };
  readonly weakMap?: WeakMap<object, number>;
}

/**
 * A copy of `base` that exceljs writes with `quotePrefix="1"`. exceljs has no quote-prefix style
 * option, so the cell format is registered in its style table directly: exceljs keys a cell's
 * style by object identity first, then by the format's XML, and both are seeded here.
 */
function quotePrefixed(registry: StyleRegistry, base: Style): Style {
  const baseId = registry.addStyleModel(base, ExcelJS.ValueType.String);
  const xml = registry.model.styles[baseId];
  if (typeof xml !== "string" || !xml.startsWith("<xf ") || registry.weakMap === undefined)
    throw new Error("exceljs style registry has an unexpected shape: cannot mark text with quotePrefix");
  const quoted = xml.replace(/^<xf /, '<xf quotePrefix="1" ');
  let id = registry.index.style[quoted];
  if (id === undefined) {
    id = registry.model.styles.length;
    registry.model.styles.push(quoted);
    registry.index.style[quoted] = id;
  }
  const marker: Style = { ...base };
  registry.weakMap.set(marker, id);
  return marker;
}

const HEADER_STYLE: Style = {
  numFmt: "@",
  font: { bold: true, name: "Times New Roman", size: 12 },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
  alignment: { vertical: "middle", horizontal: "center", wrapText: true },
  border: { bottom: { style: "thin", color: { argb: "FF808080" } } },
};

const BODY_FONT = { name: "Times New Roman", size: 12 } as const;

interface ColumnStyles {
  /** For a value of the column's own format. */
  readonly value: Style;
  /** For text (in any column). */
  readonly text: Style;
  /** For text that starts like a formula. */
  readonly quoted: Style;
  /** For a number in a text column: numbers stay numbers. */
  readonly number: Style;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Points per line of 12 pt Times New Roman, and Excel's largest row height. */
const LINE_HEIGHT = 15.75;
const MAX_ROW_HEIGHT = 409;

/**
 * Lines a wrapped text takes in a column `width` characters wide. Neither Excel nor LibreOffice
 * re-measures rows when opening a file, so rows with wrapped text get a height from this estimate
 * (Times New Roman is narrower than the '0' that column widths are measured in).
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.15));
  let lines = 0;
  for (const paragraph of text.split("\n")) lines += Math.max(1, Math.ceil([...paragraph].length / perLine));
  return lines;
}

const rowHeight = (lines: number) => Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * LINE_HEIGHT + 2));

/** Tally of what was changed to keep the file safe, one finding per kind, sheet and column. */
class Changes {
  private readonly byKey = new Map<
    string,
    { code: string; sheet: string; column: string; first: string; cells: number; amount: number }
  >();

  note(code: string, sheet: string, column: string, address: string, amount = 1): void {
    const key = `${code}\u0000${sheet}\u0000${column}`;
    const entry = this.byKey.get(key);
    if (entry) {
      entry.cells++;
      entry.amount = Math.max(entry.amount, amount);
    } else this.byKey.set(key, { code, sheet, column, first: address, cells: 1, amount });
  }

  findings(): Finding[] {
    return [...this.byKey.values()].map(({ code, sheet, column, first, cells, amount }) => {
      const where = { vi: `cột «${column}», trang «${sheet}»`, en: `column "${column}" of sheet "${sheet}"` };
      const message =
        code === "xlsx.formula-neutralised"
          ? {
              vi: `${cells} ô ở ${where.vi} bắt đầu bằng =, +, -, @, tab hoặc ký tự xuống dòng; đã lưu là văn bản (kiểu dấu nháy đơn) để bảng tính không thực thi như công thức (ô đầu tiên: ${first}).`,
              en: `${cells} cell(s) in ${where.en} start with =, +, -, @, tab or carriage return; stored as text with the quote-prefix style so no spreadsheet runs them as formulas (first cell: ${first}).`,
            }
          : code === "xlsx.control-characters-removed"
            ? {
                vi: `Đã bỏ các ký tự điều khiển không hợp lệ trong tệp Excel ở ${cells} ô của ${where.vi} (ô đầu tiên: ${first}).`,
                en: `Removed control characters a workbook cannot hold from ${cells} cell(s) in ${where.en} (first cell: ${first}).`,
              }
            : code === "xlsx.text-truncated"
              ? {
                  vi: `${cells} ô ở ${where.vi} dài hơn ${CELL_TEXT_LIMIT.toLocaleString("vi-VN")} ký tự (giới hạn của Excel, dài nhất ${amount.toLocaleString("vi-VN")} ký tự) nên đã bị cắt bớt (ô đầu tiên: ${first}).`,
                  en: `${cells} cell(s) in ${where.en} were longer than Excel's ${CELL_TEXT_LIMIT.toLocaleString("en")} characters (longest ${amount.toLocaleString("en")}) and were cut (first cell: ${first}).`,
                }
              : {
                  vi: `${cells} ô ở ${where.vi} có giá trị không phải số hữu hạn nên để trống (ô đầu tiên: ${first}).`,
                  en: `${cells} cell(s) in ${where.en} held a value that is not a finite number and were left blank (first cell: ${first}).`,
                };
      return { code, severity: "warning" as const, path: [sheet, first], message };
    });
  }
}

function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Collects what the zip stream writes into memory. */
class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  length = 0;
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    done();
  }
}

/** The finished workbook and what was changed to keep it safe. */
export interface WrittenWorkbook {
  readonly bytes: Uint8Array;
  readonly warnings: readonly Finding[];
}

/** Document properties stored in the workbook (File → Properties). */
export interface WorkbookProperties {
  readonly title: string;
  readonly subject?: string;
  readonly company?: string;
}

/** Writes the sheets as one .xlsx file in memory. */
export async function writeWorkbook(
  sheets: readonly Sheet[],
  properties: WorkbookProperties,
): Promise<WrittenWorkbook> {
  const sink = new Sink();
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("finish", resolve);
    sink.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  const changes = new Changes();
  const clean = (text: string) => cellText(text).stored;
  workbook.creator = "@cchc/export-xlsx";
  workbook.title = clean(properties.title);
  if (properties.subject !== undefined) workbook.subject = clean(properties.subject);
  if (properties.company !== undefined) workbook.company = clean(properties.company);
  const registry = (workbook as unknown as { styles: StyleRegistry }).styles;

  for (const sheet of sheets) {
    const lastColumn = columnLetters(sheet.columns.length - 1);
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: sheet.columns.reduce((s, c) => s + c.width, 0) > 110 ? "landscape" : "portrait",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
      headerFooter: { oddFooter: "Trang &P / &N" },
    });
    ws.columns = sheet.columns.map((c) => ({ width: c.width }));
    const styles: ColumnStyles[] = sheet.columns.map((c) => {
      const alignment: Partial<ExcelJS.Alignment> = c.wrap
        ? { vertical: "top", wrapText: true }
        : { vertical: "top" };
      const text: Style = { numFmt: "@", font: BODY_FONT, alignment };
      return {
        value: { numFmt: NUMBER_FORMATS[c.format], font: BODY_FONT, alignment: { vertical: "top" } },
        text,
        quoted: quotePrefixed(registry, text),
        number: { numFmt: "General", font: BODY_FONT, alignment: { vertical: "top" } },
      };
    });

    const header = ws.getRow(1);
    let headerLines = 1;
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = clean(c.header);
      cell.style = HEADER_STYLE;
      headerLines = Math.max(headerLines, wrappedLines(c.header, c.width - 2));
    });
    if (headerLines > 1) header.height = rowHeight(headerLines);
    header.commit();

    let r = 1;
    for (const values of sheet.rows) {
      r++;
      const row = ws.getRow(r);
      let lines = 1;
      for (let i = 0; i < sheet.columns.length; i++) {
        const v: CellValue | undefined = values[i];
        if (v === null || v === undefined) continue;
        const column = sheet.columns[i] as (typeof sheet.columns)[number];
        const style = styles[i] as ColumnStyles;
        const cell = row.getCell(i + 1);
        const address = `${columnLetters(i)}${r}`;
        if (typeof v === "number") {
          if (!Number.isFinite(v)) {
            changes.note("xlsx.number-invalid", sheet.name, column.header, address);
            continue;
          }
          cell.value = v;
          cell.style = column.format === "text" ? style.number : style.value;
          continue;
        }
        const iso = column.format === "date" ? ISO_DATE.exec(v) : null;
        if (iso) {
          // UTC midnight of the calendar date: exceljs turns it into the same Excel serial day on
          // every machine, whatever the host's time zone.
          cell.value = new Date(Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])));
          cell.style = style.value;
          continue;
        }
        const t = cellText(v);
        if (t.removedControls > 0)
          changes.note("xlsx.control-characters-removed", sheet.name, column.header, address);
        if (t.truncatedFrom !== undefined)
          changes.note("xlsx.text-truncated", sheet.name, column.header, address, t.truncatedFrom);
        if (t.formulaLike) changes.note("xlsx.formula-neutralised", sheet.name, column.header, address);
        cell.value = t.stored;
        cell.style = t.formulaLike ? style.quoted : style.text;
        if (column.wrap) lines = Math.max(lines, wrappedLines(t.stored, column.width));
      }
      if (lines > 1) row.height = rowHeight(lines);
      row.commit();
    }
    ws.autoFilter = `A1:${lastColumn}${Math.max(r, 2)}`;
    ws.commit();
  }
  await workbook.commit();
  await finished;
  const bytes = Buffer.concat(sink.chunks, sink.length);
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    warnings: changes.findings(),
  };
}
