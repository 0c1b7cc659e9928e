// Runs once before all test files: builds the web app when a browser test needs it and the
// bundle is missing or older than its sources, so each browser test file can serve dist/web.
// SKIP_WEB_BUILD=1 skips it for a run of server-only tests while someone else edits web/.
import { ensureWebBuilt } from '../server/build-web.ts';

export default async function setup(): Promise<void> {
  if (process.env.SKIP_WEB_BUILD === '1') return;
  await ensureWebBuilt();
}
