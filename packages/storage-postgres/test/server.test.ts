/**
 * The PostgreSQL adapter's own behaviour around the contract: the test server is really reached
 * (a missing server fails here by name, never a skip), connection failures read as one clear line
 * that names host:port and never the password, schemas keep deployments apart, and migrations are
 * applied once.
 */
import { Storage } from "@cchc/core";
import { MIGRATIONS, migrate } from "@cchc/storage-sql";
import * as Effect from "effect/Effect";
import * as ManagedRuntime from "effect/ManagedRuntime";
import { afterAll, describe, expect, it } from "vitest";
import { connectionFailure, openPostgres, PostgresStorage, serverAddress } from "../src/index.js";
import { dropSchema, freshSchema, TEST_DATABASE_URL } from "./server.js";

const schemas: string[] = [];
const schema = (prefix: string) => {
  const s = freshSchema(prefix);
  schemas.push(s);
  return s;
};
afterAll(async () => {
  for (const s of schemas) await dropSchema(s);
});

describe("the PostgreSQL server", () => {
  it(`is reachable at ${serverAddress(TEST_DATABASE_URL)} (CCHC_TEST_DATABASE_URL): a missing server fails this test`, async () => {
    const { driver } = await openPostgres({ connectionString: TEST_DATABASE_URL, max: 1 });
    try {
      const rows = await driver.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
      expect(Number(rows.rows[0]?.v)).toBeGreaterThanOrEqual(130000);
    } finally {
      await driver.close();
    }
  });
});

describe("connection failures", () => {
  it("an unreachable server fails the layer with one line naming host:port, never the password", async () => {
    const url = "postgres://cchc:m%E1%BA%ADt-kh%E1%BA%A9u-b%C3%AD-m%E1%BA%ADt@127.0.0.1:1/cchc";
    const runtime = ManagedRuntime.make(PostgresStorage.layer({ connectionString: url }));
    const error = await runtime.runPromise(Effect.service(Storage)).then(
      () => undefined,
      (e: unknown) => e,
    );
    await runtime.dispose();
    expect(error).toMatchObject({ _tag: "StorageError", operation: "connect" });
    const message = (error as Error).message;
    expect(message).toContain("127.0.0.1:1");
    expect(message).toContain("không kết nối được PostgreSQL");
    expect(message).not.toContain("mật-khẩu");
    expect(message).not.toContain("m%E1");
    expect(message.split("\n")).toHaveLength(1);
  });

  it("connectionFailure masks a password the driver echoes and names no user", () => {
    const url = "postgres://admin:S3cr%40t@db.example.vn:6543/cchc";
    const e = connectionFailure(url, new Error("password authentication failed: S3cr@t rejected"));
    expect(e.message).toContain("db.example.vn:6543");
    expect(e.message).not.toContain("S3cr@t");
    expect(e.message).toContain("***");
    expect(serverAddress("not a url")).toContain("invalid connection string");
    expect(serverAddress("postgresql:///cchc?host=/var/run/postgresql&port=5433")).toBe(
      "/var/run/postgresql:5433",
    );
  });

  it("refuses a schema name that is not a plain identifier", async () => {
    await expect(
      openPostgres({ connectionString: TEST_DATABASE_URL, schema: 'x"; DROP SCHEMA public; --' }),
    ).rejects.toThrow(/invalid schema name/);
  });
});

describe("schemas and migrations", () => {
  it("each schema is its own store; migrate applies once, then is a no-op", async () => {
    const one = schema("cchc_schema_a");
    const two = schema("cchc_schema_b");
    const a = await openPostgres({ connectionString: TEST_DATABASE_URL, schema: one });
    const b = await openPostgres({ connectionString: TEST_DATABASE_URL, schema: two });
    try {
      const first = await migrate(a.driver);
      expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(a.driver)).toEqual({ applied: [], version: first.version });
      // concurrent migrations of a fresh schema: the advisory lock lets one apply, the other find nothing
      const both = await Promise.all([migrate(b.driver), migrate(b.driver)]);
      expect(both.map((r) => r.applied.length).sort()).toEqual([0, MIGRATIONS.length]);
      const tables = await a.driver.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name",
        [one],
      );
      expect(tables.rows.map((r) => r.table_name)).toContain("cchc_records");
      await a.driver.query(
        "INSERT INTO cchc_units (agency_id, unit_id, version, saved_at, doc) VALUES ('x', 'y', 1, now(), '{}')",
      );
      expect((await b.driver.query<{ n: string }>("SELECT count(*) AS n FROM cchc_units")).rows[0]?.n).toBe(
        "0",
      );
    } finally {
      await a.driver.close();
      await b.driver.close();
    }
  });
});
