/**
 * The real Redis server of this machine (127.0.0.1:6379; `CCHC_TEST_REDIS` overrides it): each test
 * file writes under a prefix of its own and deletes it at the end. No server: the tests FAIL.
 */
import { createClient } from "redis";

export const REDIS_URL = process.env.CCHC_TEST_REDIS ?? "redis://127.0.0.1:6379";

/** A reading client and a key prefix for one test file. */
export class TestRedis {
  readonly prefix = `cchc:test:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
  private client: ReturnType<typeof createClient> | undefined;

  /** A stream name of this file. */
  stream(name: string): string {
    return `${this.prefix}:${name}`;
  }

  async start(): Promise<void> {
    const c = createClient({ url: REDIS_URL, socket: { connectTimeout: 3_000, reconnectStrategy: false } });
    c.on("error", () => undefined);
    try {
      await c.connect();
    } catch (error) {
      throw new Error(
        `Redis không chạy ở ${REDIS_URL} (redis-server) / Redis is not running at ${REDIS_URL}: ${String(error)}`,
      );
    }
    this.client = c;
  }

  get redis(): ReturnType<typeof createClient> {
    if (!this.client) throw new Error("TestRedis not started");
    return this.client;
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (!c) return;
    for await (const keys of c.scanIterator({ MATCH: `${this.prefix}:*`, COUNT: 500 }))
      if (keys.length > 0) await c.del(keys);
    await c.close();
  }

  /** Every entry of a stream, oldest first (XRANGE - +). */
  async entries(stream: string): Promise<{ id: string; fields: Record<string, string> }[]> {
    const all = await this.redis.xRange(stream, "-", "+");
    return all.map((e) => ({ id: e.id, fields: { ...e.message } as Record<string, string> }));
  }

  /** New entries for one consumer of a group (XREADGROUP … STREAMS stream >), as RESP2 returns them. */
  async readGroup(
    stream: string,
    group: string,
    consumer: string,
  ): Promise<{ id: string; message: Record<string, string> }[]> {
    const reply = (await this.redis.xReadGroup(
      group,
      consumer,
      { key: stream, id: ">" },
      { COUNT: 1_000 },
    )) as { name: string; messages: { id: string; message: Record<string, string> }[] }[] | null;
    return reply?.[0]?.messages ?? [];
  }
}
