/** The DOCX score sheet shows the self-assessed and the appraised points of a manual leaf side by side. */
import { PAR_COMMUNICATION_PRESET, samplePlan, scorePlan } from "@cchc/core";
import { expect, it } from "vitest";
import { exportDocx } from "../src/index.js";
import { plainText, readDocx } from "./docxReader.js";

const plan = samplePlan("mic-2018");
const sheet = scorePlan(
  { plan, activities: [], records: [], reports: [] },
  {
    scheme: PAR_COMMUNICATION_PRESET,
    manualScores: [
      {
        nodeId: "tt.4.2",
        unitId: "trung-tam-thong-tin",
        selfAssessed: 0.5,
        appraised: 0.3,
        source: {
          periodId: "2018",
          roundState: "closed",
          step: "decision",
          role: "lead",
          userId: "tccb.lead",
          at: "2019-01-20T03:00:00.000Z",
        },
      },
    ],
  },
);

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
