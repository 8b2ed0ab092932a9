/**
 * The national reporting calendar as iCalendar: `icalExporter` of @cchc/export-ical on the plan's
 * deadlines and every activity window (about 19,000 events), in this process, against a baseline
 * that builds the same events and writes them as NDJSON text. Target: under 5 s.
 */

import { planCalendar } from "@cchc/core";
import { calendarEvents, icalExporter } from "@cchc/export-ical";
import * as Effect from "effect/Effect";
import { compare } from "./timing.js";
import type { Benchmark } from "./types.js";

export const TARGET_MS = 5000;

export const icsBenchmark: Benchmark = {
  name: "ics",
  description:
    "the national calendar (deadlines and every activity window) as .ics vs the same events as NDJSON",
  async run(ctx) {
    const { activities } = await ctx.tracking();
    const plan = ctx.dataset.plan;
    const periods = planCalendar(plan);
    const encoder = new TextEncoder();
    const c = compare(
      () => {
        const content = calendarEvents(plan, periods, activities, {
          deadlines: "all-day",
          remindDaysBefore: [3, 1],
          agencyId: undefined,
        });
        return encoder.encode(content.events.map((e) => JSON.stringify(e)).join("\n")).length;
      },
      () => Effect.runSync(icalExporter.export({ kind: "plan", plan, activities })).bytes.length,
      { runs: 2, log: ctx.log },
    );
    return {
      events: activities.length + periods.length,
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
