/**
 * The PDF read back with an independent parser (PDF.js via unpdf): every Vietnamese character of
 * the sample plan intact, the font embedded, A4 pages, and the Decree 30 layout where a reader
 * sees it — header columns, number and date on one line, margins, page numbers from page 2,
 * recipients left and signature right.
 */
import {
  buildPeriodReport,
  Exporter,
  type ExportOptions,
  officialDocument,
  recipientLines,
  samplePlan,
} from "@cchc/core";
import { generateDataset } from "@cchc/testing";
import { hostilePlan, runExporterContract } from "@cchc/testing/contracts";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { exportPdf, makePdfExporter, PdfExporter, pdfExporter, tinosFontPaths } from "../src/index.js";
import { flatText, fontsOf, type PdfItem, type PdfPage, readPdf } from "./pdfReader.js";

const ISSUED: ExportOptions = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
};

const PT = 72 / 25.4;
const A4 = { width: 210 * PT, height: 297 * PT };
const LEFT = 30 * PT;
const RIGHT_EDGE = A4.width - 15 * PT;

const collapse = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();
const find = (page: PdfPage | undefined, str: string): PdfItem => {
  const item = page?.items.find((i) => i.str !== "" && collapse(i.str) === str);
  if (!item) throw new Error(`"${str}" not found on the page: ${page?.items.map((i) => i.str).join(" | ")}`);
  return item;
};
const centreOf = (i: PdfItem) => i.x + i.width / 2;

let samplePages: Promise<{ pages: PdfPage[]; bytes: Uint8Array }> | undefined;
function sample() {
  samplePages ??= exportPdf({ kind: "plan", plan: samplePlan("mic-2018") }, ISSUED).then(async (f) => ({
    pages: await readPdf(f.bytes),
    bytes: f.bytes,
  }));
  return samplePages;
}

runExporterContract("pdf", pdfExporter, { extractText: async (f) => flatText(await readPdf(f.bytes)) });

describe("PDF: text and font", () => {
  it("carries every line of the sample plan, every Vietnamese character intact", async () => {
    const { pages } = await sample();
    const text = flatText(pages);
    const doc = officialDocument({ kind: "plan", plan: samplePlan("mic-2018") }, ISSUED);
    const expected = [
      doc.issuer.toLocaleUpperCase("vi"),
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      doc.numberLine,
      doc.placeDate,
      doc.documentTitle,
      doc.summary,
      ...doc.body.map((b) =>
        b.type === "table"
          ? ""
          : b.type === "dash"
            ? `- ${b.text}`
            : b.type === "paragraph"
              ? b.text
              : `${b.label} ${b.type === "section" ? b.text.toLocaleUpperCase("vi") : b.text}`,
      ),
      "Nơi nhận:",
      ...recipientLines(doc.recipients),
      "KT. BỘ TRƯỞNG",
      "THỨ TRƯỞNG",
      "Nguyễn Văn A",
    ].filter((s) => s !== "");
    // Lines may wrap after a slash or hyphen, so compare with white space removed: every
    // character, in order.
    const dense = flatText(pages, { bodyOnly: true }).replace(/\s+/g, "");
    for (const line of expected) expect(dense).toContain(line.normalize("NFC").replace(/\s+/g, ""));
    const letters = new Set([...expected.join("")].filter((c) => c.charCodeAt(0) > 127));
    expect(letters.size).toBeGreaterThan(60);
    for (const c of letters) expect(text).toContain(c);
  });

  it("embeds the four Tinos faces (Times New Roman metrics) and no unembedded standard font", async () => {
    const { bytes } = await sample();
    const { baseFonts, embeddedPrograms } = fontsOf(bytes);
    const faces = baseFonts.map((f) => f.replace(/^[A-Z]{6}\+/, ""));
    expect(new Set(faces)).toEqual(
      new Set(["Tinos-Regular", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"]),
    );
    expect(embeddedPrograms).toBeGreaterThanOrEqual(4);
    expect(baseFonts.join(" ")).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it("is A4 portrait on every page", async () => {
    const { pages } = await sample();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(A4.width, 0);
      expect(p.height).toBeCloseTo(A4.height, 0);
    }
  });
});

describe("PDF: the Decree 30 layout as seen on the page", () => {
  it("sets the header in two columns with number and place/date on one line", async () => {
    const { pages } = await sample();
    const p1 = pages[0];
    // Inside the margins the ministry's name takes two lines beside the one-line national title.
    const issuer = find(p1, "BỘ THÔNG TIN");
    expect(find(p1, "VÀ TRUYỀN THÔNG").y).toBeLessThan(issuer.y);
    const title = find(p1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    const motto = find(p1, "Độc lập - Tự do - Hạnh phúc");
    const number = find(p1, "Số: 12/KH-BTTTT");
    const date = find(p1, "Hà Nội, ngày 05 tháng 3 năm 2018");
    expect(issuer.y).toBeCloseTo(title.y, 0);
    expect(centreOf(issuer)).toBeLessThan(A4.width / 2);
    expect(centreOf(title)).toBeGreaterThan(A4.width / 2);
    expect(centreOf(motto)).toBeCloseTo(centreOf(title), 0);
    expect(motto.y).toBeLessThan(title.y);
    expect(number.y).toBeCloseTo(date.y, 0);
    expect(centreOf(number)).toBeCloseTo(centreOf(issuer), 0);
    expect(centreOf(date)).toBeCloseTo(centreOf(motto), 0);
    expect([issuer.size, title.size]).toEqual([12, 12]);
    expect([motto.size, number.size, date.size]).toEqual([13, 13, 13]);
    // Title centred on the text area, under the header.
    const kh = find(p1, "KẾ HOẠCH");
    expect(centreOf(kh)).toBeCloseTo((LEFT + RIGHT_EDGE) / 2, 0);
    expect(kh.y).toBeLessThan(number.y);
    expect(kh.size).toBe(14);
  });

  it("keeps the body inside the margins at 14 pt with a first-line indent", async () => {
    const { pages } = await sample();
    for (const [n, page] of pages.entries()) {
      for (const item of page.items) {
        if (item.str === "") continue;
        if (item.y > A4.height - 20 * PT) continue; // the page number sits in the top margin
        if (n === 0 && item.y > A4.height - 60 * PT) continue; // the header reaches into the side margins
        expect(item.x, item.str).toBeGreaterThanOrEqual(LEFT - 0.5);
        expect(item.x + item.width, item.str).toBeLessThanOrEqual(RIGHT_EDGE + 0.5);
        expect(item.y, item.str).toBeGreaterThanOrEqual(20 * PT);
      }
    }
    const first = find(pages[0], "I. MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG TUYÊN TRUYỀN");
    expect(first.x - LEFT).toBeCloseTo(10 * PT, 0);
    expect(first.size).toBe(14);
  });

  it("numbers the pages centred at the top from page 2", async () => {
    const { pages } = await sample();
    const top = (p: PdfPage) => p.items.filter((i) => i.str !== "" && i.y > A4.height - 20 * PT);
    expect(top(pages[0] as PdfPage)).toEqual([]);
    for (const [n, page] of pages.entries()) {
      if (n === 0) continue;
      const numbers = top(page);
      expect(numbers.map((i) => i.str)).toEqual([String(n + 1)]);
      expect(centreOf(numbers[0] as PdfItem)).toBeCloseTo((LEFT + RIGHT_EDGE) / 2, 0);
    }
  });

  it("closes with recipients on the left and the signature centred on the right", async () => {
    const { pages } = await sample();
    const last = pages.at(-1);
    const label = find(last, "Nơi nhận:");
    const archive = find(last, "- Lưu: VT, TCCB (50b).");
    const authority = find(last, "KT. BỘ TRƯỞNG");
    const name = find(last, "Nguyễn Văn A");
    expect(label.x).toBeCloseTo(LEFT, 0);
    expect(label.size).toBe(12);
    expect(archive.size).toBe(11);
    expect(authority.y).toBeCloseTo(label.y, -1);
    expect(centreOf(authority)).toBeCloseTo(LEFT + (RIGHT_EDGE - LEFT) * 0.75, 0);
    expect(centreOf(name)).toBeCloseTo(centreOf(authority), 0);
    expect(authority.y - name.y).toBeGreaterThan(4 * 14);
  });
});

describe("PDF: other documents and bad input", () => {
  it("repeats the table header on every page a long report table spans", async () => {
    const data = generateDataset({ size: "medium", seed: 5 });
    const report = buildPeriodReport({
      plan: data.plan,
      activities: [...data.activities()],
      records: data.records(),
      periodId: "2018S1",
    });
    if (!report) throw new Error("no report");
    const pages = await readPdf((await exportPdf({ kind: "period-report", report }, {})).bytes);
    const withHeader = pages.filter((p) => p.items.some((i) => i.str === "STT"));
    expect(pages.length).toBeGreaterThan(3);
    // every page after the first table page carries the header row again (the last may hold only the closing)
    expect(withHeader.length).toBeGreaterThanOrEqual(pages.length - 2);
    const text = flatText(pages);
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain(collapse(report.rows.at(-1)?.title ?? "?"));
  });

  it("shows placeholders for a draft and reports what is missing", async () => {
    const file = await exportPdf({ kind: "plan", plan: samplePlan("mic-2018") }, {});
    const text = flatText(await readPdf(file.bytes));
    for (const s of [
      "Số: …/KH-BTTTT",
      "…, ngày … tháng … năm 2018",
      "QUYỀN HẠN, CHỨC VỤ CỦA NGƯỜI KÝ",
      "Họ và tên",
    ])
      expect(text).toContain(s);
    expect(file.warnings.map((w) => w.code).sort()).toEqual([
      "export.date-missing",
      "export.number-missing",
      "export.place-missing",
      "export.signer-missing",
    ]);
  });

  it("keeps markup characters as text, drops control characters (reported), carries 500 units", async () => {
    const file = await exportPdf({ kind: "plan", plan: hostilePlan() }, ISSUED);
    const pages = await readPdf(file.bytes);
    const text = flatText(pages);
    expect(text).toContain(`<b>&amp;</b> "trích dẫn" 'nháy'`);
    expect(text).toContain("- Bộ Nội vụ <script>alert(1)</script>;");
    expect(text).toContain(`Đơn vị số 499 <499> & "499": tổ chức tuyên truyền tại đơn vị mình.`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for control characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(file.warnings.map((w) => w.code)).toContain("export.control-characters-removed");
    expect(pages.length).toBeGreaterThan(20);
  });

  it("embeds fonts given by the caller and provides the Exporter service through its layer", async () => {
    const custom = makePdfExporter({ fonts: tinosFontPaths() });
    const program = Effect.gen(function* () {
      const exporter = yield* Exporter;
      return yield* exporter.export({ kind: "plan", plan: samplePlan("mic-2018") }, ISSUED);
    });
    const viaLayer = await Effect.runPromise(program.pipe(Effect.provide(PdfExporter.layer())));
    expect(viaLayer.mediaType).toBe("application/pdf");
    const viaCustom = await Effect.runPromise(
      custom.export({ kind: "plan", plan: samplePlan("mic-2018") }, ISSUED),
    );
    expect(flatText(await readPdf(viaCustom.bytes))).toContain("Nguyễn Văn A");
  });

  it("lays out alike with the shaped words remembered across documents", async () => {
    const exporter = makePdfExporter();
    const request = { kind: "plan", plan: samplePlan("mic-2018") } as const;
    const cold = await Effect.runPromise(exporter.export(request, ISSUED));
    const warm = await Effect.runPromise(exporter.export(request, ISSUED));
    const layout = async (bytes: Uint8Array) =>
      (await readPdf(bytes)).flatMap((p) =>
        p.items.map((i) => [i.str, i.x.toFixed(2), i.y.toFixed(2), i.width.toFixed(2)]),
      );
    expect(await layout(warm.bytes)).toEqual(await layout(cold.bytes));
  });

  it("fails with ExportError, not a throw, when a font cannot be read", async () => {
    const broken = makePdfExporter({
      fonts: {
        regular: "/nonexistent.ttf",
        bold: "/nonexistent.ttf",
        italic: "/x.ttf",
        boldItalic: "/x.ttf",
      },
    });
    const exit = await Effect.runPromiseExit(broken.export({ kind: "plan", plan: samplePlan("mic-2018") }));
    expect(exit._tag).toBe("Failure");
    expect(String(exit._tag === "Failure" ? exit.cause : "")).toContain("ExportError");
  });
});
