/**
 * docs/effect-and-promise.md — reading a folder written by `cchc generate` (or an agency's own
 * export in the same NDJSON form): the plan, its activities and reports, and the record lines,
 * which stay lines so that ingest streams them.
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createInterface } from "node:readline";
import {
  type Activity,
  ActivitySchema,
  type Plan,
  type UnitReport,
  UnitReportSchema,
  validatePlan,
} from "@cchc/core";

/** What a dataset folder holds, records aside. */
export interface DatasetFolder {
  readonly plan: Plan;
  readonly activities: readonly Activity[];
  readonly reports: readonly UnitReport[];
  /** The lines of records.ndjson, read as they are consumed (a million lines need no memory). */
  recordLines(): AsyncIterable<string>;
}

const ndjson = async (path: string): Promise<unknown[]> =>
  (await readFile(path, "utf8"))
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as unknown);

/** Reads `plan.json`, `activities.ndjson` and `reports.ndjson`; `records.ndjson` is streamed. */
export async function readDatasetFolder(dir: string): Promise<DatasetFolder> {
  const { plan, errors } = validatePlan(JSON.parse(await readFile(join(dir, "plan.json"), "utf8")));
  if (plan === undefined || errors.length > 0)
    throw new Error(`plan.json: ${errors.map((e) => e.message.en).join("; ")}`);
  return {
    plan,
    activities: (await ndjson(join(dir, "activities.ndjson"))).map((a) => ActivitySchema.parse(a)),
    reports: (await ndjson(join(dir, "reports.ndjson"))).map((r) => UnitReportSchema.parse(r)),
    recordLines: () =>
      createInterface({ input: createReadStream(join(dir, "records.ndjson")), crlfDelay: Infinity }),
  };
}

/** What both ways of docs/effect-and-promise.md return, so the test can compare them. */
export interface Outcome {
  readonly planVersion: number;
  /** The `_tag` of the error a second create of the same plan fails with. */
  readonly conflict: string;
  readonly ingested: number;
  readonly batches: number;
  readonly percent: number;
  readonly topUnit: string;
  readonly docx: { readonly fileName: string; readonly bytes: Uint8Array };
  readonly enqueued: number;
  readonly delivered: number;
}

/** The agency every call is scoped to. */
export const AGENCY = "bo-tttt";
/** The morning reminders are computed at. */
export const REMIND_AT = "2018-03-08T08:00:00+07:00";
