/**
 * docs/effect-and-promise.md — the Promise way: the same task with `createCchc`,
 * `createDispatcher` and `exportDocx`; the same tagged errors reach a plain `catch`.
 */
import {
  type Cchc,
  computeReminders,
  createCchc,
  createDispatcher,
  type MemoryNotifier,
  MemoryNotifierLayer,
  NotFound,
  PAR_COMMUNICATION_PRESET,
  type UnitReport,
  VersionConflict,
} from "@cchc/core";
import { exportDocx } from "@cchc/export-docx";
import { PgliteStorage } from "@cchc/storage-pglite";
import { AGENCY, type DatasetFolder, type Outcome, REMIND_AT } from "./dataset.js";

export async function runPromiseWay(
  data: DatasetFolder,
  dataDir: string,
  notifier: MemoryNotifier,
): Promise<Outcome> {
  const { plan } = data;
  const cchc = await createCchc({ storage: PgliteStorage.layer({ dataDir }) });
  let result: Omit<Outcome, "enqueued" | "delivered">;
  let reports: UnitReport[] = [];
  try {
    // 1. Lưu kế hoạch / save the plan
    const saved = await cchc.plans.save(AGENCY, plan);
    let conflict = "none";
    try {
      await cchc.plans.save(AGENCY, plan); // tạo lần hai / a second create
    } catch (e) {
      if (e instanceof VersionConflict)
        conflict = e._tag; // "VersionConflict"; e.message is bilingual
      else throw e;
    }

    // 2. Nạp dữ liệu / ingest
    for (const a of data.activities) await cchc.activities.save(AGENCY, plan.id, a);
    const ingest = await cchc.records.ingest(AGENCY, plan.id, data.recordLines(), { batchSize: 1_000 });
    for (const r of data.reports) await cchc.reports.submit(AGENCY, plan.id, r);

    // 3. Chấm điểm từ kho / score from the store
    const sheet = await cchc.scores.compute(AGENCY, plan.id, { scheme: PAR_COMMUNICATION_PRESET });
    await cchc.scores.save(AGENCY, plan.id, sheet);

    // 4. Xuất DOCX / export
    const file = await exportDocx(
      { kind: "score-sheet", plan, sheet },
      { number: "15/BC-BTTTT", place: "Hà Nội", date: "2018-12-20" },
    );

    reports = (await cchc.reports.list(AGENCY, plan.id)).map((r) => r.value);
    result = {
      planVersion: saved.version,
      conflict,
      ingested: ingest.inserted,
      batches: ingest.batches,
      percent: sheet.agency.percent,
      topUnit: sheet.units[0]?.name ?? "",
      docx: { fileName: file.fileName, bytes: file.bytes },
    };
  } finally {
    await cchc.close(); // đóng PGlite trước khi mở lại / close PGlite before opening it again
  }

  // 5. Nhắc báo cáo / reminders: the dispatcher opens the same PGlite folder for its outbox
  const { due } = computeReminders(plan, reports, { now: REMIND_AT, agencyId: AGENCY });
  const dispatcher = await createDispatcher({
    outbox: PgliteStorage.layer({ dataDir }),
    notifier: MemoryNotifierLayer.layer(notifier),
  });
  try {
    const queued = await dispatcher.enqueue(AGENCY, due);
    const sent = await dispatcher.drain({ agencyId: AGENCY });
    return { ...result, enqueued: queued.added.length, delivered: sent.delivered };
  } finally {
    await dispatcher.close();
  }
}

/** The same rename with the Promise facade: the same error objects reach `catch`. */
export async function renamePlan(
  cchc: Cchc,
  planId: string,
  title: string,
  editedVersion: number,
): Promise<string> {
  try {
    const current = await cchc.plans.get(AGENCY, planId);
    const saved = await cchc.plans.save(AGENCY, { ...current.value, title }, editedVersion);
    return `đã lưu phiên bản ${saved.version} / saved as version ${saved.version}`;
  } catch (e) {
    if (e instanceof VersionConflict)
      return `có người đã sửa (phiên bản ${e.actual}), tải lại / changed meanwhile (v${e.actual}), reload`;
    if (e instanceof NotFound) return `không có kế hoạch ${e.id} / no plan ${e.id}`;
    throw e; // StorageError: console.error(e.message) shows "lỗi kho dữ liệu khi … / storage failed during …"
  }
}
