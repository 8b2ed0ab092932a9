/**
 * The settings of the dashboard, read from environment variables, each checked with a clear
 * bilingual message so a typo stops the start instead of misbehaving later.
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

/** The dashboard's settings. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** `postgres://…`: use the PostgreSQL server; undefined: embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly agencyId: string;
  /** The stored plan the dashboard shows. */
  readonly planId: string;
  readonly sessionSecret: string;
  /** True when SESSION_SECRET was not set and a random one was made (sessions end on restart). */
  readonly sessionSecretGenerated: boolean;
  readonly secureCookies: boolean;
  /** Store the demo plan and data when missing (default on). */
  readonly seedDemo: boolean;
  /** A fixed "now" for demos (DASHBOARD_NOW); undefined: the real clock. */
  readonly fixedNow: Date | undefined;
  /** REPORTER_SCOPE: whether a reporter may read other units' pages (default own-unit). */
  readonly reporterScope: "own-unit" | "all-units";
  /** SESSION_MAX_AGE_SECONDS / SESSION_IDLE_SECONDS: how long sessions last (defaults 8 h and 30 min). */
  readonly sessions: { readonly maxAgeMs: number; readonly idleMs: number };
}

/** A setting that cannot be used, with the variable's name and the reason in both languages. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    readonly vi: string,
    readonly en: string,
  ) {
    super(`${variable}: ${vi} / ${en}`);
  }
}

/** The default data folder: `examples/web-dashboard/data`, wherever the command is run from. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL("../data", import.meta.url));

const flag = (name: string, raw: string | undefined, fallback: boolean): boolean => {
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(
    name,
    `cần 1/0, true/false (nhận "${raw}")`,
    `expected 1/0 or true/false (got "${raw}")`,
  );
};

/** Reads the settings from `env` (process.env by default). */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  const portText = env.PORT ?? "3000";
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65_535)
    throw new ConfigError(
      "PORT",
      `cổng phải là số 0–65535 (nhận "${portText}")`,
      `port must be 0–65535 (got "${portText}")`,
    );
  const databaseUrl = env.DATABASE_URL === "" ? undefined : env.DATABASE_URL;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError(
      "DATABASE_URL",
      "cần chuỗi kết nối dạng postgres://người_dùng@máy:cổng/cơ_sở_dữ_liệu",
      "expected a connection string like postgres://user@host:port/database",
    );
  const secret = env.SESSION_SECRET;
  if (secret !== undefined && secret !== "" && secret.length < 32)
    throw new ConfigError("SESSION_SECRET", "cần ít nhất 32 ký tự", "needs at least 32 characters");
  const agencyId = env.AGENCY_ID ?? "bo-tttt";
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u.test(agencyId))
    throw new ConfigError(
      "AGENCY_ID",
      "chỉ gồm chữ, số, '.', '_', ':', '-'",
      "letters, digits, '.', '_', ':' or '-' only",
    );
  const planId = env.PLAN_ID === undefined || env.PLAN_ID === "" ? "mic-2018" : env.PLAN_ID;
  if (!/^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u.test(planId))
    throw new ConfigError(
      "PLAN_ID",
      "chỉ gồm chữ, số, '.', '_', ':', '-'",
      "letters, digits, '.', '_', ':' or '-' only",
    );
  let fixedNow: Date | undefined;
  if (env.DASHBOARD_NOW !== undefined && env.DASHBOARD_NOW !== "") {
    const raw = env.DASHBOARD_NOW;
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T09:00:00+07:00` : raw;
    const ms = /(Z|[+-]\d{2}:\d{2})$/i.test(iso) ? Date.parse(iso) : Number.NaN;
    if (Number.isNaN(ms))
      throw new ConfigError(
        "DASHBOARD_NOW",
        `cần ngày YYYY-MM-DD hoặc thời điểm ISO có múi giờ (nhận "${raw}")`,
        `expected YYYY-MM-DD or an ISO instant with an offset (got "${raw}")`,
      );
    fixedNow = new Date(ms);
  }
  const scopeText =
    env.REPORTER_SCOPE === undefined || env.REPORTER_SCOPE === "" ? "own-unit" : env.REPORTER_SCOPE;
  if (scopeText !== "own-unit" && scopeText !== "all-units")
    throw new ConfigError(
      "REPORTER_SCOPE",
      `cần own-unit (chỉ đơn vị mình) hoặc all-units (mọi đơn vị) (nhận "${scopeText}")`,
      `expected own-unit (their own unit only) or all-units (got "${scopeText}")`,
    );
  const seconds = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback * 1000;
    if (!/^\d{1,7}$/.test(raw) || Number(raw) < 1)
      throw new ConfigError(
        name,
        `cần số giây 1–9999999 (nhận "${raw}")`,
        `expected 1–9999999 seconds (got "${raw}")`,
      );
    return Number(raw) * 1000;
  };
  const sessions = {
    maxAgeMs: seconds("SESSION_MAX_AGE_SECONDS", 8 * 60 * 60),
    idleMs: seconds("SESSION_IDLE_SECONDS", 30 * 60),
  };
  return {
    port: Number(portText),
    host: env.HOST === undefined || env.HOST === "" ? "127.0.0.1" : env.HOST,
    databaseUrl,
    dataDir: env.DATA_DIR === undefined || env.DATA_DIR === "" ? DEFAULT_DATA_DIR : env.DATA_DIR,
    agencyId,
    planId,
    sessionSecret: secret === undefined || secret === "" ? randomBytes(32).toString("hex") : secret,
    sessionSecretGenerated: secret === undefined || secret === "",
    secureCookies: flag("COOKIE_SECURE", env.COOKIE_SECURE, false),
    seedDemo: flag("SEED_DEMO", env.SEED_DEMO, true),
    fixedNow,
    reporterScope: scopeText,
    sessions,
  };
}
