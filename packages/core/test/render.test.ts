import { describe, expect, it } from "vitest";
import {
  escapeMarkdown,
  mic2018,
  Plan,
  type Plan as PlanType,
  planDocument,
  recipientLines,
  renderPlanJson,
  renderPlanMarkdown,
  renderPlanText,
} from "../src/index.js";
import { at, issuedSample, mutated, sample } from "./support.js";

/** Rebuilds a JSON value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reverseKeys(v)]),
    );
  return value;
}

const textLines = (p: PlanType) => renderPlanText(p).split("\n");

describe("renderPlanJson", () => {
  it("is canonical: parsing the output and rendering again gives the same bytes", () => {
    for (const p of [sample(), Plan.parse(issuedSample())]) {
      const out = renderPlanJson(p);
      expect(renderPlanJson(Plan.parse(JSON.parse(out)))).toBe(out);
    }
  });

  it("gives the same bytes for the same plan however it was built (fields set after parsing)", () => {
    const built = issuedSample(); // number, date, place, signer assigned after parsing
    expect(built).toEqual(Plan.parse(built));
    expect(renderPlanJson(built)).toBe(renderPlanJson(Plan.parse(built)));
  });

  it("ends with a newline and uses two-space indentation", () => {
    const out = renderPlanJson(sample());
    expect(out.endsWith("}\n")).toBe(true);
    expect(out.endsWith("\n\n")).toBe(false);
    expect(out.split("\n")[1]).toBe('  "id": "mic-2018",');
  });

  it("has a stable key order whatever the order of the input keys", () => {
    const reversed = Plan.parse(reverseKeys(JSON.parse(JSON.stringify(mic2018))));
    expect(renderPlanJson(reversed)).toBe(renderPlanJson(sample()));
    const issued = Plan.parse(reverseKeys(JSON.parse(renderPlanJson(issuedSample()))));
    expect(renderPlanJson(issued)).toBe(renderPlanJson(Plan.parse(issuedSample())));
  });

  it("writes keys in schema order with the defaults filled in", () => {
    const keys = Object.keys(JSON.parse(renderPlanJson(sample())));
    expect(keys.slice(0, 5)).toEqual(["id", "documentType", "issuer", "year", "title"]);
    expect(keys).toContain("budgetLines");
    expect(keys.indexOf("objectives")).toBeLessThan(keys.indexOf("contentAreas"));
    expect(keys.indexOf("responsibilities")).toBeLessThan(keys.indexOf("recipients"));
    const parsed = JSON.parse(renderPlanJson(sample()));
    expect(parsed.budgetLines).toEqual([]);
  });

  it("keeps Vietnamese text as is (no \\u escapes) in NFC", () => {
    const out = renderPlanJson(sample());
    expect(out).toContain("Vụ Tổ chức cán bộ");
    expect(out).not.toMatch(/\\u[0-9a-f]{4}/i);
    expect(out).toBe(out.normalize("NFC"));
  });
});

describe("renderPlanText", () => {
  it("draft header: issuer, blank number, motto, blank date", () => {
    expect(textLines(sample()).slice(0, 7)).toEqual([
      "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
      "Số: …/KH-BTTTT",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "…, ngày … tháng … năm 2018",
      "",
      "KẾ HOẠCH",
    ]);
    expect(renderPlanText(sample()).endsWith("- Lưu: VT, TCCB (50b).\n")).toBe(true);
  });

  it("issued plan: number, Decree 30 date and the signature", () => {
    const lines = textLines(issuedSample());
    expect(lines).toContain("Số: 12/KH-BTTTT");
    expect(lines).toContain("Hà Nội, ngày 05 tháng 3 năm 2018");
    expect(lines.slice(-4)).toEqual(["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn A", ""]);
  });

  it("a signer without authority line", () => {
    const p = mutated((x) => (x.signer = { title: "BỘ TRƯỞNG", name: "Trần Văn C" }), issuedSample);
    expect(textLines(p).slice(-4)).toEqual(["", "BỘ TRƯỞNG", "Trần Văn C", ""]);
  });

  it("the parent body goes above the issuer", () => {
    const p = mutated((x) => {
      x.parentBody = { name: "Bộ Thông tin và Truyền thông", abbreviation: "BTTTT" };
      x.issuer = { name: "Cục Tin học hóa", abbreviation: "THH" };
    });
    expect(textLines(p).slice(0, 3)).toEqual([
      "BỘ THÔNG TIN VÀ TRUYỀN THÔNG",
      "CỤC TIN HỌC HÓA",
      "Số: …/KH-THH",
    ]);
  });

  it("a draft number without issuer abbreviation", () => {
    const p = mutated((x) => delete x.issuer.abbreviation);
    expect(textLines(p)).toContain("Số: …/KH");
  });

  it("no recipients: no Nơi nhận block", () => {
    const p = mutated((x) => (x.recipients = []));
    expect(renderPlanText(p)).not.toContain("Nơi nhận");
  });

  it("recipients: trailing punctuation of the data is normalised", () => {
    const p = mutated((x) => (x.recipients = [{ text: "Bộ Nội vụ;" }, { text: "Lưu: VT, TCCB." }]));
    const lines = textLines(p);
    const i = lines.indexOf("Nơi nhận:");
    expect(lines.slice(i, i + 3)).toEqual(["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, TCCB."]);
    expect(recipientLines(["A", "B", "C"])).toEqual(["- A;", "- B;", "- C."]);
  });

  it("a reporting sentence that is not a duty gets its own subsection", () => {
    const p = mutated((x) => {
      if (x.reporting) x.reporting.text = "Các đơn vị gửi báo cáo trước ngày 15 của tháng cuối quý.";
    });
    const lines = textLines(p);
    const i = lines.indexOf("3. Chế độ báo cáo");
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe("Các đơn vị gửi báo cáo trước ngày 15 của tháng cuối quý.");
    // the sample's reporting sentence is its last duty, so it is not repeated
    expect(textLines(sample())).not.toContain("3. Chế độ báo cáo");
  });
});

describe("section numbering", () => {
  it("renumbers sections when one is empty", () => {
    const p = mutated((x) => {
      x.objectives = [];
      x.requirements = [];
      x.audiences = [];
    });
    const lines = textLines(p);
    const i = lines.indexOf("KẾ HOẠCH");
    expect(lines[i + 2]).toBe("I. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN");
    expect(lines).toContain("II. TỔ CHỨC THỰC HIỆN");
    expect(lines).not.toContain("III. TỔ CHỨC THỰC HIỆN");
    expect(lines.some((l) => l.includes("MỤC TIÊU, YÊU CẦU"))).toBe(false);
    const md = renderPlanMarkdown(p);
    expect(md).toContain("## I. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN");
    expect(md).toContain("## II. TỔ CHỨC THỰC HIỆN");
  });

  it("renumbers subsections when one is empty", () => {
    const p = mutated((x) => (x.requirements = []));
    const lines = textLines(p);
    expect(lines).toContain("1. Mục tiêu");
    expect(lines).toContain("2. Đối tượng tuyên truyền");
    expect(lines).not.toContain("2. Yêu cầu");
    expect(lines).not.toContain("3. Đối tượng tuyên truyền");
  });

  it("several audiences are dashed, one is a paragraph", () => {
    const one = textLines(sample());
    const j = one.indexOf("3. Đối tượng tuyên truyền");
    expect(one[j + 1]?.startsWith("Đối tượng tuyên truyền về CCHC")).toBe(true);
    const p = mutated((x) =>
      x.audiences.push({ id: "I.3.b", kind: "citizens", text: "Người dân và doanh nghiệp." }),
    );
    const lines = textLines(p);
    const i = lines.indexOf("3. Đối tượng tuyên truyền");
    expect(lines[i + 1]?.startsWith("- Đối tượng tuyên truyền về CCHC")).toBe(true);
    expect(lines[i + 2]).toBe("- Người dân và doanh nghiệp.");
  });

  it("headings may be worded by the plan", () => {
    expect(textLines(sample())).toContain("1. Trách nhiệm của các cơ quan, đơn vị thuộc Bộ");
    const p = mutated((x) => (x.headings = { objectives: "Mục đích" }));
    const lines = textLines(p);
    expect(lines).toContain("1. Mục đích");
    expect(lines).toContain("1. Trách nhiệm của các cơ quan, đơn vị");
  });

  it("an area whose parent is missing is numbered as a top-level area", () => {
    const p = mutated((x) => (at(x.contentAreas, 3).parentId = "khong-co"));
    const body = planDocument(p).body;
    const item = body.find((b) => b.type === "item" && b.text === at(p.contentAreas, 3).text);
    expect(item).toMatchObject({ type: "item", label: "d)" });
  });
});

describe("renderPlanMarkdown", () => {
  const md = renderPlanMarkdown(sample());

  it.each([
    "# KẾ HOẠCH",
    "## I. MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG TUYÊN TRUYỀN",
    "### 1. Mục tiêu",
    "a) Nhằm nâng cao",
    "đ) Các hoạt động",
    "- Cải cách thể chế",
    "***Nơi nhận:***",
    "- Lưu: VT, TCCB (50b).",
    "## II. NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN",
    "## III. TỔ CHỨC THỰC HIỆN",
    "### 2. Kinh phí triển khai",
    // Decree 30: the trích yếu in lower case, bold; the data keeps its capitals.
    "**Tuyên truyền cải cách hành chính năm 2018 của Bộ Thông tin và Truyền thông**",
  ])("contains %j", (s) => {
    expect(md).toContain(s);
  });

  it("has the Decree 30 header as a two-column table", () => {
    const lines = md.split("\n");
    expect(lines[0]).toBe("| **BỘ THÔNG TIN VÀ TRUYỀN THÔNG** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |");
    expect(lines[1]).toBe("|:---:|:---:|");
    expect(lines[2]).toBe("| Số: …/KH-BTTTT | **Độc lập - Tự do - Hạnh phúc** |");
    expect(lines[3]).toBe("|  | *…, ngày … tháng … năm 2018* |");
  });

  it("issued plan: number, date and signature", () => {
    const out = renderPlanMarkdown(issuedSample());
    expect(out).toContain("| Số: 12/KH-BTTTT |");
    expect(out).toContain("*Hà Nội, ngày 05 tháng 3 năm 2018*");
    const lines = out.split("\n");
    const signature = ["> **KT. BỘ TRƯỞNG**", "> **THỨ TRƯỞNG**", "> **Nguyễn Văn A**"].map((l) =>
      lines.indexOf(l),
    );
    for (const i of signature) expect(i).toBeGreaterThan(lines.indexOf("- Lưu: VT, TCCB (50b)."));
    expect([...signature].sort((a, b) => a - b)).toEqual(signature);
  });

  it("the parent body shares the left header cell", () => {
    const p = mutated((x) => {
      x.parentBody = { name: "Bộ Thông tin và Truyền thông" };
      x.issuer = { name: "Cục Tin học hóa" };
    });
    expect(renderPlanMarkdown(p).split("\n")[0]).toBe(
      "| BỘ THÔNG TIN VÀ TRUYỀN THÔNG<br>**CỤC TIN HỌC HÓA** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |",
    );
  });
});

describe("Markdown escaping", () => {
  it("escapeMarkdown escapes every markup character", () => {
    expect(escapeMarkdown("*bold* _em_ `code` [a](b) <b> | # \\")).toBe(
      "\\*bold\\* \\_em\\_ \\`code\\` \\[a\\](b) \\<b\\> \\| \\# \\\\",
    );
    expect(escapeMarkdown("Vụ Tổ chức cán bộ (TCCB)")).toBe("Vụ Tổ chức cán bộ (TCCB)");
  });

  it("user text in the body never becomes markup", () => {
    const p = mutated((x) => {
      at(x.objectives, 0).text = "Nhấn *bold* và _nghiêng_";
      at(x.objectives, 1).text = "<script>alert(1)</script>";
      at(x.objectives, 2).text = "Cột | cột";
      at(x.responsibilities, 0).text = "Vụ [Tổ chức](http://x) `cán bộ` # tiêu đề";
      at(x.recipients, 0).text = "Bộ *Nội vụ*";
    });
    const out = renderPlanMarkdown(p);
    expect(out).toContain("a) Nhấn \\*bold\\* và \\_nghiêng\\_");
    expect(out).toContain("b) \\<script\\>alert(1)\\</script\\>");
    expect(out).toContain("c) Cột \\| cột");
    expect(out).toContain("a) Vụ \\[Tổ chức\\](http://x) \\`cán bộ\\` \\# tiêu đề");
    expect(out).toContain("- Bộ \\*Nội vụ\\*;");
    expect(out).not.toContain("*bold*");
    expect(out).not.toContain("<script>");
    expect(out).not.toMatch(/[^\\]\| cột/);
  });

  it("user text in the header table never adds a column or markup", () => {
    const p = mutated((x) => {
      x.issuer = { name: "Sở <b>Nội vụ</b> | *x*", abbreviation: "SNV" };
      x.number = "12/KH-SNV|x";
      x.place = "Hà *Nội*";
    });
    const lines = renderPlanMarkdown(p).split("\n");
    const unescapedPipes = (l: string) => (l.match(/(?<!\\)\|/g) ?? []).length;
    for (const l of lines.slice(0, 4)) expect(unescapedPipes(l)).toBe(3);
    expect(lines[0]).toContain("SỞ \\<B\\>NỘI VỤ\\</B\\> \\| \\*X\\*");
    expect(lines[3]).toContain("Hà \\*Nội\\*");
  });

  it("user text at the start of a line does not become a list", () => {
    const p = mutated((x) => {
      x.audiences = [{ id: "I.3", kind: "civil-servants", text: "1. Cán bộ, công chức" }];
      at(x.contentAreas, 3).text = "- Cải cách thể chế";
      at(x.fundingSources, 0).text = "+ Kinh phí";
    });
    const out = renderPlanMarkdown(p);
    expect.soft(out).not.toMatch(/^1\. Cán bộ/m);
    expect.soft(out).not.toMatch(/^- - /m);
    expect.soft(out).not.toMatch(/^- \+ /m);
  });

  it("a line break inside user text does not start a heading or a list", () => {
    const p = mutated((x) => {
      at(x.objectives, 0).text = "Dòng một\n===";
      at(x.objectives, 1).text = "Dòng một\n- dòng hai";
    });
    const out = renderPlanMarkdown(p);
    expect.soft(out).not.toMatch(/^=+$/m);
    expect.soft(out).not.toMatch(/^- dòng hai/m);
  });
});
