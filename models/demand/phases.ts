// Phases as installed capacity (DESIGN.md "Demand → IT load"). An AI campus's capacity is
// critical IT MW: accelerator × count × per-GPU IT kW, itMw as given, or a published facilityMw
// (a peak) divided by the design-day peak PUE. A fab's capacity is its peak facility MW.
import { parseYearMonth } from '../calendar.ts';
import { itKwPerGpu } from '../gpu-power.ts';
import type { CampusKind, CampusPhase } from '../records.ts';
import type { PhaseCapacity } from './ramp.ts';
import { DEFAULT_RAMP_MONTHS } from './spec.ts';

const round = (x: number, digits = 1): string => String(Number(x.toFixed(digits)));

function itMwOf(
  phase: CampusPhase,
  field: string,
  peakPue: number,
  gpuPower: unknown,
): { mw: number; basis: string } {
  if (phase.itMw !== undefined) return { mw: phase.itMw, basis: `${round(phase.itMw)} MW IT` };
  if (phase.facilityMw !== undefined) {
    const mw = phase.facilityMw / peakPue;
    const basis = `${round(phase.facilityMw)} MW facility (a peak) / design-day peak PUE ${round(peakPue, 3)} = ${round(mw)} MW IT`;
    return { mw, basis };
  }
  const id = phase.accelerator ?? '';
  const count = phase.count ?? 0;
  const power = itKwPerGpu(gpuPower, id, `${field}.accelerator`);
  const mw = (count * power.kwPerGpu) / 1000;
  const basis = `${count} × ${id}: ${power.basis}; × ${count} = ${round(mw)} MW IT (${power.confidence} confidence)`;
  return { mw, basis };
}

/** Each phase's capacity with its basis; `peakPue` converts published facility peaks. */
export function phaseCapacities(
  phases: CampusPhase[],
  kind: CampusKind,
  peakPue: number,
  gpuPower: unknown,
): PhaseCapacity[] {
  return phases.map((phase, i) => {
    const field = `phases[${i}]`;
    const start = parseYearMonth(phase.start, `${field}.start`);
    const rampMonths = phase.rampMonths ?? DEFAULT_RAMP_MONTHS;
    const ramp = `from ${phase.start} over ${rampMonths} months`;
    if (kind === 'fab') {
      // A fab's MW (of any basis) is its peak facility load: there is no PUE to divide by.
      const it = itMwOf(phase, field, 1, gpuPower);
      const basis = `Phase ${i + 1}: ${round(it.mw)} MW peak fab load ${ramp}.`;
      return { start, rampMonths, capacityMw: it.mw, basis };
    }
    const it = itMwOf(phase, field, peakPue, gpuPower);
    return { start, rampMonths, capacityMw: it.mw, basis: `Phase ${i + 1}: ${it.basis}, ${ramp}.` };
  });
}
