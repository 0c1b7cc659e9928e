// Validates the bundled geo-data and prints every problem (npm run geo-data:validate):
//   node --import tsx scripts/validate-geo-data.ts [dir]
// Exits 1 on any problem, else prints one line of counts per dataset.
import { DEFAULT_GEO_DATA_DIR, geoDataVersion, readGeoDataFiles } from '../geo-data/load.ts';
import { validateGeoData } from '../geo-data/validate.ts';

const dir = process.argv[2] ?? DEFAULT_GEO_DATA_DIR;

try {
  const { files, texts } = readGeoDataFiles(dir);
  const problems = validateGeoData(files);
  if (problems.length > 0) {
    console.error(`geo-data in ${dir}: ${problems.length} problem(s)`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.log(
    `geo-data ${geoDataVersion(texts)} valid: ${files.campuses.features.length} campuses, ` +
      `${files.supplyDeals.features.length} supply deals, ${files.sites.features.length} sites, ` +
      `${files.designs.designs.length} designs, ${files.seismicZones.features.length} seismic zones`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
