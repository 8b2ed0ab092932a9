/**
 * `cchc remind --now <date>`: which reminders are due on a day, and (without `--dry-run`) enqueue
 * them in the store's outbox and deliver them through the configured notifier. Computing is the
 * core's pure `computeReminders`; delivery is the core's dispatcher over the outbox, so running the
 * command twice on the same day sends nothing twice.
 */
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  type ContactDirectory,
  checkReminderOptions,
  computeReminders,
  type DrainReport,
  drainOutbox,
  type Finding,
  formatDeadline,
  isSamplePlanName,
  type Notifier,
  Outbox,
  type OutboxEntry,
  type Plan,
  parseContactDirectory,
  parseUntrusted,
  type Reminder,
  type ReminderOptions,
  type ReminderResult,
  type ReminderTemplates,
  reminderNotification,
  retryPolicy,
  SAMPLE_PLAN_NAMES,
  Storage,
  samplePlan,
  type UnitReport,
  UnitReportSchema,
  validatePlan,
} from "@cchc/core";
import {
  createNatsStream,
  DEFAULT_STREAM,
  DEFAULT_SUBJECT,
  type NatsNotifierOptions,
  type NatsStreamReport,
} from "@cchc/notify-nats";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, oneLine, quote } from "../errors.js";
import { findingLine, findingToJson } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { loadDataFile, loadPlanFile } from "../loadPlanFile.js";
import { lineTooLongFinding, readLines } from "../ndjson.js";
import { chooseNotifier } from "../remindNotifier.js";
import { reminderStore } from "../remindStore.js";
import { maskPassword, resolveAgency } from "../store.js";

const usage = (vi: string, en: string) => new CliError({ vi, en: `${en} ${helpHint("remind")}` });

/** `--now`: a date means the end of that day in Vietnam (as `score --as-of`); an instant needs its offset. */
function parseNow(raw: string | undefined): string {
  if (raw === undefined) throw usage("lệnh remind cần --now <ngày>", "remind needs --now <ISO date>");
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    const ms = Date.parse(`${raw}T23:59:59.999+07:00`);
    if (!Number.isNaN(ms) && new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10) === raw)
      return new Date(ms).toISOString();
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(raw)) {
    const ms = Date.parse(raw);
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  throw usage(
    `--now cần một ngày YYYY-MM-DD hoặc thời điểm ISO có múi giờ (nhận được ${quote(raw)})`,
    `--now needs a date YYYY-MM-DD or an ISO instant with an offset (got ${quote(raw)})`,
  );
}

function parseDays(raw: string | undefined, from: unknown): number[] | undefined {
  if (raw === undefined) {
    if (from === undefined) return undefined;
    if (!Array.isArray(from))
      throw usage(
        "daysBefore trong tệp cấu hình phải là danh sách số",
        "daysBefore in the config must be a list of numbers",
      );
    return from as number[];
  }
  if (!/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/.test(raw))
    throw usage(
      `--days-before cần các số ngày cách nhau bởi dấu phẩy, ví dụ 14,7,1 (nhận được ${quote(raw)})`,
      `--days-before needs comma-separated day counts such as 14,7,1 (got ${quote(raw)})`,
    );
  return raw.split(",").map((d) => Number(d.trim()));
}

function parseCount(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw usage(
      `--${name} phải là số nguyên ${min}–${max} (nhận được ${quote(raw)})`,
      `--${name} must be an integer ${min}–${max} (got ${quote(raw)})`,
    );
  return Number(raw);
}

/** The `--config` file: every key optional, flags win over it. */
interface RemindConfig {
  notify?: string;
  webhookSecret?: string;
  from?: string;
  agency?: string;
  db?: string;
  contacts?: unknown;
  templates?: unknown;
  daysBefore?: unknown;
  escalateAfterDays?: unknown;
  onTheDay?: unknown;
}

const CONFIG_KEYS = new Set([
  "notify",
  "webhookSecret",
  "from",
  "agency",
  "db",
  "contacts",
  "templates",
  "daysBefore",
  "escalateAfterDays",
  "onTheDay",
]);

async function loadConfig(io: CliIo, path: string | undefined): Promise<RemindConfig> {
  if (path === undefined) return {};
  const { value } = await loadDataFile(io, path);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw usage(
      `tệp cấu hình ${quote(path)} phải là một đối tượng`,
      `the config file ${quote(path)} must be an object`,
    );
  for (const key of Object.keys(value))
    if (!CONFIG_KEYS.has(key))
      throw usage(
        `tệp cấu hình ${quote(path)} có khóa lạ ${quote(key)}`,
        `the config file ${quote(path)} has an unknown key ${quote(key)} (known: ${[...CONFIG_KEYS].join(", ")})`,
      );
  const c = value as Record<string, unknown>;
  for (const key of ["notify", "webhookSecret", "from", "agency", "db"] as const)
    if (c[key] !== undefined && typeof c[key] !== "string")
      throw usage(`${key} trong tệp cấu hình phải là chuỗi`, `${key} in the config file must be a string`);
  return c as RemindConfig;
}

async function loadPlan(io: CliIo, raw: string | undefined): Promise<{ plan: Plan; sample?: string }> {
  const name = raw ?? "mic-2018";
  if (isSamplePlanName(name)) return { plan: samplePlan(name), sample: name };
  const file = await loadPlanFile(io, name);
  const result = validatePlan(file.data);
  if (result.plan === undefined) {
    const first = result.errors[0];
    throw usage(
      `kế hoạch ${quote(name)} không đọc được (${result.errors.length} lỗi): ${first ? oneLine(findingLine(first)) : ""}`,
      `the plan ${quote(name)} does not parse (${result.errors.length} error(s); cchc validate ${name}); samples: ${SAMPLE_PLAN_NAMES.join(", ")}`,
    );
  }
  return { plan: result.plan };
}

async function loadContacts(
  io: CliIo,
  raw: string | undefined,
  fromConfig: unknown,
): Promise<ContactDirectory | undefined> {
  let value: unknown = fromConfig;
  let where = "contacts";
  if (raw !== undefined) {
    value = (await loadDataFile(io, raw)).value;
    where = raw;
  } else if (typeof fromConfig === "string") {
    value = (await loadDataFile(io, fromConfig)).value;
    where = fromConfig;
  }
  if (value === undefined) return undefined;
  const parsed = parseContactDirectory(value);
  if (!parsed.ok) {
    const first = parsed.findings[0];
    throw usage(
      `danh bạ ${quote(where)} không hợp lệ: ${first ? oneLine(findingLine(first)) : ""}`,
      `the contact directory ${quote(where)} is invalid (${parsed.findings.length} problem(s))`,
    );
  }
  return parsed.directory;
}

interface LoadedReports {
  readonly reports: UnitReport[];
  readonly skipped: Finding[];
}

async function loadReports(io: CliIo, raw: string): Promise<LoadedReports> {
  let path = resolve(io.cwd, raw);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined) throw usage(`không tìm thấy ${quote(raw)}`, `reports ${quote(raw)} not found`);
  if (info.isDirectory()) path = join(path, "reports.ndjson");
  const reports: UnitReport[] = [];
  const skipped: Finding[] = [];
  let line = 0;
  try {
    for await (const text of readLines(path)) {
      line++;
      if (typeof text !== "string") {
        const finding = lineTooLongFinding(text, "reports");
        skipped.push({ code: finding.code, severity: "warning", path: [line], message: finding.message });
        continue;
      }
      if (text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        skipped.push({
          code: "reports.json-invalid",
          severity: "warning",
          path: [line],
          message: {
            vi: `dòng ${line}: JSON không hợp lệ, bỏ qua`,
            en: `line ${line}: invalid JSON, skipped`,
          },
        });
        continue;
      }
      if (typeof value === "object" && value !== null && "kind" in value) {
        if ((value as { kind: unknown }).kind !== "report") continue;
        const { kind: _kind, ...rest } = value as Record<string, unknown>;
        value = rest;
      }
      // a crafted value is skipped with a finding like any other, never an exception
      const parsed = parseUntrusted(UnitReportSchema, value);
      if (parsed.success) reports.push(parsed.data);
      else {
        const first = parsed.findings[0];
        skipped.push({
          code: "reports.shape-invalid",
          severity: "warning",
          path: [line, ...(first?.path ?? [])],
          message: {
            vi: `dòng ${line}: không phải báo cáo hợp lệ, bỏ qua (${first?.message.vi ?? ""})`,
            en: `line ${line}: not a valid report, skipped (${first?.message.en ?? ""})`,
          },
        });
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw usage(
      `không đọc được ${quote(raw)} (${String(code ?? "")})`,
      `cannot read ${quote(raw)}${code === "ENOENT" ? ": the folder has no reports.ndjson" : ""}`,
    );
  }
  return { reports, skipped };
}

function dueText(result: ReminderResult, planId: string): string {
  const lines = [
    `Nhắc nhở đến hạn / Reminders due — ${formatDeadline(result.today)} (${planId}): ${result.due.length}`,
  ];
  for (const r of result.due)
    lines.push(
      `  ${r.kind.padEnd(10)} ${r.unitName} — ${r.periodLabel.vi} / ${r.periodLabel.en}, hạn / due ${formatDeadline(r.dueDate)}`,
      `             ${r.subject.vi}`,
      `             ${r.subject.en}`,
      `             khóa / key: ${r.key}${r.recipients[0]?.email.length ? `  →  ${r.recipients[0].email.join(", ")}` : ""}`,
    );
  const next = result.upcoming[0];
  lines.push(
    `Sắp tới / Upcoming: ${result.upcoming.length}${next ? ` (kế tiếp / next: ${next.sendOn} ${next.kind} ${next.unitName} ${next.periodIds.join("+")})` : ""}`,
  );
  for (const f of result.findings) lines.push(`  ${findingLine(f)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * `--nats-create-stream`: every subject this run publishes to (the URL's, else `cchc.reminders`,
 * and each due recipient's own `natsSubject`) captured by a stream, creating `CCHC_REMINDERS` (or
 * the URL's `?stream=`) when needed. A server that cannot be reached or refuses is exit 2.
 */
async function natsStreamFor(nats: NatsNotifierOptions, due: readonly Reminder[]): Promise<NatsStreamReport> {
  const subjects = new Set<string>(due.length === 0 ? [] : [nats.subject ?? DEFAULT_SUBJECT]);
  for (const r of due)
    for (const to of r.recipients) if (to.natsSubject !== undefined) subjects.add(to.natsSubject);
  try {
    return await createNatsStream(nats, {
      subjects: [...subjects],
      ...(nats.stream === undefined ? {} : { stream: nats.stream }),
    });
  } catch (error) {
    const why = oneLine(error instanceof Error ? error.message : String(error));
    throw new CliError({
      vi: `không tạo được stream NATS ${nats.stream ?? DEFAULT_STREAM} cho ${[...subjects].join(", ")}: ${why}`,
      en: `cannot create the NATS stream ${nats.stream ?? DEFAULT_STREAM} for ${[...subjects].join(", ")}: ${why} ${helpHint("remind")}`,
    });
  }
}

function natsStreamText(r: NatsStreamReport): string {
  const lines: string[] = [];
  if (r.added.length > 0)
    lines.push(
      `${r.created ? "Đã tạo stream NATS / created the NATS stream" : "Đã thêm vào stream NATS / added to the NATS stream"} ${r.stream}: ${r.added.join(", ")}`,
    );
  for (const c of r.covered)
    lines.push(`Stream NATS đã có / NATS stream already there: ${c.stream} nhận / captures ${c.subject}`);
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/**
 * The command an operator runs to put `keys` back in line, with the store and agency of this run
 * (a password in `--db` masked: this is printed). A few keys are named; more become `--all-dead`.
 */
function requeueCommand(keys: readonly string[], db: string | undefined, agencyId: string): string {
  const target = [
    ...(db === undefined ? [] : ["--db", /^postgres(ql)?:\/\//i.test(db) ? maskPassword(db) : db]),
    ...(agencyId === "default" ? [] : ["--agency", agencyId]),
  ].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`));
  return ["cchc outbox requeue", ...(keys.length <= 5 ? keys : ["--all-dead"]), ...target].join(" ");
}

function deliveryJson(
  notifier: string,
  enqueue: { added: readonly string[]; existing: readonly string[] },
  d: DrainReport,
  refreshed: readonly string[],
  dead: readonly OutboxEntry[],
  requeue: string,
) {
  return {
    notifier,
    enqueued: enqueue.added.length,
    alreadyQueued: enqueue.existing.length,
    refreshed: refreshed.length,
    dead: dead.map((e) => ({
      key: e.key,
      ...(e.lastError === undefined
        ? {}
        : { error: { code: e.lastError.code, message: e.lastError.message } }),
    })),
    ...(dead.length === 0 ? {} : { requeue }),
    delivered: d.delivered,
    failed: d.dead,
    retrying: d.retrying,
    outbox: d.remaining,
    results: d.outcomes.map((o) => ({
      key: o.key,
      status: o.status,
      ...("error" in o ? { error: { code: o.error.code, message: o.error.message } } : {}),
      ...("nextAttemptAt" in o ? { nextAttemptAt: o.nextAttemptAt } : {}),
    })),
  };
}

/** Runs `cchc remind`; 0 all delivered or nothing due, 1 some not delivered, 2 unusable input. */
export async function remindCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "remind",
    args,
    {
      now: { type: "string" },
      plan: { type: "string" },
      reports: { type: "string" },
      db: { type: "string" },
      agency: { type: "string" },
      contacts: { type: "string" },
      config: { type: "string" },
      notify: { type: "string" },
      "webhook-secret": { type: "string" },
      from: { type: "string" },
      "days-before": { type: "string" },
      "escalate-after": { type: "string" },
      "max-attempts": { type: "string" },
      "retry-delay": { type: "string" },
      wait: { type: "string" },
      "dry-run": { type: "boolean" },
      "nats-create-stream": { type: "boolean" },
      json: { type: "boolean" },
    },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  const now = parseNow(values.now);
  const json = values.json === true;
  const dryRun = values["dry-run"] === true;
  const config = await loadConfig(io, values.config);
  const agencyId = resolveAgency(values.agency ?? config.agency);
  const maxAttempts = parseCount("max-attempts", values["max-attempts"], 1, 100) ?? 5;
  const retryDelayMs = parseCount("retry-delay", values["retry-delay"], 1, 3_600_000) ?? 2_000;
  const waitSeconds = parseCount("wait", values.wait, 0, 86_400) ?? 60;
  const escalate = parseCount("escalate-after", values["escalate-after"], 1, 365);

  const { plan, sample } = await loadPlan(io, values.plan);
  const contacts = await loadContacts(io, values.contacts, config.contacts);
  const options: ReminderOptions = {
    now,
    agencyId,
    ...(contacts === undefined ? {} : { contacts }),
    ...((): Partial<ReminderOptions> => {
      const days = parseDays(values["days-before"], config.daysBefore);
      return days === undefined ? {} : { daysBefore: days };
    })(),
    ...(escalate !== undefined
      ? { escalateAfterDays: escalate }
      : config.escalateAfterDays !== undefined
        ? { escalateAfterDays: config.escalateAfterDays as number }
        : {}),
    ...(config.onTheDay === undefined ? {} : { onTheDay: config.onTheDay !== false }),
    ...(config.templates === undefined ? {} : { templates: config.templates as ReminderTemplates }),
  };
  const problems = checkReminderOptions(options);
  const first = problems[0];
  if (first)
    throw usage(
      `tùy chọn nhắc nhở không hợp lệ: ${oneLine(findingLine(first))}`,
      `invalid reminder options (${problems.length} problem(s)): ${first.code} at ${first.path.join(".")}`,
    );

  const fromFile = values.reports === undefined ? undefined : await loadReports(io, values.reports);
  const notifyUrl = values.notify ?? config.notify;
  const notifier =
    dryRun || notifyUrl === undefined
      ? undefined
      : chooseNotifier(notifyUrl, {
          ...((values["webhook-secret"] ?? config.webhookSecret ?? process.env.CCHC_WEBHOOK_SECRET) ===
          undefined
            ? {}
            : {
                webhookSecret:
                  values["webhook-secret"] ?? config.webhookSecret ?? process.env.CCHC_WEBHOOK_SECRET,
              }),
          ...((values.from ?? config.from) === undefined ? {} : { from: values.from ?? config.from }),
        });
  const createStream = values["nats-create-stream"] === true;
  if (createStream && notifyUrl !== undefined && !/^nats:/i.test(notifyUrl))
    throw usage(
      "--nats-create-stream chỉ dùng với --notify nats://…",
      "--nats-create-stream goes with --notify nats://…",
    );
  if (!dryRun && notifier === undefined)
    throw usage(
      "lệnh remind cần --notify <smtp://…|https://…|nats://…> để gửi, hoặc --dry-run để chỉ xem",
      "remind needs --notify <smtp://…|https://…|nats://…> to deliver, or --dry-run to only list",
    );
  const dbArg = values.db ?? config.db;
  const useStore = !dryRun || dbArg !== undefined;
  const store = useStore ? reminderStore(io, dbArg) : undefined;

  // The dry run with --db only reads reports: it never asks for the Notifier it does not have.
  const layer = (store && notifier ? Layer.merge(store.layer, notifier.layer) : store?.layer) as
    | Layer.Layer<Storage | Outbox | Notifier, unknown>
    | undefined;
  const runtime = layer === undefined ? undefined : ManagedRuntime.make(layer);
  try {
    if (runtime !== undefined)
      await runtime.runPromise(Effect.void).catch((error: unknown) => {
        const why = error instanceof Error ? error.message : String(error);
        throw new CliError({
          vi: `không mở được kho ${store?.description ?? ""}: ${oneLine(why)}`,
          en: `cannot open the store ${store?.description ?? ""} ${helpHint("remind")}`,
        });
      });
    let reports: readonly UnitReport[] = fromFile?.reports ?? [];
    if (fromFile === undefined && runtime !== undefined)
      reports = await runtime.runPromise(
        Effect.gen(function* () {
          const s = yield* Storage;
          return (yield* s.listReports(agencyId, plan.id)).map((v) => v.value);
        }),
      );
    const result = computeReminders(plan, reports, options);
    // Said once every input is known to be usable, so an error stays the only line on stderr.
    if (!json && sample !== undefined) io.stderr(`cchc: kế hoạch / plan: mẫu / sample ${sample}\n`);
    const findings = [...(fromFile?.skipped ?? []), ...result.findings];
    const base = {
      now: result.now,
      today: result.today,
      agencyId,
      planId: plan.id,
      dryRun,
      due: result.due,
      upcoming: result.upcoming,
      findings: findings.map(findingToJson),
    };
    if (dryRun || runtime === undefined || notifier === undefined) {
      if (json) io.stdout(`${JSON.stringify({ ...base, delivery: null }, null, 2)}\n`);
      else {
        io.stdout(dueText({ ...result, findings }, plan.id));
        io.stdout("Chạy thử: không gửi gì / dry run: nothing sent\n");
      }
      return EXIT.ok;
    }
    const natsStream =
      createStream && notifier.nats !== undefined
        ? await natsStreamFor(notifier.nats, result.due)
        : undefined;
    if (natsStream !== undefined && !json) io.stdout(natsStreamText(natsStream));
    const { enqueue, drained, refreshed, dead } = await runtime.runPromise(
      Effect.gen(function* () {
        const outbox = yield* Outbox;
        const notifications = result.due.map(reminderNotification);
        const enqueue = yield* outbox.enqueue(agencyId, notifications);
        // A reminder already queued but not tried since (a requeued dead one, or one a full outbox
        // left waiting) takes the content computed now: the contacts may have been fixed meanwhile.
        const existing = new Set(enqueue.existing);
        const refreshed = yield* outbox.refresh(
          agencyId,
          notifications.filter((n) => existing.has(n.key)),
        );
        const drained = yield* drainOutbox({
          agencyId,
          retry: retryPolicy({
            baseMs: retryDelayMs,
            retries: maxAttempts - 1,
            maxDelayMs: Math.max(retryDelayMs, 60_000),
          }),
          waitMs: waitSeconds * 1_000,
          pollMs: Math.min(1_000, Math.max(50, retryDelayMs)),
        });
        // Due reminders that are dead (now or from an earlier run) are never sent again on their own.
        const dead: OutboxEntry[] = [];
        for (const n of notifications) {
          const entry = yield* outbox.get(agencyId, n.key);
          if (entry?.status === "dead") dead.push(entry);
        }
        return { enqueue, drained, refreshed, dead };
      }),
    );
    const requeue = requeueCommand(
      dead.map((e) => e.key),
      dbArg,
      agencyId,
    );
    const delivery = {
      ...deliveryJson(notifier.name, enqueue, drained, refreshed, dead, requeue),
      ...(natsStream === undefined ? {} : { natsStream }),
    };
    if (json) io.stdout(`${JSON.stringify({ ...base, delivery }, null, 2)}\n`);
    else {
      io.stdout(dueText({ ...result, findings }, plan.id));
      io.stdout(
        `Gửi qua / via ${notifier.description}, kho / store ${store?.description ?? ""}\n` +
          `Đưa vào hàng đợi / enqueued: ${delivery.enqueued} (đã có / already queued: ${delivery.alreadyQueued}); ` +
          `đã gửi / delivered: ${delivery.delivered}; lỗi / failed: ${delivery.failed}; chờ thử lại / retrying: ${delivery.retrying}\n`,
      );
      for (const r of delivery.results)
        if (r.status !== "delivered") io.stdout(`  ${r.status}  ${r.key}  ${r.error?.message ?? ""}\n`);
      if (refreshed.length > 0)
        io.stdout(
          `Cập nhật theo danh bạ hiện tại / updated to the current contacts: ${refreshed.length} nhắc nhở đã có trong hàng đợi / queued reminder(s)\n`,
        );
      if (dead.length > 0) {
        io.stdout(
          `${dead.length} nhắc nhở đến hạn đã hỏng (dead) trong hàng đợi và sẽ không tự gửi lại / ` +
            `${dead.length} due reminder(s) are dead in the outbox and will not be sent again on their own:\n`,
        );
        for (const e of dead)
          io.stdout(
            `  dead  ${e.key}${e.lastError === undefined ? "" : `  [${e.lastError.code}] ${oneLine(e.lastError.message)}`}\n`,
          );
        io.stdout(
          `Sửa danh bạ (--contacts), rồi chạy / fix the contacts, then run: ${requeue}\n` +
            "và chạy lại lệnh này / and rerun this command\n",
        );
      }
    }
    return delivery.failed > 0 || delivery.retrying > 0 || drained.remaining.pending > 0 || dead.length > 0
      ? EXIT.findings
      : EXIT.ok;
  } finally {
    await runtime?.dispose();
  }
}
