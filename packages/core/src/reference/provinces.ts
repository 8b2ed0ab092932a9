/**
 * Provinces and centrally-run cities: the 34 since 1 July 2025 (Resolution 202/2025/QH15) with
 * their commune-level counts, and the 63 of before, so a 2018 plan of "UBND tỉnh Quảng Nam" and a
 * 2026 plan of "UBND thành phố Đà Nẵng" both validate. Compact on purpose (rows, not objects):
 * this module is part of core's browser bundle.
 */

/** A province or centrally-run city, in force from `from` to `until` (inclusive, ISO dates). */
export interface ProvinceReference {
  /** Stable id: "tinh-lao-cai" / "tp-da-nang"; a merged province keeps its id and gets a new entry. */
  readonly id: string;
  /** The name without its level ("Lào Cai", "Hồ Chí Minh"). */
  readonly name: string;
  /** "city" for a centrally-run city (thành phố trực thuộc trung ương). */
  readonly level: "province" | "city";
  /** The name in a Decree 30 header: "Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân Thành phố Hồ Chí Minh". */
  readonly committee: string;
  readonly from?: string;
  readonly until?: string;
  /** The act behind `from` (a key of `LEGAL_BASES`). */
  readonly basis?: string;
  readonly endedBy?: string;
  /** Provinces merged into it on `from` (ids of the old entries, the one that kept its name first). */
  readonly merged?: readonly string[];
  /** The province it became part of. */
  readonly successor?: string;
  /** Commune-level units since 1 July 2025 (current entries only). */
  readonly communes?: CommuneCounts;
}

/** How many commune-level units a province has, by kind, and how sure the figures are. */
export interface CommuneCounts {
  readonly xa: number;
  readonly phuong: number;
  readonly dacKhu: number;
  /**
   * True when the split between xã and phường is not checked against the province's resolution
   * (the province's total is); the national totals are exact either way.
   */
  readonly approximate: boolean;
  /** Where the figures come from (a key of `LEGAL_BASES`). */
  readonly countSource: string;
}

const TWO_TIER = "2025-07-01";
const BEFORE_TWO_TIER = "2025-06-30";

/** The official name in a header, from the name and level. */
function committeeName(name: string, level: "province" | "city"): string {
  if (name === "Hồ Chí Minh") return "Ủy ban nhân dân Thành phố Hồ Chí Minh";
  return `Ủy ban nhân dân ${level === "city" ? "thành phố" : "tỉnh"} ${name}`;
}

function idOf(name: string, level: "province" | "city"): string {
  const slug = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${level === "city" ? "tp" : "tinh"}-${slug}`;
}

// name, city?, [xã, phường, đặc khu], split confirmed?, provinces merged into it (2018 names)
type CurrentRow = readonly [string, boolean, readonly [number, number, number], boolean, readonly string[]];

/** The 34 of 1 July 2025, in the order of Resolution 202/2025/QH15's list (unchanged ones first). */
const CURRENT: readonly CurrentRow[] = [
  ["Hà Nội", true, [75, 51, 0], true, []],
  ["Huế", true, [21, 19, 0], true, []],
  ["Lai Châu", false, [36, 2, 0], false, []],
  ["Điện Biên", false, [42, 3, 0], false, []],
  ["Sơn La", false, [67, 8, 0], false, []],
  ["Lạng Sơn", false, [61, 4, 0], false, []],
  ["Quảng Ninh", false, [22, 30, 2], true, []],
  ["Thanh Hóa", false, [147, 19, 0], false, []],
  ["Nghệ An", false, [119, 11, 0], false, []],
  ["Hà Tĩnh", false, [60, 9, 0], false, []],
  ["Cao Bằng", false, [53, 3, 0], false, []],
  ["Tuyên Quang", false, [117, 7, 0], false, ["Hà Giang"]],
  ["Lào Cai", false, [89, 10, 0], false, ["Yên Bái"]],
  ["Thái Nguyên", false, [77, 15, 0], false, ["Bắc Kạn"]],
  ["Phú Thọ", false, [133, 15, 0], false, ["Vĩnh Phúc", "Hòa Bình"]],
  ["Bắc Ninh", false, [70, 29, 0], false, ["Bắc Giang"]],
  ["Hưng Yên", false, [93, 11, 0], false, ["Thái Bình"]],
  ["Hải Phòng", true, [67, 45, 2], true, ["Hải Dương"]],
  ["Ninh Bình", false, [100, 29, 0], false, ["Hà Nam", "Nam Định"]],
  ["Quảng Trị", false, [69, 8, 1], false, ["Quảng Bình"]],
  ["Đà Nẵng", true, [70, 23, 1], true, ["Quảng Nam"]],
  ["Quảng Ngãi", false, [86, 9, 1], false, ["Kon Tum"]],
  ["Gia Lai", false, [110, 25, 0], false, ["Bình Định"]],
  ["Khánh Hòa", false, [48, 16, 1], false, ["Ninh Thuận"]],
  ["Lâm Đồng", false, [103, 20, 1], false, ["Đắk Nông", "Bình Thuận"]],
  ["Đắk Lắk", false, [88, 14, 0], false, ["Phú Yên"]],
  ["Hồ Chí Minh", true, [54, 113, 1], true, ["Bình Dương", "Bà Rịa - Vũng Tàu"]],
  ["Đồng Nai", false, [72, 23, 0], false, ["Bình Phước"]],
  ["Tây Ninh", false, [82, 14, 0], false, ["Long An"]],
  ["Cần Thơ", true, [75, 28, 0], false, ["Sóc Trăng", "Hậu Giang"]],
  ["Vĩnh Long", false, [105, 19, 0], false, ["Bến Tre", "Trà Vinh"]],
  ["Đồng Tháp", false, [85, 17, 0], false, ["Tiền Giang"]],
  ["Cà Mau", false, [55, 9, 0], false, ["Bạc Liêu"]],
  ["An Giang", false, [85, 14, 3], false, ["Kiên Giang"]],
];

const UNCHANGED = new Set(CURRENT.filter((r) => r[4].length === 0).map((r) => r[0]));
const successorByOld = new Map<string, string>();
for (const [name, city, , , merged] of CURRENT) {
  const id = idOf(name, city ? "city" : "province");
  successorByOld.set(name, id);
  for (const m of merged) successorByOld.set(m, id);
}

/**
 * The 63 of before, derived from the merger lists (no second table to keep in step): each merged
 * province under the name it kept (at its level then), the ones merged into it (all provinces),
 * and Thừa Thiên Huế, which became the city of Huế on 1 January 2025.
 */
const OLD: readonly (readonly [string, boolean])[] = [
  ...CURRENT.flatMap(([name, city, , , merged]) => [
    [name, city] as const,
    ...merged.map((m) => [m, false] as const),
  ]),
  ["Thừa Thiên Huế", false],
];

function current([name, city, [xa, phuong, dacKhu], confirmed, merged]: CurrentRow): ProvinceReference {
  const level = city ? "city" : "province";
  const unchanged = merged.length === 0;
  const oldLevel = (n: string) => (OLD.find((o) => o[0] === n)?.[1] ? "city" : "province");
  return {
    id: idOf(name, level),
    name,
    level,
    committee: committeeName(name, level),
    ...(name === "Huế"
      ? { from: "2025-01-01", basis: "1314/NQ-UBTVQH15" }
      : unchanged
        ? {}
        : { from: TWO_TIER, basis: "202/2025/QH15" }),
    ...(unchanged ? {} : { merged: [name, ...merged].map((n) => `${idOf(n, oldLevel(n))}:old`) }),
    communes: { xa, phuong, dacKhu, approximate: !confirmed, countSource: "UBTVQH15-2025-xa" },
  };
}

function old([name, city]: readonly [string, boolean]): ProvinceReference | undefined {
  const level = city ? "city" : "province";
  if (UNCHANGED.has(name)) return undefined; // the current entry covers it
  const hue = name === "Thừa Thiên Huế";
  return {
    id: `${idOf(name, level)}:old`,
    name,
    level,
    committee: committeeName(name, level),
    until: hue ? "2024-12-31" : BEFORE_TWO_TIER,
    endedBy: hue ? "1314/NQ-UBTVQH15" : "202/2025/QH15",
    successor: hue ? "tp-hue" : (successorByOld.get(name) ?? ""),
  };
}

/** The 34 provinces and cities in force since 1 July 2025, with their commune-level counts. */
export const PROVINCE_REFERENCES: readonly ProvinceReference[] = CURRENT.map(current);

/** Provinces as they were before: the 52 merged on 1 July 2025 and Thừa Thiên Huế (until 2024). */
export const FORMER_PROVINCE_REFERENCES: readonly ProvinceReference[] = OLD.flatMap((row) => {
  const p = old(row);
  return p ? [p] : [];
});
