// Worker thread: runs screens with the geo-data it was started with and its own population
// index (built on the first screen, ~1 s; a server warms it at listen).
import { parentPort, workerData } from 'node:worker_threads';
import type { SitingData } from '../../models/siting.ts';
import { getPopulationIndex } from '../plugins/population.ts';
import { runScreen, sitingDataOf, type ScreenGeo, type ScreenTask } from './screen-task.ts';

const geo = (workerData as { data: ScreenGeo }).data;
let data: SitingData | undefined;

parentPort?.on('message', (task: ScreenTask | 'warm') => {
  data ??= sitingDataOf(geo, getPopulationIndex());
  if (task === 'warm') return parentPort?.postMessage({ done: { ok: true, value: '' } });
  const outcome = runScreen(task, data, (progress) => parentPort?.postMessage({ progress }));
  parentPort?.postMessage({ done: outcome });
});
