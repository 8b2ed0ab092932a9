/**
 * A unit's page: its score and progress, its activities and results, its reports per period, and,
 * for the unit's own reporter (or the lead), the forms to record a result and submit a report.
 */
import type { LocalizedText } from "@cchc/core";
import type { FC } from "hono/jsx";
import type { UnitView } from "../dashboard.js";
import type { FormatRegistry } from "../exportFormats.js";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatVnd,
  vietnamToday,
} from "../format.js";
import type { FieldErrors } from "../forms.js";
import type { SessionUser } from "../session.js";
import { ScoreExplained } from "./score.js";
import { Bar, Downloads, FieldError, L, Layout, Notice, Section, StateBadge, T, TableHead } from "./ui.js";

/** A form as last submitted: the typed values and the messages per field. */
export interface FormState {
  readonly values: Readonly<Record<string, string>>;
  readonly errors: FieldErrors;
}

interface UnitPageProps {
  readonly user: SessionUser;
  readonly data: UnitView;
  readonly formats: FormatRegistry;
  readonly canRecord: boolean;
  readonly canReport: boolean;
  readonly recordForm?: FormState | undefined;
  readonly reportForm?: FormState | undefined;
  readonly saved?: "record" | "report" | undefined;
}

const UNIT_LABELS: Record<string, LocalizedText> = {
  article: { vi: "tin, bài", en: "articles" },
  post: { vi: "bài đăng", en: "posts" },
  broadcast: { vi: "chương trình", en: "broadcasts" },
  class: { vi: "lớp", en: "classes" },
  event: { vi: "hội nghị, tọa đàm", en: "events" },
  participant: { vi: "lượt người", en: "participants" },
  copy: { vi: "bản", en: "copies" },
  item: { vi: "sản phẩm", en: "items" },
};
const unitLabel = (code: string) => UNIT_LABELS[code]?.vi ?? code;

/** One labelled input with its messages right under it. */
const Field: FC<{
  form: FormState | undefined;
  name: string;
  vi: string;
  en: string;
  hint?: string;
  type?: string;
  inputmode?: "text" | "decimal" | "numeric" | "url";
  placeholder?: string;
  min?: string;
  max?: string;
  multiline?: boolean;
}> = ({ form, name, vi, en, hint, type = "text", inputmode, placeholder, min, max, multiline }) => {
  const id = `f-${name}`;
  const messages = form?.errors[name];
  const invalid = messages !== undefined && messages.length > 0;
  const value = form?.values[name] ?? "";
  const described = [invalid ? `${id}-error` : "", hint ? `${id}-hint` : ""]
    .filter((s) => s !== "")
    .join(" ");
  return (
    <div class={`field${invalid ? " invalid" : ""}`}>
      <label for={id}>
        <T vi={vi} en={en} />
      </label>
      {multiline ? (
        <textarea
          id={id}
          name={name}
          rows={2}
          aria-invalid={invalid ? "true" : undefined}
          aria-describedby={described || undefined}
        >
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          value={value}
          inputmode={inputmode}
          placeholder={placeholder}
          min={min}
          max={max}
          aria-invalid={invalid ? "true" : undefined}
          aria-describedby={described || undefined}
        />
      )}
      {hint && (
        <small class="hint" id={`${id}-hint`}>
          {hint}
        </small>
      )}
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
};

const FormErrors: FC<{ form: FormState | undefined }> = ({ form }) => {
  const general = form?.errors[""];
  const count = form ? Object.values(form.errors).reduce((s, list) => s + list.length, 0) : 0;
  if (!form || count === 0) return null;
  return (
    <Notice kind="error">
      <T
        vi={`Chưa lưu: có ${count} lỗi, xem thông báo ở từng ô.`}
        en={`Not saved: ${count} problem(s), see the message at each field.`}
      />
      {general && general.length > 0 && (
        <ul>
          {general.map((m) => (
            <li>
              <L text={m} />
            </li>
          ))}
        </ul>
      )}
    </Notice>
  );
};

export const UnitPage: FC<UnitPageProps> = ({
  user,
  data,
  formats,
  canRecord,
  canReport,
  recordForm,
  reportForm,
  saved,
}) => {
  const { plan, unit, progress, score, records, status } = data;
  const unitPath = `/units/${encodeURIComponent(unit.id)}`;
  const channel = (id: string) => {
    const i = plan.channels.findIndex((c) => c.id === id);
    return i === -1 ? id : `${String.fromCharCode(97 + i)}) ${plan.channels[i]?.text.slice(0, 60) ?? ""}…`;
  };
  const titleOf = new Map(data.allActivities.map((a) => [a.id, a.title] as const));
  const roles = plan.responsibilities.filter((r) => r.unitIds.includes(unit.id));
  const year = String(plan.year);
  const ownActivities = progress.activities;
  // A fresh form starts on today's date when today falls inside the plan year.
  const today = vietnamToday(data.now);
  const record: FormState | undefined =
    recordForm ?? (today.startsWith(`${year}-`) ? { values: { date: today }, errors: {} } : undefined);
  return (
    <Layout
      title={unit.name}
      user={user}
      nav={user.actor.role === "reporter" && user.actor.unitId === unit.id ? "unit" : "none"}
    >
      <div class="page-head">
        <h1>{unit.name}</h1>
        {roles.map((r) => (
          <p class="muted">{r.text}</p>
        ))}
      </div>
      {saved === "record" && (
        <Notice kind="ok">
          <T vi="Đã ghi kết quả thực hiện." en="The result was recorded." />
        </Notice>
      )}
      {saved === "report" && (
        <Notice kind="ok">
          <T vi="Đã nộp báo cáo định kỳ." en="The period report was submitted." />
        </Notice>
      )}

      <div class="two">
        <Section vi="Điểm của đơn vị" en="Unit score">
          {score ? (
            <>
              <p>
                <T
                  vi={`Hạng ${score.rank}/${data.rankedUnits} · dự báo cuối năm ${formatPercent(score.forecast.percent)}`}
                  en={`Rank ${score.rank} of ${data.rankedUnits} · year-end forecast ${formatPercent(score.forecast.percent)}`}
                />
              </p>
              <ScoreExplained score={score} testId="unit-score" />
            </>
          ) : (
            <p class="muted">
              <T
                vi="Đơn vị chưa được chấm điểm (không có nhiệm vụ trong kế hoạch)."
                en="Not scored (no task in the plan)."
              />
            </p>
          )}
        </Section>

        <Section vi="Báo cáo định kỳ" en="Periodic reports">
          {!data.expectedToReport && (
            <p class="muted">
              <T
                vi="Kế hoạch không yêu cầu đơn vị này gửi báo cáo định kỳ; báo cáo gửi tự nguyện vẫn được lưu."
                en="The plan does not ask this unit for periodic reports; a voluntary report is still kept."
              />
            </p>
          )}
          <table class="data" data-testid="unit-reports">
            <TableHead
              columns={[
                { vi: "Kỳ", en: "Period" },
                { vi: "Hạn nộp", en: "Due" },
                { vi: "Tình trạng", en: "Status" },
                { vi: "Tải về", en: "Download" },
              ]}
            />
            <tbody>
              {status.map((c) => (
                <tr data-period={c.period.id}>
                  <td>{c.period.label.vi}</td>
                  <td>{formatDate(c.period.dueDate)}</td>
                  <td>
                    {data.expectedToReport || c.submittedAt ? (
                      <StateBadge cell={c} />
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                  <td>
                    <Downloads
                      kind="period-report"
                      formats={formats.forKind("period-report")}
                      query={{ period: c.period.id, unit: unit.id }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      </div>

      <Section vi="Hoạt động theo kế hoạch" en="Planned activities">
        {ownActivities.length === 0 ? (
          <p class="muted">
            <T vi="Đơn vị chưa có hoạt động nào trong kế hoạch." en="The unit has no planned activity yet." />
          </p>
        ) : (
          <table class="data" data-testid="activities">
            <TableHead
              columns={[
                { vi: "Hoạt động", en: "Activity" },
                { vi: "Hình thức", en: "Channel" },
                { vi: "Thời gian", en: "Window" },
                { vi: "Chỉ tiêu", en: "Target", num: true },
                { vi: "Đã đạt", en: "Achieved", num: true },
                { vi: "Tiến độ", en: "Progress" },
                { vi: "Kinh phí đã chi / kế hoạch", en: "Spent / planned", num: true },
              ]}
            />
            <tbody>
              {ownActivities.map((p) => (
                <tr data-activity={p.activity.id}>
                  <td>{p.activity.title}</td>
                  <td class="small">{channel(p.activity.channelId)}</td>
                  <td class="small">
                    {p.activity.periodId ??
                      `${formatDate(p.activity.from ?? "")} – ${formatDate(p.activity.to ?? "")}`}
                  </td>
                  <td class="num">{`${formatNumber(p.activity.target.value)} ${unitLabel(p.activity.target.unit)}`}</td>
                  <td class="num" data-testid={`achieved-${p.activity.id}`}>
                    {formatNumber(p.achieved)}
                  </td>
                  <td>
                    <Bar ratio={p.ratio} />
                  </td>
                  <td class="num small">
                    {`${formatVnd(p.costVnd)} / ${formatVnd(p.activity.plannedCostVnd ?? 0)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      {(canRecord || canReport) && (
        <div class="two">
          {canRecord && (
            <Section id="record" vi="Ghi kết quả thực hiện" en="Record a result">
              <FormErrors form={record} />
              <form
                method="post"
                action={`${unitPath}/records`}
                class="form"
                novalidate
                data-testid="record-form"
              >
                <div class={`field${record?.errors.activityId ? " invalid" : ""}`}>
                  <label for="f-activityId">
                    <T vi="Hoạt động" en="Activity" />
                  </label>
                  <select
                    id="f-activityId"
                    name="activityId"
                    aria-invalid={record?.errors.activityId ? "true" : undefined}
                    aria-describedby={record?.errors.activityId ? "f-activityId-error" : undefined}
                  >
                    <option value="">— Chọn hoạt động / Choose an activity —</option>
                    {ownActivities.map((p) => (
                      <option value={p.activity.id} selected={record?.values.activityId === p.activity.id}>
                        {`${p.activity.title} (${formatNumber(p.achieved)}/${formatNumber(p.activity.target.value)} ${unitLabel(p.activity.target.unit)})`}
                      </option>
                    ))}
                  </select>
                  <FieldError id="f-activityId-error" messages={record?.errors.activityId} />
                </div>
                <Field
                  form={record}
                  name="date"
                  vi="Ngày thực hiện"
                  en="Date"
                  type="date"
                  min={`${year}-01-01`}
                  max={`${year}-12-31`}
                  hint={`Trong năm kế hoạch ${year} / within the plan year`}
                />
                <Field
                  form={record}
                  name="output"
                  vi="Kết quả (số lượng)"
                  en="Output (quantity)"
                  inputmode="decimal"
                  placeholder="2"
                />
                <Field
                  form={record}
                  name="participants"
                  vi="Số người tham dự"
                  en="Participants"
                  inputmode="numeric"
                  placeholder="120"
                />
                <Field
                  form={record}
                  name="costVnd"
                  vi="Kinh phí (đồng)"
                  en="Cost (VND)"
                  inputmode="numeric"
                  placeholder="1.500.000"
                />
                <Field
                  form={record}
                  name="evidenceUrl"
                  vi="Đường dẫn minh chứng"
                  en="Evidence link"
                  type="url"
                  placeholder="https://…"
                />
                <Field form={record} name="note" vi="Ghi chú" en="Note" multiline />
                <button type="submit">
                  <T vi="Ghi kết quả" en="Record" />
                </button>
              </form>
            </Section>
          )}
          {canReport && (
            <Section id="report" vi="Nộp báo cáo định kỳ" en="Submit a period report">
              <FormErrors form={reportForm} />
              <form
                method="post"
                action={`${unitPath}/reports`}
                class="form"
                novalidate
                data-testid="report-form"
              >
                <div class={`field${reportForm?.errors.periodId ? " invalid" : ""}`}>
                  <label for="f-periodId">
                    <T vi="Kỳ báo cáo" en="Reporting period" />
                  </label>
                  <select
                    id="f-periodId"
                    name="periodId"
                    aria-invalid={reportForm?.errors.periodId ? "true" : undefined}
                    aria-describedby={reportForm?.errors.periodId ? "f-periodId-error" : undefined}
                  >
                    <option value="">— Chọn kỳ / Choose a period —</option>
                    {status.map((c) => (
                      <option value={c.period.id} selected={reportForm?.values.periodId === c.period.id}>
                        {`${c.period.label.vi} — hạn ${formatDate(c.period.dueDate)}${c.submittedAt ? ` (đã nộp ${formatDateTime(c.submittedAt)})` : ""}`}
                      </option>
                    ))}
                  </select>
                  <FieldError id="f-periodId-error" messages={reportForm?.errors.periodId} />
                </div>
                <Field form={reportForm} name="summary" vi="Tóm tắt kết quả" en="Summary" multiline />
                <p class="muted small">
                  <T
                    vi="Thời điểm nộp được ghi theo giờ Việt Nam; nếu nộp lại, lần nộp đầu tiên được dùng để tính đúng hạn."
                    en="The submission time is recorded in Vietnam time; if resubmitted, the first submission decides timeliness."
                  />
                </p>
                <button type="submit">
                  <T vi="Nộp báo cáo" en="Submit report" />
                </button>
              </form>
            </Section>
          )}
        </div>
      )}

      <Section vi="Kết quả đã ghi nhận" en="Recorded results">
        {records.length === 0 ? (
          <p class="muted">
            <T vi="Chưa có kết quả nào." en="No result yet." />
          </p>
        ) : (
          <table class="data" data-testid="records">
            <TableHead
              columns={[
                { vi: "Ngày", en: "Date" },
                { vi: "Hoạt động", en: "Activity" },
                { vi: "Kết quả", en: "Output", num: true },
                { vi: "Người tham dự", en: "Participants", num: true },
                { vi: "Kinh phí", en: "Cost", num: true },
                { vi: "Minh chứng, ghi chú", en: "Evidence, note" },
              ]}
            />
            <tbody>
              {records.slice(0, 100).map((r) => (
                <tr data-record={r.id}>
                  <td>{formatDate(r.date)}</td>
                  <td>{titleOf.get(r.activityId) ?? r.activityId}</td>
                  <td class="num">{formatNumber(r.output)}</td>
                  <td class="num">{r.participants === undefined ? "—" : formatNumber(r.participants)}</td>
                  <td class="num">{r.costVnd === undefined ? "—" : formatVnd(r.costVnd)}</td>
                  <td class="small">
                    {r.evidenceUrl && (
                      <a href={r.evidenceUrl} rel="noopener noreferrer nofollow" target="_blank">
                        <T vi="minh chứng" en="evidence" />
                      </a>
                    )}{" "}
                    {r.note}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {records.length > 100 && (
          <p class="muted">
            <T
              vi={`Hiển thị 100 trên ${records.length} kết quả.`}
              en={`Showing 100 of ${records.length} results.`}
            />
          </p>
        )}
      </Section>
    </Layout>
  );
};
