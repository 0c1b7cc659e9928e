// Seeded randomness for the models (DESIGN.md "Determinism", "Randomness"). Seeds are derived
// with splitmix64, so every (seed, ...keys) tuple gets its own independent stream: results do
// not depend on the order streams are made or how trials are split across workers. mix64 and
// splitmix64 in BigInt are the exact 64-bit reference; streams are made with the same maths on
// pairs of 32-bit words (mix64Words, foldWords), which give the same bits without BigInt's
// allocation on every operation (BigInt seeding was 28–30% of a trial's time, issue 13). Draws then come from xoshiro128** (Blackman & Vigna 2018,
// https://prng.di.unimi.it/xoshiro128starstar.c), which is fast on 32-bit integer maths (Math.imul).
import { invalidInput } from './errors.ts';

const MASK64 = (1n << 64n) - 1n;
/** splitmix64's increment: 2^64 / φ, odd (Steele, Lea & Flood 2014). */
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;
const TWO_POW_32 = 4294967296;

/** splitmix64's output function: a bijective 64-bit mix. */
export function mix64(value: bigint): bigint {
  let z = value & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** One splitmix64 step: returns the next output and the advanced state. */
export function splitmix64(state: bigint): { value: bigint; state: bigint } {
  const next = (state + GOLDEN_GAMMA) & MASK64;
  return { value: mix64(next), state: next };
}

// splitmix64's constants as 32-bit halves.
const GAMMA_HI = 0x9e3779b9;
const GAMMA_LO = 0x7f4a7c15;
const M1_HI = 0xbf58476d;
const M1_LO = 0x1ce4e5b9;
const M2_HI = 0x94d049bb;
const M2_LO = 0x133111eb;

/**
 * High 32 bits of a × b for 32-bit a and b (as unsigned; returned as int32 bits), from 16-bit
 * halves: every partial product fits 32 bits, so Math.imul and the shifts are exact.
 */
function mulHigh32(a: number, b: number): number {
  const ah = a >>> 16;
  const al = a & 0xffff;
  const bh = b >>> 16;
  const bl = b & 0xffff;
  const lh = Math.imul(al, bh);
  const hl = Math.imul(ah, bl);
  const mid = (Math.imul(al, bl) >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (Math.imul(ah, bh) + (lh >>> 16) + (hl >>> 16) + (mid >>> 16)) | 0;
}

/**
 * splitmix64 on pairs of 32-bit words, its result left in the fields `hi` and `lo`. The words
 * are kept as int32 bit patterns (`| 0`), never as unsigned numbers ≥ 2^31, which V8 boxes as
 * heap numbers wherever they are stored; and the high products use integer maths only. Issue
 * 13: the unsigned, float-product form cost ~40 ns a mix, this one ~10 ns. Readers that want
 * the unsigned word take `>>> 0`. The same bits as mix64 / splitmix64 in BigInt
 * (tests/models/rng.test.ts).
 */
export class WordMixer {
  hi = 0;
  lo = 0;

  /** (hi, lo) = mix64(hi·2^32 + lo). */
  mix(hi: number, lo: number): void {
    // z ^= z >> 30
    let l = lo ^ ((lo >>> 30) | (hi << 2));
    let h = hi ^ (hi >>> 30);
    // z *= M1 (mod 2^64)
    let nh = (mulHigh32(l, M1_LO) + Math.imul(l, M1_HI) + Math.imul(h, M1_LO)) | 0;
    l = Math.imul(l, M1_LO);
    h = nh;
    // z ^= z >> 27
    l ^= (l >>> 27) | (h << 5);
    h ^= h >>> 27;
    // z *= M2
    nh = (mulHigh32(l, M2_LO) + Math.imul(l, M2_HI) + Math.imul(h, M2_LO)) | 0;
    l = Math.imul(l, M2_LO);
    h = nh;
    // z ^ (z >> 31)
    this.lo = l ^ ((l >>> 31) | (h << 1));
    this.hi = h ^ (h >>> 31);
  }

  /** (hi, lo) = splitmix64(state + steps·γ).value for state = hi·2^32 + lo, steps 1 or 2. */
  splitmix(hi: number, lo: number, steps: number): void {
    let h = hi | 0;
    let l = lo | 0;
    for (let k = 0; k < steps; k += 1) {
      const sum = (l >>> 0) + GAMMA_LO;
      h = (h + GAMMA_HI + (sum > 0xffffffff ? 1 : 0)) | 0;
      l = sum | 0;
    }
    this.mix(h, l);
  }

  /** (hi, lo) = splitmix64(prefix ^ key).value (deriveSeed's fold), key < 2^32. */
  fold(prefixHi: number, prefixLo: number, key: number): void {
    this.splitmix(prefixHi, prefixLo ^ key, 1);
  }
}

const wordMixer = new WordMixer();

/**
 * mix64 on the word hi·2^32 + lo (unsigned 32-bit halves), into out[0] = hi, out[1] = lo: the
 * same bits as mix64 in BigInt.
 */
export function mix64Words(hi: number, lo: number, out: Uint32Array): void {
  wordMixer.mix(hi | 0, lo | 0);
  out[0] = wordMixer.hi;
  out[1] = wordMixer.lo;
}

/**
 * splitmix64(state + k·γ).value for k = `steps` (1 or 2), state = hi·2^32 + lo, into out: the
 * output of the k-th splitmix64 step from that state.
 */
export function splitmixWords(hi: number, lo: number, steps: number, out: Uint32Array): void {
  wordMixer.splitmix(hi, lo, steps);
  out[0] = wordMixer.hi;
  out[1] = wordMixer.lo;
}

/** splitmix64(prefix ^ key).value, key = keyHi·2^32 + keyLo, into out (deriveSeed's fold). */
export function foldWords(
  prefixHi: number,
  prefixLo: number,
  keyHi: number,
  keyLo: number,
  out: Uint32Array,
): void {
  splitmixWords((prefixHi ^ keyHi) >>> 0, (prefixLo ^ keyLo) >>> 0, 1, out);
}

/** A safe integer as the two 32-bit halves of its 64-bit two's complement. */
export function wordsOf(value: number): [number, number] {
  return [Math.floor(value / 4294967296) >>> 0, value >>> 0];
}

function checkSafe(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) throw invalidInput(field, value, 'must be a safe integer');
}

function toUint64(value: number, field: string): bigint {
  if (!Number.isSafeInteger(value)) throw invalidInput(field, value, 'must be a safe integer');
  return BigInt.asUintN(64, BigInt(value));
}

/**
 * The 64-bit seed of the stream for (seed, ...keys), e.g. `deriveSeed(seed, trial, deployment,
 * unit)`. Each key is folded in with a splitmix64 step, so (1, 2) and (2, 1) differ and an extra
 * key always changes the result.
 */
export function deriveSeed(seed: number, ...keys: number[]): bigint {
  let state = splitmix64(toUint64(seed, 'seed')).value;
  keys.forEach((key, i) => {
    state = splitmix64(state ^ toUint64(key, `key[${i}]`)).value;
  });
  return state;
}

export interface Rng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform in [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Uniform in [low, high). */
  uniformIn(low: number, high: number): number;
  /** Exponential with the given mean (> 0): −mean × ln(1 − U). */
  exponential(mean: number): number;
}

/**
 * xoshiro128** over four 32-bit words of state (not all zero). A class, not closures: V8 inlines
 * its methods, which measured 2–3× faster on the demand shapes' 9,000 draws a year.
 */
export class Xoshiro128StarStar implements Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(a: number, b: number, c: number, d: number) {
    this.s0 = 0;
    this.s1 = 0;
    this.s2 = 0;
    this.s3 = 0;
    this.reseed(a, b, c, d);
  }

  /** Restarts from the state (a, b, c, d): the same draws as a new generator of it. */
  reseed(a: number, b: number, c: number, d: number): void {
    this.s0 = a | 0;
    this.s1 = b | 0;
    this.s2 = c | 0;
    this.s3 = d | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1; // all-zero is a fixed point
  }

  nextUint32(): number {
    const s1x5 = Math.imul(this.s1, 5);
    const result = Math.imul((s1x5 << 7) | (s1x5 >>> 25), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  uniform(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  uniformIn(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  exponential(mean: number): number {
    // 1 − U is in (0, 1], so the log is finite.
    return -mean * Math.log(1 - this.uniform());
  }
}

/** xoshiro128** seeded from the derived 64-bit seed hi·2^32 + lo (streamFor's last step). */
export function streamFromWords(hi: number, lo: number, scratch: Uint32Array): Xoshiro128StarStar {
  splitmixWords(hi, lo, 1, scratch);
  const a = scratch[1];
  const b = scratch[0];
  splitmixWords(hi, lo, 2, scratch);
  return new Xoshiro128StarStar(a, b, scratch[1], scratch[0]);
}

/**
 * The generator for (seed, ...keys): two splitmix64 outputs fill xoshiro128**'s 128-bit state
 * (low then high word of each). Computed on 32-bit words; the bits equal the BigInt
 * splitmix64(deriveSeed(seed, ...keys)) and its next step (tests/models/rng.test.ts).
 */
export function streamFor(seed: number, ...keys: number[]): Rng {
  checkSafe(seed, 'seed');
  const out = new Uint32Array(2);
  const [sh, sl] = wordsOf(seed);
  splitmixWords(sh, sl, 1, out);
  for (let i = 0; i < keys.length; i += 1) {
    checkSafe(keys[i], `key[${i}]`);
    const [kh, kl] = wordsOf(keys[i]);
    foldWords(out[0], out[1], kh, kl, out);
  }
  return streamFromWords(out[0], out[1], out);
}
