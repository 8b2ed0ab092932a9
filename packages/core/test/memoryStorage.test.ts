import { expect, it } from "vitest";
import { createCchc, MemoryStorage, samplePlan, VersionConflict } from "../src/index.js";

it("the Promise facade over the memory store saves, versions, ingests, streams and scores", async () => {
  const c = await createCchc({ storage: MemoryStorage.layer() });
  const plan = samplePlan("mic-2018");
  const v1 = await c.plans.save("A", plan);
  expect(v1.version).toBe(1);
  await expect(c.plans.save("A", plan, null)).rejects.toBeInstanceOf(VersionConflict);
  const v2 = await c.plans.save("A", { ...plan, title: "X" }, 1);
  expect(v2.version).toBe(2);
  expect((await c.plans.history("A", plan.id)).length).toBe(2);
  await expect(c.plans.get("B", plan.id)).rejects.toMatchObject({ _tag: "NotFound" });
  await c.activities.save("A", plan.id, {
    id: "a1",
    unitId: "trung-tam-thong-tin",
    channelId: "II.2.a",
    contentAreaIds: ["II.1.a"],
    title: "t",
    periodId: "2018",
    target: { value: 2, unit: "article" },
  });
  const lines = [
    '{"id":"r1","activityId":"a1","unitId":"trung-tam-thong-tin","date":"2018-02-01","output":1}',
    "",
    '{"id":"r2","activityId":"a1","unitId":"trung-tam-thong-tin","date":"2018-02-02","output":1}',
  ];
  expect(await c.records.ingest("A", plan.id, lines, { batchSize: 1 })).toEqual({
    lines: 3,
    inserted: 2,
    skipped: 0,
    batches: 2,
  });
  await expect(c.records.ingest("A", plan.id, lines)).rejects.toMatchObject({
    _tag: "IngestFailed",
    line: 1,
  });
  const bad = [
    '{"id":"r3","activityId":"a1","unitId":"trung-tam-thong-tin","date":"2018-02-01","output":1}',
    "{oops",
  ];
  await expect(c.records.ingest("A", plan.id, bad)).rejects.toMatchObject({
    _tag: "IngestFailed",
    line: 2,
    committed: 0,
  });
  expect(await c.records.count("A", plan.id)).toBe(2);
  const got = [];
  for await (const r of c.records.stream("A", plan.id)) got.push(r.id);
  expect(got).toEqual(["r1", "r2"]);
  const { PAR_COMMUNICATION_PRESET } = await import("../src/index.js");
  const sheet = await c.scores.compute("A", plan.id, { scheme: PAR_COMMUNICATION_PRESET });
  expect(sheet.counts.records).toBe(2);
  await c.close();
});
