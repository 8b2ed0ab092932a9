/** The plan as issued (the core's official document outline) and the reporting calendar. */
import type { OfficialDocument, Plan, ReportingPeriod } from "@cchc/core";
import type { FC } from "hono/jsx";
import type { FormatRegistry } from "../exportFormats.js";
import { formatDate } from "../format.js";
import type { SessionUser } from "../session.js";
import { Downloads, Layout, Section, T, TableHead } from "./ui.js";

export const PlanPage: FC<{
  user: SessionUser;
  plan: Plan;
  doc: OfficialDocument;
  formats: FormatRegistry;
}> = ({ user, plan, doc, formats }) => (
  <Layout title="Kế hoạch" user={user} nav="plan">
    <div class="page-head">
      <h1>
        <T vi="Kế hoạch" en="Plan" />
      </h1>
      <Downloads kind="plan" formats={formats.forKind("plan")} vi="Tải kế hoạch" en="Download the plan" />
    </div>
    <div class="tiles">
      <div class="tile">
        <span class="tile-label">
          <T vi="Đơn vị" en="Units" />
        </span>
        <span class="tile-value">{plan.units.length}</span>
      </div>
      <div class="tile">
        <span class="tile-label">
          <T vi="Nội dung tuyên truyền" en="Content areas" />
        </span>
        <span class="tile-value">{plan.contentAreas.length}</span>
      </div>
      <div class="tile">
        <span class="tile-label">
          <T vi="Hình thức tuyên truyền" en="Channels" />
        </span>
        <span class="tile-value">{plan.channels.length}</span>
      </div>
      <div class="tile">
        <span class="tile-label">
          <T vi="Năm kế hoạch" en="Plan year" />
        </span>
        <span class="tile-value">{plan.year}</span>
      </div>
    </div>
    {doc.warnings.length > 0 && (
      <div class="notice info">
        <T
          vi="Văn bản còn thiếu (để trống chỗ cần điền khi xuất):"
          en="The document still lacks (left blank in exports):"
        />
        <ul>
          {doc.warnings.map((w) => (
            <li>
              <T vi={w.message.vi} en={w.message.en} />
            </li>
          ))}
        </ul>
      </div>
    )}
    <article class="card document" data-testid="plan-document">
      <div class="doc-header">
        <div>
          {doc.parentBody && <div class="org light">{doc.parentBody}</div>}
          <div class="org">{doc.issuer}</div>
          <div>{doc.numberLine}</div>
        </div>
        <div>
          <div class="org">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>
          <div class="motto">Độc lập - Tự do - Hạnh phúc</div>
          <div class="date">{doc.placeDate}</div>
        </div>
      </div>
      <h2 class="doc-title">{doc.documentTitle}</h2>
      <p class="doc-summary">{doc.summary}</p>
      {doc.body.map((b) => {
        switch (b.type) {
          case "section":
            return <h3>{`${b.label} ${b.text}`}</h3>;
          case "subsection":
            return <h4>{`${b.label} ${b.text}`}</h4>;
          case "item":
            return <p>{`${b.label} ${b.text}`}</p>;
          case "dash":
            return <p>{`- ${b.text}`}</p>;
          case "paragraph":
            return <p>{b.text}</p>;
          default:
            return null;
        }
      })}
      {doc.recipients.length > 0 && (
        <div class="recipients">
          <strong>Nơi nhận:</strong>
          <ul>
            {doc.recipients.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </div>
      )}
    </article>
  </Layout>
);

export const CalendarPage: FC<{
  user: SessionUser;
  plan: Plan;
  periods: readonly ReportingPeriod[];
  now: Date;
  formats: FormatRegistry;
}> = ({ user, plan, periods, now, formats }) => {
  const nowMs = now.getTime();
  return (
    <Layout title="Lịch báo cáo" user={user} nav="calendar">
      <div class="page-head">
        <h1>
          <T vi={`Lịch báo cáo năm ${plan.year}`} en={`Reporting calendar ${plan.year}`} />
        </h1>
        <Downloads
          kind="calendar"
          formats={formats.forKind("calendar")}
          vi="Tải lịch"
          en="Download the calendar"
        />
      </div>
      <Section vi="Các kỳ báo cáo" en="Reporting periods">
        <p class="muted">
          <T
            vi="Thời gian chốt số liệu theo Nghị định số 09/2019/NĐ-CP; hạn nộp tính đến 23:59 ngày hạn, giờ Việt Nam."
            en="Data cut-off per Decree 09/2019/NĐ-CP; a report is on time until 23:59 of the due date, Vietnam time."
          />
        </p>
        {plan.reporting?.text && <p>{plan.reporting.text}</p>}
        <table class="data" data-testid="calendar">
          <TableHead
            columns={[
              { vi: "Kỳ báo cáo", en: "Period" },
              { vi: "Chốt số liệu từ", en: "Data from" },
              { vi: "Đến ngày", en: "To" },
              { vi: "Hạn nộp", en: "Due" },
              { vi: "Tình trạng", en: "State" },
            ]}
          />
          <tbody>
            {periods.map((p) => {
              const due = Date.parse(p.dueAt);
              const days = Math.ceil((due - nowMs) / 86_400_000);
              return (
                <tr data-period={p.id}>
                  <td>
                    <T vi={p.label.vi} en={p.label.en} />
                  </td>
                  <td>{formatDate(p.cutoffStart)}</td>
                  <td>{formatDate(p.cutoffEnd)}</td>
                  <td>
                    <strong>{formatDate(p.dueDate)}</strong>
                  </td>
                  <td>
                    {due <= nowMs ? (
                      <span class="badge past">
                        <T vi="Đã đến hạn" en="Past due date" />
                      </span>
                    ) : (
                      <span class="badge upcoming">
                        <T vi={`Còn ${days} ngày`} en={`${days} days left`} />
                      </span>
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
