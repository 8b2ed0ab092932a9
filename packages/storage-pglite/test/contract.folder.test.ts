/**
 * The storage contract on PGlite in a data folder, the embedded default: every case, plus closing
 * the store and opening the same folder again. Tables are read directly through `PgliteDatabase`.
 */
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { agencyRowCounts } from "@cchc/storage-sql";
import { runStorageContract } from "@cchc/testing/contracts";
import { afterAll } from "vitest";
import { PgliteDatabase, PgliteStorage } from "../src/index.js";

// a folder that does not exist yet, inside a fresh temporary one: the layer creates it
const root = mkdtempSync(join(tmpdir(), "cchc-pglite-contract-"));
const dataDir = join(root, "dữ liệu");
afterAll(() => rm(root, { recursive: true, force: true }));

runStorageContract("pglite (data folder)", {
  layer: () => PgliteStorage.layer({ dataDir }),
  reopen: () => PgliteStorage.layer({ dataDir }),
  inspect: PgliteDatabase.useSync(({ driver }) => ({
    countRows: (agencyId: string) => agencyRowCounts(driver, agencyId),
  })),
});
