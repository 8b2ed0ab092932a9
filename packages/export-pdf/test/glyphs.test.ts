/**
 * Characters the embedded font has no glyph for (emoji, CJK, Thai, Arabic) and a string with no
 * break opportunity: each is drawn in a fallback font or shown as "\uFFFD" and reported, and every
 * word poppler finds in the file stays inside the margins (the header inside its columns, which
 * since issue 18 stay inside the margins too: `headerColumnsMm.outsetMm` is 0).
 */
import {
  buildPeriodReport,
  DECREE30_LAYOUT,
  type ExportedFile,
  type ExportOptions,
  type Finding,
  officialDocument,
  type Plan,
  recipientLines,
  samplePlan,
} from "@cchc/core";
import { generateDataset } from "@cchc/testing";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { exportPdf, makePdfExporter, notoFallbackFontPaths, tinosFontPaths } from "../src/index.js";
import { flatText, fontsOf, popplerWords, readPdf } from "./pdfReader.js";

const PT = 72 / 25.4;
const { marginsMm, headerColumnsMm } = DECREE30_LAYOUT;
const LEFT = marginsMm.left * PT;
const HEADER_LEFT = (marginsMm.left - headerColumnsMm.outsetMm) * PT;
const HEADER_RIGHT = HEADER_LEFT + (headerColumnsMm.left + headerColumnsMm.right) * PT;
/** Rounding of poppler's coordinates (6 decimals) and of pdfkit's (2). */
const EPS = 0.01;

const EMOJI = "🎉👍🏽🇻🇳";
const CJK = "中文汉字测试";
const THAI = "ภาษาไทยทดสอบการตัดบรรทัด";
const ARABIC = "اللغة العربية اختبار";
/** Mixed scripts, then strings a line cannot break in: Latin, CJK and Thai runs. */
const MIXED = `Tuyên truyền ${EMOJI} ${CJK} ${THAI} ${ARABIC} cải cách hành chính`;
const UNBREAKABLE = `Đường-dẫn:${"x".repeat(260)}`;
const LONG_RUNS = `${"中".repeat(90)} ${"ก".repeat(140)}`;

const ISSUED: ExportOptions = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: `Nguyễn Văn A ${EMOJI}` },
};

function scriptPlan(): Plan {
  const base = samplePlan("mic-2018");
  return {
    ...base,
    issuer: { ...base.issuer, name: `${base.issuer.name} ${THAI}` },
    title: `${base.title} ${MIXED}`,
    objectives: [
      ...base.objectives,
      { id: "x.1", text: `${MIXED} ${UNBREAKABLE}` },
      { id: "x.2", text: `${LONG_RUNS} ${MIXED}` },
    ],
    contentAreas: base.contentAreas.map((c, i) => (i === 0 ? { ...c, text: `${c.text} ${MIXED}` } : c)),
    units: base.units.map((u) => ({ ...u, name: `${u.name} ${EMOJI} ${ARABIC} ${CJK}` })),
  };
}

/** Every word poppler finds, checked against the box it must stay in. */
function expectInsideMargins(bytes: Uint8Array): { words: number; reachingRight: number } {
  const pages = popplerWords(bytes);
  let words = 0;
  let reachingRight = 0;
  for (const [n, page] of pages.entries()) {
    const right = page.width - marginsMm.right * PT;
    // The header rows sit above the document title (the first bold 14 pt line, "KẾ HOẠCH"…).
    const titleTop =
      n === 0
        ? (page.words.find((w) => w.text === "KẾ" || w.text === "BÁO" || w.text === "BẢNG")?.yMin ?? 0)
        : 0;
    for (const w of page.words) {
      words++;
      const header = n === 0 && w.yMax <= titleTop + EPS;
      const pageNumber = n > 0 && w.yMax < marginsMm.top * PT;
      const [min, max] = header || pageNumber ? [HEADER_LEFT, HEADER_RIGHT] : [LEFT, right];
      expect(w.xMin, `page ${n + 1}: "${w.text}" starts before the margin`).toBeGreaterThanOrEqual(min - EPS);
      expect(w.xMax, `page ${n + 1}: "${w.text}" ends past the margin`).toBeLessThanOrEqual(max + EPS);
      if (!header && w.xMax > right - 1) reachingRight++;
    }
  }
  return { words, reachingRight };
}

const warning = (file: ExportedFile, code: string): Finding => {
  const found = file.warnings.find((w) => w.code === code);
  if (found === undefined) throw new Error(`no ${code} warning among ${file.warnings.map((w) => w.code)}`);
  return found;
};

/** The number of characters a warning says it concerns. */
const countIn = (f: Finding) => Number(/(\d+) ký tự/.exec(f.message.vi)?.[1]);

/** CJK ideographs in what the PDF draws of the document (header, body, tables, recipients, signer). */
function cjkDrawn(doc: ReturnType<typeof officialDocument>): number {
  const texts = [
    doc.issuer,
    doc.documentTitle,
    doc.summary,
    ...recipientLines(doc.recipients),
    doc.signer?.name ?? "",
    ...doc.body.flatMap((b) =>
      b.type === "table"
        ? [...b.columns.map((c) => c.header), ...b.rows.flat().map((v) => String(v ?? ""))]
        : [`${"label" in b ? b.label : ""} ${b.text}`],
    ),
  ];
  return texts.join("").match(/\p{Script=Han}/gu)?.length ?? 0;
}

describe("PDF: characters the embedded font lacks", () => {
  it("draws Thai, Arabic and emoji in fallback fonts, shows CJK as \uFFFD, and says so", async () => {
    const request = { kind: "plan", plan: scriptPlan() } as const;
    const file = await exportPdf(request, ISSUED);

    const missing = warning(file, "pdf.glyphs-missing");
    expect(missing.severity).toBe("warning");
    expect(missing.path.length).toBeGreaterThan(0);
    for (const text of [missing.message.vi, missing.message.en]) {
      for (const c of CJK) expect(text).toContain(c);
      expect(text).toContain("U+4E2D");
      expect(text).not.toContain("U+0E20"); // Thai has a font
    }
    expect(countIn(missing)).toBe(cjkDrawn(officialDocument(request, ISSUED)));
    expect(missing.message.en).toContain(`Han: ${countIn(missing)} (中 U+4E2D`);

    const fallback = warning(file, "pdf.font-fallback");
    for (const code of ["U+0E20", "U+0627", "U+1F389"]) {
      expect(fallback.message.vi).toContain(code);
      expect(fallback.message.en).toContain(code);
    }
    expect(countIn(fallback)).toBeGreaterThan(THAI.length);

    // What a reader copying the text gets: the scripts that have a font, placeholders for CJK.
    const text = flatText(await readPdf(file.bytes));
    expect(text).toContain("ภาษาไทยทดสอบ");
    expect(text).toContain("🎉");
    // Arabic comes out in visual order (PDF keeps glyphs as drawn), letter by letter through
    // poppler; letters that share a glyph shape in the font (ع and غ, ب and ت) read back as one of them.
    const words = popplerWords(file.bytes)
      .flatMap((p) => p.words.map((w) => w.text))
      .join(" ");
    for (const c of "البرخي") expect(words).toContain(c);
    expect(text).toContain("\uFFFD".repeat(CJK.length));
    expect(text).not.toMatch(/\p{Script=Han}/u);
    expect(text).toContain("Nguyễn Văn A");

    const faces = fontsOf(file.bytes).baseFonts.map((f) => f.replace(/^[A-Z]{6}\+/, ""));
    expect(faces).toEqual(expect.arrayContaining(["NotoSansThai-Regular", "NotoNaskhArabic-Regular"]));
    expect(faces.some((f) => f.startsWith("NotoEmoji"))).toBe(true);
  });

  it("keeps every word of the plan inside the margins, long unbreakable strings included", async () => {
    const file = await exportPdf({ kind: "plan", plan: scriptPlan() }, ISSUED);
    const { words, reachingRight } = expectInsideMargins(file.bytes);
    expect(words).toBeGreaterThan(500);
    // Justified lines and the cut strings do reach the right margin: the check is not vacuous.
    expect(reachingRight).toBeGreaterThan(20);
    const pages = popplerWords(file.bytes);
    // The 260 x's, cut over lines, every one of them drawn.
    const xs = pages.flatMap((p) => p.words).filter((w) => /x{20,}/.test(w.text));
    expect(xs.length).toBeGreaterThanOrEqual(2);
    expect(xs.map((w) => /x+$/.exec(w.text)?.[0].length ?? 0).reduce((a, b) => a + b, 0)).toBe(260);
  });

  it("keeps table cells with such unit names inside the margins (period report)", async () => {
    const data = generateDataset({ size: "small", seed: 11 });
    const plan = {
      ...data.plan,
      units: data.plan.units.map((u) => ({ ...u, name: `${u.name} ${EMOJI} ${CJK} ${THAI} ${UNBREAKABLE}` })),
    };
    const report = buildPeriodReport({
      plan,
      activities: [...data.activities()],
      records: data.records(),
      periodId: `${plan.year}Q1`,
    });
    if (!report) throw new Error("no report");
    const file = await exportPdf({ kind: "period-report", report }, {});
    expect(file.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["pdf.glyphs-missing", "pdf.font-fallback"]),
    );
    const { words } = expectInsideMargins(file.bytes);
    expect(words).toBeGreaterThan(200);
  });

  it("with no fallback fonts, shows every such character as \uFFFD, reported, inside the margins", async () => {
    const exporter = makePdfExporter({ fonts: { ...tinosFontPaths(), fallbacks: [] } });
    const file = await Effect.runPromise(exporter.export({ kind: "plan", plan: scriptPlan() }, ISSUED));
    const missing = warning(file, "pdf.glyphs-missing");
    for (const code of ["U+4E2D", "U+0E20", "U+0627", "U+1F389"]) expect(missing.message.en).toContain(code);
    expect(file.warnings.map((w) => w.code)).not.toContain("pdf.font-fallback");
    const faces = new Set(fontsOf(file.bytes).baseFonts.map((f) => f.replace(/^[A-Z]{6}\+/, "")));
    expect(faces).toEqual(new Set(["Tinos-Regular", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"]));
    expectInsideMargins(file.bytes);
  });

  it("tries the fallback fonts a caller gives, in order", async () => {
    const thaiOnly = makePdfExporter({
      fonts: {
        ...tinosFontPaths(),
        // Tried in order after the four Tinos faces; a CJK font (Noto Sans SC…) goes here too.
        fallbacks: notoFallbackFontPaths().slice(0, 1),
      },
    });
    const file = await Effect.runPromise(thaiOnly.export({ kind: "plan", plan: scriptPlan() }, ISSUED));
    expect(warning(file, "pdf.font-fallback").message.en).toContain("Thai: ");
    const missing = warning(file, "pdf.glyphs-missing").message.en;
    for (const script of ["Han: ", "Arabic: ", "emoji: "]) expect(missing).toContain(script);
    expect(missing).not.toContain("Thai: ");
    expectInsideMargins(file.bytes);
  });
});
