/**
 * The data of the appraisal cycle (tự chấm → thẩm định → giải trình → vòng 2 → chốt): a round per
 * plan and period, an entry per (unit, manual leaf) with its self-assessment, appraisal, answer and
 * round-2 decision, the evidence files it cites, and an append-only history of who changed what.
 * Plain data (zod schemas) so every store keeps it as JSON and reads it back unchanged.
 */
import * as z from "zod";
import { Id } from "../plan.js";

/**
 * The states of a round, in order: units self-score (`open`), the lead or council appraises
 * (`appraisal`), units answer (`answering`), the appraiser decides again (`round-2`), `closed`.
 */
export const ROUND_STATES = ["open", "appraisal", "answering", "round-2", "closed"] as const;
/** A round's state. */
export type RoundState = (typeof ROUND_STATES)[number];

/** Who did a step, as history keeps it: role, user and (for a reporter) the unit. */
export const ActorRefSchema = z.strictObject({
  role: z.enum(["lead", "council", "reporter", "viewer"]),
  userId: z.string().max(200),
  unitId: Id.optional(),
});
/** Who did a step. */
export type ActorRef = z.infer<typeof ActorRefSchema>;

const IsoDate = z.iso.date();
const Instant = z.iso.datetime({ offset: true });

/** A self-assessment round of one plan for one period (the year, usually), with its deadlines. */
export const AppraisalRoundSchema = z.strictObject({
  planId: Id,
  /** The period scored (e.g. "2026"); also the round's id within the plan. */
  periodId: Id,
  state: z.enum(ROUND_STATES),
  /** Last day (Vietnam date, inclusive) a unit may self-score. */
  deadline: IsoDate,
  /** Last day (Vietnam date, inclusive) a unit may answer an appraisal; set when answers open. */
  answerDeadline: IsoDate.optional(),
  openedAt: Instant,
  openedBy: ActorRefSchema,
  /** The state the round was closed from: a reopen returns to it. */
  closedFrom: z.enum(ROUND_STATES).optional(),
  closedAt: Instant.optional(),
});
/** A self-assessment round. */
export type AppraisalRound = z.infer<typeof AppraisalRoundSchema>;

/** The media types allowed as evidence by default: PDF, DOCX, XLSX, JPEG, PNG. */
export const EVIDENCE_TYPES = [
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "image/jpeg",
  "image/png",
] as const;
/** An evidence media type. */
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** An evidence file as an entry cites it: its id in the evidence store (SHA-256 of the bytes) and metadata. */
export const EvidenceRefSchema = z.strictObject({
  fileId: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1).max(255),
  mediaType: z.enum(EVIDENCE_TYPES),
  size: z.number().int().min(0),
});
/** An evidence file cited by an entry. */
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

const Points = z.number().min(0);
const Link = z.url({ protocol: /^https?$/ }).max(2000);
const Step = {
  by: ActorRefSchema,
  at: Instant,
};

/** One (unit, manual leaf) of a round: what the unit claimed, what the appraisers decided. */
export const AppraisalEntrySchema = z.strictObject({
  planId: Id,
  periodId: Id,
  /** The unit scored; null for the agency as a whole. */
  unitId: Id.nullable(),
  nodeId: Id,
  stage: z.enum(["self-assessed", "appraised", "answered", "decided"]),
  self: z
    .strictObject({
      points: Points,
      note: z.string().max(10_000).optional(),
      evidence: z.array(EvidenceRefSchema).max(50),
      links: z.array(Link).max(50),
      ...Step,
    })
    .optional(),
  appraisal: z
    .strictObject({ points: Points, comment: z.string().max(10_000).optional(), ...Step })
    .optional(),
  answer: z
    .strictObject({
      text: z.string().min(1).max(10_000),
      evidence: z.array(EvidenceRefSchema).max(50),
      links: z.array(Link).max(50),
      ...Step,
    })
    .optional(),
  decision: z
    .strictObject({ points: Points, comment: z.string().max(10_000).optional(), ...Step })
    .optional(),
});
/** An appraisal entry. */
export type AppraisalEntry = z.infer<typeof AppraisalEntrySchema>;

/** What a step did. */
export type AppraisalAction =
  | "open"
  | "advance"
  | "close"
  | "reopen"
  | "self-assess"
  | "appraise"
  | "answer"
  | "decide";

/** One field a step changed, with the values before and after (JSON). */
export interface FieldChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** One step of a round's or an entry's history; stores only append these, never change them. */
export interface AppraisalEvent {
  readonly subject: "round" | "entry";
  /** `roundId` or `entryId`. */
  readonly subjectId: string;
  /** The subject's version after the step. */
  readonly version: number;
  readonly action: AppraisalAction;
  readonly by: ActorRef;
  readonly at: string;
  readonly changes: readonly FieldChange[];
  /** Why (a reopen's reason). */
  readonly reason?: string;
}

/** The id of a round within its plan: its period id. */
export const roundId = (periodId: string): string => periodId;

/**
 * The id of an entry within its plan: `period/unit/leaf`, with `*` for the agency as a whole (ids
 * never contain "/" nor start with "*", so ids of different entries never collide).
 */
export const entryId = (periodId: string, unitId: string | null, nodeId: string): string =>
  `${periodId}/${unitId ?? "*"}/${nodeId}`;

/** The id of an entry. */
export const idOfEntry = (e: Pick<AppraisalEntry, "periodId" | "unitId" | "nodeId">): string =>
  entryId(e.periodId, e.unitId, e.nodeId);

/** Filters of `listEntries`; all optional, combined with AND. */
export interface EntryFilter {
  readonly periodId?: string;
  /** A unit id, or null for the agency-level entries. */
  readonly unitId?: string | null;
  readonly nodeId?: string;
}

/** Whether an entry matches a filter (shared by the adapters written in JavaScript). */
export function entryMatches(e: AppraisalEntry, f: EntryFilter | undefined): boolean {
  return (
    f === undefined ||
    ((f.periodId === undefined || e.periodId === f.periodId) &&
      (f.unitId === undefined || e.unitId === f.unitId) &&
      (f.nodeId === undefined || e.nodeId === f.nodeId))
  );
}

/** The fields of two versions that differ, for the history (top-level fields, compared as JSON). */
export function changesBetween(before: object | undefined, after: object): FieldChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: FieldChange[] = [];
  for (const field of fields) {
    const from = a[field];
    const to = b[field];
    if (JSON.stringify(from) !== JSON.stringify(to))
      out.push({ field, from: from === undefined ? null : from, to: to === undefined ? null : to });
  }
  return out;
}
