import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type FindingPath,
  mic2018,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
  type ValidationResult,
  validatePlan,
} from "../src/index.js";
import { expectWellFormed } from "./support.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

const isContainer = (v: unknown): v is Container => v !== null && typeof v === "object";

/** The mic-2018 sample as written, with the optional parts filled in so that mutations reach them. */
function richSample(): Json {
  const p = JSON.parse(JSON.stringify(mic2018)) as { [key: string]: Json };
  p.number = "12/KH-BTTTT";
  p.date = "2018-03-05";
  p.place = "Hà Nội";
  p.signer = { authority: "KT. BỘ TRƯỞNG", title: "THỨ TRƯỞNG", name: "Nguyễn Văn A" };
  p.parent = { planId: "cp-2018", year: 2018 };
  p.parentBody = { name: "Chính phủ" };
  p.budgetLines = [
    {
      id: "bl-1",
      fundingSourceId: "III.2.1",
      description: "Tập huấn",
      amountVnd: 10_000_000,
      unitId: "van-phong-bo",
      channelId: "II.2.b",
      contentAreaIds: ["II.1.a"],
    },
  ];
  p.customKinds = { channelKinds: [{ code: "pano", label: { vi: "Pano", en: "Billboard" } }] };
  p.extensions = { note: { a: [1, 2] } };
  return p;
}

/** Every path to a value inside the document (the root excluded). */
function allPaths(doc: Json): Path[] {
  const out: Path[] = [];
  const walk = (node: Json, path: Path) => {
    if (Array.isArray(node))
      node.forEach((v, i) => {
        out.push([...path, i]);
        walk(v, [...path, i]);
      });
    else if (isContainer(node))
      for (const [k, v] of Object.entries(node)) {
        out.push([...path, k]);
        walk(v, [...path, k]);
      }
  };
  walk(doc, []);
  return out;
}

function get(doc: unknown, path: Path): { found: boolean; value: unknown } {
  let node: unknown = doc;
  for (const key of path) {
    if (!isContainer(node) || !Object.hasOwn(node, key)) return { found: false, value: undefined };
    node = (node as Record<string | number, unknown>)[key];
  }
  return { found: true, value: node };
}

type Mutation =
  | { kind: "delete"; pick: number }
  | { kind: "replace"; pick: number; value: Json }
  | { kind: "duplicate"; pick: number }
  | { kind: "remove"; pick: number }
  | { kind: "insert"; pick: number; value: Json };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("replace" as const),
    pick: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({ kind: fc.constant("duplicate" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("remove" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    pick: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
);

/** Applies one mutation at a path chosen by `pick`; arrays get array operations, objects key operations. */
function applyMutation(doc: Json, m: Mutation): void {
  const paths = allPaths(doc);
  const path = paths[m.pick % Math.max(paths.length, 1)];
  if (path === undefined) return;
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  const parent = get(doc, parentPath).value;
  if (!isContainer(parent) || key === undefined) return;
  if (Array.isArray(parent) && typeof key === "number") {
    const item = parent[key] as Json;
    switch (m.kind) {
      case "delete":
      case "remove":
        parent.splice(key, 1);
        return;
      case "duplicate":
        parent.splice(key, 0, JSON.parse(JSON.stringify(item)) as Json);
        return;
      case "replace":
        parent[key] = m.value;
        return;
      case "insert":
        parent.splice(key, 0, m.value);
        return;
    }
  }
  const obj = parent as { [k: string]: Json };
  const k = String(key);
  switch (m.kind) {
    case "delete":
    case "remove":
      delete obj[k];
      return;
    case "replace":
    case "insert":
      obj[k] = m.value;
      return;
    case "duplicate": {
      // duplicate a list found here, if any, else rename the key (an unknown key)
      const v = obj[k];
      if (Array.isArray(v) && v.length > 0) v.push(JSON.parse(JSON.stringify(v[0])) as Json);
      else if (v !== undefined) obj[`${k}_copy`] = v;
      return;
    }
  }
}

/** A finding's path points into the input: the location exists, or at least its parent does. */
function expectPathInInput(input: unknown, path: FindingPath): void {
  const here = get(input, path).found;
  const parent = get(input, path.slice(0, -1)).found;
  expect(here || parent, `path ${JSON.stringify(path)} is not in the input`).toBe(true);
}

function check(input: unknown): ValidationResult {
  let r: ValidationResult | undefined;
  expect(() => {
    r = validatePlan(input);
  }).not.toThrow();
  if (r === undefined) throw new Error("validatePlan returned nothing");
  expectWellFormed(r);
  return r;
}

describe("validatePlan never throws", () => {
  it("on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        check(v);
      }),
      { numRuns: 300 },
    );
  });

  it("on arbitrary JSON objects with plan-like keys", () => {
    const keys = fc.constantFrom(
      "id",
      "issuer",
      "year",
      "title",
      "objectives",
      "units",
      "responsibilities",
      "reporting",
      "recipients",
      "date",
      "number",
      "extensions",
    );
    fc.assert(
      fc.property(fc.dictionary(keys, fc.jsonValue({ maxDepth: 3 })), (v) => {
        const r = check(v);
        for (const f of [...r.errors, ...r.warnings]) expectPathInInput(v, f.path);
      }),
      { numRuns: 150 },
    );
  });

  it("on anything at all (Maps, Sets, dates, bigints, null prototypes, boxed values, sparse arrays)", () => {
    fc.assert(
      fc.property(
        fc.anything({
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (v) => {
          check(v);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("on the sample with anything in any field", () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(richSample() as object)), fc.anything(), (key, value) => {
        const doc = richSample() as { [k: string]: unknown };
        doc[key] = value;
        check(doc);
      }),
      { numRuns: 150 },
    );
  });

  it("on a symbol key (not JSON, but a JavaScript caller may pass one)", () => {
    const doc = richSample() as { [k: string]: unknown };
    check({ ...doc, [Symbol("x")]: 1 });
    check({ ...doc, extensions: { [Symbol("y")]: 1 } });
  });

  it("on deeply nested and large inputs", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 2000; i++) deep = { extensions: deep };
    check(deep);
    const doc = richSample() as { [k: string]: unknown };
    doc.objectives = Array.from({ length: 5000 }, (_, i) => ({ id: `o${i}`, text: `Mục tiêu ${i}` }));
    const r = check(doc);
    expect(r.ok).toBe(true);
  });
});

describe("mutated sample plans", () => {
  it("never throw, give well-formed findings whose paths point into the input", () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => {
        const doc = richSample();
        for (const m of mutations) applyMutation(doc, m);
        const r = check(doc);
        for (const f of [...r.errors, ...r.warnings]) expectPathInInput(doc, f.path);
      }),
      { numRuns: 250 },
    );
  });

  it("that still parse render to text, Markdown and canonical JSON without throwing", () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const doc = richSample();
        for (const m of mutations) applyMutation(doc, m);
        const r = check(doc);
        if (r.plan === undefined) return;
        const plan = r.plan;
        expect(renderPlanText(plan).endsWith("\n")).toBe(true);
        expect(typeof renderPlanMarkdown(plan)).toBe("string");
        const json = renderPlanJson(plan);
        const again = validatePlan(JSON.parse(json));
        expect(again.plan).toBeDefined();
        expect(again.errors).toEqual(r.errors);
        expect(again.warnings).toEqual(r.warnings);
      }),
      { numRuns: 150 },
    );
  });

  it("validation is deterministic and does not modify its input", () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const doc = richSample();
        for (const m of mutations) applyMutation(doc, m);
        const before = JSON.stringify(doc);
        const a = validatePlan(doc);
        const b = validatePlan(doc);
        expect(JSON.stringify(doc)).toBe(before);
        expect(b.errors).toEqual(a.errors);
        expect(b.warnings).toEqual(a.warnings);
        expect(b.plan).toEqual(a.plan);
      }),
      { numRuns: 150 },
    );
  });

  it("the mutator itself reaches deep paths", () => {
    const paths = allPaths(richSample());
    expect(paths.length).toBeGreaterThan(150);
    expect(paths.some((p) => p.length >= 4)).toBe(true);
  });
});
