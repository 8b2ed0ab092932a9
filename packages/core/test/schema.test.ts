import { describe, expect, it } from "vitest";
import { PLAN_RULES, planJsonSchema, renderPlanJson, rulesReferenceMarkdown } from "../src/index.js";
import { issuedSample, mutated, sample } from "./support.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = Record<string, unknown>;

const isRecord = (v: unknown): v is SchemaNode => v !== null && typeof v === "object" && !Array.isArray(v);

/** Resolves a local `$ref` ("#/$defs/…") against the root schema. */
function resolve(root: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== "string") return node;
  let target: unknown = root;
  for (const part of ref.replace(/^#\/?/, "").split("/").filter(Boolean))
    target = isRecord(target) ? target[decodeURIComponent(part)] : undefined;
  if (!isRecord(target)) throw new Error(`unresolved $ref ${ref}`);
  return resolve(root, target);
}

/** The node and every alternative it offers (anyOf / oneOf / allOf), resolved. */
function alternatives(root: SchemaNode, node: SchemaNode): SchemaNode[] {
  const n = resolve(root, node);
  const subs = ["anyOf", "oneOf", "allOf"].flatMap((k) => {
    const list = n[k];
    return Array.isArray(list) ? list.filter(isRecord).flatMap((s) => alternatives(root, s)) : [];
  });
  return [n, ...subs];
}

/** Paths of keys in `value` that the schema does not describe. */
function unknownKeys(root: SchemaNode, node: SchemaNode, value: Json, path: string): string[] {
  const alts = alternatives(root, node);
  if (Array.isArray(value)) {
    const items = alts.map((a) => a.items).find(isRecord);
    if (items === undefined) return [`${path} (array not in schema)`];
    return value.flatMap((v, i) => unknownKeys(root, items, v, `${path}[${i}]`));
  }
  if (isRecord(value)) {
    const withProps = alts.filter((a) => isRecord(a.properties));
    if (withProps.length === 0) {
      // a record (free data): anything goes
      if (alts.some((a) => a.additionalProperties !== undefined && a.additionalProperties !== false))
        return [];
      return [`${path} (object not in schema)`];
    }
    return Object.entries(value).flatMap(([k, v]) => {
      const holder = withProps.find((a) => isRecord(a.properties) && k in a.properties);
      const sub = holder && isRecord(holder.properties) ? holder.properties[k] : undefined;
      return isRecord(sub) ? unknownKeys(root, sub, v as Json, `${path}.${k}`) : [`${path}.${k}`];
    });
  }
  return [];
}

describe("planJsonSchema", () => {
  const schema = planJsonSchema();

  it("is a JSON Schema 2020-12 object with an id and a title", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.type).toBe("object");
    expect(schema.$id).toBe("urn:cchc:schema:plan");
    expect(typeof schema.title).toBe("string");
    expect(schema.additionalProperties).toBe(false);
  });

  it("has the top-level properties of a plan", () => {
    const props = schema.properties;
    expect(isRecord(props)).toBe(true);
    if (!isRecord(props)) return;
    for (const key of [
      "objectives",
      "requirements",
      "audiences",
      "contentAreas",
      "channels",
      "units",
      "responsibilities",
      "fundingSources",
      "reporting",
      "recipients",
      "budgetLines",
      "number",
      "date",
      "place",
      "signer",
      "customKinds",
      "extensions",
    ])
      expect(Object.keys(props)).toContain(key);
  });

  it("requires id, year, title and issuer, and not the lists that have defaults", () => {
    expect(Array.isArray(schema.required)).toBe(true);
    const required = schema.required as unknown[];
    for (const key of ["id", "year", "title", "issuer"]) expect(required).toContain(key);
    for (const key of ["objectives", "recipients", "documentType", "number"])
      expect(required).not.toContain(key);
  });

  it("bounds the year as the calendar does", () => {
    const props = schema.properties as Record<string, SchemaNode>;
    expect(props.year).toMatchObject({ type: "integer", minimum: 2000, maximum: 2100 });
  });

  it("describes every key of the canonical JSON of the sample", () => {
    for (const p of [sample(), issuedSample()]) {
      const value = JSON.parse(renderPlanJson(p)) as Json;
      expect(unknownKeys(schema, schema, value, "$")).toEqual([]);
    }
  });

  it("describes budget lines, custom kinds, parent plans and extensions too", () => {
    const p = mutated((x) => {
      x.parent = { planId: "bo-2018", year: 2018, number: "01/KH-BTTTT" };
      x.budgetLines = [
        {
          id: "bl-1",
          fundingSourceId: "III.2.1",
          description: "Tập huấn",
          amountVnd: 1,
          unitId: "van-phong-bo",
          channelId: "II.2.b",
          contentAreaIds: ["II.1.a"],
        },
      ];
      x.customKinds = {
        channelKinds: [{ code: "pano", label: { vi: "Pano", en: "Billboard" }, group: "x" }],
      };
      x.extensions = { "vn.gov.example": { anything: [1, 2, { deep: true }] } };
      if (x.reporting) x.reporting.deadlineDaysAfterCutoff = { quarter: 5, year: 10 };
    }, issuedSample);
    const value = JSON.parse(renderPlanJson(p)) as Json;
    expect(unknownKeys(schema, schema, value, "$")).toEqual([]);
  });

  it("the key walker does catch an unknown key", () => {
    const value = JSON.parse(renderPlanJson(sample())) as { [k: string]: Json };
    value.objectivs = [];
    const units = value.units;
    if (Array.isArray(units) && isRecord(units[0])) (units[0] as { [k: string]: Json }).nam = "x";
    expect(unknownKeys(schema, schema, value, "$")).toEqual(["$.units[0].nam", "$.objectivs"]);
  });

  it("returns a fresh object each call", () => {
    const a = planJsonSchema();
    a.title = "changed";
    expect(planJsonSchema().title).not.toBe("changed");
    expect(JSON.parse(JSON.stringify(planJsonSchema()))).toEqual(planJsonSchema());
  });
});

describe("rulesReferenceMarkdown", () => {
  const md = rulesReferenceMarkdown();

  it("lists every rule code with its severity, in rule order", () => {
    let last = -1;
    for (const r of PLAN_RULES) {
      const row = md.split("\n").find((l) => l.startsWith(`| \`${r.code}\` |`));
      expect(row, `no row for ${r.code}`).toBeDefined();
      expect(row).toContain(`| ${r.severity} |`);
      expect(row).toContain(r.title.vi.replace(/\|/g, "\\|"));
      expect(row).toContain(r.title.en.replace(/\|/g, "\\|"));
      const at = md.indexOf(`| \`${r.code}\` |`);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
  });

  it("lists the shape codes", () => {
    for (const code of [
      "shape.required",
      "shape.invalid_type",
      "shape.unrecognized_keys",
      "shape.too_small",
      "shape.too_big",
      "shape.invalid_format",
      "shape.invalid_value",
      "shape.invalid_union",
    ])
      expect(md).toContain(`| \`${code}\` |`);
  });

  it("every table row has the columns of its header (pipes in text are escaped)", () => {
    const rows = md.split("\n").filter((l) => l.startsWith("|"));
    const cells = (l: string) => (l.match(/(?<!\\)\|/g) ?? []).length - 1;
    const shapeRows = rows.filter((r) => r.includes("`shape."));
    const ruleRows = rows.filter((r) => /^\| `[a-z-]+` \|/.test(r));
    expect(ruleRows).toHaveLength(PLAN_RULES.length);
    for (const r of shapeRows) expect(cells(r)).toBe(3);
    for (const r of ruleRows) expect(cells(r)).toBe(4);
  });

  it("ends with a newline and takes a custom rule list", () => {
    expect(md.endsWith("\n")).toBe(true);
    const one = PLAN_RULES.slice(0, 1);
    const custom = rulesReferenceMarkdown(one);
    expect(custom).toContain(`\`${one[0]?.code}\``);
    expect(custom).not.toContain(`\`${PLAN_RULES[1]?.code}\``);
  });
});
