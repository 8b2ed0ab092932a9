/** The pages shown when something is refused, missing or broken: a reason, never a stack trace. */
import type { LocalizedText } from "@cchc/core";
import type { FC } from "hono/jsx";
import type { SessionUser } from "../session.js";
import { L, Layout, T } from "./ui.js";

export const ErrorPage: FC<{
  status: number;
  title: LocalizedText;
  message: LocalizedText;
  user?: SessionUser | undefined;
  reference?: string;
}> = ({ status, title, message, user, reference }) => (
  <Layout title={title.vi} user={user}>
    <section class="card narrow error-page" data-status={String(status)}>
      <p class="status-code">{status}</p>
      <h1>
        <L text={title} />
      </h1>
      <p data-testid="error-message">
        <L text={message} />
      </p>
      {reference && (
        <p class="muted small">
          <T vi={`Mã tham chiếu: ${reference}`} en={`Reference: ${reference}`} />
        </p>
      )}
      <p>
        <a href="/">
          <T vi="Về trang chủ" en="Back to the start page" />
        </a>
      </p>
    </section>
  </Layout>
);
