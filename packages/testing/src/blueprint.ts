/**
 * The plan of a synthetic dataset and what the generator needs to know about each unit: one
 * ministry (small: the mic-2018 sample itself), one province (medium), or the whole country (national: 22 ministries and
 * ministry-level agencies plus 63 provinces, 3,400 units).
 */
import {
  type Audience,
  type BudgetLine,
  type Channel,
  type ContentArea,
  type FundingSource,
  normalizeText,
  outlineLetter,
  type PlanInput,
  type Recipient,
  type Responsibility,
  type Signer,
  samplePlan,
  slugify,
  type Unit,
} from "@cchc/core";
import { mediumBlueprint2026, TWO_TIER_FIRST_YEAR } from "./blueprint2026.js";
import {
  CHANNEL_TEXT,
  CONTENT_TEXT,
  KIND_WEIGHT,
  PILLAR_KINDS,
  PLAN_CHANNEL_KINDS,
  PLAN_CONTENT_KINDS,
} from "./data/content.js";
import {
  FAMILY_NAMES,
  GENERIC_MINISTRY_UNITS,
  GIVEN_NAMES,
  MIDDLE_NAMES,
  MINISTRIES,
  type MinistryData,
  PLACE_FIRST,
  PLACE_SECOND,
  PROVINCES,
  PROVINCIAL_UNITS,
  type ProvinceData,
} from "./data/vietnam.js";
import type { Random } from "./random.js";

/** The three dataset sizes. */
export type DatasetSize = "small" | "medium" | "national";

/** Units in the national dataset's plan. */
export const NATIONAL_UNIT_COUNT = 3400;

/** What the generator knows about one unit of the plan. */
export interface UnitSpec {
  readonly unit: Unit;
  /** Relative volume of its communication work. */
  readonly weight: number;
  /** Listed in the plan's `reporting.reporterUnitIds`. */
  readonly reporter: boolean;
  /** Its activities are paid from the agency-level funding source (the others: their own budget). */
  readonly agencyFunded: boolean;
}

/** A generated plan (as written) and the facts the generator draws the tracking data from. */
export interface Blueprint {
  readonly input: PlanInput;
  readonly units: readonly UnitSpec[];
  readonly leadId: string;
  /** Channels of the plan: id and the channel kind activities on it are measured by. */
  readonly channels: readonly { readonly id: string; readonly kinds: readonly string[] }[];
  /** Content areas activities may address (leaves of the content tree). */
  readonly contentAreas: readonly { readonly id: string; readonly kind: string }[];
  readonly agencyFundingId: string;
  readonly unitFundingId: string;
  /** Budget lines of the agency-level source, by channel id. */
  readonly budgetLineByChannel: ReadonlyMap<string, string>;
}

/** Shared with the 2026 blueprints. */
export const n = (s: string) => normalizeText(s);

/** Shared with the 2026 blueprints. */
export interface UnitDraft {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly parentUnitId?: string;
  readonly abbreviation?: string;
  readonly weight?: number;
}

function unitOf(d: UnitDraft): Unit {
  return {
    id: d.id,
    name: n(d.name),
    ...(d.abbreviation === undefined ? {} : { abbreviation: d.abbreviation }),
    kind: d.kind,
    ...(d.parentUnitId === undefined ? {} : { parentUnitId: d.parentUnitId }),
  };
}

/** Shared with the 2026 blueprints. */
export function spec(d: UnitDraft, reporter: boolean, agencyFunded: boolean): UnitSpec {
  return { unit: unitOf(d), weight: (d.weight ?? 1) * (KIND_WEIGHT[d.kind] ?? 1), reporter, agencyFunded };
}

function personName(rng: Random): string {
  return `${rng.pick(FAMILY_NAMES)} ${rng.pick(MIDDLE_NAMES)} ${rng.pick(GIVEN_NAMES)}`;
}

/** Shared with the 2026 blueprints. */
export const pad2 = (x: number) => String(x).padStart(2, "0");

/** A date of issue early in the plan year (5 January to 20 March). */
/** Shared with the 2026 blueprints. */
export function issueDate(rng: Random, year: number): string {
  const month = rng.int(1, 3);
  const day = month === 3 ? rng.int(1, 20) : rng.int(5, 28);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function fill(template: string, vars: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => vars[key] ?? m);
}

// ---------------------------------------------------------------------------------------------
// Sections every plan has

/** What `sections` draws: the sections every generated plan has. */
export interface Sections {
  readonly objectives: PlanInput["objectives"];
  readonly requirements: PlanInput["requirements"];
  readonly audiences: Audience[];
  readonly contentAreas: ContentArea[];
  readonly channels: Channel[];
  /** Content area id by content kind. */
  readonly contentIdByKind: ReadonlyMap<string, string>;
  readonly leafContent: { id: string; kind: string }[];
  readonly channelList: { id: string; kinds: readonly string[] }[];
}

/** Shared with the 2026 blueprints. */
export function sections(args: {
  scope: string;
  of: string;
  year: number;
  wide: boolean;
  channelKinds: readonly (readonly string[])[];
  audiences: readonly (readonly [string, string])[];
}): Sections {
  const { scope, of, year } = args;
  const vars = {
    scope,
    of,
    year: String(year),
    previousYear: String(year - 1),
    period: year <= 2020 ? "giai đoạn 2011 - 2020" : "giai đoạn 2021 - 2030",
  };
  const objectives = [
    `Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức ${scope} đối với công tác cải cách hành chính, góp phần nâng cao chất lượng quản lý nhà nước, hiệu quả phục vụ người dân, doanh nghiệp.`,
    `Nâng cao vai trò, trách nhiệm của các cơ quan, đơn vị trong công tác tuyên truyền cải cách hành chính, góp phần cải thiện Chỉ số cải cách hành chính ${scope}.`,
    "Phát huy vai trò của các cơ quan báo chí, truyền thông trong việc phản ánh kịp thời, chính xác kết quả và những hạn chế trong thực hiện nhiệm vụ cải cách hành chính.",
  ].map((text, i) => ({ id: `I.1.${outlineLetter(i)}`, text: n(text) }));
  const requirements = [
    `Tuyên truyền đầy đủ, kịp thời các nội dung cải cách hành chính nhà nước và tình hình, kết quả cải cách hành chính ${scope}.`,
    "Công tác tuyên truyền được thực hiện thường xuyên, liên tục, bám sát nội dung, yêu cầu cải cách hành chính.",
    "Đa dạng hóa các hình thức tuyên truyền; lồng ghép tuyên truyền cải cách hành chính với phổ biến, giáo dục pháp luật.",
  ].map((text, i) => ({ id: `I.2.${outlineLetter(i)}`, text: n(text) }));
  const audiences = args.audiences.map(
    ([kind, text], i): Audience => ({ id: `I.3.${outlineLetter(i)}`, kind, text: n(text) }),
  );

  const contentAreas: ContentArea[] = [];
  const contentIdByKind = new Map<string, string>();
  const leafContent: { id: string; kind: string }[] = [];
  const kinds = args.wide ? PLAN_CONTENT_KINDS.wide : PLAN_CONTENT_KINDS.small;
  for (const [i, kind] of kinds.entries()) {
    const id = `II.1.${outlineLetter(i)}`;
    contentAreas.push({ id, kind, text: n(fill(CONTENT_TEXT[kind] ?? kind, vars)) });
    contentIdByKind.set(kind, id);
    if (kind === "par-programme") {
      for (const [j, pillar] of PILLAR_KINDS.entries()) {
        const pid = `${id}.${j + 1}`;
        contentAreas.push({
          id: pid,
          parentId: id,
          kind: pillar,
          text: n(fill(CONTENT_TEXT[pillar] ?? pillar, vars)),
        });
        contentIdByKind.set(pillar, pid);
        leafContent.push({ id: pid, kind: pillar });
      }
    } else leafContent.push({ id, kind });
  }

  const channels: Channel[] = [];
  const channelList: { id: string; kinds: readonly string[] }[] = [];
  for (const [i, ks] of args.channelKinds.entries()) {
    const id = `II.2.${outlineLetter(i)}`;
    const text = CHANNEL_TEXT[ks.join("+")] ?? ks.join(", ");
    channels.push({ id, kinds: [...ks], text: n(fill(text, vars)) });
    channelList.push({ id, kinds: ks });
  }
  return {
    objectives,
    requirements,
    audiences,
    contentAreas,
    channels,
    contentIdByKind,
    leafContent,
    channelList,
  };
}

/** Budget lines of the agency-level source, one per channel the lead's work uses. */
/** Shared with the 2026 blueprints. */
export function budgetLines(
  rng: Random,
  sourceId: string,
  managerId: string,
  channels: readonly { id: string; kinds: readonly string[] }[],
  scale: number,
): { lines: BudgetLine[]; byChannel: Map<string, string> } {
  const wanted: readonly (readonly [string, string])[] = [
    ["training", "Tổ chức các lớp tập huấn, bồi dưỡng về cải cách hành chính"],
    ["meeting-seminar", "Tổ chức hội nghị, tọa đàm về cải cách hành chính"],
    ["press", "Phối hợp với cơ quan báo chí xây dựng chuyên trang, chuyên mục cải cách hành chính"],
    ["contest", "Tổ chức cuộc thi tìm hiểu về cải cách hành chính"],
    ["publication", "Biên soạn, phát hành tài liệu tuyên truyền cải cách hành chính"],
  ];
  const lines: BudgetLine[] = [];
  const byChannel = new Map<string, string>();
  for (const [kind, description] of wanted) {
    const channel = channels.find((c) => c.kinds.includes(kind));
    if (!channel || byChannel.has(channel.id)) continue;
    const id = `${sourceId}.${lines.length + 1}`;
    lines.push({
      id,
      fundingSourceId: sourceId,
      description: n(description),
      amountVnd: rng.int(5, 40) * scale * 1_000_000,
      unitId: managerId,
      channelId: channel.id,
      contentAreaIds: [],
    });
    byChannel.set(channel.id, id);
  }
  return { lines, byChannel };
}

const REPORTING_TEXT =
  "Định kỳ báo cáo kết quả thực hiện công tác tuyên truyền cải cách hành chính lồng ghép với báo cáo cải cách hành chính hằng quý, 6 tháng, năm.";

/** Shared with the 2026 blueprints. */
export function reporting(reporterIds: string[], leadId: string): NonNullable<PlanInput["reporting"]> {
  return {
    periodTypes: ["quarter", "half-year", "year"],
    reporterUnitIds: reporterIds,
    recipientUnitId: leadId,
    deadlineDaysAfterCutoff: 5,
    integratedWith: n("Báo cáo cải cách hành chính hằng quý, 6 tháng, năm"),
    text: n(REPORTING_TEXT),
  };
}

/** Shared with the 2026 blueprints. */
export const recipients = (lines: readonly string[]): Recipient[] => lines.map((text) => ({ text: n(text) }));

/** Responsibilities for the PAR pillars the lead does not already cover. */
/** Shared with the 2026 blueprints. */
export function pillarResponsibilities(
  mapping: readonly (readonly [string, string | undefined, string])[],
  contentIdByKind: ReadonlyMap<string, string>,
  leadId: string,
  firstIndex: number,
): Responsibility[] {
  const out: Responsibility[] = [];
  for (const [kind, unitId, name] of mapping) {
    const contentId = contentIdByKind.get(kind);
    if (unitId === undefined || unitId === leadId || contentId === undefined) continue;
    out.push({
      id: `III.1.${outlineLetter(firstIndex + out.length)}`,
      unitIds: [unitId],
      roles: ["implement", "coordinate"],
      text: n(
        `${name} chủ trì thông tin, tuyên truyền nội dung thuộc lĩnh vực được giao: ${CONTENT_TEXT[kind] ?? kind}`,
      ),
      duties: [],
      contentAreaIds: [contentId],
      channelIds: [],
      note: {
        vi: "Giả định của bộ dữ liệu tổng hợp: đơn vị chủ trì lĩnh vực theo chức năng, nhiệm vụ.",
        en: "Assumption of the synthetic dataset: the unit leads the field of its mandate.",
      },
    });
  }
  return out;
}

/** Shared with the 2026 blueprints. */
export const leadClause = (leadId: string, name: string, scope: string): Responsibility => ({
  id: "III.1.a",
  unitIds: [leadId],
  roles: ["lead", "monitor"],
  text: n(
    `${name} có trách nhiệm hướng dẫn, triển khai, đôn đốc, theo dõi, kiểm tra và đánh giá công tác tuyên truyền cải cách hành chính ${scope}; tổng hợp, báo cáo kết quả.`,
  ),
  duties: [],
  contentAreaIds: "all",
  channelIds: [],
});

/** Shared with the 2026 blueprints. */
export function groupClause(
  index: number,
  unitIds: string[],
  roles: Responsibility["roles"],
  text: string,
  duties: readonly string[] = [],
  channelIds: string[] = [],
): Responsibility {
  return {
    id: `III.1.${outlineLetter(index)}`,
    unitIds,
    roles,
    text: n(text),
    duties: duties.map(n),
    contentAreaIds: [],
    channelIds,
  };
}

/** Shared with the 2026 blueprints. */
export const UNIT_DUTIES = [
  "Xây dựng kế hoạch tuyên truyền cải cách hành chính của đơn vị, bảo đảm thiết thực, hiệu quả.",
  "Lồng ghép tuyên truyền cải cách hành chính với phổ biến, giáo dục pháp luật và kiểm soát thủ tục hành chính.",
  "Định kỳ báo cáo kết quả tuyên truyền cải cách hành chính hằng quý, 6 tháng, năm.",
];

/** Shared with the 2026 blueprints. */
export function signer(rng: Random, authority: string, title: string): Signer {
  return { authority, title, name: n(personName(rng)) };
}

/** The agency-level funding source's id in every generated plan (its budget lines are numbered under it). */
export const AGENCY_FUNDING_ID = "III.2.1";
/** The funding source each unit pays from in every generated plan. */
export const UNIT_FUNDING_ID = "III.2.2";

/**
 * The two funding sources every generated plan has, so the 2018 and 2026 blueprints write them
 * alike: the agency-level one, managed by one unit, and each unit's own.
 */
export function fundingPair(
  agency: { readonly kind: FundingSource["kind"]; readonly text: string; readonly managerId: string },
  unitText: string,
): FundingSource[] {
  return [
    {
      id: AGENCY_FUNDING_ID,
      kind: agency.kind,
      level: "agency",
      text: n(agency.text),
      managedBy: { scope: "unit", unitId: agency.managerId },
    },
    {
      id: UNIT_FUNDING_ID,
      kind: "autonomous-budget",
      level: "unit",
      text: n(unitText),
      managedBy: { scope: "each-unit" },
    },
  ];
}

/**
 * A province's pillar clauses (2018 and 2026 alike): justice, the committee's office, finance, the
 * department in charge of modernisation (`modern`: id and name, which changed in 2025) and the
 * public service centre.
 */
export const provincePillars = (
  s: Sections,
  leadId: string,
  officeId: string,
  level: string,
  modern: readonly [string, string],
): Responsibility[] =>
  pillarResponsibilities(
    [
      ["pillar-institutional", "so-tu-phap", "Sở Tư pháp"],
      ["pillar-procedures", officeId, `Văn phòng Ủy ban nhân dân ${level}`],
      ["pillar-public-finance", "so-tai-chinh", "Sở Tài chính"],
      ["pillar-modernisation", modern[0], modern[1]],
      ["one-stop-shop", "trung-tam-hcc", "Trung tâm Phục vụ hành chính công"],
      ["online-public-services", modern[0], modern[1]],
    ],
    s.contentIdByKind,
    leadId,
    1,
  );

/** The plan's press and radio-TV channels, the ones the press agencies' clause names. */
export const mediaChannelIds = (channels: readonly { id: string; kinds: readonly string[] }[]): string[] =>
  channels.filter((c) => c.kinds.includes("press") || c.kinds.includes("radio-tv")).map((c) => c.id);

/** A province's funding (2018 and 2026 alike): the PAR budget the Department of Home Affairs manages, and each unit's own. */
export const provinceFunding = (level: string, leadId: string): FundingSource[] =>
  fundingPair(
    {
      kind: "par-budget",
      text: `Kinh phí thực hiện Kế hoạch ở cấp ${level} được bố trí trong dự toán kinh phí cải cách hành chính giao cho Sở Nội vụ.`,
      managerId: leadId,
    },
    "Các cơ quan, đơn vị, địa phương bố trí kinh phí tuyên truyền cải cách hành chính trong dự toán được giao.",
  );

/** A generated plan's heading (who issues it, number, place, date, title, parent, signer), in written order. */
export type PlanHeading = Pick<
  PlanInput,
  "id" | "issuer" | "number" | "place" | "date" | "year" | "title" | "signer"
> &
  Partial<Pick<PlanInput, "parent">>;

/**
 * Puts a generated plan and its blueprint together, so every blueprint (2018 and 2026) writes the
 * same sections in the same order. Draws nothing: the caller draws the budget, then the heading.
 */
export function assembleBlueprint(args: {
  readonly heading: PlanHeading;
  readonly sections: Sections;
  readonly units: readonly UnitSpec[];
  readonly leadId: string;
  readonly responsibilities: Responsibility[];
  readonly fundingSources: FundingSource[];
  readonly budget: { readonly lines: BudgetLine[]; readonly byChannel: Map<string, string> };
  readonly recipients: readonly string[];
}): Blueprint {
  const { heading, sections: s, units, leadId, budget } = args;
  const { id, ...rest } = heading;
  const input: PlanInput = {
    id,
    documentType: "KH",
    ...rest,
    objectives: s.objectives,
    requirements: s.requirements,
    audiences: s.audiences,
    contentAreas: s.contentAreas,
    channels: s.channels,
    units: units.map((x) => x.unit),
    responsibilities: args.responsibilities,
    fundingSources: args.fundingSources,
    budgetLines: budget.lines,
    reporting: reporting(
      units.filter((x) => x.reporter).map((x) => x.unit.id),
      leadId,
    ),
    recipients: recipients(args.recipients),
  };
  return {
    input,
    units,
    leadId,
    channels: s.channelList,
    contentAreas: s.leafContent,
    agencyFundingId: AGENCY_FUNDING_ID,
    unitFundingId: UNIT_FUNDING_ID,
    budgetLineByChannel: budget.byChannel,
  };
}

// ---------------------------------------------------------------------------------------------
// One ministry

/** Shared with the 2026 blueprints. */
export function ministryUnitTemplates(m: MinistryData) {
  const generic = m.generic ? GENERIC_MINISTRY_UNITS.filter((g) => !(m.skip ?? []).includes(g.name)) : [];
  return [...generic, ...m.units];
}

/**
 * The small size: the `mic-2018` sample plan itself (the 2018 plan of the Ministry of Information
 * and Communications, encoded from the seed), so its tracking data scores against the sample as
 * well as against the dataset's own `plan.json`. For another year the sample is moved to that year.
 */
function smallBlueprint(year: number): Blueprint {
  // from 2026 the sample of two-tier government: the province of Lào Cai and its departments
  const twoTier = year >= TWO_TIER_FIRST_YEAR;
  const sample = samplePlan(twoTier ? "lao-cai-2026" : "mic-2018");
  const input: PlanInput =
    year === sample.year
      ? sample
      : {
          ...sample,
          id: `${twoTier ? "lao-cai" : "mic"}-${year}`,
          year,
          ...(sample.date === undefined ? {} : { date: `${year}${sample.date.slice(4)}` }),
          title: sample.title.replaceAll(String(sample.year), String(year)),
        };
  const leadId = twoTier ? "so-noi-vu" : "vu-to-chuc-can-bo";
  const reporters = new Set(
    sample.reporting?.reporterUnitIds === "all" || sample.reporting?.reporterUnitIds === undefined
      ? sample.units.map((u) => u.id).filter((id) => id !== leadId)
      : sample.reporting.reporterUnitIds,
  );
  // Ministry-level work is paid from the communication budget the Office manages (seed III.2.a);
  // the province's from the PAR budget given to the Department of Home Affairs.
  const agencyFunded = new Set(
    twoTier ? [leadId, "van-phong-ubnd", "ubnd-tinh"] : [leadId, "van-phong-bo", "trung-tam-thong-tin"],
  );
  const units = sample.units.map((unit) =>
    spec(
      {
        id: unit.id,
        name: unit.name,
        kind: unit.kind,
        ...(unit.abbreviation === undefined ? {} : { abbreviation: unit.abbreviation }),
        ...(unit.group ? { weight: 2 } : {}),
      },
      reporters.has(unit.id),
      agencyFunded.has(unit.id),
    ),
  );
  const parents = new Set(sample.contentAreas.flatMap((c) => (c.parentId === undefined ? [] : [c.parentId])));
  const funding = (level: "agency" | "unit") =>
    sample.fundingSources.find((f) => f.level === level)?.id ?? "";
  return {
    input,
    units,
    leadId,
    channels: sample.channels.map((c) => ({ id: c.id, kinds: c.kinds })),
    contentAreas: sample.contentAreas
      .filter((c) => !parents.has(c.id))
      .map((c) => ({ id: c.id, kind: c.kind })),
    agencyFundingId: funding("agency"),
    unitFundingId: funding("unit"),
    budgetLineByChannel: new Map(),
  };
}

// ---------------------------------------------------------------------------------------------
// Provinces

const levelOf = (p: ProvinceData) => (p.city ? "thành phố" : "tỉnh");
/** "tỉnh Lào Cai", "thành phố Hà Nội", "Thành phố Hồ Chí Minh". */
const provinceFull = (p: ProvinceData) =>
  p.name === "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : `${levelOf(p)} ${p.name}`;
const provinceId = (p: ProvinceData) => (p.city ? `tp-${slugify(p.name)}` : `tinh-${slugify(p.name)}`);
const radioName = (p: ProvinceData) =>
  p.name === "Hồ Chí Minh"
    ? "Đài Truyền hình Thành phố Hồ Chí Minh"
    : `Đài Phát thanh và Truyền hình ${p.name}`;

/** Names of districts and communes: distinct two-syllable place names, drawn without replacement. */
/** Shared with the 2026 blueprints. */
export function placeNames(rng: Random, count: number): string[] {
  const pool: string[] = [];
  for (const a of PLACE_FIRST) for (const b of PLACE_SECOND) if (a !== b) pool.push(`${a} ${b}`);
  return rng.sample(pool, count);
}

/** The units of one province: provincial units, then each district followed by its communes. */
function provinceDrafts(
  rng: Random,
  p: ProvinceData,
  args: { national: boolean; agencyId: string; idPrefix: string; districts: number; communes: number[] },
): UnitDraft[] {
  const full = provinceFull(p);
  const level = levelOf(p);
  const drafts: UnitDraft[] = [];
  const idByTemplate = new Map<string, string>();
  for (const t of PROVINCIAL_UNITS) {
    const local = t.name
      .replace("{level}", level)
      .replace("{press}", p.newspaper ?? `Báo ${p.name}`)
      .replace("{radio}", radioName(p));
    const name =
      !args.national || t.own
        ? local
        : t.name.includes("{level}")
          ? t.name.replace("{level}", full)
          : `${t.name} ${full}`;
    const id = `${args.idPrefix}${t.code}`;
    idByTemplate.set(t.name, id);
    const parent = t.parent === undefined ? args.agencyId : (idByTemplate.get(t.parent) ?? args.agencyId);
    drafts.push({
      id,
      name,
      kind: t.kind,
      parentUnitId: parent,
      ...(t.weight === undefined ? {} : { weight: t.weight }),
    });
  }
  const totalCommunes = args.communes.reduce((a, b) => a + b, 0);
  const names = placeNames(rng, args.districts + totalCommunes);
  const suffix = args.national ? `, ${full}` : "";
  let next = args.districts;
  for (let d = 0; d < args.districts; d++) {
    const place = names[d] ?? `Số ${d + 1}`;
    const prefix = p.city
      ? d < Math.ceil(args.districts * 0.6)
        ? "quận"
        : "huyện"
      : d === 0
        ? "thành phố"
        : d === 1 && args.districts >= 9
          ? "thị xã"
          : "huyện";
    const districtId = `${args.idPrefix}${slugify(`${prefix} ${place}`)}`;
    drafts.push({
      id: districtId,
      name: `Ủy ban nhân dân ${prefix} ${place}${suffix}`,
      kind: "district-committee",
      parentUnitId: args.agencyId,
    });
    const urban = prefix !== "huyện";
    for (let c = 0; c < (args.communes[d] ?? 0); c++) {
      const cplace = names[next++] ?? `Số ${next}`;
      const cprefix = urban ? "phường" : c === 0 ? "thị trấn" : "xã";
      drafts.push({
        id: `${districtId}.${slugify(`${cprefix} ${cplace}`)}`,
        name: `Ủy ban nhân dân ${cprefix} ${cplace}${args.national ? `, ${prefix} ${place}${suffix}` : ""}`,
        kind: "commune-committee",
        parentUnitId: districtId,
      });
    }
  }
  return drafts;
}

function mediumBlueprint(rng: Random, year: number): Blueprint {
  // Thừa Thiên Huế became the centrally-run city of Huế on 1 January 2025
  const p = rng.pick(year >= 2025 ? PROVINCES.filter((x) => x.name !== "Thừa Thiên Huế") : PROVINCES);
  const full = provinceFull(p);
  const level = levelOf(p);
  const scope = `của ${full}`;
  const s = sections({
    scope,
    of: `của ${level}`,
    year,
    wide: true,
    channelKinds: PLAN_CHANNEL_KINDS.medium,
    audiences: [
      [
        "civil-servants",
        `Cán bộ, công chức, viên chức các cơ quan hành chính nhà nước trên địa bàn ${level}.`,
      ],
      ["citizens", `Người dân trên địa bàn ${level}.`],
      ["businesses", `Doanh nghiệp, tổ chức hoạt động trên địa bàn ${level}.`],
    ],
  });
  const agencyId = "ubnd-tinh";
  const districts = rng.int(8, 12);
  const communes = Array.from({ length: districts }, () => rng.int(12, 20));
  const drafts: UnitDraft[] = [
    {
      id: agencyId,
      name: `Ủy ban nhân dân ${full}`,
      abbreviation: "UBND",
      kind: "provincial-committee",
      weight: 1,
    },
    ...provinceDrafts(rng, p, { national: false, agencyId, idPrefix: "", districts, communes }),
  ];
  const leadId = "so-noi-vu";
  const officeId = "van-phong-ubnd";
  const agencyFunded = new Set([leadId, agencyId, officeId]);
  const units = drafts.map((d) =>
    spec(d, d.id !== leadId && d.id !== agencyId && d.kind !== "commune-committee", agencyFunded.has(d.id)),
  );
  const ids = (pred: (d: UnitDraft) => boolean) =>
    drafts.filter((d) => d.id !== leadId && pred(d)).map((d) => d.id);
  const pillars = provincePillars(s, leadId, officeId, level, ["so-tttt", "Sở Thông tin và Truyền thông"]);
  const mediaChannels = mediaChannelIds(s.channelList);
  let k = 1 + pillars.length;
  const responsibilities: Responsibility[] = [
    leadClause(leadId, "Sở Nội vụ", `trên địa bàn ${level}`),
    ...pillars,
    groupClause(
      k++,
      ids((d) => d.kind === "press-agency"),
      ["implement", "report"],
      `${p.newspaper ?? `Báo ${p.name}`}, ${radioName(p)} mở chuyên trang, chuyên mục cải cách hành chính; phản ánh kịp thời kết quả cải cách hành chính của ${level}.`,
      [],
      mediaChannels,
    ),
    groupClause(
      k++,
      ids(
        (d) =>
          d.kind !== "press-agency" &&
          d.kind !== "district-committee" &&
          d.kind !== "commune-committee" &&
          d.id !== agencyId,
      ),
      ["implement", "report"],
      `Các sở, ban, ngành ${level} có trách nhiệm:`,
      UNIT_DUTIES,
    ),
    groupClause(
      k++,
      ids((d) => d.kind === "district-committee"),
      ["implement", "report"],
      "Ủy ban nhân dân các huyện, thị xã, thành phố có trách nhiệm:",
      [
        ...UNIT_DUTIES,
        "Chỉ đạo, hướng dẫn Ủy ban nhân dân cấp xã tổ chức tuyên truyền cải cách hành chính đến người dân.",
      ],
    ),
    groupClause(
      k++,
      ids((d) => d.kind === "commune-committee"),
      ["implement"],
      "Ủy ban nhân dân các xã, phường, thị trấn tổ chức tuyên truyền cải cách hành chính đến người dân qua hệ thống loa truyền thanh cơ sở, pano, áp phích và các hội nghị ở thôn, tổ dân phố; báo cáo kết quả về Ủy ban nhân dân cấp huyện.",
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
      id: `${provinceId(p)}-${year}`,
      issuer: { name: n(`Ủy ban nhân dân ${full}`), abbreviation: "UBND" },
      number: `${pad2(rng.int(5, 250))}/KH-UBND`,
      place: n(p.name === "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : p.name),
      date: issueDate(rng, year),
      year,
      title: n(`TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM ${year} TRÊN ĐỊA BÀN ${full.toUpperCase()}`),
      signer: signer(rng, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    },
    recipients: [
      "Bộ Nội vụ (để báo cáo)",
      `Thường trực ${level === "tỉnh" ? "Tỉnh ủy" : "Thành ủy"}, Thường trực Hội đồng nhân dân ${level}`,
      `Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân ${level}`,
      `Các sở, ban, ngành ${level}`,
      "Ủy ban nhân dân các huyện, thị xã, thành phố",
      "Lưu: VT, NC.",
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// The whole country

function nationalBlueprint(rng: Random, year: number): Blueprint {
  const s = sections({
    scope: "của các bộ, ngành, địa phương",
    of: "của các bộ, ngành, địa phương",
    year,
    wide: true,
    channelKinds: PLAN_CHANNEL_KINDS.national,
    audiences: [
      [
        "civil-servants",
        "Cán bộ, công chức, viên chức trong các cơ quan hành chính nhà nước từ trung ương đến địa phương.",
      ],
      ["citizens", "Người dân trong nước và người Việt Nam ở nước ngoài."],
      ["businesses", "Doanh nghiệp, tổ chức trong và ngoài nước."],
    ],
  });
  const drafts: UnitDraft[] = [];
  const agencyIds: { id: string; ministry: boolean; name: string }[] = [];

  // how many ministries use each unit name
  const seen = new Map<string, number>();
  for (const m of MINISTRIES)
    for (const t of ministryUnitTemplates(m))
      if (!t.name.includes("{head}")) seen.set(t.name, (seen.get(t.name) ?? 0) + 1);
  for (const m of MINISTRIES) {
    const agencyId = slugify(m.name);
    agencyIds.push({ id: agencyId, ministry: true, name: m.name });
    drafts.push({ id: agencyId, name: m.name, abbreviation: m.abbreviation, kind: "ministry" });
    for (const t of ministryUnitTemplates(m)) {
      const local = t.name.replace("{head}", m.head);
      // "Văn phòng Bộ Nội vụ"; departments named after their ministry ("Vụ Pháp chế, Bộ Tư pháp")
      // unless the name already says who they are (press, schools) and no other ministry uses it
      const ownName = (t.kind === "press-agency" || t.kind === "school") && (seen.get(t.name) ?? 0) === 1;
      const name = t.name.includes("{head}")
        ? t.name.replace("{head}", m.name)
        : ownName || t.name.includes(m.name)
          ? t.name
          : `${t.name}, ${m.name}`;
      drafts.push({
        id: `${agencyId}.${slugify(local)}`,
        name,
        kind: t.kind,
        parentUnitId: agencyId,
        ...(t.weight === undefined ? {} : { weight: t.weight }),
      });
    }
  }
  const provinceUnits = NATIONAL_UNIT_COUNT - drafts.length - PROVINCES.length;
  const base = Math.floor(provinceUnits / PROVINCES.length);
  const extra = provinceUnits - base * PROVINCES.length;
  for (const [i, p] of PROVINCES.entries()) {
    const agencyId = provinceId(p);
    agencyIds.push({ id: agencyId, ministry: false, name: `Ủy ban nhân dân ${provinceFull(p)}` });
    drafts.push({
      id: agencyId,
      name: `Ủy ban nhân dân ${provinceFull(p)}`,
      abbreviation: "UBND",
      kind: "provincial-committee",
    });
    const size = base + (i < extra ? 1 : 0) - PROVINCIAL_UNITS.length;
    const districts = Math.min(size, p.city ? rng.int(10, 14) : rng.int(8, 13));
    const communes = new Array<number>(districts).fill(0);
    for (let c = 0; c < size - districts; c++) communes[c % districts] = (communes[c % districts] ?? 0) + 1;
    drafts.push(
      ...provinceDrafts(rng, p, { national: true, agencyId, idPrefix: `${agencyId}.`, districts, communes }),
    );
  }
  if (drafts.length !== NATIONAL_UNIT_COUNT) throw new Error(`national plan has ${drafts.length} units`);

  const bnv = slugify("Bộ Nội vụ");
  const leadId = `${bnv}.vu-cai-cach-hanh-chinh`;
  const officeId = `${bnv}.van-phong-bo`;
  const agencyFunded = new Set([leadId, bnv, officeId]);
  const units = drafts.map((d) =>
    spec(d, d.id !== leadId && d.kind !== "commune-committee", agencyFunded.has(d.id)),
  );

  const pillars = pillarResponsibilities(
    [
      ["pillar-institutional", slugify("Bộ Tư pháp"), "Bộ Tư pháp"],
      [
        "pillar-procedures",
        `${slugify("Văn phòng Chính phủ")}.cuc-kiem-soat-thu-tuc-hanh-chinh`,
        "Cục Kiểm soát thủ tục hành chính, Văn phòng Chính phủ",
      ],
      ["pillar-public-finance", slugify("Bộ Tài chính"), "Bộ Tài chính"],
      ["pillar-modernisation", slugify("Bộ Thông tin và Truyền thông"), "Bộ Thông tin và Truyền thông"],
      ["one-stop-shop", slugify("Văn phòng Chính phủ"), "Văn phòng Chính phủ"],
      ["online-public-services", slugify("Bộ Thông tin và Truyền thông"), "Bộ Thông tin và Truyền thông"],
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
      agencyIds.filter((a) => a.ministry).map((a) => a.id),
      ["implement", "report"],
      "Các bộ, cơ quan ngang bộ có trách nhiệm:",
      UNIT_DUTIES,
    ),
    groupClause(
      k++,
      agencyIds.filter((a) => !a.ministry).map((a) => a.id),
      ["implement", "report"],
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm:",
      [
        ...UNIT_DUTIES,
        "Chỉ đạo Ủy ban nhân dân cấp huyện, cấp xã tuyên truyền cải cách hành chính đến người dân.",
      ],
    ),
  ];
  for (const a of agencyIds) {
    const members = drafts.filter((d) => d.parentUnitId === a.id && d.id !== leadId).map((d) => d.id);
    const communes = drafts
      .filter((d) => d.kind === "commune-committee" && d.id.startsWith(`${a.id}.`))
      .map((d) => d.id);
    responsibilities.push(
      groupClause(
        k++,
        members,
        ["implement", "report"],
        `Các cơ quan, đơn vị thuộc ${a.name} tổ chức tuyên truyền cải cách hành chính theo chức năng, nhiệm vụ và báo cáo kết quả định kỳ.`,
      ),
    );
    if (communes.length > 0)
      responsibilities.push(
        groupClause(
          k++,
          communes,
          ["implement"],
          `Ủy ban nhân dân cấp xã thuộc ${a.name.replace("Ủy ban nhân dân ", "")} tuyên truyền cải cách hành chính đến người dân; báo cáo kết quả về Ủy ban nhân dân cấp huyện.`,
        ),
      );
  }
  return nationalPlan(rng, year, s, units, leadId, officeId, responsibilities);
}

/**
 * The Ministry of Home Affairs' national plan from its sections, units and clauses: the funding,
 * heading and recipients the 2018 and 2026 national plans share.
 */
export function nationalPlan(
  rng: Random,
  year: number,
  s: Sections,
  units: readonly UnitSpec[],
  leadId: string,
  officeId: string,
  responsibilities: Responsibility[],
): Blueprint {
  const budget = budgetLines(rng, AGENCY_FUNDING_ID, officeId, s.channelList, 10);
  return assembleBlueprint({
    sections: s,
    units,
    leadId,
    responsibilities,
    fundingSources: fundingPair(
      {
        kind: "state-budget",
        text: "Kinh phí thực hiện các nhiệm vụ của Bộ Nội vụ trong Kế hoạch được bố trí trong dự toán ngân sách nhà nước giao cho Bộ Nội vụ.",
        managerId: officeId,
      },
      "Các bộ, ngành, địa phương bố trí kinh phí tuyên truyền cải cách hành chính trong dự toán ngân sách được giao.",
    ),
    budget,
    heading: {
      id: `bnv-${year}`,
      issuer: { name: "Bộ Nội vụ", abbreviation: "BNV" },
      number: `${pad2(rng.int(5, 120))}/KH-BNV`,
      place: "Hà Nội",
      date: issueDate(rng, year),
      year,
      title: n(`TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC NĂM ${year}`),
      signer: signer(rng, "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"),
    },
    recipients: [
      "Thủ tướng, các Phó Thủ tướng Chính phủ (để báo cáo)",
      "Các bộ, cơ quan ngang bộ",
      "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
      "Bộ trưởng, các Thứ trưởng",
      "Lưu: VT, CCHC.",
    ],
  });
}

/** The plan and unit facts of a dataset size. */
export function buildBlueprint(size: DatasetSize, rng: Random, year: number): Blueprint {
  switch (size) {
    case "small":
      return smallBlueprint(year);
    case "medium":
      return year >= TWO_TIER_FIRST_YEAR ? mediumBlueprint2026(rng, year) : mediumBlueprint(rng, year);
    case "national":
      return nationalBlueprint(rng, year);
  }
}
