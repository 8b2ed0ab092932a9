/**
 * Contract cases for plans and optimistic concurrency: the sample plan round-trips with its
 * history, stale versions fail with `VersionConflict` and write nothing, missing things fail with
 * `NotFound`, and concurrent read-modify-write loops lose no update.
 */
import { type Plan, PlanSchema, samplePlan, type Versioned } from "@cchc/core";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { contractActivity, contractPlan, contractRecord, contractUnit } from "./storageContractFixtures.js";
import {
  type ConflictStats,
  type ContractContext,
  isIsoInstant,
  type Outcome,
  sortedById,
  untilNoConflict,
} from "./storageContractHarness.js";

/** Increments per writer on the shared plan (each one a new version in the history). */
const PLAN_INCREMENTS = 3;
/** Increments per writer on the shared record. */
const RECORD_INCREMENTS = 5;

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((x): x is string => typeof x === "string") : [];

export function registerPlanCases(ctx: ContractContext): void {
  const { h, timeout } = ctx;

  describe("plans", () => {
    it(
      "round-trips the mic-2018 sample plan with Vietnamese text intact, as versions 1, 2 and 3 with history",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const v1 = samplePlan("mic-2018");
        const v2 = PlanSchema.parse({
          ...v1,
          title:
            "Kế hoạch tuyên truyền cải cách hành chính năm 2018 (sửa đổi: Ủy ban, hòa, thủy, Đắk Lắk, Quảng Ngãi)",
          objectives: [
            ...v1.objectives,
            {
              id: "I.1.d",
              text: "Người dân, doanh nghiệp được biết và giám sát việc giải quyết thủ tục hành chính",
            },
          ],
        });
        const v3 = PlanSchema.parse({
          ...v2,
          number: "12/KH-BTTTT",
          place: "Hà Nội",
          date: "2018-03-05",
          extensions: { ghiChú: "Bản chính thức — đã ký số", người_ký: "Thứ trưởng Phan Tâm" },
        });
        const saved: Versioned<Plan>[] = [];
        saved.push(await h.run(store.savePlan(a, v1, null)));
        saved.push(await h.run(store.savePlan(a, v2, 1)));
        saved.push(await h.run(store.savePlan(a, v3, 2)));
        expect(saved.map((s) => s.version)).toEqual([1, 2, 3]);
        expect(saved.map((s) => s.value)).toEqual([v1, v2, v3]);
        for (const s of saved) expect(isIsoInstant(s.savedAt), `savedAt ${s.savedAt}`).toBe(true);
        const instants = saved.map((s) => Date.parse(s.savedAt));
        expect(instants).toEqual([...instants].sort((x, y) => x - y));

        const current = await h.run(store.getPlan(a, v1.id));
        expect(current).toEqual(saved[2]);
        expect(current.value.issuer.name).toBe("Bộ Thông tin và Truyền thông");
        expect(current.value.title).toBe(v3.title);
        expect(current.value.contentAreas.map((c) => c.id)).toContain("II.1.đ");
        for (const [i, s] of saved.entries())
          expect(await h.run(store.getPlan(a, v1.id, i + 1)), `getPlan(version ${i + 1})`).toEqual(s);

        const history = await h.run(store.planHistory(a, v1.id));
        expect(history.map((v) => v.version)).toEqual([1, 2, 3]);
        expect(history).toEqual(saved);

        const rows = await ctx.rows(a);
        if (rows) expect(rows).toMatchObject({ plans: 1, planVersions: 3 });
      },
      timeout,
    );

    it(
      "lists the agency's plans as summaries of their current version",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        expect(await h.run(store.listPlans(a))).toEqual([]);
        const first = contractPlan("kh-a");
        await h.run(store.savePlan(a, first, null));
        const firstV2 = await h.run(
          store.savePlan(a, { ...first, title: "Kế hoạch A — bản sửa đổi lần 1" }, 1),
        );
        const second = await h.run(
          store.savePlan(a, contractPlan("kh-b", { year: 2019, title: "Kế hoạch B năm 2019" }), null),
        );
        const summaries = sortedById((await h.run(store.listPlans(a))).map((s) => ({ ...s, id: s.planId })));
        expect(summaries.map(({ id: _id, ...s }) => s)).toEqual([
          {
            planId: "kh-a",
            year: 2018,
            title: "Kế hoạch A — bản sửa đổi lần 1",
            version: 2,
            savedAt: firstV2.savedAt,
          },
          { planId: "kh-b", year: 2019, title: "Kế hoạch B năm 2019", version: 1, savedAt: second.savedAt },
        ]);
      },
      timeout,
    );
  });

  describe("version conflicts and NotFound", () => {
    it(
      "creating a plan that exists fails with VersionConflict (expected null, actual 1) and writes nothing",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = contractPlan("kh-trung");
        await h.run(store.savePlan(a, plan, null));
        const err = await h.failure(
          store.savePlan(a, { ...plan, title: "Bản ghi đè" }, null),
          "creating an existing plan",
        );
        expect(err).toMatchObject({
          _tag: "VersionConflict",
          entity: "plan",
          id: plan.id,
          expected: null,
          actual: 1,
        });
        const history = await h.run(store.planHistory(a, plan.id));
        expect(history.map((v) => v.value)).toEqual([plan]);
        const rows = await ctx.rows(a);
        if (rows) expect(rows).toMatchObject({ plans: 1, planVersions: 1 });
      },
      timeout,
    );

    it(
      "a stale plan update fails with VersionConflict (expected, actual) and writes nothing",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = contractPlan("kh-cu");
        await h.run(store.savePlan(a, plan, null));
        const v2 = await h.run(store.savePlan(a, { ...plan, title: "Bản 2" }, 1));
        expect(v2.version).toBe(2);
        const stale = await h.failure(store.savePlan(a, { ...plan, title: "Bản cũ" }, 1), "a stale update");
        expect(stale).toMatchObject({
          _tag: "VersionConflict",
          entity: "plan",
          id: plan.id,
          expected: 1,
          actual: 2,
        });
        const ahead = await h.failure(
          store.savePlan(a, { ...plan, title: "Bản tương lai" }, 7),
          "an update ahead",
        );
        expect(ahead).toMatchObject({ _tag: "VersionConflict", entity: "plan", expected: 7, actual: 2 });
        const missing = contractPlan("kh-chua-co");
        const absent = await h.failure(store.savePlan(a, missing, 1), "updating a plan that does not exist");
        expect(absent).toMatchObject({
          _tag: "VersionConflict",
          entity: "plan",
          id: "kh-chua-co",
          expected: 1,
          actual: null,
        });
        expect(await h.failure(store.getPlan(a, "kh-chua-co"), "getPlan")).toMatchObject({
          _tag: "NotFound",
        });

        const history = await h.run(store.planHistory(a, plan.id));
        expect(history.map((v) => v.version)).toEqual([1, 2]);
        expect((await h.run(store.getPlan(a, plan.id))).value.title).toBe("Bản 2");
        expect((await h.run(store.listPlans(a))).map((p) => p.planId)).toEqual([plan.id]);
        const rows = await ctx.rows(a);
        if (rows) expect(rows).toMatchObject({ plans: 1, planVersions: 2 });
      },
      timeout,
    );

    it(
      "units: a second create and a stale update fail with VersionConflict and write nothing",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const unit = contractUnit("so-noi-vu", "Sở Nội vụ");
        expect((await h.run(store.saveUnit(a, unit, null))).version).toBe(1);
        const twice = await h.failure(
          store.saveUnit(a, { ...unit, name: "Ghi đè" }, null),
          "creating a unit twice",
        );
        expect(twice).toMatchObject({
          _tag: "VersionConflict",
          entity: "unit",
          id: unit.id,
          expected: null,
          actual: 1,
        });
        const renamed = { ...unit, name: "Sở Nội vụ tỉnh Quảng Ngãi" };
        const v2 = await h.run(store.saveUnit(a, renamed, 1));
        expect(v2).toMatchObject({ version: 2, value: renamed });
        const stale = await h.failure(store.saveUnit(a, { ...unit, name: "Cũ" }, 1), "a stale unit update");
        expect(stale).toMatchObject({
          _tag: "VersionConflict",
          entity: "unit",
          id: unit.id,
          expected: 1,
          actual: 2,
        });
        const absent = await h.failure(
          store.saveUnit(a, contractUnit("khong-co", "Không có"), 1),
          "update of none",
        );
        expect(absent).toMatchObject({ _tag: "VersionConflict", entity: "unit", expected: 1, actual: null });
        const units = await h.run(store.listUnits(a));
        expect(units).toEqual([v2]);
      },
      timeout,
    );

    it(
      "activities: a second create and a stale update fail with VersionConflict and write nothing",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = contractPlan("kh-hoat-dong");
        await h.run(store.savePlan(a, plan, null));
        const activity = contractActivity("u_1", { id: "hd-1" });
        expect((await h.run(store.saveActivity(a, plan.id, activity, null))).version).toBe(1);
        const twice = await h.failure(
          store.saveActivity(a, plan.id, { ...activity, title: "Ghi đè" }, null),
          "creating an activity twice",
        );
        expect(twice).toMatchObject({
          _tag: "VersionConflict",
          entity: "activity",
          id: "hd-1",
          expected: null,
          actual: 1,
        });
        const changed = { ...activity, target: { value: 250, unit: "article" } };
        const v2 = await h.run(store.saveActivity(a, plan.id, changed, 1));
        expect(v2).toMatchObject({ version: 2, value: changed });
        const stale = await h.failure(store.saveActivity(a, plan.id, activity, 1), "a stale activity update");
        expect(stale).toMatchObject({ _tag: "VersionConflict", entity: "activity", expected: 1, actual: 2 });
        expect(await h.run(store.listActivities(a, plan.id))).toEqual([v2]);
        const rows = await ctx.rows(a);
        if (rows) expect(rows).toMatchObject({ activities: 1 });
      },
      timeout,
    );

    it(
      "records: a stale updateRecord fails with VersionConflict, a duplicate insert writes nothing, a missing record is NotFound",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-ket-qua");
        const r1 = contractRecord("kq-1", "u_1", { output: 3 });
        const r2 = contractRecord("kq-2", "uX1", { output: 4 });
        expect(await h.run(store.insertRecords(a, plan.id, [r1, r2]))).toBe(2);
        const r1v2 = { ...r1, output: 5, note: "Đã cập nhật" };
        expect(await h.run(store.updateRecord(a, plan.id, r1v2, 1))).toMatchObject({
          version: 2,
          value: r1v2,
        });
        const stale = await h.failure(
          store.updateRecord(a, plan.id, { ...r1, output: 99 }, 1),
          "a stale update",
        );
        expect(stale).toMatchObject({
          _tag: "VersionConflict",
          entity: "record",
          id: "kq-1",
          expected: 1,
          actual: 2,
        });
        const ahead = await h.failure(
          store.updateRecord(a, plan.id, { ...r1, output: 99 }, 9),
          "an update ahead",
        );
        expect(ahead).toMatchObject({ _tag: "VersionConflict", entity: "record", expected: 9, actual: 2 });
        expect(await h.run(store.getRecord(a, plan.id, "kq-1"))).toMatchObject({ version: 2, value: r1v2 });

        const missing = await h.failure(
          store.updateRecord(a, plan.id, contractRecord("kq-khong-co", "u_1"), 1),
          "updating a missing record",
        );
        expect(missing).toMatchObject({ _tag: "NotFound", entity: "record", id: "kq-khong-co" });

        const r3 = contractRecord("kq-3", "u_1");
        const existing = await h.failure(
          store.insertRecords(a, plan.id, [r3, { ...r2, output: 100 }]),
          "inserting an id that is stored",
        );
        expect(existing).toMatchObject({
          _tag: "VersionConflict",
          entity: "record",
          id: "kq-2",
          expected: null,
        });
        const r4 = contractRecord("kq-4", "u_1");
        const repeated = await h.failure(
          store.insertRecords(a, plan.id, [r4, contractRecord("kq-5", "u_1"), { ...r4, output: 7 }]),
          "inserting one id twice",
        );
        expect(repeated).toMatchObject({
          _tag: "VersionConflict",
          entity: "record",
          id: "kq-4",
          expected: null,
        });
        for (const id of ["kq-3", "kq-4", "kq-5"])
          expect(await h.failure(store.getRecord(a, plan.id, id), `getRecord(${id})`)).toMatchObject({
            _tag: "NotFound",
            entity: "record",
            id,
          });
        expect(await h.run(store.countRecords(a, plan.id))).toBe(2);
        expect(await h.run(store.getRecord(a, plan.id, "kq-2"))).toMatchObject({ version: 1, value: r2 });
        const rows = await ctx.rows(a);
        if (rows) expect(rows).toMatchObject({ records: 2 });
      },
      timeout,
    );

    it(
      "missing plans, plan versions and records fail with NotFound",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-co");
        expect(await h.failure(store.getPlan(a, "kh-khong"), "getPlan")).toMatchObject({
          _tag: "NotFound",
          entity: "plan",
          id: "kh-khong",
        });
        expect(await h.failure(store.getPlan(a, plan.id, 2), "getPlan(version 2)")).toMatchObject({
          _tag: "NotFound",
          entity: "plan",
        });
        expect(await h.failure(store.planHistory(a, "kh-khong"), "planHistory")).toMatchObject({
          _tag: "NotFound",
          entity: "plan",
          id: "kh-khong",
        });
        expect(await h.failure(store.getRecord(a, plan.id, "kq-khong"), "getRecord")).toMatchObject({
          _tag: "NotFound",
          entity: "record",
          id: "kq-khong",
        });
        expect(
          await h.failure(store.getRecord(a, "kh-khong", "kq-khong"), "getRecord(other plan)"),
        ).toMatchObject({
          _tag: "NotFound",
          entity: "record",
        });
      },
      timeout,
    );
  });

  describe("concurrent writers", () => {
    const { writers } = ctx;

    it(
      `${writers} writers doing read-modify-write on the same plan lose no update (${PLAN_INCREMENTS} each)`,
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const base = contractPlan("kh-dong-thoi", { extensions: { counter: 0, writers: [] } });
        await h.run(store.savePlan(a, base, null));
        const stats: ConflictStats = { conflicts: 0 };
        const increment = (w: number, k: number) =>
          untilNoConflict(
            () =>
              Effect.gen(function* () {
                const current = yield* store.getPlan(a, base.id);
                yield* Effect.yieldNow; // let the other writers read the same version
                const ext = current.value.extensions ?? {};
                const next: Plan = {
                  ...current.value,
                  extensions: {
                    counter: Number(ext.counter) + 1,
                    writers: [...stringsOf(ext.writers), `w${w}:${k}`],
                  },
                };
                return yield* store.savePlan(a, base.id === next.id ? next : base, current.version);
              }),
            stats,
          );
        const writer = (w: number) =>
          Effect.gen(function* () {
            for (let k = 0; k < PLAN_INCREMENTS; k++) yield* increment(w, k);
          });
        await h.run(
          Effect.all(
            Array.from({ length: writers }, (_, w) => writer(w)),
            { concurrency: "unbounded" },
          ),
        );
        const total = writers * PLAN_INCREMENTS;
        const final = await h.run(store.getPlan(a, base.id));
        expect(final.version).toBe(1 + total);
        expect(final.value.extensions?.counter).toBe(total);
        const markers = stringsOf(final.value.extensions?.writers);
        expect(markers.length).toBe(total);
        expect(new Set(markers).size).toBe(total);
        for (let w = 0; w < writers; w++)
          expect(markers.filter((m) => m.startsWith(`w${w}:`))).toEqual(
            Array.from({ length: PLAN_INCREMENTS }, (_, k) => `w${w}:${k}`),
          );
        const history = await h.run(store.planHistory(a, base.id));
        expect(history.length).toBe(1 + total);
        expect(history.map((v) => v.version)).toEqual(Array.from({ length: 1 + total }, (_, i) => i + 1));
        expect(history.map((v) => v.value.extensions?.counter)).toEqual(
          Array.from({ length: 1 + total }, (_, i) => i),
        );
        const rows = await ctx.rows(a);
        if (rows) expect(rows).toMatchObject({ plans: 1, planVersions: 1 + total });
      },
      timeout,
    );

    it(
      `${writers} writers doing read-modify-write on the same record lose no update (${RECORD_INCREMENTS} each)`,
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-ban-ghi-dong-thoi");
        const record = contractRecord("kq-dem", "u_1", { output: 0 });
        await h.run(store.insertRecords(a, plan.id, [record]));
        const stats: ConflictStats = { conflicts: 0 };
        const increment = () =>
          untilNoConflict(
            () =>
              Effect.gen(function* () {
                const current = yield* store.getRecord(a, plan.id, record.id);
                yield* Effect.yieldNow;
                return yield* store.updateRecord(
                  a,
                  plan.id,
                  { ...current.value, output: current.value.output + 1 },
                  current.version,
                );
              }),
            stats,
          );
        const writer = Effect.gen(function* () {
          for (let k = 0; k < RECORD_INCREMENTS; k++) yield* increment();
        });
        await h.run(
          Effect.all(
            Array.from({ length: writers }, () => writer),
            { concurrency: "unbounded" },
          ),
        );
        const total = writers * RECORD_INCREMENTS;
        const final = await h.run(store.getRecord(a, plan.id, record.id));
        expect(final.value.output).toBe(total);
        expect(final.version).toBe(1 + total);
        expect(await h.run(store.countRecords(a, plan.id))).toBe(1);
      },
      timeout,
    );

    it(
      `${writers} writers creating the same plan and the same record at once: exactly one wins each`,
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const settle = <A, E>(effect: Effect.Effect<A, E>) =>
          Effect.match(effect, {
            onFailure: (error): Outcome<A, E> => ({ ok: false, error }),
            onSuccess: (value): Outcome<A, E> => ({ ok: true, value }),
          });
        const plans = await h.run(
          Effect.all(
            Array.from({ length: writers }, (_, w) =>
              settle(
                store.savePlan(a, contractPlan("kh-tao-cung-luc", { title: `Bản của người ghi ${w}` }), null),
              ),
            ),
            { concurrency: "unbounded" },
          ),
        );
        const won = plans.flatMap((o) => (o.ok ? [o.value] : []));
        expect(won.length).toBe(1);
        for (const o of plans)
          if (!o.ok)
            expect(o.error).toMatchObject({ _tag: "VersionConflict", entity: "plan", expected: null });
        const history = await h.run(store.planHistory(a, "kh-tao-cung-luc"));
        expect(history).toEqual(won);

        await h.run(
          Effect.forEach(["u_1", "uX1", "u-2", "u.3"], (u) =>
            store.saveActivity(a, "kh-tao-cung-luc", contractActivity(u), null),
          ),
        );
        const inserts = await h.run(
          Effect.all(
            Array.from({ length: writers }, (_, w) =>
              settle(
                store.insertRecords(a, "kh-tao-cung-luc", [contractRecord("kq-tao", "u_1", { output: w })]),
              ),
            ),
            { concurrency: "unbounded" },
          ),
        );
        expect(inserts.filter((o) => o.ok).length).toBe(1);
        for (const o of inserts)
          if (!o.ok)
            expect(o.error).toMatchObject({
              _tag: "VersionConflict",
              entity: "record",
              id: "kq-tao",
              expected: null,
            });
        expect(await h.run(store.countRecords(a, "kh-tao-cung-luc"))).toBe(1);
        const rows = await ctx.rows(a);
        if (rows) expect(rows).toMatchObject({ plans: 1, planVersions: 1, records: 1 });
      },
      timeout,
    );
  });
}
