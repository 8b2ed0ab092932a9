/**
 * Plans inside plans, end to end with the BUILT bin on a PGlite folder: `cchc generate --size
 * medium --year 2026` writes a province's plan and its departments' and communes' plans,
 * `cchc ingest <dir>` stores them all (links checked first: a cycle or a year other than the
 * parent's stores nothing), and `cchc rollup` gives the tree with each node's score, rank in its
 * group, coverage and lateness.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cchcBin, expectOneLine, jsonOf, requireBin } from "./bin.js";

const SLOW = 300_000;

let dir: string;
const cchc = (...args: string[]) => cchcBin(dir, args);

interface Manifest {
  rootPlanId: string;
  counts: { records: number; activities: number; reports: number };
  plans: { planId: string; parentPlanId?: string; dir: string }[];
}
interface Node {
  planId: string;
  issuer: string;
  groupId?: string;
  score?: number;
  rank?: number;
  groupSize?: number;
  own?: { points: number; maxPoints: number; score: number };
  coverage: {
    expected: number;
    issued: number;
    late: number;
    missing: { unitId: string; status: string; groupId: string }[];
  };
  lateness: { dueDate?: string; issuedOn?: string; late: boolean; daysLate: number };
  tracking: { own: { records: number }; total: { plans: number; records: number; activities: number } };
  explanation: { vi: string; en: string };
  children: Node[];
}
interface RollupJson {
  rootPlanId: string;
  rule: { type: string };
  tree: Node;
  findings: { code: string; path: unknown[]; message: { vi: string; en: string } }[];
}

let manifest: Manifest;

beforeAll(async () => {
  requireBin();
  dir = await mkdtemp(join(tmpdir(), "cchc-rollup-"));
  const generated = await cchc("generate", "--size", "medium", "--year", "2026", "--seed", "1", "--out", "t");
  expect(generated.code, generated.stderr).toBe(0);
  manifest = JSON.parse(await readFile(join(dir, "t", "manifest.json"), "utf8")) as Manifest;
}, SLOW);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("cchc generate --size medium --year 2026", () => {
  it("writes the province's plan and its departments' and communes' plans naming it as parent", async () => {
    const [root, ...subs] = manifest.plans;
    expect(root?.planId).toBe(manifest.rootPlanId);
    expect(root?.parentPlanId).toBeUndefined();
    expect(subs.length).toBeGreaterThan(30);
    expect(subs.every((p) => p.parentPlanId === manifest.rootPlanId && p.dir === `plans/${p.planId}`)).toBe(
      true,
    );
    const sub = JSON.parse(
      await readFile(join(dir, "t", "plans", subs[0]?.planId ?? "", "plan.json"), "utf8"),
    );
    expect(sub.parent.planId).toBe(manifest.rootPlanId);
    expect(typeof sub.parent.unitId).toBe("string");
  });
});

describe("cchc ingest <tree> and cchc rollup", () => {
  it(
    "stores every plan with its tracking data, then rolls the tree up: scores, ranks in groups, coverage, lateness",
    async () => {
      const ingested = jsonOf<{
        rootPlanId: string;
        plansCreated: number;
        plans: { planId: string; records: { inserted: number } | null }[];
      }>(await cchc("ingest", "t", "--db", "db", "--json"));
      expect(ingested.rootPlanId).toBe(manifest.rootPlanId);
      expect(ingested.plansCreated).toBe(manifest.plans.length);
      expect(ingested.plans.reduce((a, p) => a + (p.records?.inserted ?? 0), 0)).toBe(
        manifest.counts.records,
      );
      // again with --resume: everything is already stored and identical
      const again = jsonOf<{ plansCreated: number; plansKept: number }>(
        await cchc("ingest", "t", "--db", "db", "--resume", "--json"),
      );
      expect(again).toMatchObject({ plansCreated: 0, plansKept: manifest.plans.length });

      const r = jsonOf<RollupJson>(
        await cchc("rollup", "--db", "db", "--plan", manifest.rootPlanId, "--json"),
      );
      const root = r.tree;
      expect(r.rootPlanId).toBe(manifest.rootPlanId);
      expect(r.rule.type).toBe("mean");
      expect(root.tracking.total.plans).toBe(manifest.plans.length);
      expect(root.tracking.total.records).toBe(manifest.counts.records);
      expect(root.tracking.total.activities).toBe(manifest.counts.activities);
      expect(root.children).toHaveLength(manifest.plans.length - 1);
      // every sub-plan scored, out of 10, and ranked in its group; ranks start at 1 and never pass the group
      const groups = new Map<string, Node[]>();
      for (const c of root.children) {
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(10);
        expect(c.groupId).toMatch(/^(departments|communes|wards)$/);
        groups.set(c.groupId ?? "", [...(groups.get(c.groupId ?? "") ?? []), c]);
      }
      expect(groups.get("departments")?.length).toBeGreaterThan(5);
      expect(groups.get("communes")?.length).toBeGreaterThan(5);
      for (const members of groups.values()) {
        const ranks = members.map((m) => m.rank ?? 0);
        expect(Math.min(...ranks)).toBe(1);
        expect(members.every((m) => m.groupSize === members.length)).toBe(true);
        // best first; an equal score shares the rank of the one before
        for (let i = 1; i < members.length; i++) {
          const [a, b] = [members[i - 1] as Node, members[i] as Node];
          expect((a.score ?? 0) >= (b.score ?? 0)).toBe(true);
          expect(b.rank).toBe(a.score === b.score ? a.rank : i + 1);
        }
      }
      // coverage: the units that never issued theirs are missing, and findings for the parent
      const cov = root.coverage;
      expect(cov.issued).toBe(manifest.plans.length - 1);
      expect(cov.expected).toBe(cov.issued + cov.missing.length);
      const missing = r.findings.filter((f) => f.code === "plan-tree.sub-plan-missing");
      expect(missing, JSON.stringify(missing.slice(0, 3))).toHaveLength(cov.missing.length);
      // lateness: due 30 days after the province's plan
      const late = root.children.filter((c) => c.lateness.late);
      expect(late.length).toBe(cov.late);
      expect(late.length).toBeGreaterThan(0);
      for (const c of late) expect((c.lateness.issuedOn ?? "") > (c.lateness.dueDate ?? "")).toBe(true);
      const first = root.children[0] as Node;
      expect(first.explanation.vi).toMatch(/^.+ \d+(,\d+)?\/10, từ kế hoạch .+ \(.+ điểm, theo /u);

      // as of 20 January most sub-plans are not issued yet: pending, not missing
      const early = jsonOf<RollupJson>(
        await cchc("rollup", "--db", "db", "--plan", manifest.rootPlanId, "--as-of", "2026-01-01", "--json"),
      );
      expect(early.tree.coverage.issued).toBeLessThan(cov.issued);

      // the text, Vietnamese first, groups apart
      const text = await cchc("rollup", "--db", "db", "--plan", manifest.rootPlanId, "--rule", "weighted");
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain("[Sở, ban, ngành / Departments]");
      expect(text.stdout).toContain("[Xã / Communes]");
      expect(text.stdout).toMatch(/\d,\d+\/10/);
      expect(text.stdout).toContain("bình quân gia quyền theo số đơn vị");
    },
    SLOW,
  );

  it(
    "a root not stored, a rule it does not know: exit 2, one line",
    async () => {
      expect(expectOneLine(await cchc("rollup", "--db", "db", "--plan", "khong-co"), 2)).toContain(
        "khong-co",
      );
      expect(
        expectOneLine(
          await cchc("rollup", "--db", "db", "--plan", manifest.rootPlanId, "--rule", "median"),
          2,
        ),
      ).toContain("--rule");
    },
    SLOW,
  );

  it(
    "a cycle of parents or a year other than the parent's: findings, exit 1, nothing stored",
    async () => {
      const [a, b] = manifest.plans.slice(1, 3).map((p) => p.planId);
      const copyPlan = async (to: string, id: string, edit: (p: Record<string, unknown>) => void) => {
        await cp(join(dir, "t", "plans", id), join(dir, to, "plans", id), { recursive: true });
        const file = join(dir, to, "plans", id, "plan.json");
        const plan = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
        edit(plan);
        await writeFile(file, JSON.stringify(plan));
      };
      await copyPlan("vong", a as string, (p) => {
        p.parent = { planId: b, year: 2026 };
      });
      await copyPlan("vong", b as string, (p) => {
        p.parent = { planId: a, year: 2026 };
      });
      const cycle = await cchc("ingest", "vong", "--db", "db2", "--json");
      expect(cycle.code).toBe(1);
      const out = JSON.parse(cycle.stdout) as { saved: boolean; errors: { code: string; path: unknown[] }[] };
      expect(out.saved).toBe(false);
      expect(out.errors.map((e) => e.code)).toEqual(["plan-tree.cycle", "plan-tree.cycle"]);
      expect(out.errors.map((e) => e.path[0]).sort()).toEqual(
        [`plans/${a}/plan.json`, `plans/${b}/plan.json`].sort(),
      );
      expect(
        jsonOf<{ plans: unknown[] }>(await cchc("plans", "list", "--db", "db2", "--json")).plans,
      ).toEqual([]);

      // the province's plan and one sub-plan claiming 2027 for a 2027 parent that is the 2026 plan
      await cp(join(dir, "t", "plans", manifest.rootPlanId), join(dir, "nam", "plans", manifest.rootPlanId), {
        recursive: true,
      });
      await copyPlan("nam", a as string, (p) => {
        p.year = 2027;
        p.parent = { ...(p.parent as object), year: 2027 };
        p.date = "2027-01-20";
      });
      const year = await cchc("ingest", "nam", "--db", "db2");
      expect(year.code).toBe(1);
      expect(year.stderr).toContain("plan-tree.year-mismatch");
      expect(year.stderr).toContain("nothing written");
      expect(
        jsonOf<{ plans: unknown[] }>(await cchc("plans", "list", "--db", "db2", "--json")).plans,
      ).toEqual([]);
    },
    SLOW,
  );
});
