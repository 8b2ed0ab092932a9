/**
 * Reflow: the logical lines of a document whose text was copied out of a PDF or a web page, rebuilt
 * before anything is parsed. Wrapped lines are joined ("Hà Nội, ngày 15" + "tháng 02 năm 2023"),
 * the motto split over two lines is made whole again ("CỘNG HÒA XÃ HỘI" + "CHỦ NGHĨA VIỆT NAM"),
 * table borders ("| |", "|---|") and page numbers ("Trang 2", "- 3 -"), running headers and footers
 * (a short line repeated on every page) and a site's menu before the document and its view counter
 * after it are skipped, each for a stated reason. The array keeps one entry per input line, so line
 * numbers stay those of the input: a joined line lives on its first line, the lines folded into it
 * and the skipped ones become blank, and `headOf` / `skipped` say where each went.
 * Pure and linear in the size of the text.
 */
import type { LocalizedText } from "@cchc/core";
import { fold, isUpperText } from "./fold.js";
import { isMotto, opensBody } from "./header.js";
import { headingKinds } from "./keywords.js";
import { readMarker } from "./markers.js";

/** Why a line was skipped by the reflow. */
export type SkipCode = "web-chrome" | "page-number" | "running-header" | "table-residue";

/** A line the reflow skipped, with why. */
export interface SkippedLine {
  /** 1-based line number in the input. */
  readonly line: number;
  readonly text: string;
  readonly code: SkipCode;
  readonly reason: LocalizedText;
}

/** The reason shown for each skip code. */
export const SKIP_REASONS: Record<SkipCode, LocalizedText> = {
  "web-chrome": {
    vi: "Phần của trang web (trình đơn, lượt xem, chia sẻ…), không thuộc văn bản",
    en: "Part of the web page (menu, view counter, share…), not of the document",
  },
  "page-number": { vi: "Số trang", en: "Page number" },
  "running-header": {
    vi: "Tiêu đề hoặc chân trang lặp lại trên mỗi trang",
    en: "Running header or footer repeated on every page",
  },
  "table-residue": {
    vi: "Đường kẻ bảng còn lại khi sao chép (|, ---)",
    en: "Table rule left over from copying (|, ---)",
  },
};

/** The outcome of a reflow: one entry per input line. */
export interface Reflowed {
  /** The lines as rebuilt: a joined line on its first line, "" where a line was folded in or skipped. */
  readonly lines: string[];
  /** For each input line (index = line number - 1): the line number it was folded into, or 0. */
  readonly headOf: Int32Array;
  /** The original text of every input line (to report a folded line as it was written). */
  readonly original: readonly string[];
  /** Lines skipped, in line order. */
  readonly skipped: SkippedLine[];
  /** How many non-blank lines were folded into the line before them. */
  readonly joined: number;
}

/** Table borders and empty table cells: only "|", "+", dashes, equals, colons and spaces, with a "|" or a run of dashes. */
const RESIDUE = /^[\s|+\-=_:–—]*$/u;
const PAGE_NUMBER =
  /^(?:(?:trang|page|tr\.)\s*\d{1,4}(?:\s*(?:\/|trên|of)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,3}\s*\/\s*\d{1,3}|\d{1,3})$/iu;
/** Lines a portal puts around an article. */
const CHROME =
  /^(luot xem|so luot xem|luot truy cap|so luot truy cap|dang truc tuyen|views?\b|chia se|share|in bai|in trang|ban in|quay lai|ve dau trang|tro ve|tin lien quan|cac tin khac|tin khac|ban quyen|copyright|©|tai ve|tai xuong|download|danh gia|binh luan|gui binh luan|facebook|zalo|twitter|gui email|email cho ban be|tags?\s*:|tu khoa\s*:|nguon\s*:|trang chu|dang nhap|so do trang|ngay dang|cap nhat luc|lien he|gioi thieu|tim kiem|font size|co chu)\b/u;
const ENDS_SENTENCE = /[.;:!?…)"”]$|\/\.$/u;
const LOWER_START = /^\p{Ll}/u;

function isResidue(t: string): boolean {
  if (!RESIDUE.test(t)) return false;
  return t.includes("|") || /[-=_–—]{3,}/u.test(t);
}

/** Short, number-free, unpunctuated: a menu item rather than a line of a document. */
function navLike(t: string): boolean {
  return (
    t.length <= 50 &&
    !/\d/.test(t) &&
    !ENDS_SENTENCE.test(t) &&
    !isUpperText(t) &&
    readMarker(t) === undefined &&
    !opensBody(t) &&
    !isMotto(t) &&
    headingKinds(t).length === 0
  );
}

/** Whether the line opens a new logical line (a marker, a capitalised header line, a known start). */
function opensLine(t: string): boolean {
  return !LOWER_START.test(t) || readMarker(t) !== undefined;
}

/** A date cut after the day or the month: the next line goes on with "tháng …" or "năm …". */
const DATE_CUT = /\bngày\s*\d{0,2}\s*$|\bngày\s*\d{1,2}\s*tháng\s*\d{0,2}\s*$/iu;
const DATE_REST = /^(tháng|năm)\b/iu;

/**
 * Rebuilds the logical lines of `input` (one string a line, already cleaned). Never drops a line
 * without saying so: every non-blank input line is kept where it was, folded into the line before
 * it (`headOf`), or in `skipped` with a reason.
 */
export function reflowLines(input: readonly string[]): Reflowed {
  const n = input.length;
  const lines = input.map((s) => s);
  const trimmed = input.map((s) => s.trim());
  const headOf = new Int32Array(n);
  const skipped: SkippedLine[] = [];
  const skipCode: (SkipCode | undefined)[] = new Array(n);
  const skip = (i: number, code: SkipCode) => {
    skipCode[i] = code;
    lines[i] = "";
  };

  // Table residue and page numbers, anywhere.
  for (let i = 0; i < n; i++) {
    const t = trimmed[i] as string;
    if (t === "") continue;
    if (isResidue(t)) skip(i, "table-residue");
    else if (PAGE_NUMBER.test(t) && isolated(trimmed, i)) skip(i, "page-number");
    else if (t.includes("|")) {
      // A table row: its cells become columns ("| Sở Nội vụ | chủ trì |").
      const cells = t.split("|").map((c) => c.trim());
      if (cells.length >= 3) lines[i] = cells.filter((c) => c !== "").join("\t");
    }
  }

  // Running headers and footers: a short line, not a heading or an item, seen three times or more.
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = trimmed[i] as string;
    // A line going on with a sentence ("của cán bộ") is text, however often it repeats.
    if (
      skipCode[i] !== undefined ||
      t.length < 8 ||
      t.length > 100 ||
      LOWER_START.test(t) ||
      ENDS_SENTENCE.test(t) ||
      readMarker(t) !== undefined
    )
      continue;
    seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  for (let i = 0; i < n; i++) {
    const t = trimmed[i] as string;
    if (skipCode[i] === undefined && (seen.get(t) ?? 0) >= 3 && !isMotto(t)) skip(i, "running-header");
  }

  // Web chrome before the document: a run of menu-like lines at the very top.
  let top = 0;
  while (top < n) {
    const t = trimmed[top] as string;
    if (t === "" || skipCode[top] !== undefined) {
      top++;
      continue;
    }
    if (!(navLike(t) || CHROME.test(fold(t)))) break;
    top++;
  }
  if (top < n) for (let i = 0; i < top; i++) if ((trimmed[i] as string) !== "") skip(i, "web-chrome");
  // And after it: the portal's own lines at the very end (counter, share, copyright).
  for (let i = n - 1; i >= 0; i--) {
    const t = trimmed[i] as string;
    if (t === "" || skipCode[i] !== undefined) continue;
    if (!CHROME.test(fold(t))) break;
    skip(i, "web-chrome");
  }

  for (let i = 0; i < n; i++) {
    const code = skipCode[i];
    if (code !== undefined)
      skipped.push({ line: i + 1, text: trimmed[i] as string, code, reason: SKIP_REASONS[code] });
  }

  // Joins: a wrapped sentence, a cut date, the motto over two lines. Only the head's last piece is
  // looked at, and the pieces are put together once at the end, so a long paragraph stays linear.
  let joined = 0;
  let head = -1;
  let last = "";
  let pieces: string[] | undefined;
  const close = () => {
    if (head >= 0 && pieces !== undefined) lines[head] = pieces.join(" ");
    pieces = undefined;
  };
  for (let i = 0; i < n; i++) {
    const t = (lines[i] as string).trim();
    if (t === "") {
      // A skipped line (a page break's number or footer) does not end the paragraph; a blank line does.
      if (skipCode[i] === undefined && (trimmed[i] as string) === "") {
        close();
        head = -1;
      }
      continue;
    }
    if (head >= 0) {
      const single = pieces === undefined;
      const hFold = single ? fold(last) : "";
      const join =
        (DATE_CUT.test(last) && DATE_REST.test(t)) ||
        (single && /^cong hoa xa hoi$/.test(hFold) && /^chu nghia viet nam$/.test(fold(t))) ||
        (single && /^doc lap\s*-?$/.test(hFold) && /^tu do/.test(fold(t))) ||
        (!ENDS_SENTENCE.test(last) && !last.includes("\t") && !opensLine(t) && !(single && isMotto(last)));
      if (join) {
        if (pieces === undefined) pieces = [(lines[head] as string).trimEnd()];
        // "Cổng/" + "trang thông tin": a line cut right after a slash goes on without a space.
        if (last.endsWith("/")) pieces[pieces.length - 1] += t;
        else pieces.push(t);
        last = t;
        lines[i] = "";
        headOf[i] = head + 1;
        joined++;
        continue;
      }
    }
    close();
    head = i;
    last = t;
  }
  close();
  return { lines, headOf, original: trimmed, skipped, joined };
}

/** A page number stands alone: blank, a page break or the end of the text around it, or a short number. */
function isolated(trimmed: readonly string[], i: number): boolean {
  const t = trimmed[i] as string;
  if (/\D/.test(t)) return true;
  const before = trimmed[i - 1];
  const after = trimmed[i + 1];
  // Or a number cutting a sentence in two: a page break fell inside it.
  return (
    before === undefined ||
    before === "" ||
    after === undefined ||
    after === "" ||
    !ENDS_SENTENCE.test(before) ||
    LOWER_START.test(after)
  );
}
