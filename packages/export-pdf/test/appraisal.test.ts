/** The PDF score sheet shows the self-assessed and the appraised points of a manual leaf side by side. */
import { appraisedScoreSheet } from "@cchc/testing/contracts";
import { expect, it } from "vitest";
import { exportPdf } from "../src/index.js";
import { flatText, readPdf } from "./pdfReader.js";

const { plan, sheet } = appraisedScoreSheet();

it("has the section of self-assessed and appraised points with both numbers and the decision", async () => {
  const text = flatText(await readPdf((await exportPdf({ kind: "score-sheet", plan, sheet }, {})).bytes));
  expect(text.replace(/\s+/g, " ")).toContain("ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH");
  for (const s of ["Tự chấm", "Thẩm định", "0,5", "0,3", "tccb.lead"]) expect(text).toContain(s);
}, 60_000);
