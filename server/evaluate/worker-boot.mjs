// Worker entry: Node 20 does not pass `--import tsx` on to worker threads, so the worker
// registers tsx itself and then loads the TypeScript entry named in workerData.
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

// Compute threads yield the CPU to the event loop: on Linux the nice value is per thread, so
// this lowers only this worker (nice 10 weighs ~1/10 of nice 0 in the CFS scheduler). With two
// cores, an evaluation worker and a screen worker otherwise take turns with the event loop and
// /api/health waits out their time slices (issue 12: p99 ≤ 20 ms under load). Where a platform
// refuses, the worker runs at normal priority.
export const WORKER_NICE = 10;
try {
  setPriority(WORKER_NICE);
} catch {
  // not permitted here: unchanged
}

register();
await import(workerData.entry);
