/**
 * The webhook receiver of docs/reminders.md §6 (an e-office system's endpoint), run by
 * test/docs-snippets.test.ts against the real sender: it refuses to start without a usable secret,
 * verifies every request, and drops a key it has already processed (the key from the signed body).
 */
import { createServer, type Server } from "node:http";
import { checkWebhookSecret, verifyWebhookSignature } from "@cchc/notify-webhook";

/** A reminder as the receiver reads it from the verified body. */
export interface ReceivedReminder {
  readonly key: string;
  readonly recipient: { readonly unitId: string; readonly name: string };
  readonly title: string;
  readonly body: { readonly vi: string; readonly en: string };
  readonly data: { readonly kind: string; readonly periodId: string; readonly dueDate: string } | null;
}

/** The receiver: `startReceiver(process.env.CCHC_WEBHOOK_SECRET, handle).listen(8080)`. */
export function startReceiver(secret: string | undefined, handle: (m: ReceivedReminder) => void): Server {
  // Không bao giờ chạy với khóa rỗng hay ngắn / never run with a missing, empty or short secret.
  const problem = checkWebhookSecret(secret);
  if (problem !== undefined || secret === undefined)
    throw new Error(`${problem?.message.vi} / ${problem?.message.en}`);
  const seen = new Map<string, number>(); // khóa → thời điểm; dùng bảng có khóa duy nhất trong thực tế

  return createServer((req, res) => {
    if (req.method !== "POST") return res.writeHead(405).end();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8"); // đúng các byte đã nhận / the exact bytes
      const check = verifyWebhookSignature(secret, req.headers, body, { toleranceSeconds: 300 });
      if (!check.ok || check.key === undefined) {
        // missing-timestamp | missing-signature | bad-timestamp | stale-timestamp | signature-mismatch
        // | key-mismatch (Idempotency-Key ≠ the signed key) | weak-secret
        const error = check.ok ? "no-key" : check.reason;
        res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error }));
        return;
      }
      // check.key là trường `key` đã ký / the signed `key` field, never the unsigned header.
      if (seen.has(check.key)) return res.writeHead(200).end('{"duplicate":true}'); // đã xử lý
      const message = JSON.parse(body) as ReceivedReminder;
      handle(message); // tạo văn bản/việc trong hệ thống / create the task in the e-office system
      seen.set(check.key, Date.now());
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
}
