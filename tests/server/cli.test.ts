import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../server/cli.ts';
import { evaluate } from '../../models/scenario.ts';
import { loadGeoData } from '../../geo-data/load.ts';
import { evaluateDataOf } from '../../server/evaluate/data.ts';

const fixture = resolve(import.meta.dirname, '..', 'fixtures', 'colossus-allen.scenario.json');

describe('npm run cli -- evaluate', () => {
  it('prints the same result as the model, as JSON', async () => {
    const printed = JSON.parse(await run(['evaluate', fixture]));
    const geo = loadGeoData();
    const campus = geo.campuses.find((c) => c.id === 'xai-colossus-1');
    const direct = evaluate(
      {
        campus: campus!,
        deployments: [
          { designId: 'bwrx-300', units: 4, lat: 35.0751, lon: -90.1626, codYear: 2031 },
        ],
        options: { year: 2032, trials: 100, seed: 5 },
      },
      evaluateDataOf(geo),
    );
    expect(printed.coverage).toEqual(JSON.parse(JSON.stringify(direct.coverage)));
    expect(printed.afterBackup).toEqual(JSON.parse(JSON.stringify(direct.afterBackup)));
    expect(printed.economics).toEqual(JSON.parse(JSON.stringify(direct.economics)));
    expect(printed.hourly.deliveredMw).toHaveLength(8760);
  });

  it('prints a table with --table, the answer first', async () => {
    const text = await run(['evaluate', fixture, '--table']);
    expect(text.split('\n')[0]).toMatch(/^metric\s+value$/);
    expect(text).toMatch(/served energy\s+\d+(\.\d)?% \(P05/);
    expect(text).toMatch(/bwrx-300\s+4\s+Tennessee/);
    expect(text).toMatch(/served after backup\s+\d+\.\d{3}%/);
    expect(text).toMatch(/plan period\s+2 years/);
  });

  it('names a file that is not JSON', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'cli-')), 'bad.json');
    writeFileSync(bad, '{ not json');
    await expect(run(['evaluate', bad])).rejects.toThrowError(/bad\.json is not JSON/);
  });

  it("passes on the model's error for an unknown design", async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'cli-')), 'unknown.json');
    writeFileSync(
      bad,
      JSON.stringify({
        campus: { id: 'xai-colossus-1' },
        deployments: [{ designId: 'warp-core', units: 1, lat: 35, lon: -90 }],
      }),
    );
    await expect(run(['evaluate', bad])).rejects.toThrowError(/designId.*warp-core/);
  });

  it('lists the designs', async () => {
    expect(await run(['designs'])).toMatch(/natrium\s+SFR\s+345/);
  });
});
