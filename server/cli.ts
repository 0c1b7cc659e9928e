// Command-line access to the same data and models the server uses.
//   npm run cli -- evaluate scenario.json [--table]   evaluate a scenario file (JSON or a table)
//   npm run cli -- report scenario.json [--out report.pdf] [--pdf|--csv|--geojson]
//                                                     the PDF report, hourly CSV or GeoJSON
//   npm run cli -- optimise request.json [--out result.json]
//                                                     the cheapest fleet meeting a target (issue 13)
//   npm run cli -- campuses                           campuses with published peak and confidence
//   npm run cli -- sites [kind]                       candidate sites, optionally of one kind
//   npm run cli -- designs                            reactor designs with net MWe and cost basis
//   npm run cli -- validate                           validate geo-data
import { loadGeoData } from '../geo-data/load.ts';
import { evaluateCommand } from './cli/evaluate.ts';
import { optimiseCommand } from './cli/optimise.ts';
import { reportCommand } from './cli/report.ts';
import { fmt, table } from './cli/table.ts';

const USAGE =
  'usage: npm run cli -- <evaluate scenario.json [--table] | report scenario.json [--out file.pdf|.csv|.geojson] | optimise request.json [--out result.json] | campuses | sites [kind] | designs | validate>';

export async function run(args: string[]): Promise<string> {
  const [command, ...rest] = args;
  const data = loadGeoData();
  switch (command) {
    case 'evaluate':
      return evaluateCommand(data, rest);
    case 'report':
      return reportCommand(data, rest);
    case 'optimise':
      return optimiseCommand(data, rest);
    case 'campuses':
      return table([
        ['id', 'kind', 'peak MW (published)', 'phases', 'confidence'],
        ...data.campuses.map((c) => {
          const last = c.publishedTotals.at(-1);
          return [c.id, c.kind, fmt(last?.facilityMw ?? last?.itMw), c.phases.length, c.confidence];
        }),
      ]);
    case 'sites':
      return table([
        ['id', 'kind', 'state', 'existing MW', 'confidence'],
        ...data.sites
          .filter((s) => !rest[0] || s.kind === rest[0])
          .map((s) => [s.id, s.kind, s.state ?? '', fmt(s.existingMw), s.confidence]),
      ]);
    case 'designs':
      return table([
        ['id', 'type', 'net MWe', 'capital $/kW', 'cost basis', 'earliest COD'],
        ...data.designs.map((d) => [
          d.id,
          d.type,
          d.netMwe.value,
          fmt(d.capitalCostUsdPerKw.value),
          `${d.capitalCostUsdPerKw.basis}, ${d.capitalCostKind}`,
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
    console.log(await run(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
