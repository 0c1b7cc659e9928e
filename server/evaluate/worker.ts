// Worker thread: runs evaluation tasks with the bundled designs it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import type { EvaluateData } from '../../models/scenario.ts';
import { runTask, type Task } from './tasks.ts';

const data = (workerData as { data: EvaluateData }).data;

parentPort?.on('message', (task: Task) => {
  parentPort?.postMessage({ done: runTask(task, data) });
});
