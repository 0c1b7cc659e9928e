import { describe, expect, it } from 'vitest';
import { createLatestRequest } from '../../web/api/latest-request.ts';

const tick = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('createLatestRequest', () => {
  it('delivers only the newest answer when a second request supersedes the first', async () => {
    const latest = createLatestRequest();
    const delivered: string[] = [];
    const slow = (value: string, ms: number) => (signal: AbortSignal) =>
      new Promise<string>((done) => setTimeout(() => done(signal.aborted ? 'late' : value), ms));
    latest.start(
      0,
      slow('first', 30),
      (v) => delivered.push(v),
      () => delivered.push('error'),
    );
    await tick(5);
    latest.start(
      0,
      slow('second', 10),
      (v) => delivered.push(v),
      () => delivered.push('error'),
    );
    await tick(60);
    expect(delivered).toEqual(['second']);
  });

  it('never runs a request cancelled during its debounce, and reports real failures', async () => {
    const latest = createLatestRequest();
    let ran = false;
    latest.start(
      20,
      async () => (ran = true),
      () => undefined,
      () => undefined,
    );
    latest.cancel();
    await tick(40);
    expect(ran).toBe(false);
    const errors: unknown[] = [];
    latest.start(
      0,
      async () => Promise.reject(new Error('boom')),
      () => undefined,
      (e) => errors.push(e),
    );
    await tick(10);
    expect(errors.map(String)).toEqual(['Error: boom']);
  });
});
