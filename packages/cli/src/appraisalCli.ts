/**
 * What `cchc round` and `cchc appraisal` share: who acts (`--as`, `--role`), the plan and scheme
 * they act on, and how the cycle's refusals become exit codes — 1 for a rule (over the maximum,
 * round closed, version conflict, evidence missing, not allowed), 2 for unusable input (an unknown
 * unit or criterion, a malformed date or number, a file that cannot be read).
 */
import { userInfo } from "node:os";
import {
  type Actor,
  type AppraisalRefused,
  EvidenceStore,
  INPUT_REFUSALS,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  type ScoringScheme,
  type Storage,
  validateScheme,
} from "@cchc/core";
import { makeSqlEvidenceStore } from "@cchc/storage-sql";
import * as Effect from "effect/Effect";
import { CliError, helpHint, oneLine, quote } from "./errors.js";
import { type CliIo, EXIT } from "./io.js";
import { loadPlanFile } from "./loadPlanFile.js";
import { type CliStore, STORE_OPTIONS } from "./store.js";

/** The options every appraisal command takes besides the store's. */
export const ACTOR_OPTIONS = {
  as: { type: "string" },
  role: { type: "string" },
} as const;

/**
 * The options `cchc round` and `cchc appraisal` both take: the store, who acts, the plan and period
 * acted on, the version a write is based on, and JSON output.
 */
export const CYCLE_OPTIONS = {
  ...STORE_OPTIONS,
  ...ACTOR_OPTIONS,
  plan: { type: "string" },
  period: { type: "string" },
  "expected-version": { type: "string" },
  json: { type: "boolean" },
} as const;

/**
 * The subcommand of `cchc round` or `cchc appraisal` checked against its list, so a missing or
 * unknown one is the same usage error (exit 2, naming the list) in both.
 */
export function subcommandOf<S extends string>(
  name: string,
  subcommands: readonly S[],
  args: readonly string[],
): { readonly sub: S; readonly command: string; readonly rest: readonly string[] } {
  const [sub, ...rest] = args;
  const list = subcommands.join(", ");
  if (sub === undefined || !(subcommands as readonly string[]).includes(sub))
    throw new CliError({
      vi:
        sub === undefined
          ? `lệnh ${name} thiếu lệnh con (${list})`
          : `${name} không có lệnh con ${quote(sub)}`,
      en: `${sub === undefined ? `${name} needs a subcommand` : `unknown ${name} subcommand ${quote(sub)}`} (${list}) ${helpHint(name)}`,
    });
  return { sub: sub as S, command: `${name} ${sub}`, rest };
}

const USER = /^[\p{L}\p{N}][\p{L}\p{N}._@:-]{0,99}$/u;
const UNIT = /^[\p{L}\p{N}][\p{L}\p{N}._:-]{0,199}$/u;

/**
 * The actor of a command: `--role lead|council|viewer|reporter:<unit>` (default lead, the one who
 * runs the cycle), `--as <user>` (default `$CCHC_USER`, else the login name). Recorded in history.
 */
export function actorFrom(
  command: string,
  values: { readonly as?: string | undefined; readonly role?: string | undefined },
  env = process.env,
): Actor {
  let login = "cli";
  try {
    login = userInfo().username || "cli";
  } catch {
    login = "cli";
  }
  const user = values.as ?? env.CCHC_USER ?? login;
  if (!USER.test(user))
    throw new CliError({
      vi: `--as ${quote(user)}: tên người dùng chỉ gồm chữ, số, ".", "_", "@", ":", "-" (tối đa 100 ký tự)`,
      en: `--as ${quote(user)}: a user name has letters, digits, ".", "_", "@", ":", "-" (at most 100) ${helpHint(command)}`,
    });
  const role = values.role ?? "lead";
  if (role === "lead" || role === "council" || role === "viewer") return { role, userId: user };
  const m = /^reporter:(.+)$/.exec(role);
  if (m && UNIT.test(m[1] as string)) return { role: "reporter", unitId: m[1] as string, userId: user };
  throw new CliError({
    vi: `--role ${quote(role)} không hợp lệ: lead, council, viewer hoặc reporter:<mã đơn vị>`,
    en: `invalid --role ${quote(role)}: lead, council, viewer or reporter:<unit id> ${helpHint(command)}`,
  });
}

/** The scheme leaves are checked against: `--scheme <file>` or the PAR preset. */
export async function schemeFrom(
  io: CliIo,
  path: string | undefined,
  command: string,
): Promise<ScoringScheme> {
  if (path === undefined) return PAR_COMMUNICATION_PRESET;
  const file = await loadPlanFile(io, path);
  const { scheme, errors } = validateScheme(file.data);
  if (scheme === undefined)
    throw new CliError({
      vi: `bộ tiêu chí ${quote(path)} không hợp lệ: ${errors[0]?.message.vi ?? ""}`,
      en: `the scheme file ${quote(path)} is invalid: ${errors[0]?.message.en ?? ""} ${helpHint(command)}`,
    });
  return scheme;
}

const tagOf = (e: unknown): string | undefined =>
  typeof e === "object" && e !== null ? ((e as { _tag?: unknown })._tag as string | undefined) : undefined;

/** The stored plan, or exit 2 naming it. */
export async function storedPlan(
  s: CliStore,
  agency: string,
  planId: string,
  command: string,
): Promise<Plan> {
  try {
    return (await s.run(s.store.getPlan(agency, planId))).value;
  } catch (e) {
    if (tagOf(e) === "NotFound")
      throw new CliError({
        vi: `kế hoạch ${quote(planId)} của cơ quan ${quote(agency)} chưa có trong kho (cchc plans save)`,
        en: `plan ${quote(planId)} of agency ${quote(agency)} is not in the store (cchc plans save) ${helpHint(command)}`,
      });
    throw e;
  }
}

/** Runs a program needing the storage and the evidence store of the same database. */
export function runWithEvidence<A, E>(
  s: CliStore,
  effect: Effect.Effect<A, E, Storage | EvidenceStore>,
): Promise<A> {
  return s.run(Effect.provideService(effect, EvidenceStore, makeSqlEvidenceStore(s.driver)));
}

/**
 * Turns a refusal of the cycle into the CLI's one-line error and exit code (1: a rule said no;
 * 2: the input is unusable); anything else passes through.
 */
export function refusalToCliError(e: unknown): unknown {
  const tag = tagOf(e);
  if (tag === "AppraisalRefused") {
    const r = e as AppraisalRefused;
    return new CliError(
      { vi: `${oneLine(r.reason.vi)} [${r.code}]`, en: oneLine(r.reason.en) },
      INPUT_REFUSALS.has(r.code) ? EXIT.usage : EXIT.findings,
    );
  }
  if (tag === "PermissionDenied") {
    const r = e as { reason: { vi: string; en: string } };
    return new CliError({ vi: `${r.reason.vi} [permission-denied]`, en: r.reason.en }, EXIT.findings);
  }
  if (tag === "VersionConflict") {
    const c = e as { id: string; expected: number | null; actual: number | null };
    return new CliError(
      {
        vi: `"${c.id}": phiên bản ${c.expected ?? "mới"} đã cũ (hiện là ${c.actual ?? "không có"}); người khác vừa lưu, không ghi gì — đọc lại rồi làm lại [version-conflict]`,
        en: `"${c.id}": version ${c.expected ?? "new"} is stale (current: ${c.actual ?? "none"}); someone saved in between, nothing written — reload and redo`,
      },
      EXIT.findings,
    );
  }
  return e;
}

/** A positive integer option (`--expected-version`), or exit 2. */
export function versionOption(raw: string | undefined, command: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(raw))
    throw new CliError({
      vi: `--expected-version phải là số nguyên dương (nhận được ${quote(raw)})`,
      en: `--expected-version must be a positive integer (got ${quote(raw)}) ${helpHint(command)}`,
    });
  return Number(raw);
}

/** A required option, or exit 2 naming it. */
export function required(value: string | undefined, flag: string, command: string): string {
  if (value === undefined || value === "")
    throw new CliError({
      vi: `lệnh ${command} cần ${flag}`,
      en: `${command} needs ${flag} ${helpHint(command)}`,
    });
  return value;
}
