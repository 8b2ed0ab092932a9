/**
 * Numbering ids seen in a score run, so sets of them are counted in a scratch array, not in sets.
 */

/**
 * Ids (of channels, content areas) numbered in the order first seen, with one reusable scratch
 * array to count how many distinct ones a set of activities plans and uses.
 */
export class IdTable {
  private readonly index = new Map<string, number>();
  private scratch = new Uint8Array(16);
  private readonly touched: number[] = [];
  private planned = 0;
  private used = 0;

  indexOf(id: string): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.index.size;
      this.index.set(id, i);
      if (i >= this.scratch.length) {
        const grown = new Uint8Array(this.scratch.length * 2);
        grown.set(this.scratch);
        this.scratch = grown;
      }
    }
    return i;
  }

  /** Starts a count (the previous one must be `done`). */
  marks(): this {
    this.planned = 0;
    this.used = 0;
    return this;
  }

  /** An id planned by an activity, and used when the activity has records. */
  mark(i: number, used: boolean): void {
    const seen = this.scratch[i] ?? 0;
    if (seen === 0) {
      this.touched.push(i);
      this.planned++;
    }
    if (used && (seen & 2) === 0) {
      this.used++;
      this.scratch[i] = 3;
    } else if (seen === 0) this.scratch[i] = 1;
  }

  /** The distinct ids planned and used since `marks()`, and the scratch array cleared. */
  done(): { planned: number; used: number } {
    for (const i of this.touched) this.scratch[i] = 0;
    this.touched.length = 0;
    return { planned: this.planned, used: this.used };
  }
}
