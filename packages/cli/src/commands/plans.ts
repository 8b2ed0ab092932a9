/**
 * `cchc plans save|list|show|history`: plans kept in the store, one agency at a time, with their
 * version history. Saving never overwrites silently: a new version of a stored plan needs the
 * version it was based on (`--expected-version`), and a stale one is refused with the current one.
 */
import {
  formatDateTimeEn,
  formatDateTimeShort,
  formatDateTimeVi,
  type Plan,
  renderPlanJson,
  type Versioned,
  validatePlan,
} from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, quote } from "../errors.js";
import { findingLine } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { loadPlanFile } from "../loadPlanFile.js";
import { type CliStore, resolveAgency, resolveDb, STORE_OPTIONS, withStore } from "../store.js";
import { storeJson } from "./migrate.js";

/** The subcommands, in the order the help lists them. */
export const PLANS_SUBCOMMANDS = ["save", "list", "show", "history"] as const;
type Subcommand = (typeof PLANS_SUBCOMMANDS)[number];

const isTag = (e: unknown, tag: string): boolean =>
  typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === tag;

function parseVersion(raw: string | undefined, option: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(raw))
    throw new CliError({
      vi: `${option} phải là số nguyên dương (nhận được ${quote(raw)})`,
      en: `${option} must be a positive integer (got ${quote(raw)}) ${helpHint("plans")}`,
    });
  return Number(raw);
}

function planNotFound(planId: string, agency: string, version?: number): CliError {
  const v = version === undefined ? "" : ` phiên bản ${version}`;
  const ve = version === undefined ? "" : ` version ${version}`;
  return new CliError({
    vi: `không có kế hoạch ${quote(planId)}${v} của cơ quan ${quote(agency)} trong kho`,
    en: `plan ${quote(planId)}${ve} of agency ${quote(agency)} is not in the store (cchc plans list)`,
  });
}

async function getPlan(s: CliStore, agency: string, planId: string, version?: number) {
  try {
    return await s.run(s.store.getPlan(agency, planId, version));
  } catch (e) {
    if (isTag(e, "NotFound")) throw planNotFound(planId, agency, version);
    throw e;
  }
}

type SaveStatus = "created" | "updated" | "unchanged";

async function save(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "plans save",
    args,
    { ...STORE_OPTIONS, "expected-version": { type: "string" }, json: { type: "boolean" } },
    { min: 1, max: 1, what: { vi: "tệp kế hoạch", en: "a plan file" } },
  );
  const expected = parseVersion(values["expected-version"], "--expected-version");
  const agency = resolveAgency(values.agency);
  const file = await loadPlanFile(io, positionals[0] ?? "");
  const validation = validatePlan(file.data);
  if (validation.plan === undefined || validation.errors.length > 0) {
    io.stderr(validation.errors.map((f) => `${findingLine(f)}\n`).join(""));
    io.stderr(
      `cchc: kế hoạch có ${validation.errors.length} lỗi, chưa lưu (cchc validate) / the plan has ${validation.errors.length} error(s); not saved (cchc validate)\n`,
    );
    return EXIT.findings;
  }
  const plan: Plan = validation.plan;
  const target = resolveDb(io, values.db);
  const outcome = await withStore(target, async (s) => {
    const current = await s.run(s.store.getPlan(agency, plan.id)).catch((e: unknown) => {
      if (isTag(e, "NotFound")) return undefined;
      throw e;
    });
    if (current !== undefined && expected === undefined) {
      if (renderPlanJson(current.value) === renderPlanJson(plan))
        return { status: "unchanged" as SaveStatus, saved: current };
      return { status: "exists" as const, current };
    }
    try {
      const saved = await s.run(s.store.savePlan(agency, plan, expected ?? null));
      return { status: (saved.version === 1 ? "created" : "updated") as SaveStatus, saved };
    } catch (e) {
      if (isTag(e, "VersionConflict"))
        return { status: "conflict" as const, actual: (e as { actual: number | null }).actual };
      throw e;
    }
  });
  if (outcome.status === "exists") {
    const v = outcome.current.version;
    io.stderr(
      `cchc: kế hoạch ${quote(plan.id)} đã có trong kho (phiên bản ${v}); để lưu phiên bản mới dựa trên nó, thêm --expected-version ${v} / plan ${quote(plan.id)} is already stored (version ${v}); to save a new version on top of it, pass --expected-version ${v}\n`,
    );
    return EXIT.findings;
  }
  if (outcome.status === "conflict") {
    const actual = outcome.actual;
    io.stderr(
      actual === null
        ? `cchc: kế hoạch ${quote(plan.id)} chưa có trong kho; bỏ --expected-version để tạo mới / plan ${quote(plan.id)} is not stored yet; drop --expected-version to create it\n`
        : `cchc: phiên bản ${expected} đã cũ, kế hoạch ${quote(plan.id)} hiện là phiên bản ${actual}; không ghi gì / version ${expected} is stale: plan ${quote(plan.id)} is at version ${actual}; nothing written\n`,
    );
    return EXIT.findings;
  }
  const { saved, status } = outcome;
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        {
          store: storeJson(target),
          agency,
          planId: plan.id,
          status,
          version: saved.version,
          savedAt: saved.savedAt,
          warnings: validation.warnings.length,
        },
        null,
        2,
      )}\n`,
    );
    return EXIT.ok;
  }
  const said = {
    created: ["Đã lưu kế hoạch mới", "Saved new plan"],
    updated: ["Đã lưu phiên bản mới của kế hoạch", "Saved a new version of plan"],
    unchanged: ["Kế hoạch không thay đổi, giữ nguyên", "Plan unchanged, kept"],
  }[status];
  io.stdout(
    `${said[0]} ${plan.id}: phiên bản ${saved.version} (cơ quan ${agency}, ${formatDateTimeVi(saved.savedAt)}) / ${said[1]} ${plan.id}: version ${saved.version} (agency ${agency}, ${formatDateTimeEn(saved.savedAt)})\n`,
  );
  return EXIT.ok;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c + " ".repeat(Math.max(0, (widths[i] ?? 0) - [...c].length)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "plans list",
    args,
    { ...STORE_OPTIONS, json: { type: "boolean" } },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  const agency = resolveAgency(values.agency);
  const target = resolveDb(io, values.db);
  const plans = await withStore(target, (s) => s.run(s.store.listPlans(agency)));
  if (values.json) {
    io.stdout(`${JSON.stringify({ store: storeJson(target), agency, plans }, null, 2)}\n`);
    return EXIT.ok;
  }
  if (plans.length === 0) {
    io.stdout(`Cơ quan ${agency} chưa có kế hoạch nào trong kho / Agency ${agency} has no stored plans\n`);
    return EXIT.ok;
  }
  io.stdout(
    `${table([
      ["Mã / Id", "Năm / Year", "Phiên bản / Version", SAVED_AT, "Tiêu đề / Title"],
      ...plans.map((p) => [
        p.planId,
        String(p.year),
        String(p.version),
        formatDateTimeShort(p.savedAt),
        p.title,
      ]),
    ])}\n`,
  );
  return EXIT.ok;
}

/** Save times are read in Vietnam time (the JSON keeps the stored UTC instant). */
const SAVED_AT = "Lưu lúc, giờ VN / Saved at, Vietnam time";

async function show(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "plans show",
    args,
    { ...STORE_OPTIONS, version: { type: "string" } },
    { min: 1, max: 1, what: { vi: "mã kế hoạch", en: "a plan id" } },
  );
  const version = parseVersion(values.version, "--version");
  const agency = resolveAgency(values.agency);
  const planId = positionals[0] ?? "";
  const stored = await withStore(resolveDb(io, values.db), (s) => getPlan(s, agency, planId, version));
  io.stdout(renderPlanJson(stored.value));
  return EXIT.ok;
}

async function history(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "plans history",
    args,
    { ...STORE_OPTIONS, json: { type: "boolean" } },
    { min: 1, max: 1, what: { vi: "mã kế hoạch", en: "a plan id" } },
  );
  const agency = resolveAgency(values.agency);
  const planId = positionals[0] ?? "";
  const target = resolveDb(io, values.db);
  const versions: readonly Versioned<Plan>[] = await withStore(target, async (s) => {
    try {
      return await s.run(s.store.planHistory(agency, planId));
    } catch (e) {
      if (isTag(e, "NotFound")) throw planNotFound(planId, agency);
      throw e;
    }
  });
  const rows = versions.map((v) => ({ version: v.version, savedAt: v.savedAt, title: v.value.title }));
  if (values.json) {
    io.stdout(`${JSON.stringify({ store: storeJson(target), agency, planId, versions: rows }, null, 2)}\n`);
    return EXIT.ok;
  }
  io.stdout(
    `${table([
      ["Phiên bản / Version", SAVED_AT, "Tiêu đề / Title"],
      ...rows.map((r) => [String(r.version), formatDateTimeShort(r.savedAt), r.title]),
    ])}\n`,
  );
  return EXIT.ok;
}

const SUBCOMMANDS: Record<Subcommand, (args: readonly string[], io: CliIo) => Promise<number>> = {
  save,
  list,
  show,
  history,
};

/** Runs `cchc plans <subcommand>`. */
export async function plansCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === undefined || !(PLANS_SUBCOMMANDS as readonly string[]).includes(sub))
    throw new CliError({
      vi:
        sub === undefined
          ? `lệnh plans cần một lệnh con: ${PLANS_SUBCOMMANDS.join(", ")}`
          : `lệnh plans không có lệnh con ${quote(sub)} (${PLANS_SUBCOMMANDS.join(", ")})`,
      en:
        sub === undefined
          ? `plans needs a subcommand: ${PLANS_SUBCOMMANDS.join(", ")} ${helpHint("plans")}`
          : `unknown plans subcommand ${quote(sub)} (${PLANS_SUBCOMMANDS.join(", ")}) ${helpHint("plans")}`,
    });
  return SUBCOMMANDS[sub as Subcommand](rest, io);
}
