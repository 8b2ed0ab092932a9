/**
 * The lead's overview: the plan at a glance, the agency's score with its explanation, the units
 * ranked with their progress, and who reported what for every period.
 */
import type { FC } from "hono/jsx";
import type { Overview } from "../dashboard.js";
import type { FormatRegistry } from "../exportFormats.js";
import {
  formatDate,
  formatDateTimeEn,
  formatDateTimeVi,
  formatNumber,
  formatPercent,
  lowerFirst,
} from "../format.js";
import type { SessionUser } from "../session.js";
import { ScoreExplained } from "./score.js";
import { Bar, Downloads, Layout, Section, StateBadge, T, TableHead } from "./ui.js";

export const OverviewPage: FC<{ user: SessionUser; data: Overview; formats: FormatRegistry }> = ({
  user,
  data,
  formats,
}) => {
  const { plan, score, status, progress, periods, now } = data;
  const agency = score.agency;
  const next = periods
    .filter((p) => Date.parse(p.dueAt) > now.getTime())
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))[0];
  const allActivities = data.activities.length;
  const done = [...progress.values()].reduce((s, p) => s + p.done, 0);
  const unitStatus = new Map(status.units.map((u) => [u.unitId, u] as const));
  return (
    <Layout title="Tổng quan" user={user} nav="overview">
      <div class="page-head">
        <h1>
          <T vi="Tổng quan" en="Overview" />
        </h1>
        <p class="lead-text">
          {plan.issuer.name} — <T vi="Kế hoạch" en="Plan" />: <a href="/plan">{plan.title}</a>
        </p>
        <p class="muted">
          <T
            vi={`Số liệu tính đến ${formatDateTimeVi(score.asOf)} (giờ Việt Nam); thang điểm ${score.scheme.id} (${score.scheme.version}).`}
            en={`Figures as of ${formatDateTimeEn(score.asOf)}; scheme ${score.scheme.id} (${score.scheme.version}).`}
          />
        </p>
      </div>

      <div class="tiles">
        <div class="tile">
          <span class="tile-label">
            <T vi="Điểm của cơ quan" en="Agency score" />
          </span>
          <span class="tile-value" data-testid="agency-points" data-points={String(agency.points)}>
            {formatNumber(agency.points)}
            <small>/{formatNumber(agency.maxPoints)}</small>
          </span>
          <span class="tile-note">
            {formatPercent(agency.percent)} · <T vi="dự báo cuối năm" en="year-end forecast" />{" "}
            {formatPercent(agency.forecast.percent)}
          </span>
        </div>
        <div class="tile">
          <span class="tile-label">
            <T vi="Hoạt động đạt chỉ tiêu" en="Activities on target" />
          </span>
          <span class="tile-value">
            {done}
            <small>/{allActivities}</small>
          </span>
          <span class="tile-note">
            <T
              vi={`${formatNumber(score.counts.records)} lượt kết quả`}
              en={`${score.counts.records} results`}
            />
          </span>
        </div>
        <div class="tile">
          <span class="tile-label">
            <T vi="Báo cáo định kỳ" en="Periodic reports" />
          </span>
          <span class="tile-value tile-states">
            <span class="badge on-time">{status.counts["on-time"]}</span>
            <span class="badge late">{status.counts.late}</span>
            <span class="badge missing">{status.counts.missing}</span>
          </span>
          <span class="tile-note">
            <T vi="đúng hạn · muộn · chưa nộp" en="on time · late · missing" />
          </span>
        </div>
        <div class="tile">
          <span class="tile-label">
            <T vi="Hạn báo cáo tiếp theo" en="Next deadline" />
          </span>
          {next ? (
            <>
              <span class="tile-value small">{formatDate(next.dueDate)}</span>
              <span class="tile-note">
                <T vi={next.label.vi} en={next.label.en} />
              </span>
            </>
          ) : (
            <span class="tile-note">
              <T
                vi={`Mọi kỳ báo cáo năm ${plan.year} đã đến hạn.`}
                en={`Every ${plan.year} reporting period is past its deadline.`}
              />
            </span>
          )}
        </div>
      </div>

      <Section
        id="ranking"
        vi="Xếp hạng và tiến độ các đơn vị"
        en="Units ranked, with progress"
        aside={
          <Downloads
            kind="score-sheet"
            formats={formats.forKind("score-sheet")}
            vi="Bảng điểm"
            en="Score sheet"
          />
        }
      >
        <table class="data" data-testid="ranking">
          <TableHead
            columns={[
              { vi: "Hạng", en: "Rank" },
              { vi: "Đơn vị", en: "Unit" },
              { vi: "Điểm", en: "Points", num: true },
              { vi: "Tỷ lệ", en: "Percent", num: true },
              { vi: "Hoàn thành kế hoạch", en: "Plan completion" },
              { vi: "Hoạt động đạt", en: "Activities done", num: true },
              { vi: "Báo cáo", en: "Reports" },
            ]}
          />
          <tbody>
            {score.units.map((u) => {
              const p = progress.get(u.unitId);
              const s = unitStatus.get(u.unitId);
              return (
                <tr data-unit={u.unitId}>
                  <td class="num">{u.rank}</td>
                  <td>
                    <a href={`/units/${encodeURIComponent(u.unitId)}`}>{u.name}</a>
                  </td>
                  <td class="num" data-testid={`points-${u.unitId}`}>
                    {`${formatNumber(u.points)}/${formatNumber(u.maxPoints)}`}
                  </td>
                  <td class="num">{formatPercent(u.percent)}</td>
                  <td>
                    <Bar ratio={p?.completion} />
                  </td>
                  <td class="num">{p ? `${p.done}/${p.planned}` : "—"}</td>
                  <td>
                    {s ? (
                      <span class="states">
                        <span class="badge on-time" title="Đúng hạn / On time">
                          {s.counts["on-time"]}
                        </span>
                        <span class="badge late" title="Muộn / Late">
                          {s.counts.late}
                        </span>
                        <span class="badge missing" title="Chưa nộp / Missing">
                          {s.counts.missing}
                        </span>
                      </span>
                    ) : (
                      <span class="muted">
                        <T vi="không phải báo cáo" en="no reports due" />
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p class="muted">
          <T
            vi="Đơn vị bằng điểm (tỷ lệ) thì cùng hạng, xếp theo tên tiếng Việt."
            en="Units with equal percentages share a rank and are listed in Vietnamese name order."
          />
        </p>
      </Section>

      <Section
        id="reporting"
        vi="Tình hình báo cáo theo kỳ"
        en="Reporting status by period"
        aside={
          <a href="/calendar">
            <T vi="Lịch báo cáo" en="Calendar" />
          </a>
        }
      >
        <div class="scroll">
          <table class="data status" data-testid="reporting-status">
            <thead>
              <tr>
                <th>
                  <T vi="Đơn vị" en="Unit" />
                </th>
                {status.periods.map((p) => (
                  <th>
                    {p.label.vi}
                    <small>
                      <T vi={`hạn ${formatDate(p.dueDate)}`} en={`due ${formatDate(p.dueDate)}`} />
                    </small>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {status.units.map((u) => (
                <tr data-unit={u.unitId}>
                  <td>
                    <a href={`/units/${encodeURIComponent(u.unitId)}`}>{u.unitName}</a>
                  </td>
                  {u.cells.map((c) => (
                    <td data-period={c.period.id}>
                      <StateBadge cell={c} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="period-downloads">
          {status.periods.map((p) => (
            <Downloads
              kind="period-report"
              formats={formats.forKind("period-report")}
              query={{ period: p.id }}
              vi={`Báo cáo chung ${lowerFirst(p.label.vi)}`}
              en={`Agency report ${p.label.en}`}
            />
          ))}
        </div>
      </Section>

      <Section id="score" vi="Điểm của cơ quan và giải thích" en="Agency score explained">
        <ScoreExplained score={agency} testId="agency-score" />
      </Section>
    </Layout>
  );
};
