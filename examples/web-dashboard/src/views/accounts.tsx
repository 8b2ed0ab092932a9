/**
 * The lead's accounts page: every account of the agency, a form to create a unit's reporter (or a
 * viewer, or another lead), and per account a password reset and disable / enable. Every action is
 * a plain form post (no script: the pages' policy allows none) protected by the CSRF check.
 */
import type { Account, LocalizedText, Plan } from "@cchc/core";
import type { FC } from "hono/jsx";
import { formatDateTime } from "../format.js";
import { reporterUnits, type SessionUser } from "../session.js";
import { L, Layout, Notice, Section, T, TableHead } from "./ui.js";

/** What the page reports after an action. */
export type AccountsNotice =
  | { readonly kind: "ok"; readonly message: LocalizedText }
  | { readonly kind: "error"; readonly message: LocalizedText };

const ROLE_TEXT: Record<Account["role"], LocalizedText> = {
  lead: { vi: "Đơn vị chủ trì", en: "Lead" },
  reporter: { vi: "Người báo cáo", en: "Reporter" },
  viewer: { vi: "Người xem", en: "Viewer" },
};

export const AccountsPage: FC<{
  user: SessionUser;
  plan: Plan;
  accounts: readonly Account[];
  notice?: AccountsNotice;
  form?: { readonly userName?: string; readonly role?: string; readonly unitId?: string };
}> = ({ user, plan, accounts, notice, form }) => {
  const unitName = (id: string | undefined) => plan.units.find((u) => u.id === id)?.name ?? id ?? "";
  return (
    <Layout title="Tài khoản" user={user} nav="accounts">
      <h1>
        <T vi="Tài khoản đăng nhập" en="Sign-in accounts" />
      </h1>
      {notice && (
        <Notice kind={notice.kind}>
          <span data-testid="accounts-notice">
            <L text={notice.message} />
          </span>
        </Notice>
      )}
      <Section id="new" vi="Tạo tài khoản" en="New account">
        <form method="post" action="/accounts" class="form" novalidate data-testid="new-account">
          <label for="new-user">
            <T vi="Tên đăng nhập" en="User name" />
          </label>
          <input
            id="new-user"
            name="user"
            type="text"
            autocomplete="off"
            required
            value={form?.userName ?? ""}
          />
          <label for="new-role">
            <T vi="Vai trò" en="Role" />
          </label>
          <select id="new-role" name="role">
            {(["reporter", "viewer", "lead"] as const).map((r) => (
              <option value={r} selected={(form?.role ?? "reporter") === r}>
                {`${ROLE_TEXT[r].vi} / ${ROLE_TEXT[r].en}`}
              </option>
            ))}
          </select>
          <label for="new-unit">
            <T vi="Đơn vị (người báo cáo)" en="Unit (reporter)" />
          </label>
          <select id="new-unit" name="unit">
            <option value="">—</option>
            {reporterUnits(plan).map((u) => (
              <option value={u.id} selected={form?.unitId === u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <label for="new-password">
            <T vi="Mật khẩu (ít nhất 12 ký tự)" en="Password (12 characters at least)" />
          </label>
          <input id="new-password" name="password" type="password" autocomplete="new-password" required />
          <button type="submit">
            <T vi="Tạo tài khoản" en="Create the account" />
          </button>
        </form>
      </Section>
      <Section id="list" vi="Danh sách" en="Accounts">
        <table data-testid="accounts">
          <TableHead
            columns={[
              { vi: "Tên đăng nhập", en: "User name" },
              { vi: "Vai trò", en: "Role" },
              { vi: "Đơn vị", en: "Unit" },
              { vi: "Trạng thái", en: "State" },
              { vi: "Cập nhật", en: "Updated" },
              { vi: "Đặt lại mật khẩu", en: "Reset the password" },
              { vi: "Khóa / mở", en: "Disable / enable" },
            ]}
          />
          <tbody>
            {accounts.map((a) => {
              const path = `/accounts/${encodeURIComponent(a.userName)}`;
              return (
                <tr data-user={a.userName}>
                  <td>{a.userName}</td>
                  <td>
                    <L text={ROLE_TEXT[a.role]} />
                  </td>
                  <td>{unitName(a.unitId)}</td>
                  <td>{a.disabled ? <T vi="Đã khóa" en="Disabled" /> : <T vi="Hoạt động" en="Active" />}</td>
                  <td>{formatDateTime(a.updatedAt)}</td>
                  <td>
                    <form method="post" action={`${path}/password`} class="inline">
                      <input
                        name="password"
                        type="password"
                        autocomplete="new-password"
                        aria-label={`Mật khẩu mới cho ${a.userName} / new password for ${a.userName}`}
                        required
                      />
                      <button type="submit">
                        <T vi="Đặt lại" en="Reset" />
                      </button>
                    </form>
                  </td>
                  <td>
                    {a.userName === user.userName ? (
                      <T vi="(tài khoản của bạn)" en="(your account)" />
                    ) : (
                      <form
                        method="post"
                        action={`${path}/${a.disabled ? "enable" : "disable"}`}
                        class="inline"
                      >
                        <button type="submit">
                          {a.disabled ? <T vi="Mở khóa" en="Enable" /> : <T vi="Khóa" en="Disable" />}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Section>
    </Layout>
  );
};
