/**
 * A real HTTP endpoint on 127.0.0.1 (node:http) that verifies every request the way a receiver
 * should (signature, timestamp) and answers as the test scripts it: 200, an error status, or no
 * answer at all (a hang, to trip the client's timeout). It keeps what it accepted with 2xx.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhookSignature, type WebhookPayload, type WebhookVerification } from "../src/index.js";

/** One request the endpoint saw. */
export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  readonly verification: WebhookVerification;
  readonly payload: WebhookPayload | undefined;
  /** What the endpoint did. */
  readonly answer: number | "hang";
}

/** What to answer to a request: a status, or "hang" (never answer). */
export type Behaviour = (request: Omit<SeenRequest, "answer">, index: number) => number | "hang";

export class TestReceiver {
  readonly seen: SeenRequest[] = [];
  behaviour: Behaviour = (r) => (r.verification.ok ? 200 : 401);
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();
  port = 0;

  constructor(readonly secret: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/cchc`;
  }

  /** Requests answered 2xx (what the e-office system processed), optionally for one key. */
  accepted(key?: string): SeenRequest[] {
    return this.seen.filter(
      (r) => typeof r.answer === "number" && r.answer < 300 && (key === undefined || r.payload?.key === key),
    );
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const verification = verifyWebhookSignature(this.secret, req.headers, body);
        let payload: WebhookPayload | undefined;
        try {
          payload = JSON.parse(body) as WebhookPayload;
        } catch {
          payload = undefined;
        }
        const base = { path: req.url ?? "/", headers: req.headers, body, verification, payload };
        const answer = this.behaviour(base, this.seen.length);
        this.seen.push({ ...base, answer });
        if (answer === "hang") {
          this.hanging.add(res);
          return;
        }
        res.writeHead(answer, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: answer < 300 }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
    const s = this.server;
    this.server = undefined;
    if (s) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  }
}
