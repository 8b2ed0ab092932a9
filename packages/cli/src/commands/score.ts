/**
 * `cchc score <plan> --tracking <dir|file>`: streams tracking data through the core's checks and
 * scorer, so the national dataset (a million records) is scored in one pass with flat memory.
 * Bad lines are skipped with a finding (line number included) and counted; nothing stops the run.
 */
import {
  formatDateTimeVi,
  formatNumberVi,
  formatPercentVi,
  type ManualScore,
  ManualScoreSchema,
  type NodeScore,
  PAR_COMMUNICATION_PRESET,
  parseUntrusted,
  type ScoreOptions,
  Scorer,
  type ScoreSheet,
  type ScoringScheme,
  validatePlan,
  validateScheme,
} from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, quote } from "../errors.js";
import { findingLine, findingToJson } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { loadDataFile, loadPlanFile } from "../loadPlanFile.js";
import { STORE_OPTIONS } from "../store.js";
import { readTracking, type Skipped, type TrackingSink, trackingSource } from "../trackingInput.js";
import { scoreStored } from "./scoreStored.js";

async function loadScheme(io: CliIo, path: string | undefined): Promise<ScoringScheme> {
  if (path === undefined) return PAR_COMMUNICATION_PRESET;
  const file = await loadPlanFile(io, path);
  const { scheme, errors } = validateScheme(file.data);
  if (scheme === undefined) {
    const first = errors[0];
    throw new CliError({
      vi: `thang điểm ${quote(path)} không hợp lệ (${errors.length} lỗi): ${first ? findingLine(first) : ""}`,
      en: `the scheme ${quote(path)} is invalid (${errors.length} error(s)) ${helpHint("score")}`,
    });
  }
  return scheme;
}

async function loadManual(io: CliIo, path: string | undefined): Promise<ManualScore[]> {
  if (path === undefined) return [];
  const { value } = await loadDataFile(io, path);
  const list =
    typeof value === "object" && value !== null && !Array.isArray(value) && "scores" in value
      ? value.scores
      : value;
  // a crafted value is a finding like any other, never an exception (exit 70)
  const parsed = parseUntrusted(ManualScoreSchema.array(), list);
  if (!parsed.success) {
    const first = parsed.findings[0];
    throw new CliError({
      vi: `tệp điểm chấm tay ${quote(path)} không hợp lệ: ${first?.message.vi ?? ""}`,
      en: `the manual scores file ${quote(path)} is invalid: ${first?.message.en ?? ""} ${helpHint("score")}`,
    });
  }
  return parsed.data;
}

function parseAsOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  // A date means the end of that day in Vietnam; an instant must carry its offset.
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(`${raw}T23:59:59.999+07:00`)))
    return new Date(Date.parse(`${raw}T23:59:59.999+07:00`)).toISOString();
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:\d{2})$/.test(raw) && !Number.isNaN(Date.parse(raw)))
    return new Date(Date.parse(raw)).toISOString();
  throw new CliError({
    vi: `--as-of cần một ngày (YYYY-MM-DD) hoặc thời điểm ISO có múi giờ (nhận được ${quote(raw)})`,
    en: `--as-of needs a date (YYYY-MM-DD) or an ISO instant with an offset (got ${quote(raw)}) ${helpHint("score")}`,
  });
}

// The sheet a person reads writes Vietnamese numbers ("77,78%") and Vietnam time, as the documents do.
const pct = (n: number) => formatPercentVi(n);
const num = (n: number) => formatNumberVi(n);

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - [...text].length));
}

function leafLines(nodes: readonly NodeScore[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${"  ".repeat(depth)}${n.nodeId}  ${n.title.vi}: ${n.applicable ? `${num(n.points)}/${num(n.maxPoints)}` : "—"}  ${n.explanation.text.vi}`,
    ...leafLines(n.children ?? [], depth + 1),
  ]);
}

/** The human-readable score sheet. */
export function scoreText(sheet: ScoreSheet, skipped: Skipped): string {
  const a = sheet.agency;
  const lines = [
    `Điểm tuyên truyền CCHC / PAR communication score — ${a.name} — ${sheet.year}`,
    `Tính đến / As of: ${formatDateTimeVi(sheet.asOf)} (giờ Việt Nam / Vietnam time)   Thang điểm / Scheme: ${sheet.scheme.id} ${sheet.scheme.version}`,
    "",
    `Toàn cơ quan / Agency: ${num(a.points)}/${num(a.maxPoints)} (${pct(a.percent)}); dự báo cuối năm / year-end forecast: ${pct(a.forecast.percent)}; trung bình đơn vị / unit average: ${pct(a.unitAverage)}`,
    ...leafLines(a.nodes, 1),
    "",
    "Xếp hạng đơn vị / Unit ranking",
  ];
  const rows = [
    ["Hạng", "Đơn vị", "Điểm", "Tỷ lệ", "Dự báo"],
    ["Rank", "Unit", "Points", "Percent", "Forecast"],
    ...sheet.units.map((u) => [
      String(u.rank),
      u.name,
      `${num(u.points)}/${num(u.maxPoints)}`,
      pct(u.percent),
      pct(u.forecast.percent),
    ]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length))) ?? [];
  for (const r of rows)
    lines.push(
      r
        .map((c, i) => pad(c, widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    );
  lines.push(
    "",
    `Đã tính / Counted: ${num(sheet.counts.activities)} hoạt động / activities, ${num(sheet.counts.records)} bản ghi / records, ${num(sheet.counts.reports)} báo cáo / reports; ${num(sheet.counts.recordsAfterAsOf)} bản ghi sau ngày tính / records after the as-of date`,
    `Bỏ qua / Skipped: ${num(skipped.count)} dòng lỗi / invalid lines${
      Object.keys(skipped.byCode).length > 0
        ? ` (${Object.entries(skipped.byCode)
            .map(([c, n]) => `${c}: ${n}`)
            .join(", ")})`
        : ""
    }`,
  );
  for (const f of skipped.findings.slice(0, 20)) lines.push(`  ${f.source ?? ""} ${findingLine(f)}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Runs `cchc score`; 0 when scored (invalid lines skipped and reported), 1 when the plan does not
 * parse or when the tracking data had lines and not one of them was usable (a score of 0 points
 * from data that was all rejected would read like a real result).
 */
export async function scoreCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "score",
    args,
    {
      tracking: { type: "string" },
      scheme: { type: "string" },
      manual: { type: "string" },
      "as-of": { type: "string" },
      "explain-limit": { type: "string" },
      json: { type: "boolean" },
      ...STORE_OPTIONS,
      plan: { type: "string" },
      save: { type: "boolean" },
    },
    { min: 0, max: 1, what: { vi: "tệp kế hoạch", en: "a plan file" } },
  );
  if (values.plan !== undefined) {
    if (positionals.length > 0 || values.tracking !== undefined)
      throw new CliError({
        vi: "--plan chấm điểm từ kho dữ liệu; không dùng cùng tệp kế hoạch hay --tracking",
        en: `--plan scores from the store; it does not go with a plan file or --tracking ${helpHint("score")}`,
      });
    return scoreStored(io, values.plan, {
      db: values.db,
      agency: values.agency,
      save: values.save === true,
      json: values.json === true,
      options: await scoreOptions(io, values),
    });
  }
  for (const flag of ["db", "agency", "save"] as const)
    if (values[flag] !== undefined)
      throw new CliError({
        vi: `--${flag} chỉ dùng với --plan (chấm điểm từ kho dữ liệu)`,
        en: `--${flag} goes with --plan (scoring from the store) ${helpHint("score")}`,
      });
  if (positionals.length === 0)
    throw new CliError({
      vi: "lệnh score thiếu tệp kế hoạch (hoặc --plan <mã> để chấm từ kho)",
      en: `score needs a plan file (or --plan <id> to score from the store) ${helpHint("score")}`,
    });
  if (values.tracking === undefined)
    throw new CliError({
      vi: "lệnh score cần --tracking <thư mục|tệp>",
      en: `score needs --tracking <dir|file> ${helpHint("score")}`,
    });
  checkExplainLimit(values["explain-limit"]);
  const file = await loadPlanFile(io, positionals[0] ?? "");
  const validation = validatePlan(file.data);
  if (validation.plan === undefined) {
    io.stderr(validation.errors.map((f) => `${findingLine(f)}\n`).join(""));
    return EXIT.findings;
  }
  if (validation.errors.length > 0)
    io.stderr(
      `cchc: cảnh báo: kế hoạch có ${validation.errors.length} lỗi, điểm có thể sai / warning: the plan has ${validation.errors.length} error(s); scores may be wrong (cchc validate)\n`,
    );
  const options = await scoreOptions(io, values);
  const source = await trackingSource(io, values.tracking, "score");
  const scorer = new Scorer(validation.plan, options);
  let usable = 0;
  const counted: TrackingSink = {
    get context() {
      return scorer.context;
    },
    addActivity: (a) => {
      usable++;
      scorer.addActivity(a);
    },
    addRecord: (r) => {
      usable++;
      scorer.addRecord(r);
    },
    addReport: (r) => {
      usable++;
      scorer.addReport(r);
    },
  };
  const skipped = await readTracking(source, counted);
  const sheet = scorer.result();
  io.stdout(values.json ? scoreJson(sheet, skipped) : scoreText(sheet, skipped));
  if (usable === 0 && skipped.count > 0) {
    io.stderr(
      `cchc: không đọc được dữ liệu theo dõi nào dùng được: cả ${skipped.count} dòng đều lỗi, điểm trên không phản ánh gì / ` +
        `nothing usable was read from the tracking data: all ${skipped.count} line(s) were invalid, the score above reflects nothing\n`,
    );
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** The `score --json` document: the sheet, then what was skipped (and, when saved, where). */
export function scoreJson(sheet: ScoreSheet, skipped: Skipped, extra: Record<string, unknown> = {}): string {
  const doc = {
    ...sheet,
    skipped: {
      count: skipped.count,
      byCode: skipped.byCode,
      findings: skipped.findings.map((f) => ({
        source: f.source,
        line: f.line,
        ...findingToJson(f),
      })),
    },
    ...extra,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function checkExplainLimit(raw: string | undefined): void {
  if (raw !== undefined && !/^\d{1,4}$/.test(raw))
    throw new CliError({
      vi: `--explain-limit phải là số nguyên 0–9999 (nhận được ${quote(raw)})`,
      en: `--explain-limit must be an integer 0–9999 (got ${quote(raw)}) ${helpHint("score")}`,
    });
}

/** Scheme, manual scores, as-of and explain limit from the command line, shared by both modes. */
async function scoreOptions(
  io: CliIo,
  values: {
    readonly scheme?: string | undefined;
    readonly manual?: string | undefined;
    readonly "as-of"?: string | undefined;
    readonly "explain-limit"?: string | undefined;
  },
): Promise<ScoreOptions> {
  const limitRaw = values["explain-limit"];
  checkExplainLimit(limitRaw);
  const scheme = await loadScheme(io, values.scheme);
  const manualScores = await loadManual(io, values.manual);
  const asOf = parseAsOf(values["as-of"]);
  return {
    scheme,
    manualScores,
    ...(asOf === undefined ? {} : { asOf }),
    ...(limitRaw === undefined ? {} : { explainLimit: Number(limitRaw) }),
  };
}
