/**
 * Which sheets a document becomes. Every workbook opens on the document itself (header fields,
 * the numbered body, recipients, signer: the text a person reads in the DOCX), then one sheet per
 * table of the official document — the same columns and formats — then the data a spreadsheet is
 * for: the plan's units, content, channels, responsibilities, budget and activities, or each
 * unit's points per criterion.
 */
import {
  type ExportOptions,
  type ExportRequest,
  type NodeScore,
  type OfficialDocument,
  officialDocument,
  type ScoreSheet,
} from "@cchc/core";
import { activitySheet, planSheets } from "./planSheets.js";
import { type CellValue, type Sheet, sentenceCase, sheetNamer, tableSheet } from "./sheet.js";

/** The sheets of one export, in order, with the document they were laid out from. */
export interface WorkbookSheets {
  readonly doc: OfficialDocument;
  readonly sheets: readonly Sheet[];
}

function documentSheet(doc: OfficialDocument, name: string, tableNames: readonly string[]): Sheet {
  const rows: Array<[string, CellValue]> = [];
  if (doc.parentBody !== undefined) rows.push(["Cơ quan chủ quản", doc.parentBody]);
  rows.push(
    ["Cơ quan ban hành", doc.issuer],
    ["Số, ký hiệu", doc.numberLine.replace(/^Số:\s*/u, "")],
    ["Địa danh, ngày tháng", doc.placeDate],
    ["Tên loại văn bản", doc.documentTitle],
    ["Trích yếu", doc.summary],
  );
  let table = 0;
  for (const b of doc.body) {
    switch (b.type) {
      case "section":
      case "subsection":
      case "item":
        rows.push([b.label, b.text]);
        break;
      case "dash":
        rows.push(["–", b.text]);
        break;
      case "paragraph":
        rows.push(["", b.text]);
        break;
      case "table":
        rows.push(["", `(Bảng: xem trang tính «${tableNames[table++] ?? ""}»)`]);
        break;
    }
  }
  for (const r of doc.recipients) rows.push(["Nơi nhận", r]);
  if (doc.signer !== undefined)
    rows.push([
      "Người ký",
      [doc.signer.authority, doc.signer.title, doc.signer.name].filter((s) => s !== undefined).join("\n"),
    ]);
  return {
    name,
    columns: [
      { header: "Mục", format: "text", width: 22 },
      { header: "Nội dung", format: "text", width: 100, wrap: true },
    ],
    rows,
  };
}

function leaves(nodes: readonly NodeScore[]): NodeScore[] {
  return nodes.flatMap((n) => (n.children && n.children.length > 0 ? leaves(n.children) : [n]));
}

/** Each unit's points per criterion: the sheet a PAR lead filters and sorts. */
function criteriaSheet(sheet: ScoreSheet): Sheet {
  const criteria = leaves(sheet.agency.nodes);
  return {
    name: "Điểm theo tiêu chí",
    columns: [
      { header: "Hạng", format: "integer", width: 7 },
      { header: "Mã đơn vị", format: "text", width: 22 },
      { header: "Đơn vị", format: "text", width: 40, wrap: true },
      ...criteria.map((c) => ({
        header: `${c.nodeId}. ${c.title.vi} (tối đa ${c.maxPoints})`,
        format: "number" as const,
        width: 18,
        wrap: true,
      })),
      { header: "Tổng điểm", format: "number", width: 11 },
      { header: "Tối đa", format: "number", width: 9 },
      { header: "Tỷ lệ", format: "percent", width: 9 },
    ],
    rows: (function* () {
      for (const u of sheet.units) {
        const byId = new Map(leaves(u.nodes).map((n) => [n.nodeId, n] as const));
        yield [
          u.rank,
          u.unitId,
          u.name,
          ...criteria.map((c) => {
            const n = byId.get(c.nodeId);
            return n?.applicable ? n.points : null;
          }),
          u.points,
          u.maxPoints,
          u.percent / 100,
        ];
      }
    })(),
  };
}

/** Lays a request out as sheets. Pure: the same request and options give the same sheets. */
export function workbookSheets(request: ExportRequest, options: ExportOptions = {}): WorkbookSheets {
  const doc = officialDocument(request, options);
  const name = sheetNamer();
  const docName = name(sentenceCase(doc.documentTitle));
  const tables: Sheet[] = [];
  let heading = "Bảng";
  for (const b of doc.body) {
    if (b.type === "section" || b.type === "subsection") heading = b.text;
    // A plan's budget table is the "Kinh phí" sheet of `planSheets`, with its ids and links.
    if (b.type === "table" && request.kind !== "plan")
      tables.push(tableSheet(name(sentenceCase(heading)), b));
  }
  const extra: Sheet[] =
    request.kind === "plan"
      ? planSheets(request.plan, request.activities)
      : request.kind === "score-sheet"
        ? [criteriaSheet(request.sheet)]
        : request.kind === "calendar" && request.activities !== undefined
          ? [activitySheet(request.plan, request.activities)]
          : [];
  return {
    doc,
    sheets: [
      documentSheet(
        doc,
        docName,
        tables.map((t) => t.name),
      ),
      ...tables,
      ...extra.map((s) => ({ ...s, name: name(s.name) })),
    ],
  };
}
