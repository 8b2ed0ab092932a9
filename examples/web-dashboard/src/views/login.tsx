/** The demo login page: choose the lead unit, one unit's reporter, or a viewer. */
import type { Plan } from "@cchc/core";
import { leadUnitIds } from "@cchc/core";
import type { FC } from "hono/jsx";
import { reporterUnits } from "../session.js";
import { FieldError, Layout, Notice, T } from "./ui.js";

export const LoginPage: FC<{ plan: Plan; error?: boolean; selected?: string }> = ({
  plan,
  error,
  selected,
}) => {
  const lead = plan.units.find((u) => u.id === leadUnitIds(plan)[0]);
  const units = reporterUnits(plan);
  return (
    <Layout title="Đăng nhập" nav="login">
      <section class="card narrow">
        <h1>
          <T vi="Đăng nhập" en="Sign in" />
        </h1>
        <Notice kind="info">
          <T
            vi="Đăng nhập thử nghiệm: chọn vai trò, không cần mật khẩu. Khi triển khai, cơ quan thay bằng hệ thống đăng nhập của mình (SSO, LDAP…)."
            en="Demo login: pick a role, no password. A real deployment replaces it with the agency's own sign-on (SSO, LDAP…)."
          />
        </Notice>
        <p>
          <strong>{plan.issuer.name}</strong> —{" "}
          <T vi={`Kế hoạch năm ${plan.year}`} en={`Plan ${plan.year}`} />
        </p>
        <form method="post" action="/login" class="form" novalidate>
          <label for="as">
            <T vi="Đăng nhập với vai trò" en="Sign in as" />
          </label>
          <select id="as" name="as" required aria-describedby={error ? "as-error" : undefined}>
            <option value="">— Chọn / Choose —</option>
            <optgroup label="Đơn vị chủ trì / Lead unit">
              <option value="lead" selected={selected === "lead"}>
                {`${lead?.name ?? "Đơn vị chủ trì"} — theo dõi, đánh giá / monitors and scores`}
              </option>
            </optgroup>
            <optgroup label="Người báo cáo của đơn vị / A unit's reporter">
              {units.map((u) => (
                <option value={`reporter:${u.id}`} selected={selected === `reporter:${u.id}`}>
                  {u.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Khác / Other">
              <option value="viewer" selected={selected === "viewer"}>
                Người xem (chỉ xem) / Viewer (read only)
              </option>
            </optgroup>
          </select>
          <FieldError
            id="as-error"
            messages={
              error
                ? [{ vi: "Hãy chọn một vai trò trong danh sách.", en: "Choose a role from the list." }]
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
};
