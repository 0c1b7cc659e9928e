// Worker thread: runs evaluation tasks with the bundled designs it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import type { EvaluateData } from '../../models/scenario.ts';
import { highsSolver } from '../optimise/highs.ts';
import { runTask, setLpSolver, type Task } from './tasks.ts';

const data = (workerData as { data: EvaluateData }).data;
let solverLoaded = false;

// The pool sends a worker one task at a time, so awaiting here keeps answers in order.
parentPort?.on('message', async (task: Task) => {
  // HiGHS (WebAssembly) loads on the first optimiser relaxation only, not at every start.
  if (task.kind === 'relax' && !solverLoaded) {
    setLpSolver(await highsSolver());
    solverLoaded = true;
  }
  parentPort?.postMessage({ done: runTask(task, data) });
});
