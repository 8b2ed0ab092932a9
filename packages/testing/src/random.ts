/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) for synthetic data.
 *
 * Only 32-bit integer operations (`Math.imul`, shifts) and IEEE-exact arithmetic (+, −, ×, ÷,
 * floor) are used: no `Math.random`, no `Math.log`/`Math.exp` (whose last bit may differ between
 * engines), no `Intl`. The same seed therefore gives the same sequence on every machine and runtime.
 */

const TWO_POW_32 = 4_294_967_296;

/** splitmix32's finaliser: spreads the bits of a 32-bit integer (murmur3-style avalanche). */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit tag for stream names. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Derives an independent 32-bit seed from a base seed and any number of parts (stream tags, unit
 * indices), so each unit's data can be regenerated on its own without replaying the others.
 */
export function deriveSeed(seed: number, ...parts: readonly (number | string)[]): number {
  // any safe integer seed, negative or above 2^32, keeps all its bits
  let h = mix32((seed >>> 0) ^ mix32(Math.floor(seed / TWO_POW_32) | 0));
  for (const p of parts) h = mix32(h ^ (typeof p === "string" ? hashString(p) : mix32(p | 0)));
  return h;
}

/** A deterministic stream of random numbers (sfc32). */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    const s = seed >>> 0;
    this.a = mix32(s);
    this.b = mix32(s ^ 0x6a09e667);
    this.c = mix32(s ^ 0xbb67ae85);
    this.d = 1;
    // discard the first outputs, as sfc32's authors recommend
    for (let i = 0; i < 12; i++) this.next();
  }

  /** The next 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / TWO_POW_32;
  }

  /** A float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    const item = list[Math.floor(this.float() * list.length)];
    if (item === undefined) throw new RangeError("Random.pick: empty list");
    return item;
  }

  /** One element, chosen with probability proportional to its weight (weights ≥ 0, not all 0). */
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of list) total += w;
    let r = this.float() * total;
    for (const [item, w] of list) {
      if (r < w) return item;
      r -= w;
    }
    const last = list[list.length - 1];
    if (last === undefined) throw new RangeError("Random.weighted: empty list");
    return last[0];
  }

  /** `count` distinct elements of `list` in random order (all of them when `count` ≥ length). */
  sample<T>(list: readonly T[], count: number): T[] {
    const copy = [...list];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (copy.length - i));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy.slice(0, n);
  }

  /** An approximately normal value (Irwin–Hall, sum of 4 uniforms), mean `mean`, sd ≈ `sd`. */
  normal(mean: number, sd: number): number {
    const s = this.float() + this.float() + this.float() + this.float() - 2;
    // variance of the sum of 4 uniforms is 4/12 = 1/3, so multiply by sqrt(3) ≈ 1.7320508
    return mean + sd * s * 1.7320508075688772;
  }
}
