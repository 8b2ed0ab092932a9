/**
 * A throwaway database on the local PostgreSQL server (127.0.0.1:5432, trust auth) per test file.
 * No server: the tests FAIL.
 */
import pg from "pg";

export const SERVER_URL = process.env.CCHC_TEST_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/test";

export async function freshDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: SERVER_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
