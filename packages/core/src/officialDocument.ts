/**
 * One layout model for every official document the library issues (the plan, a periodic report,
 * a score sheet, the reporting calendar), in the form Decree 30/2020/NĐ-CP prescribes: header with
 * the issuing body and the national motto, number and symbol, place and date, title and summary,
 * numbered body with tables, recipients and signature. DOCX, PDF, HTML and Markdown all render this
 * model, so a document reads the same in every format. Missing header fields become visible
 * placeholders and warnings, never silent blanks.
 */
import type { ReportingPeriod } from "./calendar.js";
import { formatPlaceAndDate } from "./documentDate.js";
import { type OutlineBlock, planDocument } from "./documentOutline.js";
import { cleanStrings, controlCharactersRemoved } from "./documentText.js";
import type { Finding } from "./finding.js";
import type { PeriodReport } from "./periodReport.js";
import type { Plan, Signer } from "./plan.js";
import { leadUnitIds } from "./rules.js";
import type { ScoreSheet } from "./scoring.js";
import { slugify } from "./text.js";
import type { Activity } from "./tracking.js";

/** How a table column's values are written. */
export type ColumnFormat = "text" | "integer" | "number" | "vnd" | "percent" | "date";

/** A column of a table block. */
export interface TableColumn {
  readonly header: string;
  readonly format: ColumnFormat;
  /** Relative width (the renderer scales the columns to the text width). */
  readonly width: number;
}

/** A table in the body; cells hold raw values, formatted by the column's format. */
export interface TableBlock {
  readonly type: "table";
  readonly columns: readonly TableColumn[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | null>>;
}

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
  readonly body: readonly DocumentBlock[];
  readonly recipients: readonly string[];
  readonly signer: Signer | undefined;
  /** Header fields that were missing and shown as placeholders; control characters removed. */
  readonly warnings: readonly Finding[];
  /** File name without extension. */
  readonly fileBaseName: string;
}

const vnd = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

/** Writes a cell as people read it in Vietnam: "1.500.000" đồng, "80,5%", dates as dd/mm/yyyy. */
export function formatCell(value: string | number | null, format: ColumnFormat): string {
  if (value === null) return "";
  if (typeof value === "string") {
    if (format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const [y, m, d] = value.split("-");
      return `${d}/${m}/${y}`;
    }
    return value;
  }
  switch (format) {
    case "vnd":
    case "integer":
      return vnd.format(value);
    case "percent":
      return `${decimal.format(value * 100)}%`;
    default:
      return decimal.format(value);
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

function assemble(
  kind: ExportKind,
  h: Header,
  typeCode: string,
  documentTitle: string,
  summary: string,
  body: readonly DocumentBlock[],
  recipients: readonly string[],
  fileBaseName: string,
): OfficialDocument {
  const warnings: Finding[] = [];
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
    body,
    recipients: recipients.map((r) => r.replace(/[;.]\s*$/u, "")),
    signer: h.signer,
    fileBaseName,
  });
  if (removed > 0) warnings.push(controlCharactersRemoved(removed));
  return { ...doc, warnings };
}

function leadName(plan: Plan): string | undefined {
  const id = leadUnitIds(plan)[0];
  return plan.units.find((u) => u.id === id)?.name;
}

function defaultRecipients(plan: Plan, options: ExportOptions): readonly string[] {
  if (options.recipients) return options.recipients;
  const lead = leadName(plan);
  return [...(lead === undefined ? [] : [lead]), "Lưu: VT"];
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
            { header: "Hoạt động", format: "text", width: 20 },
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
        defaultRecipients(plan, options),
        options.fileName ?? `bao-cao-${slugify(r.period.id)}-${slugify(r.unitId ?? plan.id)}`,
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
          text: `Tổng điểm của ${sheet.agency.name}: ${formatCell(sheet.agency.points, "number")}/${formatCell(sheet.agency.maxPoints, "number")} điểm (${formatCell(sheet.agency.percent / 100, "percent")}); dự báo đến cuối năm ${formatCell(sheet.agency.forecast.percent / 100, "percent")}. Thang điểm: ${sheet.scheme.id} (${sheet.scheme.version}); số liệu tính đến ${sheet.asOf}.`,
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
