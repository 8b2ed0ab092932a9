/**
 * Contract cases for bulk ingest and the record queries scoring needs: NDJSON lines ingested in
 * batches (one transaction each) come back whole and in id order, through streams, pages, counts
 * and filters; a failing batch leaves nothing of itself and names its line; an interrupted ingest
 * resumes with `existing: "skip"`; concurrent resumed ingests write every record once.
 */
import {
  type ActualRecord,
  type IngestFailed,
  type IngestProgress,
  ingestRecords,
  type RecordFilter,
} from "@cchc/core";
import * as Effect from "effect/Effect";
import * as Stream from "effect/Stream";
import { describe, expect, it } from "vitest";
import {
  activityIdOf,
  bulkRecord,
  bulkRecordId,
  bulkRecords,
  CONTRACT_UNIT_IDS,
  contractRecord,
  toLines,
} from "./storageContractFixtures.js";
import { type ContractContext, preview } from "./storageContractHarness.js";

/** A fixed permutation of 0..n-1 (a stride coprime with n), so input order is not id order. */
function permutation(n: number): number[] {
  let stride = Math.max(1, Math.floor(n * 0.618));
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(stride, n) !== 1) stride++;
  return Array.from({ length: n }, (_, k) => (k * stride) % n);
}

const isIngestFailed = (e: unknown): e is IngestFailed =>
  typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === "IngestFailed";

export function registerIngestCases(ctx: ContractContext): void {
  const { h, timeout, bulk } = ctx;
  /** Batches of the multi-batch cases: 4 per `bulk` records. */
  const batchSize = Math.ceil(bulk / 4);

  const streamAll = (a: string, planId: string, filter?: RecordFilter) =>
    h.run(Stream.runCollect(h.store.streamRecords(a, planId, filter)));

  const pageAll = async (a: string, planId: string, filter: RecordFilter, limit: number) => {
    const pages: ActualRecord[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await h.run(
        h.store.listRecords(a, planId, filter, after === undefined ? { limit } : { after, limit }),
      );
      expect(page.length).toBeLessThanOrEqual(limit);
      for (const r of page) expect(r.version).toBe(1);
      if (page.length === 0) break;
      pages.push(page.map((r) => r.value));
      after = page.at(-1)?.value.id;
      if (pages.length > bulk + 1) throw new Error("storage contract: paging does not end");
    }
    return pages;
  };

  const expectIngestFailed = async (
    effect: ReturnType<typeof ingestRecords>,
    what: string,
  ): Promise<IngestFailed> => {
    const error = await h.failure(effect, what);
    if (!isIngestFailed(error)) throw new Error(`expected IngestFailed for ${what}, got ${preview(error)}`);
    return error;
  };

  describe("bulk ingest and record queries", () => {
    it(
      `ingests ${bulk} NDJSON records in 4 batches and gives them back whole, in id order (stream, pages, counts)`,
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-nap-lo");
        const records = bulkRecords(bulk);
        const lines: string[] = [];
        for (const [k, i] of permutation(bulk).entries()) {
          lines.push(JSON.stringify(records[i]));
          if (k % 97 === 0) lines.push(k % 2 === 0 ? "" : "   ");
        }
        const progress: IngestProgress[] = [];
        const result = await h.run(
          ingestRecords(a, plan.id, lines, { batchSize, onBatch: (p) => progress.push(p) }),
        );
        expect(result).toEqual({ lines: lines.length, inserted: bulk, skipped: 0, batches: 4 });
        expect(progress.map((p) => [p.batch, p.inserted, p.skipped])).toEqual([
          [1, batchSize, 0],
          [2, 2 * batchSize, 0],
          [3, 3 * batchSize, 0],
          [4, bulk, 0],
        ]);
        expect(progress.at(-1)?.lines).toBe(lines.length);

        expect(await h.run(store.countRecords(a, plan.id))).toBe(bulk);
        // bulkRecordId pads the number, so id order is creation order
        const streamed = await streamAll(a, plan.id);
        expect(streamed.length).toBe(bulk);
        expect(streamed).toStrictEqual(records);

        const limit = Math.max(7, Math.floor(bulk / 6) + 1);
        const pages = await pageAll(a, plan.id, {}, limit);
        expect(pages.length).toBe(Math.ceil(bulk / limit));
        expect(pages.flat()).toStrictEqual(records);

        const middle = Math.floor(bulk / 2);
        const got = await h.run(store.getRecord(a, plan.id, bulkRecordId(middle)));
        expect(got.value).toStrictEqual(bulkRecord(middle));
        expect(got.version).toBe(1);
        expect(await h.run(store.listRecords(a, plan.id, {}, { limit: 0 }))).toEqual([]);
        expect(
          (await h.run(store.listRecords(a, plan.id, {}, { after: bulkRecordId(bulk - 2), limit: 10 }))).map(
            (r) => r.value.id,
          ),
        ).toEqual([bulkRecordId(bulk - 1), bulkRecordId(bulk)]);
        expect(
          await h.run(store.listRecords(a, plan.id, {}, { after: bulkRecordId(bulk), limit: 10 })),
        ).toEqual([]);
        expect(await h.run(store.countRecords(a, "kh-khac"))).toBe(0);
        expect(await streamAll(a, "kh-khac")).toEqual([]);
        const rows = await ctx.rows(a);
        if (rows)
          expect(rows).toMatchObject({ records: bulk, plans: 1, activities: CONTRACT_UNIT_IDS.length });
      },
      timeout,
    );

    it(
      "filters records by unit (u_1 is not uX1), activity and inclusive dates, in counts, pages and streams",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-loc");
        const records = bulkRecords(bulk);
        await h.run(ingestRecords(a, plan.id, toLines(records), { batchSize: bulk }));
        const from = "2018-03-01";
        const to = "2018-06-30";
        const filters: RecordFilter[] = [
          { unitId: "u_1" },
          { unitId: "uX1" },
          { unitId: "u%" },
          { unitId: "u_%" },
          { activityId: activityIdOf("u-2") },
          { activityId: "act-u%" },
          { from },
          { to },
          { from, to },
          { from: to, to: from },
          { from: "2018-01-08", to: "2018-01-08" },
          { unitId: "u.3", from, to },
          { unitId: "u_1", activityId: activityIdOf("uX1") },
          { unitId: "không-có" },
        ];
        for (const filter of filters) {
          const expected = records.filter(
            (r) =>
              (filter.unitId === undefined || r.unitId === filter.unitId) &&
              (filter.activityId === undefined || r.activityId === filter.activityId) &&
              (filter.from === undefined || r.date >= filter.from) &&
              (filter.to === undefined || r.date <= filter.to),
          );
          const label = JSON.stringify(filter);
          expect(await h.run(store.countRecords(a, plan.id, filter)), label).toBe(expected.length);
          expect(await streamAll(a, plan.id, filter), label).toStrictEqual(expected);
          expect((await pageAll(a, plan.id, filter, 101)).flat(), label).toStrictEqual(expected);
        }
        // the cases must not be vacuous
        expect(records.some((r) => r.date === "2018-01-08")).toBe(true);
        expect(records.filter((r) => r.unitId === "u_1").length).toBeGreaterThan(0);
      },
      timeout,
    );
  });

  describe("failing ingests", () => {
    it(
      "a failure halfway through a one-batch ingest leaves no rows and names the line (bad JSON, bad record, unknown activity)",
      async () => {
        const a = ctx.agency();
        const plan = await h.setup(a, "kh-loi-mot-lo");
        const half = Math.floor(bulk / 2);
        const bad: readonly [string, string][] = [
          ["not JSON", '{"id": "r-hong", "output": 1'],
          ["a record that breaks the schema", JSON.stringify({ ...bulkRecord(half), output: -5 })],
          [
            "a record of an unknown activity",
            JSON.stringify({ ...bulkRecord(half), activityId: "act-khong-co" }),
          ],
        ];
        for (const [what, line] of bad) {
          const lines = toLines(bulkRecords(bulk));
          lines[half - 1] = line;
          const error = await expectIngestFailed(
            ingestRecords(a, plan.id, lines, { batchSize: bulk }),
            `an ingest with ${what} at line ${half}`,
          );
          expect(error, what).toMatchObject({
            _tag: "IngestFailed",
            line: half,
            batch: 1,
            committed: 0,
            reason: "invalid",
          });
          expect(error.findings.length, what).toBeGreaterThan(0);
          expect(error.findings[0]?.line, what).toBe(half);
          expect(error.message, what).toContain(String(half));
          expect(await h.run(h.store.countRecords(a, plan.id)), what).toBe(0);
          const rows = await ctx.rows(a);
          if (rows) expect(rows.records, what).toBe(0);
        }
      },
      timeout,
    );

    it(
      "a failure in batch 3 keeps batches 1–2 whole and writes nothing of batch 3; a stored id fails at its line",
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-loi-lo-3");
        const records = bulkRecords(bulk);
        const failing = 2 * batchSize + Math.ceil(batchSize / 2); // 1-based line in batch 3
        const lines = toLines(records);
        lines[failing - 1] = JSON.stringify({ ...records[failing - 1], date: "2018-13-01" });
        const error = await expectIngestFailed(
          ingestRecords(a, plan.id, lines, { batchSize }),
          "an ingest failing in batch 3",
        );
        expect(error).toMatchObject({ line: failing, batch: 3, committed: 2 * batchSize, reason: "invalid" });
        expect(await streamAll(a, plan.id)).toStrictEqual(records.slice(0, 2 * batchSize));
        const rows = await ctx.rows(a);
        if (rows) expect(rows.records).toBe(2 * batchSize);

        // a record already stored: found by the store, not by the checks; its whole batch is rolled back
        const again = [
          ...toLines([contractRecord("moi-1", "u_1"), contractRecord("moi-2", "uX1")]),
          JSON.stringify(records[5]),
          JSON.stringify(contractRecord("moi-3", "u-2")),
        ];
        const stored = await expectIngestFailed(
          ingestRecords(a, plan.id, again, { batchSize: 10 }),
          "an ingest of a stored id",
        );
        expect(stored).toMatchObject({ line: 3, batch: 1, committed: 0, reason: "stored" });
        expect(stored.findings[0]).toMatchObject({ code: "tracking.duplicate-id", line: 3 });
        expect(await h.run(store.countRecords(a, plan.id))).toBe(2 * batchSize);
        for (const id of ["moi-1", "moi-2", "moi-3"])
          expect(await h.failure(store.getRecord(a, plan.id, id), `getRecord(${id})`)).toMatchObject({
            _tag: "NotFound",
          });
      },
      timeout,
    );

    it(
      "an id repeated within a batch fails at the repeated line and writes nothing of the batch",
      async () => {
        const a = ctx.agency();
        const plan = await h.setup(a, "kh-lap-ma");
        const records = bulkRecords(40);
        const lines = toLines(records);
        lines.splice(30, 0, JSON.stringify({ ...records[24], output: 8 }));
        const error = await expectIngestFailed(
          ingestRecords(a, plan.id, lines, { batchSize: 20 }),
          "an ingest with a repeated id",
        );
        expect(error).toMatchObject({ line: 31, batch: 2, committed: 20, reason: "repeated" });
        expect(error.findings[0]).toMatchObject({ code: "tracking.duplicate-id", line: 31 });
        expect(await h.run(h.store.countRecords(a, plan.id))).toBe(20);
      },
      timeout,
    );

    it(
      "ingesting into a plan that is not stored fails with NotFound and writes nothing",
      async () => {
        const a = ctx.agency();
        const error = await h.failure(
          ingestRecords(a, "kh-chua-luu", toLines(bulkRecords(3))),
          "an ingest into a missing plan",
        );
        expect(error).toMatchObject({ _tag: "NotFound", entity: "plan", id: "kh-chua-luu" });
        expect(await h.run(h.store.countRecords(a, "kh-chua-luu"))).toBe(0);
      },
      timeout,
    );
  });

  describe("resuming an interrupted ingest", () => {
    it(
      'after a failure, a rerun fails at line 1; with existing: "skip" it completes, skipping what was committed',
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-nap-lai");
        const records = bulkRecords(bulk);
        const good = toLines(records);
        const broken = [...good];
        const failing = 2 * batchSize + 1;
        broken[failing - 1] = "{ gãy";
        await expectIngestFailed(ingestRecords(a, plan.id, broken, { batchSize }), "the first run");
        expect(await h.run(store.countRecords(a, plan.id))).toBe(2 * batchSize);

        const rerun = await expectIngestFailed(
          ingestRecords(a, plan.id, good, { batchSize }),
          "a rerun without skip",
        );
        expect(rerun).toMatchObject({ line: 1, batch: 1, committed: 0, reason: "stored" });
        expect(rerun.findings[0]?.code).toBe("tracking.duplicate-id");

        const resumed = await h.run(ingestRecords(a, plan.id, good, { batchSize, existing: "skip" }));
        expect(resumed).toEqual({
          lines: bulk,
          inserted: bulk - 2 * batchSize,
          skipped: 2 * batchSize,
          batches: 4,
        });
        expect(await streamAll(a, plan.id)).toStrictEqual(records);
        const twice = await h.run(ingestRecords(a, plan.id, good, { batchSize, existing: "skip" }));
        expect(twice).toMatchObject({ inserted: 0, skipped: bulk });
        const rows = await ctx.rows(a);
        if (rows) expect(rows.records).toBe(bulk);

        // a stored record that differs is not skipped: its batch stops and writes nothing, not even
        // the new record before it
        const changed = [...good];
        const newLine = bulk - 4; // 1-based
        changed.splice(newLine - 1, 0, JSON.stringify(contractRecord("sau-1", "u_1")));
        const failLine = bulk; // records[bulk - 2], shifted by one line
        changed[failLine - 1] = JSON.stringify({ ...records[bulk - 2], output: 1234 });
        const failBatch = Math.ceil(failLine / batchSize);
        const differs = await expectIngestFailed(
          ingestRecords(a, plan.id, changed, { batchSize, existing: "skip" }),
          "a resumed ingest with a changed record",
        );
        expect(differs).toMatchObject({
          line: failLine,
          batch: failBatch,
          committed: Math.ceil(newLine / batchSize) < failBatch ? 1 : 0,
          reason: "differs",
        });
        expect(differs.findings[0]).toMatchObject({ code: "tracking.duplicate-id", line: failLine });
        if (Math.ceil(newLine / batchSize) === failBatch)
          expect(await h.failure(store.getRecord(a, plan.id, "sau-1"), "getRecord(sau-1)")).toMatchObject({
            _tag: "NotFound",
          });
        expect((await h.run(store.getRecord(a, plan.id, bulkRecordId(bulk - 1)))).value).toStrictEqual(
          records[bulk - 2],
        );
      },
      timeout,
    );

    it(
      'insertRecords with existing: "skip" skips identical records only; a different one writes nothing',
      async () => {
        const a = ctx.agency();
        const store = h.store;
        const plan = await h.setup(a, "kh-bo-qua");
        const r1 = contractRecord("kq-1", "u_1", { output: 2, note: "Đã có" });
        const r2 = contractRecord("kq-2", "uX1", { participants: 30 });
        expect(await h.run(store.insertRecords(a, plan.id, [r1, r2]))).toBe(2);
        const r3 = contractRecord("kq-3", "u-2");
        const r4 = contractRecord("kq-4", "u.3", { costVnd: 5_000_000 });
        // r1 and r2 identical (and r3 repeated identically in the same call) are skipped
        expect(
          await h.run(store.insertRecords(a, plan.id, [r1, r3, r2, r4, { ...r3 }], { existing: "skip" })),
        ).toBe(2);
        expect(await h.run(store.countRecords(a, plan.id))).toBe(4);

        for (const [what, changed] of [
          ["output", { ...r1, output: 3 }],
          ["a field added", { ...r2, costVnd: 1 }],
          ["a field removed", contractRecord("kq-1", "u_1", { output: 2 })],
        ] as const) {
          const r5 = contractRecord("kq-5", "u_1");
          const conflict = await h.failure(
            store.insertRecords(a, plan.id, [r5, changed], { existing: "skip" }),
            `a skip insert with ${what} changed`,
          );
          expect(conflict, what).toMatchObject({
            _tag: "VersionConflict",
            entity: "record",
            id: changed.id,
            expected: null,
            actual: 1,
          });
          expect(await h.run(store.countRecords(a, plan.id)), what).toBe(4);
        }
        const repeated = await h.failure(
          store.insertRecords(a, plan.id, [contractRecord("kq-6", "u_1"), contractRecord("kq-6", "uX1")], {
            existing: "skip",
          }),
          "a skip insert repeating an id with different content",
        );
        expect(repeated).toMatchObject({ _tag: "VersionConflict", id: "kq-6" });
        expect(await h.run(store.countRecords(a, plan.id))).toBe(4);
        const stored = await h.run(Stream.runCollect(store.streamRecords(a, plan.id)));
        expect(stored).toStrictEqual([r1, r2, r3, r4]);
      },
      timeout,
    );

    it(
      "4 concurrent resumed ingests of the same lines write every record exactly once",
      async () => {
        const a = ctx.agency();
        const plan = await h.setup(a, "kh-nap-dong-thoi");
        const records = bulkRecords(bulk);
        const lines = toLines(records);
        const results = await h.run(
          Effect.all(
            Array.from({ length: 4 }, () =>
              ingestRecords(a, plan.id, lines, { batchSize: Math.ceil(bulk / 8), existing: "skip" }),
            ),
            { concurrency: "unbounded" },
          ),
        );
        expect(results.reduce((n, r) => n + r.inserted, 0)).toBe(bulk);
        expect(results.reduce((n, r) => n + r.skipped, 0)).toBe(3 * bulk);
        expect(await streamAll(a, plan.id)).toStrictEqual(records);
        const rows = await ctx.rows(a);
        if (rows) expect(rows.records).toBe(bulk);
      },
      timeout,
    );
  });
}
