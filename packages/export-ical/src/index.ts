/**
 * @cchc/export-ical — reporting deadlines and activity windows as an iCalendar file (.ics,
 * RFC 5545) in Asia/Ho_Chi_Minh, with UIDs derived from ids so that importing a newer export into
 * Outlook, Google Calendar or Apple Calendar updates the events instead of duplicating them.
 * Implements the core's `Exporter` port for the document kinds that have dates.
 */
import {
  ExportError,
  type ExportedFile,
  Exporter,
  type ExporterService,
  type ExportKind,
  type ExportOptions,
  type ExportRequest,
  planCalendar,
  slugify,
  unsupportedKind,
} from "@cchc/core";
import * as Clock from "effect/Clock";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { calendarEvents, type DeadlineStyle } from "./calendarEvents.js";
import { writeCalendar } from "./writeCalendar.js";

export {
  type CalendarContent,
  type CalendarEvent,
  calendarEvents,
  type DeadlineStyle,
  type EventSettings,
  eventUid,
} from "./calendarEvents.js";
export { sequenceAt, VIETNAM_VTIMEZONE } from "./writeCalendar.js";

/** The media type of an iCalendar file. */
export const ICS_MEDIA_TYPE = "text/calendar; charset=utf-8";

/** Settings of an iCalendar exporter; every one optional. */
export interface IcalExporterOptions {
  /**
   * How a reporting deadline appears: `"all-day"` (default), an all-day event on the due date, the
   * way people read "due on the 19th"; or `"instant"`, a timed event at the last on-time instant
   * (23:59:59 Vietnam time, the period's `dueAt`).
   */
  readonly deadlines?: DeadlineStyle;
  /** Reminders before each deadline, in days, ringing at 08:00 Vietnam time (default [3, 1]; [] for none). */
  readonly remindDaysBefore?: readonly number[];
  /**
   * The agency part of every UID (default: the plan issuer's abbreviation, or its name, as a slug).
   * Set it to the agency id your store uses so UIDs stay the same if the issuer is renamed.
   */
  readonly agencyId?: string;
}

const KINDS: readonly ExportKind[] = ["plan", "calendar"];

function settingsOf(options: IcalExporterOptions) {
  const deadlines = options.deadlines ?? "all-day";
  if (deadlines !== "all-day" && deadlines !== "instant")
    throw new RangeError(
      `deadlines phải là "all-day" hoặc "instant" / deadlines must be "all-day" or "instant" (got ${JSON.stringify(deadlines)})`,
    );
  const remindDaysBefore = options.remindDaysBefore ?? [3, 1];
  for (const d of remindDaysBefore)
    if (!Number.isInteger(d) || d < 0 || d > 365)
      throw new RangeError(
        `remindDaysBefore: mỗi giá trị là số nguyên từ 0 đến 365 / each value must be an integer from 0 to 365 (got ${String(d)})`,
      );
  if (options.agencyId !== undefined && options.agencyId.trim() === "")
    throw new RangeError("agencyId không được để trống / agencyId must not be blank");
  return { deadlines, remindDaysBefore, agencyId: options.agencyId };
}

/**
 * An iCalendar exporter with its own settings. Exports `calendar` (the given periods, and the
 * activities when given) and `plan` (its reporting schedule's deadlines, and `activities` when
 * given); other kinds fail with `ExportError`. Throws `RangeError` on invalid settings.
 */
export function makeIcalExporter(options: IcalExporterOptions = {}): ExporterService {
  const settings = settingsOf(options);
  return {
    format: "ics",
    mediaType: ICS_MEDIA_TYPE,
    extension: "ics",
    kinds: KINDS,
    export: (request: ExportRequest, exportOptions?: ExportOptions) => {
      if (request.kind !== "plan" && request.kind !== "calendar")
        return Effect.fail(unsupportedKind("ics", request.kind));
      return Effect.flatMap(Clock.currentTimeMillis, (now) =>
        Effect.try({
          try: (): ExportedFile => {
            const plan = request.plan;
            const periods = request.kind === "calendar" ? request.periods : planCalendar(plan);
            const content = calendarEvents(plan, periods, request.activities, settings);
            const text = writeCalendar(content, Number(now));
            const base = exportOptions?.fileName ?? `lich-bao-cao-${slugify(plan.id)}`;
            return {
              bytes: new TextEncoder().encode(text),
              mediaType: ICS_MEDIA_TYPE,
              fileName: `${slugify(base) || "lich-bao-cao"}.ics`,
              warnings: content.warnings,
            };
          },
          catch: (cause) =>
            new ExportError({
              format: "ics",
              reason: { vi: "không tạo được tệp lịch iCalendar", en: "could not write the iCalendar file" },
              cause,
            }),
        }),
      );
    },
  };
}

/** The iCalendar exporter with the default settings (all-day deadlines, reminders 3 and 1 days before). */
export const icalExporter: ExporterService = makeIcalExporter();

/** The `Exporter` layers of the iCalendar exporter, for Effect programs. */
export const IcalExporter = {
  /** The default exporter as the `Exporter` service. */
  layer: Layer.succeed(Exporter, icalExporter),
  /** An exporter with its own settings as the `Exporter` service. */
  layerWith: (options: IcalExporterOptions): Layer.Layer<Exporter> =>
    Layer.succeed(Exporter, makeIcalExporter(options)),
} as const;

/**
 * Exports to .ics and returns a promise, for code that does not use Effect; rejects with the
 * `ExportError` (`err._tag === "ExportError"`).
 */
export function exportIcs(
  request: ExportRequest,
  options?: ExportOptions,
  settings?: IcalExporterOptions,
): Promise<ExportedFile> {
  const exporter = settings === undefined ? icalExporter : makeIcalExporter(settings);
  return Effect.runPromise(exporter.export(request, options));
}
