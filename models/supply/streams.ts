// Per-unit random streams (DESIGN.md "Randomness"): unit u of deployment d in trial t draws from
// streamFor(seed, t, d, u). streamFor folds every key in with a BigInt splitmix64 step (about
// 4 µs a stream), so a 9-unit fleet over 1,000 trials spent ~35 ms just making streams. This cache
// keeps the folded (seed, trial) and (seed, trial, d) prefixes, so a unit costs one fold plus the
// two steps that fill xoshiro's state: the same bits as streamFor (supply-availability.test.ts
// pins it), built from rng.ts's own exported steps.
import * as rng from '../rng.ts';
import type { Rng } from '../rng.ts';

// Module bindings are read through getters under the test and tsx loaders: hot calls use locals.
const { deriveSeed, splitmix64, Xoshiro128StarStar } = rng;

const low = (x: bigint): number => Number(BigInt.asUintN(32, x));
const high = (x: bigint): number => Number(x >> 32n);
/** BigInt(k) for the unit and deployment indices the limits allow, made once. */
const KEYS: readonly bigint[] = Array.from({ length: 128 }, (_, k) => BigInt(k));
const key = (k: number): bigint => (k < KEYS.length ? KEYS[k] : BigInt(k));
/** The deployment index of components outside every deployment (limits allow 20 deployments). */
export const SPECIAL_DEPLOYMENT = 4096;
const SPECIAL_KEY = BigInt(SPECIAL_DEPLOYMENT);
/** Unit index of a deployment's line stream (units are 0..99). */
export const LINE_STREAM_UNIT = 1000;
export const GAS_STREAM_INDEX = 0;
export const GRID_STREAM_INDEX = 1;

export class UnitStreams {
  private trialPrefix = 0n;
  private deploymentPrefixes: bigint[] = [];
  private specialPrefix = 0n;

  constructor(
    private readonly seed: number,
    private readonly deploymentCount: number,
  ) {}

  /** Folds (seed, trial) and (seed, trial, d) for every deployment d once per trial. */
  startTrial(trial: number): void {
    this.trialPrefix = deriveSeed(this.seed, trial);
    const prefixes = this.deploymentPrefixes;
    for (let d = 0; d < this.deploymentCount; d += 1) {
      prefixes[d] = splitmix64(this.trialPrefix ^ key(d)).value;
    }
    this.specialPrefix = splitmix64(this.trialPrefix ^ SPECIAL_KEY).value;
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

  private fromPrefix(prefix: bigint, unitIndex: number): Rng {
    const derived = splitmix64(prefix ^ key(unitIndex)).value;
    const first = splitmix64(derived);
    const second = splitmix64(first.state);
    return new Xoshiro128StarStar(
      low(first.value),
      high(first.value),
      low(second.value),
      high(second.value),
    );
  }
}
