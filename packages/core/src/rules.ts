/**
 * The domain rules of a plan, as data: each rule has a stable code, a severity, a bilingual title
 * and description (the rules reference in docs is generated from this list), and a check.
 */
import { coversWholeYear } from "./calendar.js";
import type { CatalogueEntry, Catalogues } from "./catalogues.js";
import type { FindingPath, Severity } from "./finding.js";
import { CALENDAR_RULES } from "./holidays/rules.js";
import type { Plan } from "./plan.js";
import { STRUCTURE_RULES } from "./structureRules.js";
import { foldForComparison, type LocalizedText } from "./text.js";

/** What a rule's check sees: the parsed plan and the catalogues in force for it. */
export interface RuleContext {
  readonly plan: Plan;
  readonly catalogues: Catalogues;
}

/** One breach found by a rule. */
export interface RuleHit {
  readonly path: FindingPath;
  readonly message: LocalizedText;
}

/** A domain rule: documentation and check in one place, so the two cannot drift apart. */
export interface PlanRule {
  readonly code: string;
  readonly severity: Severity;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** Yields one hit per problem found, lazily, so a rule can stop early and a plan is read once. */
  readonly check: (ctx: RuleContext) => Iterable<RuleHit>;
}

const hit = (path: FindingPath, vi: string, en: string): RuleHit => ({ path, message: { vi, en } });

type Collection =
  | "objectives"
  | "requirements"
  | "audiences"
  | "contentAreas"
  | "channels"
  | "units"
  | "responsibilities"
  | "fundingSources"
  | "budgetLines";
const COLLECTIONS: readonly Collection[] = [
  "objectives",
  "requirements",
  "audiences",
  "contentAreas",
  "channels",
  "units",
  "responsibilities",
  "fundingSources",
  "budgetLines",
];

function ids<T extends { id: string }>(items: readonly T[]): Set<string> {
  return new Set(items.map((i) => i.id));
}

/** Every place a plan refers to a unit, with the path of the reference. */
function* unitReferences(plan: Plan): Generator<readonly [FindingPath, string]> {
  for (const [i, r] of plan.responsibilities.entries())
    for (const [j, u] of r.unitIds.entries()) yield [["responsibilities", i, "unitIds", j], u];
  for (const [i, u] of plan.units.entries()) {
    if (u.parentUnitId !== undefined) yield [["units", i, "parentUnitId"], u.parentUnitId];
    for (const [j, m] of (u.memberIds ?? []).entries()) yield [["units", i, "memberIds", j], m];
  }
  for (const [i, f] of plan.fundingSources.entries())
    if (f.managedBy?.scope === "unit")
      yield [["fundingSources", i, "managedBy", "unitId"], f.managedBy.unitId];
  for (const [i, b] of plan.budgetLines.entries())
    if (b.unitId !== undefined) yield [["budgetLines", i, "unitId"], b.unitId];
  if (plan.reporting) {
    const r = plan.reporting;
    if (r.reporterUnitIds !== "all")
      for (const [j, u] of r.reporterUnitIds.entries()) yield [["reporting", "reporterUnitIds", j], u];
    if (r.recipientUnitId !== undefined) yield [["reporting", "recipientUnitId"], r.recipientUnitId];
  }
  for (const [i, r] of plan.recipients.entries())
    if (r.unitId !== undefined) yield [["recipients", i, "unitId"], r.unitId];
}

function* contentAreaReferences(plan: Plan): Generator<readonly [FindingPath, string]> {
  for (const [i, c] of plan.contentAreas.entries())
    if (c.parentId !== undefined) yield [["contentAreas", i, "parentId"], c.parentId];
  for (const [i, r] of plan.responsibilities.entries())
    if (r.contentAreaIds !== "all")
      for (const [j, c] of r.contentAreaIds.entries())
        yield [["responsibilities", i, "contentAreaIds", j], c];
  for (const [i, b] of plan.budgetLines.entries())
    for (const [j, c] of b.contentAreaIds.entries()) yield [["budgetLines", i, "contentAreaIds", j], c];
}

function* channelReferences(plan: Plan): Generator<readonly [FindingPath, string]> {
  for (const [i, r] of plan.responsibilities.entries())
    for (const [j, c] of r.channelIds.entries()) yield [["responsibilities", i, "channelIds", j], c];
  for (const [i, b] of plan.budgetLines.entries())
    if (b.channelId !== undefined) yield [["budgetLines", i, "channelId"], b.channelId];
}

/** Units holding the lead role, in plan order, each once. */
export function leadUnitIds(plan: Plan): string[] {
  const out = new Set<string>();
  for (const r of plan.responsibilities) if (r.roles.includes("lead")) for (const u of r.unitIds) out.add(u);
  return [...out];
}

function* kindHits(
  items: readonly { kind?: string; kinds?: readonly string[] }[],
  collection: Collection,
  catalogue: readonly CatalogueEntry[],
  what: LocalizedText,
): Generator<RuleHit> {
  const known = new Set(catalogue.map((e) => e.code));
  for (const [i, item] of items.entries()) {
    const kinds = item.kinds ?? (item.kind === undefined ? [] : [item.kind]);
    for (const [j, k] of kinds.entries()) {
      if (known.has(k)) continue;
      const path = item.kinds ? [collection, i, "kinds", j] : [collection, i, "kind"];
      yield hit(
        path,
        `Loại ${what.vi} "${k}" không có trong danh mục; thêm vào "customKinds" nếu đây là loại riêng của cơ quan.`,
        `Unknown ${what.en} kind "${k}"; add it under "customKinds" if it is your agency's own.`,
      );
    }
  }
}

/** Decree 30 number/symbol: number (padded below 10), "/", type, "-", issuer abbreviation. */
const NUMBER_SYMBOL = /^(\d+)\/([A-ZĐ]+)-([A-ZĐ0-9]+(?:[-.][A-ZĐ0-9]+)*)$/u;

const headerRule = (
  code: string,
  field: "number" | "date" | "place" | "signer",
  vi: string,
  en: string,
): PlanRule => ({
  code,
  severity: "warning",
  title: { vi: `Thiếu ${vi}`, en: `Missing ${en}` },
  description: {
    vi: `Văn bản ban hành theo Nghị định 30/2020/NĐ-CP cần có ${vi}; thiếu thì vẫn theo dõi được nhưng chưa thể ban hành.`,
    en: `A document issued under Decree 30/2020 carries its ${en}; without it the plan can be tracked but not issued.`,
  },
  *check({ plan }) {
    if (plan[field] === undefined) yield hit([field], `Kế hoạch chưa có ${vi}.`, `The plan has no ${en}.`);
  },
});

/** Every domain rule, in the order findings are reported. */
export const PLAN_RULES: readonly PlanRule[] = [
  {
    code: "id-duplicate",
    severity: "error",
    title: { vi: "Trùng mã", en: "Duplicate id" },
    description: {
      vi: "Trong mỗi danh sách (mục tiêu, nội dung, hình thức, đơn vị…), mã `id` phải là duy nhất để tham chiếu không bị nhầm.",
      en: "Within each list (objectives, content areas, channels, units…) ids are unique, so references are unambiguous.",
    },
    *check({ plan }) {
      for (const collection of COLLECTIONS) {
        const seen = new Map<string, number>();
        for (const [i, item] of (plan[collection] as readonly { id: string }[]).entries()) {
          const first = seen.get(item.id);
          if (first === undefined) seen.set(item.id, i);
          else
            yield hit(
              [collection, i, "id"],
              `Mã "${item.id}" đã dùng ở ${collection}[${first}].`,
              `Id "${item.id}" is already used by ${collection}[${first}].`,
            );
        }
      }
    },
  },
  {
    code: "unit-duplicate",
    severity: "error",
    title: { vi: "Trùng đơn vị", en: "Duplicate unit" },
    description: {
      vi: "Một cơ quan, đơn vị chỉ được khai báo một lần (so sánh tên không phân biệt hoa thường, khoảng trắng và kiểu bỏ dấu).",
      en: "A unit is declared once (names compared ignoring case, spacing and tone-mark placement).",
    },
    *check({ plan }) {
      const seen = new Map<string, number>();
      for (const [i, u] of plan.units.entries()) {
        const key = foldForComparison(u.name);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else
          yield hit(
            ["units", i, "name"],
            `Đơn vị "${u.name}" trùng với units[${first}].`,
            `Unit "${u.name}" duplicates units[${first}].`,
          );
      }
    },
  },
  {
    code: "unit-unknown",
    severity: "error",
    title: { vi: "Tham chiếu đơn vị không tồn tại", en: "Reference to an unknown unit" },
    description: {
      vi: "Mọi đơn vị được nhắc đến (trách nhiệm, quản lý kinh phí, báo cáo, đơn vị cấp trên, thành viên nhóm) phải có trong `units`.",
      en: "Every unit referred to (responsibilities, funding managers, reporting, parents, group members) exists in `units`.",
    },
    *check({ plan }) {
      const known = ids(plan.units);
      for (const [path, id] of unitReferences(plan))
        if (!known.has(id))
          yield hit(
            path,
            `Không có đơn vị mã "${id}" trong danh sách đơn vị.`,
            `No unit with id "${id}" in units.`,
          );
    },
  },
  {
    code: "content-area-unknown",
    severity: "error",
    title: { vi: "Tham chiếu nội dung không tồn tại", en: "Reference to an unknown content area" },
    description: {
      vi: "Nội dung tuyên truyền được tham chiếu (nội dung cha, nội dung đơn vị chủ trì, dòng kinh phí) phải có trong `contentAreas`.",
      en: "Content areas referred to (parents, areas a unit leads, budget lines) exist in `contentAreas`.",
    },
    *check({ plan }) {
      const known = ids(plan.contentAreas);
      for (const [path, id] of contentAreaReferences(plan))
        if (!known.has(id))
          yield hit(path, `Không có nội dung tuyên truyền mã "${id}".`, `No content area with id "${id}".`);
    },
  },
  {
    code: "channel-unknown",
    severity: "error",
    title: { vi: "Tham chiếu hình thức không tồn tại", en: "Reference to an unknown channel" },
    description: {
      vi: "Hình thức tuyên truyền được tham chiếu phải có trong `channels`.",
      en: "Channels referred to exist in `channels`.",
    },
    *check({ plan }) {
      const known = ids(plan.channels);
      for (const [path, id] of channelReferences(plan))
        if (!known.has(id))
          yield hit(path, `Không có hình thức tuyên truyền mã "${id}".`, `No channel with id "${id}".`);
    },
  },
  {
    code: "funding-source-unknown",
    severity: "error",
    title: { vi: "Tham chiếu nguồn kinh phí không tồn tại", en: "Reference to an unknown funding source" },
    description: {
      vi: "Mỗi dòng kinh phí phải thuộc một nguồn kinh phí có trong `fundingSources`.",
      en: "Each budget line belongs to a funding source listed in `fundingSources`.",
    },
    *check({ plan }) {
      const known = ids(plan.fundingSources);
      for (const [i, b] of plan.budgetLines.entries())
        if (!known.has(b.fundingSourceId))
          yield hit(
            ["budgetLines", i, "fundingSourceId"],
            `Không có nguồn kinh phí mã "${b.fundingSourceId}".`,
            `No funding source with id "${b.fundingSourceId}".`,
          );
    },
  },
  {
    code: "kind-unknown",
    severity: "error",
    title: { vi: "Loại không có trong danh mục", en: "Kind not in the catalogue" },
    description: {
      vi: "Loại nội dung, hình thức, đơn vị, nguồn kinh phí và đối tượng phải có trong danh mục (mặc định, hoặc bổ sung qua `customKinds`).",
      en: "Content, channel, unit, funding and audience kinds come from the catalogues (presets, or added in `customKinds`).",
    },
    *check({ plan, catalogues }) {
      yield* kindHits(plan.contentAreas, "contentAreas", catalogues.contentKinds, {
        vi: "nội dung",
        en: "content",
      });
      yield* kindHits(plan.channels, "channels", catalogues.channelKinds, { vi: "hình thức", en: "channel" });
      yield* kindHits(plan.units, "units", catalogues.unitKinds, { vi: "đơn vị", en: "unit" });
      yield* kindHits(plan.fundingSources, "fundingSources", catalogues.fundingKinds, {
        vi: "nguồn kinh phí",
        en: "funding",
      });
      yield* kindHits(plan.audiences, "audiences", catalogues.audienceKinds, {
        vi: "đối tượng",
        en: "audience",
      });
    },
  },
  {
    code: "hierarchy-cycle",
    severity: "error",
    title: { vi: "Quan hệ cha - con lặp vòng", en: "Cycle in a hierarchy" },
    description: {
      vi: "Nội dung cha (`parentId`) và đơn vị cấp trên (`parentUnitId`) không được tạo vòng lặp.",
      en: "Parent content areas (`parentId`) and parent units (`parentUnitId`) never form a cycle.",
    },
    *check({ plan }) {
      const walk = function* (
        items: readonly { id: string }[],
        parentOf: (i: number) => string | undefined,
        collection: Collection,
        field: string,
      ): Generator<RuleHit> {
        const index = new Map(items.map((it, i) => [it.id, i] as const));
        for (const [i, item] of items.entries()) {
          const visited = new Set<string>([item.id]);
          let parent = parentOf(i);
          while (parent !== undefined) {
            if (visited.has(parent)) {
              if (parent === item.id)
                yield hit(
                  [collection, i, field],
                  `"${item.id}" là cha (trực tiếp hoặc gián tiếp) của chính nó.`,
                  `"${item.id}" is its own ancestor.`,
                );
              break;
            }
            visited.add(parent);
            const pi = index.get(parent);
            parent = pi === undefined ? undefined : parentOf(pi);
          }
        }
      };
      yield* walk(plan.contentAreas, (i) => plan.contentAreas[i]?.parentId, "contentAreas", "parentId");
      yield* walk(plan.units, (i) => plan.units[i]?.parentUnitId, "units", "parentUnitId");
    },
  },
  {
    code: "lead-unit-missing",
    severity: "error",
    title: { vi: "Chưa có đơn vị chủ trì", en: "No lead unit" },
    description: {
      vi: "Kế hoạch phải giao đúng một đơn vị vai trò chủ trì (`lead`) để hướng dẫn, đôn đốc, theo dõi và đánh giá (ví dụ Vụ Tổ chức cán bộ, Sở Nội vụ).",
      en: "Exactly one unit holds the `lead` role: it guides, urges, monitors and evaluates (e.g. the personnel department, the Department of Home Affairs).",
    },
    *check({ plan }) {
      if (leadUnitIds(plan).length === 0)
        yield hit(
          ["responsibilities"],
          "Không có trách nhiệm nào mang vai trò chủ trì (lead).",
          "No responsibility carries the lead role.",
        );
    },
  },
  {
    code: "lead-unit-multiple",
    severity: "error",
    title: { vi: "Nhiều đơn vị chủ trì", en: "More than one lead unit" },
    description: {
      vi: "Chỉ một đơn vị chủ trì chung; các đơn vị khác phối hợp (`coordinate`) hoặc thực hiện (`implement`).",
      en: "Only one unit leads; others coordinate or implement.",
    },
    *check({ plan }) {
      const leads = leadUnitIds(plan);
      if (leads.length <= 1) return;
      for (const [i, r] of plan.responsibilities.entries())
        if (r.roles.includes("lead"))
          yield hit(
            ["responsibilities", i, "roles"],
            `Có ${leads.length} đơn vị chủ trì (${leads.join(", ")}); chỉ được một.`,
            `${leads.length} lead units (${leads.join(", ")}); only one is allowed.`,
          );
    },
  },
  {
    code: "content-area-unassigned",
    severity: "error",
    title: { vi: "Nội dung chưa có đơn vị phụ trách", en: "Content area without a responsible unit" },
    description: {
      vi: 'Mỗi nội dung tuyên truyền phải có đơn vị phụ trách: được nêu trong `contentAreaIds` của một trách nhiệm, hoặc một trách nhiệm phụ trách toàn bộ (`"all"`). Giao một nội dung là giao cả các nội dung con của nó; nội dung có nội dung con được coi là có người phụ trách khi mọi nội dung con đều có.',
      en: 'Every content area has a responsible unit: listed in some responsibility\'s `contentAreaIds`, or covered by one responsible for everything (`"all"`). Assigning an area assigns everything below it; a parent area is covered when all its children are.',
    },
    *check({ plan }) {
      if (plan.responsibilities.some((r) => r.contentAreaIds === "all")) return;
      const direct = new Set(
        plan.responsibilities.flatMap((r) => (r.contentAreaIds === "all" ? [] : r.contentAreaIds)),
      );
      const parentOf = new Map<string, string>();
      const hasChildren = new Set<string>();
      for (const c of plan.contentAreas)
        if (c.parentId !== undefined) {
          if (!parentOf.has(c.id)) parentOf.set(c.id, c.parentId);
          hasChildren.add(c.parentId);
        }
      // Assigning an area covers everything below it: walk up the ancestors (bounded, so a cycle,
      // reported by hierarchy-cycle, cannot loop). A parent is covered once all its leaves are, so
      // only uncovered leaves are reported.
      const coveredFromAbove = (id: string): boolean => {
        let at: string | undefined = id;
        for (let steps = 0; at !== undefined && steps <= plan.contentAreas.length; steps++) {
          if (direct.has(at)) return true;
          at = parentOf.get(at);
        }
        return false;
      };
      for (const [i, c] of plan.contentAreas.entries()) {
        if (hasChildren.has(c.id) || coveredFromAbove(c.id)) continue;
        yield hit(
          ["contentAreas", i],
          `Nội dung "${c.id}" chưa được giao cho đơn vị nào.`,
          `Content area "${c.id}" is not assigned to any unit.`,
        );
      }
    },
  },
  {
    code: "funding-manager-missing",
    severity: "error",
    title: { vi: "Nguồn kinh phí chưa nêu đơn vị quản lý", en: "Funding source without a manager" },
    description: {
      vi: 'Mỗi nguồn kinh phí nêu đơn vị quản lý (`managedBy`: một đơn vị, hoặc `"each-unit"` khi từng đơn vị tự cân đối).',
      en: 'Each funding source names who manages it (`managedBy`: one unit, or `"each-unit"` when each unit funds itself).',
    },
    *check({ plan }) {
      for (const [i, f] of plan.fundingSources.entries())
        if (f.managedBy === undefined)
          yield hit(
            ["fundingSources", i, "managedBy"],
            `Nguồn kinh phí "${f.id}" chưa nêu đơn vị quản lý.`,
            `Funding source "${f.id}" does not say who manages it.`,
          );
    },
  },
  {
    code: "reporting-missing",
    severity: "error",
    title: { vi: "Chưa có chế độ báo cáo", en: "No reporting schedule" },
    description: {
      vi: "Kế hoạch quy định chế độ báo cáo định kỳ (`reporting`), căn cứ để nhắc hạn và chấm điểm tính kịp thời.",
      en: "The plan sets a periodic reporting schedule (`reporting`): it drives reminders and timeliness scoring.",
    },
    *check({ plan }) {
      if (plan.reporting === undefined)
        yield hit(
          ["reporting"],
          "Kế hoạch chưa quy định chế độ báo cáo.",
          "The plan has no reporting schedule.",
        );
    },
  },
  {
    code: "reporting-year-not-covered",
    severity: "error",
    title: { vi: "Chế độ báo cáo không bao trùm cả năm", en: "Reporting does not cover the plan year" },
    description: {
      vi: "Các kỳ báo cáo (theo Nghị định 09/2019/NĐ-CP) phải phủ kín thời gian chốt số liệu của năm kế hoạch: cần báo cáo năm, hằng quý hoặc hằng tháng.",
      en: "The reporting periods (Decree 09/2019) together cover the plan year's data window: annual, quarterly or monthly reports are needed.",
    },
    *check({ plan }) {
      if (
        plan.reporting &&
        !coversWholeYear(plan.year, plan.reporting.periodTypes, plan.reporting.cutoffRegime)
      )
        yield hit(
          ["reporting", "periodTypes"],
          `Các kỳ báo cáo ${plan.reporting.periodTypes.join(", ")} không phủ kín năm ${plan.year}; thêm báo cáo năm.`,
          `Reporting periods ${plan.reporting.periodTypes.join(", ")} leave part of ${plan.year} uncovered; add an annual report.`,
        );
    },
  },
  {
    code: "parent-year-mismatch",
    severity: "error",
    title: { vi: "Năm khác kế hoạch cấp trên", en: "Year differs from the parent plan" },
    description: {
      vi: "Kế hoạch của đơn vị thuộc năm của kế hoạch cấp trên mà nó cụ thể hóa.",
      en: "A unit plan has the same year as the parent plan it rolls up into.",
    },
    *check({ plan }) {
      if (plan.parent && plan.parent.year !== plan.year)
        yield hit(
          ["parent", "year"],
          `Kế hoạch năm ${plan.year} nhưng kế hoạch cấp trên "${plan.parent.planId}" là năm ${plan.parent.year}.`,
          `Plan year ${plan.year} but parent plan "${plan.parent.planId}" is for ${plan.parent.year}.`,
        );
    },
  },
  {
    code: "number-format",
    severity: "error",
    title: { vi: "Số, ký hiệu sai thể thức", en: "Number/symbol not in Decree 30 form" },
    description: {
      vi: 'Số, ký hiệu theo Nghị định 30/2020/NĐ-CP: số Ả Rập (dưới 10 thêm số 0, không đệm thêm), "/", tên loại văn bản, "-", chữ viết tắt cơ quan; ví dụ `12/KH-BTTTT`, `05/KH-UBND`. Không ghi tiền tố "Số:".',
      en: 'Decree 30 number/symbol: Arabic number (padded with one 0 below 10, no other padding), "/", document type, "-", issuer abbreviation, e.g. `12/KH-BTTTT`, `05/KH-UBND`. Leave out the "Số:" prefix.',
    },
    *check({ plan }) {
      if (plan.number === undefined) return;
      const n = plan.number;
      const m = NUMBER_SYMBOL.exec(n);
      const digits = m?.[1] ?? "";
      const padded = /^(0[1-9]|[1-9]\d+)$/.test(digits);
      if (m && padded) return;
      const why = /^s[ốo]\s*:/iu.test(n)
        ? { vi: 'bỏ tiền tố "Số:"', en: 'drop the "Số:" prefix' }
        : m && !padded
          ? {
              vi: `số "${digits}" phải ghi ${digits === "0" || /^0+$/.test(digits) ? "từ 01" : `là "${String(Number(digits)).padStart(2, "0")}"`}`,
              en: `number "${digits}" must be written ${/^0+$/.test(digits) ? "from 01" : `"${String(Number(digits)).padStart(2, "0")}"`}`,
            }
          : { vi: 'cần dạng "12/KH-BTTTT"', en: 'expected the form "12/KH-BTTTT"' };
      yield hit(
        ["number"],
        `Số, ký hiệu "${n}" sai thể thức: ${why.vi}.`,
        `Number/symbol "${n}" is malformed: ${why.en}.`,
      );
    },
  },
  {
    code: "number-type-mismatch",
    severity: "error",
    title: { vi: "Ký hiệu không phải kế hoạch", en: "Symbol is not that of a plan" },
    description: {
      vi: "Ký hiệu của kế hoạch dùng chữ viết tắt `KH` sau dấu `/`.",
      en: "A plan's symbol uses the type abbreviation `KH` after the `/`.",
    },
    *check({ plan }) {
      const m = plan.number === undefined ? null : NUMBER_SYMBOL.exec(plan.number);
      if (m && m[2] !== plan.documentType)
        yield hit(
          ["number"],
          `Ký hiệu loại văn bản là "${m[2]}", kế hoạch phải là "${plan.documentType}".`,
          `Document type in the symbol is "${m[2]}"; a plan uses "${plan.documentType}".`,
        );
    },
  },
  {
    code: "number-issuer-mismatch",
    severity: "warning",
    title: { vi: "Ký hiệu khác chữ viết tắt cơ quan", en: "Symbol differs from the issuer's abbreviation" },
    description: {
      vi: "Phần sau dấu `-` của ký hiệu thường là chữ viết tắt của cơ quan ban hành (`issuer.abbreviation`).",
      en: "The part after the `-` is usually the issuer's abbreviation (`issuer.abbreviation`).",
    },
    *check({ plan }) {
      const m = plan.number === undefined ? null : NUMBER_SYMBOL.exec(plan.number);
      const abbr = plan.issuer.abbreviation;
      if (m && abbr !== undefined && m[3] !== abbr && !m[3]?.startsWith(`${abbr}-`))
        yield hit(
          ["number"],
          `Ký hiệu "${m[3]}" khác chữ viết tắt của cơ quan ban hành "${abbr}".`,
          `Symbol "${m[3]}" differs from the issuer's abbreviation "${abbr}".`,
        );
    },
  },
  {
    code: "date-year-mismatch",
    severity: "error",
    title: { vi: "Ngày ban hành không khớp năm kế hoạch", en: "Date inconsistent with the plan year" },
    description: {
      vi: "Kế hoạch năm N được ban hành trong năm N hoặc cuối năm N-1.",
      en: "A plan for year N is issued during year N or late in year N-1.",
    },
    *check({ plan }) {
      if (plan.date === undefined) return;
      const y = Number(plan.date.slice(0, 4));
      if (y !== plan.year && y !== plan.year - 1)
        yield hit(
          ["date"],
          `Ngày ban hành ${plan.date} không thuộc năm ${plan.year} hoặc năm trước đó.`,
          `Date ${plan.date} is neither in ${plan.year} nor in the year before.`,
        );
    },
  },
  {
    code: "recipients-archive-missing",
    severity: "error",
    title: { vi: "Nơi nhận thiếu dòng lưu", en: "Recipients do not end with the archive line" },
    description: {
      vi: 'Nơi nhận kết thúc bằng dòng lưu văn bản: "Lưu: VT, …" (văn thư và đơn vị soạn thảo, số bản lưu).',
      en: 'The recipients block ends with the archive line "Lưu: VT, …" (records office, drafting unit, number of copies).',
    },
    *check({ plan }) {
      if (plan.recipients.length === 0) return;
      const archive = /^Lưu\s*:\s*VT\b/u;
      const last = plan.recipients.length - 1;
      const at = plan.recipients.findIndex((r) => archive.test(r.text));
      if (at === last) return;
      if (at === -1)
        yield hit(
          ["recipients", last],
          'Dòng cuối của nơi nhận phải là "Lưu: VT, …".',
          'The last recipient line must be "Lưu: VT, …".',
        );
      else
        yield hit(
          ["recipients", at],
          'Dòng "Lưu: VT, …" phải đứng cuối nơi nhận.',
          'The "Lưu: VT, …" line must come last.',
        );
    },
  },
  {
    code: "recipients-missing",
    severity: "warning",
    title: { vi: "Chưa có nơi nhận", en: "No recipients" },
    description: {
      vi: "Văn bản ban hành có phần nơi nhận, kết thúc bằng dòng lưu.",
      en: "An issued document lists its recipients, ending with the archive line.",
    },
    *check({ plan }) {
      if (plan.recipients.length === 0)
        yield hit(["recipients"], "Kế hoạch chưa có nơi nhận.", "The plan has no recipients.");
    },
  },
  headerRule("header-number-missing", "number", "số, ký hiệu", "number/symbol"),
  headerRule("header-date-missing", "date", "ngày ban hành", "date of issue"),
  headerRule("header-place-missing", "place", "địa danh", "place of issue"),
  headerRule("header-signer-missing", "signer", "người ký", "signature block"),
  {
    code: "section-empty",
    severity: "warning",
    title: { vi: "Mục trống", en: "Empty section" },
    description: {
      vi: "Kế hoạch nên có mục tiêu, yêu cầu, đối tượng, nội dung, hình thức và trách nhiệm thực hiện.",
      en: "A plan normally has objectives, requirements, audiences, content areas, channels and responsibilities.",
    },
    *check({ plan }) {
      const sections: Array<[Collection, string, string]> = [
        ["objectives", "mục tiêu", "objectives"],
        ["requirements", "yêu cầu", "requirements"],
        ["audiences", "đối tượng tuyên truyền", "audiences"],
        ["contentAreas", "nội dung tuyên truyền", "content areas"],
        ["channels", "hình thức tuyên truyền", "channels"],
        ["responsibilities", "trách nhiệm thực hiện", "responsibilities"],
      ];
      for (const [key, vi, en] of sections)
        if (plan[key].length === 0) yield hit([key], `Kế hoạch chưa có ${vi}.`, `The plan has no ${en}.`);
    },
  },
  ...STRUCTURE_RULES,
  ...CALENDAR_RULES,
];
