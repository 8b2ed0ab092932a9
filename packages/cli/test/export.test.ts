/**
 * `cchc export` in-process: every document kind and format of this build, header options,
 * warnings on stderr or in the JSON summary, and the one-line exit-2 errors for unusable input.
 * The built bin is exercised end to end in test/export.test.ts at the workspace root.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { samplePlan } from "@cchc/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATS, EXPORTERS } from "../src/exportFormats.js";
import { expectOneLineError, type Workspace, workspace } from "./helpers.js";

interface Summary {
  file: string;
  mediaType: string;
  bytes: number;
  warnings: Array<{ code: string; severity: string; path: unknown[]; message: { vi: string; en: string } }>;
}

let ws: Workspace;
const HEADER = [
  "--number",
  "12/KH-BTTTT",
  "--place",
  "Hà Nội",
  "--date",
  "2018-03-05",
  "--signer-authority",
  "KT. BỘ TRƯỞNG",
  "--signer-title",
  "THỨ TRƯỞNG",
  "--signer-name",
  "Nguyễn Văn A",
];

async function summary(...argv: string[]): Promise<Summary> {
  const r = await ws.cchc("export", ...argv, "--json");
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Summary;
}

beforeAll(async () => {
  ws = await workspace();
  await ws.write("plan.json", JSON.stringify(samplePlan("mic-2018")));
  const g = await ws.cchc("generate", "--size", "small", "--seed", "4", "--out", "d");
  expect(g.code, g.stderr).toBe(0);
}, 60_000);
afterAll(() => ws.cleanup());

describe("cchc export: documents and formats", () => {
  it("writes the plan as DOCX and reports the missing header fields on stderr, one bilingual line each", async () => {
    const r = await ws.cchc("export", "plan.json", "--format", "docx", "--out", "ke-hoach.docx");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("ke-hoach.docx");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    for (const code of ["number-missing", "date-missing", "place-missing", "signer-missing"])
      expect(r.stderr).toContain(`export.${code}`);
    for (const l of lines) expect(l).toMatch(/^Cảnh báo \/ Warning {2}export\.\S+ .+ — .+/);
    const bytes = await readFile(join(ws.dir, "ke-hoach.docx"));
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("takes the header and signer from the options: no warnings, the JSON summary on stdout", async () => {
    const s = await summary("plan.json", "--format", "pdf", "--out", "ke-hoach.pdf", ...HEADER);
    expect(s).toEqual({
      file: join(ws.dir, "ke-hoach.pdf"),
      mediaType: "application/pdf",
      bytes: expect.any(Number),
      warnings: [],
    });
    const bytes = await readFile(s.file);
    expect(bytes.length).toBe(s.bytes);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("infers the format from --out and names the file itself when --out is a folder or absent", async () => {
    const md = await summary("plan.json", "--out", "kh.md");
    expect(md.mediaType).toBe("text/markdown; charset=utf-8");
    expect(await readFile(md.file, "utf8")).toContain("**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**");
    const html = await summary("plan.json", "--format", "html", "--out", ".");
    expect(html.file).toBe(join(ws.dir, "ke-hoach-mic-2018.html"));
    const named = await summary("plan.json", "--format", "docx");
    expect(named.file).toBe(join(ws.dir, "ke-hoach-mic-2018.docx"));
  });

  it("an unpadded --number gets the finding cchc validate gives; the file is still written (issue 18)", async () => {
    const r = await ws.cchc("export", "plan.json", "-f", "md", "-o", "so-5.md", "--number", "5/KH-BTTTT");
    expect(r.code, r.stderr).toBe(0);
    const warning = r.stderr.split("\n").find((l) => l.includes("number-format"));
    expect(warning).toContain('Số, ký hiệu "5/KH-BTTTT" sai thể thức: số "5" phải ghi là "05".');
    await ws.write("plan-5.json", JSON.stringify({ ...samplePlan("mic-2018"), number: "5/KH-BTTTT" }));
    const validated = await ws.cchc("validate", "plan-5.json");
    const error = validated.stdout
      .concat(validated.stderr)
      .split("\n")
      .find((l) => l.includes("number-format"));
    expect(error).toContain('Số, ký hiệu "5/KH-BTTTT" sai thể thức: số "5" phải ghi là "05".');
    expect(await readFile(join(ws.dir, "so-5.md"), "utf8")).toContain("Số: 5/KH-BTTTT");
  });

  it("a report names its addressees (Kính gửi) and drafting unit, from the plan or the options (issue 18)", async () => {
    await ws.write("kh-2018.json", JSON.stringify(samplePlan("mic-2018")));
    const args = [
      "kh-2018.json",
      "--document",
      "report",
      "--period",
      "2018Q1",
      "--tracking",
      "d",
      "-f",
      "md",
    ];
    const byPlan = await ws.cchc("export", ...args, "-o", "bc-plan.md");
    expect(byPlan.code, byPlan.stderr).toBe(0);
    const plan = await readFile(join(ws.dir, "bc-plan.md"), "utf8");
    expect(plan).toContain("Kính gửi: Bộ Nội vụ.");
    expect(plan).toContain("- Như trên;\n- Lưu: VT, TCCB.");
    const given = await ws.cchc(
      "export",
      ...args,
      "-o",
      "bc-given.md",
      "--addressee",
      "Bộ Nội vụ; Văn phòng Chính phủ",
      "--drafting-unit",
      "VP",
    );
    expect(given.code, given.stderr).toBe(0);
    const text = await readFile(join(ws.dir, "bc-given.md"), "utf8");
    expect(text).toContain("Kính gửi:<br>- Bộ Nội vụ;<br>- Văn phòng Chính phủ.");
    expect(text).toContain("- Lưu: VT, VP.");
  });

  it("exports a unit's period report and the agency's from the tracking data", async () => {
    const plan = JSON.parse(await readFile(join(ws.dir, "d/plan.json"), "utf8")) as {
      units: Array<{ id: string }>;
    };
    const unit = plan.units[1]?.id ?? "";
    const agency = await summary(
      "d/plan.json",
      "--document",
      "report",
      "--period",
      "2018Q1",
      "--tracking",
      "d",
      "-f",
      "md",
      "-o",
      "bc.md",
    );
    const text = await readFile(agency.file, "utf8");
    expect(text).toContain("# BÁO CÁO");
    expect(text).toMatch(/Số: …\/BC-/);
    expect(agency.warnings.map((w) => w.code)).toContain("export.number-missing");
    const one = await summary(
      "d/plan.json",
      "--document",
      "report",
      "--period",
      "2018S1",
      "--unit",
      unit,
      "--tracking",
      "d",
      "--format",
      "docx",
      "--out",
      "bc-unit.docx",
      "--number",
      "15/BC-TCCB",
    );
    expect(one.warnings.map((w) => w.code)).not.toContain("export.number-missing");
    expect((await readFile(one.file)).length).toBe(one.bytes);
  });

  it("exports the score sheet and the reporting calendar", async () => {
    const score = await summary(
      "d/plan.json",
      "--document",
      "score",
      "--tracking",
      "d",
      "-f",
      "html",
      "-o",
      "diem.html",
    );
    const html = await readFile(score.file, "utf8");
    expect(html).toContain("XẾP HẠNG CÁC ĐƠN VỊ");
    const cal = await summary("plan.json", "--document", "calendar", "-f", "md", "-o", "lich.md");
    expect(await readFile(cal.file, "utf8")).toContain("Quý I năm 2018");
  });

  it("reports invalid tracking lines as a warning and still exports", async () => {
    await ws.write(
      "mixed.ndjson",
      `${JSON.stringify({ kind: "activity", id: "x" })}\nnot json\n${JSON.stringify({ kind: "nothing" })}\n`,
    );
    const s = await summary(
      "d/plan.json",
      "--document",
      "score",
      "--tracking",
      "mixed.ndjson",
      "-f",
      "md",
      "-o",
      "x.md",
    );
    const w = s.warnings.find((x) => x.code === "export.tracking-lines-skipped");
    expect(w?.message.en).toContain("Skipped 3 invalid tracking line");
  });

  it("knows every format name of the contract, and this build brings every one of them", () => {
    expect([...EXPORT_FORMATS]).toEqual(["docx", "pdf", "xlsx", "ics", "md", "html"]);
    expect(Object.keys(EXPORTERS).sort()).toEqual(["docx", "html", "ics", "md", "pdf", "xlsx"]);
  });

  it("writes the score sheet as XLSX and the calendar as ICS", async () => {
    const x = await summary(
      "d/plan.json",
      "--document",
      "score",
      "--tracking",
      "d",
      "--format",
      "xlsx",
      "--out",
      "d.xlsx",
    );
    expect(x.mediaType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await readFile(x.file)).subarray(0, 2).toString()).toBe("PK");
    const i = await summary("plan.json", "--document", "calendar", "--format", "ics", "--out", "l.ics");
    expect(i.mediaType).toMatch(/^text\/calendar/);
    const ics = await readFile(i.file, "utf8");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain("TZID:Asia/Ho_Chi_Minh");
  });

  it("a document kind the format cannot hold exits 2 with one line (a score sheet as iCalendar)", async () => {
    const r = await ws.cchc(
      "export",
      "d/plan.json",
      "--document",
      "score",
      "--tracking",
      "d",
      "--format",
      "ics",
    );
    expect(expectOneLineError(r)).toMatch(/ics/);
  });
});

describe("cchc export: unusable input exits 2 with one line", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["unknown format", ["plan.json", "--format", "odt"], /unknown format "odt"/],
    ["no format, no extension", ["plan.json", "--out", "file"], /needs --format/],
    ["unknown document", ["plan.json", "-f", "md", "--document", "memo"], /unknown document "memo"/],
    [
      "report without period",
      ["d/plan.json", "-f", "md", "--document", "report", "--tracking", "d"],
      /needs --period/,
    ],
    [
      "period not in the calendar",
      ["d/plan.json", "-f", "md", "--document", "report", "--period", "2019Q1", "--tracking", "d"],
      /not in the plan's reporting calendar; choose one of: 2018Q1/,
    ],
    [
      "unknown unit",
      [
        "d/plan.json",
        "-f",
        "md",
        "--document",
        "report",
        "--period",
        "2018Q1",
        "--unit",
        "nope",
        "--tracking",
        "d",
      ],
      /unit "nope" is not in the plan/,
    ],
    [
      "report without tracking",
      ["d/plan.json", "-f", "md", "--document", "report", "--period", "2018Q1"],
      /needs --tracking/,
    ],
    ["score without tracking", ["d/plan.json", "-f", "md", "--document", "score"], /needs --tracking/],
    [
      "missing tracking data",
      ["d/plan.json", "-f", "md", "--document", "score", "--tracking", "nowhere"],
      /not found/,
    ],
    [
      "period with the plan",
      ["plan.json", "-f", "md", "--period", "2018Q1"],
      /--period only goes with --document report/,
    ],
    [
      "signer without title",
      ["plan.json", "-f", "md", "--signer-name", "A"],
      /needs both --signer-name and --signer-title/,
    ],
    ["bad date", ["plan.json", "-f", "md", "--date", "2018-02-30"], /--date needs a date/],
    ["empty option", ["plan.json", "-f", "md", "--place", " "], /--place must not be empty/],
    ["missing plan", ["none.json", "-f", "md"], /cannot read none\.json/],
    ["out over the input", ["plan.json", "-f", "md", "--out", "plan.json"], /is the input plan file/],
  ];
  for (const [name, argv, message] of cases)
    it(name, async () => {
      const line = expectOneLineError(await ws.cchc("export", ...argv));
      expect(line).toMatch(message);
    });

  it("refuses a plan whose shape does not parse", async () => {
    await ws.write("bad.json", JSON.stringify({ id: "x", year: "2018" }));
    const line = expectOneLineError(await ws.cchc("export", "bad.json", "-f", "md"));
    expect(line).toMatch(/does not parse/);
  });

  it("prints its help page", async () => {
    const r = await ws.cchc("export", "--help");
    expect(r.code).toBe(0);
    for (const flag of [
      "--format",
      "--out",
      "--document",
      "--period",
      "--unit",
      "--tracking",
      "--signer-authority",
      "--json",
    ])
      expect(r.stdout).toContain(flag);
  });
});
