// Command-line access to the same data and models the server uses.
//   npm run cli -- campuses            list campuses with published peak, basis and confidence
//   npm run cli -- sites [kind]        list candidate sites, optionally of one kind
//   npm run cli -- designs             list reactor designs with net MWe and cost basis
//   npm run cli -- validate            validate geo-data, print every problem
import { loadGeoData } from '../geo-data/load.ts';

const USAGE = `usage: npm run cli -- <campuses | sites [kind] | designs | validate>`;

function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) =>
          typeof cell === 'number'
            ? String(cell).padStart(widths[i])
            : String(cell).padEnd(widths[i]),
        )
        .join('  '),
    )
    .join('\n');
}

const fmtMw = (mw: number | null | undefined): string =>
  mw == null ? '—' : Math.round(mw).toLocaleString('en-US');

export function run(args: string[]): string {
  const [command, arg] = args;
  const data = loadGeoData();
  switch (command) {
    case 'campuses':
      return table([
        ['id', 'kind', 'peak MW (published)', 'phases', 'confidence'],
        ...data.campuses.map((c) => {
          const last = c.publishedTotals.at(-1);
          return [
            c.id,
            c.kind,
            fmtMw(last?.facilityMw ?? last?.itMw),
            c.phases.length,
            c.confidence,
          ];
        }),
      ]);
    case 'sites':
      return table([
        ['id', 'kind', 'state', 'existing MW', 'confidence'],
        ...data.sites
          .filter((s) => !arg || s.kind === arg)
          .map((s) => [s.id, s.kind, s.state ?? '', fmtMw(s.existingMw), s.confidence]),
      ]);
    case 'designs':
      return table([
        ['id', 'type', 'net MWe', 'capital $/kW', 'cost basis', 'earliest COD'],
        ...data.designs.map((d) => [
          d.id,
          d.type,
          d.netMwe.value,
          fmtMw(d.capitalCostUsdPerKw.value),
          d.capitalCostUsdPerKw.basis,
          d.earliestCodYear.value,
        ]),
      ]);
    case 'validate':
      return `geo-data ${data.version}: ${data.campuses.length} campuses, ${data.sites.length} sites, ${data.designs.length} designs, ${data.supplyDeals.length} supply deals: valid`;
    default:
      throw new Error(USAGE);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(run(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
