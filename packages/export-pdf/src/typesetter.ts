/**
 * Sets text on PDF pages with the glyphs that are really drawn. pdfkit draws a character its font
 * lacks as the font's empty box and writes that box's width unscaled into the file (1.6 em for
 * Tinos instead of the 0.78 em it measured), so a line with emoji, CJK, Thai or Arabic ran past
 * the right margin while showing nothing. Here every grapheme goes to the first face that has its
 * glyphs (the document's family, then the fallback fonts); one that no font has becomes a visible
 * "\uFFFD" in the main face and is reported. Lines are broken (UAX #14, as pdfkit does) and
 * measured run by run in the face that draws each run, so no line leaves its box.
 */
import type { Finding, FindingPath } from "@cchc/core";
import LineBreaker from "linebreak";
import type { ParsedFont, ParsedFonts } from "./fonts.js";

/** The four faces of the document's family. */
export type Face = "regular" | "bold" | "italic" | "boldItalic";

/** What is drawn: a size and a face. */
export interface Style {
  readonly size: number;
  readonly face?: Face;
}

/** Shown for a character no embedded font can draw. */
export const MISSING_GLYPH = "\uFFFD";

/** Text in one registered pdfkit font. */
interface Run {
  readonly font: string;
  readonly text: string;
}

/** What lies between two break opportunities: a word and the spaces after it. */
interface Piece {
  readonly runs: readonly Run[];
  /** Width without the trailing white space. */
  readonly width: number;
  /** Width of the trailing white space (it may hang past the end of a line). */
  readonly trailing: number;
  /** Right-to-left text (Arabic, Hebrew): consecutive such words are shown right to left. */
  readonly rtl: boolean;
}

/** One line of set text. */
export interface SetLine {
  readonly pieces: readonly Piece[];
  /** Width without the trailing white space. */
  readonly width: number;
  /** The last line of a paragraph (not justified). */
  readonly last: boolean;
  /** The box's width this line was set for (after any indent). */
  readonly room: number;
  readonly indent: number;
}

export type Align = "left" | "right" | "center" | "justify";

// Invisible characters that only steer how neighbours are drawn: dropped when the face that
// draws their grapheme has no glyph for them (a box would show where nothing should).
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const SPACE_AT_END = /\s+$/u;
const LATIN = /\p{Script=Latin}/u;
const WHITE = /^\s+$/u;

const graphemes = new Intl.Segmenter("vi", { granularity: "grapheme" });

interface FaceFonts {
  /** pdfkit names, main face first. */
  readonly names: readonly string[];
  readonly fonts: readonly ParsedFont[];
  /** Per code point: index of the first font with its glyph, -1 for none. */
  readonly cover: Map<number, number>;
}

/** The characters a document lost or drew in another font, for the warnings, by script. */
interface Tally {
  count: number;
  readonly scripts: Map<Script, { count: number; readonly chars: Set<string> }>;
  first: FindingPath | undefined;
}

const newTally = (): Tally => ({ count: 0, scripts: new Map(), first: undefined });

type Script = (typeof SCRIPTS)[number][0] | "emoji" | "other";

/** Scripts named in the warnings, so a person sees at once what the document needs. */
const SCRIPTS = [
  ["Han", "chữ Hán"],
  ["Hiragana", "chữ Nhật (hiragana)"],
  ["Katakana", "chữ Nhật (katakana)"],
  ["Hangul", "chữ Hàn"],
  ["Thai", "chữ Thái"],
  ["Lao", "chữ Lào"],
  ["Khmer", "chữ Khmer"],
  ["Myanmar", "chữ Miến Điện"],
  ["Arabic", "chữ Ả Rập"],
  ["Hebrew", "chữ Do Thái"],
  ["Devanagari", "chữ Devanagari"],
  ["Cyrillic", "chữ Kirin"],
  ["Greek", "chữ Hy Lạp"],
] as const;
const SCRIPT_TESTS = SCRIPTS.map(([name]) => [name, new RegExp(`\\p{Script=${name}}`, "u")] as const);
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

function scriptOf(grapheme: string): Script {
  if (EMOJI.test(grapheme)) return "emoji";
  for (const [name, re] of SCRIPT_TESTS) if (re.test(grapheme)) return name;
  return "other";
}

const scriptName = (s: Script): { vi: string; en: string } =>
  s === "emoji"
    ? { vi: "biểu tượng cảm xúc (emoji)", en: "emoji" }
    : s === "other"
      ? { vi: "ký tự khác", en: "other" }
      : { vi: SCRIPTS.find(([n]) => n === s)?.[1] ?? s, en: s };

const codeOf = (grapheme: string) =>
  [...grapheme]
    .map((c) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}`)
    .join(" ");

/** "Han: 114 (中 U+4E2D, 文 U+6587, …)" for each script, in the order first met. */
function listed(t: Tally, lang: "vi" | "en"): string {
  return [...t.scripts]
    .map(([script, { count, chars }]) => {
      const shown = [...chars].slice(0, 8).map((c) => `${c} ${codeOf(c)}`);
      const more = chars.size > shown.length ? ", …" : "";
      return `${scriptName(script)[lang]}: ${count} (${shown.join(", ")}${more})`;
    })
    .join("; ");
}

/** Registers the fonts with pdfkit and sets text with them. */
export class Typesetter {
  readonly pdf: PDFKit.PDFDocument;
  private readonly faces: Record<Face, FaceFonts>;
  private readonly widths = new Map<string, number>();
  private readonly substituted = new Map<string, readonly Run[]>();
  private readonly missing = newTally();
  private readonly fellBack = newTally();
  private readonly accounted = new Set<string>();
  private readonly set = new Map<string, SetLine[]>();
  private readonly heights = new Map<string, number>();

  constructor(pdf: PDFKit.PDFDocument, fonts: ParsedFonts) {
    this.pdf = pdf;
    const fallbacks = fonts.fallbacks ?? [];
    const register = (face: Face): FaceFonts => {
      const upright = face === "bold" || face === "boldItalic" ? "bold" : "regular";
      const list = [fonts[face], ...fallbacks.map((f) => f[upright])];
      const names = list.map((_, i) => (i === 0 ? face : `fallback${i}-${upright}`));
      // pdfkit embeds a parsed fontkit font as given (its typings only know paths and buffers).
      for (const [i, f] of list.entries()) pdf.registerFont(names[i] as string, f as unknown as Buffer);
      return { names, fonts: list, cover: new Map() };
    };
    this.faces = {
      regular: register("regular"),
      bold: register("bold"),
      italic: register("italic"),
      boldItalic: register("boldItalic"),
    };
  }

  /** Selects the main face of a style (for line heights and plain strings). */
  use(style: Style): void {
    this.pdf.font(style.face ?? "regular").fontSize(style.size);
  }

  /** Height of one line in the main face, with pdfkit's line gap. */
  lineHeight(style: Style): number {
    const key = `${style.face ?? "regular"}\u0000${style.size}`;
    let h = this.heights.get(key);
    if (h === undefined) {
      this.use(style);
      h = this.pdf.currentLineHeight(true);
      this.heights.set(key, h);
    }
    return h;
  }

  private coverOf(face: FaceFonts, cp: number): number {
    let i = face.cover.get(cp);
    if (i === undefined) {
      i = face.fonts.findIndex((f) => f.hasGlyphForCodePoint === undefined || f.hasGlyphForCodePoint(cp));
      face.cover.set(cp, i);
    }
    return i;
  }

  /** The text cut into runs of one font each, characters no font has replaced (and counted). */
  runs(text: string, face: Face): readonly Run[] {
    const key = `${face}\u0000${text}`;
    const known = this.substituted.get(key);
    if (known !== undefined) return known;
    const f = this.faces[face];
    let simple = true;
    for (const ch of text) {
      if (this.coverOf(f, ch.codePointAt(0) as number) !== 0) {
        simple = false;
        break;
      }
    }
    const out: Run[] = [];
    if (simple) out.push({ font: f.names[0] as string, text });
    else {
      const push = (font: number, s: string) => {
        const name = f.names[font] as string;
        const last = out.at(-1);
        if (last?.font === name) out[out.length - 1] = { font: name, text: last.text + s };
        else out.push({ font: name, text: s });
      };
      for (const { segment } of graphemes.segment(text)) {
        // White space the face lacks (a tab, an ideographic space) is a plain space.
        if (WHITE.test(segment)) {
          const has = [...segment].every((c) => this.coverOf(f, c.codePointAt(0) as number) === 0);
          push(0, has ? segment : " ".repeat([...segment].length));
          continue;
        }
        const cps = [...segment];
        const base = cps.find((c) => !IGNORABLE.test(c)) ?? cps[0] ?? "";
        const font = this.coverOf(f, base.codePointAt(0) as number);
        const usable =
          font >= 0 &&
          cps.every((c) => IGNORABLE.test(c) || this.coverOf(f, c.codePointAt(0) as number) >= 0);
        if (!usable) {
          push(0, this.placeholder(face));
          continue;
        }
        // Inside a grapheme, the face drawing the base draws its marks when it has them.
        const kept = cps.filter((c) => {
          const cp = c.codePointAt(0) as number;
          return !IGNORABLE.test(c) || this.fontHas(f, font, cp);
        });
        push(font, kept.join(""));
      }
    }
    this.substituted.set(key, out);
    return out;
  }

  /** "\uFFFD" when the main face has it, else "?": a placeholder must never be a missing glyph itself. */
  private placeholder(face: Face): string {
    return this.coverOf(this.faces[face], 0xfffd) === 0 ? MISSING_GLYPH : "?";
  }

  private fontHas(f: FaceFonts, font: number, cp: number): boolean {
    const parsed = f.fonts[font];
    return parsed?.hasGlyphForCodePoint === undefined || parsed.hasGlyphForCodePoint(cp);
  }

  private widthOf(run: Run, size: number): number {
    const key = `${run.font}\u0000${run.text}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.pdf.font(run.font).fontSize(1000);
      w = this.pdf.widthOfString(run.text) / 1000;
      this.widths.set(key, w);
    }
    return w * size;
  }

  private piece(runs: readonly Run[], size: number): Piece {
    // Trailing spaces always fall in the last run: a space is a grapheme of its own, drawn by the
    // main face, and runs of one font are merged.
    const last = runs.at(-1);
    const space = last === undefined ? "" : (SPACE_AT_END.exec(last.text)?.[0] ?? "");
    let width = 0;
    for (let i = 0; i < runs.length - 1; i++) width += this.widthOf(runs[i] as Run, size);
    let trailing = 0;
    if (last !== undefined) {
      const word = last.text.slice(0, last.text.length - space.length);
      const full = this.widthOf(last, size);
      const bare = word === "" ? 0 : this.widthOf({ font: last.font, text: word }, size);
      width += bare;
      trailing = full - bare;
    }
    const rtl = runs.some((r) => RTL.test(r.text)) && !runs.some((r) => LATIN.test(r.text));
    return { runs, width, trailing, rtl };
  }

  /** Splits runs into pieces at each break opportunity (positions in the joined text). */
  private pieces(runs: readonly Run[], size: number): Piece[] {
    const text = runs.length === 1 ? (runs[0] as Run).text : runs.map((r) => r.text).join("");
    const breaker = new LineBreaker(text);
    const out: Piece[] = [];
    if (runs.length === 1) {
      const font = (runs[0] as Run).font;
      let from = 0;
      for (let bk = breaker.nextBreak(); bk !== null; bk = breaker.nextBreak()) {
        if (bk.position > from) out.push(this.piece([{ font, text: text.slice(from, bk.position) }], size));
        from = bk.position;
      }
      return out;
    }
    let last = 0;
    let runIndex = 0;
    let runStart = 0;
    for (let bk = breaker.nextBreak(); bk !== null; bk = breaker.nextBreak()) {
      const cut: Run[] = [];
      let from = last;
      while (from < bk.position) {
        const run = runs[runIndex] as Run;
        const end = runStart + run.text.length;
        const to = Math.min(end, bk.position);
        cut.push({ font: run.font, text: run.text.slice(from - runStart, to - runStart) });
        from = to;
        if (to === end) {
          runIndex++;
          runStart = end;
        }
      }
      if (cut.length > 0) out.push(this.piece(cut, size));
      last = bk.position;
    }
    return out;
  }

  /**
   * Splits a piece wider than a line into parts that fit `room`, at grapheme boundaries. The cut is
   * found with the graphemes' own widths, then checked with the part as it is drawn (kerning,
   * Arabic joining forms), moving graphemes to the next part until it fits.
   */
  private chop(p: Piece, room: number, size: number): Piece[] {
    const units: Array<{ font: string; text: string; width: number }> = [];
    for (const run of p.runs)
      for (const { segment } of graphemes.segment(run.text))
        units.push({
          font: run.font,
          text: segment,
          width: this.widthOf({ font: run.font, text: segment }, size),
        });
    const build = (from: number, to: number): Piece => {
      const runs: Run[] = [];
      for (let k = from; k < to; k++) {
        const u = units[k] as (typeof units)[number];
        const last = runs.at(-1);
        if (last?.font === u.font) runs[runs.length - 1] = { font: u.font, text: last.text + u.text };
        else runs.push({ font: u.font, text: u.text });
      }
      return this.piece(runs, size);
    };
    const out: Piece[] = [];
    let from = 0;
    while (from < units.length) {
      let to = from + 1; // at least one grapheme per line
      let estimate = (units[from] as (typeof units)[number]).width;
      while (to < units.length && estimate + (units[to] as (typeof units)[number]).width <= room + 1e-6)
        estimate += (units[to++] as (typeof units)[number]).width;
      // White space at the cut hangs at the end of the line.
      while (to < units.length && WHITE.test((units[to] as (typeof units)[number]).text)) to++;
      let part = build(from, to);
      while (part.width > room + 1e-6 && to > from + 1) part = build(from, --to);
      out.push(part);
      from = to;
    }
    return out;
  }

  /** Width of a one-line text as drawn (white space at its end included). */
  width(text: string, style: Style): number {
    const size = style.size;
    let w = 0;
    for (const r of this.runs(text, style.face ?? "regular")) w += this.widthOf(r, size);
    return w;
  }

  /** Breaks `text` into lines no wider than `width` (the first line of each paragraph indented). */
  lines(text: string, style: Style, width: number, indent = 0): SetLine[] {
    // A paragraph is measured (to keep it with what follows) and then drawn; a table row is
    // measured several times: set each text once.
    const key = `${style.face ?? "regular"}\u0000${style.size}\u0000${width}\u0000${indent}\u0000${text}`;
    const known = this.set.get(key);
    if (known !== undefined) return known;
    const out = this.breakLines(text, style, width, indent);
    if (this.set.size >= 20_000) this.set.clear();
    this.set.set(key, out);
    return out;
  }

  private breakLines(text: string, style: Style, width: number, indent: number): SetLine[] {
    const size = style.size;
    const out: SetLine[] = [];
    if (text === "") return out; // no line at all, as pdfkit (a blank line needs " ")
    for (const paragraph of text.split("\n")) {
      const all = this.pieces(this.runs(paragraph, style.face ?? "regular"), size);
      let line: Piece[] = [];
      let used = 0;
      let pending = 0; // trailing white space of the line so far
      let lineIndent = Math.min(indent, Math.max(0, width - 1));
      let room = width - lineIndent;
      const emit = (last: boolean) => {
        out.push({ pieces: line, width: used, last, room, indent: lineIndent });
        line = [];
        used = 0;
        pending = 0;
        lineIndent = 0;
        room = width;
      };
      const queue = [...all];
      while (queue.length > 0) {
        const p = queue.shift() as Piece;
        if (line.length > 0 && used + pending + p.width > room + 1e-6) {
          emit(false);
        }
        if (line.length === 0 && p.width > room + 1e-6) {
          // Longer than a whole line: cut it by graphemes (an unbreakable string, Thai, a URL).
          const parts = this.chop(p, room, size);
          if (parts.length > 1) {
            // The first part fits this line; the rest are set again from a full line's width.
            queue.unshift(
              parts[0] as Piece,
              this.piece(mergeRuns(parts.slice(1).flatMap((x) => x.runs)), size),
            );
            continue;
          }
        }
        used += pending + p.width;
        pending = p.trailing;
        line.push(p);
      }
      emit(true);
    }
    return out;
  }

  /**
   * Draws one line whose top is at `y` in the box that starts at `x`. Every run sits on the main
   * face's baseline, whatever its own font's ascender.
   */
  drawLine(line: SetLine, style: Style, x: number, y: number, align: Align): void {
    const size = style.size;
    this.use(style);
    // pdfkit's private font object: its ascender puts the baseline below the line's top.
    const ascender = (this.pdf as unknown as { _font: { ascender: number } })._font.ascender;
    const baseline = -(ascender / 1000) * size;
    const placed = visualOrder(line.pieces);
    const gaps = placed.length - 1;
    const justify = align === "justify" && !line.last && gaps > 0;
    const extra = justify ? Math.max(0, (line.room - line.width) / gaps) : 0;
    let cx = x + line.indent;
    if (align === "right") cx += line.room - line.width;
    else if (align === "center") cx += (line.room - line.width) / 2;
    interface Chunk {
      readonly font: string;
      text: string;
      readonly x: number;
      words: number;
      /** No white space in the text other than the single spaces joined in. */
      plain: boolean;
    }
    const chunks: Chunk[] = [];
    let tail: Chunk | undefined; // the chunk that ends the previous piece, if any
    let gap: Space | undefined; // the white space after the previous piece
    for (const [i, { piece: p, space }] of placed.entries()) {
      let ending: Chunk | undefined;
      for (const [k, run] of p.runs.entries()) {
        const lastRun = k === p.runs.length - 1;
        const text = lastRun ? run.text.replace(SPACE_AT_END, "") : run.text;
        if (text === "") continue;
        const w = this.widthOf(lastRun ? { font: run.font, text } : run, size);
        const plain = !/\s/u.test(text);
        // Same-font words go in one call; when justifying, pdfkit spreads the extra space over
        // the spaces of a call, so only words joined by one plain space are joined.
        const join =
          k === 0 &&
          tail !== undefined &&
          tail.font === run.font &&
          gap !== undefined &&
          gap.font === run.font &&
          (!justify || (gap.text === " " && tail.plain && plain));
        if (join && tail !== undefined && gap !== undefined) {
          tail.text += gap.text + text;
          tail.words++;
          tail.plain &&= plain;
          ending = tail;
        } else {
          ending = { font: run.font, text, x: cx, words: 1, plain };
          chunks.push(ending);
        }
        cx += w;
      }
      tail = ending;
      gap = space;
      cx += space.width + (i < placed.length - 1 ? extra : 0);
    }
    for (const c of chunks) {
      this.pdf.font(c.font).fontSize(size);
      this.pdf.text(c.text, c.x, y, {
        lineBreak: false,
        // A number is taken by pdfkit as the baseline's distance in points.
        baseline: baseline as unknown as "top",
        ...(justify && c.words > 1 && extra > 0 ? { wordSpacing: extra } : {}),
      });
    }
    this.use(style);
  }

  /** The line cut so that it ends with "…" inside its room (a table cell that had to be shortened). */
  ellipsize(line: SetLine, style: Style): SetLine {
    let text = line.pieces
      .map((p) => p.runs.map((r) => r.text).join(""))
      .join("")
      .replace(SPACE_AT_END, "");
    const fit = () => this.width(`${text}…`, style) <= line.room;
    while (text !== "" && !fit()) {
      const parts = [...graphemes.segment(text)];
      text = parts
        .slice(0, -1)
        .map((g) => g.segment)
        .join("")
        .replace(SPACE_AT_END, "");
    }
    const set = this.lines(`${text}…`, style, line.room)[0];
    return { ...(set ?? line), last: true, room: line.room, indent: line.indent };
  }

  /**
   * Counts, once per place in the document, the characters of a drawn text that no font has
   * (shown as "\uFFFD") or that a fallback font draws, for the warnings.
   */
  account(path: FindingPath, text: string, face: Face): void {
    const f = this.faces[face];
    let plain = true;
    for (const ch of text)
      if (this.coverOf(f, ch.codePointAt(0) as number) !== 0) {
        plain = false;
        break;
      }
    if (plain) return;
    const key = `${JSON.stringify(path)}\u0000${face}\u0000${text}`;
    if (this.accounted.has(key)) return;
    this.accounted.add(key);
    for (const { segment } of graphemes.segment(text)) {
      const cps = [...segment].filter((c) => !IGNORABLE.test(c) && !WHITE.test(c));
      if (cps.length === 0) continue;
      const covers = cps.map((c) => this.coverOf(f, c.codePointAt(0) as number));
      const tally = covers.some((i) => i < 0)
        ? this.missing
        : covers.some((i) => i > 0)
          ? this.fellBack
          : undefined;
      if (tally === undefined) continue;
      tally.count++;
      const script = scriptOf(segment);
      let entry = tally.scripts.get(script);
      if (entry === undefined) {
        entry = { count: 0, chars: new Set() };
        tally.scripts.set(script, entry);
      }
      entry.count++;
      if (entry.chars.size < 50) entry.chars.add(segment);
      tally.first ??= path;
    }
  }

  /** The warnings of everything set so far: characters replaced, characters in a fallback font. */
  warnings(): Finding[] {
    const out: Finding[] = [];
    const mark = this.placeholder("regular");
    if (this.missing.count > 0)
      out.push({
        code: "pdf.glyphs-missing",
        severity: "warning",
        path: this.missing.first ?? [],
        message: {
          vi: `Phông chữ nhúng không có ${this.missing.count} ký tự nên bản PDF thay mỗi ký tự bằng "${mark}" — ${listed(this.missing, "vi")}. Hãy truyền phông dự phòng có các ký tự này (PdfFonts.fallbacks), hoặc dùng bản DOCX.`,
          en: `The embedded fonts lack ${this.missing.count} character(s); the PDF shows each as "${mark}" — ${listed(this.missing, "en")}. Pass a fallback font that has them (PdfFonts.fallbacks), or use the DOCX export.`,
        },
      });
    if (this.fellBack.count > 0)
      out.push({
        code: "pdf.font-fallback",
        severity: "warning",
        path: this.fellBack.first ?? [],
        message: {
          vi: `${this.fellBack.count} ký tự không có trong phông chính nên được in bằng phông dự phòng — ${listed(this.fellBack, "vi")}.`,
          en: `${this.fellBack.count} character(s) the main font lacks were drawn in a fallback font — ${listed(this.fellBack, "en")}.`,
        },
      });
    return out;
  }
}

/** Adjacent runs of one font as one run. */
function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (last?.font === r.font) out[out.length - 1] = { font: r.font, text: last.text + r.text };
    else out.push(r);
  }
  return out;
}

/** The white space after a word: its text, the font it is in, its width. */
interface Space {
  readonly text: string;
  readonly font: string;
  readonly width: number;
}

const spaceOf = (p: Piece): Space => {
  const last = p.runs.at(-1);
  const text = last === undefined ? "" : (SPACE_AT_END.exec(last.text)?.[0] ?? "");
  return { text, font: last?.font ?? "", width: p.trailing };
};

/**
 * Shows consecutive right-to-left words right to left (fontkit shapes and orders the letters of
 * each word); the spaces stay where they were between the words, so the gaps do not move.
 */
function visualOrder(pieces: readonly Piece[]): ReadonlyArray<{ piece: Piece; space: Space }> {
  const out: Array<{ piece: Piece; space: Space }> = [];
  let i = 0;
  while (i < pieces.length) {
    if (!(pieces[i] as Piece).rtl) {
      out.push({ piece: pieces[i] as Piece, space: spaceOf(pieces[i] as Piece) });
      i++;
      continue;
    }
    let j = i;
    while (j < pieces.length && (pieces[j] as Piece).rtl) j++;
    // Logical p_i … p_(j-1) shown as p_(j-1) … p_i; after each shown word comes the space that
    // preceded it, and the run keeps its last space at its end.
    for (let k = j - 1; k >= i; k--) {
      const space = k > i ? spaceOf(pieces[k - 1] as Piece) : spaceOf(pieces[j - 1] as Piece);
      out.push({ piece: pieces[k] as Piece, space });
    }
    i = j;
  }
  return out;
}
