/**
 * Vietnamese public holidays and working days: the lunar calendar (UTC+7), the statutory holidays
 * of the labour code in force each year, an agency's yearly schedule on top, and working-day
 * arithmetic for reporting deadlines.
 */
export { type LunarDate, lunarDateOf, lunarNewYear, lunarToIsoDate, solarToLunar } from "./lunar.js";
export {
  type HolidayEntry,
  HolidayEntrySchema,
  type HolidayFile,
  HolidayFileSchema,
  MAX_HOLIDAY_ENTRIES,
} from "./schedule.js";
export {
  type HolidayCode,
  type LabourCode,
  labourCodeOn,
  nextIsoDate,
  type StatutoryHoliday,
  statutoryHolidays,
  weekdayOf,
} from "./statutory.js";
export {
  type DayInfo,
  type DayKind,
  dayOffReason,
  describeMove,
  formatVietnameseDate,
  type WorkingCalendar,
  weekdayName,
  workingCalendar,
} from "./workingCalendar.js";
