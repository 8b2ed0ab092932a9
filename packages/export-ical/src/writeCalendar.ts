/**
 * The events as an RFC 5545 file, written by ical-generator: PRODID, METHOD:PUBLISH, a VTIMEZONE
 * for Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving time since 1975; ical-generator ships no time
 * zone data, so the component is written here), TEXT escaped (`\`, `;`, `,`, line breaks) and lines
 * folded at 75 octets without splitting a UTF-8 sequence (both by ical-generator).
 */
import { VIETNAM_TIME_ZONE } from "@cchc/core";
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventTransparency } from "ical-generator";
import type { CalendarContent } from "./calendarEvents.js";
import { plainDate, zonedDateTime } from "./vietnamTime.js";

/** The VTIMEZONE of Vietnam: one STANDARD observance at +07:00. */
export const VIETNAM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${VIETNAM_TIME_ZONE}`,
  `X-LIC-LOCATION:${VIETNAM_TIME_ZONE}`,
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0700",
  "TZOFFSETTO:+0700",
  "TZNAME:+07",
  "DTSTART:19700101T000000",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

const SEQUENCE_EPOCH_MS = Date.UTC(2000, 0, 1);

/**
 * The SEQUENCE of an export made at `stampMs`: whole minutes since 2000-01-01 UTC. Each later
 * export of the same events carries a higher number (and a later DTSTAMP), so calendar programs
 * that re-import the file treat it as the newer revision and update the events in place.
 */
export function sequenceAt(stampMs: number): number {
  return Math.max(0, Math.floor((stampMs - SEQUENCE_EPOCH_MS) / 60_000));
}

/** Escapes a TEXT value that ical-generator writes as given (the calendar's name and description). */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** Writes the calendar; `stampMs` is the export instant (DTSTAMP, LAST-MODIFIED, SEQUENCE). */
export function writeCalendar(content: CalendarContent, stampMs: number): string {
  const calendar = ical({
    prodId: { company: "cchc", product: "export-ical", language: "VI" },
    method: ICalCalendarMethod.PUBLISH,
    name: escapeText(content.name),
    description: escapeText(content.description),
    // No calendar-wide zone name: ical-generator would then write DTSTAMP as local time without
    // "Z". Each event names the zone instead, which also makes it emit the VTIMEZONE once.
    timezone: { name: null, generator: (tz) => (tz === VIETNAM_TIME_ZONE ? VIETNAM_VTIMEZONE : null) },
  });
  const stamp = new Date(stampMs);
  const sequence = sequenceAt(stampMs);
  for (const e of content.events) {
    const when = e.allDay
      ? { allDay: true, start: plainDate(e.allDay.start), end: plainDate(e.allDay.end) }
      : { start: zonedDateTime(Date.parse(e.at ?? "")) };
    calendar.createEvent({
      id: e.uid,
      sequence,
      stamp,
      lastModified: stamp,
      timezone: VIETNAM_TIME_ZONE,
      ...when,
      summary: e.summary,
      description: e.description,
      categories: e.categories.map((name) => ({ name })),
      transparency: ICalEventTransparency.TRANSPARENT,
      alarms: e.alarmsBefore.map((seconds) => ({
        type: ICalAlarmType.display,
        trigger: seconds,
        description: e.summary,
      })),
    });
  }
  // Calendar properties must precede the components; ical-generator appends X- properties last.
  return calendar
    .toString()
    .replace("\r\nMETHOD:PUBLISH\r\n", `\r\nMETHOD:PUBLISH\r\nX-WR-TIMEZONE:${VIETNAM_TIME_ZONE}\r\n`);
}
