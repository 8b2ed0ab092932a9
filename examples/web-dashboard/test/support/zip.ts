/**
 * Reads one entry of a ZIP archive (a .docx or .xlsx is one), so a test can look inside an
 * exported file with nothing but node:zlib: the central directory gives each entry's offset,
 * method (0 stored, 8 deflated) and size.
 */
import { inflateRawSync } from "node:zlib";

/** The names of the archive's entries. */
export function zipEntries(zip: Buffer): string[] {
  return [...centralDirectory(zip)].map((e) => e.name);
}

/** The bytes of the entry named `name`, or undefined when the archive has none. */
export function readZipEntry(zip: Buffer, name: string): Buffer | undefined {
  for (const e of centralDirectory(zip)) {
    if (e.name !== name) continue;
    if (zip.readUInt32LE(e.offset) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const nameLength = zip.readUInt16LE(e.offset + 26);
    const extraLength = zip.readUInt16LE(e.offset + 28);
    const start = e.offset + 30 + nameLength + extraLength;
    const data = zip.subarray(start, start + e.compressedSize);
    if (e.method === 0) return Buffer.from(data);
    if (e.method === 8) return inflateRawSync(data);
    throw new Error(`unsupported compression method ${e.method} for ${name}`);
  }
  return undefined;
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly offset: number;
}

function* centralDirectory(zip: Buffer): Generator<Entry> {
  // The end-of-central-directory record sits in the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd === -1) throw new Error("not a ZIP archive (no end of central directory)");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const offset = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLength).toString("utf8");
    yield { name, method, compressedSize, offset };
    p += 46 + nameLength + extraLength + commentLength;
  }
}
