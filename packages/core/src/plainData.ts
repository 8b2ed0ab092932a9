/**
 * The guard between untrusted input and the schemas: any value becomes plain JSON-like data (a
 * fresh copy) or findings that say where it is not data. Validators promise never to throw, and a
 * value built to break them (a Proxy whose traps throw, a getter, a cycle, a `length` that cannot
 * be compared, nesting thousands deep) is answered here, before zod or a renderer sees it.
 *
 * The copy holds own enumerable data properties only: no getter, `toJSON`, `toString` or
 * `valueOf` of the input is ever called, and every reflective read that a Proxy could trap is
 * guarded. Objects and arrays of the copy compare and print without calling anything of the input
 * (a hidden `Symbol.toPrimitive`), so a check that reads `.length` of a wrong-typed value, as
 * zod's length checks do, gets NaN instead of a TypeError.
 */
import type { Finding, FindingPath } from "./finding.js";
import { formatPath } from "./finding.js";

/**
 * How deep input may nest: a value at a path of more than this many keys is refused. JSON
 * serialisers and parsers recurse, so deeper data would overflow the stack later (rendering,
 * storing); no plan, record or scheme needs more than a dozen levels.
 */
export const MAX_INPUT_DEPTH = 100;

/** How many values (objects, arrays and scalars) one input may hold: a bound on the copy's memory. */
export const MAX_INPUT_VALUES = 1_000_000;

/** Findings reported per input before the walk stops (one broken value is often repeated). */
const MAX_FINDINGS = 50;

/** The copy of the input when it is plain data, and the findings where it is not. */
export interface PlainData {
  /** The copy; meaningful only when `findings` is empty. */
  readonly value: unknown;
  readonly findings: readonly Finding[];
}

/** Lets a copied object or array be compared and printed without running anything of the input. */
function toPrimitive(this: unknown, hint: string): number | string {
  return hint === "number" ? Number.NaN : Array.isArray(this) ? "[array]" : "[object Object]";
}
const HIDDEN = { value: toPrimitive, enumerable: false, writable: false, configurable: true } as const;

type Problem =
  | "not-data"
  | "accessor"
  | "class"
  | "sparse"
  | "unreadable"
  | "cycle"
  | "too-deep"
  | "too-large";

const CODES: Record<Problem, string> = {
  "not-data": "shape.not-data",
  accessor: "shape.not-data",
  class: "shape.not-data",
  sparse: "shape.not-data",
  unreadable: "shape.unreadable",
  cycle: "shape.cycle",
  "too-deep": "shape.too-deep",
  "too-large": "shape.too-large",
};

type Text = { vi: string; en: string };

/** The message of each problem, Vietnamese first; `w` is the path as people write it. */
const TEXT: Record<Problem, (w: string, what: string) => Text> = {
  "not-data": (w, what) => ({
    vi: `${w}: giá trị kiểu ${what} không phải dữ liệu JSON (chỉ nhận đối tượng, danh sách, chuỗi, số, true/false, null).`,
    en: `${w}: a ${what} is not JSON data (only objects, arrays, strings, numbers, booleans and null).`,
  }),
  accessor: (w) => ({
    vi: `${w}: thuộc tính được tính bằng hàm (getter/setter), không phải dữ liệu; không đọc nó.`,
    en: `${w}: a property computed by a getter/setter is not data; it was not read.`,
  }),
  class: (w) => ({
    vi: `${w}: đối tượng của một lớp (Date, Map, …) không phải dữ liệu JSON; hãy chuyển thành đối tượng thường hoặc chuỗi.`,
    en: `${w}: an object of a class (Date, Map, …) is not JSON data; convert it to a plain object or a string.`,
  }),
  sparse: (w) => ({
    vi: `${w}: danh sách có chỗ trống (phần tử bị thiếu) không phải dữ liệu JSON.`,
    en: `${w}: an array with holes (missing items) is not JSON data.`,
  }),
  unreadable: (w) => ({
    vi: `${w}: không đọc được giá trị (việc đọc nó gây lỗi, ví dụ một Proxy).`,
    en: `${w}: the value cannot be read (reading it raised an error, e.g. a Proxy).`,
  }),
  cycle: (w) => ({
    vi: `${w}: giá trị chứa chính nó (vòng lặp tham chiếu), không biểu diễn được bằng JSON.`,
    en: `${w}: the value contains itself (a reference cycle), which JSON cannot represent.`,
  }),
  "too-deep": (w) => ({
    vi: `${w}: dữ liệu lồng nhau quá ${MAX_INPUT_DEPTH} cấp.`,
    en: `${w}: data nested more than ${MAX_INPUT_DEPTH} levels deep.`,
  }),
  "too-large": (w) => ({
    vi: `${w}: dữ liệu có quá ${MAX_INPUT_VALUES.toLocaleString("vi-VN")} giá trị.`,
    en: `${w}: data with more than ${MAX_INPUT_VALUES.toLocaleString("en-US")} values.`,
  }),
};

function problemFinding(problem: Problem, path: FindingPath, what = ""): Finding {
  return {
    code: CODES[problem],
    severity: "error",
    path: [...path],
    message: TEXT[problem](messagePath(path), what),
  };
}

/** The path as a message names it: a deep one by its first steps, so a line stays readable. */
const messagePath = (path: FindingPath): string =>
  path.length <= 8 ? formatPath(path) : `${formatPath(path.slice(0, 4))}…`;

const isIndex = (key: string) => key === "0" || /^[1-9]\d*$/.test(key);

/**
 * Copies any value into plain data, or says where it is not data. Never throws, never calls the
 * input's own code, and stops at `MAX_INPUT_DEPTH` levels and `MAX_INPUT_VALUES` values.
 */
export function toPlainData(input: unknown): PlainData {
  const findings: Finding[] = [];
  const ancestors = new Set<object>();
  let values = 0;
  let stopped = false;
  const report = (problem: Problem, path: FindingPath, what?: string) => {
    findings.push(problemFinding(problem, path, what));
    if (findings.length >= MAX_FINDINGS) stopped = true;
  };

  const copy = (value: unknown, path: (string | number)[]): unknown => {
    if (stopped) return undefined;
    if (++values > MAX_INPUT_VALUES) {
      report("too-large", path);
      stopped = true;
      return undefined;
    }
    switch (typeof value) {
      case "string":
      case "number":
      case "boolean":
      case "undefined":
        return value;
      case "bigint":
        report("not-data", path, "bigint");
        return undefined;
      case "symbol":
        report("not-data", path, "symbol");
        return undefined;
      case "function":
        report("not-data", path, "function");
        return undefined;
    }
    if (value === null) return null;
    const object = value as object;
    if (ancestors.has(object)) {
      report("cycle", path);
      return undefined;
    }
    if (path.length >= MAX_INPUT_DEPTH) {
      report("too-deep", path);
      return undefined;
    }
    ancestors.add(object);
    try {
      return Array.isArray(object) ? copyArray(object, path) : copyObject(object, path);
    } catch {
      // a Proxy trap (or a revoked Proxy) threw: nothing of it is read further
      report("unreadable", path);
      return undefined;
    } finally {
      ancestors.delete(object);
    }
  };

  const copyArray = (array: readonly unknown[], path: (string | number)[]): unknown[] => {
    const lengthDescriptor = Reflect.getOwnPropertyDescriptor(array, "length");
    const length = lengthDescriptor?.value;
    if (typeof length !== "number" || length > MAX_INPUT_VALUES - values) {
      report(typeof length === "number" ? "too-large" : "unreadable", path);
      stopped = typeof length === "number";
      return [];
    }
    let present = 0;
    for (const key of Reflect.ownKeys(array)) if (typeof key === "string" && isIndex(key)) present++;
    if (present !== length) {
      report("sparse", path);
      return [];
    }
    const out: unknown[] = new Array(length);
    for (let i = 0; i < length && !stopped; i++) {
      const d = Reflect.getOwnPropertyDescriptor(array, i);
      if (d === undefined) out[i] = undefined;
      else if (d.get !== undefined || d.set !== undefined || !("value" in d))
        report("accessor", [...path, i]);
      else out[i] = copy(d.value, [...path, i]);
    }
    Object.defineProperty(out, Symbol.toPrimitive, HIDDEN);
    return out;
  };

  const copyObject = (object: object, path: (string | number)[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    Object.defineProperty(out, Symbol.toPrimitive, HIDDEN);
    const proto: unknown = Reflect.getPrototypeOf(object);
    // plain objects: Object.prototype (of any realm) or no prototype at all
    if (proto !== null && Reflect.getPrototypeOf(proto as object) !== null) {
      report("class", path);
      return out;
    }
    for (const key of Reflect.ownKeys(object)) {
      if (stopped) break;
      if (typeof key !== "string") continue;
      const d = Reflect.getOwnPropertyDescriptor(object, key);
      if (d === undefined || d.enumerable !== true) continue;
      if (d.get !== undefined || d.set !== undefined || !("value" in d)) {
        report("accessor", [...path, key]);
        continue;
      }
      const v = copy(d.value, [...path, key]);
      if (key === "__proto__")
        Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
    }
    return out;
  };

  const value = copy(input, []);
  return { value, findings };
}
