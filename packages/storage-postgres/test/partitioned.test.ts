/**
 * The partitioning docs/storage.md recommends for a national deployment — records split by agency,
 * a large agency split again by plan (year), the others by hash — applied to a fresh schema exactly
 * as the page prints it; then the whole storage contract runs on it unchanged, and a large agency's
 * records are seen to land in their own partition.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Storage } from "@cchc/core";
import { agencyRowCounts, migrate, type SqlDriver } from "@cchc/storage-sql";
import { contractActivity, contractPlan, contractRecord, runStorageContract } from "@cchc/testing/contracts";
import * as Effect from "effect/Effect";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, PostgresDatabase, PostgresStorage } from "../src/index.js";
import { dropSchema, freshSchema, TEST_DATABASE_URL } from "./server.js";

const DOC = fileURLToPath(new URL("../../../docs/storage.md", import.meta.url));

/** The SQL block of the partitioning section of docs/storage.md. */
function partitioningSql(): string {
  const text = readFileSync(DOC, "utf8");
  const section = text.slice(text.indexOf("Partitioning by agency and year"));
  const match = /```sql\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error("docs/storage.md: no SQL block in the partitioning section");
  return match[1];
}

const schema = freshSchema("cchc_partitioned");
let setup: SqlDriver | undefined;

beforeAll(async () => {
  const { driver } = await openPostgres({ connectionString: TEST_DATABASE_URL, schema, max: 1 });
  setup = driver;
  await migrate(driver);
  await driver.exec(partitioningSql());
});
afterAll(async () => {
  await setup?.close();
  await dropSchema(schema);
});

describe("the partitioned records table of docs/storage.md", () => {
  it("keeps a large agency's plan year in its own partition, the others in hash partitions", async () => {
    const runtime = ManagedRuntime.make(
      PostgresStorage.layer({ connectionString: TEST_DATABASE_URL, schema }),
    );
    try {
      await runtime.runPromise(
        Effect.gen(function* () {
          const s = yield* Storage;
          for (const [agency, planId] of [
            ["bo-noi-vu", "bnv-2018"],
            ["bo-noi-vu", "bnv-2019"],
            ["so-noi-vu-ha-noi", "hn-2018"],
          ] as const) {
            yield* s.savePlan(agency, contractPlan(planId), null);
            yield* s.saveActivity(agency, planId, contractActivity("u_1"), null);
            yield* s.insertRecords(agency, planId, [
              contractRecord("kq-1", "u_1"),
              contractRecord("kq-2", "u_1"),
            ]);
            // ON CONFLICT (resuming an ingest) works on partitions too
            const again = yield* s.insertRecords(agency, planId, [contractRecord("kq-1", "u_1")], {
              existing: "skip",
            });
            expect(again).toBe(0);
          }
        }),
      );
      const rows = await setup?.query<{ part: string; n: string }>(
        "SELECT tableoid::regclass::text AS part, count(*) AS n FROM cchc_records GROUP BY 1 ORDER BY 1",
      );
      const parts = Object.fromEntries(
        (rows?.rows ?? []).map((r) => [r.part.replace(/^.*\./, ""), Number(r.n)]),
      );
      expect(parts.cchc_records_bnv_2018).toBe(2);
      expect(parts.cchc_records_bnv_other).toBe(2);
      expect(
        Object.entries(parts)
          .filter(([p]) => p.startsWith("cchc_records_rest_"))
          .map(([, n]) => n),
      ).toEqual([2]);
      expect(await agencyRowCounts(setup as SqlDriver, "bo-noi-vu")).toMatchObject({ records: 4, plans: 2 });
    } finally {
      await runtime.dispose();
    }
  });
});

runStorageContract("postgres (records partitioned as docs/storage.md shows)", {
  layer: () => PostgresStorage.layer({ connectionString: TEST_DATABASE_URL, schema }),
  inspect: PostgresDatabase.useSync(({ driver }) => ({
    countRows: (agencyId: string) => agencyRowCounts(driver, agencyId),
  })),
});
