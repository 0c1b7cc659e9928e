// Per-unit random streams (DESIGN.md "Randomness"): unit u of deployment d in trial t draws from
// streamFor(seed, t, d, u). streamFor folds every key in with a BigInt splitmix64 step (about
// 4 µs a stream). This class keeps the folded (seed, trial) and (seed, trial, d) prefixes, so a
// unit costs one fold plus the two steps that fill xoshiro's state, and does the 64-bit arithmetic
// on pairs of 32-bit words instead of BigInt: BigInt allocates on every operation, and stream
// set-up was ~15% of a 1,000-trial evaluation with lines, gas and grid (measured). It is
// hand-written because no library gives splitmix64 bit for bit with rng.ts; the bits equal
// streamFor's (supply-availability.test.ts pins it).
import * as rng from '../rng.ts';
import type { Rng } from '../rng.ts';

// Module bindings are read through getters under the test and tsx loaders: hot calls use locals.
const { Xoshiro128StarStar } = rng;

/** The deployment index of components outside every deployment (limits allow 20 deployments). */
export const SPECIAL_DEPLOYMENT = 4096;
/** Unit index of a deployment's line stream (units are 0..99). */
export const LINE_STREAM_UNIT = 1000;
export const GAS_STREAM_INDEX = 0;
export const GRID_STREAM_INDEX = 1;

// splitmix64 constants as 32-bit halves: γ = 0x9e3779b9_7f4a7c15, and the two mix multipliers.
const GAMMA_HI = 0x9e3779b9;
const GAMMA_LO = 0x7f4a7c15;
const M1_HI = 0xbf58476d;
const M1_LO = 0x1ce4e5b9;
const M2_HI = 0x94d049bb;
const M2_LO = 0x133111eb;

/** A 64-bit word as two unsigned 32-bit halves; `out` receives results (no allocation). */
interface Word {
  hi: number;
  lo: number;
}

/** hi:lo × mHi:mLo mod 2^64, into w. The low product is split in 16-bit parts to stay exact. */
function mulInto(w: Word, mHi: number, mLo: number): void {
  const a = w.lo;
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = mLo & 0xffff;
  const b1 = mLo >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const lo = (((mid & 0xffff) << 16) | (p00 & 0xffff)) >>> 0;
  const carry = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + Math.floor(mid / 65536);
  const hi = (carry + Math.imul(a, mHi) + Math.imul(w.hi, mLo)) >>> 0;
  w.hi = hi;
  w.lo = lo;
}

/** z ^= z >>> n for 0 < n < 32. */
function xorShiftInto(w: Word, n: number): void {
  const lo = (w.lo >>> n) | (w.hi << (32 - n));
  w.lo = (w.lo ^ lo) >>> 0;
  w.hi = (w.hi ^ (w.hi >>> n)) >>> 0;
}

/** One splitmix64 step on `state` (advanced in place); its output goes into `out`. */
function splitmixInto(state: Word, out: Word): void {
  const lo = state.lo + GAMMA_LO;
  state.lo = lo >>> 0;
  state.hi = (state.hi + GAMMA_HI + (lo > 0xffffffff ? 1 : 0)) >>> 0;
  out.hi = state.hi;
  out.lo = state.lo;
  xorShiftInto(out, 30);
  mulInto(out, M1_HI, M1_LO);
  xorShiftInto(out, 27);
  mulInto(out, M2_HI, M2_LO);
  xorShiftInto(out, 31);
}

/** splitmix64(prefix ^ key).value into out (key a whole number < 2^32). */
function foldInto(prefix: Word, key: number, out: Word): void {
  const state = { hi: prefix.hi, lo: (prefix.lo ^ key) >>> 0 };
  splitmixInto(state, out);
}

/** A seed (a safe integer ≥ 0 below 2^53) as a 64-bit word. */
function wordOf(value: number): Word {
  return { hi: Math.floor(value / 4294967296) >>> 0, lo: value >>> 0 };
}

export class UnitStreams {
  private readonly seedWord: Word;
  private readonly trialPrefix: Word = { hi: 0, lo: 0 };
  private readonly deploymentPrefixes: Word[] = [];
  private readonly specialPrefix: Word = { hi: 0, lo: 0 };
  private readonly scratch: Word = { hi: 0, lo: 0 };
  private readonly first: Word = { hi: 0, lo: 0 };
  private readonly second: Word = { hi: 0, lo: 0 };

  constructor(
    seed: number,
    private readonly deploymentCount: number,
  ) {
    // deriveSeed starts from splitmix64(seed).value.
    const state = wordOf(seed);
    this.seedWord = { hi: 0, lo: 0 };
    splitmixInto(state, this.seedWord);
    for (let d = 0; d < deploymentCount; d += 1) this.deploymentPrefixes.push({ hi: 0, lo: 0 });
  }

  /** Folds (seed, trial) and (seed, trial, d) for every deployment d once per trial. */
  startTrial(trial: number): void {
    foldInto(this.seedWord, trial, this.trialPrefix);
    for (let d = 0; d < this.deploymentCount; d += 1) {
      foldInto(this.trialPrefix, d, this.deploymentPrefixes[d]);
    }
    foldInto(this.trialPrefix, SPECIAL_DEPLOYMENT, this.specialPrefix);
  }

  /** Equal to streamFor(seed, trial, deploymentIndex, unitIndex) for the current trial. */
  unit(deploymentIndex: number, unitIndex: number): Rng {
    return this.fromPrefix(this.deploymentPrefixes[deploymentIndex], unitIndex);
  }

  /**
   * streamFor(seed, trial, SPECIAL_DEPLOYMENT, index): components that belong to no deployment
   * (gas backup, the grid), so adding a deployment never moves their draws.
   */
  special(index: number): Rng {
    return this.fromPrefix(this.specialPrefix, index);
  }

  private fromPrefix(prefix: Word, unitIndex: number): Rng {
    // streamFor: first = splitmix64(derived), second = splitmix64(first.state); xoshiro gets
    // (low, high) of each output.
    const state = this.scratch;
    foldInto(prefix, unitIndex, state);
    splitmixInto(state, this.first);
    splitmixInto(state, this.second);
    return new Xoshiro128StarStar(this.first.lo, this.first.hi, this.second.lo, this.second.hi);
  }
}
