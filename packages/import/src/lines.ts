/**
 * The document as numbered lines, cleaned of what real files carry: Windows line ends, no-break and
 * zero-width spaces, tabs, old tone placement ("Uỷ"), stray spaces and duplicated words ("các các").
 * Line numbers stay those of the input, so every finding and leftover points at the line a person
 * sees in their editor.
 */
import { normalizeText } from "@cchc/core";
import type { FindingSink } from "./findingCap.js";
import { importFinding } from "./importFindings.js";
import { type Reflowed, reflowLines } from "./reflow.js";

/** One line of the input after cleaning. */
export interface SourceLine {
  /** 1-based line number in the input. */
  readonly no: number;
  /** The line with tabs and runs of spaces kept (header columns are separated by them). */
  readonly raw: string;
  /** The line as one paragraph: white space collapsed, trimmed, duplicated words removed. */
  readonly text: string;
}

// Zero-width spaces and joiners, word joiner, BOM, soft hyphen: invisible, never meant as text.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// No-break, figure, narrow and other fixed-width spaces: plain spaces in any document.
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const NEEDS_CLEANING = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
// Word-final "oà", "uỷ", "oé"…: the only shape whose tone placement the core rewrites.
// After "q" the "u" belongs to the consonant ("quả", "quý"): the tone is already where it belongs.
const OLD_TONE_AT_WORD_END = /(?<![qQ])[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![\p{L}\p{M}])/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: stray control characters are what it drops
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: white space other than a plain space, or control characters
const ODD_CHAR = /[\u0000-\u001f\u007f\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Whether a line needs its white space or control characters cleaned (most lines do not). */
function messy(raw: string): boolean {
  if (raw === "") return false;
  return (
    raw.charCodeAt(0) === 32 ||
    raw.charCodeAt(raw.length - 1) === 32 ||
    raw.includes("  ") ||
    ODD_CHAR.test(raw)
  );
}
/** Vietnamese reduplications that are meant ("người người, nhà nhà", "dần dần"). */
const MEANT_DOUBLES = new Set([
  "người",
  "nhà",
  "ngày",
  "đời",
  "dần",
  "thường",
  "mãi",
  "ai",
  "đâu",
  "năm",
  "tháng",
  "lần",
  "đêm",
  "chiều",
  "sáng",
  "xa",
  "đều",
]);

/** Removes duplicated words ("các các"); reports each as a finding on its line. */
function undouble(text: string, no: number, findings: FindingSink): string {
  // One scan over the spaces; words are compared only when their lengths match.
  let dropped: Array<[number, number]> | undefined;
  let prevStart = 0;
  let prevEnd = text.indexOf(" ");
  while (prevEnd !== -1) {
    const start = prevEnd + 1;
    let end = text.indexOf(" ", start);
    if (end === -1) end = text.length;
    const length = end - start;
    // Same length and same first letter (ignoring ASCII case) before any string is cut out.
    if (
      length >= 2 &&
      length === prevEnd - prevStart &&
      (text.charCodeAt(start) | 32) === (text.charCodeAt(prevStart) | 32) &&
      text.charCodeAt(start + 1) === text.charCodeAt(prevStart + 1)
    ) {
      const previous = text.slice(prevStart, prevEnd);
      const word = text.slice(start, end);
      if (
        (word === previous || word.toLowerCase() === previous.toLowerCase()) &&
        isDoubledTypo(previous, word)
      ) {
        const context = text.slice(Math.max(0, prevStart - 30), Math.min(text.length, end + 30)).trim();
        findings.push(
          importFinding(
            "import.duplicated-word",
            {
              vi: `Dòng ${no}: từ "${previous}" bị lặp ("${context}"); đã bỏ một lần.`,
              en: `Line ${no}: the word "${previous}" is written twice ("${context}"); one was dropped.`,
            },
            { line: no },
          ),
        );
        if (dropped === undefined) dropped = [];
        dropped.push([prevEnd, end]);
        // The kept word stays the "previous" one, so "các các các" drops two.
        prevEnd = end === text.length ? -1 : end;
        if (prevEnd !== -1) continue;
        break;
      }
    }
    prevStart = start;
    prevEnd = end === text.length ? -1 : end;
  }
  if (dropped === undefined) return text;
  let out = "";
  let at = 0;
  for (const [from, to] of dropped) {
    out += text.slice(at, from);
    at = to;
  }
  return out + text.slice(at);
}

function isDoubledTypo(first: string, second: string): boolean {
  if (!/^[\p{L}\p{M}]+$/u.test(second)) return false;
  if (MEANT_DOUBLES.has(second.toLocaleLowerCase("vi"))) return false;
  // A proper name may repeat a common word ("xã Xã Đàn"): only a repeat that is not capitalised is a typo.
  return second === first || second[0] === second[0]?.toLocaleLowerCase("vi");
}

/** Cleans one raw line: invisible characters, odd spaces, Unicode form and tone placement. */
export function cleanRaw(line: string): string {
  let s = NEEDS_CLEANING.test(line) ? line.replace(INVISIBLE, "").replace(ODD_SPACES, " ") : line;
  if (OLD_TONE_AT_WORD_END.test(s)) s = normalizeText(s);
  return s;
}

/**
 * Splits a document into cleaned, numbered lines. `\r\n`, `\r` and `\n` all end a line; Unicode
 * line and paragraph separators too. The input is put in NFC once, up front, then reflowed
 * (`reflowLines`: wrapped lines joined, page numbers, table rules and web chrome skipped) unless
 * `reflow: false`; the array keeps one entry per input line either way.
 */
export function sourceLines(
  input: string,
  findings: FindingSink = [],
  options: { readonly reflow?: boolean } = {},
): { lines: SourceLine[]; reflow: Reflowed | undefined } {
  const split = input.normalize("NFC").split(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/);
  for (let i = 0; i < split.length; i++) split[i] = cleanRaw(split[i] as string);
  const reflow = options.reflow === false ? undefined : reflowLines(split);
  const parts = reflow?.lines ?? split;
  const lines: SourceLine[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i] as string;
    const collapsed = messy(raw) ? raw.replace(CONTROL, "").replace(/\s+/g, " ").trim() : raw;
    lines[i] = { no: i + 1, raw, text: undouble(collapsed, i + 1, findings) };
  }
  return { lines, reflow };
}

/**
 * The columns of a header or signature line: a plain-text copy of Decree 30's two-column header
 * puts "SỞ NỘI VỤ" and "Độc lập - Tự do - Hạnh phúc" on one line, separated by tabs or a wide gap.
 */
export function columnsOf(raw: string): string[] {
  const cells = raw
    .split(/\t+| {4,}/)
    .map((c) => c.replace(/\s+/g, " ").trim())
    .filter((c) => c !== "");
  // "Số:" followed by a wide gap, then the number: one cell.
  const out: string[] = [];
  for (const c of cells) {
    const prev = out[out.length - 1];
    // A blank left for the number or the day: "Số:      /KH-UBND", "ngày      tháng 3 năm 2021".
    if (
      prev !== undefined &&
      (/^s[ốo]\s*:?$/iu.test(prev) ||
        (/(?:^|\s)(ngày|tháng)\s*[.…_]*$/iu.test(prev) && /^[.…_\s]*(tháng|năm)\b/iu.test(c)))
    )
      out[out.length - 1] = `${prev} ${c}`;
    else out.push(c);
  }
  return out;
}
