import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  foldForComparison,
  formatPlaceAndDate,
  normalizeText,
  outlineLetter,
  romanNumeral,
  slugify,
  validatePlan,
} from "../src/index.js";
import { at, sample } from "./support.js";

describe("normalizeText", () => {
  it("composes NFD input to NFC", () => {
    for (const s of ["Vụ Tổ chức cán bộ", "Bộ Thông tin và Truyền thông", "Đường, ướt, ngoặc, Nghị định"]) {
      const nfd = s.normalize("NFD");
      expect(nfd).not.toBe(s);
      expect(normalizeText(nfd)).toBe(s);
    }
  });

  it.each([
    ["Uỷ ban", "Ủy ban"],
    ["Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
    ["UỶ BAN", "ỦY BAN"],
    ["hoà", "hòa"],
    ["Hoá", "Hóa"],
    ["khoẻ", "khỏe"],
    ["thuỷ", "thủy"],
    ["tuỳ", "tùy"],
    ["Thuỵ", "Thụy"],
    ["hoạ", "họa"],
    ["hoã", "hõa"],
    ["Cục Tin học hoá", "Cục Tin học hóa"],
    ["đơn giản hoá thủ tục, hiện đại hoá hành chính", "đơn giản hóa thủ tục, hiện đại hóa hành chính"],
  ])("moves the old tone placement: %s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
    expect(normalizeText(input.normalize("NFD"))).toBe(expected);
  });

  it.each([
    "quý",
    "Quý",
    "quà",
    "hoàng",
    "hoàn thiện",
    "quyết",
    "Ủy",
    "Ủy ban",
    "thủy",
    "hòa",
    "khuya",
    "người",
    "Hello, world 123!",
    "",
    "   ",
  ])("leaves %j unchanged", (s) => {
    expect(normalizeText(s)).toBe(s);
  });

  it("is idempotent and never throws on arbitrary unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent and returns NFC on Vietnamese-like letters and combining marks", () => {
    const unit = fc.constantFrom(
      "o",
      "a",
      "e",
      "u",
      "y",
      "q",
      "h",
      "O",
      "A",
      "U",
      "Y",
      "â",
      "ơ",
      "ư",
      " ",
      "\u0300",
      "\u0301",
      "\u0303",
      "\u0309",
      "\u0323",
      "\u0302",
      "\u0306",
      "\u031B",
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
        const once = normalizeText(s);
        expect(once).toBe(once.normalize("NFC"));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps NFC output for a doubled tone mark ("oa" + two acutes)', () => {
    const out = normalizeText("oa\u0301\u0301");
    expect(out).toBe(out.normalize("NFC"));
    expect(normalizeText(out)).toBe(out);
  });

  it("a plan stores its text normalised: old tone placement, NFD, surrounding spaces", () => {
    const p = sample();
    p.units.push({ id: "ubnd-tinh", name: "  Uỷ ban nhân dân tỉnh ", kind: "provincial-committee" });
    p.title = p.title.normalize("NFD");
    at(p.objectives, 0).text = "Nâng cao nhận thức về hiện đại hoá hành chính".normalize("NFD");
    const r = validatePlan(p);
    expect(r.plan).toBeDefined();
    expect(r.plan?.units.at(-1)?.name).toBe("Ủy ban nhân dân tỉnh");
    expect(r.plan?.title).toBe(sample().title);
    expect(r.plan?.objectives[0]?.text).toBe("Nâng cao nhận thức về hiện đại hóa hành chính");
    const json = JSON.stringify(r.plan);
    expect(json).toBe(json.normalize("NFC"));
  });
});

describe("foldForComparison", () => {
  it("ignores case, spacing and tone placement", () => {
    expect(foldForComparison("  Vụ  Pháp   CHẾ ")).toBe("vụ pháp chế");
    expect(foldForComparison("Uỷ ban nhân dân")).toBe(foldForComparison("ỦY BAN NHÂN DÂN"));
    expect(foldForComparison("Cục Tin học hoá".normalize("NFD"))).toBe(foldForComparison("cục tin học hóa"));
  });

  it("keeps different words different", () => {
    expect(foldForComparison("Vụ Pháp chế")).not.toBe(foldForComparison("Vụ Pháp chê"));
    expect(foldForComparison("quý")).not.toBe(foldForComparison("quỳ"));
  });
});

describe("slugify", () => {
  it.each([
    ["Vụ Tổ chức cán bộ", "vu-to-chuc-can-bo"],
    ["Đà Nẵng", "da-nang"],
    ["Cục Tin học hóa", "cuc-tin-hoc-hoa"],
    ["Vụ Kế hoạch - Tài chính", "vu-ke-hoach-tai-chinh"],
    ["  Ủy ban nhân dân  tỉnh!", "uy-ban-nhan-dan-tinh"],
    ["Sở Thông tin và Truyền thông (TP. Hồ Chí Minh)", "so-thong-tin-va-truyen-thong-tp-ho-chi-minh"],
    ["Năm 2018", "nam-2018"],
    ["---", ""],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
    expect(slugify(input.normalize("NFD"))).toBe(expected);
  });

  it("derives every unit id of the sample from the unit's name", () => {
    for (const u of sample().units) expect(slugify(u.name)).toBe(u.id);
  });

  it("always gives a URL-safe ASCII identifier", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
        expect(slugify(s)).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
      }),
      { numRuns: 300 },
    );
  });
});

describe("outlineLetter", () => {
  it("numbers items a b c d đ e g", () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(outlineLetter)).toEqual(["a", "b", "c", "d", "đ", "e", "g"]);
  });

  it("uses the Vietnamese alphabet without f, j, w, z", () => {
    const letters = Array.from({ length: 23 }, (_, i) => outlineLetter(i));
    expect(letters.join("")).toBe("abcdđeghiklmnopqrstuvxy");
    for (const skipped of ["f", "j", "w", "z"]) expect(letters).not.toContain(skipped);
  });

  it("falls back to numbers past y, never repeating a label", () => {
    expect(outlineLetter(22)).toBe("y");
    expect(outlineLetter(23)).toBe("24");
    expect(outlineLetter(-1)).toBe("-1");
    const labels = Array.from({ length: 600 }, (_, i) => outlineLetter(i));
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe("romanNumeral", () => {
  it.each([
    [1, "I"],
    [2, "II"],
    [3, "III"],
    [4, "IV"],
    [5, "V"],
    [6, "VI"],
    [9, "IX"],
    [10, "X"],
    [14, "XIV"],
    [40, "XL"],
    [49, "XLIX"],
    [90, "XC"],
    [400, "CD"],
    [944, "CMXLIV"],
    [1999, "MCMXCIX"],
    [2018, "MMXVIII"],
    [3999, "MMMCMXCIX"],
  ])("%i → %s", (n, expected) => {
    expect(romanNumeral(n)).toBe(expected);
  });

  it("round-trips 1..3999 through a reader of roman numerals", () => {
    const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
    const read = (s: string) =>
      [...s].reduce((sum, c, i) => {
        const v = values[c] ?? Number.NaN;
        const next = values[s[i + 1] ?? ""] ?? 0;
        return sum + (v < next ? -v : v);
      }, 0);
    for (let n = 1; n <= 3999; n++) {
      const r = romanNumeral(n);
      expect(r).toMatch(/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/);
      expect(read(r)).toBe(n);
    }
  });
});

describe("formatPlaceAndDate (Decree 30/2020)", () => {
  it.each([
    ["2018-03-05", "Hà Nội, ngày 05 tháng 3 năm 2018"],
    ["2018-02-10", "Hà Nội, ngày 10 tháng 02 năm 2018"],
    ["2018-01-09", "Hà Nội, ngày 09 tháng 01 năm 2018"],
    ["2018-12-01", "Hà Nội, ngày 01 tháng 12 năm 2018"],
    ["2018-11-30", "Hà Nội, ngày 30 tháng 11 năm 2018"],
    ["2017-10-31", "Hà Nội, ngày 31 tháng 10 năm 2017"],
  ])("%s → %s", (date, expected) => {
    expect(formatPlaceAndDate("Hà Nội", date, 2018)).toBe(expected);
  });

  it("pads days below 10 and months 1 and 2 only", () => {
    for (let m = 1; m <= 12; m++) {
      const iso = `2018-${String(m).padStart(2, "0")}-07`;
      const month = m <= 2 ? `0${m}` : String(m);
      expect(formatPlaceAndDate("Đà Nẵng", iso)).toBe(`Đà Nẵng, ngày 07 tháng ${month} năm 2018`);
    }
  });

  it("leaves blanks for a draft", () => {
    expect(formatPlaceAndDate("Hà Nội", undefined, 2018)).toBe("Hà Nội, ngày … tháng … năm 2018");
    expect(formatPlaceAndDate(undefined, undefined, 2018)).toBe("…, ngày … tháng … năm 2018");
    expect(formatPlaceAndDate(undefined, undefined)).toBe("…, ngày … tháng … năm …");
    expect(formatPlaceAndDate(undefined, "2018-03-05", 2018)).toBe("…, ngày 05 tháng 3 năm 2018");
  });
});
