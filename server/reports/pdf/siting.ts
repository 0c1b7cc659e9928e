// Section 5, siting: each deployment's checks with value, limit and pass or fail, its
// population rings (read from the RG 4.7 check, which names the Census vintage), its nearest
// interconnection point and its water source.
import type { EvaluateResponseBody } from '../../schemas/evaluate-result.ts';
import { COLOR, heading, paragraph, section, type Report } from './layout.ts';
import { km, num } from './format.ts';
import { deploymentTitle, type ReportInput } from './input.ts';
import { table, type Cell } from './table.ts';

type Check = NonNullable<EvaluateResponseBody['deployments'][number]['siting']>['checks'][number];

const LABELS: Record<string, string> = {
  'population-density': 'Population density (RG 4.7)',
  'population-density-sector': 'Population density by sector',
  'population-centre-distance': 'Distance to a population centre',
  'epz-population': 'People inside the EPZ',
  'seismic-hazard': 'Seismic hazard',
  'cooling-water': 'Cooling water',
  brownfield: 'Brownfield',
  interconnection: 'Interconnection',
  'campus-exclusion-area': 'Campus vs exclusion area',
  'campus-distance': 'Distance to the campus',
  'transmission-cost': 'Transmission cost',
  jurisdiction: 'Jurisdiction',
};

function valueText(c: Check): string {
  if (c.value === null) return '—';
  if (typeof c.value === 'string') return c.value;
  if (c.unit === 'USD') return `$${num(c.value)}`;
  const digits =
    Math.abs(c.value) < 10 && !Number.isInteger(c.value) ? 2 : Number.isInteger(c.value) ? 0 : 1;
  return `${num(c.value, digits)}${c.unit ? ` ${c.unit}` : ''}`;
}

const limitText = (c: Check) =>
  c.limit === null ? '—' : `${num(c.limit, c.limit < 10 ? 2 : 0)}${c.unit ? ` ${c.unit}` : ''}`;

function verdictCell(c: Check): Cell {
  if (c.pass === null) return { text: 'info', color: COLOR.muted };
  return c.pass
    ? { text: 'pass', color: COLOR.pass, bold: true }
    : { text: 'FAIL', color: COLOR.fail, bold: true };
}

/** Rings from the check note's "By radius (/mi²): 1 mi 0, 2 mi 0.9, …" list; [] when absent. */
export function populationRings(
  note: string,
): { radiusMi: number; densityPerMi2: number; people: number }[] {
  const list = /By radius \(\/mi²\): (.*?)\.(?:\s|$)/.exec(note)?.[1];
  if (!list) return [];
  return list
    .split(', ')
    .map((part) => /^(\d+(?:\.\d+)?) mi (\d+(?:\.\d+)?)$/.exec(part.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const radiusMi = Number(m[1]);
      const densityPerMi2 = Number(m[2]);
      return { radiusMi, densityPerMi2, people: densityPerMi2 * Math.PI * radiusMi ** 2 };
    });
}

export function sitingSection(r: Report, input: ReportInput): void {
  section(
    r,
    'Siting',
    'Screening checks for each deployment. Hard checks are regulatory bars (10 CFR 100); advisory checks follow NRC guidance (RG 4.7) and flag a review, not a bar.',
  );
  input.result.deployments.forEach((d, i) => {
    heading(r, deploymentTitle(input, i));
    const checks = d.siting?.checks ?? [];
    if (checks.length === 0) {
      paragraph(r, 'No siting checks were run (unknown design).');
      return;
    }
    paragraph(r, `Overall: ${d.siting?.pass ? 'no hard check fails' : 'a hard check fails'}.`, {
      bold: true,
      color: d.siting?.pass ? COLOR.pass : COLOR.fail,
    });
    table(
      r,
      [
        { header: 'Check', width: 3 },
        { header: 'Severity', width: 1.4 },
        { header: 'Value', width: 2.6, align: 'right' },
        { header: 'Limit', width: 1.8, align: 'right' },
        { header: 'Result', width: 1.1, align: 'center' },
      ],
      checks.map((c) => [
        LABELS[c.id] ?? c.id,
        c.severity,
        valueText(c),
        limitText(c),
        verdictCell(c),
      ]),
    );

    const density = checks.find((c) => c.id === 'population-density');
    const rings = density ? populationRings(density.note) : [];
    if (rings.length) {
      table(
        r,
        [
          { header: 'Population ring', width: 2 },
          { header: 'Density', width: 2, align: 'right' },
          { header: 'People (density × area)', width: 2, align: 'right' },
        ],
        rings.map((ring) => [
          `within ${num(ring.radiusMi)} mi`,
          `${num(ring.densityPerMi2, 1)} persons/mi²`,
          num(Math.round(ring.people / 10) * 10),
        ]),
        7.5,
      );
    }
    for (const c of checks.filter(
      (x) => x.id.startsWith('population') || x.id === 'epz-population',
    )) {
      paragraph(r, `${LABELS[c.id] ?? c.id}: ${c.note}`, { size: 7 });
    }
    const line = d.lineTo;
    const ic = checks.find((c) => c.id === 'interconnection');
    paragraph(
      r,
      `Interconnection: ${line.kind === 'campus' ? `the line runs to the campus (${d.lineKind}, ${km(d.distanceKm)})` : `${line.name ?? 'unnamed point'}${line.plantId ? ` (${line.plantId})` : ''}${line.kv ? `, ${line.kv} kV` : ''}, ${km(d.distanceKm)} by ${d.lineKind}`}. ${ic ? ic.note : ''}`,
      { size: 7.5 },
    );
    const water = checks.find((c) => c.id === 'cooling-water');
    if (water)
      paragraph(
        r,
        `Water source: ${typeof water.value === 'string' ? water.value : valueText(water)}. ${water.note}`,
        { size: 7.5 },
      );
  });
}
