// Per-unit random streams (DESIGN.md "Randomness"): unit u of deployment d in trial t draws from
// streamFor(seed, t, d, u). This class keeps the folded (seed, trial) and (seed, trial, d)
// prefixes, so a unit costs one fold plus the two steps that fill xoshiro's state, all in rng.ts's
// 32-bit word maths (the same bits as BigInt splitmix64: rng.test.ts; the same streams as
// streamFor: supply-availability.test.ts). The words stay in a WordMixer's fields and every stream
// reseeds one generator, so a trial allocates nothing (issue 13: streams were 8–11× the C
// kernel's time with out arrays and a new generator per unit).
import * as rng from '../rng.ts';
import type { Rng } from '../rng.ts';

// Module bindings are read through getters under the test and tsx loaders: hot calls use locals.
const { WordMixer, Xoshiro128StarStar, wordsOf } = rng;

/** The deployment index of components outside every deployment (limits allow 20 deployments). */
export const SPECIAL_DEPLOYMENT = 4096;
/** Unit index of a deployment's line stream (units are 0..99). */
export const LINE_STREAM_UNIT = 1000;
export const GAS_STREAM_INDEX = 0;
export const GRID_STREAM_INDEX = 1;

/**
 * The trial's streams. unit() and special() return one generator, reseeded on every call: a
 * stream is valid until the next call (the trial loop draws each unit's year before the next).
 */
export class UnitStreams {
  private readonly mixer = new WordMixer();
  private readonly rng = new Xoshiro128StarStar(1, 0, 0, 0);
  /** splitmix64(seed).value, where deriveSeed starts. */
  private readonly seedHi: number;
  private readonly seedLo: number;
  /** The (seed, trial) prefix. */
  private trialHi = 0;
  private trialLo = 0;
  /** [hi, lo] of the (seed, trial, d) prefix at [2d], [2d + 1], as int32 bits. */
  private readonly deploymentPrefixes: Int32Array;

  constructor(
    seed: number,
    private readonly deploymentCount: number,
  ) {
    const [hi, lo] = wordsOf(seed);
    this.mixer.splitmix(hi, lo, 1);
    this.seedHi = this.mixer.hi;
    this.seedLo = this.mixer.lo;
    this.deploymentPrefixes = new Int32Array(2 * deploymentCount);
  }

  /** Folds (seed, trial) and (seed, trial, d) for every deployment d once per trial. */
  startTrial(trial: number): void {
    const m = this.mixer;
    m.fold(this.seedHi, this.seedLo, trial | 0);
    const th = m.hi;
    const tl = m.lo;
    this.trialHi = th;
    this.trialLo = tl;
    const prefixes = this.deploymentPrefixes;
    for (let d = 0; d < this.deploymentCount; d += 1) {
      m.fold(th, tl, d);
      prefixes[2 * d] = m.hi;
      prefixes[2 * d + 1] = m.lo;
    }
  }

  /** Equal to streamFor(seed, trial, deploymentIndex, unitIndex) for the current trial. */
  unit(deploymentIndex: number, unitIndex: number): Rng {
    const p = this.deploymentPrefixes;
    return this.fromPrefix(p[2 * deploymentIndex], p[2 * deploymentIndex + 1], unitIndex);
  }

  /**
   * streamFor(seed, trial, SPECIAL_DEPLOYMENT, index): components that belong to no deployment
   * (gas backup, the grid), so adding a deployment never moves their draws. Folded here, not in
   * startTrial: most plans have neither.
   */
  special(index: number): Rng {
    const m = this.mixer;
    m.fold(this.trialHi, this.trialLo, SPECIAL_DEPLOYMENT);
    return this.fromPrefix(m.hi, m.lo, index);
  }

  /** xoshiro128** from splitmix64's first two outputs after fold(prefix, unit) (streamFor). */
  private fromPrefix(hi: number, lo: number, unitIndex: number): Rng {
    const m = this.mixer;
    m.fold(hi, lo, unitIndex);
    const dh = m.hi;
    const dl = m.lo;
    m.splitmix(dh, dl, 1);
    const a = m.lo;
    const b = m.hi;
    m.splitmix(dh, dl, 2);
    this.rng.reseed(a, b, m.lo, m.hi);
    return this.rng;
  }
}
