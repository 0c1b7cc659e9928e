// `npm run cli -- optimise request.json [--out result.json]`: the optimiser as the server runs
// it. The request goes through the same route (its schema and checks) on an in-memory app, the
// job runs on that app's queue and worker pool, and a progress bar shows the fleets evaluated.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GeoData } from '../../geo-data/load.ts';
import { buildApp } from '../app.ts';
import type { JobStatusBody } from '../schemas/jobs.ts';
import { readScenarioFile } from './evaluate.ts';
import { progressReporter, type ProgressStream } from './report-progress.ts';

const USAGE = 'usage: npm run cli -- optimise request.json [--out result.json]';

export async function optimiseCommand(
  geoData: GeoData,
  args: string[],
  stderr: ProgressStream = process.stderr,
): Promise<string> {
  const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
  if (!path) throw new Error(USAGE);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  if (outAt >= 0 && !out) throw new Error(USAGE);
  const request = readScenarioFile(path);
  const app = await buildApp({ databaseUrl: 'sqlite::memory:', geoData, logger: false });
  const progress = progressReporter(stderr);
  try {
    const res = await app.inject({ method: 'POST', url: '/api/optimise', payload: request });
    if (res.statusCode !== 202) {
      const { error } = res.json() as { error: { code: string; message: string } };
      throw new Error(`${path}: ${error.code}: ${error.message}`);
    }
    const { jobId } = res.json() as { jobId: string };
    const status = await new Promise<JobStatusBody>((done) => {
      const finished = (s: JobStatusBody) =>
        s.state === 'done' || s.state === 'failed' || s.state === 'cancelled';
      const stop = app.jobs.subscribe(jobId, (s) => {
        if (s.progress) progress.update('optimise', s.progress.done, s.progress.total, 'fleets');
        if (finished(s)) {
          stop();
          done(s);
        }
      });
      void app.jobs.get(jobId).then((now) => {
        if (now && finished(now)) {
          stop();
          done(now);
        }
      });
    });
    progress.end();
    if (status.state !== 'done') {
      throw new Error(`optimisation ${status.state}: ${status.error?.message ?? 'no result'}`);
    }
    const json = JSON.stringify(status.result, null, 2);
    if (!out) return json;
    writeFileSync(resolve(out), json);
    return `wrote ${resolve(out)}`;
  } finally {
    await app.close();
  }
}
