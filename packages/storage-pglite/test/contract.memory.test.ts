/**
 * The storage contract on PGlite in memory, checking what was written by reading the tables
 * directly through the layer's own `PgliteDatabase`.
 */
import { agencyRowCounts } from "@cchc/storage-sql";
import { runStorageContract } from "@cchc/testing/contracts";
import { PgliteDatabase, PgliteStorage } from "../src/index.js";

runStorageContract("pglite (memory)", {
  layer: () => PgliteStorage.layer(),
  inspect: PgliteDatabase.useSync(({ driver }) => ({
    countRows: (agencyId: string) => agencyRowCounts(driver, agencyId),
  })),
});
