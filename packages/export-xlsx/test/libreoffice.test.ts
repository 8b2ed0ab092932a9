/**
 * The workbooks as LibreOffice Calc shows them: each file converted headless to CSV with "save
 * cell contents as shown" and formulas off, so a formula would show its result, a number its
 * format. Needs LibreOffice Calc (Debian's libreoffice-calc-nogui, which `pnpm test` installs when it
 * can): without it the file fails at once naming the package to install, it never skips.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type { ExportRequest } from "@cchc/core";
import { samplePlan } from "@cchc/core";
import { contractRequests, hostileActivities, hostilePlan } from "@cchc/testing/contracts";
import { requireTool } from "@cchc/testing/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportXlsx } from "../src/index.js";

const run = promisify(execFile);
// comma, double quote, UTF-8, …, as shown = true, formulas = false, every sheet (-1)
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

let dir = "";
const csv = new Map<string, string>();

function sheet(file: string, name: string): string {
  const text = csv.get(`${file}-${name}.csv`);
  if (text === undefined)
    throw new Error(`LibreOffice wrote no ${file}-${name}.csv; got ${[...csv.keys()].join(", ")}`);
  return text;
}

beforeAll(async () => {
  const soffice = requireTool("libreoffice-calc");
  dir = await mkdtemp(join(tmpdir(), "cchc-xlsx-lo-"));
  const base = samplePlan("mic-2018");
  const formulas: ExportRequest = {
    kind: "plan",
    plan: {
      ...base,
      objectives: [
        ...base.objectives,
        { id: "f1", text: "=1+1" },
        { id: "f2", text: "@SUM(1;2)" },
        { id: "f3", text: "-3+4" },
      ],
    },
  };
  const requests = contractRequests();
  const plan = hostilePlan();
  const files: Record<string, ExportRequest> = {
    formulas,
    score: requests["score-sheet"],
    report: requests["period-report"],
    calendar: requests.calendar,
    hostile: { kind: "plan", plan, activities: hostileActivities(plan) },
  };
  const paths: string[] = [];
  for (const [name, request] of Object.entries(files)) {
    const file = await exportXlsx(request, { place: "Hà Nội", date: "2018-03-05" });
    const path = join(dir, `${name}.xlsx`);
    await writeFile(path, file.bytes);
    paths.push(path);
  }
  await run(
    soffice,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--convert-to",
      CSV_FILTER,
      "--outdir",
      dir,
      ...paths,
    ],
    { timeout: 180_000 },
  );
  for (const f of await readdir(dir))
    if (f.endsWith(".csv")) csv.set(f.normalize("NFC"), await readFile(join(dir, f), "utf8"));
}, 200_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("read back by LibreOffice Calc", () => {
  it("shows formula-looking text as typed, never its result", () => {
    const text = sheet("formulas", "Kế hoạch");
    expect(text).toContain("=1+1");
    expect(text).toContain("@SUM(1;2)");
    expect(text).toContain("-3+4");
    // Evaluated, "=1+1" would have shown as a bare 2 beside its label.
    expect(text.split("\n").filter((line) => /^[^,]*,2$/.test(line))).toEqual([]);
    expect(text).toContain("Vụ Tổ chức cán bộ");
  });

  it("shows VND amounts, percentages and dates in their formats", () => {
    const report = sheet("report", "Kết quả theo từng hoạt động");
    expect(report.split("\n")[0]).toBe(
      "STT,Đơn vị,Hoạt động,Đơn vị tính,Chỉ tiêu,Kết quả trong kỳ,Lũy kế,Người tham dự,Kinh phí (đồng)",
    );
    expect(report).toMatch(/,[\d,]+ ₫\n/);
    const score = sheet("score", "Xếp hạng các đơn vị");
    expect(score.split("\n")[0]).toBe("Hạng,Đơn vị,Điểm,Tối đa,Tỷ lệ,Dự báo cuối năm");
    expect(score.split("\n")[1]).toMatch(/^1,.+,\d+\.\d\d,\d+\.\d\d,\d+\.\d\d%,\d+\.\d\d%$/);
    const calendar = sheet("calendar", "Lịch báo cáo định kỳ");
    expect(calendar).toContain("Quý I năm 2018,15/12/2017,14/03/2018,19/03/2018");
  });

  it("opens the 500-unit hostile plan with every unit and activity", () => {
    const units = sheet("hostile", "Đơn vị");
    expect(units).toContain('"Đơn vị số 499 <499> & ""499"""');
    const activities = sheet("hostile", "Hoạt động").trim().split("\n");
    expect(activities).toHaveLength(501);
    expect(activities[500]).toContain('"=HYPERLINK(""http://x.invalid"";""bấm"") <i>&amp;</i>');
  });
});
