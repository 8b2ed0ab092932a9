import { Exporter, type ExportRequest, samplePlan } from "@cchc/core";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { exportXlsx, XLSX_MEDIA_TYPE, XlsxExporter, xlsxExporter } from "../src/index.js";
import { readWorkbook } from "./readBack.js";

describe("public API", () => {
  it("the layer provides the XLSX exporter as the Exporter service", async () => {
    const file = await Effect.runPromise(
      Effect.gen(function* () {
        const exporter = yield* Exporter;
        expect(exporter.format).toBe("xlsx");
        return yield* exporter.export(
          { kind: "plan", plan: samplePlan("mic-2018") },
          { fileName: "Kế hoạch 2018" },
        );
      }).pipe(Effect.provide(XlsxExporter.layer)),
    );
    expect(file.mediaType).toBe(XLSX_MEDIA_TYPE);
    expect(file.fileName).toBe("ke-hoach-2018.xlsx");
    expect(readWorkbook(file.bytes).SheetNames[0]).toBe("Kế hoạch");
  });

  it("the promise helper rejects with ExportError when the workbook cannot be written", async () => {
    const broken = { kind: "plan", plan: { id: "x" } } as unknown as ExportRequest;
    await expect(exportXlsx(broken)).rejects.toMatchObject({
      _tag: "ExportError",
      format: "xlsx",
      reason: { vi: "không tạo được bảng tính Excel", en: "could not write the Excel workbook" },
    });
    expect(xlsxExporter.kinds).toEqual(["plan", "period-report", "score-sheet", "calendar"]);
  });
});
