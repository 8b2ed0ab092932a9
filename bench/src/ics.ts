/**
 * The national reporting calendar as iCalendar: `icalExporter` of @cchc/export-ical on each plan's
 * deadlines and every activity window (the 2026 country: 52 calendars, about 19,500 activity
 * events), in this process, against a baseline that builds the same events and writes them as
 * NDJSON text. Target: under 5 s for the whole country.
 */

import { planCalendar } from "@cchc/core";
import { calendarEvents, icalExporter } from "@cchc/export-ical";
import * as Effect from "effect/Effect";
import { compare } from "./timing.js";
import { type Benchmark, total } from "./types.js";

export const TARGET_MS = 5000;

export const icsBenchmark: Benchmark = {
  name: "ics",
  description:
    "every plan's calendar (deadlines and every activity window) as .ics vs the same events as NDJSON",
  async run(ctx) {
    const plans = (await ctx.tracking()).map((t) => ({
      plan: t.plan,
      activities: t.activities,
      periods: planCalendar(t.plan),
    }));
    const encoder = new TextEncoder();
    const c = compare(
      () =>
        total(plans, ({ plan, periods, activities }) => {
          const content = calendarEvents(plan, periods, activities, {
            deadlines: "all-day",
            remindDaysBefore: [3, 1],
            agencyId: undefined,
          });
          return encoder.encode(content.events.map((e) => JSON.stringify(e)).join("\n")).length;
        }),
      () =>
        total(
          plans,
          ({ plan, activities }) =>
            Effect.runSync(icalExporter.export({ kind: "plan", plan, activities })).bytes.length,
        ),
      { runs: 2, log: ctx.log },
    );
    return {
      plans: plans.length,
      events: total(plans, (p) => p.activities.length + p.periods.length),
      bytes: c.value,
      baselineBytes: c.baselineValue,
      baselineMs: c.baselineMs,
      ms: c.ms,
      ratio: c.ratio,
      baselineRunsMs: c.baselineRunsMs,
      runsMs: c.runsMs,
      targetMs: TARGET_MS,
      pass: c.ms < TARGET_MS,
    };
  },
};
