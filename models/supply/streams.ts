// Per-unit random streams (DESIGN.md "Randomness"): unit u of deployment d in trial t draws from
// streamFor(seed, t, d, u). This class keeps the folded (seed, trial) and (seed, trial, d)
// prefixes, so a unit costs one fold plus the two steps that fill xoshiro's state, all in rng.ts's
// 32-bit word maths (the same bits as BigInt splitmix64: rng.test.ts; the same streams as
// streamFor: supply-availability.test.ts).
import * as rng from '../rng.ts';
import type { Rng } from '../rng.ts';

// Module bindings are read through getters under the test and tsx loaders: hot calls use locals.
const { foldWords, splitmixWords, streamFromWords, wordsOf } = rng;

/** The deployment index of components outside every deployment (limits allow 20 deployments). */
export const SPECIAL_DEPLOYMENT = 4096;
/** Unit index of a deployment's line stream (units are 0..99). */
export const LINE_STREAM_UNIT = 1000;
export const GAS_STREAM_INDEX = 0;
export const GRID_STREAM_INDEX = 1;

export class UnitStreams {
  /** [hi, lo] of splitmix64(seed).value, where deriveSeed starts. */
  private readonly seedWord = new Uint32Array(2);
  private readonly trialPrefix = new Uint32Array(2);
  /** [hi, lo] of the (seed, trial, d) prefix at [2d], [2d + 1]. */
  private readonly deploymentPrefixes: Uint32Array;
  private readonly specialPrefix = new Uint32Array(2);
  private readonly scratch = new Uint32Array(2);

  constructor(
    seed: number,
    private readonly deploymentCount: number,
  ) {
    const [hi, lo] = wordsOf(seed);
    splitmixWords(hi, lo, 1, this.seedWord);
    this.deploymentPrefixes = new Uint32Array(2 * deploymentCount);
  }

  /** Folds (seed, trial) and (seed, trial, d) for every deployment d once per trial. */
  startTrial(trial: number): void {
    const t = this.trialPrefix;
    const s = this.scratch;
    foldWords(this.seedWord[0], this.seedWord[1], 0, trial >>> 0, t);
    const prefixes = this.deploymentPrefixes;
    for (let d = 0; d < this.deploymentCount; d += 1) {
      foldWords(t[0], t[1], 0, d, s);
      prefixes[2 * d] = s[0];
      prefixes[2 * d + 1] = s[1];
    }
    foldWords(t[0], t[1], 0, SPECIAL_DEPLOYMENT, this.specialPrefix);
  }

  /** Equal to streamFor(seed, trial, deploymentIndex, unitIndex) for the current trial. */
  unit(deploymentIndex: number, unitIndex: number): Rng {
    const p = this.deploymentPrefixes;
    return this.fromPrefix(p[2 * deploymentIndex], p[2 * deploymentIndex + 1], unitIndex);
  }

  /**
   * streamFor(seed, trial, SPECIAL_DEPLOYMENT, index): components that belong to no deployment
   * (gas backup, the grid), so adding a deployment never moves their draws.
   */
  special(index: number): Rng {
    return this.fromPrefix(this.specialPrefix[0], this.specialPrefix[1], index);
  }

  private fromPrefix(hi: number, lo: number, unitIndex: number): Rng {
    const s = this.scratch;
    foldWords(hi, lo, 0, unitIndex, s);
    return streamFromWords(s[0], s[1], s);
  }
}
