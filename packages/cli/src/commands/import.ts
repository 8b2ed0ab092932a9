/**
 * `cchc import <file.txt|file.docx|file.pdf> [--json] [--out plan.json] [--max-pages n]`: an issued plan document in, what it
 * holds out: the header and the parts found, the findings, and every line left over with its number.
 * Exit 0 when the plan imported with no error, 1 when it imported with errors (a partial plan), 2 when
 * the file is unusable (missing, too large, not a document).
 */
import { writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import { formatPath, renderPlanJson } from "@cchc/core";
import { type ImportResult, importPlanBytes, MAX_INPUT_BYTES } from "@cchc/import";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, oneLine, quote } from "../errors.js";
import { findingLine, summaryLine } from "../findings.js";
import { type CliIo, EXIT } from "../io.js";
import { jsonText, writeJson } from "../jsonWriter.js";
import { readInputFile } from "../loadPlanFile.js";

async function readBytes(io: CliIo, shown: string, absolutePath: string): Promise<Uint8Array> {
  const content = await readInputFile(io, shown, absolutePath, MAX_INPUT_BYTES);
  return typeof content === "string" ? new TextEncoder().encode(content) : new Uint8Array(content);
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The `--json` document as `JSON.stringify(…, null, 2)` would print it: these keys, in this order. */
function importJsonValue(result: ImportResult) {
  return {
    ok: result.ok,
    plan: result.plan ?? null,
    draft: result.draft,
    findings: result.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      path: [...f.path],
      message: { vi: f.message.vi, en: f.message.en },
      line: f.line ?? null,
    })),
    leftovers: result.leftovers.map((l) => ({
      line: l.line,
      text: l.text,
      code: l.code,
      reason: l.reason,
    })),
    header: result.header,
    counts: result.counts,
  };
}

/**
 * Writes the `--json` document (keys documented in `cchc import --help`) in chunks: the draft and
 * the leftovers of a 10 MB document do not fit in one string.
 */
export function writeImportJson(result: ImportResult, write: (chunk: string) => void): void {
  writeJson(importJsonValue(result), write);
  write("\n");
}

/** The `--json` document as one string (small results). */
export function importJson(result: ImportResult): string {
  return `${jsonText(importJsonValue(result))}\n`;
}

const dash = (v: string | number | undefined) => (v === undefined || v === "" ? "—" : String(v));

/** The human summary as one string (small results). */
export function importSummary(file: string, r: ImportResult): string {
  const parts: string[] = [];
  writeImportSummary(file, r, (c) => parts.push(c));
  return parts.join("");
}

/** Collects lines and hands them out in chunks of about 64 KiB. */
class ChunkedLines {
  private buffer: string[] = [];
  private size = 0;
  constructor(private readonly write: (chunk: string) => void) {}
  push(...lines: string[]): void {
    for (const l of lines) {
      this.buffer.push(l);
      this.size += l.length + 1;
    }
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.buffer.length > 0) this.write(`${this.buffer.join("\n")}\n`);
    this.buffer = [];
    this.size = 0;
  }
}

/**
 * Writes the human summary (header, counts per part, findings, leftovers) in chunks: the leftovers
 * of a 10 MB document would not fit in one string.
 */
export function writeImportSummary(file: string, r: ImportResult, write: (chunk: string) => void): void {
  const h = r.header;
  const plan = r.plan;
  const lines = new ChunkedLines(write);
  lines.push(`Nhập kế hoạch / Imported plan: ${oneLine(file)}`);
  const row = (vi: string, en: string, value: string) =>
    lines.push(`  ${`${vi} / ${en}:`.padEnd(44)} ${value}`);
  row(
    "Loại văn bản",
    "Document type",
    h.documentTypeText === undefined ? "—" : `${h.documentType} (${h.documentTypeText})`,
  );
  row("Cơ quan chủ quản", "Parent body", dash(h.parentBody));
  row(
    "Cơ quan ban hành",
    "Issuer",
    h.issuer === undefined ? "—" : `${h.issuer}${h.issuerAbbreviation ? ` (${h.issuerAbbreviation})` : ""}`,
  );
  row("Số, ký hiệu", "Number", h.number === undefined ? dash(h.numberAsWritten) : h.number);
  row("Địa danh, ngày", "Place, date", [h.place, h.date].filter((x) => x !== undefined).join(", ") || "—");
  row("Trích yếu", "Title", dash(h.title));
  row("Năm", "Year", dash(h.year));
  if (h.decision !== undefined) {
    const d = h.decision;
    row(
      "Ban hành kèm quyết định",
      "Issued with decision",
      [d.number, d.date].filter((x) => x !== undefined).join(", ") || "—",
    );
  }
  row(
    "Người ký",
    "Signer",
    h.signer === undefined
      ? "—"
      : [h.signer.authority, h.signer.title, h.signer.name].filter((x) => x !== undefined).join(" / "),
  );
  lines.push("", "Đã nhận diện / Found:");
  const c = r.counts;
  const count = (vi: string, en: string, n: number, extra = "") =>
    lines.push(`  ${`${vi} / ${en}`.padEnd(44)} ${String(n).padStart(4)}${extra}`);
  count("Mục tiêu", "objectives", c.objectives);
  count("Yêu cầu", "requirements", c.requirements);
  count("Đối tượng", "audiences", c.audiences);
  count("Nội dung", "content areas", c.contentAreas);
  count("Hình thức", "channels", c.channels);
  count("Đơn vị", "units", c.units);
  count("Trách nhiệm", "responsibilities", c.responsibilities);
  count("Nguồn kinh phí", "funding sources", c.fundingSources);
  const periods = plan?.reporting?.periodTypes ?? [];
  count(
    "Kỳ báo cáo",
    "reporting periods",
    c.reportingPeriods,
    periods.length > 0 ? `  (${periods.join(", ")})` : "",
  );
  count("Nơi nhận", "recipients", c.recipients);
  lines.push("", "Phát hiện / Findings:");
  const errors = r.findings.filter((f) => f.severity === "error");
  const warnings = r.findings.filter((f) => f.severity === "warning");
  // Import findings name their line in the message ("Dòng 12: …"). A cut list ends with the
  // finding that counts the rest; the summary line counts them all.
  for (const f of [...errors, ...warnings]) lines.push(`  ${findingLine(f)}`);
  lines.push(`  ${summaryLine(r.counts.errors, r.counts.warnings)}`);
  lines.push("", `Dòng chưa xếp / Leftovers: ${r.leftovers.length}`);
  for (const l of r.leftovers)
    lines.push(`  dòng/line ${l.line}: ${JSON.stringify(l.text)} — ${l.reason.vi} / ${l.reason.en}`);
  if (plan === undefined) {
    lines.push(
      "",
      "Bản nháp chưa thành kế hoạch (thiếu trường bắt buộc, xem phát hiện) / the draft is not yet a plan (required fields missing, see the findings)",
    );
    const at = r.findings.find((f) => f.code.startsWith("shape."));
    if (at) lines.push(`  ${formatPath(at.path)}`);
  }
  lines.flush();
}

/** Whether the bytes start as a PDF does ("%PDF-"). */
function isPdf(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d
  );
}

/** Runs `cchc import`; returns the exit code. */
export async function importCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "import",
    args,
    { json: { type: "boolean" }, out: { type: "string", short: "o" }, "max-pages": { type: "string" } },
    {
      min: 1,
      max: 1,
      what: {
        vi: "tệp văn bản kế hoạch (.txt, .docx hoặc .pdf)",
        en: "a plan document (.txt, .docx or .pdf)",
      },
    },
  );
  const file = positionals[0] ?? "";
  const out = values.out;
  if (out === "")
    throw new CliError({ vi: "--out cần tên tệp", en: `--out needs a file name ${helpHint("import")}` });
  const absolutePath = resolve(io.cwd, file);
  const outPath = out === undefined ? undefined : resolve(io.cwd, out);
  if (outPath !== undefined && outPath === absolutePath) {
    throw new CliError({
      vi: `--out ${quote(out ?? "")} trùng tệp đầu vào; chọn tệp khác để không ghi đè`,
      en: `--out ${quote(out ?? "")} is the input file; choose another file so it is not overwritten`,
    });
  }
  const maxPagesText = values["max-pages"];
  const maxPages = maxPagesText === undefined ? undefined : Number(maxPagesText);
  if (maxPages !== undefined && !(Number.isInteger(maxPages) && maxPages > 0))
    throw new CliError({
      vi: `--max-pages cần một số nguyên dương (${quote(maxPagesText ?? "")})`,
      en: `--max-pages needs a positive whole number (${quote(maxPagesText ?? "")}) ${helpHint("import")}`,
    });
  const bytes = await readBytes(io, file, absolutePath);
  const docx = extname(file).toLowerCase() === ".docx" || isZip(bytes);
  const pdf = extname(file).toLowerCase() === ".pdf" || isPdf(bytes);
  // mammoth and PDF.js are loaded only for their files, so the other commands start without them.
  const result = docx
    ? await (await import("@cchc/import/docx")).importPlanDocx(bytes)
    : pdf
      ? await (await import("@cchc/import/pdf")).importPlanPdf(
          bytes,
          maxPages === undefined ? {} : { maxPages },
        )
      : importPlanBytes(bytes);
  if (result.error !== undefined) {
    throw new CliError({
      vi: `không nhập được ${oneLine(file)}: ${result.error.message.vi}`,
      en: `cannot import ${oneLine(file)}: ${result.error.message.en}`,
    });
  }
  if (outPath !== undefined) {
    const text =
      result.plan !== undefined ? renderPlanJson(result.plan) : `${JSON.stringify(result.draft, null, 2)}\n`;
    try {
      await (io.writeFile ?? ((p: string, t: string) => writeFile(p, t, "utf8")))(outPath, text);
    } catch (err) {
      const why = oneLine(err instanceof Error ? err.message : String(err));
      throw new CliError({
        vi: `không ghi được tệp ${oneLine(out ?? "")}: ${why}`,
        en: `cannot write ${oneLine(out ?? "")}: ${why}`,
      });
    }
    if (result.plan === undefined) {
      io.stderr(
        `cchc: cảnh báo: bản nháp chưa đủ trường bắt buộc của kế hoạch, đã ghi bản nháp vào ${oneLine(out ?? "")} / ` +
          `warning: the draft lacks required plan fields; the draft was written to ${oneLine(out ?? "")}\n`,
      );
    }
  }
  const write = (chunk: string) => io.stdout(chunk);
  if (values.json) writeImportJson(result, write);
  else writeImportSummary(file, result, write);
  return result.ok ? EXIT.ok : EXIT.findings;
}
