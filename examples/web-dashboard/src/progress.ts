/**
 * Progress against the plan: for every planned activity, the output recorded so far against its
 * target, and per unit how many activities reached their target. Records are added one at a time
 * (the store streams them), and the completion ratio is the scorer's "plan completion" metric
 * (mean of min(1, achieved / target)), so the progress bars and the score tell the same story.
 */
import type { Activity, ActualRecord } from "@cchc/core";

/** One activity's progress. */
export interface ActivityProgress {
  readonly activity: Activity;
  readonly achieved: number;
  readonly records: number;
  readonly participants: number;
  readonly costVnd: number;
  /** min(1, achieved / target); a zero target counts as done once anything was recorded. */
  readonly ratio: number;
  readonly done: boolean;
}

/** One unit's progress over its planned activities. */
export interface UnitProgress {
  readonly unitId: string;
  readonly planned: number;
  readonly done: number;
  /** Mean of the activities' ratios; undefined when the unit planned nothing. */
  readonly completion: number | undefined;
  readonly records: number;
  readonly costVnd: number;
  readonly plannedCostVnd: number;
  readonly activities: readonly ActivityProgress[];
}

const EPS = 1e-9;

interface Tally {
  achieved: number;
  records: number;
  participants: number;
  costVnd: number;
}

/** Accumulates records against planned activities; records dated after `today` are left out. */
export class ProgressTally {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly activities: readonly Activity[],
    private readonly today: string,
  ) {
    for (const a of activities)
      this.tallies.set(a.id, { achieved: 0, records: 0, participants: 0, costVnd: 0 });
  }

  /** Counts one record (ignored when its activity is not planned or its date is after today). */
  add(record: ActualRecord): void {
    const t = this.tallies.get(record.activityId);
    if (!t || record.date > this.today) return;
    t.achieved += record.output;
    t.records++;
    t.participants += record.participants ?? 0;
    t.costVnd += record.costVnd ?? 0;
  }

  /** Progress of one activity. */
  activity(a: Activity): ActivityProgress {
    const t = this.tallies.get(a.id) ?? { achieved: 0, records: 0, participants: 0, costVnd: 0 };
    const target = a.target.value;
    const ratio = target === 0 ? (t.records > 0 ? 1 : 0) : Math.min(1, t.achieved / target);
    return { activity: a, ...t, ratio, done: ratio >= 1 - EPS };
  }

  /** Progress of one unit over its planned activities. */
  unit(unitId: string): UnitProgress {
    const activities = this.activities.filter((a) => a.unitId === unitId).map((a) => this.activity(a));
    const sum = activities.reduce((s, p) => s + p.ratio, 0);
    return {
      unitId,
      planned: activities.length,
      done: activities.filter((p) => p.done).length,
      completion: activities.length === 0 ? undefined : sum / activities.length,
      records: activities.reduce((s, p) => s + p.records, 0),
      costVnd: activities.reduce((s, p) => s + p.costVnd, 0),
      plannedCostVnd: activities.reduce((s, p) => s + (p.activity.plannedCostVnd ?? 0), 0),
      activities,
    };
  }
}
