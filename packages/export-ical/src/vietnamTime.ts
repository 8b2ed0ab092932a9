/**
 * Dates and times for ical-generator that never depend on the host's time zone. Given a plain JS
 * `Date` and a TZID, ical-generator writes the host's local wall clock (a server in UTC would put
 * a 23:59 Hà Nội deadline at 16:59), so every date here is handed over as a Temporal-shaped value
 * (`PlainDate` for all-day events, `ZonedDateTime` in Asia/Ho_Chi_Minh for timed ones), computed
 * with Vietnam's fixed UTC+07:00 offset. Node 20 has no Temporal; ical-generator only reads these
 * fields and methods.
 */
import { VIETNAM_TIME_ZONE, VIETNAM_UTC_OFFSET_MINUTES } from "@cchc/core";

const OFFSET_MS = VIETNAM_UTC_OFFSET_MINUTES * 60_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A calendar date, shaped like `Temporal.PlainDate`. */
export interface PlainDateValue {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  toPlainDateTime(): PlainDateTimeValue;
  toJSON(): string;
  toString(): string;
}

/** A wall-clock date and time, shaped like `Temporal.PlainDateTime`. */
export interface PlainDateTimeValue {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  toPlainDate(): PlainDateValue;
  toZonedDateTime(timeZone: string): ZonedDateTimeValue;
  toJSON(): string;
  toString(): string;
}

/** An instant seen in one zone, shaped like `Temporal.ZonedDateTime`. */
export interface ZonedDateTimeValue {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly timeZoneId: string;
  readonly epochMilliseconds: number;
  toPlainDateTime(): PlainDateTimeValue;
  withTimeZone(timeZone: string): ZonedDateTimeValue;
  toInstant(): { epochMilliseconds: number; toJSON(): string; toString(): string };
  toJSON(): string;
  toString(): string;
}

/** The calendar date of an ISO `YYYY-MM-DD` string. */
export function plainDate(iso: string): PlainDateValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`plainDate: expected YYYY-MM-DD (got ${JSON.stringify(iso)})`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const self: PlainDateValue = {
    year,
    month,
    day,
    toPlainDateTime: () => plainDateTime(year, month, day, 0, 0, 0),
    toJSON: () => text,
    toString: () => text,
  };
  return self;
}

function plainDateTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): PlainDateTimeValue {
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    toPlainDate: () => plainDate(text.slice(0, 10)),
    toZonedDateTime: (timeZone) => {
      // Only Vietnam's zone (and UTC) are ever asked for; both have a fixed offset.
      const offset = timeZone === "UTC" ? 0 : OFFSET_MS;
      return zonedDateTime(Date.UTC(year, month - 1, day, hour, minute, second) - offset, timeZone);
    },
    toJSON: () => text,
    toString: () => text,
  };
}

/** An instant (milliseconds since the epoch) seen in Asia/Ho_Chi_Minh, or in UTC. */
export function zonedDateTime(
  epochMilliseconds: number,
  timeZoneId: string = VIETNAM_TIME_ZONE,
): ZonedDateTimeValue {
  if (timeZoneId !== VIETNAM_TIME_ZONE && timeZoneId !== "UTC")
    throw new RangeError(
      `zonedDateTime: only ${VIETNAM_TIME_ZONE} and UTC are supported (got ${timeZoneId})`,
    );
  const wall = new Date(epochMilliseconds + (timeZoneId === "UTC" ? 0 : OFFSET_MS));
  const [year, month, day] = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate()];
  const [hour, minute, second] = [wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
  const iso = new Date(epochMilliseconds).toISOString();
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    timeZoneId,
    epochMilliseconds,
    toPlainDateTime: () => plainDateTime(year, month, day, hour, minute, second),
    withTimeZone: (zone) => zonedDateTime(epochMilliseconds, zone),
    toInstant: () => ({ epochMilliseconds, toJSON: () => iso, toString: () => iso }),
    toJSON: () => iso,
    toString: () => iso,
  };
}
