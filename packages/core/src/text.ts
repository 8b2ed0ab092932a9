/**
 * Text shared by every part of the model: Vietnamese first, English alongside, and one canonical
 * spelling so that "Uỷ ban" typed on an old keyboard layout and "Ủy ban" compare equal.
 */
import * as z from "zod";

/** A label or message shown to a person: Vietnamese is required, English accompanies it. */
export interface LocalizedText {
  readonly vi: string;
  readonly en: string;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
// Cheap pre-check, exactly the shape the rewrite touches: a word ending in "o"/"u" + a toned a, e
// or y, where the "u" is not part of "qu". Text already in the new placement never matches, so most
// text skips the word-by-word pass.
const OLD_PLACEMENT_CANDIDATE = /(?<![qQ])[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?![\p{L}\p{M}])/u;

/**
 * Normalises Vietnamese text to Unicode NFC with the tone mark on the main vowel of "oa", "oe",
 * "uy" as the 2018 plan and current official documents write it ("Ủy ban", "hòa", "thủy").
 * Documents typed with the older placement ("Uỷ ban", "hoà") must compare equal, so every text
 * field of the model passes through here.
 */
export function normalizeText(input: string): string {
  const nfc = input.normalize("NFC");
  if (!OLD_PLACEMENT_CANDIDATE.test(nfc)) return nfc;
  // Words include their combining marks, and the result is recomposed: a stray mark after a
  // moved tone must not leave the text outside NFC.
  return nfc.replace(/\p{L}[\p{L}\p{M}]*/gu, moveOldTonePlacement).normalize("NFC");
}

function moveOldTonePlacement(word: string): string {
  const decomposed = word.normalize("NFD");
  // letters of the word with their combining marks grouped
  const letters = decomposed.match(/\P{M}\p{M}*/gu);
  if (!letters || letters.length < 2) return word;
  const last = letters[letters.length - 1] as string;
  const before = letters[letters.length - 2] as string;
  const tone = last.match(TONE_MARKS)?.[0];
  if (!tone) return word;
  const lastBase = last[0]?.toLowerCase();
  const beforeBase = before[0]?.toLowerCase();
  const beforeMarks = before.slice(1);
  if (beforeMarks !== "") return word; // "ươ", "ô"... are not the open diphthongs concerned
  const pair = `${beforeBase}${lastBase}`;
  if (pair !== "oa" && pair !== "oe" && pair !== "uy") return word;
  // "qu" + vowel: u is part of the consonant, the tone stays on the vowel ("quý", "quà").
  if (letters[letters.length - 3]?.[0]?.toLowerCase() === "q") return word;
  // Only the bare "a", "e", "y" (no breve/circumflex) take part: "oă", "oâ" don't occur open.
  const lastOtherMarks = last.slice(1).replace(TONE_MARKS, "");
  if (lastOtherMarks !== "") return word;
  const moved = [...letters.slice(0, -2), `${before}${tone}`, last.replace(TONE_MARKS, "")];
  return moved.join("").normalize("NFC");
}

/**
 * A text field of the model: normalised on parse, and never empty after trimming, so that a
 * blank line in a form is reported instead of stored. Each is one paragraph of the issued
 * document, so runs of white space (line breaks and no-break spaces pasted from Word) become one
 * space.
 */
export const Text = z
  .string()
  .overwrite((s) => collapseSpaces(normalizeText(s)))
  .pipe(z.string().min(1));

// Most texts are already one paragraph with single spaces: test (cheaply) before rewriting.
const OTHER_SPACE = /[^\S ]/u;

function collapseSpaces(s: string): string {
  const collapsed =
    s === "" ||
    (s.charCodeAt(0) !== 32 &&
      s.charCodeAt(s.length - 1) !== 32 &&
      !s.includes("  ") &&
      !OTHER_SPACE.test(s));
  return collapsed ? s : s.replace(/\s+/gu, " ").trim();
}

/** Any text field that may be empty and may span lines (notes, remarks). */
export const OptionalText = z.string().overwrite((s) => normalizeText(s).trim());

/** Vietnamese label with its English counterpart. */
export const LocalizedTextSchema = z.strictObject({
  vi: Text,
  en: Text,
});

/**
 * Folds text for comparisons that people expect to ignore case, spacing and tone placement
 * (duplicate unit names, matching an issuer abbreviation).
 */
export function foldForComparison(input: string): string {
  return normalizeText(input).toLocaleLowerCase("vi").replace(/\s+/gu, " ").trim();
}

/**
 * Turns a Vietnamese name into an ASCII identifier ("Vụ Tổ chức cán bộ" → "vu-to-chuc-can-bo"),
 * so that ids derived from a document are stable and readable in URLs and JSON.
 */
export function slugify(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const OUTLINE_LETTERS = [
  "a",
  "b",
  "c",
  "d",
  "đ",
  "e",
  "g",
  "h",
  "i",
  "k",
  "l",
  "m",
  "n",
  "o",
  "p",
  "q",
  "r",
  "s",
  "t",
  "u",
  "v",
  "x",
  "y",
];

/**
 * The letter an official document gives the n-th item of a list (a, b, c, d, đ, e, g…): Vietnamese
 * administrative outlines skip f, j, w, z and insert đ. Past "y" (23 items) it falls back to
 * numbers, which real documents do rather than invent letters.
 */
export function outlineLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) return String(index);
  return OUTLINE_LETTERS[index] ?? String(index + 1);
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** Roman numerals for section headings ("I.", "II.") and quarters ("Quý III"). */
export function romanNumeral(n: number): string {
  let rest = Math.trunc(n);
  let out = "";
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
