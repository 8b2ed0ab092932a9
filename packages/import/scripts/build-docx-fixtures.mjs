// Builds the .docx test fixtures from the text fixtures, once; the .docx files are committed.
//   pnpm --filter @cchc/import fixtures:docx
// 1. The 2018 seed, one paragraph per line, as typed (markers written out): it must import to the
//    same plan as the text.
// 2. The Quảng Ninh province plan laid out as an e-office system writes it: the Decree 30 header and
//    the recipients/signature block in two-column tables, line breaks inside header cells, and the
//    channel list and the duties under "4." in Word's automatic numbering (no typed markers).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  AlignmentType,
  BorderStyle,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures");
const FONT = "Times New Roman";
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};

const para = (text, opts = {}) =>
  new Paragraph({ ...opts, children: [new TextRun({ text, font: FONT, size: 26, bold: opts.bold })] });

/** A paragraph whose lines are separated by line breaks (shift+enter), as header cells are typed. */
const broken = (lines, opts = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: lines.map(
      (text, i) => new TextRun({ text, font: FONT, size: 26, bold: opts.bold, break: i > 0 ? 1 : 0 }),
    ),
  });

const cell = (children) =>
  new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children });
const twoColumns = (left, right) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left), cell(right)] })],
  });

async function write(name, doc) {
  writeFileSync(join(fixtures, name), Buffer.from(await Packer.toBuffer(doc)));
  console.log(`wrote ${name}`);
}

// 1. The seed.
const seed = readFileSync(join(fixtures, "ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.txt"), "utf8");
await write(
  "ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.docx",
  new Document({
    creator: "@cchc/import fixtures",
    sections: [{ children: seed.split(/\r?\n/).map((line) => para(line)) }],
  }),
);

// 2. The province plan in an e-office layout.
const province = readFileSync(join(fixtures, "province-quang-ninh-2021.txt"), "utf8").split(/\r\n/);
const at = (prefix) => province.findIndex((l) => l.startsWith(prefix));
const bodyStart = at("KẾ HOẠCH");
const trailerStart = at("Nơi nhận:");
const channelsStart = at("III. HÌNH THỨC TUYÊN TRUYỀN") + 1;
const channelsEnd = at("IV. TỔ CHỨC THỰC HIỆN");
const unitsFour = at("4. Các sở, ban, ngành tỉnh");
const unitsFourEnd = at("5. Kinh phí thực hiện");
const body = [];
for (let i = bodyStart; i < trailerStart; i++) {
  const line = province[i];
  if (i >= channelsStart && i < channelsEnd) {
    // "1. Tuyên truyền trên Báo…" typed as an automatically numbered list.
    body.push(
      new Paragraph({
        numbering: { reference: "decimal", level: 0 },
        children: [new TextRun({ text: line.replace(/^\d+\.\s*/, ""), font: FONT, size: 26 })],
      }),
    );
  } else if (i > unitsFour && i < unitsFourEnd) {
    body.push(
      new Paragraph({
        numbering: { reference: "bullets", level: 0 },
        children: [new TextRun({ text: line.replace(/^-\s*/, ""), font: FONT, size: 26 })],
      }),
    );
  } else body.push(para(line, { bold: /^(KẾ HOẠCH|[IVX]+\.)/.test(line) }));
}
const trailer = province.slice(trailerStart).filter((l) => l !== "");
await write(
  "province-quang-ninh-2021.docx",
  new Document({
    creator: "@cchc/import fixtures",
    numbering: {
      config: [
        {
          reference: "decimal",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
        },
        {
          reference: "bullets",
          levels: [{ level: 0, format: LevelFormat.BULLET, text: "-", alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          twoColumns(
            [
              broken(["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NINH"], { bold: true }),
              broken(["-------"]),
              broken(["Số: 05/KH-UBND"]),
            ],
            [
              broken(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], { bold: true }),
              broken(["---------------"]),
              broken(["Quảng Ninh, ngày 24 tháng 3 năm 2021"]),
            ],
          ),
          ...body,
          twoColumns(
            trailer.map((l) => para(l.split("\t")[0])),
            trailer
              .map((l) => l.split("\t")[1])
              .filter((l) => l !== undefined)
              .map((l) => broken([l], { bold: true })),
          ),
        ],
      },
    ],
  }),
);
