/**
 * `pnpm demo` (the BUILT quickstart) keeps its data in an embedded PGlite folder that survives a
 * restart: run twice into the same output folder, the second run finds the first one's plan and
 * records, adds a plan version, and writes no duplicate records.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runNode } from "./support/node.js";

const DEMO = resolve(dirname(fileURLToPath(import.meta.url)), "../examples/quickstart/dist/main.js");
let out: string;

const demo = () => runNode(DEMO, [out]);

beforeAll(async () => {
  if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`pnpm build\` first`);
  out = await mkdtemp(join(tmpdir(), "cchc-demo-"));
});
afterAll(() => rm(out, { recursive: true, force: true }));

it("stores its data in a PGlite folder that survives a restart", async () => {
  const first = await demo();
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toContain("Lịch báo cáo năm 2018");
  expect(first.stdout).toContain(join(out, "plan.md"));
  expect(first.stdout).toContain(`Kho dữ liệu / Store: PGlite ${join(out, "data")} (mới / new)`);
  expect(first.stdout).toContain("first run: plan saved as version 1");
  expect(first.stdout).toContain("records: 3 mới / new, 0 đã có / already stored");
  expect(first.stdout).toMatch(/Phiên bản \/ Versions:\s+1\n/);
  expect(existsSync(join(out, "data", "PG_VERSION"))).toBe(true);
  // the Decree 30 DOCX, a real zip, and the reminders due on 8 March 2018
  const docx = await readFile(join(out, "ke-hoach-mic-2018.docx"));
  expect(docx.subarray(0, 2).toString()).toBe("PK");
  expect(first.stdout).toContain("Reminders due on 8 March 2018: 1");
  expect(first.stdout).toContain("bo-tttt:cac-co-quan-hanh-chinh-thuoc-bo:2018Q1:before-14");

  const second = await demo();
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toContain("found the previous run's data (version 1); saved version 2");
  expect(second.stdout).toContain("records: 0 mới / new, 3 đã có / already stored");
  expect(second.stdout).toMatch(/Phiên bản \/ Versions:\s+1, 2\n/);
  expect(second.stdout).toMatch(/Kết quả \/ Records:\s+3\n/);
}, 180_000);
