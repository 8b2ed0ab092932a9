/**
 * Help pages of `cchc`, Vietnamese first, English alongside. They are the reference people read
 * before scripting against the commands, so flags, exit codes and JSON shapes are spelled out here.
 */
import { SAMPLE_PLAN_NAMES } from "@cchc/core";
import { APPRAISAL_USAGE, ROUND_USAGE } from "./appraisalUsage.js";

/** The command names, in the order the help lists them. */
export const COMMAND_NAMES = [
  "sample",
  "validate",
  "calendar",
  "holidays",
  "render",
  "schema",
  "rules",
  "score",
  "generate",
  "export",
  "remind",
  "outbox",
  "migrate",
  "plans",
  "round",
  "appraisal",
  "ingest",
  "rollup",
  "import",
  "accounts",
] as const;
/** One of the `cchc` commands. */
export type CommandName = (typeof COMMAND_NAMES)[number];

const EXIT_CODES = `Mã thoát / Exit codes:
  0   thành công / success
  1   kế hoạch hoặc dữ liệu có lỗi / the plan or the data has errors
  2   đối số sai, tệp không dùng được, kho dữ liệu không mở được
      bad arguments, unusable input file, store unreachable
  70  lỗi nội bộ của cchc / internal error (a bug)`;

const STORE_HELP = `Kho dữ liệu / Store (migrate, plans, ingest, score --plan):
  --db <url|thư mục>    postgres://… là máy chủ PostgreSQL; còn lại là thư mục PGlite nhúng (tạo nếu
                        chưa có). Mặc định: $CCHC_DB, nếu không thì ./.cchc-data
                        postgres://… is a PostgreSQL server; anything else is an embedded PGlite
                        folder (created if missing). Default: $CCHC_DB, else ./.cchc-data
  --agency <mã>         cơ quan (tenant) mọi lệnh đọc/ghi; mặc định $CCHC_AGENCY, nếu không thì "default"
                        the agency (tenant) reads and writes are scoped to; default $CCHC_AGENCY, else "default"
  Cả hai có thể đặt trước tên lệnh / both may also come before the command.`;

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
  calendar <năm>        lịch báo cáo định kỳ: kỳ, ngày chốt số liệu, hạn nộp (ngày hoặc ngày làm việc)
                        reporting calendar: periods, data cut-off, due dates (days or working days)
  holidays <năm>        ngày nghỉ lễ, tết, nghỉ bù trong năm (và lịch nghỉ của cơ quan)
                        public holidays and days in lieu of a year (and the agency's schedule)
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
  export <tệp> --format <dạng> --out <tệp>
                        xuất văn bản theo Nghị định 30: kế hoạch, báo cáo, bảng điểm, lịch
                        export an official document (docx, pdf, xlsx, ics, md, html)
  remind --now <ngày>   nhắc nhở đến hạn báo cáo; gửi qua thư, webhook hoặc NATS
                        reminders due on a day; sent by mail, webhook or NATS
  outbox list|requeue   xem hàng đợi nhắc nhở (--status dead…), đưa mục hỏng trở lại hàng đợi
                        the reminders' outbox (--status dead…); put dead entries back in line
  accounts add|list|disable|enable|reset-password
                        tài khoản đăng nhập bảng điều khiển / the dashboard's sign-in accounts
  migrate               áp dụng migration của lược đồ vào kho (chạy lại: không làm gì)
                        apply the schema's migrations to the store (twice: a no-op)
  plans save|list|show|history
                        lưu, liệt kê, xem kế hoạch trong kho và lịch sử phiên bản
                        store, list and show plans in the store, with their version history
  round open|advance|close|reopen|list --plan <mã>
                        đợt tự chấm điểm: mở, chuyển bước, chốt, mở lại có lý do
                        the self-assessment round: open, move on, close, reopen with a reason
  appraisal self|appraise|answer|list|history --plan <mã>
                        tự chấm có tài liệu kiểm chứng, thẩm định, giải trình, vòng 2
                        self-assessment with evidence, appraisal, answers, round 2
  ingest <thư mục|tệp> --plan <mã>
                        nạp dữ liệu theo dõi NDJSON vào kho (mỗi lô một giao dịch; --resume)
                        load NDJSON tracking data into the store (one transaction per batch)
  score --plan <mã>     chấm điểm kế hoạch trong kho từ dữ liệu trong kho
                        score a stored plan from the stored tracking data
  rollup --plan <mã>    cây kế hoạch: điểm từng kế hoạch con, tổng hợp, xếp hạng theo nhóm, kế hoạch
                        con còn thiếu, chậm / the plan tree: scores, roll-up, ranks, missing and late
  import <tệp.txt|tệp.docx> [--json] [--out kế-hoạch.json]
                        nhập kế hoạch từ văn bản đã ban hành: phần nhận diện, phát hiện, dòng chưa xếp
                        import a plan from its issued document: what was found, findings, leftovers

Tùy chọn chung / Global options:
  -h, --help            trợ giúp (cũng dùng được sau mỗi lệnh) / help (also after a command)
  -V, --version         phiên bản / version

${STORE_HELP}

${EXIT_CODES}

Ví dụ / Examples:
  cchc sample mic-2018 > ke-hoach.json
  cchc validate ke-hoach.json
  cchc calendar 2018 --types quarter,half-year,year
  cchc calendar 2026 --working-days 5 --holidays lich-nghi-2026.json
  cchc holidays 2026
  cchc render ke-hoach.json --format md --out ke-hoach.md
  cchc generate --size small --seed 1 --out d && cchc score d/plan.json --tracking d
  cchc export ke-hoach.json --format docx --out ke-hoach.docx --number 12/KH-BTTTT
  cchc remind --now 2018-03-08 --dry-run --json
  cchc plans save d/plan.json && cchc ingest d --plan mic-2018 && cchc score --plan mic-2018
  cchc generate --size medium --year 2026 --seed 1 --out t && cchc ingest t && cchc rollup --plan <gốc/root>
  cchc --db postgres://cchc@127.0.0.1:5432/cchc --agency so-noi-vu plans list
  cchc import ke-hoach.docx --out ke-hoach.json && cchc validate ke-hoach.json
`;
}

const SCORE_USAGE = `Cách dùng / Usage: cchc score <kế hoạch/plan> --tracking <thư mục|tệp / dir|file>
                   [--scheme <tệp>] [--manual <tệp>] [--as-of <ngày|thời điểm>] [--explain-limit N] [--json]
       cchc score --plan <mã/id> [--db <url|thư mục>] [--agency <mã>] [--save] [các tùy chọn trên / the options above]

Chấm điểm công tác tuyên truyền CCHC của từng đơn vị và toàn cơ quan, có giải thích từng điểm, xếp
hạng và dự báo cuối năm. Dữ liệu theo dõi được đọc dạng luồng; dòng lỗi bị bỏ qua, có số dòng.
Scores each unit and the agency, every point explained, with a ranking and a year-end forecast.
Tracking data is streamed; invalid lines are skipped and reported with their line numbers.

Dữ liệu theo dõi / Tracking data:
  thư mục / a folder    activities.ndjson, records.ndjson, reports.ndjson (như cchc generate ghi ra)
  một tệp / one file    NDJSON, mỗi dòng có "kind": "activity" | "record" | "report"
  --plan <mã/id>        kế hoạch và dữ liệu theo dõi trong kho (cchc plans save, cchc ingest); kết quả
                        đọc dạng luồng; "skipped" luôn rỗng vì dữ liệu đã được kiểm tra khi nạp
                        the stored plan and its stored tracking data (records streamed); "skipped" is
                        always empty, the data was checked when it was ingested

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
                        message } ] } }; với --save thêm / with --save also: saved: { id, savedAt }
  --db, --agency        kho và cơ quan (với --plan; xem cchc --help) / store and agency (with --plan)
  --save                lưu bảng điểm vào kho (với --plan) / keep the score sheet in the store (with --plan)

Mã thoát / Exit codes:
  0   đã chấm điểm (dòng lỗi được bỏ qua và báo cáo) / scored (invalid lines skipped and reported)
  1   không đọc được cấu trúc kế hoạch, hoặc dữ liệu theo dõi có dòng mà không dòng nào dùng được
      (bảng điểm vẫn in ra, kèm một dòng trên stderr) / the plan's shape does not parse, or the tracking
      data had lines and none was usable (the sheet is still printed, with one line on stderr)
  2   đối số sai, tệp không dùng được, thang điểm sai, kế hoạch không có trong kho, kho không mở được
      bad arguments, unusable file, invalid scheme, plan not in the store, store unreachable

Ví dụ / Example:
  cchc generate --size small --seed 1 --out d && cchc score d/plan.json --tracking d --json
  cchc score --plan mic-2018 --db ./.cchc-data --json --save
`;

const MIGRATE_USAGE = `Cách dùng / Usage: cchc migrate [--db <url|thư mục>] [--json]

Áp dụng các migration còn thiếu của lược đồ SQL (một danh sách chung cho PGlite và PostgreSQL, chỉ
tiến, có đánh số) trong một giao dịch, có khóa để nhiều tiến trình chạy cùng lúc vẫn an toàn. Chạy lại
không làm gì. Các lệnh khác (plans, ingest, score --plan) cũng tự áp dụng migration còn thiếu.
Applies the SQL schema's pending migrations (one forward-only, numbered list shared by PGlite and
PostgreSQL) in one transaction, under a lock so concurrent runs are safe. Running it again applies
nothing. The other store commands (plans, ingest, score --plan) apply pending migrations too.

Tùy chọn / Options:
  --db <url|thư mục>    kho dữ liệu (mặc định $CCHC_DB hoặc ./.cchc-data) / the store (see cchc --help)
  --json                in JSON / print JSON: { store: { kind, location }, applied: [ { version, name } ],
                        version, migrations: [ { version, name, appliedAt } ] }

Mã thoát / Exit codes:
  0   đã áp dụng, hoặc không có gì cần áp dụng / applied, or nothing to apply
  2   kho không mở được, hoặc có lược đồ lạ / store unreachable, or a schema this library does not know

Ví dụ / Example:
  cchc migrate --db postgres://postgres@127.0.0.1:5432/cchc
`;

const PLANS_USAGE = `Cách dùng / Usage: cchc plans <lệnh con/subcommand> [--db <url|thư mục>] [--agency <mã>]
  cchc plans save <tệp/file> [--expected-version N] [--json]
  cchc plans list [--json]
  cchc plans show <mã/id> [--version N]
  cchc plans history <mã/id> [--json]

Kế hoạch trong kho dữ liệu của một cơ quan, có lịch sử phiên bản.
Plans in the store, per agency, with their version history.

Lệnh con / Subcommands:
  save <tệp>     kiểm tra rồi lưu kế hoạch (.json, .yaml): chưa có thì tạo phiên bản 1; đã có và giống hệt
                 thì giữ nguyên; đã có và khác thì cần --expected-version <phiên bản hiện tại> để lưu
                 phiên bản mới (không bao giờ ghi đè âm thầm; phiên bản cũ → từ chối)
                 validates and stores a plan: new → version 1; stored and identical → kept; stored and
                 different → needs --expected-version <current version> to save a new version (never a
                 silent overwrite; a stale version is refused)
                 --json: { store, agency, planId, status: "created" | "updated" | "unchanged", version,
                 savedAt, warnings }
  list           các kế hoạch, phiên bản hiện tại / the plans with their current version
                 --json: { store, agency, plans: [ { planId, year, title, version, savedAt } ] }
  show <mã>      in kế hoạch dạng JSON chuẩn (--version N: một phiên bản cũ)
                 prints the plan as canonical JSON (--version N: an older version)
  history <mã>   các phiên bản / every version; --json: { store, agency, planId, versions: [ { version,
                 savedAt, title } ] }

Mã thoát / Exit codes:
  0   thành công / success
  1   kế hoạch có lỗi, đã có trong kho, hoặc phiên bản đã cũ / the plan has errors, is already stored,
      or the version is stale
  2   đối số sai, tệp không dùng được, kế hoạch không có trong kho, kho không mở được
      bad arguments, unusable file, plan not in the store, store unreachable

Ví dụ / Example:
  cchc sample mic-2018 > kh.json && cchc plans save kh.json && cchc plans list
  cchc plans save kh.json --expected-version 1 --agency bo-tttt
`;

const INGEST_USAGE = `Cách dùng / Usage: cchc ingest <thư mục|tệp / dir|file> --plan <mã/id> [--db <url|thư mục>] [--agency <mã>]
                   [--kind activities|records|reports] [--batch-size N] [--resume] [--progress] [--json]

Nạp dữ liệu theo dõi NDJSON (như cchc generate ghi ra) vào kho, cho một kế hoạch đã lưu (cchc plans
save). Hoạt động và báo cáo được đọc, kiểm tra toàn bộ trước khi ghi; kết quả thực hiện được đọc dạng
luồng, mỗi lô một giao dịch: dòng lỗi đầu tiên dừng việc nạp và được báo số dòng, lô của nó không được
ghi, các lô trước giữ nguyên vẹn. Mã đã có trong kho cũng dừng việc nạp, trừ khi có --resume.
Loads NDJSON tracking data (as cchc generate writes it) into the store, for a stored plan. Activities
and reports are read and checked whole before anything is written; records are streamed, one
transaction per batch: the first bad line stops the ingest and is named, its batch is not written,
the batches before it stay whole. An id already stored stops it too, unless --resume.

Dữ liệu / Data:
  thư mục / a folder    activities.ndjson, records.ndjson, reports.ndjson (có tệp nào nạp tệp đó)
                        whichever of them are present, in that order
  cây kế hoạch / a tree thư mục có plans/<mã>/ (cchc generate --size medium --year 2026): không cần
                        --plan; mọi plan.json được kiểm tra (lỗi, vòng lặp cấp trên, năm khác kế hoạch
                        cấp trên, lặp mã) TRƯỚC khi ghi, rồi lưu cấp trên trước, rồi nạp dữ liệu từng kế
                        hoạch. Một kế hoạch đã có và giống hệt được giữ; khác nội dung: dừng, chưa ghi gì
                        a folder with plans/<id>/: no --plan; every plan.json is checked (errors, parent
                        cycles, a year other than the parent's, repeated ids) BEFORE anything is written,
                        then parents are saved first and each plan's tracking data is loaded. A plan
                        stored and identical is kept; one that differs stops it, nothing written
  một tệp / one file    loại theo tên tệp (activities…, reports…, còn lại: records) hoặc --kind
                        kind from the file name (activities…, reports…, else records) or --kind

Tiếp tục sau khi bị gián đoạn / Resuming after an interruption:
  Tiến trình bị dừng giữa chừng (Ctrl-C, mất điện, kill) để lại các lô đã ghi, nguyên vẹn. Chạy lại đúng
  lệnh đó với --resume: hoạt động, kết quả, báo cáo đã có và giống hệt được bỏ qua, phần còn lại được
  nạp. Một mục đã có nhưng khác nội dung vẫn dừng việc nạp (không ghi đè).
  A process stopped half way (Ctrl-C, power loss, kill) leaves the batches it committed, whole. Run the
  same command again with --resume: what is stored and identical is skipped, the rest is loaded. An
  item stored with different content still stops it (nothing is overwritten).

Tùy chọn / Options:
  --plan <mã>           kế hoạch đã lưu / the stored plan (bắt buộc, trừ cây kế hoạch / required but for a tree)
  --kind <loại>         loại của một tệp / the kind of a single file
  --batch-size <N>      số kết quả mỗi giao dịch (mặc định 5000) / records per transaction (default 5,000)
  --resume              bỏ qua mục đã có và giống hệt / skip what is already stored and identical
  --progress            mỗi lô đã ghi in một dòng ra stderr / one line on stderr per committed batch
  --json                in JSON / print JSON: { store, agency, planId, resume, activities: { file, lines,
                        saved, skipped } | null, records: { file, lines, inserted, skipped, batches } |
                        null, reports: { file, lines, saved, skipped } | null }

Mã thoát / Exit codes:
  0   đã nạp / ingested
  1   dữ liệu có dòng lỗi hoặc mã đã có (một dòng "cchc:" nêu tệp, dòng, mã lỗi và phần đã ghi)
      a bad line or an id already stored (one "cchc:" line naming file, line, code and what was written)
  2   đối số sai, không có dữ liệu, kế hoạch chưa lưu, kho không mở được
      bad arguments, no data, plan not stored, store unreachable

Ví dụ / Example:
  cchc generate --size medium --seed 1 --out d && cchc plans save d/plan.json
  cchc ingest d --plan ubnd-tinh-2018 --progress
  cchc ingest d --plan ubnd-tinh-2018 --resume        # sau khi bị gián đoạn / after an interruption
`;

const ROLLUP_USAGE = `Cách dùng / Usage: cchc rollup --plan <mã/id> [--db <url|thư mục>] [--agency <mã>] [--as-of <ngày/date>]
                   [--scheme <tệp>] [--settings <tệp>] [--rule mean|weighted|min|max] [--json]

Cây kế hoạch dưới một kế hoạch trong kho (kế hoạch của sở, xã… ghi kế hoạch cấp trên là parent): mỗi kế
hoạch được chấm từ dữ liệu theo dõi của chính nó (theo thang điểm của nó), tổng hợp lên kế hoạch cấp
trên theo một cách tổng hợp là dữ liệu, xếp hạng trong nhóm (sở, ban, ngành; xã; phường, đặc khu; bộ;
tỉnh — đồng điểm đồng hạng, thứ tự tiếng Việt), kế hoạch con còn thiếu, chưa đến hạn và ban hành chậm.
The stored tree under a plan: each plan scored from its own tracking data, rolled up to its parent by
a rule that is data, ranked within its group (departments; communes; wards and special zones;
ministries; provinces — ties shared, Vietnamese order), with missing, pending and late sub-plans.

Tùy chọn / Options:
  --plan <mã>           kế hoạch gốc của cây / the root plan of the tree (bắt buộc / required)
  --as-of <ngày>        tính đến ngày (cuối ngày, giờ Việt Nam) hoặc thời điểm ISO có múi giờ
                        as of a date (end of day, Vietnam time) or an ISO instant with an offset
  --scheme <tệp>        thang điểm (JSON/YAML); mặc định thang điểm mẫu / scoring scheme; default preset
  --settings <tệp>      thiết lập tổng hợp (JSON/YAML): rule, includeOwn, scale, groups, issueWithinDays,
                        issueBy; mặc định: trung bình, thang 10, các nhóm trên, hạn 30 ngày sau kế hoạch
                        cấp trên / roll-up settings; default: mean, out of 10, the groups above, due 30
                        days after the parent's date
  --rule <cách>         mean (trung bình), weighted (theo số đơn vị / by units), min, max
  --json                in JSON / print JSON: { store, agency, rootPlanId, asOf, rule, scale, groups,
                        tree: { planId, issuer, number, date, depth, unitId, groupId, own, score,
                        percent, rank, groupSize, tracking, coverage: { expected, issued, late,
                        missing, unexpected }, lateness: { dueDate, issuedOn, late, daysLate },
                        explanation, children: [ … ] }, findings }

Mã thoát / Exit codes:
  0   đã tổng hợp (kế hoạch con thiếu, chậm là phát hiện trong kết quả)
      rolled up (missing and late sub-plans are findings in the output)
  2   đối số sai, kế hoạch chưa có trong kho, kho không mở được
      bad arguments, plan not stored, store unreachable

Ví dụ / Example:
  cchc generate --size medium --year 2026 --seed 1 --out t && cchc ingest t
  cchc rollup --plan <gốc/root> --as-of 2026-06-30
  cchc rollup --plan <gốc/root> --rule weighted --json
`;

const GENERATE_USAGE = `Cách dùng / Usage: cchc generate --size <small|medium|national> --seed <n> --out <thư mục/dir>
                   [--year <năm>] [--sub-plans] [--json]

Tạo một bộ dữ liệu tổng hợp, tất định theo hạt giống (cùng cỡ, hạt giống, năm → cùng dữ liệu): một
kế hoạch hợp lệ và dữ liệu theo dõi của nó, ghi dạng luồng nên bộ cỡ quốc gia không chiếm nhiều bộ nhớ.
Writes a seeded, deterministic synthetic dataset (same size, seed and year → same data): a valid plan
and its tracking data, streamed so the national size stays flat in memory.

Cỡ / Sizes (từ --year 2026: chính quyền địa phương hai cấp / from --year 2026: two-tier government):
  small      2026: kế hoạch mẫu lao-cai-2026 (UBND tỉnh, 13 đơn vị); 3.000 bản ghi
             2026: the lao-cai-2026 sample plan (13 units); 3,000 records
             2018: chính kế hoạch mẫu mic-2018 (Bộ TT&TT, 9 đơn vị) / the mic-2018 sample (9 units)
  medium     2026: một trong 34 tỉnh, thành phố: 17 sở, ban, ngành và toàn bộ xã, phường, đặc khu
             của tỉnh đó (40–168), không có cấp huyện; mỗi sở, xã có kế hoạch riêng dưới kế hoạch
             của tỉnh (plans/); 50.000 bản ghi
             2026: one of the 34 provinces: 17 departments and all its communes, wards and
             special zones (40–168), no districts; each department and commune with its own plan
             under the province's (plans/); 50,000 records
             2018: một tỉnh với sở, huyện, xã / a province with departments, districts, communes
  national   2026: cả nước, 52 kế hoạch: kế hoạch của Bộ Nội vụ và, dưới nó, kế hoạch của từng bộ,
             cơ quan ngang bộ (14 + 3) và từng tỉnh, thành phố (34); 4.346 đơn vị, trong đó
             3.321 đơn vị cấp xã (2.636 xã, 672 phường, 13 đặc khu); 1.000.000 bản ghi
             2026: the country, 52 plans: the Ministry of Home Affairs' plan and under it the plan
             of every ministry and ministry-level agency (14 + 3) and province (34); 4,346 units,
             3,321 of them commune-level (2,636 xã, 672 phường, 13 đặc khu); 1,000,000 records
             2018: một kế hoạch, 22 bộ, ngành và 63 tỉnh, 3.400 đơn vị
             2018: one plan, 22 ministries and 63 provinces, 3,400 units

Tệp ghi ra / Files written (trong / in --out):
  plan.json            kế hoạch (JSON chuẩn) / the plan (canonical JSON)
  activities.ndjson    hoạt động kế hoạch, mỗi dòng một đối tượng / planned activities, one per line
  records.ndjson       bản ghi kết quả thực hiện / actual records
  reports.ndjson       báo cáo định kỳ của đơn vị (có báo cáo muộn, thiếu) / unit reports (some late, missing)
  manifest.json        số lượng, kích thước, SHA-256 / counts, byte sizes, SHA-256
  plans/<mã>/          medium, national 2026: mỗi kế hoạch một thư mục với bốn tệp trên; manifest.json
                       nêu rootPlanId và plans: [ { planId, parentPlanId, parentUnitId, issuer, dir,
                       counts, files } ]
                       medium, national 2026: one folder per plan with the four files above; manifest.json
                       names rootPlanId and lists plans

Tùy chọn / Options:
  --size <cỡ>          small, medium hoặc national / small, medium or national
  --seed <n>           số nguyên bất kỳ (số âm: --seed=-5) / any integer (negative: --seed=-5)
  -o, --out <thư mục>  thư mục đích (tạo nếu chưa có; tệp cùng tên bị ghi đè)
                       target folder (created if missing; files of the same names are replaced)
  --year <năm>         năm kế hoạch 2001–2100 (mặc định 2018) / plan year 2001–2100 (default 2018)
  --sub-plans          từ 2026, national: thêm kế hoạch của từng sở và xã dưới kế hoạch tỉnh (~3.800
                       kế hoạch; medium luôn có) / from 2026, national: each department's and commune's
                       plan under its province's too (~3,800 plans; medium always has them)
  --json               in manifest dạng JSON / print the manifest as JSON:
                       { generator, size, seed, year, planId, rootPlanId, counts: { units, activities,
                         records, reports }, files: [ { name, kind, items, bytes, sha256 } ],
                         plans: [ { planId, parentPlanId?, parentUnitId?, issuer, dir, counts, files } ] }

Mã thoát / Exit codes:
  0   đã tạo / generated
  2   cỡ, hạt giống, năm sai hoặc không ghi được thư mục / bad size, seed or year, or cannot write

Ví dụ / Example:
  cchc generate --size small --seed 1 --out d && cchc score d/plan.json --tracking d --json
`;

const EXPORT_USAGE = `Cách dùng / Usage: cchc export <kế hoạch/plan> --format docx|pdf|xlsx|ics|md|html --out <tệp/file>
                   [--document plan|report|score|calendar] [--period <mã kỳ/id>] [--unit <mã/id>]
                   [--tracking <thư mục|tệp / dir|file>] [tùy chọn thể thức / header options] [--json]

Xuất văn bản đúng thể thức Nghị định 30/2020/NĐ-CP: kế hoạch, báo cáo định kỳ (BÁO CÁO, số BC) của
một đơn vị hoặc toàn cơ quan, bảng điểm, lịch báo cáo. Báo cáo và bảng điểm tính từ dữ liệu theo dõi
(cùng dạng NDJSON như cchc score, đọc dạng luồng). Trường thiếu hiện chỗ trống "…" và được cảnh báo.
Exports an official document in the Decree 30/2020 layout: the plan, a period report of one unit or
the whole agency, the score sheet, the reporting calendar. Reports and score sheets are built from
tracking data (the NDJSON cchc score reads, streamed). Missing fields show as "…" and are warned.

Tùy chọn / Options:
  -f, --format <dạng>     docx (Word), pdf, xlsx (Excel), ics (iCalendar), md (Markdown), html
                          (mặc định: theo đuôi tệp --out / default: from the --out extension)
  -o, --out <tệp>         tệp đích, hoặc thư mục (tên tệp tự đặt); mặc định: tên tự đặt trong thư mục
                          hiện tại / target file or folder (file named for you); default: current folder
  -d, --document <loại>   plan (kế hoạch, mặc định / default), report (báo cáo định kỳ / period
                          report), score (bảng điểm / score sheet), calendar (lịch báo cáo / calendar)
  --period <mã kỳ>        kỳ báo cáo, bắt buộc với report: 2018Q1, 2018S1, 2018 (xem cchc calendar)
                          reporting period, required for report
  --unit <mã đơn vị>      báo cáo của một đơn vị (mặc định: toàn cơ quan) / one unit's report
                          (default: the whole agency)
  --tracking <thư mục|tệp>
                          dữ liệu theo dõi, bắt buộc với report và score / tracking data, required
                          for report and score (activities.ndjson, records.ndjson, reports.ndjson)
  --issuer <tên>          cơ quan ban hành / issuing body (mặc định: của kế hoạch / default: the plan's)
  --parent-body <tên>     cơ quan chủ quản / parent body
  --number <số>           số, ký hiệu, ví dụ 15/BC-BTTTT / number and symbol
  --place <địa danh>      địa danh, ví dụ "Hà Nội" / place
  --date <YYYY-MM-DD>     ngày ban hành / date of issue
  --signer-authority <…>  quyền hạn ký, ví dụ "KT. BỘ TRƯỞNG" / signing authority
  --signer-title <…>      chức vụ người ký / signer's title (cùng --signer-name / with --signer-name)
  --signer-name <…>       họ tên người ký / signer's name
  --addressee <nơi gửi>   "Kính gửi:" của báo cáo, nhiều nơi cách nhau bởi ";" (mặc định: từ kế hoạch —
                          báo cáo toàn cơ quan gửi nơi nhận đầu tiên ghi "(để báo cáo)" hoặc nơi nhận đầu
                          tiên, báo cáo đơn vị gửi đơn vị nhận báo cáo / đơn vị chủ trì) / the report's
                          addressees, ";" apart (default: from the plan — the agency's report goes to the
                          first recipient marked "(để báo cáo)", else the first; a unit's to the lead unit)
  --drafting-unit <viết tắt>
                          đơn vị soạn thảo trong "Lưu: VT, …" (mặc định: theo dòng Lưu của kế hoạch, hoặc
                          đơn vị chủ trì) / drafting unit of the archive line (default: the plan's own)
  --json                  in JSON / print JSON: { file, mediaType, bytes, warnings: [ { code,
                          severity, path, message: { vi, en } } ] }

Cảnh báo (trường thiếu, ký tự điều khiển đã bỏ, dòng dữ liệu lỗi, số, ký hiệu sai thể thức như
cchc validate báo — "5/KH-BTTTT" cần "05") in ra stderr, mỗi cảnh báo một dòng; văn bản vẫn được ghi.
Warnings (missing fields, control characters removed, invalid tracking lines, a number/symbol that
cchc validate calls malformed — "5/KH-BTTTT" needs "05") go to stderr, one a line; the file is written.

Mã thoát / Exit codes:
  0   đã ghi tệp (có thể có cảnh báo) / file written (warnings allowed)
  2   đối số sai, định dạng chưa có trong bản này, tệp không dùng được, không ghi được
      bad arguments, format not available in this build, unusable input, cannot write

Ví dụ / Examples:
  cchc export ke-hoach.json --format docx --out ke-hoach.docx --number 12/KH-BTTTT --place "Hà Nội" \\
    --date 2018-03-05 --signer-authority "KT. BỘ TRƯỞNG" --signer-title "THỨ TRƯỞNG" --signer-name "Nguyễn Văn A"
  cchc export d/plan.json --document report --period 2018Q1 --tracking d --format pdf --out bc-q1.pdf
  cchc export d/plan.json --document score --tracking d --format docx --out bang-diem.docx
`;

const REMIND_USAGE = `Cách dùng / Usage: cchc remind --now <ngày|thời điểm / date|instant> [--dry-run] [--json]
                   [--plan <tệp|mic-2018>] [--reports <ndjson|thư mục>] [--contacts <json>]
                   [--notify <smtp://…|https://…|nats://…>] [--webhook-secret <khóa>] [--db <thư mục|postgres://…>]
                   [--agency <mã>] [--config <tệp>] [--days-before 14,7,1] [--escalate-after 1]
                   [--max-attempts 5] [--retry-delay 2000] [--wait 60] [--nats-create-stream]

Tính các nhắc nhở đến hạn vào ngày --now (giờ Việt Nam): N ngày trước hạn nộp (mặc định 14, 7, 1),
đúng ngày hạn, và báo đơn vị chủ trì khi quá hạn (mặc định 1 ngày sau hạn) kèm danh sách đơn vị chưa
nộp. Khi nhiều mốc của một kỳ cùng đến (bắt đầu muộn), chỉ mốc gần nhất được gửi. Không có --dry-run:
ghi vào hàng đợi (outbox) của kho rồi gửi; chạy lại trong ngày không gửi trùng.
Computes the reminders due on --now (Vietnam time): N days before the deadline (default 14, 7, 1),
on the day, and an escalation to the lead unit once overdue (default 1 day after) listing every unit
still missing. When several stages of a period are due at once (a late start), only the latest is
sent. Without --dry-run: written to the store's outbox, then delivered; running again the same day
sends nothing twice.

Tùy chọn / Options:
  --now <ngày>            bắt buộc: YYYY-MM-DD (hết ngày đó, giờ Việt Nam) hoặc thời điểm ISO có múi giờ
                          required: a date (its end, Vietnam time) or an ISO instant with an offset
  --dry-run               chỉ tính và in, không ghi, không gửi / compute and print only
  --json                  in một đối tượng JSON (xem dưới) / print one JSON object (below)
  --plan <tệp|tên mẫu>    kế hoạch (mặc định mẫu mic-2018; tên kế hoạch in ra stderr khi không có --json)
                          the plan (default the mic-2018 sample, named on stderr in human mode)
  --reports <ndjson>      báo cáo đã nộp (một báo cáo mỗi dòng; hoặc thư mục có reports.ndjson); không có:
                          đọc từ kho khi có kho / submitted reports (NDJSON or a folder); default: the store
  --contacts <json>       danh bạ { "<mã đơn vị>": { "email": [...], "webhook"?, "natsSubject"? } }
                          contact directory; a unit without contacts is a warning, and its mail fails
                          permanently (recorded in the outbox with the reason)
  --notify <url>          smtp://host:port[?from=…] | smtps://… | https://… (webhook) | nats://host:port[?subject=…&stream=…]
  --nats-create-stream    với nats://: tạo stream JetStream (tên ?stream=, mặc định CCHC_REMINDERS) nhận các
                          chủ đề sẽ gửi tới, nếu chưa stream nào nhận; không xóa chủ đề nào. Cách khác:
                          nats stream add CCHC_REMINDERS --subjects 'cchc.reminders' --defaults --dupe-window 48h
                          with nats://: make a JetStream stream (named by ?stream=, default CCHC_REMINDERS)
                          capture the subjects this run publishes to, when no stream does; removes none
  --webhook-secret <khóa> khóa ký HMAC của webhook (hoặc CCHC_WEBHOOK_SECRET) / webhook HMAC secret
  --from <địa chỉ>        người gửi thư khi URL smtp không có ?from= / mail sender
  --db <thư mục|url>      kho chứa hàng đợi: thư mục PGlite (mặc định $CCHC_DB hoặc .cchc-data) hoặc postgres://…
                          the store holding the outbox: a PGlite folder (default $CCHC_DB or .cchc-data) or postgres://…
  --agency <mã>           mã cơ quan, đầu khóa chống trùng (mặc định "default") / agency id, key prefix
  --config <tệp>          JSON/YAML: notify, webhookSecret, from, agency, db, contacts (đối tượng hoặc
                          đường dẫn / object or path), templates, daysBefore, escalateAfterDays, onTheDay
  --days-before <N,…>     số ngày nhắc trước hạn (mặc định 14,7,1) / days before the deadline
  --escalate-after <N>    số ngày sau hạn thì báo đơn vị chủ trì (mặc định 1) / days after, to escalate
  --max-attempts <N>      số lần thử gửi tối đa mỗi nhắc nhở (mặc định 5) / attempts per reminder
  --retry-delay <ms>      chờ trước lần thử lại đầu, tăng gấp đôi, dao động ±20% (mặc định 2000)
                          delay before the first retry, doubling, ±20% jitter (default 2000)
  --wait <giây>           chờ tối đa để thử lại trong lần chạy này (mặc định 60); phần còn lại để lần
                          chạy sau / longest wait for retries in this run; the rest waits for the next run

JSON (--json):
  { "now", "today", "agencyId", "planId", "dryRun",
    "due": [ { "key", "kind", "unitId", "unitName", "periodId", "periodLabel": { "vi", "en" },
               "periods": [ { "periodId", "label": { "vi", "en" } } ],
               "dueDate", "dueAt", "sendOn", "daysLeft", "recipients": [ { "unitId", "name", "email": [...],
               "webhook"?, "natsSubject"? } ], "missing": [ { "unitId", "name", "periodIds": [...] } ],
               "subject": { "vi", "en" }, "body": { "vi", "en" } } ],
    "upcoming": [ { "key", "kind", "unitId", "unitName", "periodId", "periodIds": [...], "dueDate", "sendOn" } ],
    "findings": [ { "code", "severity", "path", "message": { "vi", "en" } } ],
    "delivery": null | { "notifier", "enqueued", "alreadyQueued", "refreshed", "delivered", "failed", "retrying",
                         "dead": [ { "key", "error"?: { "code", "message" } } ], "requeue"?,
                         "outbox": { "pending", "retrying", "delivered", "dead" },
                         "results": [ { "key", "status", "error"?: { "code", "message" }, "nextAttemptAt"? } ],
                         "natsStream"?: { "stream", "created", "added": [...], "covered": [ { "subject", "stream" } ] } } }
  refreshed: nhắc nhở đã có trong hàng đợi, chưa thử gửi (ví dụ vừa requeue), được cập nhật theo danh bạ hiện
  tại / queued reminders not tried yet (say just requeued) given the current contacts
  dead: nhắc nhở đến hạn đã hỏng trong hàng đợi (không tự gửi lại); "requeue" là lệnh đưa lại / due reminders
  dead in the outbox (never retried on their own); "requeue" is the command that puts them back
  error.code "no-stream" (NATS): không stream nào nhận chủ đề; lỗi vĩnh viễn / no stream captures the subject
  kind: before-N | due-today | overdue;  key: <agency>:<unitId>:<periodId>:<kind>
  báo cáo cùng hạn (quý II và 6 tháng) đi chung một nhắc nhở, "periods" liệt kê từng kỳ / reports due the
  same day go in one reminder listing each in "periods"; key: <agency>:<unitId>:<dueDate>:<ids+…>:<kind>
  daysLeft: số ngày đến hạn, âm khi đã quá / days to the deadline, negative once passed

Mã thoát / Exit codes:
  0   đã gửi hết, hoặc không có gì đến hạn, hoặc chạy thử / all delivered, nothing due, or a dry run
  1   có nhắc nhở không gửi được (lỗi vĩnh viễn, nhắc nhở đến hạn đã hỏng từ lần chạy trước, hoặc còn chờ thử
      lại khi hết --wait) / some reminders not delivered (failed permanently, dead from an earlier run, or
      still waiting for a retry when --wait ran out)
  2   đối số sai, tệp không dùng được, không mở được kho / bad arguments, unusable input, store unavailable

Ví dụ / Examples:
  cchc remind --now 2018-03-08 --dry-run --json
  cchc remind --now 2018-03-08 --contacts danh-ba.json --notify "smtp://127.0.0.1:2525?from=cchc%40mic.gov.vn"
  cchc remind --now 2018-03-20 --notify https://eoffice.example.gov.vn/hooks/cchc --webhook-secret "$SECRET"
  cchc remind --now 2018-03-08 --notify "nats://127.0.0.1:4222?subject=cchc.reminders" --nats-create-stream
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

const OUTBOX_USAGE = `Cách dùng / Usage: cchc outbox list [--status pending|retrying|delivered|dead] [--json]
                   cchc outbox requeue <khóa/key>… | --all-dead [--by <tên/name>] [--json]
                   [--db <thư mục|postgres://…>] [--agency <mã>]

Hàng đợi (outbox) là nơi cchc remind ghi nhắc nhở trước khi gửi. Mục "dead" (hỏng: lỗi vĩnh viễn, ví dụ
đơn vị không có địa chỉ thư, hoặc hết số lần thử) không bao giờ tự gửi lại: sửa danh bạ, chạy
\`cchc outbox requeue <khóa>\` (hoặc --all-dead), rồi chạy lại cchc remind với danh bạ đã sửa — nhắc nhở
được tính lại và gửi tới địa chỉ mới.
The outbox is where cchc remind writes reminders before sending them. A "dead" entry (a permanent
failure such as a unit without an email address, or attempts exhausted) is never retried on its own:
fix the contacts, run \`cchc outbox requeue <key>\` (or --all-dead), then rerun cchc remind with the fixed
contacts — the reminder is computed again and sent to the new address.

Lệnh con / Subcommands:
  list                   các mục theo thứ tự khóa, số lần thử, lỗi gần nhất / entries in key order,
                         attempts, last error
    --status <trạng thái> chỉ các mục pending | retrying | delivered | dead / only entries in that status
  requeue <khóa>…        đưa các mục hỏng trở lại hàng đợi: pending, số lần thử về 0, ghi ai và lúc nào
                         put dead entries back in line: pending, attempts 0, who and when recorded
    --all-dead           mọi mục hỏng của cơ quan / every dead entry of the agency
    --by <tên>           người thực hiện ghi vào mục (mặc định: người dùng hệ điều hành) / recorded as
                         who requeued (default: the OS user)

${STORE_HELP}

JSON (--json):
  list:    { "store", "agencyId", "status", "counts": { "pending", "retrying", "delivered", "dead" },
             "entries": [ { "key", "status", "attempts", "createdAt", "nextAttemptAt",
                            "recipient": { "unitId", "name", "email": [...] }, "subject": { "vi", "en" },
                            "lastError"?: { "code", "message", "at" }, "deliveredAt"?, "requeuedAt"?, "requeuedBy"? } ] }
  requeue: { "agencyId", "requeued", "by", "results": [ { "key", "requeued", "status" } ] }
           status: trạng thái sau lệnh, null khi khóa không có / the status after, null for an unknown key

Mã thoát / Exit codes:
  0   thành công / success
  1   requeue: có khóa không hỏng hoặc không có trong hàng đợi (để nguyên) / a key was not dead or unknown
  2   đối số sai, không mở được kho / bad arguments, store unavailable

Ví dụ / Examples:
  cchc outbox list --status dead
  cchc outbox requeue default:vu-phap-che:2018Q1:before-14
  cchc outbox requeue --all-dead && cchc remind --now 2018-03-08 --contacts danh-ba.json --notify "smtp://…"
`;

const ACCOUNTS_USAGE = `Cách dùng / Usage: cchc accounts add --plan <mã/id> --user <tên/name> --role lead|reporter|viewer
                     [--unit <đơn vị/unit>] --password-stdin | --sso-only [--json]
                   cchc accounts list [--json]
                   cchc accounts disable|enable --user <tên/name> [--json]
                   cchc accounts reset-password --user <tên/name> --password-stdin [--json]
                   [--db <thư mục|postgres://…>] [--agency <mã>]

Tài khoản đăng nhập bảng điều khiển, lưu cùng kho với kế hoạch. Mật khẩu đọc từ đầu vào chuẩn (một
dòng), không bao giờ từ dòng lệnh; chỉ lưu giá trị băm argon2id. Khóa tài khoản hoặc đặt lại mật khẩu
kết thúc mọi phiên của tài khoản. Mật khẩu: ít nhất 12 ký tự, không chứa tên đăng nhập.
The dashboard's sign-in accounts, kept in the same store as the plan. The password is read from
standard input (one line), never from the command line; only its argon2id hash is stored. Disabling
an account or resetting its password ends every session of it. Passwords: 12 characters at least,
not containing the user name.

  --role lead|reporter|viewer  đơn vị chủ trì / người báo cáo của một đơn vị (cần --unit) / người xem
                               the lead unit / a unit's reporter (needs --unit) / a viewer
  --sso-only                   không có mật khẩu: chỉ đăng nhập qua SSO của cơ quan / no password:
                               signs in through the agency's SSO only

${STORE_HELP}

JSON (--json): add: { "ok", "store", "agencyId", "account": { "userName", "planId", "role", "unitId",
  "disabled", "hasPassword", "createdAt", "updatedAt", "createdBy" } }; list: { "store", "agencyId",
  "accounts": [ … ] }; refused: { "ok": false, "code", "message": { "vi", "en" } }

Mã thoát / Exit codes:
  0   thành công / success
  1   bị từ chối theo quy tắc: tên đã có, mật khẩu yếu, không có tài khoản này
      refused by a rule: user name taken, weak password, no such account
  2   đầu vào không dùng được: đối số sai, không có kế hoạch/đơn vị, không có mật khẩu ở đầu vào chuẩn,
      không mở được kho / unusable input: bad arguments, no such plan or unit, no password on stdin,
      store unavailable

Ví dụ / Examples:
  printf '%s\\n' "$MAT_KHAU" | cchc accounts add --db ./du-lieu --agency bo-tttt --plan mic-2018 \\
      --user chu-tri --role lead --password-stdin
  cchc accounts disable --db ./du-lieu --agency bo-tttt --user vu-phap-che
`;

const COMMAND_USAGE: Record<CommandName, string> = {
  accounts: ACCOUNTS_USAGE,
  export: EXPORT_USAGE,
  remind: REMIND_USAGE,
  outbox: OUTBOX_USAGE,
  score: SCORE_USAGE,
  generate: GENERATE_USAGE,
  migrate: MIGRATE_USAGE,
  plans: PLANS_USAGE,
  round: ROUND_USAGE,
  appraisal: APPRAISAL_USAGE,
  ingest: INGEST_USAGE,
  rollup: ROLLUP_USAGE,
  import: IMPORT_USAGE,
  sample: `Cách dùng / Usage: cchc sample <tên/name> [--tracking <thư mục/dir>]

In kế hoạch mẫu dạng JSON chuẩn (đã điền giá trị mặc định), làm điểm xuất phát cho kế hoạch của cơ quan.
Prints a sample plan as canonical JSON (defaults filled in), a starting point for your own plan.

Mẫu có sẵn / Samples: ${SAMPLE_PLAN_NAMES.join(", ")}
  mic-2018           Kế hoạch tuyên truyền CCHC năm 2018 của Bộ Thông tin và Truyền thông
                     2018 PAR communication plan of the Ministry of Information and Communications
  lao-cai-2026       Kế hoạch năm 2026 của UBND tỉnh Lào Cai (minh họa): Sở Nội vụ chủ trì, các sở
                     sau hợp nhất, các xã, phường; không có cấp huyện
                     2026 plan of a province (illustrative): two-tier government, no districts
  xa-bao-thang-2026  Kế hoạch năm 2026 của UBND xã Bảo Thắng (minh họa), cụ thể hóa kế hoạch của tỉnh
                     2026 plan of a commune (illustrative), implementing the province's plan

Tùy chọn / Options:
  --tracking <thư mục>  ghi kế hoạch và dữ liệu theo dõi kèm mẫu (mẫu 2026) vào thư mục: plan.json,
                        activities.ndjson, records.ndjson, reports.ndjson (như cchc score đọc)
                        write the plan and the sample's tracking data (2026 samples) to a folder

Mã thoát / Exit codes: 0 thành công / success; 2 tên mẫu không có, mẫu không kèm dữ liệu theo dõi,
  không ghi được thư mục / unknown sample, no tracking data, cannot write the folder

Ví dụ / Example:
  cchc sample mic-2018 > ke-hoach.json
  cchc sample lao-cai-2026 --tracking d && cchc score d/plan.json --tracking d
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
  calendar: `Cách dùng / Usage: cchc calendar <năm/year> [--json] [--types <loại,…>]
                     [--deadline-days <N> | --working-days <N>] [--next-working-day]
                     [--holidays <tệp/file>] [--regime decree-09-2019|calendar-month]

Lịch báo cáo định kỳ theo Nghị định 09/2019/NĐ-CP (múi giờ Asia/Ho_Chi_Minh): mỗi kỳ với mã, tên,
ngày bắt đầu và kết thúc chốt số liệu, hạn nộp. Hạn nộp bị dời (ngày làm việc, ngày nghỉ) được giải
thích bên dưới bảng: "19/12/2026 là thứ Bảy → 21/12/2026". Với năm trước khi Nghị định 09 có hiệu
lực (12/03/2019), lịch nói rõ chế độ đang áp dụng.
Reporting calendar of Decree 09/2019 (Asia/Ho_Chi_Minh): every period with id, label, data cut-off
start and end, and due date. A due date that moved (working days, a day off) is explained below the
table. For years before Decree 09 took effect (12/03/2019) the calendar names the regime it applies.

Đối số / Arguments:
  <năm/year>            số nguyên 2000–2100 / an integer 2000–2100

Tùy chọn / Options:
  --types <loại,…>      loại kỳ, cách nhau bởi dấu phẩy / period types, comma-separated:
                        month, quarter, half-year, nine-month, second-half (6 tháng cuối năm,
                        15/6 → 14/12), year (mặc định: tất cả trừ second-half / default: all but
                        second-half)
  --deadline-days <N>   hạn nộp sau ngày chốt số liệu, 0–365 ngày (mặc định 5)
                        days from cut-off to deadline, 0–365 (default 5)
  --working-days <N>    hạn nộp sau ngày chốt số liệu, 0–365 ngày làm việc (không cùng --deadline-days)
                        working days from cut-off to deadline, 0–365 (not with --deadline-days)
  --next-working-day    hạn nộp rơi vào ngày nghỉ thì dời sang ngày làm việc kế tiếp
                        a due date on a day off moves to the next working day
  --holidays <tệp>      lịch nghỉ của cơ quan (JSON/YAML): { "holidays": [ { "date": "2026-02-14",
                        "kind": "off" | "working", "name"?, "source"? } ] } (xem cchc holidays)
                        the agency's schedule of days off and make-up working days
  --regime <chế độ>     decree-09-2019 (mặc định: từ ngày 15 đến ngày 14) hoặc calendar-month (theo
                        tháng dương lịch, như trước Nghị định 09) / decree-09-2019 (default) or
                        calendar-month (whole calendar months, as before Decree 09)
  --json                in JSON / print JSON:
                        { "year", "timeZone", "deadlineDaysAfterCutoff" (null với --working-days),
                          "deadlineWorkingDaysAfterCutoff"?, "dueOnDayOff": "keep" | "next-working-day",
                          "regime": { "code", "decree09InForce": "yes" | "partly" | "no", "note" },
                          "periods": [ { "id", "type", "label": { "vi", "en" }, "cutoffStart",
                          "cutoffEnd", "dueDate", "dueAt", "dueDateMove"?: { "from", "to",
                          "reason": { "vi", "en" } } } ] }
  -h, --help            trợ giúp / help

Mã thoát / Exit codes: 0 thành công / success; 2 năm, tùy chọn hoặc tệp sai / bad year, option or file

Ví dụ / Examples:
  cchc calendar 2018 --types quarter,half-year,year --deadline-days 7
  cchc calendar 2026 --types year --next-working-day
  cchc calendar 2026 --working-days 5 --holidays lich-nghi-2026.json --json
`,
  holidays: `Cách dùng / Usage: cchc holidays <năm/year> [--json] [--holidays <tệp/file>]

Ngày nghỉ lễ, tết của năm theo Bộ luật Lao động có hiệu lực (2019: Điều 112; 2012: Điều 115; 1994:
Điều 73), âm lịch tính theo múi giờ Việt Nam (UTC+7), ngày nghỉ bù khi ngày lễ trùng thứ Bảy, Chủ
nhật, và lịch của cơ quan (--holidays) đè lên. Ngày nghỉ bù ghi rõ ngày nào được dời:
"26/04/2026 là Chủ nhật → 27/04/2026".
Public holidays of a year under the labour code in force, the lunar calendar computed for Vietnam
(UTC+7), days in lieu for holidays on a weekend, and the agency's schedule (--holidays) on top.
A day in lieu says which date moved.

Đối số / Arguments:
  <năm/year>            số nguyên 2000–2100 / an integer 2000–2100

Tùy chọn / Options:
  --holidays <tệp>      lịch nghỉ của cơ quan (JSON/YAML), như cchc calendar --holidays
                        the agency's schedule (JSON/YAML), as for cchc calendar --holidays
  --json                in JSON / print JSON:
                        { "year", "timeZone", "lunarNewYear", "workingDayCount", "days": [ { "date",
                          "weekday": { "vi", "en" }, "kind": "holiday" | "compensatory" | "agency-off"
                          | "agency-working", "working", "code"?, "name": { "vi", "en" }, "basis"?,
                          "source"?, "moved"?: { "from", "to", "reason": { "vi", "en" } } } ] }
  -h, --help            trợ giúp / help

Mã thoát / Exit codes: 0 thành công / success; 2 năm, tùy chọn hoặc tệp sai / bad year, option or file

Ví dụ / Examples:
  cchc holidays 2026
  cchc holidays 2026 --holidays lich-nghi-2026.json --json
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
