/**
 * docs/effect-and-promise.md — the Effect way: one program over services (`Storage`, `Outbox`,
 * `Exporter`, `Notifier`), the adapters chosen once as layers, typed errors in the signature.
 */
import {
  computeReminders,
  drainOutbox,
  Exporter,
  ingestRecords,
  type MemoryNotifier,
  MemoryNotifierLayer,
  Outbox,
  PAR_COMMUNICATION_PRESET,
  reminderNotification,
  Storage,
  scoreStoredPlan,
} from "@cchc/core";
import { DocxExporter } from "@cchc/export-docx";
import { PgliteStorage } from "@cchc/storage-pglite";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { AGENCY, type DatasetFolder, type Outcome, REMIND_AT } from "./dataset.js";

/** The whole task as one program; its type lists every error it can fail with. */
export const task = (data: DatasetFolder) =>
  Effect.gen(function* () {
    const store = yield* Storage;
    const { plan } = data;

    // 1. Lưu kế hoạch / save the plan (null: create; a number: update from that version)
    const saved = yield* store.savePlan(AGENCY, plan, null);
    // Lỗi có kiểu / a typed error: a second create fails with VersionConflict, caught by its tag
    const conflict = yield* store.savePlan(AGENCY, plan, null).pipe(
      Effect.as("none"),
      Effect.catchTag("VersionConflict", (e) => Effect.succeed(e._tag)),
    );

    // 2. Nạp dữ liệu / ingest: activities first, then the record lines streamed in batches
    for (const a of data.activities) yield* store.saveActivity(AGENCY, plan.id, a, null);
    const ingest = yield* ingestRecords(AGENCY, plan.id, data.recordLines(), { batchSize: 1_000 });
    for (const r of data.reports) yield* store.submitReport(AGENCY, plan.id, r);

    // 3. Chấm điểm từ kho / score from the store (records streamed), and keep the sheet
    const sheet = yield* scoreStoredPlan(AGENCY, plan.id, { scheme: PAR_COMMUNICATION_PRESET });
    yield* store.saveScoreSheet(AGENCY, plan.id, sheet);

    // 4. Xuất DOCX / export the score sheet as DOCX through the Exporter service
    const exporter = yield* Exporter;
    const file = yield* exporter.export(
      { kind: "score-sheet", plan, sheet },
      { number: "15/BC-BTTTT", place: "Hà Nội", date: "2018-12-20" },
    );

    // 5. Nhắc báo cáo / enqueue the reminders due that morning, then deliver them
    const outbox = yield* Outbox;
    const reports = (yield* store.listReports(AGENCY, plan.id)).map((r) => r.value);
    const { due } = computeReminders(plan, reports, { now: REMIND_AT, agencyId: AGENCY });
    const queued = yield* outbox.enqueue(AGENCY, due.map(reminderNotification));
    const sent = yield* drainOutbox({ agencyId: AGENCY });

    return {
      planVersion: saved.version,
      conflict,
      ingested: ingest.inserted,
      batches: ingest.batches,
      percent: sheet.agency.percent,
      topUnit: sheet.units[0]?.name ?? "",
      docx: { fileName: file.fileName, bytes: file.bytes },
      enqueued: queued.added.length,
      delivered: sent.delivered,
    } satisfies Outcome;
  });

/**
 * Chọn bộ điều hợp một lần / the adapters, chosen once: PGlite gives Storage AND Outbox from one
 * database; swap in `PostgresStorage.layer(…)` or `EmailNotifier.layer(…)` without touching `task`.
 */
export const layers = (dataDir: string, notifier: MemoryNotifier) =>
  Layer.mergeAll(PgliteStorage.layer({ dataDir }), DocxExporter.layer(), MemoryNotifierLayer.layer(notifier));

/** Runs the task; the layers (PGlite) are released when it ends, whether it succeeds or fails. */
export function runEffectWay(
  data: DatasetFolder,
  dataDir: string,
  notifier: MemoryNotifier,
): Promise<Outcome> {
  return Effect.runPromise(task(data).pipe(Effect.provide(layers(dataDir, notifier))));
}

/**
 * Renames a stored plan from the version the user was editing. Two failures become answers for the
 * user; `StorageError` (the database itself) stays in the type for the caller to handle.
 */
export const renamePlan = (planId: string, title: string, editedVersion: number) =>
  Effect.gen(function* () {
    const store = yield* Storage;
    const current = yield* store.getPlan(AGENCY, planId); // NotFound | StorageError
    const saved = yield* store.savePlan(AGENCY, { ...current.value, title }, editedVersion); // VersionConflict | StorageError
    return `đã lưu phiên bản ${saved.version} / saved as version ${saved.version}`;
  }).pipe(
    Effect.catchTags({
      VersionConflict: (e) =>
        Effect.succeed(
          `có người đã sửa (phiên bản ${e.actual}), tải lại / changed meanwhile (v${e.actual}), reload`,
        ),
      NotFound: (e) => Effect.succeed(`không có kế hoạch ${e.id} / no plan ${e.id}`),
    }),
  );
// renamePlan(…): Effect<string, StorageError, Storage>
