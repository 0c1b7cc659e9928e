// The accelerator choices of the phase editor, read from geo-data/gpu-power.json at build time.
// Only ids, names and per-GPU figures reach the bundle (Vite keeps just the named keys); the
// server alone turns a count into MW, so the labels here are a guide, not the model.
import { accelerators, racks } from '../../../geo-data/gpu-power.json';

export interface AcceleratorChoice {
  id: string;
  label: string;
  /** Published system kW per GPU before the cluster adder, when the file gives one. */
  kwPerGpu: number | null;
  /** False when gpu-power.json publishes no power at all: the server would answer 400. */
  modelled: boolean;
}

interface AcceleratorRecord {
  id: string;
  name: string;
  vendor?: string;
  tdpW?: number | null;
  referenceSystem?: { name: string; systemMaxKw: number } | null;
  podKw?: number;
  chipsPerPod?: number;
}
interface RackRecord {
  id: string;
  name: string;
  gpus: number | null;
  rackKw: number | null;
}

/** "DGX H100 (8 GPU)" or "HGX H200 8-GPU" → 8. */
const gpusInName = (name: string): number | null => {
  const match = /(\d+)[ -]?GPU/i.exec(name);
  return match ? Number(match[1]) : null;
};

const kw = (value: number): string => `${value.toFixed(2)} kW/GPU`;

function fromAccelerator(record: AcceleratorRecord): AcceleratorChoice {
  // Names already say NVIDIA's product line (H100, B200); only AMD and Google need the vendor.
  const name =
    record.vendor === 'NVIDIA'
      ? record.name
      : [record.vendor, record.name].filter(Boolean).join(' ');
  const system = record.referenceSystem;
  const gpus = system ? gpusInName(system.name) : null;
  if (system && gpus) {
    const perGpu = system.systemMaxKw / gpus;
    return { id: record.id, label: `${name} · ${kw(perGpu)}`, kwPerGpu: perGpu, modelled: true };
  }
  if (record.podKw && record.chipsPerPod) {
    const perChip = record.podKw / record.chipsPerPod;
    return {
      id: record.id,
      label: `${name} · ${kw(perChip)} (pod)`,
      kwPerGpu: perChip,
      modelled: true,
    };
  }
  if (record.tdpW) {
    const label = `${name} · ${record.tdpW} W board (estimate)`;
    return { id: record.id, label, kwPerGpu: null, modelled: true };
  }
  return { id: record.id, label: `${name} · no published power`, kwPerGpu: null, modelled: false };
}

function fromRack(record: RackRecord): AcceleratorChoice {
  if (record.rackKw && record.gpus) {
    const perGpu = record.rackKw / record.gpus;
    const label = `${record.name} · ${kw(perGpu)}`;
    return { id: record.id, label, kwPerGpu: perGpu, modelled: true };
  }
  return {
    id: record.id,
    label: `${record.name} · no published power`,
    kwPerGpu: null,
    modelled: false,
  };
}

/** Racks first (the builds of 2025 on), then single accelerators, as gpu-power.json lists them. */
export const ACCELERATOR_CHOICES: readonly AcceleratorChoice[] = [
  ...(racks as RackRecord[]).map(fromRack),
  ...(accelerators as AcceleratorRecord[]).map(fromAccelerator),
];
