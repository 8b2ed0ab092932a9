/**
 * Tracking data of the 2026 samples, as units would record it through the first half of 2026:
 * planned activities, actual records with evidence links, and periodic reports (one late, one
 * missing), so the samples can be scored, exported and reminded about out of the box.
 */
import type { Activity, ActualRecord, UnitReport } from "../tracking.js";

/** A sample's tracking data. */
export interface SampleTracking {
  readonly activities: readonly Activity[];
  readonly records: readonly ActualRecord[];
  readonly reports: readonly UnitReport[];
}

type ActivityRow = readonly [
  id: string,
  unitId: string,
  channelId: string,
  contentAreaIds: readonly string[],
  title: string,
  when: string | readonly [string, string],
  target: readonly [number, string],
  fundingSourceId: string,
  plannedCostVnd: number,
  budgetLineId?: string,
];
type RecordRow = readonly [
  activityId: string,
  date: string,
  output: number,
  participants?: number,
  costVnd?: number,
];
type ReportRow = readonly [
  unitId: string,
  periodId: string,
  submittedAt: string,
  activityIds: readonly string[],
];

function build(
  host: string,
  activityRows: readonly ActivityRow[],
  recordRows: readonly RecordRow[],
  reportRows: readonly ReportRow[],
): SampleTracking {
  const activities = activityRows.map(
    ([
      id,
      unitId,
      channelId,
      contentAreaIds,
      title,
      when,
      [value, unit],
      fundingSourceId,
      plannedCostVnd,
      budgetLineId,
    ]): Activity => ({
      id,
      unitId,
      channelId,
      contentAreaIds: [...contentAreaIds],
      title,
      ...(typeof when === "string" ? { periodId: when } : { from: when[0], to: when[1] }),
      target: { value, unit },
      fundingSourceId,
      ...(budgetLineId === undefined ? {} : { budgetLineId }),
      plannedCostVnd,
    }),
  );
  const unitOf = new Map(activities.map((a) => [a.id, a.unitId] as const));
  const records = recordRows.map(
    ([activityId, date, output, participants, costVnd], i): ActualRecord => ({
      id: `rec-${String(i + 1).padStart(3, "0")}`,
      activityId,
      unitId: unitOf.get(activityId) ?? "",
      date,
      output,
      ...(participants === undefined ? {} : { participants }),
      ...(costVnd === undefined ? {} : { costVnd }),
      evidenceUrl: `https://${host}/cchc/2026/${activityId}/${i + 1}`,
    }),
  );
  const reports = reportRows.map(
    ([unitId, periodId, submittedAt, activityIds], i): UnitReport => ({
      id: `rep-${String(i + 1).padStart(3, "0")}`,
      unitId,
      periodId,
      submittedAt,
      activityIds: [...activityIds],
      summary: `Báo cáo kết quả tuyên truyền cải cách hành chính kỳ ${periodId}.`,
    }),
  );
  return { activities, records, reports };
}

/** Tracking of `lao-cai-2026` to 30 June 2026. */
export const laoCai2026Tracking: SampleTracking = build(
  "laocai.gov.vn",
  [
    [
      "act-01",
      "so-noi-vu",
      "II.2.b",
      ["II.1.b.3", "II.1.b.4"],
      "Tập huấn công chức cấp xã về cải cách hành chính",
      "2026S1",
      [6, "class"],
      "III.2.1",
      120_000_000,
      "III.2.1.1",
    ],
    [
      "act-02",
      "so-noi-vu",
      "II.2.e",
      ["II.1.b", "II.1.c"],
      "Cuộc thi tìm hiểu về cải cách hành chính năm 2026",
      ["2026-05-01", "2026-09-30"],
      [1, "event"],
      "III.2.1",
      80_000_000,
      "III.2.1.2",
    ],
    [
      "act-03",
      "bao-ptth",
      "II.2.a",
      ["II.1.a", "II.1.b.2"],
      "Chuyên mục cải cách hành chính trên Báo và Phát thanh, Truyền hình",
      "2026",
      [48, "article"],
      "III.2.2",
      0,
    ],
    [
      "act-04",
      "so-tu-phap",
      "II.2.a",
      ["II.1.b.1"],
      "Tin, bài về cải cách thể chế trên trang thông tin của Sở",
      "2026",
      [12, "article"],
      "III.2.2",
      0,
    ],
    [
      "act-05",
      "van-phong-ubnd",
      "II.2.c",
      ["II.1.b.2"],
      "Hướng dẫn thủ tục hành chính trên Zalo OA của tỉnh",
      "2026",
      [60, "post"],
      "III.2.2",
      0,
    ],
    [
      "act-06",
      "so-khcn",
      "II.2.a",
      ["II.1.b.6"],
      "Tuyên truyền dịch vụ công trực tuyến toàn trình",
      "2026",
      [24, "article"],
      "III.2.2",
      0,
    ],
    [
      "act-07",
      "ubnd-xa-bao-thang",
      "II.2.d",
      ["II.1.b.2", "II.1.b.6"],
      "Phát thanh về thủ tục hành chính trên loa truyền thanh xã",
      "2026",
      [96, "item"],
      "III.2.2",
      0,
    ],
    [
      "act-08",
      "so-tai-chinh",
      "II.2.a",
      ["II.1.b.5"],
      "Tin, bài về tự chủ của đơn vị sự nghiệp công lập",
      "2026S1",
      [4, "article"],
      "III.2.2",
      0,
    ],
  ],
  [
    ["act-01", "2026-03-24", 1, 85, 19_500_000],
    ["act-01", "2026-04-16", 1, 92, 20_100_000],
    ["act-01", "2026-05-21", 1, 78, 18_700_000],
    ["act-01", "2026-06-11", 1, 88, 19_900_000],
    ["act-03", "2026-01-15", 4],
    ["act-03", "2026-02-26", 3],
    ["act-03", "2026-03-30", 5],
    ["act-03", "2026-04-28", 4],
    ["act-03", "2026-05-29", 4],
    ["act-04", "2026-02-12", 2],
    ["act-04", "2026-05-07", 2],
    ["act-05", "2026-01-20", 6],
    ["act-05", "2026-03-03", 9],
    ["act-05", "2026-04-21", 8],
    ["act-05", "2026-06-02", 7],
    ["act-06", "2026-03-12", 3],
    ["act-06", "2026-06-09", 4],
    ["act-07", "2026-02-02", 8],
    ["act-07", "2026-03-02", 8],
    ["act-07", "2026-04-01", 8],
    ["act-07", "2026-05-04", 8],
    ["act-07", "2026-06-01", 8],
    ["act-08", "2026-04-09", 1],
  ],
  [
    ["so-tu-phap", "2026Q1", "2026-03-18T09:12:00+07:00", ["act-04"]],
    ["van-phong-ubnd", "2026Q1", "2026-03-17T15:40:00+07:00", ["act-05"]],
    ["so-khcn", "2026Q1", "2026-03-19T08:05:00+07:00", ["act-06"]],
    ["bao-ptth", "2026Q1", "2026-03-16T10:30:00+07:00", ["act-03"]],
    ["ubnd-xa-bao-thang", "2026Q1", "2026-03-23T14:20:00+07:00", ["act-07"]],
    ["so-tai-chinh", "2026Q1", "2026-03-18T16:00:00+07:00", []],
    ["so-nnmt", "2026Q1", "2026-03-19T11:00:00+07:00", []],
    ["so-tu-phap", "2026S1", "2026-06-17T09:00:00+07:00", ["act-04"]],
    ["van-phong-ubnd", "2026S1", "2026-06-16T14:10:00+07:00", ["act-05"]],
    ["so-khcn", "2026S1", "2026-06-18T10:45:00+07:00", ["act-06"]],
    ["bao-ptth", "2026S1", "2026-06-15T08:30:00+07:00", ["act-03"]],
    ["ubnd-xa-bao-thang", "2026S1", "2026-06-18T16:50:00+07:00", ["act-07"]],
    ["so-tai-chinh", "2026S1", "2026-06-19T09:30:00+07:00", ["act-08"]],
  ],
);

/** Tracking of `xa-bao-thang-2026` to 30 June 2026. */
export const baoThang2026Tracking: SampleTracking = build(
  "baothang.laocai.gov.vn",
  [
    [
      "act-01",
      "phong-vhxh",
      "II.2.a",
      ["II.1.a.1", "II.1.a.2"],
      "Phát thanh về thủ tục hành chính và dịch vụ công trực tuyến",
      "2026",
      [96, "item"],
      "III.2",
      6_000_000,
    ],
    [
      "act-02",
      "trung-tam-hcc",
      "II.2.c",
      ["II.1.b"],
      "Hướng dẫn nộp hồ sơ trực tuyến trên nhóm Zalo các thôn",
      "2026",
      [48, "post"],
      "III.2",
      0,
    ],
    [
      "act-03",
      "van-phong",
      "II.2.b",
      ["II.1.a"],
      "Hội nghị quán triệt Kế hoạch cải cách hành chính năm 2026",
      "2026Q1",
      [1, "event"],
      "III.2",
      3_000_000,
    ],
    [
      "act-04",
      "phong-kinh-te",
      "II.2.b",
      ["II.1.a.2"],
      "Tuyên truyền thanh toán trực tuyến đến hộ kinh doanh",
      ["2026-04-01", "2026-09-30"],
      [3, "event"],
      "III.2",
      4_500_000,
    ],
  ],
  [
    ["act-01", "2026-01-12", 8, undefined, 500_000],
    ["act-01", "2026-02-09", 8, undefined, 500_000],
    ["act-01", "2026-03-09", 8, undefined, 500_000],
    ["act-01", "2026-04-13", 8, undefined, 500_000],
    ["act-01", "2026-05-11", 8, undefined, 500_000],
    ["act-01", "2026-06-08", 8, undefined, 500_000],
    ["act-02", "2026-01-22", 5],
    ["act-02", "2026-03-05", 6],
    ["act-02", "2026-05-14", 4],
    ["act-03", "2026-02-24", 1, 64, 2_800_000],
    ["act-04", "2026-05-20", 1, 45, 1_400_000],
  ],
  [
    ["phong-vhxh", "2026Q1", "2026-03-16T09:00:00+07:00", ["act-01"]],
    ["trung-tam-hcc", "2026Q1", "2026-03-17T10:15:00+07:00", ["act-02"]],
    ["phong-kinh-te", "2026Q1", "2026-03-20T08:40:00+07:00", []],
    ["phong-vhxh", "2026S1", "2026-06-16T14:00:00+07:00", ["act-01"]],
    ["trung-tam-hcc", "2026S1", "2026-06-15T15:30:00+07:00", ["act-02"]],
  ],
);
