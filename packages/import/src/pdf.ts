/**
 * `@cchc/import/pdf`: a plan published as a text PDF, read with PDF.js (through unpdf 1.8.1, the
 * serverless build of pdfjs-dist that runs on Node 20 without a canvas or a worker, the same reader
 * the PDF exporter's tests use). Text items are put back into lines by their position: items on
 * one baseline make a line, read left to right, and a wide gap between them is a column break, so
 * Decree 30's two header columns come out as "BỘ NỘI VỤ<tab>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
 * (left column the issuer, right column the motto, place and date). The text then goes through the
 * same reflow and importer as a .txt. A PDF without a text layer (a scan) is refused with a message
 * saying so (no OCR); an encrypted, broken or oversized one too, within page and size limits the
 * caller sets.
 *
 * @module @cchc/import/pdf
 */
import { importPlanText } from "./importPlan.js";
import { failedImport, type ImportOptions, type ImportResult, MAX_INPUT_BYTES } from "./result.js";

/** Most pages read by default: a plan is a few pages, its appendices a few dozen. */
export const MAX_PDF_PAGES = 200;

/** Options of a PDF import: those of any import, and how many pages at most. */
export interface PdfImportOptions extends ImportOptions {
  /** Most pages read (default `MAX_PDF_PAGES`); a longer PDF is refused, not cut. */
  readonly maxPages?: number;
}

/** A text item of a page: its string, where it starts (x, baseline y, in points), its width and font size. */
export interface TextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** The lines of one page from its text items: grouped by baseline, sorted by x, columns split by a wide gap. */
export function linesFromItems(items: readonly TextItem[]): string[] {
  const sorted = items.filter((i) => i.str !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const tolerance = Math.max(2, (row?.[0]?.size ?? item.size) * 0.4);
    if (row !== undefined && Math.abs((row[0] as TextItem).y - item.y) <= tolerance) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    row.sort((a, b) => a.x - b.x);
    let out = "";
    let end: number | undefined;
    for (const item of row) {
      if (end !== undefined) {
        const gap = item.x - end;
        if (gap > Math.max(18, item.size * 2)) out += "\t";
        else if (gap > item.size * 0.15 && !out.endsWith(" ") && !item.str.startsWith(" ")) out += " ";
      }
      out += item.str;
      end = item.x + item.width;
    }
    return out.replace(/ +/g, " ").trim();
  });
}

function megabytes(n: number): string {
  return (n / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 });
}

/** The text of a PDF, a line per text line and a form feed between pages; or why it could not be read. */
export async function pdfText(
  bytes: Uint8Array,
  options: PdfImportOptions = {},
): Promise<{ text: string; pages: number } | ImportResult> {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  if (bytes.length === 0)
    return failedImport("import.input-empty", { vi: "Tệp rỗng.", en: "The file is empty." });
  if (bytes.length > maxBytes)
    return failedImport("import.input-too-large", {
      vi: `Tệp PDF quá lớn (giới hạn ${megabytes(maxBytes)} MB).`,
      en: `The PDF is too large (limit ${megabytes(maxBytes)} MB).`,
    });
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (!head.includes("%PDF-"))
    return failedImport("import.pdf-invalid", {
      vi: "Tệp không phải PDF (không có dấu hiệu %PDF- ở đầu tệp).",
      en: "The file is not a PDF (no %PDF- marker at its start).",
    });
  const { getDocumentProxy } = await import("unpdf");
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // verbosity 0: PDF.js keeps its own warnings ("Indexing all PDF objects") off the console; what
    // is wrong with the file is said by the importer's findings.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: true, verbosity: 0 } as never);
  } catch (err) {
    const name = err instanceof Error ? err.name : "";
    if (name === "PasswordException")
      return failedImport("import.pdf-encrypted", {
        vi: "Tệp PDF được đặt mật khẩu; hãy gỡ mật khẩu (hoặc xuất lại bản không mã hóa) rồi nhập lại.",
        en: "The PDF is password-protected; remove the password (or export an unencrypted copy) and import again.",
      });
    return failedImport("import.pdf-invalid", {
      vi: "Tệp PDF bị hỏng hoặc không đọc được.",
      en: "The PDF is damaged or cannot be read.",
    });
  }
  try {
    if (pdf.numPages > maxPages)
      return failedImport("import.pdf-too-many-pages", {
        vi: `Tệp PDF có ${pdf.numPages} trang, quá giới hạn ${maxPages} trang; tách phần kế hoạch ra hoặc nâng giới hạn (maxPages).`,
        en: `The PDF has ${pdf.numPages} pages, over the limit of ${maxPages}; extract the plan or raise the limit (maxPages).`,
      });
    const pages: string[] = [];
    let chars = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const raw of content.items) {
        if (!("str" in raw)) continue;
        const t = raw.transform as number[];
        items.push({
          str: raw.str,
          x: t[4] ?? 0,
          y: t[5] ?? 0,
          width: raw.width,
          size: Math.abs(t[0] ?? 0) || 10,
        });
        chars += raw.str.length;
      }
      pages.push(linesFromItems(items).join("\n"));
      page.cleanup();
      if (chars * 3 > maxBytes)
        return failedImport("import.input-too-large", {
          vi: `Văn bản trong tệp PDF quá lớn (giới hạn ${megabytes(maxBytes)} MB).`,
          en: `The PDF's text is too large (limit ${megabytes(maxBytes)} MB).`,
        });
    }
    const text = pages.join("\f");
    if (text.replace(/\s/g, "") === "")
      return failedImport("import.pdf-no-text", {
        vi: "Tệp PDF không có lớp chữ (bản quét ảnh); trình nhập không nhận dạng chữ (OCR). Hãy dùng bản PDF gốc xuất từ văn bản, tệp .docx, hoặc nhận dạng chữ trước.",
        en: "The PDF has no text layer (a scanned image); the importer does no OCR. Use the PDF exported from the document, the .docx, or run OCR first.",
      });
    return { text, pages: pdf.numPages };
  } catch {
    return failedImport("import.pdf-invalid", {
      vi: "Tệp PDF bị hỏng hoặc không đọc được.",
      en: "The PDF is damaged or cannot be read.",
    });
  } finally {
    await Promise.resolve(pdf.cleanup()).catch(() => undefined);
  }
}

/**
 * Imports a plan from a text PDF. Never throws: a scan, an encrypted, broken or oversized PDF comes
 * back with `error` set (codes `import.pdf-no-text`, `import.pdf-encrypted`, `import.pdf-invalid`,
 * `import.pdf-too-many-pages`, `import.input-too-large`).
 */
export async function importPlanPdf(
  bytes: Uint8Array,
  options: PdfImportOptions = {},
): Promise<ImportResult> {
  const read = await pdfText(bytes, options);
  if ("ok" in read) return read;
  return importPlanText(read.text, options);
}
