/**
 * Open catalogues of kinds (content, channels, units, roles, funding, periods). Presets follow the
 * 2018 plan and what provinces commonly use; an agency adds its own kinds without forking the
 * library, either in code (`extendCatalogues`) or inside the plan JSON (`customKinds`).
 */
import * as z from "zod";
import { PERIOD_TYPES, type PeriodType } from "./calendar.js";
import { type LocalizedText, LocalizedTextSchema } from "./text.js";

/** One entry of a catalogue: a stable code used in data, and labels people read. */
export interface CatalogueEntry {
  readonly code: string;
  readonly label: LocalizedText;
  /** The PAR pillar or wider group the entry belongs to, when that helps reporting. */
  readonly group?: string | undefined;
  /**
   * First and last day (ISO, inclusive) the kind exists in law, for kinds of one era only
   * (district committees end on 30 June 2025): the `unit-kind-not-in-force` rule compares them
   * with the plan's date. Absent: no limit.
   */
  readonly validFrom?: string | undefined;
  readonly validUntil?: string | undefined;
  /** The act that created or ended the kind ("202/2025/QH15"), for people reading a finding. */
  readonly basis?: string | undefined;
}

/** The JSON form of a catalogue entry, for agencies that extend catalogues inside a plan. */
export const CatalogueEntrySchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "kebab-case code"),
  label: LocalizedTextSchema,
  group: z.string().optional(),
  validFrom: z.iso.date().optional(),
  validUntil: z.iso.date().optional(),
  basis: z.string().optional(),
});

const entry = (code: string, vi: string, en: string, group?: string): CatalogueEntry =>
  group === undefined ? { code, label: { vi, en } } : { code, label: { vi, en }, group };

/** Kinds of the district level, gone with two-tier local government on 1 July 2025. */
const DISTRICT_ERA = { validUntil: "2025-06-30", basis: "202/2025/QH15" } as const;
/** Kinds of two-tier local government (Decree 150/2025/NĐ-CP), from 1 July 2025. */
const TWO_TIER_ERA = { validFrom: "2025-07-01", basis: "150/2025/NĐ-CP" } as const;

/**
 * The six pillars of the State administrative reform programme (seed II.1.c). Scoring and
 * coverage metrics count them individually, so they are content kinds of their own.
 */
export const PAR_PILLARS: readonly CatalogueEntry[] = [
  entry("pillar-institutional", "Cải cách thể chế", "Institutional reform", "par-pillar"),
  entry("pillar-procedures", "Cải cách thủ tục hành chính", "Administrative procedure reform", "par-pillar"),
  entry(
    "pillar-apparatus",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Reform of the organisation of the state apparatus",
    "par-pillar",
  ),
  entry(
    "pillar-civil-service",
    "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
    "Civil service: cadres, civil servants and public employees",
    "par-pillar",
  ),
  entry(
    "pillar-public-finance",
    "Cải cách tài chính công, cơ chế tự chủ của đơn vị sự nghiệp công lập",
    "Public finance reform and autonomy of public service units",
    "par-pillar",
  ),
  entry(
    "pillar-modernisation",
    "Hiện đại hóa hành chính, xây dựng Chính phủ điện tử",
    "Administrative modernisation and e-government",
    "par-pillar",
  ),
];

/** Kinds of communication content: the PAR pillars plus the other themes plans carry. */
export const CONTENT_KINDS: readonly CatalogueEntry[] = [
  entry(
    "par-awareness",
    "Tầm quan trọng, ý nghĩa, mục tiêu của cải cách hành chính",
    "Importance, meaning and goals of administrative reform",
  ),
  entry(
    "party-state-policy",
    "Quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về cải cách hành chính",
    "Party guidelines and State policy and law on administrative reform",
  ),
  entry(
    "par-programme",
    "Chương trình, kế hoạch cải cách hành chính",
    "Administrative reform programmes and plans",
  ),
  ...PAR_PILLARS,
  entry("par-index", "Chỉ số cải cách hành chính (PAR Index)", "PAR Index results and assessment"),
  entry(
    "satisfaction-index",
    "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
    "Satisfaction with public administrative services (SIPAS)",
  ),
  entry(
    "steering-activities",
    "Hoạt động chỉ đạo, điều hành cải cách hành chính",
    "Steering and management of administrative reform",
  ),
  entry(
    "good-practices",
    "Điển hình tiên tiến, sáng kiến, kết quả và hạn chế trong cải cách hành chính",
    "Good practices, initiatives, results and shortcomings",
  ),
  entry("one-stop-shop", "Cơ chế một cửa, một cửa liên thông", "One-stop-shop mechanism"),
  entry("online-public-services", "Dịch vụ công trực tuyến", "Online public services"),
  entry("other", "Nội dung khác", "Other content"),
];

/**
 * Channels of communication: the four of the 2018 plan (press and portals, training, meetings and
 * seminars, integration into legal-education events) and those provinces commonly add.
 */
export const CHANNEL_KINDS: readonly CatalogueEntry[] = [
  entry("press", "Báo chí (báo in, báo điện tử)", "Press (print and online)"),
  entry("web-portal", "Cổng/trang thông tin điện tử", "Government web portals"),
  entry("training", "Tập huấn, bồi dưỡng, quán triệt", "Training and briefing classes"),
  entry("meeting-seminar", "Cuộc họp, tọa đàm, hội thảo", "Meetings, seminars and workshops"),
  entry(
    "legal-education",
    "Lồng ghép trong hoạt động phổ biến, giáo dục pháp luật",
    "Integrated into legal dissemination and education",
  ),
  entry("radio-tv", "Phát thanh, truyền hình", "Radio and television"),
  entry("social-media", "Mạng xã hội", "Social media"),
  entry("messaging-app", "Ứng dụng nhắn tin (Zalo OA…)", "Messaging apps (Zalo OA…)"),
  entry("contest", "Cuộc thi tìm hiểu", "Knowledge contests"),
  entry("poster-banner", "Pano, áp phích, băng rôn", "Posters, billboards and banners"),
  entry("leaflet", "Tờ rơi, tờ gấp, sổ tay", "Leaflets and handbooks"),
  entry("loudspeaker", "Loa truyền thanh cơ sở", "Commune loudspeaker systems"),
  entry("publication", "Ấn phẩm, tài liệu tuyên truyền", "Publications and printed materials"),
  entry("other", "Hình thức khác", "Other channel"),
];

/**
 * Kinds of agencies and units, from ministries' departments down to communes. Groups say the
 * tier: "central", "provincial", "district-level" (until 30 June 2025) and "commune-level". Since
 * 1 July 2025 local government has two tiers, province and commune (xã, phường, đặc khu); the
 * district-level kinds and thị trấn stay for historical plans and carry their end date.
 */
export const UNIT_KINDS: readonly CatalogueEntry[] = [
  entry("ministry", "Bộ, cơ quan ngang Bộ", "Ministry or ministry-level agency", "central"),
  entry("department", "Vụ", "Department of a ministry (Vụ)", "central"),
  entry("general-department", "Tổng cục", "General department (Tổng cục)", "central"),
  entry("agency", "Cục", "Agency (Cục)", "central"),
  entry("office", "Văn phòng", "Office (Văn phòng)"),
  entry("inspectorate", "Thanh tra", "Inspectorate"),
  entry("centre", "Trung tâm", "Centre"),
  entry("press-agency", "Cơ quan báo chí", "Press agency"),
  entry("administrative-agency", "Cơ quan hành chính", "Administrative agency"),
  entry("public-service-unit", "Đơn vị sự nghiệp công lập", "Public service unit"),
  entry("provincial-committee", "Ủy ban nhân dân cấp tỉnh", "Provincial People's Committee", "provincial"),
  entry("provincial-department", "Sở, ban, ngành cấp tỉnh", "Provincial department (Sở)", "provincial"),
  entry("sub-department", "Chi cục", "Sub-department (Chi cục)", "provincial"),
  {
    ...entry(
      "district-committee",
      "Ủy ban nhân dân cấp huyện",
      "District People's Committee",
      "district-level",
    ),
    ...DISTRICT_ERA,
  },
  {
    ...entry(
      "district-division",
      "Phòng chuyên môn thuộc Ủy ban nhân dân cấp huyện",
      "Division of a district People's Committee",
      "district-level",
    ),
    ...DISTRICT_ERA,
  },
  entry("division", "Phòng chuyên môn", "Specialised division (Phòng)"),
  entry("commune-committee", "Ủy ban nhân dân cấp xã", "Commune People's Committee", "commune-level"),
  entry("ward-committee", "Ủy ban nhân dân phường", "Ward People's Committee", "commune-level"),
  {
    ...entry(
      "special-zone-committee",
      "Ủy ban nhân dân đặc khu",
      "Special zone People's Committee (đặc khu)",
      "commune-level",
    ),
    ...TWO_TIER_ERA,
  },
  {
    ...entry("town-committee", "Ủy ban nhân dân thị trấn", "Township People's Committee", "commune-level"),
    ...DISTRICT_ERA,
  },
  {
    ...entry(
      "commune-office",
      "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân cấp xã",
      "Office of a commune's People's Council and Committee",
      "commune-level",
    ),
    ...TWO_TIER_ERA,
  },
  {
    ...entry(
      "commune-division",
      "Phòng chuyên môn thuộc Ủy ban nhân dân cấp xã",
      "Division of a commune People's Committee",
      "commune-level",
    ),
    ...TWO_TIER_ERA,
  },
  {
    ...entry(
      "commune-service-centre",
      "Trung tâm Phục vụ hành chính công cấp xã",
      "Commune public administrative service centre",
      "commune-level",
    ),
    ...TWO_TIER_ERA,
  },
  entry("board", "Ban, Ban Chỉ đạo", "Board or steering committee"),
  entry("school", "Trường, cơ sở đào tạo", "School or training institution"),
  entry("other", "Đơn vị khác", "Other unit"),
];

/** Roles a unit takes in a plan (IATI's organisation roles, in PAR terms). */
export const ROLES: readonly CatalogueEntry[] = [
  entry("lead", "Chủ trì, hướng dẫn, đánh giá", "Lead: guides, urges and evaluates"),
  entry("coordinate", "Phối hợp", "Coordinates"),
  entry("implement", "Thực hiện", "Implements"),
  entry("monitor", "Theo dõi", "Monitors"),
  entry("report", "Báo cáo", "Reports"),
];

/** The role codes the model knows: roles drive rules (one lead) and permissions, so they are closed. */
export const RoleSchema = z.enum(["lead", "coordinate", "implement", "monitor", "report"]);
/** A unit's role in a plan. */
export type Role = z.infer<typeof RoleSchema>;

/** Where the money for communication comes from. */
export const FUNDING_KINDS: readonly CatalogueEntry[] = [
  entry("communication-budget", "Kinh phí thông tin và truyền thông", "Information and communication budget"),
  entry("autonomous-budget", "Kinh phí tự chủ của đơn vị", "The unit's autonomous budget"),
  entry("par-budget", "Kinh phí cải cách hành chính", "Administrative reform budget"),
  entry("state-budget", "Ngân sách nhà nước", "State budget"),
  entry("programme-budget", "Kinh phí chương trình, đề án", "Programme or project budget"),
  entry("socialised", "Nguồn xã hội hóa", "Private and community contributions"),
  entry("other", "Nguồn khác", "Other source"),
];

const PERIOD_TYPE_LABELS: Record<PeriodType, LocalizedText> = {
  month: { vi: "Hằng tháng", en: "Monthly" },
  quarter: { vi: "Hằng quý", en: "Quarterly" },
  "half-year": { vi: "6 tháng", en: "Six-monthly" },
  "nine-month": { vi: "9 tháng", en: "Nine-monthly" },
  "second-half": { vi: "6 tháng cuối năm", en: "Second half-year" },
  year: { vi: "Hằng năm", en: "Annual" },
};

/** Reporting period types of Decree 09/2019 (closed: the calendar computes each one). */
export const PERIOD_TYPE_CATALOGUE: readonly CatalogueEntry[] = PERIOD_TYPES.map((code) => ({
  code,
  label: PERIOD_TYPE_LABELS[code],
}));

/** The catalogues a plan is checked against. */
export interface Catalogues {
  readonly contentKinds: readonly CatalogueEntry[];
  readonly channelKinds: readonly CatalogueEntry[];
  readonly unitKinds: readonly CatalogueEntry[];
  readonly fundingKinds: readonly CatalogueEntry[];
  readonly audienceKinds: readonly CatalogueEntry[];
}

/** Who a plan addresses. */
export const AUDIENCE_KINDS: readonly CatalogueEntry[] = [
  entry("civil-servants", "Cán bộ, công chức, viên chức", "Cadres, civil servants and public employees"),
  entry("citizens", "Người dân", "Citizens"),
  entry("businesses", "Doanh nghiệp", "Businesses"),
  entry("organisations", "Cơ quan, tổ chức", "Agencies and organisations"),
  entry("other", "Đối tượng khác", "Other audience"),
];

/** The catalogues shipped with the library. */
export const DEFAULT_CATALOGUES: Catalogues = {
  contentKinds: CONTENT_KINDS,
  channelKinds: CHANNEL_KINDS,
  unitKinds: UNIT_KINDS,
  fundingKinds: FUNDING_KINDS,
  audienceKinds: AUDIENCE_KINDS,
};

/** Kinds an agency adds to the presets; same shape as `Catalogues`, every list optional. */
export type CatalogueExtension = { readonly [K in keyof Catalogues]?: readonly CatalogueEntry[] };

/**
 * Adds an agency's own kinds to catalogues. An entry whose code already exists replaces the
 * preset's labels (an agency may word a kind its own way) without changing its position.
 */
export function extendCatalogues(base: Catalogues, extension: CatalogueExtension | undefined): Catalogues {
  if (!extension) return base;
  const merge = (list: readonly CatalogueEntry[], extra: readonly CatalogueEntry[] | undefined) => {
    if (!extra || extra.length === 0) return list;
    const byCode = new Map(list.map((e) => [e.code, e] as const));
    for (const e of extra) byCode.set(e.code, e);
    return [...byCode.values()];
  };
  return {
    contentKinds: merge(base.contentKinds, extension.contentKinds),
    channelKinds: merge(base.channelKinds, extension.channelKinds),
    unitKinds: merge(base.unitKinds, extension.unitKinds),
    fundingKinds: merge(base.fundingKinds, extension.fundingKinds),
    audienceKinds: merge(base.audienceKinds, extension.audienceKinds),
  };
}

/** Looks up a label by code, falling back to the code itself so nothing renders blank. */
export function labelOf(list: readonly CatalogueEntry[], code: string): LocalizedText {
  return list.find((e) => e.code === code)?.label ?? { vi: code, en: code };
}
