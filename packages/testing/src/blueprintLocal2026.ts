/**
 * Blueprints of the plans a 2026 province's departments and communes issue to implement the
 * province's plan (`parent` with the issuing unit's id): a small plan each, its own offices and
 * divisions (kind "division": they issue no plan of their own) as units. Some units never issue one and some issue it late, as in real provinces.
 */
import type { PlanInput, Responsibility, Unit } from "@cchc/core";
import {
  AGENCY_FUNDING_ID,
  assembleBlueprint,
  type Blueprint,
  budgetLines,
  fundingPair,
  groupClause,
  leadClause,
  n,
  pad2,
  sections,
  signer,
  spec,
  UNIT_DUTIES,
  type UnitDraft,
} from "./blueprint.js";
import type { ParentRef } from "./blueprint2026.js";
import { PLAN_CHANNEL_KINDS } from "./data/content.js";
import type { Random } from "./random.js";

/** Unit kinds of a province's plan whose units issue a plan of their own. */
export const DEPARTMENT_KINDS_2026: ReadonlySet<string> = new Set([
  "provincial-department",
  "office",
  "inspectorate",
  "board",
  "centre",
]);
/** Commune-level kinds: each commune, ward and special zone issues its plan. */
export const COMMUNE_KINDS_2026: ReadonlySet<string> = new Set([
  "commune-committee",
  "ward-committee",
  "special-zone-committee",
]);

/** Whether a unit of a province's plan is expected to issue a sub-plan. */
export const issuesSubPlan = (u: Unit): boolean =>
  DEPARTMENT_KINDS_2026.has(u.kind) || COMMUNE_KINDS_2026.has(u.kind);

/** Share of expected units that never issue their plan. */
export const SUB_PLAN_MISSING_SHARE = 0.03;

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Initials of a name for the number/symbol: "Sở Tư pháp" → "STP". */
const initials = (name: string) =>
  name
    .split(/\s+/u)
    .filter((w) => w.length > 0 && w[0] === w[0]?.toUpperCase())
    .map((w) => w[0])
    .join("")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/Đ/gu, "D")
    .slice(0, 8);

/**
 * The plan a unit of the province's plan issues to implement it: dated 3 to 45 days after the
 * province's (the province gives 30), the unit itself and three or four of its offices as units.
 */
export function localSubPlanBlueprint2026(
  rng: Random,
  province: PlanInput,
  unit: Unit,
  year: number,
): Blueprint {
  const commune = COMMUNE_KINDS_2026.has(unit.kind);
  const parent: ParentRef & { unitId: string } = {
    planId: province.id,
    year,
    number: province.number ?? "",
    unitId: unit.id,
  };
  const place = unit.name.replace(/^Ủy ban nhân dân /u, "");
  const s = sections({
    scope: `của ${place}`,
    of: `của ${place}`,
    year,
    wide: false,
    channelKinds: PLAN_CHANNEL_KINDS.small,
    audiences: [
      ["civil-servants", `Cán bộ, công chức, viên chức ${commune ? "" : "thuộc "}${place}.`],
      ...(commune ? ([["citizens", `Người dân trên địa bàn ${place}.`]] as const) : []),
    ],
  });
  const agencyId = "co-quan";
  const leadId = "van-phong";
  const drafts: UnitDraft[] = commune
    ? [
        { id: agencyId, name: unit.name, kind: unit.kind, weight: 1 },
        {
          id: leadId,
          name: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
          kind: "division",
          parentUnitId: agencyId,
        },
        {
          id: "phong-van-hoa-xa-hoi",
          name: "Phòng Văn hóa - Xã hội",
          kind: "division",
          parentUnitId: agencyId,
        },
        { id: "phong-kinh-te", name: "Phòng Kinh tế", kind: "division", parentUnitId: agencyId },
        {
          id: "trung-tam-hcc",
          name: "Trung tâm Phục vụ hành chính công",
          kind: "division",
          parentUnitId: agencyId,
        },
      ]
    : [
        { id: agencyId, name: unit.name, kind: unit.kind, weight: 1 },
        { id: leadId, name: `Văn phòng ${unit.name}`, kind: "division", parentUnitId: agencyId },
        { id: "phong-1", name: "Phòng Tổ chức - Hành chính", kind: "division", parentUnitId: agencyId },
        { id: "phong-2", name: "Phòng Nghiệp vụ", kind: "division", parentUnitId: agencyId },
      ];
  const units = drafts.map((d) => spec(d, d.id !== leadId && d.id !== agencyId, d.id === leadId));
  const others = drafts.filter((d) => d.id !== leadId && d.id !== agencyId).map((d) => d.id);
  const leadName = drafts[1]?.name ?? unit.name;
  const responsibilities: Responsibility[] = [
    leadClause(leadId, leadName, `của ${place}`),
    groupClause(
      1,
      others,
      ["implement", "report"],
      `Các bộ phận thuộc ${place} có trách nhiệm:`,
      UNIT_DUTIES,
    ),
  ];
  const budget = budgetLines(rng, AGENCY_FUNDING_ID, leadId, s.channelList, 1);
  const fundingSources = fundingPair(
    {
      kind: "par-budget",
      text: `Kinh phí thực hiện Kế hoạch được bố trí trong dự toán kinh phí năm ${year} ${`của ${place}`}.`,
      managerId: leadId,
    },
    "Các bộ phận bố trí kinh phí trong dự toán được giao.",
  );
  const abbreviation = commune ? "UBND" : initials(unit.name) || "CQ";
  const date = addDays(province.date ?? `${year}-01-15`, rng.int(3, 45));
  return assembleBlueprint({
    sections: s,
    units,
    leadId,
    responsibilities,
    fundingSources,
    budget,
    heading: {
      id: `${province.id}-${unit.id}`,
      issuer: { name: n(unit.name), abbreviation },
      number: `${pad2(rng.int(1, 120))}/KH-${abbreviation}`,
      place: n(place),
      date: date.slice(0, 4) === String(year) ? date : `${year}-12-31`,
      year,
      title: n(`TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM ${year} ${`CỦA ${place}`.toUpperCase()}`),
      parent,
      signer: signer(
        rng,
        commune ? "TM. ỦY BAN NHÂN DÂN" : "KT. GIÁM ĐỐC",
        commune ? "CHỦ TỊCH" : "PHÓ GIÁM ĐỐC",
      ),
    },
    recipients: [`${province.issuer.name} (để báo cáo)`, "Sở Nội vụ (để theo dõi)", "Lưu: VT."],
  });
}

/**
 * The sub-plans of a province's plan: one per department and commune-level unit, in the plan's
 * unit order, except the few that never issue theirs.
 */
export function localSubPlanBlueprints2026(
  rng: () => Random,
  province: PlanInput,
  year: number,
): Blueprint[] {
  const out: Blueprint[] = [];
  for (const u of province.units ?? []) {
    if (!issuesSubPlan(u as Unit)) continue;
    const r = rng();
    if (r.chance(SUB_PLAN_MISSING_SHARE)) continue;
    out.push(localSubPlanBlueprint2026(r, province, u as Unit, year));
  }
  return out;
}
