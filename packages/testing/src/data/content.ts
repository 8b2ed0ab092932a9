/**
 * Words of the generated plans and activities: what each content area and channel says, and how
 * an activity on a channel is titled and measured. Keys are core's catalogue codes.
 */

/** The content kinds a generated plan carries, in outline order; pillars go under "par-programme". */
export const PLAN_CONTENT_KINDS = {
  small: [
    "par-awareness",
    "party-state-policy",
    "par-programme",
    "par-index",
    "steering-activities",
    "good-practices",
  ],
  wide: [
    "par-awareness",
    "party-state-policy",
    "par-programme",
    "par-index",
    "satisfaction-index",
    "steering-activities",
    "good-practices",
    "one-stop-shop",
    "online-public-services",
  ],
} as const;

/** Text of a content area; "{scope}" is the plan's agency ("của Bộ …", "của tỉnh"), "{year}" its year. */
export const CONTENT_TEXT: Readonly<Record<string, string>> = {
  "par-awareness":
    "Tuyên truyền, phổ biến sâu rộng về tầm quan trọng, ý nghĩa, mục tiêu và tác động của cải cách hành chính đến phát triển kinh tế - xã hội {scope}.",
  "party-state-policy":
    "Các quan điểm, chủ trương của Đảng, chính sách, pháp luật của Nhà nước về cải cách hành chính.",
  "par-programme":
    "Tuyên truyền, phổ biến Chương trình tổng thể cải cách hành chính nhà nước {period} và Kế hoạch cải cách hành chính năm {year} {scope}; trong đó tập trung vào các nội dung cơ bản sau:",
  "pillar-institutional":
    "Cải cách thể chế: hoàn thiện hệ thống văn bản quy phạm pháp luật; đổi mới công tác xây dựng, ban hành và kiểm tra, rà soát văn bản.",
  "pillar-procedures":
    "Cải cách thủ tục hành chính: kiểm soát việc quy định thủ tục hành chính; rà soát, đơn giản hóa; công khai, minh bạch thủ tục hành chính.",
  "pillar-apparatus":
    "Cải cách tổ chức bộ máy: rà soát chức năng, nhiệm vụ; sắp xếp tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả.",
  "pillar-civil-service":
    "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức; kỷ luật, kỷ cương hành chính trong thực thi công vụ.",
  "pillar-public-finance":
    "Cải cách tài chính công; cơ chế tự chủ, tự chịu trách nhiệm của các đơn vị sự nghiệp công lập.",
  "pillar-modernisation":
    "Hiện đại hóa hành chính: ứng dụng công nghệ thông tin, xây dựng Chính phủ điện tử, áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001.",
  "par-index": "Kết quả Chỉ số cải cách hành chính năm {previousYear} {scope} và giải pháp nâng cao Chỉ số.",
  "satisfaction-index":
    "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS).",
  "steering-activities":
    "Hoạt động chỉ đạo, điều hành công tác cải cách hành chính của Ban Chỉ đạo và của các cơ quan, đơn vị.",
  "good-practices":
    "Điển hình tiên tiến, sáng kiến, cách làm hay và những tồn tại, hạn chế, nguyên nhân trong công tác cải cách hành chính.",
  "one-stop-shop": "Thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.",
  "online-public-services": "Cung cấp và sử dụng dịch vụ công trực tuyến mức độ 3, 4; thanh toán trực tuyến.",
};

/** The six pillars, children of "par-programme". */
export const PILLAR_KINDS = [
  "pillar-institutional",
  "pillar-procedures",
  "pillar-apparatus",
  "pillar-civil-service",
  "pillar-public-finance",
  "pillar-modernisation",
] as const;

/** How an activity title names its content ("{year}" is the plan year). */
export const CONTENT_TOPIC: Readonly<Record<string, string>> = {
  "par-awareness": "ý nghĩa, mục tiêu của cải cách hành chính",
  "party-state-policy": "chủ trương, chính sách về cải cách hành chính",
  "par-programme": "Kế hoạch cải cách hành chính năm {year}",
  "pillar-institutional": "cải cách thể chế",
  "pillar-procedures": "cải cách thủ tục hành chính",
  "pillar-apparatus": "sắp xếp tổ chức bộ máy",
  "pillar-civil-service": "nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức",
  "pillar-public-finance": "cơ chế tự chủ của đơn vị sự nghiệp công lập",
  "pillar-modernisation": "hiện đại hóa hành chính, Chính phủ điện tử",
  "par-index": "Chỉ số cải cách hành chính",
  "satisfaction-index": "Chỉ số hài lòng SIPAS",
  "steering-activities": "công tác chỉ đạo, điều hành cải cách hành chính",
  "good-practices": "điển hình tiên tiến, sáng kiến cải cách hành chính",
  "one-stop-shop": "cơ chế một cửa, một cửa liên thông",
  "online-public-services": "dịch vụ công trực tuyến",
};

/** Channel kinds a generated plan offers, by size; "press+web-portal" is one channel, as in the 2018 plan. */
export const PLAN_CHANNEL_KINDS = {
  small: [
    ["press", "web-portal"],
    ["training"],
    ["meeting-seminar"],
    ["legal-education"],
    ["social-media"],
    ["publication"],
  ],
  medium: [
    ["press"],
    ["web-portal"],
    ["radio-tv"],
    ["training"],
    ["meeting-seminar"],
    ["legal-education"],
    ["social-media"],
    ["messaging-app"],
    ["contest"],
    ["poster-banner"],
    ["leaflet"],
    ["loudspeaker"],
  ],
  national: [
    ["press"],
    ["web-portal"],
    ["radio-tv"],
    ["training"],
    ["meeting-seminar"],
    ["legal-education"],
    ["social-media"],
    ["messaging-app"],
    ["contest"],
    ["poster-banner"],
    ["leaflet"],
    ["loudspeaker"],
    ["publication"],
  ],
} as const;

/** What a channel of the plan says. */
export const CHANNEL_TEXT: Readonly<Record<string, string>> = {
  "press+web-portal":
    "Tuyên truyền thông qua các loại hình báo chí (báo in, báo điện tử); Cổng/trang thông tin điện tử {of} và của các cơ quan, đơn vị.",
  press:
    "Tuyên truyền thông qua các loại hình báo chí (báo in, báo điện tử), mở chuyên trang, chuyên mục cải cách hành chính.",
  "web-portal":
    "Cập nhật chuyên mục cải cách hành chính trên Cổng/trang thông tin điện tử {of} và của các cơ quan, đơn vị.",
  "radio-tv": "Xây dựng chuyên mục cải cách hành chính trên sóng phát thanh, truyền hình.",
  training:
    "Tổ chức các lớp tập huấn, bồi dưỡng, quán triệt nội dung, kế hoạch cải cách hành chính cho đội ngũ cán bộ, công chức, viên chức.",
  "meeting-seminar":
    "Tổ chức các cuộc họp, tọa đàm, hội thảo về kết quả cải cách hành chính và giải pháp nâng cao Chỉ số cải cách hành chính.",
  "legal-education":
    "Lồng ghép nội dung cải cách hành chính trong các hội nghị tuyên truyền, phổ biến, giáo dục pháp luật và hoạt động kiểm soát thủ tục hành chính.",
  "social-media": "Tuyên truyền trên mạng xã hội (trang, kênh chính thức của cơ quan, đơn vị).",
  "messaging-app": "Thông tin qua ứng dụng nhắn tin (Zalo OA) của chính quyền.",
  contest: "Tổ chức cuộc thi tìm hiểu về cải cách hành chính.",
  "poster-banner": "Tuyên truyền bằng pano, áp phích, băng rôn tại trụ sở cơ quan và nơi công cộng.",
  leaflet: "In, phát tờ rơi, tờ gấp, sổ tay hướng dẫn thủ tục hành chính.",
  loudspeaker: "Tuyên truyền trên hệ thống loa truyền thanh cơ sở.",
  publication: "Biên soạn, phát hành ấn phẩm, tài liệu tuyên truyền cải cách hành chính.",
};

/** Title of an activity on a channel kind ("{topic}" from CONTENT_TOPIC). */
export const ACTIVITY_TITLE: Readonly<Record<string, string>> = {
  press: "Đăng tin, bài về {topic}",
  "web-portal": "Cập nhật chuyên mục cải cách hành chính trên cổng thông tin điện tử: {topic}",
  "radio-tv": "Phát sóng chuyên mục về {topic}",
  training: "Tập huấn, bồi dưỡng về {topic}",
  "meeting-seminar": "Tọa đàm về {topic}",
  "legal-education": "Lồng ghép tuyên truyền {topic} trong hội nghị phổ biến, giáo dục pháp luật",
  "social-media": "Đăng bài trên trang mạng xã hội về {topic}",
  "messaging-app": "Thông tin qua Zalo OA về {topic}",
  contest: "Cuộc thi tìm hiểu về {topic}",
  "poster-banner": "Treo pano, băng rôn tuyên truyền {topic}",
  leaflet: "In, phát tờ gấp về {topic}",
  loudspeaker: "Phát trên loa truyền thanh cơ sở về {topic}",
  publication: "Biên soạn, phát hành tài liệu về {topic}",
};

/** How output of an activity is counted: output unit, mean output per record, planned cost per unit (VND). */
export interface OutputProfile {
  readonly unit: string;
  /** Mean output of one record. */
  readonly mean: number;
  /** Planned cost of one unit of output, VND. */
  readonly unitCost: number;
  /** Path segment of evidence links. */
  readonly path: string;
}

export const OUTPUTS: Readonly<Record<string, OutputProfile>> = {
  article: { unit: "article", mean: 1.1, unitCost: 1_000_000, path: "tin" },
  post: { unit: "post", mean: 2.5, unitCost: 150_000, path: "bai-viet" },
  broadcast: { unit: "broadcast", mean: 1, unitCost: 2_500_000, path: "chuong-trinh" },
  class: { unit: "class", mean: 1, unitCost: 15_000_000, path: "tap-huan" },
  event: { unit: "event", mean: 1, unitCost: 8_000_000, path: "su-kien" },
  participant: { unit: "participant", mean: 82.5, unitCost: 150_000, path: "hoi-nghi" },
  copy: { unit: "copy", mean: 550, unitCost: 5_000, path: "an-pham" },
  item: { unit: "item", mean: 3.5, unitCost: 1_500_000, path: "hinh-anh" },
};

/** Output units an activity on a channel kind may count in, with weights. */
export const CHANNEL_OUTPUTS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  press: [["article", 1]],
  "web-portal": [["article", 1]],
  "radio-tv": [["broadcast", 1]],
  training: [
    ["class", 3],
    ["participant", 2],
  ],
  "meeting-seminar": [
    ["event", 3],
    ["participant", 2],
  ],
  "legal-education": [
    ["event", 3],
    ["participant", 2],
  ],
  "social-media": [["post", 1]],
  "messaging-app": [["post", 1]],
  contest: [
    ["event", 1],
    ["participant", 2],
  ],
  "poster-banner": [["item", 1]],
  leaflet: [["copy", 1]],
  loudspeaker: [["broadcast", 1]],
  publication: [["copy", 1]],
};

/** Channel kinds a unit of a kind tends to use, with weights. */
export const UNIT_CHANNELS: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  "press-agency": [
    ["press", 6],
    ["web-portal", 3],
    ["radio-tv", 3],
    ["social-media", 3],
  ],
  ministry: [
    ["meeting-seminar", 3],
    ["web-portal", 3],
    ["training", 2],
    ["press", 2],
    ["contest", 1],
    ["publication", 1],
  ],
  "provincial-committee": [
    ["meeting-seminar", 3],
    ["web-portal", 3],
    ["training", 2],
    ["press", 2],
    ["contest", 2],
    ["radio-tv", 1],
  ],
  "district-committee": [
    ["loudspeaker", 3],
    ["poster-banner", 2],
    ["meeting-seminar", 2],
    ["training", 2],
    ["leaflet", 2],
    ["contest", 1],
    ["messaging-app", 2],
    ["web-portal", 2],
  ],
  "commune-committee": [
    ["loudspeaker", 4],
    ["poster-banner", 3],
    ["meeting-seminar", 2],
    ["leaflet", 2],
    ["messaging-app", 2],
    ["legal-education", 2],
  ],
  school: [
    ["training", 3],
    ["contest", 2],
    ["meeting-seminar", 2],
    ["web-portal", 1],
  ],
  default: [
    ["web-portal", 3],
    ["training", 2],
    ["meeting-seminar", 2],
    ["legal-education", 2],
    ["social-media", 1],
    ["publication", 1],
    ["leaflet", 1],
    ["press", 1],
  ],
};

/** Relative volume of records by unit kind. */
export const KIND_WEIGHT: Readonly<Record<string, number>> = {
  ministry: 2,
  "provincial-committee": 2,
  "press-agency": 2.5,
  department: 1,
  "general-department": 1.3,
  agency: 1.2,
  office: 1.2,
  inspectorate: 0.6,
  centre: 1,
  school: 0.8,
  "public-service-unit": 0.7,
  "provincial-department": 1,
  board: 0.7,
  "sub-department": 0.5,
  "district-committee": 1.5,
  "commune-committee": 0.35,
  "ward-committee": 0.4,
  "special-zone-committee": 0.4,
};

/** Short notes some records carry. */
export const RECORD_NOTES: readonly string[] = [
  "Lồng ghép tại hội nghị giao ban của đơn vị.",
  "Phối hợp với cơ quan báo chí thực hiện.",
  "Tổ chức theo hình thức trực tuyến.",
  "Có sự tham gia của người dân, doanh nghiệp.",
  "Đã báo cáo kết quả với đơn vị chủ trì.",
];
