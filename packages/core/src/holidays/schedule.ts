/**
 * The government's yearly schedule of days off, as an agency writes it down: each entry makes one
 * date a day off ("off": the Tết days the Prime Minister chose, a bridge day) or a working day
 * ("working": a make-up Saturday, làm bù, or a statutory day the schedule moved). Entries override
 * the statutory default of `statutoryHolidays`, so any published schedule can be written as entries.
 * They live in a plan's `reporting.holidays` or in a file of their own (`{ "holidays": [...] }`).
 */
import * as z from "zod";
import { Text } from "../text.js";

/** One date of the yearly schedule: a day off or a working day, with the notice that says so. */
export const HolidayEntrySchema = z.strictObject({
  /** ISO date (Vietnam), e.g. "2026-02-14". */
  date: z.iso.date(),
  /** "off": nobody works that day; "working": a working day even if it is a Saturday or a holiday. */
  kind: z.enum(["off", "working"]),
  /** What the day is, as the schedule says: "Nghỉ Tết Nguyên đán", "Làm bù cho ngày 02/05/2025". */
  name: Text.optional(),
  /** The notice it comes from, e.g. "Thông báo 6150/TB-LĐTBXH". */
  source: Text.optional(),
});
/** One entry of an agency's schedule of days off and make-up working days. */
export type HolidayEntry = z.infer<typeof HolidayEntrySchema>;

/** Most entries a plan's or a file's schedule may hold: ten years of days, far more than any agency writes. */
export const MAX_HOLIDAY_ENTRIES = 3660;

/** A file of schedule entries: `{ "holidays": [...] }` (a bare array is accepted too). */
export const HolidayFileSchema = z.union([
  z.strictObject({ holidays: z.array(HolidayEntrySchema).max(MAX_HOLIDAY_ENTRIES) }),
  z
    .array(HolidayEntrySchema)
    .max(MAX_HOLIDAY_ENTRIES)
    .transform((holidays) => ({ holidays })),
]);
/** A parsed holiday file. */
export type HolidayFile = z.output<typeof HolidayFileSchema>;
