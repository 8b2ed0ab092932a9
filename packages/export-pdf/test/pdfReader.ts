/**
 * Reads a PDF back with independent parsers: PDF.js (through unpdf) for the text items of each
 * page with their position and size, as a viewer lays them out, and the fonts the file embeds;
 * poppler for the exact box of every word.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type PdfWord, pdfPageWords } from "@cchc/testing/tools";
import { getDocumentProxy } from "unpdf";

/** A run of text on a page: what it says, where its baseline starts (points from the bottom-left), its size. */
export interface PdfItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  /** A line ends after this item. */
  readonly eol: boolean;
}

/** One page: its size and text items in reading order. */
export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly items: readonly PdfItem[];
  /** The page's text, a line per text line. */
  readonly text: string;
}

/** Pages of the PDF. */
export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    let text = "";
    for (const raw of content.items) {
      if (!("str" in raw)) continue;
      const t = raw.transform as number[];
      items.push({
        str: raw.str,
        x: t[4] ?? 0,
        y: t[5] ?? 0,
        width: raw.width,
        size: Math.abs(t[0] ?? 0),
        eol: raw.hasEOL,
      });
      text += raw.str + (raw.hasEOL ? "\n" : "");
    }
    pages.push({ width: x1 - x0, height: y1 - y0, items, text });
  }
  await pdf.cleanup();
  return pages;
}

/**
 * All pages' text, NFC, white space collapsed: what a reader copying the text gets. With
 * `bodyOnly`, the running heads (page numbers in the top 20 mm) are left out, so a paragraph
 * that runs on to the next page reads as one.
 */
export function flatText(pages: readonly PdfPage[], options: { bodyOnly?: boolean } = {}): string {
  const mm20 = (20 * 72) / 25.4;
  return pages
    .map((p) =>
      options.bodyOnly
        ? p.items
            .filter((i) => i.y < p.height - mm20)
            .map((i) => i.str + (i.eol ? "\n" : ""))
            .join("")
        : p.text,
    )
    .join("\n")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}

/** The fonts of the file as its objects name them, and how many font programs it embeds. */
export function fontsOf(bytes: Uint8Array): { baseFonts: string[]; embeddedPrograms: number } {
  const raw = Buffer.from(bytes).toString("latin1");
  const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map((m) => m[1] ?? "");
  const embeddedPrograms = [...raw.matchAll(/\/FontFile[23]?\s+\d+\s+\d+\s+R/g)].length;
  return { baseFonts: [...new Set(baseFonts)], embeddedPrograms };
}

/** A word as poppler places it: its box in points from the page's top-left. */
export type PopplerWord = PdfWord;

/**
 * Every word of every page with the box poppler (`pdftotext -bbox`, Debian's poppler-utils)
 * computes from the glyph advances the file really draws: a second, independent reader, exact for
 * right-to-left text too, where PDF.js widens its items.
 */
export function popplerWords(
  bytes: Uint8Array,
): Array<{ width: number; height: number; words: PopplerWord[] }> {
  const dir = mkdtempSync(join(tmpdir(), "cchc-pdf-"));
  try {
    const file = join(dir, "doc.pdf");
    writeFileSync(file, bytes);
    return pdfPageWords(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
