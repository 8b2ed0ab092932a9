/**
 * Scoring straight from the store: the plan, its activities and reports are loaded, and the
 * records are streamed through the scorer, so a national table is scored without loading it.
 */
import * as Effect from "effect/Effect";
import * as Stream from "effect/Stream";
import { storedManualScores } from "./appraisal/service.js";
import { type ScoreOptions, Scorer, type ScoreSheet } from "./scoring.js";
import { Storage } from "./storage.js";
import type { NotFound, StorageError } from "./storageErrors.js";

/**
 * Scores a stored plan for one agency from its stored tracking data. Manual leaves take their
 * points from the stored appraisal rounds (see `manualScoresFromEntries`); entries given in
 * `options.manualScores` come after them, so an explicit entry replaces a stored one.
 */
export function scoreStoredPlan(
  agencyId: string,
  planId: string,
  options: ScoreOptions,
): Effect.Effect<ScoreSheet, NotFound | StorageError, Storage> {
  return Effect.gen(function* () {
    const store = yield* Storage;
    const plan = yield* store.getPlan(agencyId, planId);
    const stored = yield* storedManualScores(agencyId, planId);
    const scorer = new Scorer(plan.value, {
      ...options,
      manualScores: [...stored, ...(options.manualScores ?? [])],
    });
    for (const a of yield* store.listActivities(agencyId, planId)) scorer.addActivity(a.value);
    yield* Stream.runForEach(store.streamRecords(agencyId, planId), (r) =>
      Effect.sync(() => scorer.addRecord(r)),
    );
    for (const r of yield* store.listReports(agencyId, planId)) scorer.addReport(r.value);
    return scorer.result();
  });
}
