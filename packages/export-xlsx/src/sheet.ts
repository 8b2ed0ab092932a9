/**
 * A worksheet before it is written: a Vietnamese name, typed columns (the core's `ColumnFormat`,
 * so a spreadsheet formats a value the way the DOCX and PDF tables do) and rows produced lazily,
 * so ten thousand rows never need to exist twice in memory.
 */
import type { ColumnFormat, TableBlock } from "@cchc/core";

/** One value of a row: text, a number, or nothing. */
export type CellValue = string | number | null;

/** A column of a sheet: its header, how its values are written, and its width in characters. */
export interface SheetColumn {
  readonly header: string;
  readonly format: ColumnFormat;
  /** Width in characters (Excel's unit). */
  readonly width: number;
  /** Wrap long text inside the cell instead of running over the next column. */
  readonly wrap?: boolean;
}

/** A sheet: header row, then rows. */
export interface Sheet {
  readonly name: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: Iterable<ReadonlyArray<CellValue>>;
}

/** Excel's limit on a sheet name. */
const SHEET_NAME_LIMIT = 31;
const MAX_WIDTH = 80;

/** A heading as a sheet name: "XẾP HẠNG CÁC ĐƠN VỊ" → "Xếp hạng các đơn vị". */
export function sentenceCase(text: string): string {
  const lower = text === text.toLocaleUpperCase("vi") ? text.toLocaleLowerCase("vi") : text;
  return lower.length === 0 ? lower : (lower[0]?.toLocaleUpperCase("vi") ?? "") + lower.slice(1);
}

/**
 * Gives every sheet a name Excel accepts (no `[]:*?/\`, not blank, at most 31 characters, no
 * leading or trailing apostrophe) and that no earlier sheet of the workbook has (case-insensitive).
 */
export function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const clean =
      wanted
        .replace(/[[\]:*?/\\]/g, " ")
        .replace(/\s+/g, " ")
        .replace(/^'+|'+$/g, "")
        .trim() || "Trang tính";
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? "" : ` (${n})`;
      const name = `${[...clean]
        .slice(0, SHEET_NAME_LIMIT - suffix.length)
        .join("")
        .trimEnd()}${suffix}`;
      const key = name.toLocaleLowerCase("vi");
      if (!used.has(key)) {
        used.add(key);
        return name;
      }
    }
  };
}

/** Width in characters for a column: wide enough for its header and its relative width. */
export function columnWidth(header: string, relative: number): number {
  return Math.min(MAX_WIDTH, Math.max(header.length + 4, Math.round(relative * 1.6)));
}

/** A table of the official document as a sheet, with the same headers and formats. */
export function tableSheet(name: string, table: TableBlock): Sheet {
  return {
    name,
    columns: table.columns.map((c) => {
      const width = columnWidth(c.header, c.width);
      return { header: c.header, format: c.format, width, wrap: c.format === "text" && width >= 30 };
    }),
    rows: table.rows,
  };
}
