// `npm run cli -- report scenario.json [--out report.pdf] [--pdf | --csv | --geojson]`: the
// same report the API sends (server/routes/reports.ts), built in this process on the bundled
// data. The format is the flag, else the extension of --out, else PDF; without --out the file
// is named after the scenario (made safe) in the current directory. A progress bar on a TTY:
// the Monte Carlo trials, then the PDF's sections.
import { writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { Compile } from 'typebox/compile';
import type { GeoData } from '../../geo-data/load.ts';
import { buildApp } from '../app.ts';
import { safeFileStem } from '../reports/filename.ts';
import { buildReport } from '../reports/build.ts';
import { EvaluateRequest, type EvaluateRequestBody } from '../schemas/evaluate.ts';
import { REPORT_FORMATS, type ReportFormat } from '../schemas/report.ts';
import { readScenarioFile } from './evaluate.ts';
import { progressReporter, type ProgressStream } from './report-progress.ts';

const USAGE =
  'usage: npm run cli -- report scenario.json [--out report.pdf] [--pdf|--csv|--geojson]';
const checkRequest = Compile(EvaluateRequest);

interface ReportArgs {
  path: string;
  out?: string;
  format: ReportFormat;
}

export function parseReportArgs(args: string[]): ReportArgs {
  let path: string | undefined;
  let out: string | undefined;
  let flag: ReportFormat | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--out' || arg === '-o') {
      out = args[++i];
      if (!out) throw new Error(`--out needs a file name\n${USAGE}`);
    } else if (arg.startsWith('--out=')) {
      out = arg.slice('--out='.length);
    } else if (arg.startsWith('--')) {
      const format = arg.slice(2) as ReportFormat;
      if (!REPORT_FORMATS.includes(format)) throw new Error(`Unknown option ${arg}\n${USAGE}`);
      if (flag && flag !== format) throw new Error(`Give one format, not --${flag} and ${arg}`);
      flag = format;
    } else if (path === undefined) {
      path = arg;
    } else {
      throw new Error(`One scenario file at a time (got ${path} and ${arg})\n${USAGE}`);
    }
  }
  if (!path) throw new Error(USAGE);
  const fromOut = out ? extname(out).slice(1).toLowerCase() : '';
  const inferred = (REPORT_FORMATS as readonly string[]).includes(fromOut)
    ? (fromOut as ReportFormat)
    : undefined;
  if (out && !flag && !inferred) {
    throw new Error(
      `Cannot tell the format from ${out}: end it in .pdf, .csv or .geojson, or give --pdf, --csv or --geojson`,
    );
  }
  return { path, out, format: flag ?? inferred ?? 'pdf' };
}

/** The scenario file as the API would take it, or an error naming the field. */
export function scenarioOfFile(path: string): { name: string; body: EvaluateRequestBody } {
  const { name, ...request } = readScenarioFile(path);
  if (name !== undefined && (typeof name !== 'string' || name.length === 0)) {
    throw new Error(`${path}: name must be a non-empty string`);
  }
  const first = [...checkRequest.Errors(request)][0];
  if (first) {
    const field = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
    throw new Error(`${path}: invalid ${field || 'scenario'}: ${first.message}`);
  }
  return {
    name: (name as string | undefined) ?? basename(path, extname(path)),
    body: request as EvaluateRequestBody,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} kB`;

export async function reportCommand(
  geoData: GeoData,
  args: string[],
  stderr: ProgressStream = process.stderr,
): Promise<string> {
  const { path, out, format } = parseReportArgs(args);
  const { name, body } = scenarioOfFile(path);
  const target = resolve(out ?? `${safeFileStem(name)}.${format}`);
  const app = await buildApp({
    databaseUrl: 'sqlite::memory:',
    geoData,
    evaluationWorkers: 0,
    logger: false,
  });
  const progress = progressReporter(stderr);
  // The trials' progress: the route's evaluation goes through app.evaluator, so wrap it.
  const evaluator = app.evaluator;
  const evaluate = evaluator.evaluate.bind(evaluator);
  evaluator.evaluate = (inputs, extras) =>
    evaluate(inputs, extras, (done, total) => progress.update('evaluate', done, total, 'trials'));
  try {
    const file = await buildReport(app, format, name, body, (done, total) =>
      progress.update('pdf', done, total, 'sections'),
    );
    progress.end();
    writeFileSync(target, file);
    const bytes = typeof file === 'string' ? Buffer.byteLength(file) : file.length;
    return `wrote ${target} (${format.toUpperCase()}, ${kb(bytes)})`;
  } finally {
    progress.end();
    await app.close();
  }
}
