/**
 * Tracking checks on bad input: every problem is a finding with a stable code, a path, the line
 * number of the NDJSON stream and a bilingual message; nothing throws; valid items come back typed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Activity,
  type ActualRecord,
  type Checked,
  checkActivity,
  checkRecord,
  checkReport,
  createTrackingContext,
  parseNdjsonLine,
  type TrackingContext,
  type TrackingFinding,
  type UnitReport,
} from "../src/index.js";
import { planWithMembers, sampleYear, U } from "./fixtures/sample-year.js";

/** A context with every fixture activity accepted. */
function context(): TrackingContext {
  const ctx = createTrackingContext(planWithMembers());
  for (const a of sampleYear().activities) {
    const checked = checkActivity(a, ctx);
    if (checked.value === undefined) throw new Error(`fixture activity ${a.id} rejected`);
  }
  return ctx;
}

function first<T>(items: readonly T[]): T {
  const item = items[0];
  if (item === undefined) throw new Error("empty list");
  return item;
}

const baseActivity = (): Activity => first(sampleYear().activities);
const baseRecord = (): ActualRecord => first(sampleYear().records);
const baseReport = (): UnitReport => first(sampleYear().reports);

const codes = (c: Checked<unknown>) => c.findings.map((f) => f.code);
const codesAndPaths = (c: Checked<unknown>) => c.findings.map((f) => ({ code: f.code, path: f.path }));

/** The structural contract of a tracking finding. */
function expectWellFormed(f: TrackingFinding, source: "activities" | "records" | "reports", line?: number) {
  expect(f.severity).toBe("error");
  expect(f.code.length).toBeGreaterThan(0);
  expect(f.source).toBe(source);
  for (const k of f.path) expect(["string", "number"]).toContain(typeof k);
  expect(f.message.vi.trim().length).toBeGreaterThan(0);
  expect(f.message.en.trim().length).toBeGreaterThan(0);
  if (line === undefined) {
    expect(f).not.toHaveProperty("line");
  } else {
    expect(f.line).toBe(line);
    expect(f.message.vi).toContain(`(dòng ${line})`);
    expect(f.message.en).toContain(`(line ${line})`);
  }
}

function expectRejected(c: Checked<unknown>, source: "activities" | "records" | "reports", line?: number) {
  expect(c.value).toBeUndefined();
  expect(c.findings.length).toBeGreaterThan(0);
  for (const f of c.findings) expectWellFormed(f, source, line);
}

describe("valid items pass and come back typed", () => {
  it("every fixture activity, record and report", () => {
    const y = sampleYear();
    const ctx = createTrackingContext(y.plan);
    for (const a of y.activities) {
      const c = checkActivity(a, ctx, 1);
      expect(c.findings).toEqual([]);
      expect(c.value).toEqual(a);
      expect(ctx.activities.get(a.id)).toEqual(a);
    }
    for (const r of y.records) {
      const c = checkRecord(r, ctx);
      expect(c.findings).toEqual([]);
      expect(c.value).toEqual(r);
    }
    for (const r of y.reports) {
      const c = checkReport(r, ctx);
      expect(c.findings).toEqual([]);
      expect(c.value).toEqual(r);
    }
  });

  it("a report without activityIds gets an empty list", () => {
    const { activityIds: _omit, ...rest } = baseReport();
    const c = checkReport(rest, context());
    expect(c.findings).toEqual([]);
    expect(c.value?.activityIds).toEqual([]);
  });

  it("an activity on a date window alone, on the first and last day of the year, is fine", () => {
    const ctx = context();
    const { periodId: _omit, ...rest } = baseActivity();
    const c = checkActivity({ ...rest, id: "ca-nam", from: "2018-01-01", to: "2018-12-31" }, ctx);
    expect(c.findings).toEqual([]);
    expect(c.value?.from).toBe("2018-01-01");
  });

  it("the plan's context knows units, channels, content areas, funding and the schedule's periods", () => {
    const ctx = createTrackingContext(planWithMembers());
    expect(ctx.unitIds.has(U.bdtw)).toBe(true);
    expect(ctx.channelIds.has("II.2.d")).toBe(true);
    expect(ctx.contentAreaIds.has("II.1.đ")).toBe(true);
    expect(ctx.fundingSourceIds.has("III.2.2")).toBe(true);
    expect([...ctx.periods.keys()]).toEqual(["2018Q1", "2018Q2", "2018S1", "2018Q3", "2018Q4", "2018"]);
    expect(ctx.periods.get("2018Q1")?.dueDate).toBe("2018-03-19");
    expect([ctx.yearStart, ctx.yearEnd]).toEqual(["2018-01-01", "2018-12-31"]);
  });
});

describe("checkActivity", () => {
  it.each([
    ["unknown unit", { unitId: "cuc-khong-co" }, "tracking.unit-unknown", ["unitId"]],
    ["unknown channel", { channelId: "II.2.z" }, "tracking.channel-unknown", ["channelId"]],
    [
      "unknown content area",
      { contentAreaIds: ["II.1.a", "II.1.x"] },
      "tracking.content-area-unknown",
      ["contentAreaIds", 1],
    ],
    [
      "unknown funding source",
      { fundingSourceId: "III.2.9" },
      "tracking.funding-source-unknown",
      ["fundingSourceId"],
    ],
    ["period 2018Q5", { periodId: "2018Q5" }, "tracking.period-unknown", ["periodId"]],
    ["period of another year", { periodId: "2019Q1" }, "tracking.period-unknown", ["periodId"]],
    ["period type outside the schedule", { periodId: "2018M01" }, "tracking.period-unknown", ["periodId"]],
    [
      "negative target",
      { target: { value: -1, unit: "article" } },
      "tracking.negative-quantity",
      ["target", "value"],
    ],
    ["negative planned cost", { plannedCostVnd: -5 }, "tracking.negative-quantity", ["plannedCostVnd"]],
    [
      "start before the plan year",
      { from: "2017-12-31", to: "2018-01-31" },
      "tracking.date-outside-year",
      ["from"],
    ],
    [
      "end after the plan year",
      { from: "2018-12-01", to: "2019-01-01" },
      "tracking.date-outside-year",
      ["to"],
    ],
    ["end before start", { from: "2018-06-01", to: "2018-05-01" }, "tracking.window-invalid", ["to"]],
  ])("%s", (_what, change, code, path) => {
    const c = checkActivity({ ...baseActivity(), id: "moi", ...change }, context(), 12);
    expectRejected(c, "activities", 12);
    expect(codesAndPaths(c)).toEqual([{ code, path }]);
  });

  it("names the bad value in both languages", () => {
    const c = checkActivity({ ...baseActivity(), id: "moi", periodId: "2019Q1" }, context(), 3);
    const f = first(c.findings);
    expect(f.message.vi).toContain('"2019Q1"');
    expect(f.message.vi).toContain("2018");
    expect(f.message.en).toContain('"2019Q1"');
  });

  it("a missing window: neither periodId nor both dates", () => {
    const { periodId: _omit, ...rest } = baseActivity();
    const ctx = context();
    for (const window of [{}, { from: "2018-03-01" }, { to: "2018-03-01" }]) {
      const c = checkActivity({ ...rest, id: "moi", ...window }, ctx, 5);
      expectRejected(c, "activities", 5);
      expect(codesAndPaths(c)).toEqual([{ code: "tracking.window-missing", path: ["periodId"] }]);
    }
  });

  it("a duplicate id is refused and the first activity stays", () => {
    const ctx = context();
    const original = ctx.activities.get("bdtu-bai-viet");
    const c = checkActivity({ ...baseActivity(), title: "Bản sao" }, ctx, 9);
    expectRejected(c, "activities", 9);
    expect(codes(c)).toEqual(["tracking.duplicate-id"]);
    expect(ctx.activities.get("bdtu-bai-viet")).toBe(original);
  });

  it("reports every problem of an item at once, and does not accept it", () => {
    const ctx = context();
    const c = checkActivity(
      {
        ...baseActivity(),
        id: "nhieu-loi",
        unitId: "khong-co",
        channelId: "khong-co",
        contentAreaIds: ["khong-co"],
        fundingSourceId: "khong-co",
        periodId: "2018Q5",
      },
      ctx,
    );
    expectRejected(c, "activities");
    expect(codes(c)).toEqual([
      "tracking.unit-unknown",
      "tracking.channel-unknown",
      "tracking.content-area-unknown",
      "tracking.funding-source-unknown",
      "tracking.period-unknown",
    ]);
    expect(ctx.activities.has("nhieu-loi")).toBe(false);
  });

  it("shape problems become shape.* findings with the line", () => {
    const ctx = context();
    const noTitle: Record<string, unknown> = { ...baseActivity(), id: "moi" };
    delete noTitle.title;
    expect(codesAndPaths(checkActivity(noTitle, ctx, 2))).toEqual([
      { code: "shape.required", path: ["title"] },
    ]);
    expect(codes(checkActivity({ ...baseActivity(), id: "moi", contentAreaIds: [] }, ctx))).toEqual([
      "shape.too_small",
    ]);
    expect(codes(checkActivity({ ...baseActivity(), id: "moi", extra: 1 }, ctx))).toEqual([
      "shape.unrecognized_keys",
    ]);
    expect(
      codes(checkActivity({ ...baseActivity(), id: "moi", from: "2018-02-30", to: "2018-03-01" }, ctx)),
    ).toEqual(["shape.invalid_format"]);
    expectRejected(checkActivity(noTitle, ctx, 2), "activities", 2);
  });

  it("a value of the wrong type is invalid_type, not a missing field", () => {
    const ctx = context();
    expect(codesAndPaths(checkActivity({ ...baseActivity(), id: "moi", title: 42 }, ctx))).toEqual([
      { code: "shape.invalid_type", path: ["title"] },
    ]);
    expect(codesAndPaths(checkActivity(null, ctx, 1))).toEqual([{ code: "shape.invalid_type", path: [] }]);
  });

  it("a negative, non-integer planned cost is flagged as such, not as a missing field", () => {
    const c = checkActivity({ ...baseActivity(), id: "moi", plannedCostVnd: -1.5 }, context());
    expect(c.value).toBeUndefined();
    expect(c.findings.map((f) => f.path)).toEqual([["plannedCostVnd"]]);
    expect(["tracking.negative-quantity", "shape.invalid_type"]).toContain(first(c.findings).code);
  });
});

describe("checkRecord", () => {
  it.each([
    [
      "unknown unit (so also not the activity's unit)",
      { unitId: "cuc-khong-co" },
      [
        { code: "tracking.unit-unknown", path: ["unitId"] },
        { code: "tracking.unit-mismatch", path: ["unitId"] },
      ],
    ],
    [
      "unknown activity",
      { activityId: "khong-co" },
      [{ code: "tracking.activity-unknown", path: ["activityId"] }],
    ],
    [
      "a unit other than the activity's",
      { unitId: U.vt },
      [{ code: "tracking.unit-mismatch", path: ["unitId"] }],
    ],
    [
      "date after the plan year",
      { date: "2019-01-01" },
      [{ code: "tracking.date-outside-year", path: ["date"] }],
    ],
    [
      "date before the plan year",
      { date: "2017-12-31" },
      [{ code: "tracking.date-outside-year", path: ["date"] }],
    ],
    ["negative output", { output: -2 }, [{ code: "tracking.negative-quantity", path: ["output"] }]],
    ["negative cost", { costVnd: -1 }, [{ code: "tracking.negative-quantity", path: ["costVnd"] }]],
    [
      "negative participants",
      { participants: -3 },
      [{ code: "tracking.negative-quantity", path: ["participants"] }],
    ],
    ["an impossible date", { date: "2018-02-29" }, [{ code: "shape.invalid_format", path: ["date"] }]],
    [
      "an evidence link that is not http(s)",
      { evidenceUrl: "ftp://x.vn/a" },
      [{ code: "shape.invalid_format", path: ["evidenceUrl"] }],
    ],
  ])("%s", (_what, change, expected) => {
    const c = checkRecord({ ...baseRecord(), ...change }, context(), 40);
    expectRejected(c, "records", 40);
    expect(codesAndPaths(c)).toEqual(expected);
  });

  it("names both units on a mismatch", () => {
    const c = checkRecord({ ...baseRecord(), unitId: U.vt }, context(), 8);
    const f = first(c.findings);
    expect(f.message.vi).toContain(`"${U.bdtw}"`);
    expect(f.message.vi).toContain(`"${U.vt}"`);
    expect(f.message.en).toContain(`"${U.vt}"`);
  });

  it("a record of an activity that was refused is an unknown activity", () => {
    const ctx = context();
    expect(
      checkActivity({ ...baseActivity(), id: "bi-loai", unitId: "khong-co" }, ctx).value,
    ).toBeUndefined();
    expect(codes(checkRecord({ ...baseRecord(), activityId: "bi-loai" }, ctx))).toEqual([
      "tracking.activity-unknown",
    ]);
  });

  it("an output of the wrong type is invalid_type, not a missing field", () => {
    expect(codesAndPaths(checkRecord({ ...baseRecord(), output: "3" }, context()))).toEqual([
      { code: "shape.invalid_type", path: ["output"] },
    ]);
  });
});

describe("checkReport", () => {
  it.each([
    ["unknown unit", { unitId: "cuc-khong-co" }, [{ code: "tracking.unit-unknown", path: ["unitId"] }]],
    ["period 2018Q5", { periodId: "2018Q5" }, [{ code: "tracking.period-unknown", path: ["periodId"] }]],
    [
      "period of another year",
      { periodId: "2019Q1" },
      [{ code: "tracking.period-unknown", path: ["periodId"] }],
    ],
    [
      "a period type outside the schedule",
      { periodId: "2018N9" },
      [{ code: "tracking.period-unknown", path: ["periodId"] }],
    ],
    [
      "an instant without an offset",
      { submittedAt: "2018-03-19T10:00:00" },
      [{ code: "shape.invalid_format", path: ["submittedAt"] }],
    ],
  ])("%s", (_what, change, expected) => {
    const c = checkReport({ ...baseReport(), ...change }, context(), 77);
    expectRejected(c, "reports", 77);
    expect(codesAndPaths(c)).toEqual(expected);
  });

  it("without a line number, findings carry none", () => {
    const c = checkReport({ ...baseReport(), periodId: "2018Q5" }, context());
    expectRejected(c, "reports");
  });
});

describe("parseNdjsonLine", () => {
  it.each([
    ["{", 3],
    ["nul", 4],
    ["[1,", 5],
    ["{'id': 1}", 6],
    ['{"id": "a"} x', 7],
  ])("%j on line %i is a finding, not an exception", (text, line) => {
    const r = parseNdjsonLine(text, line, "records");
    expect(r?.ok).toBe(false);
    if (r === undefined || r.ok) throw new Error("expected a finding");
    expect(r.finding.code).toBe("tracking.ndjson-malformed");
    expect(r.finding.path).toEqual([]);
    expectWellFormed(r.finding, "records", line);
  });

  it.each(["", " ", "\t", "  \r"])("blank line %j is skipped", (text) => {
    expect(parseNdjsonLine(text, 1, "activities")).toBeUndefined();
  });

  it("a JSON line gives its value, whatever it is (the checks judge it)", () => {
    expect(parseNdjsonLine('{"id":"r1","output":2}', 1, "records")).toEqual({
      ok: true,
      value: { id: "r1", output: 2 },
    });
    expect(parseNdjsonLine("null", 2, "records")).toEqual({ ok: true, value: null });
    expect(parseNdjsonLine('""', 3, "records")).toEqual({ ok: true, value: "" });
  });

  it("the source is the stream's", () => {
    const r = parseNdjsonLine("{", 1, "reports");
    expect(r !== undefined && !r.ok && r.finding.source).toBe("reports");
  });
});

describe("nothing throws, whatever the input", () => {
  const checks = [
    ["activities", checkActivity],
    ["records", checkRecord],
    ["reports", checkReport],
  ] as const;

  for (const [source, check] of checks) {
    it(`${source}: fc.anything() and fc.jsonValue() give well-formed findings or a value`, () => {
      const ctx = context();
      fc.assert(
        fc.property(
          fc.oneof(fc.anything(), fc.jsonValue()),
          fc.option(fc.nat(100_000), { nil: undefined }),
          (input, line) => {
            const c = check(input, ctx, line);
            if (c.value === undefined) expect(c.findings.length).toBeGreaterThan(0);
            else expect(c.findings).toEqual([]);
            for (const f of c.findings) expectWellFormed(f, source, line);
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`${source}: valid items with one field replaced by anything never throw`, () => {
      const ctx = context();
      const base: Record<string, unknown> =
        source === "activities"
          ? { ...baseActivity(), id: "moi" }
          : source === "records"
            ? { ...baseRecord() }
            : { ...baseReport() };
      fc.assert(
        fc.property(fc.constantFrom(...Object.keys(base)), fc.anything(), (key, value) => {
          const c = check({ ...base, [key]: value }, ctx, 1);
          for (const f of c.findings) expectWellFormed(f, source, 1);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("parseNdjsonLine: any string", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), (text, line) => {
        const r = parseNdjsonLine(text, line, "activities");
        if (text.trim() === "") expect(r).toBeUndefined();
        else if (r !== undefined && !r.ok) expectWellFormed(r.finding, "activities", line);
      }),
      { numRuns: 500 },
    );
  });
});
