/**
 * A real SMTP server on 127.0.0.1 (smtp-server), started inside the test, that parses every message
 * it accepts with mailparser and keeps it, so tests count what really arrived, by key. It can be
 * stopped and started again on the same port (an outage), refuse chosen mailboxes with 550, and
 * hold or refuse a message at DATA through a gate (to kill the sender at an exact point). The
 * repository's end-to-end tests use it too.
 */
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One message the server accepted. */
export interface ArrivedMail {
  readonly key: string;
  readonly messageId: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly to: readonly string[];
  readonly headerNames: readonly string[];
  readonly raw: string;
  readonly parsed: ParsedMail;
}

/** Decides, for the n-th DATA received (from 1), whether to accept it; may wait first. */
export type Gate = (n: number, key: string) => Promise<"accept" | "refuse">;

export class TestSmtpServer {
  readonly arrived: ArrivedMail[] = [];
  /** DATA commands received, accepted or not. */
  received = 0;
  /** Asked before each message is accepted; "refuse" answers 451. */
  gate: Gate = async () => "accept";
  /** Mailboxes answered with 550 at RCPT TO. */
  readonly refuse = new Set<string>();
  /** When set, RCPT TO for any mailbox is answered with this temporary code (e.g. 451). */
  deferWith: number | undefined;
  port = 0;
  private server: SMTPServer | undefined;

  async start(port = this.port): Promise<number> {
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.deferWith !== undefined) {
          const err = Object.assign(new Error("try again later"), { responseCode: this.deferWith });
          return callback(err);
        }
        if (this.refuse.has(address.address.toLowerCase())) {
          const err = Object.assign(new Error("5.1.1 no such mailbox"), { responseCode: 550 });
          return callback(err);
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const n = ++this.received;
          const raw = Buffer.concat(chunks).toString("utf8");
          simpleParser(raw)
            .then(async (parsed) => {
              const keyHeader = parsed.headers.get("x-cchc-idempotency-key");
              const key = typeof keyHeader === "string" ? decodeURIComponent(keyHeader) : "";
              if ((await this.gate(n, key)) === "refuse")
                return callback(Object.assign(new Error("not accepted"), { responseCode: 451 }));
              this.arrived.push({
                key,
                messageId: parsed.messageId ?? "",
                subject: parsed.subject ?? "",
                text: parsed.text ?? "",
                html: typeof parsed.html === "string" ? parsed.html : "",
                to: session.envelope.rcptTo.map((r) => r.address),
                headerNames: [...parsed.headers.keys()],
                raw,
                parsed,
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

  /** Messages that arrived with this key. */
  byKey(key: string): ArrivedMail[] {
    return this.arrived.filter((m) => m.key === key);
  }

  /** How many times each key arrived. */
  counts(): Map<string, number> {
    const m = new Map<string, number>();
    for (const a of this.arrived) m.set(a.key, (m.get(a.key) ?? 0) + 1);
    return m;
  }
}
