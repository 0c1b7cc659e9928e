// Rebuilds geo-data/ from the shared reference data:
//   node --import tsx scripts/build-geo-data.ts [outDir]   (npm run geo-data:build)
// REFERENCE_DATA_DIR overrides where the reference data is read from. Nothing is written
// unless the built data validates.
import { DEFAULT_GEO_DATA_DIR, GEO_DATA_FILE_NAMES, type GeoDataFiles } from '../geo-data/load.ts';
import { validateGeoData } from '../geo-data/validate.ts';
import { buildGeoData, writeGeoDataFiles } from './geo-data/build.ts';
import { defaultReferenceDir } from './geo-data/reference.ts';

const referenceDir = defaultReferenceDir();
const outDir = process.argv[2] ?? DEFAULT_GEO_DATA_DIR;

try {
  const files = buildGeoData(referenceDir);
  const parsed = Object.fromEntries(
    Object.entries(GEO_DATA_FILE_NAMES).map(([key, name]) => [key, JSON.parse(files[name])]),
  ) as unknown as GeoDataFiles;
  const problems = validateGeoData(parsed);
  if (problems.length > 0) {
    console.error(`The built geo-data has ${problems.length} problem(s); nothing written:`);
    for (const problem of problems) console.error(`  ${problem}`);
    process.exit(1);
  }
  writeGeoDataFiles(outDir, files);
  console.log(`Wrote ${Object.keys(files).length} files to ${outDir} from ${referenceDir}`);
} catch (error) {
  console.error(`geo-data build failed: ${(error as Error).message}`);
  process.exit(1);
}
