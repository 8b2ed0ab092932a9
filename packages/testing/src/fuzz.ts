/**
 * A seeded fuzz run over every public entry point of `@cchc/core` that takes untrusted input:
 * valid documents with hostile values planted anywhere in them (a `length` that cannot be
 * compared, `toString`/`valueOf`/`toJSON` that throw, getters, Proxies whose traps throw or lie,
 * cycles, nesting thousands deep, non-JSON values), NDJSON text cut and flipped, and streams of
 * such lines through `records.ingest`. The promise checked is the core's: no input of any shape
 * throws, every finding has a code, a path and a Vietnamese and English message, and whatever an
 * entry point accepts can be serialised and rendered.
 *
 * The test suite runs a few thousand inputs; `pnpm bench --only fuzz` runs a hundred thousand and
 * prints how many it tried.
 */
import {
  checkActivity,
  checkRecord,
  checkReport,
  createCchc,
  createTrackingContext,
  type Finding,
  ingestRecords,
  MemoryStorage,
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
} from "@cchc/core";
import * as Effect from "effect/Effect";
import { Random } from "./random.js";
import {
  CONTRACT_UNIT_IDS,
  contractActivity,
  contractPlan,
  contractRecord,
  contractReport,
} from "./storageContractFixtures.js";

/** The entry points a fuzz run calls, by the name its report counts them under. */
export const FUZZ_ENTRY_POINTS = [
  "validatePlan",
  "validateScheme",
  "parseContactDirectory",
  "checkActivity",
  "checkRecord",
  "checkReport",
  "parseNdjsonLine",
  "toPlainData",
  "records.ingest",
  "ingestRecords",
] as const;
/** One of `FUZZ_ENTRY_POINTS`. */
export type FuzzEntryPoint = (typeof FUZZ_ENTRY_POINTS)[number];

/** Options of `fuzzEntryPoints`. */
export interface FuzzOptions {
  /** The same seed gives the same inputs (default 1). */
  readonly seed?: number;
  /** How many inputs to try (default 2,000). */
  readonly inputs?: number;
  /** Called every 10,000 inputs (progress for long runs). */
  readonly onProgress?: (tried: number) => void;
}

/** One input that broke the promise. */
export interface FuzzFailure {
  readonly entryPoint: FuzzEntryPoint;
  /** Input number (0-based) in the run: rerun with the same seed to get it again. */
  readonly input: number;
  /** How the hostile value was built. */
  readonly recipe: string;
  readonly problem: string;
}

/** What a run did. */
export interface FuzzReport {
  readonly seed: number;
  readonly tried: number;
  /** Inputs that made an entry point throw (or an ingest reject with anything but `IngestFailed`). */
  readonly threw: number;
  /** Inputs answered with a malformed finding, or accepted as something that does not serialise. */
  readonly malformed: number;
  readonly byEntryPoint: Readonly<Record<FuzzEntryPoint, number>>;
  /** The first failures (at most 20). */
  readonly failures: readonly FuzzFailure[];
}

// ---------------------------------------------------------------------------------------------
// hostile values

const thrower = (): never => {
  throw new Error("hostile");
};

/** Values no validator should call or trust, built fresh for each input. */
const SPECIALS: Readonly<Record<string, () => unknown>> = {
  crafted: () => JSON.parse('{"length":{"toString":1}}'),
  "length-toString-valueOf": () => ({ length: { valueOf: 1, toString: 1 } }),
  "length-valueOf-throws": () => ({ length: { valueOf: thrower } }),
  "length-array-of-crafted": () => ({ length: [{ toString: 1 }] }),
  "length-getter": () => Object.defineProperty({}, "length", { get: thrower, enumerable: true }),
  "toString-1": () => ({ toString: 1 }),
  "toString-throws": () => ({ toString: thrower, valueOf: thrower }),
  "toJSON-throws": () => ({ toJSON: thrower }),
  "toJSON-1": () => ({ toJSON: 1 }),
  // biome-ignore lint/suspicious/noThenProperty: a thenable is exactly what a validator must not await
  "then-throws": () => ({ then: thrower }),
  "getter-throws": () => Object.defineProperty({ a: 1 }, "id", { get: thrower, enumerable: true }),
  "getter-valid": () => Object.defineProperty({}, "vi", { get: () => "Tiêu đề", enumerable: true }),
  "setter-only": () => Object.defineProperty({}, "id", { set: () => undefined, enumerable: true }),
  symbol: () => Symbol("hostile"),
  bigint: () => 12n,
  function: () => thrower,
  date: () => new Date(0),
  "invalid-date": () => new Date(Number.NaN),
  map: () => new Map([["id", "x"]]),
  set: () => new Set(["x"]),
  regexp: () => /x/,
  "typed-array": () => new Uint8Array(3),
  "class-instance": () =>
    new (class Unit {
      id = "u_1";
    })(),
  "null-prototype": () => Object.assign(Object.create(null) as object, { vi: "a", en: "b" }),
  "sparse-array": () => {
    const a: unknown[] = [];
    a[5] = "x";
    return a;
  },
  "huge-array-length": () => {
    const a: unknown[] = [];
    a.length = 2 ** 32 - 1;
    return a;
  },
  "array-with-extras": () => Object.assign(["II.1.a"], { toString: 1, length2: 3 }),
  "revoked-proxy": () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  "nan-infinity": () => [Number.NaN, Number.POSITIVE_INFINITY, -0],
  "lone-surrogate": () => "\ud800x\udfff",
  "control-characters": () => "a\u0000b\u0085c\ufffe\u2028",
  "long-string": () => "x".repeat(100_000),
  "number-string-id": () => "1e400",
  "__proto__-key": () => JSON.parse('{"__proto__":{"polluted":true},"id":"x"}'),
};
const SPECIAL_NAMES = Object.keys(SPECIALS);

const TRAPS = ["ownKeys", "getOwnPropertyDescriptor", "get", "has", "getPrototypeOf", "set"] as const;

/** A value and how it was made (for a failure report). */
interface Hostile {
  readonly value: unknown;
  readonly recipe: string;
}

function jsonScalar(random: Random): unknown {
  switch (random.int(0, 6)) {
    case 0:
      return null;
    case 1:
      return random.chance(0.5);
    case 2:
      return random.pick([0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, -0]);
    case 3:
      return random.pick(["", " ", "u_1", "II.2.a", "2018-03-15", "2018-02-30", "Hà Nội", "x".repeat(201)]);
    case 4:
      return String.fromCharCode(...Array.from({ length: random.int(0, 8) }, () => random.int(0, 0xffff)));
    default:
      return random.int(-5, 5);
  }
}

function jsonValue(random: Random, depth: number): unknown {
  if (depth <= 0 || random.chance(0.5)) return jsonScalar(random);
  if (random.chance(0.5)) return Array.from({ length: random.int(0, 3) }, () => jsonValue(random, depth - 1));
  const o: Record<string, unknown> = {};
  for (let i = random.int(0, 3); i > 0; i--)
    o[random.pick(["id", "vi", "en", "length", "toString", "valueOf", "a"])] = jsonValue(random, depth - 1);
  return o;
}

/** A Proxy whose traps throw, or lie (keys that are not there, descriptors that change). */
function hostileProxy(random: Random): Hostile {
  const target: object = random.chance(0.5) ? ["a", "b"] : { id: "u_1", vi: "a" };
  switch (random.int(0, 3)) {
    case 0: {
      const trap = random.pick(TRAPS);
      return { value: new Proxy(target, { [trap]: thrower }), recipe: `proxy(${trap} throws)` };
    }
    case 1:
      return {
        value: new Proxy(target, { ownKeys: () => ["id", "ghost", "length"] }),
        recipe: "proxy(ownKeys lies)",
      };
    case 2: {
      // every read gives a fresh, deeper object: only a depth limit ends the walk
      const endless: ProxyHandler<object> = {
        ownKeys: () => ["next"],
        getOwnPropertyDescriptor: () => ({
          value: new Proxy({}, endless),
          enumerable: true,
          configurable: true,
          writable: true,
        }),
      };
      return { value: new Proxy({}, endless), recipe: "proxy(endless nesting)" };
    }
    default: {
      let reads = 0;
      // valid the first time it is read, hostile after (a check-then-use bug finds it)
      return {
        value: new Proxy(
          { id: "u_1" },
          {
            get: (t, k, r) =>
              reads++ > 0 && k === "id" ? { length: { toString: 1 } } : Reflect.get(t, k, r),
          },
        ),
        recipe: "proxy(changes after the first read)",
      };
    }
  }
}

/** A hostile value: a special, a Proxy, deep nesting, a cycle, or one of these wrapped. */
function hostileValue(random: Random, wrap = 2): Hostile {
  const kind = random.weighted<string>([
    ["json", 2],
    ["special", 5],
    ["proxy", 2],
    ["deep", 1],
    ["cycle", 1],
    ["wrap", wrap > 0 ? 2 : 0],
  ]);
  switch (kind) {
    case "json":
      return { value: jsonValue(random, 3), recipe: "json" };
    case "special": {
      const name = random.pick(SPECIAL_NAMES);
      return { value: (SPECIALS[name] as () => unknown)(), recipe: name };
    }
    case "proxy":
      return hostileProxy(random);
    case "deep": {
      const depth = random.pick([50, 99, 100, 101, 500, 5000, 20_000]);
      const array = random.chance(0.5);
      let v: unknown = "leaf";
      for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
      return { value: v, recipe: `deep(${depth}, ${array ? "arrays" : "objects"})` };
    }
    case "cycle": {
      const o: Record<string, unknown> = { vi: "a", en: "b" };
      const a: unknown[] = [o];
      if (random.chance(0.5)) o.self = o;
      else o.list = a;
      return { value: random.chance(0.5) ? o : a, recipe: "cycle" };
    }
    default: {
      const inner = hostileValue(random, wrap - 1);
      const key = random.pick([
        "length",
        "toString",
        "valueOf",
        "toJSON",
        "id",
        "vi",
        "__proto__",
        "constructor",
      ]);
      const value = random.chance(0.3)
        ? [inner.value]
        : Object.defineProperty({}, key, {
            value: inner.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
      return { value, recipe: `wrap(${key}, ${inner.recipe})` };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// planting a hostile value in a valid document

type Container = Record<string | number, unknown>;
const isContainer = (v: unknown): v is Container => typeof v === "object" && v !== null;

/** Every container of a plain document, with its path. */
function containers(doc: unknown): Container[] {
  const out: Container[] = [];
  const walk = (node: unknown) => {
    if (!isContainer(node)) return;
    out.push(node);
    for (const v of Object.values(node)) walk(v);
  };
  walk(doc);
  return out;
}

/** A copy of `base` with the hostile value at one of its keys (replaced or added), or as the root. */
function plant(random: Random, base: unknown, value: unknown): unknown {
  if (random.chance(0.05)) return value;
  const doc = JSON.parse(JSON.stringify(base)) as unknown;
  const node = random.pick(containers(doc));
  const keys = Object.keys(node);
  const key =
    keys.length > 0 && random.chance(0.8) ? random.pick(keys) : Array.isArray(node) ? node.length : "extra";
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  return doc;
}

/** NDJSON text near a valid line: cut, flipped, doubled, or a hostile JSON value. */
function textNear(random: Random, line: string): string {
  switch (random.int(0, 4)) {
    case 0:
      return line.slice(0, random.int(0, line.length));
    case 1: {
      const i = random.int(0, Math.max(0, line.length - 1));
      return `${line.slice(0, i)}${String.fromCharCode(random.int(0, 0xffff))}${line.slice(i + 1)}`;
    }
    case 2:
      return `${"[".repeat(random.pick([10, 1000, 100_000]))}`;
    case 3:
      return `${'{"a":'.repeat(random.pick([100, 5000]))}1${"}".repeat(random.pick([100, 5000]))}`;
    default:
      return line.replace(/"id":"[^"]*"/, '"id":{"length":{"toString":1}}');
  }
}

// ---------------------------------------------------------------------------------------------
// checking the answers

function findingProblem(f: Finding): string | undefined {
  if (!isContainer(f) || typeof f.code !== "string" || f.code === "") return "finding without a code";
  if (!Array.isArray(f.path) || f.path.some((k) => typeof k !== "string" && typeof k !== "number"))
    return `finding ${f.code} with a malformed path`;
  const m = f.message as { vi?: unknown; en?: unknown } | undefined;
  if (typeof m?.vi !== "string" || m.vi.trim() === "" || typeof m.en !== "string" || m.en.trim() === "")
    return `finding ${f.code} without a Vietnamese and English message`;
  return undefined;
}

function findingsProblem(findings: readonly Finding[], accepted: boolean): string | undefined {
  if (!accepted && findings.length === 0) return "refused without a finding";
  for (const f of findings) {
    const p = findingProblem(f);
    if (p !== undefined) return p;
  }
  return undefined;
}

function serialises(value: unknown): string | undefined {
  try {
    JSON.stringify(value);
    return undefined;
  } catch (e) {
    return `accepted a value that does not serialise: ${e instanceof Error ? e.message : "?"}`;
  }
}

// ---------------------------------------------------------------------------------------------
// the run

const PLAN = contractPlan("fuzz-plan");
const ACTIVITIES = CONTRACT_UNIT_IDS.map((u) => contractActivity(u));
const BASES = {
  plan: JSON.parse(JSON.stringify({ ...PLAN, extensions: { note: { list: [1, "a"] } } })) as unknown,
  scheme: JSON.parse(JSON.stringify(PAR_COMMUNICATION_PRESET)) as unknown,
  contacts: { u_1: { email: ["a@example.gov.vn"], webhook: "https://example.gov.vn/hook" } } as unknown,
  activity: JSON.parse(JSON.stringify(contractActivity("u_1", { id: "act-new" }))) as unknown,
  record: JSON.parse(JSON.stringify(contractRecord("r1", "u_1", { note: "ghi chú" }))) as unknown,
  report: JSON.parse(JSON.stringify(contractReport("rep1", "u_1", "2018Q1"))) as unknown,
};

function trackingContext(): TrackingContext {
  const ctx = createTrackingContext(PLAN);
  for (const a of ACTIVITIES) ctx.activities.set(a.id, a);
  return ctx;
}

/** Calls one synchronous entry point; the problem with its answer, if any. */
function callSync(
  entryPoint: FuzzEntryPoint,
  random: Random,
  value: unknown,
  ctx: TrackingContext,
): string | undefined {
  switch (entryPoint) {
    case "validatePlan": {
      const r = validatePlan(plant(random, BASES.plan, value));
      const p = findingsProblem([...r.errors, ...r.warnings], r.plan !== undefined);
      if (p !== undefined || r.plan === undefined) return p;
      renderPlanJson(r.plan);
      renderPlanText(r.plan);
      renderPlanMarkdown(r.plan);
      return undefined;
    }
    case "validateScheme": {
      const r = validateScheme(plant(random, BASES.scheme, value));
      return findingsProblem(r.errors, r.scheme !== undefined) ?? serialises(r.scheme);
    }
    case "parseContactDirectory": {
      const r = parseContactDirectory(plant(random, BASES.contacts, value));
      return r.ok ? serialises(r.directory) : findingsProblem(r.findings, false);
    }
    case "checkActivity":
    case "checkRecord":
    case "checkReport": {
      const base =
        entryPoint === "checkActivity"
          ? BASES.activity
          : entryPoint === "checkRecord"
            ? BASES.record
            : BASES.report;
      const check =
        entryPoint === "checkActivity"
          ? checkActivity
          : entryPoint === "checkRecord"
            ? checkRecord
            : checkReport;
      const c = check(plant(random, base, value), ctx, 1);
      ctx.activities.delete("act-new");
      return findingsProblem(c.findings, c.value !== undefined) ?? serialises(c.value);
    }
    case "parseNdjsonLine": {
      const line = random.chance(0.3) ? (value as string) : textNear(random, JSON.stringify(BASES.record));
      const parsed = parseNdjsonLine(line, 1, "records");
      if (parsed === undefined) return undefined;
      if (!parsed.ok) return findingsProblem([parsed.finding], false);
      const c = checkRecord(parsed.value, ctx, 1);
      return findingsProblem(c.findings, c.value !== undefined);
    }
    case "toPlainData": {
      const r = toPlainData(value);
      return findingsProblem(r.findings, true) ?? (r.findings.length === 0 ? serialises(r.value) : undefined);
    }
    default:
      return `not a synchronous entry point: ${entryPoint}`;
  }
}

/** Lines for an ingest: valid ones, then the hostile one (a value, or text near a valid line). */
function ingestLines(random: Random, value: unknown, n: number): unknown[] {
  const lines: unknown[] = [];
  for (let i = 0; i < 3; i++) lines.push(JSON.stringify(contractRecord(`r-${n}-${i}`, "u_1")));
  lines.push(
    random.chance(0.5) ? value : textNear(random, JSON.stringify(contractRecord(`r-${n}-x`, "u_1"))),
  );
  return lines;
}

const tagOf = (e: unknown) =>
  typeof e === "object" && e !== null && typeof (e as { _tag?: unknown })._tag === "string"
    ? (e as { _tag: string })._tag
    : undefined;

/**
 * Runs `inputs` hostile inputs through the entry points (each input to one of them, in turn) and
 * reports how many were tried, how many threw and which. Deterministic for a seed.
 */
export async function fuzzEntryPoints(options: FuzzOptions = {}): Promise<FuzzReport> {
  const seed = options.seed ?? 1;
  const inputs = options.inputs ?? 2_000;
  const random = new Random(seed);
  const byEntryPoint = Object.fromEntries(FUZZ_ENTRY_POINTS.map((e) => [e, 0])) as Record<
    FuzzEntryPoint,
    number
  >;
  const failures: FuzzFailure[] = [];
  let threw = 0;
  let malformed = 0;
  const ctx = trackingContext();
  const cchc = await createCchc({ storage: MemoryStorage.layer() });
  await cchc.plans.save("fuzz", PLAN);
  for (const a of ACTIVITIES) await cchc.activities.save("fuzz", PLAN.id, a);
  const storage = MemoryStorage.layer();

  const fail = (entryPoint: FuzzEntryPoint, input: number, recipe: string, problem: string) => {
    if (failures.length < 20) failures.push({ entryPoint, input, recipe, problem });
  };

  try {
    for (let i = 0; i < inputs; i++) {
      const entryPoint = FUZZ_ENTRY_POINTS[i % FUZZ_ENTRY_POINTS.length] as FuzzEntryPoint;
      byEntryPoint[entryPoint]++;
      const hostile = hostileValue(random);
      if (entryPoint === "records.ingest" || entryPoint === "ingestRecords") {
        const lines = ingestLines(random, hostile.value, i) as string[];
        const outcome =
          entryPoint === "records.ingest"
            ? cchc.records.ingest("fuzz", PLAN.id, lines, { existing: "skip" })
            : Effect.runPromise(
                Effect.gen(function* () {
                  const store = yield* Storage;
                  yield* store.savePlan("fuzz", PLAN, null).pipe(Effect.ignore);
                  for (const a of ACTIVITIES)
                    yield* store.saveActivity("fuzz", PLAN.id, a, null).pipe(Effect.ignore);
                  return yield* ingestRecords("fuzz", PLAN.id, lines, { existing: "skip" });
                }).pipe(Effect.provide(storage)),
              );
        const tag = await outcome.then(
          () => "ok",
          (e: unknown) => tagOf(e) ?? `threw ${e instanceof Error ? e.message : "?"}`,
        );
        if (tag !== "ok" && tag !== "IngestFailed") {
          threw++;
          fail(entryPoint, i, hostile.recipe, `rejected with ${tag}`);
        }
      } else {
        try {
          const problem = callSync(entryPoint, random, hostile.value, ctx);
          if (problem !== undefined) {
            malformed++;
            fail(entryPoint, i, hostile.recipe, problem);
          }
        } catch (e) {
          threw++;
          fail(
            entryPoint,
            i,
            hostile.recipe,
            `threw ${e instanceof Error ? `${e.name}: ${e.message}` : "?"}`,
          );
        }
      }
      if ((i + 1) % 10_000 === 0) options.onProgress?.(i + 1);
    }
  } finally {
    await cchc.close();
  }
  return { seed, tried: inputs, threw, malformed, byEntryPoint, failures };
}
