/**
 * Blueprints of 2026, two-tier local government: one province (its departments and its communes,
 * wards and special zones, no districts), one ministry of the 17 since March 2025, and the Ministry
 * of Home Affairs' national plan that the ministries' and provinces' plans implement (`parent`).
 */
import { PROVINCE_REFERENCES, type ProvinceReference, type Responsibility, slugify } from "@cchc/core";
import {
  AGENCY_FUNDING_ID,
  assembleBlueprint,
  type Blueprint,
  budgetLines,
  fundingPair,
  groupClause,
  issueDate,
  leadClause,
  mediaChannelIds,
  ministryUnitTemplates,
  n,
  nationalPlan,
  pad2,
  pillarResponsibilities,
  placeNames,
  provinceFunding,
  provincePillars,
  sections,
  signer,
  spec,
  UNIT_DUTIES,
  type UnitDraft,
} from "./blueprint.js";
import { PLAN_CHANNEL_KINDS } from "./data/content.js";
import { MINISTRIES_2026, type Ministry2026, PROVINCIAL_UNITS_2026 } from "./data/vietnam2026.js";
import type { Random } from "./random.js";

/** The first plan year generated in the two-tier structure (plans of 2025 were mostly issued before 1 July). */
export const TWO_TIER_FIRST_YEAR = 2026;

/** The plan a sub-plan implements. */
export interface ParentRef {
  readonly planId: string;
  readonly year: number;
  readonly number: string;
}

const COMMUNE_KIND_CODES = new Set(["commune-committee", "ward-committee", "special-zone-committee"]);
const isCommune = (d: UnitDraft) => COMMUNE_KIND_CODES.has(d.kind);

const levelWord = (p: ProvinceReference) => (p.level === "city" ? "thành phố" : "tỉnh");
/** "tỉnh Lào Cai", "thành phố Đà Nẵng", "Thành phố Hồ Chí Minh". */
const provinceFull = (p: ProvinceReference) => p.committee.replace(/^Ủy ban nhân dân /u, "");

/** The units of a 2026 province: departments, then its wards, communes and special zones. */
function provinceDrafts2026(rng: Random, p: ProvinceReference, agencyId: string): UnitDraft[] {
  const level = levelWord(p);
  const press = `Báo và Phát thanh, Truyền hình ${p.name === "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : p.name}`;
  const drafts: UnitDraft[] = [
    { id: agencyId, name: p.committee, abbreviation: "UBND", kind: "provincial-committee", weight: 1 },
  ];
  const idByTemplate = new Map<string, string>();
  for (const t of PROVINCIAL_UNITS_2026) {
    const name = t.name.replace("{level}", level).replace("{press}", press);
    idByTemplate.set(t.name, t.code);
    drafts.push({
      id: t.code,
      name,
      kind: t.kind,
      parentUnitId: t.parent === undefined ? agencyId : (idByTemplate.get(t.parent) ?? agencyId),
      ...(t.weight === undefined ? {} : { weight: t.weight }),
    });
  }
  const c = p.communes ?? { xa: 0, phuong: 0, dacKhu: 0 };
  const names = placeNames(rng, c.xa + c.phuong + c.dacKhu);
  let next = 0;
  const add = (count: number, word: string, kind: string) => {
    for (let i = 0; i < count; i++) {
      const place = names[next++] ?? `Số ${next}`;
      drafts.push({
        id: slugify(`${word} ${place}`),
        name: `Ủy ban nhân dân ${word} ${place}`,
        kind,
        parentUnitId: agencyId,
      });
    }
  };
  add(c.phuong, "phường", "ward-committee");
  add(c.xa, "xã", "commune-committee");
  add(c.dacKhu, "đặc khu", "special-zone-committee");
  return drafts;
}

/** The plan of one 2026 province, optionally implementing a national plan. */
export function provinceBlueprint2026(
  rng: Random,
  p: ProvinceReference,
  year: number,
  parent?: ParentRef,
): Blueprint {
  const full = provinceFull(p);
  const level = levelWord(p);
  const s = sections({
    scope: `của ${full}`,
    of: `của ${level}`,
    year,
    wide: true,
    channelKinds: PLAN_CHANNEL_KINDS.medium,
    audiences: [
      [
        "civil-servants",
        `Cán bộ, công chức, viên chức các cơ quan hành chính nhà nước cấp ${level} và cấp xã.`,
      ],
      ["citizens", `Người dân trên địa bàn ${level}.`],
      ["businesses", `Doanh nghiệp, tổ chức hoạt động trên địa bàn ${level}.`],
    ],
  });
  const agencyId = "ubnd";
  const drafts = provinceDrafts2026(rng, p, agencyId);
  const leadId = "so-noi-vu";
  const officeId = "van-phong-ubnd";
  const agencyFunded = new Set([leadId, agencyId, officeId]);
  // communes report to the province directly now: every unit but the lead and the committee reports
  const units = drafts.map((d) => spec(d, d.id !== leadId && d.id !== agencyId, agencyFunded.has(d.id)));
  const ids = (pred: (d: UnitDraft) => boolean) =>
    drafts.filter((d) => d.id !== leadId && d.id !== agencyId && pred(d)).map((d) => d.id);
  const pillars = provincePillars(s, leadId, officeId, level, ["so-khcn", "Sở Khoa học và Công nghệ"]);
  const mediaChannels = mediaChannelIds(s.channelList);
  let k = 1 + pillars.length;
  const responsibilities: Responsibility[] = [
    leadClause(leadId, "Sở Nội vụ", `trên địa bàn ${level}`),
    ...pillars,
    groupClause(
      k++,
      ids((d) => d.kind === "press-agency"),
      ["implement", "report"],
      `Báo và Phát thanh, Truyền hình ${level} duy trì chuyên trang, chuyên mục cải cách hành chính; phản ánh kịp thời kết quả cải cách hành chính của ${level}.`,
      [],
      mediaChannels,
    ),
    groupClause(
      k++,
      ids((d) => d.kind !== "press-agency" && !isCommune(d)),
      ["implement", "report"],
      `Các sở, ban, ngành ${level} có trách nhiệm:`,
      UNIT_DUTIES,
    ),
    groupClause(
      k++,
      ids(isCommune),
      ["implement", "report"],
      "Ủy ban nhân dân các xã, phường, đặc khu có trách nhiệm:",
      [
        ...UNIT_DUTIES,
        "Tuyên truyền cải cách hành chính đến người dân qua loa truyền thanh cơ sở, pano, áp phích, hội nghị ở thôn, tổ dân phố và Trung tâm Phục vụ hành chính công xã.",
      ],
    ),
  ];
  const budget = budgetLines(rng, AGENCY_FUNDING_ID, leadId, s.channelList, 3);
  return assembleBlueprint({
    sections: s,
    units,
    leadId,
    responsibilities,
    fundingSources: provinceFunding(level, leadId),
    budget,
    heading: {
      id: `${p.id}-${year}`,
      issuer: { name: n(p.committee), abbreviation: "UBND" },
      number: `${pad2(rng.int(5, 250))}/KH-UBND`,
      place: n(p.name === "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : p.name),
      date: issueDate(rng, year),
      year,
      title: n(`TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM ${year} TRÊN ĐỊA BÀN ${full.toUpperCase()}`),
      ...(parent === undefined ? {} : { parent }),
      signer: signer(rng, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    },
    recipients: [
      "Bộ Nội vụ (để báo cáo)",
      `Thường trực ${level === "tỉnh" ? "Tỉnh ủy" : "Thành ủy"}, Thường trực Hội đồng nhân dân ${level}`,
      `Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân ${level}`,
      `Các sở, ban, ngành ${level}`,
      "Ủy ban nhân dân các xã, phường, đặc khu",
      "Lưu: VT, NC.",
    ],
  });
}

/** The medium size of 2026: one province drawn at random, with every one of its communes. */
export function mediumBlueprint2026(rng: Random, year: number): Blueprint {
  return provinceBlueprint2026(rng, rng.pick(PROVINCE_REFERENCES), year);
}

/** The plan of one 2026 ministry or ministry-level agency, implementing the national plan. */
export function ministryBlueprint2026(
  rng: Random,
  m: Ministry2026,
  year: number,
  parent: ParentRef,
): Blueprint {
  const { reference, data } = m;
  const s = sections({
    scope: `của ${reference.name}`,
    of: `của ${reference.name}`,
    year,
    wide: false,
    channelKinds: PLAN_CHANNEL_KINDS.small,
    audiences: [["civil-servants", `Cán bộ, công chức, viên chức thuộc ${reference.name}.`]],
  });
  const agencyId = reference.id;
  const drafts: UnitDraft[] = [
    { id: agencyId, name: reference.name, abbreviation: reference.abbreviation, kind: "ministry", weight: 1 },
  ];
  for (const t of ministryUnitTemplates(data)) {
    const name = t.name.replace("{head}", data.head);
    const id = slugify(name);
    if (drafts.some((d) => d.id === id)) continue;
    drafts.push({
      id,
      name,
      kind: t.kind,
      parentUnitId: agencyId,
      ...(t.weight === undefined ? {} : { weight: t.weight }),
    });
  }
  const lead =
    drafts.find((d) => d.name === "Vụ Tổ chức cán bộ") ??
    drafts.find((d) => /Tổ chức cán bộ|Cục Cán bộ/u.test(d.name)) ??
    drafts.find((d) => d.kind === "office") ??
    drafts[1] ??
    drafts[0];
  const leadId = lead?.id ?? agencyId;
  const office = drafts.find((d) => d.kind === "office")?.id ?? leadId;
  const agencyFunded = new Set([leadId, agencyId, office]);
  const units = drafts.map((d) => spec(d, d.id !== leadId && d.id !== agencyId, agencyFunded.has(d.id)));
  const others = drafts.filter((d) => d.id !== leadId && d.id !== agencyId).map((d) => d.id);
  const responsibilities: Responsibility[] = [
    leadClause(leadId, lead?.name ?? reference.name, `của ${reference.name}`),
    groupClause(
      1,
      others,
      ["implement", "report"],
      `Các cơ quan, đơn vị thuộc ${reference.name} có trách nhiệm:`,
      UNIT_DUTIES,
    ),
  ];
  const budget = budgetLines(rng, AGENCY_FUNDING_ID, office, s.channelList, 2);
  return assembleBlueprint({
    sections: s,
    units,
    leadId,
    responsibilities,
    fundingSources: fundingPair(
      {
        kind: "par-budget",
        text: `Kinh phí thực hiện các nhiệm vụ chung của ${reference.name} được bố trí trong dự toán giao cho đơn vị quản lý.`,
        managerId: office,
      },
      "Các cơ quan, đơn vị bố trí kinh phí từ nguồn kinh phí tự chủ của đơn vị.",
    ),
    budget,
    heading: {
      id: `${reference.id}-${year}`,
      issuer: { name: reference.name, abbreviation: reference.abbreviation },
      number: `${pad2(rng.int(5, 250))}/KH-${reference.abbreviation}`,
      place: "Hà Nội",
      date: issueDate(rng, year),
      year,
      title: n(`TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM ${year} CỦA ${reference.name.toUpperCase()}`),
      parent,
      signer: signer(
        rng,
        reference.level === "ministry" ? "KT. BỘ TRƯỞNG" : "KT. THỦ TRƯỞNG",
        reference.level === "ministry" ? "THỨ TRƯỞNG" : "PHÓ THỦ TRƯỞNG",
      ),
    },
    recipients: ["Bộ Nội vụ (để báo cáo)", "Lãnh đạo Bộ", "Các cơ quan, đơn vị thuộc Bộ", "Lưu: VT."],
  });
}

/** The national plan of 2026: the Ministry of Home Affairs follows every ministry and province. */
export function nationalRootBlueprint2026(rng: Random, year: number): Blueprint {
  const s = sections({
    scope: "của các bộ, ngành, địa phương",
    of: "của các bộ, ngành, địa phương",
    year,
    wide: true,
    channelKinds: PLAN_CHANNEL_KINDS.national,
    audiences: [
      [
        "civil-servants",
        "Cán bộ, công chức, viên chức trong các cơ quan hành chính nhà nước từ trung ương đến cấp xã.",
      ],
      ["citizens", "Người dân trong nước và người Việt Nam ở nước ngoài."],
      ["businesses", "Doanh nghiệp, tổ chức trong và ngoài nước."],
    ],
  });
  const leadId = "vu-cai-cach-hanh-chinh";
  const officeId = "van-phong-bo";
  const drafts: UnitDraft[] = [
    { id: leadId, name: "Vụ Cải cách hành chính, Bộ Nội vụ", kind: "department", weight: 2 },
    { id: officeId, name: "Văn phòng Bộ Nội vụ", kind: "office" },
    ...MINISTRIES_2026.map(
      (m): UnitDraft => ({
        id: m.reference.id,
        name: m.reference.name,
        abbreviation: m.reference.abbreviation,
        kind: "ministry",
      }),
    ),
    ...PROVINCE_REFERENCES.map(
      (p): UnitDraft => ({
        id: p.id,
        name: p.committee,
        abbreviation: "UBND",
        kind: "provincial-committee",
      }),
    ),
  ];
  const agencyFunded = new Set([leadId, officeId]);
  const units = drafts.map((d) => spec(d, d.id !== leadId && d.id !== officeId, agencyFunded.has(d.id)));
  const pillars = pillarResponsibilities(
    [
      ["pillar-institutional", "bo-tu-phap", "Bộ Tư pháp"],
      ["pillar-procedures", "van-phong-chinh-phu", "Văn phòng Chính phủ"],
      ["pillar-public-finance", "bo-tai-chinh", "Bộ Tài chính"],
      ["pillar-modernisation", "bo-khoa-hoc-va-cong-nghe", "Bộ Khoa học và Công nghệ"],
      ["one-stop-shop", "van-phong-chinh-phu", "Văn phòng Chính phủ"],
      ["online-public-services", "bo-khoa-hoc-va-cong-nghe", "Bộ Khoa học và Công nghệ"],
    ],
    s.contentIdByKind,
    leadId,
    1,
  );
  let k = 1 + pillars.length;
  const responsibilities: Responsibility[] = [
    leadClause(leadId, "Vụ Cải cách hành chính, Bộ Nội vụ", "trên phạm vi cả nước"),
    ...pillars,
    groupClause(
      k++,
      MINISTRIES_2026.map((m) => m.reference.id),
      ["implement", "report"],
      "Các bộ, cơ quan ngang bộ có trách nhiệm:",
      UNIT_DUTIES,
    ),
    groupClause(
      k++,
      PROVINCE_REFERENCES.map((p) => p.id),
      ["implement", "report"],
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm:",
      [
        ...UNIT_DUTIES,
        "Chỉ đạo Ủy ban nhân dân các xã, phường, đặc khu tuyên truyền cải cách hành chính đến người dân.",
      ],
    ),
  ];
  return nationalPlan(rng, year, s, units, leadId, officeId, responsibilities);
}

/** The sub-plans of the 2026 country, in order: the 17 ministries, then the 34 provinces. */
export function countryBlueprints2026(
  rng: () => Random,
  year: number,
  parent: ParentRef,
): { readonly ministries: Blueprint[]; readonly provinces: Blueprint[] } {
  return {
    ministries: MINISTRIES_2026.map((m) => ministryBlueprint2026(rng(), m, year, parent)),
    provinces: PROVINCE_REFERENCES.map((p) => provinceBlueprint2026(rng(), p, year, parent)),
  };
}
