import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from '../../server/cli.ts';
import { parseReportArgs, reportCommand } from '../../server/cli/report.ts';
import { loadGeoData } from '../../geo-data/load.ts';

const fixture = resolve(import.meta.dirname, '..', 'fixtures', 'colossus-allen.scenario.json');
const dir = () => mkdtempSync(join(tmpdir(), 'cli-report-'));

describe('npm run cli -- report', () => {
  it('writes a PDF report', async () => {
    const out = join(dir(), 'report.pdf');
    expect(await run(['report', fixture, '--out', out])).toMatch(
      /^wrote .*report\.pdf \(PDF, \d+ kB\)$/,
    );
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('writes the hourly CSV, the format taken from --out', async () => {
    const out = join(dir(), 'hourly.csv');
    const said = await run(['report', fixture, '--out', out]);
    expect(said).toBe(`wrote ${out} (CSV, ${said.match(/, (.+)\)$/)?.[1]})`);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(8761);
    expect(lines[0]).toMatch(
      /^hour,local_standard_time,campus_demand_mw,.*dep1_bwrx-300_x4_mw_est$/,
    );
  });

  it('writes GeoJSON with --geojson, named after the scenario when there is no --out', async () => {
    const cwd = process.cwd();
    const here = dir();
    process.chdir(here);
    try {
      const said = await run(['report', fixture, '--geojson']);
      const expected = join(here, 'Colossus 1 on four BWRX-300 at the Allen coal site.geojson');
      expect(said).toContain(`wrote ${expected}`);
      const geo = JSON.parse(readFileSync(expected, 'utf8'));
      expect(geo.type).toBe('FeatureCollection');
      expect(geo.features[0].properties.kind).toBe('campus');
    } finally {
      process.chdir(cwd);
    }
  });

  it('draws a progress bar on a TTY and nothing otherwise', async () => {
    const writes: string[] = [];
    const tty = { isTTY: true, write: (text: string) => writes.push(text) };
    const scenario = join(dir(), 'fresh.json');
    // A seed of its own, so the answer is not in any cache and the trials run here.
    const spec = JSON.parse(readFileSync(fixture, 'utf8'));
    writeFileSync(scenario, JSON.stringify({ ...spec, options: { ...spec.options, seed: 77 } }));
    await reportCommand(loadGeoData(), [scenario, '--out', join(dir(), 'a.csv')], tty);
    const text = writes.join('');
    expect(text).toMatch(/evaluate \[#+\] 100\/100 trials/);
    // And the PDF's sections after the trials.
    writes.length = 0;
    await reportCommand(loadGeoData(), [scenario, '--out', join(dir(), 'a.pdf')], tty);
    expect(writes.join('')).toMatch(/pdf \[#+\] (\d+)\/\1 sections/);
    expect(text.endsWith('\n')).toBe(true);
    const quiet: string[] = [];
    await reportCommand(loadGeoData(), [scenario, '--out', join(dir(), 'b.csv')], {
      isTTY: false,
      write: (t: string) => quiet.push(t),
    });
    expect(quiet).toEqual([]);
  });

  it('names the field of an invalid scenario file', async () => {
    const bad = join(dir(), 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        campus: { id: 'xai-colossus-1' },
        deployments: [{ designId: 'bwrx-300', units: 0, lat: 35, lon: -90 }],
      }),
    );
    await expect(run(['report', bad, '--csv'])).rejects.toThrowError(
      /bad\.json: invalid deployments\.0\.units: must be >= 1/,
    );
  });

  it('infers the format from --out, and refuses what it cannot tell', () => {
    expect(parseReportArgs(['s.json']).format).toBe('pdf');
    expect(parseReportArgs(['s.json', '--out', 'r.PDF']).format).toBe('pdf');
    expect(parseReportArgs(['s.json', '--out=r.geojson']).format).toBe('geojson');
    expect(parseReportArgs(['s.json', '--csv', '--out', 'data.txt'])).toEqual({
      path: 's.json',
      out: 'data.txt',
      format: 'csv',
    });
    expect(() => parseReportArgs(['s.json', '--out', 'r.docx'])).toThrowError(/Cannot tell/);
    expect(() => parseReportArgs(['s.json', '--xlsx'])).toThrowError(/Unknown option --xlsx/);
    expect(() => parseReportArgs(['s.json', '--csv', '--pdf'])).toThrowError(/one format/);
    expect(() => parseReportArgs([])).toThrowError(/usage/);
  });
});
