// Sorts a trial's event keys (packed storage events; touched hours use a bitmap, hour-set.ts):
// whole numbers < 2^32. LSD radix in as few passes of up to 8 bits as the largest key needs,
// insertion sort when short. A trial's few hundred keys sort in O(n) without the comparator
// calls of TypedArray.prototype.sort. The result is the same ascending list any correct sort
// gives.
const SHORT = 48;

export class KeySorter {
  private scratch = new Uint32Array(1024);
  private readonly counts = new Int32Array(257);

  /** Sorts values[0, n) ascending in place and returns that subarray. */
  sort(values: Uint32Array, n: number): Uint32Array {
    this.sortPrefix(values, n);
    return values.subarray(0, n);
  }

  /** Sorts values[0, n) ascending in place (no subarray: the trial loop's form). */
  sortPrefix(values: Uint32Array, n: number): void {
    if (n <= SHORT) {
      for (let i = 1; i < n; i += 1) {
        const x = values[i];
        let j = i - 1;
        while (j >= 0 && values[j] > x) {
          values[j + 1] = values[j];
          j -= 1;
        }
        values[j + 1] = x;
      }
      return;
    }
    if (this.scratch.length < n) this.scratch = new Uint32Array(2 * n);
    let max = 0;
    for (let i = 0; i < n; i += 1) if (values[i] > max) max = values[i];
    // As few passes of up to 8 bits as the largest key needs, the bits split evenly between
    // them (touched hours, < 2^14: two passes of 7 bits).
    let bits = 1;
    while (bits < 32 && max >>> bits > 0) bits += 1;
    const passes = Math.ceil(bits / 8);
    const width = Math.ceil(bits / passes);
    const mask = (1 << width) - 1;
    let a: Uint32Array = values;
    let b: Uint32Array = this.scratch;
    const counts = this.counts;
    for (let pass = 0, shift = 0; pass < passes; pass += 1, shift += width) {
      counts.fill(0, 0, mask + 2);
      for (let i = 0; i < n; i += 1) counts[((a[i] >>> shift) & mask) + 1] += 1;
      for (let i = 0; i <= mask; i += 1) counts[i + 1] += counts[i];
      for (let i = 0; i < n; i += 1) {
        const k = (a[i] >>> shift) & mask;
        b[counts[k]] = a[i];
        counts[k] += 1;
      }
      const t = a;
      a = b;
      b = t;
    }
    if (a !== values) for (let i = 0; i < n; i += 1) values[i] = a[i];
  }
}
