/** What the email notifier puts on the wire, read back from a real SMTP server on loopback. */
import { type Notification, NotifierError } from "@cchc/core";
import * as Effect from "effect/Effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classifySmtpError, emailOptionsFromUrl, makeEmailNotifier, messageIdFor } from "../src/index.js";
import { TestSmtpServer } from "./smtpServer.js";

const smtp = new TestSmtpServer();
beforeAll(() => smtp.start(0));
afterAll(() => smtp.stop());

const FROM = '"Vụ Tổ chức cán bộ" <tccb@mic.example.vn>';
const notifier = () =>
  makeEmailNotifier({ host: "127.0.0.1", port: smtp.port, from: FROM, ignoreTLS: true, pool: false });

const message = (key: string, email: string[] = ["vanthu@mic.example.vn"]): Notification => ({
  key,
  recipient: { unitId: "cac-co-quan-hanh-chinh-thuoc-bo", name: "Các cơ quan hành chính thuộc Bộ", email },
  subject: {
    vi: "Nhắc báo cáo Quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày)",
    en: "Reminder: Q1 2018 report due 19/03/2018 (11 days left)",
  },
  body: {
    vi: 'Kính gửi: Các cơ quan hành chính thuộc Bộ\n\nChưa nhận được: báo cáo <Quý I> & "phụ lục".',
    en: "To: the administrative agencies\n\nNot yet received: the <Q1> report.",
  },
});

const send = (n: Notification, via = notifier()) =>
  Effect.runPromise(Effect.result(via.send(n))).finally(() => via.close());

describe("email notifier on the wire", () => {
  it("sends one UTF-8 message with an RFC 2047 subject, a text part and an escaped HTML part", async () => {
    const key = "bo-tttt:cac-co-quan-hanh-chinh-thuoc-bo:2018Q1:before-14";
    const r = await send(message(key));
    expect(r._tag).toBe("Success");
    const [m] = smtp.byKey(key);
    if (!m) throw new Error("nothing arrived");
    expect(m.to).toEqual(["vanthu@mic.example.vn"]);
    expect(m.subject).toBe(
      "Nhắc báo cáo Quý I năm 2018: hạn nộp 19/03/2018 (còn 11 ngày) / Reminder: Q1 2018 report due 19/03/2018 (11 days left)",
    );
    const rawSubject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(m.raw)?.[1] ?? "";
    expect(rawSubject).toMatch(/=\?UTF-8\?[QB]\?/i);
    expect(m.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(m.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(m.raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
    expect(m.text).toContain('Chưa nhận được: báo cáo <Quý I> & "phụ lục".');
    expect(m.text).toContain("Not yet received: the <Q1> report.");
    expect(m.text.indexOf("Kính gửi")).toBeLessThan(m.text.indexOf("To: the administrative"));
    expect(m.html).toContain("báo cáo &lt;Quý I&gt; &amp; &quot;phụ lục&quot;.");
    expect(m.html).not.toContain("<Quý I>");
    expect(m.parsed.from?.value[0]).toEqual({ address: "tccb@mic.example.vn", name: "Vụ Tổ chức cán bộ" });
  });

  it("the Message-ID is derived from the key: the same key gives the same id from any process", async () => {
    const key = "bo-tttt:vu-to-chuc-can-bo:2018Q1:overdue";
    await send(message(key));
    await send(message(key));
    const got = smtp.byKey(key);
    expect(got).toHaveLength(2);
    expect(got[0]?.messageId).toBe(messageIdFor(key, "mic.example.vn"));
    expect(got[1]?.messageId).toBe(got[0]?.messageId);
    expect(messageIdFor("other", "mic.example.vn")).not.toBe(got[0]?.messageId);
    expect(messageIdFor("Đắk Lắk:2018Q1", "x.vn")).toMatch(/^<cchc\.[0-9a-f]{40}@x\.vn>$/);
  });

  it("a unit without an address, or with a malformed one, fails permanently without connecting", async () => {
    const before = smtp.arrived.length;
    const none = await send(message("no-address", []));
    const bad = await send(message("bad-address", ["not an address"]));
    for (const r of [none, bad]) {
      expect(r._tag).toBe("Failure");
      if (r._tag === "Failure") expect(r.failure).toMatchObject({ retryable: false, code: "address" });
    }
    if (none._tag === "Failure") expect(none.failure.message).toContain("Các cơ quan hành chính thuộc Bộ");
    expect(smtp.arrived.length).toBe(before);
  });

  it("a temporary SMTP refusal (451) is retryable, a permanent one (550) is not", async () => {
    smtp.deferWith = 451;
    try {
      const r = await send(message("deferred"));
      expect(r._tag).toBe("Failure");
      if (r._tag === "Failure")
        expect(r.failure).toMatchObject({ retryable: true, code: "server", status: 451 });
    } finally {
      smtp.deferWith = undefined;
    }
    smtp.refuse.add("gone@mic.example.vn");
    const r = await send(message("refused", ["gone@mic.example.vn"]));
    expect(r._tag).toBe("Failure");
    if (r._tag === "Failure") expect(r.failure).toMatchObject({ retryable: false, status: 550 });
  });

  it("classifies nodemailer errors", () => {
    const c = (e: unknown) => {
      const x = classifySmtpError(e);
      expect(x).toBeInstanceOf(NotifierError);
      return [x.retryable, x.code];
    };
    expect(c({ code: "ECONNECTION", message: "connect ECONNREFUSED" })).toEqual([true, "connection"]);
    expect(c({ code: "ETIMEDOUT", message: "Greeting never received" })).toEqual([true, "timeout"]);
    expect(c({ code: "EENVELOPE", responseCode: 421, response: "421 busy" })).toEqual([true, "server"]);
    expect(c({ code: "EENVELOPE", responseCode: 553, response: "553 bad mailbox" })).toEqual([
      false,
      "address",
    ]);
    expect(c({ code: "EMESSAGE", responseCode: 554, response: "554 spam" })).toEqual([false, "rejected"]);
    expect(c({ code: "EAUTH", responseCode: 535 })).toEqual([false, "rejected"]);
    expect(c({ code: "EAUTH" })).toEqual([false, "config"]);
    expect(c(new Error("weird"))).toEqual([false, "rejected"]);
  });

  it("reads smtp:// URLs", () => {
    expect(emailOptionsFromUrl("smtp://127.0.0.1:2525?from=cchc%40mic.gov.vn&ignoreTLS=true")).toEqual({
      host: "127.0.0.1",
      port: 2525,
      secure: false,
      from: "cchc@mic.gov.vn",
      ignoreTLS: true,
    });
    expect(emailOptionsFromUrl("smtps://u%40x:p%3Aw@mail.gov.vn")).toMatchObject({
      port: 465,
      secure: true,
      auth: { user: "u@x", pass: "p:w" },
      from: "cchc@mail.gov.vn",
    });
    expect(() => emailOptionsFromUrl("http://x")).toThrow(RangeError);
  });
});
