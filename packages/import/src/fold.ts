/**
 * Text folding for matching: documents are matched on their words without diacritics and case
 * ("MỤC ĐÍCH, YÊU CẦU" and "Mục đích, yêu cầu" are the same heading), and names written in capitals
 * in a header ("BỘ THÔNG TIN VÀ TRUYỀN THÔNG") are turned back into the way they are written in prose.
 */

// Combining marks of Latin letters (tones, breve, circumflex, horn) after NFD.
const MARKS = /[\u0300-\u036f]/g;

// Lines are folded many times (headings, kinds, units…): remember the last few thousand.
const CACHE = new Map<string, string>();
const CACHE_LIMIT = 4096;

/**
 * Lower-case ASCII-ish fold: no tone or vowel marks, "đ" → "d", runs of white space → one space.
 * Length may differ from the input (combining marks drop out), so never index the original with it.
 */
export function fold(input: string): string {
  const hit = CACHE.get(input);
  if (hit !== undefined) return hit;
  let out = input.normalize("NFD").replace(MARKS, "").replace(/[đĐ]/g, "d").toLowerCase();
  if (/\s\s|[^\S ]|^\s|\s$/.test(out)) out = out.replace(/\s+/g, " ").trim();
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(input, out);
  return out;
}

/** True when the text has letters and none of them is lower case ("KẾ HOẠCH", "SỞ NỘI VỤ"). */
export function isUpperText(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

const KEEP_UPPER = new Set([
  "UBND",
  "HĐND",
  "CCHC",
  "TTHC",
  "TT&TT",
  "TTTT",
  "BTTTT",
  "PT-TH",
  "PTTH",
  "TP",
  "TP.",
  "MTTQ",
  "VN",
]);

/** Words after which the next word starts a proper name: "Bộ Thông tin", "Sở Nội vụ". */
const KIND_WORDS = new Set([
  "bộ",
  "sở",
  "vụ",
  "cục",
  "tổng cục",
  "chi cục",
  "văn phòng",
  "trung tâm",
  "ban",
  "phòng",
  "thanh tra",
  "đài",
  "báo",
  "viện",
  "học viện",
  "trường",
  "ngân hàng",
  "kho bạc",
  "đại học",
  "bảo hiểm",
  "công an",
]);

/** Words after which every following word is part of a place name: "tỉnh Quảng Ninh". */
const PLACE_WORDS = new Set([
  "tỉnh",
  "huyện",
  "xã",
  "phường",
  "quận",
  "thị xã",
  "thị trấn",
  "thành phố",
  "thôn",
]);

const capitalise = (w: string) => (w === "" ? w : w[0]?.toLocaleUpperCase("vi") + w.slice(1));

function lettersOnly(w: string): string {
  return w.replace(/[^\p{L}\p{N}&-]/gu, "");
}

/**
 * Turns a body name written in capitals into prose case by the rules of Vietnamese official names:
 * "ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH" → "Ủy ban nhân dân tỉnh Quảng Ninh", "BỘ LAO ĐỘNG - THƯƠNG BINH
 * VÀ XÃ HỘI" → "Bộ Lao động - Thương binh và Xã hội". Text that is not all capitals is returned as is.
 */
export function properCaseName(input: string): string {
  const text = input.replace(/\s+/g, " ").trim();
  if (!isUpperText(text)) return text;
  const words = text.split(" ").map((w) => (KEEP_UPPER.has(lettersOnly(w)) ? w : w.toLocaleLowerCase("vi")));
  const bareAt = (i: number) => lettersOnly(words[i] ?? "").toLocaleLowerCase("vi");
  const out: string[] = [];
  let capNext = true;
  let inPlace = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const bare = bareAt(i);
    const pair = `${bare} ${bareAt(i + 1)}`;
    if (KEEP_UPPER.has(lettersOnly(w))) {
      out.push(w);
      capNext = false;
    } else if (
      /^(ủy|uỷ|hội) (ban|đồng)$/u.test(pair) &&
      bareAt(i + 2) === "nhân" &&
      bareAt(i + 3) === "dân"
    ) {
      // "Ủy ban nhân dân", "Hội đồng nhân dân": one capital; a place name follows.
      out.push(capitalise(w), ...words.slice(i + 1, i + 4));
      i += 3;
      capNext = false;
      inPlace = false;
    } else if (pair === "việt nam") {
      out.push(capitalise(w), capitalise(words[i + 1] as string));
      i += 1;
      capNext = false;
    } else if ((PLACE_WORDS.has(pair) || PLACE_WORDS.has(bare)) && (!capNext || out.length === 0)) {
      const two = PLACE_WORDS.has(pair);
      out.push(capNext ? capitalise(w) : w);
      if (two) out.push(words[i + 1] as string);
      i += two ? 1 : 0;
      inPlace = true;
      capNext = false;
    } else if (capNext && (KIND_WORDS.has(pair) || KIND_WORDS.has(bare))) {
      // A kind word opens a name: "Bộ" + "Thông tin…", "Văn phòng" + "Chính phủ".
      const two = KIND_WORDS.has(pair);
      out.push(capitalise(w));
      if (two) out.push(words[i + 1] as string);
      i += two ? 1 : 0;
      capNext = true;
      continue;
    } else {
      out.push(capNext || inPlace ? capitalise(w) : w);
      capNext = false;
    }
    const last = out[out.length - 1] as string;
    if (/[,;]$/.test(last) || bareAt(i) === "và") {
      capNext = true;
      inPlace = false;
    } else if (last === "-" || last.endsWith("-")) capNext = true;
  }
  return out.join(" ");
}

/**
 * Initials of a name, the way agencies abbreviate themselves: "Bộ Thông tin và Truyền thông" →
 * "BTTTT", "Vụ Tổ chức cán bộ" → "VTCCB"; "và" and punctuation are skipped.
 */
export function initials(name: string): string {
  return name
    .split(/[\s,;-]+/u)
    .filter((w) => w !== "" && w.toLocaleLowerCase("vi") !== "và" && /\p{L}/u.test(w))
    .map((w) => (/^[\p{Lu}\d&]{2,}$/u.test(w) ? w : (w.match(/\p{L}/u)?.[0] ?? "").toLocaleUpperCase("vi")))
    .join("");
}
