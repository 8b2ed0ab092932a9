/**
 * The in-memory storage adapter: the same contract as the database adapters, for tests, demos and
 * quick starts. Values are copied in and out as JSON, as a database would, so a caller can never
 * change what is stored by mutating an object it holds.
 */
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as Stream from "effect/Stream";
import { makeMemoryAppraisal } from "./appraisal/memoryAppraisal.js";
import type { Plan, Unit } from "./plan.js";
import { planTreeEntries } from "./planTree/treeEntries.js";
import type { ScoreSheet } from "./scoring.js";
import {
  compareIds,
  type PlanSummary,
  type RecordFilter,
  Storage,
  type StorageService,
  sameRecord,
  type Versioned,
} from "./storage.js";
import { NotFound, type StoredEntity, VersionConflict } from "./storageErrors.js";
import type { Activity, ActualRecord, UnitReport } from "./tracking.js";

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

interface Tenant {
  readonly plans: Map<string, Versioned<Plan>[]>;
  readonly units: Map<string, Versioned<Unit>>;
  readonly activities: Map<string, Map<string, Versioned<Activity>>>;
  readonly records: Map<string, Map<string, Versioned<ActualRecord>>>;
  readonly reports: Map<string, Map<string, Versioned<UnitReport>>>;
  readonly sheets: Map<string, { sheet: ScoreSheet; savedAt: string; id: string }[]>;
}

const now = Effect.map(Clock.currentTimeMillis, (ms) => new Date(Number(ms)).toISOString());

const bucket = <V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> => {
  let b = map.get(key);
  if (!b) {
    b = new Map();
    map.set(key, b);
  }
  return b;
};

function matches(r: ActualRecord, f: RecordFilter): boolean {
  return (
    (f.unitId === undefined || r.unitId === f.unitId) &&
    (f.activityId === undefined || r.activityId === f.activityId) &&
    (f.from === undefined || r.date >= f.from) &&
    (f.to === undefined || r.date <= f.to)
  );
}

/** Builds an in-memory `StorageService`; each call gives an empty, independent store. */
export function makeMemoryStorage(): StorageService {
  const tenants = new Map<string, Tenant>();
  const tenant = (agencyId: string): Tenant => {
    let t = tenants.get(agencyId);
    if (!t) {
      t = {
        plans: new Map(),
        units: new Map(),
        activities: new Map(),
        records: new Map(),
        reports: new Map(),
        sheets: new Map(),
      };
      tenants.set(agencyId, t);
    }
    return t;
  };
  /** Create-or-update with optimistic concurrency, shared by units and activities. */
  const saveVersioned = <T>(
    map: Map<string, Versioned<T>>,
    entity: StoredEntity,
    id: string,
    value: T,
    expectedVersion: number | null,
  ) =>
    Effect.flatMap(now, (savedAt) => {
      const current = map.get(id);
      if ((current?.version ?? null) !== expectedVersion)
        return Effect.fail(
          new VersionConflict({ entity, id, expected: expectedVersion, actual: current?.version ?? null }),
        );
      const next = { value: copy(value), version: (current?.version ?? 0) + 1, savedAt };
      map.set(id, next);
      return Effect.succeed(copy(next));
    });

  const recordsOf = (agencyId: string, planId: string) => bucket(tenant(agencyId).records, planId);
  const sortedRecords = (agencyId: string, planId: string, filter: RecordFilter) =>
    [...recordsOf(agencyId, planId).values()]
      .filter((r) => matches(r.value, filter))
      .sort((a, b) => compareIds(a.value.id, b.value.id));

  return {
    ...makeMemoryAppraisal(),
    savePlan: (agencyId, plan, expectedVersion) =>
      Effect.flatMap(now, (savedAt) => {
        const history = tenant(agencyId).plans.get(plan.id) ?? [];
        const actual = history.at(-1)?.version ?? null;
        if (actual !== expectedVersion)
          return Effect.fail(
            new VersionConflict({ entity: "plan", id: plan.id, expected: expectedVersion, actual }),
          );
        const next = { value: copy(plan), version: (actual ?? 0) + 1, savedAt };
        tenant(agencyId).plans.set(plan.id, [...history, next]);
        return Effect.succeed(copy(next));
      }),
    getPlan: (agencyId, planId, version) => {
      const history = tenant(agencyId).plans.get(planId) ?? [];
      const found = version === undefined ? history.at(-1) : history.find((v) => v.version === version);
      return found ? Effect.succeed(copy(found)) : Effect.fail(new NotFound({ entity: "plan", id: planId }));
    },
    listPlans: (agencyId) =>
      Effect.succeed(
        [...tenant(agencyId).plans.values()]
          .flatMap((h): PlanSummary[] => {
            const last = h.at(-1);
            return last
              ? [
                  {
                    planId: last.value.id,
                    year: last.value.year,
                    title: last.value.title,
                    version: last.version,
                    savedAt: last.savedAt,
                  },
                ]
              : [];
          })
          .sort((a, b) => compareIds(a.planId, b.planId)),
      ),
    planTree: (agencyId, planId) => {
      const latest = [...tenant(agencyId).plans.values()].flatMap((h) => h.slice(-1));
      const entries = planTreeEntries(planId, latest);
      return entries
        ? Effect.succeed(copy(entries))
        : Effect.fail(new NotFound({ entity: "plan", id: planId }));
    },
    planHistory: (agencyId, planId) => {
      const history = tenant(agencyId).plans.get(planId);
      return history
        ? Effect.succeed(copy(history))
        : Effect.fail(new NotFound({ entity: "plan", id: planId }));
    },
    saveUnit: (agencyId, unit, expectedVersion) =>
      saveVersioned(tenant(agencyId).units, "unit", unit.id, unit, expectedVersion),
    listUnits: (agencyId) =>
      Effect.succeed(
        copy([...tenant(agencyId).units.values()].sort((a, b) => compareIds(a.value.id, b.value.id))),
      ),
    saveActivity: (agencyId, planId, activity, expectedVersion) =>
      saveVersioned(
        bucket(tenant(agencyId).activities, planId),
        "activity",
        activity.id,
        activity,
        expectedVersion,
      ),
    listActivities: (agencyId, planId, filter) =>
      Effect.succeed(
        copy(
          [...bucket(tenant(agencyId).activities, planId).values()]
            .filter((a) => filter?.unitId === undefined || a.value.unitId === filter.unitId)
            .sort((a, b) => compareIds(a.value.id, b.value.id)),
        ),
      ),
    insertRecords: (agencyId, planId, records, options) =>
      Effect.flatMap(now, (savedAt) => {
        const map = recordsOf(agencyId, planId);
        const skip = options?.existing === "skip";
        // staged first, so a failure writes nothing
        const staged = new Map<string, ActualRecord>();
        for (const r of records) {
          const earlier = staged.get(r.id) ?? map.get(r.id)?.value;
          if (earlier === undefined) {
            staged.set(r.id, r);
            continue;
          }
          if (skip && sameRecord(earlier, r)) continue;
          return Effect.fail(
            new VersionConflict({
              entity: "record",
              id: r.id,
              expected: null,
              actual: map.get(r.id)?.version ?? 1,
            }),
          );
        }
        for (const r of staged.values()) map.set(r.id, { value: copy(r), version: 1, savedAt });
        return Effect.succeed(staged.size);
      }),
    updateRecord: (agencyId, planId, record, expectedVersion) => {
      const map = recordsOf(agencyId, planId);
      if (!map.has(record.id)) return Effect.fail(new NotFound({ entity: "record", id: record.id }));
      return saveVersioned(map, "record", record.id, record, expectedVersion);
    },
    getRecord: (agencyId, planId, recordId) => {
      const found = recordsOf(agencyId, planId).get(recordId);
      return found
        ? Effect.succeed(copy(found))
        : Effect.fail(new NotFound({ entity: "record", id: recordId }));
    },
    listRecords: (agencyId, planId, filter, page) =>
      Effect.succeed(
        copy(
          sortedRecords(agencyId, planId, filter)
            .filter((r) => page.after === undefined || compareIds(r.value.id, page.after) > 0)
            .slice(0, Math.max(0, page.limit)),
        ),
      ),
    countRecords: (agencyId, planId, filter) =>
      Effect.succeed(sortedRecords(agencyId, planId, filter ?? {}).length),
    streamRecords: (agencyId, planId, filter) =>
      Stream.suspend(() =>
        Stream.fromIterable(sortedRecords(agencyId, planId, filter ?? {}).map((r) => copy(r.value))),
      ),
    submitReport: (agencyId, planId, report) =>
      saveVersioned(bucket(tenant(agencyId).reports, planId), "report", report.id, report, null),
    listReports: (agencyId, planId, filter) =>
      Effect.succeed(
        copy(
          [...bucket(tenant(agencyId).reports, planId).values()]
            .filter(
              (r) =>
                (filter?.unitId === undefined || r.value.unitId === filter.unitId) &&
                (filter?.periodId === undefined || r.value.periodId === filter.periodId),
            )
            .sort((a, b) => compareIds(a.value.id, b.value.id)),
        ),
      ),
    saveScoreSheet: (agencyId, planId, sheet) =>
      Effect.map(now, (savedAt) => {
        const list = tenant(agencyId).sheets.get(planId) ?? [];
        const id = String(list.length + 1);
        tenant(agencyId).sheets.set(planId, [...list, { sheet: copy(sheet), savedAt, id }]);
        return { id, savedAt };
      }),
    latestScoreSheet: (agencyId, planId) => {
      const last = tenant(agencyId).sheets.get(planId)?.at(-1);
      return last
        ? Effect.succeed({ sheet: copy(last.sheet), savedAt: last.savedAt })
        : Effect.fail(new NotFound({ entity: "score-sheet", id: planId }));
    },
  };
}

/** Layers of the in-memory adapter. */
export const MemoryStorage = {
  /** A fresh, empty in-memory store each time the layer is built. */
  layer: (): Layer.Layer<Storage> => Layer.sync(Storage, makeMemoryStorage),
};
