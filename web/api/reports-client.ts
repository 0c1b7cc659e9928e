// The downloads (issue 11): a scenario as a PDF report, CSV or GeoJSON, and saved scenarios
// compared in one PDF, each streamed with progress (server/routes/report-stream.ts).
import type { ReportFormat, ReportProgress, ReportResult } from '../../server/schemas/report.ts';
import { postEventStream } from './post-stream.ts';
import type { ScenarioInput } from './scenario-types.ts';

export type { ReportFormat, ReportProgress, ReportResult };

export const streamReport = (
  format: ReportFormat,
  input: ScenarioInput,
  onProgress: (progress: ReportProgress) => void,
  signal?: AbortSignal,
): Promise<ReportResult> =>
  postEventStream(`/api/report/stream?format=${format}`, input, onProgress, signal);

export const streamComparison = (
  scenarioIds: readonly string[],
  onProgress: (progress: ReportProgress) => void,
  signal?: AbortSignal,
): Promise<ReportResult> =>
  postEventStream('/api/report/compare/stream', { scenarioIds }, onProgress, signal);
