/**
 * Contract cases for plan trees: `planTree` gives a plan and every plan of its year under it at
 * their latest versions, root first and level by level in id order, each plan once (also when the
 * stored links loop), nothing of another tree, year or agency; and `scoreStoredTree` rolls the
 * stored tree up with each plan's own tracking data.
 */

import {
  DEFAULT_ROLLUP_CONFIG,
  NotFound,
  PAR_COMMUNICATION_PRESET,
  type PlanInput,
  scoreStoredTree,
} from "@cchc/core";
import { describe, expect, it } from "vitest";
import {
  CONTRACT_UNIT_IDS,
  CONTRACT_YEAR,
  contractActivity,
  contractPlan,
  contractRecord,
} from "./storageContractFixtures.js";
import type { ContractContext } from "./storageContractHarness.js";

const parentOf = (planId: string, extra: Partial<PlanInput> = {}): Partial<PlanInput> => ({
  parent: { planId, year: CONTRACT_YEAR },
  ...extra,
});

export function registerTreeCases(ctx: ContractContext): void {
  const { h, timeout } = ctx;

  describe("plan trees", () => {
    it(
      "planTree gives the root, then each level in id order, at latest versions; not other trees, years or agencies",
      async () => {
        const a = ctx.agency();
        const other = ctx.agency();
        const store = h.store;
        const save = (agency: string, id: string, extra: Partial<PlanInput> = {}) =>
          h.run(store.savePlan(agency, contractPlan(id, extra), null));
        await save(a, "tinh");
        // saved out of order, so the order comes from the adapter
        await save(a, "so-y-te", parentOf("tinh"));
        await save(a, "xa-a", parentOf("so-tu-phap"));
        await save(a, "so-tu-phap", parentOf("tinh"));
        await save(a, "phuong-b", parentOf("tinh"));
        await save(a, "tinh-khac"); // another tree
        await save(a, "con-tinh-khac", parentOf("tinh-khac"));
        await save(a, "nam-khac", { parent: { planId: "tinh", year: 2019 }, year: 2019 });
        await save(other, "cua-co-quan-khac", parentOf("tinh")); // another agency's store
        // an update: the tree gives the latest version
        await h.run(
          store.savePlan(
            a,
            contractPlan("so-y-te", { ...parentOf("tinh"), title: "Kế hoạch đã sửa đổi" }),
            1,
          ),
        );

        const tree = await h.run(store.planTree(a, "tinh"));
        expect(tree.map((e) => [e.plan.value.id, e.depth, e.parentPlanId ?? null])).toEqual([
          ["tinh", 0, null],
          ["phuong-b", 1, "tinh"],
          ["so-tu-phap", 1, "tinh"],
          ["so-y-te", 1, "tinh"],
          ["xa-a", 2, "so-tu-phap"],
        ]);
        const syt = tree.find((e) => e.plan.value.id === "so-y-te");
        expect(syt?.plan.version).toBe(2);
        expect(syt?.plan.value.title).toBe("Kế hoạch đã sửa đổi");
        expect(syt?.plan.value).toEqual(
          contractPlan("so-y-te", { ...parentOf("tinh"), title: "Kế hoạch đã sửa đổi" }),
        );

        const sub = await h.run(store.planTree(a, "so-tu-phap"));
        expect(sub.map((e) => e.plan.value.id)).toEqual(["so-tu-phap", "xa-a"]);
        const leaf = await h.run(store.planTree(a, "xa-a"));
        expect(leaf.map((e) => e.plan.value.id)).toEqual(["xa-a"]);
      },
      timeout,
    );

    it(
      "planTree fails with NotFound for a root not stored in the agency, and gives each plan once when links loop",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const missing = await h.failure(store.planTree(a, "khong-co"), "planTree of a plan not stored");
        expect(missing).toBeInstanceOf(NotFound);
        // a loop stored through the port (links are checked before saving by `checkPlanLinks`, not by the store)
        await h.run(store.savePlan(a, contractPlan("vong-a", parentOf("vong-b")), null));
        await h.run(store.savePlan(a, contractPlan("vong-b", parentOf("vong-a")), null));
        await h.run(store.savePlan(a, contractPlan("vong-c", parentOf("vong-b")), null));
        const tree = await h.run(store.planTree(a, "vong-a"));
        expect(tree.map((e) => [e.plan.value.id, e.depth])).toEqual([
          ["vong-a", 0],
          ["vong-b", 1],
          ["vong-c", 2],
        ]);
      },
      timeout,
    );

    it(
      "scoreStoredTree scores each stored plan from its own records and rolls tracking and scores up",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plans = [
          contractPlan("tinh", { date: `${CONTRACT_YEAR}-01-10` }),
          contractPlan(
            "so-a",
            parentOf("tinh", { issuer: { name: "Sở A" }, date: `${CONTRACT_YEAR}-01-20` }),
          ),
          contractPlan(
            "so-b",
            parentOf("tinh", { issuer: { name: "Sở B" }, date: `${CONTRACT_YEAR}-03-01` }),
          ),
        ];
        for (const p of plans) {
          await h.run(store.savePlan(a, p, null));
          for (const unitId of CONTRACT_UNIT_IDS)
            await h.run(store.saveActivity(a, p.id, contractActivity(unitId), null));
        }
        // so-a's units did everything they planned; so-b did nothing
        const done = CONTRACT_UNIT_IDS.map((u, i) => contractRecord(`r${i}`, u, { output: 100 }));
        await h.run(store.insertRecords(a, "so-a", done));
        await h.run(store.insertRecords(a, "tinh", done.slice(0, 2)));

        const rollup = await h.run(
          scoreStoredTree(a, "tinh", {
            scheme: PAR_COMMUNICATION_PRESET,
            rollup: { ...DEFAULT_ROLLUP_CONFIG, issueWithinDays: 30 },
          }),
        );
        const root = rollup.root;
        expect(root.tracking.total).toEqual({
          plans: 3,
          activities: 12,
          records: CONTRACT_UNIT_IDS.length + 2,
          reports: 0,
        });
        expect(root.tracking.own.records).toBe(2);
        const [first, second] = root.children;
        expect(first?.planId).toBe("so-a");
        expect(second?.planId).toBe("so-b");
        expect(first?.tracking.own.records).toBe(CONTRACT_UNIT_IDS.length);
        expect((first?.own?.points ?? 0) > (second?.own?.points ?? 0)).toBe(true);
        const scores = [root.own?.score, first?.score, second?.score] as number[];
        expect(root.score).toBeCloseTo(scores.reduce((x, y) => x + y, 0) / 3, 1);
        // so-b issued 50 days after the root's date, 30 allowed
        expect(second?.lateness).toEqual({
          dueDate: `${CONTRACT_YEAR}-02-09`,
          issuedOn: `${CONTRACT_YEAR}-03-01`,
          late: true,
          daysLate: 20,
        });
        expect(first?.lateness.late).toBe(false);
      },
      timeout,
    );
  });
}
