import { Exporter, type ExportRequest, samplePlan } from "@cchc/core";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { exportIcs, IcalExporter } from "../src/index.js";
import { parseCalendar } from "./readBack.js";

const plan = samplePlan("mic-2018");

describe("public API", () => {
  it("the layers provide the iCalendar exporter, with default or own settings", async () => {
    const get = Effect.gen(function* () {
      const exporter = yield* Exporter;
      return yield* exporter.export({ kind: "plan", plan });
    });
    const defaults = parseCalendar(await Effect.runPromise(get.pipe(Effect.provide(IcalExporter.layer))));
    expect(defaults.events[0]?.startDate.isDate).toBe(true);
    const instant = parseCalendar(
      await Effect.runPromise(
        get.pipe(Effect.provide(IcalExporter.layerWith({ deadlines: "instant", remindDaysBefore: [] }))),
      ),
    );
    expect(instant.events[0]?.startDate.isDate).toBe(false);
    expect(instant.events[0]?.component.getAllSubcomponents("valarm")).toHaveLength(0);
  });

  it("the promise helper takes settings and a file name, and rejects with ExportError on broken input", async () => {
    const file = await exportIcs(
      { kind: "plan", plan },
      { fileName: "Lịch CCHC 2018" },
      { agencyId: "bo-tttt" },
    );
    expect(file.fileName).toBe("lich-cchc-2018.ics");
    expect(parseCalendar(file).events[0]?.uid).toBe("bo-tttt/mic-2018/deadline/2018Q1@cchc");
    const broken = { kind: "calendar", plan, periods: [{ id: "2018Q1" }] } as unknown as ExportRequest;
    await expect(exportIcs(broken)).rejects.toMatchObject({ _tag: "ExportError", format: "ics" });
  });
});
