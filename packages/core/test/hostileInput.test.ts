/**
 * "Never throws, whatever the input": values built to break a validator (a `length` that cannot be
 * compared, `toString`/`valueOf`/`toJSON` that throw or are not functions, getters that throw,
 * Proxies whose traps throw, cycles, nesting thousands deep) are planted anywhere inside otherwise
 * valid input and fed to every public entry point that takes untrusted input. Each must answer with
 * well-formed findings, and whatever it accepts must render.
 */
import * as Effect from "effect/Effect";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkActivity,
  checkRecord,
  checkReport,
  createCchc,
  createTrackingContext,
  type Finding,
  ingestRecords,
  MAX_INPUT_DEPTH,
  MAX_INPUT_VALUES,
  MemoryStorage,
  mic2018,
  PAR_COMMUNICATION_PRESET,
  parseContactDirectory,
  parseNdjsonLine,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
  Storage,
  type TrackingContext,
  toPlainData,
  validatePlan,
  validateScheme,
} from "../src/index.js";
import { planWithMembers, sampleYear } from "./fixtures/sample-year.js";
import { expectWellFormed } from "./support.js";

/** The value from the issue: zod's length check compares `{toString: 1}` with a number. */
const CRAFTED = '{"length":{"toString":1}}';

const thrower = () => {
  throw new Error("hostile");
};

/** A description of a hostile value; built fresh for each use (Proxies cannot be shared with fast-check). */
type Recipe =
  | { kind: "json"; value: unknown }
  | { kind: "special"; name: (typeof SPECIALS)[number] }
  | { kind: "proxy"; trap: (typeof TRAPS)[number]; target: "object" | "array" }
  | { kind: "deep"; depth: number; array: boolean }
  | { kind: "cycle"; via: "object" | "array" }
  | { kind: "wrap"; key: string; inArray: boolean; of: Recipe };

const SPECIALS = [
  "crafted",
  "length-valueOf",
  "length-object",
  "length-getter-throws",
  "toString-not-function",
  "toString-throws",
  "valueOf-throws",
  "toJSON-throws",
  "toJSON-not-function",
  "getter-throws",
  "getter-ok",
  "symbol",
  "bigint",
  "function",
  "date",
  "map",
  "class-instance",
  "null-prototype",
  "sparse-array",
  "huge-sparse-array",
  "array-length-toString",
  "revoked-proxy",
] as const;

const TRAPS = ["ownKeys", "getOwnPropertyDescriptor", "get", "has", "getPrototypeOf"] as const;

function special(name: (typeof SPECIALS)[number]): unknown {
  switch (name) {
    case "crafted":
      return JSON.parse(CRAFTED);
    case "length-valueOf":
      return { length: { valueOf: 1, toString: 1 } };
    case "length-object":
      return { length: { valueOf: thrower } };
    case "length-getter-throws":
      return Object.defineProperty({}, "length", { get: thrower, enumerable: true });
    case "toString-not-function":
      return { toString: 1 };
    case "toString-throws":
      return { toString: thrower };
    case "valueOf-throws":
      return { valueOf: thrower, toString: thrower };
    case "toJSON-throws":
      return { toJSON: thrower };
    case "toJSON-not-function":
      return { toJSON: 1, a: 1 };
    case "getter-throws":
      return Object.defineProperty({ a: 1 }, "id", { get: thrower, enumerable: true });
    case "getter-ok":
      return Object.defineProperty({}, "id", { get: () => "u-1", enumerable: true });
    case "symbol":
      return Symbol("hostile");
    case "bigint":
      return 10n;
    case "function":
      return thrower;
    case "date":
      return new Date(0);
    case "map":
      return new Map([["a", 1]]);
    case "class-instance":
      return new (class Point {
        x = 1;
      })();
    case "null-prototype":
      return Object.assign(Object.create(null), { vi: "a", en: "b" });
    case "sparse-array": {
      const a: unknown[] = [];
      a[3] = "x";
      return a;
    }
    case "huge-sparse-array": {
      const a: unknown[] = [];
      a.length = 2 ** 32 - 1;
      return a;
    }
    case "array-length-toString":
      return Object.assign(["x"], { toString: 1 });
    case "revoked-proxy": {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    }
  }
}

function build(r: Recipe): unknown {
  switch (r.kind) {
    case "json":
      return r.value;
    case "special":
      return special(r.name);
    case "proxy":
      return new Proxy(r.target === "array" ? ["a"] : { id: "a" }, { [r.trap]: thrower });
    case "deep": {
      let v: unknown = "leaf";
      for (let i = 0; i < r.depth; i++) v = r.array ? [v] : { d: v };
      return v;
    }
    case "cycle": {
      if (r.via === "array") {
        const a: unknown[] = ["x"];
        a.push(a);
        return a;
      }
      const o: Record<string, unknown> = { vi: "a" };
      o.self = o;
      return o;
    }
    case "wrap": {
      const inner = build(r.of);
      return r.inArray ? [inner] : { [r.key]: inner };
    }
  }
}

const leafRecipe: fc.Arbitrary<Recipe> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("json" as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("special" as const), name: fc.constantFrom(...SPECIALS) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("proxy" as const),
      trap: fc.constantFrom(...TRAPS),
      target: fc.constantFrom("object" as const, "array" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("deep" as const),
      depth: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 90, max: 6000 })),
      array: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("cycle" as const),
      via: fc.constantFrom("object" as const, "array" as const),
    }),
  },
);

const recipe: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 3, arbitrary: leafRecipe },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("wrap" as const),
      key: fc.constantFrom("length", "toString", "valueOf", "toJSON", "id", "__proto__", "vi"),
      inArray: fc.boolean(),
      of: leafRecipe,
    }),
  },
);

type Container = Record<string | number, unknown>;
const isContainer = (v: unknown): v is Container => typeof v === "object" && v !== null;

/** Every path to a value of a plain JSON document, the root included. */
function paths(doc: unknown): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (!isContainer(node)) return;
    for (const [k, v] of Object.entries(node)) {
      const p = [...path, Array.isArray(node) ? Number(k) : k];
      out.push(p);
      walk(v, p);
    }
  };
  walk(doc, []);
  return out;
}

/** A copy of `base` with the hostile value put at (or added under) the picked path. */
function plant(base: unknown, pick: number, add: boolean, value: unknown): unknown {
  const doc: unknown = structuredClone(base);
  const all = paths(doc);
  const path = all[pick % all.length] ?? [];
  if (path.length === 0 && !add) return value;
  let node: unknown = doc;
  for (const k of add ? path : path.slice(0, -1)) node = (node as Container)[k];
  if (!isContainer(node)) return add ? value : doc;
  const key = add
    ? Array.isArray(node)
      ? node.length
      : "extra"
    : (path[path.length - 1] as string | number);
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  return doc;
}

const planted = fc.record({ recipe, pick: fc.nat(), add: fc.boolean() });
const inputs = (base: unknown) => planted.map(({ recipe: r, pick, add }) => ({ r, pick, add, base }));
const hostile = (p: { r: Recipe; pick: number; add: boolean; base: unknown }) =>
  plant(p.base, p.pick, p.add, build(p.r));

function expectFindings(findings: readonly Finding[]) {
  for (const f of findings) {
    expect(typeof f.code).toBe("string");
    expect(f.code.length).toBeGreaterThan(0);
    for (const k of f.path) expect(["string", "number"]).toContain(typeof k);
    expect(f.message.vi.trim().length).toBeGreaterThan(0);
    expect(f.message.en.trim().length).toBeGreaterThan(0);
  }
}

function context(): TrackingContext {
  const ctx = createTrackingContext(planWithMembers());
  for (const a of sampleYear().activities) checkActivity(a, ctx);
  return ctx;
}

const PLAN_BASE: unknown = JSON.parse(
  JSON.stringify({ ...mic2018, number: "12/KH-BTTTT", extensions: { note: { a: [1, "b"] } } }),
);
const year = sampleYear();
const RECORD_BASE: unknown = JSON.parse(JSON.stringify(year.records[0]));
const REPORT_BASE: unknown = JSON.parse(JSON.stringify(year.reports[0]));
const ACTIVITY_BASE: unknown = JSON.parse(JSON.stringify({ ...year.activities[0], id: "new-activity" }));
const SCHEME_BASE: unknown = JSON.parse(JSON.stringify(PAR_COMMUNICATION_PRESET));
const CONTACTS_BASE: unknown = { "van-phong-bo": { email: ["vp@example.gov.vn"] } };

/** Seeded and bounded: the same inputs every run, a few seconds in all. */
const RUNS = { seed: 13, numRuns: 200 };

describe("the crafted value of issue 13", () => {
  const crafted = () => JSON.parse(CRAFTED);

  it("is a shape finding at its path in validatePlan, not a TypeError", () => {
    const r = validatePlan({ ...(PLAN_BASE as object), id: crafted() });
    expectWellFormed(r);
    expect(r.errors.map((f) => [f.code, f.path])).toEqual([["shape.invalid_type", ["id"]]]);
  });

  it("is a finding in checkRecord, checkReport and checkActivity", () => {
    const ctx = context();
    for (const [check, base] of [
      [checkRecord, RECORD_BASE],
      [checkReport, REPORT_BASE],
      [checkActivity, ACTIVITY_BASE],
    ] as const) {
      const c = check({ ...(base as object), id: crafted() }, ctx, 7);
      expect(c.value).toBeUndefined();
      expect(c.findings.map((f) => [f.code, f.path, f.line])).toEqual([["shape.invalid_type", ["id"], 7]]);
    }
  });

  it("is a finding in validateScheme", () => {
    const r = validateScheme({ ...(SCHEME_BASE as object), version: crafted() });
    expect(r.scheme).toBeUndefined();
    expect(r.errors.map((f) => [f.code, f.path])).toEqual([["shape.invalid_type", ["version"]]]);
  });
});

describe("nesting", () => {
  const deep = (depth: number) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = { a: v };
    return v;
  };

  it(`extensions deeper than ${MAX_INPUT_DEPTH} levels are refused with shape.too-deep`, () => {
    const r = validatePlan({ ...(PLAN_BASE as object), extensions: { x: deep(5000) } });
    expectWellFormed(r);
    expect(r.plan).toBeUndefined();
    const f = r.errors.find((e) => e.code === "shape.too-deep");
    expect(f?.path.slice(0, 2)).toEqual(["extensions", "x"]);
    expect(f?.path.length).toBe(MAX_INPUT_DEPTH);
    expect(f?.message.vi).toContain(String(MAX_INPUT_DEPTH));
  });

  it("extensions up to the limit validate and render", () => {
    // the plan itself is one level, extensions a second
    const r = validatePlan({ ...(PLAN_BASE as object), extensions: { x: deep(MAX_INPUT_DEPTH - 3) } });
    expect(r.errors).toEqual([]);
    expect(r.plan).toBeDefined();
    if (r.plan) expect(JSON.parse(renderPlanJson(r.plan)).extensions.x.a.a.a).toBeDefined();
  });

  it("a cycle is shape.cycle at the path that refers back", () => {
    const ext: Record<string, unknown> = {};
    ext.me = ext;
    const r = validatePlan({ ...(PLAN_BASE as object), extensions: ext });
    expect(r.errors.map((f) => [f.code, f.path])).toEqual([["shape.cycle", ["extensions", "me"]]]);
  });
});

describe("toPlainData", () => {
  const at = (input: unknown) => toPlainData(input).findings.map((f) => [f.code, f.path]);

  it("copies plain data, calling nothing of it, and keeps __proto__ as an own key", () => {
    const input = JSON.parse('{"a":[1,{"b":null}],"__proto__":{"x":1},"length":{"toString":1}}');
    const r = toPlainData(input);
    expect(r.findings).toEqual([]);
    expect(r.value).not.toBe(input);
    expect(JSON.stringify(r.value)).toBe(JSON.stringify(input));
    expect(Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    // compares and prints without running the input's `toString: 1`
    expect(`${(r.value as { length: unknown }).length}`).toBe("[object Object]");
  });

  it("says where the input is not data", () => {
    expect(at({ a: new Date(0), b: [1, 2n], c: Symbol("s"), d: () => 1 })).toEqual([
      ["shape.not-data", ["a"]],
      ["shape.not-data", ["b", 1]],
      ["shape.not-data", ["c"]],
      ["shape.not-data", ["d"]],
    ]);
    expect(at({ x: Object.defineProperty({}, "id", { get: thrower, enumerable: true }) })).toEqual([
      ["shape.not-data", ["x", "id"]],
    ]);
    expect(at({ p: new Proxy({}, { ownKeys: thrower }) })).toEqual([["shape.unreadable", ["p"]]]);
    expect(at([special("revoked-proxy")])).toEqual([["shape.unreadable", [0]]]);
    expect(at({ s: special("sparse-array") })).toEqual([["shape.not-data", ["s"]]]);
  });

  it(`stops at ${MAX_INPUT_VALUES} values, shared references counted each time they are reached`, () => {
    let dag: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 40; i++) dag = { x: dag, y: dag };
    const r = toPlainData(dag);
    expect(r.findings.map((f) => f.code)).toEqual(["shape.too-large"]);
    expect(toPlainData({ list: new Array(MAX_INPUT_VALUES).fill(0) }).findings.map((f) => f.code)).toEqual([
      "shape.too-large",
    ]);
  });
});

describe("hostile values anywhere in the input (property)", () => {
  it("validatePlan answers with findings, and renders whatever it accepts", () => {
    fc.assert(
      fc.property(inputs(PLAN_BASE), (p) => {
        const r = validatePlan(hostile(p));
        expectWellFormed(r);
        if (r.plan !== undefined) {
          expect(typeof renderPlanJson(r.plan)).toBe("string");
          expect(typeof renderPlanText(r.plan)).toBe("string");
          expect(typeof renderPlanMarkdown(r.plan)).toBe("string");
        }
      }),
      RUNS,
    );
  });

  it("checkRecord, checkReport and checkActivity answer with findings", () => {
    const ctx = context();
    for (const [check, base] of [
      [checkRecord, RECORD_BASE],
      [checkReport, REPORT_BASE],
      [checkActivity, ACTIVITY_BASE],
    ] as const) {
      fc.assert(
        fc.property(inputs(base), (p) => {
          const c = check(hostile(p), ctx, 3);
          expectFindings(c.findings);
          if (c.value === undefined) expect(c.findings.length).toBeGreaterThan(0);
          else expect(() => JSON.stringify(c.value)).not.toThrow();
        }),
        RUNS,
      );
      ctx.activities.delete("new-activity");
    }
  });

  it("validateScheme and parseContactDirectory answer with findings", () => {
    fc.assert(
      fc.property(inputs(SCHEME_BASE), (p) => {
        const r = validateScheme(hostile(p));
        expectFindings(r.errors);
        if (r.scheme === undefined) expect(r.errors.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(inputs(CONTACTS_BASE), (p) => {
        const r = parseContactDirectory(hostile(p));
        if (r.ok) expect(() => JSON.stringify(r.directory)).not.toThrow();
        else {
          expect(r.findings.length).toBeGreaterThan(0);
          expectFindings(r.findings);
        }
      }),
      RUNS,
    );
  });

  it("parseNdjsonLine takes any value as a line", () => {
    fc.assert(
      fc.property(recipe, (r) => {
        const out = parseNdjsonLine(build(r) as string, 1, "records");
        if (out !== undefined && !out.ok) expectFindings([out.finding]);
      }),
      RUNS,
    );
  });
});

describe("records.ingest", () => {
  const setup = async () => {
    const cchc = await createCchc({ storage: MemoryStorage.layer() });
    const plan = planWithMembers();
    await cchc.plans.save("a", plan);
    for (const a of year.activities) await cchc.activities.save("a", plan.id, a);
    return { cchc, planId: plan.id };
  };
  const good = JSON.stringify(year.records[0]);

  it("the crafted line fails with IngestFailed (Promise facade), naming the line", async () => {
    const { cchc, planId } = await setup();
    const line = JSON.stringify({ ...(RECORD_BASE as object), id: JSON.parse(CRAFTED) });
    const error = await cchc.records.ingest("a", planId, [good, line]).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ _tag: "IngestFailed", line: 2, reason: "invalid" });
    expect((error as { findings: Finding[] }).findings.map((f) => f.code)).toEqual(["shape.invalid_type"]);
    await cchc.close();
  });

  it("lines that are not text, and input that is not iterable, fail with IngestFailed (Effect API)", async () => {
    for (const lines of [[good, 42], [good, JSON.parse(CRAFTED)], [special("revoked-proxy")], null, 5]) {
      const exit = await Effect.runPromise(
        Effect.gen(function* () {
          const store = yield* Storage;
          const plan = planWithMembers();
          yield* store.savePlan("a", plan, null);
          for (const a of year.activities) yield* store.saveActivity("a", plan.id, a, null);
          return yield* Effect.flip(ingestRecords("a", plan.id, lines as Iterable<string>));
        }).pipe(Effect.provide(MemoryStorage.layer())),
      );
      expect(exit._tag).toBe("IngestFailed");
    }
  });

  it("any hostile line fails with IngestFailed, never a defect", async () => {
    const { cchc, planId } = await setup();
    await fc.assert(
      fc.asyncProperty(recipe, async (r) => {
        const outcome = await cchc.records
          .ingest("a", planId, [good, build(r) as string], { existing: "skip" })
          .then(
            () => "ok",
            (e: unknown) => (e as { _tag?: string })._tag,
          );
        expect(["ok", "IngestFailed"]).toContain(outcome);
      }),
      { seed: 13, numRuns: 100 },
    );
    await cchc.close();
  });
});
