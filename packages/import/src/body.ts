/**
 * From the outline to the parts of a plan. Headings are recognised by their words (folded, so case
 * and diacritics do not matter), and what is under a heading becomes objectives, requirements,
 * audiences, content areas, channels, responsibilities, funding sources or the reporting schedule.
 * Ids are the outline path ("I.1.a", "II.1.c.2"), so a draft reads against its document.
 */
import {
  type Audience,
  type Channel,
  type ContentArea,
  DEFAULT_HEADINGS,
  type FundingSource,
  type Objective,
  type PlanInput,
  type Requirement,
} from "@cchc/core";
import type { FindingSink } from "./findingCap.js";
import { fold } from "./fold.js";
import { importFinding } from "./importFindings.js";
import {
  audienceKind,
  channelKinds,
  contentKind,
  contentKindsCommunicated,
  fundingKinds,
  headingKinds,
  isObjectiveSubheading,
  leadExtraRoles,
  leadScore,
  nonLeadRoles,
  readsAsChannel,
  readsAsRequirement,
  type SectionKind,
} from "./keywords.js";
import type { Ledger } from "./ledger.js";
import { isBullet } from "./markers.js";
import { descendants, type OutlineNode } from "./outline.js";
import { mentionsReports, readReporting } from "./reporting.js";
import { splitUnitClause, splitUnitNames, type UnitRegistry } from "./units.js";

type ResponsibilityInput = NonNullable<PlanInput["responsibilities"]>[number];
type ReportingInput = NonNullable<PlanInput["reporting"]>;
type Headings = NonNullable<PlanInput["headings"]>;
type HeadingKey = keyof Headings;

/** A responsibility as read, before roles and references are settled across the whole plan. */
interface RawResponsibility {
  readonly id: string;
  readonly unitIds: string[];
  readonly unitsText: string;
  readonly text: string;
  readonly duties: string[];
  readonly line: number;
}

/** A paragraph of a reporting section. */
interface ReportingBlock {
  readonly text: string;
  readonly line: number;
}

/** Everything the body gave, ready for the draft. */
export interface BodyReading {
  readonly objectives: Objective[];
  readonly requirements: Requirement[];
  readonly audiences: Audience[];
  readonly contentAreas: ContentArea[];
  readonly channels: Channel[];
  readonly responsibilities: ResponsibilityInput[];
  readonly fundingSources: FundingSource[];
  readonly reporting: ReportingInput | undefined;
  readonly headings: Headings;
  /** Section kinds that had a heading. */
  readonly sections: ReadonlySet<SectionKind>;
  /** Closing paragraphs ("Trên đây là Kế hoạch…"). */
  readonly closing: string[];
}

interface Context {
  readonly kinds: readonly SectionKind[];
  /** The channel whose lines these are ("- Cơ quan chủ trì: …" under "a) Đăng tin trên …"). */
  readonly channelId?: string;
}

/** A funding sentence, where it was found, and the unit whose clause said it (if just one). */
interface FundingNode {
  readonly id: string;
  readonly text: string;
  readonly line: number;
  readonly clauseUnitId?: string;
}

const GROUP_OF: Record<SectionKind, HeadingKey | undefined> = {
  objectives: "objectivesSection",
  requirements: "objectivesSection",
  audiences: "objectivesSection",
  content: "contentSection",
  channels: "contentSection",
  implementation: "implementationSection",
  responsibilities: "implementationSection",
  funding: "implementationSection",
  reporting: "implementationSection",
  schedule: undefined,
};

const ITEM_KEY: Record<SectionKind, HeadingKey | undefined> = {
  objectives: "objectives",
  requirements: "requirements",
  audiences: "audiences",
  content: "contentAreas",
  channels: "channels",
  implementation: "implementationSection",
  responsibilities: "responsibilities",
  funding: "funding",
  reporting: "reporting",
  schedule: undefined,
};

const IMPLEMENTATION_PARTS: readonly SectionKind[] = ["responsibilities", "funding", "reporting"];

const CLOSING = /^(tren day la|trong qua trinh (to chuc )?(thuc hien|trien khai))\b/;

/** Whether a paragraph closes the plan ("Trên đây là Kế hoạch…", "Trong quá trình thực hiện…"). */
export function isClosing(text: string): boolean {
  return CLOSING.test(fold(text));
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== "").length;
}

/** Reads the outline of a plan's body. */
export function readBody(
  roots: readonly OutlineNode[],
  registry: UnitRegistry,
  ledger: Ledger,
  findings: FindingSink,
): BodyReading {
  const objectives: Objective[] = [];
  const requirements: Requirement[] = [];
  const audiences: Audience[] = [];
  const contentAreas: ContentArea[] = [];
  const contentIds = new Set<string>();
  const channels: Channel[] = [];
  const raw: RawResponsibility[] = [];
  const fundingNodes: FundingNode[] = [];
  /** "Cơ quan chủ trì: …" lines under content or channel items: who carries out that item. */
  const itemAssignments: ResponsibilityInput[] = [];
  const reportingBlocks: ReportingBlock[] = [];
  const headings: Headings = {};
  const sections = new Set<SectionKind>();
  const closing: string[] = [];
  let closed = false;

  const place = (node: OutlineNode) => ledger.place(node.lines);
  // A document that repeats a label ("c)" twice, a section pasted twice) still gets unique ids.
  const usedIds = new Map<string, Set<string>>();
  const nextSuffix = new Map<string, number>();
  const unique = (collection: string, id: string, node: OutlineNode): string => {
    let used = usedIds.get(collection);
    if (used === undefined) {
      used = new Set();
      usedIds.set(collection, used);
    }
    let out = id;
    if (used.has(out)) {
      // Continue from the last suffix given to this id, so a label repeated n times costs n, not n².
      const key = `${collection}\u0000${id}`;
      let n = nextSuffix.get(key) ?? 2;
      while (used.has(`${id}-${n}`)) n++;
      out = `${id}-${n}`;
      nextSuffix.set(key, n + 1);
    }
    used.add(out);
    if (out !== id) {
      findings.push(
        importFinding(
          "import.duplicate-label",
          {
            vi: `Dòng ${node.lines[0]}: mục "${id}" trùng số thứ tự với một mục trước; ghi mã là "${out}".`,
            en: `Line ${node.lines[0]}: item "${id}" repeats the label of an earlier item; its id is "${out}".`,
          },
          { line: node.lines[0] },
        ),
      );
    }
    return out;
  };
  const leaveAll = (node: OutlineNode, code: Parameters<Ledger["leave"]>[1]) => {
    ledger.leave(node.lines, code);
    for (const d of descendants(node)) ledger.leave(d.lines, code);
  };

  const sectionsSeenAt = new Set<HeadingKey>();
  const seenKeys = new Set<HeadingKey>();
  const recordHeading = (node: OutlineNode, kinds: readonly SectionKind[], root: boolean) => {
    const first = kinds[0];
    if (first === undefined) return;
    for (const k of kinds) sections.add(k);
    const text = (node.text.split(":")[0] ?? "").trim();
    const groupKey = GROUP_OF[first];
    const key: HeadingKey | undefined =
      root &&
      groupKey !== undefined &&
      (kinds.length > 1 || first === "implementation" || !sectionsSeenAt.has(groupKey))
        ? groupKey
        : ITEM_KEY[first];
    if (root && groupKey !== undefined) sectionsSeenAt.add(groupKey);
    if (key === undefined || headings[key] !== undefined || seenKeys.has(key)) return;
    seenKeys.add(key);
    if (text !== "" && text !== DEFAULT_HEADINGS[key]) headings[key] = text;
  };

  /** The id a node gets: its path of labels, bullets and paragraphs numbered among their siblings. */
  const childIds = (nodes: readonly OutlineNode[], parentId: string | undefined): string[] => {
    const unlabelled = nodes.filter((n) => n.label === undefined && !isClosing(n.text));
    const labelled = nodes.filter((n) => n.label !== undefined).length;
    let k = 0;
    return nodes.map((n) => {
      if (n.label !== undefined) {
        const part = n.type.startsWith("arabic") ? (n.label.split(".").pop() as string) : n.label;
        return parentId === undefined ? part : `${parentId}.${part}`;
      }
      k++;
      if (parentId !== undefined && unlabelled.length === 1 && labelled === 0) return parentId;
      return parentId === undefined ? `p${k}` : `${parentId}.${k}`;
    });
  };

  /** Kinds a node announces as a heading in this context, or undefined when it is an item. */
  const headingOf = (node: OutlineNode, ctx: Context | undefined): SectionKind[] | undefined => {
    if (isBullet(node.type)) return undefined;
    const [beforeColon = "", ...after] = node.text.split(":");
    const inline = after.join(":").trim();
    const kinds = isObjectiveSubheading(beforeColon)
      ? (["objectives"] as SectionKind[])
      : headingKinds(beforeColon);
    if (kinds.length === 0) return undefined;
    if (words(beforeColon) > 14) return undefined;
    const first = kinds[0] as SectionKind;
    // "a) Nội dung về cải cách thể chế" under "Nội dung tuyên truyền" is an item, not a heading.
    if (node.children.length === 0 && inline === "" && ctx?.kinds.includes(first)) return undefined;
    // A responsibility that names its unit in the heading: "Trách nhiệm của Sở Nội vụ".
    if (first === "responsibilities" && node.children.every((c) => isBullet(c.type) || c.type === "para")) {
      const of = /^(?:trách nhiệm|nhiệm vụ)\s+của\s+(.+)$/iu.exec(beforeColon.trim());
      const clause = of ? splitUnitClause(of[1] as string) : undefined;
      if (clause && !/^(các|những)\s+(cơ quan|đơn vị)/iu.test(clause.unitsText) && node.children.length > 0)
        return undefined;
    }
    return kinds;
  };

  const walk = (
    nodes: readonly OutlineNode[],
    parentId: string | undefined,
    ctx: Context | undefined,
    root: boolean,
  ) => {
    const ids = childIds(nodes, parentId);
    // Siblings with the same marker are the same kind of thing: once "a)" was an item, a leaf "b)"
    // whose words happen to open like a heading ("Nội dung tuyên truyền bám sát…") is an item too.
    const itemTypes = new Set<string>();
    for (const [i, node] of nodes.entries()) {
      const id = ids[i] as string;
      // "Trên đây là Kế hoạch…" and the paragraphs after it close the plan; a numbered item after
      // them (a document pasted after another) opens the outline again.
      if (node.label !== undefined || isBullet(node.type)) closed = false;
      if ((closed && node.type === "para") || isClosing(node.text)) {
        closed = true;
        closing.push(node.text, ...[...descendants(node)].map((d) => d.text));
        place(node);
        for (const d of descendants(node)) place(d);
        continue;
      }
      const heading = headingOf(node, ctx);
      const kinds =
        heading !== undefined && node.children.length === 0 && itemTypes.has(node.type) ? undefined : heading;
      if (kinds === undefined && ctx !== undefined) itemTypes.add(node.type);
      if (kinds !== undefined) {
        place(node);
        recordHeading(node, kinds, root);
        const first = kinds[0] as SectionKind;
        if (first === "schedule" && kinds.length === 1) {
          for (const d of descendants(node)) ledger.leave(d.lines, "not-modelled");
          ledger.leave(node.lines, "not-modelled");
          continue;
        }
        const inner: Context = {
          kinds: first === "implementation" ? ["implementation", ...IMPLEMENTATION_PARTS] : kinds,
        };
        const inline = node.text.split(":").slice(1).join(":").trim();
        if (inline !== "") item({ ...node, children: [] }, id, inner, undefined);
        walk(node.children, id, inner, false);
        continue;
      }
      if (ctx === undefined) {
        if (!isBullet(node.type) && node.type !== "para" && node.children.length > 0) {
          findings.push(
            importFinding(
              "import.section-unknown",
              {
                vi: `Dòng ${node.lines[0]}: không nhận ra mục "${node.text}"; các dòng của mục được đưa vào phần còn lại.`,
                en: `Line ${node.lines[0]}: section "${node.text}" was not recognised; its lines are listed as leftovers.`,
              },
              { line: node.lines[0] },
            ),
          );
          leaveAll(node, "unknown-section");
        } else leaveAll(node, "outside-section");
        continue;
      }
      item(node, id, ctx, parentId);
    }
  };

  /** Places one non-heading node (and what hangs under it) by the context's kind. */
  const item = (node: OutlineNode, id: string, ctx: Context, parentId: string | undefined) => {
    const kind = kindOf(node, ctx);
    switch (kind) {
      case "objectives":
      case "requirements": {
        const list = kind === "objectives" ? objectives : requirements;
        const leadIn = node.children.length > 0 && node.text.endsWith(":") && words(node.text) <= 12;
        place(node);
        if (!leadIn) list.push({ id: unique(kind, id, node), text: node.text });
        walk(node.children, id, { kinds: [kind] }, false);
        return;
      }
      case "audiences": {
        const kindCode = audienceKind(node.text);
        const leadIn = node.children.length > 0 && node.text.endsWith(":") && kindCode === "other";
        place(node);
        if (!leadIn) audiences.push({ id: unique("audiences", id, node), kind: kindCode, text: node.text });
        walk(node.children, id, { kinds: ["audiences"] }, false);
        return;
      }
      case "content": {
        addContent(node, id, parentId);
        return;
      }
      case "channels": {
        if (ctx.channelId !== undefined && itemAttribute(node, id, { channelId: ctx.channelId })) return;
        const kinds = channelKinds(node.text);
        const leadIn = kinds.length === 0 && node.children.length > 0 && node.text.endsWith(":");
        place(node);
        if (!leadIn) {
          if (kinds.length === 0) {
            findings.push(
              importFinding(
                "import.channel-kind-unknown",
                {
                  vi: `Dòng ${node.lines[0]}: không xác định được hình thức tuyên truyền của "${short(node.text)}"; ghi là "other".`,
                  en: `Line ${node.lines[0]}: no channel kind recognised in "${short(node.text)}"; recorded as "other".`,
                },
                { line: node.lines[0], path: ["channels", channels.length, "kinds"] },
              ),
            );
          }
          const channelId = unique("channels", id, node);
          channels.push({ id: channelId, kinds: kinds.length > 0 ? kinds : ["other"], text: node.text });
          walk(node.children, id, { kinds: ["channels"], channelId }, false);
          return;
        }
        walk(node.children, id, { kinds: ["channels"] }, false);
        return;
      }
      case "responsibilities": {
        addResponsibility(node, id, ctx);
        return;
      }
      case "funding": {
        const leadIn =
          node.children.length > 0 && node.text.endsWith(":") && fundingKinds(node.text).length === 0;
        place(node);
        if (!leadIn)
          fundingNodes.push({ id: unique("funding", id, node), text: node.text, line: node.lines[0] ?? 0 });
        walk(node.children, id, { kinds: ["funding"] }, false);
        return;
      }
      case "reporting": {
        place(node);
        reportingBlocks.push({ text: node.text, line: node.lines[0] ?? 0 });
        for (const d of descendants(node)) {
          place(d);
          reportingBlocks.push({ text: d.text, line: d.lines[0] ?? 0 });
        }
        return;
      }
      default:
        leaveAll(node, "outside-section");
    }
  };

  /** The section kind a non-heading node belongs to, when the context allows several. */
  const kindOf = (node: OutlineNode, ctx: Context): SectionKind | undefined => {
    const k = ctx.kinds;
    if (k.length === 1) return k[0];
    if (k.includes("implementation")) {
      if (splitUnitClause(node.text)) return "responsibilities";
      const f = fold(node.text);
      if (/^(kinh phi|nguon kinh phi|ngan sach)\b/.test(f)) return "funding";
      if (
        /^(che do bao cao|bao cao|dinh ky)\b/.test(f) ||
        (readReporting(node.text).periodTypes.length > 0 && !/\bkinh phi\b/.test(f))
      )
        return "reporting";
      return "responsibilities";
    }
    if (k.includes("objectives") && k.includes("requirements") && !k.includes("audiences"))
      return readsAsRequirement(node.text) ? "requirements" : "objectives";
    if (k.includes("content") && k.includes("channels"))
      return readsAsChannel(node.text) ? "channels" : "content";
    if (k.includes("objectives"))
      return readsAsRequirement(node.text)
        ? k.includes("requirements")
          ? "requirements"
          : "objectives"
        : "objectives";
    return k[0];
  };

  const addContent = (node: OutlineNode, givenId: string, parentId: string | undefined) => {
    place(node);
    const id = unique("content", givenId, node);
    const kind = contentKind(node.text);
    if (kind === undefined) {
      findings.push(
        importFinding(
          "import.content-kind-unknown",
          {
            vi: `Dòng ${node.lines[0]}: không xác định được loại nội dung của "${short(node.text)}"; ghi là "other".`,
            en: `Line ${node.lines[0]}: no content kind recognised in "${short(node.text)}"; recorded as "other".`,
          },
          { line: node.lines[0], path: ["contentAreas", contentAreas.length, "kind"] },
        ),
      );
    }
    const area: ContentArea =
      parentId !== undefined && contentIds.has(parentId)
        ? { id, parentId, kind: kind ?? "other", text: node.text }
        : { id, kind: kind ?? "other", text: node.text };
    contentAreas.push(area);
    contentIds.add(id);
    const ids = childIds(node.children, id);
    for (const [i, c] of node.children.entries()) {
      if (isClosing(c.text)) continue;
      if (itemAttribute(c, ids[i] as string, { contentAreaId: id })) continue;
      addContent(c, ids[i] as string, id);
    }
  };

  /**
   * A line under a content or channel item that says who carries the item out ("Cơ quan chủ trì:
   * Văn phòng Sở", "Phối hợp: …") becomes a responsibility for that item; one that says when or
   * what it produces ("Thời gian thực hiện: Quý I") is left over as not modelled. Either way it is
   * not another content area or channel. Returns false for any other line.
   */
  const itemAttribute = (
    node: OutlineNode,
    id: string,
    owner: { readonly channelId?: string; readonly contentAreaId?: string },
  ): boolean => {
    if (node.children.length > 0) return false;
    const folded = fold(node.text);
    if (NOT_MODELLED_LABEL.test(folded)) {
      ledger.leave(node.lines, "not-modelled");
      return true;
    }
    const who = ASSIGNEE_LABEL.exec(folded);
    if (!who) return false;
    const unitsText = node.text
      .slice(node.text.indexOf(":") + 1)
      .trim()
      .replace(/[.;]+$/u, "");
    const names = splitUnitNames(unitsText);
    if (names.length === 0) return false;
    place(node);
    itemAssignments.push({
      id: unique("responsibilities", id, node),
      unitIds: [...new Set(names.map((n) => registry.add(n, node.lines[0] ?? 0)))],
      roles: [who[1] === "phoi hop" ? "coordinate" : "implement"],
      text: node.text,
      duties: [],
      contentAreaIds: owner.contentAreaId === undefined ? [] : [owner.contentAreaId],
      channelIds: owner.channelId === undefined ? [] : [owner.channelId],
    });
    return true;
  };

  const addResponsibility = (node: OutlineNode, id: string, ctx: Context) => {
    const clause = splitUnitClause(node.text);
    const labelledChildren = node.children.filter((c) => !isBullet(c.type) && c.type !== "para");
    const childClauses = labelledChildren.filter((c) => splitUnitClause(c.text) !== undefined);
    // "3. Các cơ quan báo chí" with "a) Báo …: …", "b) Đài …: …": each child is a responsibility.
    if (childClauses.length > 0 && (clause === undefined || clause.rest === "")) {
      place(node);
      walk(node.children, id, { kinds: ["responsibilities"] }, false);
      return;
    }
    const heading = /^(?:trách nhiệm|nhiệm vụ)\s+của\s+(.+)$/iu.exec((node.text.split(":")[0] ?? "").trim());
    const effective = clause ?? (heading ? splitUnitClause(heading[1] as string) : undefined);
    if (effective === undefined) {
      if (node.children.length > 0 && !isBullet(node.type)) {
        place(node);
        walk(node.children, id, ctx, false);
        return;
      }
      leaveAll(node, "no-unit");
      return;
    }
    const names = splitUnitNames(effective.unitsText);
    if (names.length === 0) {
      leaveAll(node, "no-unit");
      return;
    }
    const unitIds = [...new Set(names.map((n) => registry.add(n, node.lines[0] ?? 0)))];
    const duties: string[] = [];
    place(node);
    // "Kinh phí: …" as an unmarked paragraph after the last unit is the plan's funding, not that
    // unit's duty (small plans put it there instead of in a section of its own).
    const funding = node.children.filter((c) => c.type === "para" && FUNDING_LABEL.test(fold(c.text)));
    const taken = new Set<OutlineNode>();
    for (const f of funding) {
      fundingNodes.push({ id: unique("funding", id, f), text: f.text, line: f.lines[0] ?? 0 });
      for (const d of [f, ...descendants(f)]) {
        place(d);
        taken.add(d);
      }
    }
    for (const d of descendants(node)) {
      if (taken.has(d)) continue;
      place(d);
      duties.push(d.text);
    }
    raw.push({
      id: unique("responsibilities", id, node),
      unitIds,
      unitsText: effective.unitsText,
      text: node.text,
      duties,
      line: node.lines[0] ?? 0,
    });
  };

  walk(roots, undefined, undefined, true);

  // No funding sentence of its own: a unit's clause may still say where the money comes from
  // ("Văn phòng Sở bố trí kinh phí … từ nguồn kinh phí tự chủ"); that unit then manages it. One
  // source per clause (its first such sentence), so ids stay those of the clauses.
  if (fundingNodes.length === 0)
    for (const r of raw) {
      const sentence = [r.text, ...r.duties].find((t) => FUNDING_MENTION.test(fold(t)));
      if (sentence === undefined) continue;
      const clauseUnitId = r.unitIds.length === 1 ? r.unitIds[0] : undefined;
      fundingNodes.push({
        id: r.id,
        text: sentence,
        line: r.line,
        ...(clauseUnitId ? { clauseUnitId } : {}),
      });
      findings.push(
        importFinding(
          "import.funding-from-clause",
          {
            vi: `Dòng ${r.line}: kế hoạch không có mục kinh phí; nguồn kinh phí được lấy từ khoản trách nhiệm của "${r.unitsText}", cần kiểm tra lại.`,
            en: `Line ${r.line}: the plan has no funding section; the funding source was read from the clause of "${r.unitsText}", check it.`,
          },
          { line: r.line, path: ["fundingSources", fundingNodes.length - 1] },
        ),
      );
    }

  const responsibilities = [
    ...settleResponsibilities(raw, contentAreas, channels, findings),
    ...itemAssignments,
  ];
  const fundingSources = fundingNodes.map((f, i) => readFunding(f, i, registry, findings));
  const reporting = settleReporting(reportingBlocks, raw, responsibilities, registry, findings);
  return {
    objectives,
    requirements,
    audiences,
    contentAreas,
    channels,
    responsibilities,
    fundingSources,
    reporting,
    headings,
    sections,
    closing,
  };
}

function short(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const ASSUMED_FIELDS = {
  vi: "Kế hoạch không nêu đơn vị nào chủ trì lĩnh vực CCHC nào; việc gán nội dung cho từng đơn vị do cơ quan tự bổ sung.",
  en: "The plan does not say which unit leads which PAR field; the agency adds that mapping itself.",
};

/** Lead, roles, content areas and channels of each responsibility, decided across the plan. */
function settleResponsibilities(
  raw: readonly RawResponsibility[],
  contentAreas: readonly ContentArea[],
  channels: readonly Channel[],
  findings: FindingSink,
): ResponsibilityInput[] {
  const whole = raw.map((r) => [r.text, ...r.duties].join(" "));
  const scores = raw.map((r, i) => leadScore(whole[i] as string, r.unitsText));
  const best = Math.max(3, ...scores);
  const leads = raw.map((_, i) => i).filter((i) => scores[i] === best);
  const lead = leads[0];
  if (leads.length > 1 && lead !== undefined) {
    findings.push(
      importFinding(
        "import.lead-chosen",
        {
          vi: `Dòng ${raw[lead]?.line}: nhiều khoản có dấu hiệu chủ trì như nhau; chọn "${raw[lead]?.unitsText}" làm đơn vị chủ trì, cần kiểm tra lại.`,
          en: `Line ${raw[lead]?.line}: several clauses read equally as the lead's; "${raw[lead]?.unitsText}" was chosen as the lead unit, check it.`,
        },
        { line: raw[lead]?.line, path: ["responsibilities", lead, "roles"] },
      ),
    );
  }
  // Kind → ids, once, so each clause looks its kinds up instead of scanning every channel and area.
  const byKind = <T extends { id: string }>(items: readonly T[], kindsOf: (t: T) => readonly string[]) => {
    const map = new Map<string, number[]>();
    items.forEach((t, i) => {
      for (const k of kindsOf(t)) {
        const list = map.get(k);
        if (list === undefined) map.set(k, [i]);
        else list.push(i);
      }
    });
    return (kinds: readonly string[]) => {
      const at = new Set<number>();
      for (const k of kinds) for (const i of map.get(k) ?? []) at.add(i);
      return [...at].sort((a, b) => a - b).map((i) => (items[i] as T).id);
    };
  };
  const channelsOf = byKind(channels, (c) => c.kinds);
  const areasOf = byKind(contentAreas, (c) => [c.kind]);
  return raw.map((r, i): ResponsibilityInput => {
    const text = whole[i] as string;
    const isLead = i === lead;
    const roles = isLead ? (["lead", ...leadExtraRoles(text)] as const) : nonLeadRoles(text);
    const channelIds = channelsOf(channelKinds(text));
    const contentAreaIds: "all" | string[] = isLead ? "all" : areasOf(contentKindsCommunicated(text));
    const assumed =
      !isLead &&
      contentAreaIds.length === 0 &&
      /\b(linh vuc (duoc giao|phu trach|quan ly)|duoc giao chu tri|linh vuc chuyen mon)\b/.test(fold(text));
    return {
      id: r.id,
      unitIds: r.unitIds,
      roles: [...roles],
      text: r.text,
      duties: r.duties,
      contentAreaIds,
      channelIds,
      ...(assumed ? { note: ASSUMED_FIELDS } : {}),
    };
  });
}

/** A paragraph that labels the plan's funding ("Kinh phí: …", "Nguồn kinh phí thực hiện: …"), folded. */
const FUNDING_LABEL = /^(nguon )?kinh phi( thuc hien)?\s*:/;
/** A sentence that says where money comes from ("… kinh phí … từ nguồn …"), folded. */
const FUNDING_MENTION = /\bkinh phi\b.*\b(tu|trong) (nguon|du toan|ngan sach)\b/;
/** "Cơ quan chủ trì:", "Đơn vị thực hiện:", "Phối hợp:" opening an item's line, folded. */
const ASSIGNEE_LABEL = /^(?:(?:co quan|don vi)\s+)?(chu tri|thuc hien|phoi hop)(?:\s+thuc hien)?\s*:\s*\S/;
/** "Thời gian thực hiện:", "Tiến độ:", "Sản phẩm:", "Kinh phí:" opening an item's line, folded. */
const NOT_MODELLED_LABEL =
  /^(?:thoi gian|thoi han|tien do|san pham|kinh phi)(?:\s+(?:thuc hien|hoan thanh|du kien))?\s*:/;

/** A funding source from its sentence: kind, level and who manages it. */
function readFunding(
  f: FundingNode,
  index: number,
  registry: UnitRegistry,
  findings: FindingSink,
): FundingSource {
  const kinds = fundingKinds(f.text);
  const kind = kinds[0] ?? "other";
  if (kinds.length > 1) {
    findings.push(
      importFinding(
        "import.funding-kinds",
        {
          vi: `Dòng ${f.line}: câu nêu nhiều nguồn kinh phí (${kinds.join(", ")}); ghi nhận nguồn "${kind}", tách thành nhiều nguồn nếu cần.`,
          en: `Line ${f.line}: the sentence names several funding kinds (${kinds.join(", ")}); recorded as "${kind}", split it if needed.`,
        },
        { line: f.line, path: ["fundingSources", index, "kind"] },
      ),
    );
  }
  const folded = fold(f.text);
  const eachUnit =
    kind === "autonomous-budget" ||
    /\b(cua (cac )?(co quan, )?don vi|cua tung|cua moi|cac co quan, don vi, dia phuong|cua cac co quan|cac dia phuong|tu can doi|du toan (duoc giao )?(hang nam )?cua (cac|tung))\b/.test(
      folded,
    );
  const managerName =
    /(?<![\p{L}])(?:giao cho|giao|do)\s+(.+?)(?:\s+(?:quản lý|bố trí|chi|thực hiện|cân đối)(?=[\s.,;:]|$)|[.;,(]|$)/u.exec(
      f.text,
    )?.[1];
  let unitId: string | undefined;
  if (managerName !== undefined) {
    const clause = splitUnitClause(managerName);
    const name = clause ? splitUnitNames(clause.unitsText)[0] : undefined;
    if (name !== undefined && !name.group) unitId = registry.find(name.name) ?? registry.add(name, f.line);
  }
  const base = { id: f.id, kind, text: f.text };
  // Said in one unit's own clause: that unit manages it, whatever budget it comes from.
  if (f.clauseUnitId !== undefined && unitId === undefined)
    return { ...base, level: "agency", managedBy: { scope: "unit", unitId: f.clauseUnitId } };
  if (eachUnit) return { ...base, level: "unit", managedBy: { scope: "each-unit" } };
  if (unitId !== undefined) return { ...base, level: "agency", managedBy: { scope: "unit", unitId } };
  findings.push(
    importFinding(
      "import.funding-manager",
      {
        vi: `Dòng ${f.line}: không xác định được đơn vị quản lý nguồn kinh phí "${short(f.text)}"; bổ sung "managedBy".`,
        en: `Line ${f.line}: who manages the funding source "${short(f.text)}" could not be read; add "managedBy".`,
      },
      { line: f.line, path: ["fundingSources", index, "managedBy"] },
    ),
  );
  return { ...base, level: "agency" };
}

/** The reporting schedule: a reporting section first, then the duty of the units that report. */
function settleReporting(
  blocks: readonly ReportingBlock[],
  raw: readonly RawResponsibility[],
  responsibilities: readonly ResponsibilityInput[],
  registry: UnitRegistry,
  findings: FindingSink,
): ReportingInput | undefined {
  type Candidate = { text: string; line: number; reporters: "all" | string[]; lead: boolean };
  const candidates: Candidate[] = [];
  const fromSection = blocks.filter((b) => readReporting(b.text).periodTypes.length > 0);
  if (fromSection.length > 0) {
    candidates.push({
      text: blocks.map((b) => b.text).join(" "),
      line: fromSection[0]?.line ?? 0,
      reporters: "all",
      lead: false,
    });
  } else {
    for (const [i, r] of raw.entries()) {
      const isLead = responsibilities[i]?.roles.includes("lead") ?? false;
      for (const sentence of [r.text, ...r.duties]) {
        if (!mentionsReports(sentence) || readReporting(sentence).periodTypes.length === 0) continue;
        // The lead compiles what every unit reports: the schedule is everyone's.
        candidates.push({
          text: sentence,
          line: r.line,
          reporters: isLead ? "all" : r.unitIds,
          lead: isLead,
        });
      }
    }
    candidates.sort((a, b) => Number(a.lead) - Number(b.lead));
  }
  const chosen = candidates[0];
  if (chosen === undefined) return undefined;
  const reading = readReporting(chosen.text);
  if (reading.oddDates.length > 0) {
    findings.push(
      importFinding(
        "import.reporting-deadline",
        {
          vi: `Dòng ${chosen.line}: hạn báo cáo ${reading.oddDates.join(", ")} không khớp kỳ báo cáo nào (hoặc trước ngày chốt số liệu 14); kiểm tra "deadlineDaysAfterCutoff".`,
          en: `Line ${chosen.line}: reporting deadline(s) ${reading.oddDates.join(", ")} fit no period (or fall before the cut-off on the 14th); check "deadlineDaysAfterCutoff".`,
        },
        { line: chosen.line, path: ["reporting", "deadlineDaysAfterCutoff"] },
      ),
    );
  }
  const integrated = /lồng ghép (?:với|vào|trong)\s+(báo cáo[^.;]*)/iu.exec(chosen.text)?.[1];
  const recipient = reportRecipient(chosen.text, registry, chosen.line);
  const deadlineValues = Object.values(reading.deadlines);
  const deadline =
    deadlineValues.length === 0
      ? undefined
      : deadlineValues.every((d) => d === deadlineValues[0]) &&
          Object.keys(reading.deadlines).length === reading.periodTypes.length
        ? deadlineValues[0]
        : reading.deadlines;
  return {
    periodTypes: reading.periodTypes,
    reporterUnitIds: chosen.reporters,
    ...(recipient === undefined ? {} : { recipientUnitId: recipient }),
    ...(deadline === undefined ? {} : { deadlineDaysAfterCutoff: deadline }),
    ...(integrated === undefined
      ? {}
      : { integratedWith: `${integrated[0]?.toLocaleUpperCase("vi")}${integrated.slice(1).trim()}` }),
    text: chosen.text,
  };
}

/** The unit reports are sent to: "(qua Sở Nội vụ)", "gửi về Sở Nội vụ", "về Vụ Tổ chức cán bộ". */
function reportRecipient(text: string, registry: UnitRegistry, line: number): string | undefined {
  const patterns = [
    /\(qua\s+([^)]+)\)/u,
    /(?<![\p{L}])(?:gửi|nộp)(?:\s+về)?\s+(.+)$/u,
    /\s(?:về|cho)\s+(.+)$/u,
  ];
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    const clause = splitUnitClause((m[1] as string).replace(/^(cơ quan thường trực|thường trực)\s+/u, ""));
    const name = clause ? splitUnitNames(clause.unitsText)[0] : undefined;
    if (name === undefined || name.group) continue;
    return registry.find(name.name) ?? registry.add(name, line);
  }
  return undefined;
}
