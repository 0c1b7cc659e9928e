// Runs once before all test files: builds the web app when a browser test needs it and the
// bundle is missing or older than its sources, so each browser test file can serve dist/web.
import { ensureWebBuilt } from '../server/build-web.ts';

export default async function setup(): Promise<void> {
  await ensureWebBuilt();
}
