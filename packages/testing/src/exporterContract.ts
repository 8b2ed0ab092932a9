/**
 * The contract every exporter runs (ours: Markdown, HTML, DOCX, PDF, XLSX, iCalendar; and any
 * third party's): each document kind it claims exports to non-empty bytes with its media type and
 * a safe file name; missing header fields come back as warnings; hostile and very large input
 * never breaks the file; a kind it does not support fails with `ExportError`, never a throw.
 */
import {
  type Activity,
  buildPeriodReport,
  type ExportedFile,
  type ExporterService,
  type ExportKind,
  type ExportOptions,
  type ExportRequest,
  type ManualScore,
  PAR_COMMUNICATION_PRESET,
  type Plan,
  planCalendar,
  type ScoreSheet,
  samplePlan,
  scorePlan,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Exit from "effect/Exit";
import { describe, expect, it } from "vitest";
import { generateDataset } from "./generate.js";

/** Options of `runExporterContract`. */
export interface ExporterContractOptions {
  /**
   * Reads the text a person would see back out of the bytes with an independent tool (a DOCX or
   * PDF parser, a spreadsheet reader…). When given, the suite checks that Vietnamese text arrives
   * intact.
   */
  readonly extractText?: (file: ExportedFile) => Promise<string> | string;
  /**
   * Texts a person must find in each kind's export, replacing the suite's defaults for that kind
   * (the plan's prose for `plan`, a period label for `calendar`). A format that carries only part
   * of a document — an iCalendar file holds a plan's deadlines, not its prose — says here what it
   * does carry.
   */
  readonly expectedText?: Partial<Record<ExportKind, readonly string[]>>;
  /** Time budget per export in the large-input case (default 60 s). */
  readonly timeoutMs?: number;
}

const ALL_KINDS: readonly ExportKind[] = ["plan", "period-report", "score-sheet", "calendar"];

/** What a person reads in each kind's export of `contractRequests()`, unless the exporter says otherwise. */
const DEFAULT_EXPECTED_TEXT: Partial<Record<ExportKind, readonly string[]>> = {
  plan: ["Vụ Tổ chức cán bộ", "Cải cách thể chế", "Lưu: VT, TCCB (50b)", "Đảng"],
  calendar: ["Quý I năm 2018"],
};

/** Requests of every kind built from a small generated dataset and the mic-2018 sample. */
export function contractRequests(plan: Plan = samplePlan("mic-2018")): Record<ExportKind, ExportRequest> {
  const data = generateDataset({ size: "small", seed: 11 });
  const activities = [...data.activities()];
  const records = [...data.records()];
  const reports = [...data.reports()];
  const report = buildPeriodReport({ plan: data.plan, activities, records, periodId: `${data.plan.year}Q1` });
  if (!report) throw new Error("contract fixture: no 2018Q1 period in the generated plan");
  const sheet = scorePlan(
    { plan: data.plan, activities, records, reports },
    { scheme: PAR_COMMUNICATION_PRESET },
  );
  return {
    plan: { kind: "plan", plan },
    "period-report": { kind: "period-report", report },
    "score-sheet": { kind: "score-sheet", plan: data.plan, sheet },
    calendar: { kind: "calendar", plan, periods: planCalendar(plan) },
  };
}

/**
 * An appraised manual entry of the mic-2018 sample: self-assessed 0.5, appraised 0.3 by the lead's
 * decision of the closed 2018 round, so every exporter's score sheet test shows the same two points.
 */
export const appraisedManualScore: ManualScore = {
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
};

/** The mic-2018 sample scored with `appraisedManualScore`: a score sheet with self-assessed and appraised points. */
export function appraisedScoreSheet(): { readonly plan: Plan; readonly sheet: ScoreSheet } {
  const plan = samplePlan("mic-2018");
  const sheet = scorePlan(
    { plan, activities: [], records: [], reports: [] },
    { scheme: PAR_COMMUNICATION_PRESET, manualScores: [appraisedManualScore] },
  );
  return { plan, sheet };
}

const run = (e: Effect.Effect<ExportedFile, unknown>) => Effect.runPromiseExit(e);

/** A plan whose text is as hostile as real documents get: markup characters, control characters, 500 units, long text. */
export function hostilePlan(): Plan {
  const base = samplePlan("mic-2018");
  const nasty = `<b>&amp;</b> "trích dẫn" 'nháy' =SUM(A1) +1 -2 @x \u0001\u0007\u001f ${"Rất dài ".repeat(2000)}`;
  const units = Array.from({ length: 500 }, (_, i) => ({
    id: `don-vi-${i}`,
    name: `Đơn vị số ${i} <${i}> & "${i}"`,
    kind: "division",
  }));
  return {
    ...base,
    title: `${base.title} ${nasty.slice(0, 300)}`,
    objectives: [...base.objectives, { id: "x.1", text: nasty }],
    units: [...base.units, ...units],
    // A clause naming all 500 units, so the document really carries them (long lists span pages).
    responsibilities: [
      ...base.responsibilities,
      {
        id: "III.1.e",
        unitIds: units.map((u) => u.id),
        roles: ["implement"],
        text: `Các đơn vị sau có trách nhiệm thực hiện: ${nasty.slice(0, 200)}`,
        duties: units.map((u) => `${u.name}: tổ chức tuyên truyền tại đơn vị mình.`),
        contentAreaIds: [],
        channelIds: [],
      },
    ],
    recipients: [{ text: "Bộ Nội vụ <script>alert(1)</script>" }, ...base.recipients],
  };
}

/**
 * One activity per hostile unit of `hostilePlan()`, titled like a formula and laced with markup
 * and control characters, half placed by dates and half by reporting period, so formats that list
 * activities (spreadsheets, calendars) carry all 500 units too.
 */
export function hostileActivities(plan: Plan = hostilePlan()): Activity[] {
  const channelId = plan.channels[0]?.id ?? "II.2.a";
  const contentAreaId = plan.contentAreas[0]?.id ?? "II.1.a";
  return plan.units
    .filter((u) => u.id.startsWith("don-vi-"))
    .map((u, i) => ({
      id: `hd-${i}`,
      unitId: u.id,
      channelId,
      contentAreaIds: [contentAreaId],
      title: `=HYPERLINK("http://x.invalid";"bấm") <i>&amp;</i> "hoạt động ${i}" \u0007; a,b\\c`,
      ...(i % 2 === 0
        ? { from: `${plan.year}-03-01`, to: `${plan.year}-05-31` }
        : { periodId: `${plan.year}Q2` }),
      target: { value: i + 1, unit: "article" },
      plannedCostVnd: (i + 1) * 1_000_000,
    }));
}

/** Registers the exporter contract tests for one exporter. */
export function runExporterContract(
  name: string,
  exporter: ExporterService,
  options: ExporterContractOptions = {},
): void {
  const requests = contractRequests();
  const fullOptions: ExportOptions = {
    number: "12/KH-BTTTT",
    place: "Hà Nội",
    date: "2018-03-05",
    signer: { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" },
  };

  describe(`exporter contract: ${name}`, () => {
    it("declares a format, a media type, an extension and the kinds it exports", () => {
      expect(exporter.format).toMatch(/^[a-z0-9]+$/);
      expect(exporter.mediaType).toMatch(/^[a-z]+\/[\w.+-]+/);
      expect(exporter.extension).toMatch(/^[a-z0-9]+$/);
      expect(exporter.kinds.length).toBeGreaterThan(0);
    });

    for (const kind of ALL_KINDS) {
      it(`${kind}: exports bytes with the media type and a safe file name, or fails with ExportError`, async () => {
        const exit = await run(exporter.export(requests[kind], fullOptions));
        if (!exporter.kinds.includes(kind)) {
          expect(Exit.isFailure(exit)).toBe(true);
          if (Exit.isFailure(exit)) expect(String(exit.cause)).toContain("ExportError");
          return;
        }
        if (!Exit.isSuccess(exit)) throw new Error(`export failed: ${String(exit.cause)}`);
        const file = exit.value;
        expect(file.bytes).toBeInstanceOf(Uint8Array);
        expect(file.bytes.length).toBeGreaterThan(0);
        expect(file.mediaType).toBe(exporter.mediaType);
        expect(file.fileName).toMatch(new RegExp(`^[A-Za-z0-9._-]+\\.${exporter.extension}$`));
        if (options.extractText) {
          const text = (await options.extractText(file)).normalize("NFC");
          for (const needle of options.expectedText?.[kind] ?? DEFAULT_EXPECTED_TEXT[kind] ?? [])
            expect(text).toContain(needle);
        }
      });
    }

    it("reports missing header fields as warnings and still exports", async () => {
      const kind = exporter.kinds[0] ?? "plan";
      const exit = await run(exporter.export(requests[kind], {}));
      if (!Exit.isSuccess(exit)) throw new Error(`export failed: ${String(exit.cause)}`);
      if (kind === "plan" || kind === "period-report" || kind === "score-sheet" || kind === "calendar") {
        const codes = exit.value.warnings.map((w) => w.code);
        if (exporter.format !== "ics" && exporter.format !== "xlsx")
          expect(codes).toContain("export.number-missing");
        for (const w of exit.value.warnings as ExportedFile["warnings"]) {
          expect(w.message.vi.length).toBeGreaterThan(0);
          expect(w.message.en.length).toBeGreaterThan(0);
        }
      }
    });

    it(
      "exports hostile text, 500 units and long paragraphs without breaking",
      async () => {
        const plan = hostilePlan();
        const activities = hostileActivities(plan);
        for (const kind of exporter.kinds) {
          const request: ExportRequest =
            kind === "plan"
              ? { kind: "plan", plan, activities }
              : kind === "calendar"
                ? { kind: "calendar", plan, periods: planCalendar(plan), activities }
                : requests[kind];
          const exit = await run(exporter.export(request, fullOptions));
          if (!Exit.isSuccess(exit)) throw new Error(`${kind}: export failed: ${String(exit.cause)}`);
          expect(exit.value.bytes.length).toBeGreaterThan(0);
          for (const w of exit.value.warnings) {
            expect(w.code).toMatch(/^[a-z][a-z0-9.-]*$/);
            expect(w.message.vi.length).toBeGreaterThan(0);
            expect(w.message.en.length).toBeGreaterThan(0);
          }
          if (options.extractText && kind === "plan") {
            const text = await options.extractText(exit.value);
            expect(text).toContain("Đơn vị số 499");
          }
        }
      },
      options.timeoutMs ?? 60_000,
    );
  });
}
