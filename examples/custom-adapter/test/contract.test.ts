/**
 * Our notifier contract suite against this adapter and the real Redis server, exactly as a third
 * party runs it: `runNotifierContract` from `@cchc/testing/contracts`, a harness that reads back what
 * Redis holds with XRANGE.
 */
import { runNotifierContract } from "@cchc/testing/contracts";
import { RedisStreamNotifier, readStreamEntry } from "../src/index.js";
import { REDIS_URL, TestRedis } from "./redis.js";

const redis = new TestRedis();
const stream = redis.stream("reminders");
/** A key that holds a string, not a stream: Redis refuses XADD to it for good (WRONGTYPE). */
const notAStream = redis.stream("not-a-stream");

runNotifierContract("Redis Streams (example third-party adapter)", {
  layer: () =>
    RedisStreamNotifier.layer({
      url: REDIS_URL,
      stream: (r) => (r.unitId === "don-vi-sai-luong" ? notAStream : stream),
    }),
  harness: {
    start: async () => {
      await redis.start();
      await redis.redis.set(notAStream, "một chuỗi, không phải luồng / a string, not a stream");
    },
    stop: () => redis.stop(),
    received: async () =>
      (await redis.entries(stream)).map(({ fields }) => {
        const n = readStreamEntry(fields);
        return {
          key: n.key,
          subject: n.title,
          text: `${n.body.vi}\n${n.body.en}`,
          headerNames: Object.keys(fields).map((k) => k.toLowerCase()),
        };
      }),
    recipient: () => ({ unitId: "trung-tam-thong-tin", name: "Trung tâm Thông tin", email: [] }),
    refusedRecipient: () => ({ unitId: "don-vi-sai-luong", name: "Đơn vị có luồng hỏng", email: [] }),
    unreachable: () => RedisStreamNotifier.layer({ url: "redis://127.0.0.1:9", timeoutMs: 1_000 }),
    dedupesByKey: true,
  },
});
