// Runs tasks at most `limit` at a time, in order, reporting each as it settles: the compare
// views stream their rows without flooding the server with evaluations.
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export async function runLimited<T>(
  tasks: readonly (() => Promise<T>)[],
  limit: number,
  onSettled: (index: number, outcome: Settled<T>) => void,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length && !signal?.aborted) {
      const index = next++;
      let outcome: Settled<T>;
      try {
        outcome = { ok: true, value: await tasks[index]() };
      } catch (error) {
        outcome = { ok: false, error };
      }
      if (!signal?.aborted) onSettled(index, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}
