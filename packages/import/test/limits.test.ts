/**
 * Hostile inputs under the size limit stay bounded: findings are capped with one summary finding
 * that keeps the counts exact, and a .docx that inflates past its limit (a zip bomb, with honest or
 * lying sizes) is refused before mammoth inflates it.
 */
import { Zip, ZipDeflate } from "fflate";
import { describe, expect, it } from "vitest";
import { importPlanDocx, MAX_DOCX_UNCOMPRESSED_BYTES } from "../src/docx.js";
import { importPlanBytes, importPlanText, MAX_LISTED_FINDINGS } from "../src/index.js";

const HEAD =
  "BỘ THÔNG TIN VÀ TRUYỀN THÔNG\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2018\nII. NỘI DUNG\n";

/** A .docx whose document.xml inflates to `megabytes` MB of spaces (about 1 KB of zip per MB). */
function zipBomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  const types = new ZipDeflate("[Content_Types].xml", { level: 9 });
  zip.add(types);
  types.push(new TextEncoder().encode('<?xml version="1.0"?><Types/>'), true);
  const doc = new ZipDeflate("word/document.xml", { level: 9 });
  zip.add(doc);
  const block = new Uint8Array(1 << 20).fill(0x20);
  for (let i = 0; i < megabytes; i++) doc.push(block, i === megabytes - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The same zip with every central-directory entry declaring `size` inflated bytes (a lie). */
function lyingSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

describe("findings are capped, counts stay exact", () => {
  it('9.8 MB of "- a" lines: 1,000 findings listed, one summary finding, every finding counted', {
    timeout: 300_000,
  }, () => {
    const n = Math.floor((9.8 * 1024 * 1024 - HEAD.length) / 4);
    const r = importPlanText(HEAD + "- a\n".repeat(n));
    expect(r.error).toBeUndefined();
    expect(r.counts.contentAreas).toBe(n);
    // each line is a content area of unknown kind: at least one finding a line
    expect(r.counts.findings).toBeGreaterThanOrEqual(n);
    expect(r.counts.findings).toBe(r.counts.errors + r.counts.warnings);
    expect(r.findings).toHaveLength(MAX_LISTED_FINDINGS + 1);
    const summary = r.findings.at(-1);
    expect(summary?.code).toBe("import.findings-truncated");
    const hidden = r.counts.findings - MAX_LISTED_FINDINGS;
    expect(summary?.message.vi).toContain(`Còn ${hidden.toLocaleString("en")} phát hiện khác không liệt kê`);
    expect(summary?.message.en).toContain(`${hidden.toLocaleString("en")} more findings not shown`);
    expect(summary?.message.en).toContain("import.content-kind-unknown ×");
    // the errors come first: the one error of the plan (no lead unit) is listed
    expect(r.findings.filter((f) => f.severity === "error").length).toBe(Math.min(r.counts.errors, 1000));
  });

  it("maxFindings lists errors first, and the summary counts the rest by code", () => {
    const r = importPlanText(`${HEAD}- a\n- b\n- c\n`, { maxFindings: 2 });
    expect(r.findings).toHaveLength(3);
    const [first, second, summary] = r.findings;
    expect(first?.severity).toBe("error");
    expect(second?.severity).toBe(r.counts.errors > 1 ? "error" : "warning");
    expect(summary?.code).toBe("import.findings-truncated");
    expect(summary?.message.en).toContain(`${r.counts.findings - 2} more findings not shown`);
    // most frequent first; the three "- x" lines are three content areas of unknown kind
    expect(summary?.message.en).toMatch(/By code: [a-z.-]+ ×\d/);
    expect(summary?.message.en).toContain("import.content-kind-unknown ×3");
    // under the cap nothing changes: no summary finding
    const small = importPlanText(`${HEAD}- a\n`);
    expect(small.findings.some((f) => f.code === "import.findings-truncated")).toBe(false);
    expect(small.findings).toHaveLength(small.counts.findings);
  });

  it("a paragraph wrapped over 200,000 lines is joined once, every line kept in it", () => {
    // each lower-case line continues the item before it; testing the end of a string grown line by
    // line copied it whole on every line (hours for this document)
    const n = 200_000;
    const r = importPlanText(
      `BỘ THÔNG TIN VÀ TRUYỀN THÔNG\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2018\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục tiêu\na) Nâng cao nhận thức\n${"của cán bộ\n".repeat(n)}`,
    );
    expect(r.counts.objectives).toBe(1);
    const text = r.draft.objectives?.[0]?.text ?? "";
    expect(text.length).toBe("Nâng cao nhận thức".length + n * " của cán bộ".length);
    expect(text.startsWith("Nâng cao nhận thức của cán bộ của cán bộ")).toBe(true);
  });

  it("bytes over the limit are refused by the package's own API, before decoding", () => {
    const r = importPlanBytes(new Uint8Array(11 * 1024 * 1024).fill(0x61));
    expect(r.error?.code).toBe("import.input-too-large");
    expect(r.error?.message.vi).toContain("giới hạn 10 MB");
  });
});

describe("a .docx zip bomb is refused before it is inflated", () => {
  it("declared sizes over the limit: refused with the limit named", async () => {
    const bomb = zipBomb(80);
    expect(bomb.length).toBeLessThan(400 * 1024);
    const r = await importPlanDocx(bomb);
    expect(r.error?.code).toBe("import.input-too-large");
    expect(r.error?.message.vi).toContain(`giới hạn ${MAX_DOCX_UNCOMPRESSED_BYTES / 1024 / 1024} MB`);
    expect(r.error?.message.vi).toContain("theo kích thước khai báo");
    expect(r.error?.message.en).toContain("exceeds the 64 MB limit once decompressed");
  });

  it("sizes that lie: the bytes really inflated are counted, and it stops at the limit", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const r = await importPlanDocx(lyingSizes(zipBomb(80), 1000));
    expect(r.error?.code).toBe("import.input-too-large");
    expect(r.error?.message.vi).toContain("khi giải nén thật");
    expect(r.error?.message.en).toContain("when actually inflated");
    // nothing near the 80 MB it would inflate to is held
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(40 * 1024 * 1024);
  });

  it("a smaller limit is the caller's to set", async () => {
    const r = await importPlanDocx(zipBomb(3), { maxUncompressedBytes: 2 * 1024 * 1024 });
    expect(r.error?.message.en).toContain("exceeds the 2 MB limit once decompressed");
  });
});
