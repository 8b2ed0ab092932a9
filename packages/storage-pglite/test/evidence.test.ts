/**
 * Evidence in the PGlite database (the default evidence store) runs the evidence contract, and
 * the appraisal history of migration 6 refuses to be edited, even by SQL written by hand.
 */
import { EvidenceStore } from "@cchc/core";
import { makeSqlEvidenceStore } from "@cchc/storage-sql";
import { runEvidenceContract } from "@cchc/testing/contracts";
import * as Layer from "effect/Layer";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { afterAll, expect, it } from "vitest";
import { PgliteDatabase, PgliteStorage } from "../src/index.js";

runEvidenceContract("pglite (database)", {
  layer: () =>
    Layer.effect(
      EvidenceStore,
      PgliteDatabase.useSync(({ driver }) => makeSqlEvidenceStore(driver)),
    ).pipe(Layer.provide(PgliteStorage.layer())),
});

const runtime = ManagedRuntime.make(PgliteStorage.layer());
afterAll(() => runtime.dispose());

it("the appraisal history is append-only: UPDATE and DELETE are refused by the database", async () => {
  const driver = await runtime.runPromise(PgliteDatabase.useSync((d) => d.driver));
  await driver.query(
    `INSERT INTO cchc_appraisal_history (agency_id, plan_id, subject, subject_id, version, at, doc)
     VALUES ('a', 'p', 'entry', 'e', 1, now(), '{}')`,
  );
  await expect(driver.query("UPDATE cchc_appraisal_history SET doc = '{\"x\":1}'")).rejects.toThrow(
    /append-only/,
  );
  await expect(driver.query("DELETE FROM cchc_appraisal_history")).rejects.toThrow(/append-only/);
  const rows = await driver.query<{ doc: string }>("SELECT doc FROM cchc_appraisal_history");
  expect(rows.rows).toEqual([{ doc: "{}" }]);
});
