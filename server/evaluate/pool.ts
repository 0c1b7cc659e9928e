// A fixed pool of worker threads running one kind of task. Tasks queue when every worker is
// busy. Each task belongs to a group (one request). A group that has used less than a quantum of
// worker time goes first (the cheapest by its cost hint among those, then the least served), so
// a small request overtakes big ones instead of waiting behind all their chunks; past the
// quantum, groups run oldest first, so big requests finish one by one instead of all late. A queued task whose signal aborts leaves the queue; a running one
// finishes (chunks are short) and its answer is dropped. A worker may post progress messages
// before its answer. A worker that crashes is replaced and its task fails with its error.
// Optionally some workers form a small lane: they take only tasks of groups whose cost is at most
// `smallLane.maxCost`, so a small request never waits behind a big one's task (a big evaluation's
// set-up alone holds a worker ~0.4 s). The other workers take any task.
// A task may also be made when a worker takes it (runLazy): its maker then knows whether other
// groups are waiting, so a lone request can take bigger chunks that others never queue behind.
import { Worker } from 'node:worker_threads';

/** What a worker posts: progress (any number of times), then the answer. */
export type WorkerMessage<O> = { progress: unknown } | { done: O };

/** Worker time a group runs at the front of the queue (a small request's whole evaluation). */
const QUANTUM_MS = 250;

export interface RunOptions {
  /** Tasks of one group are scheduled as one request; default: the task alone. */
  group?: { cost?: number };
  signal?: AbortSignal;
  onProgress?: (progress: unknown) => void;
}

interface Group {
  /** Worker milliseconds its tasks have used. */
  servedMs: number;
  /** Expected work (e.g. unit-trial-hours): the cheaper of two new groups goes first. */
  cost: number;
  /** Arrival order. */
  seq: number;
  jobs: Job<unknown, unknown>[];
}

/**
 * Makes a task as a worker takes it. `othersWaiting`: another group has a task queued or running.
 * Undefined: nothing is left to do; the job then answers undefined without a worker.
 */
export type TaskMaker<I> = (othersWaiting: boolean) => I | undefined;

interface Job<I, O> {
  input: I | TaskMaker<I>;
  lazy: boolean;
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

export interface PoolOptions<I = unknown> {
  /** Workers kept for groups of cost ≤ maxCost, besides `size` general ones. */
  smallLane?: { workers: number; maxCost: number };
  /**
   * Called once per worker (and its replacement): what to post for each task that worker starts,
   * in start order (e.g. leave out what the worker already holds). Default: the task itself.
   */
  encoder?: () => (input: I) => unknown;
}

export class WorkerPool<I, O> {
  private readonly idle: Worker[] = [];
  /** Idle small-lane workers. */
  private readonly idleSmall: Worker[] = [];
  private readonly small = new WeakSet<Worker>();
  private readonly encoders = new WeakMap<Worker, (input: I) => unknown>();
  private readonly busy = new Map<Worker, Job<I, O | undefined>>();
  /** Groups with queued tasks, oldest first. */
  private readonly groups = new Map<object, Group>();
  private readonly served = new WeakMap<object, Group>();
  private closed = false;
  private seq = 0;

  constructor(
    private readonly entry: URL,
    readonly size: number,
    /** Passed to every worker once at start (e.g. bundled data), so tasks stay small. */
    private readonly data?: unknown,
    private readonly options: PoolOptions<I> = {},
  ) {
    for (let i = 0; i < size; i += 1) this.idle.push(this.spawn(false));
    const lane = options.smallLane?.workers ?? 0;
    for (let i = 0; i < lane; i += 1) this.idleSmall.push(this.spawn(true));
  }

  private idleOf(worker: Worker): Worker[] {
    return this.small.has(worker) ? this.idleSmall : this.idle;
  }

  run(input: I, options: RunOptions = {}): Promise<O> {
    return this.enqueue(input, false, options) as Promise<O>;
  }

  /** Like run, with the task made when a worker takes it (TaskMaker). */
  runLazy(make: TaskMaker<I>, options: RunOptions = {}): Promise<O | undefined> {
    return this.enqueue(make, true, options);
  }

  private enqueue(
    input: I | TaskMaker<I>,
    lazy: boolean,
    options: RunOptions,
  ): Promise<O | undefined> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const key = options.group ?? {};
    let group = this.served.get(key);
    if (!group) {
      group = { servedMs: 0, cost: options.group?.cost ?? 0, seq: (this.seq += 1), jobs: [] };
      this.served.set(key, group);
    }
    const owner = group;
    return new Promise<O | undefined>((resolve, reject) => {
      const onAbort = () => {
        const at = owner.jobs.indexOf(job as Job<unknown, unknown>);
        if (at < 0) return; // running: it finishes, the caller has stopped listening
        owner.jobs.splice(at, 1);
        if (owner.jobs.length === 0) this.groups.delete(key);
        reject(abortError(signal as AbortSignal));
      };
      const job: Job<I, O | undefined> = {
        input,
        lazy,
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
    const workers = [...this.idle, ...this.idleSmall, ...this.busy.keys()];
    this.idle.length = 0;
    this.idleSmall.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private spawn(small: boolean): Worker {
    const worker = new Worker(bootUrl, { workerData: { entry: this.entry.href, data: this.data } });
    if (small) this.small.add(worker);
    if (this.options.encoder) this.encoders.set(worker, this.options.encoder());
    worker.on('message', (message: WorkerMessage<O>) => {
      const job = this.busy.get(worker);
      if ('progress' in message) {
        job?.options.onProgress?.(message.progress);
        return;
      }
      this.busy.delete(worker);
      this.idleOf(worker).push(worker);
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
        this.idleOf(worker).push(this.spawn(small));
        this.dispatch();
      }
    });
    // An idle worker must not keep a closing process alive; a busy one must, or a caller
    // awaiting its answer with nothing else pending would see the process exit (code 13).
    worker.unref();
    return worker;
  }

  /** Groups under the quantum first (cheapest, then least served); then the oldest. */
  private nextGroup(maxCost = Infinity): [object, Group] | undefined {
    let best: [object, Group] | undefined;
    const rank = (g: Group): [number, number, number] =>
      g.servedMs < QUANTUM_MS ? [0, g.cost, g.servedMs] : [1, g.seq, 0];
    const before = (a: Group, b: Group) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.seq - b.seq;
    };
    for (const entry of this.groups) {
      if (entry[1].cost > maxCost) continue;
      if (!best || before(entry[1], best[1]) < 0) best = entry;
    }
    return best;
  }

  private dispatch(): void {
    // Small-lane workers first: a small task then leaves the general workers to big ones.
    const maxCost = this.options.smallLane?.maxCost ?? -Infinity;
    while (this.idleSmall.length > 0 && this.start(this.idleSmall, maxCost));
    while (this.idle.length > 0 && this.start(this.idle, Infinity));
  }

  /** Starts the next task a worker of `idle` may take; false when there is none. */
  private start(idle: Worker[], maxCost: number): boolean {
    const next = this.nextGroup(maxCost);
    if (!next) return false;
    const [key, group] = next;
    const job = group.jobs.shift() as Job<I, O | undefined>;
    if (group.jobs.length === 0) this.groups.delete(key);
    let input = job.input as I;
    if (job.lazy) {
      const made = (job.input as TaskMaker<I>)(this.othersWaiting(group));
      if (made === undefined) {
        job.cleanup();
        job.resolve(undefined);
        return true; // the worker is still idle: look for the next task
      }
      input = made;
    }
    // Re-queued groups go to the back: equals then take turns.
    const worker = idle.pop() as Worker;
    job.startedAt = performance.now();
    this.busy.set(worker, job);
    worker.ref();
    const encode = this.encoders.get(worker);
    worker.postMessage(encode ? encode(input) : input);
    return true;
  }

  /** Whether a group other than `group` has a task queued or running. */
  private othersWaiting(group: Group): boolean {
    for (const other of this.groups.values()) if (other !== group) return true;
    for (const job of this.busy.values()) if (job.group !== group) return true;
    return false;
  }
}
