// Critical IT power per GPU, from gpu-power.json as the caller passes it in (DESIGN.md "IT load").
// Order of evidence, best first:
//   1. a rack with published rackKw and GPU count (GB200 NVL72: 120 kW / 72 GPUs);
//   2. an accelerator's reference system (DGX H100: 10.2 kW / 8 GPUs = 1.275 kW);
//   3. a published pod figure (TPU v7 Ironwood: 10 MW / 9,216 chips, all-in);
//   4. board power × serverOverheadAssumptions' recommended factor (assumption, low confidence).
// Nothing published (future-high-density, most TPUs) is a 400 naming the accelerator.
// Each result then takes the cluster network/storage adder.
import { invalidInput } from './errors.ts';
import type { Confidence } from './records.ts';

/**
 * Scale-out network, storage and management, as a share of IT: the midpoint of gpu-power.json
 * serverOverheadAssumptions' "add 5–10% of IT" (assumption).
 */
export const CLUSTER_ADDER = 0.075;
/** serverOverheadAssumptions.recommendedDefaults, used when the file lacks them. */
const AIR_8GPU_FACTOR = 1.8;
const LIQUID_RACK_FACTOR = 1.45;

export interface GpuItPower {
  /** IT kW per GPU including the cluster adder. */
  kwPerGpu: number;
  /** IT kW per GPU of the system alone, before the adder. */
  systemKwPerGpu: number;
  /** How the figure was reached, in words, with the numbers. */
  basis: string;
  confidence: Confidence;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const positive = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
const confidenceOf = (record: Json, fallback: Confidence): Confidence =>
  record.confidence === 'high' || record.confidence === 'medium' || record.confidence === 'low'
    ? record.confidence
    : fallback;
const fmt = (x: number, digits = 3): string => String(Number(x.toFixed(digits)));

function list(gpuPower: unknown, key: 'accelerators' | 'racks'): Json[] {
  const entries = isObject(gpuPower) ? gpuPower[key] : undefined;
  return Array.isArray(entries) ? entries.filter(isObject) : [];
}

/** Every id a phase's `accelerator` may name: gpu-power.json accelerators and racks. */
export function acceleratorIds(gpuPower: unknown): string[] {
  return [...list(gpuPower, 'accelerators'), ...list(gpuPower, 'racks')]
    .map((record) => record.id)
    .filter((id): id is string => typeof id === 'string');
}

function overheadFactor(gpuPower: unknown, liquid: boolean): number {
  const assumptions = isObject(gpuPower) ? gpuPower.serverOverheadAssumptions : undefined;
  const defaults = isObject(assumptions) ? assumptions.recommendedDefaults : undefined;
  const key = liquid ? 'rackScaleLiquidNVL72' : 'airCooled8GpuServers';
  const published = isObject(defaults) ? positive(defaults[key]) : null;
  return published ?? (liquid ? LIQUID_RACK_FACTOR : AIR_8GPU_FACTOR);
}

/** GPUs in a reference system named like "DGX H100 (8 GPU)" or "HGX H200 8-GPU". */
function gpusInSystemName(name: unknown): number | null {
  const match = typeof name === 'string' ? /(\d+)[ -]?GPU/i.exec(name) : null;
  return match ? positive(Number(match[1])) : null;
}

function systemPower(gpuPower: unknown, id: string, field: string) {
  const rack = list(gpuPower, 'racks').find((r) => r.id === id);
  if (rack) {
    const rackKw = positive(rack.rackKw);
    const gpus = positive(rack.gpus);
    if (rackKw === null || gpus === null) {
      throw invalidInput(field, id, 'gpu-power.json publishes no rack power for it; give itMw');
    }
    const basis = `${String(rack.name ?? id)} rack ${fmt(rackKw)} kW / ${gpus} GPUs`;
    return { kw: rackKw / gpus, basis, confidence: confidenceOf(rack, 'low') };
  }
  const acc = list(gpuPower, 'accelerators').find((a) => a.id === id);
  if (!acc) throw invalidInput(field, id, 'not an id in gpu-power.json accelerators or racks');
  const confidence = confidenceOf(acc, 'low');
  const system = isObject(acc.referenceSystem) ? acc.referenceSystem : null;
  const systemKw = system ? positive(system.systemMaxKw) : null;
  const systemGpus = system ? gpusInSystemName(system.name) : null;
  if (system && systemKw !== null && systemGpus !== null) {
    const basis = `${String(system.name)} ${fmt(systemKw)} kW / ${systemGpus} GPUs`;
    return { kw: systemKw / systemGpus, basis, confidence };
  }
  const podKw = positive(acc.podKw);
  const chips = positive(acc.chipsPerPod);
  if (podKw !== null && chips !== null) {
    const basis = `${String(acc.name ?? id)} pod ${fmt(podKw)} kW / ${chips} chips (all-in)`;
    return { kw: podKw / chips, basis, confidence };
  }
  const tdpW = positive(acc.tdpW);
  if (tdpW !== null) {
    // Rack-scale liquid systems carry less per-GPU overhead than 8-GPU air servers (1.45 vs 1.8).
    const liquid = /^(direct )?liquid/i.test(String(acc.coolingTypical ?? ''));
    const factor = overheadFactor(gpuPower, liquid);
    const kind = liquid ? 'rack-scale liquid' : 'air-cooled 8-GPU server';
    const basis = `${String(acc.name ?? id)} board ${fmt(tdpW, 0)} W × ${factor} ${kind} overhead factor (assumption: no reference system published)`;
    return { kw: (tdpW / 1000) * factor, basis, confidence: 'low' as Confidence };
  }
  throw invalidInput(field, id, 'gpu-power.json publishes no power for it; give itMw');
}

/**
 * IT kW per GPU for an accelerator or rack id, with the cluster adder. `field` names the input
 * in errors, e.g. 'phases[2].accelerator'.
 */
export function itKwPerGpu(gpuPower: unknown, id: string, field = 'accelerator'): GpuItPower {
  const system = systemPower(gpuPower, id, field);
  const kwPerGpu = system.kw * (1 + CLUSTER_ADDER);
  const basis =
    `${system.basis} = ${fmt(system.kw)} kW/GPU, + ${CLUSTER_ADDER * 100}% cluster network/storage ` +
    `(assumption, midpoint of 5–10%) = ${fmt(kwPerGpu, 4)} kW/GPU`;
  return { kwPerGpu, systemKwPerGpu: system.kw, basis, confidence: system.confidence };
}
