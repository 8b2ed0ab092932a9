/**
 * The words of a score's explanations, in Vietnamese and English: why a criterion does not count,
 * the fraction and threshold behind a metric leaf, what a manual entry gave, a parent's sum. The
 * numbers are written the same way everywhere: `formatNumberVi` in Vietnamese ("82,36%", as the
 * tables beside them), `fmt` in English ("82.36%").
 */
import { type ManualScore, METRICS, type Metric } from "./scoringScheme.js";
import type { LocalizedText } from "./text.js";
import { formatNumberVi } from "./vietnameseFormat.js";

/** Vietnamese text writes its numbers the Vietnamese way ("82,36"), English text as `fmt` does. */
const vi = (n: number) => formatNumberVi(n, 2);

/** "At least this ratio earns these points", as the scheme gives it. */
export type Threshold = { readonly atLeast: number; readonly points: number };

/** A value of a metric as texts show it: the counts and their ratio. */
interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
  readonly value: number | undefined;
}

/** Why a criterion does not count at a level (scheme scope). */
export const NOT_AT_LEVEL: Record<"unit" | "agency", LocalizedText> = {
  unit: { vi: "Không áp dụng ở cấp đơn vị.", en: "Not scored at unit level." },
  agency: { vi: "Không áp dụng ở cấp cơ quan.", en: "Not scored at agency level." },
};
/** Why a parent does not count: none of its children does. */
export const NO_APPLICABLE_CHILD: LocalizedText = {
  vi: "Không có tiêu chí con áp dụng.",
  en: "No applicable sub-criterion.",
};
/** Why a leaf does not count: the scheme gave it no rule. */
export const NO_RULE: LocalizedText = { vi: "Tiêu chí chưa có cách chấm.", en: "Criterion has no rule." };
const NO_DATA = new Map<Metric, LocalizedText>();
/** "Nothing planned to measure" for a metric (one shared text per metric). */
export function noDataText(metric: Metric): LocalizedText {
  let text = NO_DATA.get(metric);
  if (text === undefined) {
    const label = METRICS[metric].label;
    text = {
      vi: `${label.vi}: không có dữ liệu kế hoạch để tính (mẫu số 0), không tính vào điểm tối đa.`,
      en: `${label.en}: nothing planned to measure (denominator 0); left out of the maximum.`,
    };
    NO_DATA.set(metric, text);
  }
  return text;
}

/**
 * The fixed parts of a metric leaf's explanation, before and after its fraction, for one outcome
 * (a threshold reached, or none): written once per scheme, since only the fraction is the unit's.
 */
export interface TextFrame {
  readonly vi: string;
  readonly viEnd: string;
  readonly en: string;
  readonly enEnd: string;
}

/** A metric leaf's text frames, by the threshold reached (`null`: below the lowest). */
export function textFrames(
  metric: Metric,
  thresholds: readonly Threshold[],
): Map<Threshold | null, TextFrame> {
  const label = METRICS[metric].label;
  const frames = new Map<Threshold | null, TextFrame>();
  for (const t of thresholds) {
    const at = fmt(t.atLeast * 100);
    const pts = fmt(t.points);
    frames.set(t, {
      vi: `${label.vi} = `,
      viEnd: ` ≥ ${vi(t.atLeast * 100)}% → ${vi(t.points)} điểm.`,
      en: `${label.en} = `,
      enEnd: ` ≥ ${at}% → ${pts} ${pointWord(pts)}.`,
    });
  }
  const lowest = (thresholds.at(-1)?.atLeast ?? 0) * 100;
  const low = fmt(lowest);
  frames.set(null, {
    vi: `${label.vi} = `,
    viEnd: `, dưới mức thấp nhất ${vi(lowest)}% → 0 điểm.`,
    en: `${label.en} = `,
    enEnd: `, below the lowest threshold ${low}% → 0 points.`,
  });
  return frames;
}

/** Why a metric leaf got its points: the fraction, the threshold it reached, the points. */
export function metricText(frame: TextFrame, m: Fraction): LocalizedText {
  const percent = (m.value ?? 0) * 100;
  const en = `${fmt(m.numerator)}/${fmt(m.denominator)} = ${fmt(percent)}%`;
  const viText = `${vi(m.numerator)}/${vi(m.denominator)} = ${vi(percent)}%`;
  return { vi: frame.vi + viText + frame.viEnd, en: frame.en + en + frame.enEnd };
}

/** Why a manual leaf got its points: the appraisal, else the self-assessment, else nothing yet. */
export function manualText(entry: ManualScore | undefined, points: number): LocalizedText {
  const how =
    entry?.appraised !== undefined
      ? { vi: `điểm thẩm định ${vi(entry.appraised)}`, en: `appraised ${fmt(entry.appraised)}` }
      : entry?.selfAssessed !== undefined
        ? {
            vi: `điểm tự chấm ${vi(entry.selfAssessed)} (chưa thẩm định)`,
            en: `self-assessed ${fmt(entry.selfAssessed)} (not yet appraised)`,
          }
        : { vi: "chưa có điểm tự chấm", en: "no self-assessment entered" };
  return {
    vi: `Chấm tay: ${how.vi} → ${vi(points)} điểm.`,
    en: `Entered by hand: ${how.en} → ${fmt(points)} ${pointWord(fmt(points))}.`,
  };
}

/** A parent's explanation: the sum of its children's points out of their maximum. */
export function sumText(points: number, max: number): LocalizedText {
  const p = fmt(points);
  const x = fmt(max);
  return {
    vi: `Tổng điểm các tiêu chí con: ${vi(points)}/${vi(max)}.`,
    en: `Sum of sub-criteria: ${p}/${x}.`,
  };
}

/** `n` rounded to `digits` decimals (4 for points). */
export const round = (n: number, digits = 4) => {
  const scale = digits === 4 ? 10_000 : 10 ** digits;
  return Math.round(n * scale) / scale;
};
/** "1 point", "0.5 points", "2 points" in English explanations. */
const pointWord = (formatted: string) => (formatted === "1" ? "point" : "points");
/**
 * A number rounded to 2 decimals as text ("12.5", "0.07", "-3"), the same as `String(round(n, 2))`
 * but written from integers: explanations write hundreds of thousands of numbers per national run.
 */
export function fmt(n: number): string {
  const hundredths = Math.round(n * 100);
  // Beyond 10^10 the division by 100 can print differently: leave those (and NaN) to String.
  if (!(Math.abs(hundredths) < 1e12)) return String(round(n, 2));
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  const sign = hundredths < 0 ? "-" : "";
  if (frac === 0) return `${sign}${whole}`;
  return frac % 10 === 0 ? `${sign}${whole}.${frac / 10}` : `${sign}${whole}.${frac < 10 ? "0" : ""}${frac}`;
}
