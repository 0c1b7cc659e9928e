// Backup and grid dispatch, hour by hour in every trial after the reactors (DESIGN.md "Backup
// (revised)", "Grid (revised)", "Sources (revised)"). The scorer hands it each hour's shortfall
// or surplus after the reactors and their own storage; stretches the reactors serve with the
// battery full, and stretches short throughout once the battery is empty, are handled in O(1) or
// O(log hours) through the scorer's demand tree.
// - Shortfall s: the sources in `order` (battery, gas, grid) each give what they can; what is
//   left is unserved after backup (a loss-of-load hour when over the tolerance).
// - Surplus x: the battery charges first (only from reactor surplus, DESIGN.md), at most its MW
//   and the room left ÷ efficiency; the rest is exported when connected and the grid is up, at
//   most the export limit; the rest is curtailed.
// - Battery: round-trip efficiency applied on charging (stored = charged × η); starts each trial
//   full; no standing loss (Li-ion self-discharge is ~2%/month, below the hourly resolution).
export const SOURCE = { battery: 0, gas: 1, grid: 2 } as const;
export type SourceName = keyof typeof SOURCE;
export const SOURCE_NAMES: readonly SourceName[] = ['battery', 'gas', 'grid'];

/** Structured-clone-able dispatch settings. */
export interface DispatchPlan {
  batteryMw: number;
  batteryMwh: number;
  batteryEfficiency: number;
  /** Codes of SOURCE in dispatch order (a permutation of 0, 1, 2). */
  order: Int8Array;
  connected: boolean;
  importLimitMw: number;
  exportLimitMw: number;
}

/** Range sums over the demand series, from the scorer. */
export interface DemandTree {
  readonly demand: Float64Array;
  /** Σ demand over [a, b). */
  demandMwh(a: number, b: number): number;
  /** Σ max(0, threshold − demand[t]) over [a, b). */
  sumBelow(a: number, b: number, thresholdMw: number): number;
  /** How many hours in [a, b) have demand above the threshold. */
  countAbove(a: number, b: number, thresholdMw: number): number;
  /** max demand over [a, b). */
  rangeMax(a: number, b: number): number;
}

const TOL = 1e-6;
const HOURS = 8760;
const NO_EVENTS = new Uint32Array(0);
/** Gas events pack (hour × GAS_UNIT_LIMIT + unit) × 2 + up; GAS_EVENT_HOUR = 2 × the limit. */
export const GAS_UNIT_LIMIT = 65536;
export const GAS_EVENT_HOUR = 2 * GAS_UNIT_LIMIT;

export class Dispatcher {
  // Per-trial state and sums.
  socMwh = 0;
  gasMw = 0;
  gridUp = true;
  batteryOutMwh = 0;
  batteryInMwh = 0;
  gasMwh = 0;
  importMwh = 0;
  exportMwh = 0;
  peakImportMw = 0;
  unservedMwh = 0;
  lossOfLoadHours = 0;
  private readonly order: Int8Array;
  private readonly battMw: number;
  private readonly capMwh: number;
  private readonly eta: number;
  private readonly importMw: number;
  private readonly exportMw: number;
  private readonly connected: boolean;

  constructor(plan: DispatchPlan) {
    this.order = plan.order;
    this.battMw = plan.batteryMwh > 0 ? plan.batteryMw : 0;
    this.capMwh = this.battMw > 0 ? plan.batteryMwh : 0;
    this.eta = plan.batteryEfficiency;
    this.connected = plan.connected;
    this.importMw = plan.connected ? plan.importLimitMw : 0;
    this.exportMw = plan.connected ? plan.exportLimitMw : 0;
  }

  reset(): void {
    this.gasReady = false;
    this.gasEvents = NO_EVENTS;
    this.gasPtr = 0;
    this.socMwh = this.capMwh;
    this.gasMw = 0;
    this.gridUp = this.connected;
    this.batteryOutMwh = 0;
    this.batteryInMwh = 0;
    this.gasMwh = 0;
    this.importMwh = 0;
    this.exportMwh = 0;
    this.peakImportMw = 0;
    this.unservedMwh = 0;
    this.lossOfLoadHours = 0;
  }

  /**
   * The trial's gas availability changes, packed (hour × 65,536 + unit) × 2 + (1 up, 0 down) and
   * sorted; gas starts the trial at gasTotalMw with every unit up. Hours come in time order, so a
   * pointer keeps gasMw current without breaking the reactors' stretches at every gas event.
   */
  setGasEvents(events: Uint32Array, unitMw: Float64Array, totalMw: number): void {
    this.gasEvents = events;
    this.gasUnitMw = unitMw;
    this.gasPtr = 0;
    this.gasMw = totalMw;
  }

  private gasEvents: Uint32Array = new Uint32Array(0);
  private gasUnitMw: Float64Array = new Float64Array(0);
  private gasPtr = 0;
  /**
   * Gas availability matters only in short hours, so a trial's gas outages are sampled at its
   * first short hour (from the trial's own gas stream, so the draws are the same whenever they
   * are taken): a well-supplied trial never pays for them.
   */
  sampleGas: (() => void) | null = null;
  private gasReady = false;

  /** Samples the trial's gas outages at its first short hour, and applies those up to hour t. */
  private gasAt(t: number): void {
    if (!this.gasReady) {
      this.gasReady = true;
      if (this.sampleGas !== null) this.sampleGas();
    }
    const ev = this.gasEvents;
    while (this.gasPtr < ev.length && ev[this.gasPtr] < (t + 1) * GAS_EVENT_HOUR) {
      this.gasMw += this.gasChangeMw(ev[this.gasPtr]);
      this.gasPtr += 1;
    }
  }

  /** The gas MW a packed event adds (a unit back up) or takes away (a unit down). */
  private gasChangeMw(event: number): number {
    const rest = event % GAS_EVENT_HOUR;
    const mw = this.gasUnitMw[rest >> 1];
    return (rest & 1) === 1 ? mw : -mw;
  }

  /** One hour `t` short by `shortMw` after the reactors. */
  short(t: number, shortMw: number): void {
    this.gasAt(t);
    let rest = shortMw;
    const order = this.order;
    for (let k = 0; k < 3 && rest > 0; k += 1) {
      const src = order[k];
      if (src === 0) {
        if (this.socMwh > 0) {
          const out = Math.min(rest, this.battMw, this.socMwh);
          this.socMwh -= out;
          this.batteryOutMwh += out;
          rest -= out;
        }
      } else if (src === 1) {
        const g = rest < this.gasMw ? rest : this.gasMw;
        this.gasMwh += g;
        rest -= g;
      } else if (this.gridUp) {
        const i = rest < this.importMw ? rest : this.importMw;
        this.importMwh += i;
        if (i > this.peakImportMw) this.peakImportMw = i;
        rest -= i;
      }
    }
    if (rest > TOL) {
      this.unservedMwh += rest;
      this.lossOfLoadHours += 1;
    } else if (rest > 0) {
      this.unservedMwh += rest;
    }
  }

  /**
   * Hours [a, b) each short after the reactors, which deliver `baseMw` ≥ 0: hour t is short by
   * demand[t] − baseMw. Hours are stepped while the battery holds energy (its level carries from
   * hour to hour); once it is empty it stays so (nothing charges it in a shortfall), and each run
   * of hours between gas events is solved from range sums over the demand tree instead (spanSums).
   * The same hourly rule, summed in another order: equal to rounding.
   */
  shortRange(tree: DemandTree, a: number, b: number, baseMw: number): void {
    const demand = tree.demand;
    let t = a;
    while (t < b && this.socMwh > 0) {
      this.short(t, demand[t] - baseMw);
      t += 1;
    }
    if (t >= b) return;
    this.gasAt(t);
    const ev = this.gasEvents;
    // Gas outages within [t, b) change nothing while gas at its least there still covers what is
    // left for it in the hour of largest shortfall: then the rest is one span.
    if (this.gasPtr >= ev.length || ev[this.gasPtr] >= b * GAS_EVENT_HOUR) {
      this.spanSums(tree, t, b, baseMw, this.gasMw, tree.rangeMax(t, b));
      return;
    }
    const gasLeastMw = this.gasLeast(b);
    const peakMw = tree.rangeMax(t, b);
    if (this.leftForGas(peakMw - baseMw) <= gasLeastMw) {
      this.spanSums(tree, t, b, baseMw, gasLeastMw, peakMw);
      this.gasAt(b - 1);
      return;
    }
    while (t < b) {
      this.gasAt(t);
      const nextEvent =
        this.gasPtr < ev.length ? Math.floor(ev[this.gasPtr] / GAS_EVENT_HOUR) : HOURS;
      const end = nextEvent < b ? nextEvent : b;
      this.spanSums(tree, t, end, baseMw, this.gasMw, tree.rangeMax(t, end));
      t = end;
    }
  }

  /** The least gas MW over the hours from now to b (the events before b, not applied). */
  private gasLeast(b: number): number {
    const ev = this.gasEvents;
    let mw = this.gasMw;
    let least = mw;
    for (let p = this.gasPtr; p < ev.length && ev[p] < b * GAS_EVENT_HOUR; p += 1) {
      mw += this.gasChangeMw(ev[p]);
      if (mw < least) least = mw;
    }
    return least;
  }

  /** What an hour short by `shortMw` leaves for gas: the grid ahead of it in the order gives first. */
  private leftForGas(shortMw: number): number {
    let left = shortMw;
    for (let k = 0; k < 3; k += 1) {
      const src = this.order[k];
      if (src === 1) return left;
      if (src === 2 && this.gridUp) left -= this.importMw;
    }
    return left;
  }

  /**
   * Hours [a, b) short after the reactors at `baseMw` (peak demand `peakMw`), the battery empty and
   * gas at `gasMw`. With s the hour's shortfall and c₁, c₂ the MW of the sources in dispatch order
   * (gas, and the grid's import limit while it is up), the first gives min(s, c₁), the second
   * min(max(s − c₁, 0), c₂) and max(s − c₁ − c₂, 0) is unserved. Each sum is Σ min(s, c) = S − A(c) with
   * A(c) = Σ max(0, s − c) = Σ max(0, d − T), T = baseMw + c, = (Σ d − n·T) + Σ max(0, T − d).
   */
  private spanSums(
    tree: DemandTree,
    a: number,
    b: number,
    baseMw: number,
    gasMw: number,
    peakMw: number,
  ): void {
    const n = b - a;
    const demandMwh = tree.demandMwh(a, b);
    const shortMwh = demandMwh - n * baseMw;
    let givenMw = 0;
    let leftMwh = shortMwh;
    const order = this.order;
    for (let k = 0; k < 3; k += 1) {
      const src = order[k];
      if (src === 0) continue;
      const capMw = src === 1 ? gasMw : this.gridUp ? this.importMw : 0;
      if (capMw <= 0) continue;
      // The hour with the largest shortfall leaves this source the most: peakMw − baseMw − earlier.
      const peakLeftMw = peakMw - baseMw - givenMw;
      givenMw += capMw;
      const thresholdMw = baseMw + givenMw;
      // Σ max(0, demand − threshold) over [a, b) (no closure: the tsx loader renames each one made).
      let restMwh = 0;
      if (thresholdMw < peakMw) {
        restMwh = demandMwh - n * thresholdMw + tree.sumBelow(a, b, thresholdMw);
        if (restMwh < 0) restMwh = 0;
      }
      const outMwh = leftMwh - restMwh;
      leftMwh = restMwh;
      if (src === 1) {
        this.gasMwh += outMwh;
      } else {
        this.importMwh += outMwh;
        const peakImportMw = peakLeftMw < capMw ? peakLeftMw : capMw;
        if (peakImportMw > this.peakImportMw) this.peakImportMw = peakImportMw;
      }
    }
    this.unservedMwh += leftMwh;
    this.lossOfLoadHours += tree.countAbove(a, b, baseMw + givenMw + TOL);
  }

  /** One hour with `surplusMw` ≥ 0 after the reactors. */
  surplus(surplusMw: number): void {
    let x = surplusMw > 0 ? surplusMw : 0;
    if (this.socMwh < this.capMwh && x > 0) {
      const room = this.capMwh - this.socMwh;
      const c = Math.min(x, this.battMw, room / this.eta);
      this.batteryInMwh += c;
      // Topping up to the brim sets the level to capacity exactly, so "full" is an exact test.
      this.socMwh = c === room / this.eta ? this.capMwh : this.socMwh + c * this.eta;
      x -= c;
    }
    if (this.gridUp && this.exportMw > 0 && x > 0) {
      this.exportMwh += x < this.exportMw ? x : this.exportMw;
    }
  }

  /**
   * Hours [a, b) all served at `deliveredMw` (demand ≤ delivered + tolerance); `demandMwh` is
   * their Σ demand.
   */
  servedRange(
    tree: DemandTree,
    a: number,
    b: number,
    deliveredMw: number,
    demandMwh: number,
  ): void {
    let t = a;
    const demand = tree.demand;
    while (t < b && this.socMwh < this.capMwh) {
      this.surplus(deliveredMw - demand[t]);
      t += 1;
    }
    if (t >= b || !this.gridUp || this.exportMw <= 0) return;
    // Σ min(D − d, E) = Σ (D − d) − Σ max(0, D − d − E) = Σ (D − d) − Σ max(0, T − d), T = D − E.
    const mwh = t === a ? demandMwh : tree.demandMwh(t, b);
    const surplusMwh = (b - t) * deliveredMw - mwh;
    const capped = surplusMwh - tree.sumBelow(t, b, deliveredMw - this.exportMw);
    this.exportMwh += capped > 0 ? capped : 0;
  }
}
