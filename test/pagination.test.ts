/**
 * Issue 18: the built-in PDF paginates close to the DOCX as LibreOffice Writer lays it out, and in
 * both a heading is never the last line of a page (keep-with-next). The DOCX goes through
 * LibreOffice to PDF, both PDFs through poppler (`pdftotext -bbox`): measured, not intended.
 * Needs LibreOffice Writer and poppler-utils, and fails naming them when they are missing.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  buildPeriodReport,
  type ExportOptions,
  type ExportRequest,
  officialDocument,
  type SamplePlanName,
  samplePlan,
  sampleTracking,
} from "@cchc/core";
import { exportDocx } from "@cchc/export-docx";
import { makePdfExporter } from "@cchc/export-pdf";
import { pdfPageWords, requireTool } from "@cchc/testing/tools";
import * as Effect from "effect/Effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ISSUED: ExportOptions = {
  number: "12/KH-BTTTT",
  place: "Hà Nội",
  date: "2018-03-05",
  signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
};

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

const CASES: Record<string, ExportRequest> = {
  "plan-mic-2018": { kind: "plan", plan: samplePlan("mic-2018") },
  "plan-lao-cai-2026": { kind: "plan", plan: samplePlan("lao-cai-2026") },
  "plan-xa-bao-thang-2026": { kind: "plan", plan: samplePlan("xa-bao-thang-2026") },
  "report-lao-cai-2026": report("lao-cai-2026"),
};

/** Each page's words in reading order, joined by spaces. */
function pageTexts(file: string): string[] {
  return pdfPageWords(file).map((page) =>
    page.words
      .map((w) => w.text)
      .join(" ")
      .normalize("NFC"),
  );
}

let dir = "";
const libre = new Map<string, string[]>();
const builtIn = new Map<string, string[]>();

beforeAll(async () => {
  const soffice = requireTool("libreoffice-writer");
  requireTool("poppler");
  dir = await mkdtemp(join(tmpdir(), "cchc-pages-"));
  const docx: string[] = [];
  for (const [name, request] of Object.entries(CASES)) {
    const d = join(dir, `${name}.docx`);
    await writeFile(d, (await exportDocx(request, ISSUED)).bytes);
    docx.push(d);
    const p = join(dir, `${name}.builtin.pdf`);
    // A fresh exporter per document: one shared across documents reuses shaped words whose text
    // poppler then reads wrongly ("th o" for a bold "theo"; drawn right), reported separately.
    await writeFile(p, (await Effect.runPromise(makePdfExporter().export(request, ISSUED))).bytes);
    builtIn.set(name, pageTexts(p));
  }
  const out = join(dir, "lo");
  await run(
    soffice,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${join(dir, "profile")}`,
      "--convert-to",
      "pdf",
      "--outdir",
      out,
      ...docx,
    ],
    { timeout: 240_000 },
  );
  for (const f of await readdir(out)) libre.set(f.replace(/\.pdf$/, ""), pageTexts(join(out, f)));
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("pagination: the built-in PDF and the DOCX in LibreOffice", () => {
  it.each(Object.keys(CASES))("%s: the same number of pages, give or take one", (name) => {
    const a = builtIn.get(name)?.length ?? 0;
    const b = libre.get(name)?.length ?? 0;
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(Math.abs(a - b), `${name}: PDF ${a} pages, DOCX in LibreOffice ${b}`).toBeLessThanOrEqual(1);
  });

  it.each(Object.keys(CASES))("%s: in both, every heading shares its page with the text under it", (name) => {
    const request = CASES[name] as ExportRequest;
    const doc = officialDocument(request, ISSUED);
    for (const [label, pages] of [
      ["PDF", builtIn.get(name) ?? []],
      ["LibreOffice", libre.get(name) ?? []],
    ] as const)
      for (const [i, b] of doc.body.entries()) {
        if (b.type !== "section" && b.type !== "subsection") continue;
        const next = doc.body[i + 1];
        if (next === undefined) continue;
        const heading = `${b.label} ${b.type === "section" ? b.text.toLocaleUpperCase("vi") : b.text}`;
        const nextStart =
          next.type === "table"
            ? (next.columns[0]?.header ?? "")
            : next.type === "paragraph"
              ? next.text
              : next.type === "dash"
                ? `- ${next.text}`
                : `${next.label} ${next.text}`;
        const first = nextStart.split(" ").slice(0, 3).join(" ");
        const page = pages.find((t) => t.includes(heading));
        expect(page, `${label} ${name}: "${heading}"`).toBeDefined();
        expect(
          (page ?? "").indexOf(first, (page ?? "").indexOf(heading)),
          `${label} ${name}: "${heading}" then "${first}"`,
        ).toBeGreaterThan(0);
      }
  });
});
