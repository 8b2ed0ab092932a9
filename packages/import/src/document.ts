/**
 * The layout of an issued document around its outline: where the header ends and the type line
 * ("KẾ HOẠCH") stands, the title under it, the preamble ("Căn cứ…", "Thực hiện…"), the body, the
 * recipients and signature block, an appendix; and, when the plan is issued inside a decision, the
 * decision's own parts (its number and date, "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch…").
 */
import type { Signer } from "@cchc/core";
import type { FindingSink } from "./findingCap.js";
import { fold, isUpperText, properCaseName } from "./fold.js";
import {
  archiveAbbreviations,
  buildSigner,
  type DateReading,
  groupBodies,
  isDateCell,
  isMotto,
  isNumberCell,
  isSeparator,
  looksLikeName,
  type NumberReading,
  opensBody,
  readNumber,
  readPlaceDate,
  readTypeLine,
  signatureRole,
  type TypeLine,
  withoutMotto,
} from "./header.js";
import { headingKinds } from "./keywords.js";
import type { Ledger } from "./ledger.js";
import { columnsOf, type SourceLine } from "./lines.js";
import { readMarker } from "./markers.js";

/** What the header of a document (a plan or its decision) says. */
export interface HeaderReading {
  readonly bodies: string[];
  readonly number: NumberReading | undefined;
  readonly date: DateReading | undefined;
  readonly marks: string[];
}

const MARKS = /^(du thao|khan|thuong khan|hoa toc|mat|toi mat|tuyet mat|ban chinh thuc)$/;

/** Reads the header lines above the type line: bodies, number, place and date. */
export function readHeader(
  lines: readonly SourceLine[],
  ledger: Ledger,
  findings: FindingSink,
): HeaderReading {
  const bodyCells: string[] = [];
  const marks: string[] = [];
  let number: NumberReading | undefined;
  let date: DateReading | undefined;
  for (const line of lines) {
    if (line.text === "") continue;
    let understood = true;
    const cells = columnsOf(line.raw).flatMap(withoutMotto);
    for (let cell of cells) {
      if (isSeparator(cell)) continue;
      if (number === undefined && isNumberCell(cell)) {
        number = readNumber(cell, line.no);
        findings.push(...number.findings);
        // A copy that lost the column gap: "Số: 05/KH-UBND Quảng Ninh, ngày 24 tháng 3 năm 2021".
        const afterSymbol = /\/\s*[A-ZĐ]{1,6}\s*[-/]\s*[A-ZĐ0-9]+(?:[-.][A-ZĐ0-9]+)*/u.exec(cell);
        const rest = afterSymbol ? cell.slice(afterSymbol.index + afterSymbol[0].length).trim() : "";
        if (rest === "") continue;
        cell = rest;
      }
      if (date === undefined && isDateCell(cell)) {
        date = readPlaceDate(cell, line.no);
        findings.push(...date.findings);
        continue;
      }
      const f = fold(cell);
      if (MARKS.test(f)) {
        marks.push(cell);
        continue;
      }
      if (isUpperText(cell) && !/^v\/v\b/.test(f) && (bodyCells.length > 0 || opensBody(cell))) {
        bodyCells.push(cell);
        continue;
      }
      understood = false;
    }
    if (understood) ledger.place([line.no]);
    else ledger.leave([line.no], "header-unrecognised");
  }
  // A line wholly made of the motto or separators is part of the header as well.
  for (const line of lines) if (isMotto(line.text) || isSeparator(line.text)) ledger.place([line.no]);
  return { bodies: groupBodies(bodyCells).map(properCaseName), number, date, marks };
}

/** Index of the document type line at or after `from`, with what it says. */
export function findTypeLine(
  lines: readonly SourceLine[],
  from: number,
  until: number,
  code?: string,
): { index: number; type: TypeLine } | undefined {
  for (let i = from; i < until; i++) {
    const l = lines[i] as SourceLine;
    if (l.text === "" || l.text.length > 200) continue;
    const type = readTypeLine(l.text);
    if (type && (code === undefined || type.code === code)) return { index: i, type };
  }
  return undefined;
}

const PREAMBLE_OPENERS =
  /^(can cu|thuc hien|theo|nham|de|trien khai|tren co so|qua|xet|phuc dap|thuc hien chi dao|ubnd|uy ban nhan dan|so |bo )\b/;

/** Whether a line can be (part of) the title under the type line. */
function titleLike(text: string, sofar: string[]): boolean {
  if (text === "" || text.length > 300) return false;
  if (readMarker(text) !== undefined || isSeparator(text) || text.startsWith("(")) return false;
  if (/[.:;]$/.test(text))
    return sofar.length === 0 && !/:$/.test(text) && text.length < 200 && isUpperText(text);
  const f = fold(text);
  if (sofar.length > 0 && PREAMBLE_OPENERS.test(f) && !isUpperText(text)) return false;
  // Capitals after a mixed-case title are the authority line of a decision ("BỘ TRƯỞNG BỘ Y TẾ").
  if (sofar.length > 0 && isUpperText(text) && !sofar.some(isUpperText)) return false;
  if (sofar.length === 0 && /^(can cu|thuc hien|theo de nghi)\b/.test(f)) return false;
  return true;
}

/** Reads the title lines after the type line; returns the title and the index after it. */
export function readTitle(
  lines: readonly SourceLine[],
  typeIndex: number,
  inline: string | undefined,
  until: number,
  ledger: Ledger,
): { title: string | undefined; next: number } {
  const parts: string[] = inline === undefined || inline === "" ? [] : [inline];
  let i = typeIndex + 1;
  let lastTitleLine = typeIndex;
  for (; i < until && parts.length < 4; i++) {
    const l = lines[i] as SourceLine;
    if (l.text === "") continue;
    if (isSeparator(l.text)) {
      ledger.place([l.no]);
      if (parts.length > 0) {
        i++;
        break;
      }
      continue;
    }
    if (!titleLike(l.text, parts)) break;
    parts.push(l.text);
    ledger.place([l.no]);
    lastTitleLine = i;
  }
  const next = parts.length === 0 ? typeIndex + 1 : Math.max(lastTitleLine + 1, i);
  return { title: parts.length === 0 ? undefined : parts.join(" "), next: Math.min(next, until) };
}

/** "(Ban hành kèm theo Quyết định số 1234/QĐ-BYT ngày 05/02/2021 của Bộ trưởng Bộ Y tế)". */
export interface IssuedWith {
  readonly text: string;
  readonly number: NumberReading | undefined;
  readonly date: DateReading | undefined;
  readonly line: number;
}

/** Reads the "(Ban hành kèm theo …)" line of a plan issued with a decision. */
export function readIssuedWith(line: SourceLine, findings: FindingSink): IssuedWith | undefined {
  const f = fold(line.text);
  if (!/^\(?\s*(ban hanh )?kem theo\b/.test(f)) return undefined;
  const n = /\bsố\s*:?\s*([\d.…_ ]*\s*\/\s*[A-ZĐ]{1,6}\s*[-/]\s*[A-ZĐ0-9]+(?:[-.][A-ZĐ0-9]+)*)/iu.exec(
    line.text,
  );
  const number = n ? readNumber(n[1] as string, line.no) : undefined;
  const dateReading = readPlaceDate(line.text, line.no, ["extensions", "decision", "date"]);
  if (number) findings.push(...number.findings);
  findings.push(...dateReading.findings);
  return {
    text: line.text.replace(/^\(|\)$/g, "").trim(),
    number,
    date: dateReading.year === undefined ? undefined : { ...dateReading, place: undefined },
    line: line.no,
  };
}

/** The preamble between title and body, sorted into legal bases and other paragraphs. */
export interface Preamble {
  readonly legalBasis: string[];
  readonly paragraphs: string[];
  readonly issuedWith: IssuedWith | undefined;
}

/** Whether a line starts the body: an outline marker or an unmarked section heading in capitals. */
export function startsBody(text: string): boolean {
  const m = readMarker(text);
  if (m !== undefined && m.type !== "dash" && m.type !== "plus" && m.type !== "bullet" && m.type !== "star")
    return true;
  return isUpperText(text) && headingKinds(text).length > 0;
}

/** Reads the preamble lines from `from`; returns it and the index of the first body line. */
export function readPreamble(
  lines: readonly SourceLine[],
  from: number,
  until: number,
  ledger: Ledger,
  findings: FindingSink,
): { preamble: Preamble; next: number } {
  const legalBasis: string[] = [];
  const paragraphs: string[] = [];
  let issuedWith: IssuedWith | undefined;
  let i = from;
  for (; i < until; i++) {
    const l = lines[i] as SourceLine;
    if (l.text === "") continue;
    if (startsBody(l.text) || isTrailerStart(l.text)) break;
    const w = issuedWith === undefined ? readIssuedWith(l, findings) : undefined;
    if (w) issuedWith = w;
    else if (/^can cu\b/.test(fold(l.text))) legalBasis.push(l.text);
    else paragraphs.push(l.text);
    ledger.place([l.no]);
  }
  return { preamble: { legalBasis, paragraphs, issuedWith }, next: i };
}

/** Whether a line begins the recipients/signature block or an appendix. */
export function isTrailerStart(text: string): boolean {
  if (!/^(n|tm|kt|tl|tuq|q|t\/m|k\/t)/iu.test(text)) return false;
  const f = fold(text);
  return /^noi nhan\b/.test(f) || signatureRole(text) === "authority";
}

/** Whether a line opens an appendix ("PHỤ LỤC", "Phụ lục I: …"). */
export function isAppendixStart(text: string): boolean {
  return /^ph/iu.test(text) && /^phu luc\b/.test(fold(text)) && (isUpperText(text) || text.length < 80);
}

/** Recipients and signer of a trailer. */
export interface TrailerReading {
  readonly recipients: string[];
  readonly archive: string[];
  readonly signer: Signer | undefined;
}

function recipientText(cell: string): string {
  return cell
    .replace(/^[-–—•+*]\s*/u, "")
    .replace(/[;,.]+\s*$/u, "")
    .trim();
}

/**
 * The cells of a trailer line: split at tabs or wide gaps only when a later cell is part of the
 * signature (recipients and signature side by side); a stray tab inside "- Bộ\tNội vụ;" is a space.
 */
function trailerCells(line: SourceLine, afterTitle: boolean): string[] {
  const cells = columnsOf(line.raw);
  if (cells.length < 2) return cells;
  const signatureSide = cells
    .slice(1)
    .some((c) => signatureRole(c) !== undefined || (afterTitle && looksLikeName(c)) || isSeparator(c));
  return signatureSide || cells.slice(0, -1).every((c) => signatureRole(c) !== undefined)
    ? cells
    : [line.text];
}

/**
 * Reads the recipients block and the signature, whether they come one after the other (a .docx
 * table read cell by cell) or side by side on the same lines (a plain-text copy of that table).
 */
export function readTrailer(lines: readonly SourceLine[], ledger: Ledger): TrailerReading {
  const recipients: string[] = [];
  const authority: string[] = [];
  let title: string | undefined;
  let name: string | undefined;
  let inRecipients = false;
  for (const line of lines) {
    if (line.text === "") continue;
    let understood = true;
    for (const cell of trailerCells(line, title !== undefined)) {
      if (isSeparator(cell)) continue;
      const f = fold(cell);
      const nn = /^noi nhan\s*:?\s*(.*)$/.exec(f);
      if (nn) {
        inRecipients = true;
        const rest = cell.replace(/^nơi nhận\s*:?\s*/iu, "");
        if (rest !== "") recipients.push(recipientText(rest));
        continue;
      }
      const role = signatureRole(cell);
      if (role === "authority") {
        authority.push(cell);
        continue;
      }
      if (role === "signed") continue;
      if (role === "title" && title === undefined) {
        title = cell;
        continue;
      }
      if (/^[-–—•+*]/u.test(cell) || /^lưu\s*:/iu.test(cell)) {
        recipients.push(recipientText(cell));
        continue;
      }
      if (title !== undefined && name === undefined && looksLikeName(cell)) {
        name = cell;
        continue;
      }
      if (inRecipients && /[;.]$/.test(cell) && title === undefined) {
        recipients.push(recipientText(cell));
        continue;
      }
      understood = false;
    }
    if (understood) ledger.place([line.no]);
    else ledger.leave([line.no], "trailer-unrecognised");
  }
  const archive = recipients.flatMap(archiveAbbreviations);
  return {
    recipients: recipients.filter((r) => r !== ""),
    archive,
    signer: buildSigner({ authority, title, name }),
  };
}

/** What the decision that issues a plan says. */
export interface DecisionReading {
  readonly header: HeaderReading;
  readonly title: string | undefined;
  readonly authority: string | undefined;
  readonly legalBasis: string[];
  readonly articles: string[];
  readonly trailer: TrailerReading;
}

/** Reads a decision wrapper: header, type line, summary, authority, bases, articles, trailer. */
export function readDecision(
  lines: readonly SourceLine[],
  typeIndex: number,
  end: number,
  ledger: Ledger,
  findings: FindingSink,
): DecisionReading {
  const header = readHeader(lines.slice(0, typeIndex), ledger, findings);
  ledger.place([(lines[typeIndex] as SourceLine).no]);
  const { title, next } = readTitle(lines, typeIndex, undefined, end, ledger);
  let authority: string | undefined;
  const legalBasis: string[] = [];
  const articles: string[] = [];
  let i = next;
  for (; i < end; i++) {
    const l = lines[i] as SourceLine;
    if (l.text === "") continue;
    if (isTrailerStart(l.text)) break;
    const f = fold(l.text);
    if (authority === undefined && articles.length === 0 && legalBasis.length === 0 && isUpperText(l.text)) {
      authority = l.text;
    } else if (/^(can cu|theo de nghi|xet de nghi|xet)\b/.test(f)) legalBasis.push(l.text);
    else if (/^quyet dinh\s*:?$/.test(f)) {
      // "QUYẾT ĐỊNH:": the enacting word.
    } else if (/^dieu \d+\b/.test(f)) articles.push(l.text);
    else if (articles.length > 0) articles[articles.length - 1] += ` ${l.text}`;
    else {
      ledger.leave([l.no], "decision-unrecognised");
      continue;
    }
    ledger.place([l.no]);
  }
  const trailer = readTrailer(lines.slice(i, end), ledger);
  return { header, title, authority, legalBasis, articles, trailer };
}

/**
 * Where the plan's own part starts inside a decision: its type line, with the header lines just
 * above it (a second national header), but not the decision's signature.
 */
export function planStart(lines: readonly SourceLine[], decisionType: number, planType: number): number {
  let j = planType - 1;
  while (j > decisionType) {
    const t = (lines[j] as SourceLine).text;
    const headerish =
      t === "" ||
      isSeparator(t) ||
      isMotto(t) ||
      isNumberCell(t) ||
      isDateCell(t) ||
      columnsOf((lines[j] as SourceLine).raw).some(isMotto) ||
      (isUpperText(t) && signatureRole(t) === undefined && !/^noi nhan/.test(fold(t)));
    if (!headerish) break;
    j--;
  }
  return j + 1;
}
