/** The notifier contract against the real NATS JetStream on 127.0.0.1:4222. */
import { runNotifierContract } from "@cchc/testing/contracts";
import { NatsNotifier } from "../src/index.js";
import { NATS_SERVER, TestStream } from "./jetstream.js";

const stream = new TestStream();

runNotifierContract("NATS JetStream", {
  layer: () =>
    NatsNotifier.layer({ servers: NATS_SERVER, subject: `${stream.prefix}.reminders`, stream: stream.name }),
  harness: {
    start: () => stream.start(),
    stop: () => stream.stop(),
    received: async () =>
      (await stream.messages()).map((m) => {
        const subject = m.payload.subject as { vi: string; en: string };
        const body = m.payload.body as { vi: string; en: string };
        return {
          key: decodeURIComponent(m.msgId),
          subject: `${subject.vi} / ${subject.en}`,
          text: `${body.vi}\n${body.en}`,
          headerNames: m.headerNames,
        };
      }),
    recipient: () => ({ unitId: "trung-tam-thong-tin", name: "Trung tâm Thông tin", email: [] }),
    refusedRecipient: () => ({
      unitId: "x",
      name: "Chủ đề sai",
      email: [],
      natsSubject: "chủ đề có dấu cách",
    }),
    unreachable: () => NatsNotifier.layer({ servers: "127.0.0.1:9", timeoutMs: 1_000 }),
    dedupesByKey: true,
  },
});
