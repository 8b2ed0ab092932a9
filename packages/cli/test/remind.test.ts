import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOneLineError, type Workspace, workspace } from "./helpers.js";

const SEED = join(
  dirname(fileURLToPath(import.meta.url)),
  "fixtures/ke-hoach-tuyen-truyen-cchc-2018-bo-tttt.txt",
);

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(() => ws.cleanup());

const REPORTER = "cac-co-quan-hanh-chinh-thuoc-bo";

describe("cchc remind --dry-run", () => {
  it("lists the 2018Q1 reminder of the sample plan on 2018-03-08, as JSON, nothing on stderr", async () => {
    const r = await ws.cchc("remind", "--now", "2018-03-08", "--dry-run", "--json");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual([
      "now",
      "today",
      "agencyId",
      "planId",
      "dryRun",
      "due",
      "upcoming",
      "findings",
      "delivery",
    ]);
    expect(doc).toMatchObject({
      today: "2018-03-08",
      agencyId: "default",
      planId: "mic-2018",
      dryRun: true,
      delivery: null,
    });
    expect(doc.due).toHaveLength(1);
    expect(doc.due[0]).toMatchObject({
      key: `default:${REPORTER}:2018Q1:before-14`,
      kind: "before-14",
      unitId: REPORTER,
      periodId: "2018Q1",
      dueDate: "2018-03-19",
      daysLeft: 11,
      recipients: [{ unitId: REPORTER, name: "Các cơ quan hành chính thuộc Bộ", email: [] }],
      subject: { vi: "Nhắc báo cáo quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày)" },
    });
    expect(doc.due[0].body.vi).toContain(
      "Theo Kế hoạch tuyên truyền cải cách hành chính năm 2018 của Bộ Thông tin và Truyền thông",
    );
    expect(doc.upcoming[0]).toMatchObject({ kind: "before-7", sendOn: "2018-03-12", periodId: "2018Q1" });
    expect(doc.upcoming.at(-1)).toMatchObject({ kind: "overdue", unitId: "vu-to-chuc-can-bo" });
  });

  it("in human mode names the plan on stderr and prints the reminders", async () => {
    const r = await ws.cchc("remind", "--now", "2018-03-20", "--dry-run");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("cchc: kế hoạch / plan: mẫu / sample mic-2018\n");
    expect(r.stdout).toContain(
      "overdue    Vụ Tổ chức cán bộ — Quý I năm 2018 / Q1 2018, hạn / due 19/03/2018",
    );
    expect(r.stdout).toContain("Báo cáo quý I năm 2018 quá hạn: 1 đơn vị chưa nộp");
    expect(r.stdout).toContain("dry run: nothing sent");
  });

  it("reads submitted reports from NDJSON (mixed lines and bad lines tolerated), options and contacts", async () => {
    await ws.write(
      "reports.ndjson",
      [
        JSON.stringify({
          id: "r1",
          unitId: REPORTER,
          periodId: "2018Q1",
          submittedAt: "2018-03-15T10:00:00+07:00",
        }),
        JSON.stringify({ kind: "record", id: "x" }),
        "{oops",
        JSON.stringify({ id: "r2", unitId: REPORTER, periodId: "2018Q2" }),
        "",
      ].join("\n"),
    );
    await ws.write("danh-ba.json", JSON.stringify({ "vu-to-chuc-can-bo": { email: "tccb@mic.gov.vn" } }));
    const r = await ws.cchc(
      "remind",
      "--now",
      "2018-03-20",
      "--reports",
      "reports.ndjson",
      "--contacts",
      "danh-ba.json",
      "--dry-run",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.due).toEqual([]);
    expect(doc.findings.map((f: { code: string }) => f.code)).toEqual([
      "reports.json-invalid",
      "reports.shape-invalid",
    ]);
    const late = await ws.cchc(
      "remind",
      "--now",
      "2018-06-08",
      "--days-before",
      "11",
      "--escalate-after",
      "2",
      "--contacts",
      "danh-ba.json",
      "--dry-run",
      "--json",
    );
    const d2 = JSON.parse(late.stdout);
    // The 2018Q1 escalation stays due (the outbox sends it once); the two June reports, due the same
    // day, get one reminder naming both.
    expect(d2.due.map((d: { key: string }) => d.key)).toEqual([
      "default:vu-to-chuc-can-bo:2018Q1:overdue",
      `default:${REPORTER}:2018-06-19:2018Q2+2018S1:before-11`,
    ]);
    expect(d2.due[1]).toMatchObject({
      periodId: "2018Q2",
      periods: [{ periodId: "2018Q2" }, { periodId: "2018S1" }],
      subject: {
        vi: "Nhắc báo cáo quý II năm 2018 và 6 tháng đầu năm 2018: hạn nộp 19/06/2018 (còn 11 ngày)",
      },
    });
  });

  it("the issued 2018 text, imported: one reminder for quý II and 6 tháng, folded into the CCHC report, sent to Vụ TCCB", async () => {
    await ws.write("seed.txt", await readFile(SEED, "utf8"));
    const imported = await ws.cchc("import", "seed.txt", "--out", "seed-plan.json");
    expect(imported.code, imported.stderr).toBe(0);
    const r = await ws.cchc(
      "remind",
      "--plan",
      "seed-plan.json",
      "--now",
      "2018-06-05",
      "--dry-run",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const toUnit = JSON.parse(r.stdout).due.filter((d: { kind: string }) => d.kind === "before-14");
    expect(toUnit).toHaveLength(1);
    expect(toUnit[0].key).toBe(`default:${REPORTER}:2018-06-19:2018Q2+2018S1:before-14`);
    expect(toUnit[0].body.vi).toContain(
      "hạn gửi báo cáo kết quả thực hiện tuyên truyền cải cách hành chính quý II năm 2018 và 6 tháng đầu năm 2018 (lồng ghép trong báo cáo CCHC hàng quý, 6 tháng, năm của đơn vị) là ngày 19/06/2018",
    );
    expect(toUnit[0].body.vi).toContain(
      "Đề nghị đơn vị gửi báo cáo về Vụ Tổ chức cán bộ trước ngày 19/06/2018.",
    );
  });

  it("a config file gives the agency, templates and days; flags win", async () => {
    await ws.write(
      "remind.json",
      JSON.stringify({
        agency: "bo-tttt",
        daysBefore: [10],
        templates: { before: { subject: { vi: "[{periodId}] còn {daysLeft} ngày" } } },
      }),
    );
    const r = await ws.cchc(
      "remind",
      "--now",
      "2018-03-09",
      "--config",
      "remind.json",
      "--dry-run",
      "--json",
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.due.map((d: { key: string; subject: { vi: string } }) => [d.key, d.subject.vi])).toEqual([
      [`bo-tttt:${REPORTER}:2018Q1:before-10`, "[2018Q1] còn 10 ngày"],
    ]);
    const flag = await ws.cchc(
      "remind",
      "--now",
      "2018-03-09",
      "--config",
      "remind.json",
      "--agency",
      "khac",
      "--dry-run",
      "--json",
    );
    expect(JSON.parse(flag.stdout).agencyId).toBe("khac");
  });
});

describe("cchc remind errors: exit 2, one line", () => {
  it.each([
    [["remind", "--dry-run"], /--now/],
    [["remind", "--now", "08/03/2018", "--dry-run"], /--now/],
    [["remind", "--now", "2018-02-30", "--dry-run"], /--now/],
    [["remind", "--now", "2018-03-08"], /--notify/],
    [["remind", "--now", "2018-03-08", "--notify", "ftp://x"], /--notify/],
    [["remind", "--now", "2018-03-08", "--notify", "https://eoffice.example.vn/hook"], /webhook-secret/],
    [["remind", "--now", "2018-03-08", "--days-before", "7,x", "--dry-run"], /--days-before/],
    [["remind", "--now", "2018-03-08", "--days-before", "0", "--dry-run"], /reminder\.days-before-invalid/],
    [["remind", "--now", "2018-03-08", "--plan", "khong-co.json", "--dry-run"], /khong-co\.json/],
    [["remind", "--now", "2018-03-08", "--reports", "khong-co.ndjson", "--dry-run"], /khong-co\.ndjson/],
    [["remind", "--now", "2018-03-08", "--agency", "a b", "--dry-run"], /agency/],
    [["remind", "--now", "2018-03-08", "--wait", "-1", "--dry-run"], /--wait/],
  ])("%j", async (argv, pattern) => {
    const r = await ws.cchc(...argv);
    expect(expectOneLineError(r)).toMatch(pattern);
  });

  it("an invalid contact address or an unknown template placeholder is refused with its path", async () => {
    await ws.write("bad-contacts.json", JSON.stringify({ "vu-phap-che": { email: ["not-an-address"] } }));
    const c = await ws.cchc("remind", "--now", "2018-03-08", "--contacts", "bad-contacts.json", "--dry-run");
    expect(expectOneLineError(c)).toMatch(/vu-phap-che.*email/);
    await ws.write(
      "bad-template.json",
      JSON.stringify({ templates: { overdue: { body: { vi: "Hạn {dedline}" } } } }),
    );
    const t = await ws.cchc("remind", "--now", "2018-03-08", "--config", "bad-template.json", "--dry-run");
    expect(expectOneLineError(t)).toMatch(
      /reminder\.template-placeholder-unknown.*templates\.overdue\.body\.vi/,
    );
    await ws.write("bad-config.json", JSON.stringify({ notfy: "smtp://x" }));
    expect(
      expectOneLineError(
        await ws.cchc("remind", "--now", "2018-03-08", "--config", "bad-config.json", "--dry-run"),
      ),
    ).toMatch(/notfy/);
  });

  it("--help documents the JSON fields and exit codes", async () => {
    const r = await ws.cchc("remind", "--help");
    expect(r.code).toBe(0);
    for (const field of [
      '"key"',
      '"kind"',
      '"recipients"',
      '"subject"',
      '"upcoming"',
      '"delivery"',
      "Exit codes",
    ])
      expect(r.stdout).toContain(field);
  });
});
