// One request at a time for a view that follows user input: starting a new one cancels the one
// waiting out its debounce or in flight, and a superseded answer or error is never delivered.
import { isAbort } from './client.ts';

export interface LatestRequest {
  /** After `delayMs`, runs `task` with a fresh signal; `done` or `failed` only if still latest. */
  start<T>(
    delayMs: number,
    task: (signal: AbortSignal) => Promise<T>,
    done: (value: T) => void,
    failed: (error: unknown) => void,
  ): void;
  cancel(): void;
}

export function createLatestRequest(): LatestRequest {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  const cancel = () => {
    clearTimeout(timer);
    inFlight?.abort();
    inFlight = undefined;
  };
  return {
    cancel,
    start(delayMs, task, done, failed) {
      cancel();
      const controller = new AbortController();
      inFlight = controller;
      timer = setTimeout(async () => {
        try {
          const value = await task(controller.signal);
          if (!controller.signal.aborted) done(value);
        } catch (error) {
          if (!controller.signal.aborted && !isAbort(error)) failed(error);
        } finally {
          if (inFlight === controller) inFlight = undefined;
        }
      }, delayMs);
    },
  };
}
