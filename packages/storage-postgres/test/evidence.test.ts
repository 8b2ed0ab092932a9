/**
 * Evidence in the PostgreSQL database runs the evidence contract (really connected: an unreachable
 * server fails it), in a schema of its own.
 */
import { EvidenceStore } from "@cchc/core";
import { makeSqlEvidenceStore } from "@cchc/storage-sql";
import { runEvidenceContract } from "@cchc/testing/contracts";
import * as Layer from "effect/Layer";
import { afterAll } from "vitest";
import { PostgresDatabase, PostgresStorage } from "../src/index.js";
import { dropSchema, freshSchema, TEST_DATABASE_URL } from "./server.js";

const schema = freshSchema("cchc_evidence");
afterAll(() => dropSchema(schema));

runEvidenceContract("postgres (database)", {
  layer: () =>
    Layer.effect(
      EvidenceStore,
      PostgresDatabase.useSync(({ driver }) => makeSqlEvidenceStore(driver)),
    ).pipe(Layer.provide(PostgresStorage.layer({ connectionString: TEST_DATABASE_URL, schema }))),
});
