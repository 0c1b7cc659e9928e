// Accelerator counts that the reference campus notes state in words ("~100k H100"), as
// structured records for the demand cross-checks. Nothing here is invented: each entry names the
// fragment of the note it reads, and the build fails if the note no longer says it. The full
// note is kept as the provenance; `basis` says how a count was read (a range takes its midpoint).
import type { Confidence, PublishedAccelerators } from '../../models/records.ts';
import type { RefCampus } from './reference.ts';

interface Reading {
  accelerator: string;
  count: number;
  basis: string;
  /** Lower than the phase's confidence where the count is derived, not stated. */
  confidence?: Confidence;
}

interface NoteReading {
  year: number;
  /** Words of the reference phase note that state the counts, verbatim. */
  says: string;
  counts: Reading[];
}

// "GB200" counts: the notes do not say GPUs or superchips. DESIGN.md counts GPUs, so they are
// read as GPUs (assumption); read as superchips (2 GPUs each) the count, and the MW, would double.
const GB200_AS_GPUS =
  'read as GB200 GPUs in GB200 NVL72 racks (assumption: the note does not say GPUs or superchips; as superchips it would be twice the GPUs)';

const READINGS: Record<string, NoteReading[]> = {
  'xai-colossus-1': [
    {
      year: 2024,
      says: '~100k H100',
      counts: [
        {
          accelerator: 'nvidia-h100-sxm5',
          count: 100_000,
          basis: '"~100k H100" read as 100,000 H100 SXM5 GPUs.',
        },
      ],
    },
    {
      year: 2025,
      says: '~200k-230k GPUs (H100/H200 + ~30k GB200)',
      counts: [
        {
          accelerator: 'nvidia-h100-sxm5',
          count: 185_000,
          basis:
            'The H100/H200 part of "~200k-230k GPUs": the range midpoint (200,000 + 230,000) / 2 = 215,000 less the ~30,000 GB200 = 185,000 (derived). The H100 id stands for both: gpu-power.json gives the H100 (DGX H100) and the H200 (HGX H200) the same 10.2 kW 8-GPU reference system.',
          confidence: 'low',
        },
        {
          accelerator: 'nvidia-gb200-nvl72',
          count: 30_000,
          basis: `"~30k GB200" ${GB200_AS_GPUS}.`,
        },
      ],
    },
  ],
  'xai-colossus-2': [
    {
      year: 2025,
      says: 'first 110k GB200 phase',
      counts: [
        {
          accelerator: 'nvidia-gb200-nvl72',
          count: 110_000,
          basis: `"110k GB200" ${GB200_AS_GPUS}.`,
        },
      ],
    },
  ],
  'stargate-abilene': [
    {
      year: 2026,
      says: '~50k GB200 each; ~400k GB200 total reported by FT',
      counts: [
        {
          accelerator: 'nvidia-gb200-nvl72',
          count: 400_000,
          basis: `"~400k GB200 total" (8 buildings × ~50k each) ${GB200_AS_GPUS}.`,
        },
      ],
    },
  ],
};

/** The counts a campus's notes state, or undefined when they state none. */
export function publishedAccelerators(
  ref: RefCampus,
  acceleratorIds: ReadonlySet<string>,
): PublishedAccelerators[] | undefined {
  const readings = READINGS[ref.id];
  if (!readings) return undefined;
  return readings.flatMap(({ year, says, counts }) => {
    const phase = ref.phases.find((p) => p.year === year);
    if (!phase?.note.includes(says)) {
      throw new Error(
        `campus "${ref.id}": the ${year} note no longer says ${JSON.stringify(says)}; re-read its accelerator counts`,
      );
    }
    return counts.map(({ accelerator, count, basis, confidence }) => {
      if (!acceleratorIds.has(accelerator)) {
        throw new Error(`campus "${ref.id}": ${accelerator} is not an id in gpu-power.json`);
      }
      return {
        year,
        accelerator,
        count,
        note: phase.note,
        basis,
        confidence: confidence ?? phase.confidence,
      };
    });
  });
}
