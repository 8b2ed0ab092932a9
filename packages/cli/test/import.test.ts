/**
 * `cchc import`, run as the BUILT bin (dist/main.js) in a child process, the way people and scripts
 * run it. The root `pnpm test` builds before vitest runs; without a build this file fails.
 */
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderPlanJson, samplePlan } from "@cchc/core";
import { Zip, ZipDeflate } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, type BinResult, requireBin } from "./bin.js";
import { expectOneLineError } from "./helpers.js";

const here = dirname(fileURLToPath(import.meta.url));

/** A .docx whose document.xml inflates to `megabytes` MB of spaces (about 1 KB of zip per MB). */
function zipBomb(megabytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    parts.push(data);
  });
  const doc = new ZipDeflate("word/document.xml", { level: 9 });
  zip.add(doc);
  const block = new Uint8Array(1 << 20).fill(0x20);
  for (let i = 0; i < megabytes; i++) doc.push(block, i === megabytes - 1);
  zip.end();
  return Buffer.concat(parts);
}
const FIXTURES = join(here, "fixtures");
const SEED = "ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.txt";
const SEED_DOCX = "ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.docx";

let dir: string;

function cchc(...args: string[]): BinResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The seed's plan as the CLI imports it: no id option, so the id is derived. */
const seedPlan = () => ({ ...samplePlan("mic-2018"), id: "btttt-2018" });

beforeAll(async () => {
  requireBin();
  dir = await mkdtemp(join(tmpdir(), "cchc-import-"));
  for (const f of [SEED, SEED_DOCX, "cut-off-after-section-1.txt", "ministry-decision-bnn-2021.txt"])
    await copyFile(join(FIXTURES, f), join(dir, f));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("cchc import (built bin)", { timeout: 60_000 }, () => {
  it("prints the header, counts per part, findings and leftovers of the seed; exit 0", () => {
    const r = cchc("import", SEED);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const out = r.stdout;
    expect(out).toMatch(/^Nhập kế hoạch \/ Imported plan: ke-hoach/);
    expect(out).toMatch(/Cơ quan ban hành \/ Issuer:\s+Bộ Thông tin và Truyền thông \(BTTTT\)/);
    expect(out).toMatch(/Năm \/ Year:\s+2018/);
    expect(out).toMatch(/Nội dung \/ content areas\s+12/);
    expect(out).toMatch(/Đơn vị \/ units\s+9/);
    expect(out).toMatch(/Kỳ báo cáo \/ reporting periods\s+3 {2}\(quarter, half-year, year\)/);
    expect(out).toContain("0 lỗi, 4 cảnh báo / 0 errors, 4 warnings");
    expect(out.trimEnd().split("\n").at(-1)).toBe("Dòng chưa xếp / Leftovers: 0");
  });

  it("--json prints one object with stable keys, the plan equal to the sample", () => {
    const r = cchc("import", SEED, "--json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["ok", "plan", "draft", "findings", "leftovers", "header", "counts"]);
    expect(doc.ok).toBe(true);
    expect(doc.plan).toEqual(JSON.parse(renderPlanJson(seedPlan())));
    expect(doc.leftovers).toEqual([]);
    expect(doc.findings[0]).toEqual({
      code: "header-number-missing",
      severity: "warning",
      path: ["number"],
      message: { vi: "Kế hoạch chưa có số, ký hiệu.", en: "The plan has no number/symbol." },
      line: null,
    });
    expect(doc.header).toMatchObject({
      documentType: "KH",
      issuer: "Bộ Thông tin và Truyền thông",
      year: 2018,
    });
    expect(doc.counts.responsibilities).toBe(4);
  });

  it("a .docx imports to the same plan", () => {
    const r = cchc("import", SEED_DOCX, "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).plan).toEqual(JSON.parse(renderPlanJson(seedPlan())));
  });

  it("--out writes the canonical plan JSON, which cchc validate accepts", async () => {
    const r = cchc("import", SEED_DOCX, "--out", "plan.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Leftovers: 0");
    const written = await readFile(join(dir, "plan.json"), "utf8");
    expect(written).toBe(renderPlanJson(seedPlan()));
    const v = cchc("validate", "plan.json");
    expect(v.code).toBe(0);
  });

  it("a document cut off part-way: exit 1, the partial plan still written", async () => {
    const r = cchc("import", "cut-off-after-section-1.txt", "--out", "partial.json", "--json");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout);
    expect(doc.ok).toBe(false);
    expect(doc.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(["import.truncated", "lead-unit-missing"]),
    );
    expect(doc.findings.find((f: { code: string }) => f.code === "import.truncated").line).toBe(16);
    const partial = JSON.parse(await readFile(join(dir, "partial.json"), "utf8"));
    expect(partial.objectives).toHaveLength(2);
  });

  it("a decision-wrapped plan shows the decision in the summary", () => {
    const r = cchc("import", "ministry-decision-bnn-2021.txt");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Ban hành kèm quyết định \/ Issued with decision:\s+456\/QĐ-BNN-TCCB, 2021-02-05/,
    );
    expect(r.stdout).toMatch(/Người ký \/ Signer:\s+KT. BỘ TRƯỞNG \/ THỨ TRƯỞNG \/ Lê Quốc Doanh/);
  });

  it("a draft without title or issuer is written as a draft, with a warning; exit 1", async () => {
    await writeFile(join(dir, "no-title.txt"), "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao nhận thức.\n");
    const r = cchc("import", "no-title.txt", "--out", "draft.json");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^cchc: cảnh báo: bản nháp .* \/ warning: the draft lacks required plan fields/);
    expect(r.stdout).toContain("import.title-missing");
    const draft = JSON.parse(await readFile(join(dir, "draft.json"), "utf8"));
    expect(draft.objectives).toEqual([{ id: "I.1", text: "Nâng cao nhận thức." }]);
  });

  it("lists leftovers with their line numbers and reasons", async () => {
    await writeFile(
      join(dir, "with-appendix.txt"),
      `${await readFile(join(dir, SEED), "utf8")}\nPHỤ LỤC\nBảng phân công\n`,
    );
    const r = cchc("import", "with-appendix.txt");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Dòng chưa xếp / Leftovers: 2");
    expect(r.stdout).toMatch(/dòng\/line 55: "PHỤ LỤC" — Phụ lục chưa được nhập .* \/ Appendix not imported/);
  });
});

describe("cchc import: a document with too many findings", { timeout: 120_000 }, () => {
  const HEAD =
    "BỘ THÔNG TIN VÀ TRUYỀN THÔNG\nKẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2018\nII. NỘI DUNG\n";
  const N = 100_000; // 400 KB of "- a" lines, each a content area of unknown kind

  it("--json lists 1,000 findings and one summary finding; the counts are exact", async () => {
    await writeFile(join(dir, "many.txt"), HEAD + "- a\n".repeat(N));
    const r = cchc("import", "many.txt", "--json");
    expect(r.code, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout) as {
      findings: Array<{ code: string; message: { en: string } }>;
      counts: { contentAreas: number; findings: number; errors: number; warnings: number };
    };
    expect(doc.counts.contentAreas).toBe(N);
    expect(doc.counts.findings).toBeGreaterThanOrEqual(N);
    expect(doc.counts.findings).toBe(doc.counts.errors + doc.counts.warnings);
    expect(doc.findings).toHaveLength(1001);
    expect(doc.findings.at(-1)?.code).toBe("import.findings-truncated");
    expect(doc.findings.at(-1)?.message.en).toContain(
      `${(doc.counts.findings - 1000).toLocaleString("en")} more findings not shown`,
    );
    // the human summary lists the same 1,001 and counts them all
    const human = cchc("import", "many.txt");
    expect(human.code).toBe(1);
    const listed = human.stdout.split("\n").filter((l) => /^ {2}(Lỗi|Cảnh báo) \//.test(l));
    expect(listed).toHaveLength(1001);
    expect(human.stdout).toContain(`${doc.counts.errors} lỗi, ${doc.counts.warnings} cảnh báo`);
  });
});

describe("cchc import: unusable input is exit 2 with one line", { timeout: 60_000 }, () => {
  it("a missing file and a directory", async () => {
    expect(expectOneLineError(cchc("import", "nope.txt"))).toBe(
      "cchc: không đọc được tệp nope.txt: không tìm thấy tệp / cannot read nope.txt: file not found",
    );
    await mkdir(join(dir, "folder.docx"), { recursive: true });
    expect(expectOneLineError(cchc("import", "folder.docx"))).toMatch(/thư mục/);
  });

  it("an empty file, a binary file, an old .doc", async () => {
    await writeFile(join(dir, "empty.txt"), "");
    expect(expectOneLineError(cchc("import", "empty.txt"))).toMatch(/Tệp rỗng/);
    await writeFile(join(dir, "random.bin"), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]));
    expectOneLineError(cchc("import", "random.bin"));
    await writeFile(
      join(dir, "old.doc"),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    expect(expectOneLineError(cchc("import", "old.doc"))).toMatch(/Word 97-2003/);
  });

  it("a .docx that is not one (text inside, or a zip of something else)", async () => {
    await writeFile(join(dir, "fake.docx"), "KẾ HOẠCH\n");
    expect(expectOneLineError(cchc("import", "fake.docx"))).toMatch(/không phải \.docx/);
    const docx = await readFile(join(dir, SEED_DOCX));
    await writeFile(join(dir, "broken.docx"), docx.subarray(0, 3000));
    expect(expectOneLineError(cchc("import", "broken.docx"))).toMatch(/Không đọc được tệp \.docx/);
  });

  it("a file over 10 MB", async () => {
    await writeFile(join(dir, "huge.txt"), Buffer.alloc(10 * 1024 * 1024 + 10, 0x61));
    expect(expectOneLineError(cchc("import", "huge.txt"))).toBe(
      "cchc: không đọc được tệp huge.txt: tệp vượt giới hạn 10 MB / cannot read huge.txt: file exceeds the 10 MB limit",
    );
  });

  it("/dev/zero: exit 2 naming the limit, in bounded memory (256 MB of heap)", () => {
    const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, "import", "/dev/zero"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    expect(expectOneLineError({ code: r.status, stdout: r.stdout, stderr: r.stderr })).toBe(
      "cchc: không đọc được tệp /dev/zero: tệp vượt giới hạn 10 MB / cannot read /dev/zero: file exceeds the 10 MB limit",
    );
  });

  it("a .docx zip bomb (under 400 KB, 80 MB inflated) is refused before it is inflated", async () => {
    await writeFile(join(dir, "bomb.docx"), zipBomb(80));
    const r = spawnSync(process.execPath, ["--max-old-space-size=256", BIN, "import", "bomb.docx"], {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.error).toBeUndefined();
    const line = expectOneLineError({ code: r.status, stdout: r.stdout, stderr: r.stderr });
    expect(line).toContain("giải nén vượt giới hạn 64 MB");
    expect(line).toContain("exceeds the 64 MB limit once decompressed");
  });

  it("text with no plan in it", async () => {
    await writeFile(join(dir, "letter.txt"), "Kính gửi anh chị,\nHẹn gặp lại vào tuần sau.\n");
    expect(expectOneLineError(cchc("import", "letter.txt"))).toMatch(/Không nhận ra kế hoạch/);
  });

  it("bad arguments: none, two files, unknown option, empty --out, --out over the input", () => {
    expectOneLineError(cchc("import"));
    expectOneLineError(cchc("import", SEED, SEED_DOCX));
    expectOneLineError(cchc("import", SEED, "--pdf"));
    expectOneLineError(cchc("import", SEED, "--out="));
    expect(expectOneLineError(cchc("import", SEED, "--out", SEED))).toMatch(/trùng tệp đầu vào/);
  });

  it("--help documents the flags, the JSON keys and the exit codes", () => {
    const r = cchc("import", "--help");
    expect(r.code).toBe(0);
    for (const word of [
      "--json",
      "--out",
      '"leftovers"',
      '"header"',
      '"counts"',
      "Mã thoát / Exit codes",
      "10 MB",
    ])
      expect(r.stdout).toContain(word);
  });
});

describe("cchc import of a PDF (issue 16)", () => {
  /** A PDF with one blank page and no text: what a scan without a text layer gives the reader. */
  function noTextPdf(): string {
    const objs = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
      "<< /Length 0 >>\nstream\n\nendstream",
    ];
    let out = "%PDF-1.4\n";
    const offsets: number[] = [];
    objs.forEach((o, i) => {
      offsets.push(out.length);
      out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    });
    const xref = out.length;
    out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
    for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
    out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    return out;
  }

  it("a PDF with no text layer: a clear bilingual message, exit 2", async () => {
    await writeFile(join(dir, "scan.pdf"), noTextPdf(), "latin1");
    const r = cchc("import", "scan.pdf");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/không có lớp chữ/);
    expect(r.stderr).toMatch(/no text layer/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it("a broken PDF and a PDF over --max-pages: exit 2, bilingual", async () => {
    await writeFile(join(dir, "broken.pdf"), "%PDF-1.7\n1 0 obj << /Type", "latin1");
    const broken = cchc("import", "broken.pdf");
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/PDF bị hỏng|damaged/);
    // only the CLI's own line: PDF.js's warnings stay off the console
    expect(broken.stderr).not.toMatch(/Warning/);
    expect(broken.stdout).toBe("");
    await writeFile(
      join(dir, "two.pdf"),
      noTextPdf().replace("/Kids [3 0 R] /Count 1", "/Kids [3 0 R 3 0 R] /Count 2"),
      "latin1",
    );
    const pages = cchc("import", "two.pdf", "--max-pages", "1");
    expect(pages.code).toBe(2);
    expect(pages.stderr).toMatch(/quá giới hạn 1 trang/);
    expect(pages.stderr).toMatch(/over the limit of 1/);
    expect(cchc("import", "two.pdf", "--max-pages", "0").code).toBe(2);
  }, 60_000);
});
