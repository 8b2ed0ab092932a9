/**
 * Contract cases for tenant isolation and faithful storage: agency A never sees agency B's data,
 * even with the same ids everywhere and agency ids that differ only by case, LIKE wildcards,
 * quotes or normalisation; hostile strings (quotes, semicolons, SQL fragments, binary-looking
 * text, emoji) as values and as ids, and 1 MB fields, are stored and read back unchanged.
 */
import {
  type Activity,
  type ActualRecord,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  type ScoreSheet,
  scorePlan,
  type Unit,
  type UnitReport,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Stream from "effect/Stream";
import { describe, expect, it } from "vitest";
import {
  AWKWARD_NUMBERS,
  byCodePoints,
  CONTRACT_UNIT_IDS,
  contractActivity,
  contractPlan,
  contractRecord,
  contractReport,
  contractUnit,
  HOSTILE_KEYS,
  HOSTILE_STRINGS,
  ONE_MB,
} from "./storageContractFixtures.js";
import { type ContractContext, stringDifference } from "./storageContractHarness.js";

/** A real score sheet of a contract plan (the scorer's output, as an adapter must keep it). */
export function contractSheet(plan: Plan, records: readonly ActualRecord[] = []): ScoreSheet {
  return scorePlan(
    {
      plan,
      activities: CONTRACT_UNIT_IDS.map((u) => contractActivity(u)),
      records,
      reports: [],
    },
    { scheme: PAR_COMMUNICATION_PRESET },
  );
}

/** Hostile strings short enough to be ids (the core's ids are at most 200 characters). */
const HOSTILE_IDS = HOSTILE_STRINGS.filter((s) => s.length <= 200);

const expectSameText = (actual: unknown, expected: string, what: string) => {
  const diff = stringDifference(actual, expected);
  expect(diff, what).toBeUndefined();
};

export function registerIsolationCases(ctx: ContractContext): void {
  const { h, timeout } = ctx;

  describe("tenant isolation", () => {
    it(
      "agency A never sees agency B's data: same ids everywhere, every read and write stays in its agency",
      async () => {
        const A = ctx.agency();
        const B = ctx.agency();
        const C = ctx.agency();
        const store = h.store;
        const planId = "kh-chung";
        const wrote = new Map<string, { plan: Plan; record: ActualRecord; report: UnitReport; unit: Unit }>();
        for (const [agency, tag] of [
          [A, "A"],
          [B, "B"],
        ] as const) {
          const plan = await h.setup(agency, planId, { title: `Kế hoạch của cơ quan ${tag}` });
          const unit = contractUnit("dv-chung", `Đơn vị của cơ quan ${tag}`);
          await h.run(store.saveUnit(agency, unit, null));
          const record = contractRecord("kq-chung", "u_1", {
            output: tag === "A" ? 1 : 2,
            note: `Của ${tag}`,
          });
          await h.run(store.insertRecords(agency, planId, [record]));
          const report = contractReport("bc-chung", "u_1", "2018Q1", { summary: `Báo cáo của ${tag}` });
          await h.run(store.submitReport(agency, planId, report));
          await h.run(store.saveScoreSheet(agency, planId, contractSheet(plan, [record])));
          wrote.set(agency, { plan, record, report, unit });
        }
        const a = wrote.get(A);
        const b = wrote.get(B);
        if (!a || !b) throw new Error("unreachable");

        // A moves on; B stays at version 1 of everything
        const aPlan2 = { ...a.plan, title: "Kế hoạch của cơ quan A (sửa đổi)" };
        expect((await h.run(store.savePlan(A, aPlan2, 1))).version).toBe(2);
        const aRecord2 = { ...a.record, output: 10 };
        expect((await h.run(store.updateRecord(A, planId, aRecord2, 1))).version).toBe(2);
        const aUnit2 = { ...a.unit, name: "Đơn vị A (đổi tên)" };
        expect((await h.run(store.saveUnit(A, aUnit2, 1))).version).toBe(2);
        // A's version numbers mean nothing in B
        expect(await h.failure(store.savePlan(B, b.plan, 2), "B saving on A's version")).toMatchObject({
          _tag: "VersionConflict",
          expected: 2,
          actual: 1,
        });
        expect(
          await h.failure(store.updateRecord(B, planId, b.record, 2), "B updating on A's version"),
        ).toMatchObject({ _tag: "VersionConflict", expected: 2, actual: 1 });

        const view = async (agency: string) => ({
          plan: (await h.run(store.getPlan(agency, planId))).value,
          history: (await h.run(store.planHistory(agency, planId))).map((v) => v.value.title),
          plans: (await h.run(store.listPlans(agency))).map((p) => [p.planId, p.title, p.version]),
          units: (await h.run(store.listUnits(agency))).map((u) => u.value),
          activities: (await h.run(store.listActivities(agency, planId))).length,
          record: (await h.run(store.getRecord(agency, planId, "kq-chung"))).value,
          records: (await h.run(store.listRecords(agency, planId, {}, { limit: 100 }))).map((r) => r.value),
          count: await h.run(store.countRecords(agency, planId)),
          streamed: await h.run(Stream.runCollect(store.streamRecords(agency, planId))),
          reports: (await h.run(store.listReports(agency, planId))).map((r) => r.value),
          sheet: (await h.run(store.latestScoreSheet(agency, planId))).sheet.counts.records,
        });
        expect(await view(A)).toStrictEqual({
          plan: aPlan2,
          history: [a.plan.title, aPlan2.title],
          plans: [[planId, aPlan2.title, 2]],
          units: [aUnit2],
          activities: CONTRACT_UNIT_IDS.length,
          record: aRecord2,
          records: [aRecord2],
          count: 1,
          streamed: [aRecord2],
          reports: [a.report],
          sheet: 1,
        });
        expect(await view(B)).toStrictEqual({
          plan: b.plan,
          history: [b.plan.title],
          plans: [[planId, b.plan.title, 1]],
          units: [b.unit],
          activities: CONTRACT_UNIT_IDS.length,
          record: b.record,
          records: [b.record],
          count: 1,
          streamed: [b.record],
          reports: [b.report],
          sheet: 1,
        });

        // a third agency sees nothing at all
        expect(await h.run(store.listPlans(C))).toEqual([]);
        expect(await h.run(store.listUnits(C))).toEqual([]);
        expect(await h.run(store.listActivities(C, planId))).toEqual([]);
        expect(await h.run(store.countRecords(C, planId))).toBe(0);
        expect(await h.run(store.listReports(C, planId))).toEqual([]);
        for (const [what, effect] of [
          ["getPlan", store.getPlan(C, planId)],
          ["planHistory", store.planHistory(C, planId)],
          ["getRecord", store.getRecord(C, planId, "kq-chung")],
          ["latestScoreSheet", store.latestScoreSheet(C, planId)],
        ] as const)
          expect(await h.failure(effect as Effect.Effect<unknown, unknown>, what), what).toMatchObject({
            _tag: "NotFound",
          });
        // and may create the same ids without any conflict
        expect((await h.run(store.savePlan(C, contractPlan(planId), null))).version).toBe(1);

        const rowsA = await ctx.rows(A);
        const rowsB = await ctx.rows(B);
        if (rowsA && rowsB) {
          expect(rowsA).toMatchObject({ plans: 1, planVersions: 2, units: 1, records: 1, reports: 1 });
          expect(rowsB).toMatchObject({ plans: 1, planVersions: 1, units: 1, records: 1, reports: 1 });
          expect(rowsA.scoreSheets).toBe(1);
          expect(rowsB.scoreSheets).toBe(1);
        }
      },
      timeout,
    );

    it(
      "agency ids that differ only by case, LIKE wildcards, spaces, quotes or normalisation are different agencies",
      async () => {
        const base = ctx.agency();
        const agencies = [
          base,
          base.toUpperCase(),
          `${base}%`,
          `${base}_`,
          `${base.slice(0, -1)}_`,
          `${base.slice(0, -1)}%`,
          `${base} `,
          ` ${base}`,
          `${base}'`,
          `${base}"; DROP TABLE cchc_plans; --`,
          `${base}\\`,
          `${base}ạ`,
          `${base}a\u0323`,
          `${base}😀`,
        ];
        expect(new Set(agencies).size).toBe(agencies.length);
        const store = h.store;
        await h.run(
          Effect.forEach(
            agencies,
            (agency, i) =>
              Effect.gen(function* () {
                yield* store.savePlan(agency, contractPlan("kh", { title: `Kế hoạch số ${i}` }), null);
                yield* store.saveActivity(agency, "kh", contractActivity("u_1"), null);
                yield* store.insertRecords(agency, "kh", [contractRecord("kq", "u_1", { output: i })]);
              }),
            { concurrency: 4 },
          ),
        );
        for (const [i, agency] of agencies.entries()) {
          const label = JSON.stringify(agency);
          expect(
            (await h.run(store.listPlans(agency))).map((p) => p.title),
            label,
          ).toEqual([`Kế hoạch số ${i}`]);
          expect(await h.run(store.countRecords(agency, "kh")), label).toBe(1);
          expect((await h.run(store.getRecord(agency, "kh", "kq"))).value.output, label).toBe(i);
          const rows = await ctx.rows(agency);
          if (rows)
            expect(rows, label).toMatchObject({ plans: 1, planVersions: 1, activities: 1, records: 1 });
        }
      },
      timeout,
    );
  });

  describe("hostile strings and large fields", () => {
    it(
      `${HOSTILE_STRINGS.length} hostile strings in every kind of field are stored and read back unchanged`,
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan: Plan = {
          ...contractPlan("kh-chuoi-kho"),
          title: HOSTILE_STRINGS.filter((s) => s.length < 100).join(" ¦ "),
          objectives: HOSTILE_STRINGS.map((text, i) => ({ id: `I.${i + 1}`, text })),
          extensions: {
            strings: [...HOSTILE_STRINGS],
            numbers: [...AWKWARD_NUMBERS],
            byKey: Object.fromEntries(HOSTILE_KEYS.map((k, i) => [k, HOSTILE_STRINGS[i] ?? k])),
            nested: { "a'b": [{ "--": null, ";": true, $1: [[], {}] }] },
          },
        };
        const saved = await h.run(store.savePlan(a, plan, null));
        expect(saved.value).toStrictEqual(plan);
        const back = (await h.run(store.getPlan(a, plan.id))).value;
        for (const [i, s] of HOSTILE_STRINGS.entries())
          expectSameText(back.objectives[i]?.text, s, `objective ${i + 1}`);
        expect(back).toStrictEqual(plan);
        expect((await h.run(store.listPlans(a)))[0]?.title).toBe(plan.title);

        // as plan ids
        for (const id of HOSTILE_IDS)
          await h.run(
            store.savePlan(a, { ...contractPlan("kh-x", { title: `Kế hoạch ${id.length}` }), id }, null),
          );
        for (const id of HOSTILE_IDS) expect((await h.run(store.getPlan(a, id))).value.id).toBe(id);
        expect((await h.run(store.listPlans(a))).map((p) => p.planId)).toEqual(
          [plan.id, ...HOSTILE_IDS].sort(byCodePoints),
        );

        // units: hostile ids and names
        const units = HOSTILE_IDS.map((id, i) => ({
          ...contractUnit("dv", "x"),
          id,
          name: HOSTILE_STRINGS[i] ?? id,
        }));
        for (const u of units) await h.run(store.saveUnit(a, u, null));
        expect((await h.run(store.listUnits(a))).map((u) => u.value)).toStrictEqual(
          [...units].sort((x, y) => byCodePoints(x.id, y.id)),
        );

        // activities, records and reports with hostile ids, texts and filter values (built past the
        // schemas, which would normalise or refuse them: the store must keep whatever it is given)
        const activities: Activity[] = HOSTILE_IDS.map((id, i) => ({
          ...contractActivity("u_1"),
          id,
          unitId: id,
          title: HOSTILE_STRINGS[i] ?? id,
        }));
        for (const act of activities) await h.run(store.saveActivity(a, plan.id, act, null));
        expect((await h.run(store.listActivities(a, plan.id))).map((x) => x.value)).toStrictEqual(
          [...activities].sort((x, y) => byCodePoints(x.id, y.id)),
        );
        const records: ActualRecord[] = [
          ...HOSTILE_STRINGS.map((s, i) => ({
            ...contractRecord(`kq-${String(i).padStart(3, "0")}`, "u_1"),
            note: s,
            evidenceUrl: s,
          })),
          ...HOSTILE_IDS.map((id) => ({ id, activityId: id, unitId: id, date: "2018-05-05", output: 1 })),
        ];
        expect(await h.run(store.insertRecords(a, plan.id, records))).toBe(records.length);
        const sorted = [...records].sort((x, y) => byCodePoints(x.id, y.id));
        const streamed = await h.run(Stream.runCollect(store.streamRecords(a, plan.id)));
        for (const [i, r] of sorted.entries())
          if (r.note !== undefined) expectSameText(streamed[i]?.note, r.note, `note of ${r.id}`);
        expect(streamed).toStrictEqual(sorted);
        for (const r of records)
          expect((await h.run(store.getRecord(a, plan.id, r.id))).value, JSON.stringify(r.id)).toStrictEqual(
            r,
          );
        for (const id of HOSTILE_IDS) {
          const label = JSON.stringify(id);
          const only = records.filter((r) => r.unitId === id);
          expect(await h.run(store.countRecords(a, plan.id, { unitId: id })), label).toBe(only.length);
          expect(
            (await h.run(store.listRecords(a, plan.id, { activityId: id }, { limit: 10 }))).map(
              (r) => r.value,
            ),
            label,
          ).toStrictEqual(records.filter((r) => r.activityId === id));
        }
        const reports: UnitReport[] = HOSTILE_IDS.map((id, i) => ({
          ...contractReport("bc", "u_1", "2018Q1"),
          id,
          unitId: id,
          periodId: id,
          summary: HOSTILE_STRINGS[i] ?? id,
          activityIds: [id],
        }));
        for (const r of reports) await h.run(store.submitReport(a, plan.id, r));
        expect((await h.run(store.listReports(a, plan.id))).map((r) => r.value)).toStrictEqual(
          [...reports].sort((x, y) => byCodePoints(x.id, y.id)),
        );
        for (const r of reports)
          expect(
            (await h.run(store.listReports(a, plan.id, { unitId: r.unitId, periodId: r.periodId }))).map(
              (x) => x.value,
            ),
            JSON.stringify(r.id),
          ).toStrictEqual([r]);

        // a score sheet carrying hostile text
        const sheet = contractSheet(plan);
        const hostileSheet: ScoreSheet = {
          ...sheet,
          agency: { ...sheet.agency, name: HOSTILE_STRINGS.join("") },
        };
        await h.run(store.saveScoreSheet(a, plan.id, hostileSheet));
        expect((await h.run(store.latestScoreSheet(a, plan.id))).sheet).toEqual(hostileSheet);
      },
      timeout,
    );

    it(
      "1 MB fields (plan text and extensions, unit name, activity title, record note, report summary, score sheet) round-trip",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const base = contractPlan("kh-lon");
        const v1: Plan = {
          ...base,
          objectives: [...base.objectives, { id: "I.1.z", text: ONE_MB }],
          extensions: { phuLuc: ONE_MB },
        };
        const v2: Plan = { ...v1, extensions: { phuLuc: `${ONE_MB.slice(0, -1)}!` } };
        await h.run(store.savePlan(a, v1, null));
        await h.run(store.savePlan(a, v2, 1));
        const history = await h.run(store.planHistory(a, base.id));
        expectSameText(history[0]?.value.objectives.at(-1)?.text, ONE_MB, "v1 objective");
        expectSameText(history[0]?.value.extensions?.phuLuc, ONE_MB, "v1 extension");
        expectSameText(history[1]?.value.extensions?.phuLuc, v2.extensions?.phuLuc as string, "v2 extension");
        expect(history.map((v) => v.value)).toStrictEqual([v1, v2]);

        const unit = { ...contractUnit("dv-lon", "x"), name: ONE_MB };
        await h.run(store.saveUnit(a, unit, null));
        expectSameText((await h.run(store.listUnits(a)))[0]?.value.name, ONE_MB, "unit name");

        const activity = { ...contractActivity("u_1"), title: ONE_MB };
        await h.run(store.saveActivity(a, base.id, activity, null));
        expectSameText(
          (await h.run(store.listActivities(a, base.id)))[0]?.value.title,
          ONE_MB,
          "activity title",
        );

        const records = [1, 2, 3].map((i) => ({
          ...contractRecord(`kq-lon-${i}`, "u_1"),
          note: i === 2 ? `${ONE_MB}\n${i}` : ONE_MB,
        }));
        await h.run(store.insertRecords(a, base.id, records));
        const streamed = await h.run(Stream.runCollect(store.streamRecords(a, base.id)));
        for (const [i, r] of records.entries())
          expectSameText(streamed[i]?.note, r.note ?? "", `note ${i + 1}`);
        expect(streamed).toStrictEqual(records);
        const updated = { ...records[0], note: `${ONE_MB}${ONE_MB.slice(0, 10)}` } as ActualRecord;
        await h.run(store.updateRecord(a, base.id, updated, 1));
        expectSameText(
          (await h.run(store.getRecord(a, base.id, "kq-lon-1"))).value.note,
          updated.note ?? "",
          "updated note",
        );

        const report = { ...contractReport("bc-lon", "u_1", "2018Q1"), summary: ONE_MB };
        await h.run(store.submitReport(a, base.id, report));
        expectSameText(
          (await h.run(store.listReports(a, base.id)))[0]?.value.summary,
          ONE_MB,
          "report summary",
        );

        const sheet = contractSheet(v2);
        const bigSheet: ScoreSheet = { ...sheet, agency: { ...sheet.agency, name: ONE_MB } };
        await h.run(store.saveScoreSheet(a, base.id, bigSheet));
        expectSameText((await h.run(store.latestScoreSheet(a, base.id))).sheet.agency.name, ONE_MB, "sheet");
      },
      timeout,
    );
  });
}
