/**
 * The importer never throws and always answers in shape, whatever it is given: arbitrary strings,
 * strings made of plan-like pieces, the seed mutated line by line, random and damaged .docx bytes.
 * A catch-all inside would hide a crash as "import.internal": the properties assert it never shows.
 */
import { renderPlanJson, samplePlan, validatePlan } from "@cchc/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importPlanDocx } from "../src/docx.js";
import { type ImportResult, importPlanBytes, importPlanText } from "../src/index.js";
import { fixture, fixtureBytes, SEED, SEED_DOCX } from "./support.js";

function checkShape(r: ImportResult, text?: string): void {
  expect(r.findings.map((f) => f.code)).not.toContain("import.internal");
  for (const f of r.findings) {
    expect(typeof f.code).toBe("string");
    expect(["error", "warning"]).toContain(f.severity);
    expect(typeof f.message.vi).toBe("string");
    expect(typeof f.message.en).toBe("string");
    expect(Array.isArray(f.path)).toBe(true);
  }
  if (r.error !== undefined) {
    expect(r.plan).toBeUndefined();
    expect(r.leftovers).toEqual([]);
    return;
  }
  expect(r.counts.leftovers).toBe(r.leftovers.length);
  const lineCount = r.counts.lines;
  let previous = 0;
  for (const l of r.leftovers) {
    expect(l.line).toBeGreaterThan(previous);
    expect(l.line).toBeLessThanOrEqual(lineCount);
    expect(l.text.trim()).not.toBe("");
    expect(l.reason.vi).not.toBe("");
    previous = l.line;
  }
  if (text !== undefined) expect(lineCount).toBe(text.split(/\r\n|[\r\n\u2028\u2029\u0085\v\f]/).length);
  if (r.plan !== undefined) {
    // The plan is a plan: its canonical JSON validates with the same errors.
    const again = validatePlan(JSON.parse(renderPlanJson(r.plan)));
    expect(again.plan).toBeDefined();
    expect(r.ok).toBe(r.findings.every((f) => f.severity !== "error"));
  } else expect(r.ok).toBe(false);
}

const PIECES = [
  "I.",
  "II.",
  "1.",
  "2.1.",
  "a)",
  "đ)",
  "-",
  "+",
  "•",
  "KẾ HOẠCH",
  "QUYẾT ĐỊNH",
  "Điều 1.",
  "Số:",
  "05/KH-UBND",
  "132-KH/UBND",
  "ngày 24 tháng 3 năm 2021",
  "Hà Nội,",
  "MỤC ĐÍCH, YÊU CẦU",
  "Mục tiêu chung",
  "Nội dung",
  "Hình thức",
  "TỔ CHỨC THỰC HIỆN",
  "Kinh phí",
  "Chế độ báo cáo",
  "hàng quý, 6 tháng, năm",
  "trước ngày 15/6 và 15/12",
  "Sở Nội vụ",
  "Các Vụ:",
  "Pháp chế,",
  "Kế hoạch - Tài chính",
  "UBND các huyện, thị xã, thành phố",
  "chủ trì",
  "có trách nhiệm",
  "báo chí",
  "Zalo",
  "ngân sách nhà nước",
  "Nơi nhận:",
  "Lưu: VT, TCCB.",
  "KT. CHỦ TỊCH",
  "PHÓ CHỦ TỊCH",
  "Nguyễn Văn A",
  "(Ban hành kèm theo Quyết định số 1/QĐ-BYT ngày 5/2/2021)",
  "PHỤ LỤC",
  "Trên đây là",
  "Uỷ ban",
  "các các",
  ":",
  ";",
  ".",
  "(",
  ")",
  "\u00a0",
  "\t",
  "    ",
  "\n",
  "\r\n",
  "\n",
];

const planLike = fc
  .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 120 })
  .map((parts) => parts.join(" "));

type Mutation =
  | { kind: "delete"; at: number }
  | { kind: "duplicate"; at: number }
  | { kind: "swap"; at: number; with: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "truncate"; at: number }
  | { kind: "merge"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom(...PIECES)),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("merge" as const), at: fc.nat() }),
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split("\n");
  for (const m of mutations) {
    if (lines.length === 0) break;
    const i = m.at % lines.length;
    switch (m.kind) {
      case "delete":
        lines.splice(i, 1);
        break;
      case "duplicate":
        lines.splice(i, 0, lines[i] as string);
        break;
      case "swap": {
        const j = m.with % lines.length;
        [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
        break;
      }
      case "insert": {
        const line = lines[i] as string;
        const at = m.at % (line.length + 1);
        lines[i] = line.slice(0, at) + m.text + line.slice(at);
        break;
      }
      case "truncate":
        lines = lines.slice(0, i + 1);
        lines[i] = (lines[i] as string).slice(0, m.at % ((lines[i] as string).length + 1));
        break;
      case "merge":
        if (i + 1 < lines.length) lines.splice(i, 2, `${lines[i]} ${lines[i + 1]}`);
        break;
    }
  }
  return lines.join("\n");
}

const SEED_TEXT = fixture(SEED);

describe("never throws, always answers in shape", () => {
  it("arbitrary strings (any code units, lone surrogates included)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (s) => {
        checkShape(importPlanText(s), s);
      }),
      { numRuns: 300 },
    );
  });

  it("strings made of plan-like pieces", () => {
    fc.assert(
      fc.property(planLike, (s) => {
        checkShape(importPlanText(s), s);
      }),
      { numRuns: 300 },
    );
  });

  it("the seed mutated: lines deleted, duplicated, swapped, merged, cut, characters inserted", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const text = mutate(SEED_TEXT, mutations);
        checkShape(importPlanText(text), text);
      }),
      { numRuns: 200 },
    );
  });

  it("arbitrary bytes as a text file", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        checkShape(importPlanBytes(bytes));
      }),
      { numRuns: 200 },
    );
  });

  it("arbitrary bytes and damaged .docx files never reject", async () => {
    const docx = fixtureBytes(SEED_DOCX);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc
            .uint8Array({ minLength: 1, maxLength: 200 })
            .map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])),
          fc
            .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })
            .map((flips) => {
              const copy = docx.slice();
              for (const [at, value] of flips) copy[at % copy.length] = value;
              return copy;
            }),
        ),
        async (bytes) => {
          checkShape(await importPlanDocx(bytes));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("noise that does not change meaning does not change the plan", () => {
  const golden = samplePlan("mic-2018");

  it("CRLF, trailing spaces, no-break spaces and tabs anywhere in the seed", () => {
    const noise = fc.array(fc.constantFrom(" ", "\u00a0", "\t", "  ", "\u200b"), {
      minLength: 1,
      maxLength: 30,
    });
    fc.assert(
      fc.property(noise, fc.boolean(), (chars, crlf) => {
        let k = 0;
        const noisy = SEED_TEXT.split("\n")
          .map((line) => {
            // Noise at the end of lines and in place of a space between words.
            const c = chars[k++ % chars.length] as string;
            const inner = line.replace(" ", c === "\u200b" ? " \u200b" : c);
            return `${inner}${chars[k++ % chars.length]}`;
          })
          .join(crlf ? "\r\n" : "\n");
        const r = importPlanText(noisy, { id: "mic-2018" });
        expect(r.plan).toEqual(golden);
        expect(r.leftovers).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
