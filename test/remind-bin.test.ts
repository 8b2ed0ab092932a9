/**
 * `cchc remind` as people and cron jobs run it: the BUILT bin as a child process, a real SMTP
 * server on 127.0.0.1 in this process, the embedded PGlite store in a folder.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNode } from "./support/node.js";
import { sampleWithAgencies } from "./support/plans.js";
import { freshDatabase } from "./support/postgres.js";
import { E2eSmtp } from "./support/smtp.js";

const here = dirname(fileURLToPath(import.meta.url));
const BIN = resolve(here, "../packages/cli/dist/main.js");

let dir: string;
let db: { url: string; drop: () => Promise<void> } | undefined;
const smtp = new E2eSmtp();
beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
  dir = await mkdtemp(join(tmpdir(), "cchc-remind-"));
  db = await freshDatabase("cchc_remind_cli");
}, 60_000);
afterAll(async () => {
  await smtp.stop();
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the bin asynchronously (the SMTP server lives in this process and must keep answering). */
const cchc = (...args: string[]) => runNode(BIN, args, { cwd: dir, timeoutMs: 60_000 });

describe("cchc remind (built bin)", () => {
  it("--now 2018-03-08 --dry-run --json on the sample plan lists the reminder for the 2018Q1 report", async () => {
    const r = await cchc("remind", "--now", "2018-03-08", "--dry-run", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout);
    expect(doc.due).toHaveLength(1);
    expect(doc.due[0]).toMatchObject({
      key: "default:cac-co-quan-hanh-chinh-thuoc-bo:2018Q1:before-14",
      kind: "before-14",
      periodId: "2018Q1",
      dueDate: "2018-03-19",
      daysLeft: 11,
    });
    expect(
      doc.upcoming
        .filter((u: { periodId: string }) => u.periodId === "2018Q1")
        .map((u: { kind: string }) => u.kind),
    ).toEqual(["before-7", "before-1", "due-today", "overdue"]);
    // A dry run touches no store.
    expect(existsSync(join(dir, ".cchc"))).toBe(false);
  });

  // On the PostgreSQL server: three runs against one outbox, each a new process.
  it("mail server down: retrying, exit 1; back: delivered once; a third run sends nothing", async () => {
    const { plan, contacts } = sampleWithAgencies(5);
    await writeFile(join(dir, "plan.json"), JSON.stringify(plan));
    await writeFile(join(dir, "contacts.json"), JSON.stringify(contacts));
    const port = await smtp.start(0);
    await smtp.stop();
    const args = [
      "remind",
      "--now",
      "2018-03-18",
      "--plan",
      "plan.json",
      "--contacts",
      "contacts.json",
      "--db",
      db?.url ?? "",
      "--agency",
      "bo-tttt",
      "--notify",
      `smtp://127.0.0.1:${port}?from=cchc%40mic.example.vn&ignoreTLS=true`,
      "--retry-delay",
      "100",
      "--max-attempts",
      "10",
      "--json",
    ];
    const down = await cchc(...args, "--wait", "0");
    expect(down.code, down.stderr).toBe(1);
    const d1 = JSON.parse(down.stdout);
    expect(d1.delivery).toMatchObject({
      notifier: "email",
      enqueued: 5,
      alreadyQueued: 0,
      delivered: 0,
      failed: 0,
      retrying: 5,
    });
    expect(d1.delivery.results[0].error.code).toBe("connection");

    await smtp.start(port);
    const up = await cchc(...args, "--wait", "30");
    expect(up.code, up.stderr).toBe(0);
    const d2 = JSON.parse(up.stdout);
    expect(d2.delivery).toMatchObject({
      enqueued: 0,
      alreadyQueued: 5,
      delivered: 5,
      failed: 0,
      retrying: 0,
    });
    expect(d2.delivery.outbox).toEqual({ pending: 0, retrying: 0, delivered: 5, dead: 0 });
    const counts = smtp.counts();
    for (const r of d2.due) expect(counts.get(r.key)).toBe(1);
    expect(smtp.accepted).toHaveLength(5);
    expect(smtp.accepted[0]?.subject).toContain(
      "Nhắc báo cáo quý I năm 2018: hạn nộp 19/03/2018 (còn 1 ngày)",
    );

    const again = await cchc(...args);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).delivery).toMatchObject({ enqueued: 0, alreadyQueued: 5, delivered: 0 });
    expect(smtp.accepted).toHaveLength(5);
    const human = await cchc(...args.filter((a) => a !== "--json"));
    expect(human.code).toBe(0);
    expect(human.stderr).toBe("");
    expect(human.stdout).toContain("Đưa vào hàng đợi / enqueued: 0 (đã có / already queued: 5)");
    expect(human.stdout).toContain("Gửi qua / via SMTP 127.0.0.1:");
  }, 120_000);

  // Quý II and 6 tháng đầu năm are both due on 19/06/2018: one mail per unit, and the key holds when the
  // group shrinks between two runs of the same stage (one report submitted): no second mail that day.
  it("reports due the same day: one mail per unit naming both; after one is submitted, a rerun sends nothing", async () => {
    if (smtp.port === 0) await smtp.start(0);
    const { plan, contacts } = sampleWithAgencies(3);
    const units = plan.units.filter((u) => u.id.startsWith("co-quan-")).map((u) => u.id);
    const reports = (periodIds: string[]) =>
      units
        .flatMap((unitId) =>
          periodIds.map((periodId) =>
            JSON.stringify({
              id: `${unitId}-${periodId}`,
              unitId,
              periodId,
              submittedAt: "2018-06-01T09:00:00+07:00",
            }),
          ),
        )
        .join("\n");
    await writeFile(join(dir, "june-plan.json"), JSON.stringify(plan));
    await writeFile(join(dir, "june-contacts.json"), JSON.stringify(contacts));
    await writeFile(join(dir, "june-q1.ndjson"), reports(["2018Q1"]));
    await writeFile(join(dir, "june-q1-q2.ndjson"), reports(["2018Q1", "2018Q2"]));
    const before = smtp.accepted.length;
    const run = (reportsFile: string) =>
      cchc(
        "remind",
        "--now",
        "2018-06-18",
        "--plan",
        "june-plan.json",
        "--contacts",
        "june-contacts.json",
        "--reports",
        reportsFile,
        "--db",
        db?.url ?? "",
        "--agency",
        "bo-tttt-june",
        "--notify",
        `smtp://127.0.0.1:${smtp.port}?from=cchc%40mic.example.vn&ignoreTLS=true`,
        "--json",
      );
    const first = await run("june-q1.ndjson");
    expect(first.code, first.stderr).toBe(0);
    const d1 = JSON.parse(first.stdout);
    expect(d1.due.map((r: { key: string }) => r.key)).toEqual(
      units.map((u) => `bo-tttt-june:${u}:2018-06-19:2018Q2+2018S1:before-1`),
    );
    expect(d1.delivery).toMatchObject({ enqueued: 3, delivered: 3, failed: 0 });
    const mails = smtp.accepted.slice(before);
    expect(mails).toHaveLength(3);
    for (const m of mails)
      expect(m.subject).toContain(
        "Nhắc báo cáo quý II năm 2018 và 6 tháng đầu năm 2018: hạn nộp 19/06/2018 (còn 1 ngày)",
      );

    const second = await run("june-q1-q2.ndjson");
    expect(second.code, second.stderr).toBe(0);
    const d2 = JSON.parse(second.stdout);
    expect(d2.due.map((r: { periods: { periodId: string }[] }) => r.periods.map((p) => p.periodId))).toEqual([
      ["2018S1"],
      ["2018S1"],
      ["2018S1"],
    ]);
    expect(d2.due.map((r: { key: string }) => r.key)).toEqual(d1.due.map((r: { key: string }) => r.key));
    expect(d2.delivery).toMatchObject({ enqueued: 0, alreadyQueued: 3, delivered: 0 });
    expect(smtp.accepted.length).toBe(before + 3);
  }, 120_000);

  // On the embedded default, PGlite in a folder (a new folder costs some seconds to initialise).
  it("a unit without contacts fails permanently: exit 1, the reason in the outbox, nothing sent for it", async () => {
    if (smtp.port === 0) await smtp.start(0);
    const before = smtp.accepted.length;
    const r = await cchc(
      "remind",
      "--now",
      "2018-03-08",
      "--db",
      "store",
      "--notify",
      `smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`,
      "--json",
    );
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.delivery).toMatchObject({ delivered: 0, failed: 1, retrying: 0 });
    expect(doc.delivery.results[0]).toMatchObject({ status: "dead", error: { code: "address" } });
    expect(smtp.accepted.length).toBe(before);
  }, 90_000);

  // Issue 18: the same store, after the unit without contacts went dead. A rerun used to say
  // "already queued: 1, delivered: 0", exit 0, and send nothing, even with the contacts fixed.
  it("dead for no contact → the rerun says so and how to requeue → contacts fixed, requeued → the rerun delivers to the new address", async () => {
    if (smtp.port === 0) await smtp.start(0);
    const before = smtp.accepted.length;
    const key = "default:cac-co-quan-hanh-chinh-thuoc-bo:2018Q1:before-14";
    const notify = `smtp://127.0.0.1:${smtp.port}?from=cchc%40mic.example.vn&ignoreTLS=true`;
    const remind = (...extra: string[]) =>
      cchc("remind", "--now", "2018-03-08", "--db", "store", "--notify", notify, ...extra);

    const listed = await cchc("outbox", "list", "--db", "store", "--status", "dead", "--json");
    expect(listed.code, listed.stderr).toBe(0);
    const dead = JSON.parse(listed.stdout);
    expect(dead.counts).toMatchObject({ dead: 1, delivered: 0 });
    expect(dead.entries).toHaveLength(1);
    expect(dead.entries[0]).toMatchObject({
      key,
      status: "dead",
      recipient: { unitId: "cac-co-quan-hanh-chinh-thuoc-bo", email: [] },
      lastError: { code: "address" },
    });

    // Still no contacts: the rerun says plainly that the due reminder is dead and what to run.
    const stuck = await remind();
    expect(stuck.code, stuck.stderr).toBe(1);
    expect(stuck.stdout).toContain("đã có / already queued: 1");
    expect(stuck.stdout).toContain("1 due reminder(s) are dead in the outbox and will not be sent again");
    expect(stuck.stdout).toContain(`fix the contacts, then run: cchc outbox requeue ${key} --db store`);
    const stuckJson = JSON.parse((await remind("--json")).stdout);
    expect(stuckJson.delivery).toMatchObject({
      alreadyQueued: 1,
      delivered: 0,
      dead: [{ key, error: { code: "address" } }],
      requeue: `cchc outbox requeue ${key} --db store`,
    });

    await writeFile(
      join(dir, "fixed-contacts.json"),
      JSON.stringify({ "cac-co-quan-hanh-chinh-thuoc-bo": { email: "vanthu@co-quan.example.vn" } }),
    );
    const requeued = await cchc("outbox", "requeue", key, "--db", "store", "--by", "quản trị viên", "--json");
    expect(requeued.code, requeued.stderr).toBe(0);
    expect(JSON.parse(requeued.stdout)).toMatchObject({
      requeued: 1,
      by: "quản trị viên",
      results: [{ key, requeued: true, status: "pending" }],
    });
    const again = await cchc("outbox", "requeue", key, "--db", "store");
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(`not dead, left as it is (pending): ${key}`);

    const sent = await remind("--contacts", "fixed-contacts.json", "--json");
    expect(sent.code, sent.stderr).toBe(0);
    const doc = JSON.parse(sent.stdout);
    expect(doc.delivery).toMatchObject({
      enqueued: 0,
      alreadyQueued: 1,
      refreshed: 1,
      delivered: 1,
      dead: [],
    });
    const mails = smtp.accepted.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ key, to: ["vanthu@co-quan.example.vn"] });

    const after = JSON.parse((await cchc("outbox", "list", "--db", "store", "--json")).stdout);
    expect(after.counts).toMatchObject({ dead: 0, delivered: 1 });
    expect(after.entries[0]).toMatchObject({
      key,
      status: "delivered",
      attempts: 1,
      requeuedBy: "quản trị viên",
      recipient: { email: ["vanthu@co-quan.example.vn"] },
    });
    expect(Date.parse(after.entries[0].requeuedAt)).toBeGreaterThan(Date.parse(dead.entries[0].createdAt));
    // Delivered stays delivered: a further run sends nothing.
    expect(
      JSON.parse((await remind("--contacts", "fixed-contacts.json", "--json")).stdout).delivery,
    ).toMatchObject({
      alreadyQueued: 1,
      refreshed: 0,
      delivered: 0,
    });
    expect(smtp.accepted.length).toBe(before + 1);
  }, 120_000);

  it("a store that cannot be opened is one line, exit 2", async () => {
    await writeFile(join(dir, "not-a-folder"), "x");
    const r = await cchc(
      "remind",
      "--now",
      "2018-03-08",
      "--db",
      "not-a-folder/db",
      "--notify",
      "smtp://127.0.0.1:9",
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toHaveLength(2);
    expect(r.stderr).toMatch(/^cchc: không mở được kho/);
  }, 60_000);
});
