/**
 * The code of the guides (docs/snippets/) runs and does what the guides say: the agency's scheme
 * validates, matches its JSON twin and scores as docs/scoring.md explains; the Effect way and the
 * Promise way of docs/effect-and-promise.md reach the same outcome on PGlite; the plain-text exporter
 * of docs/adapters.md passes the exporter contract; the audited storage audits successful writes;
 * the webhook receiver of docs/reminders.md refuses a weak secret and dedupes on the signed key.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createCchc,
  createDispatcher,
  formatPath,
  MemoryNotifierLayer,
  MemoryStorage,
  makeMemoryNotifier,
  NotFound,
  PAR_COMMUNICATION_PRESET,
  Storage,
  StorageError,
  samplePlan,
  scorePlan,
  VersionConflict,
  validateScheme,
} from "@cchc/core";
import { makeWebhookNotifier } from "@cchc/notify-webhook";
import { PgliteStorage } from "@cchc/storage-pglite";
import { generateDataset, writeDataset } from "@cchc/testing";
import { runExporterContract, runStorageContract } from "@cchc/testing/contracts";
import * as Effect from "effect/Effect";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AGENCY_SCHEME,
  brokenSchemeFindings,
  MANUAL_SCORES,
  scoreWithAgencyScheme,
} from "../docs/snippets/agencyScheme.js";
import { type AuditEntry, AuditedStorage } from "../docs/snippets/auditedStorage.js";
import { type DatasetFolder, readDatasetFolder } from "../docs/snippets/dataset.js";
import { renamePlan as renameEffect, runEffectWay } from "../docs/snippets/effectWay.js";
import { calendar2025, calendarLines, checkPlan, planMarkdown } from "../docs/snippets/firstSteps.js";
import { plainTextExporter } from "../docs/snippets/plainTextExporter.js";
import { renamePlan as renamePromise, runPromiseWay } from "../docs/snippets/promiseWay.js";
import { type ReceivedReminder, startReceiver } from "../docs/snippets/webhookReceiver.js";
import {
  agencySchedule,
  dueDates,
  february2018,
  holidays2026,
  year2026Moved,
} from "../docs/snippets/workingDays.js";

const SNIPPETS = resolve(fileURLToPath(import.meta.url), "../../docs/snippets");
const json = (name: string) => JSON.parse(readFileSync(join(SNIPPETS, name), "utf8")) as unknown;

let dir: string;
let data: DatasetFolder;
const dataset = generateDataset({ size: "small", seed: 1 });
const input = {
  plan: dataset.plan,
  activities: [...dataset.activities()],
  records: [...dataset.records()],
  reports: [...dataset.reports()],
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cchc-snippets-"));
  await writeDataset(dataset, join(dir, "d")); // what `cchc generate --size small --seed 1 --out d` writes
  data = await readDatasetFolder(join(dir, "d"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("getting-started: firstSteps.ts", () => {
  it("validates the sample (0 errors, 4 warnings printed), lists its calendar, renders it", () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...a: unknown[]) => void lines.push(a.join(" "));
    let plan: ReturnType<typeof checkPlan>;
    try {
      plan = checkPlan();
    } finally {
      console.log = log;
    }
    if (!plan) throw new Error("the sample did not validate");
    expect(lines.filter((l) => l.startsWith("warning "))).toHaveLength(4);
    expect(lines).toContain("warning header-number-missing @ number");
    expect(calendarLines(plan)[0]).toBe("2018Q1 Quý I năm 2018 2017-12-15 → 2018-03-14 hạn / due 2018-03-19");
    expect(calendar2025().map((p) => p.id)).toEqual(["2025Q1", "2025Q2", "2025Q3", "2025Q4", "2025"]);
    expect(planMarkdown(plan)).toContain("Vụ Tổ chức cán bộ");
  });
});

describe("scoring: agencyScheme.ts, scheme.json, manual-scores.json", () => {
  it("the scheme validates, and scheme.json / manual-scores.json are the same data as the TypeScript", () => {
    expect(validateScheme(AGENCY_SCHEME).errors).toEqual([]);
    expect(json("scheme.json")).toEqual(AGENCY_SCHEME);
    expect((json("manual-scores.json") as { scores: unknown }).scores).toEqual(MANUAL_SCORES);
  });

  it("the broken scheme gives the two findings the guide shows", () => {
    const found = brokenSchemeFindings().map((f) => [f.code, formatPath(f.path), f.message.vi]);
    expect(found).toEqual([
      ["scheme.max-mismatch", "nodes[0].maxPoints", 'Điểm tối đa của "kh" (5) khác tổng tiêu chí con (4).'],
      ["scheme.leaf-without-rule", "nodes[1]", 'Tiêu chí "bc" chưa có cách chấm.'],
    ]);
  });

  it("scores as the guide explains: scopes, not-applicable maximums, manual points, ties, Vietnamese order", () => {
    const sheet = scoreWithAgencyScheme(input);
    // Agency: kh (4) + bc (2) + tg (1); sk is unit-only.
    expect(sheet.agency.maxPoints).toBe(7);
    expect(sheet.agency.nodes.find((n) => n.nodeId === "sk")?.applicable).toBe(false);
    expect(sheet.agency.percent).toBe(Math.round((sheet.agency.points / 7) * 10_000) / 100);
    const unit = (id: string) => {
      const u = sheet.units.find((x) => x.unitId === id);
      if (!u) throw new Error(id);
      return u;
    };
    const sk = (id: string) => unit(id).nodes.find((n) => n.nodeId === "sk");
    expect(sk("vu-phap-che")).toMatchObject({ points: 0.5, explanation: { rule: "manual" } });
    expect(sk("vu-phap-che")?.explanation.text.vi).toBe("Chấm tay: điểm thẩm định 0,5 → 0,5 điểm.");
    expect(sk("trung-tam-thong-tin")?.explanation.text.en).toBe(
      "Entered by hand: self-assessed 0.75 (not yet appraised) → 0.75 points.",
    );
    expect(sk("van-phong-bo")?.explanation.text.en).toBe(
      "Entered by hand: no self-assessment entered → 0 points.",
    );
    // A unit that does not report: bc is not applicable and leaves its maximum (4 + 1 = 5).
    const reporters = new Set(input.reports.map((r) => r.unitId));
    for (const u of sheet.units) {
      const bc = u.nodes.find((n) => n.nodeId === "bc");
      if (!reporters.has(u.unitId) && u.unitId !== "cac-co-quan-hanh-chinh-thuoc-bo") {
        expect(bc?.applicable, u.unitId).toBe(false);
        expect(u.maxPoints, u.unitId).toBe(5);
      }
    }
    // Ranking: by percent; equal percentages share a rank (1, 2, 2, 4…), Vietnamese order within it.
    const collator = new Intl.Collator("vi");
    for (const [i, u] of sheet.units.entries()) {
      const prev = sheet.units[i - 1];
      if (!prev) {
        expect(u.rank).toBe(1);
        continue;
      }
      if (prev.percent === u.percent) {
        expect(u.rank).toBe(prev.rank);
        expect(collator.compare(prev.name, u.name)).toBeLessThan(0);
      } else {
        expect(prev.percent).toBeGreaterThan(u.percent);
        expect(u.rank).toBe(i + 1);
      }
    }
    expect(sheet.units.some((u, i) => i > 0 && sheet.units[i - 1]?.rank === u.rank)).toBe(true);
  });
});

describe("effect-and-promise: the same task both ways, on PGlite", () => {
  it("save, ingest, score from the store, export a DOCX, enqueue and dispatch: one outcome", async () => {
    const effectNotifier = makeMemoryNotifier();
    const promiseNotifier = makeMemoryNotifier();
    const viaEffect = await runEffectWay(data, join(dir, "effect-db"), effectNotifier);
    const viaPromise = await runPromiseWay(data, join(dir, "promise-db"), promiseNotifier);

    const { docx: a, ...effectRest } = viaEffect;
    const { docx: b, ...promiseRest } = viaPromise;
    expect(promiseRest).toEqual(effectRest);
    expect(effectRest).toMatchObject({
      planVersion: 1,
      conflict: "VersionConflict",
      ingested: 3000,
      batches: 3,
    });
    // Scored from the store = scored in memory.
    expect(effectRest.percent).toBe(scorePlan(input, { scheme: PAR_COMMUNICATION_PRESET }).agency.percent);
    // The same Word document (its body), with the ranking's first unit in it.
    const body = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)["word/document.xml"] ?? new Uint8Array());
    expect(a.fileName).toBe(b.fileName);
    expect(body(a.bytes)).toBe(body(b.bytes));
    expect(body(a.bytes)).toContain(effectRest.topUnit);
    expect(body(a.bytes)).toContain("15/BC-BTTTT");
    // Reminders: what was due was delivered, once, through the notifier of each way.
    expect(effectRest.enqueued).toBeGreaterThan(0);
    expect(effectRest.delivered).toBe(effectRest.enqueued);
    expect(effectNotifier.sent.map((n) => n.key)).toEqual(promiseNotifier.sent.map((n) => n.key));
  }, 120_000);

  it("a PGlite folder has one opener at a time: a second facade on it fails with StorageError", async () => {
    const dataDir = join(dir, "lock-db");
    const cchc = await createCchc({ storage: PgliteStorage.layer({ dataDir }) });
    try {
      const second = await createDispatcher({
        outbox: PgliteStorage.layer({ dataDir }),
        notifier: MemoryNotifierLayer.layer(),
      }).catch((e: unknown) => e);
      expect(second).toBeInstanceOf(StorageError);
      expect((second as StorageError).message).toMatch(/is in use by process \d+/);
    } finally {
      await cchc.close();
    }
    // Closed: the folder opens again.
    const again = await createDispatcher({
      outbox: PgliteStorage.layer({ dataDir }),
      notifier: MemoryNotifierLayer.layer(),
    });
    await again.close();
  }, 60_000);

  it("renamePlan: a stale version and a missing plan become answers, both ways", async () => {
    const plan = samplePlan("mic-2018");
    const viaEffect = (id: string, v: number) =>
      Effect.runPromise(
        Effect.gen(function* () {
          const store = yield* Storage;
          yield* store.savePlan("bo-tttt", plan, null);
          return [yield* renameEffect(id, "Tên mới", v), yield* renameEffect(id, "Tên cũ", v)];
        }).pipe(Effect.provide(MemoryStorage.layer())),
      );
    const cchc = await createCchc({ storage: MemoryStorage.layer() });
    try {
      await cchc.plans.save("bo-tttt", plan);
      const viaPromise = [
        await renamePromise(cchc, plan.id, "Tên mới", 1),
        await renamePromise(cchc, plan.id, "Tên cũ", 1),
      ];
      const expected = [
        "đã lưu phiên bản 2 / saved as version 2",
        "có người đã sửa (phiên bản 2), tải lại / changed meanwhile (v2), reload",
      ];
      expect(await viaEffect(plan.id, 1)).toEqual(expected);
      expect(viaPromise).toEqual(expected);
      expect((await cchc.plans.get("bo-tttt", plan.id)).value.title).toBe("Tên mới");
      expect(await renamePromise(cchc, "khong-co", "x", 1)).toBe(
        "không có kế hoạch khong-co / no plan khong-co",
      );
      expect((await viaEffect("khong-co", 1))[0]).toBe("không có kế hoạch khong-co / no plan khong-co");
    } finally {
      await cchc.close();
    }
  });

  it("the Promise facade rejects with the tagged errors themselves", async () => {
    const cchc = await createCchc({ storage: MemoryStorage.layer() });
    try {
      const plan = samplePlan("mic-2018");
      await cchc.plans.save("a", plan);
      const conflict = await cchc.plans.save("a", plan).catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(VersionConflict);
      expect(conflict).toMatchObject({ _tag: "VersionConflict", expected: null, actual: 1 });
      const missing = await cchc.plans.get("a", "khong-co").catch((e: unknown) => e);
      expect(missing).toBeInstanceOf(NotFound);
      expect((missing as NotFound).message).toBe(
        'không tìm thấy kế hoạch "khong-co" / plan "khong-co" not found',
      );
    } finally {
      await cchc.close();
    }
  });
});

describe("adapters: plainTextExporter.ts and auditedStorage.ts", () => {
  runExporterContract("plain text", plainTextExporter, {
    extractText: (f) => new TextDecoder().decode(f.bytes),
  });

  // Kho bọc ở trên, trên kho bộ nhớ / the wrapper above, over the memory store
  runStorageContract("audited memory", {
    layer: () => AuditedStorage.layer(MemoryStorage.layer(), () => undefined),
  });

  it("the audited storage records successful writes only, and reads pass through", async () => {
    const audit: AuditEntry[] = [];
    const cchc = await createCchc({
      storage: AuditedStorage.layer(MemoryStorage.layer(), (e) => audit.push(e)),
    });
    try {
      const plan = samplePlan("mic-2018");
      await cchc.plans.save("bo-tttt", plan);
      await cchc.plans.save("bo-tttt", plan, 1);
      await expect(cchc.plans.save("bo-tttt", plan, 1)).rejects.toBeInstanceOf(VersionConflict);
      await cchc.records.insert("bo-tttt", plan.id, []);
      expect((await cchc.plans.get("bo-tttt", plan.id)).version).toBe(2);
      expect(audit).toEqual([
        { agencyId: "bo-tttt", operation: "savePlan", id: plan.id, version: 1 },
        { agencyId: "bo-tttt", operation: "savePlan", id: plan.id, version: 2 },
        { agencyId: "bo-tttt", operation: "insertRecords", id: `${plan.id}:0` },
      ]);
    } finally {
      await cchc.close();
    }
  });
});

describe("reminders: webhookReceiver.ts against the real sender", () => {
  const SECRET = "bi-mat-chung-cua-he-thong-van-ban";

  it("refuses to start without a secret of at least 16 characters (no fallback to an empty one)", () => {
    for (const weak of [undefined, "", "ngan-qua"])
      expect(() => startReceiver(weak, () => undefined)).toThrow(/khóa bí mật webhook.* \/ .*webhook secret/);
  });

  it("processes each key once; a replay with a changed Idempotency-Key header is refused", async () => {
    const handled: ReceivedReminder[] = [];
    const server = startReceiver(SECRET, (m) => handled.push(m));
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cchc`;
    const captured: { headers: Record<string, string>; body: string }[] = [];
    const recording: typeof fetch = (input, init) => {
      captured.push({ headers: { ...(init?.headers as Record<string, string>) }, body: String(init?.body) });
      return fetch(input, init);
    };
    try {
      const notifier = makeWebhookNotifier({ url, secret: SECRET, fetch: recording });
      const n = {
        key: "bo-tttt:vu-phap-che:2018Q1:before-7",
        recipient: { unitId: "vu-phap-che", name: "Vụ Pháp chế", email: [] },
        subject: { vi: "Quý I năm 2018", en: "2018 Q1" },
        body: { vi: "Còn 7 ngày.", en: "7 days left." },
      };
      for (let i = 0; i < 2; i++) expect((await Effect.runPromise(notifier.send(n))).id).toBe("200");
      expect(handled.map((m) => m.key)).toEqual([n.key]);
      const first = captured[0];
      if (!first) throw new Error("nothing was sent");
      const replay = await fetch(url, {
        method: "POST",
        headers: { ...first.headers, "Idempotency-Key": "mot-khoa-moi" },
        body: first.body,
      });
      expect(replay.status).toBe(401);
      expect(await replay.json()).toEqual({ error: "key-mismatch" });
      expect(handled).toHaveLength(1);
    } finally {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    }
  });
});

describe("calendar: workingDays.ts, holidays-2026.json", () => {
  it("lists the 2026 holidays, moves the February 2018 report past Tết and says why 2026's annual report moved", () => {
    expect(holidays2026()).toContain("2026-02-17 Tết Nguyên đán (mùng 1 Tết)");
    expect(holidays2026()).toContain("2026-04-26 Giỗ Tổ Hùng Vương (10/3 Âm lịch)");
    const feb = february2018();
    expect([feb.plain?.dueDate, feb.moved?.dueDate, feb.working?.dueDate]).toEqual([
      "2018-02-19",
      "2018-02-22",
      "2018-02-28",
    ]);
    expect(year2026Moved()?.vi).toBe("19/12/2026 là thứ Bảy → 21/12/2026");
  });

  it("reads the agency's schedule: the make-up Saturday is worked; the sample plan's due dates follow", () => {
    const { holidays, saturdayWorked } = agencySchedule(join(SNIPPETS, "holidays-2026.json"));
    expect(holidays).toHaveLength(2);
    expect(saturdayWorked).toBe(true);
    expect(dueDates(samplePlan("mic-2018"))).toEqual([
      "2018Q1 2018-03-21",
      "2018Q2 2018-06-21",
      "2018S1 2018-06-21",
      "2018Q3 2018-09-21",
      "2018Q4 2018-12-21",
      "2018 2018-12-21",
    ]);
  });
});
