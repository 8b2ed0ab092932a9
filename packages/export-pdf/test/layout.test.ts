/**
 * Issue 18, measured in the produced files: every word poppler finds (the header's "VIỆT NAM"
 * included) lies between the left margin (30 mm) and the right margin (195 mm); no heading is
 * left alone at the foot of a page (keep-with-next, as the DOCX); the report's "Kính gửi:" and
 * the plan's budget table are on the page.
 */
import {
  buildPeriodReport,
  DECREE30_LAYOUT,
  type ExportOptions,
  type ExportRequest,
  officialDocument,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  type SamplePlanName,
  samplePlan,
  sampleTracking,
  scorePlan,
} from "@cchc/core";
import { describe, expect, it } from "vitest";
import { exportPdf } from "../src/index.js";
import { popplerWords, readPdf } from "./pdfReader.js";

const PT = 72 / 25.4;
const { marginsMm, pageMm } = DECREE30_LAYOUT;
/** Poppler rounds its boxes to 1/1000 pt or so; allow a hundredth of a millimetre. */
const EPS = 0.01 * PT;
const ISSUED: ExportOptions = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
};

function requests(name: SamplePlanName): Record<string, ExportRequest> {
  const plan = samplePlan(name);
  const t = sampleTracking(name);
  const activities = t?.activities ?? [];
  const records = t?.records ?? [];
  const report = buildPeriodReport({ plan, activities, records, periodId: `${plan.year}Q2` });
  if (!report) throw new Error("no Q2");
  const sheet = scorePlan(
    { plan, activities, records, reports: t?.reports ?? [] },
    { scheme: PAR_COMMUNICATION_PRESET },
  );
  return {
    plan: { kind: "plan", plan },
    report: { kind: "period-report", report },
    score: { kind: "score-sheet", plan, sheet },
  };
}

describe("PDF: every word inside the margins, measured by poppler", () => {
  for (const name of ["mic-2018", "lao-cai-2026", "xa-bao-thang-2026"] as const)
    it(`${name}: plan, period report and score sheet`, async () => {
      for (const [kind, request] of Object.entries(requests(name))) {
        const file = await exportPdf(request, ISSUED);
        const pages = popplerWords(file.bytes);
        expect(pages.length).toBeGreaterThan(0);
        for (const [n, page] of pages.entries()) {
          expect(page.width).toBeCloseTo(pageMm.width * PT, 0);
          for (const w of page.words) {
            const where = `${name} ${kind} page ${n + 1} "${w.text}" ${(w.xMin / PT).toFixed(2)}–${(w.xMax / PT).toFixed(2)} mm`;
            expect(w.xMin, where).toBeGreaterThanOrEqual(marginsMm.left * PT - EPS);
            expect(w.xMax, where).toBeLessThanOrEqual((pageMm.width - marginsMm.right) * PT + EPS);
          }
        }
        // The national title is on the first page, its last word inside the right margin.
        const nam = pages[0]?.words.filter((w) => w.text === "NAM" && w.yMin < 40 * PT) ?? [];
        expect(nam.length).toBe(1);
        expect((nam[0]?.xMax ?? 999) / PT).toBeLessThanOrEqual(195 + 0.01);
      }
    }, 120_000);
});

const collapse = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pages = await readPdf(bytes);
  return pages.map((p) => collapse(p.items.map((i) => i.str).join(" ")));
}

/** The plan with `extra` words added to its first objective: moves everything after it down. */
function padded(extra: number): Plan {
  const plan = samplePlan("mic-2018");
  const words = Array.from({ length: extra }, (_, i) => (i % 2 === 0 ? "tuyên" : "truyền"));
  const first = plan.objectives[0];
  if (first) plan.objectives[0] = { ...first, text: `${first.text} ${words.join(" ")}`.trim() };
  return plan;
}

describe("PDF: a heading stays with what follows it", () => {
  it("wherever the page ends, no section or subsection heading is the last line of a page", async () => {
    let checked = 0;
    // Twelve words are about one line at 14 pt: 40 plans move the headings through a whole page.
    for (let extra = 0; extra < 480; extra += 12) {
      const plan = padded(extra);
      const doc = officialDocument({ kind: "plan", plan }, ISSUED);
      const file = await exportPdf({ kind: "plan", plan }, ISSUED);
      const pages = await pageTexts(file.bytes);
      for (const [i, b] of doc.body.entries()) {
        if (b.type !== "section" && b.type !== "subsection") continue;
        const next = doc.body[i + 1];
        if (next === undefined || next.type === "table") continue;
        const heading = collapse(
          `${b.label} ${b.type === "section" ? b.text.toLocaleUpperCase("vi") : b.text}`,
        );
        const nextText =
          next.type === "paragraph"
            ? next.text
            : next.type === "dash"
              ? `- ${next.text}`
              : `${next.label} ${next.text}`;
        const start = collapse(nextText).split(" ").slice(0, 3).join(" ");
        const at = pages.findIndex((t) => t.includes(heading));
        expect(at, `"${heading}" (+${extra} words)`).toBeGreaterThanOrEqual(0);
        const page = pages[at] ?? "";
        expect(
          page.indexOf(start, page.indexOf(heading)),
          `"${heading}" then "${start}" (+${extra} words)`,
        ).toBeGreaterThan(0);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  }, 300_000);

  it("a report's 'II. ĐÁNH GIÁ CHUNG' is on the page of the paragraph under it, however long the table", async () => {
    const plan = samplePlan("lao-cai-2026");
    const t = sampleTracking("lao-cai-2026");
    const all = t?.activities ?? [];
    for (let n = 1; n <= all.length; n++) {
      const report = buildPeriodReport({
        plan,
        activities: all.slice(0, n),
        records: t?.records ?? [],
        periodId: "2026Q2",
      });
      if (!report) throw new Error("no Q2");
      const file = await exportPdf({ kind: "period-report", report }, ISSUED);
      const pages = await pageTexts(file.bytes);
      const at = pages.findIndex((p) => p.includes("II. ĐÁNH GIÁ CHUNG"));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(pages[at]).toMatch(/II\. ĐÁNH GIÁ CHUNG.*Kinh phí đã sử dụng trong kỳ/);
    }
  }, 300_000);
});

describe("PDF: what the document model adds is drawn", () => {
  it("the report's Kính gửi under its summary, the plan's budget table under Kinh phí", async () => {
    const { report, plan } = requests("lao-cai-2026");
    const r = await pageTexts((await exportPdf(report as ExportRequest, ISSUED)).bytes);
    expect(r[0]).toMatch(
      /Kết quả thực hiện công tác tuyên truyền.*Kính gửi: Bộ Nội vụ\..*I\. KẾT QUẢ THỰC HIỆN/,
    );
    expect(r[0]).toContain("Đơn vị tính");
    expect(r.join(" ")).toMatch(/- Như trên; - Lưu: VT, NC\./);
    const p = (await pageTexts((await exportPdf(plan as ExportRequest, ISSUED)).bytes)).join(" ");
    expect(p).toMatch(/Kinh phí triển khai.*STT Nội dung Nguồn kinh phí Đơn vị thực hiện Kinh phí \(đồng\)/);
    expect(p).toContain("120.000.000");
    expect(p).toContain("Tổng cộng");
    expect(p).toContain("Tuyên truyền cải cách hành chính năm 2026 trên địa bàn tỉnh Lào Cai");
  }, 60_000);
});
