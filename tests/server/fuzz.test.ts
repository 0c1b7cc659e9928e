// The fuzz suite in the test run (issue 12): a few hundred seeded cases per route on each
// database, and a few on the streamed and comparison report routes. `npm run fuzz` runs the same
// generator with ≥ 10,000 cases per route.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.ts';
import { dialects } from '../helpers/databases.ts';
import { runFuzz } from '../fuzz/generator.ts';

describe.each(dialects)('fuzzed requests on %s', (dialect) => {
  const app = useTestApp(dialect);

  it('never answers 5xx, always the error shape, and saves exactly what it said', async () => {
    // streamCount 4: the streamed and comparison routes evaluate and draw, so few cases.
    const stats = await runFuzz(app(), {
      count: 150,
      seed: dialect === 'sqlite' ? 12 : 13,
      streamCount: 4,
    });
    expect(stats.failures).toEqual([]);
    expect(stats.status5xx).toBe(0);
    expect(stats.shapeViolations).toBe(0);
    expect(stats.databaseMatches).toBe(true);
    expect(stats.cases).toBeGreaterThan(1500);
    expect(stats.streams).toBeGreaterThan(0);
  }, 60_000);
});
