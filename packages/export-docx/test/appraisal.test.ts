/** The DOCX score sheet shows the self-assessed and the appraised points of a manual leaf side by side. */
import { appraisedScoreSheet } from "@cchc/testing/contracts";
import { expect, it } from "vitest";
import { exportDocx } from "../src/index.js";
import { plainText, readDocx } from "./docxReader.js";

const { plan, sheet } = appraisedScoreSheet();

it("has the section of self-assessed and appraised points with both numbers and the decision", async () => {
  const text = plainText(readDocx((await exportDocx({ kind: "score-sheet", plan, sheet }, {})).bytes));
  expect(text).toContain("ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH");
  for (const s of [
    "Tự chấm",
    "Thẩm định",
    "Điểm tính",
    "0,5",
    "0,3",
    "quyết định vòng 2 (tccb.lead), đợt 2018 đã chốt",
  ])
    expect(text).toContain(s);
});
