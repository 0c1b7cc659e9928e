// `npm run cli -- optimise request.json` (issue 13): the same answer as POST /api/optimise, a
// progress bar on a TTY, and a bad request refused with the route's message.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGeoData } from '../../geo-data/load.ts';
import { optimiseCommand } from '../../server/cli/optimise.ts';

const fixture = new URL('../fixtures/colossus-1.optimise.json', import.meta.url).pathname;

describe('cli optimise', () => {
  it('writes the optimiser result with a progress bar, as the route answers it', async () => {
    const geoData = loadGeoData();
    const dir = mkdtempSync(join(tmpdir(), 'optimise-'));
    const out = join(dir, 'result.json');
    let bar = '';
    const message = await optimiseCommand(geoData, [fixture, '--out', out], {
      isTTY: true,
      write: (t: string) => (bar += t),
    });
    expect(message).toContain(out);
    expect(bar).toMatch(/optimise \[#+\.*\] \d+\/\d+ fleets/);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.best.deployments.length).toBeGreaterThan(0);
    expect(result.best.evaluation.afterBackup.servedEnergyFraction).toBeGreaterThanOrEqual(0.99);
    // Without --out it prints the same JSON (the search is deterministic for a seed).
    const printed = JSON.parse(await optimiseCommand(geoData, [fixture], { write: () => 0 }));
    expect(printed.best.deployments).toEqual(result.best.deployments);
    expect(printed.ranked).toEqual(result.ranked);
  }, 120_000);

  it('refuses a bad request with the field named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'optimise-'));
    const bad = join(dir, 'bad.json');
    const request = JSON.parse(readFileSync(fixture, 'utf8'));
    writeFileSync(bad, JSON.stringify({ ...request, designs: ['no-such-design'] }));
    await expect(optimiseCommand(loadGeoData(), [bad], { write: () => 0 })).rejects.toThrow(
      /INVALID_INPUT.*designs\[0\]/,
    );
  });
});
