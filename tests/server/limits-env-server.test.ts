// The compute limits set in the environment reach the real server process (issue 12): the
// server started the way a user starts it, with EVALUATE_MAX_UNIT_TRIAL_HOURS and
// SCREEN_MAX_CELLS at their lowest allowed values (server/evaluate/limits-env.ts), refuses
// requests over them with 400 OVER_BUDGET naming the variable and the limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

let server: ServerProcess;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'planner-limits-'));
  server = await startServerProcess({
    cwd: dir,
    env: {
      DATABASE_URL: `sqlite:${join(dir, 'planner.db')}`,
      EVALUATE_MAX_UNIT_TRIAL_HOURS: '1e6',
      SCREEN_MAX_CELLS: '100',
    },
  });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const post = (path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('limit environment variables in the server process', () => {
  it('EVALUATE_MAX_UNIT_TRIAL_HOURS=1e6 refuses an evaluate over 1,000,000 unit-trial-hours', async () => {
    // 1 unit counts as 300 × 20 trials × 8,760 h = 52,560,000: over 1e6, far under the default.
    const res = await post('/api/evaluate', {
      campus: { id: 'stargate-abilene' },
      deployments: [{ designId: 'bwrx-300', units: 1, lat: 32.6, lon: -99.8 }],
      options: { trials: 20 },
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('OVER_BUDGET');
    expect(error.message).toContain('EVALUATE_MAX_UNIT_TRIAL_HOURS');
    expect(error.message).toContain('limit of 1,000,000');
  });

  it('SCREEN_MAX_CELLS=100 refuses a screen of more than 100 cells', async () => {
    // radiusKm 200 at cellKm 10: about 1,450 cells, under the model's 20,000 cap.
    const res = await post('/api/screen', {
      campus: { id: 'stargate-abilene' },
      designId: 'bwrx-300',
      radiusKm: 200,
      cellKm: 10,
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('OVER_BUDGET');
    expect(error.message).toContain('SCREEN_MAX_CELLS');
    expect(error.message).toContain('limit of 100 ');
  });
});
