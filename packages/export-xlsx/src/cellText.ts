/**
 * What a text cell may hold. A workbook is XML inside a zip: characters XML 1.0 forbids make the
 * file unreadable, Excel stops at 32,767 characters per cell, `_xHHHH_` is Excel's own escape
 * syntax, and a text that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return — the
 * OWASP list) becomes one as soon as a person edits the cell. This module decides, per text, what
 * is written and what must be reported; it never drops a cell.
 */

import { stripIllegalCharacters } from "@cchc/core";

/** Excel's limit on the characters of one cell; longer text is cut with a warning. */
export const CELL_TEXT_LIMIT = 32_767;

/** First characters that turn a typed or edited cell into a formula (OWASP CSV injection list). */
export const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"] as const;

// A literal "_x0041_" would be read back by Excel as "A": escape its underscore as _x005F_.
const EXCEL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

/** A text made safe for a cell, with what had to change. */
export interface CellText {
  /** The text to store (after `_xHHHH_` escaping, so it reads back as typed). */
  readonly stored: string;
  /** Characters removed because a workbook cannot hold them. */
  readonly removedControls: number;
  /** The original length when the text was cut at `CELL_TEXT_LIMIT`, otherwise undefined. */
  readonly truncatedFrom: number | undefined;
  /** True when the text starts like a formula and must be marked as text (quote prefix). */
  readonly formulaLike: boolean;
}

/** Cleans one text for a cell. Pure; the same text always gives the same result. */
export function cellText(raw: string): CellText {
  // The core's one cleaning path for every export (C0 but tab and line breaks, DEL, C1,
  // noncharacters, lone surrogates, bidi overrides); what follows is the workbook's own rules.
  const cleaned = stripIllegalCharacters(raw);
  const removedControls = cleaned.removed;
  let text = cleaned.text;
  let truncatedFrom: number | undefined;
  if (text.length > CELL_TEXT_LIMIT) {
    truncatedFrom = text.length;
    let end = CELL_TEXT_LIMIT - 1; // room for the ellipsis
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end--; // never split a surrogate pair
    text = `${text.slice(0, end)}…`;
  }
  const formulaLike = FORMULA_TRIGGERS.some((t) => text.startsWith(t));
  let stored = text.replace(EXCEL_ESCAPE, "_x005F_$1");
  // The escape lengthens the text; keep the stored form within the limit as well.
  if (stored.length > CELL_TEXT_LIMIT) {
    truncatedFrom ??= text.length;
    stored = `${stored.slice(0, CELL_TEXT_LIMIT - 1).replace(/_x?[0-9A-Fa-f]{0,4}$/, "")}…`;
  }
  return { stored, removedControls, truncatedFrom, formulaLike };
}
