/**
 * A mail server on 127.0.0.1 for the demo, so the service runs with no setup: it accepts every
 * message and prints who it was for and its subject (both languages, decoded).
 */
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** Starts the server on a free port; `close` stops it. */
export async function startLocalSmtp(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
          console.log(`  📨 máy chủ thư nhận / mail server received → ${to}`);
          console.log(`     ${mail.subject ?? ""}`);
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
