/**
 * What the dashboard shows on its first start: the 2018 plan of the Ministry of Information and
 * Communications (the core's `mic-2018` sample) with a year of tracking data, so the lead sees
 * progress, reports on time, late and missing, scores and a ranking straight away.
 *
 * The sample names two groups ("Các cơ quan báo chí thuộc Bộ", "Các cơ quan hành chính thuộc Bộ")
 * without listing their members; an agency lists them, and so does this demo (seven real units of
 * the ministry in 2018). Activities, results and reports are invented demo data, made the same on
 * every start (no randomness), and marked as such in their notes.
 */
import type { Activity, ActualRecord, Cchc, Plan, Unit, UnitReport } from "@cchc/core";
import { addDays, planCalendar, samplePlan } from "@cchc/core";
import { lowerFirst } from "./format.js";

/** The agency (tenant) the demo stores its data under. */
export const DEMO_AGENCY_ID = "bo-tttt";

/** The demo plan's id (the sample's). */
export const DEMO_PLAN_ID = "mic-2018";

const PRESS_GROUP = "cac-co-quan-bao-chi-thuoc-bo";
const ADMIN_GROUP = "cac-co-quan-hanh-chinh-thuoc-bo";

const PRESS_MEMBERS: readonly Unit[] = [
  { id: "bao-vietnamnet", name: "Báo VietNamNet", kind: "press-agency" },
  { id: "bao-buu-dien-viet-nam", name: "Báo Bưu điện Việt Nam", kind: "press-agency" },
  {
    id: "tap-chi-thong-tin-va-truyen-thong",
    name: "Tạp chí Thông tin và Truyền thông",
    kind: "press-agency",
  },
];

const ADMIN_MEMBERS: readonly Unit[] = [
  { id: "cuc-bao-chi", name: "Cục Báo chí", kind: "agency" },
  { id: "cuc-vien-thong", name: "Cục Viễn thông", kind: "agency" },
  { id: "cuc-an-toan-thong-tin", name: "Cục An toàn thông tin", kind: "agency" },
  { id: "cuc-thong-tin-co-so", name: "Cục Thông tin cơ sở", kind: "agency" },
];

/** The sample plan with the members of its two groups listed, as an agency would complete it. */
export function demoPlan(): Plan {
  const plan = samplePlan("mic-2018");
  const members: Record<string, readonly Unit[]> = {
    [PRESS_GROUP]: PRESS_MEMBERS,
    [ADMIN_GROUP]: ADMIN_MEMBERS,
  };
  const units = plan.units.map((u) => {
    const list = members[u.id];
    return list ? { ...u, memberIds: list.map((m) => m.id) } : u;
  });
  return { ...plan, units: [...units, ...PRESS_MEMBERS, ...ADMIN_MEMBERS] };
}

/** One planned activity of the demo and how far the unit got with it. */
interface ActivitySpec {
  readonly unitId: string;
  readonly title: string;
  readonly channelId: string;
  readonly contentAreaIds: readonly string[];
  readonly target: number;
  readonly unit: string;
  /** Share of the target achieved by the end of the year. */
  readonly achieved: number;
  readonly plannedCostVnd: number;
  readonly from?: string;
  readonly to?: string;
  /** Share of the planned cost spent (default 0.95). */
  readonly spent?: number;
}

const A = (
  unitId: string,
  title: string,
  channelId: string,
  contentAreaIds: readonly string[],
  target: number,
  unit: string,
  achieved: number,
  plannedCostVnd: number,
  extra: Partial<ActivitySpec> = {},
): ActivitySpec => ({
  unitId,
  title,
  channelId,
  contentAreaIds,
  target,
  unit,
  achieved,
  plannedCostVnd,
  ...extra,
});

const ACTIVITIES: readonly ActivitySpec[] = [
  A(
    "vu-phap-che",
    "Tuyên truyền kết quả hoàn thiện văn bản quy phạm pháp luật về thông tin và truyền thông",
    "II.2.a",
    ["II.1.c.1"],
    6,
    "article",
    1,
    6_000_000,
  ),
  A(
    "vu-phap-che",
    "Lồng ghép nội dung CCHC trong hội nghị phổ biến, giáo dục pháp luật của Bộ",
    "II.2.d",
    ["II.1.b"],
    2,
    "event",
    0.5,
    20_000_000,
  ),
  A(
    "vu-ke-hoach-tai-chinh",
    "Tin, bài về cơ chế tự chủ của đơn vị sự nghiệp công lập thuộc Bộ",
    "II.2.a",
    ["II.1.c.5"],
    4,
    "article",
    1,
    4_000_000,
  ),
  A(
    "vu-ke-hoach-tai-chinh",
    "Tọa đàm về cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
    "II.2.c",
    ["II.1.c.5"],
    1,
    "event",
    1,
    15_000_000,
    { from: "2018-04-01", to: "2018-09-30" },
  ),
  A(
    "vu-khoa-hoc-va-cong-nghe",
    "Tin, bài về kiểm soát thủ tục hành chính trong lĩnh vực khoa học và công nghệ",
    "II.2.a",
    ["II.1.c.2"],
    4,
    "article",
    0.75,
    4_000_000,
  ),
  A(
    "van-phong-bo",
    "Chuyên mục cải cách hành chính trên Cổng thông tin điện tử của Bộ",
    "II.2.a",
    ["II.1.a", "II.1.c", "II.1.e"],
    24,
    "article",
    1,
    24_000_000,
  ),
  A(
    "van-phong-bo",
    "Hội nghị tập huấn nghiệp vụ CCHC cho cán bộ, công chức, viên chức của Bộ",
    "II.2.b",
    ["II.1.c", "II.1.d"],
    2,
    "class",
    1,
    60_000_000,
    { from: "2018-03-01", to: "2018-10-31" },
  ),
  A(
    "van-phong-bo",
    "Tọa đàm về kết quả Chỉ số CCHC năm 2017 của Bộ và giải pháp nâng cao",
    "II.2.c",
    ["II.1.d"],
    1,
    "event",
    1,
    20_000_000,
    { from: "2018-04-01", to: "2018-06-30" },
  ),
  A(
    "trung-tam-thong-tin",
    "Đưa tin về hoạt động của Ban Chỉ đạo CCHC của Bộ",
    "II.2.a",
    ["II.1.đ"],
    12,
    "article",
    0.9,
    6_000_000,
  ),
  A(
    "trung-tam-thong-tin",
    "Tuyên truyền kết quả xây dựng Bộ Thông tin và Truyền thông điện tử",
    "II.2.a",
    ["II.1.c.6"],
    6,
    "article",
    1,
    3_000_000,
  ),
  A(
    "cuc-tin-hoc-hoa",
    "Tuyên truyền kết quả ứng dụng công nghệ thông tin trong hoạt động của Bộ",
    "II.2.a",
    ["II.1.c.6"],
    8,
    "article",
    0.5,
    8_000_000,
  ),
  A(
    "cuc-tin-hoc-hoa",
    "Tập huấn sử dụng dịch vụ công trực tuyến và phần mềm một cửa điện tử",
    "II.2.b",
    ["II.1.c.6", "II.1.c.2"],
    1,
    "class",
    0,
    30_000_000,
    { from: "2018-07-01", to: "2018-11-30" },
  ),
  A(
    "bao-vietnamnet",
    "Chuyên trang cải cách hành chính trên Báo VietNamNet",
    "II.2.a",
    ["II.1.a", "II.1.e"],
    48,
    "article",
    1,
    0,
  ),
  A(
    "bao-buu-dien-viet-nam",
    "Chuyên mục cải cách hành chính trên Báo Bưu điện Việt Nam",
    "II.2.a",
    ["II.1.a", "II.1.e"],
    24,
    "article",
    1,
    0,
  ),
  A(
    "tap-chi-thong-tin-va-truyen-thong",
    "Chuyên mục cải cách hành chính trên Tạp chí Thông tin và Truyền thông",
    "II.2.a",
    ["II.1.a", "II.1.e"],
    12,
    "article",
    0.75,
    0,
  ),
  A(
    "cuc-bao-chi",
    "Tập huấn, quán triệt kế hoạch CCHC cho công chức Cục",
    "II.2.b",
    ["II.1.c"],
    1,
    "class",
    1,
    10_000_000,
    { from: "2018-03-01", to: "2018-06-30" },
  ),
  A(
    "cuc-bao-chi",
    "Lồng ghép CCHC với phổ biến pháp luật về báo chí",
    "II.2.d",
    ["II.1.b"],
    2,
    "event",
    1,
    8_000_000,
  ),
  A(
    "cuc-vien-thong",
    "Tập huấn, quán triệt kế hoạch CCHC cho công chức Cục",
    "II.2.b",
    ["II.1.c"],
    1,
    "class",
    1,
    10_000_000,
    {
      from: "2018-03-01",
      to: "2018-06-30",
    },
  ),
  A(
    "cuc-vien-thong",
    "Lồng ghép CCHC với phổ biến pháp luật về viễn thông",
    "II.2.d",
    ["II.1.b", "II.1.c.2"],
    2,
    "event",
    0.5,
    8_000_000,
  ),
  A(
    "cuc-an-toan-thong-tin",
    "Tập huấn, quán triệt kế hoạch CCHC cho công chức Cục",
    "II.2.b",
    ["II.1.c"],
    1,
    "class",
    1,
    10_000_000,
    { from: "2018-03-01", to: "2018-06-30" },
  ),
  A(
    "cuc-an-toan-thong-tin",
    "Lồng ghép CCHC với phổ biến pháp luật về an toàn thông tin mạng",
    "II.2.d",
    ["II.1.b"],
    2,
    "event",
    1,
    8_000_000,
    { spent: 0.6 },
  ),
  A(
    "cuc-thong-tin-co-so",
    "Tập huấn, quán triệt kế hoạch CCHC cho công chức Cục",
    "II.2.b",
    ["II.1.c"],
    2,
    "class",
    1,
    16_000_000,
    { from: "2018-03-01", to: "2018-10-31" },
  ),
  A(
    "cuc-thong-tin-co-so",
    "Tin, bài về CCHC trên trang thông tin điện tử của Cục",
    "II.2.a",
    ["II.1.a", "II.1.e"],
    8,
    "article",
    0.75,
    4_000_000,
  ),
];

/**
 * Reports of the four administrative agencies, period by period (2018Q1, 2018Q2, 2018S1, 2018Q3,
 * 2018Q4, 2018): "o" on time, "l" late, "-" missing.
 */
const REPORT_PATTERNS: Readonly<Record<string, string>> = {
  "cuc-bao-chi": "oooooo",
  "cuc-vien-thong": "olloo-",
  "cuc-an-toan-thong-tin": "o-o-lo",
  "cuc-thong-tin-co-so": "oolo--",
};

const NOTES: Readonly<Record<string, string>> = {
  article: "Đăng tin, bài trên chuyên mục CCHC (dữ liệu mẫu)",
  class: "Lớp tập huấn tại trụ sở Bộ, Hà Nội (dữ liệu mẫu)",
  event: "Hội nghị, tọa đàm có lồng ghép nội dung CCHC (dữ liệu mẫu)",
};

/** The demo's planned activities. */
export function demoActivities(): Activity[] {
  const count = new Map<string, number>();
  return ACTIVITIES.map((s): Activity => {
    const n = (count.get(s.unitId) ?? 0) + 1;
    count.set(s.unitId, n);
    return {
      id: `${s.unitId}.${n}`,
      unitId: s.unitId,
      channelId: s.channelId,
      contentAreaIds: [...s.contentAreaIds],
      title: s.title,
      from: s.from ?? "2018-01-01",
      to: s.to ?? "2018-12-31",
      target: { value: s.target, unit: s.unit },
      fundingSourceId: s.unitId === "van-phong-bo" ? "III.2.1" : "III.2.2",
      ...(s.plannedCostVnd > 0 ? { plannedCostVnd: s.plannedCostVnd } : {}),
    };
  });
}

/** Days between two ISO dates. */
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/** The demo's actual records: each activity's achieved output spread evenly over its window. */
export function demoRecords(activities: readonly Activity[] = demoActivities()): ActualRecord[] {
  const out: ActualRecord[] = [];
  for (const [i, a] of activities.entries()) {
    const spec = ACTIVITIES[i];
    if (!spec) continue;
    const achieved = Math.round(spec.target * spec.achieved);
    if (achieved === 0) continue;
    // Articles come in a few batches, classes and events one record each.
    const parts = spec.unit === "article" ? Math.min(achieved, 4) : achieved;
    const from = a.from ?? "2018-01-01";
    const to = (a.to ?? "2018-12-31") < "2018-12-10" ? (a.to ?? "2018-12-31") : "2018-12-10";
    const span = daysBetween(from, to);
    const cost = Math.round(((a.plannedCostVnd ?? 0) * spec.achieved * (spec.spent ?? 0.95)) / parts);
    let left = achieved;
    for (let k = 0; k < parts; k++) {
      const output = k === parts - 1 ? left : Math.floor(achieved / parts);
      left -= output;
      const people =
        spec.unit === "class"
          ? 60 + ((i * 7 + k * 13) % 50)
          : spec.unit === "event"
            ? 90 + ((i * 11 + k * 17) % 80)
            : undefined;
      out.push({
        id: `seed-${a.id}-${k + 1}`,
        activityId: a.id,
        unitId: a.unitId,
        date: addDays(from, Math.round(((k + 1) * span) / (parts + 1))),
        output,
        ...(people === undefined ? {} : { participants: people }),
        ...(cost > 0 ? { costVnd: cost } : {}),
        evidenceUrl: `https://example.org/cchc-2018/${a.id}/${k + 1}`,
        note: NOTES[spec.unit] ?? "Dữ liệu mẫu",
      });
    }
  }
  return out;
}

/** The demo's period reports, following `REPORT_PATTERNS`. */
export function demoReports(plan: Plan, records: readonly ActualRecord[] = demoRecords()): UnitReport[] {
  const periods = planCalendar(plan);
  const out: UnitReport[] = [];
  for (const [unitId, pattern] of Object.entries(REPORT_PATTERNS))
    for (const [i, p] of periods.entries()) {
      const mark = pattern[i];
      if (mark !== "o" && mark !== "l") continue;
      const day = mark === "o" ? addDays(p.dueDate, -1 - (i % 3)) : addDays(p.dueDate, 3 + i);
      const activityIds = [
        ...new Set(
          records
            .filter((r) => r.unitId === unitId && r.date >= p.cutoffStart && r.date <= p.cutoffEnd)
            .map((r) => r.activityId),
        ),
      ];
      out.push({
        id: `seed-${unitId}-${p.id}`,
        unitId,
        periodId: p.id,
        submittedAt: `${day}T0${8 + (i % 2)}:${String(10 + i * 7).padStart(2, "0")}:00+07:00`,
        activityIds,
        summary: `Báo cáo kết quả tuyên truyền CCHC ${lowerFirst(p.label.vi)} (dữ liệu mẫu).`,
      });
    }
  return out;
}

/** What `seedDemo` wrote. */
export interface SeedResult {
  readonly plan: boolean;
  readonly units: number;
  readonly activities: number;
  readonly records: number;
  readonly reports: number;
}

/**
 * Stores whatever of the demo is not stored yet for `agencyId`: the plan, its units, activities,
 * records (only while the plan has none, so people's entries are never doubled) and reports. Safe
 * to call on every start, and it finishes a seed an earlier start left half done.
 */
export async function seedDemo(cchc: Cchc, agencyId: string = DEMO_AGENCY_ID): Promise<SeedResult> {
  const plan = demoPlan();
  const hasPlan = (await cchc.plans.list(agencyId)).some((p) => p.planId === DEMO_PLAN_ID);
  if (!hasPlan) await cchc.plans.save(agencyId, plan);
  const knownUnits = new Set((await cchc.units.list(agencyId)).map((u) => u.value.id));
  const units = plan.units.filter((u) => !knownUnits.has(u.id));
  for (const u of units) await cchc.units.save(agencyId, u);
  const knownActivities = new Set(
    (await cchc.activities.list(agencyId, DEMO_PLAN_ID)).map((a) => a.value.id),
  );
  const all = demoActivities();
  const activities = all.filter((a) => !knownActivities.has(a.id));
  for (const a of activities) await cchc.activities.save(agencyId, DEMO_PLAN_ID, a);
  const records = demoRecords(all);
  const recordCount = (await cchc.records.count(agencyId, DEMO_PLAN_ID)) === 0 ? records.length : 0;
  if (recordCount > 0) await cchc.records.insert(agencyId, DEMO_PLAN_ID, records);
  const knownReports = new Set((await cchc.reports.list(agencyId, DEMO_PLAN_ID)).map((r) => r.value.id));
  const reports = demoReports(plan, records).filter((r) => !knownReports.has(r.id));
  for (const r of reports) await cchc.reports.submit(agencyId, DEMO_PLAN_ID, r);
  return {
    plan: !hasPlan,
    units: units.length,
    activities: activities.length,
    records: recordCount,
    reports: reports.length,
  };
}
