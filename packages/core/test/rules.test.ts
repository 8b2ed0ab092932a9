import { describe, expect, it } from "vitest";
import {
  type BudgetLine,
  DEFAULT_CATALOGUES,
  extendCatalogues,
  type Finding,
  type FindingPath,
  mic2018,
  type PeriodType,
  PLAN_RULES,
  type Severity,
  type ValidateOptions,
  validatePlan,
} from "../src/index.js";
import { allFindings, at, expectWellFormed, issuedSample, mutated, sample } from "./support.js";

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const label = (vi: string, en: string) => ({ vi, en });

function budgetLine(over: Partial<BudgetLine> = {}): BudgetLine {
  return {
    id: "bl-1",
    fundingSourceId: "III.2.1",
    description: "Tập huấn CCHC",
    amountVnd: 50_000_000,
    contentAreaIds: [],
    ...over,
  };
}

/** Leaves of the sample's content tree, i.e. every area except II.1.c (whose six pillars are its children). */
const SAMPLE_LEAF_IDS = [
  "II.1.a",
  "II.1.b",
  "II.1.c.1",
  "II.1.c.2",
  "II.1.c.3",
  "II.1.c.4",
  "II.1.c.5",
  "II.1.c.6",
  "II.1.d",
  "II.1.đ",
  "II.1.e",
];

/** Index of a content area of the sample by id. */
function caIndex(id: string): number {
  const i = sample().contentAreas.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`no content area ${id}`);
  return i;
}

const withNumber = (n: string) => mutated((p) => (p.number = n), issuedSample);
const withPeriods = (periodTypes: PeriodType[]) =>
  mutated((p) => {
    if (p.reporting) p.reporting.periodTypes = periodTypes;
  });

interface Case {
  readonly name: string;
  readonly input: () => unknown;
  readonly options?: ValidateOptions;
}
interface FailCase extends Case {
  /** The exact paths of this rule's findings, in order. */
  readonly paths: readonly FindingPath[];
}
interface RuleCases {
  readonly severity: Severity;
  readonly pass: readonly Case[];
  readonly fail: readonly FailCase[];
}

const samplePasses: Case = { name: "the mic-2018 sample", input: sample };
const issuedPasses: Case = { name: "the issued sample", input: issuedSample };

const headerCases = (field: "number" | "date" | "place" | "signer"): RuleCases => ({
  severity: "warning",
  pass: [issuedPasses],
  fail: [
    { name: `the sample has no ${field}`, input: sample, paths: [[field]] },
    {
      name: `the issued sample without ${field}`,
      input: () => mutated((p) => delete p[field], issuedSample),
      paths: [[field]],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// One entry per rule code: at least one passing and one failing case
// ---------------------------------------------------------------------------------------------

const CASES: Record<string, RuleCases> = {
  "id-duplicate": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "the same id in two different lists",
        input: () =>
          mutated((p) => {
            p.budgetLines = [budgetLine({ id: "I.1.a" })];
          }),
      },
    ],
    fail: [
      {
        name: "duplicate objective",
        input: () => mutated((p) => p.objectives.push({ ...at(p.objectives, 0) })),
        paths: [["objectives", 3, "id"]],
      },
      {
        name: "duplicate requirement",
        input: () => mutated((p) => p.requirements.push({ id: "I.2.b", text: "Khác" })),
        paths: [["requirements", 3, "id"]],
      },
      {
        name: "duplicate audience",
        input: () => mutated((p) => p.audiences.push({ id: "I.3", kind: "citizens", text: "Người dân" })),
        paths: [["audiences", 1, "id"]],
      },
      {
        name: "duplicate content area",
        input: () => mutated((p) => p.contentAreas.push({ id: "II.1.đ", kind: "other", text: "Khác" })),
        paths: [["contentAreas", 12, "id"]],
      },
      {
        name: "duplicate channel",
        input: () => mutated((p) => p.channels.push({ id: "II.2.a", kinds: ["contest"], text: "Cuộc thi" })),
        paths: [["channels", 4, "id"]],
      },
      {
        name: "duplicate unit id with another name",
        input: () =>
          mutated((p) => p.units.push({ id: "vu-phap-che", name: "Thanh tra Bộ", kind: "inspectorate" })),
        paths: [["units", 9, "id"]],
      },
      {
        name: "duplicate responsibility",
        input: () =>
          mutated((p) =>
            p.responsibilities.push({
              ...at(p.responsibilities, 2),
              text: "Lặp lại",
              unitIds: ["vu-phap-che"],
            }),
          ),
        paths: [["responsibilities", 4, "id"]],
      },
      {
        name: "duplicate funding source",
        input: () => mutated((p) => p.fundingSources.push({ ...at(p.fundingSources, 1) })),
        paths: [["fundingSources", 2, "id"]],
      },
      {
        name: "duplicate budget line",
        input: () => mutated((p) => (p.budgetLines = [budgetLine(), budgetLine({ amountVnd: 1 })])),
        paths: [["budgetLines", 1, "id"]],
      },
      {
        name: "the same objective three times: every repeat reported",
        input: () =>
          mutated((p) => p.objectives.push({ ...at(p.objectives, 1) }, { ...at(p.objectives, 1) })),
        paths: [
          ["objectives", 3, "id"],
          ["objectives", 4, "id"],
        ],
      },
    ],
  },

  "unit-duplicate": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "similar but different names",
        input: () =>
          mutated((p) =>
            p.units.push(
              { id: "uy-ban-tinh", name: "Ủy ban nhân dân tỉnh", kind: "provincial-committee" },
              { id: "uy-ban-huyen", name: "Ủy ban nhân dân huyện", kind: "district-committee" },
            ),
          ),
      },
    ],
    fail: [
      {
        name: "same name in another case",
        input: () =>
          mutated((p) => p.units.push({ id: "tccb-2", name: "VỤ TỔ CHỨC CÁN BỘ", kind: "department" })),
        paths: [["units", 9, "name"]],
      },
      {
        name: "same name with different spacing",
        input: () =>
          mutated((p) => p.units.push({ id: "phap-che-2", name: "  Vụ  Pháp   chế ", kind: "department" })),
        paths: [["units", 9, "name"]],
      },
      {
        name: '"Uỷ" and "Ủy" tone placement',
        input: () =>
          mutated((p) =>
            p.units.push(
              { id: "ubnd-1", name: "Ủy ban nhân dân tỉnh", kind: "provincial-committee" },
              { id: "ubnd-2", name: "Uỷ ban nhân dân tỉnh", kind: "provincial-committee" },
            ),
          ),
        paths: [["units", 10, "name"]],
      },
      {
        name: "NFD spelling of an NFC name, mixed case",
        input: () =>
          mutated((p) =>
            p.units.push({ id: "ttt-2", name: "trung TÂM thông tin".normalize("NFD"), kind: "centre" }),
          ),
        paths: [["units", 9, "name"]],
      },
    ],
  },

  "unit-unknown": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "every reference place pointing at a known unit",
        input: () =>
          mutated((p) => {
            p.units.push({
              id: "bao-vietnamnet",
              name: "Báo VietNamNet",
              kind: "press-agency",
              parentUnitId: "van-phong-bo",
            });
            at(p.units, 7).memberIds = ["bao-vietnamnet"];
            p.budgetLines = [budgetLine({ unitId: "van-phong-bo" })];
            if (p.reporting) p.reporting.recipientUnitId = "vu-to-chuc-can-bo";
            at(p.recipients, 2).unitId = "cac-co-quan-hanh-chinh-thuoc-bo";
          }),
      },
      {
        name: 'reporters "all"',
        input: () =>
          mutated((p) => {
            if (p.reporting) p.reporting.reporterUnitIds = "all";
          }),
      },
    ],
    fail: [
      {
        name: "responsibilities[].unitIds",
        input: () => mutated((p) => (at(p.responsibilities, 1).unitIds[2] = "vu-khong-co")),
        paths: [["responsibilities", 1, "unitIds", 2]],
      },
      {
        name: "units[].parentUnitId",
        input: () => mutated((p) => (at(p.units, 0).parentUnitId = "bo-khong-co")),
        paths: [["units", 0, "parentUnitId"]],
      },
      {
        name: "units[].memberIds",
        input: () => mutated((p) => (at(p.units, 7).memberIds = ["vu-phap-che", "bao-khong-co"])),
        paths: [["units", 7, "memberIds", 1]],
      },
      {
        name: "fundingSources[].managedBy.unitId",
        input: () => mutated((p) => (at(p.fundingSources, 0).managedBy = { scope: "unit", unitId: "vp" })),
        paths: [["fundingSources", 0, "managedBy", "unitId"]],
      },
      {
        name: "budgetLines[].unitId",
        input: () => mutated((p) => (p.budgetLines = [budgetLine({ unitId: "khong-co" })])),
        paths: [["budgetLines", 0, "unitId"]],
      },
      {
        name: "reporting.reporterUnitIds",
        input: () =>
          mutated((p) => {
            if (p.reporting) p.reporting.reporterUnitIds = ["cac-co-quan-hanh-chinh-thuoc-bo", "khong-co"];
          }),
        paths: [["reporting", "reporterUnitIds", 1]],
      },
      {
        name: "reporting.recipientUnitId",
        input: () =>
          mutated((p) => {
            if (p.reporting) p.reporting.recipientUnitId = "khong-co";
          }),
        paths: [["reporting", "recipientUnitId"]],
      },
      {
        name: "recipients[].unitId",
        input: () => mutated((p) => (at(p.recipients, 0).unitId = "bo-noi-vu")),
        paths: [["recipients", 0, "unitId"]],
      },
      {
        name: "several places at once, in reporting order",
        input: () =>
          mutated((p) => {
            at(p.responsibilities, 0).unitIds = ["x1"];
            at(p.recipients, 3).unitId = "x2";
          }),
        paths: [
          ["responsibilities", 0, "unitIds", 0],
          ["recipients", 3, "unitId"],
        ],
      },
    ],
  },

  "content-area-unknown": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "known references in responsibilities and budget lines",
        input: () =>
          mutated((p) => {
            at(p.responsibilities, 1).contentAreaIds = ["II.1.c.1", "II.1.c.5"];
            p.budgetLines = [budgetLine({ contentAreaIds: ["II.1.a", "II.1.đ"] })];
          }),
      },
    ],
    fail: [
      {
        name: "contentAreas[].parentId",
        input: () => mutated((p) => (at(p.contentAreas, 3).parentId = "II.1.z")),
        paths: [["contentAreas", 3, "parentId"]],
      },
      {
        name: "responsibilities[].contentAreaIds",
        input: () => mutated((p) => (at(p.responsibilities, 1).contentAreaIds = ["II.1.a", "II.9"])),
        paths: [["responsibilities", 1, "contentAreaIds", 1]],
      },
      {
        name: "budgetLines[].contentAreaIds",
        input: () => mutated((p) => (p.budgetLines = [budgetLine({ contentAreaIds: ["II.1.a", "nope"] })])),
        paths: [["budgetLines", 0, "contentAreaIds", 1]],
      },
    ],
  },

  "channel-unknown": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "a budget line on a known channel",
        input: () => mutated((p) => (p.budgetLines = [budgetLine({ channelId: "II.2.b" })])),
      },
    ],
    fail: [
      {
        name: "responsibilities[].channelIds",
        input: () => mutated((p) => (at(p.responsibilities, 2).channelIds = ["II.2.a", "II.2.z"])),
        paths: [["responsibilities", 2, "channelIds", 1]],
      },
      {
        name: "budgetLines[].channelId",
        input: () =>
          mutated((p) => (p.budgetLines = [budgetLine(), budgetLine({ id: "bl-2", channelId: "x" })])),
        paths: [["budgetLines", 1, "channelId"]],
      },
    ],
  },

  "funding-source-unknown": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "budget lines on both sources",
        input: () =>
          mutated(
            (p) => (p.budgetLines = [budgetLine(), budgetLine({ id: "bl-2", fundingSourceId: "III.2.2" })]),
          ),
      },
    ],
    fail: [
      {
        name: "budgetLines[].fundingSourceId",
        input: () =>
          mutated(
            (p) => (p.budgetLines = [budgetLine(), budgetLine({ id: "bl-2", fundingSourceId: "III.2.9" })]),
          ),
        paths: [["budgetLines", 1, "fundingSourceId"]],
      },
    ],
  },

  "kind-unknown": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "kinds declared in the plan's customKinds (all five catalogues)",
        input: () =>
          mutated((p) => {
            p.customKinds = {
              contentKinds: [
                { code: "chuyen-doi-so", label: label("Chuyển đổi số", "Digital transformation") },
              ],
              channelKinds: [{ code: "loa-xa", label: label("Loa truyền thanh xã", "Commune loudspeakers") }],
              unitKinds: [{ code: "ban-quan-ly", label: label("Ban quản lý", "Management board") }],
              fundingKinds: [{ code: "tai-tro", label: label("Tài trợ", "Sponsorship") }],
              audienceKinds: [{ code: "hoc-sinh", label: label("Học sinh", "Pupils") }],
            };
            at(p.contentAreas, 0).kind = "chuyen-doi-so";
            at(p.channels, 0).kinds = ["press", "loa-xa"];
            at(p.units, 0).kind = "ban-quan-ly";
            at(p.fundingSources, 1).kind = "tai-tro";
            at(p.audiences, 0).kind = "hoc-sinh";
          }),
      },
      {
        name: "kinds added through validatePlan options (extendCatalogues)",
        input: () =>
          mutated((p) => {
            at(p.channels, 0).kinds = ["zalo-oa-tinh"];
            at(p.units, 0).kind = "ban-quan-ly";
          }),
        options: {
          catalogues: extendCatalogues(DEFAULT_CATALOGUES, {
            channelKinds: [{ code: "zalo-oa-tinh", label: label("Zalo OA của tỉnh", "Provincial Zalo OA") }],
            unitKinds: [{ code: "ban-quan-ly", label: label("Ban quản lý", "Management board") }],
          }),
        },
      },
      {
        name: "options catalogues and the plan's customKinds combined",
        input: () =>
          mutated((p) => {
            p.customKinds = { channelKinds: [{ code: "pano", label: label("Pano", "Billboard") }] };
            at(p.channels, 0).kinds = ["pano", "zalo-oa-tinh"];
          }),
        options: {
          catalogues: extendCatalogues(DEFAULT_CATALOGUES, {
            channelKinds: [{ code: "zalo-oa-tinh", label: label("Zalo OA của tỉnh", "Provincial Zalo OA") }],
          }),
        },
      },
    ],
    fail: [
      {
        name: "contentAreas[].kind",
        input: () => mutated((p) => (at(p.contentAreas, 0).kind = "bogus")),
        paths: [["contentAreas", 0, "kind"]],
      },
      {
        name: "channels[].kinds[]",
        input: () => mutated((p) => (at(p.channels, 0).kinds = ["press", "zalo-oa-x"])),
        paths: [["channels", 0, "kinds", 1]],
      },
      {
        name: "units[].kind",
        input: () => mutated((p) => (at(p.units, 4).kind = "phong")),
        paths: [["units", 4, "kind"]],
      },
      {
        name: "fundingSources[].kind",
        input: () => mutated((p) => (at(p.fundingSources, 1).kind = "tai-tro")),
        paths: [["fundingSources", 1, "kind"]],
      },
      {
        name: "audiences[].kind",
        input: () => mutated((p) => (at(p.audiences, 0).kind = "hoc-sinh")),
        paths: [["audiences", 0, "kind"]],
      },
      {
        name: "a custom kind counts only in its own catalogue",
        input: () =>
          mutated((p) => {
            p.customKinds = { contentKinds: [{ code: "pano", label: label("Pano", "Billboard") }] };
            at(p.channels, 1).kinds = ["pano"];
          }),
        paths: [["channels", 1, "kinds", 0]],
      },
      {
        name: "a pillar code is a content kind, not a channel kind",
        input: () => mutated((p) => (at(p.channels, 3).kinds = ["pillar-institutional"])),
        paths: [["channels", 3, "kinds", 0]],
      },
    ],
  },

  "hierarchy-cycle": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "a proper unit hierarchy",
        input: () =>
          mutated((p) => {
            at(p.units, 1).parentUnitId = "van-phong-bo";
            at(p.units, 2).parentUnitId = "vu-phap-che";
          }),
      },
    ],
    fail: [
      {
        name: "content areas parent of each other",
        input: () =>
          mutated((p) => {
            at(p.contentAreas, 0).parentId = "II.1.b";
            at(p.contentAreas, 1).parentId = "II.1.a";
          }),
        paths: [
          ["contentAreas", 0, "parentId"],
          ["contentAreas", 1, "parentId"],
        ],
      },
      {
        name: "a unit its own parent",
        input: () => mutated((p) => (at(p.units, 0).parentUnitId = "vu-to-chuc-can-bo")),
        paths: [["units", 0, "parentUnitId"]],
      },
      {
        name: "a three-unit cycle, with a unit hanging off it not reported",
        input: () =>
          mutated((p) => {
            at(p.units, 1).parentUnitId = "vu-ke-hoach-tai-chinh";
            at(p.units, 2).parentUnitId = "vu-khoa-hoc-va-cong-nghe";
            at(p.units, 3).parentUnitId = "vu-phap-che";
            at(p.units, 4).parentUnitId = "vu-phap-che";
          }),
        paths: [
          ["units", 1, "parentUnitId"],
          ["units", 2, "parentUnitId"],
          ["units", 3, "parentUnitId"],
        ],
      },
    ],
  },

  "lead-unit-missing": {
    severity: "error",
    pass: [samplePasses],
    fail: [
      {
        name: "lead role removed",
        input: () => mutated((p) => (at(p.responsibilities, 0).roles = ["monitor"])),
        paths: [["responsibilities"]],
      },
      {
        name: "no responsibilities at all",
        input: () => mutated((p) => (p.responsibilities = [])),
        paths: [["responsibilities"]],
      },
    ],
  },

  "lead-unit-multiple": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "the same unit leading in two clauses is still one lead",
        input: () =>
          mutated((p) =>
            p.responsibilities.push({
              id: "III.1.e",
              unitIds: ["vu-to-chuc-can-bo"],
              roles: ["lead"],
              text: "Vụ Tổ chức cán bộ tổng hợp báo cáo.",
              duties: [],
              contentAreaIds: [],
              channelIds: [],
            }),
          ),
      },
    ],
    fail: [
      {
        name: "a second clause with the lead role",
        input: () => mutated((p) => at(p.responsibilities, 2).roles.push("lead")),
        paths: [
          ["responsibilities", 0, "roles"],
          ["responsibilities", 2, "roles"],
        ],
      },
      {
        name: "one lead clause naming two units",
        input: () => mutated((p) => at(p.responsibilities, 0).unitIds.push("van-phong-bo")),
        paths: [["responsibilities", 0, "roles"]],
      },
    ],
  },

  "content-area-unassigned": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "every leaf listed: II.1.c is covered through its six pillars",
        input: () =>
          mutated((p) => {
            at(p.responsibilities, 0).contentAreaIds = SAMPLE_LEAF_IDS.slice(0, 5);
            at(p.responsibilities, 1).contentAreaIds = SAMPLE_LEAF_IDS.slice(5);
          }),
      },
    ],
    fail: [
      {
        name: 'no "all" coverage: every leaf reported, the parent II.1.c not',
        input: () => mutated((p) => (at(p.responsibilities, 0).contentAreaIds = [])),
        paths: SAMPLE_LEAF_IDS.map((id) => ["contentAreas", caIndex(id)]),
      },
      {
        name: "half the pillars assigned: the other leaves reported",
        input: () =>
          mutated(
            (p) =>
              (at(p.responsibilities, 0).contentAreaIds = ["II.1.a", "II.1.c.1", "II.1.c.2", "II.1.c.3"]),
          ),
        paths: ["II.1.b", "II.1.c.4", "II.1.c.5", "II.1.c.6", "II.1.d", "II.1.đ", "II.1.e"].map((id) => [
          "contentAreas",
          caIndex(id),
        ]),
      },
    ],
  },

  "funding-manager-missing": {
    severity: "error",
    pass: [samplePasses],
    fail: [
      {
        name: "second source without managedBy",
        input: () => mutated((p) => delete at(p.fundingSources, 1).managedBy),
        paths: [["fundingSources", 1, "managedBy"]],
      },
    ],
  },

  "reporting-missing": {
    severity: "error",
    pass: [samplePasses],
    fail: [{ name: "no reporting", input: () => mutated((p) => delete p.reporting), paths: [["reporting"]] }],
  },

  "reporting-year-not-covered": {
    severity: "error",
    pass: [
      samplePasses,
      { name: "quarter", input: () => withPeriods(["quarter"]) },
      { name: "month", input: () => withPeriods(["month"]) },
      { name: "year", input: () => withPeriods(["year"]) },
      { name: "half-year + quarter", input: () => withPeriods(["half-year", "quarter"]) },
      { name: "half-year + second-half", input: () => withPeriods(["half-year", "second-half"]) },
      {
        name: "calendar months: quarter",
        input: () =>
          mutated((p) => {
            if (!p.reporting) return;
            p.reporting.periodTypes = ["quarter"];
            p.reporting.cutoffRegime = "calendar-month";
          }),
      },
      {
        name: "no reporting (reported by reporting-missing)",
        input: () => mutated((p) => delete p.reporting),
      },
    ],
    fail: [
      {
        name: "half-year alone",
        input: () => withPeriods(["half-year"]),
        paths: [["reporting", "periodTypes"]],
      },
      {
        name: "half-year + nine-month",
        input: () => withPeriods(["half-year", "nine-month"]),
        paths: [["reporting", "periodTypes"]],
      },
      {
        name: "nine-month alone",
        input: () => withPeriods(["nine-month"]),
        paths: [["reporting", "periodTypes"]],
      },
      {
        name: "second-half alone",
        input: () => withPeriods(["second-half"]),
        paths: [["reporting", "periodTypes"]],
      },
    ],
  },

  "reporting-deadline-kinds-conflict": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "working days only",
        input: () =>
          mutated((p) => {
            if (p.reporting) p.reporting.deadlineWorkingDaysAfterCutoff = 5;
          }),
      },
      {
        name: "days for quarters, working days for the year",
        input: () =>
          mutated((p) => {
            if (!p.reporting) return;
            p.reporting.deadlineDaysAfterCutoff = { quarter: 5 };
            p.reporting.deadlineWorkingDaysAfterCutoff = { year: 10 };
          }),
      },
      {
        name: "both for a type the plan does not report on",
        input: () =>
          mutated((p) => {
            if (!p.reporting) return;
            p.reporting.deadlineDaysAfterCutoff = { month: 5 };
            p.reporting.deadlineWorkingDaysAfterCutoff = { month: 3 };
          }),
      },
    ],
    fail: [
      {
        name: "one number of each",
        input: () =>
          mutated((p) => {
            if (!p.reporting) return;
            p.reporting.deadlineDaysAfterCutoff = 5;
            p.reporting.deadlineWorkingDaysAfterCutoff = 5;
          }),
        paths: [["reporting", "deadlineWorkingDaysAfterCutoff"]],
      },
    ],
  },

  "reporting-holiday-duplicate": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "two dates",
        input: () =>
          mutated((p) => {
            if (p.reporting)
              p.reporting.holidays = [
                { date: "2018-02-14", kind: "off" },
                { date: "2018-02-24", kind: "working" },
              ];
          }),
      },
    ],
    fail: [
      {
        name: "one date off and working",
        input: () =>
          mutated((p) => {
            if (p.reporting)
              p.reporting.holidays = [
                { date: "2018-02-14", kind: "off" },
                { date: "2018-02-24", kind: "working" },
                { date: "2018-02-14", kind: "working" },
              ];
          }),
        paths: [["reporting", "holidays", 2, "date"]],
      },
    ],
  },

  "reporting-holiday-outside-year": {
    severity: "warning",
    pass: [
      samplePasses,
      {
        name: "the window's ends",
        input: () =>
          mutated((p) => {
            if (p.reporting)
              p.reporting.holidays = [
                { date: "2017-12-15", kind: "off" },
                { date: "2019-12-31", kind: "off" },
              ];
          }),
      },
    ],
    fail: [
      {
        name: "a 2026 date in a 2018 plan",
        input: () =>
          mutated((p) => {
            if (p.reporting) p.reporting.holidays = [{ date: "2026-02-17", kind: "off" }];
          }),
        paths: [["reporting", "holidays", 0, "date"]],
      },
    ],
  },

  "parent-year-mismatch": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "parent of the same year",
        input: () => mutated((p) => (p.parent = { planId: "bo-2018", year: 2018 })),
      },
    ],
    fail: [
      {
        name: "parent a year earlier",
        input: () => mutated((p) => (p.parent = { planId: "bo-2017", year: 2017, number: "01/KH-BTTTT" })),
        paths: [["parent", "year"]],
      },
      {
        name: "parent a year later",
        input: () => mutated((p) => (p.parent = { planId: "bo-2019", year: 2019 })),
        paths: [["parent", "year"]],
      },
    ],
  },

  "number-format": {
    severity: "error",
    pass: [
      samplePasses,
      ...["12/KH-BTTTT", "05/KH-UBND", "123/KH-SNV", "01/KH-UBND-VP", "10/KH-BTTTT", "01/KH-BTTTT-VP"].map(
        (n): Case => ({ name: n, input: () => withNumber(n) }),
      ),
    ],
    fail: [
      "5/KH-BTTTT",
      "005/KH-BTTTT",
      "012/KH-BTTTT",
      "0/KH-X",
      "00/KH-BTTTT",
      "Số: 12/KH-BTTTT",
      "12/KH_BTTTT",
      "132-KH/UBND",
      "12 /KH-BTTTT",
      "12/kh-btttt",
      "12/KH",
      "KH-BTTTT",
    ].map((n): FailCase => ({ name: n, input: () => withNumber(n), paths: [["number"]] })),
  },

  "number-type-mismatch": {
    severity: "error",
    pass: [
      issuedPasses,
      { name: "a malformed number is left to number-format", input: () => withNumber("12/qđ-BTTTT") },
    ],
    fail: [
      { name: "12/QĐ-BTTTT", input: () => withNumber("12/QĐ-BTTTT"), paths: [["number"]] },
      { name: "12/BC-BTTTT", input: () => withNumber("12/BC-BTTTT"), paths: [["number"]] },
    ],
  },

  "number-issuer-mismatch": {
    severity: "warning",
    pass: [
      issuedPasses,
      { name: "issuer abbreviation followed by a unit suffix", input: () => withNumber("01/KH-BTTTT-TCCB") },
      {
        name: "issuer without an abbreviation",
        input: () =>
          mutated(
            (p) => delete p.issuer.abbreviation,
            () => withNumber("05/KH-UBND"),
          ),
      },
    ],
    fail: [
      { name: "05/KH-UBND from BTTTT", input: () => withNumber("05/KH-UBND"), paths: [["number"]] },
      {
        name: "a longer abbreviation is not a prefix match",
        input: () => withNumber("12/KH-BTTTTX"),
        paths: [["number"]],
      },
    ],
  },

  "date-year-mismatch": {
    severity: "error",
    pass: [
      issuedPasses,
      { name: "late in the year before", input: () => mutated((p) => (p.date = "2017-12-25"), issuedSample) },
      { name: "last day of the year", input: () => mutated((p) => (p.date = "2018-12-31"), issuedSample) },
    ],
    fail: [
      {
        name: "two years before",
        input: () => mutated((p) => (p.date = "2016-12-31"), issuedSample),
        paths: [["date"]],
      },
      {
        name: "the year after",
        input: () => mutated((p) => (p.date = "2019-01-02"), issuedSample),
        paths: [["date"]],
      },
    ],
  },

  "recipients-archive-missing": {
    severity: "error",
    pass: [
      samplePasses,
      {
        name: "no recipients (reported by recipients-missing)",
        input: () => mutated((p) => (p.recipients = [])),
      },
      {
        name: "archive line with a full stop and spacing",
        input: () => mutated((p) => (at(p.recipients, 3).text = "Lưu : VT, SNV.")),
      },
    ],
    fail: [
      {
        name: "archive line missing",
        input: () => mutated((p) => p.recipients.pop()),
        paths: [["recipients", 2]],
      },
      {
        name: "archive line not last",
        input: () =>
          mutated((p) => {
            const archive = p.recipients.pop();
            if (archive) p.recipients.unshift(archive);
          }),
        paths: [["recipients", 0]],
      },
    ],
  },

  "recipients-missing": {
    severity: "warning",
    pass: [samplePasses],
    fail: [
      { name: "no recipients", input: () => mutated((p) => (p.recipients = [])), paths: [["recipients"]] },
    ],
  },

  "header-number-missing": headerCases("number"),
  "header-date-missing": headerCases("date"),
  "header-place-missing": headerCases("place"),
  "header-signer-missing": headerCases("signer"),

  "section-empty": {
    severity: "warning",
    pass: [samplePasses],
    fail: [
      ...(
        ["objectives", "requirements", "audiences", "contentAreas", "channels", "responsibilities"] as const
      ).map(
        (key): FailCase => ({
          name: `no ${key}`,
          input: () => mutated((p) => (p[key] = [])),
          paths: [[key]],
        }),
      ),
      {
        name: "every section empty, reported in outline order",
        input: () =>
          mutated((p) => {
            p.objectives = [];
            p.requirements = [];
            p.audiences = [];
            p.contentAreas = [];
            p.channels = [];
            p.responsibilities = [];
          }),
        paths: [
          ["objectives"],
          ["requirements"],
          ["audiences"],
          ["contentAreas"],
          ["channels"],
          ["responsibilities"],
        ],
      },
    ],
  },
  "unit-kind-not-in-force": {
    severity: "warning",
    pass: [
      samplePasses,
      {
        name: "a district committee in a plan dated 30 June 2025",
        input: () =>
          mutated((p) => {
            Object.assign(p, { year: 2025, date: "2025-06-30" });
            p.units.push({
              id: "ubnd-huyen",
              name: "Ủy ban nhân dân huyện Sa Pa",
              kind: "district-committee",
            });
          }),
      },
    ],
    fail: [
      {
        name: "a district committee and a thị trấn in a plan dated 1 July 2025",
        input: () =>
          mutated((p) => {
            Object.assign(p, { year: 2025, date: "2025-07-01" });
            p.units.push({
              id: "ubnd-huyen",
              name: "Ủy ban nhân dân huyện Sa Pa",
              kind: "district-committee",
            });
            p.units.push({ id: "ubnd-tt", name: "Ủy ban nhân dân thị trấn Phố Lu", kind: "town-committee" });
          }),
        paths: [
          ["units", 9, "kind"],
          ["units", 10, "kind"],
        ],
      },
      {
        name: "an agency's own district-era kind, with its end date, in a 2026 plan",
        input: () =>
          mutated((p) => {
            Object.assign(p, { year: 2026 });
            p.customKinds = {
              unitKinds: [
                {
                  code: "phong-vhtt",
                  label: label("Phòng Văn hóa - Thông tin", "Culture division"),
                  validUntil: "2025-06-30",
                },
              ],
            };
            p.units.push({ id: "p", name: "Phòng Văn hóa - Thông tin", kind: "phong-vhtt" });
          }),
        paths: [["units", 9, "kind"]],
      },
    ],
  },
  "issuer-not-in-force": {
    severity: "warning",
    pass: [
      samplePasses,
      {
        name: "a 2026 plan of the ministry MIC merged into",
        input: () =>
          mutated((p) => {
            Object.assign(p, {
              year: 2026,
              issuer: { name: "Bộ Khoa học và Công nghệ", abbreviation: "BKHCN" },
            });
          }),
      },
      {
        name: "an issuer the reference does not know",
        input: () => mutated((p) => Object.assign(p, { year: 2026, issuer: { name: "Học viện X" } })),
      },
    ],
    fail: [
      {
        name: "a 2026 plan of the Ministry of Information and Communications",
        input: () => mutated((p) => Object.assign(p, { year: 2026 })),
        paths: [["issuer", "name"]],
      },
      {
        name: "a 2020 plan of the Ministry of Agriculture and Environment",
        input: () =>
          mutated((p) => Object.assign(p, { year: 2020, issuer: { name: "Bộ Nông nghiệp và Môi trường" } })),
        paths: [["issuer", "name"]],
      },
    ],
  },
};

// ---------------------------------------------------------------------------------------------
// The table drives the tests
// ---------------------------------------------------------------------------------------------

const ofCode = (findings: readonly Finding[], code: string) => findings.filter((f) => f.code === code);

describe("PLAN_RULES metadata", () => {
  it("has unique kebab-case codes and bilingual titles and descriptions", () => {
    const codes = PLAN_RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of PLAN_RULES) {
      expect(r.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(["error", "warning"]).toContain(r.severity);
      for (const t of [r.title.vi, r.title.en, r.description.vi, r.description.en])
        expect(t.trim()).not.toBe("");
    }
  });

  it("the test table covers only existing rules", () => {
    const codes = new Set(PLAN_RULES.map((r) => r.code));
    for (const code of Object.keys(CASES)) expect(codes.has(code), `stale test case ${code}`).toBe(true);
  });
});

for (const rule of PLAN_RULES) {
  describe(`rule ${rule.code}`, () => {
    const cases = CASES[rule.code];

    it("has test cases (add them to CASES in rules.test.ts)", () => {
      expect(cases, `no test cases for rule ${rule.code}`).toBeDefined();
      expect(cases?.pass.length ?? 0).toBeGreaterThan(0);
      expect(cases?.fail.length ?? 0).toBeGreaterThan(0);
    });
    if (cases === undefined) return;

    it(`has severity ${cases.severity}`, () => {
      expect(rule.severity).toBe(cases.severity);
    });

    for (const c of cases.pass)
      it(`passes: ${c.name}`, () => {
        const r = validatePlan(c.input(), c.options);
        expect(r.plan, "the case must have the shape of a plan").toBeDefined();
        expect(ofCode([...r.errors, ...r.warnings], rule.code)).toEqual([]);
      });

    for (const c of cases.fail)
      it(`fails: ${c.name}`, () => {
        const r = validatePlan(c.input(), c.options);
        expect(r.plan, "the case must have the shape of a plan").toBeDefined();
        expectWellFormed(r);
        const hits = ofCode([...r.errors, ...r.warnings], rule.code);
        expect(hits.map((h) => h.path)).toEqual(c.paths);
        for (const h of hits) {
          expect(h.severity).toBe(cases.severity);
          expect(h.message.vi.trim()).not.toBe("");
          expect(h.message.en.trim()).not.toBe("");
        }
        const bucket = cases.severity === "error" ? r.errors : r.warnings;
        expect(ofCode(bucket, rule.code)).toHaveLength(c.paths.length);
        if (cases.severity === "error") expect(r.ok).toBe(false);
      });
  });
}

// ---------------------------------------------------------------------------------------------
// Rule details the table does not show
// ---------------------------------------------------------------------------------------------

describe("validatePlan on complete plans", () => {
  it("the issued sample has no finding at all", () => {
    const r = validatePlan(issuedSample());
    expect(r).toMatchObject({ ok: true, errors: [], warnings: [] });
  });

  it("warnings alone keep ok true", () => {
    const r = validatePlan(withNumber("05/KH-UBND"));
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(["number-issuer-mismatch"]);
  });

  it("custom rules replace PLAN_RULES", () => {
    const r = validatePlan(sample(), {
      rules: [
        {
          code: "always",
          severity: "error",
          title: label("Luôn", "Always"),
          description: label("Luôn báo", "Always reports"),
          *check() {
            yield { path: ["title"], message: label("có", "yes") };
          },
        },
      ],
    });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      { code: "always", severity: "error", path: ["title"], message: { vi: "có", en: "yes" } },
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("number-format explains the fix in both languages", () => {
    const msg = (n: string) => at(ofCode(allFindings(withNumber(n)), "number-format"), 0).message;
    expect(msg("5/KH-BTTTT").vi).toContain('"05"');
    expect(msg("5/KH-BTTTT").en).toContain('"05"');
    expect(msg("012/KH-BTTTT").vi).toContain('"12"');
    expect(msg("0/KH-BTTTT").vi).toContain("01");
    expect(msg("Số: 12/KH-BTTTT").vi).toContain("Số:");
    expect(msg("12/KH_BTTTT").en).toContain("12/KH-BTTTT");
  });

  it("a unit plan of a province validates on its own", () => {
    const r = validatePlan({
      id: "snv-2024",
      issuer: { name: "Ủy ban nhân dân tỉnh Bắc Ninh", abbreviation: "UBND" },
      number: "05/KH-UBND",
      place: "Bắc Ninh",
      date: "2023-12-28",
      year: 2024,
      title: "Tuyên truyền cải cách hành chính năm 2024",
      parent: { planId: "bo-noi-vu-2024", year: 2024 },
      signer: { authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Văn B" },
      objectives: [{ id: "muc-tieu-1", text: "Nâng cao nhận thức." }],
      requirements: [{ id: "yeu-cau-1", text: "Thiết thực, hiệu quả." }],
      audiences: [{ id: "dt-1", kind: "citizens", text: "Người dân, doanh nghiệp." }],
      contentAreas: [{ id: "nd-1", kind: "one-stop-shop", text: "Cơ chế một cửa." }],
      channels: [{ id: "ht-1", kinds: ["loudspeaker"], text: "Loa truyền thanh cơ sở." }],
      units: [
        { id: "so-noi-vu", name: "Sở Nội vụ", kind: "provincial-department" },
        { id: "ubnd-huyen", name: "Uỷ ban nhân dân các huyện", kind: "district-committee", group: true },
      ],
      responsibilities: [
        {
          id: "tn-1",
          unitIds: ["so-noi-vu"],
          roles: ["lead"],
          text: "Sở Nội vụ chủ trì.",
          contentAreaIds: "all",
        },
        {
          id: "tn-2",
          unitIds: ["ubnd-huyen"],
          roles: ["implement", "report"],
          text: "UBND các huyện thực hiện.",
        },
      ],
      fundingSources: [
        {
          id: "kp-1",
          kind: "par-budget",
          level: "agency",
          text: "Kinh phí CCHC.",
          managedBy: { scope: "unit", unitId: "so-noi-vu" },
        },
      ],
      budgetLines: [
        {
          id: "dong-1",
          fundingSourceId: "kp-1",
          description: "Pano",
          amountVnd: 20_000_000,
          unitId: "so-noi-vu",
        },
      ],
      reporting: { periodTypes: ["quarter", "year"], recipientUnitId: "so-noi-vu" },
      recipients: [{ text: "Bộ Nội vụ" }, { text: "Lưu: VT, SNV." }],
    });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.plan?.units[1]?.name).toBe("Ủy ban nhân dân các huyện");
  });

  it("content-area-unassigned stays fast on a pathological tree of duplicated ids", () => {
    // 22 levels, each id declared twice under the previous one, only the deepest assigned: the
    // coverage walk must not revisit shared subtrees (2^22 visits take about a second; a few more
    // levels and validation hangs).
    const p = sample();
    p.contentAreas = [{ id: "n0", kind: "other", text: "n0" }];
    for (let i = 1; i <= 22; i++)
      for (let k = 0; k < 2; k++)
        p.contentAreas.push({ id: `n${i}`, kind: "other", text: `n${i}`, parentId: `n${i - 1}` });
    at(p.responsibilities, 0).contentAreaIds = ["n22"];
    const started = performance.now();
    const r = validatePlan(p);
    const elapsed = performance.now() - started;
    expect(ofCode(r.errors, "id-duplicate")).toHaveLength(22);
    expect(elapsed).toBeLessThan(200);
  });
});

// ---------------------------------------------------------------------------------------------
// Shape findings: input that is not a plan
// ---------------------------------------------------------------------------------------------

const json = () => JSON.parse(JSON.stringify(mic2018)) as Record<string, unknown>;

function shape(input: unknown) {
  const r = validatePlan(input);
  expectWellFormed(r);
  expect(r.ok).toBe(false);
  expect(r.plan).toBeUndefined();
  // The domain findings of the parts that parse follow the shape errors (partialPlan.ts).
  const shapeErrors = r.errors.filter((f) => f.code.startsWith("shape."));
  expect(shapeErrors.length).toBeGreaterThan(0);
  for (const f of shapeErrors) expect(f.severity).toBe("error");
  return shapeErrors;
}

const codesAndPaths = (fs: readonly Finding[]) => fs.map((f) => ({ code: f.code, path: f.path }));

describe("shape findings", () => {
  it("{} reports the four required fields", () => {
    expect(codesAndPaths(shape({}))).toEqual([
      { code: "shape.required", path: ["id"] },
      { code: "shape.required", path: ["issuer"] },
      { code: "shape.required", path: ["year"] },
      { code: "shape.required", path: ["title"] },
    ]);
  });

  it("a missing nested required field", () => {
    const p = json();
    p.issuer = {};
    expect(codesAndPaths(shape(p))).toEqual([{ code: "shape.required", path: ["issuer", "name"] }]);
  });

  it("wrong types are invalid_type, not missing fields", () => {
    expect(codesAndPaths(shape({ ...json(), year: "2018" }))).toEqual([
      { code: "shape.invalid_type", path: ["year"] },
    ]);
    expect(codesAndPaths(shape({ ...json(), issuer: "BTTTT" }))).toEqual([
      { code: "shape.invalid_type", path: ["issuer"] },
    ]);
    expect(codesAndPaths(shape({ ...json(), objectives: { a: 1 } }))).toEqual([
      { code: "shape.invalid_type", path: ["objectives"] },
    ]);
    expect(codesAndPaths(shape({ ...json(), title: null }))).toEqual([
      { code: "shape.invalid_type", path: ["title"] },
    ]);
  });

  it("a non-object input is an invalid_type at the root", () => {
    for (const input of [null, 42, "kế hoạch", [], true])
      expect(codesAndPaths(shape(input))).toEqual([{ code: "shape.invalid_type", path: [] }]);
  });

  it("undefined input is reported, not thrown", () => {
    const errors = shape(undefined);
    expect(errors).toHaveLength(1);
    expect(at(errors, 0).path).toEqual([]);
  });

  it("an unknown key (typo) is reported at the object holding it, naming the key", () => {
    const p = json();
    p.objectivs = p.objectives;
    const errors = shape(p);
    expect(codesAndPaths(errors)).toEqual([{ code: "shape.unrecognized_keys", path: [] }]);
    expect(at(errors, 0).message.vi).toContain("objectivs");
    expect(at(errors, 0).message.en).toContain("objectivs");
  });

  it("an unknown key in a nested item", () => {
    const p = sample() as unknown as { units: Record<string, unknown>[] };
    const unit = at(p.units, 2);
    unit.nam = unit.name;
    expect(codesAndPaths(shape(p))).toEqual([{ code: "shape.unrecognized_keys", path: ["units", 2] }]);
  });

  it('a date that does not exist ("2018-02-30")', () => {
    const errors = shape({ ...json(), date: "2018-02-30" });
    expect(codesAndPaths(errors)).toEqual([{ code: "shape.invalid_format", path: ["date"] }]);
    expect(at(errors, 0).message.en).toContain("YYYY-MM-DD");
  });

  it("years outside 2000–2100", () => {
    expect(codesAndPaths(shape({ ...json(), year: 1999 }))).toEqual([
      { code: "shape.too_small", path: ["year"] },
    ]);
    expect(codesAndPaths(shape({ ...json(), year: 2101 }))).toEqual([
      { code: "shape.too_big", path: ["year"] },
    ]);
    expect(codesAndPaths(shape({ ...json(), year: 2018.5 }))).toEqual([
      { code: "shape.invalid_type", path: ["year"] },
    ]);
    expect(validatePlan({ ...json(), year: 2000 }).plan).toBeDefined();
    expect(validatePlan({ ...json(), year: 2100 }).plan).toBeDefined();
  });

  it("blank text after trimming", () => {
    expect(codesAndPaths(shape({ ...json(), title: "   " }))).toEqual([
      { code: "shape.too_small", path: ["title"] },
    ]);
  });

  it("a role outside the closed list", () => {
    const p = sample() as unknown as { responsibilities: { roles: string[] }[] };
    at(p.responsibilities, 1).roles = ["implement", "boss"];
    expect(codesAndPaths(shape(p))).toEqual([
      { code: "shape.invalid_value", path: ["responsibilities", 1, "roles", 1] },
    ]);
  });

  it('contentAreaIds neither "all" nor a list', () => {
    const p = sample() as unknown as { responsibilities: { contentAreaIds: unknown }[] };
    at(p.responsibilities, 1).contentAreaIds = "some";
    expect(codesAndPaths(shape(p))).toEqual([
      { code: "shape.invalid_union", path: ["responsibilities", 1, "contentAreaIds"] },
    ]);
  });

  it("an id with spaces", () => {
    const p = json();
    p.id = "ke hoach";
    expect(codesAndPaths(shape(p))).toEqual([{ code: "shape.invalid_format", path: ["id"] }]);
  });

  it("several problems are all reported", () => {
    const errors = shape({ ...json(), year: 1999, date: "2018-13-01", objectivs: [] });
    expect(errors.map((e) => e.code).sort()).toEqual(
      ["shape.invalid_format", "shape.too_small", "shape.unrecognized_keys"].sort(),
    );
  });

  it("every shape finding has a Vietnamese and an English message", () => {
    for (const input of [{}, null, { ...json(), year: "x" }, { ...json(), date: "2018-02-30", foo: 1 }])
      for (const f of shape(input)) {
        expect(f.message.vi.trim()).not.toBe("");
        expect(f.message.en.trim()).not.toBe("");
      }
  });
});
