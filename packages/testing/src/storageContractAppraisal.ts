/**
 * Contract cases for the appraisal part of the storage port: rounds and entries are versioned
 * (a stale or duplicate save is a `VersionConflict` that writes nothing, history included), each
 * save appends exactly one history event, lists filter by period, unit (null: the agency) and
 * leaf in entry id order, concurrent appraisers of one entry give one winner, nothing crosses
 * agencies, hostile text reads back unchanged, and the whole cycle scores from the store.
 */
import {
  type Actor,
  type AppraisalEntry,
  type AppraisalEvent,
  type AppraisalRound,
  answerEntry,
  appraiseEntry,
  changeAppraisalRound,
  entryId,
  MemoryEvidenceStore,
  openAppraisalRound,
  PAR_COMMUNICATION_PRESET,
  Storage,
  scoreStoredPlan,
  selfAssessEntry,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { CONTRACT_UNIT_IDS, HOSTILE_STRINGS } from "./storageContractFixtures.js";
import type { ContractContext } from "./storageContractHarness.js";

const LEAD: Actor = { role: "lead", userId: "lead" };
const AT = "2026-12-01T03:00:00.000Z";

const round = (
  planId: string,
  periodId = "2018",
  state: AppraisalRound["state"] = "open",
): AppraisalRound => ({
  planId,
  periodId,
  state,
  deadline: "2099-12-31",
  openedAt: AT,
  openedBy: { role: "lead", userId: "lead" },
});

const entry = (
  planId: string,
  unitId: string | null,
  nodeId = "tt.4.2",
  note = "ghi chú",
): AppraisalEntry => ({
  planId,
  periodId: "2018",
  unitId,
  nodeId,
  stage: "self-assessed",
  self: { points: 0.5, note, evidence: [], links: [], by: { role: "lead", userId: "lead" }, at: AT },
});

const ev = (
  subject: "round" | "entry",
  subjectId: string,
  action: AppraisalEvent["action"],
): Omit<AppraisalEvent, "version"> => ({
  subject,
  subjectId,
  action,
  by: { role: "lead", userId: "lead" },
  at: AT,
  changes: [{ field: "state", from: null, to: "open" }],
});

export function registerAppraisalCases(ctx: ContractContext): void {
  const { h } = ctx;
  describe("appraisal", () => {
    it(
      "rounds are versioned, keep an append-only history, and a stale or duplicate save writes nothing",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = "p";
        const v1 = await h.run(store.saveRound(a, plan, round(plan), null, ev("round", "2018", "open")));
        expect(v1.version).toBe(1);
        expect(v1.value).toEqual(round(plan));
        const dup = await h.failure(
          store.saveRound(a, plan, round(plan), null, ev("round", "2018", "open")),
          "a duplicate round",
        );
        expect(dup).toMatchObject({
          _tag: "VersionConflict",
          entity: "appraisal-round",
          expected: null,
          actual: 1,
        });
        const v2 = await h.run(
          store.saveRound(a, plan, round(plan, "2018", "appraisal"), 1, ev("round", "2018", "advance")),
        );
        expect(v2.version).toBe(2);
        const stale = await h.failure(
          store.saveRound(a, plan, round(plan, "2018", "closed"), 1, ev("round", "2018", "close")),
          "a stale round",
        );
        expect(stale).toMatchObject({ _tag: "VersionConflict", expected: 1, actual: 2 });
        const rounds = await h.run(store.listRounds(a, plan));
        expect(rounds.map((r) => [r.value.periodId, r.value.state, r.version])).toEqual([
          ["2018", "appraisal", 2],
        ]);
        const history = await h.run(store.appraisalHistory(a, plan, "round", "2018"));
        expect(history.map((e) => [e.action, e.version])).toEqual([
          ["open", 1],
          ["advance", 2],
        ]);
        expect(history[0]).toEqual({ ...ev("round", "2018", "open"), version: 1 });
        // a second round sorts by period id; another plan and another agency see nothing
        await h.run(store.saveRound(a, plan, round(plan, "2018Q1"), null, ev("round", "2018Q1", "open")));
        expect((await h.run(store.listRounds(a, plan))).map((r) => r.value.periodId)).toEqual([
          "2018",
          "2018Q1",
        ]);
        expect(await h.run(store.listRounds(a, "other"))).toEqual([]);
        expect(await h.run(store.listRounds(ctx.agency(), plan))).toEqual([]);
        expect(await h.run(store.appraisalHistory(ctx.agency(), plan, "round", "2018"))).toEqual([]);
      },
      ctx.timeout,
    );

    it(
      "entries: filters (unit, agency-level null, leaf), entry id order, stale versions refused without a trace, hostile text kept",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = "p";
        const units = [...CONTRACT_UNIT_IDS];
        for (const u of units)
          await h.run(
            store.saveEntry(
              a,
              plan,
              entry(plan, u),
              null,
              ev("entry", entryId("2018", u, "tt.4.2"), "self-assess"),
            ),
          );
        await h.run(
          store.saveEntry(
            a,
            plan,
            entry(plan, null),
            null,
            ev("entry", entryId("2018", null, "tt.4.2"), "self-assess"),
          ),
        );
        const all = await h.run(store.listEntries(a, plan));
        const ids = all.map((e) => entryId(e.value.periodId, e.value.unitId, e.value.nodeId));
        expect(ids).toEqual([...ids].sort((x, y) => (Buffer.from(x) < Buffer.from(y) ? -1 : 1)));
        expect(all).toHaveLength(5);
        expect(
          (await h.run(store.listEntries(a, plan, { unitId: null }))).map((e) => e.value.unitId),
        ).toEqual([null]);
        // "_" is no wildcard
        expect(
          (await h.run(store.listEntries(a, plan, { unitId: "u_1" }))).map((e) => e.value.unitId),
        ).toEqual(["u_1"]);
        expect(await h.run(store.listEntries(a, plan, { nodeId: "tt.1.1" }))).toEqual([]);
        expect(await h.run(store.listEntries(a, plan, { periodId: "2019" }))).toEqual([]);

        const id = entryId("2018", "u_1", "tt.4.2");
        const before = await h.run(store.listEntries(a, plan, { unitId: "u_1" }));
        const changed: AppraisalEntry = {
          ...entry(plan, "u_1"),
          stage: "appraised",
          appraisal: { points: 0.25, by: { role: "council", userId: "c" }, at: AT },
        };
        for (const expected of [null, 2, 0, -1, 1.5, 2147483648])
          expect(
            await h.failure(
              store.saveEntry(a, plan, changed, expected, ev("entry", id, "appraise")),
              `save with version ${expected}`,
            ),
          ).toMatchObject({ _tag: "VersionConflict", entity: "appraisal-entry", actual: 1 });
        expect(await h.run(store.listEntries(a, plan, { unitId: "u_1" }))).toEqual(before);
        expect((await h.run(store.appraisalHistory(a, plan, "entry", id))).map((e) => e.version)).toEqual([
          1,
        ]);
        const v2 = await h.run(store.saveEntry(a, plan, changed, 1, ev("entry", id, "appraise")));
        expect(v2.version).toBe(2);
        expect((await h.run(store.listEntries(a, plan, { unitId: "u_1" })))[0]?.value).toEqual(changed);
        expect(
          (await h.run(store.appraisalHistory(a, plan, "entry", id))).map((e) => [e.action, e.version]),
        ).toEqual([
          ["self-assess", 1],
          ["appraise", 2],
        ]);

        for (const [i, s] of HOSTILE_STRINGS.entries()) {
          const e = entry(plan, "u-2", "tt.4.2", s);
          const hostile = { ...e, nodeId: `n${i}` };
          const saved = await h.run(
            store.saveEntry(a, plan, hostile, null, { ...ev("entry", `x${i}`, "self-assess"), reason: s }),
          );
          expect(saved.value).toEqual(hostile);
        }
        const back = await h.run(store.listEntries(a, plan, { unitId: "u-2" }));
        for (const [i, s] of HOSTILE_STRINGS.entries())
          expect(back.find((e) => e.value.nodeId === `n${i}`)?.value.self?.note).toBe(s);
        expect(await h.run(store.listEntries(ctx.agency(), plan))).toEqual([]);
      },
      ctx.timeout,
    );

    it(
      "concurrent appraisers of one entry: exactly one save wins, the others get VersionConflict",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = "p";
        const id = entryId("2018", "u-2", "tt.4.2");
        await h.run(store.saveEntry(a, plan, entry(plan, "u-2"), null, ev("entry", id, "self-assess")));
        const n = Math.max(2, Math.min(ctx.writers, 20));
        const results = await Promise.all(
          Array.from({ length: n }, (_, i) =>
            h.outcome(
              store.saveEntry(
                a,
                plan,
                {
                  ...entry(plan, "u-2"),
                  stage: "appraised",
                  appraisal: { points: i / 100, by: { role: "council", userId: `c${i}` }, at: AT },
                },
                1,
                ev("entry", id, "appraise"),
              ),
            ),
          ),
        );
        const wins = results.filter((r) => r.ok);
        expect(wins).toHaveLength(1);
        for (const r of results)
          if (!r.ok) expect(r.error).toMatchObject({ _tag: "VersionConflict", expected: 1, actual: 2 });
        const history = await h.run(store.appraisalHistory(a, plan, "entry", id));
        expect(history.map((e) => e.version)).toEqual([1, 2]);
      },
      ctx.timeout,
    );

    it(
      "the whole cycle through the port: self → appraise → answer → round 2 → close, and the score from the store moves by the decided points",
      async () => {
        const a = ctx.agency();
        const plan = await h.setup(a, "ke-hoach-tham-dinh");
        const unit = CONTRACT_UNIT_IDS[2];
        const options = { scheme: PAR_COMMUNICATION_PRESET };
        const target = {
          agencyId: a,
          plan,
          scheme: PAR_COMMUNICATION_PRESET,
          unitId: unit,
          nodeId: "tt.4.2",
        };
        const reporter: Actor = { role: "reporter", unitId: unit, userId: "r" };
        const points = (s: { units: readonly { unitId: string; points: number }[] }) =>
          s.units.find((u) => u.unitId === unit)?.points as number;
        const program = Effect.gen(function* () {
          const before = yield* scoreStoredPlan(a, plan.id, options);
          yield* openAppraisalRound(a, plan, { periodId: "2018", deadline: "2099-12-31" }, LEAD);
          yield* selfAssessEntry(target, { points: 0.5, note: "Có sáng kiến" }, reporter);
          yield* changeAppraisalRound(a, plan.id, undefined, { kind: "advance" }, LEAD);
          yield* appraiseEntry(target, { points: 0.1 }, LEAD);
          yield* changeAppraisalRound(
            a,
            plan.id,
            undefined,
            { kind: "advance", answerDeadline: "2099-12-31" },
            LEAD,
          );
          yield* answerEntry(target, { text: "Giải trình" }, reporter);
          yield* changeAppraisalRound(a, plan.id, undefined, { kind: "advance" }, LEAD);
          yield* appraiseEntry(target, { points: 0.35 }, LEAD);
          yield* changeAppraisalRound(a, plan.id, undefined, { kind: "close" }, LEAD);
          const after = yield* scoreStoredPlan(a, plan.id, options);
          const store = yield* Storage;
          const history = yield* store.appraisalHistory(a, plan.id, "entry", entryId("2018", unit, "tt.4.2"));
          return { delta: points(after) - points(before), history };
        }).pipe(Effect.provide(MemoryEvidenceStore.layer()));
        const { delta, history } = await h.run(program);
        expect(delta).toBeCloseTo(0.35, 9);
        expect(history.map((e) => [e.action, e.by.userId])).toEqual([
          ["self-assess", "r"],
          ["appraise", "lead"],
          ["answer", "r"],
          ["decide", "lead"],
        ]);
      },
      ctx.timeout,
    );

    if (ctx.reopen !== undefined) {
      const reopen = ctx.reopen;
      it(
        "rounds, entries and history survive closing and reopening the store",
        async () => {
          const a = ctx.agency();
          const store = h.store;
          await h.run(store.saveRound(a, "p", round("p"), null, ev("round", "2018", "open")));
          await h.run(
            store.saveEntry(
              a,
              "p",
              entry("p", null),
              null,
              ev("entry", entryId("2018", null, "tt.4.2"), "self-assess"),
            ),
          );
          await reopen();
          const again = h.store;
          expect((await h.run(again.listRounds(a, "p"))).map((r) => r.version)).toEqual([1]);
          expect((await h.run(again.listEntries(a, "p")))[0]?.value).toEqual(entry("p", null));
          expect(
            await h.run(again.appraisalHistory(a, "p", "entry", entryId("2018", null, "tt.4.2"))),
          ).toHaveLength(1);
        },
        ctx.timeout,
      );
    }
  });
}
