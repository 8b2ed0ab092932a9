/**
 * A score run's activities and what their records add up to, in typed arrays indexed by the order
 * activities were added (the activity's number). A million records then update plain numbers in
 * place, and tens of thousands of activities cost a few arrays rather than an object each. As
 * object fields the tallies would not stay put either: a count that starts as a small integer and
 * turns fractional, or outgrows 2³¹ (money in VND soon does), makes V8 change the field's
 * representation, which throws the record loop's optimised code away mid-run.
 */
export class ActivityTallies {
  /** Activities added. */
  size = 0;
  /** Target quantity and planned cost (VND), copied from the activity. */
  target = new Float64Array(INITIAL);
  plannedCost = new Float64Array(INITIAL);
  /** The activity's unit, channel and content areas, as numbers the scorer gave them. */
  unit = new Int32Array(INITIAL);
  channel = new Int32Array(INITIAL);
  /** Its content areas are `contents[contentStart[i]]` up to `contents[contentStart[i + 1]]`. */
  contentStart = new Int32Array(INITIAL + 1);
  contents = new Int32Array(INITIAL * 2);
  /** Output achieved (articles, classes, participants…). */
  achieved = new Float64Array(INITIAL);
  /** Records counted. */
  records = new Uint32Array(INITIAL);
  /** Money spent, VND. */
  cost = new Float64Array(INITIAL);
  /** 1 while the activity's unit still wants sample record ids. */
  private sampling = new Uint8Array(INITIAL);

  /** A new activity with nothing recorded yet; its number. Its content areas follow (`addContent`). */
  add(unit: number, target: number, plannedCost: number, channel: number, sampling: boolean): number {
    if (this.size === this.target.length) this.grow();
    const i = this.size++;
    this.unit[i] = unit;
    this.target[i] = target;
    this.plannedCost[i] = plannedCost;
    this.channel[i] = channel;
    this.sampling[i] = sampling ? 1 : 0;
    this.contentStart[i + 1] = this.contentStart[i] as number;
    return i;
  }

  /** One more content area of the activity added last. */
  addContent(content: number): void {
    const end = this.contentStart[this.size] as number;
    if (end === this.contents.length) this.contents = grown(this.contents, new Int32Array(end * 2));
    this.contents[end] = content;
    this.contentStart[this.size] = end + 1;
  }

  /** Counts one record of activity `i`; true while its unit still wants sample record ids. */
  count(i: number, output: number, costVnd: number): boolean {
    this.achieved[i] = (this.achieved[i] as number) + output;
    this.records[i] = (this.records[i] as number) + 1;
    this.cost[i] = (this.cost[i] as number) + costVnd;
    return this.sampling[i] === 1;
  }

  /** Stops sampling for activity `i` (its unit has enough sample record ids). */
  stopSampling(i: number): void {
    this.sampling[i] = 0;
  }

  private grow(): void {
    const n = this.target.length * 2;
    this.target = grown(this.target, new Float64Array(n));
    this.plannedCost = grown(this.plannedCost, new Float64Array(n));
    this.unit = grown(this.unit, new Int32Array(n));
    this.channel = grown(this.channel, new Int32Array(n));
    this.contentStart = grown(this.contentStart, new Int32Array(n + 1));
    this.achieved = grown(this.achieved, new Float64Array(n));
    this.records = grown(this.records, new Uint32Array(n));
    this.cost = grown(this.cost, new Float64Array(n));
    this.sampling = grown(this.sampling, new Uint8Array(n));
  }
}

const INITIAL = 1024;

/** `to` with `from` copied to its start. */
function grown<T extends Float64Array | Int32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
