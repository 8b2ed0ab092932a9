/**
 * What the pages show and what the forms change, over the library's Promise facade: one plan of
 * one agency, scored with the scheme the agency chose as of "now". Authorization is decided here
 * by the core's policy, so any other front end built on this module keeps the same rules.
 */
import {
  type Activity,
  type Actor,
  type ActualRecord,
  authorize,
  buildPeriodReport,
  type Cchc,
  expectedReporterIds,
  type PeriodReport,
  type PermissionDenied,
  type Plan,
  planCalendar,
  type RankedUnitScore,
  type ReportingPeriod,
  Scorer,
  type ScoreSheet,
  type ScoringScheme,
  type UnitReport,
} from "@cchc/core";
import * as Result from "effect/Result";
import { vietnamInstant, vietnamToday } from "./format.js";
import { checkRecordForm, checkReportForm, type FormResult } from "./forms.js";
import { ProgressTally, type UnitProgress } from "./progress.js";
import {
  type PeriodStatus,
  type ReportingStatusTable,
  reportingStatus,
  unitReportingStatus,
} from "./reportingStatus.js";

/** What the dashboard works on. */
export interface DashboardOptions {
  readonly cchc: Cchc;
  readonly agencyId: string;
  readonly planId: string;
  readonly scheme: ScoringScheme;
  /** The clock: scores, statuses and deadlines are computed as of this instant. */
  readonly now: () => Date;
  /** New ids for records and reports (default: random UUIDs). */
  readonly newId?: (kind: "record" | "report") => string;
}

/** The lead's overview. */
export interface Overview {
  readonly plan: Plan;
  readonly now: Date;
  readonly activities: readonly Activity[];
  readonly score: ScoreSheet;
  readonly progress: ReadonlyMap<string, UnitProgress>;
  readonly status: ReportingStatusTable;
  readonly periods: readonly ReportingPeriod[];
}

/** One unit's page. */
export interface UnitView {
  readonly plan: Plan;
  readonly now: Date;
  readonly unit: Plan["units"][number];
  readonly allActivities: readonly Activity[];
  readonly progress: UnitProgress;
  /** The unit's records, latest first. */
  readonly records: readonly ActualRecord[];
  readonly reports: readonly UnitReport[];
  readonly status: readonly PeriodStatus[];
  readonly expectedToReport: boolean;
  readonly score: RankedUnitScore | undefined;
  /** How many units are ranked. */
  readonly rankedUnits: number;
  readonly periods: readonly ReportingPeriod[];
}

/** The outcome of a form post. */
export type Submission<T> =
  | { readonly kind: "denied"; readonly error: PermissionDenied }
  | { readonly kind: "invalid"; readonly form: FormResult<T> }
  | { readonly kind: "saved"; readonly value: T };

/** The dashboard's queries and commands. */
export class Dashboard {
  private readonly newId: (kind: "record" | "report") => string;

  constructor(readonly options: DashboardOptions) {
    this.newId = options.newId ?? ((kind) => `${kind === "record" ? "r" : "bc"}-${crypto.randomUUID()}`);
  }

  private get cchc(): Cchc {
    return this.options.cchc;
  }

  /** The stored plan. */
  async plan(): Promise<Plan> {
    return (await this.cchc.plans.get(this.options.agencyId, this.options.planId)).value;
  }

  /** The planned activities (for exports that list them: workbook rows, calendar windows). */
  plannedActivities(): Promise<Activity[]> {
    return this.activities();
  }

  private async activities(unitId?: string): Promise<Activity[]> {
    const { agencyId, planId } = this.options;
    const list = await this.cchc.activities.list(
      agencyId,
      planId,
      unitId === undefined ? undefined : { unitId },
    );
    return list.map((a) => a.value);
  }

  private async reports(unitId?: string): Promise<UnitReport[]> {
    const { agencyId, planId } = this.options;
    const list = await this.cchc.reports.list(
      agencyId,
      planId,
      unitId === undefined ? undefined : { unitId },
    );
    return list.map((r) => r.value);
  }

  /**
   * Scores the plan and tallies progress in one pass over the stored records (streamed, so a
   * large table is never held in memory).
   */
  private async scoreAndProgress(
    plan: Plan,
    activities: readonly Activity[],
    reports: readonly UnitReport[],
    now: Date,
    onRecord?: (r: ActualRecord) => void,
  ): Promise<{ score: ScoreSheet; tally: ProgressTally }> {
    const scorer = new Scorer(plan, { scheme: this.options.scheme, asOf: vietnamInstant(now) });
    const tally = new ProgressTally(activities, vietnamToday(now));
    for (const a of activities) scorer.addActivity(a);
    for await (const r of this.cchc.records.stream(this.options.agencyId, this.options.planId)) {
      scorer.addRecord(r);
      tally.add(r);
      onRecord?.(r);
    }
    for (const r of reports) scorer.addReport(r);
    return { score: scorer.result(), tally };
  }

  /** Everything the lead's overview shows. */
  async overview(): Promise<Overview> {
    const now = this.options.now();
    const plan = await this.plan();
    const [activities, reports] = await Promise.all([this.activities(), this.reports()]);
    const { score, tally } = await this.scoreAndProgress(plan, activities, reports, now);
    const progress = new Map(plan.units.map((u) => [u.id, tally.unit(u.id)] as const));
    return {
      plan,
      now,
      activities,
      score,
      progress,
      status: reportingStatus(plan, reports, now),
      periods: planCalendar(plan),
    };
  }

  /** One unit's page; undefined when the plan has no such unit. */
  async unit(unitId: string): Promise<UnitView | undefined> {
    const now = this.options.now();
    const plan = await this.plan();
    const unit = plan.units.find((u) => u.id === unitId);
    if (!unit) return undefined;
    const [activities, reports] = await Promise.all([this.activities(), this.reports()]);
    const records: ActualRecord[] = [];
    const { score, tally } = await this.scoreAndProgress(plan, activities, reports, now, (r) => {
      if (r.unitId === unitId) records.push(r);
    });
    records.sort((a, b) => (a.date === b.date ? (a.id < b.id ? 1 : -1) : a.date < b.date ? 1 : -1));
    const periods = planCalendar(plan);
    const own = reports.filter((r) => r.unitId === unitId);
    return {
      plan,
      now,
      unit,
      allActivities: activities,
      progress: tally.unit(unitId),
      records,
      reports: own.sort((a, b) => (a.submittedAt < b.submittedAt ? 1 : -1)),
      status: unitReportingStatus(periods, own, now),
      expectedToReport: expectedReporterIds(plan).includes(unitId),
      score: score.units.find((u) => u.unitId === unitId),
      rankedUnits: score.units.length,
      periods,
    };
  }

  /** The score sheet as of now (for the score sheet download). */
  async scoreSheet(): Promise<{ plan: Plan; sheet: ScoreSheet }> {
    const now = this.options.now();
    const plan = await this.plan();
    const [activities, reports] = await Promise.all([this.activities(), this.reports()]);
    const { score } = await this.scoreAndProgress(plan, activities, reports, now);
    return { plan, sheet: score };
  }

  /** A period report of one unit, or of the whole agency; undefined for an unknown period or unit. */
  async periodReport(periodId: string, unitId?: string): Promise<PeriodReport | undefined> {
    const plan = await this.plan();
    if (unitId !== undefined && !plan.units.some((u) => u.id === unitId)) return undefined;
    const period = planCalendar(plan).find((p) => p.id === periodId);
    if (!period) return undefined;
    const activities = await this.activities(unitId);
    const records: ActualRecord[] = [];
    const filter = { to: period.cutoffEnd, ...(unitId === undefined ? {} : { unitId }) };
    for await (const r of this.cchc.records.stream(this.options.agencyId, this.options.planId, filter))
      records.push(r);
    return buildPeriodReport({
      plan,
      activities,
      records,
      periodId,
      ...(unitId === undefined ? {} : { unitId }),
    });
  }

  /** Whether the actor may do this for the unit (the core's policy decides). */
  allowed(actor: Actor, action: "record-activity" | "submit-report", unitId: string): boolean {
    return Result.isSuccess(authorize(actor, action, unitId));
  }

  /** Records an actual result for a unit, if the actor may and the form is valid. */
  async recordResult(
    actor: Actor,
    unitId: string,
    form: Readonly<Record<string, unknown>>,
  ): Promise<Submission<ActualRecord>> {
    const decision = authorize(actor, "record-activity", unitId);
    if (Result.isFailure(decision)) return { kind: "denied", error: decision.failure };
    const plan = await this.plan();
    const checked = checkRecordForm({
      form,
      unitId,
      plan,
      activities: await this.activities(),
      today: vietnamToday(this.options.now()),
      id: this.newId("record"),
    });
    if (!checked.value) return { kind: "invalid", form: checked };
    await this.cchc.records.insert(this.options.agencyId, this.options.planId, [checked.value]);
    return { kind: "saved", value: checked.value };
  }

  /** Submits a unit's period report, stamped with the current instant in Vietnam time. */
  async submitReport(
    actor: Actor,
    unitId: string,
    form: Readonly<Record<string, unknown>>,
  ): Promise<Submission<UnitReport>> {
    const decision = authorize(actor, "submit-report", unitId);
    if (Result.isFailure(decision)) return { kind: "denied", error: decision.failure };
    const plan = await this.plan();
    const now = this.options.now();
    const periods = planCalendar(plan);
    const unitRecords: ActualRecord[] = [];
    for await (const r of this.cchc.records.stream(this.options.agencyId, this.options.planId, { unitId }))
      unitRecords.push(r);
    const checked = checkReportForm({
      form,
      unitId,
      plan,
      activityIds: (periodId) => {
        const p = periods.find((x) => x.id === periodId);
        if (!p) return [];
        const inWindow = unitRecords.filter((r) => r.date >= p.cutoffStart && r.date <= p.cutoffEnd);
        return [...new Set(inWindow.map((r) => r.activityId))];
      },
      submittedAt: vietnamInstant(now),
      today: vietnamToday(now),
      id: this.newId("report"),
    });
    if (!checked.value) return { kind: "invalid", form: checked };
    await this.cchc.reports.submit(this.options.agencyId, this.options.planId, checked.value);
    return { kind: "saved", value: checked.value };
  }
}
