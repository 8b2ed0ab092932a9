/**
 * `cchc export <plan> --format docx|pdf|xlsx|ics|md|html --out <file>`: an official document —
 * the plan, a period report (`--document report --period 2018Q1 [--unit <id>]`), the score sheet
 * or the reporting calendar — written by the exporter the format names in `EXPORTERS`. Reports and
 * score sheets are built from the same tracking data `cchc score` reads, streamed.
 */
import { stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  type Activity,
  createTrackingContext,
  type ExportedFile,
  type ExportKind,
  type ExportOptions,
  type ExportRequest,
  type Finding,
  PAR_COMMUNICATION_PRESET,
  PeriodReportBuilder,
  type Plan,
  planCalendar,
  Scorer,
  type Signer,
  validatePlan,
} from "@cchc/core";
import * as Cause from "effect/Cause";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, oneLine, quote } from "../errors.js";
import { EXPORT_FORMATS, EXPORTERS, FORMAT_PACKAGES, isExportFormat } from "../exportFormats.js";
import { findingLine, findingToJson } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { loadPlanFile } from "../loadPlanFile.js";
import { readTracking, type Skipped, type TrackingSink, trackingSource } from "../trackingInput.js";

/** `--document` values and the document kinds they export. */
const DOCUMENTS = {
  plan: "plan",
  report: "period-report",
  score: "score-sheet",
  calendar: "calendar",
} as const satisfies Record<string, ExportKind>;
type DocumentName = keyof typeof DOCUMENTS;

const EXTENSIONS: Record<string, string> = {
  ".docx": "docx",
  ".pdf": "pdf",
  ".xlsx": "xlsx",
  ".ics": "ics",
  ".md": "md",
  ".html": "html",
  ".htm": "html",
};

const usageError = (vi: string, en: string) => new CliError({ vi, en: `${en} ${helpHint("export")}` });

function pickFormat(format: string | undefined, out: string | undefined): string {
  if (format !== undefined) return format;
  const ext = out?.toLowerCase().match(/\.[a-z]+$/)?.[0];
  const inferred = ext === undefined ? undefined : EXTENSIONS[ext];
  if (inferred !== undefined) return inferred;
  throw usageError(
    `lệnh export cần --format (${EXPORT_FORMATS.join(", ")})`,
    `export needs --format (${EXPORT_FORMATS.join(", ")})`,
  );
}

function isIsoDate(raw: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return false;
  const d = new Date(`${raw}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === raw;
}

function exportOptions(values: Record<string, string | boolean | undefined>): ExportOptions {
  const text = (k: string): string | undefined => {
    const v = values[k];
    if (typeof v !== "string") return undefined;
    const t = v.trim();
    if (t === "") throw usageError(`--${k} không được để trống`, `--${k} must not be empty`);
    return t;
  };
  const date = text("date");
  if (date !== undefined && !isIsoDate(date))
    throw usageError(
      `--date cần một ngày YYYY-MM-DD (nhận được ${quote(date)})`,
      `--date needs a date YYYY-MM-DD (got ${quote(date)})`,
    );
  const name = text("signer-name");
  const title = text("signer-title");
  const authority = text("signer-authority");
  let signer: Signer | undefined;
  if (name !== undefined || title !== undefined || authority !== undefined) {
    if (name === undefined || title === undefined)
      throw usageError(
        "người ký cần cả --signer-name và --signer-title (--signer-authority tùy chọn)",
        "the signer needs both --signer-name and --signer-title (--signer-authority is optional)",
      );
    signer = { ...(authority === undefined ? {} : { authority }), title, name };
  }
  const pairs: Array<[keyof ExportOptions, string | undefined]> = [
    ["issuer", text("issuer")],
    ["parentBody", text("parent-body")],
    ["number", text("number")],
    ["place", text("place")],
    ["date", date],
    ["draftingUnit", text("drafting-unit")],
  ];
  // "Kính gửi:" lines, several apart by ";" ("Bộ Nội vụ; Văn phòng Chính phủ").
  const addressee = text("addressee");
  const addressees = addressee
    ?.split(";")
    .map((a) => a.trim())
    .filter((a) => a !== "");
  return {
    ...Object.fromEntries(pairs.filter(([, v]) => v !== undefined)),
    ...(signer === undefined ? {} : { signer }),
    ...(addressees === undefined ? {} : { addressees }),
  };
}

function skippedWarning(skipped: Skipped): Finding[] {
  if (skipped.count === 0) return [];
  const codes = Object.entries(skipped.byCode)
    .map(([c, n]) => `${c}: ${n}`)
    .join(", ");
  return [
    {
      code: "export.tracking-lines-skipped",
      severity: "warning",
      path: ["tracking"],
      message: {
        vi: `Đã bỏ qua ${skipped.count} dòng dữ liệu theo dõi không hợp lệ (${codes}); xem cchc score`,
        en: `Skipped ${skipped.count} invalid tracking line(s) (${codes}); see cchc score`,
      },
    },
  ];
}

async function tracked(
  io: CliIo,
  raw: string | undefined,
  sink: TrackingSink,
  what: { vi: string; en: string },
): Promise<Skipped> {
  if (raw === undefined)
    throw usageError(`${what.vi} cần --tracking <thư mục|tệp>`, `${what.en} needs --tracking <dir|file>`);
  return readTracking(await trackingSource(io, raw, "export"), sink);
}

async function buildRequest(
  io: CliIo,
  plan: Plan,
  document: DocumentName,
  values: { period?: string; unit?: string; tracking?: string },
): Promise<{ request: ExportRequest; skipped: Skipped | undefined }> {
  switch (document) {
    case "plan":
      return { request: { kind: "plan", plan }, skipped: undefined };
    case "report": {
      if (values.period === undefined)
        throw usageError(
          "báo cáo định kỳ cần --period <mã kỳ> (ví dụ 2018Q1)",
          "a period report needs --period <id> (e.g. 2018Q1)",
        );
      const unit = values.unit;
      if (unit !== undefined && !plan.units.some((u) => u.id === unit))
        throw usageError(
          `đơn vị ${quote(unit)} không có trong kế hoạch`,
          `unit ${quote(unit)} is not in the plan`,
        );
      const builder = PeriodReportBuilder.forPeriod(plan, values.period, unit);
      if (builder === undefined) {
        const ids = planCalendar(plan)
          .map((p) => p.id)
          .join(", ");
        throw usageError(
          `kỳ ${quote(values.period)} không có trong lịch báo cáo của kế hoạch; chọn: ${ids}`,
          `period ${quote(values.period)} is not in the plan's reporting calendar; choose one of: ${ids}`,
        );
      }
      const skipped = await tracked(
        io,
        values.tracking,
        {
          context: createTrackingContext(plan),
          addActivity: (a) => builder.addActivity(a),
          addRecord: (r) => builder.addRecord(r),
          addReport: () => {},
        },
        { vi: "báo cáo định kỳ", en: "a period report" },
      );
      return { request: { kind: "period-report", report: builder.result() }, skipped };
    }
    case "score": {
      const scorer = new Scorer(plan, { scheme: PAR_COMMUNICATION_PRESET });
      const skipped = await tracked(io, values.tracking, scorer, { vi: "bảng điểm", en: "a score sheet" });
      return { request: { kind: "score-sheet", plan, sheet: scorer.result() }, skipped };
    }
    case "calendar": {
      const activities: Activity[] = [];
      const skipped =
        values.tracking === undefined
          ? undefined
          : await tracked(
              io,
              values.tracking,
              {
                context: createTrackingContext(plan),
                addActivity: (a) => activities.push(a),
                addRecord: () => {},
                addReport: () => {},
              },
              { vi: "lịch báo cáo", en: "the calendar" },
            );
      return {
        request: {
          kind: "calendar",
          plan,
          periods: planCalendar(plan),
          ...(values.tracking === undefined ? {} : { activities }),
        },
        skipped,
      };
    }
  }
}

async function outputPath(io: CliIo, out: string | undefined, fileName: string): Promise<string> {
  if (out === undefined) return resolve(io.cwd, fileName);
  const path = resolve(io.cwd, out);
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? join(path, fileName) : path;
}

/** Runs `cchc export`; 0 when the file is written, 2 for unusable input (one line on stderr). */
export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "export",
    args,
    {
      format: { type: "string", short: "f" },
      out: { type: "string", short: "o" },
      document: { type: "string", short: "d" },
      period: { type: "string" },
      unit: { type: "string" },
      tracking: { type: "string" },
      issuer: { type: "string" },
      "parent-body": { type: "string" },
      number: { type: "string" },
      place: { type: "string" },
      date: { type: "string" },
      "signer-name": { type: "string" },
      "signer-title": { type: "string" },
      "signer-authority": { type: "string" },
      addressee: { type: "string" },
      "drafting-unit": { type: "string" },
      json: { type: "boolean" },
    },
    { min: 1, max: 1, what: { vi: "tệp kế hoạch", en: "a plan file" } },
  );
  if (values.out === "") throw usageError("--out cần tên tệp", "--out needs a file name");
  const format = pickFormat(values.format, values.out);
  if (!isExportFormat(format))
    throw usageError(
      `dạng kết xuất ${quote(format)} không có; chọn ${EXPORT_FORMATS.join(", ")}`,
      `unknown format ${quote(format)}; use ${EXPORT_FORMATS.join(", ")}`,
    );
  const load = EXPORTERS[format];
  if (load === undefined)
    throw new CliError({
      vi: `định dạng ${format} chưa có trong bản cchc này (cần gói ${FORMAT_PACKAGES[format]})`,
      en: `the ${format} format is not available in this build (it needs ${FORMAT_PACKAGES[format]})`,
    });
  const exporter = await load();
  const documentRaw = values.document ?? "plan";
  if (!Object.hasOwn(DOCUMENTS, documentRaw))
    throw usageError(
      `loại văn bản ${quote(documentRaw)} không có; chọn plan, report, score hoặc calendar`,
      `unknown document ${quote(documentRaw)}; use plan, report, score or calendar`,
    );
  const document = documentRaw as DocumentName;
  const kind = DOCUMENTS[document];
  if (!exporter.kinds.includes(kind))
    throw usageError(
      `định dạng ${format} không xuất được văn bản ${document}`,
      `the ${format} format cannot export a ${document} document`,
    );
  for (const [flag, allowed] of [
    ["period", ["report"]],
    ["unit", ["report"]],
    ["tracking", ["report", "score", "calendar"]],
  ] as const)
    if (values[flag] !== undefined && !(allowed as readonly string[]).includes(document))
      throw usageError(
        `--${flag} chỉ dùng với --document ${allowed.join("|")}`,
        `--${flag} only goes with --document ${allowed.join("|")}`,
      );
  const options = exportOptions(values);

  const file = await loadPlanFile(io, positionals[0] ?? "");
  const validation = validatePlan(file.data);
  if (validation.plan === undefined) {
    const first = validation.errors[0];
    throw new CliError({
      vi: `kế hoạch ${quote(positionals[0] ?? "")} không đọc được (${validation.errors.length} lỗi)${first ? `: ${first.message.vi}` : ""}`,
      en: `the plan ${quote(positionals[0] ?? "")} does not parse (${validation.errors.length} error(s))${first ? `: ${first.message.en}` : ""} (cchc validate)`,
    });
  }
  const { request, skipped } = await buildRequest(io, validation.plan, document, values);
  const exit = await Effect.runPromiseExit(exporter.export(request, options));
  if (Exit.isFailure(exit)) {
    const error = Cause.squash(exit.cause);
    const reason =
      typeof error === "object" && error !== null && "reason" in error
        ? (error.reason as { vi: string; en: string })
        : { vi: "không xuất được văn bản", en: "could not export the document" };
    throw new CliError({ vi: `${format}: ${reason.vi}`, en: `${format}: ${reason.en}` });
  }
  const exported: ExportedFile = exit.value;
  const path = await outputPath(io, values.out, exported.fileName);
  if (path === file.absolutePath)
    throw usageError(
      `--out ${quote(values.out ?? "")} trùng tệp kế hoạch đầu vào; chọn tệp khác`,
      `--out ${quote(values.out ?? "")} is the input plan file; choose another file`,
    );
  try {
    await (io.writeFile ?? ((p: string, d: string | Uint8Array) => writeFile(p, d)))(path, exported.bytes);
  } catch (err) {
    const why = oneLine(err instanceof Error ? err.message : String(err));
    throw new CliError({
      vi: `không ghi được tệp ${oneLine(path)}: ${why}`,
      en: `cannot write ${oneLine(path)}: ${why}`,
    });
  }
  const warnings = [
    ...(validation.errors.length > 0
      ? [
          {
            code: "export.plan-has-errors",
            severity: "warning" as const,
            path: [],
            message: {
              vi: `Kế hoạch có ${validation.errors.length} lỗi, vẫn xuất (xem cchc validate)`,
              en: `The plan has ${validation.errors.length} error(s); exported anyway (see cchc validate)`,
            },
          },
        ]
      : []),
    ...(skipped === undefined ? [] : skippedWarning(skipped)),
    ...exported.warnings,
  ];
  if (values.json) {
    io.stdout(
      `${JSON.stringify(
        {
          file: path,
          mediaType: exported.mediaType,
          bytes: exported.bytes.length,
          warnings: warnings.map(findingToJson),
        },
        null,
        2,
      )}\n`,
    );
  } else {
    io.stderr(warnings.map((w) => `${findingLine(w)}\n`).join(""));
    io.stdout(`Đã ghi / Wrote ${path} (${exported.bytes.length} byte, ${exported.mediaType})\n`);
  }
  return EXIT.ok;
}
