/**
 * `cchc score --plan <id> [--db …] [--agency …] [--save]`: scores a stored plan from the tracking
 * data in the store (records streamed in id order, so a national table is scored in flat memory),
 * with the same output as scoring from files. `--save` keeps the sheet in the store.
 */
import { formatDateTimeEn, formatDateTimeVi, type ScoreOptions, scoreStoredPlan } from "@cchc/core";
import { CliError, helpHint, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";
import { resolveAgency, resolveDb, withStore } from "../store.js";
import { scoreJson, scoreText } from "./score.js";

/** Scores `planId` from the store and prints it as `cchc score` does. */
export async function scoreStored(
  io: CliIo,
  planId: string,
  how: {
    readonly db: string | undefined;
    readonly agency: string | undefined;
    readonly save: boolean;
    readonly json: boolean;
    readonly options: ScoreOptions;
  },
): Promise<number> {
  const agency = resolveAgency(how.agency);
  const target = resolveDb(io, how.db);
  const { sheet, saved } = await withStore(target, async (s) => {
    const sheet = await s.run(scoreStoredPlan(agency, planId, how.options)).catch((e: unknown) => {
      if (typeof e === "object" && e !== null && (e as { _tag?: unknown })._tag === "NotFound")
        throw new CliError({
          vi: `kế hoạch ${quote(planId)} của cơ quan ${quote(agency)} chưa có trong kho`,
          en: `plan ${quote(planId)} of agency ${quote(agency)} is not in the store (cchc plans list) ${helpHint("score")}`,
        });
      throw e;
    });
    const saved = how.save ? await s.run(s.store.saveScoreSheet(agency, planId, sheet)) : undefined;
    return { sheet, saved };
  });
  const none = { count: 0, byCode: {}, findings: [] };
  if (how.json) {
    io.stdout(
      scoreJson(sheet, none, saved === undefined ? {} : { saved: { id: saved.id, savedAt: saved.savedAt } }),
    );
    return EXIT.ok;
  }
  io.stdout(scoreText(sheet, none));
  if (saved !== undefined)
    io.stdout(
      `Đã lưu bảng điểm vào kho (số ${saved.id}, ${formatDateTimeVi(saved.savedAt)}) / Score sheet saved in the store (#${saved.id}, ${formatDateTimeEn(saved.savedAt)})\n`,
    );
  return EXIT.ok;
}
