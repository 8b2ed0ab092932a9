/**
 * The synthetic dataset generator: a valid plan and, drawn from it, planned activities, actual
 * records and unit reports. Seeded and deterministic (same size, seed and year → same items, on
 * any machine), and lazy: each unit's data is regenerated from its own seed when a stream reaches
 * it, so a national dataset of a million records never sits in memory. Browser-safe (no node:*).
 */
import {
  type Activity,
  type ActualRecord,
  addDays,
  normalizeText,
  type Plan,
  PlanSchema,
  planCalendar,
  type ReportingPeriod,
  type UnitReport,
} from "@cchc/core";
import { type Blueprint, buildBlueprint, type DatasetSize } from "./blueprint.js";
import { countryBlueprints2026, nationalRootBlueprint2026, TWO_TIER_FIRST_YEAR } from "./blueprint2026.js";
import { COMMUNE_KINDS_2026, localSubPlanBlueprints2026 } from "./blueprintLocal2026.js";
import {
  ACTIVITY_TITLE,
  CHANNEL_OUTPUTS,
  CONTENT_TOPIC,
  OUTPUTS,
  type OutputProfile,
  RECORD_NOTES,
  UNIT_CHANNELS,
} from "./data/content.js";
import { deriveSeed, Random } from "./random.js";
import { GENERATOR_NAME, GENERATOR_VERSION } from "./version.js";

export type { DatasetSize } from "./blueprint.js";

/** The sizes, with what each holds. */
export const DATASET_SIZES: Readonly<
  Record<DatasetSize, { readonly records: number; readonly description: string }>
> = {
  small: {
    records: 3_000,
    description:
      "one agency: the mic-2018 sample plan (Bộ Thông tin và Truyền thông, 9 units); from 2026 the lao-cai-2026 sample (13 units); and its tracking data",
  },
  medium: {
    records: 50_000,
    description:
      "one province: from 2026 one of the 34, its 17 departments and every commune, ward and special zone (40–168), no districts, each department and commune with its own plan under the province's (plans/); before, UBND tỉnh, sở/ban/ngành, districts, communes",
  },
  national: {
    records: 1_000_000,
    description:
      "from 2026 the country as 52 plans (Bộ Nội vụ's, then 17 ministries' and 34 provinces'), 4,346 units of which 3,321 commune-level (2,636 xã, 672 phường, 13 đặc khu); before, 22 ministries and 63 provinces, 3,400 units in one national plan",
  },
};

/** Options of `generateDataset`. */
export interface GenerateOptions {
  readonly size: DatasetSize;
  /** Any safe integer; the same seed gives the same dataset. */
  readonly seed: number;
  /** Plan year (default 2018, the year of the seed plan). */
  readonly year?: number;
  /** Number of actual records, instead of the size's default (e.g. a national plan with fewer records). */
  readonly records?: number;
  /**
   * From 2026: whether each province's departments, communes, wards and special zones issue their
   * own plan under the province's (`parent` naming the province's plan and the issuing unit), a
   * few never and some late. Default true for medium (the province and its sub-plans), false for
   * national (the 52 plans of the ministries and provinces); true for national gives the country
   * with every sub-plan, some 3,800 plans.
   */
  readonly subPlans?: boolean;
}

/** One file of a dataset as `writeDataset` lays it out. */
export interface DatasetFile {
  readonly name: string;
  readonly kind: "plan" | "activities" | "records" | "reports";
  /** Items in the file (lines of an NDJSON file; 1 for the plan). */
  readonly items: number;
  /** Size in bytes and SHA-256 (hex), once written. */
  readonly bytes?: number;
  readonly sha256?: string;
}

/** Items of a dataset or of one of its plans. */
export interface DatasetCounts {
  readonly units: number;
  readonly activities: number;
  readonly records: number;
  readonly reports: number;
}

/** One plan of a dataset: where its files are (relative to the dataset's folder) and what they hold. */
export interface DatasetPlanEntry {
  readonly planId: string;
  /** The plan it implements (its `parent.planId`), absent for the root. */
  readonly parentPlanId?: string;
  /** The unit of the parent plan that issues this plan (the ministry or provincial committee), for roll-ups. */
  readonly parentUnitId?: string;
  readonly issuer: string;
  /** "." for a one-plan dataset; "plans/<planId>" in a tree. */
  readonly dir: string;
  readonly counts: DatasetCounts;
  readonly files: readonly DatasetFile[];
}

/** What a dataset holds; `writeDataset` writes it as manifest.json (with byte sizes and hashes). */
export interface DatasetManifest {
  readonly generator: { readonly name: string; readonly version: string };
  readonly size: DatasetSize;
  readonly seed: number;
  readonly year: number;
  /** The root plan (the only one in a one-plan dataset). */
  readonly planId: string;
  /** Same as `planId`: the plan every other plan of the dataset descends from. */
  readonly rootPlanId: string;
  /** Totals over every plan of the dataset. */
  readonly counts: DatasetCounts;
  /** The files of a one-plan dataset, in its folder; empty for a tree (see `plans`). */
  readonly files: readonly DatasetFile[];
  /** Every plan, root first; a tree writes each in `plans/<planId>/` (plan.json and its NDJSON files). */
  readonly plans: readonly DatasetPlanEntry[];
}

/**
 * A generated dataset: the plan in memory, tracking data as lazy streams. The 2026 national size
 * is a tree: the Ministry of Home Affairs' plan (this one) and, in `subPlans`, the plan of every
 * ministry and province, each a dataset of its own whose `plan.parent` names the root.
 */
export interface Dataset {
  /** A valid plan: `validatePlan(plan).errors` is empty (and so are the warnings). */
  readonly plan: Plan;
  readonly manifest: DatasetManifest;
  /**
   * Every plan under this one, parents before children, each a dataset of its own whose
   * `plan.parent` names its parent (2026 national: 17 ministries and 34 provinces, and with
   * `subPlans` their departments and communes; 2026 medium: the province's departments and
   * communes); empty otherwise.
   */
  readonly subPlans: readonly Dataset[];
  /** Planned activities, unit by unit in plan order; a fresh generator on each call. */
  activities(): Generator<Activity, void, undefined>;
  /** Actual records of this plan, unit by unit and activity by activity, by date; a fresh generator on each call. */
  records(): Generator<ActualRecord, void, undefined>;
  /** Reports of the reporting units, unit by unit, period by period; some late, some missing. */
  reports(): Generator<UnitReport, void, undefined>;
}

// ---------------------------------------------------------------------------------------------

/** Commune-level People's Committees: xã, phường, đặc khu (they plan fewer activities). */
const COMMUNE_KINDS: ReadonlySet<string> = new Set([
  "commune-committee",
  "ward-committee",
  "special-zone-committee",
]);

/** How reliably a unit reports: chance a report is missing, and chance it is late. */
const RELIABILITY = [
  { missing: 0.02, late: 0.06 },
  { missing: 0.1, late: 0.2 },
  { missing: 0.35, late: 0.35 },
  { missing: 0.8, late: 0.15 },
] as const;

interface Profiles {
  readonly activityTotal: number;
  readonly activityCount: Uint8Array;
  readonly activityOffset: Uint32Array;
  readonly recordCount: Uint32Array;
  readonly recordOffset: Float64Array;
  /** Achieved output ÷ target the unit is heading for (0 for a unit that does nothing). */
  readonly performance: Float64Array;
  readonly reliability: Uint8Array;
}

interface Window {
  readonly start: number;
  readonly end: number;
}

interface PlannedActivity {
  readonly activity: Activity;
  readonly channelKind: string;
  readonly output: OutputProfile;
  readonly records: number;
  readonly window: Window;
  readonly costFactor: number;
}

interface Context {
  readonly seed: number;
  readonly year: number;
  readonly blueprint: Blueprint;
  readonly profiles: Profiles;
  /** ISO date of each day of the plan year. */
  readonly days: readonly string[];
  readonly periods: readonly ReportingPeriod[];
  readonly periodWindows: ReadonlyMap<string, Window>;
  /** Channel ids by channel kind. */
  readonly channelByKind: ReadonlyMap<string, string>;
  readonly channelKinds: readonly string[];
  readonly reportPlans: readonly (readonly ReportPlan[])[];
}

const pad = (x: number, width: number) => String(x).padStart(width, "0");
const idWidth = (count: number) => Math.max(6, String(count).length);

function yearDays(year: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) days.push(d);
  return days;
}

function dayWindow(days: readonly string[], from: string, to: string): Window {
  const first = days[0] ?? from;
  const last = days[days.length - 1] ?? to;
  const clampedFrom = from < first ? first : from;
  const clampedTo = to > last ? last : to;
  return { start: days.indexOf(clampedFrom), end: days.indexOf(clampedTo) };
}

/** Splits `total` into whole parts proportional to `weights` (exact sum; remainder to the first non-zero). */
function allocate(total: number, weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  const parts = weights.map((w) => (sum === 0 ? 0 : Math.floor((total * w) / sum)));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const active = weights.flatMap((w, i) => (w > 0 ? [i] : []));
  for (let j = 0; rest > 0 && active.length > 0; j = (j + 1) % active.length, rest--) {
    const i = active[j] ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

function buildProfiles(seed: number, blueprint: Blueprint, totalRecords: number): Profiles {
  const count = blueprint.units.length;
  const activityCount = new Uint8Array(count);
  const activityOffset = new Uint32Array(count);
  const performance = new Float64Array(count);
  const reliability = new Uint8Array(count);
  const weights: number[] = [];
  let offset = 0;
  for (const [i, u] of blueprint.units.entries()) {
    const rng = new Random(deriveSeed(seed, "profile", i));
    const commune = COMMUNE_KINDS.has(u.unit.kind);
    activityCount[i] = commune ? rng.int(3, 5) : rng.int(4, 8);
    activityOffset[i] = offset;
    offset += activityCount[i] ?? 0;
    const lead = u.unit.id === blueprint.leadId;
    const inactive = !lead && rng.chance(0.02);
    const pace = rng.weighted<"behind" | "on-track" | "ahead">([
      ["behind", 0.22],
      ["on-track", 0.58],
      ["ahead", 0.2],
    ]);
    performance[i] = inactive
      ? 0
      : pace === "behind"
        ? rng.between(0.4, 0.85)
        : pace === "on-track"
          ? rng.between(0.95, 1.12)
          : rng.between(1.1, 1.4);
    reliability[i] = inactive
      ? 3
      : rng.weighted<number>([
          [0, 0.75],
          [1, 0.17],
          [2, 0.08],
        ]);
    weights.push(inactive ? 0 : u.weight * rng.between(0.6, 1.4));
  }
  const recordCount = Uint32Array.from(allocate(totalRecords, weights));
  const recordOffset = new Float64Array(count);
  let r = 0;
  for (let i = 0; i < count; i++) {
    recordOffset[i] = r;
    r += recordCount[i] ?? 0;
  }
  return {
    activityTotal: offset,
    activityCount,
    activityOffset,
    recordCount,
    recordOffset,
    performance,
    reliability,
  };
}

// ---------------------------------------------------------------------------------------------
// Activities

function chooseChannelKind(ctx: Context, rng: Random, unitKind: string): string {
  // wards and special zones communicate as communes do
  const kind =
    unitKind === "ward-committee" || unitKind === "special-zone-committee" ? "commune-committee" : unitKind;
  const prefs = (UNIT_CHANNELS[kind] ?? UNIT_CHANNELS.default ?? []).filter(([k]) =>
    ctx.channelByKind.has(k),
  );
  if (prefs.length === 0 || rng.chance(0.1)) return rng.pick(ctx.channelKinds);
  return rng.weighted(prefs);
}

function roundTarget(value: number, unit: string): number {
  const v = Math.max(1, Math.round(value));
  if (unit === "copy") return Math.max(100, Math.round(v / 100) * 100);
  if (unit === "participant" && v > 50) return Math.round(v / 10) * 10;
  return v;
}

/** A unit's planned activities, regenerated identically on every call. */
function unitActivities(ctx: Context, i: number): PlannedActivity[] {
  const { blueprint, profiles } = ctx;
  const spec = blueprint.units[i];
  if (!spec) return [];
  const rng = new Random(deriveSeed(ctx.seed, "activities", i));
  const k = profiles.activityCount[i] ?? 0;
  const perf = profiles.performance[i] ?? 1;
  const total = profiles.recordCount[i] ?? 0;
  const last = ctx.days.length - 1;
  const width = idWidth(profiles.activityTotal);

  const drafts = Array.from({ length: k }, () => {
    const channelKind = chooseChannelKind(ctx, rng, spec.unit.kind);
    const channelId = ctx.channelByKind.get(channelKind) ?? ctx.blueprint.channels[0]?.id ?? "";
    const outputCode = rng.weighted(CHANNEL_OUTPUTS[channelKind] ?? [["item", 1]]);
    const output = OUTPUTS[outputCode] ?? { unit: "item", mean: 1, unitCost: 1_000_000, path: "hinh-anh" };
    const areas = rng.sample(
      ctx.blueprint.contentAreas,
      rng.weighted([
        [1, 5],
        [2, 3],
        [3, 2],
      ] as const),
    );
    const contentAreaIds = ctx.blueprint.contentAreas.filter((c) => areas.includes(c)).map((c) => c.id);
    let periodId: string | undefined;
    let window: Window;
    if (rng.chance(0.5)) {
      const type = rng.weighted<"quarter" | "half-year" | "year">([
        ["quarter", 0.7],
        ["half-year", 0.15],
        ["year", 0.15],
      ]);
      const period = rng.pick(ctx.periods.filter((p) => p.type === type));
      periodId = period.id;
      window = ctx.periodWindows.get(period.id) ?? { start: 0, end: last };
    } else {
      const start = rng.int(0, last - 45);
      window = { start, end: Math.min(last, start + rng.int(30, 200)) };
    }
    // units that do nothing, and some activities of units behind, never start
    const notStarted = perf === 0 || rng.chance(perf < 0.85 ? 0.25 : 0.05);
    return {
      channelKind,
      channelId,
      output,
      contentAreaIds,
      periodId,
      window,
      weight: notStarted ? 0 : rng.between(0.4, 1.6),
      pace: perf === 0 ? rng.between(0.8, 1.2) : perf * rng.between(0.85, 1.15),
      hypothetical: rng.int(3, 12),
      costFactor: rng.between(0.75, 1.1),
      freeOfCharge: channelKind === "web-portal" && rng.chance(0.4),
      topicKind: areas[0]?.kind ?? "other",
    };
  });
  if (total > 0 && drafts.every((d) => d.weight === 0)) {
    const first = drafts[0];
    if (first) first.weight = 1;
  }
  const counts = allocate(
    total,
    drafts.map((d) => d.weight),
  );

  return drafts.map((d, j): PlannedActivity => {
    const records = counts[j] ?? 0;
    const expected = (records > 0 ? records : d.hypothetical) * d.output.mean;
    const target = roundTarget(expected / d.pace, d.output.unit);
    const planned = d.freeOfCharge
      ? 0
      : Math.round((target * d.output.unitCost * rng.between(0.8, 1.2)) / 100_000) * 100_000;
    const topic = (CONTENT_TOPIC[d.topicKind] ?? "cải cách hành chính").replace("{year}", String(ctx.year));
    const period = d.periodId === undefined ? undefined : ctx.periods.find((p) => p.id === d.periodId);
    const when = period && period.type !== "year" ? ` (${period.label.vi})` : ` năm ${ctx.year}`;
    const title = `${(ACTIVITY_TITLE[d.channelKind] ?? "Tuyên truyền về {topic}").replace("{topic}", topic)}${when}`;
    const agencyFunded = spec.agencyFunded;
    const budgetLineId = agencyFunded ? ctx.blueprint.budgetLineByChannel.get(d.channelId) : undefined;
    // keys in schema order, so the JSON reads like core's
    const activity: Activity = {
      id: `act-${pad((profiles.activityOffset[i] ?? 0) + j + 1, width)}`,
      unitId: spec.unit.id,
      channelId: d.channelId,
      contentAreaIds: d.contentAreaIds,
      title: normalizeText(title),
      ...(d.periodId === undefined
        ? { from: ctx.days[d.window.start] ?? "", to: ctx.days[d.window.end] ?? "" }
        : { periodId: d.periodId }),
      target: { value: target, unit: d.output.unit },
      fundingSourceId: agencyFunded ? ctx.blueprint.agencyFundingId : ctx.blueprint.unitFundingId,
      ...(budgetLineId === undefined ? {} : { budgetLineId }),
      plannedCostVnd: planned,
    };
    return {
      activity,
      channelKind: d.channelKind,
      output: d.output,
      records,
      window: d.window,
      costFactor: planned === 0 ? 0 : d.costFactor,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Records

function* unitRecords(
  ctx: Context,
  i: number,
  planned: readonly PlannedActivity[],
  width: number,
): Generator<ActualRecord> {
  const rng = new Random(deriveSeed(ctx.seed, "records", i));
  let seq = ctx.profiles.recordOffset[i] ?? 0;
  for (const p of planned) {
    if (p.records === 0) continue;
    const span = p.window.end - p.window.start;
    const dayIndices = new Uint16Array(p.records);
    for (let r = 0; r < p.records; r++) dayIndices[r] = p.window.start + Math.floor(rng.float() * (span + 1));
    dayIndices.sort();
    const unit = p.output.unit;
    for (const day of dayIndices) {
      seq++;
      let output: number;
      let participants: number | undefined;
      switch (unit) {
        case "article":
          output = rng.chance(0.1) ? 2 : 1;
          break;
        case "post":
          output = rng.int(1, 4);
          break;
        case "participant":
          output = rng.int(15, 150);
          participants = output;
          break;
        case "copy":
          output = rng.int(2, 20) * 50;
          break;
        case "item":
          output = rng.int(1, 6);
          break;
        case "class":
          output = 1;
          participants = rng.int(25, 120);
          break;
        case "event":
          output = 1;
          participants = p.channelKind === "legal-education" ? rng.int(50, 300) : rng.int(30, 250);
          break;
        default:
          output = 1;
      }
      const record: ActualRecord = {
        id: `rec-${pad(seq, width)}`,
        activityId: p.activity.id,
        unitId: p.activity.unitId,
        date: ctx.days[day] ?? ctx.days[0] ?? "",
        output,
      };
      if (participants !== undefined) record.participants = participants;
      if (p.costFactor > 0)
        record.costVnd =
          Math.round((output * p.output.unitCost * p.costFactor * rng.between(0.7, 1.3)) / 10_000) * 10_000;
      if (rng.chance(0.9)) record.evidenceUrl = `https://example.gov.vn/${p.output.path}/${seq}`;
      if (rng.chance(0.03)) record.note = rng.pick(RECORD_NOTES);
      yield record;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reports

interface ReportPlan {
  readonly period: ReportingPeriod;
  readonly submittedAt: string;
}

/** Which of a unit's reports exist and when they were submitted (drawn once per unit). */
function reportPlan(
  seed: number,
  i: number,
  reliability: number,
  periods: readonly ReportingPeriod[],
): ReportPlan[] {
  const rng = new Random(deriveSeed(seed, "reports", i));
  const odds = RELIABILITY[reliability] ?? RELIABILITY[0];
  const out: ReportPlan[] = [];
  for (const period of periods) {
    const r = rng.float();
    const hh = pad(rng.int(7, 17), 2);
    const mm = pad(rng.int(0, 59), 2);
    const ss = pad(rng.int(0, 59), 2);
    const early = rng.int(0, 5);
    const lateBy = rng.chance(0.8) ? 1 : rng.int(2, 10);
    if (r < odds.missing) continue;
    const day =
      r < odds.missing + odds.late ? addDays(period.dueDate, lateBy) : addDays(period.dueDate, -early);
    out.push({ period, submittedAt: `${day}T${hh}:${mm}:${ss}+07:00` });
  }
  return out;
}

const overlaps = (a: Window, b: Window) => a.start <= b.end && b.start <= a.end;

// ---------------------------------------------------------------------------------------------

function checkOptions(options: GenerateOptions): {
  size: DatasetSize;
  seed: number;
  year: number;
  records: number;
} {
  const { size, seed } = options;
  if (!Object.hasOwn(DATASET_SIZES, size))
    throw new RangeError(
      `generateDataset: size must be small, medium or national (got ${JSON.stringify(size)})`,
    );
  if (!Number.isSafeInteger(seed))
    throw new RangeError(`generateDataset: seed must be a safe integer (got ${String(seed)})`);
  const year = options.year ?? 2018;
  if (!Number.isInteger(year) || year < 2001 || year > 2100)
    throw new RangeError(`generateDataset: year must be an integer from 2001 to 2100 (got ${String(year)})`);
  const records = options.records ?? DATASET_SIZES[size].records;
  if (!Number.isSafeInteger(records) || records < 0)
    throw new RangeError(`generateDataset: records must be a whole number ≥ 0 (got ${String(records)})`);
  return { size, seed, year, records };
}

/**
 * Generates a dataset. The plan is built at once (validated by core's schema); activities, records
 * and reports are generators that build each unit's items only when reached.
 *
 * @throws RangeError for an unknown size, a seed that is not a safe integer, a year outside
 *   2001–2100 or a negative record count.
 */
export function generateDataset(options: GenerateOptions): Dataset {
  const { size, seed, year, records: totalRecords } = checkOptions(options);
  // every stream of every unit draws from its own seed, derived from the dataset's
  const base = deriveSeed(seed, size, year);
  const head = { size, seed, year };
  if (size === "national" && year >= TWO_TIER_FIRST_YEAR)
    return countryDataset(head, base, totalRecords, options.subPlans ?? false);
  const blueprint = buildBlueprint(size, new Random(deriveSeed(base, "plan")), year);
  if (size === "medium" && year >= TWO_TIER_FIRST_YEAR && (options.subPlans ?? true))
    return treeDataset(head, base, totalRecords, [blueprint], true);
  return planDataset(head, blueprint, base, totalRecords, []);
}

interface DatasetHead {
  readonly size: DatasetSize;
  readonly seed: number;
  readonly year: number;
}

const weightOf = (b: Blueprint) => b.units.reduce((a, u) => a + u.weight, 0);

/**
 * The 2026 country: the national plan, then each ministry's and province's plan under it, and
 * with `subPlans` each province's departments' and communes' plans after the province's.
 */
function countryDataset(head: DatasetHead, base: number, totalRecords: number, subPlans: boolean): Dataset {
  const root = nationalRootBlueprint2026(new Random(deriveSeed(base, "plan")), head.year);
  const rootInput = root.input;
  const parent = { planId: rootInput.id, year: head.year, number: rootInput.number ?? "" };
  let i = 0;
  const subs = countryBlueprints2026(() => new Random(deriveSeed(base, "plan", ++i)), head.year, parent);
  return treeDataset(head, base, totalRecords, [root, ...subs.ministries, ...subs.provinces], subPlans);
}

/**
 * A tree of plans: the first blueprint is the root, the others its direct sub-plans; with `local`,
 * every province among them (and a root province) gets its departments' and communes' plans.
 * Records follow the work: each plan gets its share by the weight of its units.
 */
function treeDataset(
  head: DatasetHead,
  base: number,
  totalRecords: number,
  blueprints: readonly Blueprint[],
  local: boolean,
): Dataset {
  const all: Blueprint[] = [];
  let k = 0;
  for (const b of blueprints) {
    all.push(b);
    // a province's plan: the one kind of plan with communes among its units
    if (!local || !b.units.some((u) => COMMUNE_KINDS_2026.has(u.unit.kind))) continue;
    const seed = deriveSeed(base, "local", b.input.id);
    all.push(...localSubPlanBlueprints2026(() => new Random(deriveSeed(seed, ++k)), b.input, head.year));
  }
  const shares = allocate(totalRecords, all.map(weightOf));
  const datasets = all
    .slice(1)
    .map((b, j) => planDataset(head, b, deriveSeed(base, "sub-plan", j), shares[j + 1] ?? 0, []));
  return planDataset(head, all[0] as Blueprint, base, shares[0] ?? 0, datasets);
}

/** One plan's dataset (and, for a root, the sub-plans that implement it). */
function planDataset(
  head: DatasetHead,
  blueprint: Blueprint,
  base: number,
  totalRecords: number,
  subPlans: readonly Dataset[],
): Dataset {
  const { size, seed, year } = head;
  const plan = PlanSchema.parse(blueprint.input);
  const profiles = buildProfiles(base, blueprint, totalRecords);
  const days = yearDays(year);
  const periods = planCalendar(plan);
  const periodWindows = new Map(
    periods.map((p) => [p.id, dayWindow(days, p.cutoffStart, p.cutoffEnd)] as const),
  );
  const channelByKind = new Map<string, string>();
  for (const c of blueprint.channels)
    for (const k of c.kinds) if (!channelByKind.has(k)) channelByKind.set(k, c.id);
  const reportPlans = blueprint.units.map((u, i) =>
    u.reporter ? reportPlan(base, i, profiles.reliability[i] ?? 0, periods) : [],
  );
  const ctx: Context = {
    seed: base,
    year,
    blueprint,
    profiles,
    days,
    periods,
    periodWindows,
    channelByKind,
    channelKinds: [...channelByKind.keys()],
    reportPlans,
  };

  const activityTotal = profiles.activityTotal;
  const reportTotal = reportPlans.reduce((a, r) => a + r.length, 0);
  const unitCount = blueprint.units.length;
  const counts: DatasetCounts = {
    units: unitCount,
    activities: activityTotal,
    records: totalRecords,
    reports: reportTotal,
  };
  const files: DatasetFile[] = [
    { name: "plan.json", kind: "plan", items: 1 },
    { name: "activities.ndjson", kind: "activities", items: activityTotal },
    { name: "records.ndjson", kind: "records", items: totalRecords },
    { name: "reports.ndjson", kind: "reports", items: reportTotal },
  ];
  const tree = subPlans.length > 0;
  const unitByName = new Map(plan.units.map((u) => [u.name, u.id] as const));
  const entry = (p: Plan, c: DatasetCounts, f: readonly DatasetFile[], dir: string): DatasetPlanEntry => ({
    planId: p.id,
    ...(p.parent === undefined ? {} : { parentPlanId: p.parent.planId }),
    ...(p.parent === undefined || !unitByName.has(p.issuer.name)
      ? {}
      : { parentUnitId: unitByName.get(p.issuer.name) }),
    issuer: p.issuer.name,
    dir,
    counts: c,
    files: f,
  });
  const sum = (k: keyof DatasetCounts) => counts[k] + subPlans.reduce((a, d) => a + d.manifest.counts[k], 0);
  const manifest: DatasetManifest = {
    generator: { name: GENERATOR_NAME, version: GENERATOR_VERSION },
    size,
    seed,
    year,
    planId: plan.id,
    rootPlanId: plan.id,
    counts: tree
      ? {
          units: sum("units"),
          activities: sum("activities"),
          records: sum("records"),
          reports: sum("reports"),
        }
      : counts,
    files: tree ? [] : files,
    plans: tree
      ? [
          entry(plan, counts, files, `plans/${plan.id}`),
          ...subPlans.map((d) => entry(d.plan, d.manifest.counts, d.manifest.files, `plans/${d.plan.id}`)),
        ]
      : [entry(plan, counts, files, ".")],
  };
  const recordWidth = idWidth(totalRecords);
  const reportWidth = idWidth(reportTotal);

  return {
    plan,
    manifest,
    subPlans,
    *activities() {
      for (let i = 0; i < unitCount; i++) for (const p of unitActivities(ctx, i)) yield p.activity;
    },
    *records() {
      for (let i = 0; i < unitCount; i++) {
        if ((profiles.recordCount[i] ?? 0) === 0) continue;
        yield* unitRecords(ctx, i, unitActivities(ctx, i), recordWidth);
      }
    },
    *reports() {
      let seq = 0;
      for (let i = 0; i < unitCount; i++) {
        const plans = reportPlans[i] ?? [];
        if (plans.length === 0) continue;
        const planned = unitActivities(ctx, i);
        const unit = blueprint.units[i]?.unit;
        if (!unit) continue;
        for (const r of plans) {
          seq++;
          const window = periodWindows.get(r.period.id) ?? { start: 0, end: days.length - 1 };
          yield {
            id: `rep-${pad(seq, reportWidth)}`,
            unitId: unit.id,
            periodId: r.period.id,
            submittedAt: r.submittedAt,
            activityIds: planned
              .filter((p) => p.records > 0 && overlaps(p.window, window))
              .map((p) => p.activity.id),
            summary: normalizeText(
              `Báo cáo kết quả công tác tuyên truyền cải cách hành chính ${r.period.label.vi} của ${unit.name}.`,
            ),
          };
        }
      }
    },
  };
}
