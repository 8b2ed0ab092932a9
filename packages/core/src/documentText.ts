/**
 * Text that every document format can carry, cleaned in one place for every exporter (DOCX, PDF,
 * XLSX, iCalendar, Markdown, HTML). XML (DOCX, XLSX), PDF text, iCalendar TEXT and HTML all
 * refuse, garble or hide characters pasted from other systems — a stray escape, a C1 control such
 * as U+0085 from a Windows-1252 round trip, U+FFFE, an unpaired surrogate — so exports drop them
 * before any format sees the text, and say so (a warning with the count), so nothing is lost
 * silently. Each exporter then applies only its own format's escaping.
 */
import type { Finding } from "./finding.js";

/**
 * What `stripIllegalCharacters` removes, and why:
 * - C0 controls U+0000–U+001F except tab, line feed and carriage return (which every format
 *   carries, escaped its own way), and DEL U+007F: invisible, and XML 1.0 forbids most of them;
 * - C1 controls U+0080–U+009F (U+0085 NEXT LINE among them): invisible, discouraged by XML 1.0,
 *   and a line break to some readers but not others;
 * - the 66 noncharacters U+FDD0–U+FDEF and U+xxFFFE/U+xxFFFF of every plane: never text;
 * - surrogates that are not part of a pair: not a character, and not encodable in UTF-8;
 * - the bidirectional embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069: they
 *   reorder what a reader sees without changing the stored text (the "Trojan Source" spoof: an
 *   amount or a unit name that reads differently than it is), and unbalanced ones spill over the
 *   rest of a line. Arabic or Hebrew text shows in the right order without them; the marks
 *   U+200E, U+200F and U+061C, which reorder nothing but neutral characters, are kept.
 */
const ILLEGAL_CHARACTERS = new RegExp(
  [
    "[",
    "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f", // C0 but tab, LF, CR
    "\\u007f-\\u009f", // DEL, C1
    "\\u202a-\\u202e\\u2066-\\u2069", // bidi embeddings, overrides, isolates
    "\\ufdd0-\\ufdef", // noncharacters
    ...Array.from({ length: 17 }, (_, plane) => {
      const hex = plane === 0 ? "" : plane.toString(16);
      return `\\u{${hex}fffe}\\u{${hex}ffff}`;
    }),
    // With the u flag a surrogate range matches only a surrogate that is not part of a pair.
    "\\ud800-\\udfff",
    "]",
  ].join(""),
  "gu",
);

/**
 * The text with every character no exported document may hold removed (the list above: C0 but
 * tab/LF/CR, DEL, C1, noncharacters, unpaired surrogates, bidi embeddings/overrides/isolates), and
 * how many went. The one cleaning path of every exporter; each adds only its format's escaping.
 */
export function stripIllegalCharacters(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(ILLEGAL_CHARACTERS, () => {
    removed++;
    return "";
  });
  return { text: cleaned, removed };
}

/**
 * Walks a plain data structure (objects, arrays, strings) and strips illegal characters from every
 * string; returns the same object when nothing changed.
 */
export function cleanStrings<T>(value: T): { value: T; removed: number } {
  let removed = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const r = stripIllegalCharacters(v);
      removed += r.removed;
      return r.removed === 0 ? v : r.text;
    }
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x) => {
        const y = walk(x);
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    if (typeof v === "object" && v !== null) {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const y = walk(x);
        if (y !== x) changed = true;
        out[k] = y;
      }
      return changed ? out : v;
    }
    return v;
  };
  return { value: walk(value) as T, removed };
}

/** The warning an export carries when it dropped characters. */
export function controlCharactersRemoved(count: number): Finding {
  return {
    code: "export.control-characters-removed",
    severity: "warning",
    path: [],
    message: {
      vi: `Đã bỏ ${count} ký tự điều khiển (hoặc mã không phải ký tự) không hiển thị được, không hợp lệ trong tệp văn bản.`,
      en: `Removed ${count} control character(s) (or noncharacters) that cannot be shown and are invalid in document files.`,
    },
  };
}
