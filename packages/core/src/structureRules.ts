/**
 * Rules about the administrative structure a plan lives in: unit kinds and issuers are checked
 * against the structure in force on the plan's date (two-tier local government since 1 July 2025,
 * merged ministries since 1 March 2025), so a 2018 plan keeps validating with its 2018 names and a
 * 2026 plan is told when it still names districts or a merged-away agency.
 */
import type { CatalogueEntry } from "./catalogues.js";
import type { Plan } from "./plan.js";
import { issuersNamed, LEGAL_BASES, successorName } from "./reference/index.js";
import type { PlanRule, RuleHit } from "./rules.js";

/** The days a plan's date may be: its date of issue, or the whole plan year when it has none. */
function planDays(plan: Plan): { first: string; last: string } {
  if (plan.date !== undefined) return { first: plan.date, last: plan.date };
  return { first: `${plan.year}-01-01`, last: `${plan.year}-12-31` };
}

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const basisText = (key: string | undefined) => {
  const b = key === undefined ? undefined : LEGAL_BASES[key];
  return b === undefined ? (key ?? "") : `${b.number}`;
};
const whenText = (plan: Plan) =>
  plan.date !== undefined
    ? { vi: `ngày ${vnDate(plan.date)}`, en: plan.date }
    : { vi: `năm ${plan.year}`, en: String(plan.year) };

/** Why a kind is out of force on the plan's days, or undefined when it is in force. */
function outOfForce(
  kind: CatalogueEntry,
  days: { first: string; last: string },
): "ended" | "not-yet" | undefined {
  if (kind.validUntil !== undefined && kind.validUntil < days.first) return "ended";
  if (kind.validFrom !== undefined && days.last < kind.validFrom) return "not-yet";
  return undefined;
}

/** The structure rules, appended to `PLAN_RULES`. */
export const STRUCTURE_RULES: readonly PlanRule[] = [
  {
    code: "unit-kind-not-in-force",
    severity: "warning",
    title: {
      vi: "Loại đơn vị không còn (hoặc chưa có) vào ngày của kế hoạch",
      en: "Unit kind not in force on the plan's date",
    },
    description: {
      vi: "Từ 01/7/2025 chính quyền địa phương có hai cấp (tỉnh và xã, phường, đặc khu): kế hoạch ban hành từ ngày đó không còn đơn vị cấp huyện (Ủy ban nhân dân huyện, quận, thị xã, thành phố thuộc tỉnh) hay thị trấn. Loại đơn vị có ngày hiệu lực (`validFrom`, `validUntil` trong danh mục) được so với ngày ban hành, hoặc với năm kế hoạch khi chưa có ngày. Kế hoạch cũ vẫn hợp lệ với các loại của thời kỳ đó.",
      en: "Since 1 July 2025 local government has two tiers (province, then commune, ward or special zone): a plan dated from then on has no district-level units (district, urban district, town, provincial city committees) nor townships. Unit kinds with dates of force (`validFrom`, `validUntil` in the catalogue) are compared with the date of issue, or with the plan year when it has none. Older plans stay valid with the kinds of their time.",
    },
    *check({ plan, catalogues }): Generator<RuleHit> {
      const days = planDays(plan);
      const when = whenText(plan);
      const byCode = new Map(catalogues.unitKinds.map((k) => [k.code, k] as const));
      for (const [i, unit] of plan.units.entries()) {
        const kind = byCode.get(unit.kind);
        if (!kind) continue; // kind-unknown reports it
        const why = outOfForce(kind, days);
        if (why === undefined) continue;
        const act = basisText(kind.basis);
        const district = kind.group === "district-level" || unit.kind === "town-committee";
        yield {
          path: ["units", i, "kind"],
          message:
            why === "ended"
              ? {
                  vi: `"${unit.name}" là ${kind.label.vi}, loại đơn vị chỉ có đến ${vnDate(kind.validUntil ?? "")}${act ? ` (${act})` : ""}; kế hoạch ${when.vi}${district ? " thuộc chính quyền địa phương hai cấp: không còn cấp huyện, hãy dùng đơn vị cấp xã (xã, phường, đặc khu) hoặc sở, ngành" : ""}.`,
                  en: `"${unit.name}" is a ${kind.label.en}, a kind that ended on ${kind.validUntil}${act ? ` (${act})` : ""}; the plan of ${when.en}${district ? " lives in two-tier local government: no district level, use commune-level units (xã, phường, đặc khu) or departments" : ""}.`,
                }
              : {
                  vi: `"${unit.name}" là ${kind.label.vi}, loại đơn vị có từ ${vnDate(kind.validFrom ?? "")}${act ? ` (${act})` : ""}, sau kế hoạch ${when.vi}.`,
                  en: `"${unit.name}" is a ${kind.label.en}, a kind that exists from ${kind.validFrom}${act ? ` (${act})` : ""}, after the plan of ${when.en}.`,
                },
        };
      }
    },
  },
  {
    code: "issuer-not-in-force",
    severity: "warning",
    title: {
      vi: "Cơ quan ban hành không còn (hoặc chưa có) vào ngày của kế hoạch",
      en: "Issuer not in force on the plan's date",
    },
    description: {
      vi: 'Tên cơ quan ban hành được so với danh sách bộ, cơ quan ngang bộ và tỉnh, thành phố có ngày hiệu lực (các bộ hợp nhất từ 01/3/2025, 34 tỉnh, thành phố từ 01/7/2025): một kế hoạch năm 2026 của "Bộ Thông tin và Truyền thông" hay "Ủy ban nhân dân tỉnh Quảng Nam" được báo kèm cơ quan kế thừa. Tên không có trong danh sách không bị báo.',
      en: 'The issuer\'s name is compared with the ministries and provinces of the reference data and their dates of force (merged ministries from 1 March 2025, 34 provinces and cities from 1 July 2025): a 2026 plan of the "Ministry of Information and Communications" or of "Quảng Nam province" is reported with its successor. Names the reference does not know are not reported.',
    },
    *check({ plan }): Generator<RuleHit> {
      const refs = issuersNamed(plan.issuer.name);
      if (refs.length === 0) return;
      const days = planDays(plan);
      const inForce = refs.some(
        (r) =>
          (r.entry.from === undefined || r.entry.from <= days.last) &&
          (r.entry.until === undefined || days.first <= r.entry.until),
      );
      if (inForce) return;
      const ref = refs[0];
      if (!ref) return;
      const when = whenText(plan);
      if (ref.entry.until !== undefined && ref.entry.until < days.first) {
        const next = successorName(ref);
        const act = basisText(ref.entry.endedBy);
        yield {
          path: ["issuer", "name"],
          message: {
            vi: `"${plan.issuer.name}" chỉ tồn tại đến ${vnDate(ref.entry.until)}${act ? ` (${act})` : ""}, trước kế hoạch ${when.vi}${next ? `; cơ quan kế thừa: ${next}` : ""}.`,
            en: `"${plan.issuer.name}" existed until ${ref.entry.until}${act ? ` (${act})` : ""}, before the plan of ${when.en}${next ? `; its successor: ${next}` : ""}.`,
          },
        };
      } else if (ref.entry.from !== undefined) {
        const act = basisText(ref.entry.basis);
        yield {
          path: ["issuer", "name"],
          message: {
            vi: `"${plan.issuer.name}" có từ ${vnDate(ref.entry.from)}${act ? ` (${act})` : ""}, sau kế hoạch ${when.vi}.`,
            en: `"${plan.issuer.name}" exists from ${ref.entry.from}${act ? ` (${act})` : ""}, after the plan of ${when.en}.`,
          },
        };
      }
    },
  },
];
