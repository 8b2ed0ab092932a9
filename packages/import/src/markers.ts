/**
 * Outline markers of Vietnamese administrative documents: "I." for parts, "1." / "1.1." for
 * sections, "a)" … "đ)" for items, "-", "+", "•" for bullets. Real documents write them loosely
 * ("I.MỤC TIÊU", "1)", "a.", "-)", a tab after the marker), so the patterns accept those forms.
 */

/** Kinds of marker; arabic markers carry their depth ("1.2." is depth 2). */
export type MarkerType =
  | "roman"
  | "upper-letter"
  | `arabic${number}`
  | "paren"
  | "letter"
  | "dash"
  | "plus"
  | "star"
  | "bullet";

/** A marker read at the start of a line. */
export interface Marker {
  readonly type: MarkerType;
  /** The label as it appears: "II", "1", "1.2", "đ"; bullets have none. */
  readonly label: string | undefined;
  /** The line after the marker. */
  readonly rest: string;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 };

/** Value of a roman numeral up to XXXIX, or undefined when the letters are not a numeral. */
export function romanValue(s: string): number | undefined {
  if (!/^(X{0,3})(IX|IV|V?I{0,3})$/.test(s) || s === "") return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i] as string] ?? 0;
    const next = ROMAN_VALUES[s[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const ROMAN = /^(?:PHẦN\s+|Phần\s+)?([IVX]{1,6})\s*[.)]\s*(?=\S)/u;
// "1." "1)" "1.2." "1.2" followed by text that starts with a letter, quote or bracket, so numbers
// in prose ("1.000 người", "15/6") are not read as markers.
const ARABIC = /^(\d{1,2}(?:\.\d{1,2}){0,3})(?:\s*[.)]|(?<=\.\d{1,2})(?=\s))\s*(?=[\p{L}"“'(])/u;
const LETTER = /^([a-zđ])\s*\)\s*(?=\S)/u;
// "a." only when followed by a capital: "a. Mục tiêu chung"; "v.v." and initials stay text.
const LETTER_DOT = /^([a-zđ])\.\s+(?=\p{Lu})/u;
// Bullets, including the private-use symbols a copy out of Word brings along (, , ).
const BULLET = /^(-\)|[-–—−]|\+|\*|[•●○◦▪■□➢➤✓·\uf0a7\uf0b7\uf0d8\uf076\uf0fc\uf0a8\uf0e0])\s*(?=\S)/u;
// "A. MỤC ĐÍCH, YÊU CẦU": a capital letter for parts, only before capitals (never a name's initial).
const UPPER_LETTER = /^([A-HĐ])\s*[.)]\s+(?=\p{Lu}{2,})/u;
// "(1) Tuyên truyền…".
const PAREN = /^\((\d{1,2}|[a-zđ])\)\s*(?=\S)/u;

/** Letters used as item markers: a–y without f, j, w, z, plus đ. */
const ITEM_LETTERS = new Set("abcdđeghiklmnopqrstuvxy".split(""));

/** Reads the outline marker at the start of a (trimmed) line, if any. */
export function readMarker(text: string): Marker | undefined {
  const r = ROMAN.exec(text);
  if (r && romanValue(r[1] as string) !== undefined) {
    return { type: "roman", label: r[1] as string, rest: text.slice(r[0].length) };
  }
  const u = UPPER_LETTER.exec(text);
  if (u) return { type: "upper-letter", label: u[1] as string, rest: text.slice(u[0].length) };
  const p = PAREN.exec(text);
  if (p) return { type: "paren", label: p[1] as string, rest: text.slice(p[0].length) };
  const a = ARABIC.exec(text);
  if (a) {
    const label = a[1] as string;
    return { type: `arabic${label.split(".").length}`, label, rest: text.slice(a[0].length) };
  }
  const l = LETTER.exec(text) ?? LETTER_DOT.exec(text);
  if (l && ITEM_LETTERS.has(l[1] as string)) {
    return { type: "letter", label: l[1] as string, rest: text.slice(l[0].length) };
  }
  const b = BULLET.exec(text);
  if (b) {
    const sign = b[1] as string;
    const type: MarkerType =
      sign === "+" ? "plus" : sign === "*" ? "star" : /^(-\)|[-–—−])$/.test(sign) ? "dash" : "bullet";
    return { type, label: undefined, rest: text.slice(b[0].length) };
  }
  return undefined;
}

/** Bullets number their items by position; labelled markers name them. */
export function isBullet(type: string): boolean {
  return type === "dash" || type === "plus" || type === "star" || type === "bullet";
}
