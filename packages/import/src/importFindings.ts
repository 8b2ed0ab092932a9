/**
 * What the importer reports about the document itself (as opposed to the plan's validation
 * findings): each code is documented here once, so docs and tests read the same list.
 */
import type { Finding, FindingPath, LocalizedText, Severity } from "@cchc/core";

/** A finding of the import: a validation finding, or one about the document with the line it is on. */
export interface ImportFinding extends Finding {
  /** The line of the document (1-based) the finding is about, when there is one. */
  readonly line?: number;
}

/** One documented import finding code. */
export interface ImportFindingCode {
  readonly code: string;
  readonly severity: Severity;
  readonly title: LocalizedText;
}

const code = (c: string, severity: Severity, vi: string, en: string): ImportFindingCode => ({
  code: c,
  severity,
  title: { vi, en },
});

/**
 * Every code the importer itself reports, in the order docs list them. Validation findings of the
 * draft (rule codes such as `lead-unit-missing`, `shape.*`) come on top; see `cchc rules`.
 */
export const IMPORT_FINDING_CODES = [
  code("import.input-too-large", "error", "Tệp quá lớn", "Input too large"),
  code("import.input-empty", "error", "Tệp rỗng", "Empty input"),
  code("import.input-binary", "error", "Không phải văn bản", "Not a text document"),
  code("import.input-encoding", "error", "Không đọc được bảng mã", "Unreadable text encoding"),
  code("import.docx-invalid", "error", "Không phải tệp .docx hợp lệ", "Not a valid .docx file"),
  code("import.pdf-invalid", "error", "Tệp PDF hỏng hoặc không phải PDF", "Damaged PDF, or not a PDF"),
  code("import.pdf-encrypted", "error", "Tệp PDF có mật khẩu", "Password-protected PDF"),
  code("import.pdf-no-text", "error", "PDF không có lớp chữ (bản quét)", "PDF without a text layer (a scan)"),
  code("import.pdf-too-many-pages", "error", "PDF quá số trang cho phép", "PDF over the page limit"),
  code("import.not-a-plan", "error", "Không nhận ra kế hoạch", "No plan recognised"),
  code("import.internal", "error", "Lỗi nội bộ của trình nhập", "Internal error of the importer"),
  code("import.title-missing", "error", "Không tìm thấy trích yếu", "No title found"),
  code("import.issuer-missing", "error", "Không tìm thấy cơ quan ban hành", "No issuing body found"),
  code("import.year-missing", "error", "Không xác định được năm kế hoạch", "No plan year found"),
  code("import.document-type", "warning", "Loại văn bản không phải kế hoạch", "Document type is not a plan"),
  code("import.number-padded", "warning", "Số văn bản đệm thừa số 0", "Number padded with extra zeros"),
  code(
    "import.number-separators",
    "warning",
    "Ký hiệu dùng dấu ngăn cách khác thường",
    "Irregular separators in the symbol",
  ),
  code(
    "import.number-spacing",
    "warning",
    "Số, ký hiệu có khoảng trắng thừa",
    "Stray spaces in the number/symbol",
  ),
  code("import.number-blank", "warning", "Số văn bản để trống", "Number left blank"),
  code("import.number-unreadable", "warning", "Không đọc được số, ký hiệu", "Unreadable number/symbol"),
  code("import.date-incomplete", "warning", "Ngày ban hành chưa điền đủ", "Date of issue incomplete"),
  code("import.date-invalid", "warning", "Ngày ban hành không có thật", "Date of issue does not exist"),
  code("import.duplicated-word", "warning", "Từ lặp", "Duplicated word"),
  code(
    "import.plan-in-decision",
    "warning",
    "Kế hoạch ban hành kèm quyết định",
    "Plan issued with a decision",
  ),
  code(
    "import.plan-announced",
    "error",
    "Tin thông báo kế hoạch, không phải toàn văn",
    "A news item announcing the plan, not its text",
  ),
  code(
    "import.plan-not-found",
    "warning",
    "Quyết định không kèm nội dung kế hoạch",
    "Decision without the plan's text",
  ),
  code(
    "import.recipients-from-decision",
    "warning",
    "Nơi nhận lấy từ quyết định",
    "Recipients taken from the decision",
  ),
  code(
    "import.signer-from-decision",
    "warning",
    "Người ký lấy từ quyết định",
    "Signer taken from the decision",
  ),
  code("import.truncated", "warning", "Văn bản có vẻ bị cắt", "Document looks cut off"),
  code("import.duplicate-label", "warning", "Trùng số thứ tự mục", "Repeated item label"),
  code("import.section-unknown", "warning", "Mục không nhận ra", "Section not recognised"),
  code(
    "import.content-kind-unknown",
    "warning",
    "Không xác định được loại nội dung",
    "Content kind not recognised",
  ),
  code(
    "import.channel-kind-unknown",
    "warning",
    "Không xác định được hình thức",
    "Channel kind not recognised",
  ),
  code("import.unit-kind-unknown", "warning", "Không xác định được loại đơn vị", "Unit kind not recognised"),
  code(
    "import.lead-chosen",
    "warning",
    "Chọn đơn vị chủ trì trong nhiều ứng viên",
    "Lead unit chosen among several",
  ),
  code(
    "import.funding-kinds",
    "warning",
    "Một câu nêu nhiều nguồn kinh phí",
    "One sentence names several funding kinds",
  ),
  code(
    "import.funding-manager",
    "warning",
    "Không xác định được đơn vị quản lý kinh phí",
    "Funding manager not identified",
  ),
  code(
    "import.funding-from-clause",
    "warning",
    "Nguồn kinh phí lấy từ khoản trách nhiệm",
    "Funding source read from a responsibility clause",
  ),
  code(
    "import.reporting-deadline",
    "warning",
    "Hạn báo cáo không khớp kỳ báo cáo",
    "Reporting deadline does not fit a period",
  ),
  code(
    "import.docx-numbering",
    "warning",
    "Số thứ tự tự động của Word được dựng lại",
    "Word's automatic numbering rebuilt",
  ),
  code("import.docx-message", "warning", "Cảnh báo khi đọc .docx", "Warning while reading the .docx"),
  code(
    "import.findings-truncated",
    "warning",
    "Quá nhiều phát hiện, phần còn lại chỉ được đếm",
    "Too many findings, the rest only counted",
  ),
] as const satisfies readonly ImportFindingCode[];

/** A code of `IMPORT_FINDING_CODES`. */
export type ImportFindingCodeName = (typeof IMPORT_FINDING_CODES)[number]["code"];

const SEVERITY = new Map<string, Severity>(IMPORT_FINDING_CODES.map((c) => [c.code, c.severity]));

/** Builds an import finding; the severity comes from the catalogue so it cannot drift. */
export function importFinding(
  c: ImportFindingCodeName,
  message: LocalizedText,
  where: { line?: number | undefined; path?: FindingPath | undefined } = {},
): ImportFinding {
  const f: ImportFinding = {
    code: c,
    severity: SEVERITY.get(c) ?? "warning",
    path: where.path ?? [],
    message,
  };
  return where.line === undefined ? f : { ...f, line: where.line };
}
