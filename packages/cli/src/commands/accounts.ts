/**
 * `cchc accounts add|list|disable|enable|reset-password`: the dashboard's accounts, kept in the
 * same store as the plan (the `Accounts` port of a PGlite folder or a PostgreSQL server). The first
 * lead account is made here; the lead manages the others in the dashboard or here. Passwords are
 * read from standard input (`--password-stdin`, one line), never from the command line where `ps`
 * and the shell's history would show them, and only their argon2id hash is stored (`@cchc/auth`).
 * Exit codes: 0 done, 1 refused by a rule (user name taken, weak password, no such account),
 * 2 unusable input (bad flags, no such plan or unit, no password on stdin, store unreachable).
 */
import { userInfo } from "node:os";
import { type AccountRefusal, Authenticator, MAX_PASSWORD_LENGTH } from "@cchc/auth";
import {
  ACCOUNT_ROLES,
  type Account,
  type AccountRole,
  Accounts,
  accountsClient,
  type Storage,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";
import { type CliStore, resolveAgency, resolveDb, STORE_OPTIONS, withStore } from "../store.js";
import { runSubcommand } from "../subcommand.js";
import { storeJson } from "./migrate.js";

/** The subcommands, in the order the help lists them. */
export const ACCOUNTS_SUBCOMMANDS = ["add", "list", "disable", "enable", "reset-password"] as const;
type Subcommand = (typeof ACCOUNTS_SUBCOMMANDS)[number];

/** A `CliIo` that can also read standard input (the real one can; a test's may). */
type StdinIo = CliIo & { readonly readStdin?: () => Promise<string> };

const usage = (vi: string, en: string) => new CliError({ vi, en: `${en} ${helpHint("accounts")}` });

/** The bytes read from standard input at most: a password line is far shorter. */
const STDIN_LIMIT = 64 * 1024;

async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    chunks.push(b);
    size += b.length;
    if (size > STDIN_LIMIT) break;
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The first line of standard input, without its line ending. */
async function passwordFromStdin(io: StdinIo): Promise<string> {
  const text = await (io.readStdin ?? readProcessStdin)();
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  if (line === "")
    throw usage(
      "--password-stdin: đầu vào chuẩn không có mật khẩu (một dòng, ví dụ: printf '%s\\n' \"$MAT_KHAU\" | cchc accounts add …)",
      "--password-stdin: no password on standard input (one line, e.g. printf '%s\\n' \"$PASSWORD\" | cchc accounts add …)",
    );
  if ([...line].length > MAX_PASSWORD_LENGTH)
    throw new CliError(
      {
        vi: `mật khẩu dài quá ${MAX_PASSWORD_LENGTH} ký tự`,
        en: `the password has over ${MAX_PASSWORD_LENGTH} characters`,
      },
      EXIT.findings,
    );
  return line;
}

/** The accounts of the open store, behind promises (the store's layer provides `Accounts`). */
async function authOf(s: CliStore, agencyId: string): Promise<Authenticator> {
  // withStore's runtime is typed for Storage; every SQL layer provides Accounts beside it.
  const run = s.run as <A, E>(effect: Effect.Effect<A, E, Storage | Accounts>) => Promise<A>;
  const service = await run(Effect.service(Accounts));
  return new Authenticator({ accounts: accountsClient(service), agencyId });
}

function operator(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return process.env.USER;
  }
}

const refused = (
  io: CliIo,
  json: boolean,
  r: AccountRefusal,
  extra: Record<string, unknown> = {},
): number => {
  if (json)
    io.stdout(`${JSON.stringify({ ok: false, code: r.code, message: r.message, ...extra }, null, 2)}\n`);
  io.stderr(`cchc: ${r.message.vi} / ${r.message.en}\n`);
  return EXIT.findings;
};

/** An account as `--json` shows it: never the hash, only whether there is a password. */
function accountJson(a: Account) {
  return {
    userName: a.userName,
    planId: a.planId,
    role: a.role,
    unitId: a.unitId ?? null,
    disabled: a.disabled,
    hasPassword: a.passwordHash !== undefined,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    createdBy: a.createdBy ?? null,
  };
}

function requireUser(raw: string | undefined, sub: string): string {
  if (raw === undefined || raw.trim() === "")
    throw usage(`lệnh accounts ${sub} cần --user <tên>`, `accounts ${sub} needs --user <name>`);
  return raw;
}

async function add(args: readonly string[], io: StdinIo): Promise<number> {
  const { values } = parseCommandArgs(
    "accounts add",
    args,
    {
      ...STORE_OPTIONS,
      plan: { type: "string" },
      user: { type: "string" },
      role: { type: "string" },
      unit: { type: "string" },
      "password-stdin": { type: "boolean" },
      "sso-only": { type: "boolean" },
      json: { type: "boolean" },
    },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  const user = requireUser(values.user, "add");
  if (values.plan === undefined || values.plan === "")
    throw usage("lệnh accounts add cần --plan <mã kế hoạch>", "accounts add needs --plan <plan id>");
  const role = values.role;
  if (role === undefined || !(ACCOUNT_ROLES as readonly string[]).includes(role))
    throw usage(
      `--role phải là một trong ${ACCOUNT_ROLES.join(", ")}${role === undefined ? "" : ` (nhận được ${quote(role)})`}`,
      `--role must be one of ${ACCOUNT_ROLES.join("|")}${role === undefined ? "" : ` (got ${quote(role)})`}`,
    );
  const withPassword = values["password-stdin"] === true;
  if (withPassword === (values["sso-only"] === true))
    throw usage(
      "cần đúng một trong --password-stdin (mật khẩu từ đầu vào chuẩn) hoặc --sso-only (chỉ đăng nhập qua SSO)",
      "give exactly one of --password-stdin (the password on standard input) or --sso-only (sign-in through SSO only)",
    );
  const password = withPassword ? await passwordFromStdin(io) : undefined;
  const planId = values.plan;
  const agencyId = resolveAgency(values.agency);
  const target = resolveDb(io, values.db);
  const json = values.json === true;
  return withStore(target, async (s) => {
    const plan = await s.run(s.store.getPlan(agencyId, planId)).catch((e: unknown) => {
      if ((e as { _tag?: unknown })._tag === "NotFound")
        throw new CliError({
          vi: `không có kế hoạch ${quote(planId)} của cơ quan ${quote(agencyId)} trong kho (cchc plans list; --agency)`,
          en: `plan ${quote(planId)} of agency ${quote(agencyId)} is not in the store (cchc plans list; --agency)`,
        });
      throw e;
    });
    const unitId = values.unit;
    if (unitId !== undefined && !plan.value.units.some((u) => u.id === unitId))
      throw new CliError({
        vi: `kế hoạch ${quote(planId)} không có đơn vị ${quote(unitId)}`,
        en: `plan ${quote(planId)} has no unit ${quote(unitId)}`,
      });
    const auth = await authOf(s, agencyId);
    const by = operator();
    const r = await auth.addAccount({
      userName: user,
      planId,
      role: role as AccountRole,
      ...(unitId !== undefined ? { unitId } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(by !== undefined ? { createdBy: by } : {}),
    });
    if (r.kind === "refused") return refused(io, json, r);
    if (json)
      io.stdout(
        `${JSON.stringify({ ok: true, store: storeJson(target), agencyId, account: accountJson(r.account) }, null, 2)}\n`,
      );
    else
      io.stdout(
        `Đã tạo tài khoản / account created: ${r.account.userName} (${r.account.role}${r.account.unitId ? `, ${r.account.unitId}` : ""}) — ${agencyId}/${planId}\n`,
      );
    return EXIT.ok;
  });
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "accounts list",
    args,
    { ...STORE_OPTIONS, json: { type: "boolean" } },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  const agencyId = resolveAgency(values.agency);
  const target = resolveDb(io, values.db);
  const accounts = await withStore(target, async (s) => (await authOf(s, agencyId)).list());
  if (values.json === true) {
    io.stdout(
      `${JSON.stringify({ store: storeJson(target), agencyId, accounts: accounts.map(accountJson) }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const lines = [`Tài khoản / Accounts — cơ quan / agency ${agencyId}: ${accounts.length}`];
  for (const a of accounts)
    lines.push(
      `  ${a.userName.padEnd(24)} ${a.role.padEnd(8)} ${(a.unitId ?? "").padEnd(28)} ${a.planId}${a.disabled ? "  [khóa / disabled]" : ""}${a.passwordHash === undefined ? "  [chỉ SSO / SSO only]" : ""}`,
    );
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

const setDisabled =
  (disabled: boolean) =>
  async (args: readonly string[], io: CliIo): Promise<number> => {
    const sub = disabled ? "disable" : "enable";
    const { values } = parseCommandArgs(
      `accounts ${sub}`,
      args,
      { ...STORE_OPTIONS, user: { type: "string" }, json: { type: "boolean" } },
      { min: 0, max: 0, what: { vi: "", en: "" } },
    );
    const user = requireUser(values.user, sub);
    const agencyId = resolveAgency(values.agency);
    const json = values.json === true;
    return withStore(resolveDb(io, values.db), async (s) => {
      const r = await (await authOf(s, agencyId)).setDisabled(user, disabled);
      if (r.kind === "refused") return refused(io, json, r);
      if (json) io.stdout(`${JSON.stringify({ ok: true, agencyId, userName: user, disabled }, null, 2)}\n`);
      else
        io.stdout(
          disabled
            ? `Đã khóa tài khoản, mọi phiên đã kết thúc / account disabled, every session ended: ${user}\n`
            : `Đã mở lại tài khoản / account enabled: ${user}\n`,
        );
      return EXIT.ok;
    });
  };

async function resetPassword(args: readonly string[], io: StdinIo): Promise<number> {
  const { values } = parseCommandArgs(
    "accounts reset-password",
    args,
    {
      ...STORE_OPTIONS,
      user: { type: "string" },
      "password-stdin": { type: "boolean" },
      json: { type: "boolean" },
    },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  const user = requireUser(values.user, "reset-password");
  if (values["password-stdin"] !== true)
    throw usage(
      "lệnh accounts reset-password cần --password-stdin",
      "accounts reset-password needs --password-stdin",
    );
  const password = await passwordFromStdin(io);
  const agencyId = resolveAgency(values.agency);
  const json = values.json === true;
  return withStore(resolveDb(io, values.db), async (s) => {
    const r = await (await authOf(s, agencyId)).resetPassword(user, password);
    if (r.kind === "refused") return refused(io, json, r);
    if (json) io.stdout(`${JSON.stringify({ ok: true, agencyId, userName: user }, null, 2)}\n`);
    else
      io.stdout(
        `Đã đặt lại mật khẩu, mọi phiên đã kết thúc / password reset, every session ended: ${user}\n`,
      );
    return EXIT.ok;
  });
}

const SUBCOMMANDS: Record<Subcommand, (args: readonly string[], io: StdinIo) => Promise<number>> = {
  add,
  list,
  disable: setDisabled(true),
  enable: setDisabled(false),
  "reset-password": resetPassword,
};

/** Runs `cchc accounts <subcommand>`. */
export async function accountsCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runSubcommand("accounts", ACCOUNTS_SUBCOMMANDS, SUBCOMMANDS, args, io);
}
