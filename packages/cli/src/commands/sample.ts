/**
 * `cchc sample <name> [--tracking <dir>]`: a shipped sample plan as canonical JSON, to start a plan
 * from; with `--tracking`, the plan and the sample's tracking data written as the folder `cchc
 * score <plan> --tracking <dir>` reads (plan.json, activities/records/reports NDJSON).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { isSamplePlanName, renderPlanJson, SAMPLE_PLAN_NAMES, samplePlan, sampleTracking } from "@cchc/core";
import { parseCommandArgs } from "../args.js";
import { CliError, oneLine, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";

const ndjson = (items: readonly unknown[]) => items.map((i) => `${JSON.stringify(i)}\n`).join("");

/** Runs `cchc sample`; returns the exit code. */
export async function sampleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const known = SAMPLE_PLAN_NAMES.join(", ");
  const { positionals, values } = parseCommandArgs(
    "sample",
    args,
    { tracking: { type: "string" } },
    { min: 1, max: 1, what: { vi: `tên mẫu (có: ${known})`, en: `a sample name (one of: ${known})` } },
  );
  const name = positionals[0] ?? "";
  if (!isSamplePlanName(name)) {
    throw new CliError({
      vi: `không có mẫu ${quote(name)}; các mẫu có sẵn: ${known}`,
      en: `unknown sample ${quote(name)}; known samples: ${known}`,
    });
  }
  const json = renderPlanJson(samplePlan(name));
  if (values.tracking === undefined) {
    io.stdout(json);
    return EXIT.ok;
  }
  const tracking = sampleTracking(name);
  if (!tracking) {
    throw new CliError({
      vi: `mẫu ${quote(name)} không kèm dữ liệu theo dõi; dùng cchc generate --size small --seed 1 --out <thư mục>`,
      en: `sample ${quote(name)} ships no tracking data; use cchc generate --size small --seed 1 --out <dir>`,
    });
  }
  if (values.tracking === "")
    throw new CliError({ vi: "--tracking cần một thư mục", en: "--tracking needs a folder" });
  const dir = resolve(io.cwd, values.tracking);
  const files: readonly (readonly [string, string])[] = [
    ["plan.json", json],
    ["activities.ndjson", ndjson(tracking.activities)],
    ["records.ndjson", ndjson(tracking.records)],
    ["reports.ndjson", ndjson(tracking.reports)],
  ];
  const write = io.writeFile ?? ((p: string, t: string | Uint8Array) => writeFile(p, t));
  try {
    await mkdir(dir, { recursive: true });
    for (const [file, text] of files) await write(join(dir, file), text);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code !== "string") throw err;
    const why = oneLine(err instanceof Error ? err.message : String(err));
    throw new CliError({
      vi: `không ghi được thư mục ${quote(values.tracking)}: ${why}`,
      en: `cannot write to ${quote(values.tracking)}: ${why}`,
    });
  }
  io.stdout(
    `Đã ghi mẫu ${name} và dữ liệu theo dõi (${tracking.activities.length} hoạt động, ${tracking.records.length} bản ghi, ${tracking.reports.length} báo cáo) vào ${dir}\n` +
      `Wrote sample ${name} and its tracking data (${tracking.activities.length} activities, ${tracking.records.length} records, ${tracking.reports.length} reports) to ${dir}\n`,
  );
  return EXIT.ok;
}
