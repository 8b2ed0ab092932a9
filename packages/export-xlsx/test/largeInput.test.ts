import type { PeriodReport } from "@cchc/core";
import { buildPeriodReport } from "@cchc/core";
import { generateDataset } from "@cchc/testing";
import { hostileActivities, hostilePlan } from "@cchc/testing/contracts";
import { describe, expect, it } from "vitest";
import { exportXlsx } from "../src/index.js";
import { readWorkbook, sheetRows, sheetXml } from "./readBack.js";

describe("large input", () => {
  it("a plan of 500 hostile units and their activities: every unit and activity, exactly as named", async () => {
    const plan = hostilePlan();
    const activities = hostileActivities(plan);
    const file = await exportXlsx({ kind: "plan", plan, activities });
    const wb = readWorkbook(file.bytes);
    const units = sheetRows(wb, "Đơn vị").slice(1);
    expect(units).toHaveLength(plan.units.length);
    expect(units.map((r) => r[2])).toContain('Đơn vị số 499 <499> & "499"');
    const rows = sheetRows(wb, "Hoạt động").slice(1);
    expect(rows).toHaveLength(500);
    const last = rows[499];
    expect(last?.[2]).toBe('Đơn vị số 499 <499> & "499"');
    // The title starts with "=": text, the control character gone, everything else kept.
    expect(last?.[3]).toBe('=HYPERLINK("http://x.invalid";"bấm") <i>&amp;</i> "hoạt động 499" ; a,b\\c');
    expect(sheetXml(file.bytes, "Hoạt động")).not.toMatch(/<f[\s>]/);
    const codes = file.warnings.map((w) => `${w.code} ${w.path.join("!")}`);
    expect(codes).toContain("xlsx.formula-neutralised Hoạt động!D2");
    expect(codes).toContain("xlsx.control-characters-removed Hoạt động!D2");
    // One duty per row, so the 500 duties of the last clause stay filterable.
    expect(sheetRows(wb, "Trách nhiệm").flat()).toContain(
      'Đơn vị số 499 <499> & "499": tổ chức tuyên truyền tại đơn vị mình.',
    );
  });

  it("a table of 10,000 rows is one sheet of 10,001 rows, the last one intact", async () => {
    const data = generateDataset({ size: "small", seed: 9 });
    const activities = [...data.activities()];
    const base = buildPeriodReport({
      plan: data.plan,
      activities,
      records: data.records(),
      periodId: `${data.plan.year}`,
    });
    if (!base || base.rows.length === 0) throw new Error("fixture: the annual report has rows");
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const row = base.rows[i % base.rows.length] as PeriodReport["rows"][number];
      return { ...row, activityId: `r${i}`, title: `${row.title} #${i + 1}`, costVnd: i * 1000 };
    });
    const report: PeriodReport = { ...base, rows };
    const file = await exportXlsx({ kind: "period-report", report });
    const wb = readWorkbook(file.bytes);
    const sheet = sheetRows(wb, "Kết quả theo từng hoạt động");
    expect(sheet).toHaveLength(10_001);
    expect(sheet[10_000]?.[0]).toBe("10,000");
    expect(sheet[10_000]?.[2]).toBe(`${rows[9_999]?.title}`);
    expect(wb.Sheets["Kết quả theo từng hoạt động"]?.I10001).toMatchObject({ t: "n", v: 9_999_000 });
    expect(sheetXml(file.bytes, "Kết quả theo từng hoạt động")).toContain('<autoFilter ref="A1:I10001"/>');
  });
});
