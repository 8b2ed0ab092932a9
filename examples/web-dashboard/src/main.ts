/**
 * Starts the dashboard: reads the settings, opens the store (embedded PGlite in a data folder, or
 * the PostgreSQL server when DATABASE_URL is set), stores the demo plan on first start, and serves
 * the app with @hono/node-server until Ctrl+C.
 *
 *   pnpm dashboard                                    (http://127.0.0.1:3000)
 *   PORT=8080 pnpm dashboard
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm dashboard
 */
import { Authenticator } from "@cchc/auth";
import { PAR_COMMUNICATION_PRESET } from "@cchc/core";
import { PgliteStorage } from "@cchc/storage-pglite";
import { PostgresStorage, serverAddress } from "@cchc/storage-postgres";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { Dashboard } from "./dashboard.js";
import { seedDemoAccounts } from "./demoAccounts.js";
import { seedDemo } from "./demoData.js";
import { openStores, type Stores } from "./stores.js";

const fail = (message: string, code: number): never => {
  console.error(`cchc-dashboard: ${message}`);
  process.exit(code);
};

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message, 2);
    throw error;
  }
  const where = config.databaseUrl
    ? `PostgreSQL ${serverAddress(config.databaseUrl)}`
    : `PGlite ${config.dataDir}`;
  const storage = config.databaseUrl
    ? PostgresStorage.layer({ connectionString: config.databaseUrl })
    : PgliteStorage.layer({ dataDir: config.dataDir });
  let stores: Stores;
  try {
    stores = await openStores(storage);
  } catch (error) {
    return fail(`không mở được kho dữ liệu / cannot open the store (${where}): ${messageOf(error)}`, 1);
  }
  const { cchc } = stores;
  const now = config.fixedNow ? () => config.fixedNow as Date : () => new Date();
  // Sessions and lockouts run on the real clock even when the plan's "now" is simulated.
  const auth = new Authenticator({
    accounts: stores.accounts,
    agencyId: config.agencyId,
    sessions: config.sessions,
  });
  if (config.seedDemo) {
    const seeded = await seedDemo(cchc, config.agencyId);
    if (seeded.plan)
      console.log(
        `Đã nạp dữ liệu mẫu / demo data stored: ${seeded.activities} hoạt động / activities, ${seeded.records} kết quả / records, ${seeded.reports} báo cáo / reports`,
      );
    const plan = (await cchc.plans.get(config.agencyId, config.planId).catch(() => undefined))?.value;
    // On the first start, or over a store of an earlier version that has the plan but no account.
    const created = plan && (await auth.list()).length === 0 ? await seedDemoAccounts(auth, plan) : [];
    if (created.length > 0) {
      console.log(
        "Tài khoản mẫu (mật khẩu chỉ in lần này) / demo accounts (passwords printed this once only):",
      );
      for (const a of created)
        console.log(`  ${a.userName.padEnd(36)} ${a.password}  (${a.role}${a.unitId ? ` ${a.unitId}` : ""})`);
    }
  }
  const { planId } = config;
  if (!(await cchc.plans.list(config.agencyId)).some((p) => p.planId === planId)) {
    await stores.close();
    return fail(
      `kho không có kế hoạch "${planId}" của cơ quan "${config.agencyId}" / the store has no plan "${planId}" for agency "${config.agencyId}" (SEED_DEMO=1 nạp kế hoạch mẫu / stores the sample)`,
      2,
    );
  }
  const dashboard = new Dashboard({
    cchc,
    agencyId: config.agencyId,
    planId,
    scheme: PAR_COMMUNICATION_PRESET,
    now,
  });
  const app = createApp({
    dashboard,
    auth,
    reporterScope: config.reporterScope,
    sessionSecret: config.sessionSecret,
    secureCookies: config.secureCookies,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const host = config.host.includes(":") ? `[${config.host}]` : config.host;
    console.log(`Kho dữ liệu / store: ${where}`);
    if (config.sessionSecretGenerated)
      console.log(
        "SESSION_SECRET chưa đặt: phiên đăng nhập mất khi khởi động lại / not set: sessions end on restart",
      );
    if (config.fixedNow) console.log(`Giờ giả lập / simulated now: ${config.fixedNow.toISOString()}`);
    console.log(`Bảng điều khiển đang chạy tại / dashboard listening on http://${host}:${info.port}`);
  });
  server.on("error", (error) => {
    void stores
      .close()
      .finally(() =>
        fail(`không mở được cổng / cannot listen on ${config.host}:${config.port}: ${messageOf(error)}`, 1),
      );
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    void stores.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error) => fail(messageOf(error), 1));
