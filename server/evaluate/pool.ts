// A fixed pool of worker threads running one kind of task. Tasks queue when every worker is
// busy; a worker that crashes is replaced and its task fails with the worker's error.
import { Worker } from 'node:worker_threads';

interface Job<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: Error) => void;
}

const bootUrl = new URL('./worker-boot.mjs', import.meta.url);

export class WorkerPool<I, O> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job<I, O>>();
  private readonly queue: Job<I, O>[] = [];
  private closed = false;

  constructor(
    private readonly entry: URL,
    readonly size: number,
    /** Passed to every worker once at start (e.g. bundled data), so tasks stay small. */
    private readonly data?: unknown,
  ) {
    for (let i = 0; i < size; i += 1) this.idle.push(this.spawn());
  }

  run(input: I): Promise<O> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  get pending(): number {
    return this.queue.length + this.busy.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('worker pool closed'));
    const workers = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(): Worker {
    const worker = new Worker(bootUrl, { workerData: { entry: this.entry.href, data: this.data } });
    worker.on('message', (output: O) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      worker.unref();
      job?.resolve(output);
      this.dispatch();
    });
    worker.on('error', (error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
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

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job<I, O>;
      this.busy.set(worker, job);
      worker.ref();
      worker.postMessage(job.input);
    }
  }
}
