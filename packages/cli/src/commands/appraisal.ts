/**
 * `cchc appraisal self|appraise|answer|list|history`: the entries of a plan's current round. A
 * unit self-scores a manual leaf with a note, evidence files and links; the lead or a council
 * member appraises (in round 2: decides again); the unit answers (giải trình). Files are checked
 * from their bytes (PDF, DOCX, XLSX, JPEG, PNG; 20 MB each by default) and stored in the same
 * database. Each write is based on the entry's version (read just before, or `--expected-version`):
 * a save that raced with another is refused, never overwritten.
 */
import { basename, resolve } from "node:path";
import {
  type AppraisalEntry,
  answerEntry,
  appraiseEntry,
  DEFAULT_EVIDENCE_LIMITS,
  type EntryTarget,
  type EvidenceLimits,
  type EvidenceUpload,
  entryId,
  findRound,
  sanitizeFileName,
  selfAssessEntry,
  type Versioned,
} from "@cchc/core";
import {
  actorFrom,
  CYCLE_OPTIONS,
  refusalToCliError,
  required,
  runWithEvidence,
  schemeFrom,
  storedPlan,
  subcommandOf,
  versionOption,
} from "../appraisalCli.js";
import { parseCommandArgs } from "../args.js";
import { CliError, helpHint, quote } from "../errors.js";
import { type CliIo, EXIT } from "../io.js";
import { resolveAgency, resolveDb, withStore } from "../store.js";
import { storeJson } from "./migrate.js";

/** The subcommands, in the order the help lists them. */
export const APPRAISAL_SUBCOMMANDS = ["self", "appraise", "answer", "list", "history"] as const;

const OPTIONS = {
  ...CYCLE_OPTIONS,
  unit: { type: "string" },
  criterion: { type: "string" },
  points: { type: "string" },
  note: { type: "string" },
  comment: { type: "string" },
  text: { type: "string" },
  evidence: { type: "string", multiple: true },
  link: { type: "string", multiple: true },
  scheme: { type: "string" },
  "max-file-mb": { type: "string" },
} as const;

type Values = {
  readonly [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof OPTIONS)[K]["type"] extends "boolean"
      ? boolean
      : string;
};

/** `--unit <unit>`; `*` is the agency as a whole. */
const unitOf = (raw: string): string | null => (raw === "*" ? null : raw);

function pointsOf(raw: string, command: string): number {
  const text = raw.replace(",", ".");
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(text))
    throw new CliError({
      vi: `--points phải là số không âm, tối đa 2 chữ số thập phân (nhận được ${quote(raw)})`,
      en: `--points must be a non-negative number with at most 2 decimals (got ${quote(raw)}) ${helpHint(command)}`,
    });
  return Number(text);
}

function limitsOf(raw: string | undefined, command: string): EvidenceLimits {
  if (raw === undefined) return DEFAULT_EVIDENCE_LIMITS;
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(raw) || Number(raw) <= 0)
    throw new CliError({
      vi: `--max-file-mb phải là số dương (nhận được ${quote(raw)})`,
      en: `--max-file-mb must be a positive number (got ${quote(raw)}) ${helpHint(command)}`,
    });
  return { ...DEFAULT_EVIDENCE_LIMITS, maxBytes: Math.floor(Number(raw) * 1024 * 1024) };
}

/** Reads the evidence files (at most the limit + 1 byte of each), named by their safe base name. */
async function readUploads(
  io: CliIo,
  paths: readonly string[],
  limits: EvidenceLimits,
): Promise<EvidenceUpload[]> {
  const out: EvidenceUpload[] = [];
  for (const p of paths) {
    const full = resolve(io.cwd, p);
    let data: string | Buffer;
    try {
      data = await io.readFile(full, { maxBytes: limits.maxBytes });
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      throw new CliError({
        vi: `không đọc được tệp kiểm chứng ${quote(p)}${typeof code === "string" ? ` (${code})` : ""}`,
        en: `cannot read the evidence file ${quote(p)}${typeof code === "string" ? ` (${code})` : ""}`,
      });
    }
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : new Uint8Array(data);
    out.push({ name: sanitizeFileName(basename(full)), bytes });
  }
  return out;
}

const entryJson = (e: Versioned<AppraisalEntry>) => ({
  id: entryId(e.value.periodId, e.value.unitId, e.value.nodeId),
  ...e.value,
  version: e.version,
  savedAt: e.savedAt,
});

const num = (n: number | undefined) => (n === undefined ? "—" : String(n).replace(".", ","));

function entryLine(e: Versioned<AppraisalEntry>): string {
  const v = e.value;
  return `${v.unitId ?? "*"}  ${v.nodeId}  ${v.stage}  tự chấm/self ${num(v.self?.points)}  thẩm định/appraised ${num(v.appraisal?.points)}  vòng 2/round 2 ${num(v.decision?.points)}  (v${e.version})\n`;
}

/** Runs `cchc appraisal <subcommand>`. */
export async function appraisalCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { sub, command, rest } = subcommandOf("appraisal", APPRAISAL_SUBCOMMANDS, args);
  const parsed = parseCommandArgs(command, rest, OPTIONS, { min: 0, max: 0, what: { vi: "", en: "" } });
  const values = parsed.values as Values;
  const planId = required(values.plan, "--plan <mã/id>", command);
  const agency = resolveAgency(values.agency);
  const db = resolveDb(io, values.db);
  if (sub === "list" || sub === "history") return listOrHistory(io, sub, command, values, planId, agency, db);

  const actor = actorFrom(command, values);
  const unitId = unitOf(required(values.unit, "--unit <đơn vị/unit>", command));
  const nodeId = required(values.criterion, "--criterion <tiêu chí/leaf>", command);
  const expected = versionOption(values["expected-version"], command);
  const scheme = await schemeFrom(io, values.scheme, command);
  const limits = limitsOf(values["max-file-mb"], command);
  const points =
    sub === "answer" ? undefined : pointsOf(required(values.points, "--points <n>", command), command);
  const text = sub === "answer" ? required(values.text, "--text <giải trình/answer>", command) : undefined;
  const files = sub === "appraise" ? [] : await readUploads(io, values.evidence ?? [], limits);
  if (sub === "appraise" && (values.evidence !== undefined || values.link !== undefined))
    throw new CliError({
      vi: "appraisal appraise không nhận --evidence/--link (tệp kiểm chứng là của đơn vị)",
      en: `appraisal appraise takes no --evidence/--link (evidence is the unit's) ${helpHint(command)}`,
    });
  const saved = await withStore(db, async (s) => {
    const plan = await storedPlan(s, agency, planId, command);
    const target: EntryTarget = {
      agencyId: agency,
      plan,
      scheme,
      periodId: values.period,
      unitId,
      nodeId,
      ...(expected === undefined ? {} : { expectedVersion: expected }),
    };
    try {
      if (sub === "self")
        return await runWithEvidence(
          s,
          selfAssessEntry(
            target,
            { points: points as number, note: values.note, files, links: values.link ?? [] },
            actor,
            limits,
          ),
        );
      if (sub === "appraise")
        return await s.run(
          appraiseEntry(target, { points: points as number, comment: values.comment }, actor),
        );
      return await runWithEvidence(
        s,
        answerEntry(target, { text: text as string, files, links: values.link ?? [] }, actor, limits),
      );
    } catch (e) {
      throw refusalToCliError(e);
    }
  });
  if (values.json === true)
    io.stdout(
      `${JSON.stringify({ store: storeJson(db), agency, planId, entry: entryJson(saved) }, null, 2)}\n`,
    );
  else io.stdout(`Đã lưu / saved: ${entryLine(saved)}`);
  return EXIT.ok;
}

async function listOrHistory(
  io: CliIo,
  sub: "list" | "history",
  command: string,
  values: Values,
  planId: string,
  agency: string,
  db: ReturnType<typeof resolveDb>,
): Promise<number> {
  const unitId = values.unit === undefined ? undefined : unitOf(values.unit);
  return withStore(db, async (s) => {
    const round = await s.run(findRound(agency, planId, values.period)).catch((e: unknown) => {
      throw refusalToCliError(e);
    });
    const periodId = round.value.periodId;
    if (sub === "list") {
      const entries = await s.run(
        s.store.listEntries(agency, planId, {
          periodId,
          ...(unitId === undefined ? {} : { unitId }),
          ...(values.criterion === undefined ? {} : { nodeId: values.criterion }),
        }),
      );
      if (values.json === true)
        io.stdout(
          `${JSON.stringify(
            {
              store: storeJson(db),
              agency,
              planId,
              round: { ...round.value, version: round.version },
              entries: entries.map(entryJson),
            },
            null,
            2,
          )}\n`,
        );
      else {
        io.stdout(`Đợt / round ${periodId}: ${round.value.state} — ${entries.length} mục / entries\n`);
        for (const e of entries) io.stdout(entryLine(e));
      }
      return EXIT.ok;
    }
    const u = unitId === undefined ? required(values.unit, "--unit <đơn vị/unit>", command) : values.unit;
    const id = entryId(
      periodId,
      unitOf(u as string),
      required(values.criterion, "--criterion <tiêu chí/leaf>", command),
    );
    const events = await s.run(s.store.appraisalHistory(agency, planId, "entry", id));
    if (values.json === true)
      io.stdout(
        `${JSON.stringify({ store: storeJson(db), agency, planId, entry: id, history: events }, null, 2)}\n`,
      );
    else
      for (const e of events)
        io.stdout(
          `v${e.version}  ${e.at}  ${e.action}  ${e.by.role}:${e.by.userId}${e.by.unitId ? `@${e.by.unitId}` : ""}  ${e.changes.map((c) => c.field).join(", ")}${e.reason ? `  — ${e.reason}` : ""}\n`,
        );
    return EXIT.ok;
  });
}
