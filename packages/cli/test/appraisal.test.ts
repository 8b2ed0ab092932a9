/**
 * `cchc round` and `cchc appraisal` end to end on an embedded PGlite folder (`--db <folder>`): the
 * whole cycle with a PDF evidence file, the score from the store moving by exactly the decided
 * points, every refusal (exit 1) and unusable input (exit 2) changing nothing, and the history.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { EvidenceStore } from "@cchc/core";
import { PgliteDatabase, PgliteStorage } from "@cchc/storage-pglite";
import { makeSqlEvidenceStore } from "@cchc/storage-sql";
import * as Effect from "effect/Effect";
import * as Layer from "effect/Layer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Workspace, workspace } from "./helpers.js";

const UNIT = "trung-tam-thong-tin";
const PLAN = "mic-2018";

/** A small but well-formed PDF (header, one empty page, xref, trailer). */
function tinyPdf(): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** The parts of a node score the test reads. */
interface ScoreNode {
  nodeId: string;
  points: number;
  explanation: { text: { vi: string; en: string } };
  children?: ScoreNode[];
}

/** The parts of a listed entry the test reads. */
interface ListedEntry {
  version: number;
  appraisal: { points: number };
}

let ws: Workspace;
const db = () => ["--db", "du-lieu", "--agency", "bo-tttt"];
const asReporter = ["--role", `reporter:${UNIT}`, "--as", "ttt.nguyen"];
const entry = ["--plan", PLAN, "--unit", UNIT, "--criterion", "tt.4.2"];

/** The unit's points and its tt.4.2 leaf, from `cchc score --db … --plan … --json`. */
async function score(): Promise<{
  points: number;
  leaf: { points: number; explanation: { text: { vi: string; en: string } } };
}> {
  const r = await ws.cchc("score", ...db(), "--plan", PLAN, "--json");
  expect(r.code, r.stderr).toBe(0);
  const sheet = JSON.parse(r.stdout);
  const unit = sheet.units.find((u: { unitId: string }) => u.unitId === UNIT);
  const find = (nodes: ScoreNode[]): ScoreNode | undefined => {
    for (const n of nodes) {
      if (n.nodeId === "tt.4.2") return n;
      const c = find(n.children ?? []);
      if (c) return c;
    }
    return undefined;
  };
  return { points: unit.points, leaf: find(unit.nodes) as ScoreNode };
}

async function list(): Promise<ListedEntry[]> {
  const r = await ws.cchc("appraisal", "list", ...db(), "--plan", PLAN, "--json");
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout).entries;
}

/**
 * A command that must be refused with `code` and a one-line bilingual message (that it changed no
 * entry is checked by comparing `appraisal list` around each group of refusals).
 */
async function refused(code: number, ...argv: string[]): Promise<string> {
  const r = await ws.cchc(...argv);
  expect(r.code, `${argv.join(" ")}\n${r.stdout}${r.stderr}`).toBe(code);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).toMatch(/^cchc: .+ \/ .+/);
  expect(r.stdout).toBe("");
  return r.stderr;
}

beforeAll(async () => {
  ws = await workspace();
  const sample = await ws.cchc("sample", PLAN);
  await ws.write("ke-hoach.json", sample.stdout);
  await ws.write("bao-cao.pdf", tinyPdf());
  await ws.write("gia-mao.pdf", "<html>không phải PDF</html>");
  await ws.write("lon.pdf", new Uint8Array(2 * 1024 * 1024).fill(0x25));
  const saved = await ws.cchc("plans", "save", "ke-hoach.json", ...db());
  expect(saved.code, saved.stderr).toBe(0);
}, 120_000);
afterAll(() => ws.cleanup());

describe("cchc round / appraisal help", () => {
  it("lists the flags of the contract and keeps every line within 100 columns", async () => {
    for (const command of ["round", "appraisal"]) {
      const r = await ws.cchc(command, "--help");
      expect(r.code).toBe(0);
      for (const line of r.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(100);
    }
    const appraisal = (await ws.cchc("appraisal", "--help")).stdout;
    for (const flag of [
      "--unit",
      "--criterion",
      "--points",
      "--note",
      "--evidence",
      "--link",
      "--comment",
      "--as",
      "--role",
    ])
      expect(appraisal).toContain(flag);
    expect((await ws.cchc("round", "--help")).stdout).toContain("--deadline <YYYY-MM-DD>");
  });
});

describe("cchc round / appraisal on PGlite", () => {
  it("runs the whole cycle with a PDF evidence file; the score moves by exactly the decided points", async () => {
    const before = await score();
    expect(before.leaf.explanation.text.vi).toContain("chưa có điểm tự chấm");
    await refused(1, "appraisal", "self", ...db(), ...entry, "--points", "0.5", "--note", "x");
    expect(await ws.cchc("round", "list", ...db(), "--plan", PLAN)).toMatchObject({ code: 0 });

    const open = await ws.cchc(
      "round",
      "open",
      ...db(),
      "--plan",
      PLAN,
      "--period",
      "2018",
      "--deadline",
      "2099-12-31",
      "--as",
      "tccb.lead",
      "--json",
    );
    expect(open.code, open.stderr).toBe(0);
    expect(JSON.parse(open.stdout).round).toMatchObject({
      periodId: "2018",
      state: "open",
      version: 1,
      openedBy: { role: "lead", userId: "tccb.lead" },
    });
    await refused(
      1,
      "round",
      "open",
      ...db(),
      "--plan",
      PLAN,
      "--period",
      "2018",
      "--deadline",
      "2099-12-31",
    );
    await refused(
      2,
      "round",
      "open",
      ...db(),
      "--plan",
      PLAN,
      "--period",
      "2019Q5",
      "--deadline",
      "2099-12-31",
    );

    // refused self-assessments change nothing
    expect(
      await refused(
        1,
        "appraisal",
        "self",
        ...db(),
        ...asReporter,
        ...entry,
        "--points",
        "0.75",
        "--note",
        "x",
      ),
    ).toContain("points-over-max");
    expect(
      await refused(1, "appraisal", "self", ...db(), ...asReporter, ...entry, "--points", "0.5"),
    ).toContain("evidence-required");
    expect(
      await refused(
        1,
        "appraisal",
        "self",
        ...db(),
        ...asReporter,
        ...entry,
        "--points",
        "0.5",
        "--evidence",
        "gia-mao.pdf",
      ),
    ).toContain("evidence.type-not-allowed");
    expect(
      await refused(
        1,
        "appraisal",
        "self",
        ...db(),
        ...asReporter,
        ...entry,
        "--points",
        "0.5",
        "--evidence",
        "lon.pdf",
        "--max-file-mb",
        "1",
      ),
    ).toContain("evidence.too-large");
    expect(
      await refused(
        1,
        "appraisal",
        "self",
        ...db(),
        ...asReporter,
        "--plan",
        PLAN,
        "--unit",
        "van-phong-bo",
        "--criterion",
        "tt.4.2",
        "--points",
        "0.5",
        "--note",
        "x",
      ),
    ).toContain("permission-denied");
    await refused(2, "appraisal", "self", ...db(), ...asReporter, ...entry, "--points", "abc", "--note", "x");
    await refused(
      2,
      "appraisal",
      "self",
      ...db(),
      ...asReporter,
      "--plan",
      PLAN,
      "--unit",
      UNIT,
      "--criterion",
      "tt.9",
      "--points",
      "0.5",
      "--note",
      "x",
    );
    await refused(
      2,
      "appraisal",
      "self",
      ...db(),
      ...asReporter,
      ...entry,
      "--points",
      "0.5",
      "--evidence",
      "khong-co.pdf",
    );
    await refused(
      2,
      "appraisal",
      "self",
      ...db(),
      "--role",
      "boss",
      ...entry,
      "--points",
      "0.5",
      "--note",
      "x",
    );
    expect(await list()).toEqual([]);

    const self = await ws.cchc(
      "appraisal",
      "self",
      ...db(),
      ...asReporter,
      ...entry,
      "--points",
      "0,5",
      "--note",
      "Chuyên mục CCHC trên cổng thông tin",
      "--evidence",
      "bao-cao.pdf",
      "--link",
      "https://mic.gov.vn/cchc",
      "--json",
    );
    expect(self.code, self.stderr).toBe(0);
    const saved = JSON.parse(self.stdout).entry;
    expect(saved).toMatchObject({
      id: `2018/${UNIT}/tt.4.2`,
      stage: "self-assessed",
      version: 1,
      self: { points: 0.5, links: ["https://mic.gov.vn/cchc"] },
    });
    const pdf = saved.self.evidence[0];
    expect(pdf).toMatchObject({ name: "bao-cao.pdf", mediaType: "application/pdf", size: tinyPdf().length });
    // the bytes are in the same database
    const bytes = await Effect.runPromise(
      Effect.gen(function* () {
        return (yield* (yield* EvidenceStore).get("bo-tttt", pdf.fileId)).bytes;
      }).pipe(
        Effect.provide(
          Layer.effect(
            EvidenceStore,
            PgliteDatabase.useSync(({ driver }) => makeSqlEvidenceStore(driver)),
          ).pipe(Layer.provide(PgliteStorage.layer({ dataDir: join(ws.dir, "du-lieu") }))),
        ),
      ),
    );
    expect(Buffer.from(bytes).equals(await readFile(join(ws.dir, "bao-cao.pdf")))).toBe(true);
    const selfScored = await score();
    expect(selfScored.points - before.points).toBeCloseTo(0.5, 9);
    expect(selfScored.leaf.explanation.text.vi).toContain("điểm tự chấm (chưa thẩm định)");

    expect((await ws.cchc("round", "advance", ...db(), "--plan", PLAN)).code).toBe(0);
    const v1 = await list();
    expect(
      await refused(1, "appraisal", "appraise", ...db(), ...asReporter, ...entry, "--points", "0.25"),
    ).toContain("permission-denied");
    expect(await list()).toEqual(v1);
    const appraised = await ws.cchc(
      "appraisal",
      "appraise",
      ...db(),
      ...entry,
      "--role",
      "council",
      "--as",
      "hd.tran",
      "--points",
      "0.25",
      "--comment",
      "Chưa đủ minh chứng",
      "--expected-version",
      "1",
      "--json",
    );
    expect(appraised.code, appraised.stderr).toBe(0);
    // a second appraiser based on the same version is refused: no silent overwrite
    expect(
      await refused(
        1,
        "appraisal",
        "appraise",
        ...db(),
        ...entry,
        "--as",
        "tccb.lead",
        "--points",
        "0.4",
        "--expected-version",
        "1",
      ),
    ).toContain("version-conflict");
    expect((await list()).map((e) => [e.version, e.appraisal.points])).toEqual([[2, 0.25]]);
    await refused(2, "round", "advance", ...db(), "--plan", PLAN, "--answer-deadline", "31/12/2099");
    expect(
      (await ws.cchc("round", "advance", ...db(), "--plan", PLAN, "--answer-deadline", "2099-12-31")).code,
    ).toBe(0);
    const answered = await ws.cchc(
      "appraisal",
      "answer",
      ...db(),
      ...asReporter,
      ...entry,
      "--text",
      "Bổ sung quyết định công nhận sáng kiến",
      "--evidence",
      "bao-cao.pdf",
    );
    expect(answered.code, answered.stderr).toBe(0);
    expect((await ws.cchc("round", "advance", ...db(), "--plan", PLAN)).code).toBe(0);
    const decided = await ws.cchc(
      "appraisal",
      "appraise",
      ...db(),
      ...entry,
      "--as",
      "tccb.lead",
      "--points",
      "0.3",
      "--comment",
      "Chấp nhận một phần",
    );
    expect(decided.code, decided.stderr).toBe(0);
    const closed = await ws.cchc("round", "close", ...db(), "--plan", PLAN, "--json");
    expect(JSON.parse(closed.stdout).round.state).toBe("closed");

    const after = await score();
    expect(after.points - before.points).toBeCloseTo(0.3, 9);
    expect(after.leaf.points).toBe(0.3);
    expect(after.leaf.explanation.text.vi).toContain(
      "quyết định thẩm định vòng 2 của đơn vị chủ trì (tccb.lead",
    );
    expect(after.leaf.explanation.text.vi).toContain("đợt 2018 đã chốt");
    expect(after.leaf.explanation.text.en).toContain("round 2018 final");

    const final = await list();
    expect(await refused(1, "appraisal", "appraise", ...db(), ...entry, "--points", "0.5")).toContain(
      "round-closed",
    );
    expect(
      await refused(1, "appraisal", "answer", ...db(), ...asReporter, ...entry, "--text", "x"),
    ).toContain("round-closed");
    expect(await list()).toEqual(final);
    await refused(2, "round", "reopen", ...db(), "--plan", PLAN);
    expect(
      await refused(1, "round", "reopen", ...db(), "--plan", PLAN, "--role", "council", "--reason", "x"),
    ).toContain("permission-denied");
    const reopened = await ws.cchc(
      "round",
      "reopen",
      ...db(),
      "--plan",
      PLAN,
      "--as",
      "tccb.lead",
      "--reason",
      "Khiếu nại được chấp nhận",
      "--json",
    );
    expect(reopened.code, reopened.stderr).toBe(0);
    expect(JSON.parse(reopened.stdout).round.state).toBe("round-2");

    const history = await ws.cchc("appraisal", "history", ...db(), ...entry, "--json");
    expect(
      JSON.parse(history.stdout).history.map((e: { action: string; by: { userId: string } }) => [
        e.action,
        e.by.userId,
      ]),
    ).toEqual([
      ["self-assess", "ttt.nguyen"],
      ["appraise", "hd.tran"],
      ["answer", "ttt.nguyen"],
      ["decide", "tccb.lead"],
    ]);
    const text = await ws.cchc("appraisal", "list", ...db(), "--plan", PLAN);
    expect(text.stdout).toContain(
      `${UNIT}  tt.4.2  decided  tự chấm/self 0,5  thẩm định/appraised 0,25  vòng 2/round 2 0,3  (v4)`,
    );
    const help = await ws.cchc("appraisal", "--help");
    expect(help.stdout).toContain("--evidence <tệp>");
  }, 240_000);
});
