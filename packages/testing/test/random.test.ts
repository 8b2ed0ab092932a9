import { describe, expect, it } from "vitest";
import { deriveSeed, hashString, Random } from "../src/index.js";

describe("Random", () => {
  it("gives the same sequence for the same seed, and these exact numbers on every machine", () => {
    const a = new Random(42);
    const b = new Random(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    // pinned: a change here changes every dataset (bump the generator version)
    expect(xs).toEqual(GOLDEN_42);
    expect(new Random(43).next()).not.toBe(xs[0]);
  });

  it("keeps draws within their bounds", () => {
    const r = new Random(1);
    for (let i = 0; i < 10_000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      const n = r.int(3, 7);
      expect(n >= 3 && n <= 7 && Number.isInteger(n)).toBe(true);
    }
    const seen = new Set(Array.from({ length: 1000 }, () => r.int(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("samples distinct elements and picks by weight", () => {
    const r = new Random(9);
    const s = r.sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(s).size).toBe(5);
    expect(r.sample([1, 2], 5).sort()).toEqual([1, 2]);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        r.weighted([
          ["a", 9],
          ["b", 1],
        ]) === "a"
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8_500);
    expect(heavy).toBeLessThan(9_500);
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

describe("deriveSeed", () => {
  it("separates streams and seeds, including negative and large seeds", () => {
    const seeds = new Set([
      deriveSeed(1, "records", 0),
      deriveSeed(1, "records", 1),
      deriveSeed(1, "reports", 0),
      deriveSeed(2, "records", 0),
      deriveSeed(-1, "records", 0),
      deriveSeed(2 ** 40, "records", 0),
      deriveSeed(2 ** 40 + 1, "records", 0),
    ]);
    expect(seeds.size).toBe(7);
    expect(deriveSeed(5, "x")).toBe(deriveSeed(5, "x"));
    expect(hashString("abc")).toBe(0x1a47e90b);
  });
});

const GOLDEN_42 = [3344407734, 751212943, 1195310758, 4192098004, 3251615741];
