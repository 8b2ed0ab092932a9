/**
 * The plan as data sheets: units, content areas, channels, responsibilities, funding, budget,
 * activities and the reporting calendar, one row per item and ids beside names, so an IT centre
 * can filter, pivot and re-import what the issued document states in prose.
 */
import {
  type Activity,
  DEFAULT_CATALOGUES,
  extendCatalogues,
  labelOf,
  OUTPUT_UNITS,
  officialDocument,
  type Plan,
  planCalendar,
  type ReportingPeriod,
  ROLES,
  reportingPeriod,
} from "@cchc/core";
import { type Sheet, sentenceCase, tableSheet } from "./sheet.js";

const LEVEL = { agency: "Cấp cơ quan", unit: "Cấp đơn vị" } as const;

/** Names and labels of a plan, looked up once. */
function lookups(plan: Plan) {
  const catalogues = extendCatalogues(DEFAULT_CATALOGUES, plan.customKinds);
  const unitName = new Map(plan.units.map((u) => [u.id, u.name] as const));
  const channelText = new Map(plan.channels.map((c) => [c.id, c.text] as const));
  const fundingText = new Map(plan.fundingSources.map((f) => [f.id, f.text] as const));
  const periods = new Map(planCalendar(plan).map((p) => [p.id, p] as const));
  return {
    catalogues,
    unit: (id: string | undefined) => (id === undefined ? null : (unitName.get(id) ?? id)),
    channel: (id: string | undefined) => (id === undefined ? null : (channelText.get(id) ?? id)),
    funding: (id: string | undefined) => (id === undefined ? null : (fundingText.get(id) ?? id)),
    period: (id: string): ReportingPeriod | undefined => periods.get(id) ?? reportingPeriod(id),
  };
}

function* numbered<T>(
  items: Iterable<T>,
  row: (item: T) => ReadonlyArray<string | number | null>,
): Iterable<ReadonlyArray<string | number | null>> {
  let i = 0;
  for (const item of items) yield [++i, ...row(item)];
}

/** The activities of a plan as one sheet (also used by the calendar export). */
export function activitySheet(plan: Plan, activities: readonly Activity[]): Sheet {
  const l = lookups(plan);
  const areaText = new Map(plan.contentAreas.map((c) => [c.id, c.text] as const));
  return {
    name: "Hoạt động",
    columns: [
      { header: "STT", format: "integer", width: 7 },
      { header: "Mã hoạt động", format: "text", width: 16 },
      { header: "Đơn vị thực hiện", format: "text", width: 30, wrap: true },
      { header: "Tên hoạt động", format: "text", width: 50, wrap: true },
      { header: "Hình thức", format: "text", width: 30, wrap: true },
      { header: "Nội dung tuyên truyền", format: "text", width: 40, wrap: true },
      { header: "Kỳ báo cáo", format: "text", width: 18 },
      { header: "Từ ngày", format: "date", width: 12 },
      { header: "Đến ngày", format: "date", width: 12 },
      { header: "Chỉ tiêu", format: "number", width: 11 },
      { header: "Đơn vị tính", format: "text", width: 18 },
      { header: "Nguồn kinh phí", format: "text", width: 30, wrap: true },
      { header: "Kinh phí dự kiến (đồng)", format: "vnd", width: 20 },
    ],
    rows: numbered(activities, (a) => {
      const period = a.periodId === undefined ? undefined : l.period(a.periodId);
      return [
        a.id,
        l.unit(a.unitId),
        a.title,
        l.channel(a.channelId),
        a.contentAreaIds.map((id) => areaText.get(id) ?? id).join("\n"),
        period?.label.vi ?? a.periodId ?? null,
        a.from ?? period?.cutoffStart ?? null,
        a.to ?? period?.cutoffEnd ?? null,
        a.target.value,
        labelOf(OUTPUT_UNITS, a.target.unit).vi,
        l.funding(a.fundingSourceId),
        a.plannedCostVnd ?? null,
      ];
    }),
  };
}

/** The data sheets of a plan, after its document sheet. */
export function planSheets(plan: Plan, activities: readonly Activity[] | undefined): Sheet[] {
  const l = lookups(plan);
  const { catalogues } = l;
  const calendar = officialDocument({ kind: "calendar", plan, periods: planCalendar(plan) }).body.find(
    (b) => b.type === "table",
  );
  const sheets: Sheet[] = [
    {
      name: "Đơn vị",
      columns: [
        { header: "STT", format: "integer", width: 7 },
        { header: "Mã đơn vị", format: "text", width: 22 },
        { header: "Tên đơn vị", format: "text", width: 45, wrap: true },
        { header: "Viết tắt", format: "text", width: 12 },
        { header: "Loại đơn vị", format: "text", width: 24 },
        { header: "Đơn vị cấp trên", format: "text", width: 30, wrap: true },
        { header: "Các đơn vị thành viên", format: "text", width: 40, wrap: true },
      ],
      rows: numbered(plan.units, (u) => [
        u.id,
        u.name,
        u.abbreviation ?? null,
        labelOf(catalogues.unitKinds, u.kind).vi,
        l.unit(u.parentUnitId),
        u.memberIds === undefined ? null : u.memberIds.map((id) => l.unit(id)).join("; "),
      ]),
    },
    {
      name: "Nội dung tuyên truyền",
      columns: [
        { header: "STT", format: "integer", width: 7 },
        { header: "Mã", format: "text", width: 12 },
        { header: "Nội dung", format: "text", width: 70, wrap: true },
        { header: "Thuộc nội dung", format: "text", width: 14 },
        { header: "Loại nội dung", format: "text", width: 36, wrap: true },
      ],
      rows: numbered(plan.contentAreas, (c) => [
        c.id,
        c.text,
        c.parentId ?? null,
        labelOf(catalogues.contentKinds, c.kind).vi,
      ]),
    },
    {
      name: "Hình thức tuyên truyền",
      columns: [
        { header: "STT", format: "integer", width: 7 },
        { header: "Mã", format: "text", width: 12 },
        { header: "Hình thức", format: "text", width: 70, wrap: true },
        { header: "Loại kênh", format: "text", width: 36, wrap: true },
      ],
      rows: numbered(plan.channels, (c) => [
        c.id,
        c.text,
        c.kinds.map((k) => labelOf(catalogues.channelKinds, k).vi).join("; "),
      ]),
    },
    {
      name: "Trách nhiệm",
      columns: [
        { header: "STT", format: "integer", width: 7 },
        { header: "Mã", format: "text", width: 12 },
        { header: "Đơn vị", format: "text", width: 40, wrap: true },
        { header: "Vai trò", format: "text", width: 22, wrap: true },
        { header: "Quy định của kế hoạch", format: "text", width: 60, wrap: true },
        { header: "Nhiệm vụ", format: "text", width: 60, wrap: true },
        { header: "Nội dung phụ trách", format: "text", width: 20, wrap: true },
        { header: "Ghi chú", format: "text", width: 40, wrap: true },
      ],
      // One row per duty, so a long list of duties stays filterable.
      rows: numbered(
        plan.responsibilities.flatMap((r) =>
          (r.duties.length === 0 ? [null] : r.duties).map((duty) => ({ r, duty })),
        ),
        ({ r, duty }) => [
          r.id,
          r.unitIds.map((id) => l.unit(id)).join("; "),
          r.roles.map((role) => labelOf(ROLES, role).vi).join("; "),
          r.text,
          duty,
          r.contentAreaIds === "all" ? "Tất cả" : r.contentAreaIds.join("; ") || null,
          r.note?.vi ?? null,
        ],
      ),
    },
    {
      name: "Nguồn kinh phí",
      columns: [
        { header: "STT", format: "integer", width: 7 },
        { header: "Mã", format: "text", width: 12 },
        { header: "Nguồn kinh phí", format: "text", width: 70, wrap: true },
        { header: "Cấp", format: "text", width: 14 },
        { header: "Loại nguồn", format: "text", width: 28 },
        { header: "Đơn vị quản lý", format: "text", width: 30, wrap: true },
      ],
      rows: numbered(plan.fundingSources, (f) => [
        f.id,
        f.text,
        LEVEL[f.level],
        labelOf(catalogues.fundingKinds, f.kind).vi,
        f.managedBy === undefined
          ? null
          : f.managedBy.scope === "unit"
            ? l.unit(f.managedBy.unitId)
            : "Từng đơn vị tự bảo đảm",
      ]),
    },
    {
      name: "Dự toán kinh phí",
      columns: [
        { header: "STT", format: "integer", width: 7 },
        { header: "Mã", format: "text", width: 14 },
        { header: "Nội dung chi", format: "text", width: 50, wrap: true },
        { header: "Nguồn kinh phí", format: "text", width: 30, wrap: true },
        { header: "Đơn vị", format: "text", width: 30, wrap: true },
        { header: "Hình thức", format: "text", width: 30, wrap: true },
        { header: "Số tiền (đồng)", format: "vnd", width: 20 },
      ],
      rows: numbered(plan.budgetLines, (b) => [
        b.id,
        b.description,
        l.funding(b.fundingSourceId),
        l.unit(b.unitId),
        l.channel(b.channelId),
        b.amountVnd,
      ]),
    },
  ];
  if (calendar?.type === "table") sheets.push(tableSheet(sentenceCase("Lịch báo cáo"), calendar));
  if (activities !== undefined) sheets.push(activitySheet(plan, activities));
  return sheets;
}
