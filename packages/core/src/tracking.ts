/**
 * What units actually do against the plan: planned activities, the actual records of their
 * output, and the periodic reports units submit. Scoring reads these; storage keeps them.
 */
import * as z from "zod";
import { Id } from "./plan.js";
import { OptionalText, Text } from "./text.js";

/** Units of output a target and a record count in (articles, classes, participants…). */
export const OUTPUT_UNITS = [
  { code: "article", label: { vi: "tin, bài", en: "articles" } },
  { code: "post", label: { vi: "bài đăng mạng xã hội", en: "social media posts" } },
  { code: "broadcast", label: { vi: "chương trình phát thanh, truyền hình", en: "broadcasts" } },
  { code: "class", label: { vi: "lớp tập huấn", en: "training classes" } },
  { code: "event", label: { vi: "hội nghị, tọa đàm, cuộc thi", en: "events" } },
  { code: "participant", label: { vi: "lượt người tham dự", en: "participants" } },
  { code: "copy", label: { vi: "bản, ấn phẩm", en: "copies" } },
  { code: "item", label: { vi: "sản phẩm", en: "items" } },
] as const;

/** Codes of `OUTPUT_UNITS`, open to an agency's own (any kebab-case code is accepted). */
export const OutputUnit = z.string().regex(/^[a-z][a-z0-9-]*$/, "kebab-case code");

const IsoDate = z.iso.date();

/** A target: how much of what the activity should produce. */
export const QuantitySchema = z.strictObject({
  value: z.number().finite().nonnegative(),
  unit: OutputUnit,
});
/** A quantity of output. */
export type Quantity = z.infer<typeof QuantitySchema>;

/**
 * A planned activity (Hoạt động): one unit, one channel, the content areas it addresses, when,
 * how much, and from which money. Either a reporting period id or a date window says when.
 */
export const ActivitySchema = z.strictObject({
  id: Id,
  unitId: Id,
  channelId: Id,
  contentAreaIds: z.array(Id).min(1),
  title: Text,
  periodId: z.string().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  target: QuantitySchema,
  fundingSourceId: Id.optional(),
  budgetLineId: Id.optional(),
  plannedCostVnd: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
});
/** A planned activity. */
export type Activity = z.infer<typeof ActivitySchema>;

/** What was actually done for an activity on a date: output, people reached, cost, evidence. */
export const ActualRecordSchema = z.strictObject({
  id: Id,
  activityId: Id,
  unitId: Id,
  date: IsoDate,
  output: z.number().finite().nonnegative(),
  participants: z.number().int().nonnegative().optional(),
  costVnd: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional(),
  evidenceUrl: z.url({ protocol: /^https?$/ }).optional(),
  note: OptionalText.optional(),
});
/** An actual record. */
export type ActualRecord = z.infer<typeof ActualRecordSchema>;

/** A unit's periodic report (Báo cáo) for one period id, with the instant it was submitted. */
export const UnitReportSchema = z.strictObject({
  id: Id,
  unitId: Id,
  periodId: z.string(),
  /** ISO instant with offset, e.g. "2018-03-19T09:30:00+07:00". */
  submittedAt: z.iso.datetime({ offset: true }),
  activityIds: z.array(Id).default([]),
  summary: OptionalText.optional(),
});
/** A submitted report. */
export type UnitReport = z.infer<typeof UnitReportSchema>;
