/**
 * The measurements Decree 30/2020/NĐ-CP (Appendix I) sets for an administrative document, as one
 * set of numbers that the DOCX and PDF exporters both lay out with, so the two read alike. Each
 * value sits inside the Decree's range (noted beside it); an agency house style may differ within
 * those ranges, never outside them.
 */
export const DECREE30_LAYOUT = {
  /** A4 portrait. */
  pageMm: { width: 210, height: 297 },
  /** Top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  /** Times New Roman (Unicode, TCVN 6909:2001). */
  font: "Times New Roman",
  /** Font sizes in points. */
  sizePt: {
    /** Parent body, upper case: 12–13. */
    parentBody: 12,
    /** Issuing body, upper case bold: 12–13. */
    issuer: 12,
    /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", upper case bold: 12–13. */
    nationalTitle: 12,
    /** "Độc lập - Tự do - Hạnh phúc", bold: 13–14. */
    motto: 13,
    /** "Số: …": 13. */
    number: 13,
    /** Place and date, italic: 13–14. */
    placeDate: 13,
    /** Document type name ("KẾ HOẠCH"), bold: 13–14. */
    documentTitle: 14,
    /** Summary line under it, bold: 13–14. */
    summary: 14,
    /** Body text: 13–14. */
    body: 14,
    /** Table text (the Decree leaves it to the drafter; smaller than the body). */
    table: 12,
    /** "Nơi nhận:", bold italic: 12. */
    recipientsLabel: 12,
    /** Recipient lines: 11. */
    recipients: 11,
    /** Authority, title and name of the signer, bold: 13–14. */
    signer: 14,
    /** Page number, centred at the top from page 2: 13–14. */
    pageNumber: 13,
  },
  /** First-line indent of body paragraphs: 1–1.27 cm. */
  firstLineIndentMm: 10,
  /** Space between paragraphs: at least 6 pt. */
  paragraphSpacingPt: 6,
  /** Line spacing: from single up to 1.5 lines. */
  lineSpacing: 1.15,
  /** Rule under the issuing body and under the summary: 1/3 to 1/2 of the text line above it. */
  shortRuleRatio: 0.4,
  /** Distance of the page number from the top edge of the page. */
  pageNumberFromTopMm: 10,
  /**
   * Nominal header columns: issuing body on the left, national title and motto on the right (widths
   * in mm). Together they fill the text width and no more (`outsetMm` 0: nothing reaches into the
   * margins); `headerLayout` fits the actual widths to the text: the national title keeps to one
   * line at 12 pt, a long issuing body takes two.
   */
  headerColumnsMm: { left: 75, right: 90, outsetMm: 0 },
} as const;

/** The national title and motto every administrative document carries. */
export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/** The motto line under the national title. */
export const NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** The Decree 30 signature block placeholders shown when no signer was given (Appendix III forms). */
export const SIGNER_PLACEHOLDER = {
  title: "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ",
  signature: "(Chữ ký của người có thẩm quyền, dấu/chữ ký số của cơ quan, tổ chức)",
  name: "Họ và tên",
} as const;

const PT_PER_MM = 72 / 25.4;

/** The header of an official document as both the DOCX and the PDF exporter lay it out. */
export interface HeaderLayout {
  /** Left edge of the header in mm from the page's left edge: the left margin. */
  readonly xMm: number;
  /** Width of the left column (parent body, issuing body, number) in mm. */
  readonly leftMm: number;
  /** Width of the right column (national title, motto, place and date) in mm. */
  readonly rightMm: number;
  /** The parent body's lines, in capitals (empty when there is none). */
  readonly parentBodyLines: readonly string[];
  /** The issuing body's lines, in capitals, balanced when it needs two. */
  readonly issuerLines: readonly string[];
  /** Length of the rule under the issuing body in points (1/3–1/2 of its line). */
  readonly issuerRulePt: number;
  /** Length of the rule under the motto in points (the motto's length). */
  readonly mottoRulePt: number;
}

/**
 * Fits the two header columns inside the text width (left margin to right margin, Decree 30's
 * limits; the sizes stay the Decree's smallest, 12 pt): the right column is as wide as the
 * widest of national title, motto and place-and-date line (plus a millimetre of air), the left
 * takes the rest; an issuing body too long for it, with 3.5 mm kept clear before the national
 * title, goes on two balanced lines ("BỘ THÔNG TIN / VÀ TRUYỀN THÔNG"). `measure` gives a text's width in points (Times New Roman metrics by default,
 * which Tinos and Liberation Serif share), so the DOCX and the PDF use the same numbers.
 */
export function headerLayout(
  fields: { readonly parentBody: string | undefined; readonly issuer: string; readonly placeDate: string },
  measure: (text: string, sizePt: number, bold: boolean, italic: boolean) => number,
): HeaderLayout {
  const L = DECREE30_LAYOUT;
  const s = L.sizePt;
  const textMm = L.pageMm.width - L.marginsMm.left - L.marginsMm.right;
  const mm = (pt: number) => pt / PT_PER_MM;
  const title = mm(measure(NATIONAL_TITLE, s.nationalTitle, true, false));
  const motto = measure(NATIONAL_MOTTO, s.motto, true, false);
  const place = mm(measure(fields.placeDate, s.placeDate, false, true));
  // The place-and-date line may wrap; the national title and the motto must not.
  const need = Math.max(title, mm(motto)) + 1;
  const rightMm = Math.min(textMm * 0.6, Math.max(need, Math.min(place + 1, textMm * 0.55)));
  const leftMm = textMm - rightMm;
  const upper = (t: string) => t.toLocaleUpperCase("vi");
  // At least 3.5 mm between the issuing body and the national title (more than a word space, so
  // the two columns never read as one line); a name that needs more goes on two balanced lines.
  const room = (leftMm - 6) * PT_PER_MM;
  const fit = (text: string, size: number, bold: boolean) =>
    balanceLines(upper(text), (l) => measure(l, size, bold, false), room);
  const issuerLines = fit(fields.issuer, s.issuer, true);
  const widest = Math.max(...issuerLines.map((l) => measure(l, s.issuer, true, false)));
  return {
    xMm: L.marginsMm.left,
    leftMm,
    rightMm,
    parentBodyLines: fields.parentBody === undefined ? [] : fit(fields.parentBody, s.parentBody, false),
    issuerLines,
    issuerRulePt: Math.min(widest, leftMm * PT_PER_MM) * L.shortRuleRatio,
    mottoRulePt: motto,
  };
}

/** Words a header line does not end on: they join what follows. */
const JOINING_WORDS = new Set(["và", "của", "về", "các", "thuộc", "-", "&"]);

/**
 * Splits a header line (an issuing body's name) that does not fit its column into two lines of
 * about equal width, broken between words — "ỦY BAN NHÂN DÂN / THÀNH PHỐ HÀ NỘI" rather than a
 * single word left alone on the second line. Text that fits, or cannot be split so that both
 * lines fit, comes back as one line for the renderer to wrap.
 */
export function balanceLines(text: string, measure: (line: string) => number, maxWidth: number): string[] {
  if (measure(text) <= maxWidth) return [text];
  const words = text.split(" ");
  let best: { lines: string[]; widest: number } | undefined;
  let fallback: { lines: string[]; widest: number } | undefined;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(" "), words.slice(i).join(" ")];
    const widest = Math.max(...lines.map(measure));
    if (widest > maxWidth) continue;
    // A line does not end on a joining word ("BỘ THÔNG TIN VÀ / TRUYỀN THÔNG"), unless it must.
    const joins = JOINING_WORDS.has((words[i - 1] ?? "").toLocaleLowerCase("vi"));
    if (joins) {
      if (fallback === undefined || widest < fallback.widest) fallback = { lines, widest };
    } else if (best === undefined || widest < best.widest) best = { lines, widest };
  }
  return (best ?? fallback)?.lines ?? [text];
}

/**
 * Widths of a table's columns that fill `total`: proportional to the columns' relative widths,
 * but never narrower than `minimum` (the longest header word, a number that must not break),
 * the space taken from the columns that have some to spare.
 */
export function tableColumnWidths(
  relative: readonly number[],
  total: number,
  minimum: readonly number[],
): number[] {
  const sumRel = relative.reduce((a, b) => a + b, 0) || 1;
  const sumMin = minimum.reduce((a, b) => a + b, 0);
  // When even the minimums do not fit, shrink them all alike.
  const mins = sumMin > total ? minimum.map((m) => (m / sumMin) * total) : [...minimum];
  let widths = relative.map((r) => (r / sumRel) * total);
  for (let round = 0; round < relative.length; round++) {
    const short = widths.map((w, i) => Math.max(0, (mins[i] ?? 0) - w));
    const need = short.reduce((a, b) => a + b, 0);
    if (need <= 1e-6) break;
    const spare = widths.map((w, i) => (short[i] === 0 ? Math.max(0, w - (mins[i] ?? 0)) : 0));
    const available = spare.reduce((a, b) => a + b, 0);
    if (available <= 1e-6) break;
    const take = Math.min(need, available);
    widths = widths.map((w, i) =>
      (short[i] ?? 0) > 0 ? w + ((short[i] ?? 0) / need) * take : w - ((spare[i] ?? 0) / available) * take,
    );
  }
  return widths;
}
