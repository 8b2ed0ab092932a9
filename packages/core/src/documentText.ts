/**
 * Text that every document format can carry. XML (DOCX, XLSX), PDF text and HTML all refuse or
 * garble control characters pasted from other systems (U+0001, a stray escape, an unpaired
 * surrogate), so official documents drop them before any format sees the text — and say so, so
 * nothing is lost silently.
 */
import type { Finding } from "./finding.js";

// C0 controls except tab, line feed and carriage return; DEL and the C1 controls; the two
// non-characters XML forbids; surrogates that are not part of a pair (with the u flag a paired
// surrogate is one astral code point and never matches the range).
const ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\ud800-\udfff]/gu;

/** The text with every character XML 1.0 forbids (and DEL, C1 controls) removed, and how many went. */
export function stripIllegalCharacters(text: string): { text: string; removed: number } {
  let removed = 0;
  const cleaned = text.replace(ILLEGAL, () => {
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
      vi: `Đã bỏ ${count} ký tự điều khiển không hiển thị được (không hợp lệ trong tệp văn bản).`,
      en: `Removed ${count} control character(s) that cannot be shown (invalid in document files).`,
    },
  };
}
