/** The accounts contract on PGlite, in a data folder reopened after closing. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAccountsContract } from "@cchc/testing/contracts";
import { afterAll } from "vitest";
import { PgliteStorage } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "cchc-accounts-pglite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runAccountsContract("PGlite (data folder)", {
  layer: () => PgliteStorage.layer({ dataDir: dir }),
  reopen: () => PgliteStorage.layer({ dataDir: dir }),
});
