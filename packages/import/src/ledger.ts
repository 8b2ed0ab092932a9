/**
 * Which line went where. Every non-blank line of the input ends up placed (in the draft or the
 * recognised header) or in the leftovers with a reason, so nothing a document says is lost silently.
 */
import type { LocalizedText } from "@cchc/core";
import type { SourceLine } from "./lines.js";
import type { Reflowed } from "./reflow.js";

/** Why a line was not placed, as a stable code. */
export type LeftoverCode =
  | "outside-section"
  | "unknown-section"
  | "not-modelled"
  | "no-unit"
  | "header-unrecognised"
  | "trailer-unrecognised"
  | "decision-unrecognised"
  | "appendix"
  | "unplaced";

/** A line the importer could not place, with why. */
export interface Leftover {
  /** 1-based line number in the input (for .docx: the paragraph number). */
  readonly line: number;
  /** The line as written (white space collapsed). */
  readonly text: string;
  readonly code: LeftoverCode;
  readonly reason: LocalizedText;
}

/** The reason shown for each leftover code. */
export const LEFTOVER_REASONS: Record<LeftoverCode, LocalizedText> = {
  "outside-section": {
    vi: "Nằm ngoài các mục được nhận diện của kế hoạch",
    en: "Outside any recognised section of the plan",
  },
  "unknown-section": {
    vi: "Thuộc một mục có tiêu đề không nhận ra",
    en: "Under a section heading that was not recognised",
  },
  "not-modelled": {
    vi: "Mục này (thời gian, tiến độ…) chưa có chỗ trong mô hình kế hoạch",
    en: "This section (timing, schedule…) has no place in the plan model",
  },
  "no-unit": {
    vi: "Không đọc được tên cơ quan, đơn vị được giao trách nhiệm",
    en: "No responsible unit could be read from this clause",
  },
  "header-unrecognised": {
    vi: "Dòng ở phần đầu văn bản không nhận ra",
    en: "Header line not recognised",
  },
  "trailer-unrecognised": {
    vi: "Dòng ở phần nơi nhận, chữ ký không nhận ra",
    en: "Line of the recipients or signature block not recognised",
  },
  "decision-unrecognised": {
    vi: "Dòng của quyết định ban hành không nhận ra",
    en: "Line of the issuing decision not recognised",
  },
  appendix: {
    vi: "Phụ lục chưa được nhập (bảng, danh mục hoạt động)",
    en: "Appendix not imported (tables, activity lists)",
  },
  unplaced: { vi: "Chưa được xếp vào đâu", en: "Not placed anywhere" },
};

const CODES: readonly LeftoverCode[] = [
  "outside-section",
  "unknown-section",
  "not-modelled",
  "no-unit",
  "header-unrecognised",
  "trailer-unrecognised",
  "decision-unrecognised",
  "appendix",
  "unplaced",
];
const PLACED = 255;
const NONE = 0;

/** Records, line by line, whether a line was placed or left over. */
export class Ledger {
  // One byte a line: 0 nothing yet, 255 placed, otherwise 1 + the index of the leftover code.
  private readonly state: Uint8Array;

  constructor(private readonly lines: readonly SourceLine[]) {
    this.state = new Uint8Array(lines.length + 2);
  }

  /** Marks lines as placed (a later `leave` does not undo it). */
  place(lineNos: Iterable<number>): void {
    for (const n of lineNos) if (n >= 0 && n < this.state.length) this.state[n] = PLACED;
  }

  /** Marks lines as left over with a reason, unless already placed. */
  leave(lineNos: Iterable<number>, code: LeftoverCode): void {
    const value = CODES.indexOf(code) + 1;
    for (const n of lineNos)
      if (n >= 0 && n < this.state.length && this.state[n] !== PLACED) this.state[n] = value;
  }

  /** Whether a line was placed. */
  isPlaced(lineNo: number): boolean {
    return this.state[lineNo] === PLACED;
  }

  /** Every non-blank line not placed, in line order. */
  leftovers(): Leftover[] {
    return this.account().leftovers;
  }

  /**
   * Every input line accounted for: the leftovers (a reflowed line left over is reported as the
   * input lines it was made of, each with its own number and text) and how many input lines were
   * placed. With the reflow's skipped lines and the blank ones, they add up to the input's lines.
   */
  account(reflow?: Reflowed): { leftovers: Leftover[]; placed: number } {
    const out: Leftover[] = [];
    let placed = 0;
    for (const l of this.lines) {
      if (l.text === "") {
        const head = reflow?.headOf[l.no - 1] ?? 0;
        if (head === 0) continue;
        const s = this.state[head] ?? NONE;
        if (s === PLACED) placed++;
        else {
          const code = s === NONE ? "unplaced" : (CODES[s - 1] ?? "unplaced");
          const text = reflow?.original[l.no - 1] ?? "";
          out.push({ line: l.no, text, code, reason: LEFTOVER_REASONS[code] });
        }
        continue;
      }
      const s = this.state[l.no] ?? NONE;
      if (s === PLACED) {
        placed++;
        continue;
      }
      const code = s === NONE ? "unplaced" : (CODES[s - 1] ?? "unplaced");
      const joined = reflow !== undefined && reflow.headOf[l.no] === l.no;
      const text = joined ? (reflow.original[l.no - 1] ?? l.text).replace(/\s+/g, " ") : l.text;
      out.push({ line: l.no, text: text === "" ? l.text : text, code, reason: LEFTOVER_REASONS[code] });
    }
    return { leftovers: out, placed };
  }
}
