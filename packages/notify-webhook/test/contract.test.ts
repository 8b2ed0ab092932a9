/** The notifier contract against a real HTTP endpoint on 127.0.0.1 that verifies signatures. */
import { runNotifierContract } from "@cchc/testing/contracts";
import { WebhookNotifier } from "../src/index.js";
import { TestReceiver } from "./receiver.js";

const SECRET = "bi-mat-chung-cua-he-thong-van-ban";
const receiver = new TestReceiver(SECRET);
receiver.behaviour = (r) => (!r.verification.ok ? 401 : r.path === "/refuse" ? 422 : 200);

runNotifierContract("webhook (HTTP)", {
  layer: () => WebhookNotifier.layer({ url: receiver.url, secret: SECRET, timeoutMs: 5_000 }),
  harness: {
    start: () => receiver.start(),
    stop: () => receiver.stop(),
    received: async () =>
      receiver.accepted().map((r) => ({
        key: r.verification.ok ? (r.verification.key ?? "") : "",
        subject: r.payload?.title ?? "",
        text: `${r.payload?.body.vi ?? ""}\n${r.payload?.body.en ?? ""}`,
        headerNames: Object.keys(r.headers),
      })),
    recipient: () => ({ unitId: "van-phong-bo", name: "Văn phòng Bộ", email: [] }),
    refusedRecipient: () => ({
      unitId: "x",
      name: "Không nhận",
      email: [],
      webhook: `http://127.0.0.1:${receiver.port}/refuse`,
    }),
    unreachable: () =>
      WebhookNotifier.layer({ url: "http://127.0.0.1:9/cchc", secret: SECRET, timeoutMs: 2_000 }),
  },
});
