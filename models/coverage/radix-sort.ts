// Sorts a trial's event keys (touched hours, packed storage events): whole numbers < 2^32. LSD
// radix by bytes, skipping the high bytes no key uses (touched hours fit in 14 bits: two passes),
// insertion sort when short. A trial's few hundred keys sort in O(n) without the comparator
// calls of TypedArray.prototype.sort (which was most of the scoring's time on 18–36 units). The
// result is the same ascending list any correct sort gives.
const SHORT = 32;

export class KeySorter {
  private scratch = new Uint32Array(1024);
  private readonly counts = new Int32Array(257);

  /** Sorts values[0, n) ascending in place and returns that subarray. */
  sort(values: Uint32Array, n: number): Uint32Array {
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
      return values.subarray(0, n);
    }
    if (this.scratch.length < n) this.scratch = new Uint32Array(2 * n);
    let max = 0;
    for (let i = 0; i < n; i += 1) if (values[i] > max) max = values[i];
    let a: Uint32Array = values;
    let b: Uint32Array = this.scratch;
    const counts = this.counts;
    for (let shift = 0; shift < 32 && max >>> shift > 0; shift += 8) {
      counts.fill(0);
      for (let i = 0; i < n; i += 1) counts[((a[i] >>> shift) & 0xff) + 1] += 1;
      for (let i = 0; i < 256; i += 1) counts[i + 1] += counts[i];
      for (let i = 0; i < n; i += 1) {
        const k = (a[i] >>> shift) & 0xff;
        b[counts[k]] = a[i];
        counts[k] += 1;
      }
      const t = a;
      a = b;
      b = t;
    }
    if (a !== values) values.set(a.subarray(0, n));
    return values.subarray(0, n);
  }
}
