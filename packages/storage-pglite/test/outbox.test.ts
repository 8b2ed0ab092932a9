/** The outbox contract on PGlite, in memory and in a data folder reopened after closing. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runOutboxContract } from "@cchc/testing/contracts";
import { afterAll } from "vitest";
import { PgliteStorage } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "cchc-outbox-pglite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runOutboxContract("PGlite (data folder)", {
  layer: () => PgliteStorage.layer({ dataDir: dir }),
  reopen: () => PgliteStorage.layer({ dataDir: dir }),
  claimers: 4,
  entries: 120,
});
