/**
 * Ministries and ministry-level agencies, the current ones (since 1 March 2025) and those a
 * historical plan may name, each with the dates it was in force and the act behind them. Decree
 * 30/2020 headers and symbols use the name and abbreviation ("12/KH-BNV").
 */

/** A ministry or ministry-level agency, in force from `from` (inclusive) to `until` (inclusive). */
export interface MinistryReference {
  /** Stable id ("bo-noi-vu"); an agency renamed keeps no id of the old name. */
  readonly id: string;
  readonly name: string;
  /** Abbreviation in a document symbol ("BTTTT" in "12/KH-BTTTT"). */
  readonly abbreviation: string;
  /** "ministry" (bộ) or "ministry-level" (cơ quan ngang bộ). */
  readonly level: "ministry" | "ministry-level";
  /** First day in force (ISO); absent when older than any plan the library supports (2000). */
  readonly from?: string;
  /** Last day in force (ISO); absent while in force. */
  readonly until?: string;
  /** The act that created it (or gave it its present remit), a key of `LEGAL_BASES`. */
  readonly basis?: string;
  /** The act that ended it. */
  readonly endedBy?: string;
  /** Who took over its remit (ids). */
  readonly successors?: readonly string[];
  /** Agencies merged into it (ids), for a current agency formed or enlarged by a merger. */
  readonly merged?: readonly string[];
}

type Row = readonly [
  id: string,
  name: string,
  abbreviation: string,
  level: "ministry" | "ministry-level",
  extra?: Partial<MinistryReference>,
];

const NOW = { basis: "176/2025/QH15" } as const;
const MERGED_UNTIL = "2025-02-28";
const ended = (successors: readonly string[], from?: string, basis?: string): Partial<MinistryReference> => ({
  ...(from === undefined ? {} : { from }),
  ...(basis === undefined ? {} : { basis }),
  until: MERGED_UNTIL,
  endedBy: "176/2025/QH15",
  successors,
});

const ROWS: readonly Row[] = [
  // the 14 ministries and 3 ministry-level agencies since 1 March 2025
  ["bo-quoc-phong", "Bộ Quốc phòng", "BQP", "ministry"],
  ["bo-cong-an", "Bộ Công an", "BCA", "ministry"],
  ["bo-ngoai-giao", "Bộ Ngoại giao", "BNG", "ministry"],
  ["bo-noi-vu", "Bộ Nội vụ", "BNV", "ministry", { ...NOW, merged: ["bo-lao-dong-thuong-binh-va-xa-hoi"] }],
  ["bo-tu-phap", "Bộ Tư pháp", "BTP", "ministry"],
  ["bo-tai-chinh", "Bộ Tài chính", "BTC", "ministry", { ...NOW, merged: ["bo-ke-hoach-va-dau-tu"] }],
  ["bo-cong-thuong", "Bộ Công Thương", "BCT", "ministry", { from: "2007-07-31", basis: "01/2007/QH12" }],
  [
    "bo-nong-nghiep-va-moi-truong",
    "Bộ Nông nghiệp và Môi trường",
    "BNNMT",
    "ministry",
    {
      from: "2025-03-01",
      ...NOW,
      merged: ["bo-nong-nghiep-va-phat-trien-nong-thon", "bo-tai-nguyen-va-moi-truong"],
    },
  ],
  ["bo-xay-dung", "Bộ Xây dựng", "BXD", "ministry", { ...NOW, merged: ["bo-giao-thong-van-tai"] }],
  [
    "bo-van-hoa-the-thao-va-du-lich",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "BVHTTDL",
    "ministry",
    { from: "2007-07-31", basis: "01/2007/QH12" },
  ],
  [
    "bo-khoa-hoc-va-cong-nghe",
    "Bộ Khoa học và Công nghệ",
    "BKHCN",
    "ministry",
    { from: "2002-08-05", basis: "02/2002/QH11", merged: ["bo-thong-tin-va-truyen-thong"] },
  ],
  ["bo-giao-duc-va-dao-tao", "Bộ Giáo dục và Đào tạo", "BGDĐT", "ministry"],
  ["bo-y-te", "Bộ Y tế", "BYT", "ministry"],
  [
    "bo-dan-toc-va-ton-giao",
    "Bộ Dân tộc và Tôn giáo",
    "BDTTG",
    "ministry",
    { from: "2025-03-01", ...NOW, merged: ["uy-ban-dan-toc"] },
  ],
  ["ngan-hang-nha-nuoc-viet-nam", "Ngân hàng Nhà nước Việt Nam", "NHNN", "ministry-level"],
  ["thanh-tra-chinh-phu", "Thanh tra Chính phủ", "TTCP", "ministry-level"],
  ["van-phong-chinh-phu", "Văn phòng Chính phủ", "VPCP", "ministry-level"],
  // merged away on 1 March 2025: valid for plans dated before
  ["bo-ke-hoach-va-dau-tu", "Bộ Kế hoạch và Đầu tư", "BKHĐT", "ministry", ended(["bo-tai-chinh"])],
  [
    "bo-nong-nghiep-va-phat-trien-nong-thon",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNPTNT",
    "ministry",
    ended(["bo-nong-nghiep-va-moi-truong"]),
  ],
  [
    "bo-tai-nguyen-va-moi-truong",
    "Bộ Tài nguyên và Môi trường",
    "BTNMT",
    "ministry",
    ended(["bo-nong-nghiep-va-moi-truong"], "2002-08-05", "02/2002/QH11"),
  ],
  ["bo-giao-thong-van-tai", "Bộ Giao thông vận tải", "BGTVT", "ministry", ended(["bo-xay-dung"])],
  [
    "bo-thong-tin-va-truyen-thong",
    "Bộ Thông tin và Truyền thông",
    "BTTTT",
    "ministry",
    ended(["bo-khoa-hoc-va-cong-nghe"], "2007-07-31", "01/2007/QH12"),
  ],
  [
    "bo-lao-dong-thuong-binh-va-xa-hoi",
    "Bộ Lao động - Thương binh và Xã hội",
    "BLĐTBXH",
    "ministry",
    ended(["bo-noi-vu"]),
  ],
  ["uy-ban-dan-toc", "Ủy ban Dân tộc", "UBDT", "ministry-level", ended(["bo-dan-toc-va-ton-giao"])],
];

/** Every ministry and ministry-level agency the reference knows, current ones first. */
export const MINISTRY_REFERENCES: readonly MinistryReference[] = ROWS.map(
  ([id, name, abbreviation, level, extra]) => ({ id, name, abbreviation, level, ...extra }),
);
