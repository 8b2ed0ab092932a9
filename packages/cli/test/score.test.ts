import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PAR_COMMUNICATION_PRESET } from "@cchc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOneLineError, type Workspace, workspace } from "./helpers.js";

interface NodeJson {
  nodeId: string;
  points: number;
  maxPoints: number;
  applicable: boolean;
  explanation: {
    rule: string;
    text: { vi: string; en: string };
    manual?: { selfAssessed?: number; appraised?: number };
  };
  children?: NodeJson[];
}
interface EntityJson {
  unitId: string | null;
  name: string;
  points: number;
  maxPoints: number;
  percent: number;
  metrics: Record<string, { numerator: number; denominator: number; value: number | null }>;
  nodes: NodeJson[];
  evidence: { recordCount: number; sampleRecordIds: string[] };
  forecast: { elapsed: number; points: number; percent: number };
}
interface UnitJson extends EntityJson {
  unitId: string;
  rank: number;
}
interface FindingJson {
  source: string;
  line: number;
  code: string;
  severity: string;
  path: (string | number)[];
  message: { vi: string; en: string };
}
interface SheetJson {
  planId: string;
  year: number;
  asOf: string;
  scheme: { id: string; version: string };
  agency: EntityJson & { unitAverage: number };
  units: UnitJson[];
  counts: {
    activities: number;
    records: number;
    reports: number;
    recordsAfterAsOf: number;
    reportsAfterAsOf: number;
  };
  skipped: { count: number; byCode: Record<string, number>; findings: FindingJson[] };
}

let ws: Workspace;
let manifest: { counts: { units: number; activities: number; records: number; reports: number } };
let full: SheetJson;

const read = (name: string) => readFile(join(ws.dir, name), "utf8");
const lines = async (name: string) => (await read(name)).split("\n").filter((l) => l !== "");

async function score(...argv: string[]): Promise<SheetJson> {
  const r = await ws.cchc("score", ...argv, "--json");
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SheetJson;
}

function allNodes(nodes: readonly NodeJson[]): NodeJson[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children ?? [])]);
}

beforeAll(async () => {
  ws = await workspace();
  const g = await ws.cchc("generate", "--size", "small", "--seed", "1", "--out", "d", "--json");
  expect(g.code, g.stderr).toBe(0);
  manifest = JSON.parse(g.stdout);
  full = await score("d/plan.json", "--tracking", "d");
}, 60_000);
afterAll(() => ws.cleanup());

describe("cchc score on a generated dataset", () => {
  it("scores the mic-2018 sample plan itself with the small dataset, nothing skipped, as d/plan.json does", async () => {
    const sample = await ws.cchc("sample", "mic-2018");
    expect(sample.code, sample.stderr).toBe(0);
    await writeFile(join(ws.dir, "mic-2018.json"), sample.stdout);
    const fromSample = await score("mic-2018.json", "--tracking", "d");
    expect(fromSample.skipped.count).toBe(0);
    expect(fromSample).toEqual(full);
  });

  it("scores the agency and every unit, each point explained, nothing skipped", () => {
    expect(full.planId).toBe("mic-2018");
    expect(full.year).toBe(2018);
    expect(full.scheme).toEqual({
      id: PAR_COMMUNICATION_PRESET.id,
      version: PAR_COMMUNICATION_PRESET.version,
    });
    expect(full.skipped).toEqual({ count: 0, byCode: {}, findings: [] });
    expect(full.counts.activities).toBe(manifest.counts.activities);
    expect(full.counts.records + full.counts.recordsAfterAsOf).toBe(manifest.counts.records);
    expect(full.counts.records).toBe(manifest.counts.records);
    expect(full.counts.reports + full.counts.reportsAfterAsOf).toBe(manifest.counts.reports);

    const agency = full.agency;
    expect(agency.unitId).toBeNull();
    expect(agency.name).toBe("Bộ Thông tin và Truyền thông");
    expect(agency.points).toBeGreaterThan(0);
    expect(agency.percent).toBeCloseTo((agency.points / agency.maxPoints) * 100, 2);
    expect(agency.evidence.recordCount).toBe(full.counts.records);
    for (const n of allNodes(agency.nodes)) {
      expect(n.explanation.text.vi.length, n.nodeId).toBeGreaterThan(0);
      expect(n.explanation.text.en.length, n.nodeId).toBeGreaterThan(0);
    }
    const completion = allNodes(agency.nodes).find((n) => n.nodeId === "tt.1.1");
    expect(completion?.explanation.rule).toBe("metric");
    expect(completion?.explanation.text.vi).toMatch(
      new RegExp(`^Mức độ hoàn thành kế hoạch = [\\d,.]+/${manifest.counts.activities} = `),
    );

    expect(full.units.length).toBeGreaterThan(0);
    expect(full.units.length).toBeLessThanOrEqual(manifest.counts.units);
    for (const u of full.units) {
      expect(typeof u.unitId).toBe("string");
      expect(u.nodes.length).toBeGreaterThan(0);
      for (const n of allNodes(u.nodes))
        expect(n.explanation.text.vi, `${u.unitId} ${n.nodeId}`).not.toBe("");
      expect(u.forecast.percent).toBeGreaterThanOrEqual(0);
    }
    // agency-only criteria are not scored per unit
    const participation = allNodes(full.units[0]?.nodes ?? []).find((n) => n.nodeId === "tt.4.1");
    expect(participation?.applicable).toBe(false);
  });

  it("ranks start at 1, never decrease, and ties share a rank sorted with the Vietnamese collator", () => {
    const ranks = full.units.map((u) => u.rank);
    expect(ranks[0]).toBe(1);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1] ?? 0);
    const collator = new Intl.Collator("vi");
    for (const [i, u] of full.units.entries()) {
      // competition ranking: 1 + the number of units with a strictly higher percentage
      expect(u.rank).toBe(1 + full.units.filter((v) => v.percent > u.percent).length);
      const prev = full.units[i - 1];
      if (prev && prev.percent === u.percent) {
        expect(u.rank).toBe(prev.rank);
        expect(collator.compare(prev.name, u.name)).toBeLessThanOrEqual(0);
      }
    }
    expect(new Set(ranks).size).toBeLessThan(ranks.length); // the small dataset has ties
  });

  it("prints a bilingual text report without --json", async () => {
    const r = await ws.cchc("score", "d/plan.json", "--tracking", "d");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Toàn cơ quan / Agency:");
    expect(r.stdout).toContain("Xếp hạng đơn vị / Unit ranking");
    expect(r.stdout).toContain("Bỏ qua / Skipped: 0 dòng lỗi / invalid lines");
  });

  it("writes the time in Vietnam time and numbers the Vietnamese way (issue 18)", async () => {
    const r = await ws.cchc("score", "d/plan.json", "--tracking", "d", "--as-of", "2018-12-31");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Tính đến / As of: 23 giờ 59, ngày 31/12/2018 (giờ Việt Nam / Vietnam time)");
    expect(r.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}/);
    // Percentages with a decimal comma, as the tables and the explanations beside them.
    expect(r.stdout).toMatch(/\(\d+(,\d+)?%\)/);
    expect(r.stdout).not.toMatch(/\d\.\d+%/);
  });
});

describe("cchc score with one mixed NDJSON file", () => {
  it('reads "kind" lines in any order (records before their activities) and scores the same', async () => {
    const tag = (kind: string) => (l: string) => JSON.stringify({ kind, ...JSON.parse(l) });
    const records = (await lines("d/records.ndjson")).map(tag("record"));
    const activities = (await lines("d/activities.ndjson")).map(tag("activity"));
    const reports = (await lines("d/reports.ndjson")).map(tag("report"));
    await ws.write("mixed.ndjson", `${[...records, ...reports, ...activities].join("\n")}\n`);
    const mixed = await score("d/plan.json", "--tracking", "mixed.ndjson");
    expect(mixed.skipped.count).toBe(0);
    expect(mixed.counts).toEqual(full.counts);
    expect(mixed.agency.points).toBe(full.agency.points);
    expect(mixed.units.map((u) => [u.unitId, u.rank, u.points])).toEqual(
      full.units.map((u) => [u.unitId, u.rank, u.points]),
    );
  });

  it('a line without a known "kind" is skipped with its line number', async () => {
    const activity = (await lines("d/activities.ndjson"))[0] ?? "";
    const record = (await lines("d/records.ndjson"))[0] ?? "";
    const text = [
      JSON.stringify({ kind: "activity", ...JSON.parse(activity) }),
      JSON.stringify({ kind: "note", text: "x" }),
      record, // no kind at all
      JSON.stringify({ kind: "record", ...JSON.parse(record) }),
    ].join("\n");
    await ws.write("mixed-bad.ndjson", text);
    const s = await score("d/plan.json", "--tracking", "mixed-bad.ndjson");
    expect(s.skipped.count).toBe(2);
    expect(s.skipped.byCode).toEqual({ "tracking.kind-unknown": 2 });
    expect(s.skipped.findings.map((f) => f.line)).toEqual([2, 3]);
    expect(s.counts.activities).toBe(1);
    expect(s.counts.records).toBe(1);
  });
});

// Issue 18: every line invalid used to be exit 0 with 0 points, as if the units had done nothing.
describe("cchc score when nothing usable was read", () => {
  it("a tracking file whose every line is invalid is exit 1, the sheet printed, one line saying so", async () => {
    const record = JSON.parse((await lines("d/records.ndjson"))[0] ?? "{}");
    await ws.write(
      "all-bad.ndjson",
      `${[
        "{ not json",
        JSON.stringify({ kind: "note", text: "x" }),
        JSON.stringify({ kind: "record", ...record, output: -5 }),
      ].join("\n")}\n`,
    );
    const r = await ws.cchc("score", "d/plan.json", "--tracking", "all-bad.ndjson", "--json");
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as { counts: Record<string, number>; skipped: { count: number } };
    expect(doc.skipped.count).toBe(3);
    expect(doc.counts).toMatchObject({ activities: 0, records: 0, reports: 0 });
    expect(r.stderr).toBe(
      "cchc: không đọc được dữ liệu theo dõi nào dùng được: cả 3 dòng đều lỗi, điểm trên không phản ánh gì / " +
        "nothing usable was read from the tracking data: all 3 line(s) were invalid, the score above reflects nothing\n",
    );
    const text = await ws.cchc("score", "d/plan.json", "--tracking", "all-bad.ndjson");
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("Bỏ qua / Skipped: 3 dòng lỗi / invalid lines");
    expect(text.stderr).toContain("nothing usable was read from the tracking data");
  });

  it("one usable line among invalid ones is still exit 0; an empty file (nothing recorded yet) too", async () => {
    const activity = (await lines("d/activities.ndjson"))[0] ?? "";
    await ws.write(
      "one-good.ndjson",
      `{ bad\n${JSON.stringify({ kind: "activity", ...JSON.parse(activity) })}\n`,
    );
    const one = await ws.cchc("score", "d/plan.json", "--tracking", "one-good.ndjson", "--json");
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toBe("");
    await ws.write("empty.ndjson", "");
    const empty = await ws.cchc("score", "d/plan.json", "--tracking", "empty.ndjson", "--json");
    expect(empty.code, empty.stderr).toBe(0);
  });
});

describe("cchc score with a line over the length limit", () => {
  it("skips it with a tracking.line-too-long finding naming its line, and scores the rest", async () => {
    const record = (await lines("d/records.ndjson"))[0] ?? "";
    const activity = (await lines("d/activities.ndjson"))[0] ?? "";
    const tag = (kind: string, l: string) => JSON.stringify({ kind, ...JSON.parse(l) });
    const long = JSON.stringify({ kind: "record", note: "x".repeat(5000) });
    await ws.write("long.ndjson", [tag("activity", activity), long, tag("record", record)].join("\n"));
    const before = process.env.CCHC_MAX_LINE_BYTES;
    process.env.CCHC_MAX_LINE_BYTES = "4096";
    try {
      const s = await score("d/plan.json", "--tracking", "long.ndjson");
      expect(s.skipped.count).toBe(1);
      expect(s.skipped.byCode).toEqual({ "tracking.line-too-long": 1 });
      expect(s.skipped.findings[0]).toMatchObject({ code: "tracking.line-too-long", line: 2 });
      expect(s.skipped.findings[0]?.message.en).toContain("over the 4,096 bytes line limit");
      expect(s.counts.records).toBe(1);
    } finally {
      if (before === undefined) delete process.env.CCHC_MAX_LINE_BYTES;
      else process.env.CCHC_MAX_LINE_BYTES = before;
    }
  });
});

describe("cchc score skips bad lines and goes on", () => {
  let bad: SheetJson;
  let recordLines: number;
  let reportLines: number;
  beforeAll(async () => {
    await mkdir(join(ws.dir, "bad"));
    for (const f of ["plan.json", "activities.ndjson"]) await ws.write(`bad/${f}`, await read(`d/${f}`));
    const records = await lines("d/records.ndjson");
    const reports = await lines("d/reports.ndjson");
    recordLines = records.length;
    reportLines = reports.length;
    const base = JSON.parse(records[0] ?? "{}") as Record<string, unknown>;
    const extra = [
      '{"id": "rec-bad-1", "activityId":', // 1: malformed JSON
      JSON.stringify({ ...base, id: "rec-bad-2", unitId: "don-vi-khong-co" }), // 2: unknown unit
      JSON.stringify({ ...base, id: "rec-bad-3", output: -5 }), // 3: negative output
      "", // 4: blank, ignored but counted as a line
      JSON.stringify({ ...base, id: "rec-bad-5", date: "2017-12-31" }), // 5: before the plan year
      JSON.stringify({ ...base, id: "rec-bad-6", date: "2019-01-01" }), // 6: after the plan year
    ];
    await ws.write("bad/records.ndjson", `${[...records, ...extra].join("\n")}\n`);
    const report = JSON.parse(reports[0] ?? "{}") as Record<string, unknown>;
    await ws.write(
      "bad/reports.ndjson",
      `${[...reports, JSON.stringify({ ...report, id: "rep-bad", periodId: "2018Q5" })].join("\n")}\n`,
    );
    const r = await ws.cchc("score", "bad/plan.json", "--tracking", "bad", "--json");
    expect(r.code, r.stderr).toBe(0);
    bad = JSON.parse(r.stdout);
  });

  it("exit 0, every bad line counted, findings with source and line number", () => {
    expect(bad.skipped.count).toBe(6);
    const at = (n: number) => recordLines + n;
    const found = bad.skipped.findings.map((f) => [f.source, f.line, f.code]);
    expect(found).toEqual([
      ["records", at(1), "tracking.ndjson-malformed"],
      ["records", at(2), "tracking.unit-unknown"],
      ["records", at(2), "tracking.unit-mismatch"],
      ["records", at(3), "tracking.negative-quantity"],
      ["records", at(5), "tracking.date-outside-year"],
      ["records", at(6), "tracking.date-outside-year"],
      ["reports", reportLines + 1, "tracking.period-unknown"],
    ]);
    expect(bad.skipped.byCode).toEqual({
      "tracking.ndjson-malformed": 1,
      "tracking.unit-unknown": 1,
      "tracking.unit-mismatch": 1,
      "tracking.negative-quantity": 1,
      "tracking.date-outside-year": 2,
      "tracking.period-unknown": 1,
    });
    for (const f of bad.skipped.findings) {
      expect(f.severity).toBe("error");
      expect(f.message.vi).toContain(`(dòng ${f.line})`);
      expect(f.message.en).toContain(`(line ${f.line})`);
    }
    const negative = bad.skipped.findings.find((f) => f.code === "tracking.negative-quantity");
    expect(negative?.path).toEqual(["output"]);
  });

  it("the valid data is scored exactly as without the bad lines", () => {
    expect(bad.counts).toEqual(full.counts);
    expect(bad.agency.points).toBe(full.agency.points);
    expect(bad.units.map((u) => u.points)).toEqual(full.units.map((u) => u.points));
  });

  it("the text report lists the skipped lines", async () => {
    const r = await ws.cchc("score", "bad/plan.json", "--tracking", "bad");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Bỏ qua / Skipped: 6 dòng lỗi / invalid lines");
    expect(r.stdout).toContain(`(dòng ${recordLines + 1})`);
  });
});

describe("cchc score options", () => {
  const customScheme = {
    id: "tinh-x",
    version: "2025",
    title: { vi: "Thang điểm thử", en: "Test scheme" },
    nodes: [
      {
        id: "a",
        title: { vi: "Báo cáo và hoàn thành", en: "Reporting and completion" },
        maxPoints: 3,
        children: [
          {
            id: "a.1",
            title: { vi: "Báo cáo", en: "Reports" },
            maxPoints: 1,
            rule: { type: "metric", metric: "reporting-rate", thresholds: [{ atLeast: 0, points: 1 }] },
          },
          {
            id: "a.2",
            title: { vi: "Hoàn thành", en: "Completion" },
            maxPoints: 2,
            rule: { type: "metric", metric: "plan-completion", thresholds: [{ atLeast: 0.5, points: 2 }] },
          },
        ],
      },
    ],
  };

  it("--scheme reads a custom scheme (JSON or YAML) and scores with it", async () => {
    await ws.write("scheme.json", JSON.stringify(customScheme));
    const s = await score("d/plan.json", "--tracking", "d", "--scheme", "scheme.json");
    expect(s.scheme).toEqual({ id: "tinh-x", version: "2025" });
    expect(s.agency.nodes.map((n) => n.nodeId)).toEqual(["a"]);
    expect(s.agency.nodes[0]?.children?.map((n) => n.nodeId)).toEqual(["a.1", "a.2"]);
    expect(s.agency.maxPoints).toBe(3);
    expect(s.agency.points).toBe(3);
    await ws.write(
      "scheme.yaml",
      "id: tinh-y\nversion: '1'\ntitle: { vi: Y, en: Y }\nnodes:\n  - id: b\n    title: { vi: B, en: B }\n    maxPoints: 1\n    rule: { type: manual }\n",
    );
    const y = await score("d/plan.json", "--tracking", "d", "--scheme", "scheme.yaml");
    expect(y.scheme.id).toBe("tinh-y");
  });

  it("an invalid scheme is exit 2 with one line", async () => {
    const wrongMax = structuredClone(customScheme);
    wrongMax.nodes[0] = { ...customScheme.nodes[0], maxPoints: 5 } as (typeof customScheme.nodes)[0];
    await ws.write("wrong-max.json", JSON.stringify(wrongMax));
    const line = expectOneLineError(
      await ws.cchc("score", "d/plan.json", "--tracking", "d", "--scheme", "wrong-max.json"),
    );
    expect(line).toContain("scheme.max-mismatch");
    expect(line).toContain('"wrong-max.json"');

    await ws.write("not-a-scheme.json", JSON.stringify({ id: "x" }));
    expectOneLineError(
      await ws.cchc("score", "d/plan.json", "--tracking", "d", "--scheme", "not-a-scheme.json"),
    );
    await ws.write("broken-scheme.json", "{ nope");
    expectOneLineError(
      await ws.cchc("score", "d/plan.json", "--tracking", "d", "--scheme", "broken-scheme.json"),
    );
    expectOneLineError(await ws.cchc("score", "d/plan.json", "--tracking", "d", "--scheme", "missing.json"));
  });

  it("--manual enters self-assessed and appraised points for manual criteria", async () => {
    const unit = full.units[0]?.unitId ?? "";
    await ws.write(
      "manual.json",
      JSON.stringify([
        { nodeId: "tt.4.2", selfAssessed: 0.5, appraised: 0.25, note: "Cuộc thi trực tuyến" },
        { nodeId: "tt.4.2", unitId: unit, selfAssessed: 0.5 },
      ]),
    );
    const s = await score("d/plan.json", "--tracking", "d", "--manual", "manual.json");
    const agencyLeaf = allNodes(s.agency.nodes).find((n) => n.nodeId === "tt.4.2");
    expect(agencyLeaf?.points).toBe(0.25);
    expect(agencyLeaf?.explanation.rule).toBe("manual");
    expect(agencyLeaf?.explanation.manual?.appraised).toBe(0.25);
    expect(agencyLeaf?.explanation.text.vi).toContain("điểm thẩm định 0,25");
    expect(s.agency.points).toBeCloseTo(full.agency.points + 0.25, 6);
    const u = s.units.find((x) => x.unitId === unit);
    const unitLeaf = allNodes(u?.nodes ?? []).find((n) => n.nodeId === "tt.4.2");
    expect(unitLeaf?.points).toBe(0.5);
    expect(unitLeaf?.explanation.text.vi).toContain("điểm tự chấm 0,5 (chưa thẩm định)");

    await ws.write("manual-bad.json", JSON.stringify([{ nodeId: "tt.4.2", appraised: -1 }]));
    const line = expectOneLineError(
      await ws.cchc("score", "d/plan.json", "--tracking", "d", "--manual", "manual-bad.json"),
    );
    expect(line).toContain("appraised");
  });

  it("--as-of 2018-06-30 scores the first half and forecasts the year end", async () => {
    const s = await score("d/plan.json", "--tracking", "d", "--as-of", "2018-06-30");
    expect(s.asOf).toBe("2018-06-30T16:59:59.999Z");
    expect(s.counts.recordsAfterAsOf).toBeGreaterThan(0);
    expect(s.counts.records + s.counts.recordsAfterAsOf).toBe(manifest.counts.records);
    expect(s.counts.records).toBeLessThan(full.counts.records);
    expect(s.agency.forecast.elapsed).toBeCloseTo(181 / 365, 2);
    expect(s.agency.evidence.recordCount).toBe(s.counts.records);
    for (const u of s.units) expect(u.forecast.percent).toBeGreaterThanOrEqual(0);
    // the default as-of is the year end: everything counts
    expect(full.agency.forecast.elapsed).toBe(1);
  });

  it("--explain-limit bounds the record ids explanations list", async () => {
    const s = await score("d/plan.json", "--tracking", "d", "--explain-limit", "3");
    expect(s.agency.evidence.sampleRecordIds).toHaveLength(3);
    expectOneLineError(await ws.cchc("score", "d/plan.json", "--tracking", "d", "--explain-limit", "-1"));
  });
});

describe("cchc score errors", () => {
  it("a bad --as-of is exit 2 with one line", async () => {
    for (const asOf of ["30/06/2018", "2018-13-01", "2018-06-30T12:00:00", "yesterday"]) {
      const line = expectOneLineError(
        await ws.cchc("score", "d/plan.json", "--tracking", "d", "--as-of", asOf),
      );
      expect(line).toContain("--as-of");
    }
  });

  it("a missing --tracking is exit 2 with one line", async () => {
    const line = expectOneLineError(await ws.cchc("score", "d/plan.json"));
    expect(line).toContain("--tracking");
    expect(line).toContain("cchc score --help");
  });

  it("a tracking folder without tracking files, or a missing path, is exit 2", async () => {
    await mkdir(join(ws.dir, "empty"));
    const line = expectOneLineError(await ws.cchc("score", "d/plan.json", "--tracking", "empty"));
    expect(line).toContain("activities.ndjson");
    expectOneLineError(await ws.cchc("score", "d/plan.json", "--tracking", "nowhere"));
  });

  it("a plan that does not parse is exit 1 with its findings on stderr", async () => {
    await ws.write("not-a-plan.json", JSON.stringify({ id: 5, title: "x" }));
    const r = await ws.cchc("score", "not-a-plan.json", "--tracking", "d", "--json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/Lỗi \/ Error/);
  });

  it("a plan file that cannot be read is exit 2", async () => {
    expectOneLineError(await ws.cchc("score", "missing-plan.json", "--tracking", "d"));
    await writeFile(join(ws.dir, "garbage.json"), "{");
    expectOneLineError(await ws.cchc("score", "garbage.json", "--tracking", "d"));
  });
});
