/**
 * The storage contract on the PostgreSQL server (really connected: an unreachable server fails
 * every test), in a schema of its own, reading the tables directly through `PostgresDatabase`.
 */
import { agencyRowCounts } from "@cchc/storage-sql";
import { runStorageContract } from "@cchc/testing/contracts";
import { afterAll } from "vitest";
import { PostgresDatabase, PostgresStorage } from "../src/index.js";
import { dropSchema, freshSchema, TEST_DATABASE_URL } from "./server.js";

const schema = freshSchema("cchc_contract");
afterAll(() => dropSchema(schema));

runStorageContract("postgres (server)", {
  layer: () => PostgresStorage.layer({ connectionString: TEST_DATABASE_URL, schema }),
  // a second pool on the same schema: everything committed must be there
  reopen: () => PostgresStorage.layer({ connectionString: TEST_DATABASE_URL, schema }),
  inspect: PostgresDatabase.useSync(({ driver }) => ({
    countRows: (agencyId: string) => agencyRowCounts(driver, agencyId),
  })),
});
