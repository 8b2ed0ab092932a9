/**
 * docs/adapters.md — a storage adapter that wraps another one: every write is passed to the inner
 * store, and once it succeeded it is written to the agency's audit trail ("who changed the plan,
 * when" is a question agencies are asked). It provides the same `Storage` service, so the storage
 * contract suite runs against it unchanged.
 */
import { Storage, type StorageService } from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";

/** One line of the audit trail. */
export interface AuditEntry {
  readonly agencyId: string;
  readonly operation:
    | "savePlan"
    | "saveUnit"
    | "saveActivity"
    | "insertRecords"
    | "updateRecord"
    | "submitReport";
  readonly id: string;
  readonly version?: number;
}

/** Wraps a storage service: reads go straight through, successful writes are audited. */
export function audited(inner: StorageService, audit: (entry: AuditEntry) => void): StorageService {
  const log = (entry: AuditEntry) => Effect.sync(() => audit(entry));
  return {
    ...inner,
    savePlan: (a, plan, v) =>
      inner
        .savePlan(a, plan, v)
        .pipe(
          Effect.tap((s) => log({ agencyId: a, operation: "savePlan", id: plan.id, version: s.version })),
        ),
    saveUnit: (a, unit, v) =>
      inner
        .saveUnit(a, unit, v)
        .pipe(
          Effect.tap((s) => log({ agencyId: a, operation: "saveUnit", id: unit.id, version: s.version })),
        ),
    saveActivity: (a, p, activity, v) =>
      inner
        .saveActivity(a, p, activity, v)
        .pipe(
          Effect.tap((s) =>
            log({ agencyId: a, operation: "saveActivity", id: activity.id, version: s.version }),
          ),
        ),
    // Pass every argument on: `options` ({ existing: "skip" } when an ingest resumes) matters.
    insertRecords: (a, p, records, options) =>
      inner
        .insertRecords(a, p, records, options)
        .pipe(Effect.tap((n) => log({ agencyId: a, operation: "insertRecords", id: `${p}:${n}` }))),
    updateRecord: (a, p, record, v) =>
      inner
        .updateRecord(a, p, record, v)
        .pipe(
          Effect.tap((s) =>
            log({ agencyId: a, operation: "updateRecord", id: record.id, version: s.version }),
          ),
        ),
    submitReport: (a, p, report) =>
      inner
        .submitReport(a, p, report)
        .pipe(Effect.tap(() => log({ agencyId: a, operation: "submitReport", id: report.id }))),
  };
}

/** The Layer: reads the inner `Storage` and provides the audited one in its place. */
export const AuditedStorage = {
  layer: <E>(inner: Layer.Layer<Storage, E>, audit: (entry: AuditEntry) => void): Layer.Layer<Storage, E> =>
    Layer.effect(
      Storage,
      Effect.gen(function* () {
        return audited(yield* Storage, audit);
      }),
    ).pipe(Layer.provide(inner)),
};
