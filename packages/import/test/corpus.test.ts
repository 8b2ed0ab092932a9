/**
 * Corpus and measure: every text fixture, and the corpus documents, as a PDF or a web page would
 * give them — reflowed by a script (header columns split over lines, the date cut after the day,
 * paragraphs wrapped at 60 characters, page numbers and a running header every 40 lines, a menu
 * before and a view counter after) — must import to the same fields as the clean text. Scored
 * field by field: header (issuer, parent body, number, date, place, year, title) and body items
 * (objectives, requirements, audiences, content areas, channels, units with their
 * responsibilities, funding, recipients). Targets: header ≥ 95 %, body ≥ 90 %.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ImportResult, importPlanText } from "../src/index.js";

const dir = (d: string) => new URL(`./${d}/`, import.meta.url);
const read = (d: string, f: string) => readFileSync(new URL(f, dir(d)), "utf8");

/** The same text as a PDF copy or a portal page would give it. */
export function reflowByScript(text: string): string {
  const out: string[] = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện"];
  let n = 0;
  let page = 1;
  const push = (l: string) => {
    out.push(l);
    if (++n % 40 === 0) out.push(`Trang ${++page}`, "Kế hoạch tuyên truyền cải cách hành chính");
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/u, "");
    if (line.includes("\t")) {
      // The two header columns, one cell a line; a date cut after its day.
      for (const cell of line.split(/\t+/u)) {
        const cut = /^(.*ngày \d{1,2}) (tháng .*)$/u.exec(cell);
        if (cut) {
          push(cut[1] as string);
          push(cut[2] as string);
        } else if (/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u.test(cell)) {
          push("CỘNG HÒA XÃ HỘI");
          push("CHỦ NGHĨA VIỆT NAM");
        } else push(cell);
      }
      continue;
    }
    // Wrap long lines at a space before 60 characters, where the next piece starts in lower case.
    let rest = line;
    while (rest.length > 60) {
      let at = rest.lastIndexOf(" ", 60);
      while (at > 20 && !/^\p{Ll}/u.test(rest.slice(at + 1))) at = rest.lastIndexOf(" ", at - 1);
      if (at <= 20) break;
      push(rest.slice(0, at));
      rest = rest.slice(at + 1);
    }
    push(rest);
  }
  out.push("Lượt xem: 2.345", "Chia sẻ", "Bản quyền thuộc về Cổng thông tin điện tử");
  return out.join("\n");
}

const HEADER = ["issuer", "parentBody", "number", "date", "place", "year", "title"] as const;

function headerFields(r: ImportResult): Record<string, unknown> {
  const d = r.draft;
  return {
    issuer: d.issuer?.name,
    parentBody: d.parentBody?.name,
    number: d.number,
    date: d.date,
    place: d.place,
    year: d.year,
    title: d.title,
  };
}

function bodyItems(r: ImportResult): Record<string, string[]> {
  const d = r.draft;
  const texts = (xs: readonly { text?: string }[] | undefined) => (xs ?? []).map((x) => x.text ?? "");
  const unitName = new Map((d.units ?? []).map((u) => [u.id, u.name]));
  return {
    objectives: texts(d.objectives),
    requirements: texts(d.requirements),
    audiences: texts(d.audiences as never),
    contentAreas: texts(d.contentAreas),
    channels: texts(d.channels),
    units: (d.responsibilities ?? []).map(
      (x) => `${x.unitIds.map((u) => unitName.get(u) ?? u).join("+")}: ${x.roles.join(",")}`,
    ),
    funding: texts(d.fundingSources),
    recipients: texts(d.recipients),
  };
}

/** Score of `got` against `want`: header fields equal, body items equal (as a multiset), out of all. */
function score(want: ImportResult, got: ImportResult): { header: [number, number]; body: [number, number] } {
  const wh = headerFields(want);
  const gh = headerFields(got);
  let hOk = 0;
  for (const k of HEADER) if (JSON.stringify(wh[k]) === JSON.stringify(gh[k])) hOk++;
  const wb = bodyItems(want);
  const gb = bodyItems(got);
  let bOk = 0;
  let bAll = 0;
  for (const k of Object.keys(wb)) {
    const left = [...(gb[k] ?? [])];
    for (const item of wb[k] ?? []) {
      bAll++;
      const i = left.indexOf(item);
      if (i >= 0) {
        bOk++;
        left.splice(i, 1);
      }
    }
    bAll += left.length; // items invented by the reflowed copy count against it
  }
  return { header: [hOk, HEADER.length], body: [bOk, bAll] };
}

const documents = [
  ...readdirSync(dir("fixtures"))
    .filter((f) => f.endsWith(".txt") && f !== "cut-off-after-section-1.txt")
    .map((f) => ({ name: `fixtures/${f}`, text: read("fixtures", f) })),
  ...readdirSync(dir("corpus"))
    .filter((f) => f.endsWith(".txt"))
    .map((f) => ({ name: `corpus/${f}`, text: read("corpus", f) })),
];

describe("corpus: reflowed copies import like the clean text", () => {
  it("header ≥ 95 %, body ≥ 90 %, and every line accounted for", () => {
    let h = 0;
    let hAll = 0;
    let b = 0;
    let bAll = 0;
    const rows: string[] = [];
    for (const doc of documents) {
      const clean = importPlanText(doc.text);
      const reflowedText = reflowByScript(doc.text);
      const reflowed = importPlanText(reflowedText);
      expect(reflowed.counts.placed + reflowed.counts.leftovers + reflowed.counts.skipped, doc.name).toBe(
        reflowed.counts.lines,
      );
      const s = score(clean, reflowed);
      h += s.header[0];
      hAll += s.header[1];
      b += s.body[0];
      bAll += s.body[1];
      rows.push(`${doc.name}: header ${s.header[0]}/${s.header[1]}, body ${s.body[0]}/${s.body[1]}`);
    }
    const header = h / hAll;
    const body = b / bAll;
    console.log(
      `${rows.join("\n")}\nheader ${(header * 100).toFixed(1)} %, body ${(body * 100).toFixed(1)} %`,
    );
    expect(documents.length).toBeGreaterThanOrEqual(12);
    expect(header).toBeGreaterThanOrEqual(0.95);
    expect(body).toBeGreaterThanOrEqual(0.9);
  });
});
