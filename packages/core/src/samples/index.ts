/**
 * Sample plans shipped with the library: real plans encoded as data, to start from, to test
 * against, and to show what a complete plan looks like.
 */
import { type Plan, type PlanInput, PlanSchema } from "../plan.js";
import { baoThang2026 } from "./baoThang2026.js";
import { laoCai2026 } from "./laoCai2026.js";
import { mic2018 } from "./mic2018.js";
import { baoThang2026Tracking, laoCai2026Tracking, type SampleTracking } from "./tracking2026.js";

/**
 * The names of the shipped samples: the 2018 ministry plan the library was designed from, and two
 * 2026 plans of two-tier local government (a province, and a commune whose plan implements it).
 */
export const SAMPLE_PLAN_NAMES = ["mic-2018", "lao-cai-2026", "xa-bao-thang-2026"] as const;
/** A shipped sample's name. */
export type SamplePlanName = (typeof SAMPLE_PLAN_NAMES)[number];

const SAMPLES: Record<SamplePlanName, PlanInput> = {
  "mic-2018": mic2018,
  "lao-cai-2026": laoCai2026,
  "xa-bao-thang-2026": baoThang2026,
};

const TRACKING: Partial<Record<SamplePlanName, SampleTracking>> = {
  "lao-cai-2026": laoCai2026Tracking,
  "xa-bao-thang-2026": baoThang2026Tracking,
};

/** A fresh, parsed copy of a sample plan (zod builds new objects, so callers may mutate it freely). */
export function samplePlan(name: SamplePlanName): Plan {
  return PlanSchema.parse(SAMPLES[name]);
}

/** Whether a string names a shipped sample (for CLIs and forms). */
export function isSamplePlanName(name: string): name is SamplePlanName {
  return (SAMPLE_PLAN_NAMES as readonly string[]).includes(name);
}

/**
 * The tracking data shipped with a sample (activities, records, reports), or undefined for
 * mic-2018, whose tracking data `@cchc/testing` generates (the `small` dataset).
 */
export function sampleTracking(name: SamplePlanName): SampleTracking | undefined {
  return TRACKING[name];
}

export type { SampleTracking };
export { baoThang2026, laoCai2026, mic2018 };
