/**
 * The events as an RFC 5545 file. ical-generator writes the calendar's properties and each event
 * (PRODID, METHOD:PUBLISH, dates, TEXT escaping of `\`, `;`, `,` and line breaks, alarms); this
 * module adds the VTIMEZONE of Asia/Ho_Chi_Minh (UTC+07:00, no daylight saving time since 1975 —
 * ical-generator ships no time zone data) and folds the lines itself, at 75 octets without
 * splitting a UTF-8 sequence, one event at a time: ical-generator's own folding measures every
 * character with a new TextEncoder and needs minutes for a national calendar.
 */
import { VIETNAM_TIME_ZONE } from "@cchc/core";
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEvent, ICalEventTransparency } from "ical-generator";
import type { CalendarContent, CalendarEvent } from "./calendarEvents.js";
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

/** Longest content line in octets, CRLF excluded (RFC 5545 §3.1). */
const LINE_OCTETS = 75;

/**
 * Folds CRLF-separated content lines so that no line is longer than 75 octets: a long line breaks
 * before the character that would not fit, and the rest continues on lines starting with a space.
 */
export function foldLines(text: string): string {
  const lines = text.split("\r\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as string;
    if (line.length * 4 <= LINE_OCTETS) continue; // cannot exceed, whatever the characters
    let out = "";
    let start = 0;
    let octets = 0;
    let limit = LINE_OCTETS;
    for (let i = 0; i < line.length; ) {
      const cp = line.codePointAt(i) as number;
      const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (octets + size > limit) {
        out += `${line.slice(start, i)}\r\n `;
        start = i;
        octets = 0;
        limit = LINE_OCTETS - 1; // the leading space counts
      }
      octets += size;
      i += cp > 0xffff ? 2 : 1;
    }
    lines[n] = out + line.slice(start);
  }
  return lines.join("\r\n");
}

function eventData(e: CalendarEvent, stamp: Date, sequence: number) {
  const when = e.allDay
    ? { allDay: true, start: plainDate(e.allDay.start), end: plainDate(e.allDay.end) }
    : { start: zonedDateTime(Date.parse(e.at ?? "")) };
  return {
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
  };
}

/** Writes the calendar; `stampMs` is the export instant (DTSTAMP, LAST-MODIFIED, SEQUENCE). */
export function writeCalendar(content: CalendarContent, stampMs: number): string {
  // No calendar-wide zone: ical-generator would then write DTSTAMP as local time without "Z".
  // Each event names the zone; the VTIMEZONE is written below, once.
  const calendar = ical({
    prodId: { company: "cchc", product: "export-ical", language: "VI" },
    method: ICalCalendarMethod.PUBLISH,
    name: escapeText(content.name),
    description: escapeText(content.description),
  });
  const empty = calendar.toString();
  const header = empty.slice(0, empty.lastIndexOf("END:VCALENDAR"));
  const parts = [foldLines(header), `X-WR-TIMEZONE:${VIETNAM_TIME_ZONE}\r\n`, `${VIETNAM_VTIMEZONE}\r\n`];
  const stamp = new Date(stampMs);
  const sequence = sequenceAt(stampMs);
  for (const e of content.events)
    parts.push(foldLines(new ICalEvent(eventData(e, stamp, sequence), calendar).toString()));
  parts.push("END:VCALENDAR\r\n");
  return parts.join("");
}
