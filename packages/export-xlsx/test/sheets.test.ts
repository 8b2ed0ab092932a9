import type { ExportedFile, ExportRequest } from "@cchc/core";
import { PAR_COMMUNICATION_PRESET, planCalendar, samplePlan, scorePlan } from "@cchc/core";
import { generateDataset } from "@cchc/testing";
import { contractRequests } from "@cchc/testing/contracts";
import { describe, expect, it } from "vitest";
import { exportXlsx, NUMBER_FORMATS, XLSX_MEDIA_TYPE } from "../src/index.js";
import { cell, fontOf, readWorkbook, sheetRows, sheetXml } from "./readBack.js";

const requests = contractRequests();
const excelSerial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

async function exported(request: ExportRequest): Promise<ExportedFile> {
  const file = await exportXlsx(request, { place: "Hà Nội", date: "2018-03-05" });
  expect(file.mediaType).toBe(XLSX_MEDIA_TYPE);
  return file;
}

describe("sheets as a spreadsheet reader sees them", () => {
  it("plan: the document first, then one data sheet per part of the plan, Vietnamese headers", async () => {
    const data = generateDataset({ size: "small", seed: 5 });
    const activities = [...data.activities()];
    const file = await exported({ kind: "plan", plan: data.plan, activities });
    const wb = readWorkbook(file.bytes);
    expect(wb.SheetNames).toEqual([
      "Kế hoạch",
      "Đơn vị",
      "Nội dung tuyên truyền",
      "Hình thức tuyên truyền",
      "Trách nhiệm",
      "Nguồn kinh phí",
      "Dự toán kinh phí",
      "Lịch báo cáo",
      "Hoạt động",
    ]);
    expect(sheetRows(wb, "Kế hoạch")[0]).toEqual(["Mục", "Nội dung"]);
    expect(sheetRows(wb, "Đơn vị")[0]).toEqual([
      "STT",
      "Mã đơn vị",
      "Tên đơn vị",
      "Viết tắt",
      "Loại đơn vị",
      "Đơn vị cấp trên",
      "Các đơn vị thành viên",
    ]);
    const units = sheetRows(wb, "Đơn vị");
    expect(units.length - 1).toBe(data.plan.units.length);
    expect(units.map((r) => r[2])).toContain("Vụ Tổ chức cán bộ");

    const rows = sheetRows(wb, "Hoạt động");
    expect(rows[0]).toEqual([
      "STT",
      "Mã hoạt động",
      "Đơn vị thực hiện",
      "Tên hoạt động",
      "Hình thức",
      "Nội dung tuyên truyền",
      "Kỳ báo cáo",
      "Từ ngày",
      "Đến ngày",
      "Chỉ tiêu",
      "Đơn vị tính",
      "Nguồn kinh phí",
      "Kinh phí dự kiến (đồng)",
    ]);
    expect(rows.length - 1).toBe(activities.length);
    // An activity as written: dates are real dates, the cost a VND amount, the target a number.
    const i = activities.findIndex((a) => a.from && a.to && a.plannedCostVnd !== undefined);
    const a = activities[i];
    if (!a?.from || !a.to || a.plannedCostVnd === undefined)
      throw new Error("fixture: an activity with dates and cost");
    const r = i + 2;
    expect(cell(wb, "Hoạt động", `B${r}`).v).toBe(a.id);
    expect(cell(wb, "Hoạt động", `H${r}`)).toMatchObject({ t: "n", v: excelSerial(a.from), z: "dd/mm/yyyy" });
    expect(cell(wb, "Hoạt động", `H${r}`).w).toBe(a.from.split("-").reverse().join("/"));
    expect(cell(wb, "Hoạt động", `I${r}`).v).toBe(excelSerial(a.to));
    expect(cell(wb, "Hoạt động", `J${r}`)).toMatchObject({
      t: "n",
      v: a.target.value,
      z: NUMBER_FORMATS.number,
    });
    expect(cell(wb, "Hoạt động", `M${r}`)).toMatchObject({ t: "n", v: a.plannedCostVnd, z: '#,##0 "₫"' });
    // An activity placed by reporting period shows the period and its data window.
    const j = activities.findIndex((x) => x.periodId !== undefined && x.from === undefined);
    const p = planCalendar(data.plan).find((x) => x.id === activities[j]?.periodId);
    if (!p) throw new Error("fixture: an activity placed by period");
    expect(cell(wb, "Hoạt động", `G${j + 2}`).v).toBe(p.label.vi);
    expect(cell(wb, "Hoạt động", `H${j + 2}`).v).toBe(excelSerial(p.cutoffStart));
    expect(cell(wb, "Hoạt động", `I${j + 2}`).v).toBe(excelSerial(p.cutoffEnd));
  });

  it("every sheet has one frozen header row, an autofilter over its rows and column widths", async () => {
    for (const kind of ["plan", "period-report", "score-sheet", "calendar"] as const) {
      const file = await exported(requests[kind]);
      const wb = readWorkbook(file.bytes);
      for (const name of wb.SheetNames) {
        const xml = sheetXml(file.bytes, name);
        expect(xml, `${kind} / ${name}`).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
        expect(xml).not.toMatch(/<pane [^>]*xSplit="[1-9]/);
        const rows = sheetRows(wb, name).length;
        const ref = /<autoFilter ref="A1:([A-Z]+)(\d+)"\/>/.exec(xml);
        expect(ref, `${kind} / ${name} autofilter`).not.toBeNull();
        expect(Number(ref?.[2])).toBe(Math.max(rows, 2));
        const widths = [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(widths.length).toBeGreaterThan(0);
        for (const w of widths) expect(w).toBeGreaterThanOrEqual(6);
        // The header row is bold.
        expect(fontOf(file.bytes, xml, "A1")).toContain("<b/>");
      }
    }
  });

  it("period report: the document's table with its formats (VND, numbers, integers)", async () => {
    const file = await exported(requests["period-report"]);
    const wb = readWorkbook(file.bytes);
    expect(wb.SheetNames).toEqual(["Báo cáo", "Kết quả theo từng hoạt động"]);
    const rows = sheetRows(wb, "Kết quả theo từng hoạt động");
    expect(rows[0]).toEqual([
      "STT",
      "Đơn vị",
      "Hoạt động",
      "Đơn vị tính",
      "Chỉ tiêu",
      "Kết quả trong kỳ",
      "Lũy kế",
      "Người tham dự",
      "Kinh phí (đồng)",
    ]);
    const report = requests["period-report"];
    if (report.kind !== "period-report") throw new Error("fixture");
    expect(rows.length - 1).toBe(report.report.rows.length);
    const withCost = report.report.rows.findIndex((r) => r.costVnd > 0);
    expect(withCost).toBeGreaterThanOrEqual(0);
    const h = cell(wb, "Kết quả theo từng hoạt động", `I${withCost + 2}`);
    expect(h).toMatchObject({ t: "n", v: report.report.rows[withCost]?.costVnd, z: '#,##0 "₫"' });
    expect(h.w).toMatch(/^[\d,]+ ₫$/);
    expect(cell(wb, "Kết quả theo từng hoạt động", "A2")).toMatchObject({ t: "n", v: 1, z: "#,##0" });
    expect(cell(wb, "Kết quả theo từng hoạt động", "D2").t).toBe("s"); // Đơn vị tính
    expect(cell(wb, "Kết quả theo từng hoạt động", "E2").z).toBe("#,##0.00");
    // The document sheet carries the period's text.
    expect(sheetRows(wb, "Báo cáo").flat().join("\n")).toContain("Tình hình chung");
  });

  it("score sheet: ranking with percentages, criteria, and each unit's points per criterion", async () => {
    const file = await exported(requests["score-sheet"]);
    const wb = readWorkbook(file.bytes);
    expect(wb.SheetNames).toEqual([
      "Báo cáo",
      "Xếp hạng các đơn vị",
      "Chi tiết theo tiêu chí",
      "Điểm theo tiêu chí",
    ]);
    const request = requests["score-sheet"];
    if (request.kind !== "score-sheet") throw new Error("fixture");
    const first = request.sheet.units[0];
    if (!first) throw new Error("fixture: units scored");
    expect(cell(wb, "Xếp hạng các đơn vị", "B2").v).toBe(first.name);
    const pct = cell(wb, "Xếp hạng các đơn vị", "E2");
    expect(pct).toMatchObject({ t: "n", v: first.percent / 100, z: "0.00%" });
    expect(pct.w).toBe(`${first.percent.toFixed(2)}%`);
    const criteria = sheetRows(wb, "Điểm theo tiêu chí");
    expect(criteria[0]?.slice(0, 3)).toEqual(["Hạng", "Mã đơn vị", "Đơn vị"]);
    expect(criteria[0]?.slice(-3)).toEqual(["Tổng điểm", "Tối đa", "Tỷ lệ"]);
    expect(criteria.length - 1).toBe(request.sheet.units.length);
    // Leaves add up to the unit's total, read back as numbers.
    const ws = wb.Sheets["Điểm theo tiêu chí"];
    const width = criteria[0]?.length ?? 0;
    for (let r = 2; r <= criteria.length; r++) {
      let sum = 0;
      for (let c = 3; c < width - 3; c++) {
        const v = ws?.[`${String.fromCharCode(65 + c)}${r}`] as { v?: number } | undefined;
        sum += v?.v ?? 0;
      }
      const total = ws?.[`${String.fromCharCode(65 + width - 3)}${r}`] as { v: number };
      expect(sum).toBeCloseTo(total.v, 6);
    }
  });

  it("calendar: due dates are Excel dates of the Vietnamese calendar day, whatever the host's time zone", async () => {
    const plan = samplePlan("mic-2018");
    const periods = planCalendar(plan);
    const q1 = periods.find((p) => p.id === "2018Q1");
    expect(q1?.dueDate).toBe("2018-03-19");
    const saved = process.env.TZ;
    const serials: number[] = [];
    try {
      for (const tz of ["Asia/Ho_Chi_Minh", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
        process.env.TZ = tz;
        const file = await exported({ kind: "calendar", plan, periods });
        const wb = readWorkbook(file.bytes);
        expect(sheetRows(wb, "Lịch báo cáo định kỳ")[0]).toEqual([
          "Kỳ báo cáo",
          "Chốt số liệu từ ngày",
          "Đến ngày",
          "Hạn gửi báo cáo",
        ]);
        const due = cell(wb, "Lịch báo cáo định kỳ", "D2");
        expect(cell(wb, "Lịch báo cáo định kỳ", "A2").v).toBe("Quý I năm 2018");
        expect(due).toMatchObject({ t: "n", z: "dd/mm/yyyy", w: "19/03/2018" });
        expect(cell(wb, "Lịch báo cáo định kỳ", "B2").w).toBe("15/12/2017");
        serials.push(due.v as number);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(serials)).toEqual(new Set([excelSerial("2018-03-19")]));
  });

  it("the medium dataset's score sheet: one ranking row per unit, in rank order", async () => {
    const data = generateDataset({ size: "medium", seed: 2 });
    const sheet = scorePlan(
      {
        plan: data.plan,
        activities: [...data.activities()],
        records: [...data.records()],
        reports: [...data.reports()],
      },
      { scheme: PAR_COMMUNICATION_PRESET },
    );
    const file = await exported({ kind: "score-sheet", plan: data.plan, sheet });
    const wb = readWorkbook(file.bytes);
    const rows = sheetRows(wb, "Xếp hạng các đơn vị");
    expect(rows.length - 1).toBe(sheet.units.length);
    const ranks = rows.slice(1).map((r) => Number(r[0]));
    expect(ranks).toEqual(sheet.units.map((u) => u.rank));
    expect(rows.slice(1).map((r) => r[1])).toEqual(sheet.units.map((u) => u.name));
  });
});
