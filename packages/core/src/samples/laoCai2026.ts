/**
 * A 2026 provincial plan in the shape real ones have since two-tier local government: the
 * People's Committee of a merged province (Lào Cai, with Yên Bái since 1 July 2025) issues it,
 * the Department of Home Affairs leads, the merged departments (Sở Khoa học và Công nghệ with the
 * former Sở Thông tin và Truyền thông, Sở Nông nghiệp và Môi trường…) and every commune and ward
 * implement it; no districts. The text is written for the library in the shape of issued plans,
 * it is not a copy of the province's own plan.
 */
import type { PlanInput } from "../plan.js";

const TINH = "tỉnh Lào Cai";

/** Kế hoạch tuyên truyền CCHC năm 2026 của UBND tỉnh Lào Cai (illustrative) as written JSON. */
export const laoCai2026: PlanInput = {
  id: "lao-cai-2026",
  documentType: "KH",
  issuer: { name: "Ủy ban nhân dân tỉnh Lào Cai", abbreviation: "UBND" },
  number: "38/KH-UBND",
  place: "Lào Cai",
  date: "2026-01-20",
  year: 2026,
  title: "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026 TRÊN ĐỊA BÀN TỈNH LÀO CAI",
  signer: { authority: "KT. CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Thanh Hà" },
  objectives: [
    {
      id: "I.1.a",
      text: `Nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức và người dân về cải cách hành chính trong giai đoạn vận hành chính quyền địa phương hai cấp trên địa bàn ${TINH}.`,
    },
    {
      id: "I.1.b",
      text: "Tạo sự đồng thuận của người dân, doanh nghiệp trong thực hiện thủ tục hành chính trên môi trường điện tử, góp phần cải thiện Chỉ số cải cách hành chính, Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của tỉnh.",
    },
  ],
  requirements: [
    {
      id: "I.2.a",
      text: "Tuyên truyền thường xuyên, kịp thời, đúng trọng tâm; gắn với nhiệm vụ cải cách hành chính năm 2026 của tỉnh và của từng cơ quan, địa phương.",
    },
    {
      id: "I.2.b",
      text: "Đa dạng hình thức, phù hợp với từng nhóm đối tượng, chú trọng vùng đồng bào dân tộc thiểu số, vùng sâu, vùng xa.",
    },
  ],
  audiences: [
    {
      id: "I.3.a",
      kind: "civil-servants",
      text: `Cán bộ, công chức, viên chức các cơ quan hành chính nhà nước cấp tỉnh và cấp xã trên địa bàn ${TINH}.`,
    },
    { id: "I.3.b", kind: "citizens", text: "Người dân trên địa bàn tỉnh." },
    { id: "I.3.c", kind: "businesses", text: "Doanh nghiệp, tổ chức hoạt động trên địa bàn tỉnh." },
  ],
  contentAreas: [
    {
      id: "II.1.a",
      kind: "party-state-policy",
      text: "Chủ trương của Đảng, chính sách, pháp luật của Nhà nước về cải cách hành chính, về tổ chức chính quyền địa phương hai cấp và sắp xếp đơn vị hành chính.",
    },
    {
      id: "II.1.b",
      kind: "par-programme",
      text: "Kế hoạch cải cách hành chính năm 2026 của tỉnh, tập trung vào các nội dung:",
    },
    {
      id: "II.1.b.1",
      parentId: "II.1.b",
      kind: "pillar-institutional",
      text: "Cải cách thể chế: xây dựng, rà soát văn bản quy phạm pháp luật của tỉnh sau sắp xếp đơn vị hành chính.",
    },
    {
      id: "II.1.b.2",
      parentId: "II.1.b",
      kind: "pillar-procedures",
      text: "Cải cách thủ tục hành chính: công khai, giải quyết thủ tục hành chính không phụ thuộc địa giới hành chính trong phạm vi tỉnh.",
    },
    {
      id: "II.1.b.3",
      parentId: "II.1.b",
      kind: "pillar-apparatus",
      text: "Cải cách tổ chức bộ máy: vận hành các sở sau hợp nhất và Ủy ban nhân dân các xã, phường.",
    },
    {
      id: "II.1.b.4",
      parentId: "II.1.b",
      kind: "pillar-civil-service",
      text: "Xây dựng đội ngũ cán bộ, công chức cấp xã đáp ứng yêu cầu của chính quyền địa phương hai cấp.",
    },
    {
      id: "II.1.b.5",
      parentId: "II.1.b",
      kind: "pillar-public-finance",
      text: "Cải cách tài chính công, cơ chế tự chủ của đơn vị sự nghiệp công lập.",
    },
    {
      id: "II.1.b.6",
      parentId: "II.1.b",
      kind: "pillar-modernisation",
      text: "Chuyển đổi số, dịch vụ công trực tuyến toàn trình, thanh toán trực tuyến.",
    },
    {
      id: "II.1.c",
      kind: "par-index",
      text: "Kết quả Chỉ số cải cách hành chính năm 2025 của tỉnh và đánh giá, xếp hạng các sở, ngành, Ủy ban nhân dân các xã, phường.",
    },
  ],
  channels: [
    {
      id: "II.2.a",
      kinds: ["press", "radio-tv", "web-portal"],
      text: "Trên Báo và Phát thanh, Truyền hình Lào Cai; Cổng Thông tin điện tử tỉnh và trang thông tin điện tử của các cơ quan, địa phương.",
    },
    { id: "II.2.b", kinds: ["training"], text: "Tập huấn, bồi dưỡng cho công chức cấp xã." },
    {
      id: "II.2.c",
      kinds: ["social-media", "messaging-app"],
      text: "Trên mạng xã hội và tài khoản Zalo OA của các cơ quan, địa phương.",
    },
    {
      id: "II.2.d",
      kinds: ["loudspeaker", "poster-banner"],
      text: "Loa truyền thanh cơ sở, pano, áp phích.",
    },
    { id: "II.2.e", kinds: ["contest"], text: "Cuộc thi tìm hiểu về cải cách hành chính năm 2026." },
  ],
  units: [
    {
      id: "ubnd-tinh",
      name: "Ủy ban nhân dân tỉnh Lào Cai",
      abbreviation: "UBND",
      kind: "provincial-committee",
    },
    {
      id: "so-noi-vu",
      name: "Sở Nội vụ",
      abbreviation: "SNV",
      kind: "provincial-department",
      parentUnitId: "ubnd-tinh",
    },
    {
      id: "van-phong-ubnd",
      name: "Văn phòng Ủy ban nhân dân tỉnh",
      kind: "office",
      parentUnitId: "ubnd-tinh",
    },
    { id: "so-tu-phap", name: "Sở Tư pháp", kind: "provincial-department", parentUnitId: "ubnd-tinh" },
    { id: "so-tai-chinh", name: "Sở Tài chính", kind: "provincial-department", parentUnitId: "ubnd-tinh" },
    {
      id: "so-khcn",
      name: "Sở Khoa học và Công nghệ",
      kind: "provincial-department",
      parentUnitId: "ubnd-tinh",
    },
    {
      id: "so-nnmt",
      name: "Sở Nông nghiệp và Môi trường",
      kind: "provincial-department",
      parentUnitId: "ubnd-tinh",
    },
    {
      id: "so-dttg",
      name: "Sở Dân tộc và Tôn giáo",
      kind: "provincial-department",
      parentUnitId: "ubnd-tinh",
    },
    {
      id: "trung-tam-hcc",
      name: "Trung tâm Phục vụ hành chính công tỉnh",
      kind: "centre",
      parentUnitId: "van-phong-ubnd",
    },
    {
      id: "bao-ptth",
      name: "Báo và Phát thanh, Truyền hình Lào Cai",
      kind: "press-agency",
      parentUnitId: "ubnd-tinh",
    },
    {
      id: "cac-so-ban-nganh",
      name: "Các sở, ban, ngành tỉnh",
      kind: "provincial-department",
      group: true,
    },
    {
      id: "ubnd-cac-xa-phuong",
      name: "Ủy ban nhân dân các xã, phường",
      kind: "commune-committee",
      group: true,
      memberIds: ["ubnd-xa-bao-thang"],
    },
    {
      id: "ubnd-xa-bao-thang",
      name: "Ủy ban nhân dân xã Bảo Thắng",
      kind: "commune-committee",
      parentUnitId: "ubnd-tinh",
    },
  ],
  responsibilities: [
    {
      id: "III.1.a",
      unitIds: ["so-noi-vu"],
      roles: ["lead", "monitor"],
      text: "Sở Nội vụ chủ trì, hướng dẫn, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Nội vụ.",
      contentAreaIds: "all",
    },
    {
      id: "III.1.b",
      unitIds: ["so-tu-phap"],
      roles: ["implement", "coordinate"],
      text: "Sở Tư pháp chủ trì tuyên truyền cải cách thể chế; lồng ghép với phổ biến, giáo dục pháp luật.",
      contentAreaIds: ["II.1.b.1"],
    },
    {
      id: "III.1.c",
      unitIds: ["van-phong-ubnd", "trung-tam-hcc"],
      roles: ["implement", "coordinate"],
      text: "Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh) chủ trì tuyên truyền cải cách thủ tục hành chính.",
      contentAreaIds: ["II.1.b.2"],
    },
    {
      id: "III.1.d",
      unitIds: ["so-tai-chinh"],
      roles: ["implement", "coordinate"],
      text: "Sở Tài chính chủ trì tuyên truyền cải cách tài chính công; bố trí kinh phí thực hiện Kế hoạch.",
      contentAreaIds: ["II.1.b.5"],
    },
    {
      id: "III.1.đ",
      unitIds: ["so-khcn"],
      roles: ["implement", "coordinate"],
      text: "Sở Khoa học và Công nghệ chủ trì tuyên truyền chuyển đổi số, dịch vụ công trực tuyến; hướng dẫn các cơ quan báo chí, hệ thống thông tin cơ sở.",
      contentAreaIds: ["II.1.b.6"],
    },
    {
      id: "III.1.e",
      unitIds: ["bao-ptth"],
      roles: ["implement", "report"],
      text: "Báo và Phát thanh, Truyền hình Lào Cai duy trì chuyên mục cải cách hành chính.",
      channelIds: ["II.2.a"],
    },
    {
      id: "III.1.g",
      unitIds: ["cac-so-ban-nganh", "so-nnmt", "so-dttg"],
      roles: ["implement", "report"],
      text: "Các sở, ban, ngành tỉnh có trách nhiệm:",
      duties: [
        "Xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2026 của cơ quan.",
        "Định kỳ báo cáo kết quả tuyên truyền lồng ghép trong báo cáo cải cách hành chính hằng quý, 6 tháng, năm gửi Sở Nội vụ.",
      ],
    },
    {
      id: "III.1.h",
      unitIds: ["ubnd-cac-xa-phuong"],
      roles: ["implement", "report"],
      text: "Ủy ban nhân dân các xã, phường có trách nhiệm:",
      duties: [
        "Ban hành kế hoạch tuyên truyền cải cách hành chính năm 2026 của xã, phường.",
        "Tuyên truyền đến người dân qua loa truyền thanh cơ sở, hội nghị ở thôn, tổ dân phố và Trung tâm Phục vụ hành chính công xã, phường.",
        "Định kỳ báo cáo kết quả về Sở Nội vụ.",
      ],
      channelIds: ["II.2.d"],
    },
  ],
  fundingSources: [
    {
      id: "III.2.1",
      kind: "par-budget",
      level: "agency",
      text: "Kinh phí thực hiện ở cấp tỉnh bố trí trong dự toán kinh phí cải cách hành chính năm 2026 giao Sở Nội vụ.",
      managedBy: { scope: "unit", unitId: "so-noi-vu" },
    },
    {
      id: "III.2.2",
      kind: "autonomous-budget",
      level: "unit",
      text: "Các cơ quan, địa phương bố trí kinh phí trong dự toán được giao.",
      managedBy: { scope: "each-unit" },
    },
  ],
  budgetLines: [
    {
      id: "III.2.1.1",
      fundingSourceId: "III.2.1",
      description: "Tập huấn công chức cấp xã về cải cách hành chính",
      amountVnd: 120_000_000,
      unitId: "so-noi-vu",
      channelId: "II.2.b",
    },
    {
      id: "III.2.1.2",
      fundingSourceId: "III.2.1",
      description: "Cuộc thi tìm hiểu về cải cách hành chính năm 2026",
      amountVnd: 80_000_000,
      unitId: "so-noi-vu",
      channelId: "II.2.e",
    },
  ],
  reporting: {
    periodTypes: ["quarter", "half-year", "year"],
    reporterUnitIds: [
      "so-tu-phap",
      "van-phong-ubnd",
      "so-tai-chinh",
      "so-khcn",
      "so-nnmt",
      "so-dttg",
      "bao-ptth",
      "ubnd-xa-bao-thang",
    ],
    recipientUnitId: "so-noi-vu",
    deadlineDaysAfterCutoff: 5,
    integratedWith: "Báo cáo cải cách hành chính hằng quý, 6 tháng, năm",
    text: "Các cơ quan, địa phương báo cáo kết quả lồng ghép trong báo cáo cải cách hành chính hằng quý, 6 tháng, năm gửi Sở Nội vụ.",
  },
  recipients: [
    { text: "Bộ Nội vụ (để báo cáo)" },
    { text: "Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh" },
    { text: "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh" },
    { text: "Các sở, ban, ngành tỉnh" },
    { text: "Ủy ban nhân dân các xã, phường" },
    { text: "Lưu: VT, NC." },
  ],
};
