/**
 * The annual PAR communication plan (Kế hoạch tuyên truyền CCHC) as typed data. Every sentence of
 * an issued plan has a home here: header fields of Decree 30/2020, the outline I–III of the plan,
 * and references between its parts by id so that tracking and scoring can point at them.
 */
import * as z from "zod";
import { CUTOFF_REGIMES, DUE_ON_DAY_OFF, PeriodTypeSchema } from "./calendar.js";
import { CatalogueEntrySchema, RoleSchema } from "./catalogues.js";
import { HolidayEntrySchema, MAX_HOLIDAY_ENTRIES } from "./holidays/schedule.js";
import { LocalizedTextSchema, Text } from "./text.js";

/** Ids are chosen by the agency (or derived from the document outline): short, URL-safe. */
export const Id = z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u, "letters, digits, '.', '_', ':' or '-', no spaces")
  .max(200);

const IsoDate = z.iso.date();

/** The agency that issues the plan, or its parent body in the Decree 30 header. */
export const BodySchema = z.strictObject({
  /** Full name as written in the header, e.g. "Bộ Thông tin và Truyền thông". */
  name: Text,
  /** The abbreviation used in the number/symbol, e.g. "BTTTT" in "12/KH-BTTTT". */
  abbreviation: Text.optional(),
});
/** An issuing body or its parent body. */
export type Body = z.infer<typeof BodySchema>;

/** The Decree 30 signature block: authority line ("KT. BỘ TRƯỞNG"), title and name. */
export const SignerSchema = z.strictObject({
  authority: Text.optional(),
  title: Text,
  name: Text,
});
/** Who signs the plan. */
export type Signer = z.infer<typeof SignerSchema>;

/** The plan a unit plan rolls up into: its year must match. */
export const ParentPlanRefSchema = z.strictObject({
  planId: Id,
  year: z.number().int(),
  number: Text.optional(),
  /**
   * The unit of the parent plan that issues this plan (a department, a commune): how the parent's
   * roll-up knows which expected sub-plan this is, and in which group it is ranked.
   */
  unitId: Id.optional(),
});

/** An item of an outline list: a), b)… in the issued document, in order. */
const OutlineItem = z.strictObject({
  id: Id,
  text: Text,
});

/** Mục tiêu. */
export const ObjectiveSchema = OutlineItem;
/** One objective of the plan. */
export type Objective = z.infer<typeof ObjectiveSchema>;

/** Yêu cầu. */
export const RequirementSchema = OutlineItem;
/** One requirement of the plan. */
export type Requirement = z.infer<typeof RequirementSchema>;

/** Đối tượng tuyên truyền: who the communication addresses. */
export const AudienceSchema = z.strictObject({
  id: Id,
  kind: z.string(),
  text: Text,
});
/** One audience of the plan. */
export type Audience = z.infer<typeof AudienceSchema>;

/**
 * Nội dung tuyên truyền. Content areas form a tree: the seed's c) holds the six PAR pillars as
 * dashed items, which are content areas of their own with `parentId` "c".
 */
export const ContentAreaSchema = z.strictObject({
  id: Id,
  kind: z.string(),
  text: Text,
  parentId: Id.optional(),
});
/** One content area of the plan. */
export type ContentArea = z.infer<typeof ContentAreaSchema>;

/** Hình thức tuyên truyền: one item may name several channel kinds ("báo chí; Cổng thông tin"). */
export const ChannelSchema = z.strictObject({
  id: Id,
  kinds: z.array(z.string()).min(1),
  text: Text,
});
/** One channel of the plan. */
export type Channel = z.infer<typeof ChannelSchema>;

/**
 * Cơ quan, đơn vị. A `group` entry stands for every unit of a kind when the plan names them
 * together ("Các cơ quan báo chí thuộc Bộ"); its members can be listed once the agency knows them.
 */
export const UnitSchema = z.strictObject({
  id: Id,
  name: Text,
  abbreviation: Text.optional(),
  kind: z.string(),
  parentUnitId: Id.optional(),
  group: z.boolean().optional(),
  memberIds: z.array(Id).optional(),
});
/** One unit (or group of units) named in the plan. */
export type Unit = z.infer<typeof UnitSchema>;

/**
 * Tổ chức thực hiện: what a clause of section III assigns. `text` is the clause as written;
 * `duties` are its dashed items. `contentAreaIds` lists the content areas the units lead, or "all"
 * when the clause makes them responsible for the communication work as a whole (the seed's a).
 */
export const ResponsibilitySchema = z.strictObject({
  id: Id,
  unitIds: z.array(Id).min(1),
  roles: z.array(RoleSchema).min(1),
  text: Text,
  duties: z.array(Text).default([]),
  contentAreaIds: z.union([z.literal("all"), z.array(Id)]).default([]),
  channelIds: z.array(Id).default([]),
  /** Where the plan is silent or a mapping was assumed, say so here instead of inventing. */
  note: LocalizedTextSchema.optional(),
});
/** One responsibility clause. */
export type Responsibility = z.infer<typeof ResponsibilitySchema>;

/**
 * Who manages a funding source: one named unit, or each implementing unit from its own budget.
 */
export const FundingManagerSchema = z.discriminatedUnion("scope", [
  z.strictObject({ scope: z.literal("unit"), unitId: Id }),
  z.strictObject({ scope: z.literal("each-unit") }),
]);

/** Kinh phí: a source of funds, as the plan's section III.2 states it. */
export const FundingSourceSchema = z.strictObject({
  id: Id,
  kind: z.string(),
  text: Text,
  /** Activities at the level of the whole agency, or of each unit. */
  level: z.enum(["agency", "unit"]),
  managedBy: FundingManagerSchema.optional(),
});
/** One funding source. */
export type FundingSource = z.infer<typeof FundingSourceSchema>;

/** A planned amount in VND (whole đồng) from a funding source. */
export const BudgetLineSchema = z.strictObject({
  id: Id,
  fundingSourceId: Id,
  description: Text,
  amountVnd: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  unitId: Id.optional(),
  channelId: Id.optional(),
  contentAreaIds: z.array(Id).default([]),
});
/** One planned budget line. */
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

/**
 * Báo cáo định kỳ: which periodic reports are due (Decree 09/2019 period types), from whom, how
 * many days after the data cut-off they are due, and what they are integrated with.
 */
export const ReportingScheduleSchema = z.strictObject({
  periodTypes: z.array(PeriodTypeSchema).min(1),
  /** Units that report; "all" means every unit named in the plan that is not the lead. */
  reporterUnitIds: z.union([z.literal("all"), z.array(Id)]).default("all"),
  recipientUnitId: Id.optional(),
  deadlineDaysAfterCutoff: z
    .union([
      z.number().int().min(0).max(365),
      z.partialRecord(PeriodTypeSchema, z.number().int().min(0).max(365)),
    ])
    .optional(),
  /** Deadline in working days after the cut-off instead (one number, or per type); rule `reporting-deadline-kinds-conflict`. */
  deadlineWorkingDaysAfterCutoff: z
    .union([
      z.number().int().min(0).max(365),
      z.partialRecord(PeriodTypeSchema, z.number().int().min(0).max(365)),
    ])
    .optional(),
  /** A calendar-day due date on a day off: "keep" it (default) or move it to the "next-working-day". */
  dueOnDayOff: z.enum(DUE_ON_DAY_OFF).optional(),
  /** The agency's yearly schedule of days off and make-up working days, over the statutory holidays. */
  holidays: z.array(HolidayEntrySchema).max(MAX_HOLIDAY_ENTRIES).optional(),
  /** How cut-off windows are cut: "decree-09-2019" (default) or "calendar-month" (before Decree 09). */
  cutoffRegime: z.enum(CUTOFF_REGIMES).optional(),
  integratedWith: Text.optional(),
  /** The sentence of the plan that sets the schedule, as written. */
  text: Text.optional(),
});
/** The reporting schedule. */
export type ReportingSchedule = z.infer<typeof ReportingScheduleSchema>;

/** Nơi nhận: one line of the distribution list; the last is the archive line "Lưu: VT, …". */
export const RecipientSchema = z.strictObject({
  text: Text,
  unitId: Id.optional(),
});
/** One recipient line. */
export type Recipient = z.infer<typeof RecipientSchema>;

/** Kinds an agency adds for this plan only, so a plan file validates on its own. */
export const CustomKindsSchema = z.strictObject({
  contentKinds: z.array(CatalogueEntrySchema).optional(),
  channelKinds: z.array(CatalogueEntrySchema).optional(),
  unitKinds: z.array(CatalogueEntrySchema).optional(),
  fundingKinds: z.array(CatalogueEntrySchema).optional(),
  audienceKinds: z.array(CatalogueEntrySchema).optional(),
});

/**
 * Headings of the outline where the plan words them differently from the defaults
 * ("Trách nhiệm của các cơ quan, đơn vị thuộc Bộ"), so the rendered plan reads as issued.
 */
export const HeadingsSchema = z.strictObject({
  objectivesSection: Text.optional(),
  objectives: Text.optional(),
  requirements: Text.optional(),
  audiences: Text.optional(),
  contentSection: Text.optional(),
  contentAreas: Text.optional(),
  channels: Text.optional(),
  implementationSection: Text.optional(),
  responsibilities: Text.optional(),
  funding: Text.optional(),
  reporting: Text.optional(),
});

/** The year range the calendar and validation support. */
export const PlanYear = z.number().int().min(2000).max(2100);

/** A whole plan. Header fields the issued text may lack are optional: validation warns about them. */
export const PlanSchema = z.strictObject({
  id: Id,
  /** Document type code of Decree 30 appendix III: "KH" for a plan. */
  documentType: z.literal("KH").default("KH"),
  issuer: BodySchema,
  parentBody: BodySchema.optional(),
  /** Number and symbol without the "Số:" prefix, e.g. "12/KH-BTTTT". */
  number: Text.optional(),
  place: Text.optional(),
  /** Date of issue (ISO), e.g. "2018-03-05". */
  date: IsoDate.optional(),
  year: PlanYear,
  /** The summary line under "KẾ HOẠCH", as written. */
  title: Text,
  parent: ParentPlanRefSchema.optional(),
  signer: SignerSchema.optional(),
  objectives: z.array(ObjectiveSchema).default([]),
  requirements: z.array(RequirementSchema).default([]),
  audiences: z.array(AudienceSchema).default([]),
  contentAreas: z.array(ContentAreaSchema).default([]),
  channels: z.array(ChannelSchema).default([]),
  units: z.array(UnitSchema).default([]),
  responsibilities: z.array(ResponsibilitySchema).default([]),
  fundingSources: z.array(FundingSourceSchema).default([]),
  budgetLines: z.array(BudgetLineSchema).default([]),
  reporting: ReportingScheduleSchema.optional(),
  recipients: z.array(RecipientSchema).default([]),
  headings: HeadingsSchema.optional(),
  customKinds: CustomKindsSchema.optional(),
  /** Free data of the agency's own; kept as is, never interpreted. */
  extensions: z.record(z.string(), z.unknown()).optional(),
});

/** A parsed, normalised plan. */
export type Plan = z.output<typeof PlanSchema>;
/** A plan as written in JSON or YAML (defaults not yet applied). */
export type PlanInput = z.input<typeof PlanSchema>;

/**
 * The plan schema with `parse`/`safeParse`, as DESIGN names it: `Plan.parse(json)` gives a typed
 * plan or throws a ZodError; use `validatePlan` for findings instead of exceptions.
 */
export const Plan = PlanSchema;

/** JSON Schema (draft 2020-12) of a plan as written, for teams working in other languages. */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: "urn:cchc:schema:plan",
    title: "Kế hoạch tuyên truyền cải cách hành chính / PAR communication plan",
  };
}
