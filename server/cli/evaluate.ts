// `npm run cli -- evaluate scenario.json [--table]`: the same models the server runs, in this
// process, with a progress bar on a TTY. The file is an evaluate request or a saved scenario:
// { name?, campus: { id } | CampusSpec, deployments: [...], options? }.
import { readFileSync } from 'node:fs';
import type { GeoData } from '../../geo-data/load.ts';
import {
  finishEvaluation,
  mergePartials,
  prepareEvaluation,
  runTrials,
  type EvaluateResult,
} from '../../models/scenario.ts';
import { resolveCampusInput } from '../routes/resolve-campus.ts';
import { resultTable } from './result-table.ts';

const CHUNK_TRIALS = 50;

function progressBar(done: number, total: number): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} trials`;
}

export function readScenarioFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${path} is not JSON: ${(error as Error).message}`);
  }
}

export function evaluateFile(
  geoData: GeoData,
  path: string,
  stderr: { isTTY?: boolean; write(text: string): unknown } = process.stderr,
): EvaluateResult {
  const request = readScenarioFile(path);
  const campus = resolveCampusInput(geoData, (request.campus ?? {}) as Record<string, unknown>);
  const inputs = {
    campus,
    deployments: request.deployments,
    options: request.options,
  } as Parameters<typeof prepareEvaluation>[0];
  const prepared = prepareEvaluation(inputs, {
    designs: geoData.designs,
    gpuPower: geoData.gpuPower,
  });
  const partials = [];
  for (let start = 0; start < prepared.trials; start += CHUNK_TRIALS) {
    const end = Math.min(prepared.trials, start + CHUNK_TRIALS);
    partials.push(runTrials(prepared, start, end));
    if (stderr.isTTY) stderr.write(`\r${progressBar(end, prepared.trials)}`);
  }
  if (stderr.isTTY) stderr.write('\n');
  return finishEvaluation(prepared, mergePartials(prepared, partials));
}

export function evaluateCommand(geoData: GeoData, args: string[]): string {
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) throw new Error('usage: npm run cli -- evaluate scenario.json [--table]');
  const result = evaluateFile(geoData, path);
  return args.includes('--table') ? resultTable(result) : JSON.stringify(result, null, 2);
}
