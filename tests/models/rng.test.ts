import { describe, expect, it } from 'vitest';
import { ModelError } from '../../models/errors.ts';
import {
  deriveSeed,
  foldWords,
  mix64,
  mix64Words,
  splitmix64,
  splitmixWords,
  streamFor,
  Xoshiro128StarStar,
} from '../../models/rng.ts';

const draws = (rng: { nextUint32(): number }, n: number) =>
  Array.from({ length: n }, () => rng.nextUint32());

describe('splitmix64', () => {
  it('matches the reference outputs for state 0', () => {
    // Vigna's splitmix64.c from x = 0 (also checked against a Python port of the C code).
    let state = 0n;
    const values: bigint[] = [];
    for (let i = 0; i < 3; i += 1) {
      const step = splitmix64(state);
      values.push(step.value);
      state = step.state;
    }
    expect(values).toEqual([0xe220a8397b1dcdafn, 0x6e789e6aa1b965f4n, 0x06c45d188009454fn]);
  });
});

describe('xoshiro128**', () => {
  it('matches the reference sequence from state (1, 2, 3, 4)', () => {
    // By hand: result = rotl(s1 × 5, 7) × 9 = rotl(10, 7) × 9 = 1280 × 9 = 11,520. The update
    // then makes s1 = 2 ^ (3 ^ 1) = 0, so the second result is 0. The rest are from a Python
    // port of xoshiro128starstar.c.
    const rng = new Xoshiro128StarStar(1, 2, 3, 4);
    expect(draws(rng, 6)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it('never starts from the all-zero fixed point', () => {
    expect(new Set(draws(new Xoshiro128StarStar(0, 0, 0, 0), 4)).size).toBeGreaterThan(1);
  });
});

describe('streamFor', () => {
  it('gives the same stream for the same seed and keys', () => {
    expect(draws(streamFor(7, 1, 2, 3), 20)).toEqual(draws(streamFor(7, 1, 2, 3), 20));
  });

  it('gives different streams for different seeds, keys, key order or key count', () => {
    const streams = [
      streamFor(7, 1, 2, 3),
      streamFor(8, 1, 2, 3),
      streamFor(7, 1, 2, 4),
      streamFor(7, 2, 1, 3),
      streamFor(7, 1, 2),
      streamFor(7, 1, 2, 3, 0),
    ].map((rng) => draws(rng, 4).join(','));
    expect(new Set(streams).size).toBe(streams.length);
    expect(deriveSeed(1, 2)).not.toBe(deriveSeed(2, 1));
  });

  it('accepts negative seeds and rejects fractional ones', () => {
    expect(draws(streamFor(-1), 2)).not.toEqual(draws(streamFor(1), 2));
    expect(() => streamFor(1.5)).toThrow(ModelError);
    expect(() => streamFor(1, Number.NaN)).toThrow(/key\[0\]/);
  });
});

describe('draws', () => {
  const n = 100_000;

  it('spreads uniform draws evenly over [0, 1)', () => {
    const rng = streamFor(42);
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i += 1) {
      const u = rng.uniform();
      if (!(u >= 0 && u < 1)) outside += 1;
      else bins[Math.floor(u * 10)] += 1;
      sum += u;
    }
    expect(outside).toBe(0);
    // Mean 0.5 with standard error √(1/12 / n) ≈ 0.0009: 0.005 is > 5 standard errors.
    expect(sum / n).toBeCloseTo(0.5, 2);
    // χ² with 9 degrees of freedom: 27.9 is the 0.999 quantile.
    const expected = n / 10;
    const chi2 = bins.reduce((acc, count) => acc + (count - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(27.9);
  });

  it('draws exponentials with the asked mean', () => {
    const rng = streamFor(43);
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += rng.exponential(168);
    // Standard error of the mean = 168 / √n ≈ 0.53 h: ±2% (3.4 h) is > 6 standard errors.
    expect(Math.abs(sum / n - 168) / 168).toBeLessThan(0.02);
  });

  it('draws uniformIn within its bounds', () => {
    const rng = streamFor(44);
    for (let i = 0; i < 1000; i += 1) {
      const x = rng.uniformIn(0.3, 0.5);
      expect(x >= 0.3 && x < 0.5).toBe(true);
    }
  });
});

// The 32-bit word maths that streams are made with must give BigInt splitmix64's bits exactly.
describe('32-bit splitmix64 words', () => {
  const MASK32 = 0xffffffffn;
  const join = (out: Uint32Array) => (BigInt(out[0]) << 32n) | BigInt(out[1]);
  const halves = (x: bigint): [number, number] => [Number(x >> 32n), Number(x & MASK32)];
  const edges: bigint[] = [
    0n,
    1n,
    2n,
    0xffffffffn,
    0x100000000n,
    0x7fffffffffffffffn,
    0x8000000000000000n,
    0xffffffffffffffffn,
    0xfffffffffffffffen,
    0x9e3779b97f4a7c15n,
    0x61c8864680b583ebn, // 2^64 − γ: adding γ wraps to 0
    0x61c8864680b583ean,
    0xbf58476d1ce4e5b9n,
    0x94d049bb133111ebn,
    0x00000000ffff0000n,
    0xffff0000ffffffffn,
  ];
  // xorshift128+ (Vigna), independent of the generator under test, for many random 64-bit words.
  function randomWords(count: number): bigint[] {
    const mask = (1n << 64n) - 1n;
    let s0 = 0x243f6a8885a308d3n;
    let s1 = 0x13198a2e03707344n;
    const out: bigint[] = [];
    for (let i = 0; i < count; i += 1) {
      let x = s0;
      const y = s1;
      s0 = y;
      x = (x ^ (x << 23n)) & mask;
      s1 = x ^ y ^ (x >> 17n) ^ (y >> 26n);
      out.push((s1 + y) & mask);
    }
    return out;
  }
  const inputs = [...edges, ...randomWords(20_000)];

  it('mix64Words equals mix64 on edge cases and 20,000 random words', () => {
    const out = new Uint32Array(2);
    let bad = 0;
    for (const x of inputs) {
      const [hi, lo] = halves(x);
      mix64Words(hi, lo, out);
      if (join(out) !== mix64(x)) bad += 1;
    }
    expect(bad).toBe(0);
  });

  it('splitmixWords equals one and two splitmix64 steps, wrapping past 2^64', () => {
    const out = new Uint32Array(2);
    let bad = 0;
    for (const x of inputs) {
      const [hi, lo] = halves(x);
      const first = splitmix64(x);
      const second = splitmix64(first.state);
      splitmixWords(hi, lo, 1, out);
      if (join(out) !== first.value) bad += 1;
      splitmixWords(hi, lo, 2, out);
      if (join(out) !== second.value) bad += 1;
    }
    expect(bad).toBe(0);
  });

  it('foldWords equals splitmix64(prefix ^ key)', () => {
    const out = new Uint32Array(2);
    const keys = randomWords(2_000).reverse();
    let bad = 0;
    inputs.slice(0, 2_000 + edges.length).forEach((prefix, i) => {
      const key = i < edges.length ? edges[edges.length - 1 - i] : keys[i - edges.length];
      const [ph, pl] = halves(prefix);
      const [kh, kl] = halves(key);
      foldWords(ph, pl, kh, kl, out);
      if (join(out) !== splitmix64(prefix ^ key).value) bad += 1;
    });
    expect(bad).toBe(0);
  });

  it('streamFor equals the BigInt derivation for small, big and negative seeds and keys', () => {
    // The BigInt reference: xoshiro state from splitmix64(deriveSeed(...)) and the next step.
    const reference = (seed: number, ...keys: number[]) => {
      const first = splitmix64(deriveSeed(seed, ...keys));
      const second = splitmix64(first.state);
      const w = (x: bigint, shift: bigint) => Number((x >> shift) & MASK32);
      return new Xoshiro128StarStar(
        w(first.value, 0n),
        w(first.value, 32n),
        w(second.value, 0n),
        w(second.value, 32n),
      );
    };
    const values = [0, 1, 2, 7, 1000, 4096, 2 ** 31 - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1, -1, -2];
    values.push(-(2 ** 32), -(2 ** 53 - 1));
    for (const seed of values) {
      for (const key of values) {
        expect(draws(streamFor(seed, key, 3, key), 4)).toEqual(
          draws(reference(seed, key, 3, key), 4),
        );
      }
      expect(draws(streamFor(seed), 4)).toEqual(draws(reference(seed), 4));
    }
  });
});
