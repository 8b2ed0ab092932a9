/** The XLSX score sheet has a sheet of self-assessed and appraised points, as numbers side by side. */
import { appraisedScoreSheet } from "@cchc/testing/contracts";
import * as Effect from "effect/Effect";
import { expect, it } from "vitest";
import { xlsxExporter } from "../src/index.js";
import { readWorkbook, sheetRows } from "./readBack.js";

const { plan, sheet } = appraisedScoreSheet();

it("has a sheet with the unit, the leaf, the self-assessed, appraised and counted points and the decision", async () => {
  const file = await Effect.runPromise(xlsxExporter.export({ kind: "score-sheet", plan, sheet }, {}));
  const wb = readWorkbook(file.bytes);
  const name = wb.SheetNames.find((n) => n.startsWith("Điểm tự chấm"));
  expect(name, wb.SheetNames.join(", ")).toBeDefined();
  const rows = sheetRows(wb, name as string);
  const header = rows.findIndex((r) => r.includes("Tự chấm"));
  expect(rows[header]).toEqual(["Đơn vị", "Tiêu chí", "Tự chấm", "Thẩm định", "Điểm tính", "Căn cứ"]);
  const row = rows.slice(header + 1).find((r) => r[1] === "tt.4.2");
  expect(row?.slice(1, 5)).toEqual(["tt.4.2", "0.50", "0.30", "0.30"]);
  expect(row?.[5]).toBe("quyết định vòng 2 (tccb.lead), đợt 2018 đã chốt");
});
