/**
 * The real NATS JetStream of this machine (127.0.0.1:4222; `CCHC_TEST_NATS` overrides it): a
 * stream of its own per test file, read back message by message. No server: the tests FAIL.
 */
import { jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { ensureStream } from "../src/index.js";

export const NATS_SERVER = process.env.CCHC_TEST_NATS ?? "127.0.0.1:4222";

/** A stream made for one test file, with what it holds. */
export class TestStream {
  readonly name =
    `CCHC_TEST_${Date.now().toString(36).toUpperCase()}_${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
  readonly prefix = `cchc.test.${this.name.toLowerCase()}`;
  private nc: NatsConnection | undefined;

  async start(): Promise<void> {
    this.nc = await connect({ servers: NATS_SERVER, timeout: 3_000 });
    await ensureStream(this.nc, {
      name: this.name,
      subjects: [`${this.prefix}.>`],
      duplicateWindowMs: 120_000,
    });
  }

  async stop(): Promise<void> {
    const nc = this.nc;
    this.nc = undefined;
    if (!nc) return;
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(this.name).catch(() => undefined);
    await nc.close();
  }

  /** How many messages the stream holds (read from the server's stream state). */
  async count(): Promise<number> {
    if (!this.nc) throw new Error("stream not started");
    const jsm = await jetstreamManager(this.nc);
    return (await jsm.streams.info(this.name)).state.messages;
  }

  /** Every message in the stream, with its Nats-Msg-Id and JSON payload. */
  async messages(): Promise<
    { msgId: string; subject: string; payload: Record<string, unknown>; headerNames: string[] }[]
  > {
    if (!this.nc) throw new Error("stream not started");
    const jsm = await jetstreamManager(this.nc);
    const info = await jsm.streams.info(this.name);
    const out = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage(this.name, { seq }).catch(() => null);
      if (!m) continue;
      out.push({
        msgId: m.header?.get("Nats-Msg-Id") ?? "",
        subject: m.subject,
        payload: JSON.parse(m.string()) as Record<string, unknown>,
        headerNames: m.header ? [...m.header.keys()].map((k) => k.toLowerCase()) : [],
      });
    }
    return out;
  }
}
