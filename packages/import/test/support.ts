/// <reference types="node" />
/** Shared by the import tests: fixtures read from disk, and small documents built from parts. */
import { readFileSync } from "node:fs";

/** A fixture's text, as bytes on disk decode (CRLF and all). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

/** A fixture's bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

export const SEED = "ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.txt";
export const SEED_DOCX = "ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.docx";

/**
 * A small but complete province plan; `parts` replaces the header lines, a section, or the trailer,
 * so each test varies one thing against a document that otherwise imports cleanly.
 */
export function provincePlan(
  parts: {
    header?: string;
    number?: string;
    date?: string;
    objectives?: string;
    reporting?: string;
    trailer?: string;
  } = {},
): string {
  const header =
    parts.header ??
    [
      "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "TỈNH HÀ NAM\tĐộc lập - Tự do - Hạnh phúc",
      `${parts.number ?? "Số: 05/KH-UBND"}\t${parts.date ?? "Hà Nam, ngày 24 tháng 3 năm 2021"}`,
    ].join("\n");
  return [
    header,
    "",
    "KẾ HOẠCH",
    "Tuyên truyền cải cách hành chính năm 2021",
    "I. MỤC ĐÍCH, YÊU CẦU",
    parts.objectives ??
      [
        "1. Mục đích",
        "- Nâng cao nhận thức của cán bộ, công chức, viên chức và Nhân dân về cải cách hành chính.",
        "2. Yêu cầu",
        "- Tuyên truyền phải thường xuyên, thiết thực, hiệu quả.",
      ].join("\n"),
    "II. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
    "1. Đối tượng",
    "Cán bộ, công chức, viên chức và Nhân dân trên địa bàn tỉnh.",
    "2. Nội dung",
    "a) Cải cách thủ tục hành chính, cơ chế một cửa, một cửa liên thông.",
    "b) Xây dựng chính quyền điện tử, chính quyền số.",
    "3. Hình thức",
    "a) Tuyên truyền trên Báo Hà Nam, Đài Phát thanh và Truyền hình tỉnh.",
    "b) Tổ chức hội nghị tập huấn về cải cách hành chính.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Sở Nội vụ chủ trì, hướng dẫn, đôn đốc, kiểm tra việc thực hiện Kế hoạch này.",
    "2. Các sở, ban, ngành tỉnh; UBND các huyện, thành phố xây dựng kế hoạch tuyên truyền của cơ quan, đơn vị.",
    parts.reporting ?? "3. Các cơ quan, đơn vị báo cáo kết quả định kỳ 6 tháng, năm gửi về Sở Nội vụ.",
    "4. Kinh phí thực hiện từ nguồn kinh phí tự chủ của các cơ quan, đơn vị.",
    "",
    parts.trailer ??
      ["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, NC.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"].join(
        "\n",
      ),
  ].join("\n");
}
