/**
 * Reading an exported calendar back with ical.js, a full RFC 5545 parser independent of
 * ical-generator: unfolding, unescaping and time zones are the parser's, not ours.
 */
import type { ExportedFile } from "@cchc/core";
import ICAL from "ical.js";

// ical.js knows RFC 5545's properties only. NAME (RFC 7986) is TEXT, and so are X- properties by
// default (RFC 5545 §3.8.8.2): tell the parser, so it unescapes them as a calendar program does.
for (const p of ["name", "description", "x-wr-calname", "x-wr-caldesc"])
  ICAL.design.icalendar.property[p] ??= { defaultType: "text" };

/** The parsed calendar: its raw text, root component, events and VTIMEZONE. */
export interface ParsedCalendar {
  readonly text: string;
  readonly root: ICAL.Component;
  readonly events: ICAL.Event[];
  readonly timezone: ICAL.Timezone | undefined;
}

export function parseCalendar(file: ExportedFile | Uint8Array): ParsedCalendar {
  const bytes = file instanceof Uint8Array ? file : file.bytes;
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  const root = new ICAL.Component(ICAL.parse(text));
  const vtimezone = root.getFirstSubcomponent("vtimezone");
  const timezone = vtimezone ? new ICAL.Timezone(vtimezone) : undefined;
  if (vtimezone) ICAL.TimezoneService.register(vtimezone);
  const events = root.getAllSubcomponents("vevent").map((c) => new ICAL.Event(c));
  return { text, root, events, timezone };
}

/** What a person reads in a calendar program: the calendar's name, then each event's title, text and categories. */
export function extractText(file: ExportedFile): string {
  const { root, events } = parseCalendar(file);
  const name = String(root.getFirstPropertyValue("x-wr-calname") ?? "");
  return [
    name,
    ...events.map((e) =>
      [
        e.summary,
        e.description,
        ...e.component.getAllProperties("categories").flatMap((p) => p.getValues()),
      ].join("\n"),
    ),
  ].join("\n\n");
}

/** An event by UID. */
export function eventByUid(calendar: ParsedCalendar, uid: string): ICAL.Event {
  const e = calendar.events.find((x) => x.uid === uid);
  if (!e) throw new Error(`no event ${uid}; UIDs: ${calendar.events.map((x) => x.uid).join(", ")}`);
  return e;
}
