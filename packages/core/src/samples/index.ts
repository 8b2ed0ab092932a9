/**
 * Sample plans shipped with the library: real plans encoded as data, to start from, to test
 * against, and to show what a complete plan looks like.
 */
import { type Plan, type PlanInput, PlanSchema } from "../plan.js";
import { mic2018 } from "./mic2018.js";

/** The names of the shipped samples. */
export const SAMPLE_PLAN_NAMES = ["mic-2018"] as const;
/** A shipped sample's name. */
export type SamplePlanName = (typeof SAMPLE_PLAN_NAMES)[number];

const SAMPLES: Record<SamplePlanName, PlanInput> = { "mic-2018": mic2018 };

/** A fresh, parsed copy of a sample plan (zod builds new objects, so callers may mutate it freely). */
export function samplePlan(name: SamplePlanName): Plan {
  return PlanSchema.parse(SAMPLES[name]);
}

/** Whether a string names a shipped sample (for CLIs and forms). */
export function isSamplePlanName(name: string): name is SamplePlanName {
  return (SAMPLE_PLAN_NAMES as readonly string[]).includes(name);
}

export { mic2018 };
