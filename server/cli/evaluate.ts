// `npm run cli -- evaluate scenario.json [--table]`: the same models the server runs, in this
// process, with a progress bar on a TTY. The file is an evaluate request or a saved scenario:
// { name?, campus: { id } | CampusSpec, deployments: [...], options? }.
import { readFileSync } from 'node:fs';
import type { GeoData } from '../../geo-data/load.ts';
import type { EvaluateInputs, EvaluateResult } from '../../models/scenario.ts';
import { evaluateDataOf } from '../evaluate/data.ts';
import { createEvaluator } from '../evaluate/evaluator.ts';
import { resolveCampusInput } from '../routes/resolve-campus.ts';
import { resultTable } from './result-table.ts';

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

/** The server's own evaluation (one orchestration), run inline in this process. */
export async function evaluateFile(
  geoData: GeoData,
  path: string,
  stderr: { isTTY?: boolean; write(text: string): unknown } = process.stderr,
): Promise<EvaluateResult> {
  const request = readScenarioFile(path);
  const campus = resolveCampusInput(geoData, (request.campus ?? {}) as Record<string, unknown>);
  const inputs = {
    campus,
    deployments: request.deployments,
    options: request.options,
  } as EvaluateInputs;
  const evaluator = createEvaluator({
    data: evaluateDataOf(geoData),
    dataVersion: geoData.version,
    workers: 0,
  });
  try {
    const { json } = await evaluator.evaluate(inputs, undefined, (done, total) => {
      if (stderr.isTTY) stderr.write(`\r${progressBar(done, total)}`);
    });
    if (stderr.isTTY) stderr.write('\n');
    return JSON.parse(json) as EvaluateResult;
  } finally {
    await evaluator.close();
  }
}

export async function evaluateCommand(geoData: GeoData, args: string[]): Promise<string> {
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) throw new Error('usage: npm run cli -- evaluate scenario.json [--table]');
  const result = await evaluateFile(geoData, path);
  return args.includes('--table') ? resultTable(result) : JSON.stringify(result, null, 2);
}
