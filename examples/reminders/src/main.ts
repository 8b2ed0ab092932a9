/**
 * Dịch vụ nhắc báo cáo / a reminder service.
 *
 * Mỗi ngày (lúc khởi động, rồi 08:00 giờ Việt Nam), dịch vụ tính các nhắc nhở đến hạn của kế hoạch mẫu
 * "mic-2018" (`computeReminders`), ghi chúng vào hàng đợi (outbox) của kho PGlite nhúng, rồi gửi qua
 * máy chủ thư (`drainOutbox`). Chạy lại cùng ngày không gửi trùng: khóa chống trùng của mỗi nhắc nhở
 * đã nằm trong hàng đợi.
 * Every day (at start and at 08:00 Vietnam time) the service computes the reminders due for the
 * "mic-2018" sample, writes them to the outbox of the embedded PGlite store, then delivers them
 * through a mail server. Running again the same day sends nothing twice.
 *
 * Chạy / run (từ thư mục gốc / from the repository root):
 *   pnpm --filter @cchc/example-reminders start --now 2018-03-08 --once
 *   pnpm --filter @cchc/example-reminders start --now 2018-03-05 --days 17   (giả lập 17 ngày / simulate 17 days)
 *   pnpm --filter @cchc/example-reminders start --smtp "smtp://mail.agency.gov.vn:25?from=cchc%40agency.gov.vn"
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  addDays,
  type ContactDirectory,
  computeReminders,
  drainOutbox,
  formatDeadline,
  Outbox,
  parseContactDirectory,
  reminderNotification,
  retryPolicy,
  Storage,
  samplePlan,
  vietnamDateOf,
} from "@cchc/core";
import { EmailNotifier, emailOptionsFromUrl } from "@cchc/notify-email";
import { PgliteStorage } from "@cchc/storage-pglite";
import * as Effect from "effect/Effect";
import * as Fiber from "effect/Fiber";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { startLocalSmtp } from "./localSmtp.js";

const here = fileURLToPath(new URL(".", import.meta.url));
// `pnpm … start -- --now …` passes the "--" through: drop it.
const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === "--"));
const { values } = parseArgs({
  args: argv,
  options: {
    now: { type: "string" },
    once: { type: "boolean" },
    days: { type: "string" },
    smtp: { type: "string" },
    db: { type: "string" },
    contacts: { type: "string" },
    agency: { type: "string" },
  },
});

const AGENCY = values.agency ?? "bo-tttt";
const plan = samplePlan("mic-2018");
/** Demo addresses; pass --contacts danh-ba.json for real ones. */
const DEMO_CONTACTS: ContactDirectory = {
  "cac-co-quan-hanh-chinh-thuoc-bo": { email: ["co-quan-hanh-chinh@bo.example.vn"] },
  "vu-to-chuc-can-bo": { email: ["vu-tccb@bo.example.vn"] },
};

function loadContacts(): ContactDirectory {
  if (values.contacts === undefined) return DEMO_CONTACTS;
  const parsed = parseContactDirectory(JSON.parse(readFileSync(values.contacts, "utf8")));
  if (!parsed.ok)
    throw new Error(`danh bạ không hợp lệ / invalid contacts: ${parsed.findings[0]?.message.vi ?? ""}`);
  return parsed.directory;
}

/** The instant of a check on a Vietnamese day: 08:00 in Hà Nội. */
const morningOf = (day: string) => `${day}T08:00:00+07:00`;

/** Milliseconds from `nowMs` to the next 08:00 in Hà Nội. */
function untilNextMorning(nowMs: number): number {
  const today = Date.parse(morningOf(vietnamDateOf(new Date(nowMs))));
  return (today > nowMs ? today : Date.parse(morningOf(addDays(vietnamDateOf(new Date(nowMs)), 1)))) - nowMs;
}

async function main(): Promise<void> {
  const contacts = loadContacts();
  const dataDir = resolve(values.db ?? resolve(here, "../.data"));
  const local = values.smtp === undefined ? await startLocalSmtp() : undefined;
  const smtp =
    values.smtp === undefined
      ? {
          host: "127.0.0.1",
          port: local?.port ?? 0,
          from: '"Vụ Tổ chức cán bộ" <vu-tccb@bo.example.vn>',
          ignoreTLS: true,
        }
      : emailOptionsFromUrl(values.smtp);
  console.log(`Kho / store: PGlite ${dataDir}`);
  console.log(
    `Máy chủ thư / mail server: ${smtp.host}:${smtp.port}${local ? " (cục bộ / local demo server)" : ""}`,
  );

  const runtime = ManagedRuntime.make(
    Layer.merge(PgliteStorage.layer({ dataDir }), EmailNotifier.layer(smtp)),
  );

  /** One daily check: compute, enqueue (idempotent), deliver. */
  const check = (day: string) =>
    Effect.gen(function* () {
      const store = yield* Storage;
      const outbox = yield* Outbox;
      const reports = (yield* store.listReports(AGENCY, plan.id)).map((r) => r.value);
      const { due, upcoming } = computeReminders(plan, reports, {
        now: morningOf(day),
        agencyId: AGENCY,
        contacts,
      });
      const queued = yield* outbox.enqueue(AGENCY, due.map(reminderNotification));
      console.log(
        `\n[${formatDeadline(day)}] đến hạn / due: ${due.length}, mới / new: ${queued.added.length}, đã có / already queued: ${queued.existing.length}`,
      );
      for (const r of due) console.log(`  ${r.kind.padEnd(10)} ${r.unitName}: ${r.subject.vi}`);
      const sent = yield* drainOutbox({
        agencyId: AGENCY,
        retry: retryPolicy({ baseMs: 1_000, retries: 5 }),
        waitMs: 15_000,
      });
      console.log(
        `  đã gửi / delivered: ${sent.delivered}, lỗi / failed: ${sent.dead}, chờ thử lại / retrying: ${sent.retrying}`,
      );
      const next = upcoming[0];
      if (next)
        console.log(
          `  kế tiếp / next: ${next.sendOn} ${next.kind} ${next.unitName} (${next.periodIds.join(", ")})`,
        );
    });

  try {
    const start = values.now ?? vietnamDateOf(new Date());
    if (values.once === true) await runtime.runPromise(check(start));
    else if (values.days !== undefined) {
      const days = Number(values.days);
      if (!Number.isInteger(days) || days < 1 || days > 400) throw new Error("--days: 1–400");
      for (let i = 0; i < days; i++) await runtime.runPromise(check(addDays(start, i)));
    } else {
      console.log(
        "Kiểm tra mỗi ngày lúc 08:00 (Ctrl+C để dừng) / checking every day at 08:00 (Ctrl+C to stop)",
      );
      await runtime.runPromise(check(start));
      // Sleep until the next 08:00 in Hà Nội, check, and again.
      const daily = Effect.gen(function* () {
        for (;;) {
          yield* Effect.sleep(untilNextMorning(Date.now()));
          yield* check(vietnamDateOf(new Date()));
        }
      });
      const fiber = runtime.runFork(daily);
      await new Promise<void>((r) => process.once("SIGINT", () => r()));
      console.log("\nDừng / stopping");
      await Effect.runPromise(Fiber.interrupt(fiber));
    }
  } finally {
    await runtime.dispose();
    await local?.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Lỗi / Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
