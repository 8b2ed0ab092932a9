/**
 * The 2018 PAR communication plan of the Ministry of Information and Communications, encoded word
 * for word. The issued text carries no number, date, place or signature: those fields stay empty
 * (validation warns), and where the text does not say which unit leads which content, the
 * responsibilities say so in `note` instead of inventing a mapping.
 */
import type { PlanInput } from "../plan.js";

const BO = "Bộ Thông tin và Truyền thông";

/** The seed plan (Kế hoạch tuyên truyền CCHC năm 2018 của Bộ TT&TT) as written JSON. */
export const mic2018: PlanInput = {
  id: "mic-2018",
  documentType: "KH",
  issuer: { name: BO, abbreviation: "BTTTT" },
  year: 2018,
  title: "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2018 CỦA BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
  objectives: [
    {
      id: "I.1.a",
      text: "Nhằm nâng cao nhận thức, trách nhiệm của cán bộ, công chức, viên chức đối với công tác cải cách hành chính (CCHC) từ đó nâng cao chất lượng quản lý nhà nước, hiệu quả phục vụ nhân dân.",
    },
    {
      id: "I.1.b",
      text: "Nâng cao vai trò, trách nhiệm của các đơn vị trong việc tích cực tham gia công tác tuyên truyền CCHC để thực hiện tốt nhiệm vụ CCHC của đơn vị cũng như của Bộ, góp phần cải thiện chỉ số CCHC của Bộ.",
    },
    {
      id: "I.1.c",
      text: "Phát huy vai trò của các cơ quan truyền thông, báo chí trong việc tuyên truyền, phát hiện, phản ánh chính xác, kịp thời những mặt tích cực hoặc chưa hiệu quả của tổ chức và cá nhân thực hiện nhiệm vụ CCHC.",
    },
  ],
  requirements: [
    {
      id: "I.2.a",
      text: "Tuyên truyền, phổ biến đầy đủ, kịp thời các nội dung CCHC nhà nước cũng như tình hình, kết quả hoạt động CCHC của Bộ Thông tin và Truyền thông.",
    },
    {
      id: "I.2.b",
      text: "Công tác tuyên truyền CCHC phải được thực hiện thường xuyên, liên tục, bám sát nội dung, yêu cầu CCHC của Bộ Thông tin và Truyền thông.",
    },
    {
      id: "I.2.c",
      text: "Đa dạng hóa các hình thức tuyên truyền CCHC nhằm mang lại hiệu quả cao. Tùy theo tình hình thực tế, các cơ quan, đơn vị thuộc Bộ lựa chọn hình thức tuyên truyền phù hợp, thiết thực, hiệu quả. Kết hợp lồng ghép công tác thông tin, tuyên truyền CCHC với việc tuyên truyền, phổ biến, giáo dục về các chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
    },
  ],
  audiences: [
    {
      id: "I.3",
      kind: "civil-servants",
      text: "Đối tượng tuyên truyền về CCHC gồm toàn thể đội ngũ cán bộ, công chức, viên chức thuộc Bộ Thông tin và Truyền thông.",
    },
  ],
  contentAreas: [
    {
      id: "II.1.a",
      kind: "par-awareness",
      text: "Tuyên truyền, phổ biến sâu rộng về tầm quan trọng, ý nghĩa, mục tiêu và tác động của CCHC đến phát triển kinh tế - xã hội của đất nước cũng như của Bộ Thông tin và Truyền thông.",
    },
    {
      id: "II.1.b",
      kind: "party-state-policy",
      text: "Các quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về CCHC.",
    },
    {
      id: "II.1.c",
      kind: "par-programme",
      text: "Tuyên truyền, phổ biến các nội dung của Chương trình tổng thể CCHC nhà nước giai đoạn 2011-2020, Kế hoạch CCHC nhà nước giai đoạn 2016-2020, Chương trình, Kế hoạch CCHC hàng năm của Bộ Thông tin và Truyền thông và các văn bản chỉ đạo, điều hành của Bộ Thông tin và Truyền thông về CCHC. Trong đó, tập trung thông tin, tuyên truyền những nội dung cơ bản sau:",
    },
    {
      id: "II.1.c.1",
      parentId: "II.1.c",
      kind: "pillar-institutional",
      text: "Cải cách thể chế: Hoàn thiện hệ thống văn bản quy phạm pháp luật về thông tin và truyền thông đảm bảo tính đồng bộ, thống nhất, hiệu lực, hiệu quả, phù hợp với Hiến pháp năm 2013; đổi mới công tác thanh tra, kiểm tra việc thực hiện chính sách, pháp luật thuộc phạm vi quản lý của Bộ.",
    },
    {
      id: "II.1.c.2",
      parentId: "II.1.c",
      kind: "pillar-procedures",
      text: "Cải cách thủ tục hành chính (TTHC): Hoạt động kiểm soát việc quy định TTHC; rà soát, đơn giản hóa TTHC; công khai, minh bạch thủ tục hành chính.",
    },
    {
      id: "II.1.c.3",
      parentId: "II.1.c",
      kind: "pillar-apparatus",
      text: "Tổ chức và hoạt động của bộ máy hành chính nhà nước: Tình hình triển khai Nghị định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Thông tin và Truyền thông; rà soát, điều chỉnh chức năng, nhiệm vụ, quyền hạn và tổ chức, sắp xếp lại các cơ quan, đơn vị thuộc Bộ theo hướng tinh gọn, hiệu lực, hiệu quả; tăng cường phân cấp quản lý giữa Bộ Thông tin và Truyền thông và Sở Thông tin và Truyền thông thuộc UBND cấp tỉnh, Phòng Văn hóa - Thông tin thuộc UBND cấp huyện.",
    },
    {
      id: "II.1.c.4",
      parentId: "II.1.c",
      kind: "pillar-civil-service",
      text: "Tình hình thực hiện các quy định của pháp luật về quản lý, tuyển dụng, sử dụng, khen thưởng, kỷ luật đối với cán bộ, công chức, viên chức Bộ Thông tin và Truyền thông; quyền, nghĩa vụ và trách nhiệm của cán bộ, công chức, viên chức trong thực hiện công vụ, nhiệm vụ, đặc biệt là trong giải quyết công việc cho cá nhân, tổ chức.",
    },
    {
      id: "II.1.c.5",
      parentId: "II.1.c",
      kind: "pillar-public-finance",
      text: "Tình hình thực hiện cơ chế tự chủ, tự chịu trách nhiệm của các đơn vị sự nghiệp công lập thuộc Bộ cũng như các đơn vị sự nghiệp công lập thuộc ngành thông tin và truyền thông. Tình hình xây dựng, hoàn thiện quy hoạch mạng lưới các đơn vị sự nghiệp công lập thuộc ngành thông tin và truyền thông.",
    },
    {
      id: "II.1.c.6",
      parentId: "II.1.c",
      kind: "pillar-modernisation",
      text: "Kết quả hiện đại hóa hành chính của Bộ Thông tin và Truyền thông mà trọng tâm là kết quả ứng dụng công nghệ thông tin trong hoạt động của Bộ; tình hình triển khai xây dựng Bộ Thông tin và Truyền thông điện tử.",
    },
    {
      id: "II.1.d",
      kind: "par-index",
      text: "Kết quả thực hiện Chỉ số CCHC của Bộ năm 2017 và tình hình triển khai thực hiện việc đánh giá, xác định chỉ số CCHC của các cơ quan hành chính trực thuộc Bộ.",
    },
    {
      id: "II.1.đ",
      kind: "steering-activities",
      text: "Các hoạt động nhằm nâng cao chất lượng CCHC của Ban Chỉ đạo CCHC của Bộ cũng như hoạt động của các đơn vị.",
    },
    {
      id: "II.1.e",
      kind: "good-practices",
      text: "Tuyên truyền những điển hình tiên tiến, các sáng kiến CCHC, các kết quả đạt được và những tồn tại, hạn chế, nguyên nhân trong công tác CCHC của các cơ quan, đơn vị.",
    },
  ],
  channels: [
    {
      id: "II.2.a",
      kinds: ["press", "web-portal"],
      text: "Tuyên truyền thông qua các loại hình báo chí (báo in, báo điện tử); Cổng/trang thông tin điện tử của Bộ, của các cơ quan, đơn vị thuộc Bộ.",
    },
    {
      id: "II.2.b",
      kinds: ["training"],
      text: "Tổ chức các lớp tập huấn, bồi dưỡng, quán triệt nội dung, kế hoạch thực hiện nhiệm vụ CCHC cho đội ngũ cán bộ, công chức, viên chức.",
    },
    {
      id: "II.2.c",
      kinds: ["meeting-seminar"],
      text: "Tổ chức các cuộc họp/tọa đàm về kết quả CCHC của Bộ và đề xuất giải pháp nâng cao chất lượng CCHC, chỉ số CCHC của Bộ Thông tin và Truyền thông.",
    },
    {
      id: "II.2.d",
      kinds: ["legal-education"],
      text: "Lồng ghép nội dung CCHC trong các hội nghị tuyên truyền, phổ biến, giáo dục pháp luật cũng như các hoạt động truyền thông về kiểm soát thủ tục hành chính.",
    },
  ],
  units: [
    { id: "vu-to-chuc-can-bo", name: "Vụ Tổ chức cán bộ", abbreviation: "TCCB", kind: "department" },
    { id: "vu-phap-che", name: "Vụ Pháp chế", kind: "department" },
    { id: "vu-ke-hoach-tai-chinh", name: "Vụ Kế hoạch - Tài chính", kind: "department" },
    { id: "vu-khoa-hoc-va-cong-nghe", name: "Vụ Khoa học và Công nghệ", kind: "department" },
    { id: "van-phong-bo", name: "Văn phòng Bộ", kind: "office" },
    { id: "trung-tam-thong-tin", name: "Trung tâm Thông tin", kind: "centre" },
    { id: "cuc-tin-hoc-hoa", name: "Cục Tin học hóa", kind: "agency" },
    {
      id: "cac-co-quan-bao-chi-thuoc-bo",
      name: "Các cơ quan báo chí thuộc Bộ",
      kind: "press-agency",
      group: true,
    },
    {
      id: "cac-co-quan-hanh-chinh-thuoc-bo",
      name: "Các cơ quan hành chính thuộc Bộ",
      kind: "administrative-agency",
      group: true,
    },
  ],
  responsibilities: [
    {
      id: "III.1.a",
      unitIds: ["vu-to-chuc-can-bo"],
      roles: ["lead", "monitor"],
      text: "Vụ Tổ chức cán bộ có trách nhiệm hướng dẫn, triển khai, đôn đốc, theo dõi và đánh giá công tác tuyên truyền CCHC của các cơ quan, đơn vị thuộc Bộ Thông tin và Truyền thông.",
      contentAreaIds: "all",
    },
    {
      id: "III.1.b",
      unitIds: [
        "vu-phap-che",
        "vu-ke-hoach-tai-chinh",
        "vu-khoa-hoc-va-cong-nghe",
        "van-phong-bo",
        "trung-tam-thong-tin",
        "cuc-tin-hoc-hoa",
      ],
      roles: ["implement", "monitor"],
      text: "Các Vụ: Pháp chế, Kế hoạch - Tài chính, Khoa học và Công nghệ; Văn phòng Bộ; Trung tâm Thông tin; Cục Tin học hóa: Trong phạm vi chức năng, nhiệm vụ của mình có trách nhiệm thực hiện, theo dõi việc tuyên truyền các nội dung CCHC thuộc lĩnh vực được giao chủ trì.",
      contentAreaIds: [],
      note: {
        vi: "Kế hoạch không nêu đơn vị nào chủ trì lĩnh vực CCHC nào; việc gán nội dung cho từng đơn vị do cơ quan tự bổ sung.",
        en: "The plan does not say which unit leads which PAR field; the agency adds that mapping itself.",
      },
    },
    {
      id: "III.1.c",
      unitIds: ["cac-co-quan-bao-chi-thuoc-bo"],
      roles: ["implement"],
      text: "Các cơ quan báo chí thuộc Bộ có trách nhiệm mở chuyên trang, chuyên mục cải cách hành chính để thông tin, cập nhập đầy đủ, kịp thời tình hình, kết quả thực hiện CCHC nhà nước nói chung và của Bộ Thông tin và Truyền thông nói riêng.",
      channelIds: ["II.2.a"],
    },
    {
      id: "III.1.d",
      unitIds: ["cac-co-quan-hanh-chinh-thuoc-bo"],
      roles: ["implement", "report"],
      text: "Các cơ quan hành chính thuộc Bộ có trách nhiệm:",
      duties: [
        "Xác định nhiệm vụ trọng tâm trong hoạt động tuyên truyền CCHC tại đơn vị mình để xây dựng Kế hoạch tuyên truyền CCHC đảm bảo thiết thực, hiệu quả; tổ chức tuyên truyền CCHC đến toàn thể cán bộ, công chức, viên chức trong đơn vị mình.",
        "Tham gia đầy đủ và tích cực hội nghị tập huấn, phổ biến, tuyên truyền CCHC do Bộ tổ chức.",
        "Lồng ghép nội dung tuyên truyền CCHC với hoạt động phổ biến, giáo dục pháp luật, hoạt động kiểm soát thủ tục hành chính và việc triển khai thực hiện nhiệm vụ chuyên môn trong cơ quan, đơn vị mình.",
        "Định kỳ báo cáo kết quả thực hiện tuyên truyền CCHC lồng ghép với báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị.",
      ],
      channelIds: ["II.2.b", "II.2.d"],
    },
  ],
  fundingSources: [
    {
      id: "III.2.1",
      kind: "communication-budget",
      level: "agency",
      text: "Kinh phí tuyên truyền CCHC của Bộ được trích từ kinh phí thông tin và truyền thông giao cho Văn phòng Bộ.",
      managedBy: { scope: "unit", unitId: "van-phong-bo" },
    },
    {
      id: "III.2.2",
      kind: "autonomous-budget",
      level: "unit",
      text: "Kinh phí tuyên truyền CCHC của các cơ quan, đơn vị thuộc Bộ được cân đối từ nguồn kinh phí tự chủ của đơn vị.",
      managedBy: { scope: "each-unit" },
    },
  ],
  reporting: {
    periodTypes: ["quarter", "half-year", "year"],
    reporterUnitIds: ["cac-co-quan-hanh-chinh-thuoc-bo"],
    integratedWith: "Báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị",
    text: "Định kỳ báo cáo kết quả thực hiện tuyên truyền CCHC lồng ghép với báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị.",
  },
  headings: { responsibilities: "Trách nhiệm của các cơ quan, đơn vị thuộc Bộ" },
  recipients: [
    { text: "Bộ Nội vụ" },
    { text: "Bộ trưởng và các Thứ trưởng" },
    { text: "Các cơ quan, đơn vị thuộc Bộ" },
    { text: "Lưu: VT, TCCB (50b)" },
  ],
};
