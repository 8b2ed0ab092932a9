/**
 * `cchc ingest <dir|file> --plan <id>`: loads tracking data (the NDJSON files `cchc generate`
 * writes: activities, records, reports) into the store, for a plan already stored.
 *
 * Nothing bad is half-written: activities and reports are read and checked whole before anything
 * is written; records stream through `ingestRecords`, one transaction per batch, and the first bad
 * line stops the run with its line number (the batches before it stay, whole). Ids already stored
 * stop the run too, unless `--resume`: then what is stored and identical is skipped, so rerunning an
 * interrupted or failed ingest (after fixing the line) completes it.
 */
import { stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import {
  type Activity,
  checkActivity,
  checkReport,
  createTrackingContext,
  type IngestFailed,
  ingestRecords,
  type Plan,
  parseNdjsonLine,
  type TrackingContext,
  type TrackingFinding,
  type UnitReport,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, oneLine, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";
import { LineTooLongError, lineTooLongFinding, readLines, textLines } from "../ndjson.js";
import { type CliStore, resolveAgency, resolveDb, STORE_OPTIONS, withStore } from "../store.js";
import { TRACKING_FILES } from "../trackingInput.js";
import { ingestTree, treeFolder } from "./ingestTree.js";
import { storeJson } from "./migrate.js";

type Kind = keyof typeof TRACKING_FILES;
const KINDS = Object.keys(TRACKING_FILES) as Kind[];

/** Why a line stopped the ingest (as `IngestFailed.reason`). */
type Reason = "invalid" | "repeated" | "stored" | "differs";

/** What the person does next, by reason. */
const NEXT_STEP: Record<Reason, { vi: string; en: string }> = {
  invalid: { vi: "sửa dòng đó rồi chạy lại với --resume", en: "fix that line and rerun with --resume" },
  repeated: {
    vi: "bỏ dòng lặp rồi chạy lại với --resume",
    en: "remove the repeated line and rerun with --resume",
  },
  stored: {
    vi: "để tiếp tục lần nạp trước, chạy lại với --resume",
    en: "to continue an earlier ingest, rerun with --resume",
  },
  differs: {
    vi: "mục trong kho khác với dữ liệu này, không ghi đè; kiểm tra lại dữ liệu",
    en: "the stored item differs from this data and is not overwritten; check the data",
  },
};

/** A line of the input that cannot be stored: the command's exit 1, with what was written before. */
class DataError extends Error {
  constructor(
    readonly file: string,
    readonly reason: Reason,
    readonly finding: TrackingFinding,
    readonly written: { vi: string; en: string },
  ) {
    super(finding.message.en);
  }
}

const isTag = (e: unknown, tag: string): boolean =>
  typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === tag;

/** JSON with object keys sorted, so two values compare equal whatever order their keys were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

interface Source {
  readonly files: Partial<Record<Kind, string>>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

function kindOfName(path: string): Kind {
  const name = basename(path).toLowerCase();
  if (name.includes("activit")) return "activities";
  if (name.includes("report")) return "reports";
  return "records";
}

async function sourceOf(io: CliIo, raw: string, kind: string | undefined): Promise<Source> {
  const path = resolve(io.cwd, raw);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined)
    throw new CliError({
      vi: `không tìm thấy dữ liệu theo dõi ${quote(raw)}`,
      en: `tracking data ${quote(raw)} not found ${helpHint("ingest")}`,
    });
  if (kind !== undefined && !(KINDS as string[]).includes(kind))
    throw new CliError({
      vi: `--kind phải là ${KINDS.join(", ")} (nhận được ${quote(kind)})`,
      en: `--kind must be ${KINDS.join(", ")} (got ${quote(kind)}) ${helpHint("ingest")}`,
    });
  if (info.isFile()) return { files: { [(kind as Kind | undefined) ?? kindOfName(path)]: path } };
  if (kind !== undefined)
    throw new CliError({
      vi: "--kind chỉ dùng với một tệp, không dùng với thư mục",
      en: `--kind goes with a file, not a folder ${helpHint("ingest")}`,
    });
  const files: Partial<Record<Kind, string>> = {};
  for (const k of KINDS) {
    const p = join(path, TRACKING_FILES[k]);
    if (await isFile(p)) files[k] = p;
  }
  if (Object.keys(files).length === 0)
    throw new CliError({
      vi: `thư mục ${quote(raw)} không có ${Object.values(TRACKING_FILES).join(", ")}`,
      en: `folder ${quote(raw)} holds none of ${Object.values(TRACKING_FILES).join(", ")} ${helpHint("ingest")}`,
    });
  return { files };
}

const NOTHING_WRITTEN = { vi: "chưa ghi gì", en: "nothing written" };

/** Reads and checks a whole small file (activities, reports); the first bad line stops it. */
async function readChecked<T extends { readonly id: string }>(
  path: string,
  source: "activities" | "reports",
  check: (value: unknown, line: number) => { value: T | undefined; findings: readonly TrackingFinding[] },
): Promise<{ items: { value: T; line: number }[]; lines: number }> {
  const items: { value: T; line: number }[] = [];
  const seen = new Set<string>();
  let line = 0;
  for await (const text of readLines(path)) {
    line++;
    if (typeof text !== "string")
      throw new DataError(basename(path), "invalid", lineTooLongFinding(text, source), NOTHING_WRITTEN);
    const parsed = parseNdjsonLine(text, line, source);
    if (parsed === undefined) continue;
    const checked = parsed.ok ? check(parsed.value, line) : { value: undefined, findings: [parsed.finding] };
    const first = checked.findings.find((f) => f.severity === "error") ?? checked.findings[0];
    if (checked.value === undefined)
      throw new DataError(
        basename(path),
        first?.code === "tracking.duplicate-id" ? "repeated" : "invalid",
        first ?? missingFinding(source, line),
        NOTHING_WRITTEN,
      );
    if (seen.has(checked.value.id))
      throw new DataError(
        basename(path),
        "repeated",
        duplicate(source, checked.value.id, line, "repeated"),
        NOTHING_WRITTEN,
      );
    seen.add(checked.value.id);
    items.push({ value: checked.value, line });
  }
  return { items, lines: line };
}

function missingFinding(source: "activities" | "reports", line: number): TrackingFinding {
  return {
    code: "tracking.invalid",
    severity: "error",
    path: [],
    message: { vi: `Dòng ${line} không dùng được`, en: `Line ${line} is not usable` },
    source,
    line,
  };
}

function duplicate(
  source: "activities" | "reports",
  id: string,
  line: number,
  why: "repeated" | "stored" | "differs",
): TrackingFinding {
  const what =
    source === "activities" ? { vi: "Hoạt động", en: "Activity" } : { vi: "Báo cáo", en: "Report" };
  const text = {
    repeated: { vi: "bị lặp trong tệp", en: "is repeated in the file" },
    stored: { vi: "đã có trong kho", en: "is already stored" },
    differs: { vi: "đã có trong kho với nội dung khác", en: "is already stored with different content" },
  }[why];
  return {
    code: "tracking.duplicate-id",
    severity: "error",
    path: ["id"],
    message: {
      vi: `${what.vi} "${id}" ${text.vi} (dòng ${line})`,
      en: `${what.en} "${id}" ${text.en} (line ${line})`,
    },
    source,
    line,
  };
}

/** Which checked items are new; with `resume`, identical stored ones are skipped, others stop the run. */
function newItems<T extends { readonly id: string }>(
  file: string,
  source: "activities" | "reports",
  items: readonly { value: T; line: number }[],
  stored: ReadonlyMap<string, unknown>,
  resume: boolean,
): T[] {
  const out: T[] = [];
  for (const { value, line } of items) {
    const present = stored.get(value.id);
    if (present === undefined) {
      out.push(value);
      continue;
    }
    if (!resume)
      throw new DataError(file, "stored", duplicate(source, value.id, line, "stored"), NOTHING_WRITTEN);
    if (canonical(present) !== canonical(value))
      throw new DataError(file, "differs", duplicate(source, value.id, line, "differs"), NOTHING_WRITTEN);
  }
  return out;
}

interface Counts {
  file: string;
  lines: number;
  saved: number;
  skipped: number;
}

interface RecordCounts {
  file: string;
  lines: number;
  inserted: number;
  skipped: number;
  batches: number;
}

interface IngestSummary {
  activities: Counts | null;
  records: RecordCounts | null;
  reports: Counts | null;
}

function positiveInt(raw: string | undefined, option: string, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max)
    throw new CliError({
      vi: `${option} phải là số nguyên 1–${max} (nhận được ${quote(raw)})`,
      en: `${option} must be an integer 1–${max} (got ${quote(raw)}) ${helpHint("ingest")}`,
    });
  return Number(raw);
}

async function ingestInto(
  s: CliStore,
  io: CliIo,
  agency: string,
  planId: string,
  source: Source,
  options: { resume: boolean; batchSize: number | undefined; progress: boolean },
): Promise<IngestSummary> {
  let plan: Plan;
  try {
    plan = (await s.run(s.store.getPlan(agency, planId))).value;
  } catch (e) {
    if (isTag(e, "NotFound"))
      throw new CliError({
        vi: `kế hoạch ${quote(planId)} của cơ quan ${quote(agency)} chưa có trong kho (lưu trước: cchc plans save)`,
        en: `plan ${quote(planId)} of agency ${quote(agency)} is not in the store (save it first: cchc plans save) ${helpHint("ingest")}`,
      });
    throw e;
  }
  const { activities: activitiesPath, records: recordsPath, reports: reportsPath } = source.files;
  const ctx: TrackingContext = createTrackingContext(plan);
  const storedActivities = await s.run(s.store.listActivities(agency, planId));
  for (const a of storedActivities) ctx.activities.set(a.value.id, a.value);

  // 1. activities and reports, read and checked whole before anything is written
  let activities: { items: { value: Activity; line: number }[]; lines: number } | undefined;
  let toSave: Activity[] = [];
  if (activitiesPath !== undefined) {
    // checked in a context without the stored activities (a stored id is not a duplicate line)
    const fileCtx = createTrackingContext(plan);
    activities = await readChecked(activitiesPath, "activities", (v, line) =>
      checkActivity(v, fileCtx, line),
    );
    toSave = newItems(
      basename(activitiesPath),
      "activities",
      activities.items,
      new Map(storedActivities.map((a) => [a.value.id, a.value])),
      options.resume,
    );
    for (const a of toSave) ctx.activities.set(a.id, a);
  }
  let reports: { items: { value: UnitReport; line: number }[]; lines: number } | undefined;
  let toSubmit: UnitReport[] = [];
  if (reportsPath !== undefined) {
    reports = await readChecked(reportsPath, "reports", (v, line) => checkReport(v, ctx, line));
    const storedReports = await s.run(s.store.listReports(agency, planId));
    toSubmit = newItems(
      basename(reportsPath),
      "reports",
      reports.items,
      new Map(storedReports.map((r) => [r.value.id, r.value])),
      options.resume,
    );
  }

  // 2. activities (each its own write; rerun with --resume if interrupted)
  await s.run(
    Effect.forEach(toSave, (a) => s.store.saveActivity(agency, planId, a, null), {
      concurrency: 4,
      discard: true,
    }),
  );
  const summary: IngestSummary = {
    activities:
      activitiesPath === undefined || activities === undefined
        ? null
        : {
            file: basename(activitiesPath),
            lines: activities.lines,
            saved: toSave.length,
            skipped: activities.items.length - toSave.length,
          },
    records: null,
    reports: null,
  };

  // 3. records, streamed, one transaction per batch
  if (recordsPath !== undefined) {
    const file = basename(recordsPath);
    try {
      const result = await s.run(
        ingestRecords(agency, planId, textLines(readLines(recordsPath), "records"), {
          existing: options.resume ? "skip" : "fail",
          ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
          ...(options.progress
            ? {
                onBatch: (p) =>
                  io.stderr(
                    `${file}: lô ${p.batch} đã ghi, ${p.inserted} mới, ${p.skipped} đã có (dòng ${p.lines}) / batch ${p.batch} committed, ${p.inserted} new, ${p.skipped} already stored (line ${p.lines})\n`,
                  ),
              }
            : {}),
        }),
      );
      summary.records = { file, ...result };
    } catch (e) {
      // A line over the length limit stops the reading; the batch it was in is not written.
      const cause = isTag(e, "StorageError") ? (e as { cause?: unknown }).cause : undefined;
      if (cause instanceof LineTooLongError)
        throw new DataError(file, "invalid", cause.finding, {
          vi: "lô chứa dòng đó không được ghi, các lô trước đó đã ghi",
          en: "the batch holding that line was not written, the batches before it were",
        });
      if (!isTag(e, "IngestFailed")) throw e;
      const failed = e as IngestFailed;
      const finding = failed.findings[0] ?? {
        code: "tracking.invalid",
        severity: "error" as const,
        path: [],
        message: { vi: `dòng ${failed.line}`, en: `line ${failed.line}` },
      };
      throw new DataError(file, failed.reason, finding, {
        vi: `lô ${failed.batch} không được ghi, ${failed.committed} bản ghi đã ghi trước đó`,
        en: `batch ${failed.batch} rolled back, ${failed.committed} records committed before it`,
      });
    }
  }

  // 4. reports
  if (reportsPath !== undefined && reports !== undefined) {
    await s.run(
      Effect.forEach(toSubmit, (r) => s.store.submitReport(agency, planId, r), {
        concurrency: 4,
        discard: true,
      }),
    );
    summary.reports = {
      file: basename(reportsPath),
      lines: reports.lines,
      saved: toSubmit.length,
      skipped: reports.items.length - toSubmit.length,
    };
  }
  return summary;
}

/** Prints a data error on one line with the next step: exit 1. */
function dataErrorExit(io: CliIo, e: DataError): number {
  const hint = NEXT_STEP[e.reason];
  io.stderr(
    `cchc: ${e.file}: ${oneLine(e.finding.message.vi)} [${e.finding.code}]; ${e.written.vi}; ${hint.vi} / ${e.file}: ${oneLine(e.finding.message.en)} [${e.finding.code}]; ${e.written.en}; ${hint.en}\n`,
  );
  return EXIT.findings;
}

/** Runs `cchc ingest`. */
export async function ingestCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "ingest",
    args,
    {
      ...STORE_OPTIONS,
      plan: { type: "string" },
      kind: { type: "string" },
      "batch-size": { type: "string" },
      resume: { type: "boolean" },
      progress: { type: "boolean" },
      json: { type: "boolean" },
    },
    {
      min: 1,
      max: 1,
      what: { vi: "thư mục hoặc tệp dữ liệu theo dõi", en: "a tracking data folder or file" },
    },
  );
  const batchSize = positiveInt(values["batch-size"], "--batch-size", 1_000_000);
  const agency = resolveAgency(values.agency);
  const resume = values.resume === true;
  // a tree of plans (plans/<id>/): every plan and its tracking data, no --plan
  const plansDir =
    values.plan === undefined && values.kind === undefined
      ? await treeFolder(io, positionals[0] ?? "")
      : undefined;
  if (plansDir !== undefined) {
    const options = { resume, batchSize, progress: values.progress === true };
    try {
      return await ingestTree(
        io,
        plansDir,
        resolveDb(io, values.db),
        agency,
        values.json === true,
        async (s, id, dir) => {
          try {
            return await ingestInto(s, io, agency, id, await sourceOf(io, dir, undefined), options);
          } catch (e) {
            // the file named with its plan's folder: plans/<id>/records.ndjson
            if (e instanceof DataError)
              throw new DataError(`plans/${basename(dir)}/${e.file}`, e.reason, e.finding, e.written);
            throw e;
          }
        },
      );
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      return dataErrorExit(io, e);
    }
  }
  if (values.plan === undefined)
    throw new CliError({
      vi: "lệnh ingest cần --plan <mã kế hoạch> (hoặc một thư mục có plans/<mã>/ của cchc generate)",
      en: `ingest needs --plan <plan id> (or a folder with plans/<id>/ as cchc generate writes) ${helpHint("ingest")}`,
    });
  const planId = values.plan;
  const source = await sourceOf(io, positionals[0] ?? "", values.kind);
  const target = resolveDb(io, values.db);
  let summary: IngestSummary;
  try {
    summary = await withStore(target, (s) =>
      ingestInto(s, io, agency, planId, source, { resume, batchSize, progress: values.progress === true }),
    );
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return dataErrorExit(io, e);
  }
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ store: storeJson(target), agency, planId, resume, ...summary }, null, 2)}\n`,
    );
    return EXIT.ok;
  }
  const lines = [
    `Đã nạp vào kế hoạch ${planId} (cơ quan ${agency}) / Ingested into plan ${planId} (agency ${agency}):`,
  ];
  if (summary.activities)
    lines.push(
      `  hoạt động / activities: ${summary.activities.saved} mới / new, ${summary.activities.skipped} đã có / already stored (${summary.activities.file})`,
    );
  if (summary.records)
    lines.push(
      `  kết quả / records: ${summary.records.inserted} mới / new, ${summary.records.skipped} đã có / already stored, ${summary.records.batches} lô / batches (${summary.records.file})`,
    );
  if (summary.reports)
    lines.push(
      `  báo cáo / reports: ${summary.reports.saved} mới / new, ${summary.reports.skipped} đã có / already stored (${summary.reports.file})`,
    );
  io.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
