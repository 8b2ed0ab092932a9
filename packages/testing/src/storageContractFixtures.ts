/**
 * Data the storage contract suite writes: a small valid plan, its activities, generated records as
 * NDJSON lines, and the hostile strings every adapter must store and give back unchanged.
 * Everything is deterministic, and canonical (what core's parsers return), so a value read back
 * can be compared with the value written.
 */
import {
  type Activity,
  ActivitySchema,
  type ActualRecord,
  ActualRecordSchema,
  addDays,
  type Plan,
  type PlanInput,
  PlanSchema,
  type Unit,
  type UnitReport,
  UnitReportSchema,
  UnitSchema,
} from "@cchc/core";

/** The plan year of the contract's plans. */
export const CONTRACT_YEAR = 2018;

/** Unit ids of `contractPlan`; `_` is a LIKE wildcard, so `u_1` and `uX1` must never be confused. */
export const CONTRACT_UNIT_IDS = ["u_1", "uX1", "u-2", "u.3"] as const;

/** The activity each unit of `contractPlan` has (one per unit). */
export const activityIdOf = (unitId: string): string => `act-${unitId}`;

/** A small valid plan: four units, two channels, two content areas; `extra` overrides any field. */
export function contractPlan(id: string, extra: Partial<PlanInput> = {}): Plan {
  return PlanSchema.parse({
    id,
    issuer: { name: "Sở Nội vụ tỉnh Thử nghiệm", abbreviation: "SNV" },
    year: CONTRACT_YEAR,
    title: "Kế hoạch tuyên truyền cải cách hành chính năm 2018",
    objectives: [{ id: "I.1.a", text: "Nâng cao nhận thức của cán bộ, công chức, viên chức về CCHC" }],
    contentAreas: [
      { id: "II.1.a", kind: "par-overview", text: "Chương trình tổng thể cải cách hành chính nhà nước" },
      { id: "II.1.b", kind: "institutional", text: "Cải cách thể chế; thủ tục hành chính" },
    ],
    channels: [
      { id: "II.2.a", kinds: ["press", "portal"], text: "Báo chí, Cổng thông tin điện tử" },
      { id: "II.2.b", kinds: ["training"], text: "Lớp tập huấn, bồi dưỡng" },
    ],
    units: CONTRACT_UNIT_IDS.map((unitId, i) => ({
      id: unitId,
      name: `Phòng Tuyên truyền số ${i + 1}`,
      kind: "department",
    })),
    ...extra,
  });
}

/** The activity of one unit of `contractPlan`. */
export function contractActivity(unitId: string, extra: Partial<Activity> = {}): Activity {
  return ActivitySchema.parse({
    id: activityIdOf(unitId),
    unitId,
    channelId: "II.2.a",
    contentAreaIds: ["II.1.a"],
    title: `Đăng tin, bài về cải cách hành chính (${unitId})`,
    periodId: String(CONTRACT_YEAR),
    target: { value: 100, unit: "article" },
    plannedCostVnd: 10_000_000,
    ...extra,
  });
}

/** A parsed record (canonical, as storage gives it back). */
export function contractRecord(id: string, unitId: string, extra: Partial<ActualRecord> = {}): ActualRecord {
  return ActualRecordSchema.parse({
    id,
    activityId: activityIdOf(unitId),
    unitId,
    date: `${CONTRACT_YEAR}-03-15`,
    output: 1,
    ...extra,
  });
}

/** A parsed report. */
export function contractReport(
  id: string,
  unitId: string,
  periodId: string,
  extra: Partial<UnitReport> = {},
): UnitReport {
  return UnitReportSchema.parse({
    id,
    unitId,
    periodId,
    submittedAt: `${CONTRACT_YEAR}-03-20T09:30:00+07:00`,
    activityIds: [activityIdOf(unitId)],
    summary: `Báo cáo kết quả tuyên truyền kỳ ${periodId}`,
    ...extra,
  });
}

/** A parsed unit of the registry. */
export function contractUnit(id: string, name: string): Unit {
  return UnitSchema.parse({ id, name, kind: "department" });
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Id of the i-th (1-based) generated record: fixed width, so every collation agrees on the order. */
export const bulkRecordId = (i: number): string => `r${pad(i, 7)}`;

/** The i-th (1-based) generated record: units in turn, dates spread over the year. */
export function bulkRecord(i: number): ActualRecord {
  const unitId = CONTRACT_UNIT_IDS[i % CONTRACT_UNIT_IDS.length] ?? "u_1";
  return {
    id: bulkRecordId(i),
    activityId: activityIdOf(unitId),
    unitId,
    date: addDays(`${CONTRACT_YEAR}-01-01`, (i * 7) % 365),
    output: i % 9,
    ...(i % 2 === 0 ? { participants: i % 50 } : {}),
    ...(i % 3 === 0 ? { costVnd: (i % 20) * 10_000 } : {}),
    ...(i % 5 === 0 ? { note: `Ghi chú số ${i}: tuyên truyền "CCHC" 'trực tuyến'; 100% _đạt_` } : {}),
  };
}

/** Records 1..n. */
export function bulkRecords(n: number): ActualRecord[] {
  return Array.from({ length: n }, (_, k) => bulkRecord(k + 1));
}

/** Records as NDJSON lines, as the national generator writes them. */
export const toLines = (records: readonly ActualRecord[]): string[] => records.map((r) => JSON.stringify(r));

/** Every code point 1..0x7f (no NUL): control characters, quotes, backslash, DEL. */
export const ASCII_NO_NUL = Array.from({ length: 0x7f }, (_, i) => String.fromCharCode(i + 1)).join("");

/**
 * Text that looks like binary data but has no NUL: every code point U+0001–U+00FF (bytes read as
 * Latin-1), then 4,096 pseudo-random code points from the whole Unicode range (no surrogates, no NUL).
 */
export const BINARY_LOOKING = (() => {
  let out = Array.from({ length: 0xff }, (_, i) => String.fromCharCode(i + 1)).join("");
  let x = 0x2545f491;
  for (let i = 0; i < 4096; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    let cp = (x >>> 0) % 0x110000;
    if (cp === 0 || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    out += String.fromCodePoint(cp);
  }
  return out;
})();

/** One million characters on one line, Vietnamese and ASCII, without white-space runs. */
export const ONE_MB = (() => {
  const unit = "Cải-cách-hành-chính;'\"`\\%_$1|";
  return unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
})();

/** A long single line (200,000 characters) for plan text fields. */
export const LONG_LINE = "Tuyên-truyền-CCHC-".repeat(11_112).slice(0, 200_000);

/**
 * Strings that break adapters which build SQL by hand, escape badly, normalise, or use LIKE. None
 * contains NUL (PostgreSQL text cannot hold it) or a lone surrogate (not valid UTF-8).
 */
export const HOSTILE_STRINGS: readonly string[] = [
  `'"\``,
  ";",
  ";;; ;",
  "'; DROP TABLE x; --",
  '"; DROP TABLE plans; --',
  "Robert'); DELETE FROM records WHERE ('1'='1",
  "' OR '1'='1",
  "/* comment */ -- comment",
  "$1",
  "$1::text $2",
  "$$ dollar $$",
  "$tag$ quoted $tag$",
  "?",
  ":name @p1 %s {0}",
  "\\",
  "\\\\",
  "\\'",
  "\\x00",
  "\\u0000",
  "\\N",
  "%_",
  "100% _done_ [a-z] %%",
  "NULL",
  "null",
  "undefined",
  "{}",
  "[]",
  '{"a":1}',
  "<script>alert(1)</script>",
  "$(rm -rf /)",
  ASCII_NO_NUL,
  BINARY_LOOKING,
  "\uFFFD",
  "a\u2028b\u2029c",
  "\u0301\u0323 lone combining marks",
  "a\u0301",
  "Cải cách hành chính".normalize("NFD"),
  "Cải cách hành chính",
  "Uỷ ban nhân dân, hoà, thuỷ",
  "😀👩🏽‍💻🇻🇳🏳️‍🌈",
  "𝕍𝕚ệ𝕥 𠀀𪚥 \u{1F600}\u{10FFFD}",
  "مرحبا بالعالم — עברית \u202Eevil\u202C",
  "\u200B\u200C\u200D\uFEFF zero-width",
  "\t\n\r\v\f",
  " leading and trailing spaces ",
  "line one\nline two\r\nline three",
  "\u00A0no-break\u3000ideographic",
  "\x7F\x1B[31mred\x1B[0m",
  LONG_LINE,
];

/**
 * Ids whose order tells code point order (the port's) from other orders: upper before lower case,
 * punctuation between digits and letters, Vietnamese letters after ASCII, NFC and NFD spellings as
 * different ids, and letters above U+FFFF after U+E000–U+FFFF (JavaScript's `<` puts them before).
 */
export const ORDER_IDS: readonly string[] = [
  "b",
  "B",
  "a",
  "A",
  "a-b",
  "a.b",
  "a_b",
  "a:b",
  "a0",
  "a9",
  "ab",
  "aB",
  "đ",
  "Đ",
  "z",
  "á",
  "a\u0301",
  "ạ",
  "Ａ",
  "ｚ",
  "𝕍",
  "𠀀",
  "1",
  "10",
  "2",
];

/** Code point order, written independently of core's `compareIds` to check it. */
export function byCodePoints(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

/** Object keys that are SQL, JSON-path and LIKE hazards (kept verbatim in `extensions`). */
export const HOSTILE_KEYS: readonly string[] = [
  "'; DROP TABLE x; --",
  "$1",
  "a.b",
  "a->b",
  "{a,b}",
  "%_",
  "",
  " ",
  "Khóa tiếng Việt",
  "😀",
  "\\",
  '"',
];

/** JSON numbers that lose precision when an adapter passes them through a float or a text cast. */
export const AWKWARD_NUMBERS: readonly number[] = [
  0,
  0.1,
  -1.5e-7,
  1e21,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1.7976931348623157e308,
  5e-324,
  123456789.12345679,
];

/** Text fields need a non-blank value: wrap a hostile string so it stays one after trimming. */
export const inText = (s: string): string => `«${s}»`;
