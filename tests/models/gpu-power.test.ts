import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { ModelError } from '../../models/errors.ts';
import { acceleratorIds, CLUSTER_ADDER, itKwPerGpu } from '../../models/gpu-power.ts';

const { gpuPower } = loadGeoData();

function errorOf(run: () => unknown): ModelError {
  try {
    run();
  } catch (error) {
    if (error instanceof ModelError) return error;
    throw error;
  }
  throw new Error('expected a ModelError');
}

describe('itKwPerGpu', () => {
  it('gives a DGX H100-class server 1.275 kW per GPU, 1.3706 kW with the adder', () => {
    // DGX H100: 10.2 kW / 8 GPUs = 1.275 kW; × (1 + 0.075) = 1.370625 kW.
    const power = itKwPerGpu(gpuPower, 'nvidia-h100-sxm5');
    expect(CLUSTER_ADDER).toBe(0.075);
    expect(power.systemKwPerGpu).toBeCloseTo(1.275, 12);
    expect(power.kwPerGpu).toBeCloseTo(1.370625, 12);
    expect(power.confidence).toBe('high');
    expect(power.basis).toContain('10.2 kW / 8 GPUs');
  });

  it('gives a GB200 NVL72 rack about 1.67 kW per GPU', () => {
    // 120 kW / 72 GPUs = 1.6667 kW; × 1.075 = 1.7917 kW.
    const power = itKwPerGpu(gpuPower, 'nvidia-gb200-nvl72');
    expect(power.systemKwPerGpu).toBeCloseTo(1.66667, 5);
    expect(power.kwPerGpu).toBeCloseTo(1.79167, 5);
  });

  it('reads the GPU count from an "8-GPU" system name too', () => {
    // HGX H200 8-GPU: 10.2 kW / 8 = 1.275 kW, as for H100.
    expect(itKwPerGpu(gpuPower, 'nvidia-h200-sxm').systemKwPerGpu).toBeCloseTo(1.275, 12);
  });

  it('falls back to board power × the overhead factor, as a low-confidence assumption', () => {
    // B300 (liquid, no reference system): 1.4 kW × 1.45 = 2.03 kW; × 1.075 = 2.18225 kW.
    const b300 = itKwPerGpu(gpuPower, 'nvidia-b300');
    expect(b300.kwPerGpu).toBeCloseTo(2.18225, 10);
    expect(b300.confidence).toBe('low');
    expect(b300.basis).toContain('assumption');
    // MI300X (air, 8-GPU OAM platform): 0.75 kW × 1.8 = 1.35 kW; × 1.075 = 1.45125 kW.
    expect(itKwPerGpu(gpuPower, 'amd-mi300x').kwPerGpu).toBeCloseTo(1.45125, 10);
  });

  it('uses a published pod figure where there is one', () => {
    // TPU v7 Ironwood: 10,000 kW / 9,216 chips = 1.08507 kW; × 1.075 = 1.16645 kW.
    expect(itKwPerGpu(gpuPower, 'google-tpu-v7-ironwood').kwPerGpu).toBeCloseTo(1.16645, 5);
  });

  it.each([
    ['future-high-density', 'no rack power'],
    ['google-tpu-v5p', 'no power'],
    ['nvidia-h900', 'not an id'],
  ])('raises invalid input naming %s when no power is published', (id, why) => {
    const error = errorOf(() => itKwPerGpu(gpuPower, id, 'phases[1].accelerator'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toContain(`phases[1].accelerator: "${id}"`);
    expect(error.message).toContain(why);
  });

  it('works from a hand-made table with no overhead defaults', () => {
    const table = {
      accelerators: [
        { id: 'x', referenceSystem: { name: 'X box (4 GPU)', systemMaxKw: 4 } },
        { id: 'y', tdpW: 500, coolingTypical: 'air' },
      ],
      racks: [{ id: 'r', gpus: 10, rackKw: 20 }],
    };
    expect(acceleratorIds(table)).toEqual(['x', 'y', 'r']);
    expect(itKwPerGpu(table, 'x').kwPerGpu).toBeCloseTo(1.075, 12);
    // 0.5 kW × 1.8 (the built-in air default) × 1.075 = 0.9675 kW.
    expect(itKwPerGpu(table, 'y').kwPerGpu).toBeCloseTo(0.9675, 12);
    expect(itKwPerGpu(table, 'r').kwPerGpu).toBeCloseTo(2.15, 12);
  });
});
