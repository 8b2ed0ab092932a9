/**
 * `cchc outbox list|requeue`: what an operator needs of the store's outbox, the queue `cchc remind`
 * delivers from. `list` shows entries (by status) and why they failed; `requeue` puts dead ones back
 * in line through the outbox port (`Outbox.requeue`, recording who and when), so that the next
 * `cchc remind` (which gives them the current contacts) sends them.
 */
import { userInfo } from "node:os";
import { OUTBOX_STATUSES, Outbox, type OutboxEntry, type OutboxStatus } from "@cchc/core";
import * as Effect from "effect/Effect";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, oneLine, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";
import { reminderStore } from "../remindStore.js";
import { resolveAgency, STORE_OPTIONS } from "../store.js";
import { runSubcommand } from "../subcommand.js";

/** The subcommands, in the order the help lists them. */
export const OUTBOX_SUBCOMMANDS = ["list", "requeue"] as const;
type Subcommand = (typeof OUTBOX_SUBCOMMANDS)[number];

/** Entries read per `list` call while paging through the outbox. */
const PAGE = 500;

const usage = (vi: string, en: string) => new CliError({ vi, en: `${en} ${helpHint("outbox")}` });

/** Opens the store's outbox, runs `work`, closes it; a store that cannot be opened is exit 2. */
async function withOutbox<T>(
  io: CliIo,
  db: string | undefined,
  work: (run: <A, E>(effect: Effect.Effect<A, E, Outbox>) => Promise<A>, description: string) => Promise<T>,
): Promise<T> {
  const store = reminderStore(io, db);
  const runtime = ManagedRuntime.make(store.layer);
  try {
    await runtime.runPromise(Effect.void).catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      throw new CliError({
        vi: `không mở được kho ${store.description}: ${oneLine(why)}`,
        en: `cannot open the store ${store.description} ${helpHint("outbox")}`,
      });
    });
    return await work((effect) => runtime.runPromise(effect), store.description);
  } finally {
    await runtime.dispose().catch(() => undefined);
  }
}

/** Every entry with `status` (all when undefined), paging in key order. */
const allEntries = (agencyId: string, status: OutboxStatus | undefined) =>
  Effect.gen(function* () {
    const outbox = yield* Outbox;
    const out: OutboxEntry[] = [];
    let after: string | undefined;
    for (;;) {
      const page = yield* outbox.list(agencyId, {
        limit: PAGE,
        ...(status === undefined ? {} : { status }),
        ...(after === undefined ? {} : { after }),
      });
      out.push(...page);
      if (page.length < PAGE) return out;
      after = page[page.length - 1]?.key;
    }
  });

/** One entry as `--json` prints it: the fields an operator acts on, never the whole body. */
function entryJson(e: OutboxEntry) {
  return {
    key: e.key,
    status: e.status,
    attempts: e.attempts,
    createdAt: e.createdAt,
    nextAttemptAt: e.nextAttemptAt,
    recipient: {
      unitId: e.notification.recipient.unitId,
      name: e.notification.recipient.name,
      email: e.notification.recipient.email,
    },
    subject: e.notification.subject,
    ...(e.lastError === undefined
      ? {}
      : { lastError: { code: e.lastError.code, message: e.lastError.message, at: e.lastError.at } }),
    ...(e.deliveredAt === undefined ? {} : { deliveredAt: e.deliveredAt }),
    ...(e.requeuedAt === undefined ? {} : { requeuedAt: e.requeuedAt }),
    ...(e.requeuedBy === undefined ? {} : { requeuedBy: e.requeuedBy }),
  };
}

const STATUS_VI: Record<OutboxStatus, string> = {
  pending: "chờ gửi",
  retrying: "chờ thử lại",
  delivered: "đã gửi",
  dead: "hỏng",
};

function parseStatus(raw: string | undefined): OutboxStatus | undefined {
  if (raw === undefined) return undefined;
  if ((OUTBOX_STATUSES as readonly string[]).includes(raw)) return raw as OutboxStatus;
  throw usage(
    `--status phải là một trong ${OUTBOX_STATUSES.join(", ")} (nhận được ${quote(raw)})`,
    `--status must be one of ${OUTBOX_STATUSES.join(", ")} (got ${quote(raw)})`,
  );
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "outbox list",
    args,
    { ...STORE_OPTIONS, status: { type: "string" }, json: { type: "boolean" } },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  const status = parseStatus(values.status);
  const agencyId = resolveAgency(values.agency);
  const { entries, counts, description } = await withOutbox(io, values.db, async (run, description) => ({
    description,
    entries: await run(allEntries(agencyId, status)),
    counts: await run(
      Effect.gen(function* () {
        return yield* (yield* Outbox).counts(agencyId);
      }),
    ),
  }));
  if (values.json === true) {
    io.stdout(
      `${JSON.stringify({ store: description, agencyId, status: status ?? null, counts, entries: entries.map(entryJson) }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const lines = [
    `Hàng đợi / Outbox — ${description}, cơ quan / agency ${agencyId}: ` +
      OUTBOX_STATUSES.map((s) => `${STATUS_VI[s]} / ${s} ${counts[s]}`).join("; "),
  ];
  if (entries.length === 0)
    lines.push(
      status === undefined
        ? "  (trống / empty)"
        : `  không có mục ${STATUS_VI[status]} / no ${status} entries`,
    );
  for (const e of entries) {
    const to = e.notification.recipient.email.join(", ");
    lines.push(
      `  ${e.status.padEnd(9)} ${e.key}  (${e.attempts} lần thử / attempt(s))`,
      `            ${e.notification.recipient.name}${to === "" ? " — không có địa chỉ thư / no email address" : ` → ${to}`}`,
    );
    if (e.lastError !== undefined)
      lines.push(
        `            lỗi gần nhất / last error [${e.lastError.code}]: ${oneLine(e.lastError.message)}`,
      );
    if (e.requeuedAt !== undefined)
      lines.push(
        `            đưa lại hàng đợi / requeued ${e.requeuedAt}${e.requeuedBy === undefined ? "" : ` (${e.requeuedBy})`}`,
      );
  }
  if (counts.dead > 0 && status !== "delivered")
    lines.push(
      `Mục hỏng không tự gửi lại: sửa danh bạ hoặc địa chỉ, rồi \`cchc outbox requeue <khóa>\` (hoặc --all-dead) và chạy lại cchc remind.`,
      `Dead entries are never retried on their own: fix the contacts, then \`cchc outbox requeue <key>\` (or --all-dead) and rerun cchc remind.`,
    );
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** Who requeues: `--by`, else the OS user, recorded on the entry. */
function operator(raw: string | undefined): string | undefined {
  if (raw !== undefined) return raw;
  try {
    return userInfo().username || undefined;
  } catch {
    return process.env.USER;
  }
}

async function requeue(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "outbox requeue",
    args,
    { ...STORE_OPTIONS, "all-dead": { type: "boolean" }, by: { type: "string" }, json: { type: "boolean" } },
    { min: 0, max: 10_000, what: { vi: "khóa", en: "keys" } },
  );
  const allDead = values["all-dead"] === true;
  if (allDead === positionals.length > 0)
    throw usage(
      allDead
        ? "dùng --all-dead hoặc các khóa, không dùng cả hai"
        : "lệnh outbox requeue cần khóa của mục hỏng, hoặc --all-dead",
      allDead
        ? "give --all-dead or keys, not both"
        : "outbox requeue needs the keys of dead entries, or --all-dead",
    );
  const agencyId = resolveAgency(values.agency);
  const by = operator(values.by);
  const results = await withOutbox(io, values.db, (run) =>
    run(
      Effect.gen(function* () {
        const outbox = yield* Outbox;
        const keys = allDead
          ? (yield* allEntries(agencyId, "dead")).map((e) => e.key)
          : [...new Set(positionals)];
        const out: { key: string; requeued: boolean; status: OutboxStatus | null }[] = [];
        for (const key of keys) {
          const requeued = yield* outbox.requeue(agencyId, key, by === undefined ? {} : { by });
          const entry = requeued ? undefined : yield* outbox.get(agencyId, key);
          out.push({ key, requeued, status: requeued ? "pending" : (entry?.status ?? null) });
        }
        return out;
      }),
    ),
  );
  const done = results.filter((r) => r.requeued).length;
  const refused = results.filter((r) => !r.requeued);
  if (values.json === true)
    io.stdout(`${JSON.stringify({ agencyId, requeued: done, by: by ?? null, results }, null, 2)}\n`);
  else {
    const lines = [
      `Đã đưa lại hàng đợi / requeued: ${done}${by === undefined ? "" : ` (bởi / by ${by})`}`,
      ...results.filter((r) => r.requeued).map((r) => `  pending  ${r.key}`),
      ...refused.map((r) =>
        r.status === null
          ? `  không có trong hàng đợi / not in the outbox: ${r.key}`
          : `  không hỏng, giữ nguyên / not dead, left as it is (${r.status}): ${r.key}`,
      ),
    ];
    if (done > 0)
      lines.push(
        "Chạy lại cchc remind (với danh bạ đã sửa) để gửi / rerun cchc remind (with the fixed contacts) to send them",
      );
    io.stdout(`${lines.join("\n")}\n`);
  }
  return refused.length > 0 ? EXIT.findings : EXIT.ok;
}

const SUBCOMMANDS: Record<Subcommand, (args: readonly string[], io: CliIo) => Promise<number>> = {
  list,
  requeue,
};

/** Runs `cchc outbox <subcommand>`. */
export async function outboxCommand(args: readonly string[], io: CliIo): Promise<number> {
  return runSubcommand("outbox", OUTBOX_SUBCOMMANDS, SUBCOMMANDS, args, io);
}
