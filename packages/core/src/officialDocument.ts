/**
 * One layout model for every official document the library issues (the plan, a periodic report,
 * a score sheet, the reporting calendar), in the form Decree 30/2020/NĐ-CP prescribes: header with
 * the issuing body and the national motto, number and symbol, place and date, title and summary,
 * numbered body with tables, recipients and signature. DOCX, PDF, HTML and Markdown all render this
 * model, so a document reads the same in every format. Missing header fields become visible
 * placeholders and warnings, never silent blanks.
 */
import type { ReportingPeriod } from "./calendar.js";
import { type HeaderLayout, headerLayout } from "./decree30.js";
import { formatPlaceAndDate } from "./documentDate.js";
import { type ColumnFormat, type OutlineBlock, planDocument, type TableBlock } from "./documentOutline.js";
import { cleanStrings, controlCharactersRemoved } from "./documentText.js";
import type { Finding } from "./finding.js";
import type { PeriodReport } from "./periodReport.js";
import type { Plan, Signer } from "./plan.js";
import { leadUnitIds, PLAN_RULES } from "./rules.js";
import type { ScoreSheet } from "./scoring.js";
import { slugify } from "./text.js";
import { timesWidthPt } from "./textWidth.js";
import { type Activity, OUTPUT_UNITS } from "./tracking.js";
import {
  formatDateTimeVi,
  formatDateVi,
  formatNumberVi,
  formatPercentVi,
  formatVndAmount,
} from "./vietnameseFormat.js";

export type { ColumnFormat, TableBlock, TableColumn } from "./documentOutline.js";

/** A block of an official document's body. */
export type DocumentBlock = OutlineBlock | TableBlock;

/** The kinds of documents an exporter accepts. */
export type ExportKind = "plan" | "period-report" | "score-sheet" | "calendar";

/** What to export: a document and the data it is made from. */
export type ExportRequest =
  | {
      readonly kind: "plan";
      readonly plan: Plan;
      /** The plan's activities, for formats that list them (spreadsheet rows, calendar windows). */
      readonly activities?: readonly Activity[];
    }
  | { readonly kind: "period-report"; readonly report: PeriodReport }
  | { readonly kind: "score-sheet"; readonly plan: Plan; readonly sheet: ScoreSheet }
  | {
      readonly kind: "calendar";
      readonly plan: Plan;
      readonly periods: readonly ReportingPeriod[];
      readonly activities?: readonly Activity[];
    };

/** Header and signature details given at export time; they override the plan's own. */
export interface ExportOptions {
  readonly parentBody?: string;
  readonly issuer?: string;
  readonly issuerAbbreviation?: string;
  /** Number and symbol, e.g. "15/BC-BTTTT". */
  readonly number?: string;
  readonly place?: string;
  /** ISO date of issue. */
  readonly date?: string;
  readonly signer?: Signer;
  /** Recipient lines, the last being the archive line "Lưu: VT, …". */
  readonly recipients?: readonly string[];
  /**
   * "Kính gửi:" lines of a report sent upward; by default the body the report goes to, taken from
   * the plan (see `reportAddressees`). An empty list leaves the block out.
   */
  readonly addressees?: readonly string[];
  /** Abbreviation of the drafting unit in the archive line "Lưu: VT, TCCB"; by default from the plan. */
  readonly draftingUnit?: string;
  /** File name without extension; derived from the document when omitted. */
  readonly fileName?: string;
}

/** An official document laid out and ready to render. */
export interface OfficialDocument {
  readonly kind: ExportKind;
  readonly parentBody: string | undefined;
  readonly issuer: string;
  readonly numberLine: string;
  readonly placeDate: string;
  readonly documentTitle: string;
  readonly summary: string;
  /** "Kính gửi:" lines (a report sent upward); empty when the document has no addressee block. */
  readonly addressees: readonly string[];
  readonly body: readonly DocumentBlock[];
  readonly recipients: readonly string[];
  readonly signer: Signer | undefined;
  /** Header fields that were missing and shown as placeholders; control characters removed. */
  readonly warnings: readonly Finding[];
  /** File name without extension. */
  readonly fileBaseName: string;
  /** The header's columns and lines, fitted once for every renderer (inside the margins). */
  readonly header: HeaderLayout;
}

/** Writes a cell as people read it in Vietnam: "1.500.000" đồng, "80,5%", dates as dd/mm/yyyy. */
export function formatCell(value: string | number | null, format: ColumnFormat): string {
  if (value === null) return "";
  if (typeof value === "string") return format === "date" ? formatDateVi(value) : value;
  switch (format) {
    case "vnd":
    case "integer":
      return formatVndAmount(value);
    case "percent":
      return formatPercentVi(value * 100);
    default:
      return formatNumberVi(value);
  }
}

interface Header {
  readonly parentBody: string | undefined;
  readonly issuer: string;
  readonly abbreviation: string | undefined;
  readonly place: string | undefined;
  readonly date: string | undefined;
  readonly number: string | undefined;
  readonly signer: Signer | undefined;
  /** Year written in a blank date line ("ngày … tháng … năm 2018"). */
  readonly year: number | undefined;
}

function header(plan: Plan, options: ExportOptions, useOwnNumber: boolean): Header {
  const date = options.date ?? (useOwnNumber ? plan.date : undefined);
  return {
    year: date === undefined ? (useOwnNumber ? plan.year : undefined) : Number(date.slice(0, 4)),
    parentBody: options.parentBody ?? plan.parentBody?.name,
    issuer: options.issuer ?? plan.issuer.name,
    abbreviation: options.issuerAbbreviation ?? plan.issuer.abbreviation,
    place: options.place ?? plan.place,
    date,
    number: options.number ?? (useOwnNumber ? plan.number : undefined),
    signer: options.signer ?? plan.signer,
  };
}

function missing(code: string, field: string, vi: string, en: string): Finding {
  return {
    code,
    severity: "warning",
    path: [field],
    message: {
      vi: `Chưa có ${vi}; văn bản để trống chỗ cần điền.`,
      en: `No ${en}; the document shows a blank to fill in.`,
    },
  };
}

/**
 * The finding `cchc validate` gives for a malformed number/symbol ("5/KH-BTTTT": numbers below 10
 * take a 0), for a number given at export time: the exporter writes the number as given and says
 * so in the same words.
 */
function numberFindings(number: string | undefined): Finding[] {
  if (number === undefined) return [];
  const rule = PLAN_RULES.find((r) => r.code === "number-format");
  if (rule === undefined) return [];
  const probe = { number } as unknown as Plan;
  return [...rule.check({ plan: probe, catalogues: undefined as never })].map((hit) => ({
    code: rule.code,
    severity: "warning" as const,
    path: [...hit.path],
    message: hit.message,
  }));
}

function assemble(
  kind: ExportKind,
  h: Header,
  typeCode: string,
  documentTitle: string,
  summary: string,
  body: readonly DocumentBlock[],
  recipients: readonly string[],
  fileBaseName: string,
  addressees: readonly string[] = [],
  extraWarnings: readonly Finding[] = [],
): OfficialDocument {
  const warnings: Finding[] = [...numberFindings(h.number), ...extraWarnings];
  if (h.number === undefined)
    warnings.push(missing("export.number-missing", "number", "số, ký hiệu", "number/symbol"));
  if (h.date === undefined)
    warnings.push(missing("export.date-missing", "date", "ngày ban hành", "date of issue"));
  if (h.place === undefined) warnings.push(missing("export.place-missing", "place", "địa danh", "place"));
  if (h.signer === undefined) warnings.push(missing("export.signer-missing", "signer", "người ký", "signer"));
  const { value: doc, removed } = cleanStrings({
    kind,
    parentBody: h.parentBody,
    issuer: h.issuer,
    numberLine:
      h.number !== undefined
        ? `Số: ${h.number}`
        : `Số: …/${typeCode}${h.abbreviation === undefined ? "-…" : `-${h.abbreviation}`}`,
    placeDate: formatPlaceAndDate(h.place, h.date, h.year),
    documentTitle,
    summary,
    addressees: addressees.map((r) => r.replace(/[;.]\s*$/u, "")),
    body,
    recipients: recipients.map((r) => r.replace(/[;.]\s*$/u, "")),
    signer: h.signer,
    fileBaseName,
  });
  if (removed > 0) warnings.push(controlCharactersRemoved(removed));
  const header = headerLayout(doc, (text, size, bold) => timesWidthPt(text, size, bold));
  return { ...doc, warnings, header };
}

function leadName(plan: Plan): string | undefined {
  const id = leadUnitIds(plan)[0];
  return plan.units.find((u) => u.id === id)?.name;
}

function archiveLine(drafting: string | undefined): string {
  return `Lưu: VT, ${drafting ?? "…"}`;
}

function defaultRecipients(plan: Plan, options: ExportOptions): readonly string[] {
  if (options.recipients) return options.recipients;
  const lead = leadName(plan);
  return [...(lead === undefined ? [] : [lead]), archiveLine(draftingUnit(plan, options))];
}

/** A recipient line without its note in brackets: "Bộ Nội vụ (để báo cáo)" → "Bộ Nội vụ". */
const withoutNote = (line: string) => line.replace(/\s*\([^()]*\)\s*[;.]?\s*$/u, "").trim();
const isArchiveLine = (line: string) => /^lưu\s*:/iu.test(line.trim());

/**
 * Whom a period report is addressed to ("Kính gửi:"), from the plan: a unit's report goes to the
 * unit the schedule names as recipient (`reporting.recipientUnitId`), else to the lead unit; the
 * agency's report goes upward, to the plan's first recipient marked "(để báo cáo)", else its
 * first recipient (for the 2018 plan: Bộ Nội vụ), else the parent body. Empty when the plan names
 * none of these.
 */
export function reportAddressees(report: PeriodReport): string[] {
  const plan = report.plan;
  if (report.unitId !== null) {
    const id = plan.reporting?.recipientUnitId ?? leadUnitIds(plan)[0];
    const name = plan.units.find((u) => u.id === id)?.name;
    return name === undefined || id === report.unitId ? [plan.issuer.name] : [name];
  }
  const lines = plan.recipients.map((r) => r.text).filter((t) => !isArchiveLine(t));
  const upward = lines.find((t) => /\(\s*để báo cáo\s*\)/iu.test(t)) ?? lines[0];
  if (upward !== undefined) return [withoutNote(upward)];
  return plan.parentBody === undefined ? [] : [plan.parentBody.name];
}

/**
 * The drafting unit of the archive line "Lưu: VT, TCCB": the option, else what the plan's own
 * archive line names after "VT," ("Lưu: VT, TCCB (50b)" → "TCCB"), else the lead unit's
 * abbreviation; undefined when none is known (the line then shows a blank to fill in).
 */
function draftingUnit(plan: Plan, options: ExportOptions): string | undefined {
  if (options.draftingUnit !== undefined) return options.draftingUnit;
  const archive = plan.recipients.map((r) => r.text).find(isArchiveLine);
  const named = archive
    ?.replace(/^lưu\s*:\s*/iu, "")
    .split(",")
    .map((p) =>
      withoutNote(p)
        .replace(/[;.]\s*$/u, "")
        .trim(),
    )
    .filter((p) => p !== "" && p.toUpperCase() !== "VT");
  if (named !== undefined && named.length > 0) return named.join(", ");
  const lead = plan.units.find((u) => u.id === leadUnitIds(plan)[0]);
  return lead?.abbreviation;
}

const lower = (s: string) => (s.length === 0 ? s : s[0]?.toLocaleLowerCase("vi") + s.slice(1));

/** Lays out any exportable document as an official document. */
export function officialDocument(request: ExportRequest, options: ExportOptions = {}): OfficialDocument {
  switch (request.kind) {
    case "plan": {
      const plan = request.plan;
      const doc = planDocument(plan);
      const h = header(plan, options, true);
      return assemble(
        "plan",
        h,
        plan.documentType,
        doc.documentTitle,
        doc.summary,
        doc.body,
        options.recipients ?? doc.recipients,
        options.fileName ?? `ke-hoach-${slugify(plan.id)}`,
      );
    }
    case "period-report": {
      const r = request.report;
      const plan = r.plan;
      // A unit's report is issued by the unit, under the agency as its parent body, and signed by
      // the unit's own head (given in the options), never by the plan's signer.
      const unit = r.unitId === null ? undefined : plan.units.find((u) => u.id === r.unitId);
      const h =
        r.unitId === null
          ? header(plan, options, false)
          : {
              ...header(plan, options, false),
              parentBody: options.parentBody ?? plan.issuer.name,
              issuer: options.issuer ?? r.unitName,
              abbreviation: options.issuerAbbreviation ?? unit?.abbreviation,
              signer: options.signer,
            };
      const t = r.totals;
      const addressees = options.addressees ?? reportAddressees(r);
      // A unit's drafting section is its own: named by the option, else a blank to fill in.
      const drafting = r.unitId === null ? draftingUnit(plan, options) : options.draftingUnit;
      const reportWarnings: Finding[] = [];
      if (addressees.length === 0)
        reportWarnings.push(
          missing("export.addressee-missing", "addressees", "nơi gửi (Kính gửi)", "addressee"),
        );
      if (drafting === undefined && options.recipients === undefined)
        reportWarnings.push(
          missing("export.drafting-unit-missing", "draftingUnit", "đơn vị soạn thảo", "drafting unit"),
        );
      const recipients = options.recipients ?? [
        ...(addressees.length > 0 ? ["Như trên"] : []),
        archiveLine(drafting),
      ];
      const unitOf = (code: string) => OUTPUT_UNITS.find((u) => u.code === code)?.label.vi ?? code;
      const body: DocumentBlock[] = [
        { type: "section", label: "I.", text: "KẾT QUẢ THỰC HIỆN" },
        { type: "subsection", label: "1.", text: "Tình hình chung" },
        {
          type: "paragraph",
          text: `Trong kỳ báo cáo (số liệu từ ngày ${formatCell(r.period.cutoffStart, "date")} đến ngày ${formatCell(r.period.cutoffEnd, "date")}), ${r.unitName} đã thực hiện ${formatCell(t.records, "integer")} lượt hoạt động tuyên truyền cải cách hành chính thuộc ${formatCell(t.activities, "integer")} hoạt động theo kế hoạch, với ${formatCell(t.participants, "integer")} lượt người tham dự và kinh phí ${formatCell(t.costVnd, "vnd")} đồng. Lũy kế đến hết kỳ, ${formatCell(t.activitiesDone, "integer")}/${formatCell(t.activities, "integer")} hoạt động đã đạt chỉ tiêu.`,
        },
        { type: "subsection", label: "2.", text: "Kết quả theo từng hoạt động" },
        {
          type: "table",
          columns: [
            { header: "STT", format: "integer", width: 4 },
            { header: "Đơn vị", format: "text", width: 14 },
            { header: "Hoạt động", format: "text", width: 18 },
            { header: "Đơn vị tính", format: "text", width: 9 },
            { header: "Chỉ tiêu", format: "number", width: 8 },
            { header: "Kết quả trong kỳ", format: "number", width: 9 },
            { header: "Lũy kế", format: "number", width: 8 },
            { header: "Người tham dự", format: "integer", width: 9 },
            { header: "Kinh phí (đồng)", format: "vnd", width: 12 },
          ],
          rows: r.rows.map((row, i) => [
            i + 1,
            row.unitName,
            row.title,
            unitOf(row.target.unit),
            row.target.value,
            row.achievedInPeriod,
            row.achievedToDate,
            row.participants,
            row.costVnd,
          ]),
        },
        { type: "section", label: "II.", text: "ĐÁNH GIÁ CHUNG" },
        {
          type: "paragraph",
          text: `Kinh phí đã sử dụng trong kỳ ${formatCell(t.costVnd, "vnd")} đồng trên tổng kinh phí kế hoạch ${formatCell(t.plannedCostVnd, "vnd")} đồng.`,
        },
      ];
      return assemble(
        "period-report",
        h,
        "BC",
        "BÁO CÁO",
        `Kết quả thực hiện công tác tuyên truyền cải cách hành chính ${lower(r.period.label.vi)}`,
        body,
        recipients,
        options.fileName ?? `bao-cao-${slugify(r.period.id)}-${slugify(r.unitId ?? plan.id)}`,
        addressees,
        reportWarnings,
      );
    }
    case "score-sheet": {
      const { plan, sheet } = request;
      const h = header(plan, options, false);
      const nodeRows = (nodes: ScoreSheet["agency"]["nodes"]): Array<Array<string | number | null>> =>
        nodes.flatMap((n) => [
          [
            n.nodeId,
            n.title.vi,
            n.applicable ? n.points : null,
            n.applicable ? n.maxPoints : null,
            n.explanation.text.vi,
          ],
          ...nodeRows(n.children ?? []),
        ]);
      const body: DocumentBlock[] = [
        { type: "section", label: "I.", text: "KẾT QUẢ CHUNG" },
        {
          type: "paragraph",
          text: `Tổng điểm của ${sheet.agency.name}: ${formatCell(sheet.agency.points, "number")}/${formatCell(sheet.agency.maxPoints, "number")} điểm (${formatCell(sheet.agency.percent / 100, "percent")}); dự báo đến cuối năm ${formatCell(sheet.agency.forecast.percent / 100, "percent")}. Thang điểm: ${sheet.scheme.id} (${sheet.scheme.version}); số liệu tính đến ${formatDateTimeVi(sheet.asOf)}.`,
        },
        { type: "section", label: "II.", text: "XẾP HẠNG CÁC ĐƠN VỊ" },
        {
          type: "table",
          columns: [
            { header: "Hạng", format: "integer", width: 5 },
            { header: "Đơn vị", format: "text", width: 30 },
            { header: "Điểm", format: "number", width: 8 },
            { header: "Tối đa", format: "number", width: 8 },
            { header: "Tỷ lệ", format: "percent", width: 9 },
            { header: "Dự báo cuối năm", format: "percent", width: 10 },
          ],
          rows: sheet.units.map((u) => [
            u.rank,
            u.name,
            u.points,
            u.maxPoints,
            u.percent / 100,
            u.forecast.percent / 100,
          ]),
        },
        { type: "section", label: "III.", text: "CHI TIẾT THEO TIÊU CHÍ" },
        {
          type: "table",
          columns: [
            { header: "Mã", format: "text", width: 6 },
            { header: "Tiêu chí", format: "text", width: 22 },
            { header: "Điểm", format: "number", width: 6 },
            { header: "Tối đa", format: "number", width: 6 },
            { header: "Giải thích", format: "text", width: 30 },
          ],
          rows: nodeRows(sheet.agency.nodes),
        },
        ...selfAndAppraisedBlocks(sheet),
      ];
      return assemble(
        "score-sheet",
        h,
        "BC",
        "BÁO CÁO",
        `Kết quả chấm điểm công tác tuyên truyền cải cách hành chính năm ${sheet.year}`,
        body,
        defaultRecipients(plan, options),
        options.fileName ?? `bang-diem-${slugify(plan.id)}`,
      );
    }
    case "calendar": {
      const { plan, periods } = request;
      const h = header(plan, options, false);
      const body: DocumentBlock[] = [
        { type: "section", label: "I.", text: "LỊCH BÁO CÁO ĐỊNH KỲ" },
        {
          type: "paragraph",
          text: "Thời gian chốt số liệu theo Nghị định số 09/2019/NĐ-CP; hạn gửi báo cáo tính theo giờ Việt Nam.",
        },
        {
          type: "table",
          columns: [
            { header: "Kỳ báo cáo", format: "text", width: 18 },
            { header: "Chốt số liệu từ ngày", format: "date", width: 12 },
            { header: "Đến ngày", format: "date", width: 12 },
            { header: "Hạn gửi báo cáo", format: "date", width: 12 },
          ],
          rows: periods.map((p) => [p.label.vi, p.cutoffStart, p.cutoffEnd, p.dueDate]),
        },
      ];
      return assemble(
        "calendar",
        h,
        "TB",
        "THÔNG BÁO",
        `Lịch báo cáo định kỳ kết quả tuyên truyền cải cách hành chính năm ${plan.year}`,
        body,
        defaultRecipients(plan, options),
        options.fileName ?? `lich-bao-cao-${slugify(plan.id)}`,
      );
    }
  }
}

const STEP_VI: Record<"self" | "appraisal" | "decision", string> = {
  self: "tự chấm (chưa thẩm định)",
  appraisal: "thẩm định vòng 1",
  decision: "quyết định vòng 2",
};

/**
 * The manual leaves of a score sheet with the self-assessed and the appraised points side by side
 * (a section of its own, only when a sheet has manual entries, so sheets without them are as before):
 * which unit, which leaf, both points, the points counted and which step and whose decision gave them.
 */
function selfAndAppraisedBlocks(sheet: ScoreSheet): DocumentBlock[] {
  const leavesOf = (nodes: ScoreSheet["agency"]["nodes"]): ScoreSheet["agency"]["nodes"] =>
    nodes.flatMap((n) => (n.children && n.children.length > 0 ? leavesOf(n.children) : [n]));
  const rows: Array<Array<string | number | null>> = [];
  for (const entity of [sheet.agency, ...sheet.units])
    for (const n of leavesOf(entity.nodes)) {
      const m = n.explanation.manual;
      if (n.explanation.rule !== "manual" || m === undefined) continue;
      const source = m.source;
      rows.push([
        entity.name,
        n.nodeId,
        m.selfAssessed ?? null,
        m.appraised ?? null,
        n.points,
        source === undefined
          ? m.appraised !== undefined
            ? "thẩm định"
            : "tự chấm (chưa thẩm định)"
          : `${STEP_VI[source.step]} (${source.userId}), đợt ${source.periodId}${source.roundState === "closed" ? " đã chốt" : ""}`,
      ]);
    }
  if (rows.length === 0) return [];
  return [
    { type: "section", label: "IV.", text: "ĐIỂM TỰ CHẤM VÀ ĐIỂM THẨM ĐỊNH" },
    {
      type: "table",
      columns: [
        { header: "Đơn vị", format: "text", width: 19 },
        { header: "Tiêu chí", format: "text", width: 7 },
        { header: "Tự chấm", format: "number", width: 7 },
        { header: "Thẩm định", format: "number", width: 8 },
        { header: "Điểm tính", format: "number", width: 7 },
        { header: "Căn cứ", format: "text", width: 22 },
      ],
      rows,
    },
  ];
}
