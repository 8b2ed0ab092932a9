/**
 * `cchc generate --size <small|medium|national> --seed <n> --out <dir> [--year <y>]`: writes a
 * seeded, deterministic synthetic dataset (plan.json, activities/records/reports NDJSON and
 * manifest.json) with @cchc/testing's generator, streamed so the national size stays flat in memory.
 * The 2026 national size is a tree of plans, one folder each under plans/.
 */
import { resolve } from "node:path";
import {
  DATASET_SIZES,
  type DatasetManifest,
  type DatasetSize,
  generateDataset,
  writeDataset,
} from "@cchc/testing";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, oneLine, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";

const SIZES = Object.keys(DATASET_SIZES) as DatasetSize[];

function parseSize(raw: string | undefined): DatasetSize {
  if (raw === undefined)
    throw new CliError({
      vi: `lệnh generate cần --size ${SIZES.join("|")}`,
      en: `generate needs --size ${SIZES.join("|")} ${helpHint("generate")}`,
    });
  if (!(SIZES as string[]).includes(raw))
    throw new CliError({
      vi: `--size phải là ${SIZES.join(", ")} (nhận được ${quote(raw)})`,
      en: `--size must be ${SIZES.join(", ")} (got ${quote(raw)}) ${helpHint("generate")}`,
    });
  return raw as DatasetSize;
}

function parseSeed(raw: string | undefined): number {
  if (raw === undefined)
    throw new CliError({
      vi: "lệnh generate cần --seed <số nguyên>",
      en: `generate needs --seed <integer> ${helpHint("generate")}`,
    });
  // Digits only (an optional minus: write --seed=-5): "1.5", "1e3" and "0x10" are typos, not seeds.
  const seed = /^-?\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(seed))
    throw new CliError({
      vi: `--seed phải là số nguyên (nhận được ${quote(raw)})`,
      en: `--seed must be an integer (got ${quote(raw)}) ${helpHint("generate")}`,
    });
  return seed;
}

/** The plan years the generator accepts (it throws a RangeError outside them). */
const MIN_YEAR = 2001;
const MAX_YEAR = 2100;

function parseYear(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < MIN_YEAR || Number(raw) > MAX_YEAR)
    throw new CliError({
      vi: `--year phải là số nguyên từ ${MIN_YEAR} đến ${MAX_YEAR} (nhận được ${quote(raw)})`,
      en: `--year must be an integer from ${MIN_YEAR} to ${MAX_YEAR} (got ${quote(raw)}) ${helpHint("generate")}`,
    });
  return Number(raw);
}

const MB = 1024 * 1024;
const bytesText = (n: number) => (n >= MB ? `${(n / MB).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
const count = (n: number) => n.toLocaleString("vi-VN");

function summary(dir: string, manifest: DatasetManifest, ms: number): string {
  const c = manifest.counts;
  const plans = manifest.plans ?? [];
  const allFiles = plans.length > 1 ? plans.flatMap((p) => p.files) : manifest.files;
  const total = allFiles.reduce((s, f) => s + (f.bytes ?? 0), 0);
  const lines = [
    `Đã tạo bộ dữ liệu ${manifest.size} (hạt giống ${manifest.seed}, năm ${manifest.year}) tại ${dir}`,
    `Generated the ${manifest.size} dataset (seed ${manifest.seed}, year ${manifest.year}) in ${dir}`,
    `  ${count(c.units)} đơn vị / units, ${count(c.activities)} hoạt động / activities, ${count(
      c.records,
    )} bản ghi / records, ${count(c.reports)} báo cáo / reports`,
  ];
  if (plans.length > 1) {
    lines.push(
      `  ${count(plans.length)} kế hoạch / plans trong / in plans/<mã/id>/ (gốc / root ${manifest.rootPlanId}), mỗi kế hoạch / each: plan.json, activities.ndjson, records.ndjson, reports.ndjson`,
    );
  } else {
    const width = Math.max(...manifest.files.map((f) => f.name.length));
    lines.push(
      ...manifest.files.map(
        (f) =>
          `  ${f.name.padEnd(width)}  ${count(f.items).padStart(9)} dòng / lines  ${bytesText(f.bytes ?? 0)}`,
      ),
    );
  }
  lines.push(
    `  tổng / total ${bytesText(total)}; thời gian / time ${(ms / 1000).toFixed(1)} s; manifest.json`,
  );
  return `${lines.join("\n")}\n`;
}

/** Runs `cchc generate`; returns the exit code. */
export async function generateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    "generate",
    args,
    {
      size: { type: "string" },
      seed: { type: "string" },
      out: { type: "string", short: "o" },
      year: { type: "string" },
      "sub-plans": { type: "boolean" },
      json: { type: "boolean" },
    },
    { min: 0, max: 0, what: { vi: "", en: "" } },
  );
  const size = parseSize(values.size);
  const seed = parseSeed(values.seed);
  const year = parseYear(values.year);
  if (values.out === undefined || values.out === "")
    throw new CliError({
      vi: "lệnh generate cần --out <thư mục>",
      en: `generate needs --out <dir> ${helpHint("generate")}`,
    });
  const started = performance.now();
  let dataset: ReturnType<typeof generateDataset>;
  try {
    dataset = generateDataset({
      size,
      seed,
      ...(year === undefined ? {} : { year }),
      // the country with every department's and commune's plan (medium has them anyway)
      ...(values["sub-plans"] === true ? { subPlans: true } : {}),
    });
  } catch (err) {
    if (err instanceof RangeError) {
      const why = oneLine(err.message.replace(/^generateDataset:\s*/, ""));
      throw new CliError({
        vi: `tham số không hợp lệ: ${why}`,
        en: `invalid parameters: ${why} ${helpHint("generate")}`,
      });
    }
    throw err;
  }
  const dir = resolve(io.cwd, values.out);
  let manifest: DatasetManifest;
  try {
    manifest = (await writeDataset(dataset, dir)).manifest;
  } catch (err) {
    // A file where the folder should be, no permission, a full disk: the user's to fix.
    const code = (err as { code?: unknown }).code;
    if (typeof code !== "string") throw err;
    const why = oneLine(err instanceof Error ? err.message : String(err));
    throw new CliError({
      vi: `không ghi được thư mục ${quote(values.out)}: ${why}`,
      en: `cannot write to ${quote(values.out)}: ${why}`,
    });
  }
  const ms = performance.now() - started;
  io.stdout(values.json ? `${JSON.stringify(manifest, null, 2)}\n` : summary(dir, manifest, ms));
  return EXIT.ok;
}
