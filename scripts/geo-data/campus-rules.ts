// The labelled assumptions a campus record needs and the reference does not give: kind, local
// standard time, PUE and training share. Each returns its value with the sentence that says why.
import type { CampusKind } from '../../models/records.ts';
import type { RefCampus, RefGpuPower } from './reference.ts';

/** Reference records whose kind says SUPPLY are nuclear supply deals, not loads (README). */
export const isSupplyKind = (kind: string): boolean => /\bSUPPLY\b/.test(kind);

// Cloud, nuclear-co-located and campus-plus-factory sites run a mix of training and serving.
const KIND: Record<string, CampusKind> = {
  'ai-training-campus': 'ai-training',
  'semiconductor-fab': 'fab',
  'ai-cloud-campus': 'ai-mixed',
  'nuclear-colocated-campus': 'ai-mixed',
  'ai-campus + AI-server factory': 'ai-mixed',
};

export function campusKind(ref: RefCampus): { kind: CampusKind; assumption: string } {
  const kind = KIND[ref.kind];
  if (!kind) throw new Error(`campus "${ref.id}": reference kind "${ref.kind}" has no mapping`);
  return { kind, assumption: `kind ${kind}: reference kind "${ref.kind}".` };
}

// DESIGN.md "Demand": trainingShare defaults by kind.
const TRAINING_SHARE: Record<CampusKind, number> = {
  'ai-training': 0.9,
  'ai-mixed': 0.5,
  'ai-inference': 0.1,
  fab: 0,
};

export function trainingShare(kind: CampusKind): { value: number; assumption: string } {
  const value = TRAINING_SHARE[kind];
  return {
    value,
    assumption: `trainingShare ${value}: assumption, the default for kind ${kind} (not published).`,
  };
}

// Local standard time, from the Uniform Time Act zones (49 CFR Part 71), never from longitude.
// States wholly in one zone (Arizona keeps MST all year):
const STATE_OFFSET: Record<string, number> = { AZ: -7, LA: -6, NM: -7, OH: -5, PA: -5, WI: -6 };
// States split between zones, by county: El Paso and Hudspeth (TX) are Mountain; East Tennessee
// is Eastern; four Upper Peninsula counties (MI) and NW/SW Indiana are Central.
const COUNTY_OFFSET: Record<string, Record<string, number>> = {
  TX: { Taylor: -6, Shackelford: -6, Milam: -6 },
  TN: { Shelby: -6 },
  MI: { Washtenaw: -5 },
  IN: { 'St. Joseph': -5 },
};
// Only where the zone is not beyond doubt is the basis written down.
const OFFSET_NOTE: Record<string, string> = {
  IN: 'St. Joseph County, Indiana, observes Eastern time (it moved to Central in 2006 and back to Eastern in 2007; northwest Indiana near Chicago is Central).',
};

export function utcOffsetHours(ref: RefCampus): { value: number; assumption?: string } {
  const county = ref.county.split(' (')[0].trim();
  const value = COUNTY_OFFSET[ref.state]?.[county] ?? STATE_OFFSET[ref.state];
  if (value === undefined) {
    throw new Error(`campus "${ref.id}": no standard-time offset for ${ref.state} / ${county}`);
  }
  const note = OFFSET_NOTE[ref.state];
  return { value, assumption: note && `utcOffsetHours ${value}: ${note}` };
}

type Cooling = 'liquid' | 'air' | 'fab';

// Cooling class per campus, judged from each record's notes (hardware, rack density, era).
const COOLING: Record<string, { cooling: Cooling; why: string }> = {
  'stargate-abilene': { cooling: 'liquid', why: 'GB200 NVL72 racks, which require liquid cooling' },
  'xai-colossus-1': { cooling: 'air', why: 'an H100/H200-era cluster (~100k H100 in 2024)' },
  'xai-colossus-2': { cooling: 'liquid', why: 'a GB200 cluster (110k GB200 first phase)' },
  'tsmc-arizona': { cooling: 'fab', why: 'a semiconductor fab' },
  'meta-hyperion': { cooling: 'liquid', why: 'a 2028+ GB200/GB300-era build' },
  'meta-prometheus': { cooling: 'liquid', why: 'a 2026 GB200-era 1 GW cluster' },
  'microsoft-fairwater-wi': {
    cooling: 'liquid',
    why: 'GB200 racks, >90% closed-loop liquid cooling',
  },
  'aws-susquehanna-cumulus': {
    cooling: 'air',
    why: 'a 2023 hyperscale cloud building (Talen Cumulus)',
  },
  'stargate-shackelford-frontier': { cooling: 'liquid', why: 'racks of >250 kW' },
  'stargate-dona-ana-jupiter': { cooling: 'liquid', why: 'a 2026 Oracle/OpenAI GB200-era build' },
  'stargate-lordstown': { cooling: 'liquid', why: "a 2026 Stargate 'advanced data center design'" },
  'stargate-milam': { cooling: 'liquid', why: 'a 2027 Stargate GB200/GB300-era build' },
  'stargate-michigan-saline': {
    cooling: 'liquid',
    why: 'a 2027 Oracle/OpenAI GB200/GB300-era build',
  },
  'stargate-port-washington-lighthouse': {
    cooling: 'liquid',
    why: 'a 2028 Oracle/OpenAI AI build',
  },
  'aws-rainier-new-carlisle': { cooling: 'air', why: 'Trainium2 servers, reported air-cooled' },
  'coreweave-lancaster': { cooling: 'liquid', why: 'a 2026 CoreWeave GB200/GB300-era build' },
};

/** The annual PUE assumption, inside the gpu-power.json pue.designRanges it cites. */
export function campusPue(
  ref: RefCampus,
  gpuPower: RefGpuPower,
): { value: number; assumption: string } {
  const judged = COOLING[ref.id];
  if (!judged) throw new Error(`campus "${ref.id}": no cooling judgement for its PUE`);
  const { liquidCooledAI, hyperscaleAirCooled } = gpuPower.pue.designRanges;
  if (judged.cooling === 'fab') {
    return {
      value: 1,
      assumption: `pue 1: a fab has no PUE; its HVAC is modelled separately (DESIGN.md "Demand").`,
    };
  }
  if (judged.cooling === 'liquid') {
    const [low, high] = liquidCooledAI;
    const value = 1.15;
    if (value < low || value > high)
      throw new Error(`pue ${value} is outside liquidCooledAI ${low}–${high}`);
    return {
      value,
      assumption: `pue ${value}: assumption, liquid-cooled AI campus (${judged.why}); within gpu-power.json pue.designRanges.liquidCooledAI ${low}–${high}.`,
    };
  }
  const [low, high] = hyperscaleAirCooled;
  const value = Math.round(((low + high) / 2) * 100) / 100;
  return {
    value,
    assumption: `pue ${value}: assumption, air-cooled campus (${judged.why}); midpoint of gpu-power.json pue.designRanges.hyperscaleAirCooled ${low}–${high}.`,
  };
}

// Caveats on a campus's published figures that the conversion rules alone would not reveal.
export const CAMPUS_CAVEATS: Record<string, string[]> = {
  'stargate-abilene': [
    'The 2026 total (1.2 GW) is not consistently stated as IT or facility power; it is treated as facility power, like the 2025 increment it extends.',
  ],
  'xai-colossus-2': [
    'The 2026 total (1 GW) is kept as published, though the SpaceX S-1 reporting puts Colossus 1 and 2 together at ~1.0 GW, so it may double-count Colossus 1 (low confidence).',
  ],
};
