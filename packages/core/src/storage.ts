/**
 * The storage port: what the library needs from a database, as an Effect service. Every call is
 * scoped to an agency (tenant) and nothing crosses agencies; updates carry the version they were
 * based on, and a stale one fails with `VersionConflict` instead of overwriting. Adapters (memory
 * here, PGlite and PostgreSQL in their own packages) implement it and run the shared contract suite
 * of `@cchc/testing`.
 */
import * as Context from "effect/Context";
import type * as Effect from "effect/Effect";
import type * as Stream from "effect/Stream";
import type { AppraisalEntry, AppraisalEvent, AppraisalRound, EntryFilter } from "./appraisal/model.js";
import type { Plan, Unit } from "./plan.js";
import type { ScoreSheet } from "./scoring.js";
import type { NotFound, StorageError, VersionConflict } from "./storageErrors.js";
import type { Activity, ActualRecord, UnitReport } from "./tracking.js";

/** A stored value with the version to send back with the next update. */
export interface Versioned<T> {
  readonly value: T;
  /** 1 for the first save, +1 on every update. */
  readonly version: number;
  /** ISO instant of the save. */
  readonly savedAt: string;
}

/** One line of a plan list. */
export interface PlanSummary {
  readonly planId: string;
  readonly year: number;
  readonly title: string;
  readonly version: number;
  readonly savedAt: string;
}

/** A plan of a tree query: its latest version, the plan it names as parent, its depth under the root. */
export interface PlanTreeEntry {
  readonly plan: Versioned<Plan>;
  /** `plan.parent.planId`; absent for a root without parent. */
  readonly parentPlanId?: string;
  /** 0 for the plan asked for, 1 for its sub-plans, 2 for theirs… */
  readonly depth: number;
}

/** Filters of record queries; all optional, combined with AND. */
export interface RecordFilter {
  readonly unitId?: string;
  readonly activityId?: string;
  /** Inclusive ISO dates. */
  readonly from?: string;
  readonly to?: string;
}

/** Filters of report queries. */
export interface ReportFilter {
  readonly unitId?: string;
  readonly periodId?: string;
}

/**
 * What `insertRecords` does with a record whose id is already stored for the plan: `"fail"` (the
 * default) fails the whole call with `VersionConflict`; `"skip"` leaves the stored record as it is
 * when it is the same record (every field equal, see `sameRecord`) and does not count it, and still
 * fails when it differs. "skip" makes re-sending a batch harmless: it is how an interrupted ingest
 * resumes.
 */
export type ExistingRecords = "fail" | "skip";

/** Options of `insertRecords`. */
export interface InsertRecordsOptions {
  /** Default "fail". */
  readonly existing?: ExistingRecords;
}

/** A page of records in id order; pass `after` the last id to get the next page. */
export interface RecordPage {
  readonly after?: string;
  readonly limit: number;
}

/** The operations every storage adapter provides. */
export interface StorageService {
  /** Creates a plan (`expectedVersion` null: fails if it exists) or updates it (must be current). */
  readonly savePlan: (
    agencyId: string,
    plan: Plan,
    expectedVersion: number | null,
  ) => Effect.Effect<Versioned<Plan>, VersionConflict | StorageError>;
  /** The current plan, or one version of its history. */
  readonly getPlan: (
    agencyId: string,
    planId: string,
    version?: number,
  ) => Effect.Effect<Versioned<Plan>, NotFound | StorageError>;
  /** One line per plan of the agency, for pickers and overviews that must not load whole plans. */
  readonly listPlans: (agencyId: string) => Effect.Effect<readonly PlanSummary[], StorageError>;
  /**
   * A plan and every plan of its year under it (the plans naming it as `parent`, theirs, and so
   * on), each at its latest version: the root first, then level by level, each level in id order. Each plan
   * comes once, so parent links that loop cannot loop the query. `NotFound` when the root is not
   * stored. The parent's lead reads a whole province (or country) of plans with one call.
   */
  readonly planTree: (
    agencyId: string,
    planId: string,
  ) => Effect.Effect<readonly PlanTreeEntry[], NotFound | StorageError>;
  /** Every saved version, oldest first. */
  readonly planHistory: (
    agencyId: string,
    planId: string,
  ) => Effect.Effect<readonly Versioned<Plan>[], NotFound | StorageError>;

  /** The agency's unit registry (units outlive a plan year). */
  readonly saveUnit: (
    agencyId: string,
    unit: Unit,
    expectedVersion: number | null,
  ) => Effect.Effect<Versioned<Unit>, VersionConflict | StorageError>;
  /** The agency's whole unit registry (small: a ministry or province has hundreds, not millions). */
  readonly listUnits: (agencyId: string) => Effect.Effect<readonly Versioned<Unit>[], StorageError>;

  /** Creates or updates an activity a unit runs under the plan, guarded by its version like a plan. */
  readonly saveActivity: (
    agencyId: string,
    planId: string,
    activity: Activity,
    expectedVersion: number | null,
  ) => Effect.Effect<Versioned<Activity>, VersionConflict | StorageError>;
  /** The plan's activities, optionally one unit's, for tracking screens and scoring. */
  readonly listActivities: (
    agencyId: string,
    planId: string,
    filter?: { readonly unitId?: string },
  ) => Effect.Effect<readonly Versioned<Activity>[], StorageError>;

  /**
   * Inserts records in ONE transaction: all are written or none. An id already stored (or repeated
   * in `records`) fails the whole call with `VersionConflict` for the first such record, unless
   * `existing: "skip"` and it is the same record. Returns how many were inserted (with "skip",
   * `records.length` minus the skipped ones). Bulk ingest calls it once per batch.
   */
  readonly insertRecords: (
    agencyId: string,
    planId: string,
    records: readonly ActualRecord[],
    options?: InsertRecordsOptions,
  ) => Effect.Effect<number, VersionConflict | StorageError>;
  /** Updates a record if `expectedVersion` is current. */
  readonly updateRecord: (
    agencyId: string,
    planId: string,
    record: ActualRecord,
    expectedVersion: number,
  ) => Effect.Effect<Versioned<ActualRecord>, VersionConflict | NotFound | StorageError>;
  /** One record with its version, to edit it and send the version back with `updateRecord`. */
  readonly getRecord: (
    agencyId: string,
    planId: string,
    recordId: string,
  ) => Effect.Effect<Versioned<ActualRecord>, NotFound | StorageError>;
  /**
   * Records in id order, a page at a time (keyset pagination: stable under concurrent inserts).
   * "Id order" everywhere in the port is Unicode code point order (`compareIds`), which is also
   * the byte order of UTF-8 and PostgreSQL's "C" collation.
   */
  readonly listRecords: (
    agencyId: string,
    planId: string,
    filter: RecordFilter,
    page: RecordPage,
  ) => Effect.Effect<readonly Versioned<ActualRecord>[], StorageError>;
  /** How many records match, without reading them (progress bars, page counts). */
  readonly countRecords: (
    agencyId: string,
    planId: string,
    filter?: RecordFilter,
  ) => Effect.Effect<number, StorageError>;
  /** Every matching record, streamed in id order so scoring reads a national table in flat memory. */
  readonly streamRecords: (
    agencyId: string,
    planId: string,
    filter?: RecordFilter,
  ) => Stream.Stream<ActualRecord, StorageError>;

  /** Stores a submitted report; a report id already used fails with `VersionConflict`. */
  readonly submitReport: (
    agencyId: string,
    planId: string,
    report: UnitReport,
  ) => Effect.Effect<Versioned<UnitReport>, VersionConflict | StorageError>;
  /** The submitted reports, to see who reported which period (and who did not). */
  readonly listReports: (
    agencyId: string,
    planId: string,
    filter?: ReportFilter,
  ) => Effect.Effect<readonly Versioned<UnitReport>[], StorageError>;

  /** Keeps a score sheet (every run is kept; the latest is the current one). */
  readonly saveScoreSheet: (
    agencyId: string,
    planId: string,
    sheet: ScoreSheet,
  ) => Effect.Effect<{ readonly id: string; readonly savedAt: string }, StorageError>;
  /** The most recent score sheet: what the agency currently stands at, without scoring again. */
  readonly latestScoreSheet: (
    agencyId: string,
    planId: string,
  ) => Effect.Effect<{ readonly sheet: ScoreSheet; readonly savedAt: string }, NotFound | StorageError>;

  /**
   * Creates (`expectedVersion` null) or updates an appraisal round of the plan (keyed by its
   * period), appending `event` (with the new version filled in) to its history in the same
   * transaction. A stale version fails with `VersionConflict` and writes nothing.
   */
  readonly saveRound: (
    agencyId: string,
    planId: string,
    round: AppraisalRound,
    expectedVersion: number | null,
    event: Omit<AppraisalEvent, "version">,
  ) => Effect.Effect<Versioned<AppraisalRound>, VersionConflict | StorageError>;
  /** The plan's rounds, in period id order. */
  readonly listRounds: (
    agencyId: string,
    planId: string,
  ) => Effect.Effect<readonly Versioned<AppraisalRound>[], StorageError>;
  /**
   * Creates or updates one (unit, manual leaf) entry of a round, appending `event` to its history
   * in the same transaction; a stale version fails with `VersionConflict` and writes nothing.
   */
  readonly saveEntry: (
    agencyId: string,
    planId: string,
    entry: AppraisalEntry,
    expectedVersion: number | null,
    event: Omit<AppraisalEvent, "version">,
  ) => Effect.Effect<Versioned<AppraisalEntry>, VersionConflict | StorageError>;
  /** The plan's entries in entry id order (`entryId`), filtered. */
  readonly listEntries: (
    agencyId: string,
    planId: string,
    filter?: EntryFilter,
  ) => Effect.Effect<readonly Versioned<AppraisalEntry>[], StorageError>;
  /**
   * The history of a round (`roundId`) or an entry (`entryId`), oldest first: appended by every
   * save, never changed (an empty list for an unknown id).
   */
  readonly appraisalHistory: (
    agencyId: string,
    planId: string,
    subject: "round" | "entry",
    subjectId: string,
  ) => Effect.Effect<readonly AppraisalEvent[], StorageError>;
}

/**
 * The order of ids in every list of the port: Unicode code point order (UTF-8 byte order, the
 * "C" collation of PostgreSQL). JavaScript's `<` compares UTF-16 code units instead, which puts
 * characters above U+FFFF before U+E000–U+FFFF; adapters that sort in JavaScript use this.
 */
export function compareIds(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // surrogates (U+D800–U+DFFF: code points above U+FFFF) sort after U+E000–U+FFFF
    return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number): number =>
  unit < 0xd800 ? unit : unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;

/**
 * Whether two records are the same record: every field equal, an absent optional field equal only
 * to an absent one. `insertRecords(…, { existing: "skip" })` skips a stored record only when it is.
 */
export function sameRecord(a: ActualRecord, b: ActualRecord): boolean {
  return (
    a.id === b.id &&
    a.activityId === b.activityId &&
    a.unitId === b.unitId &&
    a.date === b.date &&
    a.output === b.output &&
    a.participants === b.participants &&
    a.costVnd === b.costVnd &&
    a.evidenceUrl === b.evidenceUrl &&
    a.note === b.note
  );
}

/** The storage service tag: `yield* Storage` in an Effect program, provided by an adapter's layer. */
export class Storage extends Context.Service<Storage, StorageService>()("@cchc/core/Storage") {}
