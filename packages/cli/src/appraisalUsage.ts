/**
 * Help pages of `cchc round` and `cchc appraisal`, Vietnamese first, English alongside: the flags,
 * the actor flags and the exit codes scripts branch on. Lines stay within 100 columns.
 */

const ACTOR_HELP = `Ai thực hiện / Who acts (ghi vào lịch sử / recorded in history):
  --as <người dùng>     mặc định $CCHC_USER, nếu không thì tên đăng nhập máy
                        default $CCHC_USER, else the login name
  --role <vai trò>      lead (mặc định: đơn vị chủ trì), council (hội đồng thẩm định), viewer,
                        reporter:<mã đơn vị> (người báo cáo của một đơn vị)
                        lead (default: the lead unit), council (appraisal council), viewer,
                        reporter:<unit id> (a unit's reporter)`;

const STORE = `  --db <url|thư mục>    kho dữ liệu (PGlite hoặc postgres://…); mặc định $CCHC_DB, nếu không
                        ./.cchc-data / the store (a PGlite folder or postgres://…);
                        default $CCHC_DB, else ./.cchc-data
  --agency <mã>         cơ quan (tenant); mặc định $CCHC_AGENCY, nếu không "default"`;

const EXITS = `Mã thoát / Exit codes:
  0   đã ghi / written
  1   bị từ chối theo quy tắc (không ghi gì): vượt điểm tối đa, đợt đã chốt, sai bước, quá hạn,
      xung đột phiên bản, thiếu tài liệu kiểm chứng, tệp quá lớn hoặc sai loại, không có quyền
      refused by a rule (nothing written): over the maximum, round closed, wrong step,
      deadline passed, version conflict, evidence missing, file too large or of a wrong type,
      not allowed
  2   đầu vào không dùng được: đối số sai, không có kế hoạch/đơn vị/tiêu chí, ngày hoặc số sai
      dạng, tệp không đọc được, kho không mở được
      unusable input: bad arguments, no such plan/unit/criterion, malformed date or number,
      unreadable file, store unavailable`;

/** `cchc round --help`. */
export const ROUND_USAGE = `Cách dùng / Usage:
  cchc round open    --db <db> --plan <mã> --period <kỳ> --deadline <YYYY-MM-DD>
  cchc round advance --db <db> --plan <mã> [--period <kỳ>] [--answer-deadline <YYYY-MM-DD>]
  cchc round close   --db <db> --plan <mã> [--period <kỳ>]
  cchc round reopen  --db <db> --plan <mã> [--period <kỳ>] --reason <lý do>
  cchc round list    --db <db> --plan <mã> [--json]

Đợt tự chấm điểm của một kế hoạch cho một kỳ (thường là năm, ví dụ "2026"): mở với hạn tự
chấm; chuyển bước theo thứ tự open (tự chấm) → appraisal (thẩm định) → answering (giải trình,
cần --answer-deadline) → round-2 (thẩm định lại) → closed (chốt điểm). Chỉ đơn vị chủ trì mở,
chuyển bước, chốt; đợt đã chốt chỉ mở lại được bằng "reopen" kèm lý do, và lý do được ghi vào
lịch sử. Không ghi --period: đợt hiện hành (đợt mở gần nhất chưa chốt, nếu không thì đợt mở
gần nhất).

A plan's self-assessment round for a period (usually the year): opened with a deadline; moved
on in order open → appraisal → answering (needs --answer-deadline) → round-2 → closed. Only
the lead opens, moves and closes; a closed round is reopened only with "reopen" and a reason,
which history keeps. Without --period: the current round (the last opened that is not closed,
else the last opened).

Tùy chọn / Options:
${STORE}
  --expected-version <n>
                        phiên bản đợt mà thay đổi dựa vào / the round version the change is based on
  --json                kết quả dạng JSON / JSON output

${ACTOR_HELP}

${EXITS}

Ví dụ / Examples:
  cchc round open --db ./du-lieu --plan mic-2018 --period 2018 --deadline 2019-01-15
  cchc round advance --db ./du-lieu --plan mic-2018
  cchc round advance --db ./du-lieu --plan mic-2018 --answer-deadline 2019-02-01
  cchc round close --db ./du-lieu --plan mic-2018
  cchc round reopen --db ./du-lieu --plan mic-2018 --reason "Chấp nhận khiếu nại của đơn vị"
`;

/** `cchc appraisal --help`. */
export const APPRAISAL_USAGE = `Cách dùng / Usage:
  cchc appraisal self     --db <db> --plan <mã> --unit <đơn vị> --criterion <tiêu chí>
                          --points <n> [--note <giải thích>] [--evidence <tệp>]… [--link <url>]…
  cchc appraisal appraise --db <db> --plan <mã> --unit <đơn vị> --criterion <tiêu chí>
                          --points <n> [--comment <nhận xét>]
  cchc appraisal answer   --db <db> --plan <mã> --unit <đơn vị> --criterion <tiêu chí>
                          --text <giải trình> [--evidence <tệp>]… [--link <url>]…
  cchc appraisal list     --db <db> --plan <mã> [--unit <đơn vị>] [--criterion <tiêu chí>] [--json]
  cchc appraisal history  --db <db> --plan <mã> --unit <đơn vị> --criterion <tiêu chí> [--json]

Mục tự chấm của đợt hiện hành: đơn vị tự chấm tiêu chí chấm tay (điểm ≤ điểm tối đa, ghi chú,
tài liệu kiểm chứng: tệp PDF, DOCX, XLSX, JPEG, PNG — xét theo nội dung tệp, tối đa 20 MB mỗi
tệp — và/hoặc đường dẫn); tiêu chí yêu cầu kiểm chứng (tt.4.2 của bộ mặc định) từ chối khi
không có tệp, đường dẫn hay ghi chú. Đơn vị chủ trì hoặc hội đồng thẩm định chấm điểm thẩm định
(ở bước round-2: quyết định lại); đơn vị giải trình. --unit "*" là cơ quan nói chung. Mỗi lần
ghi dựa trên phiên bản vừa đọc (hoặc --expected-version): hai người cùng lưu một mục thì một
người được, người kia nhận xung đột phiên bản. "cchc score --db <db> --plan <mã>" lấy điểm các
tiêu chí chấm tay từ các mục này.

The current round's entries: a unit self-scores a manual leaf (points ≤ its maximum, a note,
evidence: PDF, DOCX, XLSX, JPEG, PNG files — judged by their bytes, 20 MB each at most — and/or
links); a leaf that requires evidence (tt.4.2 of the preset) is refused with no file, link or
note. The lead or a council member appraises (in round-2: decides again); the unit answers.
--unit "*" is the agency as a whole. Every write is based on the version just read (or
--expected-version): two people saving one entry at once — one wins, the other gets a version
conflict. "cchc score --db <db> --plan <id>" takes the manual leaves' points from these entries.

Tùy chọn / Options:
${STORE}
  --period <kỳ>         đợt của kỳ này thay cho đợt hiện hành
                        the round of this period instead of the current one
  --scheme <tệp>        bộ tiêu chí (mặc định: bộ mẫu PAR) / scoring scheme (default: PAR preset)
  --max-file-mb <n>     giới hạn mỗi tệp kiểm chứng (mặc định 20)
                        limit per evidence file (default 20)
  --expected-version <n>
                        phiên bản mục mà thay đổi dựa vào / the entry version the change is based on
  --json                kết quả dạng JSON: { store, agency, planId, entry | entries | history }
                        JSON output

${ACTOR_HELP}

${EXITS}

Ví dụ / Examples:
  cchc appraisal self --db ./du-lieu --plan mic-2018 --role reporter:vu-phap-che --as nguyen.a \\
      --unit vu-phap-che --criterion tt.4.2 --points 0.5 --note "Chuyên mục CCHC" \\
      --evidence bao-cao.pdf
  cchc appraisal appraise --db ./du-lieu --plan mic-2018 --role council --as hd.tran \\
      --unit vu-phap-che --criterion tt.4.2 --points 0.25 --comment "Chưa đủ minh chứng"
  cchc appraisal answer --db ./du-lieu --plan mic-2018 --role reporter:vu-phap-che \\
      --unit vu-phap-che --criterion tt.4.2 --text "Bổ sung quyết định" --evidence qd.pdf
  cchc appraisal list --db ./du-lieu --plan mic-2018 --json
  cchc score --db ./du-lieu --plan mic-2018 --json
`;
