// Worker thread: runs evaluation tasks with the bundled designs it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import type { EvaluateData } from '../../models/scenario.ts';
import { highsSolver } from '../optimise/highs.ts';
import { runTask, setLpSolver, type Task } from './tasks.ts';

// The optimiser's relaxation runs here too; HiGHS (WebAssembly) loads once per worker.
setLpSolver(await highsSolver());

const data = (workerData as { data: EvaluateData }).data;

parentPort?.on('message', (task: Task) => {
  parentPort?.postMessage({ done: runTask(task, data) });
});
