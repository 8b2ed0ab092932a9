/** The outbox contract on the PostgreSQL server: many claimers on separate pooled connections. */
import { runOutboxContract } from "@cchc/testing/contracts";
import { afterAll, beforeAll } from "vitest";
import { PostgresStorage } from "../src/index.js";
import { freshDatabase } from "./outboxDatabase.js";

let db: Awaited<ReturnType<typeof freshDatabase>> | undefined;
const url = () => {
  if (!db) throw new Error("the test database was not created (is PostgreSQL running on 127.0.0.1:5432?)");
  return db.url;
};
beforeAll(async () => {
  db = await freshDatabase("cchc_outbox");
});
afterAll(() => db?.drop());

runOutboxContract("PostgreSQL", {
  layer: () => PostgresStorage.layer({ connectionString: url(), max: 12 }),
  reopen: () => PostgresStorage.layer({ connectionString: url(), max: 12 }),
  claimers: 10,
  entries: 400,
});
