/**
 * JSON written in pieces: the same text as `JSON.stringify(value, null, 2)`, handed out in chunks of
 * about 64 KiB, so a large document (the draft of a 10 MB plan, thousands of leftovers) never has to
 * be one string. V8 refuses strings over ~512 M characters ("Invalid string length"), and one string
 * of hundreds of megabytes is memory a person's terminal never needed at once.
 */

const CHUNK = 1 << 16;

/** Writes `value` as `JSON.stringify(value, null, 2)` would, through `write`, chunk by chunk. */
export function writeJson(value: unknown, write: (chunk: string) => void): void {
  let buffer = "";
  const out = (s: string) => {
    buffer += s;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = "";
    }
  };
  const seen = new Set<object>();
  const resolve = (v: unknown, key: string): unknown =>
    v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function"
      ? (v as { toJSON: (k: string) => unknown }).toJSON(key)
      : v;
  const visit = (v: unknown, indent: string, key: string): boolean => {
    const x = resolve(v, key);
    if (x === null || typeof x !== "object") {
      const text = JSON.stringify(x);
      if (text === undefined) return false;
      out(text);
      return true;
    }
    if (seen.has(x)) throw new TypeError("Converting circular structure to JSON");
    seen.add(x);
    const inner = `${indent}  `;
    if (Array.isArray(x)) {
      if (x.length === 0) out("[]");
      else {
        out("[");
        for (let i = 0; i < x.length; i++) {
          out(i === 0 ? `\n${inner}` : `,\n${inner}`);
          if (!visit(x[i], inner, String(i))) out("null");
        }
        out(`\n${indent}]`);
      }
    } else {
      let first = true;
      for (const k of Object.keys(x)) {
        const item = resolve((x as Record<string, unknown>)[k], k);
        if (item === undefined || typeof item === "function" || typeof item === "symbol") continue;
        out(first ? `{\n${inner}` : `,\n${inner}`);
        first = false;
        out(`${JSON.stringify(k)}: `);
        visit(item, inner, k);
      }
      out(first ? "{}" : `\n${indent}}`);
    }
    seen.delete(x);
    return true;
  };
  visit(value, "", "");
  if (buffer !== "") write(buffer);
}

/** Collects `writeJson`'s chunks into one string (small documents, tests). */
export function jsonText(value: unknown): string {
  const parts: string[] = [];
  writeJson(value, (c) => parts.push(c));
  return parts.join("");
}
