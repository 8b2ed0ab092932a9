/**
 * The bounded, seeded fuzz run of the test suite: a few thousand hostile inputs through every
 * public entry point of the core that takes untrusted input; none may throw or answer with a
 * malformed finding. (`pnpm bench --only fuzz` runs a hundred thousand.)
 */
import { describe, expect, it } from "vitest";
import { FUZZ_ENTRY_POINTS, fuzzEntryPoints } from "../src/index.js";

describe("fuzzEntryPoints", () => {
  it("2,000 hostile inputs (seed 13): none throws, every finding is well-formed", async () => {
    const report = await fuzzEntryPoints({ seed: 13, inputs: 2_000 });
    expect(report.failures).toEqual([]);
    expect(report).toMatchObject({ seed: 13, tried: 2_000, threw: 0, malformed: 0 });
    for (const e of FUZZ_ENTRY_POINTS) expect(report.byEntryPoint[e]).toBeGreaterThanOrEqual(200);
  });

  it("is deterministic: the same seed tries the same inputs", async () => {
    const a = await fuzzEntryPoints({ seed: 7, inputs: 200 });
    const b = await fuzzEntryPoints({ seed: 7, inputs: 200 });
    expect(b).toEqual(a);
  });
});
