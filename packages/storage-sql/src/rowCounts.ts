/**
 * How many rows one agency holds in each table, read straight from the database: for operators
 * (what a tenant weighs) and for the storage contract suite, which checks what was really written.
 */
import type { SqlDriver } from "./driver.js";

/** Rows of one agency, per table. */
export interface AgencyRowCounts {
  readonly plans: number;
  readonly planVersions: number;
  readonly units: number;
  readonly activities: number;
  readonly records: number;
  readonly reports: number;
  readonly scoreSheets: number;
}

const COUNTS = `SELECT
  (SELECT count(*) FROM cchc_plans WHERE agency_id = $1) AS plans,
  (SELECT count(*) FROM cchc_plan_versions WHERE agency_id = $1) AS plan_versions,
  (SELECT count(*) FROM cchc_units WHERE agency_id = $1) AS units,
  (SELECT count(*) FROM cchc_activities WHERE agency_id = $1) AS activities,
  (SELECT count(*) FROM cchc_records WHERE agency_id = $1) AS records,
  (SELECT count(*) FROM cchc_reports WHERE agency_id = $1) AS reports,
  (SELECT count(*) FROM cchc_score_sheets WHERE agency_id = $1) AS score_sheets`;

/** Counts the rows of `agencyId` in every table of the schema (one statement, parameterised). */
export async function agencyRowCounts(driver: SqlDriver, agencyId: string): Promise<AgencyRowCounts> {
  const row = (await driver.query<Record<string, unknown>>(COUNTS, [agencyId])).rows[0] ?? {};
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    plans: n("plans"),
    planVersions: n("plan_versions"),
    units: n("units"),
    activities: n("activities"),
    records: n("records"),
    reports: n("reports"),
    scoreSheets: n("score_sheets"),
  };
}
