/**
 * Properties of scoring over random tracking data for the mic-2018 plan (with the fixture's three
 * member units): metrics stay within their ranges, points within their maxima at every node, more
 * work never lowers a score, what comes after the as-of instant is only counted apart, the tasked
 * units are always scored, and the last manual entry for a node and unit decides.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Activity,
  type ActualRecord,
  addDays,
  createTrackingContext,
  type EntityScore,
  type ManualScore,
  type Metric,
  PAR_COMMUNICATION_PRESET,
  type ScoreSheet,
  scorePlan,
  type UnitReport,
} from "../src/index.js";
import { allNodes, nodeScore, planWithMembers, T, U } from "./fixtures/sample-year.js";

const plan = planWithMembers();
const UNITS = [U.bdtw, U.vt, U.attt, U.vpb, U.tttt, U.tccb] as const;
const REPORTERS = [U.bdtw, U.vt, U.attt] as const;
/**
 * Units the sample plan tasks other than as lead, written out by hand: III.1.b's six units, the
 * press-agency group (no members) and the administrative group's members (the reporters).
 */
const TASKED = [T.phapChe, T.khtc, T.khcn, U.vpb, U.tttt, U.thh, T.baoChi, ...REPORTERS] as const;
/** The default as-of of a 2018 run: 2018-12-31T23:59:59.999+07:00, later than every deadline. */
const DEFAULT_AS_OF_MS = Date.parse("2018-12-31T16:59:59.999Z");
const CHANNELS = plan.channels.map((c) => c.id);
const CONTENT = plan.contentAreas.map((c) => c.id);
const PERIODS = [...createTrackingContext(plan).periods.values()];
const YEAR_START_MS = Date.parse("2018-01-01T00:00:00+07:00");
const YEAR_MS = 365 * 86_400_000;

interface Data {
  readonly activities: Activity[];
  readonly records: ActualRecord[];
  readonly reports: UnitReport[];
  readonly manualScores: ManualScore[];
  readonly asOf: string | undefined;
}

const activityArb = (i: number) =>
  fc
    .record({
      unit: fc.constantFrom(...UNITS),
      channel: fc.constantFrom(...CHANNELS),
      content: fc.subarray(CONTENT, { minLength: 1, maxLength: 3 }),
      target: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 12, noNaN: true })),
      plannedCostVnd: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
    })
    .map(
      (a): Activity => ({
        id: `hd-${i}`,
        unitId: a.unit,
        channelId: a.channel,
        contentAreaIds: a.content,
        title: `Hoạt động ${i}`,
        periodId: "2018",
        target: { value: a.target, unit: "item" },
        ...(a.plannedCostVnd === undefined ? {} : { plannedCostVnd: a.plannedCostVnd }),
      }),
    );

/** A record of one of `activities`, dated in 2018. */
const recordArb = (activities: readonly Activity[], id: string) =>
  fc
    .record({
      activity: fc.constantFrom(...activities),
      day: fc.integer({ min: 0, max: 364 }),
      output: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 6, noNaN: true })),
      costVnd: fc.option(fc.integer({ min: 0, max: 30_000_000 }), { nil: undefined }),
    })
    .map(
      (r): ActualRecord => ({
        id,
        activityId: r.activity.id,
        unitId: r.activity.unitId,
        date: addDays("2018-01-01", r.day),
        output: r.output,
        ...(r.costVnd === undefined ? {} : { costVnd: r.costVnd }),
      }),
    );

/** A report of a reporter for a period, submitted anywhere from 20 days before to 20 days after its deadline. */
const reportArb = (id: string) =>
  fc
    .record({
      unit: fc.constantFrom(...REPORTERS),
      period: fc.constantFrom(...PERIODS),
      offsetMinutes: fc.integer({ min: -20 * 1440, max: 20 * 1440 }),
    })
    .map(
      (r): UnitReport => ({
        id,
        unitId: r.unit,
        periodId: r.period.id,
        submittedAt: new Date(Date.parse(r.period.dueAt) + r.offsetMinutes * 60_000).toISOString(),
        activityIds: [],
      }),
    );

const manualArb = fc.array(
  fc.record({
    unit: fc.option(fc.constantFrom(...UNITS), { nil: undefined }),
    selfAssessed: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
    appraised: fc.option(fc.double({ min: 0, max: 2, noNaN: true }), { nil: undefined }),
  }),
  { maxLength: 4 },
);

const asOfArb = fc.option(
  fc.integer({ min: 0, max: YEAR_MS - 1 }).map((ms) => new Date(YEAR_START_MS + ms).toISOString()),
  { nil: undefined },
);

const dataArb: fc.Arbitrary<Data> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => activityArb(i))))
  .chain((activities) =>
    fc.record({
      activities: fc.constant(activities),
      records: fc
        .array(recordArb(activities, "kq"), { maxLength: 25 })
        .map((rs) => rs.map((r, i) => ({ ...r, id: `kq-${i}` }))),
      reports: fc
        .array(reportArb("bc"), { maxLength: 20 })
        .map((rs) => rs.map((r, i) => ({ ...r, id: `bc-${i}` }))),
      manualScores: manualArb.map((ms) =>
        ms.map(
          (m): ManualScore => ({
            nodeId: "tt.4.2",
            ...(m.unit === undefined ? {} : { unitId: m.unit }),
            ...(m.selfAssessed === undefined ? {} : { selfAssessed: m.selfAssessed }),
            ...(m.appraised === undefined ? {} : { appraised: m.appraised }),
          }),
        ),
      ),
      asOf: asOfArb,
    }),
  );

function score(d: Data): ScoreSheet {
  return scorePlan(
    { plan, activities: d.activities, records: d.records, reports: d.reports },
    {
      scheme: PAR_COMMUNICATION_PRESET,
      manualScores: d.manualScores,
      ...(d.asOf === undefined ? {} : { asOf: d.asOf }),
    },
  );
}

const entities = (s: ScoreSheet): EntityScore[] => [s.agency, ...s.units];

const asOfMs = (d: Data): number => (d.asOf === undefined ? DEFAULT_AS_OF_MS : Date.parse(d.asOf));
/** The calendar date in Hà Nội (UTC+7, no daylight saving) of an instant. */
const hanoiDate = (ms: number): string => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const TOL = 1e-9;

/** Pairs each entity of `after` with the same entity of `before` (the agency with the agency). */
function pairs(before: ScoreSheet, after: ScoreSheet): [EntityScore, EntityScore][] {
  const out: [EntityScore, EntityScore][] = [[before.agency, after.agency]];
  for (const b of before.units) {
    const a = after.units.find((u) => u.unitId === b.unitId);
    if (a === undefined) throw new Error(`unit ${b.unitId} disappeared`);
    out.push([b, a]);
  }
  return out;
}

function expectNotLower(before: EntityScore, after: EntityScore, metrics: readonly Metric[]) {
  for (const m of metrics) {
    const b = before.metrics[m].value;
    const a = after.metrics[m].value;
    if (b === undefined) expect(a).toBeUndefined();
    else {
      expect(a).toBeDefined();
      expect(a ?? Number.NaN).toBeGreaterThanOrEqual(b - TOL);
    }
  }
}

const RUNS = { numRuns: 150 };

describe("scoring properties", () => {
  it("metrics stay in [0, 1] (budget execution ≥ 0); points stay in [0, maxPoints] at every node", () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        const s = score(d);
        for (const e of entities(s)) {
          for (const m of Object.values(e.metrics)) {
            expect(m.numerator).toBeGreaterThanOrEqual(0);
            expect(m.denominator).toBeGreaterThanOrEqual(0);
            if (m.denominator === 0) expect(m.value).toBeUndefined();
            if (m.value === undefined) continue;
            expect(m.value).toBeGreaterThanOrEqual(0);
            if (m.metric !== "budget-execution") expect(m.value).toBeLessThanOrEqual(1 + TOL);
          }
          for (const n of allNodes(e.nodes)) {
            expect(n.points).toBeGreaterThanOrEqual(0);
            expect(n.points).toBeLessThanOrEqual(n.maxPoints + TOL);
            if (!n.applicable) expect(n.points).toBe(0);
          }
          expect(e.points).toBeGreaterThanOrEqual(0);
          expect(e.points).toBeLessThanOrEqual(e.maxPoints + TOL);
          expect(e.percent).toBeGreaterThanOrEqual(0);
          expect(e.percent).toBeLessThanOrEqual(100);
        }
        for (const u of [...s.units, s.agency]) {
          expect(u.forecast.elapsed).toBeGreaterThanOrEqual(0);
          expect(u.forecast.elapsed).toBeLessThanOrEqual(1);
          expect(u.forecast.percent).toBeGreaterThanOrEqual(0);
          expect(u.forecast.percent).toBeLessThanOrEqual(100);
          const pc = u.forecast.planCompletion;
          if (pc !== undefined) expect(pc).toBeLessThanOrEqual(1 + TOL);
        }
        // Unit-level: the agency-only criterion never applies; ranks are 1-based and non-decreasing.
        for (const [i, u] of s.units.entries()) {
          const tt41 = allNodes(u.nodes).find((n) => n.nodeId === "tt.4.1");
          expect(tt41?.applicable).toBe(false);
          expect(u.rank).toBeGreaterThanOrEqual(1);
          expect(u.rank).toBeLessThanOrEqual(i + 1);
          const prev = s.units[i - 1];
          if (prev) expect(prev.percent).toBeGreaterThanOrEqual(u.percent);
        }
      }),
      RUNS,
    );
  });

  it("a budget execution above 1 only when more was spent than planned", () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        for (const e of entities(score(d))) {
          const b = e.metrics["budget-execution"];
          if (b.value !== undefined && b.value > 1) expect(b.numerator).toBeGreaterThan(b.denominator);
        }
      }),
      RUNS,
    );
  });

  it("adding a record never lowers completion, activities done, channels, content, nor any points", () => {
    const withExtra = dataArb.chain((d) =>
      fc.record({ d: fc.constant(d), extra: recordArb(d.activities, "kq-them") }),
    );
    fc.assert(
      fc.property(withExtra, ({ d, extra }) => {
        const before = score(d);
        const after = score({ ...d, records: [...d.records, extra] });
        for (const [b, a] of pairs(before, after)) {
          expectNotLower(b, a, [
            "plan-completion",
            "activities-done",
            "channel-diversity",
            "content-coverage",
          ]);
          expect(a.maxPoints).toBe(b.maxPoints);
          expect(a.points).toBeGreaterThanOrEqual(b.points - TOL);
        }
        expect(after.units.map((u) => u.unitId).sort()).toEqual(before.units.map((u) => u.unitId).sort());
      }),
      RUNS,
    );
  });

  it("an extra on-time report never lowers the reporting metrics, participation, nor any points", () => {
    const withReport = dataArb.chain((d) =>
      fc.record({
        d: fc.constant(d),
        unit: fc.constantFrom(...REPORTERS),
        period: fc.constantFrom(...PERIODS),
        minutesEarly: fc.integer({ min: 0, max: 30 * 1440 }),
      }),
    );
    fc.assert(
      fc.property(withReport, ({ d, unit, period, minutesEarly }) => {
        const extra: UnitReport = {
          id: "bc-them",
          unitId: unit,
          periodId: period.id,
          submittedAt: new Date(Date.parse(period.dueAt) - minutesEarly * 60_000).toISOString(),
          activityIds: [],
        };
        const before = score(d);
        const after = score({ ...d, reports: [...d.reports, extra] });
        for (const [b, a] of pairs(before, after)) {
          expectNotLower(b, a, ["reporting-rate", "on-time-reporting-rate", "unit-participation"]);
          expect(a.points).toBeGreaterThanOrEqual(b.points - TOL);
        }
      }),
      RUNS,
    );
  });

  it("counts: every record and report is either counted or counted apart as after the as-of", () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        const s = score(d);
        const ms = asOfMs(d);
        const day = hanoiDate(ms);
        const recordsLater = d.records.filter((r) => r.date > day).length;
        const reportsLater = d.reports.filter((r) => Date.parse(r.submittedAt) > ms).length;
        expect(s.counts).toEqual({
          activities: d.activities.length,
          records: d.records.length - recordsLater,
          reports: d.reports.length - reportsLater,
          recordsAfterAsOf: recordsLater,
          reportsAfterAsOf: reportsLater,
        });
      }),
      RUNS,
    );
  });

  it("scores the tasked units and those with activities; participation counts records and reports by the as-of", () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        const s = score(d);
        const expected = new Set<string>([...TASKED, ...d.activities.map((a) => a.unitId)]);
        expect(s.units.map((u) => u.unitId).sort()).toEqual([...expected].sort());
        const ms = asOfMs(d);
        const day = hanoiDate(ms);
        const took = new Set<string>([
          ...d.records.filter((r) => r.date <= day).map((r) => r.unitId),
          ...d.reports.filter((r) => Date.parse(r.submittedAt) <= ms).map((r) => r.unitId),
        ]);
        const participating = [...expected].filter((id) => took.has(id)).length;
        expect(s.agency.metrics["unit-participation"]).toMatchObject({
          numerator: participating,
          denominator: expected.size,
        });
        for (const u of s.units)
          expect(u.metrics["unit-participation"]).toMatchObject({
            numerator: took.has(u.unitId) ? 1 : 0,
            denominator: 1,
          });
      }),
      RUNS,
    );
  });

  it("a report submitted after the as-of changes no score, only counts.reportsAfterAsOf", () => {
    const withLate = dataArb.chain((d) =>
      fc.record({
        d: fc.constant(d),
        unit: fc.constantFrom(...UNITS, T.phapChe),
        period: fc.constantFrom(...PERIODS),
        minutesLate: fc.integer({ min: 1, max: 60 * 1440 }),
      }),
    );
    fc.assert(
      fc.property(withLate, ({ d, unit, period, minutesLate }) => {
        const extra: UnitReport = {
          id: "bc-muon",
          unitId: unit,
          periodId: period.id,
          submittedAt: new Date(asOfMs(d) + minutesLate * 60_000).toISOString(),
          activityIds: [],
        };
        const before = score(d);
        const after = score({ ...d, reports: [...d.reports, extra] });
        expect(after.units).toEqual(before.units);
        expect(after.agency).toEqual(before.agency);
        expect(after.counts).toEqual({
          ...before.counts,
          reportsAfterAsOf: before.counts.reportsAfterAsOf + 1,
        });
      }),
      RUNS,
    );
  });

  it("manual scores: the last entry for the node and unit decides, clamped to [0, 0.5]", () => {
    const withEntry = dataArb.chain((d) =>
      fc.record({
        d: fc.constant(d),
        last: manualArb.map((ms) => ms[0]),
      }),
    );
    fc.assert(
      fc.property(withEntry, ({ d, last }) => {
        const manualScores: ManualScore[] =
          last === undefined
            ? d.manualScores
            : [
                ...d.manualScores,
                {
                  nodeId: "tt.4.2",
                  ...(last.unit === undefined ? {} : { unitId: last.unit }),
                  ...(last.selfAssessed === undefined ? {} : { selfAssessed: last.selfAssessed }),
                  ...(last.appraised === undefined ? {} : { appraised: last.appraised }),
                },
              ];
        const s = score({ ...d, manualScores });
        for (const e of entities(s)) {
          let entry: ManualScore | undefined;
          for (const m of manualScores) if ((m.unitId ?? null) === e.unitId) entry = m;
          const raw = entry?.appraised ?? entry?.selfAssessed ?? 0;
          const expected = Math.min(0.5, Math.max(0, raw));
          const n = nodeScore(e.nodes, "tt.4.2");
          // Points are rounded to 4 decimals.
          expect(Math.abs(n.points - expected)).toBeLessThanOrEqual(5e-5 + 1e-12);
          if (entry === undefined) expect(n.explanation.manual).toBeUndefined();
          else expect(n.explanation.manual).toBe(entry);
        }
      }),
      RUNS,
    );
  });

  it("at the end of the year the forecast is the score", () => {
    fc.assert(
      fc.property(dataArb, (d) => {
        const s = score({ ...d, asOf: undefined });
        for (const u of [...s.units, s.agency]) {
          expect(u.forecast.elapsed).toBe(1);
          expect(u.forecast.points).toBe(u.points);
          expect(u.forecast.percent).toBe(u.percent);
        }
      }),
      { numRuns: 50 },
    );
  });
});
