/**
 * `cchc outbox` argument errors: exit 2 and one line, before any store is opened. The store-backed
 * flow (dead → requeue → delivered) runs end to end in test/remind-bin.test.ts.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectOneLineError, type Workspace, workspace } from "./helpers.js";

let ws: Workspace;
beforeAll(async () => {
  ws = await workspace();
});
afterAll(() => ws.cleanup());

describe("cchc outbox errors: exit 2, one line, no store touched", () => {
  it.each([
    [[], "outbox needs a subcommand: list, requeue"],
    [["purge"], "unknown outbox subcommand"],
    [["list", "--status", "failed"], "--status must be one of pending, retrying, delivered, dead"],
    [["requeue"], "outbox requeue needs the keys of dead entries, or --all-dead"],
    [["requeue", "k", "--all-dead"], "give --all-dead or keys, not both"],
    [["list", "--force"], "unknown option"],
  ])("cchc outbox %j", async (args, message) => {
    const r = await ws.cchc("outbox", ...args);
    expect(expectOneLineError(r)).toContain(message);
    expect(existsSync(join(ws.dir, ".cchc-data"))).toBe(false);
  });

  it("--help documents the subcommands, JSON fields and exit codes", async () => {
    const r = await ws.cchc("outbox", "--help");
    expect(r.code).toBe(0);
    for (const text of ["--status", "--all-dead", "requeuedAt", "requeuedBy", '"lastError"', "Exit codes"])
      expect(r.stdout).toContain(text);
    expect((await ws.cchc("--help")).stdout).toContain("outbox list|requeue");
  });
});
