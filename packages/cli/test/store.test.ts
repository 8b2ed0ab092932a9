/**
 * The store commands — `migrate`, `plans`, `ingest`, `score --plan` — and the `--db`/`--agency`
 * options, run through the BUILT bin as a child process. Most run against the PostgreSQL server (a
 * fresh schema; an unreachable server fails these tests); the embedded default (a PGlite folder in
 * the working directory) is exercised where it differs.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatDateTimeShort, formatNumberVi, renderPlanJson, samplePlan } from "@cchc/core";
import { MIGRATIONS } from "@cchc/storage-sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BinResult, cchcBin, expectOneLine, jsonOf, requireBin, serverSchema } from "./bin.js";

/** Per test: each runs the bin several times (PGlite's first start in a fresh folder takes seconds). */
const SLOW = 180_000;

let dir: string;
let server: Awaited<ReturnType<typeof serverSchema>>;
const cchc = (...args: string[]) => cchcBin(dir, args);
/** The same against the server schema. */
const onServer = (...args: string[]) => cchcBin(dir, ["--db", server.url, ...args]);

beforeAll(async () => {
  requireBin();
  dir = await mkdtemp(join(tmpdir(), "cchc-store-"));
  server = await serverSchema("cchc_cli");
  const sample = await cchc("sample", "mic-2018");
  await writeFile(join(dir, "kh.json"), sample.stdout);
  const generated = await cchc("generate", "--size", "small", "--seed", "3", "--out", "d");
  expect(generated.code, generated.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await server?.drop();
  await rm(dir, { recursive: true, force: true });
});

interface MigrateJson {
  store: { kind: string; location: string };
  applied: { version: number; name: string }[];
  version: number;
  migrations: { version: number; name: string; appliedAt: string }[];
}

describe("cchc migrate", { timeout: SLOW }, () => {
  it("applies the migrations once and says so; twice is a no-op (PostgreSQL, --json)", async () => {
    const first = jsonOf<MigrateJson>(await onServer("migrate", "--json"));
    expect(first.store.kind).toBe("postgres");
    expect(first.applied).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(first.version).toBe(MIGRATIONS.length);
    expect(first.migrations.map((m) => m.version)).toEqual(MIGRATIONS.map((m) => m.version));
    const again = jsonOf<MigrateJson>(await onServer("migrate", "--json"));
    expect(again.applied).toEqual([]);
    expect(again.migrations).toEqual(first.migrations);
    const text = await onServer("migrate");
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `Không có migration nào cần áp dụng / Nothing to apply (schema version ${MIGRATIONS.length})`,
    );
    const tables = await server.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'cchc%'",
    );
    expect(Number(tables[0]?.n)).toBeGreaterThanOrEqual(8);
  });

  it("with no --db uses the embedded PGlite folder ./.cchc-data, created on first use", async () => {
    const first = await cchc("migrate");
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(join(dir, ".cchc-data"));
    for (const m of MIGRATIONS)
      expect(first.stdout).toContain(`Đã áp dụng / Applied: ${m.version} ${m.name}`);
    expect(existsSync(join(dir, ".cchc-data", "PG_VERSION"))).toBe(true);
    const second = jsonOf<MigrateJson>(await cchc("migrate", "--json"));
    expect(second).toMatchObject({
      store: { kind: "pglite", location: join(dir, ".cchc-data") },
      applied: [],
    });
  });
});

describe("cchc plans", { timeout: SLOW }, () => {
  interface SaveJson {
    agency: string;
    planId: string;
    status: string;
    version: number;
    savedAt: string;
  }

  it("save creates version 1, keeps an identical plan, refuses a different one without --expected-version", async () => {
    const created = jsonOf<SaveJson>(await onServer("plans", "save", "kh.json", "--json"));
    expect(created).toMatchObject({ agency: "default", planId: "mic-2018", status: "created", version: 1 });
    const same = jsonOf<SaveJson>(await onServer("plans", "save", "kh.json", "--json"));
    expect(same).toMatchObject({ status: "unchanged", version: 1, savedAt: created.savedAt });

    const plan = samplePlan("mic-2018");
    await writeFile(join(dir, "kh-v2.json"), JSON.stringify({ ...plan, title: `${plan.title} (sửa đổi)` }));
    const refused = expectOneLine(await onServer("plans", "save", "kh-v2.json"), 1);
    expect(refused).toContain("--expected-version 1");
    const updated = jsonOf<SaveJson>(
      await onServer("plans", "save", "kh-v2.json", "--expected-version", "1", "--json"),
    );
    expect(updated).toMatchObject({ status: "updated", version: 2 });
    const stale = expectOneLine(await onServer("plans", "save", "kh.json", "--expected-version", "1"), 1);
    expect(stale).toMatch(/phiên bản 1 đã cũ.*version 1 is stale: plan "mic-2018" is at version 2/);
    const history = jsonOf<{ versions: { version: number; title: string }[] }>(
      await onServer("plans", "history", "mic-2018", "--json"),
    );
    expect(history.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(history.versions[1]?.title).toBe(`${plan.title} (sửa đổi)`);
  });

  it("show prints the stored plan as canonical JSON (any version); list lists it, per agency", async () => {
    const shown = await onServer("plans", "show", "mic-2018", "--version", "1");
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toBe(renderPlanJson(samplePlan("mic-2018")));
    expect(JSON.parse((await onServer("plans", "show", "mic-2018")).stdout).title).toMatch(/\(sửa đổi\)$/);

    const list = jsonOf<{
      agency: string;
      plans: { planId: string; version: number; year: number; savedAt: string }[];
    }>(await onServer("plans", "list", "--json"));
    expect(list.plans).toEqual([expect.objectContaining({ planId: "mic-2018", version: 2, year: 2018 })]);
    const text = await onServer("plans", "list");
    expect(text.stdout).toMatch(/^Mã \/ Id\s+Năm \/ Year/);
    expect(text.stdout).toContain("mic-2018");
    // The JSON keeps the UTC instant; the table a person reads says it in Vietnam time (issue 18).
    expect(list.plans[0]?.savedAt).toMatch(/Z$/);
    expect(text.stdout).toContain(formatDateTimeShort(list.plans[0]?.savedAt ?? ""));
    expect(text.stdout).toContain("giờ VN / Saved at, Vietnam time");
    expect(text.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    // another agency sees nothing; --db and --agency may come before the command too
    const other = await cchcBin(dir, [
      "--agency",
      "so-noi-vu",
      "--db",
      server.url,
      "plans",
      "list",
      "--json",
    ]);
    expect(jsonOf<{ agency: string; plans: unknown[] }>(other)).toMatchObject({
      agency: "so-noi-vu",
      plans: [],
    });
    const viaEnv = await cchcBin(dir, ["plans", "list"], { CCHC_DB: server.url, CCHC_AGENCY: "so-noi-vu" });
    expect(viaEnv.stdout).toContain("so-noi-vu");
    expect(viaEnv.stdout).not.toContain("mic-2018");
  });

  it("unusable input exits 2 with one line; a plan with errors exits 1 and stores nothing", async () => {
    expect(expectOneLine(await onServer("plans", "show", "khong-co"), 2)).toContain('"khong-co"');
    expectOneLine(await onServer("plans", "show", "mic-2018", "--version", "9"), 2);
    expectOneLine(await onServer("plans", "history", "khong-co"), 2);
    expectOneLine(await onServer("plans", "save", "khong-co.json"), 2);
    expectOneLine(await onServer("plans", "save", "kh.json", "--expected-version", "0"), 2);
    expectOneLine(await onServer("plans"), 2);
    expectOneLine(await onServer("plans", "xoa"), 2);
    expectOneLine(await onServer("plans", "list", "--agency", "có dấu cách"), 2);
    expectOneLine(await cchc("sample", "mic-2018", "--db", "x"), 2);

    const broken = { ...samplePlan("mic-2018"), id: "kh-loi" } as Record<string, unknown>;
    (broken.responsibilities as { unitIds: string[] }[])[0]?.unitIds.push("vu-khong-ton-tai");
    await writeFile(join(dir, "kh-loi.json"), JSON.stringify(broken));
    const r = await onServer("plans", "save", "kh-loi.json");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("unit-unknown");
    expect(r.stderr.trimEnd().split("\n").at(-1)).toMatch(/^cchc: kế hoạch có \d+ lỗi, chưa lưu/);
    expectOneLine(await onServer("plans", "show", "kh-loi"), 2);
  });
});

interface IngestJson {
  agency: string;
  planId: string;
  resume: boolean;
  activities: { file: string; lines: number; saved: number; skipped: number } | null;
  records: { file: string; lines: number; inserted: number; skipped: number; batches: number } | null;
  reports: { file: string; lines: number; saved: number; skipped: number } | null;
}

describe("cchc ingest and cchc score --plan", { timeout: SLOW }, () => {
  const agency = "bo-tttt";
  const planId = "mic-2018";
  const inAgency = (...args: string[]) => onServer(...args, "--agency", agency);
  let manifest: { counts: { activities: number; records: number; reports: number } };

  const recordRows = async () =>
    Number(
      (
        await server.query<{ n: string }>("SELECT count(*) AS n FROM cchc_records WHERE agency_id = $1", [
          agency,
        ])
      )[0]?.n,
    );

  it("needs the plan in the store first (exit 2), then loads activities, records and reports", async () => {
    manifest = JSON.parse(await readFile(join(dir, "d", "manifest.json"), "utf8"));
    expect(expectOneLine(await inAgency("ingest", "d", "--plan", planId), 2)).toContain("cchc plans save");
    expect((await inAgency("plans", "save", "d/plan.json")).code).toBe(0);
    const r = await inAgency("ingest", "d", "--plan", planId, "--batch-size", "1000", "--json", "--progress");
    const out = jsonOf<IngestJson>(r);
    expect(out).toMatchObject({
      agency,
      planId,
      resume: false,
      activities: { file: "activities.ndjson", saved: manifest.counts.activities, skipped: 0 },
      records: { file: "records.ndjson", inserted: manifest.counts.records, skipped: 0, batches: 3 },
      reports: { file: "reports.ndjson", saved: manifest.counts.reports, skipped: 0 },
    });
    // --progress: one stderr line per committed batch
    expect(r.stderr.trimEnd().split("\n")).toEqual(
      [1, 2, 3].map((b) => expect.stringContaining(`batch ${b} committed`)),
    );
    expect(await recordRows()).toBe(manifest.counts.records);
  });

  it("a rerun stops at line 1 (exit 1, one line); --resume skips everything already stored", async () => {
    const again = expectOneLine(await inAgency("ingest", "d", "--plan", planId), 1);
    expect(again).toMatch(/^cchc: activities\.ndjson: .*\(dòng 1\).*--resume/);
    const resumed = jsonOf<IngestJson>(await inAgency("ingest", "d", "--plan", planId, "--resume", "--json"));
    expect(resumed).toMatchObject({
      resume: true,
      activities: { saved: 0, skipped: manifest.counts.activities },
      records: { inserted: 0, skipped: manifest.counts.records },
      reports: { saved: 0, skipped: manifest.counts.reports },
    });
    expect(await recordRows()).toBe(manifest.counts.records);
  });

  it("a bad line stops the records at its batch, names file and line; fixed, --resume completes it", async () => {
    const lines = (await readFile(join(dir, "d", "records.ndjson"), "utf8")).trimEnd().split("\n");
    const more = lines.map((l, i) => {
      const r = JSON.parse(l) as { id: string };
      return JSON.stringify({ ...r, id: `them-${String(i).padStart(5, "0")}` });
    });
    const broken = [...more];
    broken[1499] = '{"id": "hong", "output": ';
    await writeFile(join(dir, "them.ndjson"), `${broken.join("\n")}\n`);
    const failed = expectOneLine(
      await inAgency("ingest", "them.ndjson", "--plan", planId, "--batch-size", "500"),
      1,
    );
    expect(failed).toContain("them.ndjson");
    expect(failed).toContain("(dòng 1500)");
    expect(failed).toContain("(line 1500)");
    expect(failed).toContain("lô 3 không được ghi, 1000 bản ghi đã ghi trước đó");
    expect(failed).toContain("batch 3 rolled back, 1000 records committed before it");
    expect(await recordRows()).toBe(manifest.counts.records + 1000);

    await writeFile(join(dir, "them.ndjson"), `${more.join("\n")}\n`);
    const done = jsonOf<IngestJson>(
      await inAgency("ingest", "them.ndjson", "--plan", planId, "--batch-size", "500", "--resume", "--json"),
    );
    expect(done.activities).toBeNull();
    expect(done.reports).toBeNull();
    expect(done.records).toMatchObject({ inserted: more.length - 1000, skipped: 1000 });
    expect(await recordRows()).toBe(manifest.counts.records + more.length);
  });

  it("a line over the length limit stops the records at its batch with tracking.line-too-long", async () => {
    const lines = (await readFile(join(dir, "d", "records.ndjson"), "utf8")).trimEnd().split("\n");
    const long = lines.map((l, i) => {
      const r = JSON.parse(l) as { id: string };
      return JSON.stringify({ ...r, id: `long-${String(i).padStart(5, "0")}` });
    });
    long[299] = JSON.stringify({ id: "dai", note: "x".repeat(5000) });
    await writeFile(join(dir, "long.ndjson"), `${long.join("\n")}\n`);
    const before = await recordRows();
    const failed = expectOneLine(
      await cchcBin(
        dir,
        [
          "--db",
          server.url,
          "ingest",
          "long.ndjson",
          "--plan",
          planId,
          "--batch-size",
          "500",
          "--agency",
          agency,
        ],
        { CCHC_MAX_LINE_BYTES: "4096" },
      ),
      1,
    );
    expect(failed).toContain("[tracking.line-too-long]");
    expect(failed).toContain("Dòng 300 dài 5,");
    expect(failed).toContain("over the 4,096 bytes line limit");
    // its batch (lines 1–500) is not written
    expect(await recordRows()).toBe(before);
  });

  it("score --plan reads the store: the same sheet as scoring the files; --save keeps it", async () => {
    // the extra records above belong to the store only: score a second agency holding the files' data
    const other = ["--agency", "bo-tttt-2", "--db", server.url];
    expect((await cchcBin(dir, ["plans", "save", "d/plan.json", ...other])).code).toBe(0);
    expect((await cchcBin(dir, ["ingest", "d", "--plan", planId, ...other])).code).toBe(0);
    const fromFiles = jsonOf<Record<string, unknown>>(
      await cchc("score", "d/plan.json", "--tracking", "d", "--json"),
    );
    const fromStore = jsonOf<Record<string, unknown>>(
      await cchcBin(dir, ["score", "--plan", planId, "--json", ...other]),
    );
    expect(fromStore).toEqual(fromFiles);
    const saved = jsonOf<{ saved: { id: string; savedAt: string }; counts: { records: number } }>(
      await cchcBin(dir, ["score", "--plan", planId, "--json", "--save", ...other]),
    );
    expect(saved.saved.id).toMatch(/^\d+$/);
    const sheets = await server.query<{ n: string }>(
      "SELECT count(*) AS n FROM cchc_score_sheets WHERE agency_id = 'bo-tttt-2'",
    );
    expect(Number(sheets[0]?.n)).toBe(1);
    const text = await inAgency("score", "--plan", planId);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`${formatNumberVi(manifest.counts.records * 2)} bản ghi / records`);

    expectOneLine(await inAgency("score", "--plan", "khong-co"), 2);
    expectOneLine(await inAgency("score", "d/plan.json", "--plan", planId), 2);
    expectOneLine(await cchc("score", "d/plan.json", "--tracking", "d", "--save"), 2);
  });

  it("single files take their kind from the name or --kind; bad arguments exit 2", async () => {
    await writeFile(
      join(dir, "mot-hoat-dong.ndjson"),
      `${JSON.stringify({
        id: "act-them",
        unitId: (
          JSON.parse(await readFile(join(dir, "d", "plan.json"), "utf8")) as { units: { id: string }[] }
        ).units[0]?.id,
        channelId: "II.2.a",
        contentAreaIds: ["II.1.a"],
        title: "Hoạt động bổ sung",
        periodId: "2018",
        target: { value: 1, unit: "article" },
      })}\n`,
    );
    const r = await inAgency(
      "ingest",
      "mot-hoat-dong.ndjson",
      "--kind",
      "activities",
      "--plan",
      planId,
      "--json",
    );
    const out = jsonOf<IngestJson>(r);
    expect(out.activities).toMatchObject({ saved: 1 });
    expect(out.records).toBeNull();
    expectOneLine(await inAgency("ingest", "d", "--kind", "records", "--plan", planId), 2);
    expectOneLine(await inAgency("ingest", "mot-hoat-dong.ndjson", "--kind", "nope", "--plan", planId), 2);
    expectOneLine(await inAgency("ingest", "khong-co", "--plan", planId), 2);
    expectOneLine(await inAgency("ingest", "d"), 2);
    expectOneLine(await inAgency("ingest", "d", "--plan", planId, "--batch-size", "0"), 2);
  });
});

describe("a store that cannot be used", { timeout: SLOW }, () => {
  const expectNoSecret = (r: BinResult) => {
    const line = expectOneLine(r, 2);
    expect(line).not.toContain("mat-khau-bi-mat");
    return line;
  };

  it("an unreachable server exits 2 with one line naming host:port, never the password", async () => {
    const url = "postgres://cchc:mat-khau-bi-mat@127.0.0.1:1/cchc";
    for (const args of [
      ["migrate"],
      ["plans", "list"],
      ["ingest", "d", "--plan", "x"],
      ["score", "--plan", "x"],
    ]) {
      const line = expectNoSecret(await cchc(...args, "--db", url));
      expect(line).toContain("127.0.0.1:1");
      expect(line).toContain("không mở được máy chủ PostgreSQL");
    }
    expectOneLine(await cchc("plans", "list", "--db", "postgres://[::1"), 2);
  });

  it("a folder that is a file exits 2 with one line naming it", async () => {
    await writeFile(join(dir, "la-tep"), "không phải thư mục");
    const line = expectOneLine(await cchc("plans", "list", "--db", "la-tep"), 2);
    expect(line).toContain(join(dir, "la-tep"));
  });
});
