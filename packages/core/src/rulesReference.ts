/**
 * The rules reference of the docs, generated from `PLAN_RULES` so the documentation and the checks
 * cannot disagree.
 */
import { MAX_INPUT_DEPTH, MAX_INPUT_VALUES } from "./plainData.js";
import { PLAN_RULES, type PlanRule } from "./rules.js";

const SHAPE_CODES: ReadonlyArray<readonly [string, string, string]> = [
  ["shape.required", "Thiếu trường bắt buộc", "A required field is missing"],
  ["shape.invalid_type", "Sai kiểu dữ liệu", "Wrong type of value"],
  [
    "shape.unrecognized_keys",
    "Trường không được hỗ trợ (thường do gõ sai tên)",
    "Unsupported field (usually a typo)",
  ],
  ["shape.too_small", "Rỗng hoặc quá nhỏ", "Empty or too small"],
  ["shape.too_big", "Quá lớn", "Too large"],
  [
    "shape.invalid_format",
    "Sai định dạng (ví dụ ngày không có thật)",
    "Wrong format (e.g. a date that does not exist)",
  ],
  ["shape.invalid_value", "Giá trị ngoài danh sách cho phép", "Value outside the allowed list"],
  ["shape.invalid_union", "Không khớp dạng nào được chấp nhận", "Matches none of the accepted forms"],
  [
    "shape.not-data",
    "Không phải dữ liệu JSON (hàm, getter, symbol, bigint, đối tượng của một lớp, danh sách có chỗ trống)",
    "Not JSON data (a function, getter, symbol, bigint, class instance, array with holes)",
  ],
  [
    "shape.unreadable",
    "Không đọc được giá trị (đọc nó gây lỗi, ví dụ một Proxy)",
    "The value cannot be read (reading it raised an error, e.g. a Proxy)",
  ],
  ["shape.cycle", "Giá trị chứa chính nó (vòng lặp tham chiếu)", "The value contains itself (a cycle)"],
  [
    "shape.too-deep",
    `Lồng nhau quá ${MAX_INPUT_DEPTH} cấp (kể cả trong "extensions")`,
    `Nested more than ${MAX_INPUT_DEPTH} levels deep (extensions included)`,
  ],
  [
    "shape.too-large",
    `Quá ${MAX_INPUT_VALUES.toLocaleString("vi-VN")} giá trị`,
    `More than ${MAX_INPUT_VALUES.toLocaleString("en-US")} values`,
  ],
];

/** Markdown reference of every finding code: shape codes, then the domain rules in order. */
export function rulesReferenceMarkdown(rules: readonly PlanRule[] = PLAN_RULES): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const lines = [
    "# Quy tắc kiểm tra kế hoạch / Plan validation rules",
    "",
    "<!-- Sinh tự động từ PLAN_RULES (`pnpm docs:rules`); không sửa tay. Generated from PLAN_RULES; do not edit. -->",
    "",
    "Mỗi phát hiện có `code`, `severity` (`error` | `warning`), `path` và thông điệp `message.vi` / `message.en`.",
    "Every finding has a `code`, a `severity`, a `path` and a message in Vietnamese and English.",
    "",
    "## Lỗi cấu trúc / Shape errors",
    "",
    "Báo khi dữ liệu không có dạng của một kế hoạch; khi đó các quy tắc nghiệp vụ chưa được áp dụng.",
    "Reported when the input does not have the shape of a plan; domain rules then do not run.",
    "",
    "| code | Ý nghĩa | Meaning |",
    "|---|---|---|",
    ...SHAPE_CODES.map(([code, vi, en]) => `| \`${code}\` | ${vi} | ${en} |`),
    "",
    "## Quy tắc nghiệp vụ / Domain rules",
    "",
    "| code | severity | Quy tắc | Rule |",
    "|---|---|---|---|",
    ...rules.map(
      (r) =>
        `| \`${r.code}\` | ${r.severity} | **${cell(r.title.vi)}**. ${cell(r.description.vi)} | **${cell(r.title.en)}**. ${cell(r.description.en)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}
