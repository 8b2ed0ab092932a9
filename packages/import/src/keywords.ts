/**
 * What words mean in a plan: section headings, content kinds (the six PAR pillars and the other
 * themes), channel kinds, audience and funding kinds, unit kinds and roles. Every pattern is matched
 * on folded text (no diacritics, lower case), so "Hình thức", "HÌNH THỨC" and "Hinh thuc" agree, and
 * each rule names a phrase agencies use, not a sentence of one document.
 */
import { fold } from "./fold.js";

// ---------------------------------------------------------------------------------------------
// Section headings

/** The parts of a plan a heading can announce. */
export type SectionKind =
  | "objectives"
  | "requirements"
  | "audiences"
  | "content"
  | "channels"
  | "implementation"
  | "responsibilities"
  | "funding"
  | "reporting"
  | "schedule";

const HEADING_WORDS: ReadonlyArray<readonly [RegExp, SectionKind]> = [
  [/^(muc dich|muc tieu)\b/, "objectives"],
  [/^yeu cau\b/, "requirements"],
  [/^(doi tuong|pham vi)\b/, "audiences"],
  [/^(noi dung|chu de)\b/, "content"],
  [/^(hinh thuc|phuong thuc|cach thuc|phuong phap)\b/, "channels"],
  [
    /^(to chuc thuc hien|to chuc trien khai|trien khai thuc hien|to chuc trien khai thuc hien)\b/,
    "implementation",
  ],
  [/^(trach nhiem|phan cong|nhiem vu cua cac|nhiem vu cu the cua)\b/, "responsibilities"],
  // "NHIỆM VỤ VÀ GIẢI PHÁP", "CÁC NHIỆM VỤ TRỌNG TÂM": what to communicate and how.
  [/^(nhiem vu|giai phap)\b(?! cua)/, "content"],
  [/^(kinh phi|nguon kinh phi|du toan kinh phi)\b/, "funding"],
  [
    /^(che do bao cao|che do thong tin|thong tin,? bao cao|bao cao ket qua|cong tac bao cao|bao cao dinh ky)\b/,
    "reporting",
  ],
  [/^(thoi gian|tien do|lo trinh)\b/, "schedule"],
];

// What a heading can open with (a cheap test before the full one): prefixes, then a first word.
const HEADING_START =
  /^(cac |nhung |ve |cong tac |mot so )*(muc|yeu|doi|pham|noi|chu de|hinh|phuong|cach|to chuc|trien|trach|phan|nhiem|giai phap|kinh|nguon|du toan|che do|thong tin|bao cao|thoi|tien|lo trinh)/;
// Words that may open a heading without changing what it announces: "Các hình thức…", "Về nội dung".
const HEADING_PREFIX = /^(cac |nhung |ve |cong tac |mot so )+/;

/** Sections a heading announces, in the order it names them; empty when it is not a heading. */
export function headingKinds(text: string): SectionKind[] {
  const folded = fold(text).replace(/[:.]+$/, "");
  if (!HEADING_START.test(folded)) return [];
  if (folded === "" || folded.split(" ").length > 14) return [];
  const parts = folded.split(/\s*(?:,|;|\bva\b|\/|\s-\s)\s*/).filter((p) => p !== "");
  const kinds: SectionKind[] = [];
  for (const [i, part] of parts.entries()) {
    const p = part.replace(HEADING_PREFIX, "");
    const hit = HEADING_WORDS.find(([re]) => re.test(p));
    if (hit === undefined) {
      if (i === 0) return [];
      continue;
    }
    // A tasks section says what to communicate and how: content and channels.
    const announced: SectionKind[] = /^(nhiem vu|giai phap)\b/.test(p) ? ["content", "channels"] : [hit[1]];
    for (const k of announced) if (!kinds.includes(k)) kinds.push(k);
  }
  return kinds;
}

/** "Mục tiêu chung", "Mục tiêu cụ thể": sub-headings inside objectives. */
export function isObjectiveSubheading(text: string): boolean {
  return /^muc (tieu|dich) (chung|cu the|tong quat)$/.test(fold(text).replace(/[:.]+$/, ""));
}

// ---------------------------------------------------------------------------------------------
// Classification by the earliest phrase

type Rule = readonly [RegExp, string];

/**
 * Rules compiled into one alternation, one named group per rule: the leftmost match wins and, at
 * the same position, the rule listed first, which is exactly "the phrase that appears first". One
 * pass over the text instead of one per rule.
 */
interface RuleSet {
  readonly re: RegExp;
  readonly codes: readonly string[];
  /** The capture group that opens each rule in the combined pattern. */
  readonly groups: readonly number[];
}

/** Capturing groups in a pattern source: "(" not escaped and not "(?". */
function captureGroups(source: string): number {
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (c === "(" && source[i + 1] !== "?") n++;
  }
  return n;
}

function ruleSet(rules: readonly Rule[]): RuleSet {
  const groups: number[] = [];
  let next = 1;
  for (const [r] of rules) {
    groups.push(next);
    next += 1 + captureGroups(r.source);
  }
  return {
    re: new RegExp(rules.map(([r]) => `(${r.source})`).join("|"), "g"),
    codes: rules.map(([, c]) => c),
    groups,
  };
}

function codeOf(set: RuleSet, m: RegExpExecArray): string | undefined {
  for (let i = 0; i < set.codes.length; i++)
    if (m[set.groups[i] as number] !== undefined) return set.codes[i];
  return undefined;
}

/** The code of the rule whose phrase appears first in the folded text (ties: the rule listed first). */
function earliest(folded: string, set: RuleSet): string | undefined {
  set.re.lastIndex = 0;
  const m = set.re.exec(folded);
  return m ? codeOf(set, m) : undefined;
}

/** Where the earliest phrase starts, and its code. */
function earliestAt(folded: string, set: RuleSet): { index: number; code: string } | undefined {
  set.re.lastIndex = 0;
  const m = set.re.exec(folded);
  const code = m ? codeOf(set, m) : undefined;
  return m && code !== undefined ? { index: m.index, code } : undefined;
}

/**
 * Every rule's code in the order its phrases appear, each phrase consumed when matched so a longer
 * phrase ("hội nghị tập huấn") is not counted again by a shorter one ("hội nghị").
 */
function allInOrder(folded: string, set: RuleSet): string[] {
  const found: string[] = [];
  set.re.lastIndex = 0;
  for (let m = set.re.exec(folded); m !== null; m = set.re.exec(folded)) {
    if (m[0] === "") set.re.lastIndex++;
    const code = codeOf(set, m);
    if (code !== undefined && !found.includes(code)) found.push(code);
  }
  return found;
}

const CONTENT_RULES = ruleSet([
  [/\b(tam quan trong|vai tro, y nghia|y nghia, muc tieu|su can thiet|muc dich, y nghia)\b/, "par-awareness"],
  [
    /\b(quan diem, chu truong|chu truong cua dang|chu truong, duong loi|duong loi, chu truong|chu truong, chinh sach|nghi quyet cua dang)\b/,
    "party-state-policy",
  ],
  [
    /\b(chuong trinh tong the|chuong trinh cai cach|chuong trinh cchc|chuong trinh, ke hoach (cai cach|cchc)|ke hoach (cai cach hanh chinh|cchc)|nghi quyet so 76|nghi quyet 76)\b/,
    "par-programme",
  ],
  [
    /\b(cai cach the che|xay dung,? hoan thien the che|hoan thien the che|van ban quy pham phap luat|the che)\b/,
    "pillar-institutional",
  ],
  [/\b(cai cach thu tuc hanh chinh|cai cach tthc|thu tuc hanh chinh|tthc)\b/, "pillar-procedures"],
  [/\b(mot cua lien thong|co che mot cua|bo phan mot cua|mot cua)\b/, "one-stop-shop"],
  [/\b(dich vu cong truc tuyen|dich vu cong muc do|cong dich vu cong)\b/, "online-public-services"],
  [
    /\b(to chuc bo may|bo may hanh chinh|bo may nha nuoc|sap xep (lai )?to chuc|cai cach to chuc|to chuc va hoat dong cua bo may|tinh gian bien che)\b/,
    "pillar-apparatus",
  ],
  [
    /\b(che do cong vu|cai cach cong vu|cong vu, cong chuc|doi ngu can bo|chat luong doi ngu|tuyen dung|van hoa cong vu|dao duc cong vu|ky luat, ky cuong|vi tri viec lam)\b/,
    "pillar-civil-service",
  ],
  [
    /\b(tai chinh cong|co che tu chu|tu chu, tu chiu trach nhiem|co che tai chinh|khoan bien che)\b/,
    "pillar-public-finance",
  ],
  [
    /\b(hien dai hoa (nen )?hanh chinh|chinh phu dien tu|chinh quyen dien tu|chinh phu so|chinh quyen so|chuyen doi so|ung dung cong nghe thong tin|iso 9001|he thong quan ly chat luong)\b/,
    "pillar-modernisation",
  ],
  [/\b(chi so cai cach hanh chinh|chi so cchc|par index)\b/, "par-index"],
  [/\b(sipas|chi so hai long|muc do hai long|su hai long)\b/, "satisfaction-index"],
  [/\b(ban chi dao|chi dao, dieu hanh|hoat dong chi dao)\b/, "steering-activities"],
  [
    /\b(dien hinh tien tien|guong dien hinh|sang kien|mo hinh hay|cach lam hay|ton tai, han che)\b/,
    "good-practices",
  ],
  // "Kết quả thực hiện (các nhiệm vụ | 6 nội dung) cải cách hành chính…": results of the reform as
  // a whole (a pillar named instead, "… cải cách thủ tục hành chính", is that pillar).
  [
    /^ket qua (thuc hien |trien khai |dat duoc )?(cac |\d+ )?(nhiem vu |noi dung |cong tac )?(cai cach hanh chinh|cchc)\b/,
    "good-practices",
  ],
]);

/** The content kind of a content area, or undefined when no phrase names one. */
export function contentKind(text: string): string | undefined {
  return earliest(fold(text), CONTENT_RULES);
}

/** The content kind named right after "tuyên truyền (về)" in a duty, for the areas a unit leads. */
export function contentKindsCommunicated(text: string): string[] {
  const folded = fold(text);
  const out: string[] = [];
  for (const m of folded.matchAll(
    /\btuyen truyen,? (?:(?:pho bien )?(?:ve |cac noi dung (?:ve )?|noi dung (?:ve )?))?/g,
  )) {
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const hit = earliestAt(after, CONTENT_RULES);
    if (hit !== undefined && hit.index <= 2 && !out.includes(hit.code)) out.push(hit.code);
  }
  return out;
}

const CHANNEL_RULES = ruleSet([
  // Longer phrases first: they hold a shorter one ("hội nghị" inside "hội nghị tập huấn").
  [/\bhoi nghi[^.;]{0,40}?(giao duc|pho bien) phap luat\b/, "legal-education"],
  [/\bhoi nghi (tap huan|quan triet|boi duong)\b/, "training"],
  [
    /\b(he thong )?(loa (truyen thanh|phat thanh)|dai truyen thanh)( co so| xa| cap xa| thon)?\b/,
    "loudspeaker",
  ],
  [/\b(truyen thanh co so|(he thong )?thong tin co so)\b/, "loudspeaker"],
  [/\b(giao duc phap luat|pho bien phap luat|pbgdpl|ngay phap luat|tu sach phap luat)\b/, "legal-education"],
  [/\b(tap huan|boi duong|quan triet|lop hoc|dao tao)\b/, "training"],
  [/\b(cuoc thi|hoi thi|thi tim hieu)\b/, "contest"],
  [
    /\b(hoi nghi|hoi thao|toa dam|cuoc hop|giao ban|doi thoai|sinh hoat chuyen de|hop thon)\b/,
    "meeting-seminar",
  ],
  [
    /\b(bao chi|bao in|bao dien tu|bao noi|bao hinh|chuyen trang|chuyen muc|phong su|tin bai|bai viet|co quan bao chi|thong tin dai chung|(tren|qua|cua|voi) bao(?! (cao|gom|dam|ve|quat|lau|nhieu|hiem|dong))|bao tinh|bao nhan dan)\b/,
    "press",
  ],
  [/\b((cong|trang)( ?\/ ?trang)? thong tin( dien tu)?|website|trang web|cong dich vu cong)\b/, "web-portal"],
  [/\b(phat thanh|truyen hinh)\b/, "radio-tv"],
  [/\b(mang xa hoi|facebook|fanpage|youtube|tiktok)\b/, "social-media"],
  [/\b(zalo|ung dung nhan tin|tin nhan|sms)\b/, "messaging-app"],
  [
    /\b(pano|pa-no|pa no|ap phich|bang ron|bang zon|khau hieu|truc quan|bang tin|niem yet)\b/,
    "poster-banner",
  ],
  [/\b(to roi|to gap|so tay|cam nang)\b/, "leaflet"],
  [
    /\b(an pham|tai lieu tuyen truyen|de cuong tuyen truyen|phat hanh tai lieu|bien soan tai lieu|video|clip)\b/,
    "publication",
  ],
]);

/** The channel kinds a text names, in the order it names them. */
export function channelKinds(text: string): string[] {
  return allInOrder(fold(text), CHANNEL_RULES);
}

const AUDIENCE_RULES = ruleSet([
  [
    /\b(can bo, cong chuc|cong chuc, vien chuc|can bo cong chuc|doi ngu can bo|nguoi lao dong|dang vien)\b/,
    "civil-servants",
  ],
  [/\b(nguoi dan|nhan dan|cong dan|cac tang lop)\b/, "citizens"],
  [/\b(doanh nghiep|nha dau tu)\b/, "businesses"],
  [
    /\b(co quan, to chuc|to chuc, ca nhan|to chuc, doanh nghiep|cac to chuc|co quan, don vi)\b/,
    "organisations",
  ],
]);

/** The audience kind of an audience item ("other" when none is named). */
export function audienceKind(text: string): string {
  return earliest(fold(text), AUDIENCE_RULES) ?? "other";
}

const FUNDING_RULES = ruleSet([
  [/\b(kinh phi tu chu|nguon tu chu|tu chu)\b/, "autonomous-budget"],
  [/\b(kinh phi (thong tin va truyen thong|thong tin, tuyen truyen|tuyen truyen))\b/, "communication-budget"],
  [/\b(kinh phi (cai cach hanh chinh|cchc)|kinh phi thuc hien cong tac cai cach)\b/, "par-budget"],
  [/\b(chuong trinh muc tieu|de an|du an)\b/, "programme-budget"],
  [
    /\b(ngan sach|(nguon )?(chi|kinh phi) thuong xuyen|du toan (chi )?(duoc giao|hang nam))\b/,
    "state-budget",
  ],
  [/\b(xa hoi hoa|tai tro|dong gop)\b/, "socialised"],
]);

/**
 * Funding kinds of a funding sentence: those named after "từ", "trong", "bằng" (where the money
 * comes from), or else those of the whole sentence ("Kinh phí tuyên truyền … từ nguồn tự chủ" is
 * autonomous, whatever the subject says).
 */
export function fundingKinds(text: string): string[] {
  const folded = fold(text);
  const source = /\b(tu|trong|bang|thuoc|su dung)\b (.*)$/.exec(folded)?.[2];
  const fromSource = source === undefined ? [] : allInOrder(source, FUNDING_RULES);
  return fromSource.length > 0 ? fromSource : allInOrder(folded, FUNDING_RULES);
}

// ---------------------------------------------------------------------------------------------
// Objectives and requirements under one heading, content and channels under one heading

/** Whether an item under "Mục đích, yêu cầu" reads as a requirement rather than an objective. */
export function readsAsRequirement(text: string): boolean {
  return /\b(phai|can duoc|can phai|bao dam|dam bao|bam sat|thiet thuc|tranh hinh thuc|gan voi|kip thoi)\b/.test(
    fold(text),
  );
}

/** Whether an item under "Nội dung, hình thức" reads as a channel (how) rather than content (what). */
export function readsAsChannel(text: string): boolean {
  const f = fold(text);
  return (
    (/^(tuyen truyen )?(qua|tren|thong qua|bang)\b/.test(f) ||
      /^(to chuc|xay dung|mo|lap|in|treo|dang tai|phat hanh|bien soan|long ghep|su dung|khai thac|phat song|niem yet)\b/.test(
        f,
      )) &&
    channelKinds(text).length > 0
  );
}

// ---------------------------------------------------------------------------------------------
// Units

/** Unit kind codes of the core catalogue, by the words a unit's name opens with. */
const UNIT_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /^(uy ban nhan dan|ubnd)( cac)? (tinh|thanh pho (ha noi|ho chi minh|hai phong|da nang|can tho|hue))\b/,
    "provincial-committee",
  ],
  [/^(uy ban nhan dan|ubnd)( cac)? (xa|phuong|thi tran)\b/, "commune-committee"],
  [/^(uy ban nhan dan|ubnd)( cac)? (huyen|quan|thi xa|thanh pho)\b/, "district-committee"],
  [/^(uy ban nhan dan|ubnd)( cac cap)?\b/, "district-committee"],
  [/^(tong cuc)\b/, "general-department"],
  [/^(chi cuc)\b/, "sub-department"],
  [/^(cuc)\b/, "agency"],
  [/^(vu)\b/, "department"],
  [/^(van phong)\b/, "office"],
  [/^(thanh tra)\b/, "inspectorate"],
  [/^(trung tam)\b/, "centre"],
  [/^(so|cong an|bo chi huy|kho bac|bao hiem xa hoi|cuc thue)\b/, "provincial-department"],
  [
    /^(co quan bao chi|bao|tap chi|dai phat thanh|dai truyen hinh|dai pt|dai truyen thanh|thong tan xa)\b/,
    "press-agency",
  ],
  [/^(co quan hanh chinh)\b/, "administrative-agency"],
  [/^(don vi su nghiep|vien|benh vien)\b/, "public-service-unit"],
  [/^(ban chi dao|ban)\b/, "board"],
  [/^(phong)\b/, "division"],
  [
    /^(truong (dai hoc|cao dang|trung cap|chinh tri|trung hoc|tieu hoc|mam non|pho thong)|hoc vien|dai hoc)\b/,
    "school",
  ],
  // People and bodies the catalogue has no kind for: known, but "other".
  [
    /^(bo phan|cong chuc|can bo|truong|chu tich|pho chu tich|bi thu|thu truong|lanh dao|nguoi dung dau|mat tran|uy ban mat tran|doan|hoi|lien doan|hop tac xa|tinh uy|huyen uy|dang uy|chi bo|to|co quan|don vi)\b/,
    "other",
  ],
  [/^(bo|co quan ngang bo)\b/, "ministry"],
];

/** The unit kind a name opens with ("Các cơ quan báo chí thuộc Bộ" → press-agency), or undefined. */
export function unitKind(name: string): string | undefined {
  const f = fold(name).replace(/^(cac|nhung|toan the|tat ca)\s+/, "");
  return UNIT_RULES.find(([re]) => re.test(f))?.[1];
}

// ---------------------------------------------------------------------------------------------
// Roles

/** How strongly a clause reads as the lead's: guiding, urging, monitoring the whole plan. */
export function leadScore(text: string, unitNames: string): number {
  const f = fold(text);
  let score = 0;
  if (/\b(co quan thuong truc|la thuong truc|dau moi)\b/.test(f)) score += 3;
  for (const m of f.matchAll(/\bchu tri\b/g)) {
    const before = f.slice(Math.max(0, m.index - 12), m.index);
    if (!/\b(duoc giao|giao|do)\s*$/.test(before)) score += 2;
  }
  for (const w of ["huong dan", "don doc", "theo doi", "kiem tra", "danh gia", "tong hop"])
    if (f.includes(w)) score += 1;
  if (/\bke hoach nay\b/.test(f)) score += 1;
  if (/\b(noi vu|to chuc can bo|to chuc - can bo|van phong - thong ke)\b/.test(fold(unitNames))) score += 2;
  return score;
}

/** Roles other than lead a clause gives its units, in catalogue order. */
export function nonLeadRoles(text: string): Array<"coordinate" | "implement" | "monitor" | "report"> {
  const f = fold(text);
  const coordinate = /\bphoi hop\b/.test(f);
  const monitor = /\b(theo doi|giam sat|kiem tra)\b/.test(f);
  const report = /\bbao cao\b/.test(f);
  const implement =
    /\b(thuc hien|trien khai|to chuc|xay dung|mo |dang tai|tuyen truyen|cap nhat|bien tap|phat song|dua tin|thong tin|pho bien|quan triet|long ghep|tham gia|bo tri|tham muu|chi dao)\b/.test(
      f,
    ) || !(coordinate || monitor || report);
  const roles: Array<"coordinate" | "implement" | "monitor" | "report"> = [];
  if (coordinate) roles.push("coordinate");
  if (implement) roles.push("implement");
  if (monitor) roles.push("monitor");
  if (report) roles.push("report");
  return roles;
}

/** Monitor and report besides lead, for the lead's clause. */
export function leadExtraRoles(text: string): Array<"monitor" | "report"> {
  const f = fold(text);
  const roles: Array<"monitor" | "report"> = [];
  if (/\b(theo doi|giam sat|kiem tra)\b/.test(f)) roles.push("monitor");
  if (/\bbao cao\b/.test(f)) roles.push("report");
  return roles;
}
