// Live coverage state without a browser: debounce, cancelling stale requests, the quick answer
// replaced by the full one (never the other way round), and errors keeping the last result.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createEvaluationController,
  EVALUATE_DEBOUNCE_MS,
  QUICK_TRIALS,
  type EvaluationState,
} from '../../web/features/coverage/evaluation-controller.ts';
import type { EvaluateRequest, EvaluateResponse } from '../../web/api/scenario-types.ts';
import { ApiError } from '../../web/api/client.ts';

interface Call {
  request: EvaluateRequest;
  signal: AbortSignal;
  resolve(value: EvaluateResponse): void;
  reject(error: unknown): void;
}

const request = (units: number, trials?: number): EvaluateRequest => ({
  campus: { id: 'xai-colossus-2' },
  deployments: [{ designId: 'bwrx-300', units, lat: 35.3, lon: -89.6 }],
  options: trials === undefined ? {} : { trials },
});
/** A stand-in answer: only the fields these tests read. */
const answer = (served: number) =>
  ({ coverage: { servedEnergyFraction: served } }) as unknown as EvaluateResponse;

let calls: Call[];
let states: EvaluationState[];
const last = () => states[states.length - 1];

function setup() {
  return createEvaluationController(
    (req, signal) =>
      new Promise<EvaluateResponse>((resolve, reject) => {
        calls.push({ request: req, signal, resolve, reject });
        signal.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      }),
    (state) => states.push(state),
  );
}

beforeEach(() => {
  vi.useFakeTimers();
  calls = [];
  states = [];
});
afterEach(() => vi.useRealTimers());

describe('evaluation controller', () => {
  it('debounces: three quick edits send one evaluation (quick + full) for the last', async () => {
    const controller = setup();
    controller.run(request(1));
    controller.run(request(2));
    controller.run(request(3));
    expect(calls).toHaveLength(0);
    expect(last().loading).toBe(true);
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS - 1);
    // Still typing: nothing sent until the input pauses for the debounce.
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => [c.request.deployments[0].units, c.request.options?.trials])).toEqual([
      [3, QUICK_TRIALS],
      [3, undefined],
    ]);
  });

  it('sends a change after a quiet spell at once (a click or a drop is not typing)', async () => {
    const controller = setup();
    controller.run(request(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS * 3);
    controller.run(request(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.request.deployments[0].units)).toEqual([1, 1, 2, 2]);
  });

  it('shows the quick answer as refining, then the full one replaces it', async () => {
    const controller = setup();
    controller.run(request(4));
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS);
    const [quick, full] = calls;
    quick.resolve(answer(0.5));
    await vi.runAllTimersAsync();
    expect(last()).toMatchObject({ quality: 'quick', refining: true, loading: true });
    expect(last().result?.coverage.servedEnergyFraction).toBe(0.5);
    full.resolve(answer(0.52));
    await vi.runAllTimersAsync();
    expect(last()).toMatchObject({
      quality: 'full',
      refining: false,
      loading: false,
      stale: false,
    });
    expect(last().result?.coverage.servedEnergyFraction).toBe(0.52);
  });

  it('drops a quick answer that arrives after the full one', async () => {
    const controller = setup();
    controller.run(request(4));
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS);
    const [quick, full] = calls;
    full.resolve(answer(0.52));
    await vi.runAllTimersAsync();
    quick.resolve(answer(0.5));
    await vi.runAllTimersAsync();
    expect(last().result?.coverage.servedEnergyFraction).toBe(0.52);
    expect(last().quality).toBe('full');
  });

  it('never lets an answer to older inputs overwrite a newer one', async () => {
    const controller = setup();
    controller.run(request(1));
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS);
    const older = calls.slice();
    controller.run(request(2));
    // Starting the newer run aborts the older requests.
    expect(older.every((c) => c.signal.aborted)).toBe(true);
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS);
    const newer = calls.slice(2);
    newer[1].resolve(answer(0.9));
    await vi.runAllTimersAsync();
    // Even if the server answers the aborted request anyway, it is ignored.
    older[1].resolve(answer(0.1));
    await vi.runAllTimersAsync();
    expect(last().result?.coverage.servedEnergyFraction).toBe(0.9);
    expect(last().resultRequest?.deployments[0].units).toBe(2);
  });

  it('sends one request when the trials asked are already few', async () => {
    const controller = setup();
    controller.run(request(1, QUICK_TRIALS));
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS);
    expect(calls).toHaveLength(1);
  });

  it('keeps the last good result after an error, marked stale, with the server message', async () => {
    const controller = setup();
    controller.run(request(1));
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS);
    calls[1].resolve(answer(0.3));
    await vi.runAllTimersAsync();
    controller.run(request(200));
    await vi.advanceTimersByTimeAsync(EVALUATE_DEBOUNCE_MS);
    const error = new ApiError(
      400,
      'BAD_REQUEST',
      'units must be <= 100 (got 200)',
      '/api/evaluate',
    );
    calls[2].reject(error);
    calls[3].reject(error);
    await vi.runAllTimersAsync();
    expect(last()).toMatchObject({
      loading: false,
      stale: true,
      error: 'units must be <= 100 (got 200)',
    });
    expect(last().result?.coverage.servedEnergyFraction).toBe(0.3);
  });

  it('with nothing to evaluate, is empty and sends nothing', async () => {
    const controller = setup();
    controller.run(null);
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(0);
    expect(last()).toMatchObject({ empty: true, loading: false, result: null });
  });
});
