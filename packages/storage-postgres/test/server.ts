/**
 * The PostgreSQL server the tests use: `CCHC_TEST_DATABASE_URL`, default the local test database.
 * Each test file works in a schema of its own (created by the layer, dropped at the end), so runs
 * and other packages' tests sharing the database never see each other's tables. An unreachable
 * server FAILS the tests (the layer's build fails in `beforeAll`); nothing is skipped.
 */
import pg from "pg";

/** Connection string of the test server. */
export const TEST_DATABASE_URL =
  process.env.CCHC_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh schema name for one test file. */
export function freshSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replaceAll('"', '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
