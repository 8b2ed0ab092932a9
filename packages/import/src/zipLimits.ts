/**
 * A .docx is a zip: 400 KB of it can inflate to gigabytes (a "zip bomb"), and mammoth (through
 * jszip) inflates every part it reads whole. Before mammoth sees the file, its central directory
 * is read here: the sizes the entries declare must fit the limit, and then each entry is inflated
 * in small steps, counting the bytes that actually come out (a declared size can lie), stopping
 * as soon as the total passes the limit. Memory stays at one step's output (about 1 MB). Uses
 * fflate, which runs in browsers too, like the rest of the importer.
 */
import { Inflate } from "fflate";

/** The most a .docx may inflate to, all its parts together, by default: 64 MB. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024;

/** Why a zip is refused: not a zip we can read, or over the limit (declared or actual). */
export type ZipRefusal =
  | { readonly kind: "invalid"; readonly why: string }
  | { readonly kind: "too-large"; readonly declared: boolean; readonly bytes: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes pushed per step: deflate inflates at most ~1032×, so a step yields ≤ ~1 MB. */
const STEP = 1024;

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly declared: number;
  readonly localOffset: number;
}

/** The entries of the central directory, found from the end-of-central-directory record. */
function centralDirectory(bytes: Uint8Array): Entry[] | ZipRefusal {
  const invalid = (why: string): ZipRefusal => ({ kind: "invalid", why });
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return invalid("no end of central directory");
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff || size === 0xffffffff) return invalid("ZIP64 archive");
  if (offset + size > bytes.length) return invalid("central directory out of bounds");
  const entries: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return invalid("damaged central directory");
    const nameLength = u16(bytes, at + 28);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({
      name,
      method: u16(bytes, at + 10),
      compressed: u32(bytes, at + 20),
      declared: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

class OverLimit extends Error {}

/**
 * Checks a zip against `maxBytes` of inflated content: first the sizes its entries declare, then
 * the bytes they really inflate to. `undefined` when it fits.
 */
export function checkZipLimits(bytes: Uint8Array, maxBytes: number): ZipRefusal | undefined {
  const entries = centralDirectory(bytes);
  if (!Array.isArray(entries)) return entries;
  let declared = 0;
  for (const e of entries) declared += e.declared;
  if (declared > maxBytes) return { kind: "too-large", declared: true, bytes: declared };
  let total = 0;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL)
      return { kind: "invalid", why: `damaged entry ${e.name}` };
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressed));
    if (e.method === 0) {
      total += data.length;
      if (total > maxBytes) return { kind: "too-large", declared: false, bytes: total };
      continue;
    }
    // Other methods jszip cannot read either: mammoth will say so if it needs the part.
    if (e.method !== 8) continue;
    const inflate = new Inflate((chunk) => {
      total += chunk.length;
      if (total > maxBytes) throw new OverLimit();
    });
    try {
      for (let i = 0; i < data.length; i += STEP)
        inflate.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
      if (data.length === 0) inflate.push(data, true);
    } catch (err) {
      if (err instanceof OverLimit) return { kind: "too-large", declared: false, bytes: total };
      return { kind: "invalid", why: `cannot inflate ${e.name}` };
    }
  }
  return undefined;
}
