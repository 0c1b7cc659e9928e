// The SimPlan as the C kernel (tests/bench/kernel/trials.c) reads it: every number a
// little-endian float64, in the order below. Also reads the kernel's results back.
import type { SimPlan, TrialPartial } from '../../../models/coverage.ts';
import { STORAGE_KEEP_PER_HOUR } from '../../../models/supply/storage.ts';

const HOURS = 8760;

/** The plan as bytes; throws for what the kernel does not model (backup, a connected grid). */
export function planBytes(plan: SimPlan): Buffer {
  if (plan.dispatchActive || plan.grid.connected || plan.gas.count > 0) {
    throw new Error('the C kernel models islanded fleets with backup off');
  }
  const u = plan.units;
  const s = plan.storage;
  const L = plan.lines;
  const values: number[] = [
    plan.seed,
    plan.trials,
    plan.periodYears,
    plan.deploymentCount,
    u.count,
    s.count,
    u.plannedHours.length,
    plan.delivered.binMw,
    plan.delivered.bins,
    plan.shortfall.binMw,
    plan.shortfall.bins,
    STORAGE_KEEP_PER_HOUR,
  ];
  const add = (xs: ArrayLike<number>) => {
    for (let i = 0; i < xs.length; i += 1) values.push(xs[i]);
  };
  add(plan.demandMw);
  // The decay table storage-segment.ts builds (JS `**`), so the kernel needs no pow of its own.
  add(Float64Array.from({ length: HOURS + 1 }, (_, h) => STORAGE_KEEP_PER_HOUR ** h));
  add(u.deployment);
  add(u.unit);
  add(u.netMw);
  add(u.deliveredMw);
  add(u.forcedOutageRate);
  add(u.mttfHours);
  add(u.mttrHours);
  add(u.plannedFrom);
  add(u.plannedHours);
  add(u.storageSlot);
  add(s.capacityMwh);
  add(s.dischargeMaxMw);
  add(s.chargeMaxMw);
  add(s.lineKeep);
  add(L.hasLine);
  add(L.paths);
  add(L.mttfHours);
  add(L.commonMttfHours);
  add(L.mttrHours);
  return Buffer.from(Float64Array.from(values).buffer);
}

export interface KernelResult {
  servedMwh: Float64Array;
  unservedMwh: Float64Array;
  surplusMwh: Float64Array;
  lossOfLoadHours: Float64Array;
  availableMwh: Float64Array;
  deliverableMwh: Float64Array;
  deliveredCounts: Float64Array;
  shortfallCounts: Float64Array;
}

export function readKernelResult(plan: SimPlan, bytes: Buffer): KernelResult {
  const all = new Float64Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  );
  const T = plan.trials;
  const TD = T * plan.deploymentCount;
  let at = 0;
  const take = (n: number) => all.slice(at, (at += n));
  return {
    servedMwh: take(T),
    unservedMwh: take(T),
    surplusMwh: take(T),
    lossOfLoadHours: take(T),
    availableMwh: take(TD),
    deliverableMwh: take(TD),
    deliveredCounts: take(plan.delivered.bins),
    shortfallCounts: take(plan.shortfall.bins),
  };
}

/** The fields that differ in any bit between the kernel's results and the engine's partial. */
export function differences(kernel: KernelResult, partial: TrialPartial): string[] {
  const out: string[] = [];
  for (const key of Object.keys(kernel) as (keyof KernelResult)[]) {
    const a = kernel[key];
    const b = partial[key];
    if (a.length !== b.length) {
      out.push(`${key}: length ${a.length} vs ${b.length}`);
      continue;
    }
    let first = -1;
    let count = 0;
    for (let i = 0; i < a.length; i += 1) {
      if (!Object.is(a[i], b[i])) {
        if (first < 0) first = i;
        count += 1;
      }
    }
    if (count > 0)
      out.push(`${key}: ${count} differ, first [${first}] C ${a[first]} JS ${b[first]}`);
  }
  return out;
}
