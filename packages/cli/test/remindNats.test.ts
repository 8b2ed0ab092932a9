/**
 * Issue 18: `cchc remind --notify nats://…` to a subject no stream captures, on the real NATS of
 * this machine (127.0.0.1:4222, JetStream; `CCHC_TEST_NATS` overrides it). It used to retry five
 * times and then say "jetstream is not enabled". Now: dead at once with the real cause, and
 * `--nats-create-stream` lets the CLI alone make the stream (after `cchc outbox requeue`).
 */
import { jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOneLineError, type Workspace, workspace } from "./helpers.js";

const SERVER = process.env.CCHC_TEST_NATS ?? "127.0.0.1:4222";
const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const STREAM = `CCHC_TEST_CLI_${tag.toUpperCase()}`;
const SUBJECT = `cchc.test.cli.${tag}.reminders`;
const KEY = "default:cac-co-quan-hanh-chinh-thuoc-bo:2018Q1:before-14";

let ws: Workspace;
let nc: NatsConnection;
beforeAll(async () => {
  ws = await workspace();
  nc = await connect({ servers: SERVER, timeout: 3_000 }).catch((error: unknown) => {
    throw new Error(`NATS on ${SERVER} is needed (nats-server -js): ${String(error)}`);
  });
});
afterAll(async () => {
  const jsm = await jetstreamManager(nc);
  await jsm.streams.delete(STREAM).catch(() => undefined);
  await nc.close();
  await ws.cleanup();
});

const notify = `nats://${SERVER}?subject=${SUBJECT}&stream=${STREAM}`;
const remind = (...extra: string[]) =>
  ws.cchc(
    "remind",
    "--now",
    "2018-03-08",
    "--db",
    "store",
    "--notify",
    notify,
    "--retry-delay",
    "50",
    ...extra,
  );

describe("cchc remind --notify nats:// with no stream for the subject", () => {
  it("fails at once, permanently, saying no stream captures the subject and how to create it", async () => {
    const r = await remind("--json");
    expect(r.code, r.stderr).toBe(1);
    const d = JSON.parse(r.stdout).delivery;
    expect(d).toMatchObject({ notifier: "nats", enqueued: 1, delivered: 0, failed: 1, retrying: 0 });
    expect(d.results[0]).toMatchObject({ key: KEY, status: "dead", error: { code: "no-stream" } });
    const message: string = d.results[0].error.message;
    expect(message).toContain(`no JetStream stream captures the subject "${SUBJECT}" on ${SERVER}`);
    expect(message).toContain(`nats stream add ${STREAM} --subjects '${SUBJECT}'`);
    expect(message).toContain("--nats-create-stream");
    expect(message).not.toMatch(/not enabled/i);
    const listed = JSON.parse((await ws.cchc("outbox", "list", "--db", "store", "--json")).stdout);
    // One attempt: a missing stream is not retried as if the network had failed.
    expect(listed.entries[0]).toMatchObject({ key: KEY, status: "dead", attempts: 1 });
  }, 60_000);

  it("--nats-create-stream creates the stream for the subject; the requeued reminder is then stored in it", async () => {
    const requeued = await ws.cchc("outbox", "requeue", "--all-dead", "--db", "store");
    expect(requeued.code, requeued.stdout).toBe(0);
    const r = await remind("--nats-create-stream", "--json");
    expect(r.code, r.stderr).toBe(0);
    const d = JSON.parse(r.stdout).delivery;
    expect(d).toMatchObject({
      delivered: 1,
      failed: 0,
      natsStream: { stream: STREAM, created: true, added: [SUBJECT], covered: [] },
    });
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(STREAM);
    expect(info.config.subjects).toEqual([SUBJECT]);
    expect(info.state.messages).toBe(1);
    const m = await jsm.streams.getMessage(STREAM, { seq: 1 });
    expect(decodeURIComponent(m?.header?.get("Nats-Msg-Id") ?? "")).toBe(KEY);

    const human = await remind("--nats-create-stream");
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`NATS stream already there: ${STREAM} nhận / captures ${SUBJECT}`);
    expect((await jsm.streams.info(STREAM)).state.messages).toBe(1);
  }, 60_000);

  it("--nats-create-stream with another notifier is a usage error", async () => {
    const r = await ws.cchc(
      "remind",
      "--now",
      "2018-03-08",
      "--notify",
      "smtp://127.0.0.1:9",
      "--nats-create-stream",
      "--db",
      "store",
    );
    expect(expectOneLineError(r)).toContain("--nats-create-stream goes with --notify nats://");
  });
});
