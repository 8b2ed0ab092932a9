/**
 * Reference data of Vietnam's administrative structure: ministries and ministry-level agencies,
 * provinces and centrally-run cities (with their commune-level counts), provincial departments and
 * commune offices, each with the dates it was in force and the legal act behind them. A plan is
 * checked against the structure of its own date, so a 2018 plan and a 2026 plan both validate.
 */
import { foldForComparison } from "../text.js";
import { PROVINCIAL_DEPARTMENTS } from "./departments.js";
import { MINISTRY_REFERENCES, type MinistryReference } from "./ministries.js";
import { FORMER_PROVINCE_REFERENCES, PROVINCE_REFERENCES, type ProvinceReference } from "./provinces.js";

export { COMMUNE_OFFICES, type DepartmentReference, PROVINCIAL_DEPARTMENTS } from "./departments.js";
export { LEGAL_BASES, type LegalBasis, MERGED_MINISTRIES_SINCE, TWO_TIER_SINCE } from "./legalBases.js";
export { MINISTRY_REFERENCES, type MinistryReference } from "./ministries.js";
export {
  type CommuneCounts,
  FORMER_PROVINCE_REFERENCES,
  PROVINCE_REFERENCES,
  type ProvinceReference,
} from "./provinces.js";

/** Anything with an interval of force. */
export interface InForce {
  readonly from?: string | undefined;
  readonly until?: string | undefined;
}

/** Whether `entry` was in force on `date` (ISO; both bounds inclusive, an absent bound is open). */
export function inForceOn(entry: InForce, date: string): boolean {
  return (
    (entry.from === undefined || entry.from <= date) && (entry.until === undefined || date <= entry.until)
  );
}

/** The ministries and ministry-level agencies in force on `date` (ISO). */
export function ministriesOn(date: string): MinistryReference[] {
  return MINISTRY_REFERENCES.filter((m) => inForceOn(m, date));
}

/** The provinces and centrally-run cities in force on `date` (ISO): 63 in 2018, 34 since 1/7/2025. */
export function provincesOn(date: string): ProvinceReference[] {
  return [...PROVINCE_REFERENCES, ...FORMER_PROVINCE_REFERENCES].filter((p) => inForceOn(p, date));
}

/** An agency of the reference data that issues plans: a ministry or a provincial People's Committee. */
export type IssuerReference =
  | { readonly type: "ministry"; readonly entry: MinistryReference; readonly name: string }
  | { readonly type: "province"; readonly entry: ProvinceReference; readonly name: string };

let issuerIndex: Map<string, IssuerReference[]> | undefined;

/**
 * The reference entries whose official name is `name` (case, spacing and tone placement ignored):
 * none for a name the reference does not know, two for a province that kept its name through a merger.
 */
export function issuersNamed(name: string): readonly IssuerReference[] {
  if (!issuerIndex) {
    issuerIndex = new Map();
    const add = (ref: IssuerReference) => {
      const key = foldForComparison(ref.name);
      issuerIndex?.set(key, [...(issuerIndex.get(key) ?? []), ref]);
    };
    for (const entry of MINISTRY_REFERENCES) add({ type: "ministry", entry, name: entry.name });
    for (const entry of [...PROVINCE_REFERENCES, ...FORMER_PROVINCE_REFERENCES])
      add({ type: "province", entry, name: entry.committee });
  }
  return issuerIndex.get(foldForComparison(name)) ?? [];
}

/** The name of the ministry or provincial committee that took over from a former one, if any. */
export function successorName(ref: IssuerReference): string | undefined {
  if (ref.type === "ministry") {
    const ids = ref.entry.successors ?? [];
    const names = ids.map((id) => MINISTRY_REFERENCES.find((m) => m.id === id)?.name ?? id);
    return names.length === 0 ? undefined : names.join(", ");
  }
  const next = PROVINCE_REFERENCES.find((p) => p.id === ref.entry.successor);
  return next?.committee;
}

/** A provincial department's current name for a code of either period ("so-tttt" → Sở Khoa học và Công nghệ). */
export function currentDepartmentName(code: string): string | undefined {
  const entry = PROVINCIAL_DEPARTMENTS.find((x) => x.code === code);
  if (!entry) return undefined;
  if (entry.until === undefined) return entry.name;
  const next = PROVINCIAL_DEPARTMENTS.find((x) => x.code === entry.successors?.[0]);
  return next?.name;
}

/** The national commune-level totals since 1 July 2025, summed from the provinces (3,321 = 2,636 + 672 + 13). */
export function communeTotals(): { xa: number; phuong: number; dacKhu: number; total: number } {
  let xa = 0;
  let phuong = 0;
  let dacKhu = 0;
  for (const p of PROVINCE_REFERENCES) {
    xa += p.communes?.xa ?? 0;
    phuong += p.communes?.phuong ?? 0;
    dacKhu += p.communes?.dacKhu ?? 0;
  }
  return { xa, phuong, dacKhu, total: xa + phuong + dacKhu };
}
