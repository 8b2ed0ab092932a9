/**
 * Help pages of `cchc`, Vietnamese first, English alongside. They are the reference people read
 * before scripting against the commands, so flags, exit codes and JSON shapes are spelled out here.
 */
import { SAMPLE_PLAN_NAMES } from "@cchc/core";

/** The command names, in the order the help lists them. */
export const COMMAND_NAMES = [
  "sample",
  "validate",
  "calendar",
  "render",
  "schema",
  "rules",
  "score",
  "generate",
  "import",
] as const;
/** One of the `cchc` commands. */
export type CommandName = (typeof COMMAND_NAMES)[number];

const EXIT_CODES = `Mã thoát / Exit codes:
  0   thành công / success
  1   kế hoạch có lỗi / the plan has errors
  2   đối số sai hoặc tệp không dùng được / bad arguments or unusable input file
  70  lỗi nội bộ của cchc / internal error (a bug)`;

/** `cchc --help`. */
export function globalUsage(version: string): string {
  return `cchc ${version} — kế hoạch tuyên truyền cải cách hành chính (CCHC)
cchc ${version} — administrative-reform (PAR) communication plans

Cách dùng / Usage:
  cchc <lệnh/command> [tùy chọn/options]

Lệnh / Commands:
  sample <tên>          in kế hoạch mẫu dạng JSON
                        print a sample plan as JSON (${SAMPLE_PLAN_NAMES.join(", ")})
  validate <tệp>        kiểm tra kế hoạch (.json, .yaml, .yml)
                        validate a plan file
  calendar <năm>        lịch báo cáo định kỳ: kỳ, ngày chốt số liệu, hạn nộp
                        reporting calendar: periods, data cut-off, due dates
  render <tệp>          kết xuất kế hoạch (Markdown, JSON, văn bản)
                        render a plan (Markdown, JSON, plain text)
  schema                in JSON Schema của kế hoạch
                        print the plan's JSON Schema
  rules                 liệt kê các quy tắc kiểm tra
                        list the validation rules
  score <tệp> --tracking <thư mục|tệp>
                        chấm điểm theo dữ liệu theo dõi (đọc dạng luồng NDJSON)
                        score a plan from tracking data (streamed NDJSON)
  generate --size <cỡ> --seed <n> --out <thư mục>
                        tạo bộ dữ liệu tổng hợp (kế hoạch + dữ liệu theo dõi NDJSON)
                        generate a synthetic dataset (plan + NDJSON tracking data)
  import <tệp.txt|tệp.docx> [--json] [--out kế-hoạch.json]
                        nhập kế hoạch từ văn bản đã ban hành: phần nhận diện, phát hiện, dòng chưa xếp
                        import a plan from its issued document: what was found, findings, leftovers

Tùy chọn chung / Global options:
  -h, --help            trợ giúp (cũng dùng được sau mỗi lệnh) / help (also after a command)
  -V, --version         phiên bản / version

${EXIT_CODES}

Ví dụ / Examples:
  cchc sample mic-2018 > ke-hoach.json
  cchc validate ke-hoach.json
  cchc calendar 2018 --types quarter,half-year,year
  cchc render ke-hoach.json --format md --out ke-hoach.md
  cchc generate --size small --seed 1 --out d && cchc score d/plan.json --tracking d
  cchc import ke-hoach.docx --out ke-hoach.json && cchc validate ke-hoach.json
`;
}

const SCORE_USAGE = `Cách dùng / Usage: cchc score <kế hoạch/plan> --tracking <thư mục|tệp / dir|file>
                   [--scheme <tệp>] [--manual <tệp>] [--as-of <ngày|thời điểm>] [--explain-limit N] [--json]

Chấm điểm công tác tuyên truyền CCHC của từng đơn vị và toàn cơ quan, có giải thích từng điểm, xếp
hạng và dự báo cuối năm. Dữ liệu theo dõi được đọc dạng luồng; dòng lỗi bị bỏ qua, có số dòng.
Scores each unit and the agency, every point explained, with a ranking and a year-end forecast.
Tracking data is streamed; invalid lines are skipped and reported with their line numbers.

Dữ liệu theo dõi / Tracking data:
  thư mục / a folder    activities.ndjson, records.ndjson, reports.ndjson (như cchc generate ghi ra)
  một tệp / one file    NDJSON, mỗi dòng có "kind": "activity" | "record" | "report"

Tùy chọn / Options:
  --scheme <tệp>        thang điểm JSON/YAML (mặc định: mẫu Chỉ số CCHC "par-communication")
                        scoring scheme (default: the PAR Index example preset)
  --manual <tệp>        điểm tự chấm/thẩm định: [ { "nodeId", "unitId"?, "selfAssessed"?, "appraised"?,
                        "note"?, "evidenceUrl"? } ] / self-assessed and appraised points
  --as-of <ngày>        tính đến ngày (YYYY-MM-DD, hết ngày giờ Việt Nam) hoặc thời điểm ISO có múi giờ
                        (mặc định: hết năm kế hoạch) / score as of a date or instant (default: year end)
  --explain-limit <N>   số mã bản ghi liệt kê trong giải thích (mặc định 20)
                        how many record ids explanations list (default 20)
  --json                in JSON: { planId, year, asOf, scheme, agency, units: [ { unitId, name, rank,
                        points, maxPoints, percent, metrics, nodes, evidence, forecast } ], counts,
                        skipped: { count, byCode, findings: [ { source, line, code, severity, path,
                        message } ] } }

Mã thoát / Exit codes:
  0   đã chấm điểm (dòng lỗi được bỏ qua và báo cáo) / scored (invalid lines skipped and reported)
  1   không đọc được cấu trúc kế hoạch / the plan's shape does not parse
  2   đối số sai, tệp không dùng được, thang điểm sai / bad arguments, unusable file, invalid scheme

Ví dụ / Example:
  cchc generate --size small --seed 1 --out d && cchc score d/plan.json --tracking d --json
`;

const GENERATE_USAGE = `Cách dùng / Usage: cchc generate --size <small|medium|national> --seed <n> --out <thư mục/dir>
                   [--year <năm>] [--json]

Tạo một bộ dữ liệu tổng hợp, tất định theo hạt giống (cùng cỡ, hạt giống, năm → cùng dữ liệu): một
kế hoạch hợp lệ và dữ liệu theo dõi của nó, ghi dạng luồng nên bộ cỡ quốc gia không chiếm nhiều bộ nhớ.
Writes a seeded, deterministic synthetic dataset (same size, seed and year → same data): a valid plan
and its tracking data, streamed so the national size stays flat in memory.

Cỡ / Sizes:
  small      một bộ (Bộ TT&TT), khoảng 25 đơn vị, 3.000 bản ghi / one ministry, ~25 units, 3,000 records
  medium     một tỉnh: sở, ngành, huyện, xã; 50.000 bản ghi / one province, 50,000 records
  national   22 bộ, ngành và 63 tỉnh, 3.400 đơn vị, 1.000.000 bản ghi
             22 ministries and 63 provinces, 3,400 units, 1,000,000 records

Tệp ghi ra / Files written (trong / in --out):
  plan.json            kế hoạch (JSON chuẩn) / the plan (canonical JSON)
  activities.ndjson    hoạt động kế hoạch, mỗi dòng một đối tượng / planned activities, one per line
  records.ndjson       bản ghi kết quả thực hiện / actual records
  reports.ndjson       báo cáo định kỳ của đơn vị (có báo cáo muộn, thiếu) / unit reports (some late, missing)
  manifest.json        số lượng, kích thước, SHA-256 / counts, byte sizes, SHA-256

Tùy chọn / Options:
  --size <cỡ>          small, medium hoặc national / small, medium or national
  --seed <n>           số nguyên bất kỳ (số âm: --seed=-5) / any integer (negative: --seed=-5)
  -o, --out <thư mục>  thư mục đích (tạo nếu chưa có; tệp cùng tên bị ghi đè)
                       target folder (created if missing; files of the same names are replaced)
  --year <năm>         năm kế hoạch 2001–2100 (mặc định 2018) / plan year 2001–2100 (default 2018)
  --json               in manifest dạng JSON / print the manifest as JSON:
                       { generator, size, seed, year, planId, counts: { units, activities, records,
                         reports }, files: [ { name, kind, items, bytes, sha256 } ] }

Mã thoát / Exit codes:
  0   đã tạo / generated
  2   cỡ, hạt giống, năm sai hoặc không ghi được thư mục / bad size, seed or year, or cannot write

Ví dụ / Example:
  cchc generate --size small --seed 1 --out d && cchc score d/plan.json --tracking d --json
`;

const IMPORT_USAGE = `Cách dùng / Usage: cchc import <tệp.txt|tệp.docx> [--json] [--out <kế-hoạch.json>]

Đọc văn bản kế hoạch đã ban hành (văn bản thuần UTF-8/UTF-16, hoặc .docx từ hệ thống văn phòng điện
tử) và dựng bản nháp kế hoạch: phần đầu (cơ quan, số, ký hiệu, địa danh, ngày, trích yếu, quyết định
ban hành kèm), mục tiêu, yêu cầu, đối tượng, nội dung, hình thức, đơn vị, trách nhiệm, kinh phí, chế
độ báo cáo, nơi nhận, người ký. In ra những gì nhận diện được, các phát hiện và mọi dòng chưa xếp được
(kèm số dòng và lý do). Tệp .docx: số dòng là số thứ tự đoạn văn.
Reads an issued plan document (UTF-8/UTF-16 plain text, or a .docx from an e-office system) and
builds a plan draft. Prints what was found, the findings, and every line that could not be placed
(with its line number and why). For a .docx, line numbers are paragraph numbers.

Tùy chọn / Options:
  --json               in đúng một đối tượng JSON / print exactly one JSON object:
                       { "ok", "plan" (kế hoạch hoặc null / the plan or null), "draft",
                         "findings": [ { "code", "severity", "path": [...], "message": { "vi", "en" },
                                         "line" (số hoặc null / number or null) } ],
                         "leftovers": [ { "line", "text", "code", "reason": { "vi", "en" } } ],
                         "header": { "documentType", "documentTypeText", "parentBody", "issuer",
                                     "issuerAbbreviation", "number", "numberAsWritten", "place", "date",
                                     "dateAsWritten", "title", "year", "signer", "recipients",
                                     "legalBasis", "preamble", "closing", "marks",
                                     "decision": { "source", "number", "date", … } },
                         "counts": { "lines", "objectives", "requirements", "audiences",
                                     "contentAreas", "channels", "units", "responsibilities",
                                     "fundingSources", "reportingPeriods", "recipients", "leftovers" } }
                       (trường không có giá trị thì vắng mặt / fields without a value are left out)
  -o, --out <tệp>      ghi kế hoạch dạng JSON chuẩn (như cchc render --format json); khi chưa đủ
                       trường bắt buộc thì ghi bản nháp (cảnh báo trên stderr)
                       write the plan as canonical JSON; when required fields are missing, the draft
                       is written instead (a warning on stderr)
  -h, --help           trợ giúp / help

Mã phát hiện của trình nhập / Import finding codes: import.* (docs/import.md); còn lại là mã kiểm tra
kế hoạch / the others are plan validation codes (cchc rules).

Mã thoát / Exit codes:
  0   đã nhập, không có lỗi (có thể có cảnh báo) / imported with no errors (warnings allowed)
  1   đã nhập nhưng có lỗi: kế hoạch chưa đầy đủ / imported with errors: a partial plan
  2   tệp không dùng được: không có, quá 10 MB, rỗng, không phải văn bản, .docx hỏng, không có kế hoạch
      unusable input: missing, over 10 MB, empty, not a document, damaged .docx, no plan in it

Ví dụ / Examples:
  cchc import ke-hoach-2021.docx
  cchc import ke-hoach-2021.txt --json > ket-qua.json
  cchc import ke-hoach-2021.docx --out ke-hoach.json && cchc validate ke-hoach.json
`;

const COMMAND_USAGE: Record<CommandName, string> = {
  score: SCORE_USAGE,
  generate: GENERATE_USAGE,
  import: IMPORT_USAGE,
  sample: `Cách dùng / Usage: cchc sample <tên/name>

In kế hoạch mẫu dạng JSON chuẩn (đã điền giá trị mặc định), làm điểm xuất phát cho kế hoạch của cơ quan.
Prints a sample plan as canonical JSON (defaults filled in), a starting point for your own plan.

Mẫu có sẵn / Samples: ${SAMPLE_PLAN_NAMES.join(", ")}
  mic-2018   Kế hoạch tuyên truyền CCHC năm 2018 của Bộ Thông tin và Truyền thông
             2018 PAR communication plan of the Ministry of Information and Communications

Mã thoát / Exit codes: 0 thành công / success; 2 tên mẫu không có / unknown sample name

Ví dụ / Example:
  cchc sample mic-2018 > ke-hoach.json
`,
  validate: `Cách dùng / Usage: cchc validate <tệp/file> [--json]

Kiểm tra một kế hoạch (.json, .yaml hoặc .yml; tên khác: thử JSON rồi YAML).
Validates a plan file (.json, .yaml or .yml; any other name is tried as JSON, then YAML).

Tùy chọn / Options:
  --json     in đúng một đối tượng JSON / print exactly one JSON object:
             { "errors": [...], "warnings": [...] },
             mỗi phát hiện / each finding: { "code", "severity", "path": [...], "message": { "vi", "en" } }
  -h, --help trợ giúp / help

Mã thoát / Exit codes:
  0   không có lỗi (có thể có cảnh báo) / no errors (warnings allowed)
  1   có lỗi / the plan has errors
  2   tệp không dùng được: không có, là thư mục, rỗng, sai cú pháp, không phải đối tượng
      unusable file: missing, a directory, empty, syntax error, top level not an object

Danh sách mã / Codes: cchc rules
`,
  calendar: `Cách dùng / Usage: cchc calendar <năm/year> [--json] [--types <loại,…>] [--deadline-days <N>]

Lịch báo cáo định kỳ theo Nghị định 09/2019/NĐ-CP (múi giờ Asia/Ho_Chi_Minh): mỗi kỳ với mã, tên,
ngày bắt đầu và kết thúc chốt số liệu, hạn nộp.
Reporting calendar of Decree 09/2019 (Asia/Ho_Chi_Minh): every period with id, label, data cut-off
start and end, and due date.

Đối số / Arguments:
  <năm/year>            số nguyên 2000–2100 / an integer 2000–2100

Tùy chọn / Options:
  --types <loại,…>      loại kỳ, cách nhau bởi dấu phẩy / period types, comma-separated:
                        month, quarter, half-year, nine-month, year (mặc định: tất cả / default: all)
  --deadline-days <N>   hạn nộp sau ngày chốt số liệu, 0–365 ngày (mặc định 5)
                        days from cut-off to deadline, 0–365 (default 5)
  --json                in JSON / print JSON:
                        { "year", "timeZone", "deadlineDaysAfterCutoff", "periods": [ { "id", "type",
                          "label": { "vi", "en" }, "cutoffStart", "cutoffEnd", "dueDate", "dueAt" } ] }
  -h, --help            trợ giúp / help

Mã thoát / Exit codes: 0 thành công / success; 2 năm hoặc tùy chọn sai / bad year or option

Ví dụ / Example:
  cchc calendar 2018 --types quarter,half-year,year --deadline-days 7
`,
  render: `Cách dùng / Usage: cchc render <tệp/file> [--format md|json|text] [--out <tệp/file>]

Kết xuất kế hoạch theo thể thức văn bản (Nghị định 30/2020/NĐ-CP).
Renders a plan in the official document layout (Decree 30/2020).

Tùy chọn / Options:
  -f, --format <dạng>   md (Markdown, mặc định / default), json (JSON chuẩn / canonical JSON),
                        text (văn bản thuần / plain text)
  -o, --out <tệp>       ghi ra tệp thay vì in ra màn hình / write to a file instead of stdout
  -h, --help            trợ giúp / help

Kế hoạch có lỗi vẫn được kết xuất khi đọc được cấu trúc (số lỗi in ra stderr).
A plan with errors still renders when its shape parses (the error count goes to stderr).

Mã thoát / Exit codes:
  0   đã kết xuất / rendered
  1   không đọc được cấu trúc kế hoạch (phát hiện in ra stderr) / the plan's shape does not parse
      (findings on stderr)
  2   đối số sai, tệp không dùng được hoặc không ghi được / bad arguments, unusable input, cannot write
`,
  schema: `Cách dùng / Usage: cchc schema

In JSON Schema (draft 2020-12) của một kế hoạch, cho trình soạn thảo và các ngôn ngữ khác.
Prints the JSON Schema (draft 2020-12) of a plan, for editors and other languages.

Mã thoát / Exit codes: 0 thành công / success; 2 đối số sai / bad arguments
`,
  rules: `Cách dùng / Usage: cchc rules [--json | --markdown]

Liệt kê các quy tắc kiểm tra kế hoạch: mã, mức độ, tên.
Lists the plan validation rules: code, severity, title.

Tùy chọn / Options:
  --json       in JSON / print JSON: { "rules": [ { "code", "severity", "title": { "vi", "en" },
               "description": { "vi", "en" } } ] }
  --markdown   in trang tham khảo Markdown (docs/rules.md) / print the Markdown reference page
  -h, --help   trợ giúp / help

Mã thoát / Exit codes: 0 thành công / success; 2 đối số sai / bad arguments
`,
};

/** `cchc <command> --help`. */
export function commandUsage(command: CommandName): string {
  return COMMAND_USAGE[command];
}
