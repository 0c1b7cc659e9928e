// Worker entry: Node 20 does not pass `--import tsx` on to worker threads, so the worker
// registers tsx itself and then loads the TypeScript entry named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
