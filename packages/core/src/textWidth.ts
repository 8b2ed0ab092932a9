/**
 * How wide a line of Times New Roman is, without a font file. The document model fits the header
 * columns with it (the same widths for DOCX and PDF), and Word draws the short rules under the
 * issuing body and the summary, and the rule under the motto, as paragraph borders whose length we
 * must give in advance, and Decree 30 ties their length to the text above them.
 */

// Advance widths (1/1000 em) of printable ASCII 32–126, from Tinos, which is metric-compatible
// with Times New Roman (the same widths Word and LibreOffice lay the text out with).
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333,
  389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469,
  500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
  278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500,
  500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389,
  500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581,
  500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
  333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/**
 * Width in points of `text` set in Times New Roman at `sizePt`. Vietnamese letters take the width
 * of their base letter (the marks sit above or below it); anything else counts as an "n".
 */
export function timesWidthPt(text: string, sizePt: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  for (const ch of text.normalize("NFD")) {
    const code = ch === "đ" ? 100 : ch === "Đ" ? 68 : (ch.codePointAt(0) ?? 0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining mark
    units += code >= 32 && code <= 126 ? (table[code - 32] ?? 500) : 500;
  }
  return (units / 1000) * sizePt;
}
