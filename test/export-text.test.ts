/**
 * One text-cleaning path for every exporter: the same hostile string — C0 and C1 controls (U+0085
 * among them), DEL, noncharacters (U+FFFE, U+FDD0, plane ends), unpaired surrogates, bidi
 * overrides and isolates — goes into the plan's title, an objective, a unit's name and an
 * activity's title, and each format is read back with its own package's independent reader: none
 * of those code points survives, the removal is reported, and the Vietnamese text around them
 * arrives exactly as written.
 */
import {
  type Activity,
  type ExportedFile,
  type ExporterService,
  htmlExporter,
  markdownExporter,
  type Plan,
  samplePlan,
  stripIllegalCharacters,
} from "@cchc/core";
import { docxExporter } from "@cchc/export-docx";
import { icalExporter } from "@cchc/export-ical";
import { pdfExporter } from "@cchc/export-pdf";
import { xlsxExporter } from "@cchc/export-xlsx";
import * as Effect from "effect/Effect";
import { describe, expect, it } from "vitest";
import { all, readDocx, textOf } from "../packages/export-docx/test/docxReader.js";
import { extractText as icsText, parseCalendar } from "../packages/export-ical/test/readBack.js";
import { flatText, readPdf } from "../packages/export-pdf/test/pdfReader.js";
import { extractText as xlsxText, zipEntries } from "../packages/export-xlsx/test/readBack.js";

/** Every kind of code point no export may carry, each once. */
const HOSTILE_CODE_POINTS = [
  ...[0x00, 0x01, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f], // C0 but tab, LF, CR
  0x7f, // DEL
  ...[0x80, 0x85, 0x9f], // C1, U+0085 NEXT LINE among them
  ...[0xfdd0, 0xfdef, 0xfffe, 0xffff, 0x1fffe, 0x10ffff], // noncharacters
  ...[0x202a, 0x202e, 0x2066, 0x2069], // bidi embedding, override, isolates
];
// Low then high: in this order they never pair up.
const LONE_SURROGATES = ["\udfff", "\ud800"] as const;
const HOSTILE = [...HOSTILE_CODE_POINTS.map((cp) => String.fromCodePoint(cp)), ...LONE_SURROGATES].join("");

/** Ordinary Vietnamese text, every tone and vowel mark, that must come through untouched. */
const VIETNAMESE = "Ủy ban nhân dân tỉnh Lào Cai: “thủ tục” đổi mới — ắ ằ ẳ ẵ ặ ấ ầ ẩ ẫ ậ ơ ư đ Đ";
/** The hostile string between two markers: once cleaned, the markers meet. */
const LACED = `${VIETNAMESE} «${HOSTILE}»`;

function lacedPlan(): Plan {
  const base = samplePlan("mic-2018");
  return {
    ...base,
    title: `${base.title} ${LACED}`,
    objectives: [...base.objectives, { id: "x.1", text: LACED }],
    units: base.units.map((u, i) => (i === 0 ? { ...u, name: `${u.name} ${LACED}` } : u)),
  };
}

function lacedActivity(plan: Plan): Activity {
  return {
    id: "hd-1",
    unitId: plan.units[0]?.id ?? "",
    channelId: plan.channels[0]?.id ?? "",
    contentAreaIds: [plan.contentAreas[0]?.id ?? ""],
    title: LACED,
    from: `${plan.year}-03-01`,
    to: `${plan.year}-05-31`,
    target: { value: 2, unit: "article" },
  };
}

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

interface Case {
  readonly format: string;
  readonly exporter: ExporterService;
  /** The code for the removal warning. */
  readonly warning: string;
  /** What a reader gets: the texts a person sees, and the file's raw text parts. */
  readonly read: (file: ExportedFile) => Promise<{ seen: string; raw: string }>;
}

const CASES: readonly Case[] = [
  {
    format: "md",
    exporter: markdownExporter,
    warning: "export.control-characters-removed",
    read: async (f) => ({ seen: utf8(f.bytes), raw: utf8(f.bytes) }),
  },
  {
    format: "html",
    exporter: htmlExporter,
    warning: "export.control-characters-removed",
    read: async (f) => ({ seen: utf8(f.bytes), raw: utf8(f.bytes) }),
  },
  {
    format: "docx",
    exporter: docxExporter,
    warning: "export.control-characters-removed",
    read: async (f) => {
      const pkg = readDocx(f.bytes);
      const paragraphs = all(pkg.body, "w:p").map((p) => all(p, "w:t").map(textOf).join(""));
      return { seen: paragraphs.join("\n"), raw: Object.values(pkg.parts).join("\n") };
    },
  },
  {
    format: "pdf",
    exporter: pdfExporter,
    warning: "export.control-characters-removed",
    read: async (f) => {
      const text = flatText(await readPdf(f.bytes));
      return { seen: text, raw: text };
    },
  },
  {
    format: "xlsx",
    exporter: xlsxExporter,
    warning: "xlsx.control-characters-removed",
    read: async (f) => ({ seen: xlsxText(f), raw: [...zipEntries(f.bytes).values()].join("\n") }),
  },
  {
    format: "ics",
    exporter: icalExporter,
    warning: "ics.control-characters-removed",
    read: async (f) => ({ seen: icsText(f), raw: parseCalendar(f).text }),
  },
];

const codeOf = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

describe("every exporter cleans text the same way", () => {
  const plan = lacedPlan();
  const request = { kind: "plan", plan, activities: [lacedActivity(plan)] } as const;

  it.each(CASES)("$format: no control, noncharacter, lone surrogate or bidi override survives", async (c) => {
    const file = await Effect.runPromise(c.exporter.export(request, {}));
    const { seen, raw } = await c.read(file);
    for (const [where, text] of [
      ["read back", seen],
      ["in the file", raw],
    ] as const) {
      const left = HOSTILE_CODE_POINTS.filter((cp) => text.includes(String.fromCodePoint(cp)));
      expect(left.map(codeOf), `${c.format}: code points ${where}`).toEqual([]);
      // A lone surrogate that reached the bytes became U+FFFD on encoding.
      expect(text.includes("\ufffd"), `${c.format}: U+FFFD ${where}`).toBe(false);
      expect(/[\ud800-\udfff]/u.test(text), `${c.format}: lone surrogate ${where}`).toBe(false);
    }
    // The markers met: everything between them went, nothing else did.
    expect(seen).toContain("«»");
    const dense = (s: string) => s.normalize("NFC").replace(/\s+/g, "");
    expect(c.format === "pdf" ? dense(seen) : seen).toContain(
      c.format === "pdf" ? dense(VIETNAMESE) : VIETNAMESE,
    );
    expect(file.warnings.map((w) => w.code)).toContain(c.warning);
  });

  it("leaves ordinary Vietnamese text, tabs and line breaks alone", () => {
    const text = `${VIETNAMESE}\tcột 2\nDòng 2\r\nDòng 3 — Arabic: العربية, emoji 🎉, א (Hebrew) \u200e`;
    expect(stripIllegalCharacters(text)).toEqual({ text, removed: 0 });
    expect(stripIllegalCharacters(LACED)).toEqual({
      text: `${VIETNAMESE} «»`,
      removed: HOSTILE_CODE_POINTS.length + LONE_SURROGATES.length,
    });
  });
});
