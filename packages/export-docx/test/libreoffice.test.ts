/**
 * Issue 18, measured as a person sees the DOCX: LibreOffice Writer lays each file out and prints
 * it to PDF, and poppler (`pdftotext -bbox`) gives every word's box. Every word, the header's
 * "VIỆT NAM" included, lies between the left margin (30 mm) and the right margin (195 mm); the
 * report's "Kính gửi:", the results table's "Đơn vị tính" and the plan's budget table are there.
 * Needs LibreOffice Writer and poppler-utils (Debian), and fails naming them when they are missing.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  buildPeriodReport,
  DECREE30_LAYOUT,
  type ExportOptions,
  type ExportRequest,
  type SamplePlanName,
  samplePlan,
  sampleTracking,
} from "@cchc/core";
import { pdfPageWords, requireTool } from "@cchc/testing/tools";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDocx } from "../src/index.js";

const run = promisify(execFile);
const PT = 72 / 25.4;
const { marginsMm, pageMm } = DECREE30_LAYOUT;
const EPS = 0.01 * PT;
const ISSUED: ExportOptions = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
};

interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
}

function report(name: SamplePlanName): ExportRequest {
  const plan = samplePlan(name);
  const t = sampleTracking(name);
  const r = buildPeriodReport({
    plan,
    activities: t?.activities ?? [],
    records: t?.records ?? [],
    periodId: `${plan.year}Q2`,
  });
  if (!r) throw new Error("no Q2");
  return { kind: "period-report", report: r };
}

const FILES: Record<string, ExportRequest> = {
  "plan-mic-2018": { kind: "plan", plan: samplePlan("mic-2018") },
  "plan-lao-cai-2026": { kind: "plan", plan: samplePlan("lao-cai-2026") },
  "plan-xa-bao-thang-2026": { kind: "plan", plan: samplePlan("xa-bao-thang-2026") },
  "report-mic-2018": report("mic-2018"),
  "report-lao-cai-2026": report("lao-cai-2026"),
};

let dir = "";
const pages = new Map<string, Array<{ words: Word[] }>>();

function popplerPages(file: string): Array<{ words: Word[] }> {
  return pdfPageWords(file).map((page) => ({
    words: page.words.map((w) => ({ ...w, text: w.text.normalize("NFC") })),
  }));
}

beforeAll(async () => {
  const soffice = requireTool("libreoffice-writer");
  requireTool("poppler");
  dir = await mkdtemp(join(tmpdir(), "cchc-docx-lo-"));
  const paths: string[] = [];
  for (const [name, request] of Object.entries(FILES)) {
    const path = join(dir, `${name}.docx`);
    await writeFile(path, (await exportDocx(request, ISSUED)).bytes);
    paths.push(path);
  }
  await run(
    soffice,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      ...paths,
    ],
    { timeout: 240_000 },
  );
  for (const f of await readdir(dir))
    if (f.endsWith(".pdf")) pages.set(f.replace(/\.pdf$/, ""), popplerPages(join(dir, f)));
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const text = (name: string) =>
  (pages.get(name) ?? []).map((p) => p.words.map((w) => w.text).join(" ")).join(" ");

describe("DOCX in LibreOffice Writer, measured by poppler", () => {
  it.each(Object.keys(FILES))("%s: every word between the margins", (name) => {
    const doc = pages.get(name);
    expect(doc?.length ?? 0).toBeGreaterThan(0);
    for (const [n, page] of (doc ?? []).entries())
      for (const w of page.words) {
        const where = `${name} page ${n + 1} "${w.text}" ${(w.xMin / PT).toFixed(2)}–${(w.xMax / PT).toFixed(2)} mm`;
        expect(w.xMin, where).toBeGreaterThanOrEqual(marginsMm.left * PT - EPS);
        expect(w.xMax, where).toBeLessThanOrEqual((pageMm.width - marginsMm.right) * PT + EPS);
      }
    const nam = doc?.[0]?.words.filter((w) => w.text === "NAM" && w.yMin < 45 * PT) ?? [];
    expect(nam).toHaveLength(1);
    expect((nam[0]?.xMax ?? 999) / PT).toBeLessThanOrEqual(195);
  });

  it("the report has Kính gửi and Đơn vị tính; the plan its budget table and the trích yếu in lower case", () => {
    expect(text("report-mic-2018")).toMatch(/Kính gửi: Bộ Nội vụ\..*I\. KẾT QUẢ THỰC HIỆN/);
    expect(text("report-mic-2018")).toMatch(/- Như trên; - Lưu: VT, TCCB\./);
    expect(text("report-lao-cai-2026")).toContain("Đơn vị tính");
    const plan = text("plan-lao-cai-2026");
    expect(plan).toMatch(/Kinh phí triển khai.*Kinh phí \(đồng\).*120\.000\.000.*Tổng cộng/);
    expect(plan).toContain("Tuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh Lào Cai");
  });
});
