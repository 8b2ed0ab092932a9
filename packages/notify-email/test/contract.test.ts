/** The notifier contract against a real SMTP server on 127.0.0.1 (smtp-server in this process). */
import { runNotifierContract } from "@cchc/testing/contracts";
import { EmailNotifier } from "../src/index.js";
import { TestSmtpServer } from "./smtpServer.js";

const smtp = new TestSmtpServer();
smtp.refuse.add("khong-ton-tai@example.gov.vn");

runNotifierContract("email (SMTP)", {
  layer: () =>
    EmailNotifier.layer({
      host: "127.0.0.1",
      port: smtp.port,
      from: '"Vụ Tổ chức cán bộ" <tccb@mic.example.vn>',
      ignoreTLS: true,
    }),
  harness: {
    start: async () => {
      await smtp.start(0);
    },
    stop: () => smtp.stop(),
    received: async () =>
      smtp.arrived.map((m) => ({ key: m.key, subject: m.subject, text: m.text, headerNames: m.headerNames })),
    recipient: () => ({ unitId: "vu-phap-che", name: "Vụ Pháp chế", email: ["phapche@mic.example.vn"] }),
    refusedRecipient: () => ({ unitId: "x", name: "Không tồn tại", email: ["khong-ton-tai@example.gov.vn"] }),
    // A port nothing listens on: connection refused.
    unreachable: () =>
      EmailNotifier.layer({
        host: "127.0.0.1",
        port: 9,
        from: "cchc@localhost",
        ignoreTLS: true,
        timeoutMs: 2_000,
      }),
  },
});
