/**
 * A throwaway database on the local PostgreSQL server (127.0.0.1:5432, trust auth) for one test
 * file, so outbox tests never meet another suite's schema. No server: the tests FAIL.
 */
import pg from "pg";

/** The server the tests use; `CCHC_TEST_POSTGRES` overrides it. */
export const SERVER_URL = process.env.CCHC_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

/** Creates a fresh database and gives its URL and a function that drops it. */
export async function freshDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
