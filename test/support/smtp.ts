/**
 * The end-to-end tests' SMTP server: notify-email's test server (a real smtp-server on 127.0.0.1),
 * where these tests speak of the messages it accepted.
 */
import { TestSmtpServer } from "../../packages/notify-email/test/smtpServer.js";

export class E2eSmtp extends TestSmtpServer {
  /** The messages answered 250 (the same array as `arrived`). */
  get accepted() {
    return this.arrived;
  }
}
