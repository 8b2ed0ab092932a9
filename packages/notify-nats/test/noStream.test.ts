/**
 * Issue 18: a subject no stream captures. The NATS client calls it "jetstream is not enabled" (the
 * server answers "no responders"), and the notifier used to retry it as a network fault. Against
 * the real JetStream on 127.0.0.1:4222: the failure is permanent, says the real cause and the one
 * command that fixes it; `createNatsStream` makes the stream, and then the publish is stored.
 */
import { computeReminders, NotifierError, reminderNotification, samplePlan } from "@cchc/core";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import * as Effect from "effect/Effect";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createNatsStream, DEFAULT_STREAM, makeNatsNotifier, natsStreamCommand } from "../src/index.js";
import { NATS_SERVER } from "./jetstream.js";

const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const STREAM = `CCHC_TEST_NOSTREAM_${tag.toUpperCase()}`;
const subject = `cchc.test.nostream.${tag}.reminders`;
let nc: NatsConnection;
beforeAll(async () => {
  nc = await connect({ servers: NATS_SERVER, timeout: 3_000 });
});
afterAll(async () => {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(STREAM).catch(() => undefined);
  await nc.close();
});

const notification = () => {
  const [r] = computeReminders(samplePlan("mic-2018"), [], {
    now: "2018-03-08T09:00:00+07:00",
    agencyId: tag,
  }).due;
  if (!r) throw new Error("no reminder");
  return reminderNotification(r);
};

it("no stream captures the subject: a permanent 'no-stream' failure naming the subject and the nats command", async () => {
  const notifier = makeNatsNotifier({ servers: NATS_SERVER, subject, timeoutMs: 2_000 });
  try {
    const error = await Effect.runPromise(Effect.flip(notifier.send(notification())));
    expect(error).toBeInstanceOf(NotifierError);
    expect(error).toMatchObject({ notifier: "nats", retryable: false, code: "no-stream" });
    expect(error.reason.en).toContain(
      `no JetStream stream captures the subject "${subject}" on ${NATS_SERVER}`,
    );
    expect(error.reason.en).toContain(natsStreamCommand(subject));
    expect(error.reason.en).toContain("--nats-create-stream");
    expect(error.reason.vi).toContain(`không có stream JetStream nào nhận chủ đề "${subject}"`);
    expect(`${error.reason.vi} ${error.reason.en}`).not.toMatch(/not enabled/i);
  } finally {
    await notifier.close();
  }
});

it("createNatsStream makes the stream for the subject; the publish is then stored; a second call adds nothing", async () => {
  expect(DEFAULT_STREAM).toBe("CCHC_REMINDERS");
  expect(natsStreamCommand("a.b")).toBe(
    "nats stream add CCHC_REMINDERS --subjects 'a.b' --defaults --dupe-window 48h",
  );
  const first = await createNatsStream({ servers: NATS_SERVER }, { subjects: [subject], stream: STREAM });
  expect(first).toEqual({ stream: STREAM, created: true, added: [subject], covered: [] });
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(STREAM);
  expect(info.config.subjects).toEqual([subject]);
  expect(info.config.duplicate_window).toBe(2 * 86_400_000 * 1_000_000);

  const notifier = makeNatsNotifier({ servers: NATS_SERVER, subject, stream: STREAM });
  try {
    const receipt = await Effect.runPromise(notifier.send(notification()));
    expect(receipt).toMatchObject({ notifier: "nats", id: `${STREAM}:1`, duplicate: false });
  } finally {
    await notifier.close();
  }
  const again = await createNatsStream(
    { servers: NATS_SERVER },
    { subjects: [subject, `${subject}.x`], stream: STREAM },
  );
  expect(again).toEqual({
    stream: STREAM,
    created: false,
    added: [`${subject}.x`],
    covered: [{ subject, stream: STREAM }],
  });
  expect((await jsm.streams.info(STREAM)).config.subjects).toEqual([subject, `${subject}.x`]);
  expect((await jsm.streams.info(STREAM)).state.messages).toBe(1);
});

it("a named stream that does not capture the subject is the same permanent failure, naming both", async () => {
  const notifier = makeNatsNotifier({
    servers: NATS_SERVER,
    subject: `cchc.test.nostream.${tag}.elsewhere`,
    stream: STREAM,
    timeoutMs: 2_000,
  });
  try {
    const error = await Effect.runPromise(Effect.flip(notifier.send(notification())));
    expect(error).toMatchObject({ retryable: false, code: "no-stream" });
    expect(error.reason.en).toContain(
      `nats stream add ${STREAM} --subjects 'cchc.test.nostream.${tag}.elsewhere'`,
    );
  } finally {
    await notifier.close();
  }
});
