/**
 * A 2026 commune plan in the shape real ones have since two-tier local government: the People's
 * Committee of a commune issues it to implement the province's plan (`parent`), its office leads,
 * its two divisions and public service centre implement, and villages (thôn) are reached by
 * loudspeaker and meetings. Written for the library in the shape of issued plans, not a copy.
 */
import type { PlanInput } from "../plan.js";

/** Kế hoạch tuyên truyền CCHC năm 2026 của UBND xã Bảo Thắng, tỉnh Lào Cai (illustrative). */
export const baoThang2026: PlanInput = {
  id: "xa-bao-thang-2026",
  documentType: "KH",
  parentBody: { name: "Ủy ban nhân dân tỉnh Lào Cai" },
  issuer: { name: "Ủy ban nhân dân xã Bảo Thắng", abbreviation: "UBND" },
  number: "07/KH-UBND",
  place: "Bảo Thắng",
  date: "2026-02-10",
  year: 2026,
  title: "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026 TRÊN ĐỊA BÀN XÃ BẢO THẮNG",
  parent: { planId: "lao-cai-2026", year: 2026, number: "38/KH-UBND" },
  signer: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Lò Văn Minh" },
  objectives: [
    {
      id: "I.1.a",
      text: "Cụ thể hóa Kế hoạch số 38/KH-UBND của Ủy ban nhân dân tỉnh; giúp người dân nắm được nơi và cách giải quyết thủ tục hành chính sau khi xã mới đi vào hoạt động.",
    },
    {
      id: "I.1.b",
      text: "Nâng tỷ lệ hồ sơ trực tuyến tại Trung tâm Phục vụ hành chính công xã.",
    },
  ],
  requirements: [
    {
      id: "I.2.a",
      text: "Tuyên truyền bằng tiếng phổ thông và tiếng dân tộc ở các thôn có đông đồng bào dân tộc thiểu số.",
    },
  ],
  audiences: [
    { id: "I.3.a", kind: "civil-servants", text: "Cán bộ, công chức xã." },
    { id: "I.3.b", kind: "citizens", text: "Nhân dân các thôn trên địa bàn xã." },
  ],
  contentAreas: [
    {
      id: "II.1.a",
      kind: "par-programme",
      text: "Kế hoạch cải cách hành chính năm 2026 của xã:",
    },
    {
      id: "II.1.a.1",
      parentId: "II.1.a",
      kind: "pillar-procedures",
      text: "Thủ tục hành chính thuộc thẩm quyền của xã; tiếp nhận hồ sơ không phụ thuộc địa giới hành chính.",
    },
    {
      id: "II.1.a.2",
      parentId: "II.1.a",
      kind: "pillar-modernisation",
      text: "Dịch vụ công trực tuyến, định danh điện tử, thanh toán không dùng tiền mặt.",
    },
    {
      id: "II.1.b",
      kind: "one-stop-shop",
      text: "Hoạt động của Trung tâm Phục vụ hành chính công xã.",
    },
  ],
  channels: [
    { id: "II.2.a", kinds: ["loudspeaker"], text: "Hệ thống loa truyền thanh của xã và các thôn." },
    {
      id: "II.2.b",
      kinds: ["meeting-seminar"],
      text: "Lồng ghép trong họp thôn, hội nghị của các đoàn thể.",
    },
    {
      id: "II.2.c",
      kinds: ["messaging-app", "web-portal"],
      text: "Nhóm Zalo của thôn, trang thông tin điện tử của xã.",
    },
  ],
  units: [
    { id: "ubnd-xa", name: "Ủy ban nhân dân xã Bảo Thắng", abbreviation: "UBND", kind: "commune-committee" },
    {
      id: "van-phong",
      name: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã",
      kind: "commune-office",
      parentUnitId: "ubnd-xa",
    },
    { id: "phong-kinh-te", name: "Phòng Kinh tế", kind: "commune-division", parentUnitId: "ubnd-xa" },
    { id: "phong-vhxh", name: "Phòng Văn hóa - Xã hội", kind: "commune-division", parentUnitId: "ubnd-xa" },
    {
      id: "trung-tam-hcc",
      name: "Trung tâm Phục vụ hành chính công xã",
      kind: "commune-service-centre",
      parentUnitId: "ubnd-xa",
    },
    { id: "cac-thon", name: "Các thôn trên địa bàn xã", kind: "other", group: true },
  ],
  responsibilities: [
    {
      id: "III.1.a",
      unitIds: ["van-phong"],
      roles: ["lead", "monitor"],
      text: "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã chủ trì, theo dõi, tổng hợp, báo cáo kết quả thực hiện Kế hoạch.",
      contentAreaIds: "all",
    },
    {
      id: "III.1.b",
      unitIds: ["trung-tam-hcc"],
      roles: ["implement", "report"],
      text: "Trung tâm Phục vụ hành chính công xã hướng dẫn người dân nộp hồ sơ trực tuyến.",
      contentAreaIds: ["II.1.a.1", "II.1.b"],
    },
    {
      id: "III.1.c",
      unitIds: ["phong-vhxh"],
      roles: ["implement", "report"],
      text: "Phòng Văn hóa - Xã hội phát thanh tin, bài về cải cách hành chính trên loa truyền thanh.",
      contentAreaIds: ["II.1.a.2"],
      channelIds: ["II.2.a"],
    },
    {
      id: "III.1.d",
      unitIds: ["phong-kinh-te"],
      roles: ["implement", "report"],
      text: "Phòng Kinh tế tuyên truyền thanh toán trực tuyến đến hộ kinh doanh.",
    },
    {
      id: "III.1.đ",
      unitIds: ["cac-thon"],
      roles: ["implement"],
      text: "Trưởng các thôn lồng ghép nội dung cải cách hành chính trong họp thôn.",
      channelIds: ["II.2.b"],
    },
  ],
  fundingSources: [
    {
      id: "III.2",
      kind: "state-budget",
      level: "agency",
      text: "Kinh phí thực hiện từ ngân sách xã năm 2026 giao Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã.",
      managedBy: { scope: "unit", unitId: "van-phong" },
    },
  ],
  reporting: {
    periodTypes: ["quarter", "half-year", "year"],
    reporterUnitIds: ["trung-tam-hcc", "phong-vhxh", "phong-kinh-te"],
    recipientUnitId: "van-phong",
    deadlineDaysAfterCutoff: 3,
    integratedWith: "Báo cáo cải cách hành chính hằng quý, 6 tháng, năm của xã",
    text: "Các bộ phận báo cáo Văn phòng trước khi xã báo cáo Sở Nội vụ.",
  },
  recipients: [
    { text: "Sở Nội vụ tỉnh Lào Cai (để báo cáo)" },
    { text: "Thường trực Đảng ủy, Hội đồng nhân dân xã" },
    { text: "Các thôn" },
    { text: "Lưu: VT." },
  ],
};
