/**
 * Contract cases for reports, score sheets and order: reports are kept as submitted and filtered
 * by unit and period; score sheets are all kept and the latest is current; every list is in code
 * point order of ids; scoring from the store gives exactly the in-memory score; and a persistent
 * store gives everything back after it is closed and opened again.
 */
import {
  type Activity,
  type ActualRecord,
  ingestRecords,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  type ScoreOptions,
  type ScoreSheet,
  samplePlan,
  scorePlan,
  scoreStoredPlan,
  type UnitReport,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Stream from "effect/Stream";
import { describe, expect, it } from "vitest";
import { generateDataset } from "./generate.js";
import {
  bulkRecords,
  byCodePoints,
  CONTRACT_UNIT_IDS,
  contractActivity,
  contractPlan,
  contractRecord,
  contractReport,
  contractUnit,
  HOSTILE_STRINGS,
  ORDER_IDS,
  toLines,
} from "./storageContractFixtures.js";
import { type ContractContext, isIsoInstant } from "./storageContractHarness.js";
import { contractSheet } from "./storageContractIsolation.js";

export function registerReportCases(ctx: ContractContext): void {
  const { h, timeout } = ctx;

  describe("reports and score sheets", () => {
    it(
      "reports are kept as submitted, filtered by unit (u_1 is not uX1) and period; a used report id is a VersionConflict",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-bao-cao");
        const reports: UnitReport[] = [];
        for (const unitId of CONTRACT_UNIT_IDS)
          for (const periodId of ["2018Q1", "2018Q2", "2018H1"])
            reports.push(
              contractReport(`bc-${unitId}-${periodId}`, unitId, periodId, {
                summary: `Đơn vị ${unitId} báo cáo kỳ ${periodId}: đã đăng 12 tin, bài`,
              }),
            );
        for (const r of [...reports].reverse()) {
          const saved = await h.run(store.submitReport(a, plan.id, r));
          expect(saved.version).toBe(1);
          expect(saved.value).toStrictEqual(r);
          expect(isIsoInstant(saved.savedAt)).toBe(true);
        }
        const sorted = [...reports].sort((x, y) => byCodePoints(x.id, y.id));
        expect((await h.run(store.listReports(a, plan.id))).map((r) => r.value)).toStrictEqual(sorted);
        for (const filter of [
          { unitId: "u_1" },
          { unitId: "uX1" },
          { unitId: "u%" },
          { periodId: "2018Q1" },
          { periodId: "2018%" },
          { unitId: "u.3", periodId: "2018H1" },
        ])
          expect(
            (await h.run(store.listReports(a, plan.id, filter))).map((r) => r.value),
            JSON.stringify(filter),
          ).toStrictEqual(
            sorted.filter(
              (r) =>
                (filter.unitId === undefined || r.unitId === filter.unitId) &&
                (filter.periodId === undefined || r.periodId === filter.periodId),
            ),
          );

        const first = reports[0] as UnitReport;
        const again = await h.failure(
          store.submitReport(a, plan.id, { ...first, summary: "Nộp lại đè lên" }),
          "resubmitting a report id",
        );
        expect(again).toMatchObject({
          _tag: "VersionConflict",
          entity: "report",
          id: first.id,
          expected: null,
          actual: 1,
        });
        const kept = await h.run(
          store.listReports(a, plan.id, { unitId: first.unitId, periodId: first.periodId }),
        );
        expect(kept.map((r) => r.value)).toStrictEqual([first]);
        // another plan of the same agency is another report list
        expect(await h.run(store.listReports(a, "kh-khac"))).toEqual([]);
        expect((await h.run(store.submitReport(a, "kh-khac", first))).version).toBe(1);
        const rows = await ctx.rows(a);
        if (rows) expect(rows.reports).toBe(reports.length + 1);
      },
      timeout,
    );

    it(
      "score sheets: NotFound before the first, every run kept, the latest is current, per plan",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-bang-diem");
        expect(await h.failure(store.latestScoreSheet(a, plan.id), "latestScoreSheet")).toMatchObject({
          _tag: "NotFound",
          entity: "score-sheet",
        });
        const sheets = [0, 5, 50].map((n) => contractSheet(plan, bulkRecords(n)));
        const ids: string[] = [];
        for (const sheet of sheets) {
          const saved = await h.run(store.saveScoreSheet(a, plan.id, sheet));
          expect(isIsoInstant(saved.savedAt)).toBe(true);
          ids.push(saved.id);
          const latest = await h.run(store.latestScoreSheet(a, plan.id));
          expect(latest.sheet).toEqual(sheet);
          expect(latest.savedAt).toBe(saved.savedAt);
        }
        expect(new Set(ids).size).toBe(3);
        expect((await h.run(store.latestScoreSheet(a, plan.id))).sheet.counts.records).toBe(50);
        // 20 sheets saved at once: all kept, the store picks one latest
        await h.run(
          Effect.all(
            Array.from({ length: 20 }, () => store.saveScoreSheet(a, "kh-khac", sheets[1] as ScoreSheet)),
            { concurrency: "unbounded" },
          ),
        );
        expect((await h.run(store.latestScoreSheet(a, "kh-khac"))).sheet.counts.records).toBe(5);
        expect((await h.run(store.latestScoreSheet(a, plan.id))).sheet.counts.records).toBe(50);
        const rows = await ctx.rows(a);
        if (rows) expect(rows.scoreSheets).toBe(23);
      },
      timeout,
    );
  });

  describe("id order", () => {
    it(
      "plans, units, activities, records and reports list in code point order of their ids",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const expected = [...ORDER_IDS].sort(byCodePoints);
        // the order under test is not JavaScript's default one for these ids
        expect(expected).not.toEqual([...ORDER_IDS].sort());
        const plan = contractPlan("kh-thu-tu");
        await h.run(store.savePlan(a, plan, null));
        await h.run(store.saveActivity(a, plan.id, contractActivity("u_1"), null));
        // written in a shuffled order
        const shuffled = ORDER_IDS.map((id, i) => ({ id, k: (i * 7) % ORDER_IDS.length })).sort(
          (x, y) => x.k - y.k,
        );
        for (const { id } of shuffled) {
          await h.run(store.savePlan(a, { ...contractPlan("x", { title: `Kế hoạch ${id}` }), id }, null));
          await h.run(store.saveUnit(a, { ...contractUnit("x", `Đơn vị ${id}`), id }, null));
          await h.run(store.saveActivity(a, plan.id, { ...contractActivity("u_1"), id }, null));
          await h.run(store.submitReport(a, plan.id, { ...contractReport("x", "u_1", "2018Q1"), id }));
        }
        await h.run(
          store.insertRecords(
            a,
            plan.id,
            shuffled.map(({ id }) => ({ ...contractRecord("x", "u_1"), id })),
          ),
        );
        expect((await h.run(store.listPlans(a))).map((p) => p.planId)).toEqual(
          [...expected, plan.id].sort(byCodePoints),
        );
        expect((await h.run(store.listUnits(a))).map((u) => u.value.id)).toEqual(expected);
        expect((await h.run(store.listActivities(a, plan.id))).map((x) => x.value.id)).toEqual(
          [...expected, "act-u_1"].sort(byCodePoints),
        );
        expect((await h.run(store.listReports(a, plan.id))).map((r) => r.value.id)).toEqual(expected);
        const streamed = await h.run(Stream.runCollect(store.streamRecords(a, plan.id)));
        expect(streamed.map((r) => r.id)).toEqual(expected);
        // keyset pages of 2 walk the same order
        const paged: string[] = [];
        let after: string | undefined;
        for (let guard = 0; guard < 100; guard++) {
          const page = await h.run(
            store.listRecords(a, plan.id, {}, after === undefined ? { limit: 2 } : { after, limit: 2 }),
          );
          if (page.length === 0) break;
          paged.push(...page.map((r) => r.value.id));
          after = page.at(-1)?.value.id;
        }
        expect(paged).toEqual(expected);
      },
      timeout,
    );
  });

  describe("scoring from the store", () => {
    it(
      "scoreStoredPlan gives exactly the in-memory score of the same generated data (year end and mid-year)",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const data = generateDataset({ size: "small", seed: 20_18, records: Math.min(ctx.bulk, 3_000) });
        const plan = data.plan;
        const activities: Activity[] = [...data.activities()];
        const records: ActualRecord[] = [...data.records()];
        const reports: UnitReport[] = [...data.reports()];
        expect(records.length).toBeGreaterThan(0);
        await h.run(store.savePlan(a, plan, null));
        await h.run(
          Effect.forEach(activities, (x) => store.saveActivity(a, plan.id, x, null), { concurrency: 4 }),
        );
        const ingested = await h.run(
          ingestRecords(a, plan.id, toLines(records), { batchSize: Math.ceil(records.length / 3) }),
        );
        expect(ingested.inserted).toBe(records.length);
        await h.run(Effect.forEach(reports, (r) => store.submitReport(a, plan.id, r), { concurrency: 4 }));

        for (const options of [
          { scheme: PAR_COMMUNICATION_PRESET },
          { scheme: PAR_COMMUNICATION_PRESET, asOf: `${plan.year}-07-01T00:00:00+07:00`, explainLimit: 3 },
        ] satisfies ScoreOptions[]) {
          const fromStore = await h.run(scoreStoredPlan(a, plan.id, options));
          // the store gives everything in id order; explanations list record ids in the order seen
          const inMemory = scorePlan(
            {
              plan,
              activities: [...activities].sort((x, y) => byCodePoints(x.id, y.id)),
              records: [...records].sort((x, y) => byCodePoints(x.id, y.id)),
              reports: [...reports].sort((x, y) => byCodePoints(x.id, y.id)),
            },
            options,
          );
          expect(fromStore).toEqual(inMemory);
          expect(fromStore.counts.records).toBeGreaterThan(0);
          await h.run(store.saveScoreSheet(a, plan.id, fromStore));
          expect((await h.run(store.latestScoreSheet(a, plan.id))).sheet).toEqual(inMemory);
        }
      },
      timeout,
    );
  });

  if (ctx.reopen !== undefined) {
    const reopen = ctx.reopen;
    describe("reopening a persistent store", () => {
      it(
        "closing and opening the store again keeps plans with history, units, activities, records, reports and sheets",
        async () => {
          const a = ctx.agency();
          let store = h.store;
          const v1: Plan = samplePlan("mic-2018");
          const v2: Plan = { ...v1, title: `${v1.title} (bản sửa đổi — Ủy ban, hòa, thủy)` };
          const saved1 = await h.run(store.savePlan(a, v1, null));
          const saved2 = await h.run(store.savePlan(a, v2, 1));
          const unit = await h.run(store.saveUnit(a, contractUnit("vu-tccb", "Vụ Tổ chức cán bộ"), null));
          const plan = await h.setup(a, "kh-mo-lai");
          const records = bulkRecords(120).map((r, i) =>
            i === 7 ? { ...r, note: HOSTILE_STRINGS.slice(0, 12).join(" ") } : r,
          );
          await h.run(ingestRecords(a, plan.id, toLines(records), { batchSize: 50 }));
          const updated = await h.run(
            store.updateRecord(a, plan.id, { ...(records[3] as ActualRecord), output: 99 }, 1),
          );
          const report = await h.run(store.submitReport(a, plan.id, contractReport("bc-1", "u_1", "2018Q1")));
          await h.run(store.saveScoreSheet(a, plan.id, contractSheet(plan, records)));
          const before = {
            history: await h.run(store.planHistory(a, v1.id)),
            plans: await h.run(store.listPlans(a)),
            units: await h.run(store.listUnits(a)),
            activities: await h.run(store.listActivities(a, plan.id)),
            records: await h.run(store.listRecords(a, plan.id, {}, { limit: 1_000 })),
            reports: await h.run(store.listReports(a, plan.id)),
            sheet: await h.run(store.latestScoreSheet(a, plan.id)),
          };
          expect(before.history).toEqual([saved1, saved2]);
          expect(before.units).toEqual([unit]);
          expect(before.reports).toEqual([report]);
          expect(before.records.find((r) => r.value.id === updated.value.id)).toEqual(updated);
          const rowsBefore = await ctx.rows(a);

          await reopen();
          store = h.store;

          const after = {
            history: await h.run(store.planHistory(a, v1.id)),
            plans: await h.run(store.listPlans(a)),
            units: await h.run(store.listUnits(a)),
            activities: await h.run(store.listActivities(a, plan.id)),
            records: await h.run(store.listRecords(a, plan.id, {}, { limit: 1_000 })),
            reports: await h.run(store.listReports(a, plan.id)),
            sheet: await h.run(store.latestScoreSheet(a, plan.id)),
          };
          expect(after).toEqual(before);
          expect(after.records.length).toBe(120);
          if (rowsBefore) expect(await ctx.rows(a)).toEqual(rowsBefore);
          // and it goes on from where it was: versions continue, ids stay taken
          expect((await h.run(store.savePlan(a, { ...v2, title: "Bản 3" }, 2))).version).toBe(3);
          expect(await h.failure(store.savePlan(a, v1, 2), "a stale save after reopening")).toMatchObject({
            _tag: "VersionConflict",
            actual: 3,
          });
          // the two records changed since (3 and 7) left out: the other 118 are skipped as identical
          const more = bulkRecords(150).filter((_, i) => i !== 3 && i !== 7);
          const resumed = await h.run(
            ingestRecords(a, plan.id, toLines(more), { batchSize: 50, existing: "skip" }),
          );
          expect(resumed).toMatchObject({ inserted: 30, skipped: 118 });
          expect(await h.run(store.countRecords(a, plan.id))).toBe(150);
        },
        timeout,
      );
    });
  }
}
