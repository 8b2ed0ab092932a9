/**
 * The legal acts the reference data cites: each entry says when a unit came into being or ceased,
 * so an agency can check the data against the act itself.
 */
import type { LocalizedText } from "../text.js";

/** One legal act: its number, the date it was adopted or signed, and what it did. */
export interface LegalBasis {
  /** The act's number and symbol, as cited ("202/2025/QH15"). */
  readonly number: string;
  /** Date of adoption or signature (ISO). */
  readonly date: string;
  readonly title: LocalizedText;
}

const basis = (number: string, date: string, vi: string, en: string): LegalBasis => ({
  number,
  date,
  title: { vi, en },
});

/** The acts the reference data names, by number. */
export const LEGAL_BASES: Readonly<Record<string, LegalBasis>> = {
  "02/2002/QH11": basis(
    "02/2002/QH11",
    "2002-08-05",
    "Nghị quyết của Quốc hội về cơ cấu tổ chức của Chính phủ khóa XI",
    "National Assembly resolution on the structure of the Government, 11th term",
  ),
  "01/2007/QH12": basis(
    "01/2007/QH12",
    "2007-07-31",
    "Nghị quyết của Quốc hội về cơ cấu tổ chức của Chính phủ khóa XII",
    "National Assembly resolution on the structure of the Government, 12th term",
  ),
  "1314/NQ-UBTVQH15": basis(
    "1314/NQ-UBTVQH15",
    "2024-11-30",
    "Nghị quyết của Ủy ban Thường vụ Quốc hội về việc thành lập thành phố Huế trực thuộc trung ương (hiệu lực từ 01/01/2025)",
    "Standing Committee resolution founding the centrally-run city of Huế (in force 1 January 2025)",
  ),
  "176/2025/QH15": basis(
    "176/2025/QH15",
    "2025-02-18",
    "Nghị quyết của Quốc hội về cơ cấu tổ chức của Chính phủ nhiệm kỳ Quốc hội khóa XV (các bộ hợp nhất hoạt động từ 01/3/2025)",
    "National Assembly resolution on the structure of the Government, 15th term (merged ministries from 1 March 2025)",
  ),
  "45/2025/NĐ-CP": basis(
    "45/2025/NĐ-CP",
    "2025-02-28",
    "Nghị định quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương (các sở hợp nhất từ 01/3/2025)",
    "Decree on the specialised agencies of provincial People's Committees (merged departments from 1 March 2025)",
  ),
  "202/2025/QH15": basis(
    "202/2025/QH15",
    "2025-06-12",
    "Nghị quyết của Quốc hội về việc sắp xếp đơn vị hành chính cấp tỉnh (34 tỉnh, thành phố; chính quyền mới hoạt động từ 01/7/2025)",
    "National Assembly resolution on the arrangement of provincial units (34 provinces and cities; new governments from 1 July 2025)",
  ),
  "UBTVQH15-2025-xa": basis(
    "UBTVQH15-2025-xa",
    "2025-06-16",
    "Các nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của từng tỉnh, thành phố năm 2025 (3.321 đơn vị từ 01/7/2025)",
    "The Standing Committee's per-province resolutions on the arrangement of commune-level units, 2025 (3,321 units from 1 July 2025)",
  ),
  "150/2025/NĐ-CP": basis(
    "150/2025/NĐ-CP",
    "2025-06-12",
    "Nghị định quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh và Ủy ban nhân dân xã, phường, đặc khu (từ 01/7/2025)",
    "Decree on the specialised agencies of provincial and commune People's Committees (from 1 July 2025)",
  ),
};

/** The day two-tier local government began: no district level from this date on. */
export const TWO_TIER_SINCE = "2025-07-01";
/** The day the merged ministries and departments began work. */
export const MERGED_MINISTRIES_SINCE = "2025-03-01";
