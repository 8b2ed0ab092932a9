/**
 * `cchc round open|advance|close|reopen|list`: the lead runs a plan's self-assessment round —
 * opens it for a period with a deadline, moves it on (appraisal, answers with their deadline,
 * round 2), closes it (scores final) and reopens a closed one only with a reason. Every step is
 * recorded with who took it (`--as`, `--role`).
 */
import {
  type AppraisalRound,
  changeAppraisalRound,
  openAppraisalRound,
  type RoundChange,
  roundStateText,
  type Versioned,
} from "@cchc/core";
import {
  actorFrom,
  CYCLE_OPTIONS,
  refusalToCliError,
  required,
  storedPlan,
  subcommandOf,
  versionOption,
} from "../appraisalCli.js";
import { parseCommandArgs } from "../args.js";
import { type CliIo, EXIT } from "../io.js";
import { resolveAgency, resolveDb, withStore } from "../store.js";
import { storeJson } from "./migrate.js";

/** The subcommands, in the order the help lists them. */
export const ROUND_SUBCOMMANDS = ["open", "advance", "close", "reopen", "list"] as const;

const OPTIONS = {
  ...CYCLE_OPTIONS,
  deadline: { type: "string" },
  "answer-deadline": { type: "string" },
  reason: { type: "string" },
} as const;

const roundJson = (r: Versioned<AppraisalRound>) => ({ ...r.value, version: r.version, savedAt: r.savedAt });

function roundLine(r: Versioned<AppraisalRound>): string {
  const s = roundStateText(r.value.state);
  const answer =
    r.value.answerDeadline === undefined ? "" : `, hạn giải trình / answers by ${r.value.answerDeadline}`;
  return `${r.value.periodId}: ${s.vi} / ${s.en} (hạn tự chấm / self-assessment by ${r.value.deadline}${answer}; phiên bản / version ${r.version})\n`;
}

/** Runs `cchc round <subcommand>`. */
export async function roundCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { sub, command, rest } = subcommandOf("round", ROUND_SUBCOMMANDS, args);
  const { values } = parseCommandArgs(command, rest, OPTIONS, { min: 0, max: 0, what: { vi: "", en: "" } });
  const planId = required(values.plan, "--plan <mã/id>", command);
  const agency = resolveAgency(values.agency);
  const target = resolveDb(io, values.db);
  const actor = actorFrom(command, values);
  const expected = versionOption(values["expected-version"], command);
  if (sub === "list") {
    const rounds = await withStore(target, (s) => s.run(s.store.listRounds(agency, planId)));
    if (values.json === true)
      io.stdout(
        `${JSON.stringify({ store: storeJson(target), agency, planId, rounds: rounds.map(roundJson) }, null, 2)}\n`,
      );
    else if (rounds.length === 0)
      io.stdout(`Kế hoạch ${planId} chưa có đợt tự chấm / plan ${planId} has no appraisal round\n`);
    else for (const r of rounds) io.stdout(roundLine(r));
    return EXIT.ok;
  }
  const saved = await withStore(target, async (s) => {
    try {
      if (sub === "open") {
        const period = required(values.period, "--period <kỳ/period>", command);
        const deadline = required(values.deadline, "--deadline <YYYY-MM-DD>", command);
        const plan = await storedPlan(s, agency, planId, command);
        return await s.run(openAppraisalRound(agency, plan, { periodId: period, deadline }, actor));
      }
      const change: RoundChange =
        sub === "advance"
          ? { kind: "advance", answerDeadline: values["answer-deadline"] }
          : sub === "close"
            ? { kind: "close" }
            : { kind: "reopen", reason: required(values.reason, "--reason <lý do/reason>", command) };
      await storedPlan(s, agency, planId, command);
      return await s.run(changeAppraisalRound(agency, planId, values.period, change, actor, expected));
    } catch (e) {
      throw refusalToCliError(e);
    }
  });
  if (values.json === true)
    io.stdout(
      `${JSON.stringify({ store: storeJson(target), agency, planId, round: roundJson(saved) }, null, 2)}\n`,
    );
  else io.stdout(roundLine(saved));
  return EXIT.ok;
}
