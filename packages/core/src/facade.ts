/**
 * The Promise facade, for teams that do not use Effect: the same operations over the same layers,
 * returning promises. Failures reject with the same tagged errors (`VersionConflict`, `NotFound`,
 * `IngestFailed`, `StorageError`), so `err._tag` works in a plain `catch`.
 */
import * as Effect from "effect/Effect";
import type * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import * as Stream from "effect/Stream";
import { type IngestOptions, type IngestResult, ingestRecords } from "./ingest.js";
import type { Plan, Unit } from "./plan.js";
import { scoreStoredPlan } from "./scoreStored.js";
import type { ScoreOptions, ScoreSheet } from "./scoring.js";
import {
  type InsertRecordsOptions,
  type PlanSummary,
  type RecordFilter,
  type RecordPage,
  type ReportFilter,
  Storage,
  type StorageService,
  type Versioned,
} from "./storage.js";
import type { Activity, ActualRecord, UnitReport } from "./tracking.js";

/** Options of `createCchc`. */
export interface CchcOptions {
  /** A storage layer: `MemoryStorage.layer()`, `PgliteStorage.layer(…)`, `PostgresStorage.layer(…)`. */
  readonly storage: Layer.Layer<Storage, unknown>;
}

/** The library behind promises, scoped to one agency per call, as the Effect API is. */
export interface Cchc {
  /** Plans of the agency, versioned: saving a stale version rejects with `VersionConflict`. */
  readonly plans: {
    /** Creates the plan (no `expectedVersion`) or updates it from the version it was read at. */
    save(agencyId: string, plan: Plan, expectedVersion?: number | null): Promise<Versioned<Plan>>;
    /** The current plan, or an older version of it for audits. */
    get(agencyId: string, planId: string, version?: number): Promise<Versioned<Plan>>;
    /** One line per plan, without loading whole plans. */
    list(agencyId: string): Promise<readonly PlanSummary[]>;
    /** Every saved version, oldest first: who changed the plan is a question agencies get asked. */
    history(agencyId: string, planId: string): Promise<readonly Versioned<Plan>[]>;
  };
  /** The agency's unit registry, which outlives any one plan year. */
  readonly units: {
    /** Creates or updates a unit, guarded by its version like a plan. */
    save(agencyId: string, unit: Unit, expectedVersion?: number | null): Promise<Versioned<Unit>>;
    /** Every unit of the agency. */
    list(agencyId: string): Promise<readonly Versioned<Unit>[]>;
  };
  /** What units plan to do under a plan (articles, classes, seminars), versioned. */
  readonly activities: {
    /** Creates or updates an activity, guarded by its version. */
    save(
      agencyId: string,
      planId: string,
      activity: Activity,
      expectedVersion?: number | null,
    ): Promise<Versioned<Activity>>;
    /** The plan's activities, or one unit's. */
    list(
      agencyId: string,
      planId: string,
      filter?: { unitId?: string },
    ): Promise<readonly Versioned<Activity>[]>;
  };
  /** What units actually did: many rows, so paged, counted and streamed rather than listed whole. */
  readonly records: {
    /** One transaction; returns how many were inserted (`existing: "skip"` skips identical ones). */
    insert(
      agencyId: string,
      planId: string,
      records: readonly ActualRecord[],
      options?: InsertRecordsOptions,
    ): Promise<number>;
    /** Corrects one record from the version it was read at. */
    update(
      agencyId: string,
      planId: string,
      record: ActualRecord,
      expectedVersion: number,
    ): Promise<Versioned<ActualRecord>>;
    /** One record with the version to send back with `update`. */
    get(agencyId: string, planId: string, recordId: string): Promise<Versioned<ActualRecord>>;
    /** A page of records in id order; pass the last id as `page.after` for the next page. */
    list(
      agencyId: string,
      planId: string,
      filter: RecordFilter,
      page: RecordPage,
    ): Promise<readonly Versioned<ActualRecord>[]>;
    /** How many records match, without reading them. */
    count(agencyId: string, planId: string, filter?: RecordFilter): Promise<number>;
    /** Streams NDJSON lines into the store, one transaction per batch. */
    ingest(
      agencyId: string,
      planId: string,
      lines: Iterable<string> | AsyncIterable<string>,
      options?: IngestOptions,
    ): Promise<IngestResult>;
    /** Every matching record, as an async iterable. */
    stream(agencyId: string, planId: string, filter?: RecordFilter): AsyncIterable<ActualRecord>;
  };
  /** Periodic reports units submit (Decree 09/2019 periods). */
  readonly reports: {
    /** Stores a submitted report; a report id already used rejects with `VersionConflict`. */
    submit(agencyId: string, planId: string, report: UnitReport): Promise<Versioned<UnitReport>>;
    /** Submitted reports, to see who reported which period and who did not. */
    list(agencyId: string, planId: string, filter?: ReportFilter): Promise<readonly Versioned<UnitReport>[]>;
  };
  /** Score sheets: computed from the store, kept so the current standing is one read away. */
  readonly scores: {
    /** Scores the stored plan from the stored tracking data (records streamed). */
    compute(agencyId: string, planId: string, options: ScoreOptions): Promise<ScoreSheet>;
    /** Keeps a sheet (every run is kept; the latest is the current one). */
    save(agencyId: string, planId: string, sheet: ScoreSheet): Promise<{ id: string; savedAt: string }>;
    /** The most recent sheet, without scoring again. */
    latest(agencyId: string, planId: string): Promise<{ sheet: ScoreSheet; savedAt: string }>;
  };
  /** Releases the store (closes connections, flushes PGlite). */
  close(): Promise<void>;
}

/** Builds the Promise facade over a storage layer; call `close()` when done. */
export async function createCchc(options: CchcOptions): Promise<Cchc> {
  const runtime = ManagedRuntime.make(options.storage);
  const store: StorageService = await runtime.runPromise(Effect.service(Storage));
  const run = <A, E>(effect: Effect.Effect<A, E, Storage>): Promise<A> => runtime.runPromise(effect);
  const direct = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => runtime.runPromise(effect);
  return {
    plans: {
      save: (a, plan, v = null) => direct(store.savePlan(a, plan, v)),
      get: (a, p, version) => direct(store.getPlan(a, p, version)),
      list: (a) => direct(store.listPlans(a)),
      history: (a, p) => direct(store.planHistory(a, p)),
    },
    units: {
      save: (a, unit, v = null) => direct(store.saveUnit(a, unit, v)),
      list: (a) => direct(store.listUnits(a)),
    },
    activities: {
      save: (a, p, activity, v = null) => direct(store.saveActivity(a, p, activity, v)),
      list: (a, p, filter) => direct(store.listActivities(a, p, filter)),
    },
    records: {
      insert: (a, p, records, o) => direct(store.insertRecords(a, p, records, o)),
      update: (a, p, record, v) => direct(store.updateRecord(a, p, record, v)),
      get: (a, p, id) => direct(store.getRecord(a, p, id)),
      list: (a, p, filter, page) => direct(store.listRecords(a, p, filter, page)),
      count: (a, p, filter) => direct(store.countRecords(a, p, filter)),
      ingest: (a, p, lines, o) => run(ingestRecords(a, p, lines, o)),
      stream: (a, p, filter) => Stream.toAsyncIterable(store.streamRecords(a, p, filter)),
    },
    reports: {
      submit: (a, p, report) => direct(store.submitReport(a, p, report)),
      list: (a, p, filter) => direct(store.listReports(a, p, filter)),
    },
    scores: {
      compute: (a, p, o) => run(scoreStoredPlan(a, p, o)),
      save: (a, p, sheet) => direct(store.saveScoreSheet(a, p, sheet)),
      latest: (a, p) => direct(store.latestScoreSheet(a, p)),
    },
    close: () => runtime.dispose(),
  };
}
