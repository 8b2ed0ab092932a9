/** The login page: user name and password; why the last attempt failed or the session ended. */
import type { Plan } from "@cchc/core";
import type { FC } from "hono/jsx";
import { formatDateTime } from "../format.js";
import { FieldError, Layout, Notice, T } from "./ui.js";

/** What the login page says above the form. */
export type LoginNotice =
  | { readonly kind: "refused" }
  | { readonly kind: "locked"; readonly until: string }
  | { readonly kind: "ended" }
  | { readonly kind: "signed-out" };

export const LoginPage: FC<{ plan: Plan; notice?: LoginNotice; userName?: string }> = ({
  plan,
  notice,
  userName,
}) => (
  <Layout title="Đăng nhập" nav="login">
    <section class="card narrow">
      <h1>
        <T vi="Đăng nhập" en="Sign in" />
      </h1>
      {notice?.kind === "ended" && (
        <Notice kind="info">
          <span data-testid="session-ended">
            <T
              vi="Phiên đăng nhập đã kết thúc (hết hạn, đăng xuất hoặc tài khoản bị thay đổi); hãy đăng nhập lại."
              en="Your session has ended (expired, signed out or the account changed); sign in again."
            />
          </span>
        </Notice>
      )}
      {notice?.kind === "signed-out" && (
        <Notice kind="info">
          <T vi="Đã đăng xuất." en="Signed out." />
        </Notice>
      )}
      {notice?.kind === "locked" && (
        <Notice kind="error">
          <span data-testid="login-locked">
            <T
              vi={`Đăng nhập tạm khóa do nhập sai nhiều lần; thử lại sau ${formatDateTime(notice.until)}.`}
              en={`Sign-in is locked after repeated failures; try again after ${formatDateTime(notice.until)}.`}
            />
          </span>
        </Notice>
      )}
      <p>
        <strong>{plan.issuer.name}</strong> — <T vi={`Kế hoạch năm ${plan.year}`} en={`Plan ${plan.year}`} />
      </p>
      <form method="post" action="/login" class="form" novalidate>
        <label for="user">
          <T vi="Tên đăng nhập" en="User name" />
        </label>
        <input id="user" name="user" type="text" autocomplete="username" required value={userName ?? ""} />
        <label for="password">
          <T vi="Mật khẩu" en="Password" />
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
          aria-describedby={notice?.kind === "refused" ? "password-error" : undefined}
        />
        <FieldError
          id="password-error"
          messages={
            notice?.kind === "refused"
              ? [
                  {
                    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
                    en: "The user name or the password is wrong.",
                  },
                ]
              : undefined
          }
        />
        <button type="submit">
          <T vi="Đăng nhập" en="Sign in" />
        </button>
      </form>
    </section>
  </Layout>
);
