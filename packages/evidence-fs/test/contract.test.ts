/**
 * The evidence contract on a folder, plus what only a folder can get wrong: no file outside it,
 * whatever the agency id, and no half-written file left behind.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EvidenceStore, sha256Hex } from "@cchc/core";
import { contractPdf, runEvidenceContract } from "@cchc/testing/contracts";
import * as Effect from "effect/Effect";
import { afterAll, expect, it } from "vitest";
import { FolderEvidenceStore } from "../src/index.js";

const parent = await mkdtemp(join(tmpdir(), "cchc-evidence-"));
const dir = join(parent, "store");
afterAll(() => rm(parent, { recursive: true, force: true }));

runEvidenceContract("folder", { layer: () => FolderEvidenceStore.layer({ dir }) });

/** Every path under a folder, relative to it. */
async function walk(base: string, rel = ""): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(base, rel), { withFileTypes: true })) {
    const p = rel === "" ? e.name : `${rel}/${e.name}`;
    out.push(p);
    if (e.isDirectory()) out.push(...(await walk(base, p)));
  }
  return out;
}

it("keeps every file inside its folder, named by hashes only, with no temporary file left", async () => {
  const own = join(parent, "own");
  const bytes = contractPdf(1_000, 4);
  await Effect.runPromise(
    Effect.gen(function* () {
      const store = yield* EvidenceStore;
      const fileId = yield* sha256Hex(bytes);
      for (const agency of ["../../escape", "/etc", "a\\..\\b", "Sở"])
        yield* store.put(agency, { fileId, name: "../../ten-xau.pdf", mediaType: "application/pdf", bytes });
    }).pipe(Effect.provide(FolderEvidenceStore.layer({ dir: own }))),
  );
  expect(await readdir(parent)).toEqual(expect.arrayContaining(["own", "store"]));
  expect((await readdir(parent)).sort()).toEqual(["own", "store"]);
  const files = await walk(own);
  for (const f of files) expect(f).toMatch(/^[0-9a-f]{64}(\/[0-9a-f]{2}(\/[0-9a-f]{64}\.(bin|json))?)?$/);
  expect(files.filter((f) => f.endsWith(".bin"))).toHaveLength(4);
});
