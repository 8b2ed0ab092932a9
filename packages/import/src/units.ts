/**
 * Units named in a plan's clauses. A clause opens with the units it addresses, then says what they
 * do: "Vụ Tổ chức cán bộ có trách nhiệm…", "Sở Nội vụ: Chủ trì…", "Các Vụ: Pháp chế, Kế hoạch - Tài
 * chính, Khoa học và Công nghệ; Văn phòng Bộ: Trong phạm vi…". This module finds where the names end,
 * splits them one by one (a hyphen inside a name is not a separator, "Sở, ban, ngành tỉnh" is one
 * group) and keeps one registry of units with stable slug ids.
 */
import type { Unit } from "@cchc/core";
import { slugify } from "@cchc/core";
import { fold, initials } from "./fold.js";
import { unitKind } from "./keywords.js";

/** Words a unit's name can open with (matched case-insensitively at the start of a name). */
const UNIT_HEADS = [
  "ủy ban nhân dân",
  "ubnd",
  "hội đồng nhân dân",
  "hđnd",
  "ủy ban mặt trận",
  "mặt trận",
  "bộ chỉ huy",
  "bộ phận",
  "bộ",
  "tổng cục",
  "chi cục",
  "cục",
  "vụ",
  "văn phòng",
  "thanh tra",
  "trung tâm",
  "sở",
  "ban",
  "phòng",
  "báo",
  "tạp chí",
  "đài",
  "thông tấn xã",
  "viện",
  "học viện",
  "trường",
  "đại học",
  "bệnh viện",
  "công an",
  "kho bạc",
  "bảo hiểm xã hội",
  "ngân hàng",
  "liên đoàn",
  "hội",
  "đoàn",
  "tỉnh đoàn",
  "huyện đoàn",
  "tỉnh ủy",
  "huyện ủy",
  "đảng ủy",
  "công chức",
  "cán bộ",
  "trưởng",
  "tổ",
  "cơ quan",
  "đơn vị",
  "thủ trưởng",
  "lãnh đạo",
  "người đứng đầu",
  "chủ tịch",
  "giám đốc",
  "chánh văn phòng",
  "chánh thanh tra",
  "vụ trưởng",
  "cục trưởng",
  "tổng cục trưởng",
  "hiệu trưởng",
  "viện trưởng",
  "bí thư",
  "chi bộ",
  "hợp tác xã",
  "các",
  "những",
  "toàn thể",
].map((h) => fold(h));

const HEAD_RE = new RegExp(`^(${UNIT_HEADS.map((h) => h.replace(/ /g, "\\s")).join("|")})(?![a-z0-9])`);
// Words that open with a unit word but are verbs or nouns of the text: "Tổ chức tập huấn", "Báo
// cáo kết quả", "Ban hành", "Hội nghị", "Các hình thức…".
const NOT_A_UNIT =
  /^(to chuc|ban hanh|hoi nghi|hoi thao|hoi thi|bao cao|bao dam|bao ve|bao chi|truong hop|phong chong|phong, chong|bo sung|doan ket|dai dien|cong chuc, vien chuc|can bo, cong chuc|cac (hinh thuc|noi dung|hoat dong|van ban|quy dinh|chu truong|quan diem|giai phap|nhiem vu|bien phap|cuoc|lop|buoi|tin|bai|chuong trinh|ke hoach|de an|tai lieu|chuyen|so lieu|thong tin|ket qua|dien hinh|sang kien|mo hinh|nguon|ban tin|san pham|an pham|loai hinh|phuong tien|kenh|muc tieu|yeu cau|doi tuong|linh vuc|tang lop|tieu chi|chi so|dich vu|thu tuc))\b/;

/** Whether a name (or the start of a clause) opens with a unit word. */
export function opensWithUnit(text: string): boolean {
  const f = fold(text);
  return HEAD_RE.test(f) && !NOT_A_UNIT.test(f);
}

/** Lower-case verbs that start what a clause's units must do ("… có trách nhiệm", "… chủ trì"). */
const PREDICATES = [
  "có trách nhiệm",
  "chịu trách nhiệm",
  "có nhiệm vụ",
  "chủ trì",
  "phối hợp",
  "căn cứ",
  "tổ chức",
  "thực hiện",
  "triển khai",
  "xây dựng",
  "là cơ quan",
  "là đầu mối",
  "làm đầu mối",
  "là thường trực",
  "tham mưu",
  "hướng dẫn",
  "chỉ đạo",
  "theo dõi",
  "tăng cường",
  "đẩy mạnh",
  "mở",
  "bố trí",
  "đảm bảo",
  "bảo đảm",
  "trong phạm vi",
  "theo chức năng",
  "định kỳ",
  "tiếp tục",
  "cung cấp",
  "đăng tải",
  "phản ánh",
  "kịp thời",
  "quán triệt",
  "lồng ghép",
  "tuyên truyền",
  "thông tin",
  "cử",
  "tập trung",
  "nghiên cứu",
  "rà soát",
  "kiểm tra",
  "đôn đốc",
  "tổng hợp",
  "báo cáo",
  "được giao",
  "nâng cao",
  "duy trì",
  "cập nhật",
  "phát huy",
  "vận động",
  "chủ động",
  "ban hành",
  "sử dụng",
  "hỗ trợ",
  "dành",
  "đưa",
  "in",
  "treo",
  "phát hành",
  "niêm yết",
  "tích cực",
  "thường xuyên",
  "giúp",
  "trực tiếp",
  "nắm bắt",
  "phổ biến",
  "quản lý",
  "tham gia",
  "khẩn trương",
  "nghiêm túc",
  "trên cơ sở",
  "để",
  "trước",
  "chậm nhất",
  "nhằm",
  "theo",
  "vào",
];
const PREDICATE_RE = new RegExp(`\\s(?:${PREDICATES.join("|")})(?=[\\s,.:;]|$)`, "gu");
// Predicate words that are also the lower-case part of a name: "Trung tâm Công nghệ thông tin".
const INSIDE_NAME = /(công nghệ|Công nghệ)$/u;

/** Where the first predicate starts in `text`, skipping words that belong to a name. */
function predicateAt(text: string): number | undefined {
  PREDICATE_RE.lastIndex = 0;
  for (let m = PREDICATE_RE.exec(text); m !== null; m = PREDICATE_RE.exec(text)) {
    if (m[0].trim() === "thông tin" && INSIDE_NAME.test(text.slice(0, m.index))) continue;
    return m.index;
  }
  return undefined;
}

/** A clause split into the units it names and what it says they do. */
export interface UnitClause {
  /** The names as written, before splitting ("Các Vụ: Pháp chế, …; Văn phòng Bộ"). */
  readonly unitsText: string;
  /** What follows the names (may be empty when the clause is only names, as a heading). */
  readonly rest: string;
}

// A colon right after "Các Vụ", "Các Sở"…: it introduces the list, it does not end the names.
const LIST_INTRO = /(?:^|;\s*)(?:Các|Những|các|những)\s+[\p{L}]+(?:\s[\p{L}]+)?\s*$/u;

/**
 * Finds where a clause's unit names end. Returns undefined when the clause does not open with a
 * unit ("Tổ chức tập huấn…", "Kinh phí…").
 */
export function splitUnitClause(text: string): UnitClause | undefined {
  const clause = text.replace(/^(Giao|Đề nghị|Yêu cầu|Giao cho)\s+/u, "");
  if (!opensWithUnit(clause)) return undefined;
  let end = clause.length;
  // The first colon that is not a list intro ends the names.
  for (let i = clause.indexOf(":"); i !== -1; i = clause.indexOf(":", i + 1)) {
    if (!LIST_INTRO.test(clause.slice(0, i))) {
      end = i;
      break;
    }
  }
  const p = predicateAt(clause.slice(0, end));
  if (p !== undefined) end = p;
  // "Sở Nội vụ. Chủ trì …": a full stop ends the names too (not the one of "TP. Hà Nội").
  const stop = /(?<!\b(?:TP|Tp|tp|Q|P|TX|TT))\.\s+(?=\p{Lu})/u.exec(clause.slice(0, end));
  if (stop) end = stop.index;
  const unitsText = clause
    .slice(0, end)
    .replace(/[\s,;:.-]+$/u, "")
    .trim();
  if (unitsText === "" || !opensWithUnit(unitsText)) return undefined;
  const rest = clause.slice(end).replace(/^[\s:]+/u, "");
  return { unitsText, rest };
}

/** One unit name read from a clause. */
export interface UnitName {
  readonly name: string;
  readonly abbreviation: string | undefined;
  readonly group: boolean;
}

const GROUP_RE = /^(các|những|toàn thể|tất cả)\s|\s(các|những)\s|^(thủ trưởng|lãnh đạo|người đứng đầu)\s/iu;

function capitaliseFirst(s: string): string {
  return s === "" ? s : (s[0] as string).toLocaleUpperCase("vi") + s.slice(1);
}

const TRAILING_TIME =
  /\s+(?:(?:trong|của|cho|vào|từ|đến)\s+)?(?:(?:năm|giai đoạn|quý|tháng)\s+[\d\s–\-/IVX]+|(?:hằng|hàng|mỗi|trong) năm|năm nay)$/iu;
const BARE_KIND = /^(sở|bộ|phòng|ban|vụ|cục|ủy ban|uỷ ban|văn phòng|trung tâm|đơn vị|cơ quan)$/iu;

function cleanName(raw: string): UnitName | undefined {
  let name = raw
    .replace(/^[\s,;:-]+|[\s,;:.-]+$/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  let abbreviation: string | undefined;
  // "Sở Nội vụ (SNV)": an abbreviation in brackets.
  const abbr = /\s*\(([\p{Lu}\d&-]{2,12})\)$/u.exec(name);
  if (abbr) {
    abbreviation = abbr[1];
    name = name.slice(0, abbr.index).trim();
  }
  name = name.replace(/\s*\([^)]*\)$/u, "").trim();
  // A time said after the name is not part of it: "giao cho Sở năm 2025", "Văn phòng hằng năm".
  name = name.replace(TRAILING_TIME, "").trim();
  if (name === "" || !/\p{L}/u.test(name)) return undefined;
  // A kind word alone ("Sở", "Phòng") names no unit: nothing is invented from it.
  if (BARE_KIND.test(name)) return undefined;
  return { name: capitaliseFirst(name), abbreviation, group: GROUP_RE.test(name) };
}

/** Splits a comma/"và" list where every new name opens with a capitalised unit word. */
function splitList(segment: string): string[] {
  const pieces = segment.split(/(,\s*|\s+và\s+)/u);
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = (pieces[i] as string).trim();
    const sep = pieces[i - 1] ?? "";
    // A new name: capitalised, opening with a unit word, and more than that word ("Các Sở, Ban,
    // Ngành tỉnh" is one group; "…, Chủ tịch UBND các huyện" starts another).
    const startsName =
      /^\p{Lu}/u.test(piece) && opensWithUnit(piece) && !/^(Các|Những)\s/u.test(piece) && /\s/u.test(piece);
    // "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân (xã)": one office of both bodies.
    const jointOffice =
      sep.trim() === "và" &&
      /^Văn phòng (Hội đồng nhân dân|HĐND)$/u.test(out[out.length - 1] ?? "") &&
      /^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\b/u.test(piece);
    if (out.length === 0 || (startsName && !jointOffice)) out.push(piece);
    else out[out.length - 1] += `${sep}${piece}`;
  }
  return out;
}

/**
 * Splits the names of a clause into units: ";" separates names; "Các Vụ: A, B, C" gives "Vụ A",
 * "Vụ B", "Vụ C"; a comma or "và" separates names only when what follows opens with a capitalised unit
 * word and a name, so "Sở Văn hóa, Thể thao và Du lịch", "Sở, ban, ngành tỉnh" and "UBND các huyện,
 * thị xã, thành phố" stay one name each.
 */
export function splitUnitNames(unitsText: string): UnitName[] {
  const out: UnitName[] = [];
  for (const segment of unitsText.split(/\s*;\s*/u)) {
    const intro = /^(?:Các|Những|các|những)\s+([\p{L}]+(?:\s[\p{L}]+)?)\s*:\s*(.+)$/u.exec(segment);
    if (intro && opensWithUnit(intro[1] as string)) {
      const kind = capitaliseFirst(intro[1] as string);
      // "Các Vụ: Pháp chế, …" names each Vụ; "Các đơn vị: Văn phòng, Thanh tra" lists full names.
      const generic = /^(đơn vị|cơ quan|tổ chức|đồng chí|thành viên)$/iu.test(kind);
      for (const part of (intro[2] as string).split(/\s*,\s*/u)) {
        const full = generic || fold(part).startsWith(fold(kind)) ? part : `${kind} ${part}`;
        const n = cleanName(full);
        if (n) out.push({ ...n, group: false });
      }
      continue;
    }
    for (const piece of splitList(segment)) {
      const n = cleanName(piece);
      if (n) out.push(n);
    }
  }
  return out;
}

/** Comparison key of a unit name: folded, "Ủy ban nhân dân" and "UBND" alike, punctuation ignored. */
export function unitKey(name: string): string {
  const known = KEYS.get(name);
  if (known !== undefined) return known;
  const key = computeUnitKey(name);
  if (KEYS.size > 4096) KEYS.clear();
  KEYS.set(name, key);
  return key;
}

const KEYS = new Map<string, string>();

function computeUnitKey(name: string): string {
  return fold(name)
    .replace(/\buy ban nhan dan\b/g, "ubnd")
    .replace(/\bhoi dong nhan dan\b/g, "hdnd")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A unit as the registry holds it, with the first line that named it. */
interface Registered {
  unit: Unit;
  line: number;
  kindKnown: boolean;
}

/** The units of one import: one entry per name, ids derived from names, order of first mention. */
export class UnitRegistry {
  private readonly byKey = new Map<string, Registered>();
  private readonly ids = new Set<string>();

  /** Adds a unit (or finds it by name) and returns its id. */
  add(name: UnitName, line: number): string {
    const key = unitKey(name.name);
    const known = this.byKey.get(key);
    if (known) {
      if (known.unit.abbreviation === undefined && name.abbreviation !== undefined)
        known.unit = { ...known.unit, abbreviation: name.abbreviation };
      return known.unit.id;
    }
    let id = slugify(name.name) || "don-vi";
    if (!/^[a-z0-9]/.test(id)) id = `don-vi-${id}`;
    for (let n = 2; this.ids.has(id); n++) id = `${slugify(name.name) || "don-vi"}-${n}`;
    this.ids.add(id);
    const kind = unitKind(name.name);
    const unit: Unit = {
      id,
      name: name.name,
      ...(name.abbreviation === undefined ? {} : { abbreviation: name.abbreviation }),
      kind: kind ?? "other",
      ...(name.group ? { group: true } : {}),
    };
    this.byKey.set(key, { unit, line, kindKnown: kind !== undefined });
    return id;
  }

  /** The id of a unit already named, by name. */
  find(name: string): string | undefined {
    return this.byKey.get(unitKey(name))?.unit.id;
  }

  /** Gives units whose initials match an abbreviation of the archive line ("Lưu: VT, TCCB") that abbreviation. */
  adoptAbbreviations(abbreviations: readonly string[]): void {
    // "VT" is the records office of the issuer, never a unit of the plan.
    const candidates = abbreviations.filter((a) => a.length >= 2 && a !== "VT");
    if (candidates.length === 0) return;
    for (const r of this.byKey.values()) {
      if (r.unit.abbreviation !== undefined || r.unit.group) continue;
      const full = initials(r.unit.name);
      const withoutKind = initials(r.unit.name.replace(/^\S+\s+/u, ""));
      const hit = candidates.find((a) => a === full || a === withoutKind);
      if (hit !== undefined) r.unit = { ...r.unit, abbreviation: hit };
    }
  }

  /** Units whose kind no rule recognised, with the line that named them. */
  unknownKinds(): Array<{ unit: Unit; line: number }> {
    return [...this.byKey.values()].filter((r) => !r.kindKnown).map((r) => ({ unit: r.unit, line: r.line }));
  }

  /** Every unit, in order of first mention. */
  units(): Unit[] {
    return [...this.byKey.values()].map((r) => r.unit);
  }
}
