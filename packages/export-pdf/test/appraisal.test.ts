/** The PDF score sheet shows the self-assessed and the appraised points of a manual leaf side by side. */
import { PAR_COMMUNICATION_PRESET, samplePlan, scorePlan } from "@cchc/core";
import { expect, it } from "vitest";
import { exportPdf } from "../src/index.js";
import { flatText, readPdf } from "./pdfReader.js";

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
  const text = flatText(await readPdf((await exportPdf({ kind: "score-sheet", plan, sheet }, {})).bytes));
  expect(text.replace(/\s+/g, " ")).toContain("ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH");
  for (const s of ["Tự chấm", "Thẩm định", "0,5", "0,3", "tccb.lead"]) expect(text).toContain(s);
}, 60_000);
