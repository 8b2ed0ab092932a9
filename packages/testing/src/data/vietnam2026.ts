/**
 * The structure of 2026 the synthetic datasets draw from: the departments of a provincial People's
 * Committee after the merger of March 2025 and the ministries' own units after the merger of
 * ministries (derived from the 2018 lists: the units of the ministries merged into one, general
 * departments turned into departments). Ministries' and provinces' names, abbreviations and
 * commune counts come from core's reference data.
 */
import { MINISTRY_REFERENCES, type MinistryReference } from "@cchc/core";
import type { ProvincialUnitTemplate, SubUnitTemplate } from "./vietnam.js";
import { MINISTRIES, type MinistryData } from "./vietnam.js";

const pu = (
  name: string,
  kind: string,
  extra: Partial<ProvincialUnitTemplate> & { code: string },
): ProvincialUnitTemplate => ({ name, kind, ...extra });

/** The departments, boards and media of a province since 1 July 2025 (two-tier government). */
export const PROVINCIAL_UNITS_2026: readonly ProvincialUnitTemplate[] = [
  pu("Văn phòng Ủy ban nhân dân {level}", "office", { code: "van-phong-ubnd", weight: 1.4 }),
  pu("Sở Nội vụ", "provincial-department", { code: "so-noi-vu", weight: 1.6 }),
  pu("Sở Tư pháp", "provincial-department", { code: "so-tu-phap", weight: 1.3 }),
  pu("Sở Tài chính", "provincial-department", { code: "so-tai-chinh" }),
  pu("Sở Công Thương", "provincial-department", { code: "so-cong-thuong" }),
  pu("Sở Nông nghiệp và Môi trường", "provincial-department", { code: "so-nnmt" }),
  pu("Sở Xây dựng", "provincial-department", { code: "so-xay-dung" }),
  pu("Sở Khoa học và Công nghệ", "provincial-department", { code: "so-khcn", weight: 1.5 }),
  pu("Sở Văn hóa, Thể thao và Du lịch", "provincial-department", { code: "so-vhttdl" }),
  pu("Sở Giáo dục và Đào tạo", "provincial-department", { code: "so-gddt" }),
  pu("Sở Y tế", "provincial-department", { code: "so-y-te" }),
  pu("Sở Dân tộc và Tôn giáo", "provincial-department", { code: "so-dttg" }),
  pu("Thanh tra {level}", "inspectorate", { code: "thanh-tra" }),
  pu("Ban Quản lý các khu công nghiệp", "board", { code: "ban-quan-ly-kcn" }),
  pu("Trung tâm Phục vụ hành chính công", "centre", { code: "trung-tam-hcc", weight: 1.3 }),
  pu("{press}", "press-agency", { code: "bao-ptth", weight: 4, own: true }),
  pu("Ban Thi đua - Khen thưởng", "sub-department", { code: "ban-tdkt", parent: "Sở Nội vụ" }),
];

/** A 2026 ministry: core's reference entry and the units the dataset gives it. */
export interface Ministry2026 {
  readonly reference: MinistryReference;
  readonly data: MinistryData;
}

const byName = new Map(MINISTRIES.map((m) => [m.name, m] as const));
const refName = new Map(MINISTRY_REFERENCES.map((m) => [m.id, m.name] as const));

/** "Tổng cục Thuế" → "Cục Thuế": general departments became departments in 2025. */
function renamed(t: SubUnitTemplate): SubUnitTemplate {
  if (t.kind !== "general-department") return t;
  return { ...t, name: t.name.replace(/^Tổng cục /u, "Cục "), kind: "agency" };
}

/** The 14 ministries and 3 ministry-level agencies of 2026 with their units. */
export const MINISTRIES_2026: readonly Ministry2026[] = MINISTRY_REFERENCES.filter(
  (m) => m.until === undefined,
).map((reference) => {
  const parts = [reference.name, ...(reference.merged ?? []).map((id) => refName.get(id) ?? id)]
    .map((name) => byName.get(name))
    .filter((m): m is MinistryData => m !== undefined);
  const first = parts[0];
  const seen = new Set<string>();
  const units: SubUnitTemplate[] = [];
  for (const part of parts)
    for (const t of part.units.map(renamed)) {
      if (seen.has(t.name)) continue;
      seen.add(t.name);
      units.push(t);
    }
  const data: MinistryData = {
    name: reference.name,
    abbreviation: reference.abbreviation,
    head: reference.level === "ministry" ? "Bộ" : (first?.head ?? "Bộ"),
    generic: parts.some((p) => p.generic),
    ...(first?.skip === undefined ? {} : { skip: first.skip }),
    units,
  };
  return { reference, data };
});
