/**
 * The parts of a Decree 30 document around the body: the two-column header (bodies, "Số: …",
 * national motto, place and date), the document type line ("KẾ HOẠCH", "QUYẾT ĐỊNH"), and the
 * recipients and signature block at the end. Each reader takes one cell or line and says what it
 * is; irregular but readable forms are read and reported, not rejected.
 */
import type { Signer } from "@cchc/core";
import { fold, isUpperText } from "./fold.js";
import { type ImportFinding, importFinding } from "./importFindings.js";

/** A separator line under a header cell: "-------", "_____", "***". */
export function isSeparator(text: string): boolean {
  return /^[\s\-_=–—.*~•]{3,}$/u.test(text);
}

const MOTTO = /^(cong hoa xa hoi chu nghia viet nam|doc lap\s*-?\s*tu do\s*-?\s*hanh phuc)/;

/** The national motto, either line. */
export function isMotto(text: string): boolean {
  return MOTTO.test(fold(text).replace(/[–—]/g, "-"));
}

/** Cuts the motto out of a cell where a plain-text copy merged it with the other column. */
export function withoutMotto(text: string): string[] {
  const re = /(CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc)/giu;
  return text
    .split(re)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !isMotto(s));
}

// ---------------------------------------------------------------------------------------------
// Document type

/** Document type codes of Decree 30 appendix III, by the folded type line. */
const DOC_TYPES: Record<string, string> = {
  "ke hoach": "KH",
  "quyet dinh": "QĐ",
  "chuong trinh": "CTr",
  "de an": "ĐA",
  "huong dan": "HD",
  "thong bao": "TB",
  "bao cao": "BC",
  "to trinh": "TTr",
  "chi thi": "CT",
  "nghi quyet": "NQ",
  "cong van": "CV",
};

/** A document type line: "KẾ HOẠCH", or "KẾ HOẠCH TUYÊN TRUYỀN …" with the title on the same line. */
export interface TypeLine {
  readonly code: string;
  readonly label: string;
  readonly inlineTitle: string | undefined;
}

/** Reads a type line; only capitals count ("Kế hoạch này…" in prose is not one). */
export function readTypeLine(text: string): TypeLine | undefined {
  const t = text.trim();
  if (t.endsWith(":")) return undefined; // "QUYẾT ĐỊNH:" enacts, it does not name the type
  const f = fold(t);
  for (const [words, code] of Object.entries(DOC_TYPES)) {
    if (f === words && (isUpperText(t) || /^\p{Lu}/u.test(t))) {
      return { code, label: t, inlineTitle: undefined };
    }
    if (code === "KH" && f.startsWith(`${words} `) && isUpperText(t)) {
      const rest = t.slice(t.split(" ").slice(0, 2).join(" ").length).trim();
      return { code, label: t.slice(0, t.length - rest.length).trim(), inlineTitle: rest };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Number and symbol

/** What the "Số: …" cell says. */
export interface NumberReading {
  /** As written, without "Số:". */
  readonly asWritten: string;
  /** The Decree 30 form ("05/KH-UBND"), when the cell could be read. */
  readonly number: string | undefined;
  /** The type code in the symbol ("KH", "QĐ"). */
  readonly typeCode: string | undefined;
  /** The issuer part of the symbol ("UBND", "BTTTT"). */
  readonly issuerCode: string | undefined;
  readonly findings: ImportFinding[];
}

const NUMBER_PREFIX = /^s[ốo]\s*[:.]?\s*/iu;

/** Whether a cell is the number cell ("Số: 12/KH-BTTTT", "Số 05/KH-UBND", "Số:   /KH-UBND"). */
export function isNumberCell(text: string): boolean {
  return (
    (/^s[ốo]\s*[:.]?\s*[\d.…_ ]*[/-]\s*[A-ZĐ]/iu.test(text) && /\//.test(text)) ||
    /^s[ốo]\s*:\s*\S/iu.test(text)
  );
}

/**
 * Reads the number and symbol, normalising the irregular forms real documents carry, each with a
 * finding: spaces around "/" and "-" ("12 /KH-BTTTT"), a number padded to three digits ("005"),
 * party-style separators ("132-KH/UBND"), a blank number ("…/KH-UBND").
 */
export function readNumber(cell: string, line: number): NumberReading {
  const findings: ImportFinding[] = [];
  const asWritten = cell.replace(NUMBER_PREFIX, "").trim();
  const m = /^([\d]*|[.…_\s]*?)\s*([/-])\s*([A-ZĐ]{1,6})\s*([/-])\s*([A-ZĐ0-9]+(?:[-.][A-ZĐ0-9]+)*)/u.exec(
    asWritten,
  );
  const none = { asWritten, number: undefined, typeCode: undefined, issuerCode: undefined };
  if (!m) {
    findings.push(
      importFinding(
        "import.number-unreadable",
        {
          vi: `Dòng ${line}: không đọc được số, ký hiệu "${asWritten}"; cần dạng "12/KH-UBND".`,
          en: `Line ${line}: cannot read the number/symbol "${asWritten}"; expected the form "12/KH-UBND".`,
        },
        { line, path: ["number"] },
      ),
    );
    return { ...none, findings };
  }
  const [whole, rawDigits = "", sep1, typeCode = "", sep2, issuerCode = ""] = m;
  const digits = rawDigits.trim();
  const tight = whole.replace(/\s+/g, "");
  if (/\d/.test(digits) && /\s/.test(whole)) {
    findings.push(
      importFinding(
        "import.number-spacing",
        {
          vi: `Dòng ${line}: số, ký hiệu "${whole}" có khoảng trắng thừa; ghi nhận là "${tight}".`,
          en: `Line ${line}: the number/symbol "${whole}" has stray spaces; recorded as "${tight}".`,
        },
        { line, path: ["number"] },
      ),
    );
  }
  if (!/[1-9]/.test(digits)) {
    findings.push(
      importFinding(
        "import.number-blank",
        {
          vi: `Dòng ${line}: số văn bản để trống ("${asWritten}"): văn bản chưa được cấp số.`,
          en: `Line ${line}: the number is blank ("${asWritten}"): the document has not been numbered yet.`,
        },
        { line, path: ["number"] },
      ),
    );
    return { asWritten, number: undefined, typeCode, issuerCode: issuerCode.split(/[-.]/)[0], findings };
  }
  const value = Number(digits);
  const canonicalDigits = String(value).padStart(2, "0");
  if (digits !== canonicalDigits) {
    findings.push(
      importFinding(
        "import.number-padded",
        {
          vi: `Dòng ${line}: số "${digits}" không đúng thể thức (số dưới 10 ghi thêm một số 0, không đệm thêm); ghi nhận là "${canonicalDigits}".`,
          en: `Line ${line}: the number "${digits}" is not in Decree 30 form (one leading 0 below 10, no other padding); recorded as "${canonicalDigits}".`,
        },
        { line, path: ["number"] },
      ),
    );
  }
  if (sep1 !== "/" || sep2 !== "-") {
    findings.push(
      importFinding(
        "import.number-separators",
        {
          vi: `Dòng ${line}: ký hiệu "${asWritten}" dùng dấu ngăn cách khác thể thức (cần "số/LOẠI-CƠ QUAN"); ghi nhận là "${canonicalDigits}/${typeCode}-${issuerCode}".`,
          en: `Line ${line}: the symbol "${asWritten}" uses irregular separators (expected "number/TYPE-ISSUER"); recorded as "${canonicalDigits}/${typeCode}-${issuerCode}".`,
        },
        { line, path: ["number"] },
      ),
    );
  }
  const number = `${canonicalDigits}/${typeCode}-${issuerCode}`;
  return { asWritten, number, typeCode, issuerCode: issuerCode.split(/[-.]/)[0], findings };
}

// ---------------------------------------------------------------------------------------------
// Place and date

/** What a place-and-date cell says. */
export interface DateReading {
  readonly asWritten: string;
  readonly place: string | undefined;
  /** ISO date when day, month and year are all there and the day exists. */
  readonly date: string | undefined;
  readonly year: number | undefined;
  readonly findings: ImportFinding[];
}

const LONG_DATE = /ngày\s*(\d{1,2})?\s*[.…_\s]*tháng\s*(\d{1,2})?\s*[.…_\s]*năm\s*(\d{4})/iu;
const SHORT_DATE = /ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;

/** Whether a cell holds a date of issue ("Hà Nội, ngày 24 tháng 3 năm 2021"). */
export function isDateCell(text: string): boolean {
  return LONG_DATE.test(text) || SHORT_DATE.test(text);
}

/** An ISO date from parts, or undefined when that day does not exist. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Reads a date phrase anywhere in a text ("ngày 05 tháng 02 năm 2021", "ngày  4  tháng 3 năm
 * 2021", "ngày 24/3/2021") and the place written before it.
 */
export function readPlaceDate(cell: string, line: number, path: readonly string[] = ["date"]): DateReading {
  const findings: ImportFinding[] = [];
  const m = LONG_DATE.exec(cell) ?? SHORT_DATE.exec(cell);
  if (!m) return { asWritten: cell, place: undefined, date: undefined, year: undefined, findings };
  const before = cell
    .slice(0, m.index)
    .replace(/[\s,]+$/u, "")
    .trim();
  const place = before === "" || /\d/.test(before) || before.length > 60 ? undefined : before;
  const year = Number(m[3]);
  const asWritten = m[0].replace(/\s+/g, " ");
  if (m[1] === undefined || m[2] === undefined) {
    findings.push(
      importFinding(
        "import.date-incomplete",
        {
          vi: `Dòng ${line}: ngày ban hành chưa điền đủ ("${asWritten}"); chỉ lấy được năm ${year}.`,
          en: `Line ${line}: the date of issue is not filled in ("${asWritten}"); only the year ${year} was read.`,
        },
        { line, path },
      ),
    );
    return { asWritten, place, date: undefined, year, findings };
  }
  const date = isoDate(year, Number(m[2]), Number(m[1]));
  if (date === undefined) {
    findings.push(
      importFinding(
        "import.date-invalid",
        {
          vi: `Dòng ${line}: ngày "${asWritten}" không có thật; cần sửa ngày ban hành.`,
          en: `Line ${line}: "${asWritten}" is not a real date; correct the date of issue.`,
        },
        { line, path },
      ),
    );
  }
  return { asWritten, place, date, year, findings };
}

// ---------------------------------------------------------------------------------------------
// Bodies of the header

// Words that open the name of a body in the header ("BỘ", "SỞ", "ỦY BAN NHÂN DÂN"…); a header line
// that does not open with one continues the body above it ("TỈNH QUẢNG NINH" under "ỦY BAN NHÂN DÂN").
const BODY_OPENERS =
  /^(bo|uy ban|ubnd|hoi dong|so|vu|cuc|tong cuc|chi cuc|van phong|trung tam|ban|phong|thanh tra|truong|dai hoc|hoc vien|vien|benh vien|cong an|bo chi huy|tinh uy|huyen uy|dang uy|thanh uy|mat tran|ngan hang|kho bac|bao hiem|dai|bao|toa an|vien kiem sat|doan|hoi|lien doan|cong ty|tap doan|tong cong ty)\b/;

/** Whether a header cell opens the name of a body ("BỘ …", "ỦY BAN NHÂN DÂN", "SỞ …"). */
export function opensBody(cell: string): boolean {
  return BODY_OPENERS.test(fold(cell));
}

/** Groups the capital lines of the header's left column into bodies: parent first, issuer last. */
export function groupBodies(cells: readonly string[]): string[] {
  const bodies: string[] = [];
  for (const c of cells) {
    const f = fold(c);
    if (bodies.length === 0 || BODY_OPENERS.test(f)) bodies.push(c);
    else bodies[bodies.length - 1] = `${bodies[bodies.length - 1]} ${c}`;
  }
  return bodies;
}

// ---------------------------------------------------------------------------------------------
// Signature block

const AUTHORITY = /^(TM|KT|TL|TUQ|Q|T\/M|K\/T)\s*\.\s*\p{Lu}/u;
const SIGNED_NOTE = /^\((đã ký|ký|ký tên|ký, ghi rõ|đã ký và đóng dấu|ký và đóng dấu|ký số)[^)]*\)\.?$/iu;
const TITLE_WORDS =
  /^(pho )?(chu tich|giam doc|bo truong|thu truong|truong ban|pho truong ban|chanh van phong|vu truong|pho vu truong|cuc truong|pho cuc truong|truong phong|pho truong phong|hieu truong|vien truong|tong cuc truong|chanh thanh tra|bi thu|thu truong co quan|tong giam doc|quyen chu tich|quyen giam doc)\b/;

/** Whether a line is part of a signature block: authority ("KT. CHỦ TỊCH"), title, "(Đã ký)". */
export function signatureRole(text: string): "authority" | "title" | "signed" | undefined {
  const t = text.trim();
  if (AUTHORITY.test(t)) return "authority";
  if (SIGNED_NOTE.test(t)) return "signed";
  if (isUpperText(t) && TITLE_WORDS.test(fold(t)) && t.split(" ").length <= 8) return "title";
  return undefined;
}

/** Whether a line reads as a person's name: 2–6 words, each capitalised, no digits. */
export function looksLikeName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length < 2 || words.length > 6 || /\d|[,;:()]/.test(text)) return false;
  return words.every((w) => /^\p{Lu}[\p{L}\p{M}.]*$/u.test(w));
}

/** A signature block read from its lines: authority lines joined, the title, the name. */
export function buildSigner(parts: {
  authority: string[];
  title: string | undefined;
  name: string | undefined;
}): Signer | undefined {
  if (parts.title === undefined || parts.name === undefined) return undefined;
  return parts.authority.length > 0
    ? { authority: parts.authority.join(" "), title: parts.title, name: parts.name }
    : { title: parts.title, name: parts.name };
}

/** "Lưu: VT, TCCB (50b)" → ["VT", "TCCB"]: the abbreviations of the archive line. */
export function archiveAbbreviations(text: string): string[] {
  const m = /^lưu\s*:?\s*(.*)$/iu.exec(text.trim());
  if (!m) return [];
  return (m[1] as string)
    .split(/[,;.]/)
    .map((s) => s.replace(/\(.*?\)/g, "").trim())
    .filter((s) => /^[\p{Lu}\d&-]{2,12}$/u.test(s));
}
