/**
 * `cchc rollup --plan <id> [--db …] [--agency …] [--as-of <date>] [--scheme <file>]
 * [--settings <file>] [--rule mean|weighted|min|max] [--json]`: the stored tree under a plan, each
 * plan scored from its own tracking data (`scoreStoredTree`), rolled up to its parent, ranked in
 * its group (departments; communes; wards and special zones; ministries; provinces), with the
 * coverage of expected sub-plans (missing, pending) and each sub-plan's lateness.
 */
import {
  DEFAULT_ROLLUP_GROUPS,
  formatDateTimeVi,
  PAR_COMMUNICATION_PRESET,
  parseRollupConfig,
  type Rollup,
  type RollupNode,
  type ScoringScheme,
  scoreStoredTree,
  validateScheme,
} from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, quote } from "../errors.js";
import { findingLine, findingToJson } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { loadDataFile, loadPlanFile } from "../loadPlanFile.js";
import { resolveAgency, resolveDb, STORE_OPTIONS, withStore } from "../store.js";
import { storeJson } from "./migrate.js";

/** Days after the parent's date of issue a sub-plan is due, unless the settings say otherwise. */
export const DEFAULT_ISSUE_WITHIN_DAYS = 30;

const RULES = ["mean", "weighted", "min", "max"] as const;

async function loadScheme(io: CliIo, path: string | undefined): Promise<ScoringScheme> {
  if (path === undefined) return PAR_COMMUNICATION_PRESET;
  const file = await loadPlanFile(io, path);
  const { scheme, errors } = validateScheme(file.data);
  if (scheme === undefined) {
    const first = errors[0];
    throw new CliError({
      vi: `thang điểm ${quote(path)} không hợp lệ (${errors.length} lỗi): ${first ? first.message.vi : ""}`,
      en: `the scheme ${quote(path)} is invalid (${errors.length} error(s)): ${first ? first.message.en : ""} ${helpHint("rollup")}`,
    });
  }
  return scheme;
}

function parseAsOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // A date means the end of that day in Vietnam; an instant must carry its offset.
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T23:59:59.999+07:00`)))
    return new Date(Date.parse(`${raw}T23:59:59.999+07:00`)).toISOString();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(raw) && !Number.isNaN(Date.parse(raw)))
    return new Date(Date.parse(raw)).toISOString();
  throw new CliError({
    vi: `--as-of cần một ngày (YYYY-MM-DD) hoặc thời điểm ISO có múi giờ (nhận được ${quote(raw)})`,
    en: `--as-of needs a date (YYYY-MM-DD) or an ISO instant with an offset (got ${quote(raw)}) ${helpHint("rollup")}`,
  });
}

async function loadSettings(io: CliIo, path: string | undefined, rule: string | undefined) {
  let input: Record<string, unknown> = {
    groups: DEFAULT_ROLLUP_GROUPS,
    issueWithinDays: DEFAULT_ISSUE_WITHIN_DAYS,
  };
  if (path !== undefined) {
    const { value } = await loadDataFile(io, path);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      throw new CliError({
        vi: `tệp thiết lập ${quote(path)} phải là một đối tượng JSON hoặc YAML`,
        en: `the settings file ${quote(path)} must be a JSON or YAML object ${helpHint("rollup")}`,
      });
    input = { ...input, ...(value as Record<string, unknown>) };
  }
  if (rule !== undefined) {
    if (!(RULES as readonly string[]).includes(rule))
      throw new CliError({
        vi: `--rule phải là ${RULES.join(", ")} (nhận được ${quote(rule)})`,
        en: `--rule must be ${RULES.join(", ")} (got ${quote(rule)}) ${helpHint("rollup")}`,
      });
    input.rule = rule === "weighted" ? { type: "weighted", by: "units" } : { type: rule };
  }
  const parsed = parseRollupConfig(input);
  if (!parsed.success) {
    const first = parsed.findings[0];
    throw new CliError({
      vi: `thiết lập tổng hợp không hợp lệ: ${first ? `${first.path.join(".")}: ${first.message.vi}` : ""}`,
      en: `the roll-up settings are invalid: ${first ? `${first.path.join(".")}: ${first.message.en}` : ""} ${helpHint("rollup")}`,
    });
  }
  return parsed.data;
}

/** "8,5" with a Vietnamese decimal comma. */
const vi = (n: number) => n.toLocaleString("vi-VN", { maximumFractionDigits: 2 });
const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function nodeLine(n: RollupNode, scale: number, indent: string): string {
  const score = n.score === undefined ? "chưa có điểm / not scored" : `${vi(n.score)}/${vi(scale)}`;
  const rank = n.rank === undefined ? "" : `${n.rank}/${n.groupSize}. `;
  const number = n.number ?? n.planId;
  const issued = n.date === undefined ? "" : `, ${viDate(n.date)}`;
  const late = n.lateness.late
    ? ` — chậm ${n.lateness.daysLate} ngày / ${n.lateness.daysLate} days late`
    : "";
  return `${indent}${rank}${n.issuer}: ${score} (${number}${issued})${late}`;
}

function coverageLine(n: RollupNode, indent: string): string | undefined {
  const c = n.coverage;
  if (c.expected === 0) return undefined;
  const missing = c.missing.filter((m) => m.status === "missing").length;
  const pending = c.missing.length - missing;
  return `${indent}kế hoạch con / sub-plans: ${c.issued}/${c.expected} đã ban hành / issued, ${missing} chưa ban hành / missing, ${pending} chưa đến hạn / pending, ${c.late} chậm / late`;
}

/** The tree as text, groups apart under each plan, Vietnamese first. */
export function rollupText(r: Rollup): string {
  const labels = new Map(r.groups.map((g) => [g.id, `${g.label.vi} / ${g.label.en}`] as const));
  const lines: string[] = [
    `Tổng hợp theo cây kế hoạch / Plan tree roll-up: ${r.rootPlanId}`,
    `Tính đến / As of: ${formatDateTimeVi(r.asOf)} (giờ Việt Nam / Vietnam time)   Cách tổng hợp / Rule: ${r.rule.type}`,
    "",
  ];
  const walk = (n: RollupNode, indent: string) => {
    lines.push(nodeLine(n, r.scale, indent));
    const cov = coverageLine(n, `${indent}   `);
    if (cov) lines.push(cov);
    let group: string | undefined | null = null;
    for (const c of n.children) {
      if (c.groupId !== group) {
        group = c.groupId;
        lines.push(`${indent}   [${group === undefined ? "Khác / Other" : (labels.get(group) ?? group)}]`);
      }
      walk(c, `${indent}     `);
    }
  };
  walk(r.root, "");
  const t = r.root.tracking.total;
  lines.push(
    "",
    `Đã tính / Counted: ${t.plans} kế hoạch / plans, ${t.activities} hoạt động / activities, ${t.records} bản ghi / records, ${t.reports} báo cáo / reports`,
    r.root.explanation.vi,
    r.root.explanation.en,
  );
  if (r.findings.length > 0) lines.push("", ...r.findings.map(findingLine));
  return `${lines.join("\n")}\n`;
}

/** The `--json` document: the public contract (tree of nodes with score, rank, coverage, lateness). */
export function rollupJson(r: Rollup, extra: Record<string, unknown>): string {
  return `${JSON.stringify(
    {
      ...extra,
      rootPlanId: r.rootPlanId,
      asOf: r.asOf,
      rule: r.rule,
      scale: r.scale,
      groups: r.groups.map((g) => ({ id: g.id, label: g.label })),
      tree: r.root,
      findings: r.findings.map(findingToJson),
    },
    null,
    2,
  )}\n`;
}

/** Runs `cchc rollup`. */
export async function rollupCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "rollup",
    args,
    {
      ...STORE_OPTIONS,
      plan: { type: "string" },
      "as-of": { type: "string" },
      scheme: { type: "string" },
      settings: { type: "string" },
      rule: { type: "string" },
      json: { type: "boolean" },
    },
    { min: 0, max: 0, what: { vi: "không có đối số", en: "no arguments" } },
  );
  if (values.plan === undefined)
    throw new CliError({
      vi: "lệnh rollup cần --plan <mã kế hoạch gốc>",
      en: `rollup needs --plan <root plan id> ${helpHint("rollup")}`,
    });
  const planId = values.plan;
  const asOf = parseAsOf(values["as-of"]);
  const scheme = await loadScheme(io, values.scheme);
  const rollup = await loadSettings(io, values.settings, values.rule);
  const agency = resolveAgency(values.agency);
  const target = resolveDb(io, values.db);
  const result = await withStore(target, (s) =>
    s
      .run(scoreStoredTree(agency, planId, { scheme, rollup, ...(asOf === undefined ? {} : { asOf }) }))
      .catch((e: unknown) => {
        if (typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === "NotFound")
          throw new CliError({
            vi: `kế hoạch ${quote(planId)} của cơ quan ${quote(agency)} chưa có trong kho (cchc ingest <thư mục>)`,
            en: `plan ${quote(planId)} of agency ${quote(agency)} is not in the store (cchc ingest <dir>) ${helpHint("rollup")}`,
          });
        throw e;
      }),
  );
  io.stdout(values.json ? rollupJson(result, { store: storeJson(target), agency }) : rollupText(result));
  return EXIT.ok;
}
