// A fixed pool of worker threads running one kind of task. Tasks queue when every worker is
// busy. Each task belongs to a group (one request); the next task comes from the group that has
// used the least worker time so far, so a small request overtakes big ones instead of waiting
// behind all their chunks. A queued task whose signal aborts leaves the queue; a running one
// finishes (chunks are short) and its answer is dropped. A worker may post progress messages
// before its answer. A worker that crashes is replaced and its task fails with its error.
import { Worker } from 'node:worker_threads';

/** What a worker posts: progress (any number of times), then the answer. */
export type WorkerMessage<O> = { progress: unknown } | { done: O };

export interface RunOptions {
  /** Tasks of one group share its fair share of the workers; default: the task alone. */
  group?: object;
  signal?: AbortSignal;
  onProgress?: (progress: unknown) => void;
}

interface Group {
  /** Worker milliseconds its tasks have used. */
  servedMs: number;
  jobs: Job<unknown, unknown>[];
}

interface Job<I, O> {
  input: I;
  group: Group;
  options: RunOptions;
  resolve: (output: O) => void;
  reject: (error: Error) => void;
  startedAt?: number;
  cleanup: () => void;
}

const bootUrl = new URL('./worker-boot.mjs', import.meta.url);

export function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}

export class WorkerPool<I, O> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job<I, O>>();
  /** Groups with queued tasks, oldest first. */
  private readonly groups = new Map<object, Group>();
  private readonly served = new WeakMap<object, Group>();
  private closed = false;

  constructor(
    private readonly entry: URL,
    readonly size: number,
    /** Passed to every worker once at start (e.g. bundled data), so tasks stay small. */
    private readonly data?: unknown,
  ) {
    for (let i = 0; i < size; i += 1) this.idle.push(this.spawn());
  }

  run(input: I, options: RunOptions = {}): Promise<O> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const key = options.group ?? {};
    let group = this.served.get(key);
    if (!group) {
      group = { servedMs: 0, jobs: [] };
      this.served.set(key, group);
    }
    const owner = group;
    return new Promise<O>((resolve, reject) => {
      const onAbort = () => {
        const at = owner.jobs.indexOf(job as Job<unknown, unknown>);
        if (at < 0) return; // running: it finishes, the caller has stopped listening
        owner.jobs.splice(at, 1);
        if (owner.jobs.length === 0) this.groups.delete(key);
        reject(abortError(signal as AbortSignal));
      };
      const job: Job<I, O> = {
        input,
        group: owner,
        options,
        resolve,
        reject,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      owner.jobs.push(job as Job<unknown, unknown>);
      this.groups.set(key, owner);
      this.dispatch();
    });
  }

  /** Tasks queued or running. */
  get pending(): number {
    let queued = 0;
    for (const group of this.groups.values()) queued += group.jobs.length;
    return queued + this.busy.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const group of this.groups.values()) {
      for (const job of group.jobs.splice(0)) job.reject(new Error('worker pool closed'));
    }
    this.groups.clear();
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(bootUrl, { workerData: { entry: this.entry.href, data: this.data } });
    worker.on('message', (message: WorkerMessage<O>) => {
      const job = this.busy.get(worker);
      if ('progress' in message) {
        job?.options.onProgress?.(message.progress);
        return;
      }
      this.busy.delete(worker);
      this.idle.push(worker);
      worker.unref();
      if (job) {
        job.group.servedMs += performance.now() - (job.startedAt ?? performance.now());
        job.cleanup();
        if (job.options.signal?.aborted) job.reject(abortError(job.options.signal));
        else job.resolve(message.done);
      }
      this.dispatch();
    });
    worker.on('error', (error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      job?.cleanup();
      job?.reject(error);
      if (!this.closed) {
        this.idle.push(this.spawn());
        this.dispatch();
      }
    });
    // An idle worker must not keep a closing process alive; a busy one must, or a caller
    // awaiting its answer with nothing else pending would see the process exit (code 13).
    worker.unref();
    return worker;
  }

  /** The queued group that has used the least worker time (the oldest among equals). */
  private nextGroup(): [object, Group] | undefined {
    let best: [object, Group] | undefined;
    for (const entry of this.groups) {
      if (!best || entry[1].servedMs < best[1].servedMs) best = entry;
    }
    return best;
  }

  private dispatch(): void {
    while (this.idle.length > 0) {
      const next = this.nextGroup();
      if (!next) return;
      const [key, group] = next;
      const job = group.jobs.shift() as Job<I, O>;
      if (group.jobs.length === 0) this.groups.delete(key);
      // Re-queued groups go to the back: equals then take turns.
      const worker = this.idle.pop() as Worker;
      job.startedAt = performance.now();
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.input);
    }
  }
}
