import { defineConfig } from 'vitest/config';

// Tests that measure latency (`*.alone.test.ts`) run after every other file has finished, one
// at a time, so the suite's own load does not stand in for the load they apply.
const ALONE = 'tests/**/*.alone.test.ts';

export default defineConfig({
  test: {
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    // Browser and PostgreSQL tests start servers and browsers: give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: [ALONE] },
      },
      {
        extends: true,
        test: {
          name: 'alone',
          include: [ALONE],
          fileParallelism: false,
          testTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
