/**
 * Records as rows: the column list, the row ↔ `ActualRecord` mapping, and COPY's text format. The
 * mapping keeps exactly what was written: absent optional fields are NULL and read back absent,
 * an empty string stays an empty string, numbers are float8/bigint and round-trip bit for bit.
 */
import type { ActualRecord } from "@cchc/core";

/** Columns of `cchc_records`, in table order. */
export const RECORD_COLUMNS = [
  "agency_id",
  "plan_id",
  "record_id",
  "activity_id",
  "unit_id",
  "date",
  "output",
  "participants",
  "cost_vnd",
  "evidence_url",
  "note",
  "version",
  "saved_at",
] as const;

/** The record columns a query selects to rebuild an `ActualRecord`. */
export const RECORD_SELECT =
  "record_id, activity_id, unit_id, date, output, participants, cost_vnd, evidence_url, note";

/** A row of `RECORD_SELECT`; drivers differ in how they type numbers, so fields are unknown. */
export interface RecordRow {
  readonly record_id: unknown;
  readonly activity_id: unknown;
  readonly unit_id: unknown;
  readonly date: unknown;
  readonly output: unknown;
  readonly participants: unknown;
  readonly cost_vnd: unknown;
  readonly evidence_url: unknown;
  readonly note: unknown;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** bigint columns come back as string (pg), number (PGlite) or bigint (custom parsers). */
const toNumber = (v: unknown): number => (typeof v === "number" ? v : Number(v));

/** Rebuilds the record a row holds, with the fields in schema order. */
export function recordFromRow(row: RecordRow): ActualRecord {
  const record: Mutable<ActualRecord> = {
    id: String(row.record_id),
    activityId: String(row.activity_id),
    unitId: String(row.unit_id),
    date: String(row.date),
    output: toNumber(row.output),
  };
  if (row.participants !== null && row.participants !== undefined)
    record.participants = toNumber(row.participants);
  if (row.cost_vnd !== null && row.cost_vnd !== undefined) record.costVnd = toNumber(row.cost_vnd);
  if (row.evidence_url !== null && row.evidence_url !== undefined)
    record.evidenceUrl = String(row.evidence_url);
  if (row.note !== null && row.note !== undefined) record.note = String(row.note);
  return record;
}

/**
 * Records as the JSON array `json_to_recordset` reads (one text parameter per chunk). The column
 * list of the statement names the fields (`id`, `activityId`, …, the `ActualRecord` keys), so the
 * records are serialised as they are: undefined fields are left out (NULL) and any other key is
 * ignored by the database.
 */
export function recordsJson(records: readonly ActualRecord[], from = 0, to = records.length): string {
  return JSON.stringify(from === 0 && to === records.length ? records : records.slice(from, to));
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A value in COPY's text format: `\N` for NULL, backslash, tab, newline and CR escaped. */
export function copyValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  const s = typeof value === "number" ? String(value) : value;
  return COPY_SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : s;
}

/** Records as COPY text lines for `RECORD_COLUMNS` (version 1, one `savedAt` for all). */
export function recordsCopyText(
  agencyId: string,
  planId: string,
  records: Iterable<ActualRecord>,
  savedAt: string,
): string {
  const head = `${copyValue(agencyId)}\t${copyValue(planId)}\t`;
  const tail = `\t1\t${savedAt}\n`;
  let out = "";
  for (const r of records)
    out +=
      head +
      [
        copyValue(r.id),
        copyValue(r.activityId),
        copyValue(r.unitId),
        copyValue(r.date),
        copyValue(r.output),
        copyValue(r.participants),
        copyValue(r.costVnd),
        copyValue(r.evidenceUrl),
        copyValue(r.note),
      ].join("\t") +
      tail;
  return out;
}
