/**
 * Bắt đầu nhanh với @cchc/core / @cchc/core quickstart.
 *
 * 1. Nạp kế hoạch mẫu "mic-2018" (Kế hoạch tuyên truyền CCHC năm 2018 của Bộ TT&TT) và kiểm tra nó.
 *    Load the sample plan "mic-2018" and validate it.
 * 2. In tóm tắt và lịch báo cáo năm 2018 của kế hoạch. Print a summary and the plan's reporting calendar.
 * 3. Ghi plan.md và plan.json vào thư mục đầu ra. Write plan.md and plan.json into the output folder.
 * 4. Bổ sung một loại hình thức riêng ("zalo-oa") qua `customKinds`. Add an agency's own channel kind.
 * 5. Lưu kế hoạch, hoạt động, kết quả và báo cáo vào kho PGlite nhúng (thư mục out/data), đóng kho, mở
 *    lại và in những gì đọc được: dữ liệu còn nguyên sau khi khởi động lại; mỗi lần chạy thêm một
 *    phiên bản kế hoạch. Store the plan and tracking data in an embedded PGlite folder, close it,
 *    reopen it and print what it reads back; every run adds a plan version.
 *
 * Chạy / run:  pnpm demo            (ghi vào / writes to examples/quickstart/out/)
 *              pnpm demo my-out     (thư mục khác / another folder)
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Activity,
  createCchc,
  type Finding,
  formatPath,
  leadUnitIds,
  PAR_COMMUNICATION_PRESET,
  PAR_PILLARS,
  type Plan,
  planCalendar,
  renderPlanJson,
  renderPlanMarkdown,
  samplePlan,
  validatePlan,
} from "@cchc/core";
import { pgliteStorage } from "@cchc/storage-pglite";

/** One finding: severity, code and path, then the message in Vietnamese and in English. */
function printFinding(f: Finding): void {
  console.log(`  [${f.severity}] ${f.code} @ ${formatPath(f.path)}`);
  console.log(`      vi: ${f.message.vi}`);
  console.log(`      en: ${f.message.en}`);
}

/** Rows with every column padded to its widest cell, so they line up in a terminal. */
function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((r) => (r[col] ?? "").length))) ?? [];
  for (const row of rows)
    console.log(`  ${row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join("  ")}`.trimEnd());
}

/** The agency (tenant) the demo stores its data under. */
const AGENCY = "bo-tttt";

/** Two planned activities of the sample plan and a few results, as a unit would record them. */
const ACTIVITIES: Activity[] = [
  {
    id: "hd-ttt-tin-bai",
    unitId: "trung-tam-thong-tin",
    channelId: "II.2.a",
    contentAreaIds: ["II.1.a", "II.1.c.6"],
    title: "Đăng tin, bài về CCHC trên Cổng thông tin điện tử của Bộ",
    periodId: "2018",
    target: { value: 24, unit: "article" },
  },
  {
    id: "hd-tccb-tap-huan",
    unitId: "vu-to-chuc-can-bo",
    channelId: "II.2.b",
    contentAreaIds: ["II.1.b"],
    title: "Tập huấn nghiệp vụ CCHC cho cán bộ, công chức",
    periodId: "2018",
    target: { value: 2, unit: "class" },
  },
];
const RECORD_LINES = [
  { id: "kq-1", activityId: "hd-ttt-tin-bai", unitId: "trung-tam-thong-tin", date: "2018-02-10", output: 3 },
  { id: "kq-2", activityId: "hd-ttt-tin-bai", unitId: "trung-tam-thong-tin", date: "2018-05-22", output: 5 },
  {
    id: "kq-3",
    activityId: "hd-tccb-tap-huan",
    unitId: "vu-to-chuc-can-bo",
    date: "2018-06-15",
    output: 1,
    participants: 120,
    costVnd: 35_000_000,
    note: "Lớp tập huấn tại Hà Nội, có học viên từ các cục, vụ",
  },
].map((r) => JSON.stringify(r));

/**
 * 5. Kho dữ liệu nhúng: PGlite (PostgreSQL chạy trong WASM) trong một thư mục, không cần máy chủ.
 *    The embedded store: PGlite in a folder, no server. The same calls work on a PostgreSQL server
 *    with `postgresStorage({ connectionString })` from @cchc/storage-postgres.
 */
async function storeAndReopen(plan: Plan, dataDir: string): Promise<void> {
  const before = existsSync(dataDir);
  console.log(`\nKho dữ liệu / Store: PGlite ${dataDir}${before ? "" : " (mới / new)"}`);

  const cchc = await createCchc({ storage: pgliteStorage({ dataDir }) });
  const current = await cchc.plans.get(AGENCY, plan.id).catch(() => undefined);
  // Mỗi lần lưu ghi kèm phiên bản đang có: nếu ai đó đã lưu trước, lệnh bị từ chối, không ghi đè.
  // Every save names the version it is based on: had someone saved in between, it is refused.
  const run = (current?.version ?? 0) + 1;
  const saved = await cchc.plans.save(
    AGENCY,
    run === 1 ? plan : { ...plan, title: `${plan.title} (lần chạy ${run} / run ${run})` },
    current?.version ?? null,
  );
  console.log(
    current === undefined
      ? `  Lần chạy đầu: đã lưu kế hoạch, phiên bản ${saved.version} / first run: plan saved as version ${saved.version}`
      : `  Đã thấy dữ liệu của lần chạy trước (phiên bản ${current.version}); đã lưu phiên bản ${saved.version} / found the previous run's data (version ${current.version}); saved version ${saved.version}`,
  );
  const known = new Set((await cchc.activities.list(AGENCY, plan.id)).map((a) => a.value.id));
  for (const a of ACTIVITIES) if (!known.has(a.id)) await cchc.activities.save(AGENCY, plan.id, a);
  // existing: "skip": các kết quả đã có (giống hệt) được bỏ qua, nên chạy lại không ghi trùng.
  // existing: "skip": records already stored (identical) are skipped, so a rerun writes no duplicates.
  const ingested = await cchc.records.ingest(AGENCY, plan.id, RECORD_LINES, { existing: "skip" });
  console.log(
    `  Kết quả thực hiện / records: ${ingested.inserted} mới / new, ${ingested.skipped} đã có / already stored`,
  );
  await cchc.close();

  // Mở lại kho như một lần khởi động lại ứng dụng. Reopen the store, as after a restart.
  const reopened = await createCchc({ storage: pgliteStorage({ dataDir }) });
  const history = await reopened.plans.history(AGENCY, plan.id);
  const records = await reopened.records.count(AGENCY, plan.id);
  const sheet = await reopened.scores.compute(AGENCY, plan.id, { scheme: PAR_COMMUNICATION_PRESET });
  await reopened.scores.save(AGENCY, plan.id, sheet);
  console.log("  Sau khi mở lại / after reopening:");
  printTable([
    ["    Phiên bản / Versions:", history.map((v) => v.version).join(", ")],
    ["    Kế hoạch hiện tại / Current title:", history.at(-1)?.value.title ?? "—"],
    ["    Hoạt động / Activities:", String((await reopened.activities.list(AGENCY, plan.id)).length)],
    ["    Kết quả / Records:", String(records)],
    [
      "    Điểm toàn Bộ / Agency score:",
      `${sheet.agency.points}/${sheet.agency.maxPoints} (${sheet.agency.percent.toFixed(2)}%)`,
    ],
  ]);
  await reopened.close();
}

function main(): { plan: Plan; outDir: string } {
  // 1. Kiểm tra. validatePlan nhận mọi đầu vào (JSON.parse của tệp, dữ liệu biểu mẫu…) và không bao giờ
  //    ném lỗi: trả về kế hoạch đã chuẩn hóa (NFC, "Uỷ" → "Ủy") cùng các lỗi và cảnh báo.
  //    validatePlan takes any input and never throws: the normalised plan plus errors and warnings.
  const result = validatePlan(samplePlan("mic-2018"));
  const plan = result.plan;
  if (plan === undefined) throw new Error("kế hoạch mẫu sai cấu trúc / the sample plan has no usable shape");

  const pillarCodes = new Set(PAR_PILLARS.map((p) => p.code));
  const unitName = (id: string) => plan.units.find((u) => u.id === id)?.name ?? id;

  console.log(`KẾ HOẠCH / PLAN: ${plan.title}`);
  printTable([
    ["Cơ quan ban hành / Issuer:", `${plan.issuer.name} (${plan.issuer.abbreviation ?? "—"})`],
    ["Năm / Year:", String(plan.year)],
    ["Mục tiêu / Objectives:", String(plan.objectives.length)],
    ["Yêu cầu / Requirements:", String(plan.requirements.length)],
    ["Nội dung / Content areas:", String(plan.contentAreas.length)],
    ["Lĩnh vực CCHC / PAR pillars:", String(plan.contentAreas.filter((c) => pillarCodes.has(c.kind)).length)],
    ["Hình thức / Channels:", String(plan.channels.length)],
    ["Đơn vị / Units:", String(plan.units.length)],
    ["Đơn vị chủ trì / Lead unit:", leadUnitIds(plan).map(unitName).join(", ") || "—"],
  ]);

  // Lỗi chặn việc dùng kế hoạch; cảnh báo thì không. Errors block the plan; warnings do not.
  const { errors, warnings } = result;
  console.log(
    `\nKiểm tra / Validation: ${errors.length} lỗi / errors, ${warnings.length} cảnh báo / warnings`,
  );
  for (const f of [...errors, ...warnings]) printFinding(f);
  if (!result.ok) throw new Error(`kế hoạch mẫu có ${errors.length} lỗi / the sample plan has errors`);

  // 2. Lịch báo cáo theo Nghị định 09/2019, ngày giờ Việt Nam; hạn nộp mặc định 5 ngày sau ngày chốt.
  //    Reporting calendar of Decree 09/2019 in Vietnam dates; default deadline 5 days after cut-off.
  console.log(`\nLịch báo cáo năm ${plan.year} / Reporting calendar ${plan.year}:`);
  printTable([
    ["Kỳ / Id", "Tên kỳ / Period", "Chốt số liệu / Cut-off", "Hạn nộp / Due"],
    ...planCalendar(plan).map((p) => [p.id, p.label.vi, `${p.cutoffStart} → ${p.cutoffEnd}`, p.dueDate]),
  ]);

  // 3. Kết xuất: Markdown đọc như văn bản ban hành, JSON chuẩn để lưu trữ. Thư mục: tham số đầu tiên
  //    (đường dẫn tương đối tính từ nơi gõ lệnh pnpm: INIT_CWD), mặc định examples/quickstart/out/.
  //    Markdown that reads like the issued plan and canonical JSON, into the first argument (relative
  //    to where pnpm was started) or examples/quickstart/out/.
  const outDir = process.argv[2]
    ? resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2])
    : fileURLToPath(new URL("../out/", import.meta.url));
  mkdirSync(outDir, { recursive: true });
  const files = { "plan.md": renderPlanMarkdown(plan), "plan.json": renderPlanJson(plan) };
  console.log("\nĐã ghi / Written:");
  for (const [name, text] of Object.entries(files)) {
    const path = resolve(outDir, name);
    writeFileSync(path, text, "utf8");
    console.log(`  ${path}`);
  }

  // 4. Danh mục mở: cơ quan thêm hình thức "Zalo OA" với mã riêng "zalo-oa" (danh mục mặc định có
  //    "messaging-app" gần nghĩa). Chưa khai báo thì là lỗi kind-unknown; khai báo trong customKinds thì hợp lệ.
  //    Open catalogues: an agency's own channel kind. Undeclared it is an error; declared, it validates.
  const zalo = { id: "II.2.đ", kinds: ["zalo-oa"], text: "Tuyên truyền CCHC qua Zalo OA của cơ quan." };
  const extended = { ...plan, channels: [...plan.channels, zalo] };
  const undeclared = validatePlan(extended);
  const declared = validatePlan({
    ...extended,
    customKinds: {
      channelKinds: [{ code: "zalo-oa", label: { vi: "Zalo OA", en: "Zalo Official Account" } }],
    },
  });
  console.log('\nDanh mục mở / Open catalogues: hình thức "zalo-oa" / channel kind "zalo-oa"');
  console.log("  Chưa khai báo / undeclared:");
  for (const f of undeclared.errors) printFinding(f);
  console.log(
    `  Khai báo trong customKinds / declared in customKinds: ${declared.ok ? "hợp lệ / valid" : "lỗi"}`,
  );
  if (undeclared.ok || !declared.ok)
    throw new Error("customKinds không như mong đợi / customKinds misbehaved");
  return { plan, outDir };
}

try {
  const { plan, outDir } = main();
  await storeAndReopen(plan, resolve(outDir, "data"));
} catch (error) {
  // Một dòng rõ ràng và mã thoát khác 0. One clear line and a non-zero exit code.
  console.error(`Lỗi / Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
