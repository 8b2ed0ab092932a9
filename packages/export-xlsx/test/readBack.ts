/**
 * Reading an exported workbook back with tools independent of exceljs: SheetJS (`xlsx`) for what
 * a spreadsheet program shows, fflate + the raw sheet XML for what the file literally stores.
 */
import type { ExportedFile } from "@cchc/core";
import { strFromU8, unzipSync } from "fflate";
import * as XLSX from "xlsx";

/** The workbook as SheetJS reads it, number formats included. */
export function readWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: "array", cellNF: true, cellStyles: true });
}

/** Every cell's displayed text, sheet by sheet, row by row (what a person reads). */
export function extractText(file: ExportedFile): string {
  const wb = readWorkbook(file.bytes);
  return wb.SheetNames.map((name) => {
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets[name] as XLSX.WorkSheet, {
      header: 1,
      raw: false,
      defval: "",
    });
    return [name, ...rows.map((r) => r.join("\t"))].join("\n");
  }).join("\n\n");
}

/** The rows of one sheet as displayed text (header row first). */
export function sheetRows(wb: XLSX.WorkBook, name: string): string[][] {
  const sheet = wb.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${wb.SheetNames.join(", ")}`);
  return XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: "" });
}

/** One cell as SheetJS reads it. */
export function cell(wb: XLSX.WorkBook, sheet: string, address: string): XLSX.CellObject {
  const c = wb.Sheets[sheet]?.[address] as XLSX.CellObject | undefined;
  if (!c) throw new Error(`no cell ${sheet}!${address}`);
  return c;
}

/** The files of the zip as text. */
export function zipEntries(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([k, v]) => [k.replace(/^\//, ""), strFromU8(v)] as const));
}

/** The raw XML of the sheet with this name (resolved through workbook.xml and its relationships). */
export function sheetXml(bytes: Uint8Array, name: string): string {
  const files = zipEntries(bytes);
  const workbook = files.get("xl/workbook.xml") ?? "";
  const rels = files.get("xl/_rels/workbook.xml.rels") ?? "";
  const escaped = name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const rid = new RegExp(
    `<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`,
  ).exec(workbook)?.[1];
  const target = rid && new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`sheet ${name} not found in workbook.xml`);
  const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const xml = files.get(path);
  if (xml === undefined) throw new Error(`missing ${path}`);
  return xml;
}

/** The `<xf>` elements of cellXfs, in index order (a cell's s="n" points at the n-th). */
export function cellFormats(bytes: Uint8Array): string[] {
  const styles = zipEntries(bytes).get("xl/styles.xml") ?? "";
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  return cellXfs.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
}

/** The raw `<c>` element of a cell in sheet XML. */
export function rawCell(xml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml);
  if (!m) throw new Error(`no cell ${address} in sheet XML`);
  return m[0];
}

/** The `<font>` element a cell is drawn with. */
export function fontOf(bytes: Uint8Array, xml: string, address: string): string {
  const s = Number(/ s="(\d+)"/.exec(rawCell(xml, address))?.[1] ?? 0);
  const fontId = Number(/fontId="(\d+)"/.exec(cellFormats(bytes)[s] ?? "")?.[1] ?? 0);
  const styles = zipEntries(bytes).get("xl/styles.xml") ?? "";
  const fonts = /<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1]?.match(/<font\b[\s\S]*?<\/font>/g) ?? [];
  return fonts[fontId] ?? "";
}
