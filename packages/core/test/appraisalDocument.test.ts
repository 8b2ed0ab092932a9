/**
 * The score sheet document (DOCX, PDF and XLSX are laid out from it) shows the self-assessed and the
 * appraised points of the manual leaves side by side, with which step and whose decision counted;
 * a sheet without manual entries is laid out as before.
 */
import { describe, expect, it } from "vitest";
import {
  type DocumentBlock,
  officialDocument,
  PAR_COMMUNICATION_PRESET,
  samplePlan,
  scorePlan,
} from "../src/index.js";

const plan = samplePlan("mic-2018");
const sheetWith = (manualScores: Parameters<typeof scorePlan>[1]["manualScores"]) =>
  scorePlan(
    { plan, activities: [], records: [], reports: [] },
    { scheme: PAR_COMMUNICATION_PRESET, manualScores },
  );

const tableAfter = (body: readonly DocumentBlock[], heading: string) => {
  const i = body.findIndex((b) => b.type === "section" && b.text === heading);
  return i < 0 ? undefined : body[i + 1];
};

describe("score sheet: self-assessed and appraised points side by side", () => {
  it("lists every manual entry with both points, the points counted and where they came from", () => {
    const sheet = sheetWith([
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
          at: "2019-01-20T17:30:00.000Z",
        },
      },
      { nodeId: "tt.4.2", selfAssessed: 0.25 },
    ]);
    const doc = officialDocument({ kind: "score-sheet", plan, sheet });
    const table = tableAfter(doc.body, "ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH");
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    expect(table.columns.map((c) => c.header)).toEqual([
      "Đơn vị",
      "Tiêu chí",
      "Tự chấm",
      "Thẩm định",
      "Điểm tính",
      "Căn cứ",
    ]);
    const unitName = plan.units.find((u) => u.id === "trung-tam-thong-tin")?.name;
    expect(table.rows).toContainEqual([
      unitName,
      "tt.4.2",
      0.5,
      0.3,
      0.3,
      "quyết định vòng 2 (tccb.lead), đợt 2018 đã chốt",
    ]);
    expect(table.rows).toContainEqual([
      sheet.agency.name,
      "tt.4.2",
      0.25,
      null,
      0.25,
      "tự chấm (chưa thẩm định)",
    ]);
    expect(table.rows).toHaveLength(2);
    // the explanation dates the decision in Vietnam time, the Vietnamese way
    const leaf = sheet.units
      .find((u) => u.unitId === "trung-tam-thong-tin")
      ?.nodes.flatMap((n) => n.children ?? [])
      .flatMap((n) => n.children ?? [])
      .find((n) => n.nodeId === "tt.4.2");
    expect(leaf?.explanation.text.vi).toContain("(tccb.lead, 21/01/2019)");
    expect(leaf?.explanation.text.en).toContain("(tccb.lead, 2019-01-21)");
  });

  it("adds nothing to a sheet without manual entries", () => {
    const doc = officialDocument({ kind: "score-sheet", plan, sheet: sheetWith([]) });
    expect(tableAfter(doc.body, "ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH")).toBeUndefined();
    expect(doc.body.filter((b) => b.type === "section").map((b) => (b as { label?: string }).label)).toEqual([
      "I.",
      "II.",
      "III.",
    ]);
  });
});
