// The hours a trial's difference array was written at, as a two-level bitmap: one bit per hour
// 0..8,760 and one summary bit per 32-hour word. The trial's prefix sum visits them in ascending
// order by scanning the summary's set bits and then each marked word's (count-trailing-zeros),
// each hour once: O(touched hours + 9 summary words), with no sort and no duplicates (issue 13:
// the list-and-radix-sort form cost 3.5–4× the C kernel's time; both now scan the bitmap).
// The scan clears what it reads, so the set is empty again for the next trial.

/** Hours 0..8,760 inclusive: the difference array's length. */
const SLOTS = 8761;
export const HOUR_WORDS = Math.ceil(SLOTS / 32);
export const SUMMARY_WORDS = Math.ceil(HOUR_WORDS / 32);

export class HourSet {
  /** Bit h & 31 of word h >> 5 is set when hour h is in the set. */
  readonly words = new Int32Array(HOUR_WORDS);
  /** Bit w & 31 of summary[w >> 5] is set when words[w] may be non-zero. */
  readonly summary = new Int32Array(SUMMARY_WORDS);

  add(hour: number): void {
    const w = hour >> 5;
    this.words[w] |= 1 << (hour & 31);
    this.summary[w >> 5] |= 1 << (w & 31);
  }

  /** add(a) then add(b), at one call site (the trial loop's inlining budget is tight). */
  add2(a: number, b: number): void {
    const words = this.words;
    const summary = this.summary;
    const wa = a >> 5;
    const wb = b >> 5;
    words[wa] |= 1 << (a & 31);
    summary[wa >> 5] |= 1 << (wa & 31);
    words[wb] |= 1 << (b & 31);
    summary[wb >> 5] |= 1 << (wb & 31);
  }

  /**
   * The hours in ascending order (clears the set): for tests and cold paths. The trial loop
   * (coverage/trials.ts scoreTrial) runs the same scan inline.
   */
  drain(): number[] {
    const out: number[] = [];
    for (let s = 0; s < SUMMARY_WORDS; s += 1) {
      let sw = this.summary[s];
      this.summary[s] = 0;
      while (sw !== 0) {
        const sl = sw & -sw;
        sw ^= sl;
        const w = (s << 5) | (31 - Math.clz32(sl));
        let word = this.words[w];
        this.words[w] = 0;
        while (word !== 0) {
          const low = word & -word;
          word ^= low;
          out.push((w << 5) | (31 - Math.clz32(low)));
        }
      }
    }
    return out;
  }
}
