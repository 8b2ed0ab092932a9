/**
 * `cchc ingest <dir>` without `--plan`, on a dataset that is a tree of plans (`plans/<id>/` with
 * plan.json and its NDJSON files, as `cchc generate` writes the 2026 medium and national sizes):
 * every plan is read, validated and its parent link checked (a cycle, a year other than the
 * parent's, a plan given twice) BEFORE anything is written; then the plans are saved, parents
 * first, and each one's tracking data is ingested as `cchc ingest <dir>/plans/<id> --plan <id>`
 * would. A plan already stored and identical is kept; one that differs stops the run before any
 * write.
 */
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  checkPlanLinks,
  type Finding,
  type Plan,
  type PlanLink,
  planLink,
  renderPlanJson,
  validatePlan,
} from "@cchc/core";
import { CliError, helpHint } from "../errors.js";
import { findingLine, findingToJson, summaryLine } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { loadPlanFile } from "../loadPlanFile.js";
import { type CliStore, type DbTarget, withStore } from "../store.js";
import { storeJson } from "./migrate.js";

/** The folder of a tree dataset that holds one folder per plan. */
export const PLANS_FOLDER = "plans";
/** At most this many plans in one tree ingest (a country has about 3,800). */
export const MAX_TREE_PLANS = 20_000;

/** The plans/ folder of `raw` when it is a tree dataset's folder, else undefined. */
export async function treeFolder(io: CliIo, raw: string): Promise<string | undefined> {
  const dir = resolve(io.cwd, raw, PLANS_FOLDER);
  const info = await stat(dir).catch(() => undefined);
  return info?.isDirectory() ? dir : undefined;
}

/** Ingests one stored plan's tracking folder (the one-plan ingest) and gives its summary. */
export type PlanIngest = (s: CliStore, planId: string, dir: string) => Promise<object>;

interface TreePlan {
  readonly plan: Plan;
  readonly dir: string;
  readonly shown: string;
}

const isTag = (e: unknown, tag: string): boolean =>
  typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === tag;

/** Parents before children (plans whose parent is outside the dataset first), then by id. */
function parentsFirst(plans: readonly TreePlan[]): TreePlan[] {
  const byId = new Map(plans.map((p) => [p.plan.id, p] as const));
  const out: TreePlan[] = [];
  const placed = new Set<string>();
  const visit = (p: TreePlan, depth: number) => {
    if (placed.has(p.plan.id) || depth > plans.length) return;
    const parent = p.plan.parent ? byId.get(p.plan.parent.planId) : undefined;
    if (parent && parent !== p) visit(parent, depth + 1);
    if (placed.has(p.plan.id)) return;
    placed.add(p.plan.id);
    out.push(p);
  };
  for (const p of [...plans].sort((a, b) => (a.plan.id < b.plan.id ? -1 : a.plan.id > b.plan.id ? 1 : 0)))
    visit(p, 0);
  return out;
}

/**
 * Runs the tree ingest. `ingestPlan` ingests one stored plan's tracking folder. Exit 1 with every
 * finding when a plan or a link is wrong (nothing written).
 */
export async function ingestTree(
  io: CliIo,
  plansDir: string,
  target: DbTarget,
  agency: string,
  json: boolean,
  ingestPlan: PlanIngest,
): Promise<number> {
  const names = (await readdir(plansDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (names.length > MAX_TREE_PLANS)
    throw new CliError({
      vi: `thư mục ${PLANS_FOLDER}/ có ${names.length} kế hoạch, quá giới hạn ${MAX_TREE_PLANS}`,
      en: `${PLANS_FOLDER}/ holds ${names.length} plans, over the limit of ${MAX_TREE_PLANS} ${helpHint("ingest")}`,
    });
  if (names.length === 0)
    throw new CliError({
      vi: `thư mục ${PLANS_FOLDER}/ không có kế hoạch nào`,
      en: `${PLANS_FOLDER}/ holds no plan ${helpHint("ingest")}`,
    });

  // 1. every plan read and validated; findings carry the plan's folder in their path
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const plans: TreePlan[] = [];
  for (const name of names) {
    const shown = `${PLANS_FOLDER}/${name}/plan.json`;
    const file = await loadPlanFile(io, join(plansDir, name, "plan.json"));
    const v = validatePlan(file.data);
    for (const f of v.errors) errors.push({ ...f, path: [shown, ...f.path] });
    if (v.plan) plans.push({ plan: v.plan, dir: join(plansDir, name), shown });
  }

  return withStore(target, async (s) => {
    // 2. links checked among the plans and against the stored parents they name
    const incoming: PlanLink[] = plans.map((p) => planLink(agency, p.plan));
    const ids = new Set(plans.map((p) => p.plan.id));
    const known: PlanLink[] = [];
    const stored = new Map<string, Plan>();
    for (const p of plans) {
      const current = await s.run(s.store.getPlan(agency, p.plan.id)).catch((e: unknown) => {
        if (isTag(e, "NotFound")) return undefined;
        throw e;
      });
      if (current) stored.set(p.plan.id, current.value);
      const parentId = p.plan.parent?.planId;
      if (parentId === undefined || ids.has(parentId) || known.some((k) => k.planId === parentId)) continue;
      const parent = await s.run(s.store.getPlan(agency, parentId)).catch((e: unknown) => {
        if (isTag(e, "NotFound")) return undefined;
        throw e;
      });
      if (parent) known.push(planLink(agency, parent.value));
    }
    for (const f of checkPlanLinks(incoming, known)) {
      const at = plans[f.path[0] as number];
      const finding = { ...f, path: [at?.shown ?? "", ...f.path.slice(1)] };
      (f.severity === "error" ? errors : warnings).push(finding);
    }
    for (const p of plans) {
      const current = stored.get(p.plan.id);
      if (current && renderPlanJson(current) !== renderPlanJson(p.plan))
        errors.push({
          code: "plan-tree.stored-differs",
          severity: "error",
          path: [p.shown],
          message: {
            vi: `Kế hoạch "${p.plan.id}" đã có trong kho với nội dung khác; không ghi đè (lưu phiên bản mới bằng cchc plans save --expected-version).`,
            en: `Plan "${p.plan.id}" is already stored with different content; not overwritten (save a new version with cchc plans save --expected-version).`,
          },
        });
    }
    if (errors.length > 0) {
      if (json)
        io.stdout(
          `${JSON.stringify({ store: storeJson(target), agency, saved: false, errors: errors.map(findingToJson), warnings: warnings.map(findingToJson) }, null, 2)}\n`,
        );
      else io.stderr([...errors, ...warnings].map((f) => `${findingLine(f)}\n`).join(""));
      io.stderr(`cchc: ${summaryLine(errors.length, warnings.length)}; chưa ghi gì / nothing written\n`);
      return EXIT.findings;
    }
    if (!json) for (const f of warnings) io.stderr(`${findingLine(f)}\n`);

    // 3. plans saved, parents first; then each plan's tracking data
    const ordered = parentsFirst(plans);
    let created = 0;
    for (const p of ordered) {
      if (stored.has(p.plan.id)) continue;
      await s.run(s.store.savePlan(agency, p.plan, null));
      created++;
    }
    const results: { planId: string; parentPlanId: string | null; summary: object }[] = [];
    for (const p of ordered)
      results.push({
        planId: p.plan.id,
        parentPlanId: p.plan.parent?.planId ?? null,
        summary: await ingestPlan(s, p.plan.id, p.dir),
      });
    const root = ordered.find((p) => p.plan.parent === undefined || !ids.has(p.plan.parent.planId));
    if (json) {
      io.stdout(
        `${JSON.stringify(
          {
            store: storeJson(target),
            agency,
            rootPlanId: root?.plan.id ?? null,
            plansCreated: created,
            plansKept: plans.length - created,
            plans: results.map((r) => ({ planId: r.planId, parentPlanId: r.parentPlanId, ...r.summary })),
            warnings: warnings.map(findingToJson),
          },
          null,
          2,
        )}\n`,
      );
      return EXIT.ok;
    }
    io.stdout(
      `Đã nạp ${plans.length} kế hoạch (${created} mới, ${plans.length - created} đã có), gốc ${root?.plan.id ?? "?"}, cơ quan ${agency} / Ingested ${plans.length} plans (${created} new, ${plans.length - created} already stored), root ${root?.plan.id ?? "?"}, agency ${agency}\n`,
    );
    return EXIT.ok;
  });
}
