/**
 * Tracking data as `cchc score` and `cchc export` read it: a folder of NDJSON files (as `cchc
 * generate` writes them) or one mixed NDJSON file, streamed line by line through the core's checks
 * into whatever consumes it (the scorer, a period report builder). Bad lines are skipped with a
 * finding (line number included) and counted; nothing stops the run.
 */
import { stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  type Activity,
  type ActualRecord,
  checkActivity,
  checkRecord,
  checkReport,
  parseNdjsonLine,
  type TrackingContext,
  type TrackingFinding,
  type UnitReport,
} from "@cchc/core";
import { CliError, helpHint, quote } from "./errors.js";
import type { CliIo } from "./io.js";
import { lineTooLongFinding, readLines } from "./ndjson.js";

/** File names of a tracking folder, as `cchc generate` writes them. */
export const TRACKING_FILES = {
  activities: "activities.ndjson",
  records: "records.ndjson",
  reports: "reports.ndjson",
} as const;

/** How many findings the output lists; all are counted by code. */
const MAX_LISTED_FINDINGS = 200;

/** Lines that were skipped: how many, by finding code, and the first findings. */
export interface Skipped {
  count: number;
  byCode: Record<string, number>;
  findings: TrackingFinding[];
}

/** What checked tracking data flows into; the context is the one its checks run against. */
export interface TrackingSink {
  readonly context: TrackingContext;
  addActivity(activity: Activity): void;
  addRecord(record: ActualRecord): void;
  addReport(report: UnitReport): void;
}

type Kind = keyof typeof TRACKING_FILES;

function record(skipped: Skipped, findings: readonly TrackingFinding[]): void {
  if (findings.length === 0) return;
  skipped.count++;
  for (const f of findings) {
    skipped.byCode[f.code] = (skipped.byCode[f.code] ?? 0) + 1;
    if (skipped.findings.length < MAX_LISTED_FINDINGS) skipped.findings.push(f);
  }
}

function feed(sink: TrackingSink, kind: Kind, value: unknown, line: number, skipped: Skipped): void {
  switch (kind) {
    case "activities": {
      const checked = checkActivity(value, sink.context, line);
      record(skipped, checked.findings);
      if (checked.value) sink.addActivity(checked.value);
      return;
    }
    case "records": {
      const checked = checkRecord(value, sink.context, line);
      record(skipped, checked.findings);
      if (checked.value) sink.addRecord(checked.value);
      return;
    }
    case "reports": {
      const checked = checkReport(value, sink.context, line);
      record(skipped, checked.findings);
      if (checked.value) sink.addReport(checked.value);
      return;
    }
  }
}

async function streamFile(path: string, kind: Kind, sink: TrackingSink, skipped: Skipped): Promise<void> {
  let line = 0;
  for await (const text of readLines(path)) {
    line++;
    if (typeof text !== "string") {
      record(skipped, [lineTooLongFinding(text, kind)]);
      continue;
    }
    const parsed = parseNdjsonLine(text, line, kind);
    if (parsed === undefined) continue;
    if (!parsed.ok) record(skipped, [parsed.finding]);
    else feed(sink, kind, parsed.value, line, skipped);
  }
}

const KIND_OF_LINE: Record<string, Kind> = { activity: "activities", record: "records", report: "reports" };

/**
 * One mixed NDJSON file: each line carries `"kind": "activity" | "record" | "report"`. Activities
 * are read in a first pass so records may come before the activity they belong to.
 */
async function streamMixedFile(path: string, sink: TrackingSink, skipped: Skipped): Promise<void> {
  for (const pass of ["activities", "rest"] as const) {
    let line = 0;
    for await (const text of readLines(path)) {
      line++;
      if (typeof text !== "string") {
        if (pass === "activities") record(skipped, [lineTooLongFinding(text, "records")]);
        continue;
      }
      const parsed = parseNdjsonLine(text, line, "records");
      if (parsed === undefined) continue;
      if (!parsed.ok) {
        if (pass === "activities") record(skipped, [parsed.finding]);
        continue;
      }
      const value = parsed.value;
      const tag = typeof value === "object" && value !== null && "kind" in value ? value.kind : undefined;
      const kind = typeof tag === "string" ? KIND_OF_LINE[tag] : undefined;
      if (kind === undefined) {
        if (pass === "activities")
          record(skipped, [
            {
              code: "tracking.kind-unknown",
              severity: "error",
              path: ["kind"],
              message: {
                vi: `Dòng cần trường "kind" là "activity", "record" hoặc "report" (dòng ${line})`,
                en: `Line needs "kind": "activity", "record" or "report" (line ${line})`,
              },
              source: "records",
              line,
            },
          ]);
        continue;
      }
      if ((kind === "activities") !== (pass === "activities")) continue;
      const { kind: _kind, ...item } = value as Record<string, unknown>;
      feed(sink, kind, item, line, skipped);
    }
  }
}

/**
 * Where `--tracking` points: a file, or a folder holding at least one of the tracking files.
 *
 * @throws CliError (exit 2) when it is missing or a folder without tracking files.
 */
export async function trackingSource(
  io: CliIo,
  raw: string,
  command: string,
): Promise<{ dir: string } | { file: string }> {
  const path = resolve(io.cwd, raw);
  const info = await stat(path).catch(() => undefined);
  if (info === undefined)
    throw new CliError({
      vi: `không tìm thấy dữ liệu theo dõi ${quote(raw)}`,
      en: `tracking data ${quote(raw)} not found ${helpHint(command)}`,
    });
  if (info.isFile()) return { file: path };
  const present = await Promise.all(
    Object.values(TRACKING_FILES).map((f) =>
      stat(join(path, f)).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  if (!present.some(Boolean))
    throw new CliError({
      vi: `thư mục ${quote(raw)} không có ${Object.values(TRACKING_FILES).join(", ")}`,
      en: `folder ${quote(raw)} holds none of ${Object.values(TRACKING_FILES).join(", ")} ${helpHint(command)}`,
    });
  return { dir: path };
}

/** Streams all tracking data of `source` into `sink`: activities first, then records, then reports. */
export async function readTracking(
  source: { dir: string } | { file: string },
  sink: TrackingSink,
): Promise<Skipped> {
  const skipped: Skipped = { count: 0, byCode: {}, findings: [] };
  if ("file" in source) await streamMixedFile(source.file, sink, skipped);
  else
    for (const kind of ["activities", "records", "reports"] as const) {
      const path = join(source.dir, TRACKING_FILES[kind]);
      if (
        await stat(path).then(
          (s) => s.isFile(),
          () => false,
        )
      )
        await streamFile(path, kind, sink, skipped);
    }
  return skipped;
}
