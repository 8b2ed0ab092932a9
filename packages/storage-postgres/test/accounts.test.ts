/** The accounts contract on the PostgreSQL server, in a throwaway database, reopened after closing. */
import { runAccountsContract } from "@cchc/testing/contracts";
import { afterAll, beforeAll } from "vitest";
import { PostgresStorage } from "../src/index.js";
import { freshDatabase } from "./outboxDatabase.js";

let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
const url = () => {
  if (!db) throw new Error("the test database was not created (is PostgreSQL running on 127.0.0.1:5432?)");
  return db.url;
};
beforeAll(async () => {
  db = await freshDatabase("cchc_accounts");
});
afterAll(() => db?.drop());

runAccountsContract("PostgreSQL", {
  layer: () => PostgresStorage.layer({ connectionString: url() }),
  reopen: () => PostgresStorage.layer({ connectionString: url() }),
});
