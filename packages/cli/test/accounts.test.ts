/**
 * `cchc accounts`, run in-process against a fresh schema on the PostgreSQL server (unreachable:
 * these tests fail) and once against a PGlite folder: the first lead account from a password on
 * standard input, the rules that refuse (exit 1) and the input that cannot be used (exit 2).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Authenticator } from "@cchc/auth";
import { Accounts, accountsClient } from "@cchc/core";
import { PgliteStorage } from "@cchc/storage-pglite";
import * as Effect from "effect/Effect";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/index.js";
import { serverSchema } from "./bin.js";
import { expectOneLineError, runCchc } from "./helpers.js";

const SLOW = 120_000;
const PASSWORD = "mật-khẩu-chủ-trì-2026";
let dir: string;
let server: Awaited<ReturnType<typeof serverSchema>>;

/** `cchc` with `stdin` as standard input. */
const cchc = (stdin: string | undefined, ...argv: string[]) =>
  runCchc(argv, dir, (stdin === undefined ? {} : { readStdin: async () => stdin }) as Partial<CliIo>);
const onServer = (stdin: string | undefined, ...argv: string[]) =>
  cchc(stdin, ...argv, "--db", server.url, "--agency", "bo-tttt");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cchc-accounts-"));
  server = await serverSchema("cchc_accounts_cli");
  const sample = await runCchc(["sample", "mic-2018"], dir);
  expect(sample.code, sample.stderr).toBe(0);
  await writeFile(join(dir, "kh.json"), sample.stdout);
  const saved = await onServer(undefined, "plans", "save", "kh.json");
  expect(saved.code, saved.stderr).toBe(0);
}, SLOW);
afterAll(async () => {
  await server?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe("cchc accounts", { timeout: SLOW }, () => {
  it("adds the first lead account from one line of standard input; only an argon2id hash is stored", async () => {
    const r = await onServer(
      `${PASSWORD}\nsecond line ignored\n`,
      ...[
        "accounts",
        "add",
        "--plan",
        "mic-2018",
        "--user",
        "Chu-Tri",
        "--role",
        "lead",
        "--password-stdin",
        "--json",
      ],
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { account: Record<string, unknown> };
    expect(out.account).toMatchObject({
      userName: "chu-tri",
      role: "lead",
      unitId: null,
      hasPassword: true,
      disabled: false,
    });
    expect(r.stdout).not.toContain(PASSWORD);
    const rows = await server.query<{ password_hash: string }>(
      "SELECT password_hash FROM cchc_accounts WHERE agency_id = 'bo-tttt' AND user_name = 'chu-tri'",
    );
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
  });

  it("refuses by a rule with exit 1: a taken name, a weak password, a reporter without a unit", async () => {
    const add = (stdin: string, ...extra: string[]) =>
      onServer(stdin, "accounts", "add", "--plan", "mic-2018", "--password-stdin", ...extra);
    expectOneLineError(await add(PASSWORD, "--user", "chu-tri", "--role", "viewer"), 1);
    const weak = expectOneLineError(await add("ngắn quá", "--user", "xem", "--role", "viewer"), 1);
    expect(weak).toContain("12");
    expectOneLineError(await add(PASSWORD, "--user", "bc", "--role", "reporter"), 1);
    const json = await add("ngắn quá", "--user", "xem", "--role", "viewer", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code: "password" });
  });

  it("refuses unusable input with exit 2: no password on stdin, bad role, unknown plan or unit, no --user", async () => {
    const base = ["accounts", "add", "--plan", "mic-2018", "--user", "an"];
    expectOneLineError(await onServer("", ...base, "--role", "viewer", "--password-stdin"), 2);
    expectOneLineError(await onServer(PASSWORD, ...base, "--role", "admin", "--password-stdin"), 2);
    expectOneLineError(await onServer(PASSWORD, ...base, "--role", "viewer"), 2);
    const plan = expectOneLineError(
      await onServer(
        PASSWORD,
        "accounts",
        "add",
        "--plan",
        "khong-co",
        "--user",
        "an",
        "--role",
        "viewer",
        "--password-stdin",
      ),
      2,
    );
    expect(plan).toContain("khong-co");
    const unit = expectOneLineError(
      await onServer(PASSWORD, ...base, "--role", "reporter", "--unit", "khong-co", "--password-stdin"),
      2,
    );
    expect(unit).toContain("khong-co");
    expectOneLineError(await onServer(undefined, "accounts", "disable"), 2);
    expectOneLineError(await onServer(undefined, "accounts", "nope"), 2);
  });

  it("lists, disables, enables and resets; an unknown account is exit 1", async () => {
    const added = await onServer(
      "mật-khẩu-pháp-chế-2026",
      ...["accounts", "add", "--plan", "mic-2018", "--user", "vu-phap-che", "--role", "reporter"],
      ...["--unit", "vu-phap-che", "--password-stdin"],
    );
    expect(added.code, added.stderr).toBe(0);
    const list = await onServer(undefined, "accounts", "list", "--json");
    expect(list.code, list.stderr).toBe(0);
    const accounts = (JSON.parse(list.stdout) as { accounts: { userName: string; unitId: string | null }[] })
      .accounts;
    expect(accounts.map((a) => [a.userName, a.unitId])).toEqual([
      ["chu-tri", null],
      ["vu-phap-che", "vu-phap-che"],
    ]);
    expect(list.stdout).not.toContain("argon2");
    expect((await onServer(undefined, "accounts", "disable", "--user", "vu-phap-che")).code).toBe(0);
    expect((await onServer(undefined, "accounts", "list", "--json")).stdout).toContain('"disabled": true');
    expect((await onServer(undefined, "accounts", "enable", "--user", "vu-phap-che")).code).toBe(0);
    const reset = await onServer(
      "mật-khẩu-mới-pháp-chế",
      "accounts",
      "reset-password",
      "--user",
      "vu-phap-che",
      "--password-stdin",
    );
    expect(reset.code, reset.stderr).toBe(0);
    expectOneLineError(await onServer(undefined, "accounts", "disable", "--user", "khong-co"), 1);
    expectOneLineError(
      await onServer(
        "mật-khẩu-mới-pháp-chế",
        "accounts",
        "reset-password",
        "--user",
        "khong-co",
        "--password-stdin",
      ),
      1,
    );
  });

  it("on a PGlite folder: the account made by the CLI signs in through the same store", async () => {
    const db = join(dir, "pglite");
    expect((await cchc(undefined, "plans", "save", "kh.json", "--db", db, "--agency", "bo-tttt")).code).toBe(
      0,
    );
    const r = await cchc(
      PASSWORD,
      "accounts",
      "add",
      "--db",
      db,
      "--agency",
      "bo-tttt",
      "--plan",
      "mic-2018",
      "--user",
      "chu-tri",
      "--role",
      "lead",
      "--password-stdin",
    );
    expect(r.code, r.stderr).toBe(0);
    const runtime = ManagedRuntime.make(PgliteStorage.layer({ dataDir: db }));
    try {
      const auth = new Authenticator({
        accounts: accountsClient(await runtime.runPromise(Effect.service(Accounts))),
        agencyId: "bo-tttt",
      });
      const signed = await auth.signIn({ userName: "chu-tri", password: PASSWORD, address: "127.0.0.1" });
      expect(signed.kind).toBe("signed-in");
      if (signed.kind === "signed-in") expect(signed.actor).toEqual({ role: "lead", userId: "chu-tri" });
    } finally {
      await runtime.dispose();
    }
  });
});
