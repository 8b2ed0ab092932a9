/**
 * From stored appraisal entries to the manual scores the scorer already takes (`manualScores`), so
 * scoring has one path for hand-entered points whether they come from a file or from the cycle.
 * The rule, in order: the round-2 decision, else the round-1 appraisal, else the unit's own points
 * (counted as self-assessed, "not yet appraised"); the explanation says which round and whose
 * decision gave them.
 */
import type { ManualScore } from "../scoringScheme.js";
import type { LocalizedText } from "../text.js";
import { vietnamDateOf } from "../vietnamTime.js";
import type { AppraisalEntry, AppraisalRound, RoundState } from "./model.js";

/**
 * Manual scores of the latest round of each (unit, leaf): rounds are taken in the order they were
 * opened, so a later round's entry replaces an earlier one's. `periodId` picks one round instead.
 */
export function manualScoresFromEntries(
  rounds: readonly AppraisalRound[],
  entries: readonly AppraisalEntry[],
  periodId?: string,
): ManualScore[] {
  const order = [...rounds]
    .filter((r) => periodId === undefined || r.periodId === periodId)
    .sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : 0));
  const stateOf = new Map(order.map((r) => [r.periodId, r.state] as const));
  const rank = new Map(order.map((r, i) => [r.periodId, i] as const));
  const sorted = entries
    .filter((e) => rank.has(e.periodId))
    .sort((a, b) => (rank.get(a.periodId) as number) - (rank.get(b.periodId) as number));
  const out: ManualScore[] = [];
  for (const e of sorted) {
    const m = manualScoreOf(e, stateOf.get(e.periodId) as RoundState);
    if (m !== undefined) out.push(m);
  }
  return out;
}

/** One entry as a manual score (undefined when it has no points yet). */
export function manualScoreOf(e: AppraisalEntry, roundState: RoundState): ManualScore | undefined {
  const decided = e.decision ?? e.appraisal;
  const step = e.decision ? "decision" : e.appraisal ? "appraisal" : e.self ? "self" : undefined;
  const by = decided ?? e.self;
  if (step === undefined || by === undefined) return undefined;
  return {
    nodeId: e.nodeId,
    ...(e.unitId === null ? {} : { unitId: e.unitId }),
    ...(e.self ? { selfAssessed: e.self.points } : {}),
    ...(decided ? { appraised: decided.points } : {}),
    ...(e.self?.note === undefined ? {} : { note: e.self.note }),
    ...(e.self?.links[0] === undefined ? {} : { evidenceUrl: e.self.links[0] }),
    source: {
      periodId: e.periodId,
      roundState,
      step,
      role: by.by.role,
      userId: by.by.userId,
      at: by.at,
    },
  };
}

const ROLE: Record<string, LocalizedText> = {
  lead: { vi: "đơn vị chủ trì", en: "the lead" },
  council: { vi: "hội đồng thẩm định", en: "the appraisal council" },
  reporter: { vi: "đơn vị tự chấm", en: "the unit" },
  viewer: { vi: "người xem", en: "a viewer" },
};

const num = (n: number) => String(Math.round(n * 100) / 100);

/**
 * The explanation of a manual leaf scored from a stored round: the points, the step (self,
 * round 1, round 2), the round and whether it is final, and who decided.
 */
export function appraisalManualText(entry: ManualScore, points: number): LocalizedText {
  const s = entry.source;
  if (s === undefined) return { vi: "", en: "" };
  const who = ROLE[s.role] ?? { vi: s.role, en: s.role };
  const final = s.roundState === "closed";
  const day = vietnamDateOf(s.at);
  const dayVi = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
  const selfPart =
    entry.selfAssessed === undefined
      ? { vi: "", en: "" }
      : {
          vi: `; tự chấm ${num(entry.selfAssessed).replace(".", ",")}`,
          en: `; self-assessed ${num(entry.selfAssessed)}`,
        };
  const step =
    s.step === "decision"
      ? { vi: "quyết định thẩm định vòng 2", en: "round-2 appraisal decision" }
      : s.step === "appraisal"
        ? { vi: "điểm thẩm định vòng 1", en: "round-1 appraisal" }
        : { vi: "điểm tự chấm (chưa thẩm định)", en: "self-assessed points (not yet appraised)" };
  const status = final
    ? { vi: "đã chốt", en: "final" }
    : {
        vi: `chưa chốt, đợt ${s.roundState === "open" ? "đang tự chấm" : "đang thẩm định"}`,
        en: `not final, round ${s.roundState}`,
      };
  return {
    vi: `Chấm tay: ${step.vi} của ${who.vi} (${s.userId}, ${dayVi}), đợt ${s.periodId} ${status.vi}${selfPart.vi} → ${num(points).replace(".", ",")} điểm.`,
    en: `Entered by hand: ${step.en} by ${who.en} (${s.userId}, ${day}), round ${s.periodId} ${status.en}${selfPart.en} → ${num(points)} ${num(points) === "1" ? "point" : "points"}.`,
  };
}
