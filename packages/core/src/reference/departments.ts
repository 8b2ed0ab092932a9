/**
 * The specialised agencies (sở) of a provincial People's Committee, as they were before the
 * merger of 1 March 2025 and as they are since (Decree 45/2025/NĐ-CP, then Decree 150/2025/NĐ-CP
 * from 1 July 2025), and the offices and divisions of a commune since two-tier government began.
 */

/** One kind of provincial department or commune office, with the dates it exists. */
export interface DepartmentReference {
  /** Short id within a province ("so-noi-vu"). */
  readonly code: string;
  readonly name: string;
  /** The unit-kind code of the catalogue. */
  readonly kind: string;
  readonly from?: string;
  readonly until?: string;
  /** The act behind `from` or `until` (a key of `LEGAL_BASES`). */
  readonly basis?: string;
  /** Codes of the departments merged into it, or that took it over. */
  readonly merged?: readonly string[];
  readonly successors?: readonly string[];
  /** Not every province has it (Sở Dân tộc và Tôn giáo, Sở Ngoại vụ). */
  readonly optional?: boolean;
}

const MERGED_FROM = "2025-03-01";
const MERGED_UNTIL = "2025-02-28";
const NEW = { from: MERGED_FROM, basis: "45/2025/NĐ-CP" } as const;
const gone = (successors: readonly string[]) =>
  ({ until: MERGED_UNTIL, basis: "45/2025/NĐ-CP", successors }) as const;
const d = (code: string, name: string, extra: Partial<DepartmentReference> = {}): DepartmentReference => ({
  code,
  name,
  kind: "provincial-department",
  ...extra,
});

/** Provincial departments: the current ones first, then those merged away on 1 March 2025. */
export const PROVINCIAL_DEPARTMENTS: readonly DepartmentReference[] = [
  /* @__PURE__ */ d("so-noi-vu", "Sở Nội vụ", { merged: ["so-ldtbxh"] }),
  /* @__PURE__ */ d("so-tu-phap", "Sở Tư pháp"),
  /* @__PURE__ */ d("so-tai-chinh", "Sở Tài chính", { merged: ["so-khdt"] }),
  /* @__PURE__ */ d("so-cong-thuong", "Sở Công Thương"),
  /* @__PURE__ */ d("so-nnmt", "Sở Nông nghiệp và Môi trường", { ...NEW, merged: ["so-nnptnt", "so-tnmt"] }),
  /* @__PURE__ */ d("so-xay-dung", "Sở Xây dựng", { merged: ["so-gtvt"] }),
  /* @__PURE__ */ d("so-khcn", "Sở Khoa học và Công nghệ", { merged: ["so-tttt"] }),
  /* @__PURE__ */ d("so-vhttdl", "Sở Văn hóa, Thể thao và Du lịch"),
  /* @__PURE__ */ d("so-gddt", "Sở Giáo dục và Đào tạo"),
  /* @__PURE__ */ d("so-y-te", "Sở Y tế"),
  /* @__PURE__ */ d("so-dttg", "Sở Dân tộc và Tôn giáo", { ...NEW, merged: ["ban-dan-toc"], optional: true }),
  /* @__PURE__ */ d("so-ngoai-vu", "Sở Ngoại vụ", { optional: true }),
  /* @__PURE__ */ d("so-khdt", "Sở Kế hoạch và Đầu tư", gone(["so-tai-chinh"])),
  /* @__PURE__ */ d("so-nnptnt", "Sở Nông nghiệp và Phát triển nông thôn", gone(["so-nnmt"])),
  /* @__PURE__ */ d("so-tnmt", "Sở Tài nguyên và Môi trường", gone(["so-nnmt"])),
  /* @__PURE__ */ d("so-gtvt", "Sở Giao thông vận tải", gone(["so-xay-dung"])),
  /* @__PURE__ */ d("so-tttt", "Sở Thông tin và Truyền thông", gone(["so-khcn"])),
  /* @__PURE__ */ d("so-ldtbxh", "Sở Lao động - Thương binh và Xã hội", gone(["so-noi-vu"])),
  /* @__PURE__ */ d("ban-dan-toc", "Ban Dân tộc", { kind: "board", ...gone(["so-dttg"]) }),
];

const TWO_TIER = { from: "2025-07-01", basis: "150/2025/NĐ-CP" } as const;

/** The offices of a commune, ward or special zone's People's Committee since 1 July 2025. */
export const COMMUNE_OFFICES: readonly DepartmentReference[] = [
  /* @__PURE__ */ d("van-phong", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", {
    kind: "commune-office",
    ...TWO_TIER,
  }),
  /* @__PURE__ */ d("phong-kinh-te", "Phòng Kinh tế", { kind: "commune-division", ...TWO_TIER }),
  /* @__PURE__ */ d("phong-kinh-te-ha-tang-do-thi", "Phòng Kinh tế, Hạ tầng và Đô thị", {
    kind: "commune-division",
    ...TWO_TIER,
  }),
  /* @__PURE__ */ d("phong-van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", {
    kind: "commune-division",
    ...TWO_TIER,
  }),
  /* @__PURE__ */ d("trung-tam-phuc-vu-hcc", "Trung tâm Phục vụ hành chính công", {
    kind: "commune-service-centre",
    ...TWO_TIER,
  }),
];
