/**
 * A real SMTP server on 127.0.0.1 for the end-to-end tests. Counts what it ACCEPTED (answered 250
 * to), by the idempotency key header, and lets a test hold a message before answering (to kill the
 * sender at an exact point) or add latency.
 */
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Accepted {
  readonly key: string;
  readonly messageId: string;
  readonly subject: string;
  readonly to: readonly string[];
}

/** Decides, for the n-th DATA received (from 1), whether to accept it; may wait first. */
export type Gate = (n: number, key: string) => Promise<"accept" | "refuse">;

export class E2eSmtp {
  readonly accepted: Accepted[] = [];
  received = 0;
  gate: Gate = async () => "accept";
  port = 0;
  private server: SMTPServer | undefined;

  async start(port = this.port): Promise<number> {
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const n = ++this.received;
          simpleParser(Buffer.concat(chunks))
            .then(async (parsed) => {
              const header = parsed.headers.get("x-cchc-idempotency-key");
              const key = typeof header === "string" ? decodeURIComponent(header) : "";
              const verdict = await this.gate(n, key);
              if (verdict === "refuse")
                return callback(Object.assign(new Error("not accepted"), { responseCode: 451 }));
              this.accepted.push({
                key,
                messageId: parsed.messageId ?? "",
                subject: parsed.subject ?? "",
                to: session.envelope.rcptTo.map((r) => r.address),
              });
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    server.on("error", () => undefined);
    const address = server.server.address();
    this.port = typeof address === "object" && address !== null ? address.port : port;
    this.server = server;
    return this.port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** How many times each key was accepted. */
  counts(): Map<string, number> {
    const m = new Map<string, number>();
    for (const a of this.accepted) m.set(a.key, (m.get(a.key) ?? 0) + 1);
    return m;
  }
}
